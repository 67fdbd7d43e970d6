"""Fixtures of the actors tests: a tiny gazetteer and a linker over the blank pipeline (no NER)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from warta.actors import link
from warta.article import Article

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "gazetteer"


@pytest.fixture(scope="session")
def blank_nlp():
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture
def run(blank_nlp):
    """Link ``text`` published on ``published`` with the fixture gazetteer; returns the article."""

    def _run(text: str, published: str | None = "2019-05-14", **kwargs) -> Article:
        article = Article(body=text, published=published)
        doc = blank_nlp(text)
        article.sentences = [[s.start_char, s.end_char] for s in doc.sents]
        return link(article, doc, folder=FIXTURE, **kwargs)

    return _run


def mentions(article: Article) -> dict[str, str]:
    """Surface text → entity name."""
    return {m.text: e.name for e in article.entities for m in e.mentions}
