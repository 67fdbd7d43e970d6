"""Article summaries: chosen sentences in body order, about 40-60 words, furniture and repeats left out."""

from __future__ import annotations

import pytest

from tests.stories.conftest import _sentences
from warta.article import Article
from warta.summary import annotate, summarise
from warta.summary.select import eligible

BODY = (
    "Pemerintah Kota Denpasar mulai mengolah sampah menjadi listrik di tempat pengolahan Suwung pada Senin (20/10/2025). "
    "Wali Kota Denpasar mengatakan pengolahan itu menampung enam ratus ton sampah per hari dari seluruh kecamatan. "
    "Baca juga: Harga cabai rawit di Denpasar naik menjelang akhir pekan. "
    "Apakah warga siap memilah sampah dari rumah? "
    "Listrik dari sampah itu dijual kepada PLN dengan harga yang disepakati dalam perjanjian dua puluh tahun. "
    "Sebelumnya tumpukan sampah di Suwung sempat terbakar dan asapnya mengganggu warga sekitar selama sepekan. "
    "Pemerintah kota juga meminta warga memilah sampah organik dan plastik sejak dari rumah agar pengolahan berjalan lancar. "
    "Foto: Dok."
)
TITLE = "Denpasar Olah Sampah Jadi Listrik di Suwung"


def test_summary_sentences_are_in_body_order_and_point_into_the_body():
    summary = summarise(BODY, _sentences(BODY), TITLE)
    spans = summary["sentences"]
    assert spans == sorted(spans)
    assert summary["text"] == " ".join(BODY[s:e].strip() for s, e in spans)


def test_summary_is_about_forty_to_sixty_words_and_leads_with_the_news():
    summary = summarise(BODY, _sentences(BODY), TITLE)
    assert 30 <= len(summary["text"].split()) <= 60
    assert summary["text"].startswith("Pemerintah Kota Denpasar mulai mengolah sampah")


@pytest.mark.parametrize("sentence,ok", [
    ("Baca juga: Harga cabai rawit di Denpasar naik menjelang akhir pekan.", False),  # a teaser of another story
    ("Apakah warga siap memilah sampah dari rumah?", False),  # a question is a hook, not a fact
    ("Foto: Dok.", False),  # a caption credit
    ("“Kami siap menyuplai sampah setiap hari,” katanya kepada wartawan di Denpasar.", False),  # speech
    ("Listrik dari sampah itu dijual kepada PLN dengan harga yang disepakati.", True),
])
def test_summary_eligible_sentences(sentence, ok):
    assert eligible(sentence) is ok


def test_summary_of_an_empty_article_is_null():
    assert summarise("", [], None) is None
    assert annotate(Article(body="")).summary is None


def test_summary_stage_fills_the_record():
    art = annotate(Article(body=BODY, title=TITLE, sentences=_sentences(BODY)))
    assert art.to_dict()["summary"]["sentences"][0] == [0, BODY.index(".") + 1]
