"""Several processes writing one store at once, from a new database: nothing lost, nothing duplicated."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from warta.store import Store, schema
from warta.store.connect import generation

# One writer process: waits for the common start time, opens the (new) store, saves its documents.
WRITER = r"""
import json, sys, time
from warta.article import Article, Entity, Mention, RawDocument, Source
from warta.store import Store

def article(body):
    return Article(body=body, title=body, entities=[Entity(id="per:x", name="X", type="PER", mentions=[Mention(0, 6, body[:6])])])

target, start, me = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
time.sleep(max(0.0, start - time.time()))
outcomes = {"added": 0, "updated": 0, "unchanged": 0}
with Store.open(target) as store:
    for i in range(SHARED):
        # the same folder ingested by every process: same path, same bytes
        body = f"Cerita bersama nomor {i}."
        outcomes[store.save(article(body), RawDocument(Source(path=f"shared/{i}.txt"), text=body, raw=body.encode()))] += 1
    for i in range(OWN):
        # own files; the last ones hold a story every process also has (one article, many documents)
        body = f"Berita milik {me} nomor {i}." if i < OWN // 2 else f"Berita umum nomor {i}."
        outcomes[store.save(article(body), RawDocument(Source(path=f"own{me}/{i}.txt"), text=body, raw=body.encode()))] += 1
print(json.dumps(outcomes))
"""
SHARED, OWN = 12, 12


def _run_writers(target: str, processes: int) -> list[dict]:
    start = time.time() + 1.5  # every process has imported everything by then, and they start together
    script = WRITER.replace("SHARED", str(SHARED)).replace("OWN", str(OWN))
    procs = [subprocess.Popen([sys.executable, "-c", script, target, str(start), str(n)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n in range(processes)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    return results


@pytest.mark.parametrize("processes", [3])
def test_concurrent_writers_on_a_new_database_lose_and_duplicate_nothing(db_target, processes):
    results = _run_writers(db_target, processes)
    expected_articles = SHARED + processes * (OWN // 2) + (OWN - OWN // 2)
    with Store.open(db_target, create=False) as store, store.engine.connect() as conn:
        d, a = schema.documents, schema.articles
        docs = conn.execute(select(d.c.key, d.c.article_id, d.c.status)).all()
        assert len(docs) == SHARED + processes * OWN
        assert {status for _, _, status in docs} == {"ok"}
        ids = set(conn.execute(select(a.c.id)).scalars())
        assert len(ids) == expected_articles == store.count()
        assert {article_id for _, article_id, _ in docs} == ids  # no document points at nothing
        for table in (schema.entities, schema.mentions):  # derived rows: one per article, never written twice
            assert conn.execute(select(func.count()).select_from(table)).scalar() == expected_articles
        m = schema.meta
        assert conn.execute(select(func.count()).where(m.c.key == "schema_version")).scalar() == 1  # created once
        # every write transaction counted, none lost: each process's opening of the store and each save that
        # wrote (a shared file is written once; the other processes find it stored and change nothing)
        assert generation(conn) == processes * (1 + OWN) + SHARED
    # each story was added exactly once, whichever process got there first
    assert sum(r["added"] for r in results) == expected_articles
    assert sum(r["updated"] for r in results) == 0

