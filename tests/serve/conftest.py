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
    import uuid

    from sqlalchemy import create_engine, text

    from tests.store.conftest import PG_URL, require_postgres
    from warta.store.connect import database_url

    require_postgres()
    name = f"warta_serve_{uuid.uuid4().hex[:8]}"
    admin = create_engine(database_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{name}"
    try:
        with TestClient(create_app(ServeConfig(db=build(url))), raise_server_exceptions=False) as c:
            yield c
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()
