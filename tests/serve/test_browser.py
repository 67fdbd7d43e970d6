"""The web UI in a real browser: Playwright drives Debian's Chromium against `warta serve` on loopback.

Every page loads without a console error and shows the data; a story is followed to its article;
events are filtered; search finds; the `<script>` title stays text. Screenshots go to a temporary
folder (or to ``WARTA_SCREENSHOTS``). Skipped, with the reason, where Chromium or Playwright is missing.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.serve.corpus import SCRIPT_TITLE, by_title

CHROMIUM = os.environ.get("WARTA_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"no Chromium at {CHROMIUM}: `apt-get install chromium` (or set WARTA_CHROMIUM)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(app):
    """The application on uvicorn on a free loopback port, in a thread, for as long as the block runs."""
    uvicorn = pytest.importorskip("uvicorn")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("warta serve did not start within 30 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(db):
    from warta.serve import ServeConfig, create_app

    with serving(create_app(ServeConfig(db=db))) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = Path(os.environ["WARTA_SCREENSHOTS"]) if os.environ.get("WARTA_SCREENSHOTS") else \
        tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Watched:
    """A page and every console error, page error, failed request and 4xx/5xx response seen on it."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Watched(page)
    context.close()


PAGES = [
    ("dashboard", "/", "Dashboard", "svg.chart"),
    ("articles", "/articles", "Articles", "a.title"),
    ("article", "/articles/{kompas}", "Menlu Retno Bertemu Menlu Australia", ".ev-event"),
    ("entities", "/entities", "Entities", "td a"),
    ("entity", "/entities/per:retno-marsudi", "Retno Marsudi", "blockquote"),
    ("quotes", "/quotes", "Quotes", "blockquote"),
    ("events", "/events", "Events", "table.events tbody tr"),
    ("search", "/search?q=pertemuan", "Search", "mark"),
    ("stories", "/stories", "Stories", "table.stories a.title"),
]


@pytest.mark.parametrize("name,path,heading,data", PAGES, ids=[p[0] for p in PAGES])
def test_browser_page_renders_its_data_without_console_errors(base_url, watched, shots, name, path, heading, data):
    page = watched.page
    page.goto(base_url + path.format(kompas=by_title("Menlu Retno Bertemu Menlu Australia").id))
    assert heading in page.inner_text("h1")
    assert page.locator(data).count() > 0, f"{path} shows no {data}"
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    assert watched.problems == []


def test_browser_script_title_shows_as_text_and_runs_nothing(base_url, watched, shots):
    page = watched.page
    page.goto(f"{base_url}/articles/{by_title(SCRIPT_TITLE).id}")
    assert page.inner_text("h1") == SCRIPT_TITLE
    assert page.evaluate("window.__pwned") is None
    assert "<b>Tebal</b>" in page.inner_text("#body")  # markup in the body is text too
    page.goto(f"{base_url}/articles")
    assert page.get_by_text(SCRIPT_TITLE).count() == 1 and page.evaluate("window.__pwned") is None
    page.screenshot(path=str(shots / "script-title.png"), full_page=True)
    assert watched.problems == []


def test_browser_filter_events_and_download_what_is_shown(base_url, watched, shots):
    page = watched.page
    page.goto(f"{base_url}/events")
    assert page.locator("table.events tbody tr").count() == 7
    page.fill("input[name=dyad]", "RUS-UKR")
    page.select_option("select[name=type]", "ASSAULT")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**/events?*dyad=RUS-UKR*")
    assert page.locator("table.events tbody tr").count() == 2
    href = page.get_attribute("a.download", "href")
    assert "dyad=RUS-UKR" in href and "type=ASSAULT" in href and "format=csv" in href
    with page.expect_download() as info:
        page.click("a.download")
    assert Path(info.value.path()).read_text(encoding="utf-8").count("\n") == 3  # header and two events
    page.screenshot(path=str(shots / "events-filtered.png"), full_page=True)
    assert watched.problems == []


def test_browser_search_from_the_navigation_bar(base_url, watched, shots):
    page = watched.page
    page.goto(base_url + "/")
    page.fill("header input[name=q]", "pertemuan")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=pertemuan")
    assert page.locator("ol.hits > li").count() == 4
    assert page.locator("ol.hits mark").first.inner_text().lower() in ("bertemu", "pertemuan")
    page.click("ol.hits a.title >> nth=0")
    page.wait_for_url("**/articles/*")
    page.screenshot(path=str(shots / "search-to-article.png"), full_page=True)
    assert watched.problems == []


def test_browser_hover_on_evidence_shows_code_and_date(base_url, watched):
    page = watched.page
    page.goto(f"{base_url}/articles/{by_title('Menlu Retno Bertemu Menlu Australia').id}")
    page.hover("#body .ev-event")
    tip = page.locator(".tip")
    assert tip.is_visible() and "CONSULT" in tip.inner_text() and "2023-03-14" in tip.inner_text()
    page.uncheck("input[data-layer=ev-event]")  # a layer switched off keeps the text, drops the mark
    assert "hide-ev-event" in page.get_attribute("#body", "class")
    assert watched.problems == []


def test_browser_click_through_a_story(base_url, watched, shots):
    page = watched.page
    page.goto(f"{base_url}/stories")
    row = page.locator("table.stories tbody tr", has_text="Menlu Retno Bertemu Menlu Australia")
    row.locator("a.title").click()
    page.wait_for_url("**/stories/s*")
    assert page.inner_text("h1") == "Menlu Retno Bertemu Menlu Australia"
    assert "Retno Marsudi" in page.inner_text(".summary")
    timeline = page.locator("ol.timeline")
    assert "2023-03-14" in timeline.inner_text() and timeline.locator(".badge", has_text="CONSULT").count() == 1
    assert timeline.locator("a.story-article").count() == 2  # both reports of the meeting
    page.screenshot(path=str(shots / "story.png"), full_page=True)
    timeline.locator("a", has_text="“bertemu”").first.click()  # the evidence of the merged event
    page.wait_for_url("**/articles/*#event-*")
    assert page.locator("#body .ev-event").count() == 1
    assert watched.problems == []
