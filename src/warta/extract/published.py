"""The publication date a user gives (``--published``, a JSONL ``published`` field), checked.

Accepted: an ISO 8601 date or date-time (``2019-05-12``, ``2019-05-12T09:30:00+07:00``) with a
year from 1900 to 2100, or a date as outlets print it that the date-line grammar reads
(``Minggu, 12 Mei 2019 09:30 WIB``; ``dates.find_date``). Anything else is refused with the reason,
so that an impossible date never reaches the store or the time stage.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from warta.extract.dates import find_date

FIRST_YEAR, LAST_YEAR = 1900, 2100
# Looks like a machine date (digits and dashes first): then it must be valid ISO 8601, nothing else.
_ISO_LIKE = re.compile(r"^[+-]?\d{4,}-\d")
# What may surround a printed date besides the date itself: a weekday, "pukul", separators.
_REST_WORD = re.compile(r"[^\W\d_]+")


def check_published(value: str) -> str:
    """``value`` as ISO 8601, or ``ValueError`` saying why it is not a publication date."""
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    if _ISO_LIKE.match(text):
        return _check_iso(text, value)
    found = find_date(text)
    if found is not None:
        rest = text[: found.start] + " " + text[found.end :]
        if not re.search(r"\d", rest) and len(_REST_WORD.findall(rest)) <= 2:
            year = int(found.value[:4])
            if FIRST_YEAR <= year <= LAST_YEAR:
                return found.value
    raise ValueError(f"{value!r} is not a date (use 2019-05-12, 2019-05-12T09:30:00+07:00 or 12 Mei 2019)")


def _check_iso(text: str, value: str) -> str:
    try:
        parsed = datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a valid ISO 8601 date or date-time") from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise ValueError(f"{value!r}: the year must be between {FIRST_YEAR} and {LAST_YEAR}")
    return text
