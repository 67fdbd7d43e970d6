"""Queries over the stored events (table ``events`` of the store): by actor, dyad, type and date range."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, and_, func, or_, select

from warta.article import EVENT_TYPES
from warta.errors import WartaError
from warta.store import schema

DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})(?:-WE)?)?$")


@dataclass(slots=True)
class EventRow:
    """One stored event, as `warta events` shows it."""

    article_id: str
    date: str | None
    date_precision: str | None
    type: str
    mode: str | None
    source_actor: str | None
    source_name: str | None
    target_actor: str | None
    target_name: str | None
    negated: bool
    planned: bool
    trigger_text: str | None
    start: int | None
    end: int | None
    confidence: float | None


def first_day(value: str | None) -> date | None:
    """The first day a TimeML date value covers (``2019-W19`` → its Monday), None if it is no date."""
    m = DATE.match(value or "")
    if not m:
        return None
    year = int(m.group(1))
    if m.group(4):
        return date.fromisocalendar(year, int(m.group(4)), 1)
    return date(year, int(m.group(2) or 1), int(m.group(3) or 1))


def _day(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise WartaError(f"{option} must be a date like 2019-01-01, not {value!r}") from None


def actor_code(column, code: str):
    """``column`` holds the actor code ``code`` or one of its sectors (``RUS``: ``RUS``, ``RUSGOV``, ``RUSMIL``)."""
    # an actor code matches itself and its sectors: RUS matches RUSGOV and RUSMIL
    # startswith escapes LIKE's wildcards: --actor % matches an actor code "%…", i.e. nothing (issue 15);
    # the same rows as a range, which an index on the column can find (LIKE it cannot)
    return and_(column.startswith(code, autoescape=True), column >= code,
                column < code[:-1] + chr(ord(code[-1]) + 1))


def query(engine: Engine, *, actor: str | None = None, dyad: str | None = None, type: str | None = None,
          since: str | None = None, until: str | None = None, limit: int | None = None) -> list[EventRow]:
    """Stored events matching every filter given, oldest first."""
    ev = schema.events
    where = []
    if type:
        if type.upper() not in EVENT_TYPES:
            raise WartaError(f"--type {type!r} is not a PLOVER type; use one of {', '.join(EVENT_TYPES)}")
        where.append(ev.c.type == type.upper())
    if actor:
        where.append(or_(actor_code(ev.c.source_actor, actor.upper()), actor_code(ev.c.target_actor, actor.upper())))
    if dyad:
        source, sep, target = dyad.upper().partition("-")
        if not sep or not source or not target:
            raise WartaError(f"--dyad must look like RUS-USA (source-target), not {dyad!r}")
        where.append(and_(actor_code(ev.c.source_actor, source), actor_code(ev.c.target_actor, target)))
    lo, hi = _day("--since", since), _day("--until", until)
    # first_day: the first day each TimeML date value covers (2019-W12 -> its Monday), stored with the event
    if lo:
        where.append(ev.c.first_day >= lo.isoformat())
    if hi:
        where.append(ev.c.first_day <= hi.isoformat())
    columns = [getattr(ev.c, name) for name in EventRow.__slots__]
    # oldest first, undated last; the database sorts and cuts, so a limit reads only what it shows
    order = (ev.c.first_day.asc().nulls_last(), ev.c.article_id, func.coalesce(ev.c.start, 0))
    with engine.connect() as conn:
        return [EventRow(*row) for row in conn.execute(select(*columns).where(*where).order_by(*order).limit(limit or None))]
