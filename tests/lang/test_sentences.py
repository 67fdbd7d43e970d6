"""Sentence boundaries: quotes, abbreviations, datelines and paragraphs."""

import pytest

from warta import lang
from warta.article import Article


@pytest.fixture(scope="module")
def nlp():
    return lang.blank()


def split(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize(
    "text,sentences",
    [
        ("Dia datang. Mereka pergi.", ["Dia datang.", "Mereka pergi."]),
        # the closing quote after the period stays in the sentence
        ('Dia berkata, "Kami siap." Lalu pergi.', ['Dia berkata, "Kami siap."', "Lalu pergi."]),
        ("“Kami siap.” Lalu pergi.", ["“Kami siap.”", "Lalu pergi."]),
        # an opening straight quote after the period starts the next sentence
        ('Dia datang. "Kami siap," kata Pompeo.', ["Dia datang.", '"Kami siap," kata Pompeo.']),
        ('"Ya." ujarnya singkat.', ['"Ya." ujarnya singkat.']),  # a lower-case verb continues
        ("Prof. Dr. Budi datang.", ["Prof. Dr. Budi datang."]),
        ("Jl. Sudirman No. 5 ditutup.", ["Jl. Sudirman No. 5 ditutup."]),
        ("Beras, gula, dll. Harga naik.", ["Beras, gula, dll.", "Harga naik."]),
        ("Budi dkk. ditahan.", ["Budi dkk. ditahan."]),
        # a name suffix is no sentence end before a lower-case word (events lost a CONSULT here)
        ("Ia bertemu Ferdinand Marcos Jr. dan Austin.", ["Ia bertemu Ferdinand Marcos Jr. dan Austin."]),
        ("Moskow, Jurnas.com - Presiden Rusia tiba. Ia disambut.", ["Moskow, Jurnas.com - Presiden Rusia tiba.", "Ia disambut."]),
        ("Judul tanpa titik\n\nParagraf pertama.", ["Judul tanpa titik", "Paragraf pertama."]),
        ("Benarkah? Ya!", ["Benarkah?", "Ya!"]),
        ("Harga naik 1,5 persen (23/3/2019). Pasar tenang.", ["Harga naik 1,5 persen (23/3/2019).", "Pasar tenang."]),
    ],
)
def test_sentences_respect_quotes_abbreviations_and_paragraphs(nlp, text, sentences):
    assert split(nlp, text) == sentences


def test_analyse_fills_trimmed_sentence_offsets():
    body = "Judul\n\nDia datang.  Mereka pergi."
    article = Article(body=body)
    lang.analyse(article, lang.load())
    assert [body[s:e] for s, e in article.sentences] == ["Judul", "Dia datang.", "Mereka pergi."]
