"""A stage that fails on a document: the record is kept (printed, stored) and the failure is said, counted and
retried. `extract`: an `Error:` line naming the document and the stages; `ingest`: the document is stored with
status ``partial``, listed by `warta list --failed`, left alone by a plain re-ingest and run again by `--retry`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from warta.cli import app

runner = CliRunner()
TEXT = 'Presiden Joko Widodo bertemu Menteri Retno Marsudi di Jakarta, Senin (6/5/2019). "Kami siap," kata Retno.\n'
PROBLEM = "stage actors failed: {gaz}: gazetteer file or folder not found; skipped: quotes"


@pytest.fixture
def broken_plan(tmp_path, monkeypatch):
    """A plan whose actors stage fails on every document (its gazetteer is missing), the quotes after it skipped."""
    plan = tmp_path / "plan.yaml"
    gazetteer = tmp_path / "missing.yaml"
    plan.write_text(f"stages:\n  - name: time\n  - name: actors\n    settings: {{gazetteer: {gazetteer}}}\n"
                    "  - name: quotes\n", encoding="utf-8")
    monkeypatch.setenv("WARTA_PIPELINE", str(plan))
    return PROBLEM.format(gaz=gazetteer)


def _errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("Error:")]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_extract_prints_the_record_and_says_which_stage_failed(tmp_path, broken_plan, workers):
    good = tmp_path / "a.txt"
    good.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(good), "--workers", workers])
    assert result.exit_code == 1
    [record] = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [m["stage"] for m in record["stage_errors"]] == ["actors", "quotes"] and record["timex"]
    assert _errors(result.output) == [f"Error: {good}: {broken_plan}"]


def test_ingest_stores_lists_and_retries_a_document_with_a_failed_stage(tmp_path, broken_plan, monkeypatch):
    doc, db = tmp_path / "a.txt", str(tmp_path / "w.db")
    doc.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(doc), "--db", db, "--workers", "1"])
    assert result.exit_code == 1
    assert _errors(result.output) == [f"Error: {doc}: {broken_plan}"]
    assert "1 added, 0 updated, 0 unchanged, 0 failed, 1 stored with a failed stage" in result.output
    [row] = [json.loads(line) for line in runner.invoke(app, ["list", "--db", db, "--failed", "--json"]).stdout.splitlines()]
    assert (row["key"], row["status"], row["error"]) == (str(doc), "partial", broken_plan)
    again = runner.invoke(app, ["ingest", str(doc), "--db", db, "--workers", "1"])
    assert again.exit_code == 0 and "0 added, 0 updated, 1 unchanged, 0 failed" in again.output  # re-ingest: a no-op
    monkeypatch.delenv("WARTA_PIPELINE")  # the plan is fixed: --retry runs the document again
    retried = runner.invoke(app, ["ingest", "--retry", "--db", db, "--workers", "1"])
    assert retried.exit_code == 0 and "0 added, 1 updated, 0 unchanged, 0 failed" in retried.output
    assert runner.invoke(app, ["list", "--db", db, "--failed", "--json"]).stdout == ""
    [article] = [json.loads(line) for line in runner.invoke(app, ["list", "--db", db, "--json"]).stdout.splitlines()]
    shown = json.loads(runner.invoke(app, ["show", "--db", db, "--json", article["id"]]).stdout)
    assert shown["stage_errors"] == [] and shown["entities"]
