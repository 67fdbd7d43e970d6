"""Linking rules on hand-made Indonesian sentences, over the blank pipeline (no NER) and the fixture gazetteer."""

from __future__ import annotations

import pytest

from warta.actors import entity_at
from warta.actors.link import new_id

from tests.actors.conftest import mentions


@pytest.mark.parametrize("text,surface,name", [
    ("Menteri Luar Negeri Amerika Serikat Mike Pompeo tiba.", "Mike Pompeo", "Mike Pompeo"),
    ("Pompeo bertemu Lavrov di Sochi.", "Lavrov", "Sergey Lavrov"),  # gazetteer surname, unambiguous
    ("Mike Pompeo tiba. Kata Pomepo, hubungan membaik.", "Pomepo", "Mike Pompeo"),  # transposition = 1
    # a misspelt gazetteer name needs the official's state named in the article
    ("\"Rusia tidak khawatir,\" kata Psekov kepada wartawan.", "Psekov", "Dmitry Peskov"),
    ("Sebelum bertemu, Puting mengatakan Rusia tidak ikut campur.", "Puting", "Vladimir Putin"),
    ("Menlu Rusia Sergei Lavrov menyambut undangan itu.", "Sergei Lavrov", "Sergey Lavrov"),  # transliteration
    ("Presiden Ukraina Volodymyr Zelenskiy berpidato.", "Volodymyr Zelenskiy", "Volodymyr Zelensky"),
    ("Moskow menolak seruan itu.", "Moskow", "Moskow"),  # the capital acting is its own city (acting for RUS)
    ("Pompeo akan berangkat ke Moskow pekan ini.", "Moskow", "Moskow"),  # after ke: the city
    ("Lavrov mengatakan Kremlin akan menyambut permintaan itu.", "Kremlin", "Kremlin"),  # a seat: its own entity
    ("Rusia disebut Negeri Beruang Merah oleh media.", "Negeri Beruang Merah", "Rusia"),
    ("Blinken bertemu Shoukry di ibu kota Mesir, Kairo, pekan lalu.", "Kairo", "Kairo"),
    ("ancaman militer Iran untuk menutup selat strategis Hormuz di Teluk.", "Hormuz", "Selat Hormuz"),
    ("Pada krisis Ukrai na, kedua pihak berselisih.", "Ukrai na", "Ukraina"),  # a word broken by a space
])
def test_link_resolves_surface_to_canonical_actor(run, text, surface, name):
    assert mentions(run(text)).get(surface) == name


@pytest.mark.parametrize("text,surface", [
    # no state of the official named: a local name, not a misspelling (Faizal is no Saudi Faisal)
    ("Kepala operasi itu, Kombes Faizal, mengatakan pos jaga diserang di Intan Jaya.", "Faizal"),
    ("\"Kami sudah siap,\" kata Psekov kepada wartawan.", "Psekov"),
])
def test_typo_needs_a_foreign_official_of_a_named_state(run, text, surface):
    assert mentions(run(text)).get(surface) in (None, surface)


@pytest.mark.parametrize("text", [
    "Pantas saja Pompeo marah.",
    "Sempat terjadi ketegangan antara kedua negara.",
    "Kemudian Putin pergi.",
    "Padahal Putin sudah setuju.",
])
def test_link_never_links_common_words_to_a_person(run, text):
    art = run(text)
    first = text.split()[0]
    assert first not in mentions(art)


@pytest.mark.parametrize("text,published,name", [
    ("Menlu AS dan Rusia bertemu di tengah ketegangan.", "2019-05-14", "Mike Pompeo"),
    ("Menlu AS dan Rusia bertemu di tengah ketegangan.", "2022-02-18", "Antony Blinken"),
    ("Lavrov bertemu presiden Rusia di Moskow.", "2019-05-14", "Vladimir Putin"),  # lower-case office too
])
def test_link_resolves_bare_office_to_holder_on_the_date(run, text, published, name):
    art = run(text, published)
    assert any(e.name == name and any(m.via == "role" for m in e.mentions) for e in art.entities)


def test_link_bare_office_uses_event_date_in_sentence(run):
    from warta.article import Timex

    text = "Pada 14 Mei 2019, Menlu AS bertemu Lavrov."
    art = run(text, "2024-04-25")
    art.timex = [Timex(4, 15, "14 Mei 2019", "DATE", "2019-05-14")]
    from warta.actors import link
    from tests.actors.conftest import FIXTURE

    art = link(art, None, folder=FIXTURE)
    assert "Mike Pompeo" in {e.name for e in art.entities}


@pytest.mark.parametrize("text,role,country", [
    ("Menteri Luar Negeri AS, Mike Pompeo menuduh Rusia.", "Menteri Luar Negeri", "USA"),
    ("Menteri Luar Negeri (Menlu) Amerika Serikat (AS) Antony Blinken datang.", "Menteri Luar Negeri", "USA"),
    ("Namun juru bicara kepresidenan Rusia, Dmitry Peskov mengatakan itu.", "Juru Bicara Kepresidenan", "RUS"),
    ("Sekretaris Jenderal NATO Jens Stoltenberg berkunjung.", "Sekretaris Jenderal", "NATO"),
])
def test_link_parses_role_before_name(run, text, role, country):
    art = run(text, "2022-02-18")
    people = [e for e in art.entities if e.type == "PER"]
    assert people and (role, country) in {(r.role, r.country) for r in people[0].roles}


def test_link_unknown_person_after_role_gets_country_and_partial_mentions(run):
    text = ("Juru bicara Departemen Luar Negeri AS Ned Price mengatakan Blinken setuju. "
            "\"Kami percaya diplomasi,\" kata Price.")
    art = run(text, "2022-02-18")
    price = [e for e in art.entities if e.name == "Ned Price"]
    assert price and price[0].country == "USA" and price[0].actor == "USAGOV" and not price[0].linked
    assert {m.text for m in price[0].mentions} == {"Ned Price", "Price"}


def test_link_unknown_entity_id_is_stable_across_articles(run):
    a = run("Menteri Luar Negeri Mesir, Sameh Shoukry tiba.")
    b = run("Sameh Shoukry mengatakan Mesir siap.")
    ids_a = {e.id for e in a.entities if e.name == "Sameh Shoukry"}
    assert ids_a and ids_a == {e.id for e in b.entities if e.name == "Sameh Shoukry"}
    assert ids_a == {new_id("PER", "Sameh Shoukry")}


@pytest.mark.parametrize("text,actor", [
    ("Kremlin menolak tuduhan itu.", "RUSGOV"),
    ("Pentagon mengirim pasukan.", "USAMIL"),
    ("Kementerian Luar Negeri Rusia menegaskan sikapnya.", "RUSGOV"),
    ("Kami mau militer Rusia keluar.", "RUSMIL"),
])
def test_link_metonymy_keeps_sector_on_the_mention(run, text, actor):
    art = run(text)
    assert actor in {m.actor for e in art.entities for m in e.mentions}


def test_link_actor_codes_of_entities(run):
    art = run("Presiden Rusia Vladimir Putin bertemu Sekjen NATO Jens Stoltenberg dan Rusia.", "2019-05-14")
    actors = {e.name: e.actor for e in art.entities}
    assert actors == {"Vladimir Putin": "RUSGOV", "Jens Stoltenberg": "NATO", "Rusia": "RUS", "NATO": "NATO"}


@pytest.mark.parametrize("text,published,warned", [
    ("Putin mengatakan kepada Menteri Luar Negeri AS, Mike Pompeo bahwa ia setuju.", "2024-04-25", True),
    ("Putin mengatakan kepada Menteri Luar Negeri AS, Mike Pompeo bahwa ia setuju.", "2019-05-14", False),
    ("Putin mengatakan kepada Menteri Luar Negeri AS, Mike Pompeo bahwa ia setuju.", "2021-06-01", False),  # margin
    ("Putin mengkritik mantan Menteri Luar Negeri AS Mike Pompeo.", "2024-04-25", False),  # former
    ("Mike Pompeo tiba di Moskow.", "2024-04-25", False),  # no office stated next to the name
])
def test_link_warns_when_date_contradicts_tenure(run, text, published, warned):
    art = run(text, published)
    assert any("tenure of Mike Pompeo" in w for w in art.warnings) == warned


def test_link_dateline_place_is_named_but_not_an_actor(run):
    art = run("MOSKWA, KOMPAS.com - Pejabat Rusia mengatakan AS tidak perlu cemas.")
    place = [(e.name, m.via) for e in art.entities for m in e.mentions if m.text == "MOSKWA"]
    assert place == [("Moskow", "dateline")]  # the events stage skips "dateline" mentions


@pytest.mark.parametrize("text,surface,name,type_,actor", [
    ("Moskow menolak seruan itu.", "Moskow", "Moskow", "GPE", "RUS"),
    ("Lavrov mengatakan Kremlin akan menyambut permintaan itu.", "Kremlin", "Kremlin", "ORG", "RUSGOV"),
    ("Gedung Putih menyebut tuduhan itu tidak berdasar.", "Gedung Putih", "Gedung Putih", "LOC", "USAGOV"),
])
def test_link_capitals_and_seats_are_their_own_entities_acting_for_the_state(run, text, surface, name, type_, actor):
    found = [(e, m) for e in run(text).entities for m in e.mentions if m.text == surface]
    assert found, f"{surface} not linked"
    ent, mention = found[0]
    assert (ent.name, ent.type) == (name, type_)
    assert (mention.actor or ent.actor or ent.country) == actor


def test_entity_at_returns_tightest_covering_mention(run):
    text = "Menlu AS bertemu Lavrov."
    art = run(text, "2019-05-14")
    assert entity_at(art, 6, 8).name == "Amerika Serikat"  # AS inside the bare office
    assert entity_at(art, 0, 8).name == "Mike Pompeo"
    assert entity_at(art, 17, 23).name == "Sergey Lavrov"
    assert entity_at(art, 9, 16) is None  # "bertemu"


@pytest.mark.parametrize("label", ["LOC", "ORG"])
def test_link_a_misspelt_person_the_ner_typed_as_a_place(blank_nlp, label):
    from spacy.tokens import Span

    from warta.actors import link
    from warta.article import Article

    from tests.actors.conftest import FIXTURE

    text = "Vladimir Putin tiba. Sebelum bertemu Pompeo, ternyata Puting juga mengatakan itu."
    doc = blank_nlp(text)
    k = next(t.i for t in doc if t.text == "Puting")
    doc.ents = [Span(doc, k, k + 1, label=label)]
    article = Article(body=text, published="2019-05-14")
    article.sentences = [[s.start_char, s.end_char] for s in doc.sents]
    art = link(article, doc, folder=FIXTURE)
    assert mentions(art).get("Puting") == "Vladimir Putin"
    assert not any(e.name == "Puting" for e in art.entities)


def test_link_a_place_the_ner_found_is_not_a_person_by_similarity(blank_nlp):
    from spacy.tokens import Span

    from warta.actors import link
    from warta.article import Article

    from tests.actors.conftest import FIXTURE

    text = "Vladimir Putin tiba di Putina kemarin."  # one letter from Putin, but no misspelling of him
    doc = blank_nlp(text)
    k = next(t.i for t in doc if t.text == "Putina")
    doc.ents = [Span(doc, k, k + 1, label="LOC")]
    article = Article(body=text, published="2019-05-14")
    article.sentences = [[s.start_char, s.end_char] for s in doc.sents]
    assert mentions(link(article, doc, folder=FIXTURE)).get("Putina") != "Vladimir Putin"


@pytest.mark.parametrize("text,surface,found", [
    ("Liputan6.com, Abu Dhabi - Rusia dan Ukraina menukar tawanan.", "Liputan6.com", True),
    ("Serangan itu dilaporkan Reuters pada Selasa.", "Reuters", True),
    ("Kapal itu terlihat dari udara (AP).", "AP", True),
    ("Warga RT 05 menolak rencana itu.", "RT", False),  # a neighbourhood unit, not Russia Today
    ("Antara lain, warga menolak rencana itu.", "Antara", False),  # a common word opening a sentence
])
def test_link_news_outlets_named_in_the_text_are_organisations(run, text, surface, found):
    hits = [(e.type, m.via) for e in run(text).entities for m in e.mentions if m.text == surface]
    assert (hits == [("ORG", "outlet")]) is found


def test_home_country_goes_to_unknown_people_and_bodies_of_a_domestic_story():
    from warta.actors import home_country
    from warta.article import Entity, Mention

    def ent(name, type_, country=None, linked=False, n=1):
        return Entity(id=name, name=name, type=type_, country=country, linked=linked,
                      mentions=[Mention(k, k + 1, name) for k in range(n)])

    domestic = [ent("Indonesia", "GPE", "IDN", True, 3), ent("KPK", "ORG", "IDN", True), ent("SH", "PER"),
                ent("Jakarta", "GPE", "IDN", True), ent("Rusia", "GPE", "RUS", True)]
    assert home_country(domestic) == "IDN" and domestic[2].country == "IDN"
    mixed = [ent("Indonesia", "GPE", "IDN", True, 2), ent("Filipina", "GPE", "PHL", True, 2), ent("Jay Tarriela", "PER")]
    assert home_country(mixed) is None and mixed[2].country is None  # no country holds 60%
