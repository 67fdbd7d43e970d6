"""Rich renderings of stored articles for `warta list` and `warta show`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from warta.article import Article
from warta.store import StoredArticle, StoredFailure

out = Console()


def print_article_table(rows: list[StoredArticle], *, total: int) -> None:
    """The stored articles, one line each (long titles are cut, never wrapped)."""
    table = Table(title=f"{total} article(s) in the store", title_justify="left")
    table.add_column("id", no_wrap=True, min_width=8)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("outlet", no_wrap=True, min_width=8, max_width=14, overflow="ellipsis")
    # the other columns and the borders take about 60 characters; the title gets the rest
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=max(20, out.width - 60))
    table.add_column("ent.", justify="right", min_width=4)
    table.add_column("ev.", justify="right", min_width=3)
    for row in rows:
        table.add_row(row.id[:8], (row.published or "")[:10], row.outlet or "", row.title or "",
                      str(row.entities), str(row.events))
    out.print(table)


def print_failure_table(rows: list[StoredFailure]) -> None:
    """The failed documents and why they failed."""
    table = Table(title=f"{len(rows)} failed document(s)", title_justify="left")
    table.add_column("document", overflow="fold")
    table.add_column("reason", overflow="fold")
    table.add_column("when")
    for row in rows:
        table.add_row(row.key, row.error, row.updated_at)
    out.print(table)


def print_article(article: Article) -> None:
    """One article: metadata, then the extracted items, then the body."""
    out.print(f"[bold]{article.title or '(untitled)'}[/bold]")
    inferred = " (inferred)" if article.published_inferred else ""
    out.print(f"{article.outlet or '?'} · {article.published or 'no date'}{inferred} · id {article.id}")
    if article.dateline and (article.dateline.place or article.dateline.agency):
        out.print(f"dateline: {article.dateline.place or ''} / {article.dateline.agency or ''}")
    for label, values in (("authors", article.authors), ("editors", article.editors), ("tags", article.tags),
                          ("sources", article.cited_sources), ("warnings", article.warnings)):
        if values:
            out.print(f"{label}: {', '.join(values)}", highlight=False)
    if article.entities:
        table = Table(title="entities", title_justify="left")
        for name in ("name", "type", "country", "actor", "mentions"):
            table.add_column(name)
        for ent in article.entities:
            surfaces = sorted({m.text for m in ent.mentions})
            table.add_row(ent.name, ent.type, ent.country or "", ent.actor or "", ", ".join(surfaces))
        out.print(table)
    if article.timex:
        out.print("time: " + "; ".join(f"{t.text} → {t.value}" for t in article.timex), highlight=False)
    for q in article.quotes:
        mark = "“”" if q.direct else "≈"
        out.print(f"[cyan]{q.speaker_text or '?'}[/cyan] {mark} {q.text[:160]}", highlight=False)
    for ev in article.events:
        flags = "".join([" (planned)" if ev.planned else "", " (negated)" if ev.negated else ""])
        out.print(
            f"[magenta]{ev.type}[/magenta] {ev.source.name or '?'} → {ev.target.name or '?'}"
            f" [{ev.trigger.text}] {ev.date or ''}{flags}",
            highlight=False,
        )
    out.print()
    out.print(article.body, highlight=False)
