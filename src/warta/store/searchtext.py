"""Search text: words reduced to their Indonesian root (Sastrawi), and highlighted snippets of the original text.

The index holds stemmed words, so ``pertemuan``, ``bertemu`` and ``temu`` find each other; the snippet
is cut from the original text and marks every word whose root is one of the query's roots.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"[^\W_]+", re.UNICODE)
SNIPPET_WORDS = 32  # words of body shown around the best match
MAX_QUERY_TERMS = 16  # a longer query is cut: each term is a posting list to intersect


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def root(word: str) -> str:
    """The root of one lower-case word (``pertemuan`` → ``temu``); numbers and mixed tokens stay as they are."""
    if not word.isalpha() or len(word) < 4:
        return word  # Sastrawi would strip short words to nothing (di, ke) or mangle codes
    return _stemmer().stem(word) or word


def roots(text: str) -> list[str]:
    """The roots of the words of ``text``, in order."""
    return [root(w) for w in WORD.findall(text.lower())]


def index_text(text: str | None) -> str:
    """What the index stores for a title or body: its roots, space-separated."""
    return " ".join(roots(text or ""))


def query_terms(query: str) -> list[str]:
    """The distinct roots of a query, in order, at most ``MAX_QUERY_TERMS``."""
    seen: list[str] = []
    for term in roots(query):
        if term not in seen:
            seen.append(term)
    return seen[:MAX_QUERY_TERMS]


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    hit: bool
    term: str


def _words(text: str, terms: set[str]) -> list[_Word]:
    out = []
    for m in WORD.finditer(text):
        term = root(m.group().lower())
        out.append(_Word(m.start(), m.end(), term in terms, term))
    return out


def _mark(text: str, words: list[_Word], start: int, end: int) -> str:
    """``text[start:end]`` escaped, with the hit words inside ``<mark>``."""
    parts, at = [], start
    for w in words:
        if w.hit and start <= w.start and w.end <= end:
            parts.append(html.escape(text[at:w.start]))
            parts.append(f"<mark>{html.escape(text[w.start:w.end])}</mark>")
            at = w.end
    parts.append(html.escape(text[at:end]))
    return "".join(parts)


def highlight(text: str | None, terms: list[str]) -> str:
    """All of ``text``, HTML-escaped, with the words whose root is a query term marked."""
    text = text or ""
    return _mark(text, _words(text, set(terms)), 0, len(text))


def snippet(text: str | None, terms: list[str], size: int = SNIPPET_WORDS) -> str:
    """The ``size``-word window of ``text`` with the most distinct query terms, escaped and marked.

    Everything but the ``<mark>`` tags is escaped, so the result can be put in a page as it is.
    """
    text = text or ""
    words = _words(text, set(terms))
    if not words:
        return ""
    best, best_score = 0, (-1, 0)
    for i, w in enumerate(words):
        if not w.hit and i:
            continue  # a best window starts at a hit (or at the beginning)
        window = words[i:i + size]
        distinct = {x.term for x in window if x.hit}
        score = (len(distinct), -i)  # more distinct terms first, then the earliest
        if score > best_score:
            best, best_score = i, score
    if best and len(words) - best < size:
        best = max(0, len(words) - size)  # near the end: show a full window
    window = words[best:best + size]
    start = window[0].start if best else 0
    end = window[-1].end
    out = _mark(text, words, start, end)
    return ("…" if best else "") + out + ("…" if best + size < len(words) else "")
