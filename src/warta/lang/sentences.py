"""Rule-based sentence boundaries for news: quotes, abbreviations, datelines and paragraphs."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

TERMINATORS = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
OPENING_QUOTES = {"“", "‘", "«"}
CLOSING_QUOTES = {"”", "’", "»"}
STRAIGHT_QUOTES = {'"', "'"}
CLOSING_BRACKETS = {")", "]", "}"}


def _is_opening(texts: list[str], spaced: list[bool], i: int) -> bool:
    """Whether the quote at ``i`` opens a quotation (a straight quote after a space, before a word)."""
    text = texts[i]
    if text in OPENING_QUOTES:
        return True
    if text not in STRAIGHT_QUOTES:
        return False
    before_space = i == 0 or spaced[i - 1] or "\n" in texts[i - 1]
    after_space = spaced[i] or i + 1 == len(texts)
    return before_space and not after_space


def sentence_starts(doc: Doc, final_abbreviations: frozenset[str] = frozenset()) -> list[bool]:
    """For each token, whether it starts a sentence."""
    n = len(doc)
    starts = [False] * n
    if not n:
        return starts
    # plain lists read in one array: this runs on every document, and Token attribute access is slow
    strings = doc.vocab.strings
    orths, spaces_after, is_space = doc.to_array([ORTH, SPACY, IS_SPACE]).T.tolist()
    texts = [strings[orth] for orth in orths]
    spaced = [bool(value) for value in spaces_after]
    space = [bool(value) for value in is_space]
    starts[0] = True
    i = 0
    while i < n:
        text = texts[i]
        if space[i] and "\n" in text:
            # a line break ends a paragraph, a headline or a caption
            j = i + 1
            while j < n and space[j]:
                j += 1
            if j < n:
                starts[j] = True
            i = j
            continue
        if text not in TERMINATORS and text not in final_abbreviations:
            i += 1
            continue
        j = i + 1
        # closing quotes and brackets after the period stay in the sentence
        while j < n and (
            texts[j] in CLOSING_QUOTES
            or texts[j] in CLOSING_BRACKETS
            or (texts[j] in STRAIGHT_QUOTES and not _is_opening(texts, spaced, j))
            or texts[j] in TERMINATORS
        ):
            j += 1
        k = j
        while k < n and space[k] and "\n" not in texts[k]:
            k += 1
        if k >= n:
            break
        if space[k]:
            i = k  # a line break follows: the paragraph rule above starts the next sentence
            continue
        first = texts[k][0]
        if text in final_abbreviations and not first.isupper():
            i = k
            continue
        # "…," kata Pompeo / "Ya." ujarnya: a lower-case word after the quote continues the sentence;
        # so does a comma or a closing bracket
        if first.islower() or texts[k] in {",", ";", ":", ")"}:
            i = k
            continue
        starts[k] = True
        i = k
    return starts


@Language.factory(
    "warta_sentences",
    assigns=["token.is_sent_start"],
    default_config={"final_abbreviations": []},
)
def make_sentence_splitter(nlp: Language, name: str, final_abbreviations: list[str]):
    """The rule-based splitter as a pipeline component."""
    return SentenceSplitter(frozenset(final_abbreviations))


class SentenceSplitter:
    """Sets every token's ``is_sent_start`` (True or False) so that a later parser keeps the boundaries."""

    def __init__(self, final_abbreviations: frozenset[str]):
        self.final_abbreviations = final_abbreviations

    def __call__(self, doc: Doc) -> Doc:
        starts = sentence_starts(doc, self.final_abbreviations)
        # SENT_START: 1 starts a sentence, -1 must not (so the parser keeps these boundaries)
        values = numpy.array([1 if start else -1 for start in starts], dtype="int64").astype("uint64")
        if len(doc):
            doc.from_array([SENT_START], values)
        return doc
