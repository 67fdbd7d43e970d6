"""Fixtures of the serving tests: the hand-made store and a TestClient over it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.serve.corpus import build
from warta.serve import ServeConfig, create_app

TOKEN = "rahasia-uji-123"


@pytest.fixture(scope="session")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("serve") / "w.db")


@pytest.fixture(scope="session")
def client(db):
    with TestClient(create_app(ServeConfig(db=db)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def writable(tmp_path):
    """A client over a fresh store of its own, with ingest enabled by a token."""
    path = build(tmp_path / "w.db")
    with TestClient(create_app(ServeConfig(db=path, token=TOKEN, max_body=20_000)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def pg_client():
    """A client over the hand-made store on PostgreSQL, in a schema of its own (dropped afterwards)."""
    from tests.store.conftest import pg_schema

    with pg_schema("warta_serve") as url:
        with TestClient(create_app(ServeConfig(db=build(url))), raise_server_exceptions=False) as c:
            yield c
