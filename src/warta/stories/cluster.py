"""Online story clustering: each new article joins the story of its closest compatible article, or opens one.

Pure: it takes the archive's members (already assigned, never moved) and the new articles' features,
and returns where each new article goes. New articles are taken in date order (then id), so one
batch gives the same stories whatever order its files were read in.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from warta.stories import settings as cfg
from warta.stories.features import Features
from warta.stories.neardup import NearDuplicateIndex
from warta.stories.similarity import Idf, Index, compatible, lead_day_conflict, main_event_conflict


@dataclass(slots=True)
class Member:
    """An article already in a story."""

    features: Features
    story: str
    near_duplicate_of: str | None = None


@dataclass(slots=True)
class Assignment:
    """Where one new article went and why."""

    article: str
    story: str
    opened: bool  # True when the article opened a new story
    score: float  # similarity with the closest member (1.0 for a near-duplicate, 0.0 when opened)
    near_duplicate_of: str | None = None
    via: str | None = None  # the member it was linked to


def story_id(founder: str) -> str:
    """A story's stable id: a hash of the id of the article that opened it."""
    return "s" + hashlib.sha256(founder.encode()).hexdigest()[:11]


def order_key(feats: Features) -> tuple:
    """Dated articles first, oldest first; then by id: a deterministic order for one batch."""
    return (feats.day is None, feats.day or date.min, feats.id)


class Clusterer:
    """The archive's members in an index; ``add`` places one new article."""

    def __init__(self, members: list[Member], idf: Idf, overrides: dict | None = None):
        self.idf = idf
        self.threshold = cfg.get("link_threshold", overrides)
        self.window = cfg.get("window_days", overrides)
        self.penalty = cfg.get("main_event_penalty", overrides)
        self.lead_penalty = cfg.get("lead_day_penalty", overrides)
        self.near = NearDuplicateIndex(min_containment=cfg.get("near_duplicate_containment", overrides))
        self.members: list[Member] = []
        self.index = Index()
        self.by_story: dict[str, list[int]] = {}
        self.by_id: dict[str, int] = {}
        for member in members:
            self._remember(member)

    def _remember(self, member: Member) -> None:
        slot = len(self.members)
        self.members.append(member)
        self.by_id[member.features.id] = slot
        self.by_story.setdefault(member.story, []).append(slot)
        self.index.add(slot, self.idf.vector(member.features))
        self.near.add(member.features)

    def _story_fits(self, feats: Features, story: str) -> bool:
        """Every member of the story is date-compatible with the new article."""
        return all(compatible(feats, self.members[s].features, self.window) for s in self.by_story[story])

    def add(self, feats: Features) -> Assignment:
        """Place one article (a near-duplicate joins its original's story) and index it."""
        if feats.id in self.by_id:  # already placed: re-ingesting moves nothing
            m = self.members[self.by_id[feats.id]]
            return Assignment(feats.id, m.story, False, 1.0, m.near_duplicate_of)
        dup = self.near.find(
            feats, lambda other: compatible(feats, other, self.window) and not lead_day_conflict(feats, other))
        if dup is not None:
            original = self.members[self.by_id[dup[0]]]
            first = original.near_duplicate_of or original.features.id  # link to the first copy
            result = Assignment(feats.id, original.story, False, 1.0, first, dup[0])
        else:
            result = self._link(feats)
        self._remember(Member(feats, result.story, result.near_duplicate_of))
        return result

    def _link(self, feats: Features) -> Assignment:
        vec = self.idf.vector(feats)
        best: tuple[float, str, str] | None = None
        fits: dict[str, bool] = {}
        for slot, score in sorted(self.index.scores(vec).items()):
            other = self.members[slot]
            if main_event_conflict(feats, other.features):
                score -= self.penalty
            if lead_day_conflict(feats, other.features):
                score -= self.lead_penalty
            if score < self.threshold or (best is not None and score <= best[0]):
                continue
            if other.story not in fits:
                fits[other.story] = self._story_fits(feats, other.story)
            if fits[other.story]:
                best = (score, other.story, other.features.id)
        if best is None:
            return Assignment(feats.id, story_id(feats.id), True, 0.0)
        return Assignment(feats.id, best[1], False, round(best[0], 4), None, best[2])


def assign(new: list[Features], members: list[Member], idf: Idf, overrides: dict | None = None) -> list[Assignment]:
    """Assign new articles to the archive's stories or to new ones, in date order; members never move."""
    clusterer = Clusterer(members, idf, overrides)
    return [clusterer.add(f) for f in sorted(new, key=order_key)]
