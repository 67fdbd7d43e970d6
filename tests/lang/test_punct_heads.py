"""Punctuation attachment by the UD rule: the pure function and the pipeline component."""

import pytest
import spacy
from spacy.tokens import Doc

from warta.lang.punct_heads import attach_punct, reattach_punct


def _attach(words):
    """words: (form, upos, head) with 1-based heads; returns the new heads."""
    forms, upos, heads = zip(*words)
    return attach_punct([0, *heads], ["", *upos], ["", *forms])[1:]


@pytest.mark.parametrize(
    "words,expected",
    [
        # R . Tjetje datang : the period of an initial hangs on the initial, not on the name after it
        ([("R", "PROPN", 4), (".", "PUNCT", 3), ("Tjetje", "PROPN", 1), ("datang", "VERB", 0)], [4, 1, 1, 0]),
        # Ia datang . Kami pergi : a period inside the sentence closes what precedes it
        ([("Ia", "PRON", 2), ("datang", "VERB", 0), (".", "PUNCT", 5), ("Kami", "PRON", 5), ("pergi", "VERB", 2)],
         [2, 0, 2, 5, 2]),
        # Ia datang , lalu pergi . : a comma before a conjunct goes to the conjunct; the final stop hung
        # on "lalu" goes to the root (on "pergi", a node on its path, it would have been kept)
        ([("Ia", "PRON", 2), ("datang", "VERB", 0), (",", "PUNCT", 2), ("lalu", "ADV", 5), ("pergi", "VERB", 2),
          (".", "PUNCT", 4)], [2, 0, 5, 5, 2, 2]),
    ],
)
def test_attach_punct(words, expected):
    assert _attach(words) == expected


def test_a_word_hung_on_punctuation_moves_to_the_mark_head():
    # kota , besar : the parser hung "besar" on the comma
    assert _attach([("kota", "NOUN", 0), (",", "PUNCT", 1), ("besar", "ADJ", 2)]) == [0, 3, 1]


def _doc(words, heads, deps, pos):
    vocab = spacy.blank("id").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * (len(words) - 1))


def test_component_reattaches_and_keeps_labels_and_sentences():
    doc = _doc(["Ia", "datang", ",", "lalu", "pergi", "."], [1, 1, 1, 4, 1, 3],
               ["nsubj", "ROOT", "punct", "advmod", "conj", "punct"],
               ["PRON", "VERB", "PUNCT", "ADV", "VERB", "PUNCT"])
    out = reattach_punct(doc)
    assert [t.head.i for t in out] == [1, 1, 4, 4, 1, 1]
    assert [t.dep_ for t in out] == ["nsubj", "ROOT", "punct", "advmod", "conj", "punct"]
    assert len(list(out.sents)) == 1


def test_component_leaves_unparsed_docs_and_punctuation_roots_alone():
    unparsed = Doc(spacy.blank("id").vocab, words=["Ia", "datang", "."], sent_starts=[True, False, False])
    assert [t.head.i for t in reattach_punct(unparsed)] == [0, 1, 2]
    odd = _doc(["Ia", "datang", "."], [2, 2, 2], ["nsubj", "dep", "ROOT"], ["PRON", "VERB", "PUNCT"])
    assert [t.head.i for t in reattach_punct(odd)] == [2, 2, 2]


def test_pipeline_runs_the_component_after_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("warta_punct_heads") == names.index("warta_parser") + 1
