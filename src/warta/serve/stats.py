"""Aggregates for the dashboard and the timelines: volume by day, top actors, top dyads, quad-class series.

A timeline counts events by PLOVER quad class per period and adds a signed intensity: cooperation
counts up, conflict down, material acts twice as much as words (``INTENSITY``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from sqlalchemy import Engine, distinct, func, select

from warta.article import QUAD_CLASS
from warta.store.events import first_day
from warta.store.browse import QUAD_CLASSES, EventFilter, all_events
from warta.store import schema

# Signed weight of one event of each quad class in the intensity series.
INTENSITY = {"verbal-cooperation": 1, "material-cooperation": 2, "verbal-conflict": -1, "material-conflict": -2}
PERIODS = ("day", "week", "month")
MAX_DAYS = 90  # the dashboard counts articles by day over the store's last 90 days


def period_of(day: date, by: str) -> str:
    """The label of the period holding ``day``: ``2023-03-14``, ``2023-W11`` or ``2023-03``."""
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.strftime("%Y-%m")


def series(events: list[dict], by: str = "month") -> list[dict]:
    """Counts by quad class and the signed intensity per period, for dated events, oldest period first."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    buckets: dict[str, Counter] = defaultdict(Counter)
    for ev in events:
        day = first_day(ev.get("date"))
        if day is None:
            continue
        buckets[period_of(day, by)][ev.get("quad_class") or QUAD_CLASS.get(ev["type"])] += 1
    out = []
    for period in sorted(buckets):
        counts = buckets[period]
        row = {"period": period, **{c: counts.get(c, 0) for c in QUAD_CLASSES}}
        row["events"] = sum(counts.values())
        row["intensity"] = sum(INTENSITY.get(c, 0) * n for c, n in counts.items())
        out.append(row)
    return out


def timeline(engine: Engine, filters: EventFilter, by: str = "month") -> dict:
    """The timeline of the events matching ``filters`` (an actor or a dyad, usually)."""
    events = all_events(engine, filters)
    periods = series(events, by)
    return {"actor": filters.actor, "dyad": filters.dyad, "by": by, "events": len(events),
            "undated": len(events) - sum(p["events"] for p in periods), "periods": periods}


def _labels(first: date, last: date, by: str):
    """The labels of every day (or month) from ``first`` to ``last``."""
    if by == "day":
        for n in range((last - first).days + 1):
            yield (first + timedelta(days=n)).isoformat()
        return
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield f"{year}-{month:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def volume(engine: Engine) -> dict:
    """Articles per publication day over the store's last ``MAX_DAYS`` days, and per month over all of it.

    Empty periods are included, so that time runs evenly along the chart.
    """
    a = schema.articles
    day = func.substr(a.c.published, 1, 10)
    with engine.connect() as conn:
        rows = conn.execute(select(day, func.count()).where(a.c.published.is_not(None)).group_by(day)).all()
        undated = conn.execute(select(func.count()).where(a.c.published.is_(None))).scalar_one()
    counts: Counter = Counter()
    for value, n in rows:
        try:
            counts[date.fromisoformat(value)] += n
        except (TypeError, ValueError):
            undated += n  # a publication date that is no day
    if not counts:
        return {"undated": undated, "days": [], "months": []}
    first, last = min(counts), max(counts)
    start = max(first, last - timedelta(days=MAX_DAYS - 1))
    months: Counter = Counter()
    for d, n in counts.items():
        months[period_of(d, "month")] += n
    return {
        "undated": undated,
        "days": [{"period": p, "articles": counts.get(date.fromisoformat(p), 0)} for p in _labels(start, last, "day")],
        "months": [{"period": p, "articles": months.get(p, 0)} for p in _labels(first, last, "month")],
    }


def top_actors(engine: Engine, limit: int = 10) -> list[dict]:
    """Actor codes by the number of events they are the source or target of."""
    v = schema.events
    counts: Counter = Counter()
    with engine.connect() as conn:
        for column in (v.c.source_actor, v.c.target_actor):
            for code, n in conn.execute(select(column, func.count()).where(column.is_not(None)).group_by(column)):
                counts[code] += n
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]  # ties by code: same on every back end
    names = _actor_names(engine, [code for code, _ in top])
    return [{"actor": code, "name": names.get(code), "events": n} for code, n in top]


def _actor_names(engine: Engine, codes: list[str]) -> dict[str, str]:
    """The most frequent entity name behind each actor code."""
    e = schema.entities
    names: dict[str, str] = {}
    with engine.connect() as conn:
        rows = conn.execute(select(e.c.actor, e.c.name, func.count().label("n")).where(e.c.actor.in_(codes))
                            .group_by(e.c.actor, e.c.name).order_by(func.count().desc(), e.c.name))
        for code, name, _n in rows:
            names.setdefault(code, name)
    return names


def top_dyads(engine: Engine, limit: int = 10, by: str = "month") -> list[dict]:
    """Source-target pairs by number of events, each with its quad-class series (the cooperation–conflict line)."""
    v = schema.events
    with engine.connect() as conn:
        pairs = conn.execute(
            select(v.c.source_actor, v.c.target_actor, func.count().label("n"))
            .where(v.c.source_actor.is_not(None), v.c.target_actor.is_not(None), v.c.source_actor != v.c.target_actor)
            .group_by(v.c.source_actor, v.c.target_actor)
            .order_by(func.count().desc(), v.c.source_actor, v.c.target_actor).limit(limit)).all()
        out = []
        for source, target, n in pairs:
            rows = conn.execute(select(v.c.date, v.c.type, v.c.quad_class)
                                .where(v.c.source_actor == source, v.c.target_actor == target)).all()
            events = [dict(r._mapping) for r in rows]
            points = series(events, by)
            out.append({"dyad": f"{source}-{target}", "source": source, "target": target, "events": n,
                        "intensity": sum(INTENSITY.get(e["quad_class"] or QUAD_CLASS.get(e["type"]), 0) for e in events),
                        "periods": points})
    return out


def dashboard(engine: Engine) -> dict:
    """Everything the dashboard shows, in one call."""
    a = schema.articles
    with engine.connect() as conn:
        totals = {name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for name, t in (("articles", a), ("quotes", schema.quotes), ("events", schema.events))}
        totals["entities"] = conn.execute(select(func.count(distinct(schema.entities.c.entity_id)))).scalar_one()
    return {"totals": totals, "volume": volume(engine), "top_actors": top_actors(engine), "top_dyads": top_dyads(engine)}
