"""The per-document time budget: a runaway stage fails with a reason, and the process goes on."""

from __future__ import annotations

import signal
import time
from concurrent.futures import ProcessPoolExecutor

import pytest

from warta import budget as budget_mod
from warta import pipeline
from warta.article import Article
from warta.budget import Budget, StageTimeout, seconds_for
from warta.errors import WartaError


def _spin():
    while True:  # a stage that never ends
        pass


def _swallow():
    end = time.monotonic() + 30
    while time.monotonic() < end:  # a stage that catches every exception, the budget's too
        try:
            time.sleep(0.01)
        except Exception:
            pass


@pytest.mark.parametrize("runaway", [_spin, _swallow])
def test_budget_stops_a_runaway_step_with_a_stage_error(runaway):
    start = time.monotonic()
    with pytest.raises(StageTimeout, match="stage quotes failed: exceeded its time budget"):
        with Budget(0.3, "a.txt").stage("quotes"):
            runaway()
    assert time.monotonic() - start < 10
    # nothing left behind: no timer running, the default handler back
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


def test_budget_lets_a_quick_step_through_and_keeps_what_is_left():
    b = Budget(5, "a.txt")
    with b.stage("time"):
        value = sum(range(1000))
    assert value == 499500
    assert 0 < b.left() <= 5
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_spent_budget_fails_the_next_stage_at_once():
    b = Budget(0.01, "a.txt")
    time.sleep(0.05)
    with pytest.raises(StageTimeout):
        with b.stage("events"):
            pass


def test_zero_means_no_budget(monkeypatch):
    monkeypatch.setenv("WARTA_TIME_BUDGET", "0")
    b = Budget.for_text("x" * 10)
    assert b.left() is None
    with b.stage("time"):
        pass


@pytest.mark.parametrize("length,seconds", [(0, 60), (5_000, 60), (100_000, 60), (100_001, 75), (950_000, 195),
                                            (10_000_000, 1_545)])
def test_budget_grows_with_the_document(length, seconds):
    # the base for the first 100,000 characters, a quarter of it for every further started 100,000
    assert seconds_for(length, 60) == seconds


def test_the_budget_of_a_long_document_grows_linearly():
    # a bound on linear processing: ten times the text gets at most ten times the budget
    for n in (200_000, 1_000_000):
        assert seconds_for(10 * n, 60) <= 10 * seconds_for(n, 60)
    assert seconds_for(10_000_000, 60) < 30 * 60  # the 10 MB input limit: under half an hour


@pytest.mark.parametrize("value", ["soon", "-1"])
def test_a_bad_budget_setting_is_one_clear_error(monkeypatch, value):
    monkeypatch.setenv("WARTA_TIME_BUDGET", value)
    with pytest.raises(WartaError, match="WARTA_TIME_BUDGET"):
        budget_mod.base_seconds()


def _runaway_stage(article, doc):
    _spin()


def _run_with_runaway_stage(seconds: float) -> tuple[list[str], list[str], int]:
    """In a pool worker: a document with a runaway stage, then a normal document."""
    from warta import plan
    from warta.stage import Stage

    steps = (plan.Step(Stage("runaway", _runaway_stage)), plan.Step(plan.registered("time")))
    runaway = plan.Plan(steps)
    body = "Presiden Joko Widodo tiba di Jakarta, Senin (6/5/2019)."
    first = pipeline.run_stages(Article(body=body, published="2019-05-07"), None, runaway, Budget(seconds, "a.txt"))
    second = pipeline.run_stages(Article(body=body, published="2019-05-07"), None, ["time"], Budget(30, "b.txt"))
    return first.warnings, second.warnings, len(second.timex)


def test_run_stages_turns_a_runaway_stage_into_a_warning_in_a_pool_worker():
    with ProcessPoolExecutor(max_workers=1) as pool:
        first, second, timex = pool.submit(_run_with_runaway_stage, 1.0).result(timeout=60)
    # the runaway stage fails with the reason; the budget is spent, so the stage after it too
    assert first[0].startswith("stage runaway failed: exceeded its time budget (1 s for this document")
    assert first[1].startswith("stage time failed: exceeded its time budget")
    # the worker is fine: the next document runs normally
    assert second == [] and timex == 1


def test_run_stages_warns_and_goes_on_when_the_budget_is_spent():
    article = Article(body="Presiden Joko Widodo tiba di Jakarta, Senin (6/5/2019).", published="2019-05-07")
    spent = Budget(0.001, "a.txt")
    time.sleep(0.01)
    out = pipeline.run_stages(article, None, ["time"], spent)
    assert out.warnings == ["stage time failed: exceeded its time budget (0.001 s for this document; "
                            "WARTA_TIME_BUDGET sets it)"]


def test_a_document_whose_language_layer_runs_out_fails_with_one_line(monkeypatch):
    from warta.article import RawDocument, Source

    monkeypatch.setenv("WARTA_TIME_BUDGET", "0.000001")
    raw = RawDocument(Source(path="a.txt"), text="Presiden Joko Widodo tiba di Jakarta, Senin (6/5/2019).")
    [failure] = list(pipeline.run([raw], workers=1))
    assert isinstance(failure, pipeline.Failure)
    # the reason alone: the CLI prints where it happened in front of it
    assert failure.reason.startswith("stage language failed: exceeded its time budget (1e-06 s for this document")
    assert "a.txt" not in failure.reason


def test_warta_extract_reports_a_spent_budget_in_one_line(monkeypatch):
    from pathlib import Path

    from typer.testing import CliRunner

    from warta.cli import app

    example = Path(__file__).resolve().parents[1] / "examples" / "01_kompas_menlu_bertemu.txt"
    monkeypatch.setenv("WARTA_TIME_BUDGET", "0.000001")
    result = CliRunner().invoke(app, ["extract", str(example), "--workers", "1"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: {example}: stage language failed: exceeded its time budget "
                      "(1e-06 s for this document; WARTA_TIME_BUDGET sets it)"]
    assert "Traceback" not in result.output
