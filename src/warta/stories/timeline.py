"""Timelines of merged events for an actor or a dyad: counts per PLOVER quad class and signed intensity.

An actor matches a merged event's source or target by prefix (RUS matches RUSGOV); a dyad SRC-TGT
matches source SRC and target TGT. Each merged event counts once however many articles reported it
(its ``sources`` are summed separately). Intensity is the sum of the type weights of
``intensity.yaml`` (Goldstein-like, -10 … +10); a negated event is left out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from sqlalchemy import Engine, and_, or_, select

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
    user_file = user_file or os.environ.get("WARTA_INTENSITY")
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


def period_of(day: str, by: str) -> str | None:
    """The period label of an ISO date (``None`` for a date less precise than the period)."""
    if by == "month":
        return day[:7] if len(day) >= 7 and day[4] == "-" else None
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return None
    if by == "day":
        return d.isoformat()
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _filter(actor: str | None, dyad: str | None):
    m = t.merged_events
    if (actor is None) == (dyad is None):
        raise WartaError("give exactly one of --actor CODE or --dyad SRC-TGT")
    if actor:
        code = actor.strip().upper()
        return or_(m.c.source_actor.startswith(code), m.c.target_actor.startswith(code))
    parts = dyad.strip().upper().split("-")
    if len(parts) != 2 or not all(parts):
        raise WartaError(f"--dyad must look like RUS-USA (source-target actor codes), not {dyad!r}")
    return and_(m.c.source_actor.startswith(parts[0]), m.c.target_actor.startswith(parts[1]))


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
    return [buckets[k] for k in sorted(buckets)]
