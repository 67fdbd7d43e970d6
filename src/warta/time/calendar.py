"""Calendar arithmetic for resolving dates: years by tense, weekdays, weeks, months, parts of day."""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, datetime, timedelta

PAST, NEUTRAL, FUTURE = -1, 0, 1

# How far a date without a year may lie after the reference when the tense is unknown:
# news mostly reports the past, but announces the next few weeks without a future marker.
NEUTRAL_DAYS_AHEAD = 45
NEUTRAL_MONTHS_AHEAD = 2
# How far after the reference a weekday-dated day may lie when the tense is unknown.
NEUTRAL_WEEKDAY_DAYS_AHEAD = 7
# Years searched for a weekday that matches a day and month (the calendar repeats within 11).
WEEKDAY_SEARCH_YEARS = 11
# A day and month this close to the reference, in the tense's direction, keep the reference's year
# even when the weekday printed with them does not fit it (a weekday slip, not a years-old story).
WEEKDAY_TYPO_DAYS = 31


def parse_dct(dct: str | date | datetime | None) -> tuple[date | None, int | None]:
    """The date and (if given) the hour of a document creation time."""
    if dct is None or dct == "":
        return None, None
    if isinstance(dct, datetime):
        return dct.date(), dct.hour
    if isinstance(dct, date):
        return dct, None
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}))?", str(dct))
    day = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    if day is None:
        raise ValueError(f"not a date like 2019-05-12: {dct!r}")
    hour = int(m.group(4)) if m.group(4) else None
    return day, hour


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31 April, 29 February 2019)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _cal.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def week_value(day: date) -> str:
    """ISO week of a day, as TimeML writes it: 2019-W20."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(day: date) -> str:
    """2019-05."""
    return f"{day.year:04d}-{day.month:02d}"


def choose_year_for_month(month: int, ref: date, direction: int) -> int:
    """The year of a month named without one, nearest ``ref`` in the tense's direction."""
    ref_index = ref.year * 12 + ref.month
    candidates = [(ref.year + k) * 12 + month for k in (-1, 0, 1)]
    if direction == PAST:
        fitting = [c for c in candidates if c <= ref_index]
        best = max(fitting)
    elif direction == FUTURE:
        fitting = [c for c in candidates if c >= ref_index]
        best = min(fitting)
    else:
        best = max(c for c in candidates if c <= ref_index + NEUTRAL_MONTHS_AHEAD)
    return (best - month) // 12


def choose_year_for_day(month: int, day: int, ref: date, direction: int) -> int:
    """The year of a day and month without a year, nearest ``ref`` in the tense's direction."""
    candidates = []
    for k in (-1, 0, 1):
        d = safe_date(ref.year + k, month, day) or safe_date(ref.year + k, month, min(day, 28))
        candidates.append(d)
    if direction == PAST:
        best = max(d for d in candidates if d <= ref)
    elif direction == FUTURE:
        best = min(d for d in candidates if d >= ref)
    else:
        best = max(d for d in candidates if d <= ref + timedelta(days=NEUTRAL_DAYS_AHEAD))
    return best.year


def resolve_weekday_date(month: int, day: int, weekday: int, ref: date, direction: int) -> tuple[date, bool]:
    """The date of ``Selasa (14/5)``: the year nearest ``ref`` in the tense's direction whose
    day falls on that weekday; ``(date, True)``, or ``(plain guess, False)`` when the weekday
    fits no year near ``ref`` (then the weekday is most likely a typo)."""
    plain = safe_date(choose_year_for_day(month, day, ref, direction), month, day)
    if plain and plain.isoweekday() != weekday and abs((plain - ref).days) <= WEEKDAY_TYPO_DAYS:
        # "Sabtu (28/10)" two days before a paper of Sunday 30 October 2022, a Friday: a date this
        # close to the publication date is the reporter's day; the weekday is the slip
        return plain, False
    near = [safe_date(ref.year + k, month, day) for k in (-1, 0, 1)]
    if not any(d and d.isoweekday() == weekday for d in near):
        return plain or date(ref.year, month, min(day, 28)), False
    # past by default for a dated weekday: "kata Pompeo, Selasa (14/5)" reports a statement
    step = 1 if direction == FUTURE else -1
    # the publication date is in local time (allow a day); with no tense, allow the coming week;
    # a future cue may belong to another verb of the sentence, so the past week still counts
    slack = timedelta(days=1 if direction == PAST else NEUTRAL_WEEKDAY_DAYS_AHEAD)
    # start one year on the other side: 1 January is 3 days ahead of 29 December
    for k in range(-1, WEEKDAY_SEARCH_YEARS + 1):
        d = safe_date(ref.year + step * k, month, day)
        if d is None or d.isoweekday() != weekday:
            continue
        if (step < 0 and d <= ref + slack) or (step > 0 and d >= ref - slack):
            return d, True
    return plain or date(ref.year, month, min(day, 28)), False


def nearest_weekday(weekday: int, ref: date, direction: int, *, include_ref: bool = True) -> date:
    """The nearest day with that ISO weekday before (past) or after (future) ``ref``."""
    if direction == FUTURE:
        delta = (weekday - ref.isoweekday()) % 7
        if delta == 0 and not include_ref:
            delta = 7
        return ref + timedelta(days=delta)
    delta = (ref.isoweekday() - weekday) % 7
    if delta == 0 and not include_ref:
        delta = 7
    return ref - timedelta(days=delta)


def weekday_in_week(weekday: int, ref: date, weeks: int = 0) -> date:
    """That weekday in the ISO week of ``ref`` moved by ``weeks``: "Senin pekan depan"."""
    monday = ref - timedelta(days=ref.isoweekday() - 1) + timedelta(weeks=weeks)
    return monday + timedelta(days=weekday - 1)


def shift(ref: date, amount: int, unit: str) -> str | None:
    """The value of ``ref`` moved by ``amount`` units, at the unit's granularity (D, W, M, Y)."""
    if unit == "D":
        return (ref + timedelta(days=amount)).isoformat()
    if unit == "W":
        return week_value(ref + timedelta(weeks=amount))
    if unit == "M":
        return month_value(add_months(ref, amount))
    if unit == "Y":
        return f"{ref.year + amount:04d}"
    if unit == "10Y":
        return f"{(ref.year // 10 + amount):03d}"
    if unit == "100Y":
        return f"{(ref.year // 100 + amount):02d}"
    return None
