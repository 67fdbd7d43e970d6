"""Runs the document stages over inputs, in one process or a pool, in input order.

A document stage is a pure function ``annotate(article, doc) -> Article`` of one article and
its parsed ``spacy.tokens.Doc``, registered with what it requires and fills (``warta.stage``);
the stages, their order and settings are the plan of ``pipeline.yaml`` (``warta.plan``).  A
failure of one stage on one document is marked on that article (``Article.stage_errors``, and a
warning) and the stages that need its output are skipped and marked; a document that cannot be read or extracted at all becomes a ``Failure``.
Neither stops the batch.  Documents travel in batches (``BATCH``): extracted one by one, parsed
together through ``nlp.pipe``, then staged one by one.
The spaCy pipeline they are parsed with is built here (``build_nlp``): the language layer plus
the components the document stages run inside it.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import islice
from typing import TYPE_CHECKING, Iterable, Iterator

from warta import plan as _plan
from warta import windows
from warta.article import Article, RawDocument, Source
from warta.budget import Budget
from warta.errors import InputError, ResourceError, StageError, WartaError
from warta.stage import Pipe

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.language import Language
    from spacy.tokens import Doc


def __getattr__(name: str):
    # STAGES: the document stages of the shipped plan, in order (read when first asked for, so that
    # importing the pipeline does not import every stage)
    if name == "STAGES":
        return _plan.load(_plan.SHIPPED).names
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(slots=True)
class Failure:
    """A document that could not be processed, with the reason and the bytes we were given."""

    source: Source
    reason: str
    raw: bytes = b""

    @property
    def where(self) -> str:
        return where_of(self.source)


def where_of(source: Source) -> str:
    """How a message names a document: its path (with the JSONL line) or URL."""
    where = source.path or source.url or "<input>"
    return f"{where}:{source.line}" if source.line else where


@dataclass(slots=True)
class Processed:
    """A document that went through the pipeline."""

    article: Article
    raw: RawDocument
    # the article's JSON record (``Article.to_json``), made where the document was processed
    # when ``run`` is asked for records: a pool's workers make them, not the process that prints them
    record: str | None = None


@dataclass(slots=True)
class Line:
    """A document that went through the pipeline, as its JSON record alone (``run(..., lines=True)``):
    what a caller that only prints needs. A pool's worker sends this instead of the ``Processed``
    (the article, the raw document and the record: about twice the bytes to pickle and unpickle)."""

    record: str
    # ``Article.stage_failure`` of the article (None: every stage ran) and where the document came from
    problem: str | None = None
    where: str = ""


def build_nlp(path: Path | None = None, stages: Iterable[str] | _plan.Plan | None = None) -> Language:
    """The spaCy pipeline of ``path`` (default: the shipped model) with what the plan's stages
    declare to run inside it (``Stage.pipes``: the actors' ``warta_entity_split`` after the NER) and
    the parser only on the sentences they read (``Stage.parse_select``: those events reads)."""
    from warta import lang

    steps = _as_plan(stages).steps
    provided = {name: make for step in steps for name, make in step.stage.provides.items()}
    pipes = tuple(_provide(pipe, provided) for step in steps for pipe in step.stage.pipes)
    selects = [step.stage.parse_select for step in steps if step.stage.parse_select]
    select = selects[0] if len(selects) == 1 else None  # several readers: parse every sentence
    if path is None:
        return lang.load_shipped(pipes, select)
    return lang.load_from(path, pipes, select)


def _provide(pipe: Pipe, provided: dict) -> Pipe:
    """``pipe`` with each ``{"@provided": NAME}`` of its config replaced by what a stage provides."""
    config = {}
    for key, value in pipe.config.items():
        if isinstance(value, dict) and set(value) == {"@provided"}:
            name = value["@provided"]
            if name not in provided:
                raise ResourceError(f"spaCy component {pipe.factory}: no stage of the pipeline provides {name!r}")
            value = provided[name]()
        config[key] = value
    return replace(pipe, config=config)


@lru_cache(maxsize=1)
def nlp() -> Language:
    """Warta's spaCy pipeline (``build_nlp``), loaded once per process."""
    return build_nlp()


def analyse(article: Article) -> Doc:
    """Parse ``article.body`` with Warta's pipeline; fills ``article.sentences``."""
    from warta import lang

    return lang.analyse(article, nlp())


def analyse_many(articles: list[Article]) -> list[Doc]:
    """``analyse`` for many articles at once (``nlp.pipe`` batches the neural components)."""
    from warta import lang

    return lang.analyse_many(articles, nlp())


def process(raw: RawDocument, *, published: str | None = None,
            stages: Iterable[str] | _plan.Plan | None = None) -> Article:
    """Extract one raw document and run the language layer and the document stages over it."""
    from warta.extract import extract

    return annotate(extract(raw, published=published), stages=stages)


# Stages that read the whole body at once and no parse: on a long document they run once, after
# the windows (the others run window by window, see ``warta.windows``).
WHOLE_DOCUMENT = ("summary",)


def _where(article: Article) -> str:
    return article.source.path or article.source.url or article.id or "<document>"


def _as_plan(stages: Iterable[str] | _plan.Plan | None) -> _plan.Plan:
    if stages is None:
        return _plan.load()
    return stages if isinstance(stages, _plan.Plan) else _plan.build(stages)


def annotate(article: Article, *, stages: Iterable[str] | _plan.Plan | None = None,
             budget: Budget | None = None) -> Article:
    """Run the language layer and the document ``stages`` (default: the plan) over an extracted
    article, under the document's time ``budget`` (``warta.budget``); a body longer than
    ``windows.WINDOW`` goes window by window (``annotate_windows``)."""
    budget = budget or Budget.for_text(article.body, _where(article))
    if len(article.body) > windows.WINDOW:
        return annotate_windows(article, stages=stages, budget=budget)
    with budget.stage("language"):
        doc = analyse(article)
    return run_stages(article, doc, stages, budget)


def annotate_windows(article: Article, *, stages: Iterable[str] | _plan.Plan | None = None,
                     budget: Budget | None = None) -> Article:
    """``annotate`` one window at a time (``warta.windows``): time and memory grow linearly with
    the body, every offset is in body coordinates, and only one window's parse is held at once."""
    budget = budget or Budget.for_text(article.body, _where(article))
    plan = _as_plan(stages)
    per_window = _plan.Plan(tuple(s for s in plan.steps if s.stage.name not in WHOLE_DOCUMENT), plan.where)
    whole = _plan.Plan(tuple(s for s in plan.steps if s.stage.name in WHOLE_DOCUMENT), plan.where)
    for start, end in windows.spans(article.body):
        part = windows.part(article, start, end)
        with budget.stage("language"):
            doc = analyse(part)
        windows.merge(article, per_window.run(part, doc, budget), start)
        del doc
    windows.join_bare_names(article)
    return whole.run(article, None, budget)


def run_stages(article: Article, doc: Doc | None, stages: Iterable[str] | _plan.Plan | None = None,
               budget: Budget | None = None) -> Article:
    """Run the document ``stages`` (names, a plan, or by default ``plan.load()``: the shipped
    ``pipeline.yaml`` or ``WARTA_PIPELINE``) over an article and its parsed ``doc``, under the
    document's time ``budget``. A failing stage, or one that runs past the budget, becomes a
    warning on the article; the stages that need its output are skipped."""
    budget = budget or Budget.for_text(article.body, _where(article))
    return _as_plan(stages).run(article, doc, budget)


def _failure(item: RawDocument, err: Exception) -> Failure:
    reason = _reason(err)
    return Failure(item.source, reason, item.raw)


def _reason(err: Exception) -> str:
    """One line saying why: the reason alone (the caller prints where), the type for a bug."""
    if isinstance(err, InputError):
        return err.reason
    if isinstance(err, StageError):  # its message names the document too
        return f"stage {err.stage} failed: {err.reason}"
    if isinstance(err, WartaError):
        return str(err)
    return f"{type(err).__name__}: {err}"


def as_failure(error: InputError) -> Failure:
    """The failure of a document a reader could not read, with its source and the bytes read."""
    source = error.source if isinstance(error.source, Source) else Source(path=error.where)
    return Failure(source, error.reason, error.raw)


def _extract_one(item: RawDocument | InputError | Failure, published: str | None) -> Article | Failure:
    from warta.extract import extract
    from warta.extract.published import check_published

    if isinstance(item, Failure):
        return item
    if isinstance(item, InputError):
        return as_failure(item)
    try:
        if published:
            published = check_published(published)
        if item.published:
            item.published = check_published(item.published)
    except ValueError as err:
        return Failure(item.source, f"bad publication date: {err}", item.raw)
    try:
        return extract(item, published=published)
    except Exception as err:
        return _failure(item, err)


def _process_batch(items: list[RawDocument | InputError | Failure], published: str | None,
                   records: bool = False, lines: bool = False) -> list[Processed | Line | Failure]:
    """Extract a batch, parse the extracted articles together (``analyse_many``), then run
    the stages on each. If the batched parse fails, each article is parsed alone, so one bad
    document fails alone. ``records``: each result carries its JSON record too; ``lines``: each
    result is its record alone (``Line``)."""
    extracted = [_extract_one(item, published) for item in items]
    # long documents go window by window (annotate); the others are parsed together
    short = [a for a in extracted if isinstance(a, Article) and len(a.body) <= windows.WINDOW]
    budgets = {id(a): Budget.for_text(a.body, _where(a)) for a in extracted if isinstance(a, Article)}
    try:  # in the order of the extracted articles, which the loop below follows
        with Budget(sum(budgets[id(a)].seconds for a in short), "batch").stage("language"):
            docs = iter(analyse_many(short))
    except Exception:
        docs = None
    out: list[Processed | Failure] = []
    for item, result in zip(items, extracted):
        if isinstance(result, Failure):
            out.append(result)
            continue
        try:
            budget = budgets[id(result)]
            if len(result.body) > windows.WINDOW:
                done = annotate(result, budget=budget)
            else:
                if docs is not None:
                    doc = next(docs)
                else:
                    with budget.stage("language"):
                        doc = analyse(result)
                done = run_stages(result, doc, budget=budget)
            if lines:
                problem = done.stage_failure()
                out.append(Line(done.to_json(), problem, where_of(item.source) if problem else ""))
            else:
                out.append(Processed(done, item, done.to_json() if records else None))
        except Exception as err:
            out.append(_failure(item, err))
    return out


def batches(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def default_workers() -> int:
    """``WARTA_WORKERS`` if set, else one process per core."""
    from warta import settings

    return settings.value("workers") or os.cpu_count() or 1


# Local worker processes per core at the most: the stages are CPU-bound, and each worker holds its own
# parse state (a mistyped --workers 1000 started a process per batch in flight until memory ran out)
MAX_WORKERS_PER_CORE = 4


def max_workers() -> int:
    """The most local worker processes a run starts: ``MAX_WORKERS_PER_CORE`` per core of this machine."""
    return MAX_WORKERS_PER_CORE * (os.cpu_count() or 1)


# A short article of our own, run once by ``preload``: the first document loads what the stages
# load on first use (gazetteer, lexicons, the time grammar: ~0.8 s of CPU), which a pool's fork
# server then does once for all its workers. Its record is thrown away; nothing it leaves behind
# (caches, strings in the vocabulary) changes another document's record.
WARM_UP = ('Presiden Joko Widodo bertemu Menteri Luar Negeri Retno Marsudi di Istana Merdeka, Jakarta, '
           'pada Senin (12/5/2019). "Kami membahas kerja sama," kata Retno kepada wartawan.')


_preloaded = False


def preload() -> None:
    """Load the model and what the stages load on first use, now: once per worker process before
    its first document, or once in the fork server the local pool forks its workers from
    (``warta.preload``); a worker forked from that server has it already and does nothing."""
    global _preloaded
    if _preloaded:
        return
    try:
        nlp()
        _process_batch([RawDocument(Source(path="warm-up.txt"), text=WARM_UP)], None)
    except Exception:  # noqa: BLE001 - each document then fails with the reason, as in one process
        pass
    _preloaded = True


_settled = False


def settle() -> None:
    """Before the documents of a run in this process: ``preload`` and put what it loaded out of
    the cyclic collector's sight (``gc.freeze``), once per process, as the pool's workers are
    (``warta.preload``). Otherwise each full collection during the run scans the model, the
    gazetteer and the rule tables again: about 2 ms per article on news (issue 20,
    benchmarks/README.md). What is alive at that moment is never collected, hence once."""
    global _settled
    if _settled:
        return
    preload()
    gc.freeze()
    _settled = True


_parent_frozen = False


def _freeze_parent() -> None:
    """At two workers or more, once the plan is loaded: put what this process has loaded (the stage
    modules the plan check imported, and with them spaCy) out of the cyclic collector's sight, once
    per process, as ``settle`` does at one worker. Otherwise the collections of the interpreter's
    exit scan all of it again: ~0.25 s of CPU after the last record, while the workers are done
    (issue 20, benchmarks/README.md). What is alive at that moment is never collected, hence once."""
    global _parent_frozen
    if not _parent_frozen:
        gc.freeze()
        _parent_frozen = True


def _crashed(item: RawDocument | InputError | Failure) -> Failure:
    """The failure of a document whose worker process died while it ran alone."""
    if isinstance(item, Failure):
        return item
    if isinstance(item, InputError):
        return as_failure(item)
    return Failure(item.source, "the worker process died on this document (out of memory or a crash)", item.raw)


# What the local pool's fork server imports before it forks the workers (``warta.pool``)
PRELOAD = ("warta.preload",)

# Documents handed to a worker at once: enough for nlp.pipe to batch, few enough to keep
# results flowing (and the progress bar moving) on small inputs.
BATCH = 16
# ... and once the input is read to its end (at most 2 × BATCH documents are left): the end of a run
# at two workers waits for the last batch of one of them, about 0.45 s for 16 news articles
TAIL_BATCH = 4


def run(
    items: Iterable[RawDocument | InputError | Failure],
    *,
    published: str | None = None,
    workers: int | None = None,
    engine: str = "local",
    address: str | None = None,
    records: bool = False,
    lines: bool = False,
) -> Iterator[Processed | Line | Failure]:
    """Process documents in input order, with ``workers`` processes (1 = in this process).
    ``records``: each result carries the article's JSON record (``Processed.record``), made by the
    worker (for the callers that print or store it: the parent process does less, the workers more).
    ``lines``: each result is the record alone (``Line``), for the callers that only print it.

    ``engine="ray"`` runs the same batches as Ray tasks instead (``warta.engines``), on a local
    Ray started for the run or on the cluster at ``address``; the records are the same. A wrong
    pipeline file (``WARTA_PIPELINE``) stops the run before the first document.

    ``items`` is read by a thread a little ahead of the work (``pool.Feed``): a feed of any size
    runs in bounded memory, and a batch is cut short when the input pauses, so a slow feed (a
    pipe) is processed as it comes. Unreadable inputs become failures here, in this process.
    """
    from warta.pool import Feed, ordered_map, start_server

    local = engine == "local" and not address
    if local:
        workers = min(workers or default_workers(), max_workers())
        if workers > 1:  # the workers' model loads in the fork server while this process checks the plan
            start_server(PRELOAD)
    _plan.load()
    if local and workers > 1:
        _freeze_parent()
    if not local:
        from warta.engines import batch_map

        remote_map = batch_map(engine, address=address)
        items = (as_failure(i) if isinstance(i, InputError) else i for i in items)
        work = partial(_process_batch, published=published, records=records, lines=lines)
        for results in remote_map(work, Feed(items, BATCH), workers=workers, crashed=_crashed,
                                  initializer=preload):
            yield from results
        return
    items = (as_failure(item) if isinstance(item, InputError) else item for item in items)
    feed = Feed(items, BATCH, tail=TAIL_BATCH if workers > 1 else None)
    if workers <= 1:
        settle()
        for batch in feed:
            yield from _process_batch(batch, published, records, lines)
        return
    work = partial(_process_batch, published=published, records=records, lines=lines)
    for results in ordered_map(work, feed, workers=workers, crashed=_crashed, initializer=preload,
                               preload=PRELOAD):
        yield from results
