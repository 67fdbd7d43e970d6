"""The article record: the JSON contract of DESIGN.md, complete and round-tripping."""

from __future__ import annotations

import json
from dataclasses import asdict

from warta.article import (Article, Entity, Event, EventActor, Mention, Quote, Removed, RemovedMention, Role, Span,
                           StageMark, Timex, article_id)

# The keys DESIGN.md lists for the article record, ``kind`` (issue 15: article, video, photo) and
# ``stage_errors`` (issue 17: the stages that failed or were skipped, structured).
DESIGN_KEYS = [
    "id", "source", "outlet", "title", "published", "published_inferred", "reference_date", "dateline", "authors",
    "editors", "tags", "cited_sources", "language", "kind", "body", "removed", "warnings", "stage_errors", "sentences",
    "entities", "timex", "quotes", "events", "summary",
]


def test_record_has_every_design_key_in_order_and_none_missing():
    record = Article(body="Teks.").to_dict()
    assert list(record) == DESIGN_KEYS
    # fields a stage has not filled are empty lists or null, never missing
    assert record["entities"] == [] and record["title"] is None and record["summary"] is None


def _full_article() -> Article:
    return Article(
        body="Putin bertemu Pompeo di Sochi.",
        entities=[Entity(id="per:vladimir-putin", name="Vladimir Putin", type="PER", country="RUS",
                         roles=[Role("Presiden", "RUS")], mentions=[Mention(0, 5, "Putin")],
                         in_removed=[RemovedMention(0, 6, 11, "Putin", "credit")])],
        timex=[Timex(0, 5, "Senin", "DATE", "2019-05-13"), Timex(0, 5, "Senin", "DATE", "2019-05-13", part="removed:0")],
        removed=[Removed("Foto: Putin", "caption")],
        stage_errors=[StageMark("summary", "failed", "RuntimeError: boom")],
        quotes=[Quote(text="Kami siap", start=0, end=9, direct=True, speaker="per:vladimir-putin")],
        events=[Event(type="CONSULT", trigger=Span(6, 13, "bertemu"), sentence=[0, 30],
                      source=EventActor("per:vladimir-putin", "Vladimir Putin", "RUSGOV"))],
    )


def test_record_roundtrips_through_json():
    article = _full_article()
    again = Article.from_dict(json.loads(json.dumps(article.to_dict())))
    assert again.to_dict() == article.to_dict()
    # the nested records come back as records, not dicts
    assert again.entities[0].in_removed == article.entities[0].in_removed
    assert again.timex == article.timex and again.stage_errors == article.stage_errors


def test_id_is_stable_under_whitespace_and_case():
    # the id is a hash of the normalised body: re-flowed copies of one story share it
    assert article_id("Putin  bertemu\nPompeo.") == article_id("putin bertemu pompeo.")
    assert article_id("Putin bertemu Pompeo.") != article_id("Putin bertemu Lavrov.")


def test_record_is_what_dataclasses_asdict_gives():
    # to_dict walks the records itself (asdict was 1 % of warta extract's time): same values, same types
    article = _full_article()
    article.sentences = [[0, 30]]
    expected = asdict(article)
    record = article.to_dict()
    assert record == {key: expected[key] for key in record}
    assert repr(record) == repr({key: expected[key] for key in record})
    assert record["entities"][0]["roles"] is not article.entities[0].roles
    assert record["sentences"] == [[0, 30]] and record["sentences"][0] is not article.sentences[0]  # copies, as asdict
