"""Full-text search: Indonesian roots, filters, ranking, escaped snippets, an index that follows the store."""

from __future__ import annotations

import pytest

from tests.serve.corpus import SECOND_REPORT, build, make
from warta.article import RawDocument, Source
from warta.errors import WartaError
from warta.store import Store
from warta.store.search import ArticleFilter, search, sync
from warta.store.searchtext import highlight, query_terms, root, snippet


@pytest.mark.parametrize("word,expected", [
    ("pertemuan", "temu"),  # affixes go: pertemuan, bertemu and temui share one root
    ("bertemu", "temu"),
    ("menjatuhkan", "jatuh"),
    ("di", "di"),  # short words are kept whole (Sastrawi would strip them to nothing)
    ("2023", "2023"),  # numbers stay
])
def test_search_root(word, expected):
    assert root(word) == expected


def test_search_query_terms_are_distinct_roots_in_order():
    assert query_terms("Pertemuan bertemu SANKSI, sanksi!") == ["temu", "sanksi"]


def test_search_snippet_marks_hits_and_escapes_the_rest():
    text = "Awal <b>berita</b>. " + "kata " * 40 + "Mereka bertemu di Jakarta & Bogor."
    got = snippet(text, ["temu"], size=80)
    assert got.startswith("…") and "<mark>bertemu</mark>" in got and "&amp; Bogor" in got and "<b>" not in got


@pytest.mark.parametrize("text,terms,marked", [
    ("Polisi memukul mundur massa", ["pukul"], ["memukul"]),  # meN- changed the root's first letter
    ("Ia menyapu halaman; sapu baru", ["sapu"], ["menyapu", "sapu"]),
    ("Pertemuan di Istana, mereka bertemu", ["temu"], ["Pertemuan", "bertemu"]),
    ("Temuan baru, tempat temu", ["temu"], ["Temuan", "temu"]),  # Sastrawi: temuan → temu
])
def test_search_highlight_marks_every_form_of_a_root(text, terms, marked):
    import re

    assert re.findall(r"<mark>(.*?)</mark>", highlight(text, terms)) == marked


def test_search_highlight_keeps_the_whole_title():
    assert highlight("Menlu <Retno> Bertemu", ["temu"]) == "Menlu &lt;Retno&gt; <mark>Bertemu</mark>"


@pytest.fixture
def store(db_target):
    """The hand-made store on SQLite (FTS5) and on PostgreSQL (tsvector)."""
    with Store.open(build(db_target)) as store:
        yield store


def test_search_finds_by_root_and_ranks_title_hits_first(store):
    result = search(store.engine, "pertemuan")
    assert result.total == 4
    assert result.hits[0].title == "Menlu Retno Bertemu Menlu Australia"
    assert result.hits[0].score >= result.hits[1].score


@pytest.mark.parametrize("filters,expected", [
    (ArticleFilter(outlet="DETIKNEWS"), ["Uni Eropa Jatuhkan Sanksi Baru terhadap Rusia"]),
    (ArticleFilter(since="2023-03-01"), ["Menlu Retno Bertemu Menlu Australia", SECOND_REPORT]),
    (ArticleFilter(actor="AUS"), ["Menlu Retno Bertemu Menlu Australia", SECOND_REPORT]),
    (ArticleFilter(until="2022-12-31"), []),  # the undated article is never in a date range
])
def test_search_combines_with_filters(store, filters, expected):
    assert [h.title for h in search(store.engine, "temu", filters=filters).hits] == expected


def test_search_every_word_must_occur(store):
    assert search(store.engine, "sanksi rusia").total == 1
    assert search(store.engine, "sanksi jepang").total == 0


def test_search_pages(store):
    first = search(store.engine, "temu", limit=2)
    rest = search(store.engine, "temu", limit=2, offset=2)
    assert first.total == rest.total == 4 and len(first.hits) == 2 and len(rest.hits) == 2


def test_search_index_follows_new_and_replaced_articles(store):
    assert search(store.engine, "gempa").total == 0
    art = make("Gempa mengguncang Turki.", title="Gempa Turki", outlet="ANTARA", published="2023-02-06")
    store.save(art, RawDocument(Source(path="new.txt"), text=art.body, raw=art.body.encode()))
    assert search(store.engine, "gempa").total == 1
    changed = make("Banjir melanda Jakarta.", title="Banjir", outlet="ANTARA", published="2023-02-07")
    store.save(changed, RawDocument(Source(path="new.txt"), text=changed.body, raw=changed.body.encode()))
    assert search(store.engine, "gempa").total == 0 and search(store.engine, "banjir").total == 1
    assert sync(store.engine) == 0  # nothing new since


@pytest.mark.parametrize("query", ["", "!!!", "  "])
def test_search_without_words_is_a_clear_error(store, query):
    with pytest.raises(WartaError, match="no words to search for"):
        search(store.engine, query)


def test_search_rejects_a_bad_date():
    with pytest.raises(WartaError, match="since must be a date like 2019-05-12"):
        ArticleFilter(since="14/3/2023")


def test_a_snippet_follows_a_record_rewritten_under_the_same_id(store):
    import json

    from sqlalchemy import select, update

    from warta.store import schema
    from warta.store.connect import writing

    a = schema.articles
    hit = search(store.engine, "sanksi").hits[0]
    assert "tambahan" not in hit.snippet  # its body is now kept for the next snippets
    with writing(store.engine) as conn:  # a corrected record: same id, same words, a new sentence in the body
        record = json.loads(conn.execute(select(a.c.record).where(a.c.id == hit.id)).scalar_one())
        record["body"] = record["body"].replace("sanksi baru", "sanksi tambahan baru")
        conn.execute(update(a).where(a.c.id == hit.id).values(record=json.dumps(record),
                                                              stored_at="2099-01-01T00:00:00+00:00"))
    assert "tambahan" in search(store.engine, "sanksi").hits[0].snippet


def test_the_kept_bodies_stay_under_their_size(monkeypatch):
    from warta.store import search as module

    monkeypatch.setattr(module, "BODIES_KEPT", 100)
    kept = module._Kept(1)
    kept.add({"a": "x" * 60, "b": None})
    kept.add({"c": "y" * 30})
    assert set(kept.bodies) == {"a", "b", "c"} and kept.chars == 90
    kept.add({"d": "z" * 20})  # would pass the size: what was kept goes
    assert set(kept.bodies) == {"d"} and kept.chars == 20
    kept.add({"e": "w" * 101})  # larger than the whole size: never kept
    assert "e" not in kept.bodies and kept.chars == 0
