"""Lemmas by rule: proper nouns keep their form, content words get Sastrawi's root (bertemu -> temu)."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

# Parts of speech whose lemma is the word itself (names, numbers, symbols, punctuation).
KEEP_FORM = {"PROPN", "NUM", "PUNCT", "SYM", "X"}

# Parts of speech that Sastrawi stems. On UD GSD 2.17 dev this rule scored 76.7% lemma accuracy
# (95.2% ignoring case: GSD lower-cases names, Warta keeps them) against 69.6% for spaCy's
# edit-tree lemmatizer trained on CSUI, which is why the pipeline ships no trained lemmatizer.
STEMMED = {"VERB", "NOUN", "ADJ"}

# Pronoun lemmas as UD writes them: the clitic -nya and ia are forms of dia.
PRONOUNS = {"nya": "dia", "ia": "dia", "ku": "aku", "mu": "kamu"}


@lru_cache(maxsize=1)
def _stemmer():
    from warta.lang.stemmer import LiteralStemmer

    return LiteralStemmer()  # Sastrawi's roots, 7x cheaper on a new word (warta/lang/stemmer.py)


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Sastrawi's root of a lower-case word (bertemu -> temu), cached: news repeats its words."""
    return _stemmer().stem(word) or word


def lemma(text: str, pos: str, in_entity: bool = False) -> str:
    """The lemma of one word given its part of speech."""
    if pos in KEEP_FORM or in_entity:
        return text
    low = text.lower()
    if pos == "PRON" and low in PRONOUNS:
        return PRONOUNS[low]
    if pos in STEMMED and low.replace("-", "").isalpha():
        return stem(low)
    return low


@Language.factory(
    "warta_lemmas",
    assigns=["token.lemma"],
    default_config={},
)
def make_lemmatizer(nlp: Language, name: str):
    """The rule lemmatizer as a pipeline component."""
    return RuleLemmatizer()


class RuleLemmatizer:
    """Sets every token's lemma from its form and predicted part of speech."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.lemma_ = lemma(token.text, token.pos_, bool(token.ent_type))
        return doc
