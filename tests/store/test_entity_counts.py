"""entity_counts (revision 0009): kept by Store.save, equal at every step to the aggregate over the entity rows.

Each test runs on SQLite and on PostgreSQL (``db_target``); the answers must be the ones the old query
(counting every entity row) gives, and the same on both backends.
"""

from __future__ import annotations

import subprocess
import sys
import time

from alembic import command
from sqlalchemy import distinct, func, select

from warta.article import Article, Entity, Mention, RawDocument, Source
from warta.store import Store, migrate, schema
from warta.store.browse import entity_rows, entity_rows_by_id
from warta.store.connect import engine_for, writing
from warta.store.entities import find_entity, list_entities


def article(body: str, *entities: tuple) -> Article:
    """An article whose entities are (id, name, type, country, mentions) tuples."""
    return Article(body=body, title=body[:20], entities=[
        Entity(id=eid, name=name, type=type_, country=country,
               mentions=[Mention(n, n + 3, body[n:n + 3]) for n in range(mentions)])
        for eid, name, type_, country, mentions in entities])


def raw(path: str, body: str) -> RawDocument:
    return RawDocument(Source(path=path), text=body, raw=body.encode())


def counted(store: Store) -> dict:
    """entity_counts as stored."""
    c = schema.entity_counts
    with store.engine.connect() as conn:
        return {r[0]: tuple(r[1:]) for r in conn.execute(
            select(c.c.entity_id, c.c.name, c.c.type, c.c.country, c.c.actor, c.c.articles, c.c.mentions))}


def aggregated(store: Store) -> dict:
    """What the old query gave: the aggregate over every entity row."""
    e = schema.entities
    with store.engine.connect() as conn:
        return {r[0]: (r[1], r[2], r[3], r[4], r[5], int(r[6])) for r in conn.execute(
            select(e.c.entity_id, func.max(e.c.name), func.max(e.c.type), func.max(e.c.country), func.max(e.c.actor),
                   func.count(distinct(e.c.article_id)), func.coalesce(func.sum(e.c.mention_count), 0))
            .group_by(e.c.entity_id))}


JOKOWI = ("per:jokowi", "Joko Widodo", "PER", "IDN", 2)
RETNO = ("per:retno", "Retno Marsudi", "PER", "IDN", 1)
PBB = ("org:pbb", "PBB", "ORG", None, 3)


def _steps(store: Store) -> list[dict]:
    """A sequence of saves touching the counts every way; the counts after each step."""
    seen = []
    steps = [
        (raw("a.txt", "Berita pertama Jokowi."), article("Berita pertama Jokowi.", JOKOWI, RETNO)),
        (raw("b.txt", "Berita kedua PBB."), article("Berita kedua PBB.", JOKOWI, PBB)),
        # an entity id twice in one article: one article, the mentions of both
        (raw("c.txt", "Berita ketiga dua kali."), article("Berita ketiga dua kali.", PBB, PBB)),
        # the same story from another document: stored once, counted once
        (raw("d.txt", "Berita pertama Jokowi."), article("Berita pertama Jokowi.", JOKOWI, RETNO)),
        # a.txt changed: its new article replaces the old one, which d.txt still holds (kept)
        (raw("a.txt", "Berita pertama diubah."), article("Berita pertama diubah.", PBB)),
        # d.txt changed too: the old article has no document left and goes, with its counts
        (raw("d.txt", "Berita keempat Retno."), article("Berita keempat Retno.", ("per:retno", "Retno L. Marsudi",
                                                                                   "PER", "IDN", 4))),
        # b.txt re-extracted over the same body, other entities: counts move from Jokowi to Retno
        (RawDocument(Source(path="b.txt"), text="Berita kedua PBB.", raw=b"Berita kedua PBB. v2"),
         article("Berita kedua PBB.", RETNO, PBB)),
    ]
    for document, art in steps:
        store.save(art, document)
        seen.append(counted(store))
        assert seen[-1] == aggregated(store)
    return seen


def test_counts_follow_every_save_update_and_release_on_both_backends(tmp_path, pg_url):
    results = []
    for target in (str(tmp_path / "w.db"), pg_url):
        with Store.open(target) as store:
            results.append((_steps(store), list_entities(store), entity_rows(store.engine, limit=10)))
    assert results[0] == results[1]  # the same answers on SQLite and PostgreSQL
    steps, listed, _ = results[0]
    assert steps[1]["per:jokowi"] == ("Joko Widodo", "PER", "IDN", None, 2, 4)
    assert steps[2]["org:pbb"] == ("PBB", "ORG", None, None, 2, 9)  # one article more, with both mentions (3 + 3)
    assert steps[3] == steps[2]  # the same story again: nothing counted twice
    assert steps[4]["org:pbb"][4:] == (3, 12) and steps[4]["per:jokowi"][4:] == (2, 4)  # a.txt's old article kept
    assert "per:jokowi" in steps[5] and steps[5]["per:jokowi"][4:] == (1, 2)  # its last document moved away
    # the names: the greatest of the rows left, recomputed when the article that gave one is gone
    assert steps[5]["per:retno"] == ("Retno L. Marsudi", "PER", "IDN", None, 1, 4)
    assert "per:jokowi" not in steps[6] and steps[6]["per:retno"][4:] == (2, 5)
    assert [(r.id, r.articles, r.mentions) for r in listed] == [
        ("org:pbb", 3, 12), ("per:retno", 2, 5)]


def test_find_entity_and_the_api_rows_read_the_counts(db_target):
    with Store.open(db_target) as store:
        store.save(article("Satu berita.", JOKOWI, PBB), raw("1.txt", "Satu berita."))
        store.save(article("Dua berita.", JOKOWI), raw("2.txt", "Dua berita."))
        detail = find_entity(store, "joko widodo")
        assert (detail.row.id, detail.row.articles, detail.row.mentions) == ("per:jokowi", 2, 4)
        assert entity_rows_by_id(store.engine, "org:pbb")[1][0]["articles"] == 1
        assert entity_rows(store.engine, type="org")[0] == 1
        assert entity_rows(store.engine, name="widodo")[1][0]["id"] == "per:jokowi"
        assert [r.id for r in list_entities(store, type_="PER", country="idn")] == ["per:jokowi"]


def test_migration_fills_the_counts_from_the_rows_already_stored(db_target):
    with Store.open(db_target) as store:
        for n in range(4):
            body = f"Berita nomor {n}."
            store.save(article(body, JOKOWI, *([PBB] if n % 2 else [])), raw(f"{n}.txt", body))
        expected = counted(store)
        with writing(store.engine) as conn:
            command.downgrade(migrate.alembic_config(conn), "0008")
    engine = engine_for(db_target)
    with engine.connect() as conn:
        assert "entity_counts" not in set(conn.dialect.get_table_names(conn))
    engine.dispose()
    with Store.open(db_target) as store:  # migrated to 0009: filled
        assert store.schema_version() == schema.SCHEMA_VERSION >= 9
        assert counted(store) == expected == aggregated(store)
        assert expected["per:jokowi"][4:] == (4, 8) and expected["org:pbb"][4:] == (2, 6)


# Writers saving at once: new stories, one story every process has, and updates of shared files.
WRITER = r"""
import sys, time
from warta.article import Article, Entity, Mention, RawDocument, Source
from warta.store import Store

def article(body, ids):
    return Article(body=body, title=body, entities=[Entity(id=i, name=i.upper(), type="PER",
                                                           mentions=[Mention(0, 5, body[:5])] * (1 + n % 3))
                                                    for n, i in enumerate(ids)])

target, start, me = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
time.sleep(max(0.0, start - time.time()))
with Store.open(target) as store:
    for i in range(10):
        body = f"Berita {me} nomor {i}."
        ids = ["per:a", f"per:own{me}", f"per:{i % 3}"]
        store.save(article(body, ids), RawDocument(Source(path=f"own{me}/{i}.txt"), text=body, raw=body.encode()))
        body = f"Berita umum nomor {i}."  # the same story in every process: one article
        store.save(article(body, ["per:a", "per:b"]), RawDocument(Source(path=f"common{me}/{i}.txt"), text=body,
                                                                  raw=body.encode()))
        # a file every process writes, each with its own text: updates that move the counts
        body = f"Berkas bersama {i} versi {me}."
        store.save(article(body, [f"per:v{me}", "per:b"]), RawDocument(Source(path=f"shared/{i % 4}.txt"), text=body,
                                                                       raw=body.encode()))
"""


def test_concurrent_ingest_keeps_the_counts_exact(db_target):
    processes = 3
    start = time.time() + 1.5
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, db_target, str(start), str(n)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(processes)]
    for proc in procs:
        _, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
    with Store.open(db_target, create=False) as store:
        counts = counted(store)
        assert counts == aggregated(store)
        # every process's own stories (10 each), the 10 common ones once, the 4 shared files' last versions
        assert counts["per:a"][4] == processes * 10 + 10
        assert counts["per:b"][4] == 10 + 4
        assert sum(counts[f"per:v{n}"][4] for n in range(processes) if f"per:v{n}" in counts) == 4
