"""The PFSA-ID scorer on a tiny hand-made file: spans, token overlap and speakers."""

from __future__ import annotations

import pytest

from warta.article import Quote
from warta.errors import InputError
from warta.eval.quotes import read_pfsa, score_pfsa

# Two articles; a statement over two sentences with `katanya`, one with `kata Budi`.
TINY = """JAKARTA\tO
,\tO
KOMPAS\tO
—\tO
Menteri\tB-ROLE
Sosial\tL-ROLE
Ani\tB-PERSON
Lestari\tL-PERSON
mengatakan\tO
bantuan\tO
cair\tO
.\tO
”\tB-STATEMENT

Bantuan\tI-STATEMENT
cair\tI-STATEMENT
pekan\tI-STATEMENT
ini\tI-STATEMENT
.\tI-STATEMENT

Semua\tI-STATEMENT
harus\tI-STATEMENT
jalan\tI-STATEMENT
,\tI-STATEMENT
”\tL-STATEMENT
katanya\tU-CUECOREF
.\tO

BANDUNG\tO
,\tO
KOMPAS\tO
—\tO
”\tB-STATEMENT
Kami\tI-STATEMENT
siap\tI-STATEMENT
,\tI-STATEMENT
”\tL-STATEMENT
kata\tU-CUE
Budi\tU-PERSONCOREF
.\tO
"""


@pytest.fixture
def tiny(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_text(TINY, encoding="utf-8")
    return path


def test_quotes_eval_reads_articles_at_datelines(tiny):
    docs = read_pfsa(tiny.read_text(encoding="utf-8").splitlines())
    assert len(docs) == 2
    assert docs[1].text == "BANDUNG , KOMPAS — ” Kami siap , ” kata Budi ."


def test_quotes_eval_scores_the_shipped_finder_perfectly_on_tiny(tiny):
    score = score_pfsa(tiny).as_dict()
    assert score["gold"] == 2 and score["exact_f1"] == 1.0 and score["speaker_accuracy"] == 1.0


def test_quotes_eval_counts_wrong_spans_and_speakers(tiny):
    def find(text, entities, sentences):
        # a statement cut short and attributed to the wrong person
        start, n = (text.index("Kami"), 9) if "Kami" in text else (text.index("Bantuan"), 4)
        return [Quote(text=text[start : start + n], start=start, end=start + n, direct=True, speaker_text="Joko")]

    score = score_pfsa(tiny, find).as_dict()
    assert score["exact_f1"] == 0.5  # "Kami siap" is the second statement, "Bant" is not the first
    assert score["speaker_judged"] == 1 and score["speaker_accuracy"] == 0.0


def test_quotes_eval_rejects_a_malformed_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Kami B-STATEMENT\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1: expected `token TAB BILOU-tag`"):
        score_pfsa(bad)
