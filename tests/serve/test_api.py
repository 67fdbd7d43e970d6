"""The REST API over a hand-made store: lists with filters and pages, one item, errors in one JSON shape, ingest."""

from __future__ import annotations

import pytest

from tests.serve.conftest import TOKEN
from tests.serve.corpus import SCRIPT_TITLE, SECOND_REPORT, by_title


def titles(page: dict) -> set[str]:
    return {row.get("title") or row.get("article_title") for row in page["items"]}


@pytest.mark.parametrize("query,expected", [
    ("", {"Menlu Retno Bertemu Menlu Australia", "Uni Eropa Jatuhkan Sanksi Baru terhadap Rusia",
          "Ukraina Minta Bantuan Pertahanan Udara", SCRIPT_TITLE, "Berita Tanpa Tanggal", SECOND_REPORT}),
    ("outlet=kompas.com", {"Menlu Retno Bertemu Menlu Australia"}),  # outlets match in any case
    ("since=2023-02-20&until=2023-03-01", {"Uni Eropa Jatuhkan Sanksi Baru terhadap Rusia"}),
    ("actor=RUS", {"Uni Eropa Jatuhkan Sanksi Baru terhadap Rusia", "Ukraina Minta Bantuan Pertahanan Udara"}),
    ("actor=IDN", {"Menlu Retno Bertemu Menlu Australia", SCRIPT_TITLE, SECOND_REPORT}),  # IDN matches IDNGOV (Retno)
    ("q=sanksi", {"Uni Eropa Jatuhkan Sanksi Baru terhadap Rusia"}),
    ("q=temu&since=2023-01-01", {"Menlu Retno Bertemu Menlu Australia", "Uni Eropa Jatuhkan Sanksi Baru terhadap Rusia",
                                 SECOND_REPORT}),
])
def test_api_articles_filters(client, query, expected):
    response = client.get(f"/api/articles?{query}")
    assert response.status_code == 200, response.text
    assert titles(response.json()) == expected


def test_api_articles_are_paginated_newest_first(client):
    first = client.get("/api/articles?limit=2").json()
    second = client.get("/api/articles?limit=2&offset=2").json()
    assert first["total"] == second["total"] == 6 and (first["limit"], second["offset"]) == (2, 2)
    assert [r["published"] for r in first["items"]] == ["2023-03-14T15:00:00+07:00", "2023-03-14T10:15:00+07:00"]
    assert not {r["id"] for r in first["items"]} & {r["id"] for r in second["items"]}


def test_api_article_has_every_extracted_item(client):
    art = by_title("Menlu Retno Bertemu Menlu Australia")
    got = client.get(f"/api/articles/{art.id[:6]}").json()  # a unique prefix is enough
    assert got["id"] == art.id and got["body"] == art.body
    assert [e["name"] for e in got["entities"]] == ["Retno Marsudi", "Penny Wong"]
    event = got["events"][0]
    assert (event["type"], got["body"][event["trigger"]["start"]:event["trigger"]["end"]]) == ("CONSULT", "bertemu")
    assert got["quotes"][0]["speaker"] == "per:retno-marsudi" and got["timex"][0]["value"] == "2023-03-14"


def test_api_entities_and_one_entity(client):
    page = client.get("/api/entities?type=GPE").json()
    assert {r["id"] for r in page["items"]} == {"gpe:RUS", "gpe:UKR", "gpe:IDN", "gpe:JPN"}
    assert page["items"][0]["articles"] == 2  # the most-cited first
    one = client.get("/api/entities/per:retno-marsudi").json()
    assert one["surfaces"] == {"Retno Marsudi": 2} and one["quotes"] == 1 and one["events"] == 2
    assert {a["title"] for a in one["articles"]} == {"Menlu Retno Bertemu Menlu Australia", SECOND_REPORT}


@pytest.mark.parametrize("query,count", [
    ("speaker=per:retno-marsudi", 1), ("speaker=retno", 1), ("q=MARITIM", 1), ("speaker=jepang", 1), ("q=tidak-ada", 0),
])
def test_api_quotes_by_speaker_and_text(client, query, count):
    assert client.get(f"/api/quotes?{query}").json()["total"] == count


@pytest.mark.parametrize("query,types", [
    ("dyad=RUS-UKR", ["ASSAULT", "ACCUSE", "ASSAULT"]),  # oldest first: 2022-10 counts from its first day
    ("dyad=IDN-AUS", ["CONSULT", "CONSULT"]),  # country codes match their sectors: IDN-AUS finds IDNGOV-AUSGOV
    ("actor=eu", ["SANCTION"]),
    ("type=assault", ["ASSAULT", "ASSAULT"]),
    ("quad_class=verbal-conflict", ["REQUEST", "ACCUSE"]),  # same day: in body order
    ("since=2023-01-01&until=2023-02-22", ["ASSAULT"]),
])
def test_api_events_filters(client, query, types):
    page = client.get(f"/api/events?{query}").json()
    assert [e["type"] for e in page["items"]] == types and page["total"] == len(types)


def test_api_events_pages_keep_the_total_past_the_last_page(client):
    pages = [client.get(f"/api/events?dyad=RUS-UKR&limit=2&offset={offset}").json() for offset in (0, 2, 9)]
    assert [len(p["items"]) for p in pages] == [2, 1, 0] and {p["total"] for p in pages} == {3}
    assert [e["type"] for p in pages for e in p["items"]] == ["ASSAULT", "ACCUSE", "ASSAULT"]


def test_api_timeline_of_a_dyad_counts_merged_events(client):
    got = client.get("/api/timeline?dyad=RUS-UKR&by=month").json()
    periods = [(p["period"], p["events"], p["intensity"]) for p in got["periods"]]
    # ASSAULT -9.5 and ACCUSE -2 (intensity.yaml); the months between are there, empty
    assert periods == [("2022-10", 2, -11.5), ("2022-11", 0, 0), ("2022-12", 0, 0), ("2023-01", 0, 0), ("2023-02", 1, -9.5)]
    meeting = client.get("/api/timeline?dyad=IDN-AUS").json()
    assert (meeting["events"], meeting["sources"]) == (1, 2)  # one meeting, reported twice


@pytest.mark.parametrize("query,message", [
    ("", "give exactly one of"), ("actor=RUS&dyad=RUS-UKR", "give exactly one of"), ("dyad=RUS", "must look like"),
])
def test_api_timeline_needs_one_actor_or_dyad(client, query, message):
    response = client.get(f"/api/timeline?{query}")
    assert response.status_code == 400 and message in response.json()["error"]


def test_api_stories_list_and_one_story(client):
    page = client.get("/api/stories").json()
    assert page["total"] == 5  # six articles: the two reports of the meeting are one story
    meeting = next(s for s in page["items"] if s["articles"] == 2)
    assert (meeting["outlets"], meeting["events"], meeting["first_seen"]) == (2, 1, "2023-03-14")
    one = client.get(f"/api/stories/{meeting['id'][:6]}").json()
    assert {a["outlet"] for a in one["articles"]} == {"Kompas.com", "ANTARA"}
    [event] = one["events"]
    assert (event["type"], event["sources"], len(event["evidence"])) == ("CONSULT", 2, 2)
    assert client.get("/api/stories?actor=UKR").json()["total"] == 2
    assert client.get("/api/stories/snothing").status_code == 404


def test_api_dashboard(client):
    got = client.get("/api/dashboard").json()
    assert got["totals"] == {"articles": 6, "quotes": 2, "events": 7, "entities": 7, "failures": 0}
    assert got["top_dyads"][0]["dyad"] == "RUS-UKR" and got["top_dyads"][0]["events"] == 3
    assert got["top_dyads"][0]["merged"] and got["top_dyads"][0]["intensity"] == -21.0
    assert got["volume"]["undated"] == 1 and got["top_actors"][0]["actor"] in ("RUS", "UKR")
    days, months = got["volume"]["days"], got["volume"]["months"]
    assert len(days) == 90 and days[-1] == {"period": "2023-03-14", "articles": 2}  # the last 90 days, empty ones too
    assert [m["articles"] for m in months] == [1, 0, 0, 0, 2, 2]  # 2022-10 … 2023-03


def test_api_search_ranks_and_highlights(client):
    got = client.get("/api/search?q=pertemuan").json()  # pertemuan → temu: finds bertemu and Pertemuan
    assert got["terms"] == ["temu"] and got["total"] == 4
    assert got["items"][0]["title"] == "Menlu Retno Bertemu Menlu Australia"  # the title counts more
    assert "<mark>bertemu</mark>" in got["items"][0]["snippet"]


def test_api_search_snippets_are_escaped(client):
    got = client.get("/api/search?q=tebal").json()
    hit = got["items"][0]
    assert "&lt;script&gt;" in hit["title_html"] and "<script>" not in hit["title_html"]
    assert "&lt;b&gt;<mark>Tebal</mark>&lt;/b&gt;" in hit["snippet"]


@pytest.mark.parametrize("path,status,message", [
    ("/api/articles/ffffffffffff", 404, "no article with id"),
    ("/api/entities/per:nobody", 404, "no entity with id"),
    ("/api/events?type=MEET", 400, "not a PLOVER type"),
    ("/api/events?dyad=RUS", 400, "dyad must look like RUS-USA"),
    ("/api/articles?since=kemarin", 400, "since must be a date"),
    ("/api/articles?limit=501", 422, "limit: Input should be less than or equal to 500"),
    ("/api/search?q=%21%21", 400, "no words to search for"),
    ("/api/search", 422, "q: Field required"),
    ("/api/nowhere", 404, "nothing at /api/nowhere"),
    ("/api/articles?outlet=a%00b", 400, "NUL characters"),
    ("/api/entities/per%00x", 400, "NUL characters"),
    ("/api/export/quotes?format=gdelt", 400, "gdelt format is a table of events"),
])
def test_api_errors_have_one_json_shape(client, path, status, message):
    response = client.get(path)
    body = response.json()
    assert response.status_code == status and body["status"] == status and body["ok"] is False
    assert message in body["error"] and "Traceback" not in response.text


@pytest.mark.parametrize("path", ["/api/events?dyad=RUS-UKR", "/api/search?q=pertemuan", "/api/nowhere", "/events"])
def test_every_response_says_the_time_the_server_spent(client, path):
    timing = client.get(path).headers["server-timing"]
    name, _, duration = timing.split(",")[0].partition(";dur=")
    assert name == "app" and float(duration) > 0


def test_api_openapi_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/quotes", "/api/events",
                 "/api/timeline", "/api/search", "/api/export/{kind}", "/api/ingest"):
        assert path in paths


# ---------------------------------------------------------------- ingest over HTTP


def test_api_ingest_is_disabled_without_a_configured_token(client):
    response = client.post("/api/ingest", content=b"Teks berita.", headers={"Authorization": "Bearer x"})
    assert response.status_code == 403 and "WARTA_TOKEN" in response.json()["error"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer salah"}, {"Authorization": f"Basic {TOKEN}"}])
def test_api_ingest_without_the_token_is_401(writable, headers):
    response = writable.post("/api/ingest", content=b"Teks berita.", headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"


def test_api_ingest_over_the_size_limit_is_413(writable):
    response = writable.post("/api/ingest", content=b"x" * 20_001, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413 and "limit" in response.json()["error"]


def test_api_ingest_empty_body_is_400(writable):
    response = writable.post("/api/ingest", content=b"  \n", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400


def test_api_ingest_stores_jsonl_articles_and_they_are_searchable(writable):
    body = ('{"url": "https://example.id/a", "title": "Prabowo Kunjungi Beijing", "published": "2024-04-01",'
            ' "text": "BEIJING - Menteri Pertahanan Prabowo Subianto bertemu Presiden Xi Jinping di Beijing."}\n'
            '{"url": "https://example.id/b", "text": ""}\n')
    response = writable.post("/api/ingest", content=body.encode(),
                             headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"})
    report = response.json()
    assert response.status_code == 200, report
    assert (report["added"], report["failed"], report["ok"]) == (1, 1, False)
    assert "missing article content" in report["errors"][0]
    hits = writable.get("/api/search?q=prabowo").json()
    assert [h["title"] for h in hits["items"]] == ["Prabowo Kunjungi Beijing"]
    again = writable.post("/api/ingest", content=body.encode(), headers={"X-Warta-Token": TOKEN,
                                                                         "Content-Type": "application/x-ndjson"})
    assert again.json()["unchanged"] == 1  # posting the same article again is a no-op


@pytest.mark.parametrize("path", [
    "/api/articles?actor=RUS&since=2022-01-01", "/api/articles?q=temu", "/api/entities?type=GPE",
    "/api/entities/per:retno-marsudi", "/api/quotes?speaker=retno", "/api/events?dyad=RUS-UKR",
    "/api/timeline?actor=RUS&by=week", "/api/dashboard", "/api/stories",
])
def test_api_answers_the_same_on_postgresql(client, pg_client, path):
    assert pg_client.get(path).json() == client.get(path).json()


def test_api_search_finds_the_same_on_postgresql(client, pg_client):
    def found(c):
        return {(h["id"], h["snippet"]) for h in c.get("/api/search?q=pertemuan&limit=5").json()["items"]}

    assert found(pg_client) == found(client)  # the scores (ts_rank_cd, bm25) and so the order of ties differ


@pytest.mark.parametrize("content_type,body", [
    ("text/plain", "JAKARTA - Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Jepang di Tokyo pada Senin."),
    ("text/html", "<html><head><title>Sugiono ke Tokyo</title></head><body><article><p>JAKARTA - Menteri Luar "
                  "Negeri Sugiono bertemu Menteri Luar Negeri Jepang di Tokyo pada Senin.</p></article></body></html>"),
])
def test_api_ingest_text_and_html_with_their_url(writable, content_type, body):
    url = f"https://example.id/{content_type.replace('/', '-')}"
    response = writable.post(f"/api/ingest?url={url}&published=2025-01-13", content=body.encode(),
                             headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type})
    report = response.json()
    assert response.status_code == 200 and report["added"] == 1, report
    article = writable.get(f"/api/articles/{report['articles'][0]}").json()
    assert article["published"].startswith("2025-01-13") and "Sugiono" in article["body"]
    listed = writable.get("/api/articles?q=sugiono").json()["items"]
    assert [a["url"] for a in listed] == [url]


def test_the_server_loads_the_stemmer_before_its_first_search(tmp_path):
    from tests.serve.corpus import build
    from warta.serve import ServeConfig, create_app
    from warta.store import searchtext

    path = build(tmp_path / "w.db")
    create_app(ServeConfig(db=path))  # indexes the articles for search (and stems their words)
    searchtext._stemmer.cache_clear()
    create_app(ServeConfig(db=path))  # nothing new to index
    assert searchtext._stemmer.cache_info().currsize == 1


def test_api_failures_lists_failed_and_partial_documents(tmp_path):
    from fastapi.testclient import TestClient

    from tests.serve.corpus import build
    from warta.article import Article, RawDocument, Source, StageMark
    from warta.serve import ServeConfig, create_app
    from warta.store import Store

    path = build(tmp_path / "w.db")
    body = "Rusia menyerang Ukraina pada Rabu (1/3/2023)."
    partial = Article(body=body, title="Serangan", stage_errors=[StageMark("events", "failed", "RuntimeError: boom")])
    with Store.open(path) as store:
        store.save_failure(Source(path="feed.jsonl", line=2), "malformed JSON line", b"{rusak")
        store.save(partial, RawDocument(Source(path="serangan.txt"), text=body, raw=body.encode()))
    with TestClient(create_app(ServeConfig(db=path)), raise_server_exceptions=False) as client:
        page = client.get("/api/failures").json()
        assert page["total"] == 2
        assert {(i["key"], i["status"], i["error"], i["article"]) for i in page["items"]} == {
            ("feed.jsonl:2", "failed", "malformed JSON line", None),
            ("serangan.txt", "partial", "stage events failed: RuntimeError: boom", partial.id)}
        only = client.get("/api/failures?status=partial").json()
        assert [i["key"] for i in only["items"]] == ["serangan.txt"] and only["total"] == 1
        assert client.get(f"/api/articles/{partial.id}").json()["stage_errors"][0]["stage"] == "events"
        assert client.get("/api/failures?status=ok").status_code == 422
        assert client.get("/api/dashboard").json()["totals"]["failures"] == 2
        assert "2 document(s)</a> failed or" in client.get("/").text


def test_api_ingest_reads_off_the_event_loop_and_reports_a_failed_stage(writable, tmp_path, monkeypatch):
    import asyncio

    from warta.serve import writes

    plan = tmp_path / "plan.yaml"  # the actors stage fails on every document (its gazetteer is missing)
    plan.write_text(f"stages:\n  - name: time\n  - name: actors\n    settings: {{gazetteer: {tmp_path / 'no.yaml'}}}\n",
                    encoding="utf-8")
    monkeypatch.setenv("WARTA_PIPELINE", str(plan))
    read, on_loop = writes.documents, []

    def documents(*args, **kwargs):
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:
            on_loop.append(False)
        return read(*args, **kwargs)

    monkeypatch.setattr(writes, "documents", documents)
    body = "Menteri Pertahanan Prabowo Subianto bertemu Presiden Xi Jinping di Beijing, Senin (1/4/2024)."
    report = writable.post("/api/ingest?title=Prabowo+di+Beijing", content=body.encode(),
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}).json()
    assert on_loop == [False]
    assert (report["added"], report["partial"], report["failed"], report["ok"]) == (1, 1, 0, False)
    assert "stage actors failed: " in report["errors"][0] and "gazetteer file or folder not found" in report["errors"][0]
    assert writable.get("/api/failures?status=partial").json()["total"] == 1
