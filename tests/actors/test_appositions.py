"""A person the gazetteer does not know takes the state or body of the title next to the name
(actors/appositions.py), and the title rules found with it on real news (realnews_train)."""

from __future__ import annotations

import pytest

from warta.actors import link
from warta.article import Article


def _linked(nlp, text: str, people: list[str]) -> Article:
    """Link ``text`` with the shipped gazetteer, the NER having tagged ``people`` as PER."""
    doc = nlp(text)
    spans = []
    for name in people:
        at = text.index(name)
        spans.append(doc.char_span(at, at + len(name), label="PER"))
    doc.ents = spans
    art = Article(body=text, published="2023-08-01")
    art.sentences = [[s.start_char, s.end_char] for s in doc.sents]
    return link(art, doc)


def _coded(art: Article) -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.country, e.actor) for e in art.entities if e.type == "PER"}


@pytest.mark.parametrize("text,name,code", [
    # a title in apposition after the name, between commas
    ("Martha Kellerman, Wakil Menteri Luar Negeri AS, mengecam peluncuran itu.", "Martha Kellerman", "USA"),
    ("Amara Okonkwo-Bello, Koordinator Kemanusiaan PBB di Sudan, mengecam serangan itu.", "Amara Okonkwo-Bello", "UN"),
    # a long title before the name that the role pass does not read through
    ("Nota itu diteken Wakil Menteri Sumber Daya Manusia dan Pengembangan Sosial Arab Saudi Faris Alqahtani.",
     "Faris Alqahtani", "SAU"),
    ("Pertemuan dihadiri Kepala Komisioner Tinggi Perserikatan Bangsa-Bangsa untuk Pengungsi (UNHCR), Marco Bellini.",
     "Marco Bellini", "UN"),
    ("Juru bicara militer Israel Avi Mizrahi mengatakan pasukannya siaga.", "Avi Mizrahi", "ISR"),
])
def test_an_unknown_person_takes_the_state_or_body_of_the_title_next_to_the_name(blank_nlp, text, name, code):
    country, actor = _coded(_linked(blank_nlp, text, [name]))[name]
    assert code in (country, actor)


def test_a_posting_is_not_the_state_the_holder_serves(blank_nlp):
    text = "Hadir pula Wakil Kepala Perwakilan Jepang untuk Indonesia, Haruto Sakamoto."
    assert _coded(_linked(blank_nlp, text, ["Haruto Sakamoto"]))["Haruto Sakamoto"][0] == "JPN"


def test_a_title_between_two_names_is_the_next_ones(blank_nlp):
    text = "Martha Kellerman, Menteri Luar Negeri Malaysia, Rahim Osman, tiba kemarin."
    coded = _coded(_linked(blank_nlp, text, ["Martha Kellerman", "Rahim Osman"]))
    assert coded["Martha Kellerman"] == (None, None)
    assert coded["Rahim Osman"][0] == "MYS"


def test_a_double_surname_alone_is_the_person_named_before(blank_nlp):
    text = "Amara Okonkwo-Bello tiba di Khartoum. Kemudian, kata Okonkwo-Bello, bantuan terhenti."
    art = _linked(blank_nlp, text, ["Amara Okonkwo-Bello"])
    assert [e.name for e in art.entities if e.type == "PER"] == ["Amara Okonkwo-Bello"]


def test_a_korean_given_name_with_a_hyphen_is_one_name(blank_nlp):
    art = _linked(blank_nlp, "Penjabat Presiden Korea Selatan, Park Min-jae, mengecam peluncuran itu.", [])
    assert _coded(art) == {"Park Min-jae": ("KOR", "KORGOV")}


def test_an_acronym_after_a_title_is_the_body_not_the_name(blank_nlp):
    art = _linked(blank_nlp, "kata Koordinator MAKS Budiman Saputro dalam keterangannya.", [])
    assert "Budiman Saputro" in _coded(art)


def test_south_koreas_joint_chiefs_are_its_military(blank_nlp):
    art = _linked(blank_nlp, "JCS mengatakan rudal itu jatuh di Laut Timur.", [])
    assert [(e.name, e.actor) for e in art.entities if e.type == "ORG"] == [("Kepala Staf Gabungan Korea Selatan", "KORMIL")]


def test_a_title_before_another_persons_name_is_not_the_next_ones(blank_nlp):
    text = "Pertemuan itu dihadiri Menteri Luar Negeri Malaysia Rahim Osman dan Martha Kellerman."
    coded = _coded(_linked(blank_nlp, text, ["Rahim Osman", "Martha Kellerman"]))
    assert coded["Rahim Osman"][0] == "MYS"
    assert coded["Martha Kellerman"] == (None, None)


@pytest.mark.parametrize("text,name", [
    # a bare office and a bare name: the holder on the date with that name, whichever state
    ("Menlu Retno tiba di Riyadh pada Senin.", "Retno Marsudi"),
    # an office of a state: its holder on the date, not a former minister with that surname
    ("Di Riyadh, Menlu Arab Saudi Pangeran Faisal menyambut tamunya.", "Faisal bin Farhan"),
    # an honorific alone: the official of a state the article names
    ("Pangeran Faisal menegaskan sikap Arab Saudi soal Gaza.", "Faisal bin Farhan"),
])
def test_a_title_and_a_bare_name_is_the_official_in_office(blank_nlp, text, name):
    people = [e for e in _linked(blank_nlp, text, []).entities if e.type == "PER"]
    assert [e.name for e in people] == [name]
    assert people[0].linked


def test_an_honorific_and_a_bare_name_of_no_state_named_is_no_official(blank_nlp):
    people = [e for e in _linked(blank_nlp, "Pangeran Faisal tiba kemarin.", []).entities if e.type == "PER"]
    assert not any(e.linked for e in people)


@pytest.mark.parametrize("text,name,code", [
    # between the role and the state the portfolio may be in lower case
    ("Hal itu disampaikan penasihat kebijakan luar negeri Kremlin Anton Belov kepada wartawan.", "Anton Belov", "RUS"),
    ("Sedikitnya 50 orang tewas, kata Lena Haddad, direktur komunikasi UNRWA.", "Lena Haddad", "UNRWA"),
    # a place of no state in the title is passed over
    ("Hadir Direktur Jenderal Asia Pasifik dan Afrika Kementerian Luar Negeri (Kemlu) RI, Bayu Wicaksono.",
     "Bayu Wicaksono", "IDN"),
])
def test_a_title_in_lower_case_before_the_state_still_gives_it(blank_nlp, text, name, code):
    country, actor = _coded(_linked(blank_nlp, text, [name]))[name]
    assert code in (country, actor)


def test_a_clause_is_no_title(blank_nlp):
    text = "Ia berbicara dengan Martha Kellerman, direktur yang mengecam Israel."
    assert _coded(_linked(blank_nlp, text, ["Martha Kellerman"]))["Martha Kellerman"] == (None, None)


def test_a_state_named_with_negara_is_the_state(blank_nlp):
    text = "Indonesia mengirimkan bantuan kepada Negara Vanuatu kemarin."
    doc = blank_nlp(text)
    at = text.index("Negara Vanuatu")
    doc.ents = [doc.char_span(at, at + len("Negara Vanuatu"), label="LOC")]
    art = Article(body=text, published="2023-08-01")
    art.sentences = [[s.start_char, s.end_char] for s in doc.sents]
    art = link(art, doc)
    assert sorted(e.name for e in art.entities) == ["Indonesia", "Vanuatu"]


def test_initials_after_a_title_open_the_name(blank_nlp):
    art = _linked(blank_nlp, "Jaksa Agung AB Wiratmaja buka suara soal putusan itu.", [])
    assert list(_coded(art)) == ["AB Wiratmaja"]


def test_a_ministry_listing_its_portfolios_before_a_state_is_that_states(blank_nlp):
    text = "Kementerian Perdagangan, Industri, dan Energi Korea Selatan meminta Indonesia mencabut larangan itu."
    organs = [(e.name, e.actor) for e in _linked(blank_nlp, text, []).entities if e.type == "ORG"]
    assert organs == [("Kementerian Perdagangan, Industri, dan Energi Korea Selatan", "KORGOV")]


def test_ministries_listed_with_a_state_stay_apart(blank_nlp):
    text = "Kementerian Perdagangan, Kementerian Luar Negeri, dan Korea Selatan hadir."
    codes = {e.name: e.actor for e in _linked(blank_nlp, text, []).entities}
    assert codes["Kementerian Perdagangan"] == "IDNGOV" and codes["Korea Selatan"] == "KOR"


@pytest.mark.parametrize("text,code", [
    # lexicon group nationality: the state after "dari" is the holder's
    ("Martha Kellerman, Duta Besar dari Kanada, tiba di Jakarta kemarin.", "CAN"),
    # lexicon group posting: the state after "untuk" is the post, not the holder's
    ("Martha Kellerman, Duta Besar untuk Kanada, tiba di Jakarta kemarin.", None),
])
def test_dari_names_the_holders_state_and_untuk_the_post(blank_nlp, text, code):
    assert _coded(_linked(blank_nlp, text, ["Martha Kellerman"]))["Martha Kellerman"][0] == code


def test_a_verb_prefix_ends_a_lower_case_portfolio(blank_nlp):
    # "dikecam" has the verb prefix di- (lang/data/affixes.yaml): no word of the title before the state
    text = "Ia menemui Martha Kellerman, direktur dikecam Israel, pekan lalu."
    assert _coded(_linked(blank_nlp, text, ["Martha Kellerman"]))["Martha Kellerman"] == (None, None)
