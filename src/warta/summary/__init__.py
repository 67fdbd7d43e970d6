"""Document stage `summary`: an extractive summary of one article, its chosen sentences in body order.

``summarise(body, sentences, title)`` is the pure function; ``annotate(article, doc)`` is the stage.
Greedy coverage of the article's stemmed content words (a word weighs by how many other sentences
use it, more when the title does), an early sentence preferred (news puts the facts first); page
furniture, questions, sentences opening with a quotation and very short or long sentences wait.
About 45 words (``select.TARGET_WORDS``), the chosen sentences in body order.
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
