"""The real-news scorer on a tiny hand-made gold file and hand-made records, and its CLI switch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import app
from warta.errors import InputError
from warta.eval import realnews

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "../shared/corpus/realnews_dev/passages.jsonl"

TEXT_A = "Retno dan Lavrov Bahas Kerja Sama\n\nJakarta - Menlu Retno Marsudi bertemu Menlu Rusia Sergey Lavrov, Senin (5/6). \"Kami sepakat,\" kata Retno."
TEXT_B = ("Korea Utara Luncurkan Rudal Lagi\n\nKorea Utara meluncurkan rudal pada 5-6 November 2023. "
          "Peluncuran itu dipantau oleh militer Jepang dan Korea Selatan.")
GOLD = [
    {"id": "a1", "url": "https://example.org/read/2023/06/05/x", "outlet": "example.org", "published": None,
     "text": TEXT_A, "gold": {
         "entities": [{"name": "Retno Marsudi", "type": "PER", "surface": ["Retno Marsudi", "Retno"]},
                      {"name": "Sergey Lavrov", "type": "PER", "surface": ["Sergey Lavrov"]},
                      {"name": "Rusia", "type": "GPE", "surface": ["Rusia"]},
                      {"name": "Jakarta", "type": "GPE", "surface": ["Jakarta"]}],
         "quotes": [{"speaker": "Retno Marsudi", "start": "Kami sepakat,", "direct": True},
                    {"speaker": None, "start": "Senin", "direct": False}],
         "events": [{"source": "Indonesia", "source_country": "IDN", "type": "CONSULT", "target": "Rusia",
                     "target_country": "RUS", "date": None, "negated": False, "planned": False, "trigger": "bertemu"},
                    {"source": "Indonesia", "source_country": "IDN", "type": "AGREE", "target": None,
                     "target_country": None, "date": None, "negated": True, "planned": False, "trigger": "sepakat"}],
         "timex": [{"text": "Senin (5/6)", "value": "2023-06-05"}]}},
    {"id": "b1", "url": None, "outlet": "example.org", "published": "2023-11-07", "text": TEXT_B, "gold": {
        "entities": [{"name": "Korea Utara", "type": "GPE", "surface": ["Korea Utara"]}],
        "quotes": [],
        "events": [{"source": "Korea Utara", "source_country": "PRK", "type": "MOBILIZE", "target": None,
                    "target_country": None, "date": None, "negated": False, "planned": False, "trigger": "meluncurkan"}],
        "timex": [{"text": "5-6 November 2023", "value": "2023-11-05/2023-11-06"}, {"text": "kelak", "value": None}]}},
]


def _ent(name, type_, *texts):
    return {"name": name, "type": type_, "mentions": [{"text": t} for t in texts]}


def _ev(type_, src, tgt, negated=False):
    return {"type": type_, "source": {"actor": src}, "target": {"actor": tgt}, "negated": negated}


RECORDS = [
    {"entities": [_ent("Retno LP Marsudi", "PER", "Retno"),  # neither name nor mention is the gold name
                  _ent("Sergey Lavrov", "PER", "Sergey Lavrov"),
                  _ent("Russia", "GPE", "Rusia"),  # the name differs, a mention text equals the gold name
                  _ent("Menlu", "PER", "Menlu"),  # spurious
                  _ent("Senin", "DATE", "Senin")],  # not an entity type: ignored
     "quotes": [{"text": "Kami sepakat,", "speaker": "e1", "speaker_text": "Retno"}],
     "events": [_ev("CONSULT", "IDNGOV", "RUSGOV"), _ev("AGREE", "IDN", None, negated=True), _ev("ACCUSE", "IDN", "RUS")],
     "timex": [{"text": "Senin (5/6)", "value": "2023-06-05TMO"}]},
    {"entities": [_ent("Korea Utara", "GPE", "Korea Utara")],
     "quotes": [],
     "events": [_ev("MOBILIZE", "PRK", None)],
     "timex": [{"text": "5-6 November 2023", "value": "2023-11-05"}]},
]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "passages.jsonl"
    path.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in GOLD) + "\n", encoding="utf-8")
    return path


def test_realnews_entities_match_on_names_surfaces_and_mention_texts(gold_file):
    result = realnews.score_entities(realnews.read_passages(gold_file), RECORDS)
    # a1: Lavrov, Rusia right; Retno and Jakarta missed; "Retno LP Marsudi" and Menlu spurious. b1: 1/1.
    assert (result.counts.tp, result.counts.predicted, result.counts.gold) == (3, 5, 5)
    assert {e["name"] for e in result.errors if e["kind"] == "missed"} == {"Retno Marsudi", "Jakarta"}
    assert result.by_type["PER"].gold == 2 and result.by_type["PER"].tp == 1


def test_realnews_entity_types_count_a_right_name_under_its_gold_type(gold_file):
    # "Rusia" right but typed ORG, "Menlu" spurious typed ORG: GPE has 1 right of 1 predicted, ORG 0 of 1
    records = [dict(RECORDS[0], entities=[_ent("Russia", "ORG", "Rusia"), _ent("Menlu", "ORG", "Menlu")]), RECORDS[1]]
    result = realnews.score_entities(realnews.read_passages(gold_file), records)
    by_type = result.as_dict()["by_type"]
    assert (by_type["GPE"]["gold"], by_type["GPE"]["predicted"], by_type["GPE"]["p"]) == (3, 2, 1.0)
    assert (by_type["ORG"]["predicted"], by_type["ORG"]["p"]) == (1, 0.0)
    assert sum(c.predicted for c in result.by_type.values()) == result.counts.predicted
    assert all(t["p"] <= 1 for t in by_type.values())


def test_realnews_events_leave_negated_out_and_match_code_prefixes(gold_file):
    result = realnews.score_events(realnews.read_passages(gold_file), RECORDS)
    assert (result.counts.tp, result.counts.predicted, result.counts.gold) == (2, 3, 2)
    assert result.as_dict()["f1"] == pytest.approx(0.8)
    assert [e["event"] for e in result.errors] == ["ACCUSE:IDN>RUS"]


def test_realnews_speakers_need_a_word_of_the_gold_speaker(gold_file):
    passages = realnews.read_passages(gold_file)
    assert realnews.score_quotes(passages, RECORDS).as_dict()["accuracy"] == 1.0
    wrong = [dict(RECORDS[0], quotes=[{"text": "Kami sepakat,", "speaker": None, "speaker_text": "Lavrov"}]), RECORDS[1]]
    result = realnews.score_quotes(passages, wrong)
    assert result.counts.tp == 0 and result.errors[0]["system"] == "Lavrov"


def test_realnews_timex_value_must_be_the_gold_one_or_a_part_of_its_day(gold_file):
    result = realnews.score_timex(realnews.read_passages(gold_file), RECORDS)
    # the null-valued gold is not scored; the range resolved to its first day is wrong
    assert (result.counts.tp, result.counts.gold) == (1, 2)
    assert result.errors[0]["gold"] == "2023-11-05/2023-11-06"


def test_realnews_is_realnews_tells_the_format_apart(gold_file, tmp_path):
    other = tmp_path / "events.jsonl"
    other.write_text(json.dumps({"text": "x", "events": []}) + "\n", encoding="utf-8")
    assert realnews.is_realnews(gold_file)
    assert not realnews.is_realnews(other)
    assert not realnews.is_realnews(tmp_path / "nowhere.jsonl")


@pytest.mark.parametrize("line,message", [
    ("{not json", "not JSON"),
    (json.dumps({"id": "x", "text": "", "gold": {}}), "non-empty `text`"),
    (json.dumps({"id": "x", "text": "t", "gold": {"entities": []}}), "expected a `gold` object"),
])
def test_realnews_read_passages_names_the_file_and_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        realnews.read_passages(path)
    assert f"{path}:2" in str(error.value)


def test_realnews_pipeline_runs_once_per_file(gold_file, monkeypatch):
    calls = []
    monkeypatch.setattr(realnews, "run_records", lambda passages, workers=1: calls.append(1) or RECORDS)
    monkeypatch.setattr(realnews, "_CACHE", {})
    for stage in realnews.SCORERS:
        realnews.evaluate(gold_file, stage)
    assert calls == [1]


def test_realnews_records_come_from_the_pipeline_like_warta_extract(gold_file):
    records = realnews.run_records(realnews.read_passages(gold_file))
    assert [r["source"]["line"] for r in records] == [1, 2]
    assert records[0]["source"]["url"] == GOLD[0]["url"] and records[1]["published"].startswith("2023-11-07")
    assert any(e["name"] == "Korea Utara" for e in records[1]["entities"])


def test_eval_events_cli_reads_the_realnews_format(gold_file, monkeypatch):
    monkeypatch.setattr(realnews, "run_records", lambda passages, workers=1: RECORDS)
    monkeypatch.setattr(realnews, "_CACHE", {})
    out = CliRunner().invoke(app, ["eval", "events", "--gold", str(gold_file), "--errors", "1"])
    assert out.exit_code == 0, out.output
    assert "P 0.6667  R 1.0000  F1 0.8000" in out.output
    assert "kind=spurious event=ACCUSE:IDN>RUS" in out.output


@pytest.mark.parametrize("events,cause", [
    ([], "no trigger"),
    ([{"type": "ACCUSE", "trigger": {"start": 7, "end": 14}, "source": {"actor": "RUS"}, "target": {"actor": "UKR"}}], "wrong type"),
    ([{"type": "CONSULT", "trigger": {"start": 7, "end": 14}, "source": {"actor": "RUS"}, "target": {}}], "no argument"),
    ([{"type": "CONSULT", "trigger": {"start": 7, "end": 14}, "source": {"actor": "RUS"}, "target": {"actor": "CHN"}}], "wrong argument"),
    ([{"type": "CONSULT", "trigger": {"start": 7, "end": 14}, "negated": True, "source": {"actor": "RUS"}, "target": {"actor": "UKR"}}], "negated"),
])
def test_realnews_miss_cause_looks_at_the_events_at_the_gold_trigger(events, cause):
    record = {"body": "Rusia, bertemu Ukraina.", "events": events}
    assert realnews.miss_cause(("CONSULT", "RUS", "UKR"), "bertemu", record) == cause
    assert realnews.miss_cause(("CONSULT", "RUS", "UKR"), "berunding", record) == "not in body"
