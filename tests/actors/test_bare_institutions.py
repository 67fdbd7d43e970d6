"""A ministry named without its state is the state last named with it, else a foreign dateline's, else Indonesia's."""

from __future__ import annotations

import pytest

from warta.actors import link
from warta.article import Article, Dateline


@pytest.fixture
def actor_of(blank_nlp):
    """Link ``text`` (dateline place ``place``) with the shipped gazetteer; the actor of the last ``surface``."""

    def _run(text: str, surface: str, place: str | None = None) -> str | None:
        article = Article(body=text, published="2022-02-18", dateline=Dateline(place) if place else None)
        doc = blank_nlp(text)
        article.sentences = [[s.start_char, s.end_char] for s in doc.sents]
        link(article, doc)
        found = [(m.start, m.actor or e.actor) for e in article.entities for m in e.mentions if m.text == surface]
        return max(found)[1] if found else None

    return _run


@pytest.mark.parametrize("text,place,actor", [
    # seed-002-like: the explicit Russian ministry earlier decides the bare one (not Indonesia's Kemhan)
    ("Kementerian Pertahanan Rusia menyatakan latihan selesai. Kementerian Pertahanan juga merilis video.",
     None, "RUSMIL"),
    # inside a spokesperson's title counts as stating the state too
    ("Juru Bicara Kementerian Pertahanan Rusia Igor Konashenkov menegaskan pasukan ditarik. "
     "Kementerian Pertahanan merilis video.", None, "RUSMIL"),
    # the nearest earlier statement wins
    ("Kementerian Pertahanan RI menolak. Kementerian Pertahanan Rusia membantah. Kementerian Pertahanan menambahkan.",
     None, "RUSMIL"),
    ("Kementerian Pertahanan Rusia membantah. Kementerian Pertahanan RI menolak. Kementerian Pertahanan menambahkan.",
     None, "IDNGOV"),
    # Departemen and Kementerian are written alike for a foreign ministry
    ("Departemen Luar Negeri AS menyambut undangan itu. Kementerian Luar Negeri juga menyebut pertemuan penting.",
     None, "USAGOV"),
    # no earlier statement: a foreign dateline gives the state
    ("Kementerian Pertahanan merilis video latihan.", "Moskow", "RUSMIL"),
    ("Kementerian Luar Negeri mengecam serangan itu.", "Washington", "USAGOV"),
    # a home dateline, none, or an abbreviation the Indonesian press uses for its own ministries: Indonesia's
    ("Kementerian Pertahanan merilis video latihan.", "Jakarta", "IDNGOV"),
    ("Kementerian Pertahanan merilis video latihan.", None, "IDNGOV"),
    ("Kemhan merilis video latihan.", "Moskow", "IDNGOV"),
    # a story datelined abroad that names Indonesia's own minister keeps the ministry Indonesia's
    ("Menteri Pertahanan Prabowo Subianto tiba. Kementerian Pertahanan merilis video.", "Moskow", "IDNGOV"),
])
def test_bare_ministry_resolves_to_the_state_stated_before(actor_of, text, place, actor):
    surface = "Kemhan" if text.startswith("Kemhan") else (
        "Kementerian Luar Negeri" if "Luar Negeri" in text else "Kementerian Pertahanan")
    assert actor_of(text, surface, place) == actor
