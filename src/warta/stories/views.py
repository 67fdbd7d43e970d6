"""Renderings of stories and timelines for the CLI: rich tables, CSV and JSON lines."""

from __future__ import annotations

import csv
import io
import json

from rich.console import Console
from rich.table import Table

from warta.stories.timeline import QUADS, Bucket

out = Console()


def print_story_table(stories: list[dict]) -> None:
    """One line per story: id, dates, size, title."""
    table = Table(title=f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'}", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("first", no_wrap=True)
    table.add_column("last", no_wrap=True)
    table.add_column("art.", justify="right", min_width=4)
    table.add_column("ev.", justify="right", min_width=3)
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=max(20, out.width - 60))
    for s in stories:
        table.add_row(s["id"], s["first_seen"] or "", s["last_seen"] or "", str(len(s["articles"])),
                      str(len(s["events"])), s["title"] or "")
    out.print(table)


def print_story(story: dict) -> None:
    """One story: title, dates, summary, articles, merged events."""
    out.print(f"[bold]{story['title'] or '(untitled)'}[/bold]")
    out.print(f"story {story['id']} · {story['first_seen'] or '?'} … {story['last_seen'] or '?'} · "
              f"{len(story['articles'])} article(s)", highlight=False)
    if story["summary"]:
        out.print()
        out.print(story["summary"], highlight=False)
    out.print()
    table = Table(title="articles", title_justify="left")
    for name in ("id", "published", "outlet", "title", "copy of"):
        table.add_column(name, overflow="fold")
    for a in story["articles"]:
        table.add_row(a["id"], (a["published"] or "")[:10], a["outlet"] or "", a["title"] or "", a["near_duplicate_of"] or "")
    out.print(table)
    if story["events"]:
        table = Table(title="merged events", title_justify="left")
        for name in ("date", "type", "source", "target", "sources", "evidence"):
            table.add_column(name, overflow="fold")
        for e in story["events"]:
            evidence = "; ".join(f"{x['article'][:8]}:{x['start']}-{x['end']} {x['text']}" for x in e["evidence"][:3])
            more = f" (+{len(e['evidence']) - 3})" if len(e["evidence"]) > 3 else ""
            table.add_row(e["date"] or "", e["type"], e["source"]["actor"] or e["source"]["name"] or "-",
                          e["target"]["actor"] or e["target"]["name"] or "-", str(e["sources"]), evidence + more)
        out.print(table)


def timeline_table(buckets: list[Bucket], *, title: str) -> None:
    """The timeline as a rich table."""
    table = Table(title=title, title_justify="left")
    table.add_column("period", no_wrap=True)
    for q in QUADS:
        table.add_column(q.replace("-cooperation", " coop.").replace("-conflict", " confl."), justify="right")
    table.add_column("events", justify="right")
    table.add_column("intensity", justify="right")
    for b in buckets:
        table.add_row(b.period, *(str(b.counts[q]) for q in QUADS), str(b.events), f"{b.intensity:+.1f}")
    out.print(table)


def timeline_csv(buckets: list[Bucket]) -> str:
    """The timeline as CSV with a header line."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["period", *QUADS, "events", "sources", "intensity"], lineterminator="\n")
    writer.writeheader()
    for b in buckets:
        writer.writerow(b.to_dict())
    return buf.getvalue()


def timeline_json(buckets: list[Bucket]) -> str:
    """The timeline as JSON lines, one period a line."""
    return "".join(json.dumps(b.to_dict(), ensure_ascii=False) + "\n" for b in buckets)
