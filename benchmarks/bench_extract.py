"""Throughput of extraction on one core: plain-text articles and HTML pages per second.

Run: .venv/bin/python benchmarks/bench_extract.py [--seconds 5]
Inputs: the seed articles of ../shared/corpus/seeds (plain text) and the HTML pages of
tests/extract/pages; both are repeated for the run.  Targets: >= 300 text articles/s, >= 60 pages/s.
On a shared machine the CPU-time figure is the one to compare; profile with
``python -m cProfile -s tottime benchmarks/bench_extract.py --seconds 2``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from warta.article import RawDocument
from warta.extract import extract
from warta.ingest import read_inputs
try:
    from benchmarks.results import figure, record
except ModuleNotFoundError:  # run as a file (python benchmarks/bench_….py): its folder is on the path
    from results import figure, record

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "../shared/corpus/seeds"
PAGES = ROOT / "tests/extract/pages"


def _docs(paths: list[Path]) -> list[RawDocument]:
    return [d for d in read_inputs([str(p) for p in paths]) if isinstance(d, RawDocument)]


def _rate(docs: list[RawDocument], seconds: float) -> tuple[float, float]:
    """Documents per second of wall time and of this process's CPU time (fairer on a loaded machine)."""
    for doc in docs:  # warm up: rule files, registries, trafilatura imports
        extract(doc)
    done, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        for doc in docs:
            extract(doc)
        done += len(docs)
    return done / (time.perf_counter() - start), done / (time.process_time() - cpu)


def main() -> None:
    """Print articles per second for text and HTML extraction."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="time per measurement")
    args = parser.parse_args()
    texts = _docs(sorted(SEEDS.glob("*.txt"))) or _docs(sorted(PAGES.glob("*.expected.txt")))
    pages = _docs(sorted(PAGES.glob("*.html")))
    figures = []
    for label, unit, docs, target in (("text", "articles/s", texts, "≥ 300"), ("html", "pages/s", pages, "≥ 60")):
        wall, cpu = _rate(docs, args.seconds)
        print(f"{label}: {wall:7.0f} {unit:10s} wall, {cpu:7.0f} per CPU-second  ({len(docs)} distinct inputs)")
        figures.append(figure(f"{'text' if label == 'text' else 'HTML'} extraction", wall, unit, target=target,
                              note=f"{cpu:,.0f} per CPU-second"))
    record(__file__, figures)


if __name__ == "__main__":
    main()
