"""The timex word lists: strict loading, user overrides, and every example recognised."""

from __future__ import annotations

import pytest

from warta.errors import ResourceError
from warta.time import find_timex
from warta.time.lexicon import load_lexicon, parse_lexicon


def test_lexicon_rejects_unknown_keys_naming_file_and_entry():
    with pytest.raises(ResourceError, match=r"my.yaml: months entry 'Mei': unknown keys \['colour'\]"):
        parse_lexicon({"months": [{"name": "Mei", "value": 5, "note": "x", "colour": "red"}]}, "my.yaml")


@pytest.mark.parametrize(
    "data,message",
    [
        ({"bulan": []}, "unknown sections"),
        ({"months": [{"name": "Mei", "value": 5}]}, "missing 'note'"),
        ({"months": [{"name": "Mei", "value": "lima", "note": "x"}]}, "whole number"),
        ({"numbers": [{"name": "x", "value": 1, "note": "x", "kind": "odd"}]}, "kind must be"),
        ({"tense_cues": [{"name": "x", "value": "soon", "note": "x"}]}, "'future' or 'past'"),
        ({"months": "Mei"}, "must be a list"),
    ],
)
def test_lexicon_rejects_bad_entries(data, message):
    with pytest.raises(ResourceError, match=message):
        parse_lexicon(data, "user.yaml")


def test_lexicon_user_file_adds_a_word(tmp_path):
    user = tmp_path / "words.yaml"
    user.write_text("relative_days:\n  - {name: tulat, value: 3, note: 'three days ahead (Malay)'}\n", encoding="utf-8")
    lex = load_lexicon(user)
    assert [t.value for t in find_timex("tulat", "2019-05-12", lexicon=lex)] == ["2019-05-15"]
    assert find_timex("tulat", "2019-05-12") == []  # the shipped lists are untouched


def test_lexicon_missing_user_file_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceError, match="no such word-list file"):
        load_lexicon(tmp_path / "nope.yaml")


def test_lexicon_every_example_is_recognised():
    lex = load_lexicon()
    missed = []
    for section, words in lex.sections.items():
        for word in words:
            if not word.example:
                continue
            found = find_timex(word.example, "2019-05-12", lexicon=lex)
            # year blockers show numbers that must not be read as years
            if bool(found) == (section == "year_blockers"):
                missed.append((section, word.name, word.example))
    assert missed == []
