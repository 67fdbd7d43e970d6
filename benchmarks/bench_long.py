"""Long documents and pathological paragraphs: wall time, CPU time and peak memory of one document.

Run: .venv/bin/python benchmarks/bench_long.py [--size 900000] [--csv ../shared/corpus/summaries_dev/detik_dev_300.csv]
     .venv/bin/python benchmarks/bench_long.py --pathological [--workers 2]

The long document is the bodies of examples/ (written by the team) repeated to ``--size``
characters, or, with ``--csv``, real news text (the ``isi_berita`` column) joined paragraph by
paragraph; that text is read from ../shared and never copied into the repository. It goes through
extraction, the language layer and every document stage (``pipeline.process``), window by window.
``--pathological`` runs seven paragraphs that once took quadratic time (issue 15) as seven
documents through ``pipeline.run`` with ``--workers`` processes. Targets: a 900 KB article in
≤ 120 s within 1.5 GB resident; the seven paragraphs together in ≤ 120 s at two workers.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path

from warta import pipeline
from warta.article import RawDocument, Source
from warta.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[1]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def example_text(size: int) -> str:
    """The bodies of examples/*.txt, paragraph by paragraph, repeated to ``size`` characters."""
    docs = [d for d in read_inputs([str(ROOT / "examples")]) if isinstance(d, RawDocument) and d.text]
    text = "\n\n".join(d.text.strip() for d in docs)
    return (text + "\n\n") * (size // (len(text) + 2) + 1)


def csv_text(path: str, size: int) -> str:
    """Real news bodies from a CSV with an ``isi_berita`` column, joined until ``size`` characters."""
    csv.field_size_limit(10**8)
    with open(path, newline="", encoding="utf-8") as handle:
        bodies = [row["isi_berita"].strip() for row in csv.DictReader(handle) if row.get("isi_berita")]
    out, total, k = [], 0, 0
    while total < size:
        body = bodies[k % len(bodies)]
        out.append(body)
        total += len(body) + 2
        k += 1
    return "\n\n".join(out)


def pathological() -> list[str]:
    """Seven paragraphs from issue 15, each inside a short normal article."""
    head = "JAKARTA, KOMPAS.com - Menteri Luar Negeri Retno Marsudi bertemu wartawan, Senin (6/5/2019).\n\n"
    tail = "\n\nPresiden Joko Widodo mengatakan hal itu di Istana."
    paragraphs = [
        _repeat('"x" Ma\'ruf ', 66_000),
        "(" * 10_000 + ")" * 10_000,
        '"' * 24_000,
        _repeat("kata Joko, ", 130_000),
        _repeat("Joko Widodo Budi Santoso Retno Marsudi Agus Harimurti ", 56_000),
        _repeat("Menurut Joko, mengatakan bahwa, ujar Retno ", 66_000),
        _repeat('"ab" ', 20_000) + "'" * 20_000,
    ]
    return [head + p + tail for p in paragraphs]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=900_000, help="characters of the long document")
    parser.add_argument("--csv", help="real news CSV (isi_berita column) instead of examples/")
    parser.add_argument("--pathological", action="store_true", help="the seven paragraphs of issue 15")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    if args.pathological:
        docs = [RawDocument(Source(path=f"pathological-{i}"), text=t, published="2019-05-06")
                for i, t in enumerate(pathological())]
        start, cpu = time.perf_counter(), time.process_time()
        results = list(pipeline.run(docs, workers=args.workers))
        wall = time.perf_counter() - start
        for r in results:
            where = r.where if isinstance(r, pipeline.Failure) else r.article.source.path
            print(f"  {where}: {'failed: ' + r.reason if isinstance(r, pipeline.Failure) else 'ok'}"
                  + ("" if isinstance(r, pipeline.Failure) else f" (body {len(r.article.body):,} characters, {len(r.article.entities)} entities, {len(r.article.quotes)} quotes, {len(r.article.warnings)} warnings)"))
        workers_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"seven pathological paragraphs, {args.workers} workers: {wall:.1f} s wall "
              f"(parent CPU {time.process_time() - cpu:.1f} s, workers CPU "
              f"{workers_cpu.ru_utime + workers_cpu.ru_stime:.1f} s), peak RSS parent {_peak_mb():.0f} MB, "
              f"largest worker {_children_peak_mb():.0f} MB")
        return 0

    text = csv_text(args.csv, args.size) if args.csv else example_text(args.size)[: args.size]
    raw = RawDocument(Source(path="long.txt"), text=text, published="2024-05-06")
    pipeline.nlp()  # load the model outside the measurement
    base = _peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    article = pipeline.process(raw)
    wall = time.perf_counter() - start
    print(f"{len(text):,} characters, body {len(article.body):,} ({'csv' if args.csv else 'examples'}): {wall:.1f} s wall, "
          f"{time.process_time() - cpu:.1f} s CPU, peak RSS {_peak_mb():.0f} MB (model loaded: {base:.0f} MB); "
          f"{len(article.sentences)} sentences, {len(article.entities)} entities, {len(article.timex)} timex, "
          f"{len(article.quotes)} quotes, {len(article.events)} events, {len(article.warnings)} warnings")
    for w in article.warnings[:5]:
        print("  warning:", w[:200])
    return 0


if __name__ == "__main__":
    sys.exit(main())
