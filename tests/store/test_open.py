"""Opening a database that is not a healthy Warta store: one clear line, and nothing written to it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import app
from warta.errors import WartaError
from warta.store import Store

runner = CliRunner()


def _sqlite(path: Path, *statements: str) -> Path:
    con = sqlite3.connect(path)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()
    return path


def _garbage(path: Path) -> Path:
    path.write_bytes(b"\x00\x01 this is not a database \xff" * 200)
    return path


def _foreign(path: Path) -> Path:
    # another application's SQLite database: tables, no Warta meta
    return _sqlite(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)",
                   "INSERT INTO customers (name) VALUES ('Budi')")


def _meta(value: str | None):
    def make(path: Path) -> Path:
        rows = [f"INSERT INTO meta VALUES ('schema_version', '{value}')"] if value is not None else []
        return _sqlite(path, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)", *rows)
    return make


def _tables(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    finally:
        con.close()


BAD = [
    # (maker, message): each a database no Warta command may write to
    (_garbage, "is not a SQLite database"),
    (_foreign, r"is not a Warta database \(it holds other tables: customers\)"),
    (_meta(None), "has no Warta schema version"),
    (_meta("abc"), r"schema version that is not a number \('abc'\)"),
    (_meta("1.5"), "not a number"),
    (_meta("99"), "has schema version 99, newer than this Warta"),
]


@pytest.mark.parametrize("create", [True, False], ids=["ingest", "read"])
@pytest.mark.parametrize("make,message", BAD, ids=["garbage", "foreign", "unversioned", "non-numeric", "float",
                                                   "newer"])
def test_open_bad_database_is_one_clear_error_and_nothing_is_written(tmp_path, make, message, create):
    db = make(tmp_path / "x.db")
    before = db.read_bytes()
    with pytest.raises(WartaError, match=message) as caught:
        Store.open(db, create=create)
    assert "\n" not in str(caught.value) and str(db) in str(caught.value)
    assert db.read_bytes() == before  # no tables, no WAL switch, no version row
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]  # no -wal or -journal left either


def test_open_foreign_database_keeps_its_journal_mode(tmp_path):
    db = _foreign(tmp_path / "app.db")
    with pytest.raises(WartaError):
        Store.open(db)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()
    assert _tables(db) == ["customers"]


def test_open_empty_file_without_create_asks_for_ingest(tmp_path):
    db = tmp_path / "empty.db"
    db.touch()
    with pytest.raises(WartaError, match="has no Warta tables yet; run `warta ingest"):
        Store.open(db, create=False)
    assert db.read_bytes() == b""


def test_open_folder_is_a_clear_error(tmp_path):
    with pytest.raises(WartaError, match="is a folder"):
        Store.open(tmp_path)


def test_open_read_only_database_for_writing_is_refused_and_reading_works(tmp_path):
    db = tmp_path / "w.db"
    Store.open(db).close()
    read_only = f"sqlite:///file:{db}?mode=ro&uri=true"  # what a file without write permission gives
    with pytest.raises(WartaError, match="is read-only: Warta cannot write to it"):
        Store.open(read_only)
    with Store.open(read_only, create=False) as store:
        assert store.count() == 0


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes to read-only files")
def test_open_read_only_file_for_ingest_is_refused(tmp_path):
    db = tmp_path / "w.db"
    Store.open(db).close()
    db.chmod(0o444)
    with pytest.raises(WartaError, match="read-only"):
        Store.open(db)


def test_open_new_database_uses_wal(tmp_path):
    db = tmp_path / "w.db"
    Store.open(db).close()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


@pytest.mark.parametrize("command", [["list"], ["show", "abc"], ["entities"], ["events"], ["ingest", "nothing.txt"]])
@pytest.mark.parametrize("make", [_garbage, _foreign, _meta("abc")], ids=["garbage", "foreign", "non-numeric"])
def test_open_cli_prints_one_line_and_exits_1(tmp_path, command, make):
    db = make(tmp_path / "x.db")
    result = runner.invoke(app, [*command, "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and str(db) in lines[0], result.output
    assert "Traceback" not in result.output and "[SQL" not in result.output


def test_open_cli_real_process_has_no_traceback(tmp_path):
    db = _garbage(tmp_path / "x.db")
    done = subprocess.run([sys.executable, "-c", "from warta.cli import run; run()", "list", "--db", str(db)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == f"Error: {db} is not a SQLite database (is it the right file?)"


def test_open_unreachable_postgresql_is_one_line(tmp_path):
    # port 1: nothing listens; the message names the server without a password, no traceback
    with pytest.raises(WartaError) as caught:
        Store.open("postgresql://warta:secret@127.0.0.1:1/test", create=False)
    message = str(caught.value)
    assert "\n" not in message and "cannot connect" in message and "secret" not in message


def test_open_a_postgresql_server_that_never_answers_times_out_in_one_line(monkeypatch):
    # a server (or a firewall) that accepts the connection and says nothing: libpq alone would wait for ever
    import socket
    import time

    from warta.store import connect

    monkeypatch.setattr(connect, "PG_CONNECT_TIMEOUT", 1)
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(WartaError) as caught:
            Store.open(f"postgresql://warta:secret@127.0.0.1:{port}/test", create=False)
        assert time.monotonic() - started < 10
    message = str(caught.value)
    assert "\n" not in message and "cannot connect" in message and "timeout" in message and "secret" not in message


def test_open_unknown_url_scheme_is_one_line():
    with pytest.raises(WartaError, match="unsupported database URL"):
        Store.open("nosuchdb://host/x")
