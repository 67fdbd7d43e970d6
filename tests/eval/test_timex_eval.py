"""The TimeML scorer: parsing .tml files and TempEval-3 style figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.article import Timex
from warta.cli import app
from warta.errors import InputError
from warta.eval.timex import parse_tml, read_dir, score

DEV = Path(__file__).resolve().parents[2] / "../shared/datasets/timex/indotimex_dev"

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="TIME" value="2013-10-18" functionInDocument="CREATION_TIME">Jumat, 18 Oktober 2013</TIMEX3></DCT>
<TEXT>
Ali menyampaikan hal itu, <TIMEX3 tid="t1" type="DATE" value="2013-10-17">Kamis (17/10/2013)</TIMEX3>, di Jakarta &amp; Bogor.
Sistem itu diuji selama <TIMEX3 tid="t2" type="DURATION" value="P3M">tiga bulan</TIMEX3> sejak <TIMEX3 tid="t3" type="DATE" value="2013-07">Juli lalu</TIMEX3>.
</TEXT>
</TimeML>"""


def test_parse_tml_gives_plain_text_offsets_and_dct():
    doc = parse_tml(TML)
    assert doc.dct == "2013-10-18"
    assert [(t.text, t.type, t.value) for t in doc.gold] == [
        ("Kamis (17/10/2013)", "DATE", "2013-10-17"), ("tiga bulan", "DURATION", "P3M"), ("Juli lalu", "DATE", "2013-07")]
    assert "&amp;" not in doc.text and "Jakarta & Bogor" in doc.text
    assert all(doc.text[t.start:t.end] == t.text for t in doc.gold)


def test_parse_tml_without_text_element_is_an_input_error():
    with pytest.raises(InputError, match="no <TEXT> element"):
        parse_tml("<TimeML></TimeML>", "x.tml")


def test_score_strict_relaxed_type_and_value():
    doc = parse_tml(TML)
    g = doc.gold

    def system(text, dct):
        return [Timex(g[0].start, g[0].end, "", "DATE", "2013-10-17"),  # exact, right value
                Timex(g[1].start, g[1].end, "", "DURATION", "P90D"),  # exact, wrong value
                Timex(g[2].start, g[2].end - 5, "", "DATE", "2013-07"),  # overlap only
                Timex(0, 3, "", "DATE", "PAST_REF")]  # spurious

    result = score([doc], system)
    assert result["strict"]["p"] == pytest.approx(2 / 4) and result["strict"]["r"] == pytest.approx(2 / 3)
    assert result["relaxed"]["r"] == pytest.approx(1.0) and result["relaxed"]["p"] == pytest.approx(3 / 4)
    assert result["type_accuracy"] == pytest.approx(1.0)
    assert result["value_accuracy"] == pytest.approx(2 / 3)
    assert {e["kind"] for e in result["errors"]} == {"value", "spurious"}


def test_score_with_the_real_recogniser_on_inline_gold():
    from warta.time import find_timex

    result = score([parse_tml(TML)], find_timex)
    assert result["relaxed"]["f1"] == pytest.approx(1.0)
    assert result["value_accuracy"] == pytest.approx(1.0)


def test_dev_files_parse_with_their_dct():
    if not DEV.is_dir():
        pytest.skip("IndoTimex dev set not available")
    docs = read_dir(DEV)
    assert len(docs) == 50
    assert all(d.dct and d.text.strip() for d in docs)


def test_cli_eval_timex_reports_figures(tmp_path):
    (tmp_path / "a.tml").write_text(TML, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "timex", "--gold", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "relaxed   P 1.0000  R 1.0000  F1 1.0000" in result.output


def test_cli_eval_timex_missing_folder_is_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", "timex", "--gold", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no such file or folder" in " ".join(result.output.split())  # Rich wraps long lines
