"""Latency of `warta serve` under concurrent clients on loopback: /api/events?dyad=… and /api/search?q=… (`make bench`).

Usage: .venv/bin/python benchmarks/bench_serve.py [--db warta.db] [--clients 20] [--requests 50] [--workers 1]
       .venv/bin/python benchmarks/bench_serve.py --port 8000   # load a server that is already running

Starts `warta serve` on a free port in its own process (as a user would), then ``--clients`` threads,
each with its own keep-alive connection, send ``--requests`` requests each, alternating the two
endpoints; the dyads are the store's most frequent ones, the queries words of its titles. Prints, per
endpoint, the 50th, 95th and 99th percentile of the latency the clients saw and of the time the
application spent on the request (its ``Server-Timing`` header: the wait inside the server for the
event loop and the thread pool included, the network and the client's own time not), then the
throughput and the server's CPU time per request (its processes' CPU seconds over the load, from
/proc), the figure least changed by other jobs on a shared machine; and how many answers came from the server's
response cache (``Server-Timing: cache;desc=hit``; ``--cache-mb 0`` turns it off). Without ``--db`` the store is built from examples/ in a temporary folder (the
pipeline runs once); the judged store (examples/ and 1,000 real articles) is built by
benchmarks/serve_feed.py and `warta ingest` (benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import http.client
import json
from urllib.parse import quote

try:
    from benchmarks.results import figure, record
except ModuleNotFoundError:  # run as a script: benchmarks/ is on the path, not its parent
    from results import figure, record

ROOT = Path(__file__).resolve().parents[1]
WARTA = [sys.executable, "-m", "warta.cli"]
ENDPOINTS = ("events?dyad", "search?q")


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


def _get(port: int, path: str, timeout: float = 60) -> tuple[int, bytes]:
    """One GET on a connection of its own: (status, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _targets(port: int) -> tuple[list[str], list[str]]:
    """The store's top dyads and words of its titles: what the clients will ask for."""
    dyads = [d["dyad"] for d in json.loads(_get(port, "/api/dashboard")[1])["top_dyads"]] or ["IDN-USA"]
    titles = [a["title"] or "" for a in json.loads(_get(port, "/api/articles?limit=200")[1])["items"]]
    words = sorted({w.lower() for t in titles for w in t.split() if w.isalpha() and len(w) > 4})
    return dyads, words or ["presiden"]


def _cpu_seconds(pid: int) -> float | None:
    """CPU seconds (user and system) of a process and its descendants so far, from /proc (None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        children = {int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                    for c in (task / "children").read_text().split()}
    except OSError:
        return None
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    return own + sum(_cpu_seconds(child) or 0.0 for child in children)


def _wait_for(port: int, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while True:
        try:
            if _get(port, "/api/articles?limit=1", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            tail = log.read_text(errors="replace").strip().splitlines()[-5:]
            sys.exit("warta serve did not start" + "".join("\n  " + line for line in tail))
        time.sleep(0.2)


@dataclass
class Load:
    """What the clients measured: per endpoint, the latencies they saw and the server's own times (ms)."""

    client: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in ENDPOINTS})
    server: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in ENDPOINTS})
    errors: list[str] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=lambda: {name: 0 for name in ENDPOINTS})  # answered from the cache
    wall: float = 0.0
    server_cpu: float | None = None  # CPU seconds the server's processes spent during the load


def load(port: int, dyads: list[str], words: list[str], clients: int, requests: int) -> Load:
    """``clients`` threads, each on its own keep-alive connection, sending ``requests`` requests, alternating.

    The clients use the standard library's http.client, the lightest Python client: on a 2-core machine
    the load generator shares the cores with the server, and a heavier client adds its own CPU time
    to every latency.
    """
    out = Load()
    lock = threading.Lock()

    def client(seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            for i in range(requests):
                if i % 2:
                    name, path = "search?q", f"/api/search?q={quote(rng.choice(words))}"
                else:
                    name, path = "events?dyad", f"/api/events?dyad={quote(rng.choice(dyads))}"
                start = time.perf_counter()
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                took = (time.perf_counter() - start) * 1000
                timing = response.getheader("server-timing") or ""
                with lock:
                    out.client[name].append(took)
                    if "dur=" in timing:
                        out.server[name].append(float(timing.partition("dur=")[2].split(",")[0]))
                    if "cache;desc=hit" in timing:
                        out.hits[name] += 1
                    if response.status != 200:
                        out.errors.append(f"{response.status} {path}")
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.wall = time.perf_counter() - began
    return out


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def report(result: Load, clients: int, requests: int, where: str) -> None:
    """Print the throughput and, per endpoint, p50/p95/p99 of the client's latency and of the server's time."""
    total = sum(len(v) for v in result.client.values())
    cpu = f", server CPU {result.server_cpu * 1000 / total:.2f} ms per request" if result.server_cpu else ""
    print(f"{clients} clients × {requests} requests, {where}: {total / result.wall:.0f} requests/s{cpu}, "
          f"{len(result.errors)} errors")
    hits = sum(result.hits.values())
    print(f"  answered from the server's cache: {hits} of {total} "
          f"({', '.join(f'{name} {result.hits[name]}' for name in ENDPOINTS)})")
    for name in ENDPOINTS:
        for side, figures in (("client", result.client[name]), ("server", result.server[name])):
            if figures:
                print(f"  /api/{name:<12} {side}  n={len(figures):<5} p50 {statistics.median(figures):6.1f} ms   "
                      f"p95 {_percentile(figures, 95):6.1f} ms   p99 {_percentile(figures, 99):6.1f} ms")
    for line in result.errors[:5]:
        print("  error:", line)


def main() -> int:
    """Run the load test and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="Store to serve (default: examples/ ingested into a temporary store).")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="Requests per client.")
    parser.add_argument("--workers", type=int, default=1, help="Server processes (warta serve --workers).")
    parser.add_argument("--port", type=int, help="Load a server already running on this loopback port instead.")
    parser.add_argument("--cache-mb", type=int, help="WARTA_CACHE_MB of the server started (0: every answer from "
                        "the store; default: the setting's)")
    args = parser.parse_args()
    if args.port:
        result = load(args.port, *_targets(args.port), args.clients, args.requests)
        report(result, args.clients, args.requests, f"the server on port {args.port}")
        return 1 if result.errors else 0
    with tempfile.TemporaryDirectory() as tmp:
        db = _store(args.db, Path(tmp))
        port = _free_port()
        log_path = Path(tmp) / "serve.log"
        log = log_path.open("wb")  # a file, not a pipe nobody reads: a full pipe would block the server
        env = os.environ | ({"WARTA_CACHE_MB": str(args.cache_mb)} if args.cache_mb is not None else {})
        server = subprocess.Popen([*WARTA, "serve", "--db", db, "--port", str(port), "--workers", str(args.workers)],
                                  stderr=log, env=env)
        try:
            _wait_for(port, server, log_path)
            targets = _targets(port)
            before = _cpu_seconds(server.pid)
            result = load(port, *targets, args.clients, args.requests)
            after = _cpu_seconds(server.pid)
            if before is not None and after is not None:
                result.server_cpu = after - before
        finally:
            server.terminate()
            server.wait(timeout=10)
            log.close()
    report(result, args.clients, args.requests, f"{args.workers} worker(s), on {db}")
    setting = f"{args.clients} clients, {args.workers} worker(s), {'--db ' + Path(db).name if args.db else 'examples/'}"
    if args.cache_mb is not None:
        setting += f", WARTA_CACHE_MB={args.cache_mb}"
    total = sum(len(v) for v in result.client.values())
    hits = [figure(f"/api/{name} answered from the server's cache", 100 * result.hits[name] / max(1, len(result.client[name])),
                   "%", note=setting) for name in ENDPOINTS]
    cpu = [figure("server CPU per request", result.server_cpu * 1000 / total, "ms", note=setting)] if result.server_cpu else []
    record(__file__, [figure(f"/api/{name} client p{q}", _percentile(result.client[name], q), "ms", note=setting,
                             target="≤ 100" if q == 95 else None)
                      for name in ENDPOINTS for q in (50, 95, 99)] + hits + cpu)
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
