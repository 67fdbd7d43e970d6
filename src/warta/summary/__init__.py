"""Document stage `summary`: an extractive summary of one article, its chosen sentences in body order.

``summarise(body, sentences, title)`` is the pure function; ``annotate(article, doc)`` is the stage.
Sentences are scored by how central their words are to the article (stemmed content words, TF
weights), how early they come (news puts the facts first) and how much they share with the title;
page furniture, questions, bare quotes and very short or long sentences are held back. The best are
taken greedily, skipping one that repeats a chosen sentence, until about 50 words.
"""

from __future__ import annotations

from warta.article import Article
from warta.stage import stage
from warta.summary.select import summarise

__all__ = ["annotate", "summarise"]


@stage("summary", fills=["summary"])
def annotate(article: Article, doc=None) -> Article:
    """Fill ``article.summary`` from its body and sentences."""
    article.summary = summarise(article.body, article.sentences, article.title)
    return article
