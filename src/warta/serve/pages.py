"""The web UI: server-rendered pages (Jinja2, autoescaped) over the same queries as the API."""

from __future__ import annotations

from importlib import resources
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from warta.article import EVENT_TYPES
from warta.serve import charts, stats
from warta.serve.evidence import article_html
from warta.serve.story_api import story, story_rows
from warta.store import browse
from warta.store.events import first_day
from warta.store.search import ArticleFilter, search

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("warta.serve").joinpath("templates")))
templates.env.globals.update(charts=charts, event_types=EVENT_TYPES, quad_classes=browse.QUAD_CLASSES)
PER_PAGE = 50


def _engine(request: Request):
    return request.app.state.store.engine


def _qs(params: dict, **changes) -> str:
    """The query string of ``params`` with ``changes``, empty values left out."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


templates.env.globals["qs"] = _qs
Page = Annotated[int, Query(ge=1, le=100_000)]
Text = Annotated[str | None, Query(max_length=500)]


def _pager(total: int, page: int, per_page: int = PER_PAGE) -> dict:
    last = max(1, -(-total // per_page))
    return {"page": page, "last": last, "total": total, "per_page": per_page}


def _page(request: Request, name: str, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request):
    """Totals, volume by day, top actors, top dyads with their cooperation–conflict line."""
    data = stats.dashboard(_engine(request))
    days = [(p["period"], p["articles"]) for p in data["volume"]["days"]]
    months = [(p["period"], p["articles"]) for p in data["volume"]["months"]]
    for dyad in data["top_dyads"]:
        dyad["line"] = [(p["period"], p["intensity"]) for p in dyad["periods"]]
    return _page(request, "dashboard.html", data=data, days=days, months=months, title="Dashboard")


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, outlet: Text = None, since: Text = None, until: Text = None, actor: Text = None,
             q: Text = None, page: Page = 1):
    """The article list with its filters."""
    engine = _engine(request)
    params = {"outlet": outlet, "since": since, "until": until, "actor": actor, "q": q}
    total, rows = browse.article_rows(engine, ArticleFilter(outlet=outlet, since=since, until=until, actor=actor),
                                      text=q, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    return _page(request, "articles.html", rows=rows, params=params, pager=_pager(total, page),
                 outlets=browse.outlets(engine), title="Articles")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str):
    """One article with its evidence highlighted by offsets."""
    engine = _engine(request)
    art = browse.get_article(engine, article_id)
    return _page(request, "article.html", article=art, body=article_html(art), url=browse.article_url(engine, art.id),
                 title=art.title or art.id)


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, type: Text = None, country: Text = None, name: Text = None, page: Page = 1):
    """Entities by number of articles."""
    params = {"type": type, "country": country, "name": name}
    total, rows = browse.entity_rows(_engine(request), type=type, country=country, name=name, limit=PER_PAGE,
                                     offset=(page - 1) * PER_PAGE)
    return _page(request, "entities.html", rows=rows, params=params, pager=_pager(total, page), title="Entities")


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str):
    """One entity: surfaces, roles, articles, its quotes and events."""
    engine = _engine(request)
    detail = browse.entity_detail(engine, entity_id)
    _n, quotes = browse.quote_rows(engine, speaker=entity_id, limit=20)
    _n, events = browse.event_rows(engine, browse.EventFilter(entity=entity_id), limit=50)
    return _page(request, "entity.html", entity=detail, quotes=quotes, events=events, title=detail["name"])


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, speaker: Text = None, q: Text = None, page: Page = 1):
    """The quote explorer: by speaker and by words of the statement."""
    params = {"speaker": speaker, "q": q}
    total, rows = browse.quote_rows(_engine(request), speaker=speaker, text=q, limit=PER_PAGE,
                                    offset=(page - 1) * PER_PAGE)
    return _page(request, "quotes.html", rows=rows, params=params, pager=_pager(total, page), title="Quotes")


def _event_params(actor: Text = None, dyad: Text = None, type: Text = None, quad_class: Text = None,
                  since: Text = None, until: Text = None) -> dict:
    return {"actor": actor, "dyad": dyad, "type": type, "quad_class": quad_class, "since": since, "until": until}


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, params: Annotated[dict, Depends(_event_params)], page: Page = 1):
    """The event table with its filters, a timeline of what is shown and a CSV download."""
    engine = _engine(request)
    filters = browse.EventFilter(**{k: v or None for k, v in params.items()})
    rows = browse.all_events(engine, filters)
    by = stats.chart_period(rows)
    periods = stats.series(rows, by)
    start = (page - 1) * PER_PAGE
    return _page(request, "events.html", rows=rows[start:start + PER_PAGE], params=params,
                 pager=_pager(len(rows), page), periods=periods, by=by, title="Events")


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Text = None, outlet: Text = None, since: Text = None, until: Text = None,
                actor: Text = None, page: Page = 1):
    """Full-text search with the article filters."""
    params = {"q": q, "outlet": outlet, "since": since, "until": until, "actor": actor}
    result = None
    if q and q.strip():
        result = search(_engine(request), q, filters=ArticleFilter(outlet=outlet, since=since, until=until, actor=actor),
                        limit=20, offset=(page - 1) * 20)
    pager = _pager(result.total if result else 0, page, 20)
    return _page(request, "search.html", result=result, params=params, pager=pager, title="Search")


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, since: Text = None, until: Text = None, actor: Text = None, page: Page = 1):
    """Stories, latest first, with their sizes and summaries."""
    params = {"since": since, "until": until, "actor": actor}
    total, rows = story_rows(_engine(request), since=since, until=until, actor=actor, limit=PER_PAGE,
                             offset=(page - 1) * PER_PAGE)
    return _page(request, "stories.html", rows=rows, params=params, pager=_pager(total, page), title="Stories")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str):
    """One story: summary, a timeline of its articles and merged events, its articles and events."""
    data = story(_engine(request), story_id)
    events = [{"date": e["date"], "type": e["type"], "quad_class": e["quad_class"], "negated": e["negated"]}
              for e in data["events"]]
    return _page(request, "story.html", story=data, days=story_days(data), periods=stats.series(events, "day"),
                 title=data["title"] or data["id"])


def story_days(data: dict) -> list[tuple[str, list[dict]]]:
    """The story's articles (by publication day) and merged events (by date) in time order, undated last."""
    entries: list[tuple[str, int, dict]] = []
    for art in data["articles"]:
        entries.append(((art["published"] or "")[:10], 0, {"kind": "article", **art}))
    for ev in data["events"]:
        day = first_day(ev["date"])
        entries.append((day.isoformat() if day else "", 1, {"kind": "event", **ev}))
    days: dict[str, list[dict]] = {}
    for day, _order, entry in sorted(entries, key=lambda e: (e[0] == "", e[0], e[1])):
        days.setdefault(day or "undated", []).append(entry)
    return list(days.items())
