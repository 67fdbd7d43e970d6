"""The store benchmark's generator and loader (benchmarks/bench_store.py) on a small volume, so it cannot rot."""

from __future__ import annotations

import random

from benchmarks import bench_store
from warta.store import Store

from tests.store.test_backends import ARTICLES


def test_bench_store_varied_articles_are_distinct_and_keep_their_offsets():
    template = ARTICLES[0].to_dict()
    made = [art for art, _key in bench_store.generate([template], 0, 40)]
    assert len({a.id for a in made}) == 40
    assert len({a.outlet for a in made}) > 5 and len({a.published for a in made}) > 30
    for art in made:
        for ent in art.entities:
            for m in ent.mentions:
                assert art.body[m.start:m.end] == m.text
        people = {e.id for e in art.entities if e.type == "PER"}
        assert {ev.source.entity for ev in art.events} <= people | {None}  # renamed everywhere


def test_bench_store_loads_and_every_query_runs(db_target):
    records = [a.to_dict() for a in ARTICLES]
    with Store.open(db_target) as store:
        assert bench_store.load(store, bench_store.generate(records, 0, 60), chunk=25) == 60
        assert store.count() == 60
        for name, fn in bench_store.queries(store, 60, records, random.Random(0)).items():
            fn()
        assert store.count() == 61  # the timed save added one
