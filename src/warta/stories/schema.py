"""The corpus stages' tables, in one place (to become an Alembic revision of the store's schema).

They hold derived data only: dropping them and running `warta stories --rebuild` restores them.
No foreign keys to `articles`: the store's own tables are another module's, and a replaced article
is detected and dropped from its story by `warta.stories.update`.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, MetaData, String, Table, Text

STORIES_SCHEMA_VERSION = 1

metadata = MetaData()

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

TABLES = (story_meta, story_df, stories, story_articles, merged_events)
