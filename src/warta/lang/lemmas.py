"""Lemmas by rule: proper nouns keep their form, content words get Sastrawi's root (bertemu -> temu)."""

from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import ENT_TYPE, LEMMA, ORTH, POS
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
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
    from warta.stemming import LiteralStemmer

    return LiteralStemmer()  # Sastrawi's roots, 7x cheaper on a new word (warta/stemming.py)


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


# Distinct (form, part of speech, in an entity) triples whose lemma the lemmatizer remembers: news
# repeats its words, and a remembered lemma is one look-up in place of spaCy's string attributes.
CACHE_SIZE = 100_000
_COLUMNS = [ORTH, POS, ENT_TYPE]


class RuleLemmatizer:
    """Sets every token's lemma from its form and predicted part of speech."""

    def __init__(self):
        self._known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        known = self._known
        if len(known) > CACHE_SIZE:
            known.clear()
        strings = doc.vocab.strings
        lemmas = []
        for key in map(tuple, doc.to_array(_COLUMNS).tolist()):
            found = known.get(key)
            if found is None:
                orth, pos, ent_type = key
                found = known[key] = strings.add(lemma(strings[orth], POS_NAMES[pos], bool(ent_type)))
            lemmas.append(found)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc
