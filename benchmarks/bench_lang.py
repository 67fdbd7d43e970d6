"""Throughput of the language layer: words/s of the full shipped pipeline on one core, and peak RSS.

Usage: .venv/bin/python benchmarks/bench_lang.py [--words 60000] [--model DIR] [--parse-all] [FILES...]
Texts default to examples/ and ../shared/corpus/seeds/*.txt, repeated to reach --words. The parser
runs on the sentences with an event verb, as in Warta; --parse-all parses every sentence.
Throughput is words (punctuation and spaces excluded) per second of the process's CPU time on one
pinned core and thread, so that other jobs on a shared machine do not distort it; wall time is shown too.
"""

from __future__ import annotations

import os

# one core, one thread: set before numpy/thinc are imported
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
try:
    from benchmarks.results import figure, record
except ModuleNotFoundError:  # run as a file (python benchmarks/bench_….py): its folder is on the path
    from results import figure, record

ROOT = Path(__file__).resolve().parents[1]


def texts(paths: list[str]) -> list[str]:
    """The benchmark texts: the given files or the bundled examples and seed articles."""
    files = [Path(p) for p in paths]
    if not files:
        files = sorted((ROOT / "examples").glob("**/*.txt")) + sorted((ROOT / "../shared/corpus/seeds").glob("*.txt"))
    out = [f.read_text(encoding="utf-8", errors="replace") for f in files if f.is_file()]
    if not out:
        sys.exit("bench_lang: no input texts found; pass some .txt files")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--words", type=int, default=60000, help="Words to process (texts are repeated).")
    parser.add_argument("--model", help="A pipeline folder to measure instead of the shipped one.")
    parser.add_argument("--parse-all", action="store_true",
                        help="Parse every sentence, not only those with an event verb (lang.PARSE_ALL).")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # pin to one core

    from warta import lang

    start = time.perf_counter()
    from warta import pipeline

    nlp = pipeline.nlp() if args.model is None else pipeline.build_nlp(Path(args.model))
    load_s = time.perf_counter() - start
    cfg = lang.PARSE_ALL if args.parse_all else {}
    base = texts(args.files)
    for text in base:  # warm up: caches, and the gazetteer the entity rules load on first use
        nlp(text, component_cfg=cfg)
    words_per_round = sum(len(text.split()) for text in base)
    rounds = max(1, -(-args.words // words_per_round))
    batch = base * rounds

    timings = {name: 0.0 for name in ["tokenizer", *nlp.pipe_names]}
    words = tokens = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for text in batch:
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        timings["tokenizer"] += time.perf_counter() - t0
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc, **cfg.get(name, {}))
            timings[name] += time.perf_counter() - t0
        words += sum(1 for t in doc if not t.is_space and not t.is_punct)
        tokens += sum(1 for t in doc if not t.is_space)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    start, cpu_start = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe(batch, batch_size=64, component_cfg=cfg))
    piped_s, piped_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    piped = sum(1 for doc in docs for t in doc if not t.is_space and not t.is_punct)
    sentences = [sent for doc in docs[:len(base)] for sent in doc.sents]
    parsed = [sent for sent in sentences if any(t.dep_ for t in sent)]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"pipeline      {', '.join(nlp.pipe_names)}")
    print(f"load          {load_s:.2f} s")
    print(f"documents     {len(batch)} ({words} words, punctuation excluded)")
    # CPU seconds are what one core delivers; wall time also counts waiting for a shared core
    print(f"one by one    {words / cpu:,.0f} words/s of CPU time ({words / elapsed:,.0f} words/s wall)")
    print(f"tokens        {tokens / cpu:,.0f} tokens/s of CPU time (punctuation included)")
    print(f"nlp.pipe      {piped / piped_cpu:,.0f} words/s of CPU time ({piped / piped_s:,.0f} words/s wall)")
    share = sum(len(s) for s in parsed) / max(1, sum(len(s) for s in sentences))
    print(f"parsed        {len(parsed)} of {len(sentences)} sentences ({share:.0%} of tokens)")
    for name, seconds in timings.items():
        print(f"  {name:<22} {100 * seconds / elapsed:5.1f} %")
    print(f"peak RSS      {rss_mb:.0f} MB")
    record(__file__, [
        figure("language layer, nlp.pipe", piped / piped_cpu, "words per CPU-second", target="≥ 10,000 words/s",
               note=f"{words / cpu:,.0f} one by one"),
        figure("language layer, peak memory", rss_mb, "MB", target="≤ 1 GB"),
    ])


if __name__ == "__main__":
    main()
