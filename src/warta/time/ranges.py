"""Ranges: two dates joined by a range word are one expression with an ``A/B`` value.

The grammar reads "11-14 Oktober 2019" as "11" and "14 Oktober 2019", "2008 – 2012" as two years;
``join_ranges`` makes each such pair one timex (``2019-10-11/2019-10-14``, ``2008/2012``), as
TimeML-style annotation of news does. "5-6 November", where the grammar saw only the month, gets
its days. Lists are not ranges: "dan" joins only a bare day to the date after it ("21 dan 22
September 2015"), never two full dates ("2 Mei dan 5 Juni") or two years.
"""

from __future__ import annotations

import re
from datetime import date

from warta.article import Timex

# What may stand between the two ends of a range.
_DASH = r"\s*[-–—]\s*"
_UNTIL = r"\s+(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d)\s+"
_JOIN_ANY = re.compile(rf"^(?:{_DASH}|{_UNTIL})$", re.I)
_JOIN_AND = re.compile(r"^\s+dan\s+$", re.I)
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_MONTH = re.compile(r"^\d{4}-\d\d$")
_YEAR = re.compile(r"^\d{4}$")
_BARE_DAY = re.compile(r"^(?:(?:tanggal|tgl\.?)\s+)?\d{1,2}$", re.I)  # "21 dan …", "tanggal 16 dan …"
# "5-6 November" before a month the grammar found alone
_DAYS_BEFORE = re.compile(rf"(?<![\d/.,])(?P<a>\d{{1,2}})(?:{_DASH}|\s+dan\s+)(?P<b>\d{{1,2}})\s+$", re.I)


def _kind(value: str | None) -> str | None:
    if not value:
        return None
    for name, pattern in (("day", _DAY), ("month", _MONTH), ("year", _YEAR)):
        if pattern.match(value):
            return name
    return None


# A date written with its own weekday ("Kamis (15/9/2022)", "Senin, 3 Mei"): two of them joined by
# "hingga" name two days each, and stay two expressions, as the real-news gold keeps them.
_WEEKDAY_DATED = re.compile(r"^(?:hari\s+)?[A-Z][\w'’]+\s*,?\s*\(?\s*\d")


def _joinable(text: str, a: Timex, b: Timex) -> bool:
    kind = _kind(a.value)
    if a.type != "DATE" or b.type != "DATE" or kind is None or kind != _kind(b.value) or a.value >= b.value:
        return False
    if _WEEKDAY_DATED.match(a.text) and _WEEKDAY_DATED.match(b.text):
        return False
    gap = text[a.end:b.start]
    if _JOIN_ANY.match(gap):
        return True
    return bool(_JOIN_AND.match(gap)) and kind == "day" and bool(_BARE_DAY.match(a.text))


def _days_of_month(text: str, t: Timex) -> Timex | None:
    """"5-6 November" (value 2014-11) → 5-6 November, 2014-11-05/2014-11-06."""
    m = _DAYS_BEFORE.search(text[max(0, t.start - 12):t.start])
    if m is None:
        return None
    year, month = int(t.value[:4]), int(t.value[5:7])
    try:
        first, last = date(year, month, int(m["a"])), date(year, month, int(m["b"]))
    except ValueError:
        return None
    if first >= last:
        return None
    start = t.start - (len(text[max(0, t.start - 12):t.start]) - m.start())
    return Timex(start, t.end, text[start:t.end], "DATE", f"{first.isoformat()}/{last.isoformat()}")


_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _year_of_end(a: Timex, b: Timex) -> None:
    """"13 Desember hingga 15 Desember 2024", "2 Mei dan 5 Juni 2020": a first date written without
    its year takes the year of the next (or the year before, "28 Desember hingga 3 Januari 2025"),
    not the one the DCT suggested."""
    kind = _kind(a.value)
    if kind not in ("day", "month") or kind != _kind(b.value) or _YEAR_IN.search(a.text) or not _YEAR_IN.search(b.text):
        return
    year = int(b.value[:4])
    if a.value[4:] > b.value[4:]:
        year -= 1
    a.value = f"{year:04d}{a.value[4:]}"


def join_ranges(text: str, found: list[Timex]) -> list[Timex]:
    """The timexes of ``text`` with each range made one expression."""
    out: list[Timex] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found) and (_JOIN_ANY.match(gap := text[a.end:found[i + 1].start]) or _JOIN_AND.match(gap)):
            _year_of_end(a, found[i + 1])
        if i + 1 < len(found) and _joinable(text, a, found[i + 1]):
            b = found[i + 1]
            out.append(Timex(a.start, b.end, text[a.start:b.end], "DATE", f"{a.value}/{b.value}"))
            i += 2
            continue
        if a.type == "DATE" and _kind(a.value) == "month" and (not out or out[-1].end <= a.start - 3):
            days = _days_of_month(text, a)
            if days is not None and (not out or out[-1].end <= days.start):
                out.append(days)
                i += 1
                continue
        out.append(a)
        i += 1
    return out
