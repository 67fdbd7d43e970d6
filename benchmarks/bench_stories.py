"""Story assignment at scale: time per 10,000 articles as the archive grows, and peak memory.

Synthetic articles (no text processing: their features are drawn directly) arrive in ingests of
``--batch`` articles, ``--per-day`` a day; each ingest is placed the way ``warta.stories.update``
places it: a fresh ``Clusterer`` over the archive members dated within the window of the batch,
IDF from the running document frequencies. Stories have 1–6 articles sharing 20 topic terms over
two days; every article draws 100 words from a Zipf vocabulary of 50,000. Reports the seconds per
10,000 articles at each 10,000, the stories found against the true ones (B-cubed on a sample), and
the peak resident memory.

Run: ``.venv/bin/python benchmarks/bench_stories.py [--articles 100000] [--batch 1000] [--per-day 1000]``
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections import Counter
from datetime import date, timedelta

import numpy as np

from warta.stories.cluster import Clusterer, Member, order_key
from warta.stories.features import Features
from warta.stories.minhash import PERMUTATIONS
from warta.stories.similarity import Idf

VOCABULARY = 50_000


def synthetic(n: int, per_day: int, seed: int = 0):
    """``n`` articles in stories, in arrival order, with their true story (generated as they are read)."""
    rng = random.Random(seed)
    weights = np.array([1 / (k + 1) for k in range(VOCABULARY)])
    weights /= weights.sum()
    nprng = np.random.default_rng(seed)
    start = date(2024, 1, 1)
    made = 0
    story = 0
    while made < n:
        size = rng.choice([1, 1, 1, 2, 3, 4, 5, 6])
        topic = [f"t{story}_{k}" for k in range(20)]
        day = start + timedelta(days=made // per_day)
        for _ in range(min(size, n - made)):
            words = Counter(f"w{k}" for k in nprng.choice(VOCABULARY, size=100, p=weights))
            words.update(rng.sample(topic, 12))
            d = day + timedelta(days=rng.choice([0, 0, 1, 2]))
            sig = nprng.integers(0, 2**32, size=PERMUTATIONS, dtype=np.uint64)  # no copies
            yield Features(id=f"{made:016x}", terms=words, day=d if rng.random() > 0.3 else None,
                           days=frozenset({d}), minhash=sig, shingles=300), story
            made += 1
        story += 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--per-day", type=int, default=1_000)
    args = parser.parse_args()
    stream = synthetic(args.articles, args.per_day)
    df: Counter = Counter()
    n_docs = 0
    members: list[Member] = []  # the archive a store would hand over: dated members of the last weeks
    undated: list[Member] = []  # and the latest 5,000 undated ones
    truth: dict[str, int] = {}
    placed: dict[str, str] = {}
    t_block, c_block = time.perf_counter(), time.process_time()
    done = 0
    while True:
        items = [next(stream, None) for _ in range(args.batch)]
        items = [item for item in items if item is not None]
        if not items:
            break
        batch = [f for f, _ in items]
        truth.update({f.id: s for f, s in items})
        for f in batch:
            df.update(f.terms.keys())
        n_docs += len(batch)
        days = [f.day for f in batch if f.day]
        lo, hi = min(days) - timedelta(days=7), max(days) + timedelta(days=7)
        members = [m for m in members if m.features.day >= lo]  # older ones never come back into a window
        window = [m for m in members if m.features.day <= hi] + undated[-5000:]
        clusterer = Clusterer(window, Idf(df, n_docs))
        for f in sorted(batch, key=order_key):
            a = clusterer.add(f)
            placed[f.id] = a.story
            (members if f.day else undated).append(Member(f, a.story, a.near_duplicate_of))
        undated = undated[-5000:]
        done += len(batch)
        if done % 10_000 == 0:
            now, cpu = time.perf_counter(), time.process_time()
            print(f"{done:>7} articles: {now - t_block:6.1f} s wall, {cpu - c_block:6.1f} s CPU for the last 10,000 "
                  f"(window {len(window)} members)", flush=True)
            t_block, c_block = now, cpu
    sample = list(placed)[-5000:]
    by_pred: dict[str, set] = {}
    by_gold: dict[int, set] = {}
    for f in sample:
        by_pred.setdefault(placed[f], set()).add(f)
        by_gold.setdefault(truth[f], set()).add(f)
    p = sum(len(by_pred[placed[f]] & by_gold[truth[f]]) / len(by_pred[placed[f]]) for f in sample) / len(sample)
    r = sum(len(by_pred[placed[f]] & by_gold[truth[f]]) / len(by_gold[truth[f]]) for f in sample) / len(sample)
    print(f"stories: {len(set(placed.values()))} found, {len(set(truth.values()))} true; "
          f"B-cubed on the last 5,000: P {p:.3f} R {r:.3f}")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
