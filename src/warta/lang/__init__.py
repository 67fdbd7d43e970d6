"""Indonesian language layer: the shipped spaCy pipeline, loaded once per process.

Placeholder until the trained pipeline lands: a blank Indonesian pipeline with a rule-based
sentencizer, so that later stages can be built against ``analyse``.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from warta.article import Article


@lru_cache(maxsize=1)
def load() -> Language:
    """The shipped pipeline, loaded once per process."""
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    return nlp


def analyse(article: Article) -> Doc:
    """Parse the article body and fill ``article.sentences``."""
    doc = load()(article.body)
    article.sentences = [[s.start_char, s.end_char] for s in doc.sents]
    return doc
