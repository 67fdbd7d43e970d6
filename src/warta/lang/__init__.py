"""Indonesian language layer: the shipped spaCy pipeline (tokens, sentences, POS, lemmas, parse, NER)."""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from warta.article import Article
from warta.lang import ents as _ents  # noqa: F401  (registers warta_entity_trim)
from warta.lang import features as _features  # noqa: F401  (registers warta.affix_features.v1)
from warta.lang import lemmas as _lemmas  # noqa: F401  (registers the warta_lemmas component)
from warta.lang import parsing as _parsing  # noqa: F401  (registers warta_parser)
from warta.lang import punct_heads as _punct_heads  # noqa: F401  (registers warta_punct_heads)
from warta.lang import sentences as _sentences  # noqa: F401  (registers warta_sentences)
from warta.lang import titles as _titles  # noqa: F401  (registers warta_entity_split)
from warta.lang.tokenizer import customise_tokenizer, load_abbreviations

log = logging.getLogger(__name__)

MODEL_DIR = "model"
# The dependency parser runs on the sentences a later stage reads the parse of: those with an event
# verb (warta.events.matcher). ``nlp(text, component_cfg=PARSE_ALL)`` parses every sentence.
PARSE_SELECT = {"@misc": "warta.event_sentences.v1"}
PARSE_ALL = {"warta_parser": {"every_sentence": True}}


def model_path() -> Path:
    """Where the shipped pipeline lives inside the package."""
    return Path(str(resources.files("warta.lang").joinpath(MODEL_DIR)))


def blank() -> Language:
    """The blank Indonesian pipeline with Warta's tokenizer rules and sentence splitter."""
    nlp = spacy.blank("id")
    return _finish(nlp)


def _finish(nlp: Language) -> Language:
    abbreviations = load_abbreviations()
    customise_tokenizer(nlp, abbreviations)
    if "warta_sentences" not in nlp.pipe_names:
        finals = [a.text for a in abbreviations if a.final]
        nlp.add_pipe("warta_sentences", first=True, config={"final_abbreviations": finals})
    if "ner" in nlp.pipe_names and "warta_entity_trim" not in nlp.pipe_names:
        nlp.add_pipe("warta_entity_trim", after="ner")
    if "ner" in nlp.pipe_names and "warta_entity_split" not in nlp.pipe_names:
        nlp.add_pipe("warta_entity_split", after="warta_entity_trim")
    if "parser" in nlp.pipe_names:
        from warta.events import matcher  # noqa: F401  (registers warta.event_sentences.v1)

        nlp.disable_pipe("parser")
        nlp.add_pipe("warta_parser", config={"select": PARSE_SELECT})  # late: the selection reads lemmas
    if "warta_parser" in nlp.pipe_names and "warta_punct_heads" not in nlp.pipe_names:
        nlp.add_pipe("warta_punct_heads", after="warta_parser")
    return nlp


@lru_cache(maxsize=1)
def load() -> Language:
    """The shipped pipeline, loaded once per process, offline; the blank pipeline if it is missing."""
    path = model_path()
    if not (path / "config.cfg").is_file():
        log.warning("no trained model in %s: using the blank pipeline (tokens and sentences only); "
                    "run `warta train` to build it", path)
        return blank()
    return load_from(path)


def load_from(path: Path) -> Language:
    """A pipeline folder (the shipped model or a candidate from ``warta train``) with Warta's
    tokenizer rules and components, ready to use.

    Its layers multiply matrices with numpy's BLAS, not thinc's default blis: the same figures, and
    the pipeline runs about half again as fast here (README, Speed). That BLAS is held to one
    thread, since Warta runs documents in parallel by process, one core each.
    """
    threadpool_limits(limits=1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        return _finish(spacy.load(path))


def sentence_offsets(doc: Doc) -> list[list[int]]:
    """[start, end] character offsets of the sentences of ``doc``, without edge whitespace."""
    sentences = []
    for sent in doc.sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.start_char + len(text.rstrip())
        if end > start:  # whitespace between paragraphs is not a sentence
            sentences.append([start, end])
    return sentences


def analyse(article: Article) -> Doc:
    """Parse ``article.body`` and fill ``article.sentences`` with [start, end] character offsets."""
    doc = load()(article.body)
    article.sentences = sentence_offsets(doc)
    return doc


def analyse_many(articles: list[Article], batch_size: int = 32) -> list[Doc]:
    """``analyse`` for many articles at once through ``nlp.pipe``, which batches the neural
    components (about a quarter faster than one by one; README, Speed)."""
    docs = list(load().pipe((article.body for article in articles), batch_size=batch_size))
    for article, doc in zip(articles, docs):
        article.sentences = sentence_offsets(doc)
    return docs
