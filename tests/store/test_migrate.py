"""Migrations: a store made by the previous release is migrated and keeps every article; the chain is the schema."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text

from warta.article import RawDocument, Source
from warta.store import Store, migrate, schema
from warta.store.connect import engine_for, writing
from warta.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"
V1_DB = FIXTURES / "warta-v1.db"  # made by tests/store/fixtures/make_v1_db.sh with Warta at 508dca3


def _rows(path: Path, query: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def test_migrate_store_of_previous_release_keeps_every_article(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(V1_DB, db)
    before = _rows(db, "SELECT id, document, title, published, record FROM articles ORDER BY id")
    derived = {t.name: _rows(db, f"SELECT COUNT(*) FROM {t.name}") for t in schema.DERIVED}
    assert _rows(db, "SELECT value FROM meta") == [("1",)] and len(before) == 3
    with Store.open(db, create=False) as store:  # a read command migrates it
        assert store.schema_version() == SCHEMA_VERSION
        assert store.count() == 3
        assert sorted(a.id for a in store.articles()) == [r[0] for r in before]
        assert [a.id for a in store.iter_articles()] == [r[0] for r in before]  # every record still parses
    assert _rows(db, "SELECT id, document, title, published, record FROM articles ORDER BY id") == before
    assert {t.name: _rows(db, f"SELECT COUNT(*) FROM {t.name}") for t in schema.DERIVED} == derived
    assert _rows(db, "SELECT version_num FROM alembic_version") == [(migrate.revisions()[-1],)]


def test_migrate_keeps_documents_with_their_bytes_and_failures(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(V1_DB, db)
    before = _rows(db, "SELECT key, path, url, line, raw, status, error FROM documents ORDER BY key")
    with Store.open(db) as store:
        assert [f.key for f in store.failures()] == ["in/feed.jsonl:2"]
    assert _rows(db, "SELECT key, path, url, line, raw, status, error FROM documents ORDER BY key") == before


def test_migrate_marks_documents_whose_article_the_old_release_lost(tmp_path):
    # 0.1 deleted the story a.txt and b.txt shared when a.txt changed: b.txt must not stay "unchanged"
    db = tmp_path / "old.db"
    shutil.copy(V1_DB, db)
    b_text = (FIXTURES / "v1_inputs" / "b.txt").read_bytes()
    c_text = (FIXTURES / "v1_inputs" / "c.txt").read_bytes()
    raw = lambda path, data: RawDocument(Source(path=path), text=data.decode(), raw=data)  # noqa: E731
    with Store.open(db) as store:
        assert not store.is_unchanged(raw("in/b.txt", b_text))
        assert store.is_unchanged(raw("in/c.txt", c_text))  # intact documents stay no-ops


def test_migrate_newer_store_is_refused_before_anything_is_created(tmp_path):
    db = tmp_path / "new.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION + 1),))
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(Exception, match="newer than this Warta"):
        Store.open(db)
    assert db.read_bytes() == before
    assert _rows(db, "SELECT name FROM sqlite_master") == [("meta",), ("sqlite_autoindex_meta_1",)]


def test_migrate_chain_is_linear_and_numbered_like_schema_version():
    # each revision records its number in meta.schema_version; two heads mean two branches both added one
    revisions = migrate.revisions()
    assert len(revisions) == SCHEMA_VERSION
    assert revisions[0] == migrate.BASELINE_REVISION


def _described(obj, name, type_, reflected, compare_to) -> bool:
    table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", "")
    return not (table or "").startswith(schema.UNDESCRIBED_TABLES) and name != "alembic_version"


@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrate_chain_builds_exactly_the_tables_of_schema_py(db_target):
    # schema.py (what the code queries) and the revisions (what databases get) must never disagree
    with Store.open(db_target) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _described})
        diff = compare_metadata(context, schema.metadata)
        # expression indexes (lower(name)) are not compared by Alembic on SQLite: check their names at least
        if conn.dialect.name == "sqlite":
            names = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'").scalars())
        else:
            names = set(conn.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
                        .scalars())
    assert diff == []
    assert {index.name for table in schema.metadata.tables.values() for index in table.indexes} <= names


def test_migrate_from_baseline_keeps_rows_on_both_backends(db_target):
    # a store at revision 0001 (schema version 1) with rows, then opened: upgraded, nothing lost
    engine = engine_for(db_target)
    with writing(engine) as conn:
        command.upgrade(migrate.alembic_config(conn), migrate.BASELINE_REVISION)
        conn.execute(schema.documents.insert().values(key="x.txt", path="x.txt", raw=b"isi", raw_sha="0" * 64,
                                                      status="ok", article_id="a" * 16, ingested_at="t",
                                                      updated_at="t"))
        conn.execute(schema.articles.insert().values(id="a" * 16, document="x.txt", title="Judul", record="{}",
                                                     stored_at="t"))
        for value in ("2019-W12", "2019-05-14", "2020", None, "kemarin"):
            conn.execute(text("INSERT INTO events (article_id, type, date) VALUES (:a, 'CONSULT', :d)"),
                         {"a": "a" * 16, "d": value})
    with engine.connect() as conn:
        assert conn.execute(select(schema.meta.c.value)).scalar() == "1"
    engine.dispose()
    with Store.open(db_target) as store, store.engine.connect() as conn:
        assert store.schema_version() == SCHEMA_VERSION
        assert conn.execute(select(schema.articles.c.id, schema.articles.c.title)).all() == [("a" * 16, "Judul")]
        assert conn.execute(select(schema.documents.c.raw)).scalar() == b"isi"
        # a column added since (0006) is filled for the old rows: the first day each date covers
        days = dict(conn.execute(select(schema.events.c.date, schema.events.c.first_day)).all())
    assert days == {"2019-W12": "2019-03-18", "2019-05-14": "2019-05-14", "2020": "2020-01-01", None: None,
                    "kemarin": None}


def test_migrate_downgrade_to_baseline_and_back(db_target):
    with Store.open(db_target) as store:
        with writing(store.engine) as conn:
            command.downgrade(migrate.alembic_config(conn), migrate.BASELINE_REVISION)
        assert store.schema_version() == 1
    with Store.open(db_target) as store:
        assert store.schema_version() == SCHEMA_VERSION


def test_migrate_marks_the_documents_stored_with_a_failed_stage_as_partial(db_target):
    # before 0010 such a document was stored as ok, its failed stage only in the record
    from warta.article import Article, StageMark

    body = "Putin bertemu Pompeo di Sochi."
    marked = Article(body=body, stage_errors=[StageMark("actors", "failed", "RuntimeError: boom"),
                                              StageMark("quotes", "skipped", "it needs entities", cause="actors")])
    clean = Article(body="Jokowi tiba di Jakarta. \"stage_errors\": [{ dikutip dalam teks.")  # the words in a body
    with Store.open(db_target) as store:
        store.save(marked, RawDocument(Source(path="a.txt"), text=body, raw=body.encode()))
        store.save(clean, RawDocument(Source(path="b.txt"), text=clean.body, raw=clean.body.encode()))
        with writing(store.engine) as conn:
            command.downgrade(migrate.alembic_config(conn), "0009")
        assert store.schema_version() == 9 and store.failures() == []  # what the older code kept
    with Store.open(db_target) as store:
        assert store.schema_version() == SCHEMA_VERSION
        [row] = store.failures()
    assert (row.key, row.status, row.error) == ("a.txt", "partial", "stage actors failed: RuntimeError: boom; skipped: quotes")
