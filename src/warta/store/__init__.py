"""Persistence: the SQLite store (any SQLAlchemy URL, e.g. PostgreSQL, at scale).

A `Store` keeps every input document with its raw bytes and status, the JSON article record,
and rows for the derived items (entities, mentions, timex, quotes, events) so later stages and
the query commands can use plain SQL.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, delete, func, insert, select, update

from warta.article import Article, RawDocument, Source, body_quotes, body_timex
from warta.errors import WartaError
from warta.store import migrate, schema
from warta.store.counts import EntityCounts
from warta.store.connect import database_errors, display_name, engine_for, writing, wrote_nothing
from warta.store.events import first_day

__all__ = ["RETRIED", "Store", "StoredArticle", "StoredFailure", "derived_rows", "document_key", "raw_sha"]


# the statuses of a stored document: ``ok``; ``partial``, its article is stored but a stage failed on it
# (``error`` says which); ``failed``, no article (``error`` says why). `--failed` lists and `--retry` re-runs:
RETRIED = ("failed", "partial")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def document_key(source: Source) -> str:
    """Where a document lives: its URL, else its path (with the JSONL line number)."""
    if source.url:
        return source.url
    path = source.path or "<stdin>"
    return f"{path}:{source.line}" if source.line else path


def raw_sha(raw: bytes) -> str:
    """SHA-256 of the raw bytes, to tell an unchanged re-ingest from a changed article."""
    return hashlib.sha256(raw).hexdigest()


@dataclass(slots=True)
class StoredArticle:
    """One row of `warta list`."""

    id: str
    outlet: str | None
    title: str | None
    published: str | None
    entities: int
    events: int


@dataclass(slots=True)
class StoredFailure:
    """A document that failed, with its reason."""

    key: str
    error: str
    updated_at: str
    status: str = "failed"  # failed (nothing stored) | partial (stored, but a stage failed: ``error`` says which)


def _guarded(method):
    """Run a store method with database errors turned into one-line `WartaError`s."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with database_errors(self.target):
            return method(self, *args, **kwargs)

    return wrapper


class Store:
    """The article store; use as a context manager: ``with Store.open("warta.db") as store``."""

    def __init__(self, engine: Engine, target: str = ""):
        self.engine = engine
        self.target = target or str(engine.url)

    # ------------------------------------------------------------------ opening and schema

    @classmethod
    def open(cls, target: str | Path = "warta.db", *, create: bool = True) -> "Store":
        """Open the store at a path or URL: check it, then create or migrate it (see `warta.store.migrate`)."""
        target = str(target)
        name = display_name(target)
        if "://" not in target:
            path = Path(target)
            if not create and not path.exists():
                raise WartaError(f"no database at {target}; run `warta ingest PATH` first or pass --db")
            if path.is_dir():
                raise WartaError(f"{target} is a folder, not a database file; give a file name with --db")
        engine = engine_for(target)
        try:
            with database_errors(target):
                migrate.prepare(engine, name, create=create)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, target)

    @_guarded
    def schema_version(self) -> int:
        """The schema version recorded in the database."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar_one())

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    @_guarded
    def is_unchanged(self, raw: RawDocument, *, retry: bool = False) -> bool:
        """True when this exact input was already stored (re-ingest is a no-op). A document stored with a
        failed stage (``partial``) counts as stored unless ``retry`` (`warta ingest --retry` runs it again)."""
        key = document_key(raw.source)
        with self.engine.connect() as conn:
            row = conn.execute(
                select(schema.documents.c.raw_sha, schema.documents.c.status).where(schema.documents.c.key == key)
            ).first()
        stored = ("ok",) if retry else ("ok", "partial")
        return row is not None and row.status in stored and row.raw_sha == raw_sha(raw.raw)

    @_guarded
    def save(self, article: Article, raw: RawDocument, *, record: str | None = None) -> str:
        """Store an article and its raw input; returns ``added``, ``updated`` or ``unchanged``.
        ``record``: the article's JSON record when made already (``pipeline.Processed.record``).
        An article on which a stage failed (``Article.stage_errors``) is stored with its document's status
        ``partial`` and the stages that failed as the error: `warta list --failed` lists it, `--retry` runs it again.

        Several documents may hold the same story (one article row, found by its id); an article is
        kept until the last document pointing at it moves to another article.
        """
        key = document_key(raw.source)
        sha = raw_sha(raw.raw)
        now = _now()
        d, a = schema.documents, schema.articles
        counts = EntityCounts()  # entity_counts, changed in this transaction with the entity rows
        problem = article.stage_failure()
        status = "partial" if problem else "ok"
        with writing(self.engine) as conn:
            doc = conn.execute(select(d.c.status, d.c.raw_sha, d.c.article_id).where(d.c.key == key)).first()
            if doc is not None and doc.status == "ok" == status and doc.raw_sha == sha:
                wrote_nothing(conn)  # the servers' cached answers stay valid
                return "unchanged"
            previous = doc.article_id if doc is not None else None
            stored = conn.execute(select(a.c.document).where(a.c.id == article.id)).first()
            values = dict(
                path=raw.source.path, url=raw.source.url, line=raw.source.line, raw=raw.raw, raw_sha=sha,
                status=status, error=problem, article_id=article.id, updated_at=now,
            )
            if doc is None:
                conn.execute(insert(d).values(key=key, ingested_at=now, **values))
            else:
                conn.execute(update(d).where(d.c.key == key).values(**values))
            if stored is None:
                self._insert_article(conn, article, key, now, counts, record)
                outcome = "updated" if previous else "added"
            elif stored.document == key or previous == article.id:
                # this document's own article, re-extracted (e.g. a new title over the same body): replace it
                self._delete_article(conn, article.id, counts)
                self._insert_article(conn, article, stored.document or key, now, counts, record)
                outcome = "updated"
            else:
                outcome = "unchanged"  # the same story, already stored from another document: kept once
            if previous and previous != article.id:
                self._release(conn, previous, key, counts)
            counts.apply(conn)
        return outcome

    @_guarded
    def save_failure(self, source: Source, reason: str, raw: bytes = b"") -> None:
        """Record a document that failed, keeping its bytes so it can be retried.

        An article the document held before stays (and the document keeps pointing at it): a failed
        re-read loses nothing.
        """
        key = document_key(source)
        now = _now()
        d = schema.documents
        with writing(self.engine) as conn:
            exists = conn.execute(select(d.c.key).where(d.c.key == key)).first()
            values = dict(
                path=source.path, url=source.url, line=source.line, raw=raw, raw_sha=raw_sha(raw),
                status="failed", error=reason, updated_at=now,
            )
            if exists:
                conn.execute(update(d).where(d.c.key == key).values(**values))
            else:
                conn.execute(insert(d).values(key=key, ingested_at=now, article_id=None, **values))

    @classmethod
    def _release(cls, conn, article_id: str, moved: str, counts: EntityCounts) -> None:
        """Document ``moved`` no longer holds ``article_id``: delete the article if no other document does."""
        d, a = schema.documents, schema.articles
        holder = conn.execute(
            select(d.c.key).where(d.c.article_id == article_id, d.c.key != moved).order_by(d.c.key).limit(1)
        ).scalar()
        if holder is None:
            cls._delete_article(conn, article_id, counts)
        else:  # the article stays; it now belongs to a document that still holds it
            conn.execute(update(a).where(a.c.id == article_id, a.c.document == moved).values(document=holder))

    @staticmethod
    def _delete_article(conn, article_id: str, counts: EntityCounts) -> None:
        counts.remove(conn, article_id)
        for table in schema.DERIVED:
            conn.execute(delete(table).where(table.c.article_id == article_id))
        conn.execute(delete(schema.articles).where(schema.articles.c.id == article_id))

    @staticmethod
    def _insert_article(conn, article: Article, key: str, now: str, counts: EntityCounts,
                        record: str | None = None) -> None:
        conn.execute(
            insert(schema.articles).values(
                id=article.id, document=key, outlet=article.outlet, title=article.title,
                published=article.published, language=article.language,
                record=record or article.to_json(), stored_at=now,
            )
        )
        for table, rows in derived_rows(article):
            if rows:
                conn.execute(insert(table), rows)
            if table is schema.entities:
                counts.add(rows)

    # ------------------------------------------------------------------ reading

    @_guarded
    def count(self) -> int:
        """Number of stored articles."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()

    @_guarded
    def articles(self, *, limit: int = 50) -> list[StoredArticle]:
        """The newest articles first, with their entity and event counts."""
        a, e, v = schema.articles, schema.entities, schema.events
        # the page first, then the counts for its rows only (not for every article before the sort)
        order = (a.c.published.desc().nulls_last(), a.c.id)
        page = select(a.c.id, a.c.outlet, a.c.title, a.c.published).order_by(*order).limit(limit).subquery()
        n_ent = select(func.count()).where(e.c.article_id == page.c.id).scalar_subquery()
        n_ev = select(func.count()).where(v.c.article_id == page.c.id).scalar_subquery()
        query = select(page.c.id, page.c.outlet, page.c.title, page.c.published, n_ent, n_ev).order_by(
            page.c.published.desc().nulls_last(), page.c.id)
        with self.engine.connect() as conn:
            return [StoredArticle(*row) for row in conn.execute(query)]

    @_guarded
    def get(self, id_prefix: str) -> Article:
        """The article whose id starts with ``id_prefix`` (must be unique)."""
        a = schema.articles
        prefix = id_prefix.strip().lower()  # ids are lower-case hex
        where = [a.c.id.startswith(prefix, autoescape=True)]
        if prefix:  # the same rows as a range of the primary key, which the index finds (LIKE it cannot)
            where += [a.c.id >= prefix, a.c.id < prefix[:-1] + chr(ord(prefix[-1]) + 1)]
        with self.engine.connect() as conn:
            rows = conn.execute(select(a.c.id, a.c.record).where(*where).limit(2)).all()
        if not rows:
            raise WartaError(f"no article with id {id_prefix!r}; `warta list` shows the ids")
        if len(rows) > 1:
            raise WartaError(f"id prefix {id_prefix!r} is ambiguous; give more characters")
        return Article.from_dict(json.loads(rows[0].record))

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article record, for corpus stages and exports."""
        with database_errors(self.target), self.engine.connect() as conn:
            for row in conn.execute(select(schema.articles.c.record).order_by(schema.articles.c.id)):
                yield Article.from_dict(json.loads(row.record))

    @_guarded
    def failures(self, *, limit: int | None = None) -> list[StoredFailure]:
        """Documents that failed or were stored with a failed stage (``partial``), newest first."""
        d = schema.documents
        query = select(d.c.key, d.c.error, d.c.updated_at, d.c.status).where(
            d.c.status.in_(RETRIED)).order_by(d.c.updated_at.desc())
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [StoredFailure(*row) for row in conn.execute(query)]

    @_guarded
    def failed_documents(self) -> list[tuple[Source, bytes]]:
        """Source and raw bytes of every failed or ``partial`` document, for `warta ingest --retry`."""
        d = schema.documents
        with self.engine.connect() as conn:
            rows = conn.execute(select(d.c.path, d.c.url, d.c.line, d.c.raw).where(d.c.status.in_(RETRIED))).all()
        return [(Source(path=r.path, url=r.url, line=r.line), r.raw or b"") for r in rows]


def derived_rows(article: Article) -> list[tuple]:
    """Rows of the derived tables for one article: ``[(table, [row dict, …]), …]``."""
    aid = article.id
    ents = [
        dict(article_id=aid, entity_id=e.id, name=e.name, type=e.type, country=e.country, actor=e.actor,
             linked=e.linked, mention_count=len(e.mentions))
        for e in article.entities
    ]
    ments = [
        dict(article_id=aid, entity_id=e.id, start=m.start, end=m.end, text=m.text)
        for e in article.entities
        for m in e.mentions
    ]
    tx = [dict(article_id=aid, start=t.start, end=t.end, text=t.text, type=t.type, value=t.value) for t in body_timex(article)]
    qs = [
        dict(article_id=aid, speaker=q.speaker, speaker_text=q.speaker_text, text=q.text, start=q.start, end=q.end,
             direct=q.direct, cue=q.cue, via=q.via)
        for q in body_quotes(article)
    ]
    evs = [
        dict(
            article_id=aid, type=ev.type, mode=ev.mode, quad_class=ev.quad_class,
            source_entity=ev.source.entity, source_name=ev.source.name, source_actor=ev.source.actor,
            target_entity=ev.target.entity, target_name=ev.target.name, target_actor=ev.target.actor,
            date=ev.date, date_precision=ev.date_precision, location=ev.location, negated=ev.negated,
            planned=ev.planned, trigger_text=ev.trigger.text, start=ev.trigger.start, end=ev.trigger.end,
            sentence_start=ev.sentence[0] if ev.sentence else None,
            sentence_end=ev.sentence[1] if ev.sentence else None, confidence=ev.confidence,
            first_day=day.isoformat() if (day := first_day(ev.date)) else None,
        )
        for ev in article.events
    ]
    return [(schema.entities, ents), (schema.mentions, ments), (schema.timex, tx), (schema.quotes, qs), (schema.events, evs)]
