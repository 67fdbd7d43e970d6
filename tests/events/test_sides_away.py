"""Sides named away from the trigger: the pair of the story ("kedua negara"), "pihaknya", a retaliation,
an enclitic object, an envoy's title (made-up sentences)."""

from __future__ import annotations

import pytest

from tests.events.conftest import coded


def test_a_pair_as_subject_goes_before_the_speaker_and_the_speaker_side_leads():
    # the quoted "kedua negara" are the two sides of the meeting; Jepang speaks, so Jepang leads
    body = ('Kishida bertemu Xi Jinping di Beijing. "Kedua negara sepakat memperluas perdagangan," kata '
            'pemerintah Jepang.')
    assert coded(body, [('"Kedua negara sepakat memperluas perdagangan,"', "Jepang")]) == [
        ("CONSULT", "JPN", "CHN"), ("AGREE", "JPN", "CHN")]
    body = ('Kishida bertemu Xi Jinping di Beijing. "Kedua negara sepakat memperluas perdagangan," kata '
            'pemerintah China.')
    assert coded(body, [('"Kedua negara sepakat memperluas perdagangan,"', "China")]) == [
        ("CONSULT", "JPN", "CHN"), ("AGREE", "CHN", "JPN")]


@pytest.mark.parametrize("body,expected", [
    # the pair after a passive is its agent
    ("Prabowo bertemu Marcos di Manila. Pemulangan itu sudah disepakati kedua negara.",
     [("CONSULT", "IDN", "PHL"), ("AGREE", "IDN", "PHL")]),
    # "masing-masing pihak" are the two sides; Turki, where they talk, is neither
    ("Perundingan Rusia dengan Ukraina di Istanbul, Turki berjalan lancar. Masing-masing pihak sepakat menyusun perjanjian.",
     [("CONSULT", "RUS", "UKR"), ("AGREE", "RUS", "UKR")]),
])
def test_a_pair_names_the_two_sides(body, expected):
    assert coded(body) == expected


def test_a_nearer_pronoun_is_the_subject_not_the_pair():
    # "kami" is the subject of the second "sepakat", not "kedua menteri"
    body = ("Retno Marsudi bertemu Wang Yi di Jakarta. Kedua menteri sepakat memperluas perdagangan, serta kami "
            "sepakat membentuk satuan tugas.")
    assert coded(body) == [("CONSULT", "IDN", "CHN"), ("AGREE", "IDN", "CHN")]


def test_pihaknya_is_the_body_or_state_that_reports():
    assert coded("Rusia mengumumkan pihaknya mengusir 40 diplomat Jerman.") == [("COERCE", "RUS", "DEU")]


def test_a_retaliation_is_against_the_last_side_that_acted():
    assert coded("AS menjatuhkan sanksi terhadap China. China telah berjanji akan membalas.") == [
        ("SANCTION", "USA", "CHN"), ("THREATEN", "CHN", "USA")]


def test_an_enclitic_object_points_back_to_the_act_before():
    body = "AS mengusir 12 diplomat Rusia. Duta Besar Rusia untuk Amerika Serikat, Anatoli Antonov, mengecamnya."
    assert coded(body) == [("COERCE", "USA", "RUS"), ("ACCUSE", "RUS", "USA")]
    # -nya on a noun of the trigger is its possessor, not an object pointing back
    assert coded("AS mengusir 12 diplomat Rusia. Rusia akan menarik pasukannya.") == [("COERCE", "USA", "RUS")]


def test_a_plural_noun_between_a_noun_trigger_and_its_agents():
    # "para pemimpin" between the meeting and the states meeting; one plain noun was already allowed
    assert coded("Pertemuan para pemimpin Rusia dan China akan diawasi ketat.") == [("CONSULT", "RUS", "CHN")]


def test_an_agreement_with_no_other_party_in_its_sentence_is_one_sided():
    # a law agreed: no other party anywhere after the verb (the annotators' "law passed" convention)
    assert coded("Pada Selasa, Indonesia menyetujui revisi undang-undang pemilihan.") == [("AGREE", "IDN", None)]
    # an object pointing back, or another party named after it, is no one-sided agreement
    assert coded("Pada Selasa, Indonesia menyetujui usulan itu.") == []
    assert coded("Pada Selasa, Indonesia menyepakati perjanjian dengan Jepang.") == [("AGREE", "IDN", "JPN")]


def test_the_authorities_of_a_state_are_that_state():
    # "otoritas di Arab Saudi": the state acting, not the place where
    assert coded("Indonesia terus menjalin komunikasi dengan otoritas di Arab Saudi.") == [("CONSULT", "IDN", "SAU")]


def test_a_predicate_after_dan_with_no_subject_shares_the_sentence_subject():
    body = "Indonesia dan Malaysia mengatakan aturan itu tidak adil dan mendesak Uni Eropa mencabutnya."
    assert coded(body) == [("REQUEST", "IDN", "EU"), ("REQUEST", "MYS", "EU")]
    # a sentence not opening with its subject gives none
    assert coded("Menurut laporan itu, aturan tersebut tidak adil dan mendesak Uni Eropa mencabutnya.") == []


def test_who_suffers_an_attack_is_its_target():
    body = "Indonesia mengirim obat kepada rakyat Palestina yang terdampak serangan Israel."
    assert ("ASSAULT", "ISR", "PSE") in coded(body)


def test_dua_points_at_the_pair_only_after_dari():
    # "solusi dua negara" is the two-state solution, not the two sides of the story
    body = ("Israel menyerang Gaza. Indonesia mengecam Israel atas serangan itu. Para pendukung solusi dua negara "
            "bertemu di Paris.")
    assert [e for e in coded(body) if e[0] == "CONSULT"] == []
    # "dari dua negara" points back at the pair
    body = "Prabowo bertemu Marcos di Manila. Pejabat dari dua negara juga telah bertemu di Jakarta."
    assert ("CONSULT", "IDN", "PHL") in coded(body)[1:]


@pytest.mark.parametrize("body,expected", [
    # "bantuan khusus/besar Jepang untuk Ukraina": aid from Japan to Ukraine; an adjective is no envoy's title
    ("Amerika Serikat mengumumkan bantuan khusus Jepang untuk Ukraina.", [("AID", "JPN", "UKR")]),
    ("Amerika Serikat mengumumkan bantuan besar Jepang untuk Ukraina.", [("AID", "JPN", "UKR")]),
    # a whole title keeps the host state in it
    ("Utusan Khusus China untuk Timur Tengah, Zhai Jun, mengecam Israel.", [("ACCUSE", "CHN", "ISR")]),
    ("Duta Besar Rusia untuk Amerika Serikat, Anatoli Antonov, mengecam Ukraina.", [("ACCUSE", "RUS", "UKR")]),
])
def test_an_envoy_title_is_a_whole_title(body, expected):
    assert coded(body) == expected
