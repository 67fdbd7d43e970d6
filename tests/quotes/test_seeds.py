"""The quotes of the seed articles (gold.jsonl) through extract → lang → time → actors → quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.article import RawDocument, Source

SEEDS = Path(__file__).resolve().parents[2] / "../shared/corpus/seeds"


def _gold():
    path = SEEDS / "gold.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def processed():
    if not _gold():
        pytest.skip("../shared/corpus/seeds is not available")
    from warta.pipeline import process

    out = {}
    for gold in _gold():
        path = SEEDS / gold["file"]
        out[gold["file"]] = process(RawDocument(Source(path=str(path)), text=path.read_text(encoding="utf-8")))
    return out


CASES = [(g["file"], q) for g in _gold() for q in g.get("quotes", [])]


@pytest.mark.parametrize("name,gold", CASES, ids=[f"{n[:3]}-{q['start'][:25]}" for n, q in CASES])
def test_quotes_seed_gold_quote_found_with_speaker(processed, name, gold):
    article = processed[name]
    names = {e.id: e.name for e in article.entities}
    found = [q for q in article.quotes if gold["start"] in q.text[: len(gold["start"]) + 15]]
    assert found, f"{gold['start']!r} not found in {[q.text[:40] for q in article.quotes]}"
    q = found[0]
    assert q.direct == gold["direct"]
    if names:  # the actors stage ran: the speaker is the linked entity
        assert names.get(q.speaker) == gold["speaker"]
    else:
        assert gold["speaker"].split()[-1] in (q.speaker_text or "")
