"""The seed articles end to end: every gold entity with its canonical name, type, country and surfaces."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.actors import gazetteer
from warta.actors.text import fold
from warta.article import RawDocument, Source

SHARED = Path(__file__).resolve().parents[2] / "../shared"
SEEDS = SHARED / "corpus" / "seeds"


def _gold() -> list[dict]:
    if not (SEEDS / "gold.jsonl").exists():
        return []
    return [json.loads(line) for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def records():
    recs = gazetteer.load_records()
    if "org:NATO" not in recs or "per:mike-pompeo" not in recs:
        pytest.skip("the shipped gazetteer data has not landed yet")
    return recs


def _process(name: str):
    from warta import pipeline, time
    from warta.actors import annotate
    from warta.extract import extract

    path = SEEDS / name
    raw = RawDocument(Source(path=str(path)), text=path.read_text(encoding="utf-8"), raw=path.read_bytes())
    article = extract(raw)
    doc = pipeline.analyse(article)
    try:
        article = time.annotate(article, doc)
    except Exception:  # noqa: BLE001 - as in the pipeline, a failing earlier stage must not hide ours
        pass
    return annotate(article, doc)


def _names(rec) -> set[str]:
    return {fold(n) for n in [rec.name] + rec.aliases}


@pytest.mark.parametrize("gold", _gold() or [pytest.param(None, marks=pytest.mark.skip("no ../shared seeds"))],
                         ids=lambda g: g["file"][:3] if g else "none")
def test_seed_entities_found_with_name_type_country_and_surfaces(records, gold):
    article = _process(gold["file"])
    for want in gold["entities"]:
        # the canonical name, or (when the data file chose another canonical) one of its aliases
        found = [e for e in article.entities if e.name == want["name"]
                 or (e.id in records and want["name"] in _names(records[e.id]))]
        assert found, f"{want['name']} not found"
        ent = found[0]
        assert (ent.type, ent.country) == (want["type"], want["country"]), want["name"]
        for surface in want["surfaces"]:
            body = article.body
            places = [i for i in range(len(body)) if body.startswith(surface, i)]
            if not places:
                continue  # the surface is in the title or a caption the extractor removed
            spans = [(m.start, m.end) for e in found for m in e.mentions]
            # issue 16: a capital or seat acting for its state ("Washington") is its own entity; the
            # seed gold lists it under the state, which its mention's actor code names
            spans += [(m.start, m.end) for e in article.entities for m in e.mentions
                      if m.via in ("capital", "seat") and want.get("country") and (m.actor or "")[:3] == want["country"]]
            # one occurrence linked is enough: "Moskow, Jurnas.com -" is a date line, not an actor
            assert any(at <= s and e <= at + len(surface) or s <= at < e for s, e in spans for at in places), \
                f"{surface!r} not linked to {want['name']}"


def test_seed_001_warns_that_date_contradicts_pompeo_tenure(records):
    if not (SEEDS / "001_a740a87e75992eb7.txt").exists():
        pytest.skip("no ../shared seeds")
    article = _process("001_a740a87e75992eb7.txt")
    assert any("Mike Pompeo" in w and "tenure" in w for w in article.warnings)


def test_seed_common_words_never_linked_to_people(records):
    common = __import__("warta.actors.text", fromlist=["common_words"]).common_words()
    for gold in _gold():
        article = _process(gold["file"])
        for ent in article.entities:
            if ent.type == "PER":
                assert not [m.text for m in ent.mentions if m.text.lower() in common], ent.name
