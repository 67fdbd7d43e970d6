"""Ingest over HTTP: text, HTML or JSONL in the request body, behind the token of ``WARTA_TOKEN``.

No token configured means ingest is disabled (403). A missing or wrong token is 401; the token is
compared in constant time. The body is read with a size limit (413 beyond it) and processed by the
same pipeline and store as `warta ingest`.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from warta.article import RawDocument
from warta.errors import InputError
from warta.serve import models
from warta.serve.errors import ApiError

router = APIRouter(prefix="/api", tags=["write"])

# The suffix of the name a body is read under decides its format (warta.ingest.read_bytes).
SUFFIX = {"text": ".txt", "html": ".html", "jsonl": ".jsonl"}
CONTENT_TYPES = {"text/plain": "text", "text/html": "html", "application/x-ndjson": "jsonl",
                 "application/jsonl": "jsonl", "application/json": "jsonl"}
_pipeline_lock = threading.Lock()  # one document batch at a time: the language model is not shared across threads

BODY = {
    "required": True,
    "content": {
        "text/plain": {"schema": {"type": "string"}, "example": "JAKARTA - Menteri Luar Negeri ..."},
        "text/html": {"schema": {"type": "string"}},
        "application/x-ndjson": {"schema": {"type": "string"},
                                 "example": '{"url": "https://example.id/a", "title": "...", "text": "..."}'},
    },
}


def check_token(request: Request) -> None:
    """401 unless the request carries the configured token; 403 when none is configured."""
    expected = request.app.state.config.token
    if not expected:
        raise ApiError(403, "ingest over HTTP is disabled: start the server with WARTA_TOKEN set")
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer":
        token = request.headers.get("x-warta-token", "")
    if not hmac.compare_digest(token.encode("utf-8", "replace"), expected.encode("utf-8")):
        raise ApiError(401, "a valid token is required: send Authorization: Bearer TOKEN",
                       headers={"WWW-Authenticate": "Bearer"})


async def read_limited(request: Request, limit: int) -> bytes:
    """The request body, or 413 as soon as it is longer than ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"request body over the limit of {limit:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"request body over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def body_format(request: Request, given: str | None) -> str:
    """The format named by ``?format=``, else by the Content-Type, else sniffed from the text."""
    if given:
        return given
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return CONTENT_TYPES.get(kind, "auto")


def documents(data: bytes, kind: str, *, url: str | None, title: str | None, published: str | None,
              max_bytes: int) -> list[RawDocument | InputError]:
    """The raw documents of one body; a body's name is its hash, so posting it again is a no-op."""
    from warta import ingest

    digest = hashlib.sha256(data).hexdigest()[:16]
    where = f"http/{digest}{SUFFIX.get(kind, '')}"
    items = list(ingest.read_bytes(data, where, max_bytes=max_bytes))
    for item in items:
        if isinstance(item, RawDocument) and kind != "jsonl":
            item.source.url = url or item.source.url
            item.title = title or item.title
            item.published = published or item.published
    return items


def process(store, items: list[RawDocument | InputError], published: str | None) -> dict:
    """Run the pipeline over the documents in this process, store the results, then let them join stories."""
    from warta import pipeline, stories

    report = {"added": 0, "updated": 0, "unchanged": 0, "failed": 0, "partial": 0, "articles": [], "errors": []}
    with _pipeline_lock:
        for result in pipeline.run(items, published=published, workers=1):
            if isinstance(result, pipeline.Failure):
                report["failed"] += 1
                report["errors"].append(f"{result.where}: {result.reason}")
                store.save_failure(result.source, result.reason, result.raw)
                continue
            outcome = store.save(result.article, result.raw)
            report[outcome] += 1
            report["articles"].append(result.article.id)
            problem = result.article.stage_failure()
            if problem:  # stored with status partial; said as a failure is
                report["partial"] += 1
                report["errors"].append(f"{pipeline.where_of(result.raw.source)}: {problem}")
        if report["added"] or report["updated"]:
            stories.update(store.engine)  # as `warta ingest` does at its end
    return report


@router.post("/ingest", response_model=models.IngestReport, openapi_extra={"requestBody": BODY},
             responses={s: {"model": models.Error} for s in (400, 401, 403, 413, 422)})
async def ingest(
    request: Request,
    format: Annotated[Literal["text", "html", "jsonl"] | None, Query(description="Body format (default: from Content-Type).")] = None,
    url: Annotated[str | None, Query(max_length=2000, description="URL of a text or HTML article.")] = None,
    title: Annotated[str | None, Query(max_length=1000)] = None,
    published: Annotated[str | None, Query(max_length=32, description="Publication date, YYYY-MM-DD.")] = None,
):
    """Process and store the articles of the body (needs the token): text, HTML, or JSONL one article a line."""
    check_token(request)
    config = request.app.state.config
    data = await read_limited(request, config.max_body)
    if not data.strip():
        raise ApiError(400, "empty body: send the text, HTML or JSONL of the articles to ingest")
    if published:
        from warta.store.search import check_day

        published = check_day("published", published)
    kind = body_format(request, format)
    # reading the body (decoding, JSONL lines: up to the body limit's worth of work) and the pipeline run in the
    # thread pool, never on the event loop
    items = await run_in_threadpool(documents, data, kind, url=url, title=title, published=published,
                                    max_bytes=config.max_body)
    report = await run_in_threadpool(process, request.app.state.store, items, published)
    return {"ok": report["failed"] == report["partial"] == 0, **report}
