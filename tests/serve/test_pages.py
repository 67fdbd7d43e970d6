"""The web UI: every page renders from the store, article text is escaped everywhere, evidence is marked by offsets."""

from __future__ import annotations

import re

import pytest

from tests.serve.corpus import SCRIPT_TITLE, by_title
from warta.serve.evidence import Mark, render


def test_pages_render(client):
    art = by_title("Menlu Retno Bertemu Menlu Australia")
    for path in ("/", "/articles", f"/articles/{art.id}", "/entities", "/entities/per:retno-marsudi", "/quotes",
                 "/events", "/events?dyad=RUS-UKR&type=ASSAULT", "/search?q=sanksi", "/search"):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        assert response.headers["content-type"].startswith("text/html")


def test_pages_load_nothing_from_another_host(client):
    html = client.get("/").text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


@pytest.mark.parametrize("path", ["/articles", "/search?q=tebal", "/quotes", "/entities/gpe:JPN", "/ARTICLE"])
def test_pages_escape_a_script_title(client, path):
    if path == "/ARTICLE":
        path = f"/articles/{by_title(SCRIPT_TITLE).id}"
    html = client.get(path).text
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned" in html or "&lt;b&gt;" in html


def test_article_page_marks_evidence_with_code_and_date(client):
    art = by_title("Menlu Retno Bertemu Menlu Australia")
    html = client.get(f"/articles/{art.id}").text
    assert re.search(r'<span class="ev-event[^"]*" data-tip="CONSULT: IDNGOV → AUSGOV · date 2023-03-14 \(day\)"', html)
    assert 'data-tip="DATE → 2023-03-14"' in html
    assert 'id="event-{}"'.format(art.events[0].trigger.start) in html


def test_events_page_links_the_filtered_csv(client):
    html = client.get("/events?dyad=RUS-UKR").text
    assert 'href="/api/export/events?dyad=RUS-UKR&amp;format=csv"' in html


def test_missing_page_is_an_html_404(client):
    response = client.get("/articles/ffffffffffff")
    assert response.status_code == 404 and "no article with id" in response.text and "<html" in response.text


@pytest.mark.parametrize("body,marks,expected", [
    # a name inside a quote: the quote is cut around it, the name carries both classes
    ("Kata Retno hari ini", [Mark(0, 19, "quote", "q", "quote"), Mark(5, 10, "ent", "e", "PER")],
     '<a class="anchor" id="q"></a><span class="ev-quote" data-tip="quote" title="quote">Kata </span>'
     '<a class="anchor" id="e"></a><span class="ev-ent ev-quote" data-tip="quote | PER" title="quote | PER">Retno</span>'
     '<span class="ev-quote" data-tip="quote" title="quote"> hari ini</span>'),
    # markup in the body is text
    ("a <i>b</i>", [Mark(2, 10, "ent", "e", "<x>")],
     'a <a class="anchor" id="e"></a><span class="ev-ent" data-tip="&lt;x&gt;" title="&lt;x&gt;">&lt;i&gt;b&lt;/i&gt;</span>'),
])
def test_evidence_render_nests_overlaps_and_escapes(body, marks, expected):
    assert str(render(body, marks)) == expected


def test_entity_page_lists_its_quotes_and_events(client):
    html = client.get("/entities/per:retno-marsudi").text
    assert html.count('<span class="badge verbal-cooperation" title="verbal-cooperation">CONSULT</span>') == 2
    assert "Kami sepakat memperkuat kerja sama maritim," in html


def test_article_page_links_only_body_dates_and_counts_furniture_names(tmp_path):
    # a date of the title has offsets into the title: linking it to "#timex-0" would point at the body's date
    from fastapi.testclient import TestClient

    from warta.article import Article, Entity, RawDocument, Removed, RemovedMention, Source, Timex
    from warta.serve import ServeConfig, create_app
    from warta.store import Store

    art = Article(body="Senin pagi banjir merendam kota.", title="Banjir 6 Januari 2025", published="2025-01-06",
                  removed=[Removed("Penulis: Dewi Lestari", "byline")],
                  timex=[Timex(0, 5, "Senin", "DATE", "2025-01-06"),
                         Timex(7, 21, "6 Januari 2025", "DATE", "2025-01-06", part="title")],
                  entities=[Entity("per:dewi-lestari", "Dewi Lestari", "PER",
                                   in_removed=[RemovedMention(0, 9, 21, "Dewi Lestari", "credit")])])
    with Store.open(tmp_path / "w.db") as store:
        store.save(art, RawDocument(Source(path="uji.txt"), text=art.body, raw=art.body.encode()))
    with TestClient(create_app(ServeConfig(db=str(tmp_path / "w.db")))) as client:
        html = client.get(f"/articles/{art.id}").text
    assert html.count('href="#timex-0"') == 1 and "6 Januari 2025 <small>(title)</small>" in html
    assert "1× in page furniture" in html
