"""Online story clustering on hand-written articles: one meeting, its copy, the next year's meeting, a flood."""

from __future__ import annotations

import itertools

import pytest

from warta.stories.cluster import Member, assign, story_id
from warta.stories.evaluate import bcubed, idf_of
from warta.stories.features import features
from warta.stories.neardup import containment


def _partition(assignments) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for a in assignments:
        groups.setdefault(a.story, set()).add(a.article)
    return {frozenset(g) for g in groups.values()}


def _names(articles, partition):
    by_id = {art.id: key for key, art in articles.items()}
    return {frozenset(by_id[i] for i in group) for group in partition}


def test_cluster_groups_reports_of_one_event_and_keeps_next_year_apart(articles):
    feats = [features(a) for a in articles.values()]
    result = assign(feats, [], idf_of(feats))
    assert _names(articles, _partition(result)) == {
        frozenset({"a", "b", "copy"}),  # one meeting, three outlets
        frozenset({"next"}),  # the same ministers a year later: another story
        frozenset({"flood", "flood_b"}),
    }


def test_cluster_links_a_copy_to_the_first_copy(articles):
    feats = [features(a) for a in articles.values()]
    by_article = {a.article: a for a in assign(feats, [], idf_of(feats))}
    copy = by_article[articles["copy"].id]
    assert copy.near_duplicate_of == articles["a"].id
    # a parallel rewrite of the same meeting is in the story but is no copy
    assert by_article[articles["b"].id].near_duplicate_of is None


@pytest.mark.parametrize("order", list(itertools.permutations(range(6)))[::97])
def test_cluster_one_batch_gives_the_same_stories_in_any_order(articles, order):
    arts = list(articles.values())
    feats = [features(arts[k]) for k in order]
    baseline = [features(a) for a in arts]
    assert _partition(assign(feats, [], idf_of(feats))) == _partition(assign(baseline, [], idf_of(baseline)))


def test_cluster_never_moves_the_archive_and_keeps_story_ids(articles):
    first = [features(articles[k]) for k in ("a", "flood")]
    placed = assign(first, [], idf_of(first))
    members = [Member(f, a.story) for f, a in zip(sorted(first, key=lambda f: f.id), sorted(placed, key=lambda a: a.article))]
    later = [features(articles[k]) for k in ("b", "flood_b", "next")]
    idf = idf_of(first + later)
    result = {a.article: a for a in assign(later, members, idf)}
    story_of_a = next(a.story for a in placed if a.article == articles["a"].id)
    assert story_of_a == story_id(articles["a"].id)  # the id comes from the article that opened the story
    assert result[articles["b"].id].story == story_of_a
    assert result[articles["next"].id].opened
    # an article already placed is not placed again
    again = assign([features(articles["a"])], members, idf)
    assert again[0].story == story_of_a and not again[0].opened


def test_cluster_date_gate_beats_identical_text(articles):
    # the very same words, a year apart: dates say two occasions
    f_old = features(articles["a"])
    moved = articles["a"]
    moved_feats = features(moved)
    moved_feats.id = "f" * 16
    from datetime import date

    moved_feats.day = date(2024, 5, 10)
    moved_feats.days = frozenset({moved_feats.day})
    moved_feats.minhash = None  # not the same page: only the text and the dates speak
    result = assign([f_old, moved_feats], [], idf_of([f_old, moved_feats]))
    assert len({a.story for a in result}) == 2


@pytest.mark.parametrize("pred,gold,expected", [
    (["x", "x", "y"], ["a", "a", "b"], (1.0, 1.0, 1.0)),
    (["x", "x", "x"], ["a", "a", "b"], (0.5556, 1.0, 0.7143)),  # a stray joined: precision drops
    (["x", "y", "z"], ["a", "a", "b"], (1.0, 0.6667, 0.8)),  # a story split: recall drops
])
def test_bcubed_scores(pred, gold, expected):
    assert bcubed(pred, gold) == expected


@pytest.mark.parametrize("jac,a,b,expected", [
    (1.0, 100, 100, 1.0),
    (0.0, 100, 100, 0.0),
    (0.25, 50, 200, 1.0),  # a short copy inside a long page: all of it inside
])
def test_containment_from_jaccard(jac, a, b, expected):
    assert containment(jac, a, b) == pytest.approx(expected, abs=0.01)


# The minister the day before, in another capital, told in the same words as MEETING_A: the lead's
# weekday-dated day differs, so it is another occasion although dates are within the window.
DAY_BEFORE = (
    "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Korea Selatan Park Jin di Seoul, "
    "Selasa (9/5/2023). Kedua menteri membahas kerja sama perikanan, energi bersih dan keamanan maritim "
    "di Laut China Selatan. Retno mengatakan Indonesia dan Korea Selatan sepakat memperkuat patroli bersama."
)


def test_cluster_keeps_apart_a_lead_dated_the_day_before(articles):
    from tests.stories.conftest import make

    before = make(DAY_BEFORE, outlet="Antara", published=None, day="2023-05-09", url="https://antaranews.com/d",
                  title="Retno Bertemu Menlu Korea Selatan di Seoul")
    feats = [features(articles["a"]), features(articles["b"]), features(before)]
    assert feats[2].lead_day.isoformat() == "2023-05-09" and feats[0].lead_day.isoformat() == "2023-05-10"
    result = {a.article: a for a in assign(feats, [], idf_of(feats))}
    assert result[before.id].story != result[articles["a"].id].story == result[articles["b"].id].story
    # without the lead-day rule the shared wording would join it to the Tokyo meeting
    loose = {a.article: a for a in assign(feats, [], idf_of(feats), {"lead_day_penalty": 0.0})}
    assert loose[before.id].story == loose[articles["a"].id].story


def test_names_named_only_in_the_removed_furniture_are_no_story_feature():
    # a credited reporter (Entity.in_removed, no body mention) would tie all of that reporter's stories
    from warta.article import Article, Entity, Mention, Removed, RemovedMention

    art = Article(body="Banjir merendam Kota Lamongan sejak pagi.", published="2025-01-06",
                  removed=[Removed("Penulis: Dewi Lestari", "byline")],
                  entities=[Entity("loc:lamongan", "Lamongan", "GPE", mentions=[Mention(21, 29, "Lamongan")]),
                            Entity("per:dewi-lestari", "Dewi Lestari", "PER",
                                   in_removed=[RemovedMention(0, 9, 21, "Dewi Lestari", "credit")])])
    assert features(art).names == frozenset({"lamongan"})
