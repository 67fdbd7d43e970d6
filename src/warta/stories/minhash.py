"""MinHash signatures and LSH banding over word 3-grams, in numpy (no heavy import on the ingest path).

A signature holds, for each of ``PERMUTATIONS`` universal hash functions h(x) = (a·x + b) mod p
(p = 2^61 − 1, kept to 32 bits), the minimum over the 3-grams' CRC-32 values; the share of equal
positions estimates the Jaccard similarity of two 3-gram sets. LSH splits a signature into
``BANDS`` bands of ``ROWS`` rows: two articles are candidates when one band is equal, which happens
with probability 1 − (1 − J^ROWS)^BANDS (J = 0.2: 0.93, J = 0.1: 0.47), so that a short copy
inside a long page still becomes a candidate; containment then decides.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from functools import lru_cache

import numpy as np

PERMUTATIONS = 128
BANDS, ROWS = 64, 2
SCHEME = "crc32-mod61-128"  # stored with each signature: a signature of another scheme is ignored
_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64((1 << 32) - 1)


@lru_cache(maxsize=1)
def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(1)  # fixed: signatures stored today must compare with tomorrow's
    a = rng.randint(1, 1 << 32, size=PERMUTATIONS, dtype=np.uint64)
    b = rng.randint(0, 1 << 32, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


def signature(grams: set[str]) -> np.ndarray:
    """The MinHash signature of a set of strings (all 2^32 − 1 for an empty set)."""
    if not grams:
        return np.full(PERMUTATIONS, _MASK, dtype=np.uint64)
    x = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in sorted(grams)), dtype=np.uint64, count=len(grams))
    a, b = _coefficients()
    # a < 2^32 and x < 2^32: a·x fits in 64 bits; reduce before adding b so nothing overflows
    hashed = ((np.multiply.outer(x, a) % _PRIME + b) % _PRIME) & _MASK
    return hashed.min(axis=0)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity two signatures estimate."""
    return float(np.mean(a == b))


class Bands:
    """LSH buckets: ``add`` a signature under a key, ``query`` the keys sharing a band with one."""

    def __init__(self):
        self.buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)

    def _keys(self, sig: np.ndarray):
        for band in range(BANDS):
            yield band, sig[band * ROWS:(band + 1) * ROWS].tobytes()

    def add(self, key: str, sig: np.ndarray) -> None:
        for k in self._keys(sig):
            self.buckets[k].append(key)

    def query(self, sig: np.ndarray) -> set[str]:
        found: set[str] = set()
        for k in self._keys(sig):
            found.update(self.buckets.get(k, ()))
        return found
