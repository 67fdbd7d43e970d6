"""Store fixtures: every store test runs on SQLite and on the PostgreSQL server of the machine.

PostgreSQL: ``WARTA_TEST_POSTGRES_URL`` (default postgresql://postgres@127.0.0.1:5432/test). Each test
gets its own schema (``warta_store_<run>_<n>``), dropped afterwards, so parallel runs never collide.
Where no server answers the PostgreSQL cases are skipped with the reason; with ``WARTA_TEST_POSTGRES=1``
(set by .ci/run) they fail instead.
"""

from __future__ import annotations

import itertools
import os
import uuid
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

from warta.store.connect import database_url

PG_URL = os.environ.get("WARTA_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
RUN = uuid.uuid4().hex[:8]
_numbers = itertools.count()
_unavailable: list[str] = []


def postgres_reason() -> str | None:
    """Why PostgreSQL cannot be tested here (None: it can); asked once per run."""
    if not _unavailable:
        try:
            import psycopg

            with psycopg.connect(database_url(PG_URL).replace("postgresql+psycopg", "postgresql"), connect_timeout=3):
                pass
            _unavailable.append("")
        except Exception as error:  # noqa: BLE001 - any failure means: no server to test against
            _unavailable.append(f"no PostgreSQL server answers at {PG_URL}: {str(error).splitlines()[0]}")
    return _unavailable[0] or None


def require_postgres() -> None:
    """Skip (or fail, when WARTA_TEST_POSTGRES=1) a test that needs the PostgreSQL server."""
    reason = postgres_reason()
    if reason:
        if os.environ.get("WARTA_TEST_POSTGRES") == "1":
            pytest.fail(f"WARTA_TEST_POSTGRES=1 but {reason}")
        pytest.skip(reason)


@contextmanager
def pg_schema(prefix: str):
    """A SQLAlchemy URL whose tables live in a fresh schema of the test database, dropped afterwards."""
    require_postgres()
    name = f"{prefix}_{RUN}_{os.getpid()}_{next(_numbers)}"
    admin = create_engine(database_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture
def pg_url():
    """A SQLAlchemy URL whose tables live in a fresh schema of the test database, dropped afterwards."""
    with pg_schema("warta_store") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request, tmp_path):
    """Where a test's store lives: a SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "w.db")
    return request.getfixturevalue("pg_url")
