"""The store's tables: raw documents, article records, and the derived items later stages query."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

# The number of the newest migration in migrations/versions/ (each revision records its number in
# meta.schema_version): `Store.open` refuses a database newer than the code and migrates older ones.
SCHEMA_VERSION = 3

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", String, nullable=False),
)

# One row per input document (a file, a URL or a JSONL line), kept whatever happened to it.
documents = Table(
    "documents",
    metadata,
    Column("key", String, primary_key=True),  # url, else path[:line]: where the document lives
    Column("path", String),
    Column("url", String),
    Column("line", Integer),
    Column("raw", LargeBinary),  # the bytes as given: nothing the user gave is lost
    Column("raw_sha", String(64), nullable=False),
    Column("status", String(8), nullable=False),  # ok | failed
    Column("error", Text),
    Column("article_id", String(16)),
    Column("ingested_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
)
Index("documents_article", documents.c.article_id)  # who else points at this article? (kept until the last)

articles = Table(
    "articles",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("document", String, ForeignKey("documents.key")),
    Column("outlet", String),
    Column("title", Text),
    Column("published", String),
    Column("language", String(8)),
    Column("record", Text, nullable=False),  # the full JSON article record
    Column("stored_at", String, nullable=False),
)
Index("articles_published", articles.c.published)

entities = Table(
    "entities",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", String, nullable=False),
    Column("name", String, nullable=False),
    Column("type", String(8)),
    Column("country", String(8)),
    Column("actor", String(16)),
    Column("linked", Boolean),
    Column("mention_count", Integer),
)
Index("entities_entity", entities.c.entity_id)
Index("entities_name", entities.c.name)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", String, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", String, nullable=False),
)
Index("mentions_entity", mentions.c.entity_id)

timex = Table(
    "timex",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", String, nullable=False),
    Column("type", String(10)),
    Column("value", String),
)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("speaker", String),
    Column("speaker_text", String),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("direct", Boolean),
    Column("cue", String),
    Column("via", String),
)
Index("quotes_speaker", quotes.c.speaker)

events = Table(
    "events",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(12), nullable=False),
    Column("mode", String(24)),
    Column("quad_class", String(24)),
    Column("source_entity", String),
    Column("source_name", String),
    Column("source_actor", String(16)),
    Column("target_entity", String),
    Column("target_name", String),
    Column("target_actor", String(16)),
    Column("date", String),
    Column("date_precision", String(12)),
    Column("location", String),
    Column("negated", Boolean),
    Column("planned", Boolean),
    Column("trigger_text", String),
    Column("start", Integer),
    Column("end", Integer),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("confidence", Float),
)
Index("events_dyad", events.c.source_actor, events.c.target_actor)
Index("events_type_date", events.c.type, events.c.date)

# Tables holding items derived from an article record, rebuilt whenever the article is stored.
DERIVED = (entities, mentions, timex, quotes, events)

# Prefixes of tables a revision makes with raw SQL that `metadata` cannot describe (e.g. an SQLite FTS5
# table and its shadow tables): the test comparing the migrated schema with `metadata` skips them.
UNDESCRIBED_TABLES: tuple[str, ...] = ("search_",)  # the full-text index (revision 0003, warta.store.search)
