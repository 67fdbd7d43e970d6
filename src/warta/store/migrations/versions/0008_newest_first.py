"""Index articles newest first, as `warta list` and the API's article lists order them.

`warta list` asks for the newest articles: ``ORDER BY published DESC NULLS LAST, id``. PostgreSQL
could not read that order from ``articles_published`` (ascending, NULLs last), so it sorted every
article for each page (96 ms at 100,000 articles in benchmarks/bench_store.py). This index has the
order itself; SQLite puts NULLs first when ascending, so its ``published DESC`` is already NULLs
last and the same index is created there without the clause it does not accept.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warta.store.migrations import set_schema_version

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the index articles_newest."""
    published = sa.column("published").desc()
    if op.get_bind().dialect.name != "sqlite":
        published = published.nulls_last()
    op.create_index("articles_newest", "articles", [published, sa.column("id")])
    set_schema_version(8)


def downgrade() -> None:
    """Drop the index articles_newest."""
    op.drop_index("articles_newest", table_name="articles")
    set_schema_version(7)
