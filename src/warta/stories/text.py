"""Words of an article for story matching: lower case, stop words out, Indonesian roots (Sastrawi)."""

from __future__ import annotations

import re
from functools import lru_cache

from warta.stories.resources import noise_words

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)
MIN_LENGTH = 3  # shorter words are mostly particles and unit letters


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's Indonesian stop words plus the page-noise words of ``noise_words.yaml``."""
    from spacy.lang.id.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | noise_words()


def words(text: str) -> list[str]:
    """Lower-case word tokens in order (hyphenated words kept whole: ``laki-laki``)."""
    return _WORD.findall(text.lower())


def terms(text: str) -> list[str]:
    """Content words reduced to their root, in order: what text similarity compares."""
    from warta.lang.lemmas import stem

    stops = stop_words()
    out = []
    for word in words(text):
        if len(word) < MIN_LENGTH or word in stops:
            continue
        if word.isdigit():
            out.append(word)  # scores, magnitudes and prices are evidence too (2-0, 6,2, 10.000)
            continue
        root = stem(word) if word.isalpha() else word
        if root not in stops:
            out.append(root)
    return out


def shingles(text: str, size: int = 5) -> set[str]:
    """Word ``size``-grams of the text (all words kept): what near-duplicate detection compares."""
    toks = words(text)
    if len(toks) < size:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i:i + size]) for i in range(len(toks) - size + 1)}
