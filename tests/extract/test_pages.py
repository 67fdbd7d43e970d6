"""Pages in several outlets' layouts (HTML, and plain-text copies): body word F1 against the expected body, and metadata."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from warta.extract import extract
from warta.ingest import read_inputs

PAGES = Path(__file__).resolve().parent / "pages"
CASES = yaml.safe_load((PAGES / "cases.yaml").read_text(encoding="utf-8"))
F1_FLOOR = 0.95


def word_f1(got: str, expected: str) -> float:
    """Bag-of-words F1 of a body against the expected body."""
    g = Counter(re.findall(r"\w+", got.lower()))
    e = Counter(re.findall(r"\w+", expected.lower()))
    overlap = sum((g & e).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(g.values()), overlap / sum(e.values())
    return 2 * precision * recall / (precision + recall)


def _article(page: str):
    [raw] = list(read_inputs([str(PAGES / page)]))
    return extract(raw)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["page"])
def test_page_body_word_f1_meets_floor(case):
    article = _article(case["page"])
    expected = (PAGES / f"{Path(case['page']).stem}.expected.txt").read_text(encoding="utf-8")
    assert word_f1(article.body, expected) >= F1_FLOOR
    for line in expected.splitlines():
        assert line in article.body  # every story sentence, verbatim


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["page"])
def test_page_metadata(case):
    article = _article(case["page"]).to_dict()
    for field in ("outlet", "title", "published", "dateline", "authors", "editors"):
        assert article[field] == case[field], field


def test_page_drops_inline_related_links_and_ads():
    body = _article("kompas_style.html").body
    assert "Baca juga" not in body and "Advertisement" not in body and "Terpopuler" not in body


def test_word_f1_penalises_missing_paragraph():
    assert word_f1("satu dua", "satu dua tiga empat") == pytest.approx(2 * 1 * 0.5 / 1.5)


@pytest.mark.parametrize(
    "page,subheading",
    [
        ("liputan6_style.html", "Distribusi Lewat Jalur Laut"),  # an <h2> inside the story
        ("suara_copy.txt", "Stok Beras Bulog Dipastikan Aman"),  # a headline-shaped line of a text copy
        ("sindonews_copy.txt", "Barang Bukti Ratusan Lembar Uang Palsu"),
    ],
)
def test_page_keeps_story_subheading(page, subheading):
    assert subheading in _article(page).body.split("\n\n")


def test_text_copy_drops_lone_off_topic_teaser_and_teaser_blocks():
    article = _article("suara_copy.txt")
    related = [r.text for r in article.removed if r.reason == "related-link"]
    # a lone teaser whose words the story does not use; a block of two under "Baca Juga:"
    assert "Pemerintah Pangkas Anggaran Perjalanan Dinas Kementerian" in related
    assert "Cek Harga Emas Antam Hari Ini" in related and "Daftar Lokasi SIM Keliling Jakarta Pekan Ini" in related


@pytest.mark.parametrize(
    "html,bylines",
    [
        ('<div class="credit"><div class="penulis">Penulis: Ani Lestari</div><div class="editor">Editor: Joko Susilo</div></div>',
         ["Penulis: Ani Lestari", "Editor: Joko Susilo"]),  # the wrapper's run-together text is not taken
        # the bylines of a "related stories" list belong to other stories
        ('<aside class="box"><div class="author">Penulis: Budi Hartono</div></aside>', []),
        ('<div class="berita-terkait"><span class="author">Oleh Citra Dewi</span></div>', []),
        # a byline element without a role label may be anything ("Dibaca 1.234 kali")
        ('<div class="author">Dibaca 1.234 kali</div>', []),
        # five labelled bylines: a list of stories, none is taken
        ("".join(f'<div class="author">Penulis: Nama {n}</div>' for n in "ABCDE"), []),
    ],
)
def test_html_labelled_byline_elements(html, bylines):
    from warta.extract.html import read_page

    page = f"<html><body><h1>Harga BBM Naik</h1>{html}<article><p>Pemerintah menaikkan harga BBM.</p></article></body></html>"
    assert read_page(page).bylines == bylines
