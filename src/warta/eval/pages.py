"""Scorer for page metadata: title, publication time to the minute, authors, editors, page kind.

A gold file is JSONL, one page a line: ``file`` (relative to the gold file: an HTML page or a text
copy), an optional ``url`` (the address the page was fetched from: outlet and URL dates come from
it), and the fields a careful reader gives: ``title``, ``published`` (ISO 8601; a gold line with
``published_inferred: true`` expects none, the page printing no date), ``authors``, ``editors`` and
optionally ``kind``. The seeds' ``gold.jsonl`` is such a file. Each page goes through the extractor
alone (no language layer, no stages), as ``warta extract`` would read it.

- title right: equal after collapsing whitespace;
- publication time right to the minute: the same instant to the minute (an offset that differs
  but names the same minute counts), or the same day when the gold gives a day only;
- authors (editors) right: the same set of names, case and spacing aside (an empty list is right
  when the gold has none).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from warta.errors import InputError
from warta.eval.jsonl import gold_lines

FIELDS = ("title", "published", "authors", "editors", "kind")


@dataclass
class Result:
    """Right and scored pages per field, and the errors behind them."""

    pages: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    errors: list[dict] = field(default_factory=list)

    def share(self, name: str) -> float | None:
        return round(self.right[name] / self.scored[name], 4) if self.scored[name] else None

    def as_dict(self) -> dict:
        return {"pages": self.pages, **{name: self.share(name) for name in FIELDS},
                "scored": dict(self.scored)}


def _instant(value: str) -> datetime | date | None:
    try:
        if len(value) <= 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def same_time(predicted: str | None, gold: str | None) -> bool:
    """True when ``predicted`` names the gold publication time to the minute (the gold day, when the
    gold gives a day only); both ``None`` is right (a page with no date)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    want, got = _instant(gold), _instant(predicted)
    if want is None or got is None:
        return predicted == gold
    if not isinstance(want, datetime):
        return predicted[:10] == gold[:10]
    if not isinstance(got, datetime) or (want.tzinfo is None) != (got.tzinfo is None):
        return False
    return want.replace(second=0, microsecond=0) == got.replace(second=0, microsecond=0)


def _names(values) -> set[str]:
    return {" ".join(str(v).split()).casefold() for v in values or []}


def _same(name: str, predicted, gold) -> bool:
    if name == "published":
        return same_time(predicted, gold)
    if name in ("authors", "editors"):
        return _names(predicted) == _names(gold)
    if name == "title":
        return " ".join((predicted or "").split()) == " ".join((gold or "").split())
    return predicted == gold


def read_gold(path: Path) -> list[dict]:
    """The gold lines of ``path``; a bad line is an ``InputError`` naming it."""
    records = []
    for _, where, record in gold_lines(path):
        if not isinstance(record, dict) or not isinstance(record.get("file"), str):
            raise InputError(where, "a gold page needs a 'file' (relative to the gold file)")
        records.append(record)
    return records


def extract_page(record: dict, folder: Path):
    """The extracted article of one gold page (its ``url``, if given, is where it was fetched from)."""
    from warta.extract import extract
    from warta.ingest import read_inputs

    [raw] = list(read_inputs([str(folder / record["file"])]))
    if isinstance(raw, InputError):
        raise raw
    if record.get("url"):
        raw.source.url = record["url"]
    return extract(raw)


def evaluate(gold: Path) -> Result:
    """Score the extractor's page metadata against the gold file ``gold``."""
    result = Result()
    for record in read_gold(gold):
        article = extract_page(record, gold.parent).to_dict()
        result.pages += 1
        expected = dict(record)
        if record.get("published_inferred"):
            expected["published"] = None  # the page prints no date: the time stage infers it later
        for name in FIELDS:
            if name not in expected:
                continue
            result.scored[name] += 1
            if _same(name, article[name], expected[name]):
                result.right[name] += 1
            else:
                result.errors.append({"page": record["file"], "field": name,
                                      "gold": json.dumps(expected[name], ensure_ascii=False),
                                      "got": json.dumps(article[name], ensure_ascii=False)})
    return result


def format_report(result: Result) -> str:
    """The figures as a few lines for people."""
    lines = [f"pages: {result.pages}"]
    for name in FIELDS:
        share = result.share(name)
        if share is not None:
            lines.append(f"{name:<10} {share:.3f}  ({result.right[name]}/{result.scored[name]})")
    return "\n".join(lines)
