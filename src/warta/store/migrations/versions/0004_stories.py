"""The corpus stages' tables (warta.stories): stories, their articles, merged events, document frequencies.

Derived data only: an upgraded store gets its stories on the next `warta ingest` or `warta stories`
(which assign every article not yet in a story).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warta.store.migrations import set_schema_version

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create story_meta, story_df, stories, story_articles and merged_events with their indexes."""
    op.create_table(
        "story_meta",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.String, nullable=False),
    )
    op.create_table(
        "story_df",
        sa.Column("term", sa.String, primary_key=True),
        sa.Column("df", sa.Integer, nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(12), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("first_seen", sa.String),
        sa.Column("last_seen", sa.String),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("outlets", sa.Integer, nullable=False),
        sa.Column("summary", sa.Text),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
    )
    op.create_index("stories_last_seen", "stories", ["last_seen"])
    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.String(16), primary_key=True),
        sa.Column("story_id", sa.String(12), nullable=False),
        sa.Column("near_duplicate_of", sa.String(16)),
        sa.Column("via", sa.String(16)),
        sa.Column("score", sa.Float),
        sa.Column("day", sa.String(10)),
        sa.Column("features", sa.Text, nullable=False),
        sa.Column("assigned_at", sa.String, nullable=False),
    )
    op.create_index("story_articles_story", "story_articles", ["story_id"])
    op.create_index("story_articles_day", "story_articles", ["day"])
    op.create_table(
        "merged_events",
        sa.Column("story_id", sa.String(12), nullable=False),
        sa.Column("key", sa.String(16), nullable=False),
        sa.Column("type", sa.String(12), nullable=False),
        sa.Column("mode", sa.String(24)),
        sa.Column("quad_class", sa.String(24)),
        sa.Column("source_actor", sa.String(16)),
        sa.Column("source_name", sa.String),
        sa.Column("target_actor", sa.String(16)),
        sa.Column("target_name", sa.String),
        sa.Column("date", sa.String),
        sa.Column("date_precision", sa.String(12)),
        sa.Column("negated", sa.Integer),
        sa.Column("planned", sa.Integer),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
    )
    op.create_index("merged_events_story", "merged_events", ["story_id"])
    op.create_index("merged_events_dyad", "merged_events", ["source_actor", "target_actor"])
    op.create_index("merged_events_date", "merged_events", ["date"])
    set_schema_version(4)


def downgrade() -> None:
    """Drop the corpus stages' tables."""
    for table in ("merged_events", "story_articles", "stories", "story_df", "story_meta"):
        op.drop_table(table)
    set_schema_version(3)
