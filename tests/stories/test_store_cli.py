"""The corpus stages over a store and through the CLI: stories, one story, timelines, rebuild, re-ingest."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.stories.conftest import save
from warta import stories
from warta.cli import app

runner = CliRunner()


@pytest.fixture
def db(store, articles):
    save(store, articles.values())
    stories.update(store.engine)
    return str(store.engine.url.database)


def _stories(db: str, *args) -> list[dict]:
    result = runner.invoke(app, ["stories", "--db", db, "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_stories_json_has_the_design_shape(db, articles):
    found = _stories(db)
    assert len(found) == 3
    meeting = next(s for s in found if len(s["articles"]) == 3)
    assert set(meeting) == {"id", "title", "first_seen", "last_seen", "articles", "events", "summary"}
    assert set(meeting["articles"][0]) == {"id", "url", "outlet", "title", "published", "near_duplicate_of"}
    copies = {a["id"]: a["near_duplicate_of"] for a in meeting["articles"]}
    assert copies[articles["copy"].id] == articles["a"].id
    assert (meeting["first_seen"], meeting["last_seen"]) == ("2023-05-10", "2023-05-11")


def test_stories_merge_one_meeting_into_one_event_counting_a_copy_once(db, articles):
    meeting = next(s for s in _stories(db) if len(s["articles"]) == 3)
    assert len(meeting["events"]) == 1
    event = meeting["events"][0]
    assert (event["type"], event["source"]["actor"], event["target"]["actor"], event["date"]) == (
        "CONSULT", "IDNGOV", "JPNGOV", "2023-05-10")
    assert event["sources"] == 2  # three reports, one of them a copy
    assert {e["article"] for e in event["evidence"]} == {articles[k].id for k in ("a", "b", "copy")}
    start, end = event["evidence"][0]["start"], event["evidence"][0]["end"]
    assert event["evidence"][0]["text"] in ("bertemu", "pertemuan") and end - start == len(event["evidence"][0]["text"])


def test_story_summary_does_not_take_the_copy(db, articles):
    meeting = next(s for s in _stories(db) if len(s["articles"]) == 3)
    assert meeting["summary"]
    assert "Kedua diplomat itu" not in meeting["summary"]  # the copy's wording never enters


@pytest.mark.parametrize("args,expected", [
    (["--since", "2024-01-01"], 1),  # only next year's meeting
    (["--until", "2023-12-31"], 2),
    (["--actor", "JPN"], 2),  # both meetings involve Japan's government
    (["--actor", "XYZ"], 0),
    (["--actor", "%"], 0),  # a LIKE wildcard is a character of the code, not "any actor"
    (["--actor", "J_N"], 0),
])
def test_stories_filters(db, args, expected):
    assert len(_stories(db, *args)) == expected


def test_story_command_shows_one_story_by_prefix(db):
    sid = _stories(db, "--actor", "JPN", "--until", "2023-12-31")[0]["id"]
    result = runner.invoke(app, ["story", sid[:6], "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == sid
    table = runner.invoke(app, ["story", sid, "--db", db])
    assert table.exit_code == 0 and "merged events" in table.stdout


def test_story_command_unknown_id_is_one_line(db):
    result = runner.invoke(app, ["story", "szzzz", "--db", db])
    assert result.exit_code == 1
    assert "no story with id 'szzzz'" in result.output


def test_reingest_and_rebuild_keep_story_ids(db, store, articles):
    before = {s["id"] for s in _stories(db)}
    assert stories.update(store.engine).assigned == 0  # nothing new: nothing moves
    result = runner.invoke(app, ["stories", "--db", db, "--rebuild"])
    assert result.exit_code == 0, result.output
    assert {s["id"] for s in _stories(db)} == before


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_timeline_formats(db, fmt):
    result = runner.invoke(app, ["timeline", "--db", db, "--dyad", "IDN-JPN", "--by", "month", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        lines = result.stdout.splitlines()
        assert lines[0] == "period,verbal-cooperation,material-cooperation,verbal-conflict,material-conflict,events,sources,intensity"
        assert lines[1] == "2023-05,1,0,0,0,1,2,1.0"  # one merged event reported by two outlets
        assert lines[-1].startswith("2024-05,1,")
        assert len(lines) == 1 + 13  # May 2023 to May 2024, empty months included
    if fmt == "json":
        assert json.loads(result.stdout.splitlines()[0])["period"] == "2023-05"


def test_timeline_table_piped_is_plain_tsv(db):
    """Piped (as under CliRunner), the table view is tab-separated lines with the CSV's columns and
    values: no box drawing, nothing cut to 80 columns, the caption on stderr."""
    result = runner.invoke(app, ["timeline", "--db", db, "--dyad", "IDN-JPN", "--by", "month"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    csv_lines = runner.invoke(app, ["timeline", "--db", db, "--dyad", "IDN-JPN", "--format", "csv"]).stdout.splitlines()
    assert [line.split("\t") for line in lines] == [line.split(",") for line in csv_lines]
    assert not any(ch in result.stdout for ch in "┏━┃│─")
    assert "dyad IDN-JPN" in result.stderr and "dyad IDN-JPN" not in result.stdout


def test_timeline_table_on_a_terminal_is_a_box(db, monkeypatch):
    import io

    from rich.console import Console

    from warta.views import stories as views

    screen = io.StringIO()
    monkeypatch.setattr(views, "out", Console(file=screen, force_terminal=True, width=120, color_system=None))
    result = runner.invoke(app, ["timeline", "--db", db, "--dyad", "IDN-JPN", "--by", "month"])
    assert result.exit_code == 0, result.output
    assert "verbal coop." in screen.getvalue() and "│" in screen.getvalue() and "+1.0" in screen.getvalue()


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_timeline_pictures(db, tmp_path, fmt):
    out = tmp_path / f"t.{fmt}"
    result = runner.invoke(app, ["timeline", "--db", db, "--actor", "JPN", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000
    assert out.read_bytes()[:4] == (b"\x89PNG" if fmt == "png" else b"<?xm")


@pytest.mark.parametrize("args,message", [
    (["--dyad", "IDN"], "--dyad must look like RUS-USA"),
    ([], "give exactly one of --actor CODE or --dyad SRC-TGT"),
    (["--actor", "IDN", "--by", "year"], "--by must be one of day, week, month"),
    (["--actor", "IDN", "--format", "pdf"], "unknown --format 'pdf'"),
    (["--actor", "IDN", "--since", "kemarin"], "--since must be a date"),
])
def test_timeline_bad_options_are_one_line(db, args, message):
    result = runner.invoke(app, ["timeline", "--db", db, *args])
    assert result.exit_code == 1
    assert message in result.output


@pytest.mark.parametrize("fmt", ["png", "csv"])
def test_timeline_to_a_folder_that_is_not_there_is_one_line(db, tmp_path, fmt):
    out = tmp_path / "tidak-ada" / f"t.{fmt}"
    result = runner.invoke(app, ["timeline", "--db", db, "--actor", "JPN", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {out}: cannot write: No such file or directory"


def test_a_replaced_article_leaves_its_story(db, store, articles):
    from sqlalchemy import delete

    from warta.store import schema

    with store.engine.begin() as conn:
        conn.execute(delete(schema.articles).where(schema.articles.c.id == articles["flood_b"].id))
    result = stories.update(store.engine)
    assert result.dropped == 1
    flood = next(s for s in _stories(db) if any(a["id"] == articles["flood"].id for a in s["articles"]))
    assert [a["id"] for a in flood["articles"]] == [articles["flood"].id]


def test_an_undated_article_in_a_later_ingest_joins_by_its_words(db, store, articles):
    from tests.stories.conftest import MEETING_NEXT_YEAR, save
    from warta.article import Article, Source

    # no date anywhere: only the words place it, among the archive's latest month (May 2024)
    body = MEETING_NEXT_YEAR.replace(", Senin (13/5/2024)", "").replace("Kedua menteri", "Keduanya")
    undated = Article(body=body, title="Retno dan Hayashi Bertemu Lagi", outlet="Tempo", source=Source(url="https://tempo.co/u"))
    save(store, [undated])
    assert stories.update(store.engine).assigned == 1
    story = next(s for s in _stories(db) if any(a["id"] == articles["next"].id for a in s["articles"]))
    assert undated.id in {a["id"] for a in story["articles"]}


def test_stories_assigns_articles_an_older_ingest_left_out(store, articles):
    save(store, articles.values())  # stored, never assigned: a store from before the corpus stages
    assert stories.pending(store.engine) == 6
    assert len(_stories(str(store.engine.url.database))) == 3
    assert stories.pending(store.engine) == 0
