"""The SQLite store: idempotent re-ingest, updates without duplicates, failures kept, derived rows."""

from __future__ import annotations

import sqlite3

import pytest

from warta.article import Article, Entity, Event, EventActor, Mention, RawDocument, Source, Span, Timex
from warta.errors import WartaError
from warta.store import Store
from warta.store.schema import SCHEMA_VERSION


def make_article(body: str, **extra) -> Article:
    return Article(body=body, title=body.split(".")[0], outlet="Kompas.com", published="2019-05-12", **extra)


def make_raw(path: str, text: str) -> RawDocument:
    return RawDocument(source=Source(path=path), text=text, raw=text.encode())


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "w.db") as store:
        yield store


def test_store_records_schema_version(store):
    assert store.schema_version() == SCHEMA_VERSION


def test_store_refuses_missing_database_when_not_creating(tmp_path):
    with pytest.raises(WartaError, match="no database"):
        Store.open(tmp_path / "absent.db", create=False)


def test_store_refuses_newer_schema(tmp_path):
    path = tmp_path / "w.db"
    Store.open(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    con.commit()
    con.close()
    with pytest.raises(WartaError, match="newer than this Warta"):
        Store.open(path)


def test_store_reingest_of_same_input_is_noop(store):
    raw = make_raw("a.txt", "Presiden bertemu Menlu.")
    assert store.save(make_article("Presiden bertemu Menlu."), raw) == "added"
    assert store.is_unchanged(raw)
    assert store.save(make_article("Presiden bertemu Menlu."), raw) == "unchanged"
    assert store.count() == 1


def test_store_changed_article_is_updated_not_duplicated(store):
    store.save(make_article("Versi pertama berita."), make_raw("a.txt", "Versi pertama berita."))
    outcome = store.save(make_article("Versi kedua berita."), make_raw("a.txt", "Versi kedua berita."))
    assert outcome == "updated"
    assert store.count() == 1
    assert store.articles()[0].title == "Versi kedua berita"


def test_store_same_story_from_two_files_is_kept_once(store):
    store.save(make_article("Berita yang sama."), make_raw("a.txt", "Berita yang sama."))
    assert store.save(make_article("Berita yang sama."), make_raw("b.txt", "Berita yang sama.")) == "unchanged"
    assert store.count() == 1


def test_store_get_by_unique_prefix_roundtrips_the_record(store):
    article = make_article(
        "Putin bertemu Pompeo di Sochi.",
        entities=[Entity(id="per:vladimir-putin", name="Vladimir Putin", type="PER", country="RUS",
                         mentions=[Mention(0, 5, "Putin")])],
        timex=[Timex(0, 0, "x", "DATE", "2019-05-14")],
        events=[Event(type="CONSULT", trigger=Span(6, 13, "bertemu"), sentence=[0, 30],
                      source=EventActor("per:vladimir-putin", "Vladimir Putin", "RUSGOV"))],
    )
    store.save(article, make_raw("a.txt", article.body))
    got = store.get(article.id[:6])
    assert got.to_dict() == article.to_dict()


def test_store_unknown_id_is_a_clear_error(store):
    with pytest.raises(WartaError, match="no article with id"):
        store.get("ffffffff")


def test_store_fills_derived_tables(store):
    article = make_article(
        "Putin bertemu Pompeo.",
        entities=[Entity(id="per:vladimir-putin", name="Vladimir Putin", type="PER", mentions=[Mention(0, 5, "Putin")])],
        events=[Event(type="CONSULT", trigger=Span(6, 13, "bertemu"), sentence=[0, 21])],
    )
    store.save(article, make_raw("a.txt", article.body))
    row = store.articles()[0]
    assert (row.entities, row.events) == (1, 1)


def test_store_keeps_failures_with_reason_and_bytes(store):
    store.save_failure(Source(path="bad.jsonl", line=3), "line 3: invalid JSON", b"{oops")
    [failure] = store.failures()
    assert failure.key == "bad.jsonl:3" and "invalid JSON" in failure.error
    [(source, raw)] = store.failed_documents()
    assert source.line == 3 and raw == b"{oops"


def test_store_success_after_failure_clears_the_failure(store):
    store.save_failure(Source(path="a.txt"), "empty file", b"")
    store.save(make_article("Sekarang ada isinya."), make_raw("a.txt", "Sekarang ada isinya."))
    assert store.failures() == []
