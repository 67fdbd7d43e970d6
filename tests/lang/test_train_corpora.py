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


@pytest.mark.parametrize(
    "rows,index,expected",
    [
        # pantai Losari: a name after a common noun was flat, now nmod
        ([_row(1, "pantai", "NOUN", 0, "root"), _row(2, "Losari", "PROPN", 1, "flat")], 1, ("PROPN", "nmod")),
        # rumah yang besar: a yang-clause on an adjective was amod, now acl:relcl
        ([_row(1, "rumah", "NOUN", 0, "root"), _row(2, "yang", "PRON", 3, "nsubj"),
          _row(3, "besar", "ADJ", 1, "amod")], 2, ("ADJ", "acl:relcl")),
        # hari kedua: ordinals were NUM/nummod, now ADJ/amod
        ([_row(1, "hari", "NOUN", 0, "root"), _row(2, "kedua", "NUM", 1, "nummod")], 1, ("ADJ", "amod")),
        # dua hari: a cardinal stays a number
        ([_row(1, "dua", "NUM", 2, "nummod"), _row(2, "hari", "NOUN", 0, "root")], 0, ("NUM", "nummod")),
        # rumah mereka: a possessor pronoun was det, now nmod:poss
        ([_row(1, "rumah", "NOUN", 0, "root"), _row(2, "mereka", "PRON", 1, "det")], 1, ("PRON", "nmod:poss")),
    ],
)
def test_harmonise_old_scheme_nominal_modifiers(rows, index, expected):
    out = corpora.harmonise_old(rows, aux=set(), sconj=set(), full=True)
    assert (out[index][3], out[index][7]) == expected


def _heads(rows):
    return [int(r[6]) for r in corpora.fix_punct(rows)]


def test_fix_punct_attaches_comma_before_yang_clause_to_the_clause():
    # Rumah itu , yang dibangun 1900 , besar .  GSD 2.1 hung both commas on the previous word
    rows = [
        _row(1, "Rumah", "NOUN", 7, "nsubj"), _row(2, "itu", "DET", 1, "det"),
        _row(3, ",", "PUNCT", 2, "punct"), _row(4, "yang", "PRON", 5, "nsubj:pass"),
        _row(5, "dibangun", "VERB", 1, "acl:relcl"), _row(6, ",", "PUNCT", 5, "punct"),
        _row(7, "besar", "ADJ", 0, "root"), _row(8, ".", "PUNCT", 7, "punct"),
    ]
    heads = _heads(rows)
    assert heads[2] == 5  # the opening comma belongs to the relative clause
    assert heads[5] == 5  # the closing comma too (its old head is on the path: kept)
    assert heads[7] == 7  # the full stop stays on the root


def test_fix_punct_attaches_brackets_to_the_enclosed_head():
    # Jakarta ( ibu kota ) ramai .  brackets hung on the previous word go to the enclosed head
    rows = [
        _row(1, "Jakarta", "PROPN", 6, "nsubj"), _row(2, "(", "PUNCT", 1, "punct"),
        _row(3, "ibu", "NOUN", 1, "appos"), _row(4, "kota", "NOUN", 3, "compound"),
        _row(5, ")", "PUNCT", 4, "punct"), _row(6, "ramai", "ADJ", 0, "root"),
        _row(7, ".", "PUNCT", 6, "punct"),
    ]
    assert _heads(rows)[1] == 3 and _heads(rows)[4] == 3


def test_conllu_doc_keeps_gold_words_and_heads():
    rows = [_row(1, "Dia", "PRON", 2, "nsubj"), _row(2, "datang", "VERB", 0, "root")]
    doc = corpora.conllu_doc(rows, spacy.blank("id").vocab, features=False)
    assert [t.pos_ for t in doc] == ["PRON", "VERB"]
    assert doc[0].head.i == 1 and doc[1].head.i == 1 and doc[0].dep_ == "nsubj"


def test_build_fails_clearly_without_datasets(tmp_path):
    with pytest.raises(WartaError, match="datasets folder not found"):
        build.check_datasets(tmp_path / "missing")


def test_build_fails_clearly_on_missing_pretrained_weights(tmp_path):
    datasets = tmp_path / "datasets"
    needed = [build.UD_TRAIN, build.UD_OLD_TRAIN, build.UD_DEV, build.NER_DEV, build.NERP_TRAIN]
    needed += [f"ner/{name}/{train}" for name, (train, _) in corpora.NER_SPLITS.items()]
    for rel in needed:
        (datasets / rel).parent.mkdir(parents=True, exist_ok=True)
        (datasets / rel).write_text("", encoding="utf-8")
    plan = build.BuildPlan(datasets=datasets, scratch=tmp_path / "scratch", target=tmp_path / "model",
                           pretrained=tmp_path / "none.bin", say=lambda text: None)
    with pytest.raises(WartaError, match="none.bin: pretrained weights not found"):
        build.build(plan)
    assert not (tmp_path / "model").exists()


def test_read_bio_names_the_bad_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("Joko\tB-PERSON\nWidodo\n", encoding="utf-8")
    with pytest.raises(WartaError, match="bad.tsv:2"):
        list(corpora.read_bio(path))


def _triples(rows):
    return [(r[1], r[3], int(r[6]), r[7]) for r in rows]


KNOWN = {"rumah", "membeli", "dibeli", "kepada"}


def test_split_clitics_possessive_after_a_noun():
    rows = [_row(1, "Rumahnya", "NOUN", 2, "nsubj"), _row(2, "besar", "ADJ", 0, "root")]
    out = corpora.split_clitics(rows, whole=set(), known=KNOWN)
    assert _triples(out) == [("Rumah", "NOUN", 3, "nsubj"), ("nya", "PRON", 1, "nmod:poss"),
                             ("besar", "ADJ", 0, "root")]
    assert out[0][9] == "SpaceAfter=No" and [r[0] for r in out] == ["1", "2", "3"]


@pytest.mark.parametrize("verb,relation", [("membelinya", "obj"), ("dibelinya", "obl:agent")])
def test_split_clitics_object_or_agent_after_a_verb(verb, relation):
    rows = [_row(1, "Ia", "PRON", 2, "nsubj"), _row(2, verb, "VERB", 0, "root")]
    out = corpora.split_clitics(rows, whole=set(), known=KNOWN)
    assert _triples(out)[2] == ("nya", "PRON", 2, relation)


def test_split_clitics_after_a_preposition_the_pronoun_heads():
    # Ia bicara kepadanya: kepada becomes the case marker of nya, which takes its place as obl
    rows = [_row(1, "Ia", "PRON", 2, "nsubj"), _row(2, "bicara", "VERB", 0, "root"),
            _row(3, "kepadanya", "ADP", 2, "obl")]
    out = corpora.split_clitics(rows, whole=set(), known=KNOWN)
    assert _triples(out)[2:] == [("kepada", "ADP", 4, "case"), ("nya", "PRON", 2, "obl")]


@pytest.mark.parametrize("form,upos,whole", [
    ("lainnya", "NOUN", {"lainnya"}),  # kept whole by the current-scheme corpus
    ("tanya", "NOUN", set()),  # host too short to be a word
    ("akhirnya", "ADV", set()),  # adverbs in -nya are lexicalised
    ("hidungnya", "NOUN", set()),  # host not a known word: leave it alone
])
def test_split_clitics_leaves_words_whose_nya_is_not_a_clitic(form, upos, whole):
    rows = [_row(1, form, upos, 0, "root")]
    assert _triples(corpora.split_clitics(rows, whole=whole, known=KNOWN | {"lain", "akhir"})) == _triples(rows)


def test_harmonise_csui_possessive_nya_is_a_pronoun():
    rows = [_row(1, "rumah", "NOUN", 0, "root"), _row(2, "nya", "DET", 1, "det"),
            _row(3, "itu", "DET", 1, "det")]
    out = corpora.harmonise_csui(rows)
    assert (out[1][3], out[1][7]) == ("PRON", "nmod:poss")
    assert (out[2][3], out[2][7]) == ("DET", "det")  # only the clitic changes


def test_harmonise_csui_attaches_punctuation_as_gsd():
    # Ia datang , lalu pergi : CSUI hangs the comma on the previous word, GSD on the next conjunct
    rows = [_row(1, "Ia", "PRON", 2, "nsubj"), _row(2, "datang", "VERB", 0, "root"),
            _row(3, ",", "PUNCT", 2, "punct"), _row(4, "lalu", "ADV", 5, "advmod"),
            _row(5, "pergi", "VERB", 2, "conj")]
    assert [int(r[6]) for r in corpora.harmonise_csui(rows)] == [2, 0, 5, 5, 2]


def test_harmonise_words_salah_satu_and_pronouns():
    # salah satu tokoh: GSD 2.1 hung satu on salah (fixed) and salah on the noun (det)
    rows = [_row(1, "salah", "DET", 3, "det"), _row(2, "satu", "DET", 1, "fixed"),
            _row(3, "tokoh", "NOUN", 0, "root"), _row(4, "apa", "NOUN", 3, "nmod")]
    out = corpora.harmonise_words(rows, pron={"apa"})
    assert _triples(out) == [("salah", "ADJ", 2, "advmod"), ("satu", "NUM", 3, "nummod"),
                             ("tokoh", "NOUN", 0, "root"), ("apa", "PRON", 3, "nmod")]


def test_harmonise_words_satu_as_a_determiner_is_a_numeral():
    rows = [_row(1, "satu", "DET", 2, "det"), _row(2, "rumah", "NOUN", 0, "root")]
    assert _triples(corpora.harmonise_words(rows, pron=set()))[0] == ("satu", "NUM", 2, "nummod")


def test_harmonise_classes_closed_words_ber_verbs_and_noun_determiners():
    # namun dia sendiri berbeda dengan armada Jepang (GSD 2.1 tags)
    rows = [_row(1, "namun", "SCONJ", 4, "mark"), _row(2, "dia", "PRON", 4, "nsubj"),
            _row(3, "sendiri", "ADJ", 2, "amod"), _row(4, "berbeda", "ADJ", 0, "root"),
            _row(5, "armada", "NOUN", 4, "obl"), _row(6, "Jepang", "PROPN", 5, "det"),
            _row(7, "berat", "ADJ", 5, "amod")]
    closed = {"namun": "CCONJ", "sendiri": "DET", "dia": "PRON"}
    out = corpora.harmonise_classes(rows, closed, known={"beda", "armada", "at"})
    assert _triples(out) == [("namun", "CCONJ", 4, "cc"), ("dia", "PRON", 4, "nsubj"),
                             ("sendiri", "DET", 2, "det"), ("berbeda", "VERB", 0, "root"),
                             ("armada", "NOUN", 4, "obl"), ("Jepang", "PROPN", 5, "nmod"),
                             ("berat", "ADJ", 5, "amod")]  # ber- + a three-letter rest is no verb


def test_closed_class_words_need_a_steady_majority(tmp_path):
    lines = []
    for n, (word, upos) in enumerate([("namun", "CCONJ")] * 6 + [("namun", "ADV")] + [("para", "DET")] * 3
                                     + [("ini", "DET")] * 3 + [("ini", "PRON")] * 3 + [("rumah", "NOUN")] * 4, 1):
        lines.append(f"{n}\t{word}\t{word}\t{upos}\t_\t_\t0\troot\t_\t_")
    path = tmp_path / "ud.conllu"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    assert corpora.closed_class_words(path) == {"namun": "CCONJ", "para": "DET"}


def test_map_bio_can_leave_dropped_labels_unannotated():
    assert corpora.map_bio(["B-IND", "I-IND", "O", "B-PPL"], dropped=None) == [None, None, "O", "B-PER"]
    assert corpora.map_bio(["B-IND", "I-PPL"], dropped=None) == [None, "B-PER"]  # I after a gap starts a span


def test_case_table_keeps_the_usual_spelling_and_skips_first_words():
    table = corpora.case_table([["Kemarin", "DPR", "di", "Jakarta"], ["Dpr", "dpr", "DPR", "yang"], ["Yang", "lain"]])
    assert table["dpr"] == "DPR" and table["jakarta"] == "Jakarta" and table["yang"] == "yang"
    assert "kemarin" not in table  # only ever seen opening a sentence


def test_truecase_a_lower_cased_sentence():
    table = {"dpr": "DPR", "di": "di", "senin": "Senin", "pusat": "pusat"}
    words = ["anggota", "dpr", "amos", "kenda", "tiba", "di", "jakarta", "pusat", "senin", ".", "ia", "pulang"]
    tags = ["O", "B-IND", "B-PPL", "I-PPL", "O", "O", "B-PLC", "I-PLC", "O", "O", "O", "O"]
    assert corpora.truecase(words, tags, table) == [
        "Anggota", "DPR", "Amos", "Kenda", "tiba", "di", "Jakarta", "Pusat", "Senin", ".", "Ia", "pulang"]


def test_lowercased_bio_docs_truecase_and_leave_unmapped_labels_open(tmp_path):
    path = tmp_path / "nerp.txt"
    path.write_text("presiden\tO\njokowi\tB-PPL\nmeluncurkan\tO\nandromax\tB-IND\ndi\tO\nbandung\tB-PLC\n", encoding="utf-8")
    doc = next(corpora.lowercased_bio_docs(path, spacy.blank("id").vocab, {"di": "di"}))
    assert doc.text.split() == ["Presiden", "Jokowi", "meluncurkan", "Andromax", "di", "Bandung"]
    assert [(e.text, e.label_) for e in doc.ents] == [("Jokowi", "PER"), ("Bandung", "LOC")]
    assert doc[3].ent_iob_ == ""  # the product is neither an entity nor O: not annotated
    assert doc[2].ent_iob_ == "O"


def test_pretraining_texts_true_case_lowercased_sentences_and_drop_repeats(tmp_path):
    conllu = tmp_path / "ud.conllu"
    conllu.write_text("# text = DPR rapat .\n1\tDPR\tDPR\tPROPN\t_\t_\t2\tnsubj\t_\t_\n"
                      "2\trapat\trapat\tVERB\t_\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n",
                      encoding="utf-8")
    cased = tmp_path / "ner.tsv"
    cased.write_text("Kemarin\tO\nDPR\tB-ORG\nrapat\tO\n\nDPR\tB-ORG\nrapat\tO\n.\tO\n", encoding="utf-8")
    lower = tmp_path / "nerp.txt"
    lower.write_text("ketua\tO\ndpr\tB-IND\ntiba\tO\n", encoding="utf-8")
    texts = corpora.pretraining_texts([conllu], [cased], [lower])
    assert texts == ["DPR rapat .", "Kemarin DPR rapat", "Ketua DPR tiba"]


CONLLU = ("1\tDia\tdia\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
          "2\tdatang\tdatang\tVERB\t_\t_\t0\troot\t_\t_\n\n")


def test_convert_counts_the_target_ner_corpus_twice(tmp_path):
    from spacy.tokens import DocBin

    datasets = tmp_path / "datasets"
    for rel in (build.UD_TRAIN, build.UD_OLD_TRAIN, build.UD_DEV):
        (datasets / rel).parent.mkdir(parents=True, exist_ok=True)
        (datasets / rel).write_text(CONLLU, encoding="utf-8")
    for name, (train, dev) in corpora.NER_SPLITS.items():
        (datasets / "ner" / name).mkdir(parents=True, exist_ok=True)
        for split in (train, dev):
            (datasets / "ner" / name / split).write_text(f"{name.title()}\tB-PERSON\ndatang\tO\n\n", encoding="utf-8")
    plan = build.BuildPlan(datasets=datasets, scratch=tmp_path / "scratch", target=tmp_path / "model",
                           say=lambda text: None)
    files = build.convert(plan)
    vocab = spacy.blank("id").vocab
    names = [doc[0].text for doc in DocBin().from_disk(files["train"]).get_docs(vocab) if doc.ents]
    assert sorted(names) == ["Nergrit", "Nerugm", "Nerui", "Nerui"]
    plan.ner_repeat = {}
    files = build.convert(plan)
    names = [doc[0].text for doc in DocBin().from_disk(files["train"]).get_docs(vocab) if doc.ents]
    assert sorted(names) == ["Nergrit", "Nerugm", "Nerui"]
