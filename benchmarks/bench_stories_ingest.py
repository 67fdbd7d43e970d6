"""What the corpus stages and the summary stage add to `warta ingest`, on stories_dev's 80 real passages.

Times, in one process: the document pipeline without the summary stage, the summary stage alone,
storing the articles, and `warta.stories.update` (features, near-duplicates, clustering, story rows,
summaries and merged events). Reports the share the new stages add to the ingest.

Run: ``.venv/bin/python benchmarks/bench_stories_ingest.py`` (reads ../shared/corpus/stories_dev).
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from warta import pipeline, stories
from warta.article import RawDocument, Source
from warta.store import Store
from warta.summary import annotate as summarise

PASSAGES = Path(__file__).resolve().parents[1] / "../shared/corpus/stories_dev/passages.jsonl"


def main() -> None:
    rows = [json.loads(line) for line in PASSAGES.read_text(encoding="utf-8").splitlines() if line.strip()]
    raws = [RawDocument(Source(path=str(PASSAGES), url=r["url"], line=k + 1), text=r["text"], published=r["published"],
                        raw=r["text"].encode()) for k, r in enumerate(rows)]
    pipeline.nlp()
    stages = tuple(s for s in pipeline.STAGES if s != "summary")
    t = time.perf_counter()
    articles = [pipeline.process(raw, stages=stages) for raw in raws]
    t_pipeline = time.perf_counter() - t
    t = time.perf_counter()
    for art in articles:
        summarise(art)
    t_summary = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "bench.db") as store:
            t = time.perf_counter()
            for art, raw in zip(articles, raws):
                store.save(art, raw)
            t_store = time.perf_counter() - t
            t = time.perf_counter()
            result = stories.update(store.engine)
            t_stories = time.perf_counter() - t
    base = t_pipeline + t_store
    n = len(articles)
    print(f"{n} articles: pipeline {t_pipeline / n * 1000:.1f} ms, store {t_store / n * 1000:.1f} ms, "
          f"summary stage {t_summary / n * 1000:.2f} ms, stories.update {t_stories / n * 1000:.1f} ms per article")
    print(f"the new stages add {100 * (t_summary + t_stories) / base:.1f} % to the ingest ({result.describe()})")


if __name__ == "__main__":
    main()
