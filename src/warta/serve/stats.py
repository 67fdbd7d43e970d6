"""Aggregates for the dashboard: volume by day, top actors, top dyads with their cooperation–conflict line.

The dyads and their lines come from the stories' merged events (one real-world event counted once,
``warta.stories.timeline``) when the corpus stages have run, else from the articles' events. The
intensity is the stories' signed weight of each PLOVER type (``intensity.yaml``); negated events
are left out of it, as the stories' timelines leave them out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from sqlalchemy import Engine, distinct, func, select, tuple_

from warta.article import QUAD_CLASS
from warta.store.events import first_day
from warta.store.browse import QUAD_CLASSES
from warta.store import RETRIED, schema
from warta.stories.timeline import timeline as story_timeline
from warta.stories.timeline import weights

PERIODS = ("day", "week", "month", "year")
MAX_MONTHS = 120  # a chart of events spanning more months than this counts years
MAX_DAYS = 90  # the dashboard counts articles by day over the store's last 90 days


def period_of(day: date, by: str) -> str:
    """The label of the period holding ``day``: ``2023-03-14``, ``2023-W11``, ``2023-03`` or ``2023``."""
    if by == "day":
        return day.isoformat()
    if by == "year":
        return str(day.year)
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.strftime("%Y-%m")


def series(events: list[dict], by: str = "month") -> list[dict]:
    """Counts by quad class and the signed intensity per period, for dated events, oldest period first."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    table = weights()
    buckets: dict[str, Counter] = defaultdict(Counter)
    intensity: Counter = Counter()
    for ev in events:
        day = first_day(ev.get("date"))
        if day is None:
            continue
        period = period_of(day, by)
        buckets[period][ev.get("quad_class") or QUAD_CLASS.get(ev["type"])] += 1
        if not ev.get("negated"):
            intensity[period] += table.get(ev["type"], 0.0)
    labels = sorted(buckets)
    if by in ("month", "year") and labels:  # every period between the first and the last: time runs evenly
        first, last = (date.fromisoformat((labels[0] + "-01-01")[:10]), date.fromisoformat((labels[-1] + "-01-01")[:10]))
        labels = list(_labels(first, last, by))
    out = []
    for period in labels:
        counts = buckets.get(period, Counter())
        row = {"period": period, **{c: counts.get(c, 0) for c in QUAD_CLASSES}}
        row["events"] = sum(counts.values())
        row["intensity"] = round(intensity[period], 2)
        out.append(row)
    return out


def timeline(engine: Engine, *, actor: str | None = None, dyad: str | None = None, by: str = "month",
             since: str | None = None, until: str | None = None) -> dict:
    """The stories' timeline of an actor or a dyad (merged events), with the totals."""
    periods = [b.to_dict() for b in story_timeline(engine, actor=actor, dyad=dyad, by=by, since=since, until=until)]
    return {"actor": actor, "dyad": dyad, "by": by, "events": sum(p["events"] for p in periods),
            "sources": sum(p["sources"] for p in periods), "periods": periods}


def chart_period(events: list[dict]) -> str:
    """``month`` for events within ``MAX_MONTHS`` months of each other, else ``year``: a chart stays readable."""
    days = [d for d in (first_day(e.get("date")) for e in events) if d]
    if not days:
        return "month"
    first, last = min(days), max(days)
    return "month" if (last.year - first.year) * 12 + last.month - first.month < MAX_MONTHS else "year"


def _labels(first: date, last: date, by: str):
    """The labels of every day (month, year) from ``first`` to ``last``."""
    if by == "day":
        for n in range((last - first).days + 1):
            yield (first + timedelta(days=n)).isoformat()
        return
    if by == "year":
        yield from (str(y) for y in range(first.year, last.year + 1))
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
    return [{"actor": code, "names": names.get(code, []), "events": n} for code, n in top]


def _actor_names(engine: Engine, codes: list[str], per_code: int = 3) -> dict[str, list[str]]:
    """The entity names most often behind each actor code (IDNGOV: the president, ministers, ...)."""
    e = schema.entities
    names: dict[str, list[str]] = {}
    with engine.connect() as conn:
        rows = conn.execute(select(e.c.actor, e.c.name, func.count().label("n")).where(e.c.actor.in_(codes))
                            .group_by(e.c.actor, e.c.name).order_by(func.count().desc(), e.c.name))
        for code, name, _n in rows:
            if len(names.setdefault(code, [])) < per_code:
                names[code].append(name)
    return names


def _pairs(conn, table, limit: int) -> list:
    """The most frequent (source, target) pairs of an event table, with their counts."""
    src, tgt = table.c.source_actor, table.c.target_actor
    return conn.execute(
        select(src, tgt, func.count().label("n")).where(src.is_not(None), tgt.is_not(None), src != tgt)
        .group_by(src, tgt).order_by(func.count().desc(), src, tgt).limit(limit)).all()


def top_dyads(engine: Engine, limit: int = 10, by: str = "month") -> list[dict]:
    """Source-target pairs by number of events, each with its quad-class series (the cooperation–conflict line)."""
    table = schema.merged_events
    out = []
    with engine.connect() as conn:
        pairs = _pairs(conn, table, limit)
        if not pairs:  # the corpus stages have not run on this store: the articles' own events
            table = schema.events
            pairs = _pairs(conn, table, limit)
        # the events of every top pair in one query, not one query per pair
        events: dict[tuple, list[dict]] = defaultdict(list)
        if pairs:
            src, tgt = table.c.source_actor, table.c.target_actor
            for r in conn.execute(select(src, tgt, table.c.date, table.c.type, table.c.quad_class, table.c.negated)
                                  .where(tuple_(src, tgt).in_([(p[0], p[1]) for p in pairs]))):
                events[(r.source_actor, r.target_actor)].append(dict(r._mapping))
        for source, target, n in pairs:
            periods = series(events[(source, target)], by)
            out.append({"dyad": f"{source}-{target}", "source": source, "target": target, "events": n,
                        "merged": table is schema.merged_events,
                        "intensity": round(sum(p["intensity"] for p in periods), 2), "periods": periods})
    return out


def dashboard(engine: Engine) -> dict:
    """Everything the dashboard shows, in one call."""
    a = schema.articles
    with engine.connect() as conn:
        totals = {name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for name, t in (("articles", a), ("quotes", schema.quotes), ("events", schema.events))}
        totals["entities"] = conn.execute(select(func.count(distinct(schema.entities.c.entity_id)))).scalar_one()
        d = schema.documents  # failed, or stored with a failed stage (GET /api/failures lists them)
        totals["failures"] = conn.execute(select(func.count()).select_from(d).where(d.c.status.in_(RETRIED))).scalar_one()
    return {"totals": totals, "volume": volume(engine), "top_actors": top_actors(engine), "top_dyads": top_dyads(engine)}
