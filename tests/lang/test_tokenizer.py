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
