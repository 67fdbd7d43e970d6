"""Event dates: the sentence's timex, else the date relative dates were resolved against (marked ``published``)."""

from __future__ import annotations

import pytest

from warta import time as time_stage
from warta.events import code_events

from tests.events.conftest import make_article


@pytest.mark.parametrize("body,published,dates", [
    # the stated date is right: undated sentences fall back on it
    ("Putin mengecam NATO. Pompeo bertemu Lavrov di Sochi, Selasa (14/5).", "2019-05-16T10:00:00+07:00",
     [("2019-05-16", "published"), ("2019-05-14", "day")]),
    # seed-001-like: stated 2024 but "Selasa (14/5)" only fits 2019 going back, so the time stage re-anchors
    # on 2019-05-14 and the undated event must not be dated five years late
    ("Putin mengecam NATO. Pompeo bertemu Lavrov di Sochi, Selasa (14/5).", "2024-04-25T20:06:00+07:00",
     [("2019-05-14", "published"), ("2019-05-14", "day")]),
    # a re-anchored article still takes a date stated in the event's own sentence
    ("Pada Januari, AS mendukung Juan Guaido. Kata Pompeo, Selasa (14/5), Rusia harus keluar dari Venezuela. "
     "Putin mengecam NATO.", "2024-04-25T20:06:00+07:00",
     [("2019-01", "month"), ("2019-05-14", "published")]),
])
def test_event_date_falls_back_on_the_time_stage_reference(body, published, dates):
    art, doc = make_article(body, published=published)
    time_stage.annotate(art)
    events = code_events(art, doc)
    assert [(e.date, e.date_precision) for e in events] == dates


def test_reference_date_is_set_by_the_time_stage():
    art, _ = make_article("Pompeo bertemu Lavrov, Selasa (14/5).", published="2024-04-25T20:06:00+07:00")
    assert art.reference_date is None
    time_stage.annotate(art)
    assert any(w.startswith("time: publication date 2024-04-25 conflicts") for w in art.warnings)
    assert art.reference_date == "2019-05-14"


def test_events_read_the_reference_date_not_the_warning_text():
    # the reference date travels in its field: the warning's wording is free to change
    art, doc = make_article("Putin mengecam NATO.", published="2024-04-25T20:06:00+07:00")
    art.reference_date = "2019-05-14"
    assert [(e.date, e.date_precision) for e in code_events(art, doc)] == [("2019-05-14", "published")]
