"""Throughput of the time stage: sentences per second of find_timex on one core.

Usage: .venv/bin/python benchmarks/bench_time.py [--sentences N]
Reads the sentences of the IndoTimex dev texts (../shared/datasets/timex/indotimex_dev) when
present, else a built-in mix of Indonesian news sentences; prints sentences/s and timexes/s.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from warta.time import find_timex
try:
    from benchmarks.results import figure, record
except ModuleNotFoundError:  # run as a file (python benchmarks/bench_….py): its folder is on the path
    from results import figure, record

DEV = Path(__file__).resolve().parents[1] / "../shared/datasets/timex/indotimex_dev"
FALLBACK = [
    "Mike Pompeo akan berangkat ke Moskow pada Minggu 12 Mei 2019, dan ini lawatannya yang pertama.",
    "Pompeo mengatakan AS tidak akan mengakui pencaplokan Crimea 2014, kata dia, Selasa (14/5).",
    "Latihan gabungan Rusia-Belarusia diharapkan selesai pada Minggu setelah berlangsung selama tiga pekan.",
    "Harga minyak dunia turun 28 sen menjadi 66,19 dollar AS per barel di London.",
    "Peskov mengatakan bahwa akhir pekan lalu, Rusia mengirimkan peralatan dan ahli militernya ke Venezuela.",
]


def sentences() -> list[str]:
    """Sentences of the dev texts, or the fallback mix."""
    if DEV.is_dir():
        from warta.eval.timex import read_dir

        out = []
        for doc in read_dir(DEV):
            out += [s for s in re.split(r"(?<=[.!?])\s+|\n+", doc.text) if s.strip()]
        return out
    return FALLBACK


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20000, help="How many sentences to process.")
    args = parser.parse_args()
    pool = sentences()
    batch = (pool * (args.sentences // len(pool) + 1))[: args.sentences]
    find_timex("Selasa (14/5)", "2019-05-12")  # compile the grammar outside the timing
    start, cpu = time.perf_counter(), time.process_time()
    found = sum(len(find_timex(s, "2019-05-12")) for s in batch)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    # CPU time is the figure for "one core": on a shared machine the wall clock also counts waiting
    print(f"{len(batch)} sentences ({len(pool)} distinct), {found} timexes in {elapsed:.2f}s wall, "
          f"{cpu:.2f}s CPU: {len(batch) / cpu:,.0f} sentences/s of CPU ({len(batch) / elapsed:,.0f} wall), "
          f"{found / cpu:,.0f} timexes/s")
    record(__file__, [figure("time expressions", len(batch) / cpu, "sentences per CPU-second", target="≥ 5,000")])


if __name__ == "__main__":
    main()
