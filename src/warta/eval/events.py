"""Scorer for PLOVER events against the seed gold format: (type, source country, target country) per document.

A gold file is JSONL, one article a line: ``file`` (a seed file, found in ``seeds`` or beside the gold
file) or ``text``, an optional ``published``, and ``events: [{type, source_country, target_country,
trigger, negated, planned, ...}]``. Each article goes through the whole pipeline (extract or the text
as body → lang → time → actors → quotes → events). Per document the multiset of predicted
(type, source country, target country) triples is matched against the gold one (P/R/F1); of the
matched events, the share whose trigger overlaps an occurrence of the gold trigger text, and the
share with the gold ``negated`` and ``planned`` flags, are reported too. A gold file that lists only
the core events (the seeds) gives a meaningful recall only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from warta.article import EVENT_TYPES, Article, Entity, Event, EventActor
from warta.errors import InputError
from warta.eval.entities import Counts, Gold, _occurrences, gold_article, gold_rows

EVENT_KEYS = {"type", "source_country", "target_country", "trigger", "negated", "planned",
              "mode", "source", "target", "date", "note"}
Triple = tuple[str, str | None, str | None]


@dataclass
class EventGold(Gold):
    """One gold article and every event (or the core events) a careful reader codes in it."""

    events: list[dict] = field(default_factory=list)


@dataclass
class Result:
    """Figures over a gold file, and the errors behind them."""

    articles: int = 0
    events: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    triggers: Counts = field(default_factory=Counts)  # tp = matched at the gold trigger, gold = matched with a trigger in the body
    flags: Counts = field(default_factory=Counts)  # tp = matched with gold negated and planned, gold = matched
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The figures as one JSON-ready dict."""
        return {"articles": self.articles, "gold_events": self.events.gold, "predicted": self.events.predicted,
                "events": self.events.prf(),
                "trigger_overlap": round(self.triggers.tp / max(self.triggers.gold, 1), 4),
                "triggers": f"{self.triggers.tp}/{self.triggers.gold}",
                "flags_right": round(self.flags.tp / max(self.flags.gold, 1), 4),
                "flags": f"{self.flags.tp}/{self.flags.gold}",
                "by_type": {t: {"gold": c.gold, "predicted": c.predicted, **c.prf()}
                            for t, c in sorted(self.by_type.items())}}


def _check_event(ev: object, k: int, where: str) -> None:
    if not isinstance(ev, dict):
        raise InputError(where, f"event {k}: expected an object, got {ev!r:.60}")
    unknown = set(ev) - EVENT_KEYS
    if unknown:
        raise InputError(where, f"event {k}: unknown keys {sorted(unknown)}; allowed: {sorted(EVENT_KEYS)}")
    if ev.get("type") not in EVENT_TYPES:
        raise InputError(where, f"event {k}: type {ev.get('type')!r} is not a PLOVER type")
    for key in ("source_country", "target_country"):
        if key not in ev or not (ev[key] is None or isinstance(ev[key], str)):
            raise InputError(where, f"event {k}: `{key}` must be given, a code or null")
    if not isinstance(ev.get("trigger", ""), (str, type(None))):
        raise InputError(where, f"event {k}: `trigger` must be a string")


def read_gold(path: str | Path, seeds: str | Path | None = None) -> list[EventGold]:
    """The articles of a gold JSONL file; a malformed line stops with the file and line named."""
    out = []
    for where, row, file in gold_rows(path, "events", seeds):
        for k, ev in enumerate(row["events"]):
            _check_event(ev, k, where)
        out.append(EventGold(where, [], file, row.get("text"), row.get("published"), events=row["events"]))
    return out


def run_article(gold: Gold) -> Article:
    """The gold article through lang and every document stage, as the pipeline runs them."""
    from warta import pipeline

    return pipeline.annotate(gold_article(gold))


def _strip_sector(code: str | None) -> str | None:
    # RUSGOV → RUS, as the events stage reads codes; ASEAN, NATO, EU stay as they are
    from warta.events.arguments import country

    return country(Entity(id="", name="", type="ORG", actor=code)) if code else code


def actor_country(article: Article, actor: EventActor) -> str | None:
    """The country (or organisation code) of an event's source or target."""
    from warta.events.arguments import country

    ent = next((e for e in article.entities if e.id == actor.entity), None) if actor.entity else None
    return (country(ent) if ent else None) or _strip_sector(actor.actor)


def triple(article: Article, ev: Event) -> Triple:
    """What an event is scored on: (type, source country, target country)."""
    return ev.type, actor_country(article, ev.source), actor_country(article, ev.target)


def _at_trigger(body: str, gold: dict, ev: Event) -> bool | None:
    """Whether the event's trigger overlaps the gold trigger text; None when the gold gives none in the body."""
    text = gold.get("trigger")
    places = _occurrences(body, text) if text else []
    if not places:
        return None
    return any(at < ev.trigger.end and ev.trigger.start < at + len(text) for at in places)


def _gold_triple(g: dict) -> Triple:
    return g["type"], g.get("source_country"), g.get("target_country")


def score_article(gold: EventGold, article: Article, result: Result) -> None:
    """Add one article's figures (and its errors) to ``result``."""
    body = article.body
    golds = list(gold.events)
    preds = [(triple(article, ev), ev) for ev in article.events]
    result.articles += 1
    result.events.gold += len(golds)
    result.events.predicted += len(preds)
    for g in golds:
        result.by_type.setdefault(g["type"], Counts()).gold += 1
    for t, _ in preds:
        result.by_type.setdefault(t[0], Counts()).predicted += 1
    free = list(range(len(preds)))
    # pair each gold event first with a same-triple prediction at its trigger, then with any left
    pairs: list[tuple[dict, Event]] = []
    unmatched = []
    for g in golds:
        same = [i for i in free if preds[i][0] == _gold_triple(g)]
        at = [i for i in same if _at_trigger(body, g, preds[i][1])]
        if at or same:
            i = (at or same)[0]
            free.remove(i)
            pairs.append((g, preds[i][1]))
        else:
            unmatched.append(g)
    for g, ev in pairs:
        result.events.tp += 1
        result.by_type[g["type"]].tp += 1
        hit = _at_trigger(body, g, ev)
        if hit is not None:
            result.triggers.gold += 1
            result.triggers.tp += hit
            if not hit:
                result.errors.append({"doc": gold.where, "kind": "trigger", "event": _show(_gold_triple(g)),
                                      "gold": g.get("trigger"), "system": ev.trigger.text})
        result.flags.gold += 1
        if all(bool(g.get(f, False)) == getattr(ev, f) for f in ("negated", "planned")):
            result.flags.tp += 1
        else:
            result.errors.append({"doc": gold.where, "kind": "flags", "event": _show(_gold_triple(g)),
                                  "gold": _flags(g.get("negated"), g.get("planned")),
                                  "system": _flags(ev.negated, ev.planned)})
    for g in unmatched:
        result.errors.append({"doc": gold.where, "kind": "missed", "event": _show(_gold_triple(g)),
                              "trigger": g.get("trigger")})
    for i in free:
        t, ev = preds[i]
        result.errors.append({"doc": gold.where, "kind": "spurious", "event": _show(t), "trigger": ev.trigger.text,
                              "sentence": body[ev.sentence[0]:ev.sentence[1]][:100]})


def _show(t: Triple) -> str:
    return f"{t[0]}:{t[1] or '-'}>{t[2] or '-'}"


def _flags(negated, planned) -> str:
    return ",".join(f for f, on in (("negated", negated), ("planned", planned)) if on) or "-"


def evaluate(path: str | Path, seeds: str | Path | None = None,
             run: Callable[[Gold], Article] | None = None) -> Result:
    """Score the events stage (through ``run``, default the whole pipeline) on a gold file."""
    result = Result()
    for gold in read_gold(path, seeds):
        score_article(gold, (run or run_article)(gold), result)
    return result


def format_report(result: Result) -> str:
    """A small text table of the figures."""
    d = result.as_dict()
    e = d["events"]
    lines = [f"articles {d['articles']}, gold events {d['gold_events']}, predicted {d['predicted']}",
             "metric                     P       R       F1",
             f"(type, source, target)  {e['p']:.4f}  {e['r']:.4f}  {e['f1']:.4f}",
             f"matched at the gold trigger  {d['trigger_overlap']:.4f} ({d['triggers']})",
             f"matched with the gold negated/planned  {d['flags_right']:.4f} ({d['flags']})",
             "type        gold  pred  P       R       F1"]
    for t, s in d["by_type"].items():
        lines.append(f"{t:<10} {s['gold']:>5} {s['predicted']:>5}  {s['p']:.4f}  {s['r']:.4f}  {s['f1']:.4f}")
    return "\n".join(lines)
