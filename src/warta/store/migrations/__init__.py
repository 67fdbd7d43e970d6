"""Alembic migrations of the store's schema (SQLite and PostgreSQL), shipped inside the package.

`warta.store.migrate` runs them when a store is opened; each revision in `versions/` ends by
recording its number in ``meta.schema_version`` with `set_schema_version`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

SCHEMA_VERSION_KEY = "schema_version"


def set_schema_version(version: int) -> None:
    """Record ``version`` in ``meta`` (inserted the first time, updated after)."""
    meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.String))
    conn = op.get_bind()
    found = conn.execute(sa.select(meta.c.key).where(meta.c.key == SCHEMA_VERSION_KEY)).first()
    if found:
        conn.execute(sa.update(meta).where(meta.c.key == SCHEMA_VERSION_KEY).values(value=str(version)))
    else:
        conn.execute(sa.insert(meta).values(key=SCHEMA_VERSION_KEY, value=str(version)))
