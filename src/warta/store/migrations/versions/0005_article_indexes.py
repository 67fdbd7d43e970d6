"""Index the derived tables by article, failures by time, and names case-insensitively.

Measured with benchmarks/bench_store.py: without an index on ``article_id``, counting an article's
entities and events for `warta list` and deleting an article's rows on update scanned the whole
tables, so both grew with the store (list at 3,000 articles: 157 ms on SQLite, 329 ms on PostgreSQL).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warta.store.migrations import set_schema_version

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

DERIVED = ("entities", "mentions", "timex", "quotes", "events")


def upgrade() -> None:
    """Add the indexes."""
    for table in DERIVED:
        op.create_index(f"{table}_article", table, ["article_id"])
    op.create_index("documents_status", "documents", ["status", "updated_at"])
    op.create_index("entities_name_lower", "entities", [sa.func.lower(sa.column("name"))])
    op.create_index("mentions_text_lower", "mentions", [sa.func.lower(sa.column("text"))])
    set_schema_version(5)


def downgrade() -> None:
    """Drop the indexes."""
    op.drop_index("mentions_text_lower", table_name="mentions")
    op.drop_index("entities_name_lower", table_name="entities")
    op.drop_index("documents_status", table_name="documents")
    for table in DERIVED:
        op.drop_index(f"{table}_article", table_name=table)
    set_schema_version(4)
