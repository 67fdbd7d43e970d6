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
    func,
)

# The number of the newest migration in migrations/versions/ (each revision records its number in
# meta.schema_version): `Store.open` refuses a database newer than the code and migrates older ones.
SCHEMA_VERSION = 10

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
    Column("status", String(8), nullable=False),  # ok | partial (a stage failed) | failed (store.RETRIED)
    Column("error", Text),
    Column("article_id", String(16)),
    Column("ingested_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
)
Index("documents_article", documents.c.article_id)  # who else points at this article? (kept until the last)
Index("documents_status", documents.c.status, documents.c.updated_at)  # `warta list --failed`, newest first

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
Index("articles_stored_at", articles.c.stored_at)  # the newest stored article: search.sync on every search
# `warta list`: newest first without sorting every article (revision 0008; on SQLite without NULLS LAST,
# which is already the order of its DESC)
Index("articles_newest", articles.c.published.desc().nulls_last(), articles.c.id)

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
Index("entities_name_lower", func.lower(entities.c.name))  # `warta entity NAME`, any case
# `warta entities` aggregates every row: from this index alone, never from the table (4.4 s -> ~1 s at 100k)
Index("entities_cover", entities.c.entity_id, entities.c.article_id, entities.c.mention_count, entities.c.type,
      entities.c.country, entities.c.name, entities.c.actor)

# One row per entity id, what `warta entities` lists (revision 0009): the number of articles naming it,
# its mentions, and the greatest name, type, country and actor of its rows (as the aggregate over
# `entities` gave them). `Store.save` keeps it in the transaction that writes the article's rows;
# counting every entity row instead took 4.2 s at 100,000 articles on PostgreSQL.
entity_counts = Table(
    "entity_counts",
    metadata,
    Column("entity_id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("type", String(8)),
    Column("country", String(8)),
    Column("actor", String(16)),
    Column("articles", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
)
# the listing's order: the first page is read from the index, whatever the number of entities
Index("entity_counts_rank", entity_counts.c.articles.desc(), entity_counts.c.mentions.desc(),
      entity_counts.c.entity_id)

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
Index("mentions_text_lower", func.lower(mentions.c.text))  # `warta entity` by a surface seen in the text

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
    Column("first_day", String(10)),  # the first day `date` covers (2019-W19 -> its Monday), for order and ranges
)
Index("events_first_day", events.c.first_day, events.c.article_id, events.c.start)
Index("events_dyad", events.c.source_actor, events.c.target_actor)
Index("events_type_date", events.c.type, events.c.date)

# Tables holding items derived from an article record, rebuilt whenever the article is stored.
DERIVED = (entities, mentions, timex, quotes, events)
for _table in DERIVED:  # an article's rows: counted by `warta list`, deleted when the article changes
    Index(f"{_table.name}_article", _table.c.article_id)

# ---- corpus stages (warta.stories, revision 0004): derived data only; `warta stories --rebuild` restores
# them from the articles. No foreign keys to `articles`: warta.stories.update drops the assignment of a
# replaced article itself.

# Settings and counters of the corpus stages: schema version, number of documents counted in story_df.
story_meta = Table(
    "story_meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", String, nullable=False),
)

# Document frequency of each stemmed term over the assigned articles: the IDF of text similarity.
story_df = Table(
    "story_df",
    metadata,
    Column("term", String, primary_key=True),
    Column("df", Integer, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(12), primary_key=True),  # stable: a hash of the id of the article that opened it
    Column("title", Text),
    Column("first_seen", String),
    Column("last_seen", String),
    Column("articles", Integer, nullable=False),
    Column("outlets", Integer, nullable=False),
    Column("summary", Text),  # JSON: {"text", "sentences": [[article, start, end], ...]}
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
)
Index("stories_last_seen", stories.c.last_seen)

# One row per assigned article: its story, its near-duplicate link and the features later
# articles are compared with (so the archive is never re-read or re-clustered).
story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", String(16), primary_key=True),
    Column("story_id", String(12), nullable=False),
    Column("near_duplicate_of", String(16)),
    Column("via", String(16)),  # the member it was linked to
    Column("score", Float),
    Column("day", String(10)),  # the article's own day, for the date window
    Column("features", Text, nullable=False),  # JSON of warta.stories.features.Features
    Column("assigned_at", String, nullable=False),
)
Index("story_articles_story", story_articles.c.story_id)
Index("story_articles_day", story_articles.c.day)

# One real-world event reported by one or more articles of a story.
merged_events = Table(
    "merged_events",
    metadata,
    Column("story_id", String(12), nullable=False),
    Column("key", String(16), nullable=False),  # stable hash of the story, type, dyad and date
    Column("type", String(12), nullable=False),
    Column("mode", String(24)),
    Column("quad_class", String(24)),
    Column("source_actor", String(16)),
    Column("source_name", String),
    Column("target_actor", String(16)),
    Column("target_name", String),
    Column("date", String),
    Column("date_precision", String(12)),
    Column("negated", Integer),
    Column("planned", Integer),
    Column("sources", Integer, nullable=False),  # distinct articles, a near-duplicate counted once
    Column("evidence", Text, nullable=False),  # JSON: [{"article", "start", "end", "text"}]
)
Index("merged_events_story", merged_events.c.story_id)
Index("merged_events_dyad", merged_events.c.source_actor, merged_events.c.target_actor)
Index("merged_events_date", merged_events.c.date)

STORY_TABLES = (story_meta, story_df, stories, story_articles, merged_events)

# Prefixes of tables a revision makes with raw SQL that `metadata` cannot describe (e.g. an SQLite FTS5
# table and its shadow tables): the test comparing the migrated schema with `metadata` skips them.
UNDESCRIBED_TABLES: tuple[str, ...] = ("search_",)  # the full-text index (revision 0003, warta.store.search)
