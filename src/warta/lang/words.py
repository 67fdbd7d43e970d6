"""Indonesian word lists of the language layer: stop words, and frequent common words that are never a name."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


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
