"""The store, on SQLite and PostgreSQL: idempotent re-ingest, updates without duplicates, shared articles, failures kept."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from warta.article import Article, Entity, Event, EventActor, Mention, RawDocument, Source, Span, Timex
from warta.errors import WartaError
from warta.store import Store, schema
from warta.store.schema import SCHEMA_VERSION


def make_article(body: str, **extra) -> Article:
    return Article(body=body, title=body.split(".")[0], outlet="Kompas.com", published="2019-05-12", **extra)


def make_raw(path: str, text: str) -> RawDocument:
    return RawDocument(source=Source(path=path), text=text, raw=text.encode())


@pytest.fixture
def store(db_target):
    with Store.open(db_target) as store:
        yield store


def test_store_records_schema_version(store):
    assert store.schema_version() == SCHEMA_VERSION


def test_store_refuses_missing_database_when_not_creating(tmp_path):
    with pytest.raises(WartaError, match="no database"):
        Store.open(tmp_path / "absent.db", create=False)


def test_store_refuses_newer_schema(db_target):
    with Store.open(db_target) as store, store.engine.begin() as conn:
        conn.execute(update(schema.meta).values(value=str(SCHEMA_VERSION + 1)))
    with pytest.raises(WartaError, match="newer than this Warta"):
        Store.open(db_target)


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


def _documents(store) -> dict[str, str | None]:
    d = schema.documents
    with store.engine.connect() as conn:
        return dict(conn.execute(select(d.c.key, d.c.article_id)).all())


def _article_ids(store) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.execute(select(schema.articles.c.id)).scalars())


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


def test_an_article_with_a_failed_stage_is_stored_as_partial_with_the_stages(store):
    from warta.article import StageMark

    article = make_article("Putin bertemu Pompeo.", stage_errors=[
        StageMark("quotes", "failed", "RuntimeError: boom\nsecond line"),
        StageMark("events", "skipped", "it needs quotes from stage quotes, which failed", cause="quotes")])
    raw = make_raw("a.txt", article.body)
    assert store.save(article, raw) == "added"
    [row] = store.failures()
    assert (row.key, row.status) == ("a.txt", "partial")
    assert row.error == "stage quotes failed: RuntimeError: boom second line; skipped: events"
    assert store.count() == 1 and store.get(article.id).stage_errors == article.stage_errors  # nothing lost
    # re-ingesting the same bytes is a no-op; `--retry` runs it again
    assert store.is_unchanged(raw) and not store.is_unchanged(raw, retry=True)
    assert store.failed_documents() == [(Source(path="a.txt"), raw.raw)]
    # run again with every stage: the same article, now ok
    assert store.save(make_article("Putin bertemu Pompeo."), raw) == "updated"
    assert store.failures() == [] and store.is_unchanged(raw, retry=True)


def test_store_success_after_failure_clears_the_failure(store):
    store.save_failure(Source(path="a.txt"), "empty file", b"")
    store.save(make_article("Sekarang ada isinya."), make_raw("a.txt", "Sekarang ada isinya."))
    assert store.failures() == []


def test_store_editing_one_copy_of_a_shared_story_keeps_both_articles(store):
    # issue 15: a.txt and b.txt hold the same story; a.txt is edited: b's article stays, a's is added
    shared, edited = make_article("Berita yang sama."), make_article("Berita yang sama, diperbarui.")
    store.save(shared, make_raw("a.txt", "Berita yang sama."))
    store.save(shared, make_raw("b.txt", "Berita yang sama."))
    assert store.save(edited, make_raw("a.txt", "Berita yang sama, diperbarui.")) == "updated"
    assert _article_ids(store) == {shared.id, edited.id}
    assert _documents(store) == {"a.txt": edited.id, "b.txt": shared.id}
    assert store.get(shared.id).body == "Berita yang sama."


def test_store_shared_story_is_deleted_after_the_last_document_moves_away(store):
    first, second = make_article("Berita lama."), make_article("Berita baru sekali.")
    for path in ("a.txt", "b.txt", "c.txt"):
        store.save(first, make_raw(path, "Berita lama."))
    for n, path in enumerate(("a.txt", "b.txt", "c.txt")):
        store.save(second, make_raw(path, f"Berita baru sekali. {n}"))
        # while one document still holds the old story, it stays
        assert (first.id in _article_ids(store)) is (path != "c.txt")
    assert _article_ids(store) == {second.id}
    assert set(_documents(store).values()) == {second.id}


def test_store_no_document_points_at_nothing_after_any_sequence_of_edits(store):
    bodies = ["Satu berita.", "Dua berita.", "Tiga berita."]
    steps = [("a.txt", 0), ("b.txt", 0), ("a.txt", 1), ("c.txt", 1), ("b.txt", 2), ("a.txt", 0), ("c.txt", 2),
             ("b.txt", 0)]
    for n, (path, which) in enumerate(steps):
        store.save(make_article(bodies[which]), make_raw(path, f"{bodies[which]} {n}"))
        documents, ids = _documents(store), _article_ids(store)
        assert set(documents.values()) == ids  # every document's article exists, no article without a document


def test_store_article_row_follows_a_document_that_still_holds_it(store):
    shared = make_article("Berita bersama.")
    store.save(shared, make_raw("a.txt", "Berita bersama."))
    store.save(shared, make_raw("b.txt", "Berita bersama."))
    store.save(make_article("Lain sama sekali."), make_raw("a.txt", "Lain sama sekali."))
    with store.engine.connect() as conn:
        owner = conn.execute(select(schema.articles.c.document).where(schema.articles.c.id == shared.id)).scalar()
    assert owner == "b.txt"


def test_store_failed_reread_keeps_the_article(store):
    article = make_article("Isi berita yang baik.")
    store.save(article, make_raw("a.txt", "Isi berita yang baik."))
    store.save_failure(Source(path="a.txt"), "empty file", b"")
    assert _article_ids(store) == {article.id}
    assert [f.key for f in store.failures()] == ["a.txt"]


def test_an_unchanged_resave_leaves_the_generation(store):
    from warta.store.connect import generation

    raw = make_raw("a.txt", "Presiden bertemu Menlu.")
    assert store.save(make_article("Presiden bertemu Menlu."), raw) == "added"
    with store.engine.connect() as conn:
        before = generation(conn)
    assert store.save(make_article("Presiden bertemu Menlu."), raw) == "unchanged"
    with store.engine.connect() as conn:
        assert generation(conn) == before > 0
    assert store.save(make_article("Presiden bertemu Menlu lagi."), make_raw("a.txt", "Presiden bertemu Menlu lagi.")) == "updated"
    with store.engine.connect() as conn:
        assert generation(conn) == before + 1
