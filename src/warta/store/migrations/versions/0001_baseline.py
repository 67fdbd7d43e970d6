"""Baseline: the schema of Warta 0.1 (``meta.schema_version`` 1), the last one made without Alembic.

A database made before Alembic (schema version 1, no ``alembic_version`` table) is stamped at this
revision and upgraded from here; a new database runs it first.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warta.store.migrations import set_schema_version

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


def upgrade() -> None:
    """Create the tables of schema version 1."""
    op.create_table(
        "meta",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.String, nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("path", sa.String),
        sa.Column("url", sa.String),
        sa.Column("line", sa.Integer),
        sa.Column("raw", sa.LargeBinary),
        sa.Column("raw_sha", sa.String(64), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("article_id", sa.String(16)),
        sa.Column("ingested_at", sa.String, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("document", sa.String, sa.ForeignKey("documents.key")),
        sa.Column("outlet", sa.String),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String),
        sa.Column("language", sa.String(8)),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("stored_at", sa.String, nullable=False),
    )
    op.create_index("articles_published", "articles", ["published"])
    op.create_table(
        "entities",
        sa.Column("article_id", sa.String(16), _article_fk(), nullable=False),
        sa.Column("entity_id", sa.String, nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("type", sa.String(8)),
        sa.Column("country", sa.String(8)),
        sa.Column("actor", sa.String(16)),
        sa.Column("linked", sa.Boolean),
        sa.Column("mention_count", sa.Integer),
    )
    op.create_index("entities_entity", "entities", ["entity_id"])
    op.create_index("entities_name", "entities", ["name"])
    op.create_table(
        "mentions",
        sa.Column("article_id", sa.String(16), _article_fk(), nullable=False),
        sa.Column("entity_id", sa.String, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.String, nullable=False),
    )
    op.create_index("mentions_entity", "mentions", ["entity_id"])
    op.create_table(
        "timex",
        sa.Column("article_id", sa.String(16), _article_fk(), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.String, nullable=False),
        sa.Column("type", sa.String(10)),
        sa.Column("value", sa.String),
    )
    op.create_table(
        "quotes",
        sa.Column("article_id", sa.String(16), _article_fk(), nullable=False),
        sa.Column("speaker", sa.String),
        sa.Column("speaker_text", sa.String),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("direct", sa.Boolean),
        sa.Column("cue", sa.String),
        sa.Column("via", sa.String),
    )
    op.create_index("quotes_speaker", "quotes", ["speaker"])
    op.create_table(
        "events",
        sa.Column("article_id", sa.String(16), _article_fk(), nullable=False),
        sa.Column("type", sa.String(12), nullable=False),
        sa.Column("mode", sa.String(24)),
        sa.Column("quad_class", sa.String(24)),
        sa.Column("source_entity", sa.String),
        sa.Column("source_name", sa.String),
        sa.Column("source_actor", sa.String(16)),
        sa.Column("target_entity", sa.String),
        sa.Column("target_name", sa.String),
        sa.Column("target_actor", sa.String(16)),
        sa.Column("date", sa.String),
        sa.Column("date_precision", sa.String(12)),
        sa.Column("location", sa.String),
        sa.Column("negated", sa.Boolean),
        sa.Column("planned", sa.Boolean),
        sa.Column("trigger_text", sa.String),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("sentence_end", sa.Integer),
        sa.Column("confidence", sa.Float),
    )
    op.create_index("events_dyad", "events", ["source_actor", "target_actor"])
    op.create_index("events_type_date", "events", ["type", "date"])
    set_schema_version(1)


def downgrade() -> None:
    """Drop every table of the store."""
    for table in ("events", "quotes", "timex", "mentions", "entities", "articles", "documents", "meta"):
        op.drop_table(table)
