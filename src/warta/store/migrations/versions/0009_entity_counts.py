"""A table of per-entity counts, so that `warta entities` reads one page instead of every entity row.

`warta entities` counted the distinct articles and summed the mentions of every entity row of the
store (4.2 s at 100,000 articles on PostgreSQL, 0.9 s on SQLite; benchmarks/README.md). The table
``entity_counts`` holds those figures per entity id with the greatest name, type, country and actor
of its rows, as that aggregate gave them; `Store.save` keeps it in the transaction that writes an
article's entity rows (`warta.store.counts`). This revision fills it from the rows already stored.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warta.store.migrations import set_schema_version

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create entity_counts with its index and fill it from the entity rows."""
    op.create_table(
        "entity_counts",
        sa.Column("entity_id", sa.String, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("type", sa.String(8)),
        sa.Column("country", sa.String(8)),
        sa.Column("actor", sa.String(16)),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
    )
    op.create_index("entity_counts_rank", "entity_counts",
                    [sa.column("articles").desc(), sa.column("mentions").desc(), sa.column("entity_id")])
    op.execute(
        "INSERT INTO entity_counts (entity_id, name, type, country, actor, articles, mentions) "
        "SELECT entity_id, max(name), max(type), max(country), max(actor), count(DISTINCT article_id), "
        "coalesce(sum(mention_count), 0) FROM entities GROUP BY entity_id"
    )
    set_schema_version(9)


def downgrade() -> None:
    """Drop entity_counts."""
    op.drop_index("entity_counts_rank", table_name="entity_counts")
    op.drop_table("entity_counts")
    set_schema_version(8)
