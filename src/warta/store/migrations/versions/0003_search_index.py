"""The full-text search index (`warta.store.search`): SQLite FTS5, or a PostgreSQL tsvector with a GIN index.

Both hold the Indonesian roots of each article's title and body; `search.sync` fills them from the
articles before a search, so an upgraded store is indexed on its first search.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

from warta.store.migrations import set_schema_version

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SQLITE = (
    # search_docs.rowid is the FTS5 rowid of the article's entry
    "CREATE TABLE IF NOT EXISTS search_docs (rowid INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE, stored_at TEXT NOT NULL)",
    # roots of the title and body; unicode61 splits words where warta.store.searchtext.WORD does
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')",
)
POSTGRES = (
    "CREATE TABLE IF NOT EXISTS search_docs (article_id TEXT PRIMARY KEY, stored_at TEXT NOT NULL, tsv tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS search_docs_tsv ON search_docs USING gin (tsv)",
)


def upgrade() -> None:
    """Create the search index tables of the back end."""
    for statement in POSTGRES if op.get_bind().dialect.name == "postgresql" else SQLITE:
        op.execute(statement)
    set_schema_version(3)


def downgrade() -> None:
    """Drop the search index tables."""
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute("DROP TABLE IF EXISTS search_docs")
    set_schema_version(2)
