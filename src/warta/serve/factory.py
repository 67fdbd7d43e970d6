"""Builds the FastAPI application of `warta serve`: the store, the routers, the error handlers, the static files."""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from warta.serve import api, errors, exporting, pages, story_api, writes
from warta.serve.cache import Answers, ResponseCache
from warta.serve.timing import ServerTiming
from warta.serve.settings import ServeConfig
from warta.store import Store
from warta.store.search import sync
from warta.store.searchtext import load_stemmer


class RequestGuard:
    """Refuses, before any route runs, a body declared over the limit (413) and NUL bytes in the path or query (400)."""

    def __init__(self, app: ASGIApp, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            problem = self._problem(scope)
            if problem:
                from starlette.responses import JSONResponse

                status, message = problem
                response = JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _problem(self, scope: Scope) -> tuple[int, str] | None:
        for name, value in scope.get("headers") or []:
            if name == b"content-length" and value.isdigit() and int(value) > self.max_body:
                return 413, f"request body over the limit of {self.max_body:,} bytes"
        raw = (scope.get("raw_path") or b"") + b"?" + (scope.get("query_string") or b"")
        if b"%00" in raw or b"\x00" in raw or "\x00" in scope.get("path", ""):
            return 400, "NUL characters are not allowed in a path or query"  # PostgreSQL cannot store them
        return None


def create_app(config: ServeConfig | str) -> FastAPI:
    """The application over the store named by ``config`` (a ServeConfig, or a database path or URL)."""
    if isinstance(config, str):
        config = ServeConfig(db=config)
    # with a token the server may be the store's only writer: create it; read-only servers need it to exist
    store = Store.open(config.db, create=bool(config.token))
    sync(store.engine)  # index what is new before the first search, not during it
    # the stemmer and its dictionary load now (0.014 s of CPU since warta.stemming imports no spaCy), not in the
    # first searches: until then the stemmer's import pulled in spaCy (0.4 s of CPU, +50 MB), which each of the
    # first concurrent searches paid (p99 of /api/search 1.7-2.4 s -> 0.25-0.5 s)
    load_stemmer()
    answers = Answers(store.engine, config.cache_mb * 1_000_000)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        answers.close()
        store.close()

    app = FastAPI(
        title="Warta",
        summary="Indonesian news as structured knowledge: articles, entities, quotes, PLOVER events, stories.",
        version=_version(),
        lifespan=lifespan,
        docs_url=None,  # Swagger UI would load its scripts from a CDN: /openapi.json is the schema
        redoc_url=None,
    )
    app.state.store = store
    app.state.answers = answers
    app.state.config = config
    app.state.templates = pages.templates
    errors.install(app)
    app.include_router(api.router)
    app.include_router(story_api.router)
    app.include_router(exporting.router)
    app.include_router(writes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(resources.files("warta.serve").joinpath("static"))), name="static")
    app.add_middleware(ResponseCache, answers=answers)  # inside the guard: what it refuses never reaches the cache
    app.add_middleware(RequestGuard, max_body=config.max_body)
    app.add_middleware(ServerTiming)  # outermost: its time covers the guard, the routing and the response
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("warta")
    except PackageNotFoundError:
        return "0"


def from_env() -> FastAPI:
    """The application for the store named by ``WARTA_DB`` (what each `warta serve --workers N` process builds)."""
    return create_app(ServeConfig.from_env())
