"""The events scorer on a tiny hand-made gold file, and the dev F1 floor on the hand-annotated passages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.article import Article, Entity, Event, EventActor, Mention, Span
from warta.errors import InputError
from warta.eval.events import actor_country, evaluate, read_gold

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "events" / "dev_passages.jsonl"
SEEDS = ROOT / "../shared/corpus/seeds"
DEV_F1_FLOOR = 0.90  # measured 0.925 after the fixes of issue 6 (0.676 before)
SEED_RECALL_FLOOR = 0.92  # measured 0.963; the seed gold lists only the core events

BODY_A = "Rusia menolak desakan AS. Rusia bertemu Iran."
BODY_B = "Jepang mengecam China."
GOLD = [
    {"text": BODY_A, "published": "2024-01-02", "events": [
        {"type": "REJECT", "source_country": "RUS", "target_country": "USA", "trigger": "menolak"},
        {"type": "CONSULT", "source_country": "RUS", "target_country": "IRN", "trigger": "bertemu",
         "negated": False, "planned": True}]},
    {"text": BODY_B, "events": [
        {"type": "ACCUSE", "source_country": "JPN", "target_country": "CHN", "trigger": "mengecam"}]},
]


def _entity(eid: str, name: str, country: str, actor: str) -> Entity:
    return Entity(id=eid, name=name, type="GPE", country=country, actor=actor, mentions=[Mention(0, 1, name)])


def _event(type_: str, src: str | None, tgt: str | None, body: str, trigger: str, **flags) -> Event:
    at = body.index(trigger)
    return Event(type=type_, source=EventActor(None, src, src), target=EventActor(None, tgt, tgt),
                 trigger=Span(at, at + len(trigger), trigger), sentence=(0, len(body)), **flags)


def _system(gold) -> Article:
    """A fake system: A gets the REJECT right (sector code), the CONSULT at the wrong trigger and
    unflagged, plus a spurious event; B misses its only event."""
    article = Article(body=gold.text, published=gold.published)
    if gold.text == BODY_A:
        article.entities = [_entity("e1", "Rusia", "RUS", "RUSGOV")]
        article.events = [
            Event(type="REJECT", source=EventActor("e1", "Rusia", "RUSGOV"), target=EventActor(None, "AS", "USAGOV"),
                  trigger=Span(6, 13, "menolak"), sentence=(0, 25)),
            _event("CONSULT", "RUS", "IRN", BODY_A, "Iran"),
            _event("ASSAULT", "RUS", "IRN", BODY_A, "bertemu"),
        ]
    return article


@pytest.fixture
def tiny(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n\n", encoding="utf-8")
    return path


def test_events_match_on_type_and_countries_per_document(tiny):
    d = evaluate(tiny, run=_system).as_dict()
    # 2 of 3 gold matched, 2 of 3 predicted right; the sector code RUSGOV counts as RUS
    assert (d["gold_events"], d["predicted"]) == (3, 3)
    assert d["events"] == {"p": 0.6667, "r": 0.6667, "f1": 0.6667}
    assert d["by_type"]["ACCUSE"] == {"gold": 1, "predicted": 0, "p": 0.0, "r": 0.0, "f1": 0.0}


def test_events_trigger_overlap_and_flags_are_shares_of_the_matched(tiny):
    result = evaluate(tiny, run=_system)
    d = result.as_dict()
    assert d["triggers"] == "1/2" and d["flags"] == "1/2"  # the CONSULT sits on `Iran` and is not planned
    kinds = sorted(e["kind"] for e in result.errors)
    assert kinds == ["flags", "missed", "spurious", "trigger"]


def test_events_pair_a_prediction_at_the_gold_trigger_first(tmp_path):
    # two gold REJECTs with the same countries: each prediction pairs with the one at its trigger
    body = "Rusia menolak AS. Rusia menampik AS."
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"text": body, "events": [
        {"type": "REJECT", "source_country": "RUS", "target_country": "USA", "trigger": "menampik"},
        {"type": "REJECT", "source_country": "RUS", "target_country": "USA", "trigger": "menolak"}]}), encoding="utf-8")

    def run(gold):
        article = Article(body=body)
        article.events = [_event("REJECT", "RUS", "USA", body, "menolak"), _event("REJECT", "RUS", "USA", body, "menampik")]
        return article

    assert evaluate(path, run=run).as_dict()["triggers"] == "2/2"


@pytest.mark.parametrize("code, country", [
    ("RUSGOV", "RUS"), ("USAMIL", "USA"), ("IDN", "IDN"),
    ("ASEAN", "ASEAN"), ("NATO", "NATO"), ("EU", "EU"),  # whole organisation codes, not a country + sector
    (None, None),
])
def test_events_actor_code_without_entity_counts_as_its_country(code, country):
    assert actor_country(Article(body=""), EventActor(None, None, code)) == country


@pytest.mark.parametrize("line, problem", [
    ("{not json", "not JSON"),
    ('{"text": "x"}', "`events` list"),
    ('{"events": []}', "needs `file` or `text`"),
    ('{"text": "x", "events": [{"type": "MEET", "source_country": "A", "target_country": "B"}]}', "not a PLOVER type"),
    ('{"text": "x", "events": [{"type": "AID", "source_country": "A"}]}', "`target_country` must be given"),
    ('{"text": "x", "events": [{"type": "AID", "source_country": "A", "target_country": null, "actor": "B"}]}',
     "unknown keys ['actor']"),
    ('{"file": "missing.txt", "events": []}', "not found"),
])
def test_events_bad_gold_line_names_the_file_and_line(tmp_path, line, problem):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok", "events": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_gold(path)
    assert f"{path}:2" in str(info.value) and problem in str(info.value)


def test_events_file_rows_resolve_against_the_seeds_folder(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text("Rusia bertemu Iran.", encoding="utf-8")
    path = tmp_path / "gold.jsonl"
    path.write_text('{"file": "a.txt", "events": []}\n', encoding="utf-8")
    with pytest.raises(InputError):
        read_gold(path)  # not beside the gold file
    (gold,) = read_gold(path, seeds=folder)
    assert gold.path == folder / "a.txt"


def _pipeline_or_skip():
    try:
        from warta import pipeline

        pipeline.nlp()
    except Exception as error:  # the trained pipeline is built concurrently: skip while it is broken
        pytest.skip(f"the language layer does not load: {type(error).__name__}")


def test_events_dev_passages_f1_stays_above_its_floor():
    _pipeline_or_skip()
    d = evaluate(DEV).as_dict()
    assert d["gold_events"] >= 30
    assert d["events"]["f1"] >= DEV_F1_FLOOR, d


def test_events_seed_recall_stays_above_its_floor():
    if not (SEEDS / "gold.jsonl").is_file():
        pytest.skip("../shared/corpus/seeds is not available")
    _pipeline_or_skip()
    assert evaluate(SEEDS / "gold.jsonl").as_dict()["events"]["r"] >= SEED_RECALL_FLOOR
