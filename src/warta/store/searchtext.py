"""Search text: words reduced to their Indonesian root (Sastrawi), and highlighted snippets of the original text.

The index holds stemmed words, so ``pertemuan``, ``bertemu`` and ``temu`` find each other; the snippet
is cut from the original text and marks every word whose root is one of the query's roots.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Iterator

WORD = re.compile(r"[^\W_]+", re.UNICODE)
SNIPPET_CHARS = 220  # characters of body shown around the best match
LEAD_CHARS = 40  # of them, before the first matched word
MAX_QUERY_TERMS = 16  # a longer query is cut: each term is a posting list to intersect
SCAN_CHARS = 6000  # the snippet is sought in the body's first 6,000 characters (a news story's length)


@lru_cache(maxsize=1)
def _stemmer():
    from warta.stemming import LiteralStemmer

    return LiteralStemmer()  # Sastrawi's roots without its cost on new words (warta/stemming.py)


def load_stemmer() -> None:
    """Load the stemmer and its dictionary now (about 0.014 s of CPU; no spaCy), e.g. before a server's first search.

    Its loader's cache does not make concurrent callers wait: searches arriving together at a cold server
    would each load it.
    """
    _stemmer()


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


@lru_cache(maxsize=512)
def _pieces(terms: tuple[str, ...]) -> re.Pattern:
    """What a word holding one of ``terms`` contains: each root, its first letter dropped when longer.

    A prefix can change a root's first letter (meN-: pukul → memukul, sapu → menyapu), so a longer root is
    sought without it; the word around each piece found is then checked by its own root. A plain
    alternation of literals is several times faster to scan for than a pattern that tries every
    word start.
    """
    pieces = sorted({t[1:] if len(t) >= 4 else t for t in terms}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, pieces)), re.IGNORECASE)


def _hits(text: str, terms: list[str], limit: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, term)`` of each word of ``text[:limit]`` that is a form of a query term."""
    return list(_each_hit(text, terms, limit))


def _each_hit(text: str, terms: list[str], limit: int | None = None) -> Iterator[tuple[int, int, str]]:
    """The hits of ``_hits`` one by one, from the start of the text: a snippet stops reading them early."""
    wanted = set(terms)
    if not wanted:
        return
    finder = _pieces(tuple(sorted(wanted)))
    stop = len(text) if limit is None else min(limit, len(text))
    at = 0
    while (m := finder.search(text, at, stop)) is not None:
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1].isalnum():  # the whole word around the piece ([^\W_])
            start -= 1
        while end < stop and text[end].isalnum():
            end += 1
        term = root(text[start:end].lower())
        if term in wanted:
            yield start, end, term
        at = end


def _mark(text: str, hits: list[tuple[int, int, str]], start: int, end: int) -> str:
    """``text[start:end]`` escaped, with the hit words inside ``<mark>``."""
    parts, at = [], start
    for h_start, h_end, _term in hits:
        if start <= h_start and h_end <= end:
            parts.append(html.escape(text[at:h_start]))
            parts.append(f"<mark>{html.escape(text[h_start:h_end])}</mark>")
            at = h_end
    parts.append(html.escape(text[at:end]))
    return "".join(parts)


def highlight(text: str | None, terms: list[str]) -> str:
    """All of ``text``, HTML-escaped, with the words whose root is a query term marked."""
    text = text or ""
    return _mark(text, _hits(text, terms), 0, len(text))


def snippet(text: str | None, terms: list[str], size: int = SNIPPET_CHARS) -> str:
    """About ``size`` characters of ``text`` around the most distinct query terms, escaped and marked.

    Everything but the ``<mark>`` tags is escaped, so the result can be put in a page as it is.
    """
    text = text or ""
    found = _each_hit(text, terms, SCAN_CHARS)
    hits: list[tuple[int, int, str]] = []  # the hits read so far, in order

    def read_to(position: int) -> None:  # read every hit that starts before ``position``
        while not hits or hits[-1][0] < position:
            hit = next(found, None)
            if hit is None:
                return
            hits.append(hit)

    read_to(0)
    start = 0
    if hits:
        # the first window holding the most distinct terms; none can hold more than all of the query's, so a
        # window holding them all ends the search (and the reading of the rest of the body)
        best, best_count, every = 0, 0, len(set(terms))
        i = 0
        while i < len(hits):
            h_start = hits[i][0]
            read_to(h_start + size - LEAD_CHARS)
            window = set()
            for s2, _e2, t in hits[i:]:
                if s2 >= h_start + size - LEAD_CHARS:
                    break
                window.add(t)
            if len(window) > best_count:
                best, best_count = i, len(window)
                if best_count == every:
                    break
            i += 1
            read_to(h_start + 1)  # the next hit, if any
        first = hits[best][0]
        start = max(0, first - LEAD_CHARS)
        if start:  # begin at a word, never after the hit
            space = text.find(" ", start, first)
            start = space + 1 if space >= 0 else first
    end = min(len(text), start + size)
    while end < len(text) and text[end].isalnum():  # end at a word's end
        end += 1
    read_to(end)
    return ("…" if start else "") + _mark(text, hits, start, end) + ("…" if end < len(text.rstrip()) else "")
