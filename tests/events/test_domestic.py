"""Unnamed parties of domestic acts: in a story about one country's own affairs they are that country."""

from __future__ import annotations

import pytest

from warta.article import Entity, Mention, home_country
from warta.events import DOMESTIC, code_events

from tests.events.conftest import coded, make_article


@pytest.mark.parametrize("body,expected", [
    # the detained are unnamed: in an Indonesian story they are Indonesia
    ("KPK menahan dua tersangka suap di Jakarta. Jokowi meminta semua pihak menghormati proses hukum di Indonesia.",
     [("COERCE", "IDN", "IDN"), ("REQUEST", "IDN", "IDN")]),
    # a passive with an agent and no subject actor
    ("Seorang anggota DPRD ditangkap Polri pada Senin malam. Jokowi dan Prabowo belum berkomentar.",
     [("COERCE", "IDN", "IDN")]),
    # a passive with no agent: the state acts on a named Indonesian
    ("Pagi ini Prabowo ditahan di rumahnya. Jokowi dan KPK belum berkomentar.",
     [("COERCE", "IDN", "IDN")]),
])
def test_the_unnamed_party_of_a_domestic_act_is_the_home_country(body, expected):
    assert coded(body) == expected


@pytest.mark.parametrize("body", [
    # no country holds the story: nothing is implied
    "Rusia menahan dua wartawan. AS dan China belum berkomentar.",
    # an Indonesian story, but a meeting names both its parties: no implied other side
    "Jokowi bertemu para pengusaha di Istana. Prabowo dan KPK ikut hadir.",
    # the named side is foreign: the home country does not fill the other
    "China mengecam keputusan itu. Jokowi, Prabowo dan KPK menanggapinya di Jakarta.",
    # an object pointing back was named before and need not be Indonesian
    "KPK menuduh para pejabat itu menerima suap. Jokowi dan Prabowo belum berkomentar.",
])
def test_no_side_is_implied_outside_a_domestic_act(body):
    assert coded(body) == []


def test_the_implied_home_country_is_its_own_entity_when_named():
    art, doc = make_article("KPK menahan dua tersangka. Jokowi meminta masyarakat Indonesia tenang.")
    (coerce, _) = code_events(art, doc)
    indonesia = next(e for e in art.entities if e.name == "Indonesia")
    assert (coerce.target.entity, coerce.target.name) == (indonesia.id, "Indonesia")
    assert {"ACCUSE", "COERCE", "REQUEST"} <= DOMESTIC and "CONSULT" not in DOMESTIC


def test_home_country_needs_a_clear_majority_and_ignores_organisations():
    def ent(code, n, actor=None):
        return Entity(id=code, name=code, type="GPE", country=None if actor else code, actor=actor or code,
                      mentions=[Mention(0, 1, "x")] * n)
    assert home_country([ent("IDN", 3), ent("USA", 2)]) == "IDN"
    assert home_country([ent("IDN", 3), ent("USA", 3)]) is None
    assert home_country([ent("IDN", 2)]) is None  # too few mentions to tell
    # RUSGOV counts for Russia; NATO is no country and G20 no "G20" country
    assert home_country([ent("x", 3, "RUSGOV"), ent("y", 9, "NATO"), ent("z", 9, "G20")]) == "RUS"


@pytest.mark.parametrize("body,expected", [
    # an unnamed body of the home country acts as that country, as agent or subject
    ("Polisi menangkap tiga orang di Jakarta. Jokowi, Prabowo dan KPK belum berkomentar.",
     [("COERCE", "IDN", "IDN")]),
    ("Usulan Jokowi ditolak pemerintah. Prabowo dan KPK belum berkomentar.", [("REJECT", "IDN", "IDN")]),
    # before a name the body is that name's: Malaysia is no Indonesian body, and nothing is implied for it
    ("Pemerintah Malaysia menahan dua nelayan. Jokowi, Prabowo dan KPK diam.", []),
])
def test_an_unnamed_body_of_the_home_country_is_that_country(body, expected):
    assert coded(body) == expected


def test_an_unnamed_body_outside_a_domestic_story_is_nobody():
    # no country holds the story: "polisi" is nobody's
    assert coded("Polisi menangkap dua warga Rusia dan seorang warga AS.") == []


def test_body_words_are_data_with_a_note_each():
    from warta.events.arguments import bodies

    assert {"polisi", "aparat", "pemerintah"} <= bodies() and "mahasiswa" not in bodies()


@pytest.mark.parametrize("body,expected", [
    # "keduanya" are the two sides of the last two-sided event
    ("Putin bertemu Xi Jinping di Moskow. Keduanya menandatangani perjanjian kerja sama.",
     [("CONSULT", "RUS", "CHN"), ("SUPPORT", "RUS", "CHN")]),
    # so are "mereka" meeting again; not "mereka" accusing (no two sides there)
    ("Putin bertemu Xi Jinping di Moskow pada 2023. Tahun ini mereka kembali bertemu di Beijing.",
     [("CONSULT", "RUS", "CHN"), ("CONSULT", "RUS", "CHN")]),
    ("Putin bertemu Xi Jinping di Moskow. Mereka mengecam keputusan itu.", [("CONSULT", "RUS", "CHN")]),
    # coordinated subjects of a clash fight each other: one event, the first named as source
    ("Armenia dan Azerbaijan kembali berperang pekan lalu.", [("ASSAULT", "ARM", "AZE")]),
])
def test_two_parties_named_together(body, expected):
    assert coded(body) == expected


@pytest.mark.parametrize("body,expected", [
    # the host receives the visit: the guest consults
    ("Jokowi menerima kunjungan Erdogan di Istana Bogor.", [("CONSULT", "TUR", "IDN")]),
    # a summit of an organisation is a meeting with it, by whoever attends
    ("Jokowi hadir di KTT ASEAN pekan depan.", [("CONSULT", "IDN", "ASEAN")]),
    ("Pada KTT G20 di Bali, Jokowi bertemu Biden.", [("CONSULT", "IDN", "USA")]),
    # verbs of one type joined by "dan" with the same sides are one act
    ("Dua wartawan Rusia ditangkap dan ditahan polisi Ukraina.", [("COERCE", "UKR", "RUS")]),
])
def test_who_meets_whom(body, expected):
    assert coded(body) == expected


def test_a_mediator_consults_each_party_of_the_last_two_sided_event():
    assert coded("Israel dan Hamas bertemu di Kairo. Pertemuan itu dimediasi oleh Mesir.") == [
        ("CONSULT", "ISR", "PSE"), ("CONSULT", "EGY", "ISR"), ("CONSULT", "EGY", "PSE")]
    # with no two parties before it, a mediation has no target and is not coded
    assert coded("Perundingan itu dimediasi oleh Mesir.") == []



def test_a_sentence_naming_a_foreign_state_implies_no_home_side():
    # the story is Ukraine's, but this sentence names Russia: Ukraine is not both sides of the attack
    body = "Kiev berduka. Ukraina dan Kharkiv bersiap. Rusia kembali mengguncang Ukraina dengan serangan udara."
    assert ("ASSAULT", "UKR", "UKR") not in coded(body)
