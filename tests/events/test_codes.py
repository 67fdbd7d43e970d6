"""The code an actor has as an event party (``arguments.event_code``): its country, a coded
organisation, or none (the real-news conventions: organisations outside the code list are null)."""

from __future__ import annotations

import pytest

from warta.article import Entity, Mention
from warta.events import arguments, code_events

from tests.events.conftest import make_article


@pytest.mark.parametrize("country,actor,expected", [
    ("RUS", "RUS", "RUS"),          # a country
    ("RUS", "RUSGOV", "RUSGOV"),    # a state body keeps its sector
    ("YEM", "HOUTHI", "YEM"),       # an armed group with a home country acts as it
    ("GBR", "REUTERS", "GBR"),      # so does a news agency
    ("PSE", "HAMAS", "PSE"),        # and the head of an armed group (Ismail Haniyeh)
    ("IDN", None, "IDN"),           # a city with no actor code of its own
    (None, "IDNPTY", "IDNPTY"),     # a party member whose country the linker left out
    (None, "NATO", "NATO"),         # one of the coded organisations
    (None, "UNSC", "UNSC"),         # an organ of the UN keeps its code (it starts with UN)
    (None, "ICJ", "UN"),            # an organ whose code does not: the UN
    (None, "EP", "EU"),             # the European Parliament is the EU
    (None, "WTO", None),            # outside the code list: no code
    (None, "BRICS", None),
    (None, "QUAD", None),
    (None, "WB", None),             # the World Bank is autonomous of the UN
    (None, None, None),
])
def test_event_code(country, actor, expected):
    assert arguments.event_code(Entity(id="e", name="x", type="ORG", country=country, actor=actor)) == expected


def test_every_party_is_a_coded_organisation():
    coded = {"NATO", "UN", "EU", "ASEAN", "APEC", "G20", "WHO"}
    assert set(arguments.parties().values()) == coded
    assert coded <= set(arguments.parties())


def test_an_organisation_outside_the_code_list_is_a_party_without_a_code():
    art, doc = make_article("Rusia mengecam NATO. Rusia juga mengecam WTO.")
    at = art.body.index("WTO")
    art.entities.append(Entity(id="w", name="WTO", type="ORG", actor="WTO", linked=True,
                               mentions=[Mention(at, at + 3, "WTO")]))
    assert [(e.type, e.source.actor, e.target.actor, e.target.name) for e in code_events(art, doc)] == [
        ("ACCUSE", "RUS", "NATO", "NATO"), ("ACCUSE", "RUS", None, "WTO")]
