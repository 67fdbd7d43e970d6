"""NER on raw text: gold tokens detokenised into the sentence a reader has, and flat outermost spans."""

from __future__ import annotations

from warta.eval.ner import detokenise, outermost


def test_detokenise_rebuilds_the_sentence_and_token_offsets():
    words = ["Menurut", "Budi", "(", "PDIP", ")", ",", '"', "kami", "siap", '"', "."]
    text, offsets = detokenise(words)
    assert text == 'Menurut Budi (PDIP), "kami siap".'
    assert [text[s:e] for s, e in offsets] == words


def test_detokenise_glues_a_hyphen_between_words():
    words = ["Pihak", "-", "pihak", "Covid", "-", "19", "menang", "2", "-", "0", "(", "-", ")", "."]
    text, offsets = detokenise(words)
    assert text == "Pihak-pihak Covid-19 menang 2-0 (-)."
    assert [text[s:e] for s, e in offsets] == words


def test_detokenise_keeps_a_date_line_or_pair_dash_spaced():
    words = ["Jakarta", "-", "Maraton", "itu", "janji", "Mega", "-", "Prabowo", ",", "Song", "Hye", "-", "kyo",
             "Sama", "-", "Sama", "."]
    text, offsets = detokenise(words)
    assert text == "Jakarta - Maraton itu janji Mega - Prabowo, Song Hye-kyo Sama-Sama."
    assert [text[s:e] for s, e in offsets] == words


def test_outermost_keeps_the_spans_no_other_contains():
    spans = {(0, 29, "ORG"), (24, 29, "LOC"), (31, 36, "PER")}
    assert outermost(spans) == {(0, 29, "ORG"), (31, 36, "PER")}
