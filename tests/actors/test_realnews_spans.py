"""Entity spans the real-news conventions count (fitted on realnews_train; our own sentences): NER slips
that name nothing, places nested in organisation names, continents, storms, labels of their own."""

from __future__ import annotations

import pytest

from tests.actors.test_ner_spans import _run as _ner_run
from tests.actors.test_realnews_rules import _shipped


@pytest.mark.parametrize("text,span,label", [
    ("Topan Kevin melanda Vanuatu pekan lalu.", "Topan Kevin", "PER"),  # a storm is weather
    ("Kemarin Pasukan paramiliter menyerang kamp itu.", "Pasukan paramiliter", "ORG"),  # ends in lower case
    ("BANDUNG - Aliansi buruh berunjuk rasa lagi.", "BANDUNG - Aliansi", "ORG"),  # across a date line's dash
    ("Keputusan itu diambil Fraksi kemarin.", "Fraksi", "ORG"),  # a body's head alone
    ("Serangan itu dilakukan Rezim Israel semalam.", "Rezim", "PER"),  # a description of the state
])
def test_ner_slips_name_nothing(blank_nlp, text, span, label):
    art = _ner_run(blank_nlp, text, [(span, label)])
    assert not any(m.text == span for e in art.entities for m in e.mentions)


def _named(art) -> dict[str, set[str]]:
    return {e.name: {m.text for m in e.mentions} for e in art.entities}


def test_a_city_inside_an_organisation_name_is_a_nested_mention(blank_nlp):
    named = _named(_shipped(blank_nlp, "Para menteri Organisasi Kerja Sama Shanghai berkumpul pekan ini."))
    assert "Shanghai" in named.get("Shanghai", set())


def test_a_place_under_an_old_name_inside_an_organisation_is_no_mention(blank_nlp):
    named = _named(_shipped(blank_nlp, "Gerilyawan Tentara Arakan merebut pos itu pekan ini."))
    assert not any("Arakan" in texts for name, texts in named.items() if name != "Tentara Arakan")


def test_a_continent_after_a_locative_is_a_place(blank_nlp):
    assert "Eropa" in _named(_shipped(blank_nlp, "Kasus campak naik tajam di Eropa tahun ini."))


@pytest.mark.parametrize("text,name", [
    ("Dua prajurit gugur dalam baku tembak dengan KKB di Papua.", "Kelompok Kriminal Bersenjata"),
    ("Hubungan kedua negara memburuk sejak runtuhnya Uni Soviet.", "Uni Soviet"),
])
def test_labels_counted_as_entities_of_their_own(blank_nlp, text, name):
    assert name in _named(_shipped(blank_nlp, text))


@pytest.mark.parametrize("text,name", [
    # up to a known body that closes it, capitalised common words go on the name
    ("Ia menemui anggota Komisi Percepatan Reformasi NATO kemarin.", "Komisi Percepatan Reformasi NATO"),
    # otherwise the name stops at the first of them, before a person's name
    ("Ia menemui Ketua Komisi Percepatan Reformasi Kepolisian Zarkasih kemarin.", "Komisi Percepatan"),
])
def test_capitalised_common_words_go_on_an_organisation_name_up_to_a_known_body(run, text, name):
    assert name in {e.name for e in run(text).entities if e.type == "ORG"}


@pytest.mark.parametrize("type_,name,canonical", [
    ("ORG", "Komisi IV DPR RI", "Komisi IV DPR"),
    ("ORG", "Kemlu RI", "Kemlu RI"),
    ("PER", "Budi RI", "Budi RI"),
    ("ORG", "Ketua MPR RI", "Ketua MPR"),
    ("ORG", "Kementerian Pertahanan RI", "Kementerian Pertahanan"),
    ("ORG", "Kedutaan Besar RI", "Kedutaan Besar RI"),  # whose embassy: RI stays
    ("ORG", "Konsulat Jenderal RI", "Konsulat Jenderal RI"),
])
def test_an_indonesian_body_is_named_without_ri(type_, name, canonical):
    from warta.actors.lexicon import load
    from warta.actors.link import canonical_name

    assert canonical_name(type_, name, load()) == canonical


def test_an_embassy_keeps_ri_in_its_name(run):
    names = {e.name for e in run("Kedutaan Besar RI di Kairo mengevakuasi 20 WNI.").entities if e.type == "ORG"}
    assert "Kedutaan Besar" not in names


@pytest.mark.parametrize("name", ["Hasyim Asy'ari", "Ma’ruf Wahid"])
def test_an_apostrophe_inside_a_name_is_part_of_it(run, name):
    art = run(f"Lembaga itu akan mengajukan banding, kata {name} kemarin.")
    assert name in {e.name for e in art.entities if e.type == "PER"}


def test_a_derived_word_before_a_known_surname_is_no_given_name(blank_nlp):
    # a title-case headline: "Makzulkan" (makzul + -kan) is a verb, not another Widodo
    art = _shipped(blank_nlp, "Bangsa Tak Akan Maju Tanpa Makzulkan Jokowi")
    assert "Joko Widodo" in {e.name for e in art.entities}


@pytest.mark.parametrize("text,name", [
    ("Pasukan itu menyerang ibu kota provinsi Darfur Utara pekan lalu.", "Darfur Utara"),
    ("Serangan terjadi di Korea Utara kemarin.", "Korea Utara"),  # a state the gazetteer knows
])
def test_a_known_region_with_a_compass_word_is_another_region(blank_nlp, text, name):
    assert name in {e.name for e in _shipped(blank_nlp, text).entities}


def test_raya_after_a_known_place_makes_no_new_region(blank_nlp):
    # lexicon group compass_not_regions: "Bandung Raya" is the greater area, not a region named with a compass word
    names = {e.name for e in _shipped(blank_nlp, "Banjir merendam sejumlah wilayah di Bandung Raya sejak Senin.").entities}
    assert "Bandung Raya" not in names


@pytest.mark.parametrize("title", ["Dirdik", "Dirreskrimum"])
def test_directors_abbreviated_are_titles(run, title):
    names = {e.name for e in run(f"Berkas itu sudah lengkap, kata {title} Bambang Sutejo kemarin.").entities
             if e.type == "PER"}
    assert names == {"Bambang Sutejo"}


@pytest.mark.parametrize("text,name,known", [
    # given names the stemmer cuts into a rare root and an affix (adi + -an, dad + -an), before known surnames:
    # another Blinken, another Lavrov ("Hunter Biden")
    ("Menurut Adian Blinken, harga tiket pesawat naik pekan ini.", "Adian Blinken", "Antony Blinken"),
    ("Warga bernama Dadan Lavrov melapor ke polisi kemarin.", "Dadan Lavrov", "Sergey Lavrov"),
    # a given name listed in lexicon given_names (pin + -kan: the verb suffix)
    ("Menurut Pinkan Blinken, harga tiket pesawat naik pekan ini.", "Pinkan Blinken", "Antony Blinken"),
])
def test_a_given_name_the_stemmer_calls_derived_before_a_known_surname_is_another_person(blank_nlp, text, name, known):
    names = {e.name for e in _shipped(blank_nlp, text).entities}
    assert name in names and known not in names


@pytest.mark.parametrize("word,derived", [
    ("makzulkan", True),  # a rare root with the verb suffix -kan
    ("adili", True),  # a common root (adil) with -i
    ("adian", False), ("dadan", False), ("susi", False),  # a rare root and -an / -i: no word form
])
def test_a_derived_word_is_a_common_word_form(word, derived):
    from warta.actors.text import derived_word

    assert derived_word(word) is derived
