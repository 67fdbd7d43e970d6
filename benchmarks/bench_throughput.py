"""End-to-end throughput on real news: `warta extract` at 1 and 2 workers, against a tokenizer floor.

Run: ``.venv/bin/python benchmarks/bench_throughput.py [--count 1000] [--limit N] [--workers 1,2] [--stages] [--csv FILE]``

Inputs: the Detik articles of ``../shared/corpus/summaries_dev/detik_dev_300.csv`` (about 400 words
each), read from there at run time and written to a temporary JSONL file (never into the repository),
repeated to ``--count`` records (default 1,000; each repeat with its own URL); skipped with a message
when the file is absent. Each figure is one fresh process, model load included:

- ``floor``: the same process shape with the language layer cut to Warta's tokenizer (read the JSONL,
  extract, tokenize, print each record): the cost of Python, the readers and the extractor.
- ``workers=N``: ``warta extract FILE --workers N`` (output to /dev/null).

Before measuring, it compiles Warta's modules to bytecode (as an installation has them) and runs
``warta extract`` once on one record, so that every measured run finds what an earlier run leaves (the
data parsed from the YAML rule files, ``warta.parsed``; the model's files in the page cache).

For each it prints wall seconds, articles/s, articles/s per core used, and the peak resident memory
of the largest process (for N ≥ 2: one pool worker, the parent stays small). ``ratio`` is the
pipeline's time at one worker over the floor's. ``--stages`` adds an in-process profile of one
pass, per stage in ms/article. On a shared machine run it twice; targets (issue 20): ≥ 30 articles/s
at one worker, ratio ≤ 10, two workers ≥ 1.8× one, ≤ 600 MB per worker.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

try:
    from benchmarks.results import figure, record
except ModuleNotFoundError:  # run as a file (python benchmarks/bench_….py): its folder is on the path
    from results import figure, record

import warta as warta_package  # the package the measured commands import

ROOT = Path(__file__).resolve().parents[1]
DETIK = ROOT / "../shared/corpus/summaries_dev/detik_dev_300.csv"


def detik_records(path: Path, limit: int | None = None) -> list[dict]:
    """The Detik CSV as JSONL records of Warta's reader (url, title, published, text)."""
    csv.field_size_limit(10**8)
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            published = datetime.strptime(row["tanggal"], "%m/%d/%Y %H:%M").strftime("%Y-%m-%dT%H:%M:00+07:00")
            out.append({"url": row["tautan"], "title": row["judul"], "published": published, "text": row["isi_berita"]})
            if limit and len(out) >= limit:
                break
    return out


def repeated(records: list[dict], count: int | None) -> list[dict]:
    """``records`` cycled to ``count`` items, each repeat with its own URL (all of them if no count)."""
    if not count:
        return records
    return [{**records[n % len(records)], "url": f"{records[n % len(records)]['url']}#{n // len(records)}"}
            for n in range(count)]


def write_jsonl(records: list[dict], folder: Path) -> Path:
    """Write the records to ``folder/articles.jsonl``."""
    folder.mkdir(exist_ok=True)
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def floor(path: str) -> None:
    """The tokenizer floor, run as its own process: read, extract, tokenize, print each record."""
    from warta import ingest, lang
    from warta.article import RawDocument
    from warta.extract import extract

    tokenizer = lang.blank().tokenizer
    out = sys.stdout
    for item in ingest.read_inputs([path]):
        if isinstance(item, RawDocument):
            article = extract(item)
            tokenizer(article.body)
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")


def measure(command: list[str]) -> tuple[float, float, float, tuple[float, float]]:
    """Run ``command``, its output read and dropped: (wall seconds, CPU seconds, peak RSS in MB of its
    largest process, (seconds until its first output, seconds until its last)). wait4 reports the
    child and the descendants it waited for (pool workers). The first output is the end of the
    serial start (the model load, the first batch); after the last, the process only ends."""
    start = time.perf_counter()
    first = last = None
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors)
        while chunk := proc.stdout.read1(1 << 20):
            last = time.perf_counter() - start
            first = first if first is not None else last
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):  # 1 = some documents failed, reported on stderr
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed: {errors.read().decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, (first or wall, last or wall)


def _timeline(wall: float, output: tuple[float, float]) -> str:
    first, last = output
    return f"first record {first:5.2f} s, last {last:6.2f} s, exit {wall:6.2f} s"


def stage_profile(path: Path) -> None:
    """One in-process pass, timed stage by stage (extract, language layer, each document stage)."""
    import importlib

    from warta import ingest
    from warta.article import RawDocument
    from warta.extract import extract
    from warta.pipeline import STAGES, analyse, nlp

    docs = [d for d in ingest.read_inputs([str(path)]) if isinstance(d, RawDocument)]
    start = time.perf_counter()
    nlp()
    stages = [(name, importlib.import_module(f"warta.{name}")) for name in STAGES]
    print(f"  model load       {time.perf_counter() - start:6.2f} s")
    clock = dict.fromkeys(("extract", "lang", *STAGES), 0.0)
    for raw in docs:
        t0 = time.process_time()
        article = extract(raw)
        t1 = time.process_time()
        doc = analyse(article)
        clock["extract"] += t1 - t0
        clock["lang"] += time.process_time() - t1
        for name, stage in stages:
            t = time.process_time()
            article = stage.annotate(article, doc)
            clock[name] += time.process_time() - t
    total = sum(clock.values())
    for name, seconds in clock.items():
        print(f"  {name:16s} {1000 * seconds / len(docs):6.2f} ms/article of CPU  {100 * seconds / total:5.1f}%")


def main() -> None:
    """Print the floor, the pipeline at each worker count, the ratio and the scaling."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DETIK, help="Detik CSV (default: summaries_dev)")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--count", type=int, default=1000, help="repeat them to N records (0: each once)")
    parser.add_argument("--workers", default="1,2", help="worker counts to measure, comma-separated")
    parser.add_argument("--stages", action="store_true", help="also profile the stages in process")
    parser.add_argument("--floor", help=argparse.SUPPRESS)  # internal: run the floor on this JSONL
    args = parser.parse_args()
    if args.floor:
        floor(args.floor)
        return
    if not args.csv.is_file():
        print(f"bench_throughput: skipped, {args.csv} is absent (real articles are read from ../shared)")
        return
    records = repeated(detik_records(args.csv, args.limit), args.count)
    words = sum(len(r["text"].split()) for r in records) / len(records)
    warta = [sys.executable, "-c", "from warta.cli import run; run()"]
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as folder:
        path = write_jsonl(records, Path(folder))
        # a cache folder of the benchmark's own (warta.parsed): the figure neither depends on nor writes
        # the user's ~/.cache/warta; the warm-up run below fills it
        os.environ["WARTA_CACHE_DIR"] = str(Path(folder) / "cache")
        # one run before the measured ones, so that each finds what an earlier run left (the data parsed
        # from the YAML rule files, warta.parsed; the model's files in the page cache), as every run but
        # the very first does; otherwise the first measured run (one worker) would pay for it alone
        subprocess.run([*warta, "extract", str(write_jsonl(records[:1], Path(folder) / "warm"))],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        # Warta's modules compiled to bytecode, as `make install` leaves them (compileall after pip): a
        # sandbox that sets PYTHONDONTWRITEBYTECODE would otherwise make every measured process, the
        # fork server included, compile Warta's source again (~0.2 s of CPU each)
        compileall.compile_dir(str(Path(warta_package.__file__).parent), quiet=1)
        print(f"{len(records)} Detik records, {words:.0f} words on average; each figure is one process, model load included")
        results, cpus, figures = {}, {}, []
        floor_wall, floor_cpu, rss, _ = measure([sys.executable, __file__, "--floor", str(path)])
        print(f"  floor (tokenizer only)  {floor_wall:6.2f} s  {len(records) / floor_wall:7.1f} articles/s  "
              f"peak RSS {rss:4.0f} MB  (CPU {floor_cpu:.1f} s)")
        real = f"{len(records):,} Detik records, model load included"
        figures.append(figure("real news, tokenizer floor", len(records) / floor_wall, "articles/s",
                              note=f"{real}; {len(records) / floor_cpu:.1f} per CPU-second"))
        for n in [int(w) for w in args.workers.split(",")]:
            wall, cpu, rss, output = measure([*warta, "extract", str(path), "--workers", str(n)])
            results[n], cpus[n] = wall, cpu
            rate = len(records) / wall
            print(f"  workers={n}               {wall:6.2f} s  {rate:7.1f} articles/s  {rate / n:6.1f} per core  "
                  f"peak RSS {rss:4.0f} MB per worker  (CPU {cpu:.1f} s: {len(records) / cpu:.1f} articles per CPU-second)")
            print(f"                          {_timeline(wall, output)}")
            figures.append(figure(f"real news, `warta extract --workers {n}`", rate, "articles/s",
                                  target="≥ 30" if n == 1 else None,
                                  note=f"{real}; {len(records) / cpu:.1f} per CPU-second"))
            figures.append(figure(f"real news, peak memory at {n} worker{'s' if n > 1 else ''}", rss, "MB per worker",
                                  target="≤ 600"))
        if 1 in results:
            print(f"  ratio pipeline/floor    {results[1] / floor_wall:6.1f}x wall, {cpus[1] / floor_cpu:.1f}x CPU  (target <= 10)")
            figures.append(figure("real news, pipeline/floor", results[1] / floor_wall, "×", target="≤ 10",
                                  note=f"{cpus[1] / floor_cpu:.1f}× in CPU time"))
            for n, seconds in results.items():
                if n > 1:
                    print(f"  scaling {n} workers       {results[1] / seconds:6.2f}x one worker  (target >= {0.9 * n:.1f}; "
                          f"wall time: it needs {n} idle cores)")
                    figures.append(figure(f"real news, {n} workers over one", results[1] / seconds, "×",
                                          target=f"≥ {0.9 * n:.1f}", note="wall time: it needs idle cores"))
        record(__file__, figures)
        if args.stages:
            print("stages, in process, one by one (CPU time):")
            stage_profile(path)


if __name__ == "__main__":
    main()
