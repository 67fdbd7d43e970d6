"""Indonesian language layer: the shipped spaCy pipeline (tokens, sentences, POS, lemmas, parse, NER).

The layer knows no document stage. A stage that runs a rule inside spaCy declares it as a
``warta.stage.Pipe`` (and may choose the sentences the parser reads, ``parse_select``); the pipeline
builder (``warta.pipeline.build_nlp``) hands those to ``load_from`` or ``blank``. ``load()`` is the
language layer alone.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from warta.article import Article
from warta.stage import Pipe
from warta.lang import ents as _ents  # noqa: F401  (registers warta_entity_trim)
from warta.lang import features as _features  # noqa: F401  (registers warta.affix_features.v1)
from warta.lang import inference
from warta.lang import lemmas as _lemmas  # noqa: F401  (registers the warta_lemmas component)
from warta.lang import parsing as _parsing  # noqa: F401  (registers warta_parser)
from warta.lang import punct_heads as _punct_heads  # noqa: F401  (registers warta_punct_heads)
from warta.lang import sentences as _sentences  # noqa: F401  (registers warta_sentences)
from warta.lang.tokenizer import customise_tokenizer, load_abbreviations

log = logging.getLogger(__name__)

MODEL_DIR = "model"
# The dependency parser runs on the sentences ``parse_select`` picks (a registered function; every
# sentence without one). ``nlp(text, component_cfg=PARSE_ALL)`` parses every sentence anyway.
PARSE_ALL = {"warta_parser": {"every_sentence": True}}




def model_path() -> Path:
    """Where the shipped pipeline lives inside the package."""
    return Path(str(resources.files("warta.lang").joinpath(MODEL_DIR)))


def blank(pipes: tuple[Pipe, ...] = ()) -> Language:
    """The blank Indonesian pipeline with Warta's tokenizer rules and sentence splitter."""
    nlp = spacy.blank("id")
    return _finish(nlp, pipes)


def _finish(nlp: Language, pipes: tuple[Pipe, ...] = (), parse_select: dict | None = None,
            saved_tokenizer: tuple[dict, Callable | None] | None = None) -> Language:
    abbreviations = load_abbreviations()
    customise_tokenizer(nlp, abbreviations, saved=saved_tokenizer)
    if "warta_sentences" not in nlp.pipe_names:
        finals = [a.text for a in abbreviations if a.final]
        nlp.add_pipe("warta_sentences", first=True, config={"final_abbreviations": finals})
    if "ner" in nlp.pipe_names and "warta_entity_trim" not in nlp.pipe_names:
        nlp.add_pipe("warta_entity_trim", after="ner")
    for pipe in pipes:
        if (pipe.needs is None or pipe.needs in nlp.pipe_names) and pipe.factory not in nlp.pipe_names:
            nlp.add_pipe(pipe.factory, after=pipe.after, config=pipe.config)
    if "parser" in nlp.pipe_names:
        nlp.disable_pipe("parser")
        nlp.add_pipe("warta_parser", config={"select": parse_select})  # late: the selection reads lemmas
    if "warta_parser" in nlp.pipe_names and "warta_punct_heads" not in nlp.pipe_names:
        nlp.add_pipe("warta_punct_heads", after="warta_parser")
    return nlp


@lru_cache(maxsize=1)
def load() -> Language:
    """The shipped language pipeline alone (no stage's components), loaded once per process,
    offline; the blank pipeline if it is missing."""
    return load_shipped()


def load_shipped(pipes: tuple[Pipe, ...] = (), parse_select: dict | None = None) -> Language:
    """The shipped pipeline with the stages' ``pipes``; the blank pipeline if it is missing."""
    path = model_path()
    if not (path / "config.cfg").is_file():
        log.warning("no trained model in %s: using the blank pipeline (tokens and sentences only); "
                    "run `warta train` to build it", path)
        return blank(pipes)
    return load_from(path, pipes, parse_select)


def load_from(path: Path, pipes: tuple[Pipe, ...] = (), parse_select: dict | None = None) -> Language:
    """A pipeline folder (the shipped model or a candidate from ``warta train``) with Warta's
    tokenizer rules and components and the stages' ``pipes``, ready to use.

    Its layers multiply matrices with numpy's BLAS, not thinc's default blis: the same figures, and
    the pipeline runs about half again as fast here (README, Speed). That BLAS is held to one
    thread, since Warta runs documents in parallel by process, one core each. The maxout and
    layer-normalisation layers predict through ``warta.lang.inference`` (the same floats, fewer
    passes over memory).
    """
    threadpool_limits(limits=1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(path, exclude=["tokenizer"], config=_BARE_TOKENIZER)
        inference.accelerate(nlp)
        return _finish(nlp, pipes, parse_select, saved_tokenizer=saved_tokenizer(nlp, path))


# spaCy builds a tokenizer with its 16,000 special cases when it creates the pipeline, and again
# when it reads the folder's; Warta then builds its own from the saved rules. Each build costs
# about 0.9 s of CPU at every start (and in every worker), so the first two are skipped: the
# pipeline is created with a tokenizer without rules, the folder's is read as data.
_BARE_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "warta.bare_tokenizer.v1"}}}


@spacy.registry.tokenizers("warta.bare_tokenizer.v1")
def bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer without rules, replaced by Warta's as soon as the pipeline is loaded."""
    return lambda nlp: Tokenizer(nlp.vocab)


def saved_tokenizer(nlp: Language, path: Path) -> tuple[dict, Callable | None]:
    """The special cases and URL pattern of the folder's tokenizer, as ``Tokenizer.from_disk``
    would set them (spaCy's defaults for the language when the folder has none)."""
    saved = path / "tokenizer"
    if not saved.is_file():
        return nlp.Defaults.tokenizer_exceptions, nlp.Defaults.url_match
    data: dict = {}
    spacy.util.from_bytes(saved.read_bytes(), {key: partial(data.__setitem__, key) for key in ("exceptions", "url_match")}, [])
    rules = data.get("exceptions")
    url = data.get("url_match")
    return (rules if isinstance(rules, dict) else {}), (re.compile(url).match if isinstance(url, str) else None)


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


def analyse(article: Article, nlp: Language) -> Doc:
    """Parse ``article.body`` and fill ``article.sentences`` with [start, end] character offsets."""
    doc = nlp(article.body)
    article.sentences = sentence_offsets(doc)
    return doc


def analyse_many(articles: list[Article], nlp: Language, batch_size: int = 32) -> list[Doc]:
    """``analyse`` for many articles at once through ``nlp.pipe``, which batches the neural
    components (about a quarter faster than one by one; README, Speed)."""
    docs = list(nlp.pipe((article.body for article in articles), batch_size=batch_size))
    for article, doc in zip(articles, docs):
        article.sentences = sentence_offsets(doc)
    return docs
