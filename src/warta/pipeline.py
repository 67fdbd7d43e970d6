"""Runs the document stages over inputs, in one process or a pool, in input order.

A document stage is a pure function ``annotate(article, doc) -> Article`` of one article and
its parsed ``spacy.tokens.Doc``; the stages run in the order of ``STAGES``.  A failure of one
stage on one document becomes a warning on that article; a document that cannot be read or
extracted at all becomes a ``Failure``.  Neither stops the batch.
"""

from __future__ import annotations

import importlib
import os
from itertools import repeat
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Iterator

from warta.article import Article, RawDocument, Source
from warta.errors import InputError, WartaError

# Document stages after extraction and the language layer, in order.
STAGES = ("time", "actors", "quotes", "events")


@dataclass(slots=True)
class Failure:
    """A document that could not be processed, with the reason and the bytes we were given."""

    source: Source
    reason: str
    raw: bytes = b""

    @property
    def where(self) -> str:
        where = self.source.path or self.source.url or "<input>"
        return f"{where}:{self.source.line}" if self.source.line else where


@dataclass(slots=True)
class Processed:
    """A document that went through the pipeline."""

    article: Article
    raw: RawDocument


def _stage(name: str):
    return importlib.import_module(f"warta.{name}")


def process(raw: RawDocument, *, published: str | None = None, stages: Iterable[str] = STAGES) -> Article:
    """Extract one raw document and run the language layer and the document stages over it."""
    from warta.extract import extract

    return annotate(extract(raw, published=published), stages=stages)


def annotate(article: Article, *, stages: Iterable[str] = STAGES) -> Article:
    """Run the language layer and the document ``stages`` over an extracted article."""
    from warta import lang

    doc = lang.analyse(article)
    for name in stages:
        try:
            article = _stage(name).annotate(article, doc)
        except WartaError as err:
            article.warnings.append(f"stage {name} failed: {err}")
        except Exception as err:  # a bug in one stage must not lose the document
            article.warnings.append(f"stage {name} failed: {type(err).__name__}: {err}")
    return article


def _process_one(item: RawDocument | InputError | Failure, published: str | None) -> Processed | Failure:
    if isinstance(item, Failure):
        return item
    if isinstance(item, InputError):
        return Failure(Source(path=item.where), item.reason)
    try:
        return Processed(process(item, published=published), item)
    except WartaError as err:
        return Failure(item.source, str(err), item.raw)
    except Exception as err:
        return Failure(item.source, f"{type(err).__name__}: {err}", item.raw)


def default_workers() -> int:
    """``WARTA_WORKERS`` if set, else one process per core."""
    env = os.environ.get("WARTA_WORKERS")
    if env:
        try:
            return max(1, int(env))
        except ValueError:
            raise WartaError(f"WARTA_WORKERS must be a whole number, not {env!r}") from None
    return os.cpu_count() or 1


def _init_worker() -> None:
    from warta import lang

    lang.load()  # load the model once per worker, before the first document


def run(
    items: Iterable[RawDocument | InputError | Failure],
    *,
    published: str | None = None,
    workers: int | None = None,
) -> Iterator[Processed | Failure]:
    """Process documents in input order, with ``workers`` processes (1 = in this process)."""
    workers = workers or default_workers()
    if workers <= 1:
        for item in items:
            yield _process_one(item, published)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        # map keeps input order; a modest chunk size amortises pickling without hurting order
        yield from pool.map(_process_one, items, repeat(published), chunksize=4)
