"""Entity spans are trimmed of whitespace and stray punctuation at their edges."""

import pytest
import spacy
from spacy.tokens import Doc

from warta.lang.ents import trim_entities


@pytest.mark.parametrize(
    "words,ent,expected",
    [
        (["Anton", "Suhartono", "\n\n", "Foto"], (0, 3), "Anton Suhartono"),  # paragraph break swallowed
        (['"', "Putin", "datang"], (0, 2), "Putin"),  # a quote at the start
        (["Jakarta", "."], (0, 2), "Jakarta"),
    ],
)
def test_entity_trim_drops_edge_whitespace_and_punctuation(words, ent, expected):
    doc = Doc(spacy.blank("id").vocab, words=words)
    doc.ents = [doc.char_span(doc[ent[0]].idx, doc[ent[1] - 1].idx + len(doc[ent[1] - 1]), label="PER")]
    assert [e.text for e in trim_entities(doc).ents] == [expected]
