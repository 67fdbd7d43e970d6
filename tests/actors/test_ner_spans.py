"""How the linker uses the NER's spans on raw text (where gold tokens are not given): sentence-initial
names, organisations around a known place, organisation names the capitalised run cuts short."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from warta.actors import link
from warta.article import Article

from tests.actors.conftest import FIXTURE


def _run(nlp, text: str, ents: list[tuple[str, str]]) -> Article:
    """Link ``text`` with the NER spans ``ents`` given as (surface, label)."""
    doc = nlp(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = [s for s in spans if isinstance(s, Span)]
    art = Article(body=text, published="2019-05-14")
    art.sentences = [[s.start_char, s.end_char] for s in doc.sents]
    return link(art, doc, folder=FIXTURE)


def _mentions(art: Article) -> dict[str, str]:
    return {m.text: e.type for e in art.entities for m in e.mentions}


def test_a_name_opening_a_sentence_is_kept_when_it_is_no_indonesian_word(blank_nlp):
    art = _run(blank_nlp, "Wiranegara tiba di Bandung kemarin.", [("Wiranegara", "PER")])
    assert _mentions(art) == {"Wiranegara": "PER"}


@pytest.mark.parametrize("word", ["Melansir", "Menurut", "Adapun"])
def test_an_indonesian_word_opening_a_sentence_is_no_name_on_the_ner_alone(blank_nlp, word):
    art = _run(blank_nlp, f"{word} laporan itu, harga naik.", [(word, "PER")])
    assert art.entities == []


def test_an_organisation_around_a_known_place_is_one_organisation_with_the_place_nested(blank_nlp):
    art = _run(blank_nlp, "Klub Dinamo Kyiv menang tadi malam.", [("Dinamo Kyiv", "ORG")])
    found = _mentions(art)
    assert found["Dinamo Kyiv"] == "ORG" and found["Kyiv"] == "GPE"


def test_a_person_span_around_a_place_is_not_made_an_organisation(blank_nlp):
    art = _run(blank_nlp, "Ia bertemu warga Kyiv Selatan kemarin.", [("Kyiv Selatan", "PER")])
    assert "Kyiv Selatan" not in _mentions(art)


def test_the_ner_extends_an_organisation_name_cut_at_a_common_word(blank_nlp):
    text = "Mereka meminta Komite Nasional Keselamatan Transportasi menyelidiki kecelakaan itu."
    art = _run(blank_nlp, text, [("Komite Nasional Keselamatan Transportasi", "ORG")])
    assert _mentions(art).get("Komite Nasional Keselamatan Transportasi") == "ORG"


@pytest.mark.parametrize("text,person", [
    ("Bantuan itu tepat sasaran, kata Mensos Rini Wulandari.", "Rini Wulandari"),
    ("Jaksa Agung Darmono Sulistyo menandatangani nota itu.", "Darmono Sulistyo"),
])
def test_a_cabinet_abbreviation_is_a_title_not_part_of_the_name(run, text, person):
    people = {m.text for e in run(text).entities if e.type == "PER" for m in e.mentions}
    assert people == {person}


@pytest.mark.parametrize("text", [
    "Kepala Pusat Data dan Informasi menyampaikan laporan.",
    "Aturan itu tertuang dalam Peraturan Menteri Perhubungan Nomor PM 12 Tahun 2020.",
    "Ia menemui pejabat Pemkot Bandung.",
    "Pandangan Ketua Umum partai itu berubah.",
])
def test_words_after_a_title_that_are_no_name(run, text):
    assert not any(e.type == "PER" for e in run(text).entities)


def test_a_person_the_ner_starts_after_an_organisation_behind_a_title(blank_nlp):
    text = "Direktur Sinarmas Lestari Wahyuningsih hadir di sidang."
    art = _run(blank_nlp, text, [("Sinarmas", "ORG"), ("Lestari Wahyuningsih", "PER")])
    found = _mentions(art)
    assert found.get("Lestari Wahyuningsih") == "PER" and found.get("Sinarmas") == "ORG"


def test_a_nickname_in_brackets_after_a_full_name_is_the_same_person(blank_nlp):
    text = "Wali kota Hendrawan Saputra Wibisono (Ucok) tiba. Ucok menyapa warga."
    art = _run(blank_nlp, text, [("Hendrawan Saputra Wibisono", "PER"), ("Ucok", "PER")])
    people = [e for e in art.entities if e.type == "PER"]
    assert len(people) == 1 and sorted(m.text for m in people[0].mentions) == [
        "Hendrawan Saputra Wibisono", "Ucok", "Ucok"]


def test_two_acronyms_side_by_side_are_one_body(blank_nlp):
    text = "Dosen FT UGM meneliti jembatan itu."
    doc = blank_nlp(text)
    doc.ents = [doc.char_span(text.index("UGM"), text.index("UGM") + 3, label="ORG")]
    art = link(Article(body=text, published="2024-05-14", sentences=[[0, len(text)]]), doc)  # shipped: FT is the Financial Times
    found = _mentions(art)
    assert found.get("FT UGM") == "ORG" and "FT" not in found  # a faculty of UGM, not the Financial Times


@pytest.mark.parametrize("text,span,label,name", [
    ("Kunjungan Wiratmo ke Guyana terjadi sebulan kemudian.", "Kunjungan Wiratmo", "LOC", "Wiratmo"),
    ("Kata Wiratmo, pasukan itu tiba sejak Januari.", "Kata Wiratmo", "PER", "Wiratmo"),
    ("Ia tiba di Gunung Lewotobi pagi tadi.", "Gunung Lewotobi", "LOC", "Gunung Lewotobi"),  # a head stays
    ("Ia menyapa Susi Susanti di sana.", "Susi Susanti", "PER", "Susi Susanti"),  # no affix test in a person
])
def test_a_word_opening_an_ner_span_that_opens_no_name_is_left_out(blank_nlp, text, span, label, name):
    assert list(_mentions(_run(blank_nlp, text, [(span, label)]))) == [name]


def test_a_month_after_a_place_is_no_part_of_its_name(blank_nlp):
    art = _run(blank_nlp, "Mereka bertemu di Moskow Juni lalu.", [("Moskow Juni", "LOC")])
    assert "Moskow Juni" not in _mentions(art)


def test_an_english_name_cut_at_a_linking_word_runs_on_to_its_end(blank_nlp):
    text = "Forum itu digelar Foreign Policy Community of Indonesia (FPCI) di Jakarta."
    art = _run(blank_nlp, text, [("Foreign Policy Community of", "ORG")])
    found = _mentions(art)
    assert found.get("Foreign Policy Community of Indonesia") == "ORG" and "Foreign Policy Community of" not in found
    art = _run(blank_nlp, "Ia memimpin The United Liberation for West Papua-ULMWP sejak lama.",
               [("The United Liberation for", "ORG")])
    assert "United Liberation for West Papua" in _mentions(art)



@pytest.mark.parametrize("label", ["LOC", "ORG"])
def test_a_surname_the_ner_typed_as_a_place_is_the_person_named_before(blank_nlp, label):
    # real news: "menuduh Trudeau" after "Justin Trudeau", "Blinken dan Qin" after "Qin Gang"
    text = "Hendrik Vanderlaan tiba kemarin. Sejak itu Vanderlaan menolak bertemu."
    doc = blank_nlp(text)
    at = text.rindex("Vanderlaan")
    doc.ents = [doc.char_span(0, len("Hendrik Vanderlaan"), label="PER"),
                doc.char_span(at, at + len("Vanderlaan"), label=label)]
    art = Article(body=text, published="2019-05-14")
    art.sentences = [[s.start_char, s.end_char] for s in doc.sents]
    art = link(art, doc, folder=FIXTURE)
    assert [(e.name, e.type, len(e.mentions)) for e in art.entities] == [("Hendrik Vanderlaan", "PER", 2)]
