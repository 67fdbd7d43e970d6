"""Lexical features the trained components see: a three-letter PREFIX for Indonesian morphology.

spaCy's PREFIX feature is a word's first character. Indonesian marks voice and word class with
prefixes (meN-/mem-/meng-, di-, ber-, ter-, peN-, ke-, se-), so the embedding table keyed on
PREFIX learns far more from the first three letters (lower-cased): *membeli*, *dibeli*,
*pembeli* and *berbelanja* get different rows instead of sharing "m"/"d"/"p"/"b". The training
config and the shipped model name this callback in ``[nlp.after_creation]``, so training and
run time compute the same feature.
"""

from __future__ import annotations

from spacy.attrs import PREFIX
from spacy.language import Language
from spacy.util import registry

PREFIX_LENGTH = 3


def prefix(text: str) -> str:
    """The PREFIX feature of a word: its first three letters, lower-cased."""
    return text[:PREFIX_LENGTH].lower()


@registry.callbacks("warta.affix_features.v1")
def affix_features():
    """``[nlp.after_creation]`` callback: set the PREFIX getter, also on lexemes already in the vocab."""

    def setup(nlp: Language) -> Language:
        getters = dict(nlp.vocab.lex_attr_getters)
        getters[PREFIX] = prefix
        nlp.vocab.lex_attr_getters = getters
        for lexeme in nlp.vocab:
            lexeme.prefix_ = prefix(lexeme.orth_)
        return nlp

    return setup
