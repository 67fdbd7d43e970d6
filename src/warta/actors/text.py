"""Text helpers of the actors stage: folding, tokens with offsets, n-gram indexes, word lists.

The linker tokenises the body itself (words and single punctuation marks, with offsets) so that
gazetteer aliases and the text are cut the same way whatever tokenizer the language layer uses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from typing import Generic, Iterable, TypeVar

from warta.lang.lemmas import stem
from warta.lang.words import affixes, common_words  # (common_words: the actors' stop list is the language layer's)

_TOKEN = re.compile(r"\w+|[^\w\s]")
_NORM, _LOWER = attrgetter("norm"), attrgetter("lower")
T = TypeVar("T")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Strip diacritics and unify apostrophes: ``Zelenskyy`` stays, ``Erdoğan`` → ``Erdogan`` (cached: the
    linker folds the same names again for each mention)."""
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@dataclass(slots=True)
class Token:
    """A word or punctuation mark of the body with its offsets and folded forms."""

    i: int
    start: int
    end: int
    text: str
    norm: str  # diacritics stripped, case kept
    lower: str
    # set once from the text (the passes ask every token again and again):
    is_cap: bool = field(init=False)  # starts with an upper-case letter (Pompeo, AS), the mark of a name
    is_word: bool = field(init=False)  # starts with a letter or digit, not a punctuation mark

    def __post_init__(self) -> None:
        self.is_cap = self.text[:1].isupper()
        self.is_word = self.text[:1].isalnum()


def tokenise(text: str) -> list[Token]:
    """Words and punctuation marks of ``text`` with character offsets."""
    out = []
    for i, m in enumerate(_TOKEN.finditer(text)):
        word = m.group()
        norm = word if word.isascii() else fold(word)  # ASCII has nothing to fold: most tokens
        out.append(Token(i, m.start(), m.end(), word, norm, norm.lower()))
    return out


@lru_cache(maxsize=65536)
def words_of(phrase: str) -> tuple[str, ...]:
    """The folded tokens of a phrase, cut like ``tokenise`` (cached: the linker asks for the same
    names' words once per candidate, thousands of times in a long text)."""
    return tuple(_TOKEN.findall(fold(phrase)))


def is_acronym(phrase: str) -> bool:
    """All-caps aliases (AS, PM, RI, DK PBB) are matched case-sensitively."""
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


class NgramIndex(Generic[T]):
    """A dict of token n-grams → values: case-insensitive, but case-sensitive for acronyms."""

    def __init__(self) -> None:
        self.exact: dict[tuple[str, ...], list[T]] = {}
        self.folded: dict[tuple[str, ...], list[T]] = {}
        self.firsts: set[str] = set()  # lower-cased first tokens, a cheap pre-filter
        self.lengths: dict[str, list[int]] = {}  # first token (lower case) → entry lengths, longest first
        self.maxlen = 0

    def add(self, phrase: str, value: T) -> None:
        """Index ``phrase`` (any case) under ``value``."""
        toks = words_of(phrase)
        if not toks:
            return
        if is_acronym(phrase):
            self.exact.setdefault(tuple(toks), []).append(value)
        else:
            self.folded.setdefault(tuple(t.lower() for t in toks), []).append(value)
        first = toks[0].lower()
        self.firsts.add(first)
        lengths = self.lengths.setdefault(first, [])
        if len(toks) not in lengths:
            lengths.append(len(toks))
            lengths.sort(reverse=True)
        self.maxlen = max(self.maxlen, len(toks))

    def at(self, tokens: list[Token], i: int, maxlen: int | None = None) -> tuple[int, list[T]] | None:
        """The longest entry starting at token ``i``: (end index, values), or None."""
        if i >= len(tokens):  # nothing starts past the end
            return None
        lengths = self.lengths.get(tokens[i].lower)
        if lengths is None:
            return None
        top = min(len(tokens), i + (maxlen or self.maxlen))
        # only the lengths of the entries that start with this word: a hit has one of them
        for j in (i + n for n in lengths if i + n <= top):
            hit = self.exact.get(tuple(map(_NORM, tokens[i:j])))
            if hit is None:
                hit = self.folded.get(tuple(map(_LOWER, tokens[i:j])))
            if hit:
                return j, hit
        return None

    def starts(self, tokens: list[Token]) -> list[int]:
        """The indexes of the tokens an entry may start at (its first word, any case), in text order.
        A pass that looks for the entries all through a text asks ``at`` only there: most tokens
        start no entry, and one set look-up each is much cheaper than a call of ``at``."""
        return [t.i for t in tokens if t.lower in self.lengths]

    def get(self, phrase: str) -> list[T]:
        """Exact lookup of a whole phrase."""
        toks = tuple(words_of(phrase))
        return self.exact.get(toks) or self.folded.get(tuple(t.lower() for t in toks)) or []


@lru_cache(maxsize=1)
def root_words() -> frozenset[str]:
    """Sastrawi's Indonesian root words (adapun, kini, lantas), empty if the package data is missing."""
    try:
        text = resources.files("Sastrawi.Stemmer").joinpath("data/kata-dasar.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()
    return frozenset(w.strip() for w in text.splitlines() if w.strip())


def derived_word(lower: str) -> bool:
    """A common Indonesian word form derived from a Sastrawi root: the root is a frequent common word
    (adili ← adil, bebaskan ← bebas, kunjungi ← kunjung) or the affix is a verb suffix of
    lang/data/affixes.yaml (makzulkan ← makzul + -kan). Sastrawi alone also cuts given names into a rare
    root and an affix (Adian ← adi + -an, Dadan ← dad + -an, Susi ← sus + -i): those are no word forms."""
    root = stem(lower)
    if root == lower or root not in root_words():
        return False
    return root in common_words() or any(lower.endswith(suffix) and lower[:-len(suffix)].endswith(root)
                                         for suffix in affixes("verb-suffix"))


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two half-open ranges share at least one position."""
    return a[0] < b[1] and b[0] < a[1]


def unique(items: Iterable[T]) -> list[T]:
    """Items in first-seen order without repeats."""
    seen: set = set()
    return [x for x in items if not (x in seen or seen.add(x))]
