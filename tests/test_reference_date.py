"""One reference date: set by the time stage, read by the actors (tenures) and events (dates) stages."""

from __future__ import annotations

import pytest

from warta import pipeline
from warta.article import Article, RawDocument, Source

# Our own story about 2019 (Pompeo in Jeddah on Monday 24 June 2019) stamped with a wrong 2024 date:
# "Senin (24/6)" only fits 2019 looking back from 10 March 2024, so the time stage re-anchors on it.
STORY = (
    "Pompeo Temui Raja Salman di Jeddah\n\n"
    "JEDDAH - Menteri Luar Negeri AS Mike Pompeo bertemu dengan Raja Arab Saudi Salman di Jeddah, "
    "Senin (24/6), untuk membahas ketegangan dengan Iran.\n\n"
    "Pompeo mengatakan Washington ingin membangun koalisi yang luas untuk menghadapi Iran.\n\n"
    "Setelah itu, Menlu AS terbang ke Abu Dhabi untuk bertemu dengan Putra Mahkota Mohammed bin Zayed."
)


def _process(text: str, published: str) -> Article:
    raw = RawDocument(source=Source(path="story.txt"), text=text, raw=text.encode())
    return pipeline.process(raw, published=published)


@pytest.fixture(scope="module")
def restamped() -> Article:
    return _process(STORY, "2024-03-10")


def test_time_stage_re_anchors_the_reference_date(restamped):
    assert restamped.published.startswith("2024-03-10")
    assert restamped.reference_date == "2019-06-24"
    assert restamped.to_dict()["reference_date"] == "2019-06-24"


def test_bare_office_links_the_holder_on_the_reference_date(restamped):
    bare = restamped.body.index("Menlu AS")
    holder = [e.name for e in restamped.entities for m in e.mentions if m.start == bare]
    assert holder == ["Mike Pompeo"]  # not Antony Blinken, Menlu AS in 2024
    # the stated 2024 date is still checked against the stated office, and flagged
    assert any(w.startswith("publication date 2024-03-10 is outside the tenure of Mike Pompeo") for w in restamped.warnings)


def test_undated_events_fall_back_on_the_reference_date(restamped):
    assert restamped.events and all(e.date == "2019-06-24" for e in restamped.events)


def test_reference_date_is_the_publication_day_when_nothing_contradicts_it():
    article = _process(STORY, "2019-06-25")
    assert article.reference_date == "2019-06-25"
    bare = article.body.index("Menlu AS")
    assert [e.name for e in article.entities for m in e.mentions if m.start == bare] == ["Mike Pompeo"]
