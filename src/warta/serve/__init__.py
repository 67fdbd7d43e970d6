"""`warta serve`: the REST API under `/api/` (FastAPI, OpenAPI at `/openapi.json`) and the web UI at `/`.

``create_app(ServeConfig(db=...))`` builds the application; `warta serve` runs it on uvicorn.
"""

from __future__ import annotations

from warta.serve.settings import ServeConfig

__all__ = ["ServeConfig", "create_app"]


def create_app(config):
    """The FastAPI application over a store (see ``warta.serve.factory.create_app``)."""
    from warta.serve.factory import create_app as build

    return build(config)
