"""Timelines of merged events for an actor or a dyad: counts per PLOVER quad class and signed intensity.

An actor matches a merged event's source or target by prefix (RUS matches RUSGOV); a dyad SRC-TGT
matches source SRC and target TGT. Each merged event counts once however many articles reported it
(its ``sources`` are summed separately). Intensity is the sum of the type weights of
``intensity.yaml`` (Goldstein-like, -10 … +10); a negated event is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from sqlalchemy import Engine, and_, or_, select

from warta import settings
from warta.article import EVENT_TYPES
from warta.errors import ResourceError, WartaError
from warta.stories import schema as t

QUADS = ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict")
PERIODS = ("day", "week", "month")


@dataclass(slots=True)
class Bucket:
    """One period of a timeline."""

    period: str  # 2019-05-14, 2019-W20 or 2019-05
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(QUADS, 0))
    events: int = 0
    sources: int = 0
    intensity: float = 0.0

    def to_dict(self) -> dict:
        """One row of the CSV/JSON output."""
        return {"period": self.period, **self.counts, "events": self.events, "sources": self.sources,
                "intensity": round(self.intensity, 2)}


def _parse_weights(data, where: str) -> dict[str, float]:
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise ResourceError(f"{where}: expected a mapping 'types: {{TYPE: {{weight, note}}}}'")
    out = {}
    for name, entry in data["types"].items():
        if name not in EVENT_TYPES:
            raise ResourceError(f"{where}: unknown PLOVER type {name!r}")
        if not isinstance(entry, dict) or set(entry) - {"weight", "note"} or not isinstance(entry.get("weight"), (int, float)):
            raise ResourceError(f"{where}: entry {name}: give a numeric 'weight' and a 'note' (no other keys)")
        if not -10 <= entry["weight"] <= 10:
            raise ResourceError(f"{where}: entry {name}: weight {entry['weight']} is outside -10 … 10")
        out[name] = float(entry["weight"])
    return out


@lru_cache(maxsize=4)
def weights(user_file: str | None = None) -> dict[str, float]:
    """The intensity weight of each PLOVER type; a user file (or ``WARTA_INTENSITY``) overrides some."""
    text = resources.files("warta.stories").joinpath("intensity.yaml").read_text(encoding="utf-8")
    table = _parse_weights(yaml.safe_load(text), "warta/stories/intensity.yaml")
    user_file = user_file or settings.value("intensity")
    if user_file:
        try:
            data = yaml.safe_load(Path(user_file).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise ResourceError(f"{user_file}: cannot read intensity weights: {error}") from None
        table.update(_parse_weights(data, user_file))
    missing = set(EVENT_TYPES) - set(table)
    if missing:
        raise ResourceError(f"intensity weights miss {sorted(missing)}")
    return table


_WEEK = re.compile(r"^(\d{4})-W(\d\d)")
_MONTH = re.compile(r"^\d{4}-\d\d(?!\d)")


def period_of(value: str, by: str) -> str | None:
    """The period label of a TimeML date value (``None`` when the value is less precise than the period)."""
    week = _WEEK.match(value)
    if week:  # 2019-W20: a week, counted in the month of its Thursday
        if by == "day":
            return None
        if by == "week":
            return f"{week.group(1)}-W{week.group(2)}"
        try:
            return date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4).isoformat()[:7]
        except ValueError:
            return None
    try:
        d = date.fromisoformat(value[:10])
    except ValueError:
        return value[:7] if by == "month" and _MONTH.match(value) else None
    if by == "day":
        return d.isoformat()
    if by == "month":
        return d.isoformat()[:7]
    year, number, _ = d.isocalendar()
    return f"{year}-W{number:02d}"


def _filter(actor: str | None, dyad: str | None):
    m = t.merged_events
    if (actor is None) == (dyad is None):
        raise WartaError("give exactly one of --actor CODE or --dyad SRC-TGT")
    if actor:
        code = actor.strip().upper()
        return or_(m.c.source_actor.startswith(code, autoescape=True), m.c.target_actor.startswith(code, autoescape=True))
    parts = dyad.strip().upper().split("-")
    if len(parts) != 2 or not all(parts):
        raise WartaError(f"--dyad must look like RUS-USA (source-target actor codes), not {dyad!r}")
    return and_(m.c.source_actor.startswith(parts[0], autoescape=True), m.c.target_actor.startswith(parts[1], autoescape=True))


def timeline(engine: Engine, *, actor: str | None = None, dyad: str | None = None, by: str = "month",
             since: str | None = None, until: str | None = None) -> list[Bucket]:
    """The periods (oldest first) with their quad-class counts and intensity; undated events are left out."""
    if by not in PERIODS:
        raise WartaError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    from warta.stories.query import _require

    _require(engine)
    m = t.merged_events
    query = select(m.c.type, m.c.quad_class, m.c.date, m.c.negated, m.c.sources).where(_filter(actor, dyad), m.c.date.is_not(None))
    if since:
        query = query.where(m.c.date >= since[:10])
    if until:
        query = query.where(m.c.date <= until[:10] + "~")
    table = weights()
    buckets: dict[str, Bucket] = {}
    with engine.connect() as conn:
        for row in conn.execute(query):
            label = period_of(row.date, by)
            if label is None or row.negated:
                continue
            b = buckets.setdefault(label, Bucket(label))
            if row.quad_class in b.counts:
                b.counts[row.quad_class] += 1
            b.events += 1
            b.sources += row.sources or 0
            b.intensity += table.get(row.type, 0.0)
    return fill_gaps([buckets[k] for k in sorted(buckets)], by)


MAX_FILLED = 500  # a longer series keeps only its non-empty periods


def _next(label: str, by: str) -> str:
    if by == "day":
        return (date.fromisoformat(label) + timedelta(days=1)).isoformat()
    if by == "week":
        year, week = int(label[:4]), int(label[6:])
        monday = date.fromisocalendar(year, week, 1) + timedelta(days=7)
        y, w, _ = monday.isocalendar()
        return f"{y}-W{w:02d}"
    year, month = int(label[:4]), int(label[5:7])
    return f"{year + month // 12}-{month % 12 + 1:02d}"


def fill_gaps(buckets: list[Bucket], by: str) -> list[Bucket]:
    """The series with empty periods between its first and last one, so that time runs evenly."""
    if len(buckets) < 2:
        return buckets
    have = {b.period: b for b in buckets}
    labels = [buckets[0].period]
    while labels[-1] < buckets[-1].period and len(labels) <= MAX_FILLED:
        labels.append(_next(labels[-1], by))
    if len(labels) > MAX_FILLED:
        return buckets
    return [have.get(label) or Bucket(label) for label in labels]
