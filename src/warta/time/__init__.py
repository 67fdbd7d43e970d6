"""Document stage `time` (being built: see its issue)."""

from __future__ import annotations

from warta.article import Article


def annotate(article: Article, doc) -> Article:
    """Fill this stage's part of the article record."""
    return article
