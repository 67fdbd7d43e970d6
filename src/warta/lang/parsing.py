"""Dependency parsing of only the sentences later stages read.

The trained parser is the second most expensive component after the shared tok2vec, and Warta
reads the parse in one place: the events stage uses it to find a trigger verb's subject and object
when word order alone does not. ``warta_parser`` wraps the trained parser and runs it on the
sentences a ``select`` function picks (``None``, or ``every_sentence=True`` in a call: every
sentence); the others keep no heads and no labels (``token.dep_ == ""``) and the sentence
boundaries of ``warta_sentences`` stay as they were.

Each chosen sentence is parsed as a Doc of its own that reuses the rows of the parent's
``doc.tensor`` (the shared tok2vec output), so nothing is encoded twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

SentenceFilter = Callable[[Doc], list[Span]]  # the sentences of a Doc to parse


def sentence_doc(doc: Doc, sent: Span) -> Doc:
    """One sentence of ``doc`` as a Doc of its own, one sentence long, with its slice of the tensor."""
    words = [t.text for t in sent]
    spaces = [bool(t.whitespace_) for t in sent]
    sub = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * (len(words) - 1))
    if doc.tensor.size:
        sub.tensor = doc.tensor[sent.start:sent.end]
    return sub


def write_parses(doc: Doc, parsed: list[tuple[Span, Doc]]) -> None:
    """Copy the heads and labels of parsed sentences into ``doc``, keeping its sentence boundaries."""
    starts = doc.to_array([SENT_START])
    heads = numpy.zeros((len(doc), 2), dtype="uint64")
    for sent, sub in parsed:
        heads[sent.start:sent.end] = sub.to_array([HEAD, DEP])  # heads are relative offsets
    doc.from_array([HEAD, DEP], heads)
    doc.from_array([SENT_START], starts)  # the parse would merge the unparsed sentences


class SelectiveParser:
    """Runs a trained parser on the sentences ``select`` picks, or on whole Docs when it is None."""

    def __init__(self, parser, select: SentenceFilter | None):
        self.parser = parser
        self.select = select

    def __call__(self, doc: Doc, every_sentence: bool = False, batch_size: int | None = None) -> Doc:
        # batch_size: Language.pipe adds it to a shared component_cfg, which nlp(text, ...) then passes
        return next(self.pipe([doc], every_sentence=every_sentence))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64, every_sentence: bool = False) -> Iterator[Doc]:
        if self.select is None or every_sentence:
            yield from self.parser.pipe(docs, batch_size=batch_size)
            return
        for batch in minibatch(docs, size=batch_size):
            chosen = [(k, sent) for k, doc in enumerate(batch) for sent in self.select(doc)]
            subs = self.parser.pipe([sentence_doc(batch[k], sent) for k, sent in chosen], batch_size=256)
            parsed: list[list[tuple[Span, Doc]]] = [[] for _ in batch]
            for (k, sent), sub in zip(chosen, subs):
                parsed[k].append((sent, sub))
            for doc, sentences in zip(batch, parsed):
                if sentences:
                    write_parses(doc, sentences)
                yield doc


@Language.factory(
    "warta_parser",
    default_config={"select": None, "parser": "parser"},
    assigns=["token.dep", "token.head"],
)
def make_selective_parser(nlp: Language, name: str, select: SentenceFilter | None, parser: str) -> SelectiveParser:
    """The trained component ``parser`` (disabled in the pipeline) run through ``SelectiveParser``."""
    return SelectiveParser(nlp.get_pipe(parser), select)
