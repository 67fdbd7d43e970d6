"""Corpus stages: near-duplicates, online story clustering, merged events, timelines, story summaries.

They run over the store after the document stages (``warta ingest`` calls ``update`` at its end):
``update(engine)`` assigns every new article to a story (or opens one) without moving the archive,
and refreshes the stories that changed. ``query`` reads stories back in the JSON shape of DESIGN.md;
``timeline`` aggregates their merged events. The pure parts (``features``, ``cluster``, ``merged``,
``summary``) take data and return data; ``update`` and ``query`` do the I/O.
"""

from __future__ import annotations

from warta.stories.query import get_story, has_stories, list_stories
from warta.stories.update import UpdateSummary, pending, rebuild, update

__all__ = ["UpdateSummary", "get_story", "has_stories", "list_stories", "pending", "rebuild", "update"]
