"""`warta events`: stored events queried by actor, dyad, type and date range."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from warta.article import RawDocument, Source
from warta.cli import app
from warta.events import annotate
from warta.store.events import first_day
from warta.store import Store

from tests.events.conftest import make_article

BODIES = [
    ("a.txt", "Pada 6 Mei 2019, Pompeo bertemu Lavrov di Sochi.", [("6 Mei 2019", "2019-05-06")]),
    ("b.txt", "Rusia menolak desakan Amerika Serikat pekan itu.", [("pekan itu", "2019-W12")]),
    ("c.txt", "Uni Eropa menjatuhkan sanksi terhadap Rusia pada 2022.", [("2022", "2022")]),
]


@pytest.fixture
def db(db_target):
    # on SQLite and on PostgreSQL (tests/store/conftest.py)
    with Store.open(db_target) as store:
        for name, body, timex in BODIES:
            art, doc = make_article(body, timex=timex)
            art.entities[0].actor = art.entities[0].country + "GOV" if art.entities[0].type == "PER" else art.entities[0].actor
            store.save(annotate(art, doc), RawDocument(Source(path=name), text=body, raw=body.encode()))
    return db_target


def _run(*args):
    return CliRunner().invoke(app, ["events", *args])


@pytest.mark.parametrize("args,expected", [
    ([], ["CONSULT", "REJECT", "SANCTION"]),  # oldest first: 2019-05-06 sorts after the week of 2019-03-18
    (["--dyad", "RUS-USA"], ["REJECT"]),
    (["--actor", "USA"], ["CONSULT", "REJECT"]),  # USA also matches USAGOV (Pompeo)
    (["--actor", "eu"], ["SANCTION"]),  # codes are case-insensitive
    (["--type", "consult"], ["CONSULT"]),
    (["--since", "2019-04-01", "--until", "2019-12-31"], ["CONSULT"]),
    (["--since", "2020-01-01"], ["SANCTION"]),  # a year value counts from its first day
    (["--since", "2019-03-18", "--until", "9999-12-31"], ["CONSULT", "REJECT", "SANCTION"]),  # the week counts
    (["--since", "0001-01-01", "--until", "2019-03-17"], []),
    (["--actor", "%"], []),  # LIKE wildcards are literal: not every event (issue 15)
    (["--actor", "_US"], []),
    (["--dyad", "%-%"], []),
])
def test_warta_events_filters_stored_events(db, args, expected):
    result = _run("--db", db, "--json", *args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["type"] for r in rows) == sorted(expected)


def test_warta_events_table_shows_the_dyad(db):
    result = _run("--db", db, "--dyad", "USA-RUS")
    # the table wraps long cells: look for words, not whole cells
    assert result.exit_code == 0 and {"CONSULT", "Pompeo", "Lavrov"} <= set(result.stdout.split())


@pytest.mark.parametrize("args,message", [
    (["--type", "MEET"], "not a PLOVER type"),
    (["--dyad", "RUS"], "--dyad must look like RUS-USA"),
    (["--since", "kemarin"], "--since must be a date"),
])
def test_warta_events_rejects_bad_filters_in_one_line(db, args, message):
    result = _run("--db", db, *args)
    assert result.exit_code == 1 and message in " ".join(result.output.split())


def test_warta_events_without_a_database_fails_cleanly(tmp_path):
    result = _run("--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "no database" in result.output


@pytest.mark.parametrize("value,day", [
    ("2019-05-06", "2019-05-06"), ("2019-05", "2019-05-01"), ("2019", "2019-01-01"),
    ("2019-W12", "2019-03-18"), ("2019-W12-WE", "2019-03-18"), ("PRESENT_REF", None),
])
def test_first_day_of_a_timeml_value(value, day):
    got = first_day(value)
    assert (got.isoformat() if got else None) == day
