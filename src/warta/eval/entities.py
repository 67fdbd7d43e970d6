"""Scorer for linked entities against the seed gold format: entity sets, (name, country), surfaces.

A gold file is JSONL, one article a line: ``file`` (relative to the gold file) or ``text``, an
optional ``published``, and ``entities: [{name, type, country, surfaces}]``. Each article goes
through extract (or is taken as ``text``) → lang → time → actors; the entity sets are compared on
canonical names (a gazetteer entity also matches a gold name that is one of its aliases, so a data
file may choose another canonical spelling), on (name, country), and each gold surface that occurs
in the body must be covered by a mention of the right entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from warta.article import Article, Entity, RawDocument, Source
from warta.errors import InputError
from warta.eval.jsonl import gold_lines

GOLD_KEYS = {"name", "type", "country", "surfaces"}


@dataclass
class Gold:
    """One gold article: where its text comes from and the entities a careful reader finds."""

    where: str
    entities: list[dict]
    path: Path | None = None
    text: str | None = None
    published: str | None = None


@dataclass
class Counts:
    """True positives, predictions and gold items of one figure."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def prf(self) -> dict[str, float]:
        """Precision, recall, F1 rounded to 4 places."""
        p, r = self.tp / max(self.predicted, 1), self.tp / max(self.gold, 1)
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


@dataclass
class Result:
    """Figures over a gold file, and the errors behind them."""

    articles: int = 0
    names: Counts = field(default_factory=Counts)
    countries: Counts = field(default_factory=Counts)
    surfaces: Counts = field(default_factory=Counts)  # tp = gold surfaces linked, gold = surfaces in the body
    common_people: int = 0  # mentions of a common word linked to a person
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The figures as one JSON-ready dict."""
        return {"articles": self.articles, "gold_entities": self.names.gold, "predicted": self.names.predicted,
                "names": self.names.prf(), "name_country": self.countries.prf(),
                "surface_recall": round(self.surfaces.tp / max(self.surfaces.gold, 1), 4),
                "surfaces": f"{self.surfaces.tp}/{self.surfaces.gold}", "common_word_people": self.common_people}


def gold_rows(path: str | Path, items: str, folder: str | Path | None = None) -> Iterator[tuple[str, dict, Path | None]]:
    """``(where, row, file)`` for each line of a seed-format gold JSONL file whose ``items`` is a list.

    ``file`` is the article a row names, found in ``folder`` (default: beside the gold file). A
    malformed line stops with an InputError naming the file and line.
    """
    path = Path(path)
    place = f"in {folder}" if folder else "beside the gold file"
    folder = Path(folder) if folder else path.parent
    for _, where, row in gold_lines(path):
        if not isinstance(row, dict) or not isinstance(row.get(items), list):
            raise InputError(where, f"expected an object with an `{items}` list")
        if not (row.get("file") or row.get("text")):
            raise InputError(where, "needs `file` or `text`")
        file = folder / row["file"] if row.get("file") else None
        if file is not None and not file.is_file():
            raise InputError(where, f"file {row['file']!r} not found {place}")
        yield where, row, file


def read_gold(path: str | Path) -> list[Gold]:
    """The articles of a gold JSONL file; a malformed line stops with the file and line named."""
    out = []
    for where, row, file in gold_rows(path, "entities"):
        for k, ent in enumerate(row["entities"]):
            if not isinstance(ent, dict) or not ent.get("name") or set(ent) - GOLD_KEYS:
                raise InputError(where, f"entity {k}: expected keys {sorted(GOLD_KEYS)}, got {ent!r:.80}")
        out.append(Gold(where, row["entities"], file, row.get("text"), row.get("published")))
    return out


def gold_article(gold: Gold) -> Article:
    """The gold row's article: its file extracted, or its text taken as the body."""
    from warta.extract import extract

    if gold.path is None:
        return Article(body=gold.text or "", published=gold.published)
    text = gold.path.read_text(encoding="utf-8")
    article = extract(RawDocument(Source(path=str(gold.path)), text=text, raw=text.encode()))
    # the article's own date wins (seed 001 is mis-stamped on purpose); gold fills a missing one
    article.published = article.published or gold.published
    return article


def run_article(gold: Gold) -> Article:
    """The gold article through lang → time → actors, as the pipeline runs them."""
    from warta import pipeline

    return pipeline.annotate(gold_article(gold), stages=("time", "actors"))


def _fold(name: str) -> str:
    from warta.actors.text import fold

    return " ".join(fold(name).split()).lower()


def _names_of(ent: Entity, records: dict) -> set[str]:
    rec = records.get(ent.id) if ent.linked else None
    return {_fold(n) for n in ([ent.name] + ([rec.name] + rec.aliases if rec else []))}


def score_article(gold: Gold, article: Article, records: dict, common: set[str], result: Result) -> None:
    """Add one article's figures (and its errors) to ``result``."""
    golds = {_fold(g["name"]): g for g in gold.entities}
    # each predicted entity under the gold name it matches, else its own name
    matched: dict[str, list[Entity]] = {}
    predicted: dict[str, Entity] = {}
    for ent in article.entities:
        names = _names_of(ent, records)
        key = next((g for g in golds if g in names), _fold(ent.name))
        predicted.setdefault(key, ent)
        matched.setdefault(key, []).append(ent)
    result.articles += 1
    result.names.gold += len(golds)
    result.names.predicted += len(predicted)
    result.countries.gold += len(golds)
    result.countries.predicted += len(predicted)
    for key, g in golds.items():
        ent = predicted.get(key)
        if ent is None:
            result.errors.append({"doc": gold.where, "kind": "missed", "name": g["name"]})
            continue
        result.names.tp += 1
        if ent.country == g.get("country"):
            result.countries.tp += 1
        else:
            result.errors.append({"doc": gold.where, "kind": "country", "name": g["name"],
                                  "gold": g.get("country"), "system": ent.country})
    for key, ent in predicted.items():
        if key not in golds:
            result.errors.append({"doc": gold.where, "kind": "spurious", "name": ent.name, "type": ent.type,
                                  "text": ent.mentions[0].text if ent.mentions else ""})
    body = article.body
    for key, g in golds.items():
        spans = [(m.start, m.end) for e in matched.get(key, []) for m in e.mentions]
        for surface in g.get("surfaces") or []:
            places = _occurrences(body, surface)
            if not places:
                continue  # in the title or a caption the extractor removed
            result.surfaces.gold += 1
            # one occurrence linked is enough: "Moskow, Jurnas.com -" is a date line, not an actor
            if any(s <= at < e or at <= s < at + len(surface) for s, e in spans for at in places):
                result.surfaces.tp += 1
            else:
                result.errors.append({"doc": gold.where, "kind": "surface", "name": g["name"], "text": surface})
    for ent in article.entities:
        if ent.type == "PER":
            for m in ent.mentions:
                if m.text.lower() in common:
                    result.common_people += 1
                    result.errors.append({"doc": gold.where, "kind": "common-person", "name": ent.name,
                                          "text": m.text})


def _occurrences(body: str, surface: str) -> list[int]:
    out, at = [], body.find(surface)
    while at >= 0:
        out.append(at)
        at = body.find(surface, at + 1)
    return out


def evaluate(path: str | Path, run: Callable[[Gold], Article] | None = None) -> Result:
    """Score the actors stage (through ``run``, default the pipeline up to actors) on a gold file."""
    from warta.actors import gazetteer
    from warta.actors.text import common_words

    golds = read_gold(path)
    records, common = gazetteer.load().records, common_words()  # load() is cached; linking uses it too
    result = Result()
    for gold in golds:
        score_article(gold, (run or run_article)(gold), records, common, result)
    return result


def format_report(result: Result) -> str:
    """A small text table of the figures."""
    d = result.as_dict()
    lines = [f"articles {d['articles']}, gold entities {d['gold_entities']}, predicted {d['predicted']}",
             "metric          P       R       F1"]
    for label, key in (("names", "names"), ("name+country", "name_country")):
        s = d[key]
        lines.append(f"{label:<14} {s['p']:.4f}  {s['r']:.4f}  {s['f1']:.4f}")
    lines.append(f"surface recall  {d['surface_recall']:.4f} ({d['surfaces']})")
    lines.append(f"common words linked to a person: {d['common_word_people']}")
    return "\n".join(lines)
