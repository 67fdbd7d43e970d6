"""Stories over the API (`/api/stories`, `/api/stories/{id}`), read from the corpus stages (`warta.stories`)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Path
from sqlalchemy import Engine, func, select

from warta.serve import models
from warta.serve.api import ERRORS, Code, Day, Db, Limit, Offset
from warta.serve.settings import DEFAULT_PAGE
from warta.store import schema
from warta.store.browse import NotFound
from warta.store.search import check_day
from warta.stories import get_story
from warta.stories.query import list_story_ids

router = APIRouter(prefix="/api", tags=["read"])


def story_rows(engine: Engine, *, since: str | None = None, until: str | None = None, actor: str | None = None,
               limit: int = DEFAULT_PAGE, offset: int = 0) -> tuple[int, list[dict]]:
    """Stories, latest first, overlapping the days given and involving the actor, one page with their counts."""
    ids = list_story_ids(engine, since=check_day("since", since), until=check_day("until", until), actor=actor or None)
    page = ids[offset:offset + limit]
    s, m = schema.stories, schema.merged_events
    n_events = select(func.count()).where(m.c.story_id == s.c.id).scalar_subquery().label("events")
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(
            select(s.c.id, s.c.title, s.c.first_seen, s.c.last_seen, s.c.articles, s.c.outlets, n_events, s.c.summary)
            .where(s.c.id.in_(page)))}
    out = []
    for sid in page:  # list_story_ids gives the order
        r = rows[sid]
        summary = json.loads(r.summary).get("text") if r.summary else None
        out.append({"id": r.id, "title": r.title, "first_seen": r.first_seen, "last_seen": r.last_seen,
                    "articles": r.articles, "outlets": r.outlets, "events": r.events, "summary": summary})
    return len(ids), out


def story(engine: Engine, story_id: str) -> dict:
    """One story in the shape of DESIGN.md; 404 when no story has this id (or unique prefix)."""
    s = schema.stories
    with engine.connect() as conn:
        found = conn.execute(select(s.c.id).where(s.c.id.startswith(story_id, autoescape=True)).limit(1)).first()
    if found is None:
        raise NotFound(f"no story with id {story_id!r}")
    return get_story(engine, story_id)


@router.get("/stories", response_model=models.Page[models.StorySummary], responses=ERRORS)
def list_stories(db: Db, since: Day = None, until: Day = None, actor: Code = None,
                 limit: Limit = DEFAULT_PAGE, offset: Offset = 0):
    """Stories (one real-world event across outlets), latest first; an article alone is a story of one."""
    total, rows = story_rows(db, since=since, until=until, actor=actor, limit=limit, offset=offset)
    return {"items": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/stories/{story_id}", response_model=models.Story, responses=ERRORS)
def get_one_story(db: Db, story_id: Annotated[str, Path(max_length=64, description="Story id or a unique prefix.")]):
    """One story: its articles (near-duplicates marked), merged events with their evidence, and summary."""
    return story(db, story_id)

