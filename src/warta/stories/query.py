"""Reading stories back from the store in the JSON shape of DESIGN.md (`warta stories`, `warta story`)."""

from __future__ import annotations

import json

from sqlalchemy import Engine, inspect, or_, select

from warta.errors import WartaError
from warta.stories import schema as t
from warta.store import schema as store_schema


def has_stories(engine: Engine) -> bool:
    """True when the corpus stages have run on this store."""
    return inspect(engine).has_table("stories")


def _require(engine: Engine) -> None:
    if not has_stories(engine):
        raise WartaError("this store has no stories yet; run `warta stories --rebuild` (or `warta ingest` again)")


def list_story_ids(engine: Engine, *, since: str | None = None, until: str | None = None,
                   actor: str | None = None, limit: int | None = None) -> list[str]:
    """Story ids, latest first, overlapping [since, until] and (``actor``) with an event or entity of that actor."""
    _require(engine)
    s = t.stories
    query = select(s.c.id).order_by(s.c.last_seen.desc().nulls_last(), s.c.id)
    if since:
        query = query.where(or_(s.c.last_seen >= since[:10], s.c.last_seen.is_(None)))
    if until:
        query = query.where(or_(s.c.first_seen <= until[:10], s.c.first_seen.is_(None)))
    if actor:
        code = actor.upper()
        m, sa, e = t.merged_events, t.story_articles, store_schema.entities
        by_event = select(m.c.story_id).where(or_(m.c.source_actor.startswith(code, autoescape=True), m.c.target_actor.startswith(code, autoescape=True)))
        by_entity = (select(sa.c.story_id).join(e, e.c.article_id == sa.c.article_id)
                     .where(or_(e.c.actor.startswith(code, autoescape=True), e.c.country == code)))
        query = query.where(or_(s.c.id.in_(by_event), s.c.id.in_(by_entity)))
    if limit:
        query = query.limit(limit)
    with engine.connect() as conn:
        return [r.id for r in conn.execute(query)]


def get_story(engine: Engine, story_id: str) -> dict:
    """One story as ``{"id", "title", "first_seen", "last_seen", "articles", "events", "summary"}``."""
    _require(engine)
    s, sa, a = t.stories, t.story_articles, store_schema.articles
    with engine.connect() as conn:
        rows = conn.execute(select(s).where(s.c.id.startswith(story_id, autoescape=True)).limit(2)).all()
        if not rows:
            raise WartaError(f"no story with id {story_id!r}; `warta stories` shows the ids")
        if len(rows) > 1:
            raise WartaError(f"story id prefix {story_id!r} is ambiguous; give more characters")
        row = rows[0]
        members = conn.execute(
            select(sa.c.article_id, sa.c.near_duplicate_of, a.c.outlet, a.c.title, a.c.published, a.c.record)
            .join(a, a.c.id == sa.c.article_id).where(sa.c.story_id == row.id)
            .order_by(a.c.published.nulls_last(), sa.c.article_id)
        ).all()
        events = conn.execute(
            select(t.merged_events).where(t.merged_events.c.story_id == row.id)
            .order_by(t.merged_events.c.sources.desc(), t.merged_events.c.date.nulls_last(), t.merged_events.c.key)
        ).all()
    summary = json.loads(row.summary) if row.summary else None
    return {
        "id": row.id, "title": row.title, "first_seen": row.first_seen, "last_seen": row.last_seen,
        "articles": [
            {"id": m.article_id, "url": (json.loads(m.record).get("source") or {}).get("url"), "outlet": m.outlet,
             "title": m.title, "published": m.published, "near_duplicate_of": m.near_duplicate_of}
            for m in members
        ],
        "events": [
            {"type": e.type, "mode": e.mode, "quad_class": e.quad_class,
             "source": {"actor": e.source_actor, "name": e.source_name},
             "target": {"actor": e.target_actor, "name": e.target_name},
             "date": e.date, "date_precision": e.date_precision, "negated": bool(e.negated), "planned": bool(e.planned),
             "sources": e.sources, "evidence": json.loads(e.evidence)}
            for e in events
        ],
        "summary": summary["text"] if summary else None,
    }


def list_stories(engine: Engine, **filters) -> list[dict]:
    """Every story matching ``filters`` (see ``list_story_ids``), in the JSON shape of DESIGN.md."""
    return [get_story(engine, sid) for sid in list_story_ids(engine, **filters)]
