"""`warta ingest`: read inputs, skip what is stored unchanged, run the pipeline, store the results."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from warta.article import RawDocument
from warta.errors import InputError
from warta.store import Store


@dataclass(slots=True)
class IngestSummary:
    """What one `warta ingest` run did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """One line for the user."""
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed"
        )


def _retry_paths(store: Store) -> list[str]:
    """Source files of the documents that failed before and still exist."""
    paths = {source.path for source, _raw in store.failed_documents() if source.path}
    return sorted(p for p in paths if p != "-" and Path(p).exists())


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
    with Store.open(db) as store:
        paths = list(paths) + (_retry_paths(store) if retry else [])
        if not paths:
            return summary
        todo: list[RawDocument | InputError] = []
        for item in ingest.read_inputs(paths):
            if isinstance(item, RawDocument) and store.is_unchanged(item):
                summary.unchanged += 1  # re-ingesting the same input is a no-op
            else:
                todo.append(item)
        progress = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, transient=True, disable=len(todo) < 2,
        )
        with progress:
            task = progress.add_task("ingest", total=len(todo))
            for result in pipeline.run(todo, published=published, workers=workers, engine=engine, address=address):
                if isinstance(result, pipeline.Failure):
                    summary.failed += 1
                    store.save_failure(result.source, result.reason, result.raw)
                    console.print(f"[red]Error:[/red] {result.where}: {result.reason}", highlight=False)
                else:
                    outcome = store.save(result.article, result.raw)
                    setattr(summary, outcome, getattr(summary, outcome) + 1)
                progress.advance(task)
    return summary
