"""Queries over the stored entities for `warta entities` and `warta entity` (rendered by ``warta.views.entities``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import distinct, func, or_, select

from warta.errors import WartaError
from warta.store import schema


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


def _rows(engine, *, type_=None, country=None, limit=50, where=None) -> list[EntityRow]:
    e = schema.entities
    query = (select(e.c.entity_id, func.max(e.c.name), func.max(e.c.type), func.max(e.c.country),
                    func.max(e.c.actor), func.count(distinct(e.c.article_id)), func.sum(e.c.mention_count))
             .group_by(e.c.entity_id))
    if type_:
        query = query.where(e.c.type == type_.upper())
    if country:
        query = query.where(e.c.country == country.upper())
    if where is not None:
        query = query.where(where)
    query = query.order_by(func.count(distinct(e.c.article_id)).desc(), func.sum(e.c.mention_count).desc()).limit(limit)
    with engine.connect() as conn:
        return [EntityRow(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6] or 0)) for r in conn.execute(query)]


def list_entities(store, *, type_: str | None = None, country: str | None = None, limit: int = 50) -> list[EntityRow]:
    """Entities by number of articles, then mentions."""
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
    rows = _rows(store.engine, where=e.c.entity_id.in_(ids), limit=1)
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
