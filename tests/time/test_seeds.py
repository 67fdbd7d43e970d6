"""Every gold timex of the seed articles is found with its value; seed 004's date is inferred."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.article import Article
from warta.time import annotate, find_timex, infer_published

SEEDS = Path(__file__).resolve().parents[2] / "../shared/corpus/seeds"


def _gold() -> list[dict]:
    if not (SEEDS / "gold.jsonl").is_file():
        pytest.skip("shared seeds not available")
    return [json.loads(line) for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def _norm(text: str) -> str:
    # the seeds keep non-breaking spaces; gold texts use plain ones
    return " ".join(text.split())


def test_seed_gold_timex_found_with_values():
    missing = []
    for seed in _gold():
        text = (SEEDS / seed["file"]).read_text(encoding="utf-8")
        found = {(_norm(t.text), t.value) for t in find_timex(text, seed["published"])}
        missing += [(seed["file"], g["text"], g["value"]) for g in seed["timex"]
                    if (_norm(g["text"]), g["value"]) not in found]
    assert missing == []


def test_seed_004_publication_date_inferred_from_lead():
    seed = next(s for s in _gold() if s["file"].startswith("004"))
    text = (SEEDS / seed["file"]).read_text(encoding="utf-8")
    assert infer_published(text) == seed["published"] == "2023-02-01"
    article = annotate(Article(body=text))
    assert (article.published, article.published_inferred) == ("2023-02-01", True)
    assert ("Senin, 30 Januari 2023", "2023-01-30") in {(t.text, t.value) for t in article.timex}


def test_seed_001_wrong_stated_date_is_flagged():
    seed = next(s for s in _gold() if s["file"].startswith("001"))
    article = annotate(Article(body=(SEEDS / seed["file"]).read_text(encoding="utf-8"), published=seed["published"]))
    assert article.published_inferred is False
    assert any("publication date 2024-04-25 conflicts" in w for w in article.warnings)
