"""`warta serve` and `warta search` through the command line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from warta.cli import app

runner = CliRunner()


def test_warta_search_prints_hits_with_marked_words(db):
    result = runner.invoke(app, ["search", "pertemuan", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Menlu Retno *Bertemu* Menlu Australia" in result.stdout
    assert "4 article(s); roots searched: temu" in result.output


def test_warta_search_json_and_filters(db):
    result = runner.invoke(app, ["search", "temu", "--db", db, "--json", "--outlet", "detikNews"])
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert [h["title"] for h in hits] == ["Uni Eropa Jatuhkan Sanksi Baru terhadap Rusia"]


@pytest.mark.parametrize("args,message", [
    (["search", "!!"], "no words to search for"),
    (["search", "temu", "--since", "kemarin"], "since must be a date"),
])
def test_warta_search_errors_in_one_line(db, args, message):
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 1 and message in result.output


def test_warta_serve_binds_to_loopback_by_default(db, monkeypatch):
    seen = {}
    monkeypatch.setattr("uvicorn.run", lambda application, host, port, **kw: seen.update(host=host, port=port))
    monkeypatch.setattr("warta.cli._check_listen", lambda host, port: None)  # another program may hold 8000
    monkeypatch.delenv("WARTA_TOKEN", raising=False)
    result = runner.invoke(app, ["serve", "--db", db])
    assert result.exit_code == 0, result.output
    assert seen == {"host": "127.0.0.1", "port": 8000} and "read-only" in result.output


@pytest.mark.parametrize("host", ["127.0.0.1", "nama-yang-tidak-ada.invalid"])
def test_warta_serve_says_in_one_line_where_it_cannot_listen(db, monkeypatch, host):
    import socket

    monkeypatch.setattr("uvicorn.run", lambda *a, **kw: pytest.fail("the server started"))
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", db, "--host", host, "--port", str(port)])
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert line.startswith(f"Error: cannot listen on {host}:{port}: ") and "Traceback" not in result.output


def test_warta_serve_without_a_database_fails_cleanly(tmp_path, monkeypatch):
    monkeypatch.delenv("WARTA_TOKEN", raising=False)
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no database" in result.output


def test_warta_serve_bad_body_limit_fails_in_one_line(db, monkeypatch):
    monkeypatch.setenv("WARTA_MAX_BODY", "banyak")
    result = runner.invoke(app, ["serve", "--db", db])
    assert result.exit_code == 1 and "WARTA_MAX_BODY must be a number of bytes, not 'banyak'" in result.output
