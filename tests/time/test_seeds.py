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


def _holds(found, text: str, value: str | None) -> bool:
    # as the real-news scorer counts: an expression with the gold value that contains the gold
    # text ("hari Senin, 30 Januari 2023" holds "Senin, 30 Januari 2023", "Piala X 2014" holds "2014")
    return any(_norm(text) in _norm(t.text) and t.value == value for t in found)


def test_seed_gold_timex_found_with_values():
    missing = []
    for seed in _gold():
        text = (SEEDS / seed["file"]).read_text(encoding="utf-8")
        found = find_timex(text, seed["published"])
        missing += [(seed["file"], g["text"], g["value"]) for g in seed["timex"] if not _holds(found, g["text"], g["value"])]
    assert missing == []


def test_seed_004_publication_date_inferred_from_lead():
    seed = next(s for s in _gold() if s["file"].startswith("004"))
    text = (SEEDS / seed["file"]).read_text(encoding="utf-8")
    assert infer_published(text) == seed["published"] == "2023-02-01"
    article = annotate(Article(body=text))
    assert (article.published, article.published_inferred) == ("2023-02-01", True)
    assert _holds(article.timex, "Senin, 30 Januari 2023", "2023-01-30")


def test_seed_001_wrong_stated_date_is_flagged():
    seed = next(s for s in _gold() if s["file"].startswith("001"))
    article = annotate(Article(body=(SEEDS / seed["file"]).read_text(encoding="utf-8"), published=seed["published"]))
    assert article.published_inferred is False
    assert any("publication date 2024-04-25 conflicts" in w for w in article.warnings)
