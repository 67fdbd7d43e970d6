"""Near-duplicates: syndicated and lightly edited copies, found by MinHash LSH over word 3-grams."""

from __future__ import annotations

from warta.stories.features import Features
from warta.stories.minhash import Bands, jaccard


def containment(jac: float, size_a: int, size_b: int) -> float:
    """Share of the smaller set inside the other, from the Jaccard estimate and the set sizes."""
    if not size_a or not size_b:
        return 0.0
    inter = jac * (size_a + size_b) / (1 + jac)
    return min(1.0, inter / min(size_a, size_b))


class NearDuplicateIndex:
    """Fingerprints seen so far; ``find`` names the copy a new article repeats, if any."""

    def __init__(self, *, min_containment: float):
        self.bands = Bands()
        self.min_containment = min_containment
        self.items: dict[str, Features] = {}

    def add(self, feats: Features) -> None:
        if feats.minhash is None or feats.id in self.items or feats.shingles == 0:
            return
        self.bands.add(feats.id, feats.minhash)
        self.items[feats.id] = feats

    def find(self, feats: Features, accept=None) -> tuple[str, float] | None:
        """The stored article this one copies (highest containment at or above the bar), or None;
        ``accept(other_features)`` can veto a candidate (a copy is published within days)."""
        if feats.minhash is None or feats.shingles == 0:
            return None
        best = None
        for other_id in sorted(self.bands.query(feats.minhash)):
            other = self.items[other_id]
            score = containment(jaccard(feats.minhash, other.minhash), feats.shingles, other.shingles)
            if score >= self.min_containment and (best is None or score > best[1]) and (accept is None or accept(other)):
                best = (other_id, score)
        return best
