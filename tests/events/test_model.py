"""The learned trigger model: features, fitting, retyping and proposing on our own sentences, the file format,
and the shipped model against what `warta train-events` builds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.tokens import Doc

from warta.errors import ResourceError
from warta.events import code_events, lexicon, matcher, model, training

from warta.article import Article

from tests.events.conftest import link

ROOT = Path(__file__).resolve().parents[2]
TRAIN = ROOT / "../shared/corpus/realnews_train/passages.jsonl"
VOCAB = spacy.blank("id").vocab


def parsed(words: list[str], lemmas: list[str], pos: list[str]) -> Doc:
    """A Doc with the lemmas and parts of speech the language layer would give (one sentence)."""
    doc = Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, sent_starts=[True] + [False] * (len(words) - 1))
    return doc


# our own sentences: "Menteri mendamprat kebijakan Jepang" (a scolding: ACCUSE), "Rusia menandatangani nota
# dengan Iran" (a signing), "Warga mendamprat soal menu makan siang" (grumbling about lunch: no event)
CLASH = (["Menteri", "mendamprat", "kebijakan", "Jepang", "."], ["menteri", "damprat", "bijak", "Jepang", "."],
         ["NOUN", "VERB", "NOUN", "PROPN", "PUNCT"])
SIGN = (["Rusia", "menandatangani", "nota", "dengan", "Iran", "."],
        ["Rusia", "tandatangan", "nota", "dengan", "Iran", "."], ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"])
LUNCH = (["Warga", "mendamprat", "soal", "menu", "makan", "siang", "?"],
         ["warga", "damprat", "soal", "menu", "makan", "siang", "?"],
         ["NOUN", "VERB", "ADP", "NOUN", "VERB", "NOUN", "PUNCT"])


def gold(doc: Doc, word: str, type_: str) -> list[training.GoldTrigger]:
    at = doc.text.index(word)
    return [training.GoldTrigger(at, at + len(word), type_)]


def test_features_name_the_word_its_lemma_neighbours_and_the_lexicon_entry():
    doc = parsed(*SIGN)
    entry = lexicon.Entry(name="menandatangani perjanjian", type="AGREE", note="n")
    feats = model.features(model.Words(doc), 1, entry, (0, len(doc)))
    assert {"w=menandatangani", "l=tandatangan", "pos=VERB", "p3=men", "t=AGREE", "e=menandatangani perjanjian",
            "l-1=rusia", "l+1=nota", "e+1=menandatangani perjanjian|nota"} <= set(feats)
    # outside the sentence bounds a neighbour is the sentence edge
    assert "l-2=<s>" in feats and "l-1=<s>" in model.features(model.Words(doc), 1, None, (1, len(doc)))


def test_fit_learns_separable_labels_and_is_deterministic():
    rows = [["bias", "l=bentrok", "l+1=dengan"], ["bias", "l=bentrok", "l+1=soal"], ["bias", "l=serbu"],
            ["bias", "l=makan"], ["bias", "l=makan", "l+1=dengan"]]
    labels = ["ASSAULT", "NONE", "ASSAULT", "NONE", "NONE"]
    classes, index, w = training.fit(rows, labels, l2=1e-4, steps=200)
    again = training.fit(rows, labels, l2=1e-4, steps=200)
    assert classes == ("NONE", "ASSAULT") and numpy.array_equal(w, again[2])
    m = model.TriggerModel(classes, index, w, frozenset(), 0.5, 0.5, frozenset())
    assert [classes[k] for k in m.probabilities(rows).argmax(axis=1)] == labels


def test_gold_triggers_are_every_occurrence_and_the_head_skips_auxiliaries():
    body = "Polisi akan menangkap dia. Polisi akan menangkap dia lagi."
    found = training.gold_triggers(body, [{"trigger": "akan menangkap", "type": "COERCE"}, {"trigger": "x", "type": "?"}])
    assert [(g.start, g.type) for g in found] == [(7, "COERCE"), (34, "COERCE")]
    doc = parsed(["Polisi", "akan", "menangkap", "dia"], ["polisi", "akan", "tangkap", "dia"], ["NOUN", "AUX", "VERB", "PRON"])
    assert training.head(doc[1:3]) == 2


# a lexicon of our own: expelling is SANCTION here, and the gold below says COERCE (a convention to learn)
LEX = lexicon.build(lexicon.read_entries(
    "- {name: mengusir, type: SANCTION, root: usir, affixes: [meN], note: expelling}", "own.yaml"))
EXPEL = (["Rusia", "mengusir", "diplomat", "Jepang", "."], ["Rusia", "usir", "diplomat", "Jepang", "."],
         ["PROPN", "VERB", "NOUN", "PROPN", "PUNCT"])


def _trained(passages, lex=LEX):
    return training.train(lex, passages, min_vocab=1, min_rate=0.2, l2=1e-4, retype=0.5, propose=0.5, steps=300)


def test_trained_model_proposes_a_word_the_lexicon_lacks():
    clash, lunch = parsed(*CLASH), parsed(*LUNCH)
    m = _trained([(clash, gold(clash, "mendamprat", "ACCUSE")), (lunch, [])])
    assert m.vocab == {"damprat"}
    out = model.apply(m, [[]], model.Words(clash), [(0, len(clash))], matcher.Match)
    assert [(x.start, x.type, x.pattern.pos) for x in out[0]] == [(1, "ACCUSE", "verb")]
    # the same word where it was no event in training is not proposed
    assert model.apply(m, [[]], model.Words(lunch), [(0, len(lunch))], matcher.Match) == [[]]


def test_trained_model_retypes_an_entry_the_gold_types_otherwise():
    expel = parsed(*EXPEL)
    m = _trained([(expel, gold(expel, "mengusir", "COERCE"))])
    assert m.entries == {"mengusir"}
    found = matcher.find(LEX, expel[0:len(expel)], offset=0)
    assert [x.type for x in found] == ["SANCTION"]  # the lexicon's type...
    retyped = model.apply(m, [found], model.Words(expel), [(0, len(expel))], matcher.Match)
    assert [x.type for x in retyped[0]] == ["COERCE"]  # ...and the convention the gold follows
    # an entry the gold gives its own type is not scored at run time
    m = _trained([(expel, gold(expel, "mengusir", "SANCTION"))])
    assert m.entries == frozenset()


def test_code_events_with_a_model_codes_the_proposed_trigger_with_its_actors():
    clash = parsed(*CLASH)
    m = _trained([(clash, gold(clash, "mendamprat", "ACCUSE"))], lexicon.load())
    body = "Rusia mendamprat kebijakan Ukraina ."
    doc = parsed(["Rusia", "mendamprat", "kebijakan", "Ukraina", "."], ["Rusia", "damprat", "bijak", "Ukraina", "."],
                 ["PROPN", "VERB", "NOUN", "PROPN", "PUNCT"])
    art = Article(body=body)
    art.entities = link(body)
    coded = [(e.type, e.source.actor, e.target.actor) for e in code_events(art, doc, triggers=m)]
    assert coded == [("ACCUSE", "RUS", "UKR")]
    assert code_events(art, doc, triggers=None) == []


def test_model_file_round_trips_and_a_bad_file_is_an_error_naming_it():
    clash = parsed(*CLASH)
    m = _trained([(clash, gold(clash, "mendamprat", "ACCUSE"))])
    back = model.TriggerModel.from_dict(json.loads(model.dumps(m.to_dict())))
    assert back.classes == m.classes and back.vocab == m.vocab and back.to_dict() == m.to_dict()
    with pytest.raises(ResourceError, match="my_model.json"):
        model.TriggerModel.from_dict({"classes": ["ASSAULT"], "weights": {}}, "my_model.json")


def test_shipped_model_is_small_and_predicts_deterministically():
    path = ROOT / "src/warta/data/events/trigger_model.json"
    assert path.stat().st_size < 5_000_000
    m = model.load()
    assert m.classes[0] == "NONE" and m.entries and 0 < m.retype <= 1
    rows = [model.features(model.Words(parsed(*s)), 1, None) for s in (CLASH, SIGN, LUNCH)]
    assert numpy.array_equal(m.probabilities(rows), m.probabilities(rows))


@pytest.mark.skipif(not TRAIN.is_file(), reason="../shared/corpus/realnews_train is not here")
def test_shipped_model_is_what_the_training_command_builds():
    from warta.eval import trigger_model

    shipped = json.loads((ROOT / "src/warta/data/events/trigger_model.json").read_text(encoding="utf-8"))
    assert trigger_model.build(TRAIN) == shipped
