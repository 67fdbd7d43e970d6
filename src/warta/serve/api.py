"""The read endpoints of the REST API under `/api/`: articles, entities, quotes, events, timelines, search.

Each endpoint is a coroutine that hands its store query to the thread pool once (``run_in_threadpool``); its
dependencies are coroutines too. FastAPI would otherwise run every synchronous dependency, the
endpoint and the check of its response in the pool one after another: four hand-offs between the
event loop and a thread per request where one is needed, each a few hundred microseconds of a busy
server's time.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from warta.article import Article
from warta.serve import models, stats
from warta.store import browse as queries
from warta.serve.settings import DEFAULT_PAGE, MAX_PAGE
from warta.store.search import ArticleFilter, check_day, search

router = APIRouter(prefix="/api", tags=["read"])

ERRORS = {status: {"model": models.Error} for status in (400, 404, 422)}


async def engine(request: Request) -> Engine:
    """The store's engine, shared by every request."""
    return request.app.state.store.engine


Db = Annotated[Engine, Depends(engine)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="How many items to skip.")]
Day = Annotated[str | None, Query(description="A day, YYYY-MM-DD.", max_length=10)]
Code = Annotated[str | None, Query(max_length=32)]
Words = Annotated[str | None, Query(max_length=500)]
Period = Literal["day", "week", "month"]


async def article_filter(outlet: Annotated[str | None, Query(max_length=200, description="Outlet name, any case.")] = None,
                   since: Day = None, until: Day = None,
                   actor: Annotated[str | None, Query(max_length=32, description="Actor code in the article (RUS matches RUSGOV).")] = None,
                   ) -> ArticleFilter:
    """The article filters of a request."""
    return ArticleFilter(outlet=outlet, since=since, until=until, actor=actor)


async def event_filter(actor: Annotated[str | None, Query(max_length=32, description="Actor code, source or target.")] = None,
                 dyad: Annotated[str | None, Query(max_length=65, description="SRC-TGT actor codes, e.g. RUS-UKR.")] = None,
                 type: Annotated[str | None, Query(max_length=12, description="PLOVER type, e.g. CONSULT.")] = None,
                 quad_class: Annotated[str | None, Query(max_length=24, description="e.g. material-conflict.")] = None,
                 since: Day = None, until: Day = None,
                 article: Annotated[str | None, Query(max_length=16)] = None) -> queries.EventFilter:
    """The event filters of a request."""
    return queries.EventFilter(actor=actor, dyad=dyad, type=type, quad_class=quad_class, since=since, until=until,
                               article=article)


@router.get("/articles", response_model=models.Page[models.ArticleSummary], responses=ERRORS)
async def list_articles(db: Db, filters: Annotated[ArticleFilter, Depends(article_filter)],
                  q: Annotated[str | None, Query(max_length=500, description="Words the title or body must have.")] = None,
                  limit: Limit = DEFAULT_PAGE, offset: Offset = 0):
    """Articles, newest first, filtered by outlet, publication days, actor and words."""
    total, rows = await run_in_threadpool(queries.article_rows, db, filters, text=q, limit=limit, offset=offset)
    return {"items": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/failures", response_model=models.Page[models.FailedDocument], responses=ERRORS)
async def list_failures(db: Db, status: Annotated[Literal["failed", "partial"] | None, Query(
                            description="failed (no article) or partial (stored with a failed stage); default both.")] = None,
                        limit: Limit = DEFAULT_PAGE, offset: Offset = 0):
    """Documents that failed or were stored with a failed stage, newest first, with the reason (`warta list --failed`)."""
    total, rows = await run_in_threadpool(queries.failure_rows, db, status=status, limit=limit, offset=offset)
    return {"items": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/articles/{article_id}", response_model=Article, responses=ERRORS)
async def get_article(db: Db, article_id: Annotated[str, Path(max_length=64, description="Article id or a unique prefix.")]):
    """One article with every extracted item (entities, timex, quotes, events), offsets into its body."""
    return await run_in_threadpool(queries.get_article, db, article_id)


@router.get("/entities", response_model=models.Page[models.EntitySummary], responses=ERRORS)
async def list_entities(db: Db, type: Annotated[str | None, Query(max_length=8, description="PER, ORG, GPE, LOC, ...")] = None,
                  country: Code = None, name: Words = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0):
    """Entities by number of articles, filtered by type, country and part of the name."""
    total, rows = await run_in_threadpool(queries.entity_rows, db, type=type, country=country, name=name, limit=limit,
                             offset=offset)
    return {"items": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/entities/{entity_id:path}", response_model=models.EntityDetail, responses=ERRORS)
async def get_entity(db: Db, entity_id: Annotated[str, Path(max_length=200)]):
    """One entity: surfaces, roles, articles, and how many quotes and events it has."""
    return await run_in_threadpool(queries.entity_detail, db, entity_id)


@router.get("/quotes", response_model=models.Page[models.QuoteRow], responses=ERRORS)
async def list_quotes(db: Db, speaker: Annotated[str | None, Query(max_length=200, description="Entity id or part of the name.")] = None,
                q: Words = None, article: Annotated[str | None, Query(max_length=16)] = None,
                limit: Limit = DEFAULT_PAGE, offset: Offset = 0):
    """Quotes by speaker and by words of the statement, newest article first."""
    total, rows = await run_in_threadpool(queries.quote_rows, db, speaker=speaker, text=q, article=article, limit=limit,
                             offset=offset)
    return {"items": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/events", response_model=models.Page[models.EventRow], responses=ERRORS)
async def list_events(db: Db, filters: Annotated[queries.EventFilter, Depends(event_filter)],
                limit: Limit = DEFAULT_PAGE, offset: Offset = 0):
    """PLOVER events by actor, dyad, type, quad class and date, oldest first."""
    total, rows = await run_in_threadpool(queries.event_rows, db, filters, limit=limit, offset=offset)
    return {"items": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/timeline", response_model=models.Timeline, responses=ERRORS)
async def get_timeline(db: Db, actor: Code = None,
                 dyad: Annotated[str | None, Query(max_length=65, description="SRC-TGT actor codes, e.g. RUS-UKR.")] = None,
                 by: Period = "month", since: Day = None, until: Day = None):
    """The merged events of one actor or one dyad per day, week or month: counts by quad class, signed intensity."""
    check_day("since", since)
    check_day("until", until)
    return await run_in_threadpool(stats.timeline, db, actor=actor or None, dyad=dyad or None, by=by, since=since, until=until)


@router.get("/dashboard", response_model=models.Dashboard)
async def get_dashboard(db: Db):
    """Totals, articles by day, the top actors and the top dyads with their cooperation–conflict line."""
    return await run_in_threadpool(stats.dashboard, db)


@router.get("/search", response_model=models.SearchPage, responses=ERRORS)
async def get_search(db: Db, filters: Annotated[ArticleFilter, Depends(article_filter)],
               q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find (by their root).")],
               limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0):
    """Full-text search over titles and bodies (Indonesian roots), ranked, with highlighted snippets."""
    result = await run_in_threadpool(search, db, q, filters=filters, limit=limit, offset=offset)
    return {"items": result.hits, "total": result.total, "limit": limit, "offset": offset,
            "query": result.query, "terms": result.terms}
