"""Lemma fixes after the trained lemmatizer: proper nouns keep their form, Sastrawi as fallback."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

# Parts of speech whose lemma is the word itself (names, numbers, symbols, punctuation).
KEEP_FORM = {"PROPN", "NUM", "PUNCT", "SYM", "X"}


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Sastrawi's root of a lower-case word (bertemu -> temu), cached: news repeats its words."""
    return _stemmer().stem(word) or word


@Language.factory(
    "warta_lemmas",
    assigns=["token.lemma"],
    default_config={"sastrawi_fallback": True},
)
def make_lemma_fixer(nlp: Language, name: str, sastrawi_fallback: bool):
    """The lemma fixer as a pipeline component."""
    return LemmaFixer(sastrawi_fallback)


class LemmaFixer:
    """Proper nouns and entities keep their form; tokens with no lemma get Sastrawi's root."""

    def __init__(self, sastrawi_fallback: bool = True):
        self.sastrawi_fallback = sastrawi_fallback

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ in KEEP_FORM or token.ent_type:
                token.lemma_ = token.text
            elif not token.lemma_ and self.sastrawi_fallback and token.is_alpha:
                token.lemma_ = stem(token.lower_)
        return doc
