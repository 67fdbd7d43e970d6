"""The response cache of `warta serve` (warta.serve.cache): repeated reads come from memory until anything is written."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.serve.conftest import TOKEN
from tests.serve.corpus import build, make
from warta.article import RawDocument, Source
from warta.serve import ServeConfig, create_app
from warta.store import Store


def cache_state(response) -> str | None:
    """``hit`` or ``miss`` from the response's Server-Timing header; None when the cache did not see it."""
    for part in response.headers["server-timing"].split(","):
        name, _, value = part.strip().partition(";desc=")
        if name == "cache":
            return value
    return None


def _client(path, **config) -> TestClient:
    return TestClient(create_app(ServeConfig(db=str(path), **config)), raise_server_exceptions=False)


def _store_another_article(target: str) -> None:
    """What another process writing the store does: its own engine, its own connections."""
    article = make("Rusia kembali menyerang Ukraina pada Rabu (1/3/2023). Serangan itu menghantam kota pelabuhan.",
                   title="Rusia Serang Kota Pelabuhan Ukraina", outlet="Kompas.com", published="2023-03-01",
                   surfaces=["Rusia", "Ukraina"], events=[("menyerang", "ASSAULT", "Rusia", "Ukraina", "2023-03-01")])
    with Store.open(target) as store:
        store.save(article, RawDocument(source=Source(url="https://example.id/kompas/pelabuhan"), text=article.body,
                                        raw=article.body.encode()))


def test_a_repeated_read_is_answered_from_memory_with_the_same_bytes(tmp_path):
    with _client(build(tmp_path / "w.db")) as client:
        first, second = client.get("/api/events?dyad=RUS-UKR"), client.get("/api/events?dyad=RUS-UKR")
        other = client.get("/api/events?dyad=RUS-UKR&limit=1")  # another query is another answer
        assert (cache_state(first), cache_state(second), cache_state(other)) == ("miss", "hit", "miss")
        assert second.content == first.content and second.headers["content-type"] == "application/json"
        assert len(other.json()["items"]) == 1
        assert client.app.state.answers.hits == 1


@pytest.mark.parametrize("writer", ["another process", "warta ingest over HTTP"])
def test_a_write_makes_the_next_read_come_from_the_store(tmp_path, writer):
    path = build(tmp_path / "w.db")
    with _client(path, token=TOKEN) as client:
        before = client.get("/api/events?dyad=RUS-UKR").json()
        assert cache_state(client.get("/api/events?dyad=RUS-UKR")) == "hit"
        assert client.get("/api/search?q=pelabuhan").json()["total"] == 0
        if writer == "another process":
            _store_another_article(path)
        else:
            body = "Rusia kembali menyerang Ukraina. Serangan itu menghantam kota pelabuhan."
            response = client.post("/api/ingest?title=Serangan+di+Pelabuhan&published=2023-03-01", content=body.encode(),
                                   headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})
            assert response.json()["added"] == 1
        after = client.get("/api/search?q=pelabuhan")
        assert cache_state(after) == "miss" and after.json()["total"] == 1
        if writer == "another process":  # the hand-made article has its event; the pipeline's may differ
            events = client.get("/api/events?dyad=RUS-UKR").json()
            assert events["total"] == before["total"] + 1


def test_the_store_counts_its_write_transactions(tmp_path):
    from warta.store.connect import generation, writing

    path = build(tmp_path / "w.db")
    with Store.open(path) as store:
        with store.engine.connect() as conn:
            start = generation(conn)
        with writing(store.engine):
            pass
        with pytest.raises(RuntimeError):
            with writing(store.engine):
                raise RuntimeError("rolled back: not counted")
        with store.engine.connect() as conn:
            assert generation(conn) == start + 1 > 1


def test_errors_exports_and_writes_are_not_kept(tmp_path):
    with _client(build(tmp_path / "w.db")) as client:
        for path in ("/api/articles/ffffffff", "/api/events?type=NOPE"):
            assert [cache_state(client.get(path)) for _ in range(2)] == ["miss", "miss"]
        export = [client.get("/api/export/events?format=csv") for _ in range(2)]
        assert [cache_state(r) for r in export] == [None, None] and export[0].content == export[1].content
        assert cache_state(client.get("/")) is None  # the pages are not cached
        assert cache_state(client.post("/api/ingest", content=b"x")) is None


def test_the_cache_can_be_turned_off(tmp_path):
    with _client(build(tmp_path / "w.db"), cache_mb=0) as client:
        assert [cache_state(client.get("/api/events?dyad=RUS-UKR")) for _ in range(2)] == [None, None]


def test_the_cache_keeps_at_most_its_size(tmp_path):
    from warta.serve.cache import Answers

    answers = Answers(engine=None, max_bytes=1000)
    for n in range(30):
        answers.put(("/api/x", str(n).encode()), 1, 200, [], b"x" * 90)
    assert answers.size <= 1000 and len(answers.entries) == 11
    assert answers.get(("/api/x", b"0"), 1) is None and answers.get(("/api/x", b"29"), 1) == (200, [], b"x" * 90)
    answers.put(("/api/x", b"big"), 1, 200, [], b"x" * 101)  # over a tenth of the size: not kept
    assert answers.get(("/api/x", b"big"), 1) is None
    answers.put(("/api/x", b"29"), 0, 200, [], b"older")  # computed from an older generation: the newer stays
    assert answers.get(("/api/x", b"29"), 1) == (200, [], b"x" * 90) and answers.get(("/api/x", b"29"), 2) is None


def test_a_write_by_another_process_reaches_the_cache_on_postgresql():
    from tests.store.conftest import pg_schema

    with pg_schema("warta_cache") as url:
        with _client(build(url)) as client:
            before = client.get("/api/events?dyad=RUS-UKR").json()["total"]
            assert cache_state(client.get("/api/events?dyad=RUS-UKR")) == "hit"
            _store_another_article(url)
            after = client.get("/api/events?dyad=RUS-UKR")
            assert cache_state(after) == "miss" and after.json()["total"] == before + 1



def _loop_running_here() -> bool:
    import asyncio

    try:
        asyncio.get_running_loop()
        return True
    except RuntimeError:
        return False


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_generation_of_a_database_server_is_read_off_the_event_loop(tmp_path, backend):
    # PostgreSQL: a round trip (or a connect to a server that does not answer) must not hold every request
    from contextlib import nullcontext

    from tests.store.conftest import pg_schema

    with (pg_schema("warta_cache") if backend == "postgresql" else nullcontext(str(tmp_path / "w.db"))) as target:
        with _client(build(target)) as client:
            answers = client.app.state.answers
            read, on_loop = answers.generation, []

            def generation():
                on_loop.append(_loop_running_here())
                return read()

            answers.generation = generation
            assert cache_state(client.get("/api/events")) == "miss" and cache_state(client.get("/api/events")) == "hit"
            # SQLite's local read of one row waits for nobody and stays inline (a thread hop costs more)
            assert on_loop == [backend == "sqlite"] * 2
