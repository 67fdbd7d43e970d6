"""Pathological paragraphs: the rules that scan text stay linear in its length.

Each case is a paragraph that once took quadratic time (issue 15: 20,000 nested parentheses took
41 s in the tokenizer, 66,000 characters of ``"x" Ma'ruf`` took 60 s in the quotes stage). The
bounds below are generous, there to catch a blow-up, not to measure speed (benchmarks/ does that).
"""

from __future__ import annotations

import random
import re
import time

import pytest

from warta import actors, quotes
from warta.article import Article
from warta.lang import blank
from warta.lang.tokenizer import TailSearch


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


@pytest.fixture(scope="module")
def nlp():
    return blank()


@pytest.mark.parametrize("text", [
    "(" * 20_000 + ")" * 20_000,  # nested parentheses without a space: 41 s at 20,000 before
    '"' * 24_000,  # a run of quote marks: 59 s at 24,000 before
    _repeat("(kata ", 12_000) + ")" * 12_000,  # closing brackets glued into one chunk
    "'" * 20_000,  # a run of apostrophes
])
def test_tokenizer_is_linear_on_runs_of_marks(nlp, text):
    doc, seconds = _timed(nlp.make_doc, text)
    assert doc.text == text
    assert seconds < 20


@pytest.mark.parametrize("string", [
    "kata", "a" * 200, "." * 300, "x" + "." * 100, "10km", "(" * 100 + ")" * 100, "Rp10.000,-", "…" * 80,
    "abc" + "." * 63, "abc" + "." * 64, "abc" + "." * 65, "'" * 70, "dll.)", "2019)." * 20,
])
def test_tail_search_gives_the_answer_of_a_full_search(nlp, string):
    # the tokenizer searches suffixes over the tail of a chunk only: same match as the whole string
    search = nlp.tokenizer.suffix_search
    assert isinstance(search.__self__, TailSearch)
    full = search.__self__.regex.search(string)
    tail = search(string)
    assert (full.span() if full else None) == (tail.span() if tail else None)


def test_tail_search_matches_full_search_on_random_strings(nlp):
    search = nlp.tokenizer.suffix_search
    rng = random.Random(15)
    alphabet = "a.)(\"'…-,:;!?1%°$"
    for _ in range(2000):
        string = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 150)))
        full = search.__self__.regex.search(string)
        tail = search(string)
        assert (full.span() if full else None) == (tail.span() if tail else None), string


@pytest.mark.parametrize("paragraph", [
    _repeat('"x" Ma\'ruf ', 66_000),  # 60 s before
    _repeat('"ab"\'', 40_000),  # pairs followed by apostrophes: past 60 s before
    _repeat('"ab" ', 20_000) + "'" * 20_000,
    _repeat("Menurut Joko, mengatakan bahwa, ujar Retno ", 60_000),
])
def test_quotes_are_linear_on_runs_of_marks_and_cues(paragraph):
    text = "Presiden Joko Widodo bertemu wartawan.\n" + paragraph + "\nIa pulang."
    found, seconds = _timed(quotes.find_quotes, text)
    assert seconds < 20
    assert all(0 <= q.start <= q.end <= len(text) for q in found)


@pytest.mark.parametrize("paragraph", [
    _repeat("kata Joko, ", 66_000),  # 18 s before (130,000: over 60 s)
    _repeat("Joko Widodo Budi Santoso Retno Marsudi ", 56_000),  # runs of capitalised names: 21 s
    " ".join(random.Random(7).choice(["Joko", "Budi", "Retno", "Agus", "Siti", "Ahmad", "Dewi", "Hadi"])
             for _ in range(11_000)),
    _repeat("Menurut Joko, mengatakan bahwa, ujar Retno ", 60_000),
])
def test_actors_are_linear_on_chains_of_names(paragraph):
    article = Article(body="JAKARTA - Presiden Joko Widodo bertemu wartawan.\n" + paragraph,
                      published="2019-05-06T10:00:00+07:00")
    article.sentences = [[m.start(), m.end()] for m in re.finditer(r"[^\n]+", article.body)]
    out, seconds = _timed(actors.annotate, article, None)
    assert seconds < 30
    for ent in out.entities:
        assert all(0 <= m.start < m.end <= len(article.body) for m in ent.mentions)


def test_a_one_word_entity_at_the_end_of_the_text_is_linked():
    # found by tests/test_properties.py: "OX" (the NER's one-word entity, the last token) looked for a
    # speech word after the last token and raised IndexError
    from warta import pipeline

    article = pipeline.annotate(Article(body="OX"))
    assert not [w for w in article.warnings if "failed" in w]
