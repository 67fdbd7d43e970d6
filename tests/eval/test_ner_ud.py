"""The NER and UD scorers on tiny hand-made gold files."""

import pytest

from warta.errors import InputError
from warta.eval import ner, ud


@pytest.mark.parametrize(
    "tags,spans",
    [
        (["B-PERSON", "I-PERSON", "O", "B-LOCATION"], {(0, 2, "PER"), (3, 4, "LOC")}),
        (["I-ORGANIZATION", "I-ORGANIZATION"], {(0, 2, "ORG")}),  # a span may start with I-
        (["B-PER", "B-PER"], {(0, 1, "PER"), (1, 2, "PER")}),  # two adjacent names
        (["B-PLACE", "I-PERSON"], {(0, 1, "LOC"), (1, 2, "PER")}),  # label change starts a span
        (["U-GPE", "O"], {(0, 1, "LOC")}),  # BILOU and GPE -> LOC
    ],
)
def test_ner_bio_spans_map_dataset_labels(tags, spans):
    assert ner.bio_spans(tags) == spans


def test_ner_score_counts_exact_spans_per_label_and_micro():
    gold = [{(0, 2, "PER"), (3, 4, "LOC")}, {(0, 1, "ORG")}]
    pred = [{(0, 2, "PER"), (3, 5, "LOC")}, {(0, 1, "ORG"), (2, 3, "TIME")}]
    table = ner.score(gold, pred, labels={"PER", "LOC", "ORG"})  # TIME is not scored
    assert (table["PER"].tp, table["LOC"].fp, table["LOC"].fn) == (1, 1, 1)
    assert "TIME" not in table
    assert table["micro"].p == pytest.approx(2 / 3) and table["micro"].r == pytest.approx(2 / 3)


def test_ner_read_gold_file(tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text("Joko\tB-PERSON\nWidodo\tI-PERSON\nke\tO\nBali\tB-LOCATION\n\nPBB\tB-ORGANIZATION\n", encoding="utf-8")
    sentences = ner.read_gold(gold)
    assert sentences[0] == (["Joko", "Widodo", "ke", "Bali"], {(0, 2, "PER"), (3, 4, "LOC")})
    assert sentences[1][1] == {(0, 1, "ORG")}


def test_ner_read_gold_rejects_a_line_without_a_tag(tmp_path):
    gold = tmp_path / "bad.tsv"
    gold.write_text("Joko B-PERSON\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.tsv:1"):
        ner.read_gold(gold)


CONLLU = """# text = Dia bertemu Putin.
1\tDia\tdia\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tbertemu\ttemu\tVERB\t_\t_\t0\troot\t_\t_
3-4\tPutin.\t_\t_\t_\t_\t_\t_\t_\t_
3\tPutin\tPutin\tPROPN\t_\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""


def test_ud_read_gold_skips_multiword_ranges(tmp_path):
    path = tmp_path / "g.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    (sentence,) = ud.read_gold(path)
    assert [w.form for w in sentence] == ["Dia", "bertemu", "Putin", "."]
    assert sentence[2].space_after is False and sentence[1].head == 0


def test_ud_score_upos_uas_las_ignore_relation_subtypes(tmp_path):
    path = tmp_path / "g.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    gold = ud.read_gold(path)
    pred = [[
        ud.Word("Dia", "PRON", 2, "nsubj:pass", "dia"),  # subtype differs: LAS counts, LAS_full not
        ud.Word("bertemu", "VERB", 0, "root", "temu"),
        ud.Word("Putin", "NOUN", 2, "nmod", "putin"),  # wrong POS, label and lemma
        ud.Word(".", "PUNCT", 1, "punct", "."),  # wrong head
    ]]
    scores = ud.score(gold, pred)
    assert scores["UPOS"] == 0.75
    assert scores["UAS"] == 0.75
    assert scores["LAS"] == 0.5
    assert scores["LAS_full"] == 0.25
    assert scores["lemma"] == 0.75


def test_ud_read_gold_rejects_bad_columns(tmp_path):
    path = tmp_path / "bad.conllu"
    path.write_text("1\tDia\tdia\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.conllu:1"):
        ud.read_gold(path)


def test_eval_cli_scores_a_candidate_model_folder(tmp_path):
    from typer.testing import CliRunner

    from warta import lang
    from warta.cli import app

    if not (lang.model_path() / "config.cfg").is_file():
        pytest.skip("no shipped model")
    gold = tmp_path / "gold.tsv"
    gold.write_text("Joko\tB-PER\nWidodo\tI-PER\nke\tO\nJakarta\tB-LOC\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "ner", "--gold", str(gold), "--model", str(lang.model_path())])
    assert result.exit_code == 0 and "micro" in result.output
    missing = CliRunner().invoke(app, ["eval", "ud", "--gold", str(gold), "--model", str(tmp_path)])
    assert missing.exit_code != 0 and "not a pipeline folder" in missing.output
