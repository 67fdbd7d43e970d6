"""Every window of a long document carries the same removed lines: the quotes and time stages read
them once per document (a memo keyed on what they read), and each window's record is what it was."""

from __future__ import annotations

from warta import time as wtime, windows
from warta.article import Article, Removed
from warta.quotes import annotate as quotes_annotate
from warta.quotes import furniture


REMOVED = [Removed("Baca juga: Menteri Budi Sebut Harga Beras Turun Bulan Depan", "related-link"),
           Removed("“Kami akan terus memantau harga di pasar,” ujar Budi", "caption"),
           Removed("Foto: petugas di pasar induk, Senin (13/5/2019)", "caption")]


def _windows(n=4):
    body = "\n".join(f"Paragraf {i}: harga cabai di pasar induk naik pada Selasa (14/5/2019)." for i in range(n * 40))
    doc = Article(body=body, title="Harga Cabai Naik", published="2019-05-14", removed=list(REMOVED))
    parts = [windows.part(doc, s, e) for s, e in windows.spans(body, size=len(body) // n + 1)]
    assert len(parts) >= n
    return parts


def test_the_windows_of_one_document_read_its_removed_lines_once(monkeypatch):
    monkeypatch.setattr(furniture, "_LAST", [])
    monkeypatch.setattr(wtime, "_LAST", [])
    reads = {"quotes": 0, "time": 0}
    may_report, furniture_timex = furniture.may_report, wtime._furniture_timex

    def counted_may_report(text, lex):
        reads["quotes"] += 1
        return may_report(text, lex)

    def counted_timex(parts, ref, lex):
        reads["time"] += 1
        return furniture_timex(parts, ref, lex)

    monkeypatch.setattr(furniture, "may_report", counted_may_report)
    monkeypatch.setattr(wtime, "_furniture_timex", counted_timex)
    parts = _windows()
    for part in parts:
        quotes_annotate(wtime.annotate(part), None)
    assert reads == {"quotes": 3, "time": 1}  # three candidate lines, one pass over the furniture
    # every window has the same furniture dates and statements, each its own objects
    first = [(t.part, t.text, t.value) for t in parts[0].timex if t.part]
    assert first and all([(t.part, t.text, t.value) for t in p.timex if t.part] == first for p in parts)
    said = [(q.part, q.text) for q in parts[0].quotes if q.part]
    assert said and all([(q.part, q.text) for q in p.quotes if q.part] == said for p in parts)
    parts[0].timex[-1].start = -1
    assert parts[1].timex[-1].start != -1
    # other lines are read again
    parts[0].removed.append(Removed("Baca juga: Harga Gula Naik Lagi pada Rabu (15/5/2019)", "related-link"))
    quotes_annotate(wtime.annotate(parts[0]), None)
    assert reads == {"quotes": 7, "time": 2}
