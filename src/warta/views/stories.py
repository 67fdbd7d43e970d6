"""Renderings of stories and timelines for the CLI: rich tables on a terminal, tab-separated lines
when piped (``warta.console.emit_table``), CSV and JSON lines when asked for."""

from __future__ import annotations

import csv
import io
import json

from rich.console import Console

from warta.console import emit_table, safe
from warta.stories.timeline import QUADS, Bucket

out = Console(soft_wrap=True)
# The columns of a timeline row (Bucket.to_dict), piped or as CSV.
TIMELINE_COLUMNS = ["period", *QUADS, "events", "sources", "intensity"]


def print_story_table(stories: list[dict]) -> None:
    """One line per story: id, dates, size, title (tab-separated when piped; titles printed as written)."""
    columns = [
        ("id", dict(no_wrap=True)), ("first", dict(no_wrap=True)), ("last", dict(no_wrap=True)),
        ("art.", dict(justify="right", min_width=4)), ("ev.", dict(justify="right", min_width=3)),
        ("title", dict(no_wrap=True, overflow="ellipsis", max_width=max(20, out.width - 60))),
    ]
    rows = [[s["id"], s["first_seen"], s["last_seen"], len(s["articles"]), len(s["events"]), s["title"]] for s in stories]
    emit_table(out, columns, rows, title=f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'}")


def print_story(story: dict) -> None:
    """One story: title, dates, summary, articles, merged events (input text printed as written)."""
    out.print(f"[bold]{safe(story['title'] or '(untitled)', newlines=False)}[/bold]", highlight=False)
    out.print(safe(f"story {story['id']} · {story['first_seen'] or '?'} … {story['last_seen'] or '?'} · "
                   f"{len(story['articles'])} article(s)"), highlight=False)
    if story["summary"]:
        out.print()
        out.print(safe(story["summary"]), highlight=False)
    out.print()
    columns = [(name, dict(overflow="fold")) for name in ("id", "published", "outlet", "title", "copy of")]
    rows = [[a["id"], (a["published"] or "")[:10], a["outlet"], a["title"], a["near_duplicate_of"]] for a in story["articles"]]
    emit_table(out, columns, rows, title="articles", section=True)
    if story["events"]:
        columns = [(name, dict(overflow="fold")) for name in ("date", "type", "source", "target", "sources", "evidence")]
        rows = []
        for e in story["events"]:
            evidence = "; ".join(f"{x['article'][:8]}:{x['start']}-{x['end']} {x['text']}" for x in e["evidence"][:3])
            more = f" (+{len(e['evidence']) - 3})" if len(e["evidence"]) > 3 else ""
            rows.append([e["date"], e["type"], e["source"]["actor"] or e["source"]["name"] or "-",
                         e["target"]["actor"] or e["target"]["name"] or "-", e["sources"], evidence + more])
        emit_table(out, columns, rows, title="merged events", section=True)


def timeline_table(buckets: list[Bucket], *, title: str) -> None:
    """The timeline as a rich table on a terminal; piped, tab-separated lines with the columns and
    values of ``--format csv`` (the title goes to stderr), never a box cut to the terminal width."""
    if out.is_terminal:
        columns = [("period", dict(no_wrap=True))]
        columns += [(q.replace("-cooperation", " coop.").replace("-conflict", " confl."), dict(justify="right"))
                    for q in QUADS]
        columns += [("events", dict(justify="right")), ("intensity", dict(justify="right"))]
        rows = [[b.period, *(b.counts[q] for q in QUADS), b.events, f"{b.intensity:+.1f}"] for b in buckets]
    else:
        columns = [(name, {}) for name in TIMELINE_COLUMNS]
        rows = [list(b.to_dict().values()) for b in buckets]
    emit_table(out, columns, rows, title=title)


def timeline_csv(buckets: list[Bucket]) -> str:
    """The timeline as CSV with a header line."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=TIMELINE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for b in buckets:
        writer.writerow(b.to_dict())
    return buf.getvalue()


def timeline_json(buckets: list[Bucket]) -> str:
    """The timeline as JSON lines, one period a line."""
    return "".join(json.dumps(b.to_dict(), ensure_ascii=False) + "\n" for b in buckets)
