"""Reading the training corpora: label mapping, scheme harmonisation, clear errors."""

import pytest
import spacy

from warta.errors import WartaError
from warta.lang.train import build, corpora


@pytest.mark.parametrize(
    "tags,mapped",
    [
        (["B-PERSON", "I-PERSON", "O"], ["B-PER", "I-PER", "O"]),
        (["B-ORGANISATION", "B-PLACE"], ["B-ORG", "B-LOC"]),  # NERGrit names
        (["B-TIME", "I-TIME", "B-LOCATION"], ["O", "O", "B-LOC"]),  # TIME is dropped
        (["I-ORGANIZATION", "I-ORGANIZATION"], ["B-ORG", "I-ORG"]),  # a span opened by I-
        (["B-QUANTITY", "I-PERSON"], ["O", "B-PER"]),  # I- after a dropped label opens a span
    ],
)
def test_map_bio_maps_dataset_labels(tags, mapped):
    assert corpora.map_bio(tags) == mapped


def _row(i, form, upos, head, deprel):
    return [str(i), form, "_", upos, "_", "_", str(head), deprel, "_", "_"]


def test_harmonise_old_scheme_auxiliaries_subordinators_names():
    rows = [
        _row(1, "Ia", "PRON", 3, "nsubj"),
        _row(2, "akan", "ADV", 3, "advmod"),  # an auxiliary in the current scheme
        _row(3, "datang", "VERB", 0, "root"),
        _row(4, "untuk", "ADP", 5, "case"),  # heads a clause: a subordinator
        _row(5, "bertemu", "VERB", 3, "advcl"),
        _row(6, "Joko", "PROPN", 5, "obj"),
        _row(7, "Widodo", "PROPN", 6, "flat"),
    ]
    out = corpora.harmonise_old(rows, aux={"akan"}, sconj={"untuk"})
    assert (out[1][3], out[1][7]) == ("AUX", "aux")
    assert (out[3][3], out[3][7]) == ("SCONJ", "mark")
    assert out[6][7] == "flat:name"
    assert rows[1][3] == "ADV"  # the input is not modified


def test_conllu_doc_keeps_gold_words_and_heads():
    rows = [_row(1, "Dia", "PRON", 2, "nsubj"), _row(2, "datang", "VERB", 0, "root")]
    doc = corpora.conllu_doc(rows, spacy.blank("id").vocab, features=False)
    assert [t.pos_ for t in doc] == ["PRON", "VERB"]
    assert doc[0].head.i == 1 and doc[1].head.i == 1 and doc[0].dep_ == "nsubj"


def test_build_fails_clearly_without_datasets(tmp_path):
    with pytest.raises(WartaError, match="datasets folder not found"):
        build.check_datasets(tmp_path / "missing")


def test_read_bio_names_the_bad_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("Joko\tB-PERSON\nWidodo\n", encoding="utf-8")
    with pytest.raises(WartaError, match="bad.tsv:2"):
        list(corpora.read_bio(path))
