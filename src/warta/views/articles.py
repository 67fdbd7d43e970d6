"""Renderings of the stored articles for `warta list` and `warta show`.

On a terminal: rich tables and styled lines. Piped: tab-separated lines (a header, then one
row per item) and plain text, never cut to the terminal width. Input text is always made safe
(``warta.console``): console markup in a title is printed as written, escape codes are shown.
"""

from __future__ import annotations

from rich.console import Console

from warta.article import Article
from warta.console import emit_table, safe
from warta.store import StoredArticle, StoredFailure

out = Console(soft_wrap=True)


def print_article_table(rows: list[StoredArticle], *, total: int) -> None:
    """The stored articles, one line each (long titles are cut, never wrapped)."""
    columns = [
        ("id", dict(no_wrap=True, min_width=8)),
        ("published", dict(no_wrap=True, min_width=10)),
        ("outlet", dict(no_wrap=True, min_width=8, max_width=14, overflow="ellipsis")),
        # the other columns and the borders take about 60 characters; the title gets the rest
        ("title", dict(no_wrap=True, overflow="ellipsis", max_width=max(20, out.width - 60))),
        ("ent.", dict(justify="right", min_width=4)),
        ("ev.", dict(justify="right", min_width=3)),
    ]
    terminal = out.is_terminal
    data = [[row.id[:8] if terminal else row.id, (row.published or "")[:10] if terminal else row.published,
             row.outlet, row.title, row.entities, row.events] for row in rows]
    emit_table(out, columns, data, title=f"{total} article(s) in the store")


def print_failure_table(rows: list[StoredFailure]) -> None:
    """The failed documents and why they failed; ``partial``: stored, but a stage failed on it."""
    columns = [("document", dict(overflow="fold")), ("status", {}), ("reason", dict(overflow="fold")), ("when", {})]
    emit_table(out, columns, [[row.key, row.status, row.error, row.updated_at] for row in rows],
               title=f"{len(rows)} document(s) failed or stored with a failed stage")


def print_article(article: Article) -> None:
    """One article: metadata, then the extracted items, then the body."""
    say = lambda text: out.print(text, highlight=False)  # noqa: E731
    say(f"[bold]{safe(article.title or '(untitled)', newlines=False)}[/bold]")
    inferred = " (inferred)" if article.published_inferred else ""
    say(safe(f"{article.outlet or '?'} · {article.published or 'no date'}{inferred} · id {article.id}"))
    if article.dateline and (article.dateline.place or article.dateline.agency):
        say(safe(f"dateline: {article.dateline.place or ''} / {article.dateline.agency or ''}"))
    for label, values in (("authors", article.authors), ("editors", article.editors), ("tags", article.tags),
                          ("sources", article.cited_sources), ("warnings", article.warnings)):
        if values:
            say(safe(f"{label}: {', '.join(values)}"))
    for mark in article.stage_errors:
        cause = f" (after {mark.cause})" if mark.cause else ""
        say(f"[red]stage {safe(mark.stage)} {mark.status}{cause}:[/red] {safe(mark.reason, newlines=False)}")
    if article.entities:
        columns = [(name, {}) for name in ("name", "type", "country", "actor", "mentions")]
        rows = [[ent.name, ent.type, ent.country, ent.actor, ", ".join(sorted({m.text for m in ent.mentions}))]
                for ent in article.entities]
        if out.is_terminal:
            emit_table(out, columns, rows, title="entities", section=True)
        else:
            for row in rows:
                say(safe("entity: " + " · ".join(str(v or "-") for v in row), newlines=False))
    if article.timex:
        say(safe("time: " + "; ".join(f"{t.text} → {t.value}" for t in article.timex), newlines=False))
    for q in article.quotes:
        mark = "“”" if q.direct else "≈"
        say(f"[cyan]{safe(q.speaker_text or '?', newlines=False)}[/cyan] {mark} {safe(q.text[:160], newlines=False)}")
    for ev in article.events:
        flags = "".join([" (planned)" if ev.planned else "", " (negated)" if ev.negated else ""])
        say(f"[magenta]{ev.type}[/magenta] {safe(ev.source.name or '?')} → {safe(ev.target.name or '?')}"
            f" {safe('[' + ev.trigger.text + ']', newlines=False)} {ev.date or ''}{flags}")
    say("")
    say(safe(article.body))
