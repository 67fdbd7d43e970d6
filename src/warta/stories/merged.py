"""Merged events: one real-world event reported by N articles of a story is one event with N sources.

Reports merge when they share the PLOVER type, the source and target (actor code, else name), the
negated/planned flags, and dates that agree (same day, or one of them undated or less precise and
consistent). The merged date is the best-dated report's (day over month over year over the
publication date); each report stays as evidence (article, start, end). A near-duplicate copy is
evidence too but does not add a source.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from warta.article import QUAD_CLASS, Article, Event

# How precise a report's date is: the best-dated report gives the merged event its date.
PRECISION_RANK = {"day": 5, "week": 4, "month": 3, "year": 2, "published": 1}


@dataclass(slots=True)
class MergedEvent:
    """One real-world event with its reports."""

    type: str
    source: dict
    target: dict
    mode: str | None = None
    quad_class: str | None = None
    date: str | None = None
    date_precision: str | None = None
    negated: bool = False
    planned: bool = False
    sources: int = 0
    evidence: list[dict] = field(default_factory=list)
    key: str = ""

    def to_dict(self) -> dict:
        """The JSON shape of `warta stories --json`."""
        return {"type": self.type, "mode": self.mode, "quad_class": self.quad_class, "source": self.source,
                "target": self.target, "date": self.date, "date_precision": self.date_precision,
                "negated": self.negated, "planned": self.planned, "sources": self.sources, "evidence": self.evidence}


def _party(actor, name) -> str:
    return actor or (name or "").lower()


def _interval(value: str) -> tuple[date, date] | None:
    """The days a TimeML date value covers: a day, an ISO week, a month or a year."""
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            d = date.fromisoformat(value[:10])
            return d, d
        if len(value) >= 8 and value[5] == "W":
            monday = date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return monday, monday + timedelta(days=6)
        if len(value) == 7 and value[4] == "-":
            first = date(int(value[:4]), int(value[5:7]), 1)
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _dates_agree(a: str | None, b: str | None) -> bool:
    """Undated, unreadable, or the days they cover overlap (2019-05 and 2019-05-14 agree; two days must be equal)."""
    span_a, span_b = _interval(a or ""), _interval(b or "")
    if span_a is None or span_b is None:
        return True
    return span_a[0] <= span_b[1] and span_b[0] <= span_a[1]


def _rank(ev: Event) -> int:
    return PRECISION_RANK.get(ev.date_precision or "", 0) if ev.date else 0


def merge_events(articles: list[Article], duplicate_of: dict[str, str | None], story: str = "") -> list[MergedEvent]:
    """The merged events of a story's articles (``duplicate_of``: article id → the copy it repeats)."""
    groups: list[tuple[tuple, list[tuple[Article, Event]]]] = []
    for art in sorted(articles, key=lambda a: a.id):
        for ev in art.events:
            key = (ev.type, _party(ev.source.actor, ev.source.name), _party(ev.target.actor, ev.target.name),
                   ev.negated, ev.planned)
            for gkey, reports in groups:
                if gkey == key and all(_dates_agree(ev.date, other.date) for _, other in reports if min(_rank(other), _rank(ev)) >= 2):
                    reports.append((art, ev))
                    break
            else:
                groups.append((key, [(art, ev)]))
    return [_merged(key, reports, duplicate_of, story) for key, reports in groups]


def _merged(key: tuple, reports: list[tuple[Article, Event]], duplicate_of: dict, story: str) -> MergedEvent:
    best = max(_rank(ev) for _, ev in reports)
    dates = Counter(ev.date for _, ev in reports if _rank(ev) == best and ev.date)
    date = min(d for d, n in dates.items() if n == max(dates.values())) if dates else None
    precision = next((ev.date_precision for _, ev in reports if ev.date == date), None) if date else None
    first = reports[0][1]
    names = Counter((ev.source.name, ev.target.name) for _, ev in reports)
    src_name, tgt_name = names.most_common(1)[0][0]
    modes = Counter(ev.mode for _, ev in reports if ev.mode)
    roots = {duplicate_of.get(art.id) or art.id for art, _ in reports}
    digest = hashlib.sha256(repr((story, key, date)).encode()).hexdigest()[:16]
    return MergedEvent(
        type=first.type, mode=modes.most_common(1)[0][0] if modes else None,
        quad_class=first.quad_class or QUAD_CLASS.get(first.type),
        source={"actor": first.source.actor, "name": src_name}, target={"actor": first.target.actor, "name": tgt_name},
        date=date, date_precision=precision, negated=first.negated, planned=first.planned, sources=len(roots),
        evidence=[{"article": art.id, "start": ev.trigger.start, "end": ev.trigger.end, "text": ev.trigger.text}
                  for art, ev in reports],
        key=digest,
    )
