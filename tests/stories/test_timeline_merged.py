"""Timeline periods, intensity weights and merged-event dates, on hand-made records."""

from __future__ import annotations

import pytest

from warta.article import EVENT_TYPES, Article, Event, EventActor, Span
from warta.errors import ResourceError
from warta.stories.merged import merge_events
from warta.stories.timeline import Bucket, fill_gaps, period_of, weights


@pytest.mark.parametrize("value,by,expected", [
    ("2019-05-14", "day", "2019-05-14"),
    ("2019-05-14", "week", "2019-W20"),
    ("2019-05-14", "month", "2019-05"),
    ("2019-05-14T10:00", "month", "2019-05"),  # a time of day is still that day
    ("2019-05", "month", "2019-05"),
    ("2019-05", "day", None),  # a month is less precise than a day
    ("2019-W20", "week", "2019-W20"),
    ("2019-W20", "month", "2019-05"),  # a week counts in the month of its Thursday
    ("2019", "month", None),
])
def test_period_of(value, by, expected):
    assert period_of(value, by) == expected


def test_fill_gaps_inserts_empty_periods():
    filled = fill_gaps([Bucket("2019-11"), Bucket("2020-02")], "month")
    assert [b.period for b in filled] == ["2019-11", "2019-12", "2020-01", "2020-02"]
    weeks = fill_gaps([Bucket("2020-W52"), Bucket("2021-W02")], "week")
    assert [b.period for b in weeks] == ["2020-W52", "2020-W53", "2021-W01", "2021-W02"]


def test_weights_cover_every_type_and_sign_by_quad_class():
    table = weights()
    assert set(table) == set(EVENT_TYPES)
    assert all(table[t] > 0 for t in ("AGREE", "CONSULT", "AID", "COOPERATE"))
    assert all(table[t] < 0 for t in ("ACCUSE", "THREATEN", "ASSAULT", "SANCTION"))
    assert table["ASSAULT"] == min(table.values())


@pytest.mark.parametrize("content,message", [
    ("types: {HUG: {weight: 2, note: x}}", "unknown PLOVER type 'HUG'"),
    ("types: {AID: {weight: 12, note: x}}", "outside -10"),
    ("types: {AID: {weight: 2, why: x}}", "give a numeric 'weight'"),
])
def test_user_weights_are_checked(tmp_path, content, message):
    path = tmp_path / "w.yaml"
    path.write_text(content)
    with pytest.raises(ResourceError, match=message):
        weights(str(path))


def test_user_weights_override_one_type(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text("types: {CONSULT: {weight: 2.5, note: meetings matter more here}}")
    table = weights(str(path))
    assert table["CONSULT"] == 2.5 and table["AID"] == weights()["AID"]


def _article(body: str, date: str | None, precision: str | None, target: str = "JPNGOV") -> Article:
    k = body.index("bertemu")
    ev = Event(type="CONSULT", trigger=Span(k, k + 7, "bertemu"), sentence=[0, len(body)], date=date,
               date_precision=precision, source=EventActor(None, "Retno Marsudi", "IDNGOV"),
               target=EventActor(None, "Yoshimasa Hayashi", target))
    return Article(body=body, events=[ev])


def test_merged_event_takes_the_best_dated_report():
    arts = [
        _article("Retno bertemu Hayashi pekan ini.", "2023-W19", "week"),
        _article("Menlu Retno bertemu Hayashi di Tokyo, Rabu (10/5/2023).", "2023-05-10", "day"),
        _article("Retno bertemu Hayashi.", "2023-05-11", "published"),
    ]
    merged = merge_events(arts, {})
    assert len(merged) == 1
    assert (merged[0].date, merged[0].date_precision, merged[0].sources) == ("2023-05-10", "day", 3)
    assert len(merged[0].evidence) == 3


def test_merged_events_keep_two_days_apart_and_two_targets_apart():
    arts = [
        _article("Retno bertemu Hayashi, Rabu (10/5/2023).", "2023-05-10", "day"),
        _article("Retno bertemu Hayashi lagi, Jumat (12/5/2023).", "2023-05-12", "day"),
        _article("Retno bertemu Wang Yi, Rabu (10/5/2023).", "2023-05-10", "day", target="CHNGOV"),
    ]
    assert len(merge_events(arts, {})) == 3


def test_merged_event_counts_a_copy_once():
    a = _article("Retno bertemu Hayashi di Tokyo.", "2023-05-10", "day")
    b = _article("Retno bertemu Hayashi di Tokyo kemarin.", "2023-05-10", "day")
    merged = merge_events([a, b], {b.id: a.id})
    assert merged[0].sources == 1 and len(merged[0].evidence) == 2
