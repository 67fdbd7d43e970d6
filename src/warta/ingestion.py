"""`warta ingest`: read inputs, skip what is stored unchanged, run the pipeline, store the results.

The inputs are streamed: each document is read, checked against the store and handed to the
pipeline as the pipeline asks for more, and each result is stored (one transaction per document)
as soon as it comes back. A run killed at any point leaves a consistent store; running it again
adds what is missing and leaves what was stored unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from sqlalchemy import delete, select

from warta.article import RawDocument, Source
from warta.console import safe
from warta.errors import InputError
from warta.store import RETRIED, Store, document_key, schema
from warta.store.connect import writing


@dataclass(slots=True)
class IngestSummary:
    """What one `warta ingest` run did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    partial: int = 0  # stored (added or updated) with a failed stage
    errors: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """One line for the user."""
        line = f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed"
        if self.partial:
            line += f", {self.partial} stored with a failed stage"
        return line + (f", {self.skipped} skipped (not regular files)" if self.skipped else "")


def retry_inputs(store: Store) -> tuple[list[str], list[tuple[Source, bytes]]]:
    """What `--retry` reads again: the paths of failed documents (and of those stored with a failed
    stage) that still exist (a changed file is read anew; a JSONL file retries its failed lines), and
    the stored bytes of those whose file is gone (stdin, a moved file). An over-size input is kept with its first bytes only:
    it is retried from its file, never from those bytes."""
    d = schema.documents
    query = select(d.c.path, d.c.url, d.c.line, d.c.raw, d.c.error).where(d.c.status.in_(RETRIED)).order_by(d.c.key)
    paths: set[str] = set()
    stored: list[tuple[Source, bytes]] = []
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            if row.path and row.path != "-" and Path(row.path).exists():
                paths.add(row.path)
            elif row.raw and not (row.error or "").startswith("over the size limit"):
                stored.append((Source(path=row.path, url=row.url, line=row.line), bytes(row.raw)))
    return sorted(paths), stored


def ingest_paths(
    paths: Iterable[str],
    db: str,
    *,
    published: str | None = None,
    workers: int | None = None,
    retry: bool = False,
    console: Console | None = None,
    engine: str = "local",
    address: str | None = None,
) -> IngestSummary:
    """Ingest files, directories or stdin into the store at ``db``; one bad document never stops the batch.
    ``engine`` and ``address`` choose where the document stages run (``pipeline.run``)."""
    from warta import ingest, pipeline

    console = console or Console(stderr=True, soft_wrap=True)
    summary = IngestSummary()

    def skipped(where: str, reason: str) -> None:
        summary.skipped += 1
        console.print(f"[yellow]Skipped:[/yellow] {safe(where)}: {safe(reason)}", highlight=False)

    with Store.open(db) as store:
        failed_before = _failed_keys(store)
        paths = list(paths)
        stored: list[tuple[Source, bytes]] = []
        if retry:
            again, stored = retry_inputs(store)
            paths += [p for p in again if p not in paths]
        if not paths and not stored:
            return summary
        items = _chain(ingest.read_inputs(paths, on_skip=skipped),
                       (item for source, raw in stored for item in ingest.read_stored(source, raw)))
        todo = _new_or_changed(items, store, summary, retry)
        progress = Progress(
            SpinnerColumn(), TextColumn("ingest"), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, transient=True, disable=not console.is_terminal,
        )
        with progress:
            task = progress.add_task("ingest", total=None)
            for result in pipeline.run(todo, published=published, workers=workers, engine=engine, address=address,
                                       records=True):  # the workers make the JSON records
                if isinstance(result, pipeline.Failure):
                    summary.failed += 1
                    store.save_failure(result.source, result.reason, result.raw)
                    console.print(f"[red]Error:[/red] {safe(result.where)}: {safe(result.reason)}",
                                  highlight=False)
                else:
                    outcome = store.save(result.article, result.raw, record=result.record)
                    _forget_line_failure(store, result.raw.source, failed_before)
                    setattr(summary, outcome, getattr(summary, outcome) + 1)
                    problem = result.article.stage_failure()
                    if problem:  # stored, with the stage's reason (status partial): said as a failure is
                        summary.partial += 1
                        console.print(f"[red]Error:[/red] {safe(pipeline.where_of(result.raw.source))}: {safe(problem)}",
                                      highlight=False)
                progress.advance(task)
    return summary


def _chain(*parts: Iterable) -> Iterator:
    for part in parts:
        yield from part


def _new_or_changed(items: Iterable[RawDocument | InputError], store: Store, summary: IngestSummary,
                    retry: bool = False) -> Iterator:
    """The items that need work; an input stored unchanged is counted and left out (``retry``: one
    stored with a failed stage is run again)."""
    for item in items:
        if isinstance(item, RawDocument) and store.is_unchanged(item, retry=retry):
            summary.unchanged += 1  # re-ingesting the same input is a no-op
        else:
            yield item


def _failed_keys(store: Store) -> set[str]:
    d = schema.documents
    with store.engine.connect() as conn:
        return set(conn.execute(select(d.c.key).where(d.c.status == "failed")).scalars())


def _forget_line_failure(store: Store, source: Source, failed_before: set[str]) -> None:
    """A JSONL line with a URL is stored under its URL; a failure recorded for it under
    ``file:line`` (before it was readable) is now stale."""
    if source.url and source.path:
        key = document_key(Source(path=source.path, line=source.line))
        if key not in failed_before:
            return
        d = schema.documents
        with writing(store.engine) as conn:
            conn.execute(delete(d).where(d.c.key == key, d.c.status == "failed"))
