"""Named foreign state organs are organisations with their state inside; named facilities are places."""

from __future__ import annotations

import pytest

from warta.actors import link
from warta.article import Article


@pytest.mark.parametrize("text,organ,state", [
    ("Kementerian Luar Negeri Rusia menolak tuduhan itu.", "Kementerian Luar Negeri Rusia", "Rusia"),
    ("Massa berunjuk rasa di depan Kedubes AS kemarin.", "Kedubes AS", "AS"),
])
def test_a_named_foreign_organ_is_an_organisation_with_its_state_inside(run, text, organ, state):
    art = run(text)
    by_text = {m.text: (e, m) for e in art.entities for m in e.mentions}
    ent, m = by_text[organ]
    assert ent.type == "ORG" and m.actor and m.actor.endswith("GOV") and ent.country == m.actor[:3]
    assert by_text[state][0].type == "GPE"


def test_a_lower_case_body_stays_the_state_acting(run):
    art = run("Menurut laporan, militer Rusia menembakkan rudal.")
    assert not any(e.type == "ORG" for e in art.entities)


@pytest.mark.parametrize("text,place", [
    ("Ratusan mahasiswa berkumpul di depan Gedung Sate, Bandung.", "Gedung Sate"),
    ("Polisi menutup Jalan Gatot Subroto Barat sejak pagi.", "Jalan Gatot Subroto Barat"),
    ("Ia diperiksa di Gedung KPK selama tujuh jam.", "Gedung KPK"),
    ("Delegasi menginap di Jalan Arbat Moskow selama tiga hari.", "Jalan Arbat"),
])
def test_a_named_facility_is_a_place(run, text, place):
    art = run(text)
    assert any(e.type == "LOC" and m.text == place for e in art.entities for m in e.mentions)


@pytest.mark.parametrize("text", [
    "Kapal itu berlayar dari pelabuhan Odessa.",  # a lower-case head is a description
    "Rudal menghantam Pelabuhan Ukraina.",  # a port of a country: no name of its own
    "Mereka berjalan di jalan raya.",
])
def test_no_facility_without_a_proper_name(run, text):
    assert not any(m.via == "facility" for e in run(text).entities for m in e.mentions)


def test_a_body_named_inside_an_organisation_name_is_a_nested_mention(blank_nlp):
    text = "Resolusi Dewan Keamanan PBB itu disahkan kemarin."
    doc = blank_nlp(text)
    art = Article(body=text, published="2024-05-14", sentences=[[0, len(text)]])
    art = link(art, doc)  # the shipped gazetteer: Dewan Keamanan PBB and PBB are both organisations
    names = {m.text: (e.name, m.via) for e in art.entities for m in e.mentions}
    assert "Dewan Keamanan PBB" in names and names.get("PBB", (None, None))[1] == "nested"
