"""End to end through the `warta` command: ingest, list, show, failures and retries."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path):
    """A copy of three examples plus one empty and one malformed file."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("01_kompas_menlu_bertemu.txt", "09_tribunnews_gempa.html", "12_wire_feed.jsonl"):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def test_ingest_stores_examples_and_list_shows_them(tmp_path, corpus):
    db = str(tmp_path / "w.db")
    result = invoke("ingest", str(corpus), "--db", db, "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "4 added" in result.output  # two files and two JSONL lines
    listed = [json.loads(line) for line in invoke("list", "--db", db, "--json").stdout.splitlines()]
    assert "Jepang Kirim Tim SAR ke Turki Usai Gempa Besar" in {row["title"] for row in listed}


def test_reingest_is_a_noop(tmp_path, corpus):
    db = str(tmp_path / "w.db")
    invoke("ingest", str(corpus), "--db", db, "--workers", "1")
    again = invoke("ingest", str(corpus), "--db", db, "--workers", "1")
    assert again.exit_code == 0
    assert "0 added, 0 updated, 4 unchanged" in again.output


def test_changed_file_is_updated(tmp_path, corpus):
    db = str(tmp_path / "w.db")
    invoke("ingest", str(corpus), "--db", db, "--workers", "1")
    page = corpus / "01_kompas_menlu_bertemu.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("keamanan maritim", "keamanan siber"), encoding="utf-8")
    again = invoke("ingest", str(corpus), "--db", db, "--workers", "1")
    assert "1 updated" in again.output


def test_show_prints_one_article_by_id_prefix(tmp_path, corpus):
    db = str(tmp_path / "w.db")
    invoke("ingest", str(corpus / "09_tribunnews_gempa.html"), "--db", db, "--workers", "1")
    record = json.loads(invoke("extract", str(corpus / "09_tribunnews_gempa.html"), "--workers", "1").stdout)
    shown = invoke("show", record["id"][:8], "--db", db, "--json")
    assert shown.exit_code == 0
    assert json.loads(shown.stdout)["title"] == record["title"]


def test_bad_documents_fail_alone_and_are_stored(tmp_path, corpus):
    (corpus / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "w.db")
    result = invoke("ingest", str(corpus), "--db", db, "--workers", "1")
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "4 added" in result.output
    failed = [json.loads(line) for line in invoke("list", "--db", db, "--failed", "--json").stdout.splitlines()]
    assert [Path(row["key"]).name for row in failed] == ["empty.txt"]


def test_retry_reruns_fixed_documents(tmp_path, corpus):
    bad = corpus / "later.txt"
    bad.write_bytes(b"")
    db = str(tmp_path / "w.db")
    invoke("ingest", str(bad), "--db", db, "--workers", "1")
    bad.write_text("Judul Berita\n\nJAKARTA - Presiden bertemu Perdana Menteri di Istana Bogor, Senin.\n", encoding="utf-8")
    retried = invoke("ingest", "--retry", "--db", db, "--workers", "1")
    assert retried.exit_code == 0, retried.output
    assert "1 added" in retried.output


def test_list_without_database_is_a_one_line_error(tmp_path):
    result = runner.invoke(app, ["list", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no database" in result.output


def test_extract_rejects_a_bad_published_date(tmp_path, corpus):
    result = runner.invoke(app, ["extract", str(corpus), "--published", "kemarin"])
    assert result.exit_code == 1
    assert "--published: 'kemarin' is not a date" in result.output
