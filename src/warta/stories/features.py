"""What story matching knows about one article: its terms, names, main event, dates and fingerprint."""

from __future__ import annotations

import base64
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from warta.article import Article, body_timex, reference_day
from warta.stories.minhash import SCHEME, signature
from warta.stories.text import shingles, terms

# Entity types whose names identify a story's participants and places.
NAME_TYPES = {"PER", "ORG", "GPE", "LOC", "EVT", "FAC"}
# A full-day date further than this from the article's own day is background, not the story's day.
BACKGROUND_DAYS = 45
# Near-duplicate fingerprints: MinHash over word 3-grams (3-grams keep a lightly reworded copy
# close; 5-grams lose it). 128 permutations: Jaccard estimated to about ±0.04 (warta.stories.minhash).
_WEEKDAY = re.compile(r"(?i)\b(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\b")
LEAD_SENTENCES = 4  # the lead: where a news story says when its event happened (dateline and photo lines count)
SHINGLE = 3


@dataclass(slots=True)
class Features:
    """The story-matching view of one article."""

    id: str
    terms: Counter = field(default_factory=Counter)
    names: frozenset[str] = frozenset()
    main: tuple | None = None  # the article's main event: (type, source actor, target actor)
    day: date | None = None  # the article's own day: publication, else its most cited full date
    days: frozenset[date] = frozenset()  # full dates the article mentions near its own day
    month_days: frozenset[str] = frozenset()  # "11-19" from dates printed without a year
    lead_day: date | None = None  # the first full date of the title and lead: when the reported event happened
    lead_weekday: int | None = None  # its weekday (0 = Monday), or the first weekday the lead names
    minhash: np.ndarray | None = None  # MinHash signature of the body's word 3-grams
    shingles: int = 0  # how many distinct 3-grams the body has

    def to_dict(self) -> dict:
        """A JSON-ready form, for the store."""
        return {
            "terms": dict(self.terms), "names": sorted(self.names), "main": list(self.main) if self.main else None,
            "day": self.day.isoformat() if self.day else None, "days": sorted(d.isoformat() for d in self.days),
            "month_days": sorted(self.month_days), "shingles": self.shingles,
            "lead_day": self.lead_day.isoformat() if self.lead_day else None, "lead_weekday": self.lead_weekday,
            "minhash": base64.b64encode(self.minhash.astype("<u8").tobytes()).decode() if self.minhash is not None else None,
            "minhash_scheme": SCHEME,
        }

    @classmethod
    def from_dict(cls, article_id: str, data: dict) -> "Features":
        """Rebuild from ``to_dict`` output."""
        sig = data.get("minhash") if data.get("minhash_scheme") == SCHEME else None
        return cls(
            id=article_id, terms=Counter(data.get("terms") or {}), names=frozenset(data.get("names") or ()),
            main=tuple(data["main"]) if data.get("main") else None, day=_parse_day(data.get("day")),
            days=frozenset(filter(None, map(_parse_day, data.get("days") or ()))),
            month_days=frozenset(data.get("month_days") or ()), shingles=int(data.get("shingles") or 0),
            lead_day=_parse_day(data.get("lead_day")), lead_weekday=data.get("lead_weekday"),
            minhash=np.frombuffer(base64.b64decode(sig), dtype="<u8").astype(np.uint64) if sig else None,
        )


def _parse_day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _names(article: Article) -> frozenset[str]:
    """The names the story's text uses: an entity named only in the removed furniture (a credited
    reporter, a "Baca juga" headline's people: ``Entity.in_removed``) would tie a reporter's stories together."""
    return frozenset(
        ent.name.lower().strip() for ent in article.entities
        if ent.mentions and ent.type in NAME_TYPES and len(ent.name.strip()) >= 3
    )


def main_event(article: Article) -> tuple | None:
    """The article's most reported actor-coded (type, source, target), if one stands out (≥ 2 reports)."""
    counts = Counter(
        (ev.type, ev.source.actor, ev.target.actor)
        for ev in article.events
        if not ev.negated and ev.source.actor and ev.target.actor and ev.source.actor != ev.target.actor
    )
    if not counts:
        return None
    (triple, n), *rest = counts.most_common()
    if n < 2 or (rest and rest[0][1] == n):
        return None
    return triple


def _title_timex(article: Article):
    """Dates in the title: text copies often carry the lead's dateline there ("…, Kamis (20/3/2025)")."""
    if not article.title:
        return []
    from warta.time import find_timex

    try:
        return find_timex(article.title, reference_day(article) or article.published)
    except Exception:  # a title the time grammar cannot read only loses its dates
        return []


def _lead_day(article: Article, title_timex) -> date | None:
    """The first full date with a weekday in the title and the first two sentences ("Rabu (29/6/2022)"):
    the day the lead says its event happened (a bare date there is as often the publication day)."""
    end = article.sentences[LEAD_SENTENCES - 1][1] if len(article.sentences) >= LEAD_SENTENCES else len(article.body)
    for tx in [*title_timex, *(t for t in body_timex(article) if t.start < end)]:
        if tx.type in ("DATE", "TIME") and tx.value and _WEEKDAY.search(tx.text) and (d := _parse_day(tx.value)):
            return d
    return None


# Weekday names as a lead prints them, capitalised ("minggu" in lower case is also "week").
WEEKDAYS = {"Senin": 0, "Selasa": 1, "Rabu": 2, "Kamis": 3, "Jumat": 4, "Jum'at": 4, "Sabtu": 5, "Minggu": 6, "Ahad": 6}
_WEEKDAY_NAME = re.compile(r"\b(" + "|".join(map(re.escape, WEEKDAYS)) + r")\b")


def _lead_weekday(article: Article, lead_day: date | None) -> int | None:
    """The weekday of the lead's day, else of the first weekday named in the title or lead ("Jumat dini hari")."""
    if lead_day is not None:
        return lead_day.weekday()
    end = article.sentences[LEAD_SENTENCES - 1][1] if len(article.sentences) >= LEAD_SENTENCES else len(article.body)
    found = _WEEKDAY_NAME.search(f"{article.title or ''}\n{article.body[:end]}")
    return WEEKDAYS[found.group(1)] if found else None


def _dates(article: Article, title_timex) -> tuple[date | None, frozenset[date], frozenset[str]]:
    """The article's day, the full dates near it, and year-less month-days."""
    mentioned: Counter = Counter()
    month_days = set()
    for tx in [*body_timex(article), *title_timex]:
        if tx.type not in ("DATE", "TIME") or not tx.value:
            continue
        if tx.value.startswith("XXXX-") and len(tx.value) >= 10 and tx.value[5:7].isdigit():
            month_days.add(tx.value[5:10])
        elif (d := _parse_day(tx.value)) is not None:
            mentioned[d] += 1
    for ev in article.events:
        if ev.date_precision == "day" and (d := _parse_day(ev.date)) is not None:
            mentioned[d] += 1
    own = _parse_day(reference_day(article) or article.published)
    if own is None and mentioned:
        # the latest of the most cited dates: news reports what happened last
        top = max(mentioned.values())
        own = max(d for d, n in mentioned.items() if n == top)
    near = {d for d in mentioned if own is not None and abs((d - own).days) <= BACKGROUND_DAYS}
    if own is not None:
        near.add(own)
    month_days |= {d.isoformat()[5:] for d in near}
    return own, frozenset(near), frozenset(month_days)


def fingerprint(text: str) -> tuple[np.ndarray, int]:
    """MinHash signature of the word 3-grams of ``text`` and the number of distinct 3-grams."""
    grams = shingles(text, SHINGLE)
    return signature(grams), len(grams)


def features(article: Article) -> Features:
    """The features of one article (title and body)."""
    title_timex = _title_timex(article)
    day, days, month_days = _dates(article, title_timex)
    lead = _lead_day(article, title_timex)
    sig, size = fingerprint(article.body)
    return Features(
        id=article.id, terms=Counter(terms(f"{article.title or ''}\n{article.body}")), names=_names(article),
        main=main_event(article), day=day, days=days, month_days=month_days, minhash=sig, shingles=size,
        lead_day=lead, lead_weekday=_lead_weekday(article, lead),
    )
