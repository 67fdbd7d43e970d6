"""Latency of `warta serve` under concurrent clients on loopback: /api/events?dyad=… and /api/search?q=… (`make bench`).

Usage: .venv/bin/python benchmarks/bench_serve.py [--db warta.db] [--clients 20] [--requests 50] [--workers 1]

Starts `warta serve` on a free port in its own process (as a user would), then ``--clients`` threads,
each with its own keep-alive connection, send ``--requests`` requests each, alternating the two
endpoints; the dyads are the store's most frequent ones, the queries words of its titles. Prints the
50th, 95th and 99th percentile per endpoint, and the throughput. Without ``--db`` the store is built
from examples/ in a temporary folder (the pipeline runs once).
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
WARTA = [sys.executable, "-m", "warta.cli"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _store(db: str | None, workdir: Path) -> str:
    if db:
        return db
    path = workdir / "bench.db"
    subprocess.run([*WARTA, "ingest", str(ROOT / "examples"), "--db", str(path), "--workers", "1"], check=True)
    return str(path)


def _targets(base: str) -> tuple[list[str], list[str]]:
    """The store's top dyads and words of its titles: what the clients will ask for."""
    with httpx.Client(base_url=base, timeout=60) as client:
        dyads = [d["dyad"] for d in client.get("/api/dashboard").json()["top_dyads"]] or ["IDN-USA"]
        titles = [a["title"] or "" for a in client.get("/api/articles?limit=200").json()["items"]]
    words = sorted({w.lower() for t in titles for w in t.split() if w.isalpha() and len(w) > 4})
    return dyads, words or ["presiden"]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> int:
    """Run the load test and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="Store to serve (default: examples/ ingested into a temporary store).")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="Requests per client.")
    parser.add_argument("--workers", type=int, default=1, help="Server processes (warta serve --workers).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = _store(args.db, Path(tmp))
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([*WARTA, "serve", "--db", db, "--port", str(port), "--workers", str(args.workers)],
                                  stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if httpx.get(base + "/api/articles?limit=1", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("warta serve did not start")
                time.sleep(0.2)
            dyads, words = _targets(base)
            latencies: dict[str, list[float]] = {"events?dyad": [], "search?q": []}
            errors: list[str] = []
            lock = threading.Lock()

            def client(seed: int) -> None:
                rng = random.Random(seed)
                with httpx.Client(base_url=base, timeout=30) as http:
                    for i in range(args.requests):
                        if i % 2:
                            name, path = "search?q", f"/api/search?q={rng.choice(words)}"
                        else:
                            name, path = "events?dyad", f"/api/events?dyad={rng.choice(dyads)}"
                        start = time.perf_counter()
                        response = http.get(path)
                        took = (time.perf_counter() - start) * 1000
                        with lock:
                            latencies[name].append(took)
                            if response.status_code != 200:
                                errors.append(f"{response.status_code} {path}")

            threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
            began = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - began
        finally:
            server.terminate()
            server.wait(timeout=10)
    total = sum(len(v) for v in latencies.values())
    print(f"{args.clients} clients × {args.requests} requests, {args.workers} worker(s), on {db}: {total / wall:.0f} requests/s, "
          f"{len(errors)} errors")
    for name, values in latencies.items():
        print(f"  /api/{name:<12} n={len(values):<5} p50 {statistics.median(values):6.1f} ms   "
              f"p95 {_percentile(values, 95):6.1f} ms   p99 {_percentile(values, 99):6.1f} ms")
    for line in errors[:5]:
        print("  error:", line)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
