"""A JSONL feed of real news read from ../shared at run time, for the serving benchmark's store (issue 19).

Run: .venv/bin/python benchmarks/serve_feed.py --out /tmp/serve1k.jsonl [--articles 1000]
then: warta ingest /tmp/serve1k.jsonl examples/ --db /tmp/serve1k.db

The feed is every real article of ../shared: the passages of corpus/realnews_dev, realnews_train and
stories_dev, the Detik articles of corpus/summaries_dev/detik_dev_300.csv (judul, tautan, isi_berita)
and the 50 Kompas articles of datasets/timex/indotimex_dev: 570 texts, 558 distinct articles (an
article's id is the hash of its clean body, so texts differing only in page furniture are one).
``--articles`` above that is reached with republished copies, as wires and syndication produce them:
the same text with a line saying where it first appeared, under the same URL with ``?republish=N``
and a publication day N weeks later; the story stage marks them as near-duplicates. Every record of
the feed is an article of its own, so the store holds exactly ``--articles`` of them (plus
examples/). The feed goes where ``--out`` says (outside the repository: the texts are third-party);
without ../shared it writes nothing and says so.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from warta.article import RawDocument
from warta.extract import extract
from warta.ingest import read_inputs

try:
    from benchmarks.bench_throughput import DETIK, detik_records
except ModuleNotFoundError:  # run as a script: benchmarks/ is on the path, not its parent
    from bench_throughput import DETIK, detik_records

SHARED = Path(__file__).resolve().parents[1] / "../shared"
PASSAGES = [SHARED / "corpus" / name / "passages.jsonl" for name in ("realnews_dev", "realnews_train", "stories_dev")]
INDOTIMEX = SHARED / "datasets/timex/indotimex_dev"
TAG = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("TITLE", "TEXT")}
DCT = re.compile(r'<DCT><TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})"')


def passages(path: Path) -> list[dict]:
    """The passages of one corpus file as reader records (url, published, text)."""
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            out.append({"url": row.get("url"), "published": row.get("published"), "text": row["text"]})
    return out


def timeml(path: Path) -> dict | None:
    """One IndoTimex article (title, creation day, text) as a reader record, None without a text."""
    raw = path.read_bytes()
    try:
        xml = raw.decode("utf-8")
    except UnicodeDecodeError:
        xml = raw.decode("cp1252", errors="replace")  # some files carry Windows quotes
    body = TAG["TEXT"].search(xml)
    if not body or not body.group(1).strip():
        return None
    title, day = TAG["TITLE"].search(xml), DCT.search(xml)
    return {"url": f"https://kompas.com/indotimex/{path.stem}", "title": title.group(1).strip() if title else None,
            "published": day.group(1) if day else None, "text": body.group(1).strip()}


def real_records() -> list[dict]:
    """Every real article of ../shared, in a fixed order."""
    records = [r for path in PASSAGES if path.exists() for r in passages(path)]
    if DETIK.exists():
        records += detik_records(DETIK)
    if INDOTIMEX.is_dir():
        records += [r for r in map(timeml, sorted(INDOTIMEX.glob("*.tml"))) if r]
    return records


def republished(record: dict, n: int) -> dict:
    """Copy ``n`` of a record: the same text, its URL marked, its publication day ``n`` weeks later."""
    url = record.get("url") or "https://example.invalid/"
    credit = f"\n\nArtikel ini pertama kali terbit di {urlsplit(url).hostname} (dimuat ulang, salinan {n})."
    copy = dict(record, url=f"{url}?republish={n}", text=record["text"] + credit)
    published = record.get("published")
    if published:
        try:
            day = date.fromisoformat(published[:10]) + timedelta(weeks=n)
            copy["published"] = day.isoformat() + published[10:]
        except ValueError:
            pass
    return copy


def candidates(articles: int) -> list[dict]:
    """The real records, then republished copies of them in turn: at least ``articles`` records (or none)."""
    real = real_records()
    out = list(real)
    n = 0
    while real and len(out) < articles:
        n += 1
        out += [republished(r, n) for r in real]
    return out


def distinct(records: list[dict], articles: int, folder: Path) -> list[dict]:
    """The first ``articles`` records that are articles of their own: an article's id is its clean body's hash,
    so two texts differing only in page furniture are one article (found with Warta's own reader and
    extractor, without the NLP stages)."""
    path = folder / "candidates.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    seen: set[str] = set()
    out = []
    for record, item in zip(records, read_inputs([str(path)])):
        if isinstance(item, RawDocument):
            article = extract(item)
            if article.body and article.id not in seen:
                seen.add(article.id)
                out.append(record)
        if len(out) == articles:
            break
    return out


def main() -> int:
    """Write the feed and say what is in it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="The JSONL file to write (outside the repository).")
    parser.add_argument("--articles", type=int, default=1000, help="How many articles (default 1000).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        records = distinct(candidates(args.articles), args.articles, Path(tmp))
    if not records:
        print(f"no real articles found under {SHARED}: skipped", file=sys.stderr)
        return 0
    out = Path(args.out)
    with out.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    copies = sum("?republish=" in (r.get("url") or "") for r in records)
    print(f"{out}: {len(records)} articles ({len(records) - copies} real, {copies} republished copies)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
