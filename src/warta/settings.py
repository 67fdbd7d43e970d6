"""Warta's settings in one table: name, environment variable, default and help.

Every environment variable Warta reads is a row of ``SETTINGS``; the code reads it through
``value(name)``, which checks it (a bad value is a one-line ``WartaError`` naming the variable), the
CLI takes its options' ``envvar`` and help from the table, ``warta settings`` lists the table with
the values in effect, and ``docs/settings.md`` is the table (a test keeps them equal).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from warta.errors import WartaError


def _text(raw: str) -> str:
    return raw


def _count(raw: str) -> int:
    return max(1, int(raw))


def _bytes(raw: str) -> int:
    return int(raw)


def _size(raw: str) -> int:
    value = int(raw)
    if value < 0:
        raise ValueError
    return value


_OFF_WORDS = {"off", "none", "0", "false"}  # the spellings that switch a folder setting off


def _folder_or_off(raw: str) -> str:
    """``off`` for any spelling of off (any case); else an absolute folder (``~`` expanded): a relative
    one would be a folder in whatever directory Warta runs from."""
    if raw.strip().lower() in _OFF_WORDS:
        return "off"
    where = os.path.expanduser(raw)
    if not os.path.isabs(where):
        raise ValueError
    return where


def _seconds(raw: str) -> float:
    value = float(raw)
    if value < 0:
        raise ValueError
    return value


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its environment variable, default (``None``: unset), what it means, and how a
    value is read (``parse`` raises ``ValueError`` on a bad one; ``expect`` says what is expected)."""

    name: str
    env: str
    default: Any
    help: str
    parse: Callable[[str], Any] = _text
    expect: str = "a value"


SETTINGS = (
    # running
    Setting("db", "WARTA_DB", "warta.db", "The store: an SQLite file or a database URL (docs/store.md)."),
    Setting("workers", "WARTA_WORKERS", None, "Processes that run the document stages (unset: one per core).",
            _count, "a whole number"),
    Setting("engine", "WARTA_ENGINE", "local",
            "Where the document stages run: local (this machine's processes) or ray (docs/engines.md)."),
    Setting("ray_address", "WARTA_RAY_ADDRESS", None,
            "With the ray engine: the Ray cluster to use (unset: a local Ray started for the run)."),
    Setting("time_budget", "WARTA_TIME_BUDGET", 60.0,
            "Seconds a document may spend in the language layer and stages: this for the first 100,000 "
            "characters, a quarter of it for every further started 100,000; 0: no budget.", _seconds, "0 (no budget) or a number of seconds"),
    Setting("debug", "WARTA_DEBUG", None,
            "Set (to anything): a bug in Warta shows its traceback instead of a one-line message."),
    Setting("cache_dir", "WARTA_CACHE_DIR", None,
            "Where the data parsed from YAML rule files is kept between runs, found again by the file's text "
            "(unset: $XDG_CACHE_HOME/warta or ~/.cache/warta; off, none, 0 or false: nothing is kept; "
            "a relative folder is an error).", _folder_or_off, "an absolute folder or off"),
    Setting("pipeline", "WARTA_PIPELINE", None,
            "A pipeline file: which document stages run, in which order, with which settings "
            "(unset: the shipped src/warta/pipeline.yaml; docs/architecture.md)."),
    # serving
    Setting("token", "WARTA_TOKEN", None,
            "Token that ingest over HTTP requires (Authorization: Bearer TOKEN). Unset: ingest is disabled."),
    Setting("max_body", "WARTA_MAX_BODY", 10_000_000, "Largest request body `warta serve` accepts, in bytes (larger: 413).",
            _bytes, "a number of bytes"),
    Setting("cache_mb", "WARTA_CACHE_MB", 64,
            "Megabytes of REST API answers each `warta serve` process keeps until the store changes "
            "(docs/serving.md); 0: no cache.", _size, "0 or a whole number of megabytes"),
    # user rule files, read after the shipped ones
    Setting("outlets", "WARTA_OUTLETS", None, "A YAML file of news outlets added to the shipped registry."),
    Setting("furniture", "WARTA_FURNITURE", None, "A YAML file of page-furniture rules added to the shipped ones."),
    Setting("bylines", "WARTA_BYLINES", None, "A YAML file of byline values that name no person (companies, desks, initials)."),
    Setting("titles", "WARTA_TITLES", None, "A YAML file of site names and taglines taken off the end of headlines."),
    Setting("agencies", "WARTA_AGENCIES", None, "A YAML file of news agencies added to the shipped list."),
    Setting("languages", "WARTA_LANGUAGES", None, "A YAML file of language cues added to the shipped ones."),
    Setting("gazetteer", "WARTA_GAZETTEER", None, "A YAML file or folder of actors added to the shipped gazetteer."),
    Setting("actors_roles", "WARTA_ACTORS_ROLES", None, "A YAML file of office and role words added to the shipped ones."),
    Setting("event_lexicon", "WARTA_EVENT_LEXICON", None, "A YAML file of event triggers added to the shipped lexicon."),
    Setting("quotes_lexicon", "WARTA_QUOTES_LEXICON", None,
            "A YAML file of speech cues and speaker words added to the shipped ones."),
    Setting("time_words", "WARTA_TIME_WORDS", None, "A YAML file of time words added to the shipped word lists."),
    Setting("abbreviations", "WARTA_ABBREVIATIONS", None,
            "A YAML file of abbreviations the tokenizer keeps whole, added to the shipped ones."),
    Setting("intensity", "WARTA_INTENSITY", None, "A YAML file of timeline intensity weights overriding the shipped ones."),
)

BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    """The row of ``name``."""
    return BY_NAME[name]


def value(name: str, environ: Mapping[str, str] | None = None) -> Any:
    """The value of setting ``name``: its environment variable if set (and not empty), checked, else the default."""
    row = BY_NAME[name]
    raw = (os.environ if environ is None else environ).get(row.env)
    if raw is None or raw == "":
        return row.default
    try:
        return row.parse(raw)
    except ValueError:
        raise WartaError(f"{row.env} must be {row.expect}, not {raw!r}") from None


def table() -> list[tuple[str, str, str, str]]:
    """(name, environment variable, default, help) per setting, for the CLI and the docs."""
    return [(s.name, s.env, "" if s.default is None else str(s.default), s.help) for s in SETTINGS]


def markdown() -> str:
    """The table as Markdown, as ``docs/settings.md`` holds it."""
    lines = ["| setting | environment variable | default | what it is |", "|---|---|---|---|"]
    for name, env, default, help_ in table():
        lines.append(f"| `{name}` | `{env}` | {f'`{default}`' if default else '–'} | {help_.replace('|', '/')} |")
    return "\n".join(lines) + "\n"
