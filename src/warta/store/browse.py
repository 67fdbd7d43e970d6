"""Read queries over the store for the API, the web UI and the exports: filtered, counted, one page at a time.

Every function takes an engine (or store) and plain filter values and returns plain data (dicts and
lists), so the API can type it, the pages can render it and the exports can write it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Engine, Integer, and_, bindparam, func, or_, select
from sqlalchemy import text as sql_text

from warta.article import EVENT_TYPES, QUAD_CLASS, Article
from warta.errors import WartaError
from warta.store import schema
from warta.store.counts import filters, summaries
from warta.store.search import ArticleFilter, article_conditions, check_day, like_prefix, matching

QUAD_CLASSES = ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict")


class NotFound(WartaError):
    """The thing asked for is not in the store."""


# ---------------------------------------------------------------- articles


def article_rows(engine: Engine, filters: ArticleFilter, *, text: str | None = None,
                 limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
    """Articles matching the filters (and the words of ``text``), newest first, with their item counts."""
    a, e, v, q, d = schema.articles, schema.entities, schema.events, schema.quotes, schema.documents
    where = list(article_conditions(filters.shape()))  # their values are bound when the statements run
    if text:
        where.append(matching(engine, text))
    counts = [select(func.count()).where(t.c.article_id == a.c.id).scalar_subquery().label(name)
              for t, name in ((e, "entities"), (q, "quotes"), (v, "events"))]
    query = (select(a.c.id, a.c.title, a.c.outlet, a.c.published, d.c.url, *counts)
             .select_from(a.outerjoin(d, d.c.key == a.c.document)).where(*where))
    with engine.connect() as conn:
        values = filters.values()
        total = conn.execute(select(func.count()).select_from(a).where(*where), values).scalar_one()
        rows = conn.execute(query.order_by(a.c.published.desc().nulls_last(), a.c.id).limit(limit).offset(offset),
                            values)
        return total, [dict(row._mapping) for row in rows]


def failure_rows(engine: Engine, *, status: str | None = None, limit: int = 50,
                 offset: int = 0) -> tuple[int, list[dict]]:
    """Documents that failed (no article) or were stored with a failed stage (``partial``: ``article`` is
    its id), newest first, with the reason; ``status`` keeps one of the two."""
    from warta.store import RETRIED

    d = schema.documents
    where = [d.c.status == status] if status else [d.c.status.in_(RETRIED)]
    query = (select(d.c.key, d.c.status, d.c.error, d.c.article_id.label("article"), d.c.updated_at).where(*where)
             .order_by(d.c.updated_at.desc(), d.c.key).limit(limit).offset(offset))
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(d).where(*where)).scalar_one()
        return total, [dict(row._mapping) for row in conn.execute(query)]


def get_article(engine: Engine, id_prefix: str) -> Article:
    """The article whose id is ``id_prefix`` or starts with it (the prefix must be unique)."""
    a = schema.articles
    with engine.connect() as conn:
        rows = conn.execute(select(a.c.id, a.c.record).where(a.c.id.startswith(id_prefix, autoescape=True))
                            .order_by(a.c.id != id_prefix).limit(2)).all()
    if not rows:
        raise NotFound(f"no article with id {id_prefix!r}")
    if len(rows) > 1 and rows[0].id != id_prefix:
        raise WartaError(f"id prefix {id_prefix!r} is ambiguous; give more characters")
    return Article.from_dict(json.loads(rows[0].record))


def outlets(engine: Engine) -> list[str]:
    """The outlets in the store, by name."""
    a = schema.articles
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(select(a.c.outlet).distinct().where(a.c.outlet.is_not(None)).order_by(a.c.outlet))]


def article_url(engine: Engine, article_id: str) -> str | None:
    """The URL the article was read from, when it had one."""
    a, d = schema.articles, schema.documents
    with engine.connect() as conn:
        return conn.execute(select(d.c.url).join(a, a.c.document == d.c.key).where(a.c.id == article_id)).scalar()


# ---------------------------------------------------------------- entities


ENTITY_COLUMNS = ("id", "name", "type", "country", "actor", "articles", "mentions")


def entity_rows(engine: Engine, *, type: str | None = None, country: str | None = None, name: str | None = None,
                limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
    """Entities by number of articles, then mentions, with the filters given."""
    c = schema.entity_counts  # kept by Store.save: a page of its index, not every entity row
    where = filters(type, country)
    if name:
        where.append(func.lower(c.c.name).contains(name.lower(), autoescape=True))
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(c).where(*where)).scalar_one()
        rows = conn.execute(summaries(*where).limit(limit).offset(offset))
        return total, [dict(r._mapping) for r in rows]


def entity_detail(engine: Engine, entity_id: str) -> dict:
    """One entity: counts, surfaces, roles, its articles, and how many quotes and events it has."""
    e, m, a, q, v = schema.entities, schema.mentions, schema.articles, schema.quotes, schema.events
    _total, rows = entity_rows_by_id(engine, entity_id)
    if not rows:
        raise NotFound(f"no entity with id {entity_id!r}")
    detail = rows[0] | {"surfaces": {}, "roles": [], "articles": []}
    with engine.connect() as conn:
        surfaces = conn.execute(select(m.c.text, func.count()).where(m.c.entity_id == entity_id)
                                .group_by(m.c.text).order_by(func.count().desc(), m.c.text))
        detail["surfaces"] = {text: n for text, n in surfaces}
        arts = conn.execute(select(a.c.id, a.c.title, a.c.outlet, a.c.published)
                            .join(e, e.c.article_id == a.c.id).where(e.c.entity_id == entity_id)
                            .order_by(a.c.published.desc().nulls_last(), a.c.id)).all()
        # the entity's own object in each record, in the same order: the database reads the records
        # (json.loads of every record of a top entity's 466 articles was 58 ms)
        objects = conn.execute(_ENTITY_OBJECTS[engine.dialect.name], {"id": entity_id}).scalars().all()
        detail["quotes"] = conn.execute(select(func.count()).where(q.c.speaker == entity_id)).scalar_one()
        detail["events"] = conn.execute(select(func.count()).where(
            or_(v.c.source_entity == entity_id, v.c.target_entity == entity_id))).scalar_one()
    for row in arts:
        detail["articles"].append({"id": row.id, "title": row.title, "outlet": row.outlet, "published": row.published})
    for obj in objects:
        for role in json.loads(obj).get("roles") or []:
            label = role.get("role") + (f" ({role['country']})" if role.get("country") else "")
            if label not in detail["roles"]:
                detail["roles"].append(label)
    return detail


# One entity's JSON object out of each record holding it, newest article first, in the record's order.
_ENTITY_OBJECTS = {
    "sqlite": sql_text(
        "SELECT x.value FROM articles a JOIN entities e ON e.article_id = a.id, json_each(a.record, '$.entities') AS x"
        " WHERE e.entity_id = :id AND json_extract(x.value, '$.id') = :id"
        " ORDER BY a.published DESC NULLS LAST, a.id, x.key"),
    "postgresql": sql_text(
        "SELECT x.value::text FROM articles a JOIN entities e ON e.article_id = a.id"
        " CROSS JOIN LATERAL json_array_elements(a.record::json -> 'entities') WITH ORDINALITY AS x(value, n)"
        " WHERE e.entity_id = :id AND x.value ->> 'id' = :id"
        " ORDER BY a.published DESC NULLS LAST, a.id, x.n"),
}


def entity_rows_by_id(engine: Engine, entity_id: str) -> tuple[int, list[dict]]:
    """The summary row of one entity id (empty when unknown)."""
    query = summaries(schema.entity_counts.c.entity_id == entity_id)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    return len(rows), rows


# ---------------------------------------------------------------- quotes


QUOTE_COLUMNS = ("article_id", "article_title", "outlet", "published", "speaker", "speaker_text", "text", "start",
                 "end", "direct", "cue", "via")


def quote_rows(engine: Engine, *, speaker: str | None = None, text: str | None = None, article: str | None = None,
               limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
    """Quotes by speaker (entity id or the name as written) and by words of their text, newest article first."""
    q, a = schema.quotes, schema.articles
    where = []
    if speaker:
        where.append(or_(q.c.speaker == speaker, func.lower(q.c.speaker_text).contains(speaker.lower(), autoescape=True)))
    if text:
        where.append(func.lower(q.c.text).contains(text.lower(), autoescape=True))
    if article:
        where.append(q.c.article_id == article)
    query = (select(q.c.article_id, a.c.title.label("article_title"), a.c.outlet, a.c.published, q.c.speaker,
                    q.c.speaker_text, q.c.text, q.c.start, q.c.end, q.c.direct, q.c.cue, q.c.via)
             .join(a, a.c.id == q.c.article_id).where(*where))
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(q).where(*where)).scalar_one()
        rows = conn.execute(query.order_by(a.c.published.desc().nulls_last(), q.c.article_id, q.c.start)
                            .limit(limit).offset(offset))
        return total, [dict(r._mapping) for r in rows]


# ---------------------------------------------------------------- events


@dataclass(slots=True)
class EventFilter:
    """Filters on events: actor (source or target), dyad SRC-TGT, PLOVER type, quad class, date range, article."""

    actor: str | None = None
    dyad: str | None = None
    type: str | None = None
    quad_class: str | None = None
    since: str | None = None
    until: str | None = None
    article: str | None = None
    entity: str | None = None  # entity id, as source or target

    def __post_init__(self) -> None:
        self.since = check_day("since", self.since)
        self.until = check_day("until", self.until)
        if self.type and self.type.upper() not in EVENT_TYPES:
            raise WartaError(f"type {self.type!r} is not a PLOVER type; use one of {', '.join(EVENT_TYPES)}")
        if self.quad_class and self.quad_class not in QUAD_CLASSES:
            raise WartaError(f"quad_class {self.quad_class!r} is not one of {', '.join(QUAD_CLASSES)}")
        if self.dyad:
            source, sep, target = self.dyad.partition("-")
            if not sep or not source or not target:
                raise WartaError(f"dyad must look like RUS-USA (source-target), not {self.dyad!r}")

    def shape(self) -> tuple[str, ...]:
        """The names of the filters given: the statement depends on them, not on their values."""
        return tuple(name for name in self.__slots__ if getattr(self, name))

    def values(self) -> dict:
        """The values of the filters given, by the names of the statement's bound parameters."""
        out: dict = {}
        if self.type:
            out["type"] = self.type.upper()
        if self.quad_class:
            out["quad_types"] = [t for t, c in QUAD_CLASS.items() if c == self.quad_class]
        if self.actor:
            out |= _code_values("actor", self.actor.upper())
        if self.dyad:
            source, _, target = self.dyad.upper().partition("-")
            out |= _code_values("source", source) | _code_values("target", target)
        for name in ("article", "entity", "since", "until"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        return out


def _code_values(name: str, code: str) -> dict:
    """The bound values of ``_has_code(column, name)`` for an actor code: its LIKE prefix and its range."""
    # LIKE's wildcards escaped: an actor code "%" matches "%…", not everything (issue 15)
    return {name: code, f"{name}_like": like_prefix(code), f"{name}_end": code[:-1] + chr(ord(code[-1]) + 1)}


def _has_code(column, name: str):
    """``column`` holds the code bound as ``name`` or one of its sectors (RUS: RUSGOV, RUSMIL).

    ``store.events.actor_code`` with the code as bound parameters: the LIKE prefix, and the same rows as
    a range, which an index on the column can find.
    """
    return and_(column.like(bindparam(f"{name}_like"), escape="/"), column >= bindparam(name),
                column < bindparam(f"{name}_end"))


@lru_cache(maxsize=512)
def _conditions(shape: tuple[str, ...]) -> tuple:
    """The conditions for the filters named, their values as bound parameters (``EventFilter.values``)."""
    v = schema.events
    where = []
    if "type" in shape:
        where.append(v.c.type == bindparam("type"))
    if "quad_class" in shape:
        where.append(v.c.type.in_(bindparam("quad_types", expanding=True)))
    if "actor" in shape:
        where.append(or_(_has_code(v.c.source_actor, "actor"), _has_code(v.c.target_actor, "actor")))
    if "dyad" in shape:
        where.append(and_(_has_code(v.c.source_actor, "source"), _has_code(v.c.target_actor, "target")))
    if "article" in shape:
        where.append(v.c.article_id == bindparam("article"))
    if "entity" in shape:
        where.append(or_(v.c.source_entity == bindparam("entity"), v.c.target_entity == bindparam("entity")))
    # first_day: the first day the event's TimeML date covers (2022-10 → 2022-10-01), stored with it
    if "since" in shape:
        where.append(v.c.first_day >= bindparam("since"))
    if "until" in shape:
        where.append(v.c.first_day <= bindparam("until"))
    return tuple(where)


EVENT_COLUMNS = ("article_id", "date", "date_precision", "type", "mode", "quad_class", "source_entity", "source_name",
                 "source_actor", "target_entity", "target_name", "target_actor", "location", "negated", "planned",
                 "trigger_text", "start", "end", "confidence")


@lru_cache(maxsize=512)
def _events_query(shape: tuple[str, ...], paged: bool):
    """The events statement for one shape of filters, built once: values, limit and offset are bound at run time."""
    v, a, d = schema.events, schema.articles, schema.documents
    columns = [*(v.c[name] for name in EVENT_COLUMNS), a.c.title.label("article_title"), a.c.outlet, d.c.url]
    query = (select(*columns).join(a, a.c.id == v.c.article_id).outerjoin(d, d.c.key == a.c.document)
             .where(*_conditions(shape))
             .order_by(v.c.first_day.asc().nulls_last(), v.c.article_id, func.coalesce(v.c.start, 0)))
    if paged:
        query = query.limit(bindparam("limit", type_=Integer)).offset(bindparam("offset", type_=Integer))
    return query


@lru_cache(maxsize=512)
def _events_count(shape: tuple[str, ...]):
    """How many events match the filters named (no join: the filters are on the events' own columns)."""
    return select(func.count()).select_from(schema.events).where(*_conditions(shape))


def _event_dicts(keys, rows) -> list[dict]:
    """Rows as dicts of their columns, the quad class filled in from the type."""
    keys = list(keys)
    out = []
    for row in rows:
        event = dict(zip(keys, row))
        event["quad_class"] = event["quad_class"] or QUAD_CLASS.get(event["type"])
        out.append(event)
    return out


def all_events(engine: Engine, filters: EventFilter) -> list[dict]:
    """Every event matching the filters, oldest first (undated last), with its article's title and URL."""
    with engine.connect() as conn:
        result = conn.execute(_events_query(filters.shape(), False), filters.values())
        return _event_dicts(result.keys(), result)


def event_rows(engine: Engine, filters: EventFilter, *, limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
    """One page of the events matching the filters, and how many match in all."""
    values = filters.values()
    with engine.connect() as conn:
        total = conn.execute(_events_count(filters.shape()), values).scalar_one()
        result = conn.execute(_events_query(filters.shape(), True), values | {"limit": limit, "offset": offset})
        return total, _event_dicts(result.keys(), result)


def event_types() -> list[str]:
    """The PLOVER types, in PLOVER order."""
    return list(EVENT_TYPES)

