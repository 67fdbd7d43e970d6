"""warta_entity_split: title + place + name, and a name with its bracketed acronym."""

import pytest
import spacy
from spacy.tokens import Doc

from warta.actors import titles
from warta.time import calendar_words

CALENDAR = frozenset(calendar_words())


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("id").vocab


def _split(vocab, words, ents):
    doc = Doc(vocab, words=words, ents=ents)
    return [(e.text, e.label_) for e in titles.split_entities(doc, CALENDAR).ents]


def test_place_and_name_after_a_title_become_loc_and_per(vocab):
    words = "Gubernur Jawa Barat Ridwan Kamil meresmikan jembatan".split()
    ents = ["O", "B-LOC", "I-LOC", "I-LOC", "I-LOC", "O", "O"]
    assert _split(vocab, words, ents) == [("Jawa Barat", "LOC"), ("Ridwan Kamil", "PER")]


def test_name_labelled_as_a_place_after_title_and_country_becomes_a_person(vocab):
    words = "bertemu Presiden Rusia Vladimir Putin di Moskwa".split()
    ents = ["O", "O", "B-LOC", "B-LOC", "I-LOC", "O", "B-LOC"]
    assert _split(vocab, words, ents) == [("Rusia", "LOC"), ("Vladimir Putin", "PER"), ("Moskwa", "LOC")]


def test_untagged_name_after_title_and_country_becomes_a_person(vocab):
    words = "bertemu Presiden Rusia Vladimir Putin di Sochi".split()
    ents = ["O", "O", "B-LOC", "O", "O", "O", "B-LOC"]
    assert _split(vocab, words, ents) == [("Rusia", "LOC"), ("Vladimir Putin", "PER"), ("Sochi", "LOC")]


@pytest.mark.parametrize("words,ents", [
    # after title + place, a day or a month is not a name
    ("Presiden AS Senin mengatakan".split(), ["O", "B-LOC", "O", "O"]),
    ("Menlu Rusia Mei lalu datang".split(), ["O", "B-LOC", "O", "O", "O"]),
    # nor a frequent common word that is capitalised in a headline
    ("Presiden Rusia Akan Datang".split(), ["O", "B-LOC", "O", "O"]),
    # nor a known place
    ("Presiden Rusia Moskwa".split(), ["O", "B-LOC", "O"]),
    # without a title before the place, capitalised words are left to the model
    ("warga Rusia Vladimir Putin".split(), ["O", "B-LOC", "O", "O"]),
    # a run longer than a name is left to the model
    ("Presiden Rusia Vladimir Vladimirovich Putin Ivanov Petrov".split(), ["O", "B-LOC", "O", "O", "O", "O", "O"]),
    # no title before the span: "Jawa Barat Selatan" style names are left to the model
    ("warga Jawa Barat Ridwan datang".split(), ["O", "B-LOC", "I-LOC", "I-LOC", "O"]),
    # the whole span is a known place: not split
    ("Gubernur Kalimantan Utara datang".split(), ["O", "B-LOC", "I-LOC", "O"]),
    # after title + place, a known place is not turned into a person
    ("Presiden Rusia Moskwa".split(), ["O", "B-LOC", "B-LOC"]),
])
def test_spans_the_rule_does_not_touch(vocab, words, ents):
    before = [(" ".join(words[i:i + 1]), e) for i, e in enumerate(ents)]
    doc = Doc(vocab, words=words, ents=ents)
    spans = [(e.start, e.end, e.label_) for e in doc.ents]
    assert [(e.start, e.end, e.label_) for e in titles.split_entities(doc, CALENDAR).ents] == spans, before


def test_name_and_bracketed_acronym_are_two_spans(vocab):
    words = "kata Susilo Bambang Yudhoyono ( SBY ) kemarin".split()
    ents = ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O", "O"]  # ")" already trimmed off
    assert _split(vocab, words, ents) == [("Susilo Bambang Yudhoyono", "PER"), ("SBY", "PER")]


def test_bracketed_company_form_is_not_a_second_name(vocab):
    words = "PT Pertamina ( Persero ) menaikkan harga".split()
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]
    assert _split(vocab, words, ents) == [("PT Pertamina ( Persero )", "ORG")]
