"""Text the user gave is never silently emptied; video and photo pages are articles with a kind."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta.article import RawDocument, Source
from warta.errors import InputError
from warta.extract import extract
from warta.extract.clean import _announces
from warta.extract.html import plain_text
from warta.extract.kinds import page_kind, parse, rules

P1 = "Presiden Joko Widodo meresmikan jembatan baru di Jakarta pada Senin (6/5/2019) bersama Menteri PUPR."
P2 = "Jembatan sepanjang 200 meter itu menghubungkan dua kecamatan yang selama ini terpisah sungai, kata Basuki."


def _text(text: str, **kw) -> RawDocument:
    return RawDocument(Source(path="a.txt"), text=text, **kw)


def _html(html: str, url: str | None = None) -> RawDocument:
    return RawDocument(Source(path="a.html", url=url), html=html)


@pytest.mark.parametrize("raw,kind,title", [
    # a headline announcing a video: once dropped as a video teaser with everything after it
    (_text(f"VIDEO: Jokowi Resmikan Jembatan\n\n{P1}\n\n{P2}"), "video", "VIDEO: Jokowi Resmikan Jembatan"),
    (_text(f"Video: Jokowi Resmikan Jembatan\n\n{P1}"), "video", "Video: Jokowi Resmikan Jembatan"),
    (_text(f"FOTO: Banjir Rendam Jalan Sudirman\n\n{P1}"), "photo", "FOTO: Banjir Rendam Jalan Sudirman"),
    (RawDocument(Source(path="a.jsonl", line=1), text=f"{P1}\n\n{P2}", title="VIDEO: Jokowi Resmikan Jembatan"),
     "video", "VIDEO: Jokowi Resmikan Jembatan"),
    (_html(f"<html><head><title>VIDEO: Jokowi Resmikan Jembatan</title></head><body><h1>VIDEO: Jokowi Resmikan "
           f"Jembatan</h1><p>{P1}</p><p>{P2}</p></body></html>"), "video", "VIDEO: Jokowi Resmikan Jembatan"),
    (_html(f"<p>{P1}</p><p>{P2}</p>", url="https://video.example.id/play/2024/1/jembatan"), "video", None),
    (_html(f"<p>{P1}</p><p>{P2}</p>", url="https://example.id/foto/2024/jembatan"), "photo", None),
    (_text(f"Jokowi Resmikan Jembatan\n\n{P1}\n\n{P2}"), "article", "Jokowi Resmikan Jembatan"),
])
def test_video_and_photo_pages_are_articles_with_a_kind(raw, kind, title):
    article = extract(raw)
    assert article.kind == kind
    assert P1 in article.body
    if title:
        assert article.title == title
    assert article.to_dict()["kind"] == kind


@pytest.mark.parametrize("raw", [
    RawDocument(Source(path="a.jsonl", line=1), text="Jokowi resmikan jembatan baru."),  # one short sentence
    RawDocument(Source(path="a.jsonl", line=2), text=P1),  # one sentence
    _text("Baca juga: Jokowi resmikan jembatan baru\n\nAdvertisement"),  # only what looks like furniture
    _text("Jokowi Resmikan Jembatan Baru di Jakarta"),  # a lone headline
])
def test_text_the_cleaner_would_empty_is_kept_with_a_warning(raw):
    article = extract(raw)
    assert article.body.strip()
    words = set(raw.text.split())
    assert words & set(article.body.split())
    assert all("site furniture" in w or "kept as given" in w for w in article.warnings)


def test_a_one_sentence_jsonl_article_keeps_its_sentence():
    article = extract(RawDocument(Source(path="a.jsonl", line=1), text=P1, title="Jokowi resmikan jembatan"))
    assert article.body == P1 and not article.warnings


@pytest.mark.parametrize("html", [
    "<html><body>" + "<div>" * 10_000 + f"<p>{P1}</p><p>{P2}</p>" + "</div>" * 10_000 + "</body></html>",
    f'<html><body><p data-x="{"a" * 12_000_000}">{P1}</p><p>{P2}</p></body></html>',  # a 12 MB attribute
])
def test_deep_or_huge_pages_keep_their_text(html):
    article = extract(_html(html))
    assert P1 in article.body and P2 in article.body


@pytest.mark.parametrize("raw", [_text("   \n\n  "), _text("--- *** ---"), _html("<html><body><div></div></body></html>")])
def test_a_document_without_words_is_still_an_input_error(raw):
    with pytest.raises(InputError, match="no article text found"):
        extract(raw)


def test_a_text_of_web_addresses_alone_is_an_input_error_saying_nothing_is_fetched():
    with pytest.raises(InputError, match="the text is only web addresses: Warta works offline"):
        extract(_text("https://berita.example/a.html\n\nwww.berita.example/b\nhttp://10.0.0.1/c"))
    # a story with an address under it is a story
    assert extract(_text(P1 + "\n\nhttps://berita.example/a.html")).body.startswith(P1)


def test_plain_text_reads_blocks_and_skips_scripts():
    html = "<html><head><title>T</title><script>var x = 1;</script></head><body><div>Satu <b>dua</b></div><p>Tiga</p></body></html>"
    assert plain_text(html) == "Satu dua\nTiga"


def test_every_kind_rule_matches_its_example_and_an_article_is_the_default():
    assert {r.kind for r in rules()} == {"video", "photo"}
    assert page_kind("Jokowi Resmikan Jembatan", "https://news.example.id/read/1") == "article"
    assert page_kind(None, None) == "article"


def test_kind_rules_are_checked_when_loaded():
    from warta.errors import ResourceError

    with pytest.raises(ResourceError, match="example does not match"):
        parse([{"kind": "video", "title": "^VIDEO", "note": "n", "example": "FOTO: x"}], "k.yaml")
    with pytest.raises(ResourceError, match="needs kind, title and note"):
        parse([{"kind": "video", "title": "^VIDEO", "colour": "red"}], "k.yaml")


def test_a_long_paragraph_repeating_its_opening_is_not_a_caption():
    # a caption glued to its copy is short; 66,000 characters of '"x" Ma'ruf' (issue 15) are a
    # paragraph the stages must read, not a caption to drop
    paragraph = '"x" Ma\'ruf ' * 6_000
    article = extract(_text(f"Jokowi Resmikan Jembatan\n\n{P1}\n\n{paragraph}\n\n{P2}"))
    assert paragraph.strip() in article.body
    caption = "Gambar dari Twitter Presiden Jokowi (23/3/2019)." * 2
    assert caption not in extract(_text(f"Jokowi Resmikan Jembatan\n\n{P1}\n\n{caption}\n\n{P2}")).body


@given(st.text(alphabet="ab1 :\n\t\u00a0\u2003-.é", max_size=30))
def test_a_line_announcing_a_list_is_what_the_old_pattern_said(text):
    # _announces replaced re.search(r"\w.*:\s*$", line), which retried from every letter of a
    # long paragraph; it must say the same of every line
    assert _announces(text) == bool(re.search(r"\w.*:\s*$", text))


def test_announcing_a_list_costs_a_scan_not_a_retry_per_letter():
    assert _announces("Berikut daftar terduga teroris yang ditangkap di " * 3 + "Banten:  ")
    assert not _announces("Berikut: daftar terduga " + "teroris yang ditangkap " * 50)
    assert not _announces("  :")
