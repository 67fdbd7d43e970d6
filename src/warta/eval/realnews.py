"""Scorer for the real-news gold format (``../shared/corpus/realnews_dev``, ``realnews_train``).

A gold file is JSONL, one real news passage a line: ``id``, ``url``, ``outlet``, ``published``
(``YYYY-MM-DD`` or null), ``text`` and ``gold`` with ``entities``, ``quotes``, ``events`` and ``timex``
(the conventions are in the set's README). Every passage goes through the pipeline exactly as
``warta extract`` runs it on a JSONL line with ``url``, ``text`` and ``published`` when known, and the
article records are scored the way ``../shared/tools/score_realnews.py`` scores the held-out real
passages, so that these figures and the held-out ones mean the same thing:

- entities: entity-set P/R/F1 per passage on canonical names; a predicted PER/ORG/GPE/LOC entity
  counts for a gold entity when its name, or one of its mention texts, equals the gold name or a gold
  surface (folded: lower case, accents and punctuation dropped);
- events: P/R/F1 on (type, source country, target country), negated events left out, matched as a
  multiset per passage; an actor code matches a gold country when it starts with it (RUSGOV is RUS);
- speakers: of the gold quotes with a speaker, the share whose first predicted quote containing the
  gold ``start`` (first 30 folded characters) names a word of the gold speaker;
- timex: of the gold expressions with a value, the share that a predicted expression containing the
  gold text resolves to the same value (a part of the gold day counts).

The pipeline output is cached per process (by file, size and modification time), so scoring the
four stages of one file runs the pipeline once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from warta.errors import InputError
from warta.eval.entities import Counts
from warta.eval.jsonl import gold_lines

GOLD_KEYS = ("entities", "quotes", "events", "timex")
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC")


@dataclass(frozen=True)
class Passage:
    """One real passage and its gold annotation."""

    id: str
    url: str | None
    published: str | None
    text: str
    gold: dict


def fold(text: str | None) -> str:
    """Lower case, accents and punctuation dropped, spaces collapsed (as the held-out scorer folds)."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def is_realnews(path: str | Path) -> bool:
    """Whether ``path`` is a real-news gold file: JSONL whose first object has a ``gold`` object."""
    path = Path(path)
    if not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    return isinstance(row, dict) and isinstance(row.get("gold"), dict)
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return False


def read_passages(path: str | Path) -> list[Passage]:
    """The passages of a real-news gold file; a malformed line stops with the file and line named."""
    out = []
    for n, where, row in gold_lines(path):
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
            raise InputError(where, "expected an object with a non-empty `text`")
        gold = row.get("gold")
        if not isinstance(gold, dict) or not all(isinstance(gold.get(k), list) for k in GOLD_KEYS):
            raise InputError(where, f"expected a `gold` object with lists {', '.join(GOLD_KEYS)}")
        out.append(Passage(str(row.get("id") or n), row.get("url"), row.get("published"), row["text"], gold))
    if not out:
        raise InputError(str(path), "no passages")
    return out


def input_line(p: Passage) -> bytes:
    # the line score_realnews.py hands to `warta extract`
    record = {"url": p.url, "text": p.text, **({"published": p.published} if p.published else {})}
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def run_records(passages: list[Passage], workers: int = 1) -> list[dict]:
    """The article record of each passage (``{}`` when it failed), as ``warta extract`` prints it."""
    from warta import ingest, pipeline

    data = b"".join(input_line(p) for p in passages)
    out: list[dict] = [{} for _ in passages]
    for result in pipeline.run(ingest.read_bytes(data, "realnews.jsonl"), workers=workers):
        if isinstance(result, pipeline.Failure):
            continue
        n = result.article.source.line
        if isinstance(n, int) and 1 <= n <= len(out):
            out[n - 1] = result.article.to_dict()
    return out


_CACHE: dict[tuple[str, int, int], tuple[list[Passage], list[dict]]] = {}


def load(path: str | Path, workers: int = 1) -> tuple[list[Passage], list[dict]]:
    """The passages of a gold file and their article records, run once per process and file version."""
    path = Path(path).resolve()
    try:
        stat = path.stat()
    except OSError:
        raise InputError(str(path), "gold file not found") from None
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _CACHE:
        passages = read_passages(path)
        _CACHE[key] = (passages, run_records(passages, workers))
    return _CACHE[key]


@dataclass
class Result:
    """Figures of one stage over a real-news gold file, and the errors behind them."""

    stage: str
    passages: int = 0
    counts: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    causes: dict[str, int] = field(default_factory=dict)  # events: missed gold events by cause
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The figures as one JSON-ready dict."""
        c = self.counts
        d = {"stage": self.stage, "passages": self.passages, "gold": c.gold, "predicted": c.predicted, "right": c.tp}
        if self.stage in ("entities", "events"):
            d.update(c.prf())
        else:
            d["accuracy"] = round(c.tp / c.gold, 4) if c.gold else 0.0
        if self.causes:
            d["missed_by_cause"] = {c: self.causes[c] for c in CAUSES if c in self.causes}
        if self.by_type:
            d["by_type"] = {t: {"gold": k.gold, "predicted": k.predicted, **k.prf()} for t, k in sorted(self.by_type.items())}
        return d


def _type(by_type: dict[str, Counts], name: str) -> Counts:
    return by_type.setdefault(name or "-", Counts())


def score_entities(passages: list[Passage], records: list[dict]) -> Result:
    """Entity-set P/R/F1 on canonical names, per gold type, with missed and spurious names.

    Per type a right name counts under its gold type for both P and R, a spurious name under the
    type the system gave it, so the rows add up to the total and no P exceeds 1."""
    result = Result("entities", len(passages))
    for p, r in zip(passages, records):
        gold = {fold(e["name"]): e for e in p.gold["entities"]}
        surfaces = {n: {fold(s) for s in e.get("surface") or []} | {n} for n, e in gold.items()}
        predicted: dict[str, dict] = {}
        for e in r.get("entities") or []:
            if e.get("type") not in ENTITY_TYPES:
                continue
            name = fold(e.get("name"))
            texts = {fold(m.get("text")) for m in e.get("mentions") or []}
            hit = next((g for g in gold if name == g or name in surfaces[g] or g in texts), None)
            predicted.setdefault(hit or "?" + name, e)
        right = set(predicted) & set(gold)
        result.counts.tp += len(right)
        result.counts.predicted += len(predicted)
        result.counts.gold += len(gold)
        for n, e in gold.items():
            c = _type(result.by_type, e.get("type"))
            c.gold += 1
            c.tp += n in right
            if n not in right:
                result.errors.append({"doc": p.id, "kind": "missed", "type": e.get("type"), "name": e["name"]})
        for n, e in predicted.items():
            # a right name counts under its gold type for P as for R (it is one item: "Jakarta" gold GPE found
            # as an ORG is right, a GPE right); a spurious name has no gold type and counts under its own
            _type(result.by_type, gold[n].get("type") if n in gold else e.get("type")).predicted += 1
            if n not in gold:
                result.errors.append({"doc": p.id, "kind": "spurious", "type": e.get("type"), "name": e.get("name")})
    return result


def _same(gold_code: str, code: str) -> bool:
    return code == gold_code or bool(gold_code and code.startswith(gold_code))


def gold_events(p: Passage) -> list[tuple[str, str, str]]:
    """The passage's scored gold triples: (type, source country, target country), negated left out."""
    return [(e["type"], e.get("source_country") or "", e.get("target_country") or "")
            for e in p.gold["events"] if not e.get("negated")]


def predicted_events(r: dict) -> list[tuple[str, str, str]]:
    """The record's scored triples: (type, source actor code, target actor code), negated left out."""
    return [(e.get("type"), (e.get("source") or {}).get("actor") or "", (e.get("target") or {}).get("actor") or "")
            for e in r.get("events") or [] if not e.get("negated")]


def score_events(passages: list[Passage], records: list[dict]) -> Result:
    """Event P/R/F1 on (type, source country, target country), per type, with missed and spurious events."""
    result = Result("events", len(passages))
    for p, r in zip(passages, records):
        gold, left = gold_events(p), predicted_events(r)
        trigger = {g: e.get("trigger") for g, e in zip(gold, (e for e in p.gold["events"] if not e.get("negated")))}
        for t in left:
            _type(result.by_type, t[0]).predicted += 1
        result.counts.predicted += len(left)
        result.counts.gold += len(gold)
        for g in gold:
            _type(result.by_type, g[0]).gold += 1
            j = next((j for j, t in enumerate(left) if t[0] == g[0] and _same(g[1], t[1]) and _same(g[2], t[2])), None)
            if j is None:
                cause = miss_cause(g, trigger.get(g), r)
                result.causes[cause] = result.causes.get(cause, 0) + 1
                result.errors.append({"doc": p.id, "kind": "missed", "event": _show(g), "cause": cause,
                                      "trigger": trigger.get(g)})
            else:
                left.pop(j)
                result.counts.tp += 1
                _type(result.by_type, g[0]).tp += 1
        result.errors += [{"doc": p.id, "kind": "spurious", "event": _show(t)} for t in left]
    return result


CAUSES = ("not in body", "no trigger", "negated", "wrong type", "no argument", "wrong argument")


def miss_cause(gold: tuple[str, str, str], trigger: str | None, record: dict) -> str:
    """Why a gold event was missed, looking at the predicted events at its trigger text.

    ``not in body``: the trigger is not in the extracted body (removed as page furniture);
    ``no trigger``: no event at the trigger; ``negated``: one of the gold type but marked negated;
    ``no argument``: one of the gold type that lacks a side the gold has; ``wrong argument``: one of
    the gold type with a wrong side; ``wrong type``: events there, none of the gold type.
    """
    body = record.get("body") or ""
    places = [m.start() for m in re.finditer(re.escape(trigger), body)] if trigger else []
    if not places:
        return "not in body"
    n = len(trigger)
    there = [e for e in record.get("events") or []
             if any(at < (e.get("trigger") or {}).get("end", -1) and (e.get("trigger") or {}).get("start", -1) < at + n
                    for at in places)]
    if not there:
        return "no trigger"
    typed = [e for e in there if e.get("type") == gold[0]]
    if not typed:
        return "wrong type"
    if all(e.get("negated") for e in typed):
        return "negated"
    sides = [((e.get("source") or {}).get("actor") or "", (e.get("target") or {}).get("actor") or "") for e in typed]
    if any((gold[1] and not s) or (gold[2] and not t) for s, t in sides):
        return "no argument"
    return "wrong argument"


def _show(t: tuple[str, str, str]) -> str:
    return f"{t[0]}:{t[1] or '-'}>{t[2] or '-'}"


def score_quotes(passages: list[Passage], records: list[dict]) -> Result:
    """Speaker accuracy: gold quotes with a speaker whose first predicted quote holding the gold start names them."""
    result = Result("quotes", len(passages))
    for p, r in zip(passages, records):
        for q in p.gold["quotes"]:
            if not q.get("speaker"):
                continue
            result.counts.gold += 1
            start = fold(q["start"])[:30]
            found = next((pq for pq in r.get("quotes") or [] if start in fold(pq.get("text"))), None)
            names = (fold(found.get("speaker_text")) + " " + fold(found.get("speaker"))).split() if found else []
            ok = any(w in names for w in fold(q["speaker"]).split() if len(w) > 2)
            result.counts.predicted += found is not None
            result.counts.tp += ok
            if not ok:
                result.errors.append({"doc": p.id, "kind": "speaker" if found else "no-quote", "start": q["start"][:40],
                                      "gold": q["speaker"], "system": (found or {}).get("speaker_text")})
    return result


def score_timex(passages: list[Passage], records: list[dict]) -> Result:
    """Value accuracy: gold expressions with a value that a predicted expression holding the gold text resolves."""
    result = Result("timex", len(passages))
    for p, r in zip(passages, records):
        for t in p.gold["timex"]:
            if t["value"] is None:
                continue
            result.counts.gold += 1
            text = fold(t["text"])
            holding = [x for x in r.get("timex") or [] if text in fold(x.get("text"))]
            ok = any(str(x.get("value")) == t["value"] or str(x.get("value")).startswith(t["value"] + "T") for x in holding)
            result.counts.predicted += bool(holding)
            result.counts.tp += ok
            if not ok:
                result.errors.append({"doc": p.id, "kind": "value" if holding else "missed", "text": t["text"],
                                      "gold": t["value"], "system": [x.get("value") for x in holding]})
    return result


SCORERS = {"entities": score_entities, "events": score_events, "quotes": score_quotes, "timex": score_timex}


def evaluate(path: str | Path, stage: str, workers: int = 1) -> Result:
    """Score one stage (entities, events, quotes or timex) on a real-news gold file."""
    passages, records = load(path, workers)
    return SCORERS[stage](passages, records)


def figures(path: str | Path, workers: int = 1) -> dict[str, float]:
    """The headline figures of every stage, as the quality gate pins them."""
    passages, records = load(path, workers)
    e, v = score_entities(passages, records).as_dict(), score_events(passages, records).as_dict()
    q, t = score_quotes(passages, records).as_dict(), score_timex(passages, records).as_dict()
    return {"entities_p": e["p"], "entities_r": e["r"], "entities_f1": e["f1"],
            "events_p": v["p"], "events_r": v["r"], "events_f1": v["f1"],
            "speakers": q["accuracy"], "timex_values": t["accuracy"]}


def format_report(result: Result) -> str:
    """A small text table of one stage's figures."""
    d = result.as_dict()
    lines = [f"real-news {d['stage']}: {d['passages']} passages, gold {d['gold']}, predicted {d['predicted']}, right {d['right']}"]
    if "f1" in d:
        lines.append(f"P {d['p']:.4f}  R {d['r']:.4f}  F1 {d['f1']:.4f}")
    else:
        lines.append(f"accuracy {d['accuracy']:.4f} ({d['right']}/{d['gold']})")
    if d.get("missed_by_cause"):
        lines.append("missed by cause: " + ", ".join(f"{c} {n}" for c, n in d["missed_by_cause"].items()))
    if d.get("by_type"):
        lines.append("type        gold  pred  P       R       F1")
        for name, s in d["by_type"].items():
            lines.append(f"{name:<10} {s['gold']:>5} {s['predicted']:>5}  {s['p']:.4f}  {s['r']:.4f}  {s['f1']:.4f}")
        if d["stage"] == "entities":
            lines.append("(a right name counts under its gold type, a spurious one under the type given it)")
    return "\n".join(lines)
