"""The language layer's word lists (lang/words.py): the affixes that mark a verb form."""

from __future__ import annotations

from warta.lang.words import affixes


def test_the_verb_affixes_are_read_from_the_data_file():
    assert set(affixes("verb-prefix")) == {"me", "ber", "di", "ter"}
    assert affixes("verb-suffix") == ("kan",)


def test_the_events_stage_reads_the_same_verb_prefixes():
    from warta.events.arguments import VERB_PREFIXES

    assert VERB_PREFIXES == affixes("verb-prefix")
    assert "menyerang".startswith(VERB_PREFIXES) and not "serangan".startswith(VERB_PREFIXES)
