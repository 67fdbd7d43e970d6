"""Selective parsing: only sentences with an event verb are parsed, boundaries stay, all on request."""

import pytest

from warta import lang, pipeline
from warta.lang.parsing import SelectiveParser

TEXT = "Rusia menyerang Ukraina pada Senin. Cuaca di Jakarta cerah sepanjang hari. Ia pulang ke rumah."


def labelled(sent) -> list[bool]:
    return [bool(t.dep_) for t in sent if not t.is_space]


@pytest.fixture(scope="module")
def nlp(nlp):
    """Warta's pipeline (``pipeline.nlp``): the parser runs on the sentences the events stage reads."""
    return pipeline.nlp()


def test_the_language_layer_alone_parses_every_sentence(nlp):
    # no stage chose the sentences: lang.load() parses them all
    assert all(all(labelled(s)) for s in lang.load()(TEXT).sents)


def test_only_the_sentence_with_an_event_verb_is_parsed(nlp):
    attack, weather, home = nlp(TEXT).sents
    assert all(labelled(attack))
    assert [t.dep_ for t in attack if t.dep_ == "ROOT"] == ["ROOT"]
    assert not any(labelled(weather)) and not any(labelled(home))
    assert all(t.head == t for t in weather)  # no head: unparsed, not attached somewhere


def test_partial_parse_keeps_the_rule_sentence_boundaries(nlp):
    texts = [s.text for s in nlp(TEXT).sents]
    assert texts == ["Rusia menyerang Ukraina pada Senin.", "Cuaca di Jakarta cerah sepanjang hari.", "Ia pulang ke rumah."]
    assert [s.text for s in nlp(TEXT, component_cfg=lang.PARSE_ALL).sents] == texts


def test_every_sentence_is_parsed_on_request(nlp):
    for doc in [nlp(TEXT, component_cfg=lang.PARSE_ALL), *nlp.pipe([TEXT], component_cfg=lang.PARSE_ALL)]:
        assert all(all(labelled(s)) for s in doc.sents)


def test_a_text_without_event_verbs_has_no_parse(nlp):
    doc = nlp("Cuaca di Jakarta cerah sepanjang hari.")
    assert not doc.has_annotation("DEP")
    assert nlp("Cuaca di Jakarta cerah sepanjang hari.", component_cfg=lang.PARSE_ALL).has_annotation("DEP")


def test_the_selected_parse_is_the_sentence_parse(nlp):
    # a chosen sentence is parsed on its own, as UD evaluation parses it: same heads and labels
    doc = nlp(TEXT)
    alone = nlp("Rusia menyerang Ukraina pada Senin.", component_cfg=lang.PARSE_ALL)
    attack = next(doc.sents)
    assert [(t.head.i, t.dep_) for t in attack] == [(t.head.i, t.dep_) for t in alone]


def test_a_custom_selection(nlp):
    selective = SelectiveParser(nlp.get_pipe("parser"), select=lambda doc: [s for s in doc.sents if "Jakarta" in s.text])
    with nlp.select_pipes(disable=["warta_parser"]):
        docs = list(nlp.pipe([TEXT, "Tidak ada apa-apa."]))
    first, second = selective.pipe(docs, batch_size=1)
    assert [any(labelled(s)) for s in first.sents] == [False, True, False]
    assert not second.has_annotation("DEP")
