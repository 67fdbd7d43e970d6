"""The one rule-file loader: per-entry key checks, merge by key, ``enabled: false``, the user file."""

from __future__ import annotations

import pytest

from warta.errors import ResourceError
from warta.resources import load_rules

SHIPPED = ("shipped.yaml", "- {name: a, note: x}\n- {name: b, note: y}\n- {name: c, note: z, enabled: false}\n")


def _user(tmp_path, text):
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_entries_without_the_switched_off_ones():
    assert [e["name"] for e in load_rules(SHIPPED, key="name", allowed={"name", "note"})[None]] == ["a", "b"]


def test_user_file_replaces_in_place_switches_off_and_adds(tmp_path):
    user = _user(tmp_path, "- {name: b, note: mine}\n- {name: a, enabled: false}\n- {name: d, note: new}\n")
    got = load_rules(SHIPPED, key="name", allowed={"name", "note"}, user_file=user)[None]
    assert got == [{"name": "b", "note": "mine"}, {"name": "d", "note": "new"}]


def test_user_file_comes_from_the_stage_setting(tmp_path, monkeypatch):
    user = _user(tmp_path, "- {name: c, note: back on}\n")
    monkeypatch.setenv("WARTA_EVENT_LEXICON", str(user))
    got = load_rules(SHIPPED, key="name", allowed={"name", "note"}, setting="event_lexicon")[None]
    assert [e["name"] for e in got] == ["a", "b", "c"]


@pytest.mark.parametrize("text,message", [
    ("- {name: a, note: x, colour: red}\n", "mine.yaml: entry 1 ('a'): unknown keys ['colour']"),
    ("- {name: a, disable: true}\n", "write `enabled: false`"),
    ("- {note: x, enabled: false}\n", "mine.yaml: entry 1: `enabled: false` needs the 'name'"),
    ("- {name: a, enabled: no way}\n", "enabled must be true or false"),
    ("- {name: e}\n", "mine.yaml: entry 1 ('e'): missing keys ['note']"),
    ("{name: a}\n", "expected a list of entries"),
])
def test_bad_user_entries_name_the_file_and_the_entry(tmp_path, text, message):
    with pytest.raises(ResourceError) as error:
        load_rules(SHIPPED, key="name", allowed={"name", "note"}, required={"name", "note"},
                   user_file=_user(tmp_path, text))
    assert message in str(error.value)


def test_unreadable_user_file_is_one_line(tmp_path):
    with pytest.raises(ResourceError, match="nope.yaml: cannot read"):
        load_rules(SHIPPED, key="name", allowed={"name", "note"}, user_file=tmp_path / "nope.yaml")


def test_each_stage_accepts_enabled_false(tmp_path):
    from warta.lang.tokenizer import load_abbreviations
    from warta.quotes.lexicon import load_lexicon as quotes
    from warta.time.lexicon import load_lexicon as timex

    abbr = _user(tmp_path, "- {text: dll., enabled: false}\n")
    assert "dll." not in {a.text for a in load_abbreviations(abbr)}
    assert "dll." in {a.text for a in load_abbreviations()}
    cues = tmp_path / "cues.yaml"
    cues.write_text("cues:\n  - {name: kata, enabled: false}\n", encoding="utf-8")
    assert "kata" not in quotes(cues).cues and "kata" in quotes().cues
    words = tmp_path / "words.yaml"
    words.write_text("months:\n  - {name: Mei, enabled: false}\n", encoding="utf-8")
    assert "Mei" not in {w.name for w in timex(words).words("months")}


def test_actor_files_accept_enabled_false(tmp_path):
    from tests.actors.conftest import FIXTURE
    from warta.actors import gazetteer
    from warta.actors.lexicon import load as actor_words
    from warta.actors.text import tokenise

    off = _user(tmp_path, "- {id: per:mike-pompeo, enabled: false}\n")
    assert "per:mike-pompeo" in gazetteer.load_records(FIXTURE)
    assert "per:mike-pompeo" not in gazetteer.load_records(FIXTURE, off)
    roles = tmp_path / "roles.yaml"
    roles.write_text("- {role: Wakil Presiden, enabled: false}\n", encoding="utf-8")
    tokens = tokenise("Wakil Presiden Budi")
    assert "Wakil Presiden" in {d.role for d in actor_words().roles.at(tokens, 0)[1]}
    hit = actor_words(roles).roles.at(tokens, 0)
    assert "Wakil Presiden" not in {d.role for d in (hit[1] if hit else [])}
    groups = tmp_path / "groups.yaml"
    groups.write_text("- {group: given_names, enabled: false}\n", encoding="utf-8")
    assert actor_words().groups["given_names"].at(tokens, 2) is not None
    assert actor_words(groups).groups["given_names"].at(tokens, 2) is None
