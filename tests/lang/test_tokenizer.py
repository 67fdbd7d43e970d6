"""The news tokenizer: abbreviations, dates, times, reduplication, quotes and dateline dashes."""

import pytest
import spacy

from warta.errors import ResourceError
from warta.lang.tokenizer import customise_tokenizer, load_abbreviations, parse_abbreviations


@pytest.fixture(scope="module")
def nlp():
    return customise_tokenizer(spacy.blank("id"))


@pytest.mark.parametrize(
    "text,tokens",
    [
        ("Menlu AS bertemu Wapres", ["Menlu", "AS", "bertemu", "Wapres"]),
        ("di DK PBB.", ["di", "DK", "PBB", "."]),  # the period after an acronym ends the sentence
        ("Jl. Sudirman No. 5", ["Jl.", "Sudirman", "No.", "5"]),
        ("beras, gula dll. dan", ["beras", ",", "gula", "dll.", "dan"]),
        ("rapat dsb. lalu", ["rapat", "dsb.", "lalu"]),
        ("Rp 5 juta", ["Rp", "5", "juta"]),
        ("Prof. Dr. H. Ahmad, S.H.", ["Prof.", "Dr.", "H.", "Ahmad", ",", "S.H."]),
        ("a.n. Menteri u.p. Kepala", ["a.n.", "Menteri", "u.p.", "Kepala"]),
        ("Budi dkk. ditahan", ["Budi", "dkk.", "ditahan"]),
        ("pada 14/5 lalu", ["pada", "14/5", "lalu"]),
        ("Minggu (23/3/2019).", ["Minggu", "(", "23/3/2019", ")", "."]),
        ("pukul 09:04 WIB", ["pukul", "09:04", "WIB"]),
        ("anak-anak dan negara-negara", ["anak-anak", "dan", "negara-negara"]),
        ("rudal-rudalnya", ["rudal-rudalnya"]),  # reduplication not in spaCy's list, with a clitic
        ("Anak-anak", ["Anak-anak"]),  # capitalised first half
        ("“Kami siap,” kata Pompeo.", ["“", "Kami", "siap", ",", "”", "kata", "Pompeo", "."]),
        ('"Ya," ujarnya.', ['"', "Ya", ",", '"', "ujarnya", "."]),
        ("Moskow, Jurnas.com - Presiden", ["Moskow", ",", "Jurnas.com", "-", "Presiden"]),
        ("Moskow, Jurnas.com -Presiden", ["Moskow", ",", "Jurnas.com", "-", "Presiden"]),  # glued dash
        ("JAKARTA, KOMPAS.com—Presiden", ["JAKARTA", ",", "KOMPAS.com", "—", "Presiden"]),
        ("di Jakarta.Presiden", ["di", "Jakarta", ".", "Presiden"]),  # missing space after a period
        ("10.000 orang", ["10.000", "orang"]),  # a thousands separator is not a glued sentence
    ],
)
def test_tokenizer_splits_news_text(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens


def test_abbreviations_reject_unknown_keys_naming_the_entry():
    with pytest.raises(ResourceError, match=r"user.yaml: entry 1 \('Xy\.'\) has unknown keys \['nota'\]"):
        parse_abbreviations([{"text": "Xy.", "nota": "typo"}], "user.yaml")


def test_abbreviations_need_a_note():
    with pytest.raises(ResourceError, match="needs a 'note'"):
        parse_abbreviations([{"text": "Xy."}], "user.yaml")


def test_user_abbreviations_extend_the_shipped_ones(tmp_path):
    user = tmp_path / "abbr.yaml"
    user.write_text('- {text: "Kol.", note: "kolonel"}\n', encoding="utf-8")
    entries = load_abbreviations(user)
    nlp = customise_tokenizer(spacy.blank("id"), entries)
    assert [t.text for t in nlp("Kol. Budi")] == ["Kol.", "Budi"]
    assert any(a.text == "dll." and a.final for a in entries)


_BARE = {"nlp": {"tokenizer": {"@tokenizers": "warta.bare_tokenizer.v1"}}}  # no special case built twice

# What a special case left out of the tokenizer (``kept_whole``) is tried with: spaCy's prefixes
# and suffixes (brackets, quotes, dashes, currencies, markup; stops, clitics, units, percent).
_BEFORE = ["(", '"', "“", "«", "[", "-", "—", "Rp", "USD", "US$", "$", "<b/>", "#", "/", "§", "+", "…", "A"]
_AFTER = [")", '"', "”", "»", "]", ",", ".", "...", "!", "?", ":", ";", "-", "—", "%", "-nya", "-ku", "-mu",
          "</b>", "'", "2", "nya"]


def test_special_cases_left_out_give_the_same_tokens():
    """Leaving out the special cases the patterns keep whole (about 5,000 reduplications) changes no
    token, whatever stands around them; checked against the tokenizer with every special case."""
    from spacy.attrs import ORTH

    def tokenizer(every_rule):
        nlp = spacy.blank("id", config=_BARE)
        saved = (nlp.Defaults.tokenizer_exceptions, nlp.Defaults.url_match)
        return customise_tokenizer(nlp, saved=saved, every_rule=every_rule).tokenizer

    full, lean = tokenizer(True), tokenizer(False)
    left_out = sorted(set(full.rules) - set(lean.rules))
    assert len(left_out) > 4000  # spaCy's reduplications
    assert all(full.rules[text] == [{ORTH: text}] for text in left_out)
    assert "anak-anak" in left_out and "bolak-balik" in lean.rules  # not a reduplication: kept
    chunks = []  # each text alone, in brackets, before a stop, and with affixes in turn
    for i, text in enumerate(left_out):
        chunks += [text, f"({text})", f"{text}.", f"{_BEFORE[i % len(_BEFORE)]}{text}",
                   f"{text}{_AFTER[i % len(_AFTER)]}", f"{text}{_AFTER[(i + 7) % len(_AFTER)]}",
                   f"{_BEFORE[(i + 5) % len(_BEFORE)]}{text}{_AFTER[(i + 3) % len(_AFTER)]}"]
    for start in range(0, len(chunks), 5000):
        text = " ".join(chunks[start:start + 5000]) + "\n" + "\n\n".join(chunks[start:start + 50])
        assert [(t.text, t.whitespace_, t.norm_) for t in full(text)] == [(t.text, t.whitespace_, t.norm_) for t in lean(text)]


def test_special_cases_loaded_on_demand_give_the_same_tokens():
    """The hyphenated special cases ``NewsTokenizer`` loads when a text first holds one give the
    tokens of a tokenizer built with all of them, text after text, whatever stands around them:
    alone, inside a longer chunk the infixes split, with affixes, with spaces around the hyphen."""
    from spacy.tokenizer import Tokenizer

    from warta.lang import tokenizer as module

    def tokenizer(cls):
        nlp = spacy.blank("id", config=_BARE)
        saved = (nlp.Defaults.tokenizer_exceptions, nlp.Defaults.url_match)
        built, module.NewsTokenizer = module.NewsTokenizer, cls
        try:
            return customise_tokenizer(nlp, saved=saved).tokenizer
        finally:
            module.NewsTokenizer = built

    full, lazy = tokenizer(Tokenizer), tokenizer(module.NewsTokenizer)
    assert isinstance(lazy, module.NewsTokenizer) and not isinstance(full, module.NewsTokenizer)
    pending = sorted(lazy._pending)
    assert len(pending) > 10000 and "bolak-balik" in pending and "bolak-balik" in lazy.rules
    assert lazy.rules == full.rules  # every rule listed, loaded or not
    # 'A - B-C-z' with the cases A-B and B-C: the final pass finds both, A-B across the spaces; of
    # two found at once, the earlier is kept and B-C is not joined (A-B, with spaces, is not a rule)
    ending = {text.split("-")[-1]: text for text in pending if text.count("-") == 1}
    crossing = [f"{ending[text.split('-')[0]].split('-')[0]} - {text}-z" for text in pending
                if text.count("-") == 1 and text.split("-")[0] in ending]
    assert len(crossing) > 500
    forms = [crossing] + [[] for _ in range(5)]  # one kind of context a text: the first text holding
    for i, text in enumerate(pending):  # a case is, for each case, one where it stands inside a chunk
        before, after = _BEFORE[i % len(_BEFORE)], _AFTER[(i + 3) % len(_AFTER)]
        for kind, form in enumerate([f"x-{text}", f"{before}{text}{after}", text.replace("-", " - ", 1),
                                     f"({text.upper()}),", text], 1):
            forms[kind].append(form)
    attrs = ["ORTH", "NORM", "SPACY", "IDX"]
    for kind in forms:
        for start in range(0, len(kind), 50):  # fifty forms a text: each text loads what it holds
            text = " ".join(kind[start:start + 50]) + "\n" + "\n\n".join(kind[start:start + 3])
            assert lazy(text).to_array(attrs).tolist() == full(text).to_array(attrs).tolist()
    assert not lazy._pending  # every case was found and loaded
    again = tokenizer(module.NewsTokenizer)
    again.to_bytes()  # serialising loads every special case first
    assert not again._pending
