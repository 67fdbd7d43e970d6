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
    from warta.lang import words as lang_words

    return lang_words.stop_words() | noise_words()


def words(text: str) -> list[str]:
    """Lower-case word tokens in order (hyphenated words kept whole: ``laki-laki``)."""
    return _WORD.findall(text.lower())


def terms(text: str) -> list[str]:
    """Content words reduced to their root, in order: what text similarity compares. Capitalised
    words (names, acronyms, sentence starts) keep their form: Sastrawi has no root for a name and
    spends milliseconds failing to find one."""
    from warta.lang.lemmas import stem

    stops = stop_words()
    out = []
    for token in _WORD.findall(text):
        word = token.lower()
        if len(word) < MIN_LENGTH or word in stops:
            continue
        root = stem(word) if word.isalpha() and not token[0].isupper() else word
        if root not in stops:
            out.append(root)  # numbers stay: scores, magnitudes and prices are evidence too (2-0, 10.000)
    return out


def shingles(text: str, size: int = 5) -> set[str]:
    """Word ``size``-grams of the text (all words kept): what near-duplicate detection compares."""
    toks = words(text)
    if len(toks) < size:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i:i + size]) for i in range(len(toks) - size + 1)}
