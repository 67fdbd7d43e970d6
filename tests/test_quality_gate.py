"""Quality gate: every stage's dev figures stay above the floors pinned in tests/eval_baseline.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.errors import ResourceError
from warta.eval import gate

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "../shared/datasets"
BASELINE = ROOT / "tests" / "eval_baseline.json"


@pytest.mark.parametrize("name", [s.name for s in gate.SUITES])
def test_stage_dev_figures_stay_above_pinned_floors(name):
    s = gate.suite(name)
    if not s.path(DATASETS).exists():
        pytest.skip(f"{s.data} is not available (../shared/datasets absent?)")
    baseline = gate.load_baseline(BASELINE)
    floors = {k: v for k, v in baseline["floors"].items() if k.startswith(f"{name}.")}
    measured = gate.measure_suite(s, DATASETS)
    if not measured and not floors:
        # IndoTimex dev as shipped marks only each file's DCT: there is nothing to score yet
        pytest.skip(f"{s.data}: the gold holds no annotations to score")
    assert floors, f"no floors pinned for {name}: run python -m warta.eval.gate --update"
    problems = gate.check(floors, measured, baseline.get("epsilon", gate.EPSILON))
    assert problems == [], "\n".join(problems) + "\n" + gate.report(floors, measured)


def test_shipped_baseline_pins_only_known_suites():
    floors = gate.load_baseline(BASELINE)["floors"]
    names = {s.name for s in gate.SUITES}
    assert floors and {key.split(".")[0] for key in floors} <= names
    assert all(0.0 <= v <= 1.0 for v in floors.values())


@pytest.mark.parametrize("floors,measured,expected", [
    ({"ner.micro_f1": 0.80}, {"ner.micro_f1": 0.80}, []),
    ({"ner.micro_f1": 0.80}, {"ner.micro_f1": 0.7951}, []),  # within epsilon (0.005): noise, passes
    ({"ner.micro_f1": 0.80}, {"ner.micro_f1": 0.7949}, ["ner.micro_f1: 0.7949 is below the floor 0.8000 (-0.005)"]),
    ({"ud.LAS": 0.60}, {}, ["ud.LAS: pinned at 0.6000 but no longer measured"]),
    ({}, {"ud.LAS": 0.10}, []),  # a new figure has no floor yet
])
def test_gate_check_fails_only_below_floor_minus_epsilon(floors, measured, expected):
    assert gate.check(floors, measured) == expected


def test_gate_check_with_prefix_looks_at_one_suite():
    assert gate.check({"ner.micro_f1": 0.9, "ud.LAS": 0.9}, {"ud.LAS": 0.9}, prefix="ud.") == []


@pytest.mark.parametrize("floors,measured,allow,new,refused", [
    # raising and adding floors is always allowed
    ({"a.x": 0.5}, {"a.x": 0.6, "a.y": 0.3}, False, {"a.x": 0.6, "a.y": 0.3}, 0),
    # a drop within epsilon keeps the old floor, so drops cannot pile up one re-pin at a time
    ({"a.x": 0.5}, {"a.x": 0.498}, False, {"a.x": 0.5}, 0),
    ({"a.x": 0.5}, {"a.x": 0.4}, False, {"a.x": 0.5}, 1),
    ({"a.x": 0.5, "a.y": 0.5}, {"a.x": 0.5}, False, {"a.x": 0.5}, 1),  # dropping a floor is lowering it
    ({"a.x": 0.5, "a.y": 0.5}, {"a.x": 0.4}, True, {"a.x": 0.4}, 0),
])
def test_gate_update_refuses_to_lower_floors_without_allow_regression(floors, measured, allow, new, refused):
    got, refusals = gate.updated(floors, measured, allow_regression=allow)
    assert got == new
    assert len(refusals) == refused


def _write(path: Path, floors: dict) -> None:
    path.write_text(json.dumps(gate.baseline_record(floors)), encoding="utf-8")


def test_gate_main_update_refuses_regression_and_leaves_baseline_alone(tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    _write(baseline, {"ner.micro_f1": 0.9})
    before = baseline.read_text(encoding="utf-8")
    code = gate.main(["--update", "--baseline", str(baseline), "--datasets", str(tmp_path)],
                     measure=lambda _: {"ner.micro_f1": 0.5})
    assert code == 1
    assert baseline.read_text(encoding="utf-8") == before
    assert "REFUSED ner.micro_f1: 0.5000 would lower the floor 0.9000" in capsys.readouterr().err


def test_gate_main_allow_regression_writes_the_lower_floor(tmp_path):
    baseline = tmp_path / "baseline.json"
    _write(baseline, {"ner.micro_f1": 0.9})
    code = gate.main(["--update", "--allow-regression", "--baseline", str(baseline), "--datasets", str(tmp_path)],
                     measure=lambda _: {"ner.micro_f1": 0.5})
    assert code == 0
    assert gate.load_baseline(baseline)["floors"] == {"ner.micro_f1": 0.5}


def test_gate_main_check_exits_1_on_regression(tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    _write(baseline, {"quotes.exact_f1": 0.9})
    code = gate.main(["--baseline", str(baseline), "--datasets", str(tmp_path)],
                     measure=lambda _: {"quotes.exact_f1": 0.8})
    assert code == 1
    assert "REGRESSION quotes.exact_f1" in capsys.readouterr().err


def test_gate_main_without_datasets_gives_one_line_error(tmp_path, capsys):
    code = gate.main(["--datasets", str(tmp_path / "nowhere")], measure=lambda _: {})
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error: ") and "datasets folder not found" in err and "\n" not in err


@pytest.mark.parametrize("content,message", [
    ('{"floors": {}, "extra": 1}', "unknown keys"),
    ('{"floors": {"ner.micro_f1": "high"}}', "'floors' must map"),
    ("[1, 2]", "expected a JSON object"),
    ("{not json", "not a readable JSON file"),
])
def test_gate_load_baseline_rejects_bad_files_naming_them(tmp_path, content, message):
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError, match=message) as error:
        gate.load_baseline(path)
    assert str(path) in str(error.value)
