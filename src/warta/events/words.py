"""The small word lists of the events stage, from ``data/events/words.yaml`` (one word an entry, each
with a note): second-predicate coordinators, currency words, direction words, Indonesian missions, the
words of a phrase naming the two sides of an event ("kedua negara", "keduanya")."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from warta.errors import ResourceError
from warta.resources import load_rules

KINDS = frozenset({"second-predicate", "currency", "direction", "delegation", "mission", "pair-determiner", "pair-noun", "pair-pronoun",
                   "pair-numeral", "pair-preposition",
                   "retaliation", "pointing-clitic", "envoy",
                   "title-word", "metonym", "local-authority", "suffering",
                   "goal", "subject-adverb", "chain-adverb", "state-close", "verb-adverb", "failure", "failure-link", "adjunct-opener", "stance", "sidelines", "summit",
                   "cessation", "complement-link", "source-preposition", "list-opener", "act-noun", "truce-effect",
                   "complement-adjunct", "civilian"})
ALLOWED = {"word", "kind", "note", "country", "actor"}
REQUIRED = {"word", "kind", "note"}


def _build(entry: dict, where: str, _section: str | None) -> dict:
    if entry["kind"] not in KINDS:
        raise ResourceError(f"{where}: entry {entry['word']!r} has kind {entry['kind']!r}; use one of {sorted(KINDS)}")
    if not isinstance(entry["word"], str) or not entry["word"].strip():
        raise ResourceError(f"{where}: entry {entry['word']!r}: `word` must be a non-empty string")
    codes = [k for k in ("country", "actor") if entry.get(k)]
    if entry["kind"] == "metonym":
        if codes != ["actor"]:
            raise ResourceError(f"{where}: entry {entry['word']!r}: kind metonym takes an `actor` and no `country`")
        return entry
    if (entry["kind"] == "mission") != bool(codes) or (codes and len(codes) != 2):
        raise ResourceError(f"{where}: entry {entry['word']!r}: `country` and `actor` go with kind mission, and only there")
    return entry


def shipped(name: str) -> tuple[str, str]:
    """A rule file of ``warta/data/events`` as ``load_rules`` takes it: (the name its errors give, text)."""
    return f"warta/data/events/{name}", resources.files("warta").joinpath("data", "events", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _entries() -> tuple[dict, ...]:
    return tuple(load_rules(shipped("words.yaml"), key=lambda e, _v: (e.get("kind"), str(e.get("word", "")).lower()),
                            allowed=ALLOWED, required=REQUIRED, build=_build)[None])


@lru_cache(maxsize=None)
def words(kind: str) -> frozenset[str]:
    """The words of one kind (lower case)."""
    return frozenset(e["word"].lower() for e in _entries() if e["kind"] == kind)


@lru_cache(maxsize=1)
def missions() -> dict[str, tuple[str, str]]:
    """First word of a mission of a state ("kbri") -> (country, actor code) it acts as."""
    return {e["word"].lower(): (e["country"], e["actor"]) for e in _entries() if e["kind"] == "mission"}


@lru_cache(maxsize=1)
def metonyms() -> dict[str, str]:
    """A seat acting for the organisation seated there ("brussel") -> that organisation's actor code."""
    return {e["word"].lower(): e["actor"] for e in _entries() if e["kind"] == "metonym"}
