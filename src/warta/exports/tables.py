"""The rows of each export: one dict per article, entity, quote, event or story, in a stable column order."""

from __future__ import annotations

import json
from typing import Iterator

from sqlalchemy import Engine, select

from warta.errors import WartaError
from warta.store.events import first_day
from warta.store import browse as queries
from warta.store import schema

KINDS = ("articles", "entities", "quotes", "events", "stories")
PAGE = 10_000  # rows read per query while exporting

ARTICLE_COLUMNS = ("id", "url", "outlet", "title", "published", "published_inferred", "language", "authors",
                   "tags", "cited_sources", "entities", "quotes", "events", "stage_errors", "body")
STORY_COLUMNS = ("id", "title", "first_seen", "last_seen", "articles", "events", "article_ids", "summary")
GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Date", "DatePrecision", "Actor1Code", "Actor1Name", "Actor2Code",
                 "Actor2Name", "EventCode", "EventMode", "QuadClass", "QuadClassName", "IsNegated", "IsPlanned",
                 "ActionGeo_FullName", "Trigger", "Confidence", "ArticleID", "SOURCEURL")
# PLOVER quad classes numbered as GDELT numbers its QuadClass (1 verbal cooperation … 4 material conflict)
QUAD_NUMBER = {quad: n for n, quad in enumerate(queries.QUAD_CLASSES, start=1)}


def rows(engine: Engine, kind: str, *, format: str = "jsonl", events_filter=None) -> Iterator[dict]:
    """The rows of one export; JSONL articles and stories are the full records, other formats flat rows."""
    if kind not in KINDS:
        raise WartaError(f"unknown export {kind!r}; use one of {', '.join(KINDS)}")
    if format == "gdelt" and kind != "events":
        raise WartaError("the gdelt format is a table of events: use `events`")
    if kind == "articles":
        return _articles(engine, full=format == "jsonl")
    if kind == "entities":
        return _paged(lambda limit, offset: queries.entity_rows(engine, limit=limit, offset=offset))
    if kind == "quotes":
        return _paged(lambda limit, offset: queries.quote_rows(engine, limit=limit, offset=offset))
    if kind == "events":
        events = queries.all_events(engine, events_filter or queries.EventFilter())
        return iter(gdelt_row(e) for e in events) if format == "gdelt" else iter(events)
    return _stories(engine, full=format == "jsonl")


def columns(kind: str, format: str) -> list[str]:
    """The columns of a tabular export of ``kind`` (CSV header, Parquet schema)."""
    if format == "gdelt":
        return list(GDELT_COLUMNS)
    return {
        "articles": list(ARTICLE_COLUMNS),
        "entities": list(queries.ENTITY_COLUMNS),
        "quotes": list(queries.QUOTE_COLUMNS),
        "events": list(queries.EVENT_COLUMNS) + ["article_title", "outlet", "url"],
        "stories": list(STORY_COLUMNS),
    }[kind]


def _paged(fetch) -> Iterator[dict]:
    offset = 0
    while True:
        _total, page = fetch(PAGE, offset)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def _articles(engine: Engine, *, full: bool) -> Iterator[dict]:
    a, d = schema.articles, schema.documents
    query = select(a.c.record, d.c.url).select_from(a.outerjoin(d, d.c.key == a.c.document)).order_by(a.c.id)
    with engine.connect() as conn:
        for record, url in conn.execution_options(yield_per=500).execute(query):
            data = json.loads(record)
            if full:
                yield data
                continue
            yield {"id": data["id"], "url": url or (data.get("source") or {}).get("url"), "outlet": data.get("outlet"),
                   "title": data.get("title"), "published": data.get("published"),
                   "published_inferred": bool(data.get("published_inferred")), "language": data.get("language"),
                   "authors": data.get("authors") or [], "tags": data.get("tags") or [],
                   "cited_sources": data.get("cited_sources") or [], "entities": len(data.get("entities") or []),
                   "quotes": len(data.get("quotes") or []), "events": len(data.get("events") or []),
                   # the stages that did not complete, "events: failed" (the full marks are in the JSONL)
                   "stage_errors": [f"{m['stage']}: {m['status']}" for m in data.get("stage_errors") or []],
                   "body": data.get("body") or ""}


def gdelt_row(e: dict) -> dict:
    """One event as a row of a GDELT-style event table."""
    day = first_day(e["date"])
    return {
        "GLOBALEVENTID": f"{e['article_id']}-{e['start'] if e['start'] is not None else 0}-{e['type']}",
        "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "Date": e["date"] or "",
        "DatePrecision": e["date_precision"] or "",
        "Actor1Code": e["source_actor"] or "", "Actor1Name": e["source_name"] or "",
        "Actor2Code": e["target_actor"] or "", "Actor2Name": e["target_name"] or "",
        "EventCode": e["type"], "EventMode": e["mode"] or "",
        "QuadClass": QUAD_NUMBER.get(e["quad_class"] or "", 0), "QuadClassName": e["quad_class"] or "",
        "IsNegated": int(bool(e["negated"])), "IsPlanned": int(bool(e["planned"])),
        "ActionGeo_FullName": e["location"] or "", "Trigger": e["trigger_text"] or "",
        "Confidence": e["confidence"], "ArticleID": e["article_id"], "SOURCEURL": e["url"] or "",
    }


def _stories(engine: Engine, *, full: bool) -> Iterator[dict]:
    from warta.stories import get_story
    from warta.stories.query import list_story_ids

    for story_id in list_story_ids(engine):
        story = get_story(engine, story_id)
        if full:
            yield story
            continue
        yield {"id": story["id"], "title": story["title"], "first_seen": story["first_seen"],
               "last_seen": story["last_seen"], "articles": len(story["articles"]), "events": len(story["events"]),
               "article_ids": [a["id"] for a in story["articles"]], "summary": story.get("summary") or ""}
