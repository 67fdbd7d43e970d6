"""Reading inputs: formats, encodings, and a one-line reason naming the file for every bad input."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

from warta.article import RawDocument
from warta.errors import InputError
from warta.ingest import read_inputs

STORY = "Presiden meresmikan jembatan baru di Palembang, Senin (6/5/2024).\n\nWarga menyambut gembira.\n"


def _read(paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


@pytest.mark.parametrize(
    "name,data,expected",
    [
        ("utf8.txt", STORY.encode("utf-8"), STORY),
        ("bom.txt", b"\xef\xbb\xbf" + STORY.encode("utf-8"), STORY),
        # Windows-1252 curly quotes and en dash, as saved by old editors
        ("cp1252.txt", ("Ia berkata \x93kami siap\x94 \x96 semua pihak setuju. " * 4).encode("latin-1"),
         "Ia berkata “kami siap” – semua pihak setuju. " * 4),
        ("utf16.txt", STORY.encode("utf-16"), STORY),
        # UTF-16 without a byte-order mark (a Windows export), either byte order
        ("utf16le.txt", STORY.encode("utf-16-le"), STORY),
        ("utf16be.txt", STORY.encode("utf-16-be"), STORY),
        # UTF-8 with one Windows-1252 byte pasted in: the UTF-8 letters stay, the byte is read as Windows-1252
        ("mixed.txt", "Kata José: siap. ".encode("utf-8") + b"Kafe \xe9 buka.", "Kata José: siap. Kafe é buka."),
        # a UTF-8 story with a Windows-1252 paragraph pasted in (curly quotes of an old editor)
        ("mixed2.txt", "Menteri “Ngurah” Rai — di Café Ubud — berkata… ".encode("utf-8") * 3
         + b"Ia berkata \x93kami siap\x94.", "Menteri “Ngurah” Rai — di Café Ubud — berkata… " * 3
         + "Ia berkata “kami siap”."),
        # Windows-1252 whose 'Ó’' happens to be a UTF-8 byte pair (Cyrillic 'Ӓ'): the file is Windows-1252
        ("cp1252-pair.txt", ("Menteri bertemu warga di Kafe Ó’Brien — kata José “siap” di Café itu. " * 3).encode("cp1252"),
         "Menteri bertemu warga di Kafe Ó’Brien — kata José “siap” di Café itu. " * 3),
        # CRLF and lone CR become LF
        ("crlf.txt", b"Baris satu.\r\nBaris dua.\rBaris tiga.", "Baris satu.\nBaris dua.\nBaris tiga."),
    ],
)
def test_reader_decodes_encodings_and_newlines(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    [doc] = _read([path])
    assert isinstance(doc, RawDocument)
    assert doc.text == expected
    assert doc.raw == data


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), "binary"),
        ("trunc.html.gz", gzip.compress(b"<html><body><p>Berita</p></body></html>" * 50)[:40], "truncated gzip"),
        ("noise.txt", bytes(range(128, 256)) * 3, "undecodable"),
        # other scripts in legacy encodings, with a few byte pairs that happen to read as UTF-8 ('Мі' in cp1251
        # is the pair C3 B3): refused, not read as Latin mojibake
        ("cp1251.txt", ("Міністр сказав, що Київ готовий до зустрічі. Її позиція відома. " * 3).encode("cp1251"),
         "undecodable"),
        ("gbk.txt", ("外交部发言人表示，中国愿同印度尼西亚加强合作。" * 3).encode("gbk"), "undecodable"),
        ("big5.txt", ("外交部發言人表示，台灣願與印尼加強合作。" * 3).encode("big5"), "undecodable"),
        ("sjis.txt", ("外務大臣はインドネシアを訪問し、協力を強化することで合意した。" * 3).encode("shift_jis"), "undecodable"),
        ("controls.txt", b"ab\x01\x02\x03\x04\x05\x06cd" * 20, "binary"),
    ],
)
def test_reader_reports_bad_file_with_its_name(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    [error] = _read([path])
    assert isinstance(error, InputError)
    assert error.where == str(path)
    assert reason in error.reason
    assert "\n" not in str(error) and str(path) in str(error)


def test_reader_refuses_oversize_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"kata " * 300)
    [error] = _read([path], max_bytes=1000)
    assert isinstance(error, InputError) and "size limit" in error.reason and error.where == str(path)


def test_reader_refuses_gzip_bomb_over_limit(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 50_000))
    [error] = _read([path], max_bytes=10_000)
    assert isinstance(error, InputError) and "size limit" in error.reason


def test_reader_reports_missing_path():
    [error] = _read(["/no/such/berita.txt"])
    assert isinstance(error, InputError) and error.where == "/no/such/berita.txt"
    assert error.reason == "no such file or directory"


def test_reader_says_a_url_is_not_fetched():
    # offline: an address given as a path fails at once, saying what to do instead
    [error] = _read(["https://berita.example/2024/05/06/rapat.html"])
    assert error.where == "https://berita.example/2024/05/06/rapat.html"
    assert error.reason.startswith("no such file; a URL is not fetched (Warta works offline)")


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.html.gz", "page.gz", "page.php"])
def test_reader_detects_html_by_suffix_magic_or_content(tmp_path, name):
    html = b"<!DOCTYPE html><html><body><p>Berita hari ini.</p></body></html>"
    path = tmp_path / name
    path.write_bytes(gzip.compress(html) if name.endswith(".gz") else html)
    [doc] = _read([path])
    assert isinstance(doc, RawDocument) and doc.html is not None and doc.text is None
    assert "Berita hari ini." in doc.html


def test_reader_walks_directories_sorted_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Dua.")
    (tmp_path / "1.txt").write_text("Satu.")
    (tmp_path / ".hidden.txt").write_text("Rahasia.")
    (tmp_path / ".git" / "x.txt").write_text("Git.")
    docs = _read([tmp_path])
    assert [d.text for d in docs] == ["Satu.", "Dua."]


def _jsonl(tmp_path, lines):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join(line.encode("utf-8") if isinstance(line, str) else line for line in lines))
    return path


def test_jsonl_reads_fields_and_lines(tmp_path):
    first = json.dumps({"url": "https://www.kompas.com/a", "title": "Judul", "published": "2019-03-28", "text": STORY})
    second = json.dumps({"html": "<html><body><p>Isi berita.</p></body></html>"})
    path = _jsonl(tmp_path, [first, "", second])
    docs = _read([path])
    assert [d.source.line for d in docs] == [1, 3]
    assert docs[0].title == "Judul" and docs[0].published == "2019-03-28" and docs[0].text == STORY
    assert docs[0].source.url == "https://www.kompas.com/a"
    assert docs[0].raw == first.encode("utf-8")
    assert docs[1].html and docs[1].text is None


@pytest.mark.parametrize(
    "line,reason",
    [
        ('{"title": "x", "text": ', "malformed JSON"),
        ('{"title": "Judul saja"}', "missing article content"),
        ('{"text": "   "}', "missing article content"),
        ('{"text": 42}', "'text' must be a string"),
        ('{"text": "Isi.", "published": 2019}', "'published' must be a string"),
        ('["bukan", "objek"]', "JSON object"),
        (b'{"text": "\xff\xfe\x00\x00"}', "binary"),
        # a field of mostly half characters (lone surrogates escaped in JSON) is no text
        ('{"text": "\\ud83d\\ud83d \\udc00\\ud83d \\ude00 ok"}', "field 'text' is not valid Unicode: mostly half characters (5, "
                                                                "the first \\ud83d at character 0)"),
    ],
)
def test_jsonl_bad_line_names_file_and_line(tmp_path, line, reason):
    good = json.dumps({"text": STORY})
    path = _jsonl(tmp_path, [good, line, good])
    docs = _read([path])
    assert isinstance(docs[0], RawDocument) and isinstance(docs[2], RawDocument)
    error = docs[1]
    assert isinstance(error, InputError)
    assert error.where == f"{path}:2"
    assert reason in error.reason


def test_jsonl_line_over_limit(tmp_path):
    path = _jsonl(tmp_path, [json.dumps({"text": "kata " * 500}), json.dumps({"text": "pendek."})])
    docs = _read([path], max_bytes=1000)
    assert isinstance(docs[0], InputError) and docs[0].where == f"{path}:1" and "size limit" in docs[0].reason
    assert isinstance(docs[1], RawDocument)


@pytest.mark.parametrize(
    "data,kind",
    [
        (STORY.encode(), "text"),
        (b"<html><body><p>Berita.</p></body></html>", "html"),
        (json.dumps({"text": STORY}).encode() + b"\n", "jsonl"),
    ],
)
def test_stdin_is_sniffed(monkeypatch, data, kind):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [doc] = list(read_inputs(["-"]))
    assert isinstance(doc, RawDocument)
    assert (doc.html is not None) == (kind == "html")
    assert (doc.source.line == 1) == (kind == "jsonl")


def test_jsonl_lone_surrogate_becomes_replacement_character_with_a_warning(tmp_path):
    """An excerpt cut in UTF-16 units inside an emoji ends in half of it (a lone \ud83d escape): the line is read,
    the half becomes U+FFFD and the article says so (937be66 failed it in the stages, 436d7f9 refused the line)."""
    from warta.extract import extract

    line = '{"title": "Kunjungan \\ud83d", "text": "Presiden tiba di Surabaya pada Senin pagi. Warga menyambut \\ud83d"}'
    [doc] = _read([_jsonl(tmp_path, [line])])
    assert isinstance(doc, RawDocument)
    assert doc.text == "Presiden tiba di Surabaya pada Senin pagi. Warga menyambut \ufffd"
    assert doc.title == "Kunjungan \ufffd"
    assert doc.warnings == [
        "input: field 'title' held 1 half character(s) (a lone UTF-16 surrogate, the first \\ud83d at character 10), "
        "replaced by U+FFFD",
        "input: field 'text' held 1 half character(s) (a lone UTF-16 surrogate, the first \\ud83d at character 59), "
        "replaced by U+FFFD"]
    article = extract(doc)
    assert article.body.startswith("Presiden tiba di Surabaya") and "\ud83d" not in article.to_json()
    assert article.warnings[:2] == doc.warnings
    # a whole emoji (both halves escaped) is a character, no warning
    [whole] = _read([_jsonl(tmp_path, ['{"text": "Warga menyambut \\ud83d\\ude00 gembira."}'])])
    assert whole.text == "Warga menyambut \U0001f600 gembira." and whole.warnings == []
