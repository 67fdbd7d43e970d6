"""Rule-based sentence boundaries for news: quotes, abbreviations, datelines and paragraphs."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

TERMINATORS = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
OPENING_QUOTES = {"“", "‘", "«"}
CLOSING_QUOTES = {"”", "’", "»"}
STRAIGHT_QUOTES = {'"', "'"}
CLOSING_BRACKETS = {")", "]", "}"}


def _is_opening(doc: Doc, i: int) -> bool:
    """Whether the quote at ``i`` opens a quotation (a straight quote after a space, before a word)."""
    text = doc[i].text
    if text in OPENING_QUOTES:
        return True
    if text not in STRAIGHT_QUOTES:
        return False
    before_space = i == 0 or bool(doc[i - 1].whitespace_) or "\n" in doc[i - 1].text
    after_space = bool(doc[i].whitespace_) or i + 1 == len(doc)
    return before_space and not after_space


def sentence_starts(doc: Doc, final_abbreviations: frozenset[str] = frozenset()) -> list[bool]:
    """For each token, whether it starts a sentence."""
    n = len(doc)
    starts = [False] * n
    if not n:
        return starts
    starts[0] = True
    i = 0
    while i < n:
        tok = doc[i]
        if "\n" in tok.text_with_ws and (tok.is_space or "\n" in tok.whitespace_):
            # a line break ends a paragraph, a headline or a caption
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n:
                starts[j] = True
            i = j
            continue
        is_end = tok.text in TERMINATORS or (tok.text in final_abbreviations)
        if not is_end:
            i += 1
            continue
        j = i + 1
        # closing quotes and brackets after the period stay in the sentence
        while j < n and (
            doc[j].text in CLOSING_QUOTES
            or doc[j].text in CLOSING_BRACKETS
            or (doc[j].text in STRAIGHT_QUOTES and not _is_opening(doc, j))
            or doc[j].text in TERMINATORS
        ):
            j += 1
        k = j
        while k < n and doc[k].is_space and "\n" not in doc[k].text:
            k += 1
        if k >= n:
            break
        nxt = doc[k]
        first = nxt.text[0]
        if tok.text in final_abbreviations and not first.isupper():
            i = k
            continue
        # "…," kata Pompeo / "Ya." ujarnya: a lower-case word after the quote continues the sentence;
        # so does a comma or a closing bracket
        if first.islower() or nxt.text in {",", ";", ":", ")"}:
            i = k
            continue
        if tok.text == "." and i > 0 and not tok.whitespace_ and not doc[i - 1].whitespace_ and first.isdigit():
            i = k  # "1.5" split oddly: keep together
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
        for token, start in zip(doc, sentence_starts(doc, self.final_abbreviations)):
            token.is_sent_start = start
        return doc
