"""Which actor of a sentence is a side of its event: prepositional objects, titles and the like."""

from __future__ import annotations

import pytest

from warta.article import Entity, Mention
from warta.events import code_events

from tests.events.conftest import coded, make_article


def _coded(body):
    art, doc = make_article(body)
    return [(e.type, e.source.actor if e.source else None, e.target.actor if e.target else None)
            for e in code_events(art, doc)]


@pytest.mark.parametrize("body,place", [
    # a country after a word of movement before the trigger is where one goes, never its subject
    ("Pakistan menangguhkan layanan visa ke India, dan meminta Jerman mengurangi stafnya.", "IND"),
    ("Pesawat itu terbang dari Turki dan menyerang Suriah.", "TUR"),
])
def test_a_country_after_a_word_of_movement_is_no_subject(body, place):
    assert place not in {s for _, s, _ in _coded(body)}


@pytest.mark.parametrize("body,side", [
    ("Delegasi dari Jepang bertemu dengan Indonesia di Jakarta.", "JPN"),
    ("Utusan dari China mengunjungi Indonesia pekan lalu.", "CHN"),
])
def test_a_delegation_from_a_country_acts_for_it(body, side):
    assert side in {s for _, s, _ in _coded(body)}


def test_from_after_a_noun_trigger_still_names_its_agent():
    assert ("AID", "JPN", "IDN") in _coded("Bantuan dari Jepang untuk Indonesia tiba kemarin.")


def test_a_hyphenated_pair_is_two_parties():
    coded = _coded("Latihan militer gabungan AS-Filipina dikecam China sebagai provokasi.")
    assert ("ACCUSE", "CHN", "USA") in coded and ("ACCUSE", "CHN", "PHL") in coded


def test_a_dash_between_spaced_names_is_no_pair():
    # "JAKARTA - Indonesia ...": a dateline dash joins nothing
    coded = _coded("Rusia - Indonesia mengecam serangan itu.")
    assert not any(s == "RUS" for _, s, _ in coded)


def test_troops_deployed_are_their_states_and_go_to_the_target():
    # the deployed forces' state mobilises them; "ke Kharkiv" is the goal, never the agent
    assert _coded("Sekitar 5.000 pasukan Rusia telah dikerahkan ke Kharkiv.") == [("MOBILIZE", "RUS", "UKR")]


def test_a_prepositional_object_after_a_passive_is_no_agent():
    assert ("COERCE", "IDN", "IDN") not in _coded("Kapal Vietnam itu diusir dari Natuna kemarin.")


def test_the_seat_of_an_organisation_acting_is_that_organisation():
    art, doc = make_article("Rusia meminta Brussel untuk membatalkan semua pembatasan ekspor.")
    start = art.body.index("Brussel")
    art.entities.append(Entity(id="gpe:brussel", name="Brussel", type="GPE", country="BEL", actor=None,
                               mentions=[Mention(start, start + 7, "Brussel")]))
    assert [(e.type, e.source.actor, e.target.actor) for e in code_events(art, doc)] == [("REQUEST", "RUS", "EU")]


@pytest.mark.parametrize("body", [
    "Israel memuji kelompok militan yang mengecam Suriah.",
    "Pekan lalu Israel bilang kelompok militan yang mengecam Suriah itu kecil.",
])
def test_the_subject_of_a_relative_clause_is_its_head_noun(body):
    # "kelompok militan yang mengecam Suriah": the group condemns, not Israel named before it
    assert ("ACCUSE", "ISR", "SYR") not in _coded(body)


def test_a_named_head_of_a_relative_clause_is_its_subject():
    assert ("ACCUSE", "IRN", "SYR") in _coded("Menurut Israel, Iran, yang mengecam Suriah, kecil.")


def test_a_noun_takes_no_agent_across_a_comma():
    # "Jepang mengecam Rusia, menjelang pertemuan dengan China": Russia is the object of the condemnation,
    # not the one meeting China
    assert _coded("Jepang mengecam Rusia, menjelang pertemuan dengan China.") == [("ACCUSE", "JPN", "RUS")]


@pytest.mark.parametrize("body,expected", [
    # who undergoes the attack is its target, the agent after the noun its source
    ("Kota Kharkiv di Ukraina menjadi sasaran serangan Rusia.", [("ASSAULT", "RUS", "UKR")]),
    # with no agent named there is no event: Ukraine does not attack itself
    ("Ukraina menjadi sasaran serangan pada malam hari.", []),
])
def test_the_one_undergoing_an_act_is_its_target(body, expected):
    assert _coded(body) == expected


def test_a_region_followed_by_its_state_stands_for_that_state():
    # "ke Dataran Tinggi Golan, Israel": the text places the region in Israel; a gazetteer country of the
    # region alone (no actor code) gives way to the state named after the comma
    body = "Iran meluncurkan serangan roket ke Dataran Tinggi Golan, Israel."
    art, doc = make_article(body)
    at = body.index("Dataran")
    art.entities.append(Entity(id="golan", name="Dataran Tinggi Golan", type="GPE", country="SYR",
                               mentions=[Mention(at, at + len("Dataran Tinggi Golan"), "Dataran Tinggi Golan")]))
    assert [(e.type, e.source.actor, e.target.actor) for e in code_events(art, doc)] == [("ASSAULT", "IRN", "ISR")]


def test_a_named_subject_in_a_quotation_is_not_its_speaker():
    # "Musuh menyerang ...," kata Zelensky: the enemy attacked, not Zelensky; "Kami ..." would be his
    body = '"Musuh menyerang Rusia pada malam hari," kata Zelensky.'
    assert coded(body, quotes=[("Musuh menyerang Rusia pada malam hari,", "Volodymyr Zelensky")]) == []
    body = '"Kami menyerang Rusia pada malam hari," kata Zelensky.'
    assert coded(body, quotes=[("Kami menyerang Rusia pada malam hari,", "Volodymyr Zelensky")]) == [("ASSAULT", "UKR", "RUS")]


@pytest.mark.parametrize("body", [
    # review #1: the state after the comma opens the main clause as its subject; Kharkiv stays in Ukraine
    "Usai serangan drone Rusia ke Kharkiv, Amerika Serikat mengecam Moskow.",
    "Setelah serangan rudal Rusia ke Kharkiv, Prancis mengecam Moskow.",
])
def test_a_state_opening_the_next_clause_is_not_the_place_s_state(body):
    coded_ = _coded(body)
    assert ("ASSAULT", "RUS", "USA") not in coded_ and ("ASSAULT", "RUS", "FRA") not in coded_
    assert ("ASSAULT", "RUS", "UKR") in coded_


@pytest.mark.parametrize("body,quote,speaker,expected", [
    # review #2: an adverb before the verb is no noun subject; "Kami" is the speaker's side
    ('"Kami sangat mendukung Ukraina," kata Presiden AS Joe Biden.', "Kami sangat mendukung Ukraina,",
     "Joe Biden", ("SUPPORT", "USA", "UKR")),
    ('"Kami selalu mendukung Palestina," kata Menteri Luar Negeri Retno Marsudi.', "Kami selalu mendukung Palestina,",
     "Retno Marsudi", ("SUPPORT", "IDN", "PSE")),
])
def test_an_adverb_before_the_verb_in_a_quotation_leaves_the_speaker_its_subject(body, quote, speaker, expected):
    assert expected in coded(body, quotes=[(quote, speaker)])


def test_a_subject_keeps_a_noun_trigger_in_its_parenthetical_adjunct():
    # review #4b: "Israel, dalam serangan ... ," the comma opens an adjunct of the subject's own act
    assert ("ASSAULT", "ISR", "PSE") in _coded("Israel, dalam serangan terbarunya ke Rafah, menewaskan 20 warga Palestina.")
    # and still: across a comma before another clause the noun takes no agent from the left
    assert _coded("Jepang mengecam Rusia, menjelang pertemuan dengan China.") == [("ACCUSE", "JPN", "RUS")]
