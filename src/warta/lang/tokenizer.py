"""The news tokenizer: spaCy's Indonesian rules extended with Warta's abbreviations and patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Callable

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from warta.errors import ResourceError
from warta.lang import punctuation
from warta.resources import load_rules

ABBREVIATION_KEYS = {"text", "note", "example", "final"}


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """One abbreviation kept whole by the tokenizer."""

    text: str
    note: str
    example: str | None = None
    final: bool = False  # may end a sentence (dll., dsb.)


def _abbreviation(entry, where: str, _section: str | None = None, i: int | None = None) -> Abbreviation:
    """Check one entry's values and build it."""
    text, note = entry.get("text"), entry.get("note")
    if not isinstance(text, str) or not text.strip() or any(c.isspace() for c in text):
        raise ResourceError(f"{where}: entry {i if i is not None else '?'} needs a 'text' without spaces")
    label = f"{where}: entry {i} ({text!r})" if i is not None else f"{where}: entry {text!r}"
    if not isinstance(note, str) or not note.strip():
        raise ResourceError(f"{label} needs a 'note' saying why")
    final = entry.get("final", False)
    if not isinstance(final, bool):
        raise ResourceError(f"{label}: 'final' must be true or false")
    return Abbreviation(text, note, entry.get("example"), final)


def parse_abbreviations(data, where: str) -> list[Abbreviation]:
    """Validate the entries of an abbreviation file; unknown keys or missing fields raise ResourceError."""
    if not isinstance(data, list):
        raise ResourceError(f"{where}: expected a list of abbreviations")
    out = []
    for i, entry in enumerate(data, 1):
        if not isinstance(entry, dict):
            raise ResourceError(f"{where}: entry {i} is not a mapping")
        unknown = set(entry) - ABBREVIATION_KEYS
        if unknown:
            raise ResourceError(
                f"{where}: entry {i} ({entry.get('text')!r}) has unknown keys {sorted(unknown)}; "
                f"allowed: {sorted(ABBREVIATION_KEYS)}"
            )
        out.append(_abbreviation(entry, where, None, i))
    return out


def load_abbreviations(user_file: str | Path | None = None) -> list[Abbreviation]:
    """The shipped abbreviations, with a user's YAML file of the same shape read by ``load_rules``.

    A user entry with a shipped ``text`` replaces it, ``enabled: false`` switches it off, a new
    ``text`` is added (docs/architecture.md, "Rule files")."""
    shipped = resources.files("warta.lang").joinpath("data/abbreviations.yaml")
    return load_rules(
        ("abbreviations.yaml", shipped.read_text(encoding="utf-8")), key="text", allowed=ABBREVIATION_KEYS,
        user_file=str(user_file) if user_file is not None else None, setting="abbreviations",
        build=_abbreviation,
    )[None]


class TailSearch:
    """A suffix regex searched over the end of a string only, with the same answer as ``search``.

    spaCy strips a chunk's affixes one at a time and searches the suffix pattern over the whole
    chunk at every step: a run of thousands of brackets or quote marks without a space took
    quadratic time (20,000 characters: 41 s).  Every suffix is short, so the search starts
    ``TAIL`` characters before the end; a match that starts right at that point may be the end of
    a longer one (a run of dots, ``\\.\\.+``), and only then is the whole string searched.
    ``pattern`` keeps the tokenizer serialisable (spaCy saves ``search.__self__.pattern``).
    """

    TAIL = 64

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        self.pattern = regex.pattern

    def search(self, string: str):
        """The leftmost suffix match of ``string``, as ``regex.search(string)`` gives it."""
        start = len(string) - self.TAIL
        if start <= 0:
            return self.regex.search(string)
        match = self.regex.search(string, start)
        if match is not None and match.start() == start:
            return self.regex.search(string)
        return match


def kept_whole(rules: dict, *, prefix_search: Callable, suffix_search: Callable,
               token_match: Callable) -> set[str]:
    """The special cases of ``rules`` that the affix rules and ``token_match`` already keep whole,
    wherever the text stands: leaving them out gives the same tokens.

    spaCy's Indonesian rules hold about 16,000 special cases, a third of them full reduplications
    (``anak-anak``, ``ACI-ACINYA``) that Warta's ``TOKEN_MATCH`` keeps as one token anyway; each
    special case costs spaCy about 60 µs to load (a lexeme, an affix split, a phrase pattern) at
    every start. One is left out when all of these hold:

    - it is one token with no attribute but its text (``[{ORTH: text}]``), so a token made by the
      rules is the same token (same lexeme, nothing else set);
    - ``token_match`` takes the text: wherever spaCy would look the special case up (the whole
      chunk, or what is left once prefixes and suffixes are split off) it tests ``token_match``
      first and keeps the text as one token, before any infix split;
    - neither a prefix nor a suffix is found on the text itself, so spaCy never splits one off it;
    - it opens with a letter: a prefix that spaCy finds on the text followed by a suffix is then
      found on the text alone (the prefixes that can open with a letter are currency codes of at
      most three letters, ``USD``, ``Rp``, ``US$``; a reduplication is at least five characters),
      so the special case never stops a prefix from being split off.

    Its phrase pattern for the final special-case pass was one token, which that pass replaced
    with the same token. ``tests/lang/test_tokenizer.py`` checks every entry left out in many
    contexts against the tokenizer with all the rules.
    """
    out = set()
    for text, tokens in rules.items():
        if (len(tokens) == 1 and set(tokens[0]) == {ORTH} and tokens[0][ORTH] == text
                and text[:1].isalpha() and token_match(text)
                and not prefix_search(text) and not suffix_search(text)):
            out.add(text)
    return out


def on_demand(text: str) -> bool:
    """Whether the special case ``text`` is loaded by ``NewsTokenizer`` only when a text holds it: a
    hyphenated form without whitespace (``bolak-balik``, ``ACAK-ACAKAN``: about 10,500 of Warta's
    11,000; the others, abbreviations and emoticons, are loaded when it is built)."""
    return "-" in text and not any(c.isspace() for c in text)


class NewsTokenizer(Tokenizer):
    """spaCy's tokenizer, with the hyphenated special cases (``on_demand``) loaded when a text first
    holds one instead of when the tokenizer is built: about 0.9 s of CPU less at every start (a
    lexeme, an affix split and a phrase pattern each), and a few hundred loaded over a thousand
    news articles.

    A special case acts on a text in two ways: spaCy looks up each chunk between spaces, and what
    is left of it as affixes are split off; and a final pass finds the tokens the affix rules make
    of the case (its phrase pattern) in a row, and joins them. Either way the case's text is in the
    text once the spaces are removed from both: a token carries at most one space after it, and the
    tokens of a case without whitespace are never whitespace. (Of two phrase matches that overlap,
    spaCy keeps one, so even a match across spaces, which joins nothing, counts: 'A - B-C-z' with
    the cases A-B and B-C.) So before a text is tokenized, every pending case found in it that way
    is added (``add_special_case``, as the constructor adds them), and the text gives the tokens it
    gives with every case loaded (``tests/lang/test_tokenizer.py``). ``rules`` lists all of them,
    loaded or not; serialising (``to_bytes``, ``to_disk``, pickling) loads or carries all of them.
    """

    def __init__(self, vocab, rules=None, *args, **kwargs):
        self._keep_cache = False
        self._pending: dict[str, list] = {}
        self._lefts: dict[str, list[str]] = {}  # the part before the first hyphen -> pending texts
        self._lengths: list[int] = []  # the lengths of those parts, shortest first
        rules = dict(rules or {})
        pending = {text: tokens for text, tokens in rules.items() if on_demand(text)}
        super().__init__(vocab, {text: tokens for text, tokens in rules.items() if text not in pending},
                         *args, **kwargs)
        self._defer(pending)

    def _defer(self, pending: dict[str, list]) -> None:
        self._pending = pending
        self._lefts = {}
        for text in pending:
            self._lefts.setdefault(text[:text.index("-")], []).append(text)
        self._lengths = sorted({len(left) for left in self._lefts})

    def pending_in(self, string: str) -> list[str]:
        """The pending special cases whose text, spaces removed, is in ``string`` with its spaces removed."""
        joined = string.replace(" ", "")
        found = set()
        lefts, pending, lengths = self._lefts, self._pending, self._lengths
        at = joined.find("-")
        while at >= 0:
            for length in lengths:
                if length > at:
                    break
                for text in lefts.get(joined[at - length:at], ()):
                    if text in pending and joined.startswith(text, at - length):
                        found.add(text)
            at = joined.find("-", at + 1)
        return sorted(found)

    def _load(self, texts, keep_cache: bool = False) -> None:
        self._keep_cache = keep_cache
        try:
            for text in texts:
                self.add_special_case(text, self._pending.pop(text))
        finally:
            self._keep_cache = False

    def _flush_cache(self):
        # spaCy empties its cache of chunks at every special case it adds; one loaded before a text
        # that holds it is in no chunk cached so far (each was in an earlier text, which would have
        # loaded it), so the cache stays. Emptying it is not free either: spaCy's map keeps a
        # deleted entry's place and counts it against the cache's 10,000 entries, after which it
        # caches nothing more (the tokenizer then runs at about half its speed).
        if not self._keep_cache:
            super()._flush_cache()

    def __call__(self, string: str):
        if self._pending and "-" in string:
            self._load(self.pending_in(string), keep_cache=True)
        return super().__call__(string)

    @property
    def rules(self):
        return {**Tokenizer.rules.__get__(self), **self._pending}

    @rules.setter
    def rules(self, rules):
        rules = dict(rules or {})
        pending = {text: tokens for text, tokens in rules.items() if on_demand(text)}
        Tokenizer.rules.__set__(self, {text: tokens for text, tokens in rules.items() if text not in pending})
        self._defer(pending)

    def to_bytes(self, *, exclude=tuple()):
        self._load(sorted(self._pending))
        return super().to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data, *, exclude=tuple()):
        self._defer({})
        return super().from_bytes(bytes_data, exclude=exclude)

    def explain(self, text):
        self._load(sorted(self._pending))
        return super().explain(text)


def customise_tokenizer(nlp: Language, abbreviations: list[Abbreviation] | None = None, *,
                        saved: tuple[dict, Callable | None] | None = None, every_rule: bool = False) -> Language:
    """Give ``nlp`` a tokenizer with spaCy's Indonesian rules plus Warta's abbreviations and patterns.
    The special cases and URL pattern are ``nlp.tokenizer``'s, or ``saved`` (rules, url_match) when given.
    Special cases the patterns already give are left out (``kept_whole``) unless ``every_rule``."""
    abbreviations = load_abbreviations() if abbreviations is None else abbreviations
    defaults = nlp.Defaults
    base_rules, url_match = saved if saved is not None else (nlp.tokenizer.rules, nlp.tokenizer.url_match)
    rules = dict(base_rules or {})
    rules.update({abbr.text: [{ORTH: abbr.text}] for abbr in abbreviations})
    # every prefix alternative starts with ^, so match gives search's answer; search tries every
    # position of the chunk and, called once per stripped mark, was quadratic on ")))…"
    prefix_search = compile_prefix_regex(list(defaults.prefixes) + punctuation.PREFIXES).match
    suffix_search = TailSearch(compile_suffix_regex(list(defaults.suffixes) + punctuation.SUFFIXES)).search
    token_match = re.compile(punctuation.TOKEN_MATCH).match
    if not every_rule:
        for text in kept_whole(rules, prefix_search=prefix_search, suffix_search=suffix_search,
                               token_match=token_match):
            del rules[text]
    infix_finditer = compile_infix_regex(list(defaults.infixes) + punctuation.INFIXES).finditer
    # one constructor call: changing the affix rules of a live tokenizer reloads its special cases,
    # and each reload empties spaCy's cache of chunks, which then fills up with the places of
    # deleted entries and stops caching (``NewsTokenizer._flush_cache``): twice as slow after
    nlp.tokenizer = NewsTokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=prefix_search,
        suffix_search=suffix_search,
        infix_finditer=infix_finditer,
        token_match=token_match,
        url_match=url_match,
    )
    return nlp
