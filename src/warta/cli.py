"""The `warta` command: thin Typer commands over the library; JSONL on stdout, messages on stderr."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from typer.core import TyperGroup

from warta import settings
from warta.console import emit_table, safe, visible
from warta.errors import InputError, WartaError


class _Commands(TyperGroup):
    """Every command's ``WartaError`` becomes the one-line ``Error: …`` and exit code 1, in one place."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except WartaError as error:
            fail(str(error))


app = typer.Typer(
    cls=_Commands,
    help="Warta: Indonesian news to structured knowledge.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
eval_app = typer.Typer(help="Score a stage against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

err = Console(stderr=True, soft_wrap=True)  # one-line messages stay on one line

def _option(name: str, *flags: str):
    """A CLI option backed by the setting ``name`` of ``warta.settings``: its variable, default and help."""
    row = settings.setting(name)
    return typer.Option(row.default, *flags, envvar=row.env, help=row.help)


DB_OPTION = _option("db", "--db")
WORKERS_OPTION = _option("workers", "--workers", "-w")
ENGINE_OPTION = _option("engine", "--engine")
ADDRESS_OPTION = _option("ray_address", "--address")


def _check_workers(workers: int | None, engine: str, address: str | None) -> int | None:
    """``--workers`` (or ``WARTA_WORKERS``): 1 or more; on this machine at most ``pipeline.max_workers()``
    (more is said in one line and cut to it)."""
    from warta import pipeline

    if workers is None:
        return None
    if workers < 1:
        fail(f"--workers (or WARTA_WORKERS) must be 1 or more, not {workers}")
    if engine == "local" and not address and workers > pipeline.max_workers():
        most = pipeline.max_workers()
        err.print(f"Note: --workers {workers} is more than {pipeline.MAX_WORKERS_PER_CORE} per core on this "
                  f"machine; using {most}", highlight=False)
        return most
    return workers


def _check_listen(host: str, port: int) -> None:
    """Stop in one line when ``host:port`` cannot be listened on (a name that does not resolve, a port in
    use or not allowed), before the server starts: uvicorn says it as a log line or a traceback."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
            probe.bind(address)
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}")


def fail(message: str) -> None:
    """Print ``Error: message`` on stderr and exit with code 1."""
    err.print(f"[red]Error:[/red] {safe(message)}", highlight=False)
    raise typer.Exit(1)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("warta")
        except PackageNotFoundError:  # run from a source tree that is not installed
            from warta import __version__ as number
        sys.stdout.write(f"warta {number}\n")
        raise typer.Exit()


@app.callback()
def main(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="-v info, -vv debug."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Warta: Indonesian news to structured knowledge."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


def _check_date(value: Optional[str], option: str = "--published") -> Optional[str]:
    if value is None:
        return None
    if option != "--published":
        from datetime import date

        try:
            date.fromisoformat(value[:10])
        except ValueError:
            fail(f"{option} must be a date like 2019-05-12, not {value!r}")
        return value
    from warta.extract.published import check_published

    try:
        return check_published(value)
    except ValueError as error:
        fail(f"{option}: {error}")


def _skipped(where: str, reason: str) -> None:
    err.print(f"[yellow]Skipped:[/yellow] {safe(where)}: {safe(reason)}", highlight=False)


# ---------------------------------------------------------------- foundation: extract, ingest, list, show


def open_store(db: str):
    """Open an existing store, or exit with a one-line error."""
    from warta.store import Store

    return Store.open(db, create=False)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, directories, or - for stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date to use: YYYY-MM-DD (ISO 8601)."),
    workers: Optional[int] = WORKERS_OPTION,
    format: str = typer.Option("jsonl", help="Output format (jsonl)."),
    engine: str = ENGINE_OPTION,
    address: Optional[str] = ADDRESS_OPTION,
) -> None:
    """Print the article record of each input as one JSON line, in input order."""
    from warta import engines, ingest, pipeline

    if format != "jsonl":
        fail(f"unknown --format {format!r}; use jsonl")
    published = _check_date(published)
    failed = 0
    engines.check(engine, address)
    workers = _check_workers(workers, engine, address)
    inputs = ingest.read_inputs(paths, on_skip=_skipped)
    for result in pipeline.run(inputs, published=published, workers=workers, engine=engine, address=address,
                               lines=True):  # the workers make the JSON lines, and send only them
        if isinstance(result, pipeline.Failure):
            failed += 1
            err.print(f"[red]Error:[/red] {safe(result.where)}: {safe(result.reason)}", highlight=False)
            continue
        sys.stdout.write(result.record + "\n")
        if result.problem:  # printed, with its stage_errors: the stages that failed on it are said too
            failed += 1
            err.print(f"[red]Error:[/red] {safe(result.where)}: {safe(result.problem)}", highlight=False)
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Optional[list[str]] = typer.Argument(None, help="Files, directories, or - for stdin."),
    db: str = DB_OPTION,
    published: Optional[str] = typer.Option(None, help="Publication date to use: YYYY-MM-DD (ISO 8601)."),
    workers: Optional[int] = WORKERS_OPTION,
    retry: bool = typer.Option(False, "--retry", help="Also re-run documents that failed before."),
    engine: str = ENGINE_OPTION,
    address: Optional[str] = ADDRESS_OPTION,
) -> None:
    """Process inputs and store them in the database; re-ingesting an article is a no-op."""
    from warta import engines
    from warta.ingestion import ingest_paths

    published = _check_date(published)
    if not paths and not retry:
        fail("give files or directories to ingest, - for stdin, or --retry to re-run failed documents")
    engines.check(engine, address)
    workers = _check_workers(workers, engine, address)
    summary = ingest_paths(paths or [], db, published=published, workers=workers, retry=retry, console=err,
                           engine=engine, address=address)
    err.print(summary.describe(), highlight=False)
    _update_stories(db)  # corpus stages: new articles join stories (docs/stories.md)
    if summary.failed or summary.partial:
        raise typer.Exit(1)


@app.command("list")
def list_articles(
    db: str = DB_OPTION,
    limit: int = typer.Option(50, help="Show at most this many articles."),
    failed: bool = typer.Option(False, "--failed", help="List failed documents instead."),
    json_output: bool = typer.Option(False, "--json", help="One JSON object per line instead of a table."),
) -> None:
    """List the stored articles (or the failed documents)."""
    from dataclasses import asdict

    from warta.views.articles import print_article_table, print_failure_table

    with open_store(db) as store:
        rows = store.failures(limit=limit) if failed else store.articles(limit=limit)
        if json_output:
            for row in rows:
                sys.stdout.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
        elif failed:
            print_failure_table(rows)
        else:
            print_article_table(rows, total=store.count())


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id (a unique prefix is enough)."),
    db: str = DB_OPTION,
    json_output: bool = typer.Option(False, "--json", help="Print the full JSON record."),
) -> None:
    """Show one stored article."""
    from warta.views.articles import print_article

    with open_store(db) as store:
        article = store.get(article_id)
    if json_output:
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print_article(article)


# ---------------------------------------------------------------- language layer (issue 3)


@app.command()
def train(
    datasets: Optional[Path] = typer.Option(None, help="Gold datasets folder (default: ../shared/datasets)."),
    scratch: Optional[Path] = typer.Option(None, help="Scratch folder (default: training/ in the repository)."),
    steps: int = typer.Option(5600, help="Training steps (the best checkpoint on dev is kept)."),
    pretrained: Optional[Path] = typer.Option(
        None, help="Start from these pretrained tok2vec weights (an earlier run's pretrain/model20.bin) "
        "instead of pretraining again."),
) -> None:
    """Rebuild the shipped language model from the gold datasets (see src/warta/lang/MODEL_CARD.md)."""
    from warta.lang.train import build

    plan = build.BuildPlan(
        datasets=datasets or build.default_datasets(),
        scratch=scratch or build.default_scratch(),
        target=build.model_path(),
        steps=steps,
        pretrained=pretrained,
        say=lambda text: err.print(text, highlight=False),
    )
    build.build(plan)


@app.command("train-events")
def train_events(
    gold: Path = typer.Option(Path("../shared/corpus/realnews_train/passages.jsonl"), "--gold",
                              help="Real-news gold file to fit on (default: ../shared/corpus/realnews_train)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Where to write the model (default: the shipped "
                                       "src/warta/data/events/trigger_model.json)."),
) -> None:
    """Rebuild the events stage's trigger model from real-news gold (see src/warta/data/events/MODEL_CARD.md)."""
    from warta.eval import trigger_model
    from warta.events.model import dumps

    if not gold.is_file():
        raise InputError(str(gold), "gold file not found")
    target = out or Path(__file__).parent / "data" / "events" / "trigger_model.json"
    model = trigger_model.build(gold)
    target.write_text(dumps(model), encoding="utf-8")
    err.print(f"{target}: {len(model['weights'])} features, {len(model['vocab'])} proposable lemmas", highlight=False)


MODEL_OPTION = typer.Option(None, "--model", help="Pipeline folder to score instead of the shipped model.")


def _gold_model(gold: Path, model: Optional[Path] = None):
    from warta import pipeline

    if not gold.is_file():
        fail(f"{gold}: gold file not found")
    if model is None:
        return pipeline.nlp()
    if not (model / "config.cfg").is_file():
        fail(f"{model}: not a pipeline folder (no config.cfg)")
    return pipeline.build_nlp(model)


@eval_app.command("ner")
def eval_ner(
    gold: Path = typer.Option(..., "--gold", help="Gold NER file: token TAB BIO-tag."),
    model: Optional[Path] = MODEL_OPTION,
    raw: bool = typer.Option(False, "--raw", help="Score the detokenised sentences run through the whole "
                             "pipeline (warta extract: tokenizer, sentences, NER, entity rules, linking) on "
                             "character spans, instead of the NER on the gold tokens."),
) -> None:
    """Span-level P/R/F1 per label and micro, on the gold tokens (labels the gold file uses)."""
    from warta.eval import ner

    if raw:
        if model is not None:
            fail("--raw runs the shipped pipeline; --model applies to the gold-token score only")
        if not gold.is_file():
            fail(f"{gold}: gold file not found")
        sys.stdout.write(ner.format_table(ner.evaluate_raw(gold)) + "\n")
        return
    nlp = _gold_model(gold, model)
    table = ner.evaluate(nlp, gold)
    sys.stdout.write(ner.format_table(table) + "\n")


@eval_app.command("ud")
def eval_ud(
    gold: Path = typer.Option(..., "--gold", help="Gold CoNLL-U file."),
    model: Optional[Path] = MODEL_OPTION,
) -> None:
    """UPOS, UAS, LAS (and lemma accuracy) on the gold tokens of a CoNLL-U file."""
    from warta.eval import ud

    nlp = _gold_model(gold, model)
    scores = ud.evaluate(nlp, gold)
    for key, value in scores.items():
        sys.stdout.write(f"{key:<9} {value:.4f}\n" if isinstance(value, float) else f"{key:<9} {value}\n")


# ---------------------------------------------------------------- time (issue 4)


@app.command("time")
def time_command(
    text: str = typer.Argument(..., help="Indonesian text, or - to read stdin."),
    dct: Optional[str] = typer.Option(None, "--dct", help="Publication date to resolve against: YYYY-MM-DD."),
    format: str = typer.Option("table", help="Output format: table or jsonl."),
    words: Optional[Path] = typer.Option(None, "--words", help="YAML file adding to the shipped timex word lists."),
) -> None:
    """Find and resolve the temporal expressions of a text."""
    from dataclasses import asdict

    from warta.time import find_timex, load_lexicon

    if format not in ("table", "jsonl"):
        fail(f"unknown --format {format!r}; use table or jsonl")
    if dct is not None:
        from warta.time.calendar import parse_dct

        try:
            parse_dct(dct)
        except ValueError:
            fail(f"--dct must be a date like 2019-05-12, not {dct!r}")
    if text == "-":
        text = sys.stdin.read()
    warnings: list[str] = []
    found = find_timex(text, dct, lexicon=load_lexicon(words), warnings=warnings)
    if format == "jsonl":
        for t in found:
            sys.stdout.write(json.dumps(asdict(t), ensure_ascii=False) + "\n")
    else:
        columns = [(name, {}) for name in ("start", "end", "text", "type", "value")]
        emit_table(Console(), columns, [[t.start, t.end, t.text, t.type, t.value] for t in found])
    for w in warnings:
        err.print(f"[yellow]warning:[/yellow] {safe(w)}", highlight=False)


@eval_app.command("timex")
def eval_timex(
    gold: Path = typer.Option(..., "--gold", help="Folder of TimeML .tml files (or one file), or a real-news gold JSONL file."),
    errors: int = typer.Option(0, "--errors", help="Also list this many errors (missed, spurious, value)."),
    json_output: bool = typer.Option(False, "--json", help="Print the full result as JSON."),
) -> None:
    """Strict/relaxed span P/R/F1, type and value accuracy against TimeML gold (TempEval-3 style);
    on a real-news gold file, the share of gold values resolved right."""
    from warta.eval import timex as timex_eval

    if _realnews(gold, "timex", errors=errors, json_output=json_output):
        return
    result = timex_eval.evaluate(gold)
    if json_output:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        return
    sys.stdout.write(timex_eval.format_report(result) + "\n")
    for e in result["errors"][:errors]:
        sys.stdout.write(f"{e['kind']:<8} {e['doc']}: {e['text']!r} gold={e.get('gold')} system={e.get('system')}\n")

# ---------------------------------------------------------------- actors (issue 5)


@app.command()
def entities(
    db: str = DB_OPTION,
    type: Optional[str] = typer.Option(None, "--type", help="Only this type: PER, ORG, GPE, LOC."),
    country: Optional[str] = typer.Option(None, "--country", help="Only this country code, e.g. RUS."),
    limit: int = typer.Option(50, help="Show at most this many entities."),
) -> None:
    """List the stored entities with their mention and article counts."""
    from warta.store.entities import list_entities
    from warta.views.entities import print_entities
    from warta.store import Store

    with Store.open(db, create=False) as store:
        rows = list_entities(store, type_=type, country=country, limit=limit)
    print_entities(rows)


@app.command()
def entity(
    name: str = typer.Argument(..., help="Entity id, canonical name, or a surface seen in the text."),
    db: str = DB_OPTION,
) -> None:
    """Show one entity: its surfaces, roles and articles."""
    from warta.store.entities import find_entity
    from warta.views.entities import print_entity
    from warta.store import Store

    with Store.open(db, create=False) as store:
        detail = find_entity(store, name)
    print_entity(detail)


def _realnews(gold: Path, stage: str, *, errors: int, json_output: bool) -> bool:
    """Score ``stage`` on ``gold`` when it is a real-news gold file (and say so); False otherwise."""
    from warta.eval import realnews

    if not realnews.is_realnews(gold):
        return False
    result = realnews.evaluate(gold, stage)
    _print_scores(result, realnews.format_report, json_output=json_output, errors=errors)
    return True


def _print_scores(result, format_report, *, json_output: bool, errors: int) -> None:
    """A scorer's figures as a report (or JSON), then its first ``errors`` errors, one per line."""
    if json_output:
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_report(result) + "\n")
    for e in result.errors[:errors]:
        sys.stdout.write(" ".join(f"{k}={v}" for k, v in e.items()) + "\n")


@eval_app.command("entities")
def eval_entities(
    gold: Path = typer.Option(..., "--gold", help="Gold JSONL: file or text, published, entities [{name, type, country, surfaces}]; or a real-news gold file."),
    errors: int = typer.Option(0, "--errors", help="Also list this many errors (missed, spurious, country, surface)."),
    json_output: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Entity-set P/R/F1 on canonical names and on (name, country), and gold surface recall
    (on a real-news gold file: P/R/F1 on canonical names, per type)."""
    from warta.eval import entities as entities_eval

    if _realnews(gold, "entities", errors=errors, json_output=json_output):
        return
    result = entities_eval.evaluate(gold)
    _print_scores(result, entities_eval.format_report, json_output=json_output, errors=errors)


# ---------------------------------------------------------------- quotes and events (issue 6)


@eval_app.command("quotes")
def eval_quotes(
    gold: Path = typer.Option(..., "--gold", help="PFSA-ID file: token TAB BILOU tag, blank line between sentences; or a real-news gold file."),
    errors: int = typer.Option(0, "--errors", help="Real-news gold: also list this many wrong speakers."),
    json_output: bool = typer.Option(False, "--json", help="Real-news gold: print the figures as JSON."),
) -> None:
    """Score quotations on PFSA-ID: statement spans (exact, token) and speaker accuracy, as JSON
    (on a real-news gold file: the share of gold quotes whose speaker is right)."""
    from warta.eval.quotes import score_pfsa

    if _realnews(gold, "quotes", errors=errors, json_output=json_output):
        return
    score = score_pfsa(gold)
    sys.stdout.write(json.dumps(score.as_dict()) + "\n")


@eval_app.command("events")
def eval_events(
    gold: Path = typer.Option(..., "--gold", help="Gold JSONL: file or text, published, events [{type, source_country, target_country, trigger, ...}]; or a real-news gold file."),
    seeds: Optional[Path] = typer.Option(None, "--seeds", help="Folder of the `file` articles (default: the gold file's folder)."),
    errors: int = typer.Option(0, "--errors", help="Also list this many errors (missed, spurious, trigger, flags)."),
    json_output: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Event P/R/F1 on (type, source country, target country) per document, trigger overlap and flags
    (on a real-news gold file: P/R/F1 per type, negated events left out)."""
    from warta.eval import events as events_eval

    if _realnews(gold, "events", errors=errors, json_output=json_output):
        return
    result = events_eval.evaluate(gold, seeds)
    _print_scores(result, events_eval.format_report, json_output=json_output, errors=errors)


@eval_app.command("pages")
def eval_pages(
    gold: Path = typer.Option(..., "--gold", help="Gold JSONL: file (relative to the gold file), url, title, published, authors, editors, kind."),
    errors: int = typer.Option(0, "--errors", help="Also list this many wrong fields (page, field, gold, got)."),
    json_output: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Page metadata of the extractor: title right, publication time right to the minute, authors
    and editors right (as sets), page kind; the seeds' gold.jsonl is such a file."""
    from warta.eval import pages as pages_eval

    result = pages_eval.evaluate(gold)
    _print_scores(result, pages_eval.format_report, json_output=json_output, errors=errors)


@app.command("events")
def events_command(
    db: str = DB_OPTION,
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor code as source or target (RUS also matches RUSGOV)."),
    dyad: Optional[str] = typer.Option(None, "--dyad", help="Source-target actor codes, e.g. RUS-USA."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER type, e.g. CONSULT."),
    since: Optional[str] = typer.Option(None, "--since", help="Events dated on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Events dated on or before YYYY-MM-DD."),
    limit: int = typer.Option(100, help="Show at most this many events."),
    json_output: bool = typer.Option(False, "--json", help="One JSON object per line instead of a table."),
) -> None:
    """Query the stored PLOVER events by actor, dyad, type and date."""
    from dataclasses import asdict

    from warta.store.events import query

    with open_store(db) as store:
        rows = query(store.engine, actor=actor, dyad=dyad, type=type, since=since, until=until, limit=limit)
    if json_output:
        for row in rows:
            sys.stdout.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
        return
    columns = [(name, dict(overflow="fold")) for name in ("date", "type", "source", "target", "trigger", "flags", "article")]
    data = []
    for r in rows:
        flags = " ".join(f for f, on in (("negated", r.negated), ("planned", r.planned)) if on)
        data.append([r.date or "", f"{r.type} {r.mode or ''}".strip(), f"{r.source_actor or '-'} {r.source_name or ''}",
                     f"{r.target_actor or '-'} {r.target_name or ''}", r.trigger_text or "", flags, r.article_id])
    emit_table(Console(), columns, data)
    err.print(f"{len(rows)} events", highlight=False)


# ---------------------------------------------------------------- serving, search and exports (issue 19)


@app.command()
def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 opens it to the network)."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, help="Server processes (each opens the store)."),
) -> None:
    """Run the REST API (/api/, schema at /openapi.json) and the web UI (/); WARTA_TOKEN enables ingest over HTTP."""
    import os

    import uvicorn

    from warta.serve import ServeConfig, create_app

    workers = _check_workers(workers, "local", None)
    try:
        config = ServeConfig.from_env(db)
        application = create_app(config)  # checks (and migrates, indexes) the store before listening
    except (WartaError, ValueError) as error:
        fail(str(error))
    _check_listen(host, port)
    ingest_state = "ingest over HTTP enabled" if config.token else "read-only: set WARTA_TOKEN to enable ingest"
    err.print(f"Warta on http://{host}:{port}/ ({ingest_state})", highlight=False)
    if workers > 1:
        os.environ["WARTA_DB"] = db  # each worker process builds its own application from the environment
        uvicorn.run("warta.serve.factory:from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
    else:
        uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command("search")
def search_command(
    query: str = typer.Argument(..., help="Words to find; each must occur (matched by root: temu finds bertemu)."),
    db: str = DB_OPTION,
    outlet: Optional[str] = typer.Option(None, help="Only this outlet."),
    since: Optional[str] = typer.Option(None, help="Published on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Published on or before YYYY-MM-DD."),
    actor: Optional[str] = typer.Option(None, help="Only articles with this actor code (RUS also matches RUSGOV)."),
    limit: int = typer.Option(10, help="Show at most this many articles."),
    json_output: bool = typer.Option(False, "--json", help="One JSON object per line instead of text."),
) -> None:
    """Full-text search over titles and bodies, best first, with a snippet of each article."""
    import html
    import re
    from dataclasses import asdict

    from warta.store.search import ArticleFilter, search

    def plain(fragment: str) -> str:  # the hits' HTML as text, the matched words between asterisks
        return html.unescape(re.sub(r"</?mark>", "*", fragment))

    with open_store(db) as store:
        result = search(store.engine, query, filters=ArticleFilter(outlet, since, until, actor), limit=limit)
    if json_output:
        for hit in result.hits:
            sys.stdout.write(json.dumps(asdict(hit), ensure_ascii=False) + "\n")
        return
    for hit in result.hits:
        line = f"{hit.id}  {(hit.published or '')[:10]}  {hit.outlet or ''}  {plain(hit.title_html)}"
        sys.stdout.write(visible(line, newlines=False) + "\n")
        sys.stdout.write("    " + visible(" ".join(plain(hit.snippet).split())) + "\n")
    err.print(safe(f"{result.total} article(s); roots searched: {', '.join(result.terms)}"), highlight=False)


@app.command()
def export(
    kind: str = typer.Argument(..., help="articles, entities, quotes, events or stories."),
    db: str = DB_OPTION,
    format: str = typer.Option("jsonl", "--format", help="jsonl, csv, parquet, or gdelt (events only)."),
    out: Optional[Path] = typer.Option(None, "--out", help="File to write (default: standard output)."),
) -> None:
    """Write every stored article, entity, quote, event or story as JSONL, CSV, Parquet or a GDELT-style table."""
    import os

    from warta import exports

    if format not in exports.FORMATS:
        fail(f"unknown --format {format!r}; use one of {', '.join(exports.FORMATS)}")
    with open_store(db) as store:
        try:
            rows = exports.rows(store.engine, kind, format=format)
            if out is None:
                n = exports.write(rows, format, sys.stdout.buffer, exports.columns(kind, format))
                sys.stdout.flush()
            else:
                with open(out, "wb") as handle:
                    n = exports.write(rows, format, handle, exports.columns(kind, format))
        except WartaError as error:
            fail(str(error))
        except BrokenPipeError:  # `warta export … | head`: the reader has all it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0)
        except OSError as error:
            fail(f"{out}: cannot write: {error.strerror}")
    err.print(f"{n} {kind} written" + (f" to {out}" if out else ""), highlight=False)


# ---------------------------------------------------------------- stories, timelines, summaries (issue 18)


def _update_stories(db: str) -> None:
    """Assign the store's new articles to stories and say what changed."""
    from warta import stories
    from warta.store import Store

    with Store.open(db, create=False) as store:
        result = stories.update(store.engine)
    if result.assigned or result.dropped:
        err.print(result.describe(), highlight=False)


@app.command("stories")
def stories_command(
    db: str = DB_OPTION,
    json_output: bool = typer.Option(False, "--json", help="One JSON object per story and line (DESIGN.md shape)."),
    since: Optional[str] = typer.Option(None, "--since", help="Stories seen on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Stories seen on or before YYYY-MM-DD."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Stories with an event or entity of this actor code (RUS matches RUSGOV)."),
    limit: Optional[int] = typer.Option(None, help="Show at most this many stories."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Forget the stories and assign every stored article again."),
) -> None:
    """List the stories: one real-world event across outlets, latest first (an article alone is a story of one)."""
    from warta import stories
    from warta.views.stories import print_story_table

    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    with open_store(db) as store:
        if rebuild:
            err.print(stories.rebuild(store.engine).describe(), highlight=False)
        elif stories.pending(store.engine):
            stories.update(store.engine)  # articles stored before the corpus stages existed
        found = stories.list_stories(store.engine, since=since, until=until, actor=actor, limit=limit)
    if json_output:
        for story in found:
            sys.stdout.write(json.dumps(story, ensure_ascii=False) + "\n")
    else:
        print_story_table(found)


@app.command("story")
def story_command(
    story_id: str = typer.Argument(..., help="Story id (a unique prefix is enough)."),
    db: str = DB_OPTION,
    json_output: bool = typer.Option(False, "--json", help="Print the story as JSON."),
) -> None:
    """Show one story: summary, articles (near-duplicates marked) and merged events with their evidence."""
    from warta import stories
    from warta.views.stories import print_story

    with open_store(db) as store:
        story = stories.get_story(store.engine, story_id)
    if json_output:
        sys.stdout.write(json.dumps(story, ensure_ascii=False, indent=2) + "\n")
    else:
        print_story(story)


@app.command("timeline")
def timeline_command(
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor code as source or target, e.g. RUS."),
    dyad: Optional[str] = typer.Option(None, "--dyad", help="Source-target actor codes, e.g. IDN-RUS."),
    by: str = typer.Option("month", "--by", help="Period: day, week or month."),
    format: str = typer.Option("table", "--format", help="table, csv, json, png or svg."),
    out: Optional[Path] = typer.Option(None, "--out", help="File to write (png/svg default: timeline.FORMAT)."),
    since: Optional[str] = typer.Option(None, "--since", help="Events dated on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Events dated on or before YYYY-MM-DD."),
    db: str = DB_OPTION,
) -> None:
    """Merged events of an actor or dyad per period: counts per PLOVER quad class and signed intensity."""
    from warta.stories import timeline as tl
    from warta.views import stories as views

    if format not in ("table", "csv", "json", "png", "svg"):
        fail(f"unknown --format {format!r}; use table, csv, json, png or svg")
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    with open_store(db) as store:
        buckets = tl.timeline(store.engine, actor=actor, dyad=dyad, by=by, since=since, until=until)
    title = f"{'actor ' + actor.upper() if actor else 'dyad ' + (dyad or '').upper()}, merged events by {by}"
    if format in ("png", "svg"):
        from warta.stories.plot import render

        target = out or Path(f"timeline.{format}")
        if target.suffix.lower() != f".{format}":
            fail(f"--out {target} must end in .{format} for --format {format}")
        try:
            render(buckets, target, title=title)
        except OSError as error:
            fail(f"{target}: cannot write: {error.strerror or error}")
        err.print(f"wrote {target} ({len(buckets)} periods)", highlight=False)
        return
    text = views.timeline_csv(buckets) if format == "csv" else views.timeline_json(buckets) if format == "json" else None
    if text is None:
        if out:
            fail("--out is for csv, json, png and svg")
        views.timeline_table(buckets, title=title)
    elif out:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as error:
            fail(f"{out}: cannot write: {error.strerror or error}")
        err.print(f"wrote {out} ({len(buckets)} periods)", highlight=False)
    else:
        sys.stdout.write(text)


@eval_app.command("stories")
def eval_stories(
    gold: Path = typer.Option(..., "--gold", help="Passages grouped into stories (JSONL: id, url, published, text, story, …)."),
    errors: int = typer.Option(0, "--errors", help="Also list this many errors (near-misses joined to a story)."),
    json_output: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """B-cubed P/R/F1 of story clustering, near-misses kept apart, near-duplicates, split-half threshold check."""
    from warta.stories import evaluate as stories_eval

    result = stories_eval.evaluate(gold)
    _print_scores(result, stories_eval.format_report, json_output=json_output, errors=errors)


@eval_app.command("summaries")
def eval_summaries(
    gold: Path = typer.Option(..., "--gold", help="CSV with the article text (isi_berita), title (judul) and reference (Summary)."),
    json_output: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """ROUGE-1/2/L F1 of the article summaries and of LEAD-3 against human-written summaries."""
    from warta.eval import summaries as summaries_eval

    result = summaries_eval.evaluate(gold)
    sys.stdout.write((json.dumps(result, ensure_ascii=False) if json_output else summaries_eval.format_report(result)) + "\n")


def run() -> None:
    """Entry point: Warta's own errors become one-line messages, and so does anything else
    (a bug), unless ``WARTA_DEBUG`` is set: then the traceback is shown."""
    import os

    try:
        app()
    except WartaError as error:
        err.print(f"[red]Error:[/red] {safe(error)}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted", highlight=False)
        sys.exit(130)
    except BrokenPipeError:  # `warta list | head`: the reader has what it wanted
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        except (OSError, ValueError):  # stdout is not a file (captured)
            pass
        sys.exit(141)
    except Exception as error:  # noqa: BLE001 - a bug: one line, not a traceback
        if settings.value("debug"):
            raise
        err.print(f"[red]Error:[/red] {safe(type(error).__name__)}: {safe(error)} "
                  "(a bug in Warta; set WARTA_DEBUG=1 to see where)", highlight=False)
        sys.exit(1)



# ---------------------------------------------------------------- settings and stages (issue 17)


@app.command("settings")
def settings_command(
    json_output: bool = typer.Option(False, "--json", help="One JSON object per setting."),
) -> None:
    """List every setting: its environment variable, the value in effect, the default and what it is."""
    rows, bad = [], []
    for name, env, default, help_ in settings.table():
        try:
            current = settings.value(name)
        except WartaError as error:
            bad.append(str(error))
            current = None
        rows.append({"name": name, "env": env, "value": current, "default": settings.setting(name).default, "help": help_})
    if json_output:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        columns = [(col, dict(overflow="fold")) for col in ("setting", "variable", "value", "what it is")]
        emit_table(Console(soft_wrap=True), columns, [[r["name"], r["env"], r["value"], r["help"]] for r in rows],
                   title="settings (set with the environment variables)")
    if bad:
        fail(bad[0])


@app.command("stages")
def stages_command(
    pipeline_file: Optional[Path] = typer.Option(
        None, "--pipeline", help="A pipeline file to check (default: WARTA_PIPELINE, else the shipped one)."),
    json_output: bool = typer.Option(False, "--json", help="One JSON object per stage."),
) -> None:
    """List the document stages the pipeline runs, in order: what each requires, fills and is set to."""
    from warta import plan

    steps = plan.load(pipeline_file).steps
    rows = [{"name": s.stage.name, "requires": list(s.stage.requires), "fills": list(s.stage.fills),
             "settings": dict(s.settings), "help": s.stage.help} for s in steps]
    if json_output:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    columns = [(col, dict(overflow="fold")) for col in ("stage", "requires", "fills", "settings")]
    data = [[r["name"], ", ".join(r["requires"]), ", ".join(r["fills"]),
             ", ".join(f"{k}={v}" for k, v in r["settings"].items())] for r in rows]
    emit_table(Console(soft_wrap=True), columns, data, title="document stages, in the order they run")


if __name__ == "__main__":
    run()
