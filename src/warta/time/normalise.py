"""Normalisation: turns one grammar match into TimeML (type, value) against the reference date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from warta.time import calendar as cal
from warta.time.calendar import FUTURE, NEUTRAL, PAST
from warta.time.grammar import Match
from warta.time.lexicon import Lexicon

# Relation words that make "N units" a stretch of time rather than a point ("dua tahun terakhir").
_DURATION_RELATIONS = {"terakhir", "belakangan", "ke depan", "mendatang", "ini", "yang akan datang"}
_NARRATIVE_RELATIONS = {"kemudian", "berikutnya", "sebelumnya"}  # count from the last date told
_NOT_PERIOD_RELATIONS = {"terakhir", "lagi", "kemudian", "ke depan", "belakangan"}
# Words before a bare month name that show it is a date ("pada Januari"), not part of a name.
_MONTH_LEADS = {"pada", "sejak", "hingga", "sampai", "selama", "per", "mulai", "antara", "dan",
                "atau", "medio", "bulan", "awal", "akhir", "pertengahan", "jelang", "menjelang",
                "dijadwalkan", "sebelum", "setelah", "usai", "pertengahan", "hingga"}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_ORDINALS = {"pertama": 1, "kesatu": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "satu": 1, "dua": 2, "tiga": 3, "empat": 4}


@dataclass(slots=True)
class Found:
    """A recognised expression before it becomes a ``Timex``."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass(slots=True)
class Context:
    """What normalisation needs: the text, the reference date, the words and the tense cues."""

    text: str
    ref: date | None
    hour: int | None
    lex: Lexicon
    cues: re.Pattern[str]
    warnings: list[str] = field(default_factory=list)
    last_day: tuple[int, date] | None = None  # end offset and date of the last day-level DATE
    # weekday → the explicitly dated day of this week around the reference ("Kamis (27/11/2014)"),
    # so that a later bare "Kamis" means the same day
    dated_weekdays: dict[int, date] = field(default_factory=dict)

    def direction(self, start: int, end: int) -> int:
        """Past or future from the tense cues of the clause around ``start:end``, else neutral."""
        before = self.text[max(0, start - 120):start]
        cut = max(before.rfind(c) for c in '.;!?"“”\n')
        before = before[cut + 1:]
        cues = self.cues.findall(before)
        if cues:
            return self._cue(cues[-1])
        # after the expression only a close future marker counts ("Minggu akan"): past is the default
        after = re.split(r'[,.;!?"“”\n]', self.text[end:end + 30], maxsplit=1)[0]
        cues = [c for c in self.cues.findall(after) if self._cue(c) == FUTURE]
        return FUTURE if cues else NEUTRAL

    def _cue(self, word: str) -> int:
        entry = self.lex.lookup("tense_cues", word)
        return FUTURE if entry and entry.value == "future" else PAST

    def narrative(self, start: int, *, sentence: bool = False) -> date | None:
        """The last day-level date before ``start`` (in the same sentence), else the reference date."""
        if not self.last_day or self.last_day[0] > start:
            return self.ref
        if sentence and re.search(r"[.!?]\s|\n", self.text[self.last_day[0]:start]):
            return self.ref
        return self.last_day[1]


def parse_number(text: str, lex: Lexicon) -> float | str | None:
    """The value of "dua puluh lima", "sebelas", "1,5", "setengah" or "beberapa" (X)."""
    t = text.strip().lower()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return float(t.replace(",", "."))
    total, current, seen = 0.0, 0.0, False
    for word in t.split():
        entry = lex.lookup("numbers", word)
        if entry is None and word.startswith("se"):
            entry, current = lex.lookup("numbers", word[2:]), current + 1
        if entry is None:
            return None
        seen = True
        if entry.kind == "vague":
            return "X"
        if entry.kind == "digit":
            current += entry.value
        elif entry.kind == "teen":
            current += 10
        elif entry.kind == "half":
            current += 0.5
        elif entry.value >= 1000:
            total, current = total + max(current, 1) * entry.value, 0.0
        else:
            current = max(current, 1) * entry.value
    return total + current if seen else None


def _fmt(n: float | str) -> str:
    if isinstance(n, str):
        return n
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | str, unit: str) -> str:
    """P3D, PT24H, P10Y (dekade), PXY (beberapa tahun)."""
    timepart = unit.startswith("T")
    unit = unit.lstrip("T")
    mult = re.match(r"(\d*)(\w)", unit)
    factor, letter = int(mult.group(1) or 1), mult.group(2)
    amount = n if isinstance(n, str) else n * factor
    return f"P{'T' if timepart else ''}{_fmt(amount)}{letter}"


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w$./%]+)\W*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([\w$%]+)", text[end:end + 30])
    return m.group(1) if m else ""


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 5):start].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"“"


def _day(value: date) -> str:
    return value.isoformat()


def _with_pod(value: str | None, pod: str | None, ctx: Context) -> tuple[str, str | None]:
    if not pod:
        return "DATE", value
    part = ctx.lex.lookup("parts_of_day", pod)
    return "TIME", (f"{value}T{part.value}" if value and part else value)


def _weekday_name(ctx: Context, iso: int) -> str:
    return next((w.name for w in ctx.lex.words("weekdays") if w.value == iso), str(iso))


def _check_weekday(ctx: Context, m: Match, wd: str | None, day: date) -> None:
    entry = ctx.lex.lookup("weekdays", wd) if wd else None
    if entry and entry.value != day.isoweekday():
        ctx.warnings.append(f"weekday conflict: '{ctx.text[m.start:m.end]}' — {day.isoformat()} is a "
                            f"{_weekday_name(ctx, day.isoweekday())}, not a {entry.name}; kept the date")


def _year(text: str) -> int:
    y = int(text)
    return y if y >= 100 else (2000 + y if y < 50 else 1900 + y)


def _resolve_day_month(ctx: Context, m: Match, day: int, month: int, year: str | None, wd: str | None,
                       direction: int) -> str | None:
    if year:
        d = cal.safe_date(_year(year), month, day)
        if d is None:
            return None
        _check_weekday(ctx, m, wd, d)
        return _day(d)
    if ctx.ref is None:
        return f"XXXX-{month:02d}-{day:02d}"
    entry = ctx.lex.lookup("weekdays", wd) if wd else None
    if entry:
        d, fits = cal.resolve_weekday_date(month, day, entry.value, ctx.ref, direction)
        if not fits:
            _check_weekday(ctx, m, wd, d)
        return _day(d)
    y = cal.choose_year_for_day(month, day, ctx.ref, direction)
    d = cal.safe_date(y, month, day)
    return _day(d) if d else None


def _rel(ctx: Context, word: str | None) -> int | None:
    entry = ctx.lex.lookup("relations", word) if word else None
    return entry.value if entry else None


def _unit(ctx: Context, word: str) -> str | None:
    entry = ctx.lex.lookup("units", word)
    return entry.value if entry else None
