"""The three-letter PREFIX feature: set by the after_creation callback, on old and new lexemes."""

import spacy
from spacy import util

from warta.lang import features


def test_prefix_is_the_first_three_letters_lower_cased():
    assert features.prefix("Membeli") == "mem"
    assert features.prefix("di") == "di"


def test_callback_sets_prefix_on_existing_and_new_lexemes():
    nlp = spacy.blank("id")
    existing = next(iter(nlp.vocab)).orth_  # a lexeme created before the callback runs
    features.affix_features()(nlp)
    assert nlp.vocab[existing].prefix_ == existing[:3].lower()
    assert [t.prefix_ for t in nlp.make_doc("Pemerintah dibeli berasnya")] == ["pem", "dib", "ber"]


def test_other_pipelines_keep_spacys_default_prefix():
    features.affix_features()(spacy.blank("id"))
    assert spacy.blank("id").vocab["Membeli"].prefix_ == "M"


def test_config_names_the_callback():
    config = util.load_config_from_str(
        '[nlp]\nlang = "id"\npipeline = []\nafter_creation = {"@callbacks":"warta.affix_features.v1"}\n'
        "[components]\n"
    )
    nlp = util.load_model_from_config(config, auto_fill=True)
    assert nlp.vocab["Berjalan"].prefix_ == "ber"
