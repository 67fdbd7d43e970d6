"""Full-text search over titles and bodies: SQLite FTS5 by default, PostgreSQL full text on PostgreSQL.

Both back ends index the Indonesian roots of the words (``searchtext.roots``), so the stemming is the
same everywhere, and both rank (FTS5 ``bm25`` with the title weighted 4:1; PostgreSQL ``ts_rank_cd``
with the title in weight A). The index tables come with the store's schema (revision 0003) and are brought up to date
before each search (``sync``) when the store's generation (``meta.generation``, one more with each committed
write) has moved since the last: articles stored, replaced or deleted since are indexed or dropped, so
nothing at ingest time has to know about search.
"""

from __future__ import annotations

import json
import threading
import weakref
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sqlalchemy import Engine, Integer, String, bindparam, column, exists, func, literal_column, or_, select, table, text

from warta.errors import WartaError
from warta.store import schema
from warta.store.connect import generation
from warta.store.searchtext import highlight, index_text, query_terms, snippet

TITLE_WEIGHT = 4.0  # a query word in the title counts four body words (bm25 column weight)
BATCH = 200  # articles indexed per transaction
BODIES_KEPT = 20_000_000  # characters of article bodies kept for snippets between searches, per engine

docs = table("search_docs", column("rowid"), column("article_id"), column("stored_at"), column("tsv"))
fts = table("search_fts", column("rowid"))


# ---------------------------------------------------------------- filters shared with the article list


def check_day(name: str, value: str | None) -> str | None:
    """``value`` if it is a YYYY-MM-DD date, else a one-line error naming the parameter."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise WartaError(f"{name} must be a date like 2019-05-12, not {value!r}") from None


@dataclass(slots=True)
class ArticleFilter:
    """Filters on articles: outlet (case-insensitive), publication day range, an actor code in the article."""

    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None

    def __post_init__(self) -> None:
        self.since = check_day("since", self.since)
        self.until = check_day("until", self.until)

    def shape(self) -> tuple[str, ...]:
        """The names of the filters given: the statement depends on them, not on their values."""
        return tuple(name for name in self.__slots__ if getattr(self, name))

    def values(self) -> dict:
        """The values of the filters given, by the names of their bound parameters."""
        out: dict = {}
        if self.outlet:
            out["outlet"] = self.outlet.lower()
        if self.since:
            out["since"] = self.since
        if self.until:
            out["until"] = self.until
        if self.actor:
            out["actor"] = self.actor.upper()
            out["actor_like"] = like_prefix(self.actor.upper())
        return out


def like_prefix(text: str) -> str:
    """A LIKE pattern for the values starting with ``text``, its wildcards escaped with ``/`` (as autoescape does)."""
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


@lru_cache(maxsize=64)
def article_conditions(shape: tuple[str, ...]) -> tuple:
    """Conditions on ``schema.articles`` for the filters named, values as bound parameters (``ArticleFilter.values``)."""
    a, e = schema.articles, schema.entities
    where = []
    if "outlet" in shape:
        where.append(func.lower(a.c.outlet) == bindparam("outlet"))
    day = func.substr(a.c.published, 1, 10)
    if "since" in shape:
        where.append(day >= bindparam("since"))
    if "until" in shape:
        where.append(day <= bindparam("until"))
    if "actor" in shape:
        # RUS matches the entity coded RUS, RUSGOV, RUSMIL and any entity of Russia
        where.append(exists().where(e.c.article_id == a.c.id).where(
            or_(e.c.actor.like(bindparam("actor_like"), escape="/"), e.c.country == bindparam("actor"))))
    return tuple(where)


# ---------------------------------------------------------------- the index

_locks: "weakref.WeakKeyDictionary[Engine, threading.Lock]" = weakref.WeakKeyDictionary()
_seen: "weakref.WeakKeyDictionary[Engine, int]" = weakref.WeakKeyDictionary()  # the generation last indexed
_bodies: "weakref.WeakKeyDictionary[Engine, _Kept]" = weakref.WeakKeyDictionary()
_guard = threading.Lock()


def _lock(engine: Engine) -> threading.Lock:
    with _guard:
        return _locks.setdefault(engine, threading.Lock())


class _Kept:
    """Article bodies by id, at most ``BODIES_KEPT`` characters in all (all dropped when a new one would pass it)."""

    def __init__(self, mark: int | None):
        self.mark = mark
        self.bodies: dict[str, str | None] = {}
        self.chars = 0

    def add(self, fetched: dict[str, str | None]) -> None:
        size = sum(len(body or "") for body in fetched.values())
        if self.chars + size > BODIES_KEPT:
            self.bodies, self.chars = {}, 0
        if size <= BODIES_KEPT:
            self.bodies.update(fetched)
            self.chars += size


def _kept_bodies(engine: Engine) -> _Kept:
    """The article bodies kept for snippets at the generation last indexed: reading the body out of the stored
    JSON record (SQLite's json_extract parses all of it) was a fifth of a search's time, and the articles
    found again and again are few. A new generation (any write) starts anew."""
    mark = _seen.get(engine)
    kept = _bodies.get(engine)
    if kept is None or kept.mark != mark:
        kept = _Kept(mark)
        _bodies[engine] = kept
    return kept


def sync(engine: Engine) -> int:
    """Index the articles stored since the last sync and drop the stale entries; returns how many were indexed."""
    with engine.connect() as conn:
        mark = generation(conn)  # one row by its key: the store's count of committed writes
    if _seen.get(engine) == mark:
        return 0  # nothing written since: the common case, one cheap query and no lock
    with _lock(engine):  # one indexer per engine; the others wait for it, then find nothing left to do
        if _seen.get(engine) == mark:
            return 0
        _drop_stale(engine)
        added = _add_missing(engine)
        # what was committed up to ``mark`` is indexed now; a write since has a higher number, seen next time
        _seen[engine] = mark
        return added


def _drop_stale(engine: Engine) -> None:
    a = schema.articles
    current = exists().where(a.c.id == docs.c.article_id).where(a.c.stored_at == docs.c.stored_at)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(docs.delete().where(~current))
            return
        stale = [r[0] for r in conn.execute(select(docs.c.rowid).where(~current))]
        for start in range(0, len(stale), 500):
            chunk = stale[start:start + 500]
            conn.execute(fts.delete().where(fts.c.rowid.in_(chunk)))
            conn.execute(docs.delete().where(docs.c.rowid.in_(chunk)))


def _add_missing(engine: Engine) -> int:
    a = schema.articles
    missing = select(a.c.id).where(~exists().where(docs.c.article_id == a.c.id))
    with engine.connect() as conn:
        ids = [r[0] for r in conn.execute(missing)]
    added = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        with engine.begin() as conn:
            rows = conn.execute(select(a.c.id, a.c.title, a.c.record, a.c.stored_at).where(a.c.id.in_(chunk))).all()
            for row in rows:
                body = json.loads(row.record).get("body") or ""
                added += _insert(conn, engine.dialect.name, row.id, row.stored_at, row.title, body)
    return added


def _insert(conn, dialect: str, article_id: str, stored_at: str, title: str | None, body: str) -> int:
    values = dict(id=article_id, at=stored_at, title=index_text(title), body=index_text(body))
    if dialect == "postgresql":
        result = conn.execute(text(
            "INSERT INTO search_docs (article_id, stored_at, tsv) VALUES (:id, :at,"
            " setweight(to_tsvector('simple', :title), 'A') || setweight(to_tsvector('simple', :body), 'B'))"
            " ON CONFLICT (article_id) DO NOTHING"), values)
        return result.rowcount
    # another process may have indexed it meanwhile: the UNIQUE id makes the second insert a no-op
    result = conn.execute(text("INSERT OR IGNORE INTO search_docs (article_id, stored_at) VALUES (:id, :at)"), values)
    if result.rowcount != 1:
        return 0
    conn.execute(text("INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), :title, :body)"), values)
    return 1


# ---------------------------------------------------------------- querying


@dataclass(slots=True)
class Hit:
    """One article found: its metadata, its score and highlighted title and snippet (escaped HTML, ``<mark>``)."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float
    title_html: str
    snippet: str


@dataclass(slots=True)
class SearchResult:
    """One page of hits and the total number of matching articles."""

    query: str
    terms: list[str]
    total: int
    hits: list[Hit] = field(default_factory=list)


def _match(dialect: str):
    """The match condition and the score (higher is better) for the back end; the query is bound as ``match``."""
    if dialect == "postgresql":
        tsq = func.plainto_tsquery("simple", bindparam("match", type_=String))
        return docs.c.tsv.op("@@")(tsq), func.ts_rank_cd(docs.c.tsv, tsq)
    return text("search_fts MATCH :match"), -literal_column(f"bm25(search_fts, {TITLE_WEIGHT}, 1.0)")


def _match_value(dialect: str, terms: list[str]) -> str:
    """What ``match`` is bound to: the words for PostgreSQL, an FTS5 expression where every term must occur."""
    if dialect == "postgresql":
        return " ".join(terms)
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _body(dialect: str):
    """The body out of the stored JSON record, read by the database (records also hold every extracted item)."""
    if dialect == "postgresql":
        return literal_column("(articles.record::json ->> 'body')")
    return func.json_extract(schema.articles.c.record, "$.body")


def _index(dialect: str):
    """The index: its documents (PostgreSQL), or the FTS5 table joined to them (SQLite)."""
    if dialect == "postgresql":
        return docs
    return fts.join(docs, docs.c.rowid == fts.c.rowid)


def _indexed(dialect: str):
    """The index joined to the articles."""
    a = schema.articles
    return _index(dialect).join(a, a.c.id == docs.c.article_id)


def _synced_terms(engine: Engine, query: str) -> list[str]:
    """The query's terms (an error when it has none), the index brought up to date for them."""
    terms = query_terms(query)
    if not terms:
        raise WartaError(f"the query {query!r} has no words to search for")
    sync(engine)
    return terms


@lru_cache(maxsize=64)
def _statements(dialect: str, shape: tuple[str, ...]) -> tuple:
    """The count, the ranked page and the bodies of a search with the filters named, built once per back end and
    shape: the query, the filters' values, limit, offset and the page's ids are bound at run time."""
    a = schema.articles
    condition, score = _match(dialect)
    joined = _indexed(dialect)
    where = [condition, *article_conditions(shape)]
    count = select(func.count()).select_from(joined).where(*where)
    ranked = (select(a.c.id, a.c.title, a.c.outlet, a.c.published, score.label("score")).select_from(joined)
              .where(*where).order_by(literal_column("score").desc(), a.c.id)
              .limit(bindparam("limit", type_=Integer)).offset(bindparam("offset", type_=Integer)))
    bodies = select(a.c.id, _body(dialect).label("body")).where(a.c.id.in_(bindparam("ids", expanding=True)))
    return count, ranked, bodies


def search(engine: Engine, query: str, *, filters: ArticleFilter | None = None,
           limit: int = 20, offset: int = 0) -> SearchResult:
    """Articles whose title or body has every word of ``query`` (by root), best first, with snippets."""
    terms = _synced_terms(engine, query)
    filters = filters or ArticleFilter()
    dialect = engine.dialect.name
    count, ranked, bodies_of = _statements(dialect, filters.shape())
    values = filters.values() | {"match": _match_value(dialect, terms)}
    kept = _kept_bodies(engine)  # read before the queries begin: what they see is at least as new
    with engine.connect() as conn:
        total = conn.execute(count, values).scalar_one()
        rows = conn.execute(ranked, values | {"limit": limit, "offset": offset}).all()
        stored = kept.bodies  # one dict: another search may start a new one meanwhile
        bodies = {r.id: stored[r.id] for r in rows if r.id in stored}
        missing = [r.id for r in rows if r.id not in bodies]
        if missing:
            fetched = dict(conn.execute(bodies_of, {"ids": missing}).all())
            kept.add(fetched)
            bodies |= fetched
    result = SearchResult(query=query, terms=terms, total=total)
    for row in rows:
        body = bodies.get(row.id) or ""
        result.hits.append(Hit(row.id, row.title, row.outlet, row.published, round(float(row.score), 4),
                               highlight(row.title, terms), snippet(body, terms)))
    return result


def matching(engine: Engine, query: str):
    """A condition on ``schema.articles``: the article has every word of ``query`` (by root)."""
    terms = _synced_terms(engine, query)
    dialect = engine.dialect.name
    condition, _score = _match(dialect)
    ids = select(docs.c.article_id).select_from(_index(dialect)).where(condition)
    return schema.articles.c.id.in_(ids.params(match=_match_value(dialect, terms)))
