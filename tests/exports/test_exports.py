"""Exports: every kind in JSONL, CSV and Parquet with the right row counts; events as a GDELT-style table; CLI and API."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tests.serve.corpus import build
from warta import exports
from warta.cli import app
from warta.store import Store

COUNTS = {"articles": 6, "entities": 7, "quotes": 2, "events": 7, "stories": 5}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("exports") / "w.db")


def _export(db, kind, format) -> bytes:
    out = io.BytesIO()
    with Store.open(db, create=False) as store:
        exports.export(store.engine, kind, format, out)
    return out.getvalue()


@pytest.mark.parametrize("kind", sorted(COUNTS))
def test_export_jsonl_csv_parquet_have_one_row_per_item(db, kind):
    lines = _export(db, kind, "jsonl").decode().splitlines()
    assert len(lines) == COUNTS[kind] and all(json.loads(line) for line in lines)
    rows = list(csv.DictReader(io.StringIO(_export(db, kind, "csv").decode())))
    assert len(rows) == COUNTS[kind]
    table = pq.read_table(io.BytesIO(_export(db, kind, "parquet")))
    assert table.num_rows == COUNTS[kind] and table.column_names == exports.columns(kind, "parquet")


def test_export_articles_jsonl_are_full_records(db):
    first = json.loads(_export(db, "articles", "jsonl").decode().splitlines()[0])
    assert {"body", "entities", "quotes", "events", "timex"} <= set(first)


def test_export_csv_keeps_markup_and_lists_as_text(db):
    rows = list(csv.DictReader(io.StringIO(_export(db, "articles", "csv").decode())))
    script = next(r for r in rows if r["title"].startswith("<script>"))
    assert "<b>Tebal</b>" in script["body"] and script["outlet"] == "Tribunnews.com"


def test_export_gdelt_has_one_row_per_event_with_date_actors_codes_and_url(db):
    text = _export(db, "events", "gdelt").decode()
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t"))
    assert len(rows) == COUNTS["events"]
    sanction = next(r for r in rows if r["EventCode"] == "SANCTION")
    assert (sanction["SQLDATE"], sanction["Actor1Code"], sanction["Actor2Code"], sanction["QuadClass"],
            sanction["SOURCEURL"]) == ("20230223", "EU", "RUS", "4", "https://example.id/detik/sanksi")
    month = next(r for r in rows if r["Date"] == "2022-10")
    assert month["SQLDATE"] == "20221001" and month["DatePrecision"] == "month"


def test_export_gdelt_is_for_events_only(db):
    with pytest.raises(Exception, match="gdelt format is a table of events"):
        _export(db, "quotes", "gdelt")


def test_warta_export_writes_a_file(db, tmp_path):
    out = tmp_path / "events.parquet"
    result = CliRunner().invoke(app, ["export", "events", "--db", db, "--format", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "7 events written" in result.output and pq.read_table(out).num_rows == 7


@pytest.mark.parametrize("args,message", [
    (["export", "events", "--format", "xlsx"], "unknown --format 'xlsx'"),
    (["export", "people"], "unknown export 'people'"),
    (["export", "quotes", "--format", "gdelt"], "gdelt format is a table of events"),
])
def test_warta_export_bad_arguments_fail_in_one_line(db, args, message):
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == 1 and message in result.output


def test_api_export_events_csv_follows_the_filters(db):
    from fastapi.testclient import TestClient

    from warta.serve import create_app

    with TestClient(create_app(db)) as client:
        response = client.get("/api/export/events?format=csv&dyad=RUS-UKR")
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
        assert 'filename="warta-events.csv"' in response.headers["content-disposition"]
        assert len(list(csv.DictReader(io.StringIO(response.text)))) == 3
        parquet = client.get("/api/export/quotes?format=parquet")
        assert pq.read_table(io.BytesIO(parquet.content)).num_rows == COUNTS["quotes"]


def test_a_stage_that_failed_is_marked_in_the_stored_record_and_the_exports(tmp_path):
    from warta.article import Article, RawDocument, Source, StageMark

    article = Article(body="Menlu bertemu mitranya di Jakarta.", title="Uji")
    article.stage_errors = [StageMark("quotes", "failed", "RuntimeError: boom"),
                            StageMark("events", "skipped", "it needs quotes from stage quotes, which failed", "quotes")]
    with Store.open(tmp_path / "w.db") as store:
        store.save(article, RawDocument(Source(path="uji.txt"), text=article.body, raw=article.body.encode()))
        assert store.get(article.id).stage_errors == article.stage_errors
    record = json.loads(_export(tmp_path / "w.db", "articles", "jsonl").decode())
    assert [m["status"] for m in record["stage_errors"]] == ["failed", "skipped"]
    [row] = csv.DictReader(io.StringIO(_export(tmp_path / "w.db", "articles", "csv").decode()))
    assert row["stage_errors"] == "quotes: failed; events: skipped"


def test_furniture_facts_survive_the_store_and_the_articles_export(tmp_path):
    # Entity.in_removed and Timex.part point into removed lines, not the body: kept in the stored
    # record and the JSONL export, left out of the store's body-offset timex rows
    from sqlalchemy import select

    from warta.article import Article, Entity, Mention, RawDocument, Removed, RemovedMention, Source, Timex
    from warta.store import schema

    article = Article(body="Menlu bertemu mitranya di Jakarta.", title="Uji",
                      removed=[Removed("Penulis: Dewi Lestari | 6 Januari 2025", "byline")],
                      entities=[Entity("loc:jakarta", "Jakarta", "GPE", mentions=[Mention(26, 33, "Jakarta")]),
                                Entity("per:dewi-lestari", "Dewi Lestari", "PER",
                                       in_removed=[RemovedMention(0, 9, 21, "Dewi Lestari", "credit")])],
                      timex=[Timex(24, 38, "6 Januari 2025", "DATE", "2025-01-06", part="removed:0")])
    with Store.open(tmp_path / "w.db") as store:
        store.save(article, RawDocument(Source(path="uji.txt"), text=article.body, raw=article.body.encode()))
        assert store.get(article.id).to_dict() == article.to_dict()
        with store.engine.connect() as conn:
            assert conn.execute(select(schema.timex)).all() == []
    record = json.loads(_export(tmp_path / "w.db", "articles", "jsonl").decode())
    assert record["timex"][0]["part"] == "removed:0"
    assert record["entities"][1]["in_removed"][0]["line"] == 0
