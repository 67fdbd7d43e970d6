"""Queries over the stored entities for `warta entities` and `warta entity` (rendered by ``warta.views.entities``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select

from warta.errors import WartaError
from warta.store import schema
from warta.store.counts import filters, summaries


@dataclass(slots=True)
class EntityRow:
    """One entity across the store, with its counts."""

    id: str
    name: str
    type: str | None
    country: str | None
    actor: str | None
    articles: int
    mentions: int


@dataclass(slots=True)
class EntityDetail:
    """One entity: its surfaces, roles and articles."""

    row: EntityRow
    surfaces: dict[str, int] = field(default_factory=dict)
    roles: list[str] = field(default_factory=list)
    articles: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # id, published, title


def _rows(engine, *, type_=None, country=None, limit=50, ids=None) -> list[EntityRow]:
    """Rows of ``entity_counts`` (kept by `Store.save`): a page of the index, not every entity row."""
    where = filters(type_, country)
    if ids is not None:
        where.append(schema.entity_counts.c.entity_id.in_(ids))
    with engine.connect() as conn:
        return [EntityRow(*r) for r in conn.execute(summaries(*where).limit(limit))]


def list_entities(store, *, type_: str | None = None, country: str | None = None, limit: int = 50) -> list[EntityRow]:
    """Entities by number of articles, then mentions, then id."""
    return _rows(store.engine, type_=type_, country=country, limit=limit)


def find_entity(store, name: str, *, articles: int = 100) -> EntityDetail:
    """The entity named ``name`` (id, canonical name, or a surface seen in the text).

    Lists its newest ``articles`` articles (oldest of them first) and the roles they give it; the entity
    row counts all of them. A name in thousands of articles reads a hundred records, not thousands.
    """
    e, m = schema.entities, schema.mentions
    with store.engine.connect() as conn:
        ids = {r[0] for r in conn.execute(select(e.c.entity_id).where(
            or_(e.c.entity_id == name, func.lower(e.c.name) == name.lower())))}
        if not ids:
            ids = {r[0] for r in conn.execute(select(m.c.entity_id).where(func.lower(m.c.text) == name.lower()))}
    if not ids:
        raise WartaError(f"no entity named {name!r} in the store; try `warta entities`")
    rows = _rows(store.engine, ids=ids, limit=1)
    detail = EntityDetail(rows[0])
    eid = detail.row.id
    a = schema.articles
    with store.engine.connect() as conn:
        for text, count in conn.execute(select(m.c.text, func.count()).where(m.c.entity_id == eid).group_by(m.c.text)):
            detail.surfaces[text] = count
        arts = conn.execute(select(a.c.id, a.c.published, a.c.title, a.c.record)
                            .join(e, e.c.article_id == a.c.id).where(e.c.entity_id == eid)
                            .order_by(a.c.published.desc().nulls_last(), a.c.id).limit(articles)).all()
    for art_id, published, title, record in reversed(arts):
        detail.articles.append((art_id, published, title))
        for ent in json.loads(record).get("entities", []):
            if ent.get("id") == eid:
                for role in ent.get("roles") or []:
                    label = f"{role.get('role')} ({role.get('country') or '?'})"
                    if label not in detail.roles:
                        detail.roles.append(label)
    return detail
