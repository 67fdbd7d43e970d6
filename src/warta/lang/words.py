"""Indonesian word lists of the language layer: stop words, frequent common words that are never a name,
and the affixes that mark a verb form (``data/affixes.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from warta.errors import ResourceError
from warta.resources import load_rules

AFFIX_KEYS = {"affix", "kind", "note", "example"}
AFFIX_KINDS = {"verb-prefix", "verb-suffix"}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent Indonesian words (lower case) that are never a person's name (``common_words.txt``,
    built by ``python -m warta.lang.wordlist``)."""
    text = resources.files("warta.lang").joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's Indonesian stop words (lower case), loaded once."""
    from spacy.lang.id.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _affix(entry: dict, where: str, _section: str | None = None) -> tuple[str, str]:
    ewhere = f"{where}: entry ({entry.get('affix', '?')})"
    for key in ("affix", "kind", "note"):
        if not entry.get(key):
            raise ResourceError(f"{ewhere}: missing {key}")
    affix = entry["affix"]
    if not isinstance(affix, str) or not affix.isalpha() or not affix.islower():
        raise ResourceError(f"{ewhere}: affix must be a lower-case word part")
    if entry["kind"] not in AFFIX_KINDS:
        raise ResourceError(f"{ewhere}: unknown kind {entry['kind']!r}; use one of {sorted(AFFIX_KINDS)}")
    return entry["kind"], affix


@lru_cache(maxsize=1)
def _affixes() -> dict[str, tuple[str, ...]]:
    text = resources.files("warta.lang").joinpath("data/affixes.yaml").read_text(encoding="utf-8")
    out: dict[str, tuple[str, ...]] = {kind: () for kind in AFFIX_KINDS}
    for kind, affix in load_rules(("affixes.yaml", text), key="affix", allowed=AFFIX_KEYS, build=_affix)[None]:
        out[kind] += (affix,)
    return out


def affixes(kind: str) -> tuple[str, ...]:
    """The affixes of one kind (``verb-prefix``: me, ber, di, ter; ``verb-suffix``: kan), for
    ``str.startswith`` / ``str.endswith``."""
    return _affixes()[kind]
