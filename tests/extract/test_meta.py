"""Metadata from the clean text: datelines, cited sources, tags, outlets, language, precedence."""

from __future__ import annotations

import pytest

from warta.article import RawDocument, Source
from warta.extract import extract
from warta.extract.meta import cited_sources, detect_language, find_dateline, split_tags
from warta.extract.outlets import registry


@pytest.mark.parametrize(
    "lead,place,agency",
    [
        ("MOSKWA, KOMPAS.com - Pejabat Rusia mengatakan", "Moskwa", "KOMPAS.com"),
        ("WASHINGTON, iNews.id - Menteri Luar Negeri", "Washington", "iNews.id"),
        ("Liputan6.com, Washington DC - Menlu Amerika", "Washington DC", "Liputan6.com"),
        ("Moskow, Jurnas.com - Presiden Rusia", "Moskow", "Jurnas.com"),
        ("VIVA Dunia – Menteri Luar Negeri Rusia", None, "VIVA"),  # agency and channel, no place
        ("TEMPO.CO, Jakarta - Komisi V DPR", "Jakarta", "TEMPO.CO"),
        ("Jakarta (ANTARA) - Harga cabai", "Jakarta", "ANTARA"),
        ("Jakarta, CNN Indonesia -- Menteri", "Jakarta", "CNN Indonesia"),
        ("JAKARTA - Ketua KPK mengatakan", "Jakarta", None),  # Okezone/Sindonews: place only
        ("NEW YORK, KOMPAS.com - Sidang", "New York", "KOMPAS.com"),
    ],
)
def test_dateline_place_and_agency(lead, place, agency):
    dateline = find_dateline(lead, registry())
    assert dateline is not None and (dateline.place, dateline.agency) == (place, agency)


def test_no_dateline_in_plain_sentence():
    assert find_dateline("Pemerintah menaikkan harga BBM mulai pekan depan.", registry()) is None


@pytest.mark.parametrize(
    "text,sources",
    [
        ("demikian dikutip dari laman VOA Indonesia, Minggu (12/5/2019).", ["VOA Indonesia"]),
        ("Dilansir dari Al Jazeera, sebelum bertemu Pompeo.", ["Al Jazeera"]),
        ("Melansir dari Newsweek, Rabu. Menurut TASS, Lavrov berkata.", ["Newsweek", "TASS"]),
        ('"Kami siap," kata Price, dikutip dari Sputnik, Jumat.', ["Sputnik"]),
        ("kata Psekov, dikutip AFP, Kamis (28/3/2019).", ["AFP"]),
        ("seperti dilansir Reuters dan mengutip Associated Press.", ["Reuters", "AP"]),
        # an unknown capitalised name after "dilansir dari" counts as an outlet
        ("Dilansir dari Manila Bulletin, pemerintah Filipina menolak.", ["Manila Bulletin"]),
        # "menurut" a person is not a cited source
        ("Menurut Presiden Jokowi, harga beras stabil.", []),
        ("Menurut dia, sebanyak 136 warga mengungsi.", []),
    ],
)
def test_cited_sources_normalised(text, sources):
    assert cited_sources(text, registry()) == sources


@pytest.mark.parametrize(
    "line,known,tags",
    [
        ("Rusia, Venezuela, Amerika Serikat", "", ["Rusia", "Venezuela", "Amerika Serikat"]),
        ("#pilkada #kpu", "", ["pilkada", "kpu"]),
        # separators lost in a copied page: names printed in the story are kept whole, the rest is one topic
        ("Iran Amerika Serikat Kesepakatan Nuklir Rusia", "Iran dan Amerika Serikat menekan Rusia.",
         ["Iran", "Amerika Serikat", "Kesepakatan Nuklir", "Rusia"]),
    ],
)
def test_tags_split(line, known, tags):
    assert split_tags(line, known) == tags


def test_english_text_is_flagged():
    english = "The minister said that the government will not raise fuel prices this year, and that it has enough reserves for the people. " * 3
    assert detect_language(english)[0] == "en"
    indonesian = "Menteri mengatakan bahwa pemerintah tidak akan menaikkan harga BBM tahun ini dan cadangan yang ada cukup untuk masyarakat. " * 3
    assert detect_language(indonesian)[0] == "id"
    paragraphs = english.replace(". ", ".\n\n")
    article = extract(RawDocument(Source(path="en.txt"), text="Fuel Prices Stay\n\n" + paragraphs))
    assert article.language == "en" and article.warnings


STORY = "Judul Berita Hari Ini\n\nKamis, 28 Maret 2019 23:08 WIB\n\nJAKARTA - Pemerintah menaikkan harga BBM mulai pekan depan, kata menteri."


def test_published_precedence():
    raw = RawDocument(Source(path="a.txt"), text=STORY)
    assert extract(raw).published == "2019-03-28T23:08:00+07:00"
    raw.published = "2019-03-29"  # a JSONL record's own date wins over the page
    assert extract(raw).published == "2019-03-29"
    assert extract(raw, published="2020-01-01").published == "2020-01-01"  # --published wins over all


def test_jsonl_title_and_url_win():
    raw = RawDocument(Source(path="b.jsonl", url="https://www.liputan6.com/news/read/1", line=1), text=STORY, title="Judul Asli")
    article = extract(raw)
    assert article.title == "Judul Asli" and article.outlet == "Liputan6.com"
    assert article.source.line == 1


def test_text_of_furniture_only_is_kept_with_a_warning():
    # issue 15: text the user gave is never silently emptied (an empty one is an error:
    # tests/extract/test_kept_text.py)
    article = extract(RawDocument(Source(path="c.txt"), text="Advertisement\nLoading\n"))
    assert article.body == "Advertisement\n\nLoading"
    assert article.warnings == ["every line looked like site furniture (ad, navigation); the text is kept as given"]


@pytest.mark.parametrize(
    "url,outlet",
    [
        ("https://nasional.kompas.com/read/2024/01/01/x", "Kompas.com"),
        ("https://news.detik.com/berita/d-1/x", "detikNews"),
        ("https://en.tempo.co/read/1/x", "Tempo English"),
        ("https://www.bbc.com/indonesia/articles/x", "BBC News Indonesia"),
        ("https://www.cnnindonesia.com/nasional/x", "CNN Indonesia"),
        ("https://example.org/x", None),
    ],
)
def test_outlet_from_url(url, outlet):
    found = registry().from_url(url)
    assert (found.name if found else None) == outlet
