"""Errors of the server: one JSON shape for the API, one page for the UI, never a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException

from warta.errors import WartaError
from warta.store.browse import NotFound

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error with its HTTP status and a one-line message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        self.status = status
        self.message = message
        self.headers = headers
        super().__init__(message)


def wants_json(request: Request) -> bool:
    """API paths answer in JSON; the pages answer with an HTML page."""
    path = request.url.path
    return path.startswith("/api") or path == "/openapi.json" or "application/json" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None):
    """``{"ok": false, "error", "status"}`` for the API, the error page for the UI."""
    if wants_json(request):
        return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status, headers=headers)
    templates = getattr(request.app.state, "templates", None)
    if templates is None:
        return HTMLResponse(f"<p>Error {status}</p>", status_code=status, headers=headers)
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    """The first problem of a request, on one line: ``limit: Input should be less than or equal to 500``."""
    errors = exc.errors()
    if not errors:
        return "invalid request"
    first = errors[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body"))
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where or 'request'}: {first.get('msg', 'invalid')}{more}"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(request, exc.status, exc.message, exc.headers)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound):
        return error_response(request, 404, str(exc))

    @app.exception_handler(WartaError)
    async def _warta_error(request: Request, exc: WartaError):
        return error_response(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        # the reason goes to the server's log; the client gets one line and no trace
        log.error("%s %s failed: %s", request.method, request.url.path, exc, exc_info=exc)
        return error_response(request, 500, "internal error; the server log has the reason")
