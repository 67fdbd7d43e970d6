"""The corpus stages' tables: defined with the store's schema (revision 0004), named here for the stages."""

from __future__ import annotations

from warta.store.schema import STORY_TABLES as TABLES
from warta.store.schema import merged_events, stories, story_articles, story_df, story_meta

__all__ = ["TABLES", "merged_events", "stories", "story_articles", "story_df", "story_meta"]
