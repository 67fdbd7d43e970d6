"""Index articles by the time they were stored: the search index's freshness check reads the newest one.

Before each search `warta.store.search.sync` asks for the number of articles and the newest
``stored_at``; without an index that was a scan of the articles table and its records (3–5 ms at 500
articles on SQLite, growing with the store), paid by every search.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

from warta.store.migrations import set_schema_version

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the index articles_stored_at."""
    op.create_index("articles_stored_at", "articles", ["stored_at"])
    set_schema_version(7)


def downgrade() -> None:
    """Drop the index articles_stored_at."""
    op.drop_index("articles_stored_at", table_name="articles")
    set_schema_version(6)
