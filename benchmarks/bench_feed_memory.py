"""Memory of `warta ingest` on JSONL feeds of growing size: it must not grow with the input.

Run: ``.venv/bin/python benchmarks/bench_feed_memory.py [--lines 1000,4000] [--workers 2]``

Each feed is written to a temporary folder from one made-up Indonesian paragraph (about 2 KB a
line) with ``"published": "kemarin"``, so that every line is read, sent to a worker, checked and
stored as a failure with its bytes: the batch machinery is measured, not the language model. For
each size it prints the feed's size, the wall time, and the peak resident memory of the parent
process and of the whole process tree (parent and workers), sampled every 0.2 s from /proc (Linux).
Measured on the shared 2-core machine at two workers (--lines 5000,15000): 10.6 MB → parent 175 MB, tree 588 MB;
31.9 MB → parent 175 MB, tree 592 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = "Presiden meresmikan jembatan baru di kota itu pada Senin pagi, kata pejabat setempat kepada wartawan. "


def write_feed(path: Path, lines: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n in range(lines):
            out.write(json.dumps({"url": f"https://contoh.id/{n}", "published": "kemarin",
                                  "text": f"Berita {n}. " + PARAGRAPH * 20}) + "\n")


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def measure(feed: Path, db: Path, workers: int) -> tuple[float, int, int]:
    start = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "warta.cli", "ingest", str(feed), "--db", str(db),
                             "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = tree = 0
    while proc.poll() is None:
        own = rss_kb(proc.pid)
        parent = max(parent, own)
        tree = max(tree, own + sum(rss_kb(c) for c in children(proc.pid)))
        time.sleep(0.2)
    return time.time() - start, parent // 1024, tree // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", default="1000,4000")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not Path("/proc/self/status").exists():
        sys.exit("needs Linux /proc")
    with tempfile.TemporaryDirectory() as tmp:
        for lines in (int(n) for n in args.lines.split(",")):
            feed, db = Path(tmp) / f"feed{lines}.jsonl", Path(tmp) / f"w{lines}.db"
            write_feed(feed, lines)
            wall, parent, tree = measure(feed, db, args.workers)
            print(f"{lines:>7} lines {os.path.getsize(feed) / 1e6:6.1f} MB  {wall:7.1f} s  "
                  f"parent {parent:5d} MB  tree {tree:5d} MB", flush=True)


if __name__ == "__main__":
    main()
