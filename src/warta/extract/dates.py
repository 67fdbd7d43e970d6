"""The date-line grammar: publication dates as outlets print them, to ISO 8601 with the printed zone.

Handles day-first numeric dates (``25/04/2024 20:06 WIB``), Indonesian and English month names
and abbreviations, weekday prefixes, ``pukul``/``|``/``-`` separators, ``HH:MM``/``HH.MM``/
``HH:MM:SS`` times, am/pm, and the zones WIB/WITA/WIT/GMT+N/UTC.  With no zone printed the time
is taken as WIB (Indonesian outlets); with no time printed the value is the date alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

# Month words, Indonesian and English, full and abbreviated (lower case, no final dot).
MONTHS = {
    **dict.fromkeys(["januari", "january", "jan"], 1),
    **dict.fromkeys(["februari", "pebruari", "february", "feb", "peb"], 2),
    **dict.fromkeys(["maret", "march", "mar"], 3),
    **dict.fromkeys(["april", "apr"], 4),
    **dict.fromkeys(["mei", "may"], 5),
    **dict.fromkeys(["juni", "june", "jun"], 6),
    **dict.fromkeys(["juli", "july", "jul"], 7),
    **dict.fromkeys(["agustus", "august", "agu", "agt", "ags", "agus", "aug"], 8),
    **dict.fromkeys(["september", "sep", "sept", "spt"], 9),
    **dict.fromkeys(["oktober", "october", "okt", "oct"], 10),
    **dict.fromkeys(["november", "nopember", "nov", "nop"], 11),
    **dict.fromkeys(["desember", "december", "des", "dec"], 12),
}
WEEKDAYS = (
    "senin minggu selasa rabu kamis jumat jum'at sabtu ahad "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun"
).split()
# Printed zones and their UTC offsets.
ZONES = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00"}
DEFAULT_ZONE = "+07:00"

# Words that say which date of the page a line gives: the update, or the first publication.
UPDATE_WORDS = ("diperbarui", "diupdate", "update", "updated", "diubah", "pembaruan", "terakhir diperbarui", "last updated", "modified")
PUBLISH_WORDS = ("diterbitkan", "dipublikasikan", "dipublikasi", "publikasi", "dipublish", "terbit", "published", "posted", "dimuat", "ditayangkan", "tayang")

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True))
_TIME = (
    r"(?:(?:pukul|jam|at|pkl\.?|pk\.?)\s*)?"
    r"(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?))?"
    r"(?:\s*(?P<zone>WIB|WITA|WIT|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d\d)?|GMT|UTC|Z)\b)?"
)
# (")" closes "Senin (6/5/2024) 14:05 WIB")
_SEP = r"\s*(?:[,|\-–—•·/)]\s*)*(?:pukul\s+)?"
_DAY_NAME = rf"(?:(?:{_WEEKDAY})\.?\s*,?\s*)?"
DATE_PATTERNS = [
    # 2019-03-28T23:08:00+07:00, 2019-03-28 23:08 (machine dates in pages and meta tags)
    re.compile(
        r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?:[T ](?P<hour>\d\d):(?P<minute>\d\d)(?::(?P<second>\d\d))?"
        r"(?:\.\d+)?(?P<zone>Z|[+-]\d\d:?\d\d)?)?",
        re.I,
    ),
    # 2024/05/06 14:05:31 (Detik, CNN Indonesia and CNBC Indonesia "publishdate" meta tags): year first
    re.compile(
        r"(?<![\d/.\-])(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)\b"
        r"(?:[T ]+(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?"
        r"(?:\s*(?P<zone>WIB|WITA|WIT|Z|[+-]\d\d:?\d\d)\b)?",
        re.I,
    ),
    # Kamis, 25/04/2024 20:06 WIB   28/03/2019, 23:08 WIB   28-03-2019 (never the tail of a longer
    # number: "2024/05/06" is not the 24th of May 2006)
    re.compile(
        rf"{_DAY_NAME}(?<![\d/.\-])(?P<day>[0-3]?\d)[/.\-](?P<month>[01]?\d)[/.\-](?P<year>\d{{4}}|\d\d)\b(?:{_SEP}{_TIME})?",
        re.I,
    ),
    # Kamis, 28 Maret 2019 | 23:08 WIB   12 Mei 2019, 09:04 WIB   Kamis 28 Mar 2019 23:08
    # 6th May 2024 14:05 (Antara English)
    re.compile(
        rf"{_DAY_NAME}(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mname>{_MONTH})\.?,?\s+(?P<year>\d{{4}})\b(?:{_SEP}{_TIME})?",
        re.I,
    ),
    # Thursday, March 28, 2019 11:08 PM   Mar 28, 2019
    re.compile(
        rf"{_DAY_NAME}(?P<mname>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b(?:{_SEP}{_TIME})?",
        re.I,
    ),
]


@dataclass(slots=True)
class FoundDate:
    """A publication date found in a line: its ISO value, its kind and where it was."""

    value: str  # 2019-03-28T23:08:00+07:00 or 2019-03-28
    kind: str  # "published", "updated" or "plain" (no word says which)
    start: int
    end: int
    zoned: bool = True  # False: a time printed with no zone (WIB assumed)


def _zone(raw: str | None) -> str:
    if not raw:
        return DEFAULT_ZONE
    raw = raw.strip().upper().replace(" ", "")
    if raw.lower() in ZONES:
        return ZONES[raw.lower()]
    if raw in ("Z", "GMT", "UTC"):
        return "+00:00"
    m = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d\d)?", raw)
    if m:
        return f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}"
    return DEFAULT_ZONE


def _build(m: re.Match) -> str | None:
    groups = m.groupdict()
    try:
        year = int(groups["year"])
        if year < 100:
            year += 2000
        month = MONTHS[groups["mname"].lower().rstrip(".")] if groups.get("mname") else int(groups["month"])
        day = int(groups["day"])
        when = date(year, month, day)
    except (ValueError, KeyError):
        return None
    if not 1990 <= year <= 2100:
        return None
    if groups.get("hour") is None:
        return when.isoformat()
    hour, minute = int(groups["hour"]), int(groups["minute"])
    second = int(groups.get("second") or 0)
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        stamp = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return stamp.isoformat() + _zone(groups.get("zone"))


def find_date(text: str) -> FoundDate | None:
    """The first full date (with its time, if printed) in ``text``, normalised to ISO 8601."""
    best: tuple[int, re.Match] | None = None
    for pattern in DATE_PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m)
    if best is None:
        return None
    m = best[1]
    value = _build(m)
    if value is None:
        return None
    zoned = m.groupdict().get("hour") is None or bool(m.groupdict().get("zone"))
    start = m.start()
    if "T" not in value:
        # the time printed before the date: "14:05 WIB - Senin, 6 Mei 2024"
        before = _TIME_FIRST.search(text[:start])
        if before is not None:
            value = _build_time(value, before)
            zoned = bool(before.group("zone"))
            start = before.start()
    return FoundDate(value, _kind(text[:start]), start, m.end(), zoned)


# A time that ends right before a date, separated from it only by separators and a weekday.
_TIME_FIRST = re.compile(rf"{_TIME}{_SEP}{_DAY_NAME}$", re.I)


def _build_time(day: str, m: re.Match) -> str:
    """``day`` (YYYY-MM-DD) at the time of ``m`` (a ``_TIME`` match), with its zone."""
    hour, minute = int(m.group("hour")), int(m.group("minute"))
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"{day}T{hour:02d}:{minute:02d}:{int(m.group('second') or 0):02d}{_zone(m.group('zone'))}"


def _kind(prefix: str) -> str:
    low = prefix.lower()
    # the last label before the date says what it is: "oleh X diperbarui 12 Mei" is an update
    last, kind = -1, "plain"
    for words, label in ((UPDATE_WORDS, "updated"), (PUBLISH_WORDS, "published")):
        for word in words:
            at = low.rfind(word)
            if at > last:
                last, kind = at, label
    return kind


_DIGITS = re.compile(r"\d\d")
# What may surround a date in a date line: labels, outlet names, "oleh X", separators.
_REST_WORD = re.compile(r"[\w.'’@-]+")


def parse_date_line(line: str, *, max_length: int = 120, max_other_words: int = 5) -> FoundDate | None:
    """The date of a line that is a date line (a date plus a few label words), else ``None``."""
    line = line.strip()
    if not line or len(line) > max_length or not _DIGITS.search(line):
        return None
    found = find_date(line)
    if found is None:
        return None
    rest = line[: found.start] + " " + line[found.end :]
    second = find_date(line[found.end :])
    if second is not None:  # "14:05 WIB Diperbarui 6 Mei 2024 16:00 WIB": the first and its update
        rest = line[: found.start] + " " + line[found.end :][: second.start] + " " + line[found.end :][second.end :]
    if rest.strip().endswith(".") and len(rest.split()) > 3:
        return None  # a sentence that mentions a date, not a date line
    if len(_REST_WORD.findall(rest)) > max_other_words:
        return None
    return found


def parse_date(text: str) -> str | None:
    """Normalise any date expression (meta tag, ``<time>``, date line) to ISO 8601, or ``None``."""
    found = find_date(text.strip())
    return found.value if found else None


def pick_published(found: list[FoundDate]) -> str | None:
    """The first publication: the earliest published/plain date, else the earliest update."""
    for kinds in (("published", "plain"), ("updated",)):
        values = [f.value for f in found if f.kind in kinds]
        if values:
            return min(values, key=_sort_key)
    return None


def _sort_key(value: str) -> str:
    # a date-only value sorts after a full timestamp of the same day (the time is more precise)
    return value if "T" in value else value + "T99"


# Dates that outlets put in their article URLs (path segments only, never the query):
# /read/2023/07/30/…, /2020/07/16/152537/… (year/month/day segments; a 6-digit segment after them
# is the WIB time, Suara's /2024/05/06/140512/ and old Detik's, and so are the first six digits of
# Kompas's 8-digit article number, /read/2024/05/06/14052471/), and a 14-digit stamp opening
# a segment, /20251125174025-131-…/ (CNN Indonesia, CNBC Indonesia: date and WIB time) or its
# 8-digit date part. Detik's "d-7560273" and Kompas's article numbers are ids, not dates.
_URL_YMD = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>[01]\d)/(?P<day>[0-3]\d)(?:/|$)"
                     r"(?:(?P<hour>[0-2]\d)(?P<minute>[0-5]\d)(?P<second>[0-5]\d)(?:\d\d)?(?=/|$))?")
# Day first: /nasional/30/03/2012/… (Sumut Pos, the regional Jawa Pos sites).
_URL_DMY = re.compile(r"/(?P<day>[0-3]\d)/(?P<month>[01]\d)/(?P<year>(?:19|20)\d\d)(?:/|$)")
_URL_STAMP = re.compile(r"/(?P<year>20\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)"
                        r"(?:(?P<hour>[0-2]\d)(?P<minute>[0-5]\d)(?P<second>[0-5]\d))?(?=[-_/]|$)")


# Sindonews and the regional SINDO sites (sindomakassar.com) end an article's slug with its
# publication time in Unix seconds:
# /read/1378901/174/judul-berita-1714979112 (2024-05-06 14:05:12 WIB); another site's number is an id.
_URL_EPOCH = re.compile(r"^(?:[a-z]+://)?(?:[\w-]+\.)*sindo[a-z]*\.com/.*-(?P<epoch>1[2-9]\d{8})/?$", re.I)


def date_from_url(url: str | None) -> str | None:
    """The publication date an article URL carries (``YYYY-MM-DD``, or with the WIB time of a
    14-digit stamp), or None."""
    if not url:
        return None
    bare = url.split("?", 1)[0].split("#", 1)[0]
    epoch = _URL_EPOCH.match(bare)
    if epoch is not None:
        stamp = datetime.fromtimestamp(int(epoch["epoch"]), timezone(timedelta(hours=7)))
        return stamp.isoformat()
    path = re.sub(r"^[a-z]+://[^/]+", "", bare, flags=re.I)
    for pattern in (_URL_YMD, _URL_DMY, _URL_STAMP):
        m = pattern.search(path)
        if m is None:
            continue
        try:
            day = date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            continue
        if m.groupdict().get("hour") and int(m["hour"]) < 24:
            return f"{day.isoformat()}T{m['hour']}:{m['minute']}:{m['second']}{DEFAULT_ZONE}"
        return day.isoformat()
    return None
