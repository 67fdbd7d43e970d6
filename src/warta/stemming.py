"""Sastrawi's stemmer giving the same roots at a fraction of the cost on words not seen before.

Sastrawi spends 150–380 µs on each new word, for two reasons:

- its visitors record what they removed with ``re.sub(result, '', word, count=1)``: the cut word
  ``result`` is compiled as a pattern, so every new word adds patterns to ``re``'s cache of 512,
  which then evicts and recompiles Sastrawi's own fixed patterns too. ``result`` holds only
  letters, digits and hyphens (Sastrawi's ``normalize_text`` leaves nothing else), none of them
  special in a pattern, so that substitution is the literal ``word.replace(result, '', 1)``;
- each pass of prefix removal offers the word to all 40 prefix rules in turn, though a rule can
  act only on words that start as it says (``ber``, ``meng``, a consonant then ``er``, ...). A rule
  that cannot act changes nothing, and Sastrawi's loop stops at the first rule that acts, so
  offering the word only to the rules whose start it has (in Sastrawi's order) is the same loop.

The control flow, the rules themselves and the dictionary are Sastrawi's own (this module reuses
its classes); ``tests/lang/test_stemmer.py`` compares both stemmers on every word form of the
training data.
"""

from __future__ import annotations

import re

from Sastrawi.Stemmer.Context.Context import Context
from Sastrawi.Stemmer.Context.Removal import Removal
from Sastrawi.Stemmer.Context.Visitor.VisitorProvider import VisitorProvider
from Sastrawi.Stemmer.Stemmer import Stemmer

CONSONANT = "[bcdfghjklmnpqrstvwxyz]"
# What a word must start with for each of Sastrawi's prefix rules (VisitorProvider's order after
# RemovePlainPrefix, named by their disambiguators) to act on it: the literal start of the rule's
# patterns, or the word itself for rules 4 and 32's 'belajar' and 'pelajar'.
STARTS = {
    "1": "ber", "2": "ber", "3": "ber", "4": "belajar", "5": "be",
    "6": "ter", "7": "ter", "8": "ter", "9": "te",
    "10": "me", "11": "mem", "12": "mempe", "13": "mem", "14": "men", "15": "men", "16": "meng",
    "17": "meng", "18": "meny", "19": "memp",
    "20": "pe", "21": "pe", "23": "per", "24": "per", "25": "pem", "26": "pem", "27": "pen",
    "28": "pen", "29": "peng", "30": "peng", "31": "peny", "32": "pe", "34": "pe",
    "35": "ter", "36": "pe",
    "37": CONSONANT + "er", "38": CONSONANT + "el", "39": CONSONANT + "em", "40": CONSONANT + "in",  # infixes
    "41": "ku", "42": "kau",
}


def rule_number(visitor) -> str:
    """'17' for the visitor of DisambiguatorPrefixRule17a..d."""
    name = type(visitor.disambiguators[0]).__name__
    return name.removeprefix("DisambiguatorPrefixRule").rstrip("abcd")


class _Affix:
    """One of Sastrawi's suffix visitors or RemovePlainPrefix: the same pattern, the removed part cut literally."""

    def __init__(self, pattern: str, affix_type: str):
        self.pattern = re.compile(pattern)
        self.affix_type = affix_type

    def visit(self, context) -> None:
        word = context.current_word
        result = self.pattern.sub("", word, count=1)
        if result != word:
            context.add_removal(Removal(self, word, result, word.replace(result, "", 1), self.affix_type))
            context.current_word = result


class _Prefix:
    """Sastrawi's ``PrefixDisambiguator`` over its own disambiguators, the removed part cut literally."""

    def __init__(self, disambiguators: list, start: str):
        self.disambiguators = disambiguators
        self.start = re.compile(start)

    def visit(self, context) -> None:
        word = context.current_word
        result = None
        for disambiguator in self.disambiguators:
            result = disambiguator.disambiguate(word)
            if context.dictionary.contains(result):
                break
        if result is None:
            return
        context.add_removal(Removal(self, word, result, word.replace(result, "", 1), "DP"))
        context.current_word = result


class LiteralVisitors(VisitorProvider):
    """Sastrawi's visitors in Sastrawi's order, with the literal cut; the prefix rules indexed by first letter."""

    def init_visitors(self) -> None:
        super().init_visitors()
        self.suffix_visitors = [
            _Affix(r"-*(lah|kah|tah|pun)$", "P"),  # RemoveInflectionalParticle
            _Affix(r"-*(ku|mu|nya)$", "PP"),  # RemoveInflectionalPossessivePronoun
            _Affix(r"(is|isme|isasi|i|kan|an)$", "DS"),  # RemoveDerivationalSuffix
        ]
        rules = self.prefix_visitors[1:]
        if [rule_number(v) for v in rules] != list(STARTS):
            raise RuntimeError("Sastrawi's prefix rules are not those warta.stemming was checked against")
        self.plain_prefix = _Affix(r"^(di|ke|se)", "DP")  # RemovePlainPrefix, always offered first
        prefixes = [_Prefix(v.disambiguators, STARTS[rule_number(v)]) for v in rules]
        self.prefix_visitors = [self.plain_prefix, *prefixes]
        self.by_letter: dict[str, list[_Prefix]] = {}
        for visitor in prefixes:
            first = CONSONANT if visitor.start.pattern.startswith(CONSONANT) else visitor.start.pattern[0]
            for letter in re.findall(first, "abcdefghijklmnopqrstuvwxyz"):
                self.by_letter.setdefault(letter, []).append(visitor)


class _Context(Context):
    def accept_prefix_visitors(self, visitors) -> None:
        """Sastrawi's loop over the prefix visitors, skipping the rules that cannot act on the word.

        Sastrawi stops after a visitor when the word is in the dictionary, the process was
        stopped (a short word) or the visitor removed something; a visitor that acts always adds a
        removal, and one that does not leaves all three as they were. So only the first visitor
        (the plain prefix) is offered when one of the first two already holds, and otherwise the
        word is the same for every rule offered, up to the first that acts."""
        provider = self.visitor_provider
        count = len(self.removals)
        self.accept(provider.plain_prefix)
        if self.dictionary.contains(self.current_word) or self.process_is_stopped or len(self.removals) > count:
            return
        word = self.current_word
        for visitor in provider.by_letter.get(word[:1], ()):
            if visitor.start.match(word):
                self.accept(visitor)
                if len(self.removals) > count:
                    return


class LiteralStemmer(Stemmer):
    """Sastrawi's ``Stemmer`` with the visitors above (no cache: the callers cache)."""

    def __init__(self):
        from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        super().__init__(ArrayDictionary(StemmerFactory().get_words()))
        self.visitor_provider = LiteralVisitors()

    def stem_singular_word(self, word: str) -> str:
        context = _Context(word, self.dictionary, self.visitor_provider)
        context.execute()
        return context.result
