"""Entity spans are trimmed of whitespace and stray punctuation at their edges; common openers dropped."""

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


@pytest.mark.parametrize(
    "words,ent,label,kept",
    [
        (["Ikut", "hadir", "Menlu", "Retno"], (0, 1), "PER", False),  # a common word opening the sentence
        (["Kemarin", "Ikut", "hadir"], (1, 2), "PER", True),  # not at the sentence start: the NER's call
        (["Ikut", "Retno", "hadir"], (0, 2), "PER", True),  # two words: a name may begin with a word
        (["Beda", "hadir"], (0, 1), "ORG", True),  # only persons
        (["Retno", "hadir"], (0, 1), "PER", True),  # not a common word
    ],
)
def test_entity_trim_drops_a_common_word_opening_the_sentence(words, ent, label, kept):
    doc = Doc(spacy.blank("id").vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [doc.char_span(doc[ent[0]].idx, doc[ent[1] - 1].idx + len(doc[ent[1] - 1]), label=label)]
    assert bool(trim_entities(doc).ents) is kept
