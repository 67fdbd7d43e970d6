"""How much the actors stage adds to the language layer: seconds per article and the ratio.

Run: ``.venv/bin/python benchmarks/bench_actors.py [N_REPEATS]`` (reads ../shared/corpus/seeds).

CPU time (``time.process_time``), so that a loaded machine's figure compares with a quiet one's. What
is loaded (model, gazetteer, lexicon) is frozen out of the garbage collector's sight after the warm-up,
as the pool's workers do (``warta.preload``): otherwise the one full collection of a run, which scans
the whole model, falls on whichever stage happens to be running (about 1 ms/article on 100 articles).
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

from warta import pipeline
from warta.actors import annotate, gazetteer, lexicon
from warta.article import RawDocument, Source
from warta.extract import extract
try:
    from benchmarks.results import figure, record
except ModuleNotFoundError:  # run as a file (python benchmarks/bench_….py): its folder is on the path
    from results import figure, record

SEEDS = Path(__file__).resolve().parents[1] / "../shared/corpus/seeds"


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    t0 = time.perf_counter()
    gazetteer.load(), lexicon.load(), pipeline.nlp()
    print(f"load: gazetteer, lexicon and language pipeline {time.perf_counter() - t0:.2f} s")
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        articles.append(extract(RawDocument(Source(path=str(path)), text=path.read_text(encoding="utf-8"))))
    annotate(articles[0], pipeline.analyse(articles[0]))  # warm caches (common words, fuzzy tables)
    gc.collect()
    gc.freeze()
    t_lang = t_actors = 0.0
    for _ in range(repeats):
        for art in articles:
            t = time.process_time()
            doc = pipeline.analyse(art)
            t_lang += time.process_time() - t
            t = time.process_time()
            annotate(art, doc)
            t_actors += time.process_time() - t
    n = repeats * len(articles)
    chars = sum(len(a.body) for a in articles) * repeats
    print(f"{n} articles, {chars / n:.0f} chars each")
    print(f"language layer: {1000 * t_lang / n:.1f} ms/article of CPU")
    print(f"actors:         {1000 * t_actors / n:.1f} ms/article of CPU ({100 * t_actors / t_lang:.0f}% of the language layer)")
    record(__file__, [figure("actor linking", 1000 * t_actors / n, "ms/article", target="≤ 20 % of the language layer",
                             note=f"{100 * t_actors / t_lang:.0f} % of the language layer, examples")])


if __name__ == "__main__":
    main()
