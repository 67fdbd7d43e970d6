"""Index documents by article: finding the other documents of an article (is it still referenced?) is a lookup.

An article shared by several documents is deleted only when the last of them moves to another
article; `Store.save` asks that question on every changed document. Warta 0.1 deleted a shared
article when one of its documents changed, leaving the others pointing at nothing and "unchanged"
forever: such documents are marked changed here, so the next `warta ingest` stores their article again.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warta.store.migrations import set_schema_version

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the index documents_article."""
    op.create_index("documents_article", "documents", ["article_id"])
    documents = sa.table("documents", sa.column("article_id", sa.String), sa.column("status", sa.String),
                         sa.column("raw_sha", sa.String))
    articles = sa.table("articles", sa.column("id", sa.String))
    lost = sa.and_(documents.c.status == "ok", documents.c.article_id.is_not(None),
                   documents.c.article_id.not_in(sa.select(articles.c.id)))
    op.execute(sa.update(documents).where(lost).values(raw_sha=""))  # no input hashes to "": re-read next time
    set_schema_version(2)


def downgrade() -> None:
    """Drop the index documents_article."""
    op.drop_index("documents_article", table_name="documents")
    set_schema_version(1)
