"""Rules found on real news (realnews_train): what is no person after a title, bodies named after a title."""

from __future__ import annotations

import pytest

from tests.actors.conftest import mentions


def _people(article) -> set[str]:
    return {e.name for e in article.entities if e.type == "PER"}


@pytest.mark.parametrize("text,word", [
    ("Menteri Koordinator Bidang Kemaritiman mengatakan investasi naik.", "Kemaritiman"),
    ("Kementerian menambahkan bahwa drone itu jatuh.", "Kementerian"),
    ("kata Ketua Konfederasi Serikat Pekerja itu kemarin.", "Konfederasi"),
    ("Hal itu disampaikan Kepala Divisi Advokasi kemarin.", "Divisi"),
    ("Geger Balon Bikin Menlu AS Batal ke China.", "Batal"),
    ("ujar Direktur Penuntutan kemarin.", "Penuntutan"),
])
def test_title_words_bodies_and_indonesian_words_after_a_title_are_no_person(run, text, word):
    assert not any(word in name for name in _people(run(text)))


def test_a_name_after_a_title_and_a_body_is_the_person(run):
    # "Ketua Komisi IV DPR RI Sudin" on real news: a known body closes the body's name
    art = run("Sebelumnya, Ketua Komite Militer NATO Rob Bauer mengungkapkan latihan sudah dimulai.")
    assert _people(art) == {"Rob Bauer"}
    assert "Komite Militer NATO Rob Bauer" not in mentions(art)


def test_a_name_after_a_title_a_body_and_a_comma_is_the_person(run):
    art = run("Juru Bicara Dewan Naypyitaw, Tin Maung Swe, menyebut kondisi aman.")
    assert _people(art) == {"Tin Maung Swe"}


def test_a_given_name_after_a_title_is_still_a_person(run):
    assert _people(run("kata Kepala Desa Budi kemarin.")) == {"Budi"}
