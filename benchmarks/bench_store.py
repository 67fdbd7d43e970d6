"""Store query latency at 10k and 100k articles, on SQLite and PostgreSQL (`make bench`).

Usage: .venv/bin/python benchmarks/bench_store.py [--sizes 10000,100000] [--backends sqlite,postgresql]
       [--pg-url postgresql://postgres@127.0.0.1:5432/test] [--repeat 30] [--workdir DIR]

The volume is generated from the records of examples/ (the pipeline runs once on them): each stored
article is one of them with another outlet, its dates shifted by up to five years, its people renamed
(about 300 variants of each) and an archive line appended to its body, so every id differs. Records are
inserted directly in chunks, not through the NLP pipeline nor one `Store.save` per article. Then every
query of the read commands is timed (median and 95th percentile of ``--repeat`` runs), and one
`Store.save` of a new article into the full store. PostgreSQL runs in a schema of its own, dropped at
the end; it is skipped with a message where no server answers.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import create_engine, insert, inspect, text

from warta.article import Article, RawDocument, Source
from warta.store import Store, derived_rows, raw_sha, schema
from warta.store.connect import database_url, writing
from warta.store.counts import EntityCounts
from warta.store.entities import find_entity, list_entities
from warta.store.events import query

try:
    from benchmarks.results import figure, record
except ModuleNotFoundError:  # run as a file (python benchmarks/bench_….py): its folder is on the path
    from results import figure, record

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PG_URL = os.environ.get("WARTA_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
OUTLETS = ["Kompas.com", "detikNews", "Liputan6.com", "ANTARA", "Tempo.co", "CNN Indonesia", "Republika",
           "Okezone", "Tribunnews", "Kumparan", "Suara.com", "Sindonews", "Merdeka.com", "Jawa Pos", "Media Indonesia",
           "Bisnis.com", "Kontan", "Katadata", "IDN Times", "Tirto.id", "The Jakarta Post", "Viva.co.id", "iNews",
           "Bali Post"]
GIVEN = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Ayu", "Hendra", "Rina", "Joko", "Sri", "Andi", "Putri", "Bayu",
         "Wati", "Dedi", "Lestari", "Eko", "Indah", "Fajar", "Nur"]
VARIANTS = 300  # renamed variants of each person: entity cardinality grows with the store, as in real news


def templates() -> list[dict]:
    """The article records of examples/, through the pipeline once."""
    from warta import ingest, pipeline

    records = []
    for result in pipeline.run(ingest.read_inputs([str(EXAMPLES)]), workers=1):
        if not isinstance(result, pipeline.Failure):
            records.append(result.article.to_dict())
    if not records:
        sys.exit("no example could be processed")
    return records


def _shift(value: str | None, days: int) -> str | None:
    """A date (or date-time) moved by ``days``; other TimeML values (weeks, years, …) as they are."""
    if not value or len(value) < 10 or value[4] != "-" or value[7] != "-":
        return value
    try:
        day = date.fromisoformat(value[:10]) + timedelta(days=days)
    except ValueError:
        return value
    return day.isoformat() + value[10:]


def vary(template: dict, n: int, rng: random.Random) -> Article:
    """Article number ``n``: the template with another outlet, shifted dates, renamed people, its own body."""
    d = copy.deepcopy(template)
    days = rng.randrange(-1825, 1825)
    d["id"] = ""
    d["body"] = f"{d['body']}\n\n(Arsip nomor {n}.)"  # outside every offset: the spans stay valid
    d["outlet"] = OUTLETS[rng.randrange(len(OUTLETS))]
    d["published"] = _shift(d.get("published"), days)
    d["reference_date"] = _shift(d.get("reference_date"), days)
    renamed = {}
    for ent in d.get("entities") or []:
        if ent.get("type") == "PER":
            k = rng.randrange(VARIANTS)
            renamed[ent["id"]] = f"{ent['id']}-{k}"
            ent["id"], ent["name"] = renamed[ent["id"]], f"{ent['name']} {GIVEN[k % len(GIVEN)]} {k}"
    for ev in d.get("events") or []:
        ev["date"] = _shift(ev.get("date"), days)
        for side in ("source", "target"):
            if ev.get(side) and ev[side].get("entity") in renamed:
                ev[side]["entity"] = renamed[ev[side]["entity"]]
    for q in d.get("quotes") or []:
        q["speaker"] = renamed.get(q.get("speaker"), q.get("speaker"))
    for t in d.get("timex") or []:
        t["value"] = _shift(t.get("value"), days)
    return Article.from_dict(d)


def generate(records: list[dict], start: int, count: int, seed: int = 0) -> Iterator[tuple[Article, str]]:
    """Articles ``start`` … ``start + count - 1`` with their document keys."""
    for n in range(start, start + count):
        yield vary(records[n % len(records)], n, random.Random(seed * 1_000_003 + n)), f"bench/{n:07d}.txt"


def load(store: Store, articles: Iterator[tuple[Article, str]], chunk: int = 1000) -> int:
    """Insert articles, their documents and derived rows directly, ``chunk`` articles per transaction."""
    now = datetime.now().isoformat(timespec="seconds")
    done = 0
    batch: list[tuple[Article, str]] = []

    def flush() -> None:
        docs, arts, derived, counts = [], [], {}, EntityCounts()
        for art, key in batch:
            raw = art.body.encode()
            docs.append(dict(key=key, path=key, url=None, line=None, raw=raw, raw_sha=raw_sha(raw), status="ok",
                             error=None, article_id=art.id, ingested_at=now, updated_at=now))
            arts.append(dict(id=art.id, document=key, outlet=art.outlet, title=art.title, published=art.published,
                             language=art.language, record=json.dumps(art.to_dict(), ensure_ascii=False),
                             stored_at=now))
            for table, rows in derived_rows(art):
                derived.setdefault(table, []).extend(rows)
                if table is schema.entities:
                    counts.add(rows)
        with writing(store.engine) as conn:
            conn.execute(insert(schema.documents), docs)
            conn.execute(insert(schema.articles), arts)
            for table, rows in derived.items():
                if rows:
                    conn.execute(insert(table), rows)
            counts.apply(conn)  # entity_counts, as Store.save keeps it
        batch.clear()

    for item in articles:
        batch.append(item)
        done += 1
        if len(batch) >= chunk:
            flush()
    if batch:
        flush()
    if store.engine.dialect.name == "postgresql":
        # statistics and the visibility map, as autovacuum gives a table that grew (index-only scans
        # need the latter); VACUUM runs outside a transaction
        tables = ", ".join(f'"{name}"' for name in inspect(store.engine).get_table_names())  # this schema's only
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"VACUUM ANALYZE {tables}")
    else:
        with writing(store.engine) as conn:
            conn.exec_driver_sql("ANALYZE")  # fresh statistics, as a maintenance run would give
    return done


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds."""
    fn()  # warm the caches once
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def queries(store: Store, size: int, records: list[dict], rng: random.Random) -> dict[str, Callable[[], object]]:
    """The read commands' queries, with arguments drawn from what is stored."""
    sample = [vary(records[n % len(records)], n, random.Random(n)) for n in rng.sample(range(size), 50)]
    names = [e.name for a in sample for e in a.entities] or ["Indonesia"]
    actors = sorted({ev.source.actor[:3] for a in sample for ev in a.events if ev.source.actor}) or ["IDN"]
    pick = lambda seq: seq[rng.randrange(len(seq))]  # noqa: E731

    def save_new():
        art = vary(records[0], size + rng.randrange(10**9), rng)
        store.save(art, RawDocument(Source(path=f"bench/new-{art.id}.txt"), text=art.body, raw=art.body.encode()))

    return {
        "list (newest 50)": lambda: store.articles(limit=50),
        "count": store.count,
        "show ID-prefix": lambda: store.get(pick(sample).id[:8]),
        "ingest: unchanged?": lambda: store.is_unchanged(
            RawDocument(Source(path=f"bench/{rng.randrange(size):07d}.txt"), text="", raw=b"x")),
        "entities (top 50)": lambda: list_entities(store, limit=50),
        "entities --type PER --country IDN": lambda: list_entities(store, type_="PER", country="IDN", limit=50),
        "entity NAME": lambda: find_entity(store, pick(names)),
        "events --actor X --limit 100": lambda: query(store.engine, actor=pick(actors), limit=100),
        "events --dyad X-Y --limit 100": lambda: query(store.engine, dyad=f"{pick(actors)}-{pick(actors)}", limit=100),
        "events --type CONSULT --since/--until 1 month": lambda: query(
            store.engine, type="CONSULT", since="2022-03-01", until="2022-03-31", limit=100),
        "list --failed": lambda: store.failures(limit=50),
        "save one new article": save_new,
    }


def size_of(store: Store) -> str:
    """The database's size on disk."""
    if store.engine.dialect.name == "sqlite":
        return f"{Path(store.engine.url.database).stat().st_size / 2**20:.0f} MB"
    with store.engine.connect() as conn:
        total = conn.execute(text(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r'")).scalar()
    return f"{(total or 0) / 2**20:.0f} MB"


def postgres_target(schema_name: str) -> tuple[str | None, Callable[[], None]]:
    """A URL for a fresh schema on the server (and how to drop it), or None with the reason printed."""
    try:
        admin = create_engine(database_url(PG_URL), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema_name}"'))
    except Exception as error:  # noqa: BLE001 - any failure: no server to measure
        print(f"postgresql: skipped, no server answers at {PG_URL} ({str(error).splitlines()[0]})")
        return None, lambda: None

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema_name}" CASCADE'))
        admin.dispose()

    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema_name}", drop


def run_backend(backend: str, target: str, sizes: list[int], records: list[dict], repeat: int) -> list[dict]:
    """Grow one store through ``sizes`` and time the queries at each size; the medians as figures."""
    figures = []
    loaded = 0
    with Store.open(target) as store:
        for size in sizes:
            t0 = time.perf_counter()
            loaded += load(store, generate(records, loaded, size - loaded))
            load_s = time.perf_counter() - t0
            print(f"\n{backend}, {size:,} articles (grown in {load_s:.0f} s; {size_of(store)} on disk)", flush=True)
            print(f"  {'query':<48} {'median ms':>10} {'p95 ms':>10}")
            for name, fn in queries(store, size, records, random.Random(size)).items():
                median, p95 = timed(fn, repeat)
                print(f"  {name:<48} {median:>10.2f} {p95:>10.2f}", flush=True)
                figures.append(figure(f"store, {backend} {size:,}: {name}", median, "ms", note=f"p95 {p95:.1f} ms"))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="Store sizes to measure at, ascending.")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=30, help="Runs of each query.")
    parser.add_argument("--workdir", default=None, help="Folder for the SQLite file (default: a temporary one).")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    print("store query latency; records generated from examples/ (see benchmarks/README.md)", flush=True)
    records = templates()
    figures = []
    for backend in args.backends.split(","):
        if backend == "sqlite":
            with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
                figures += run_backend("sqlite", str(Path(tmp) / "bench.db"), sizes, records, args.repeat)
        elif backend == "postgresql":
            target, drop = postgres_target(f"warta_bench_store_{os.getpid()}")
            if target:
                try:
                    figures += run_backend("postgresql", target, sizes, records, args.repeat)
                finally:
                    drop()
        else:
            sys.exit(f"unknown backend {backend!r}; use sqlite and/or postgresql")
    record(__file__, figures)


if __name__ == "__main__":
    main()
