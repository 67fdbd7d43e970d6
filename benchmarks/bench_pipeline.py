"""Throughput of the whole document pipeline (extract → lang → time → actors → quotes → events) on one core.

Run: .venv/bin/python benchmarks/bench_pipeline.py [--seconds 10]
Inputs: the bundled examples/ (and the seeds of ../shared/corpus/seeds when present), repeated
for the run, in this one process (no pool: the figure is per core). Target: >= 30 articles/s.
It also prints where the time goes, stage by stage, so a slow stage is easy to find. On a shared
machine the CPU-time figure is the one to compare.
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections import defaultdict
from pathlib import Path

from warta import pipeline
from warta.article import RawDocument
from warta.extract import extract
from warta.ingest import read_inputs
from warta.pipeline import BATCH, STAGES, run
try:
    from benchmarks.results import figure, record
except ModuleNotFoundError:  # run as a file (python benchmarks/bench_….py): its folder is on the path
    from results import figure, record

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [ROOT / "examples", ROOT / "../shared/corpus/seeds"]


def _docs() -> list[RawDocument]:
    paths = [str(p) for p in INPUTS if p.is_dir()]
    return [d for d in read_inputs(paths) if isinstance(d, RawDocument)]


def _one(raw: RawDocument, stages, clock: dict[str, float]) -> None:
    t0 = time.perf_counter()
    article = extract(raw)
    t1 = time.perf_counter()
    doc = pipeline.analyse(article)
    t2 = time.perf_counter()
    clock["extract"] += t1 - t0
    clock["lang"] += t2 - t1
    for name, stage in stages:
        t = time.perf_counter()
        article = stage.annotate(article, doc)
        clock[name] += time.perf_counter() - t


def main() -> None:
    """Print articles per second of the whole pipeline and the share of each stage."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="time to measure for")
    args = parser.parse_args()
    docs = _docs()
    if not docs:
        raise SystemExit("no inputs: examples/ is empty and ../shared/corpus/seeds is absent")
    stages = [(name, importlib.import_module(f"warta.{name}")) for name in STAGES]
    warm: dict[str, float] = defaultdict(float)
    for raw in docs:  # warm up: model, gazetteer, lexicons
        _one(raw, stages, warm)
    clock: dict[str, float] = defaultdict(float)
    done, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < args.seconds:
        for raw in docs:
            _one(raw, stages, clock)
        done += len(docs)
    wall, cpu_s = time.perf_counter() - start, time.process_time() - cpu
    chars = sum(len(r.text or r.html or "") for r in docs) / len(docs)
    print(f"pipeline: {done / wall:6.1f} articles/s wall, {done / cpu_s:6.1f} per CPU-second "
          f"({len(docs)} distinct inputs, {chars:.0f} characters on average, {done} processed)")
    total = sum(clock.values())
    for name in ("extract", "lang", *STAGES):
        print(f"  {name:8s} {1000 * clock[name] / done:7.2f} ms/article  {100 * clock[name] / total:5.1f}%")
    # the production path: pipeline.run parses each batch of documents together (nlp.pipe)
    rounds = max(1, done // len(docs))
    start, cpu = time.perf_counter(), time.process_time()
    batched = sum(1 for _ in run(docs * rounds, workers=1))
    wall, cpu_s = time.perf_counter() - start, time.process_time() - cpu
    print(f"pipeline.run (batches of {BATCH}, one process): {batched / wall:6.1f} articles/s wall, "
          f"{batched / cpu_s:6.1f} per CPU-second")
    record(__file__, [figure("whole document pipeline, examples", batched / wall, "articles/s", target="≥ 30",
                             note=f"pipeline.run, batches of {BATCH}, one process; {batched / cpu_s:.1f} per CPU-second")])


if __name__ == "__main__":
    main()
