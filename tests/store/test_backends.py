"""The same queries give the same answers on SQLite and PostgreSQL (issue 20)."""

from __future__ import annotations

import dataclasses

import pytest

from warta.article import Article, Entity, Event, EventActor, Mention, Quote, RawDocument, Source, Span, Timex
from warta.store import Store
from warta.store.entities import find_entity, list_entities
from warta.store.events import query

from tests.store.conftest import require_postgres

PUTIN = Entity(id="per:vladimir-putin", name="Vladimir Putin", type="PER", country="RUS", actor="RUSGOV",
               mentions=[Mention(0, 5, "Putin")])
POMPEO = Entity(id="per:mike-pompeo", name="Mike Pompeo", type="PER", country="USA", actor="USAGOV",
                mentions=[Mention(14, 20, "Pompeo")])
RI = Entity(id="gpe:indonesia", name="Indonesia", type="GPE", country="IDN", actor="IDN",
            mentions=[Mention(0, 9, "Indonesia"), Mention(30, 39, "indonesia")])


def _event(type_, source, target, date, **extra):
    return Event(type=type_, trigger=Span(6, 13, "bertemu"), sentence=[0, 40], date=date,
                 source=EventActor(source.id, source.name, source.actor),
                 target=EventActor(target.id, target.name, target.actor), **extra)


ARTICLES = [
    Article(body="Putin bertemu Pompeo di Sochi pada 14 Mei 2019.", title="Putin bertemu Pompeo", outlet="Kompas.com",
            published="2019-05-14", entities=[PUTIN, POMPEO],
            timex=[Timex(34, 45, "14 Mei 2019", "DATE", "2019-05-14")],
            events=[_event("CONSULT", PUTIN, POMPEO, "2019-05-14")]),
    Article(body="Indonesia menolak tuduhan Rusia tentang indonesia pekan itu.", title="Indonesia menolak",
            outlet="detikNews", published="2019-03-20", entities=[RI, PUTIN],
            quotes=[Quote(speaker="gpe:indonesia", speaker_text="Indonesia", text="Kami menolak", start=0, end=12,
                          direct=True, cue="kata")],
            events=[_event("REJECT", RI, PUTIN, "2019-W12", negated=True)]),
    Article(body="Pompeo akan berkunjung ke Jakarta tahun 2020.", title="Kunjungan", outlet=None, published=None,
            entities=[POMPEO], events=[_event("CONSULT", POMPEO, RI, "2020", planned=True)]),
    Article(body="Berita tanpa entitas sama sekali.", title="Kosong", outlet="Tempo.co", published="2019-05-14"),
]


def _fill(target: str) -> None:
    with Store.open(target) as store:
        for n, article in enumerate(ARTICLES):
            store.save(article, RawDocument(Source(path=f"{n}.txt"), text=article.body, raw=article.body.encode()))
        # the same story twice, then a changed copy, and a failure
        store.save(ARTICLES[0], RawDocument(Source(url="https://contoh.example/a"), text="x", raw=b"x"))
        store.save_failure(Source(path="feed.jsonl", line=2), "line 2: malformed JSON line", b"{rusak")


def _answers(target: str) -> dict:
    with Store.open(target, create=False) as store:
        first = ARTICLES[0]
        return {
            "count": store.count(),
            "articles": [dataclasses.astuple(r) for r in store.articles()],
            "articles_limit": [r.id for r in store.articles(limit=2)],
            "get": store.get(first.id[:5]).to_dict(),
            "iter": [a.to_dict() for a in store.iter_articles()],
            "failures": [(f.key, f.error) for f in store.failures()],
            "failed_documents": store.failed_documents(),
            "unchanged": store.is_unchanged(RawDocument(Source(path="0.txt"), text=first.body, raw=first.body.encode())),
            "entities": [dataclasses.astuple(r) for r in list_entities(store)],
            "entities_per": [dataclasses.astuple(r) for r in list_entities(store, type_="per", country="usa")],
            "entity": dataclasses.astuple(find_entity(store, "indonesia")),
            "entity_by_surface": dataclasses.astuple(find_entity(store, "putin")),
            "events": [dataclasses.astuple(r) for r in query(store.engine)],
            "events_actor": [dataclasses.astuple(r) for r in query(store.engine, actor="rus")],
            "events_dyad": [dataclasses.astuple(r) for r in query(store.engine, dyad="USA-IDN")],
            "events_dates": [dataclasses.astuple(r) for r in query(store.engine, since="2019-05-01", until="2019-12-31")],
            "events_type": [dataclasses.astuple(r) for r in query(store.engine, type="reject", limit=1)],
        }


def test_backends_give_the_same_answers(tmp_path, request):
    require_postgres()
    pg = request.getfixturevalue("pg_url")
    sqlite = str(tmp_path / "w.db")
    _fill(sqlite)
    _fill(pg)
    lite, post = _answers(sqlite), _answers(pg)
    for key in lite:
        assert post[key] == lite[key], key
    # and the answers are the ones expected, not two equal wrong ones
    assert lite["count"] == 4
    # newest first, ties by id, no date last
    assert [r[0] for r in lite["articles"]][:2] == sorted([ARTICLES[0].id, ARTICLES[3].id])
    assert lite["articles"][-1][0] == ARTICLES[2].id  # no date: last
    assert [r[3] for r in lite["events"]] == ["REJECT", "CONSULT", "CONSULT"]
    assert [r[3] for r in lite["events_actor"]] == ["REJECT", "CONSULT"]
    assert lite["entity_by_surface"][0][0] == "per:vladimir-putin"
    assert lite["failed_documents"] == [(Source(path="feed.jsonl", line=2), b"{rusak")]
    assert lite["unchanged"] is True


@pytest.mark.parametrize("prefix", ["%", "_", "0%"])
def test_backends_id_prefix_is_literal(db_target, prefix):
    _fill(db_target)
    with Store.open(db_target, create=False) as store, pytest.raises(Exception, match="no article with id"):
        store.get(prefix)


def test_backends_entity_detail_lists_the_newest_articles(db_target):
    _fill(db_target)
    with Store.open(db_target, create=False) as store:
        detail = find_entity(store, "Mike Pompeo", articles=1)
    # in two articles (the third copy of ARTICLES[0] is the same article): the dated one is the newest
    assert detail.row.articles == 2
    assert [a[0] for a in detail.articles] == [ARTICLES[0].id]


def test_backends_one_entity_lists_its_own_roles_newest_article_first(db_target):
    from warta.article import Role
    from warta.store.browse import entity_detail

    def pompeo(*roles):
        return dataclasses.replace(POMPEO, roles=list(roles), mentions=[Mention(0, 6, "Pompeo")])

    older = Article(body="Pompeo, Menteri Luar Negeri AS, tiba di Jakarta.", title="Tiba", outlet="Kompas.com",
                    published="2019-01-01", entities=[pompeo(Role("Menteri Luar Negeri", "USA"))])
    newer = Article(body="Pompeo, mantan direktur CIA, bertemu Putin.", title="Bertemu", outlet="Kompas.com",
                    published="2019-06-01",
                    entities=[dataclasses.replace(PUTIN, roles=[Role("Presiden", "RUS")], mentions=[Mention(37, 42, "Putin")]),
                              pompeo(Role("direktur CIA"), Role("Menteri Luar Negeri", "USA"))])
    with Store.open(db_target) as store:
        for n, article in enumerate([older, newer]):
            store.save(article, RawDocument(Source(path=f"{n}.txt"), text=article.body, raw=article.body.encode()))
        detail = entity_detail(store.engine, POMPEO.id)
    assert detail["roles"] == ["direktur CIA", "Menteri Luar Negeri (USA)"]  # Putin's role is his own
    assert [a["id"] for a in detail["articles"]] == [newer.id, older.id]
