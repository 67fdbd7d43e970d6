"""Text similarity for story matching: TF-IDF (log tf × idf) over stemmed words, with a date gate."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date

from warta.stories.features import Features


class Idf:
    """Inverse document frequencies from document counts (the store's archive plus the new batch)."""

    def __init__(self, df: dict[str, int], n_docs: int):
        self.df = df
        self.n = max(n_docs, 1)

    def weight(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 0.5))

    def vector(self, feats: Features) -> dict[str, float]:
        """The unit-length TF-IDF vector of an article."""
        vec = {t: (1 + math.log(c)) * self.weight(t) for t, c in feats.terms.items() if c > 0}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: w / norm for t, w in vec.items() if w > 0}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _near(a: date, b: date, window: float) -> bool:
    return abs((a - b).days) <= window


def _month_day_near(month_days: frozenset[str], day: date, window: float) -> bool:
    for md in month_days:
        try:
            cand = date(day.year, int(md[:2]), int(md[3:5]))
        except ValueError:
            continue
        if _near(cand, day, window):
            return True
    return False


def compatible(x: Features, y: Features, window: float) -> bool:
    """False when the dates say two articles report different occasions."""
    if x.day is not None and y.day is not None:
        return _near(x.day, y.day, window)
    if x.day is None and y.day is not None and x.month_days:
        return _month_day_near(x.month_days, y.day, window)
    if y.day is None and x.day is not None and y.month_days:
        return _month_day_near(y.month_days, x.day, window)
    return True  # nothing to compare: the text decides


def lead_day_conflict(x: Features, y: Features) -> bool:
    """Both leads state the day (or the weekday) of their event, and they differ."""
    if x.lead_day is not None and y.lead_day is not None:
        return x.lead_day != y.lead_day
    return x.lead_weekday is not None and y.lead_weekday is not None and x.lead_weekday != y.lead_weekday


def main_event_conflict(x: Features, y: Features) -> bool:
    """Both main events have the same type and source but another target: two occasions."""
    return bool(x.main and y.main and x.main[:2] == y.main[:2] and x.main[2] != y.main[2])


# Each article is found through its heaviest terms only: two reports of one event share some of
# their top terms, and the index stays small and fast as the archive grows (each query touches the
# postings of 25 terms, not of every word). The cosine itself is computed over the whole vectors.
TOP_TERMS = 25


def top_terms(vec: dict[str, float], k: int = TOP_TERMS) -> list[str]:
    """The ``k`` heaviest terms of a vector (ties by term, so the choice is deterministic)."""
    return [t for t, _ in sorted(vec.items(), key=lambda item: (-item[1], item[0]))[:k]]


class Index:
    """Unit vectors with an inverted index on their top terms: candidates, then exact cosines."""

    def __init__(self):
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.vectors: dict[int, dict[str, float]] = {}

    def add(self, slot: int, vec: dict[str, float]) -> None:
        self.vectors[slot] = vec
        for t in top_terms(vec):
            self.postings[t].append(slot)

    def scores(self, vec: dict[str, float]) -> dict[int, float]:
        """Cosine of ``vec`` with every indexed vector sharing one of its top terms."""
        candidates: set[int] = set()
        for t in top_terms(vec):
            candidates.update(self.postings.get(t, ()))
        return {slot: cosine(vec, self.vectors[slot]) for slot in candidates}
