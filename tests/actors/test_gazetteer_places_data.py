"""Checks the shipped countries, places and organisations gazetteer against the shared schema with plain PyYAML."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from importlib import resources

import pytest
import yaml

COUNTRY_KEYS = {"code", "name", "english", "aliases", "epithets", "demonyms", "capital", "seats", "note", "id"}
PLACE_KEYS = {"name", "country", "type", "capital", "aliases", "note", "id"}
ORG_KEYS = {"code", "name", "english", "aliases", "type", "country", "parent", "kind", "note", "id"}
SEAT_KEYS = {"name", "sector", "note"}
SEAT_SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP"}
ORG_KINDS = {"igo", "bloc", "agency", "ngo", "armed-group", "media", "party", "company", "court"}
LIST_KEYS = ("aliases", "epithets", "demonyms")

# The 193 UN member states (ISO 3166 alpha-3), a public fact list: every one must be in countries.yaml.
UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA
DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND
HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER
NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP
SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON
TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())
UN_OBSERVERS = {"VAT", "PSE"}
MAIN_TERRITORIES = {"TWN", "HKG", "MAC", "PRI", "GRL", "XKX", "ESH", "GUM", "NCL"}


def _load(name: str) -> list[dict]:
    text = resources.files("warta.data").joinpath("gazetteer").joinpath(name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, list), f"{name}: expected a YAML list of entries"
    return data


COUNTRIES = _load("countries.yaml")
PLACES = _load("places.yaml")
ORGS = _load("organisations.yaml")
BY_CODE = {c["code"]: c for c in COUNTRIES}
PLACE_BY_NAME = {p["name"]: p for p in PLACES}
ORG_BY_KEY = {o.get("id") or o["code"]: o for o in ORGS}


def _surfaces() -> dict[str, set[str]]:
    """Every written form (case-folded) → what it names: ``USA``, ``USA seat GOV``, ``USA via capital``, ``EU``."""
    out: dict[str, set[str]] = defaultdict(set)
    for c in COUNTRIES:
        for s in [c["name"], c.get("english") or ""] + [a for k in LIST_KEYS for a in c.get(k) or []]:
            out[s.casefold()].add(c["code"])
        for seat in c.get("seats") or []:
            out[seat["name"].casefold()].add(f"{c['code']} seat {seat['sector']}")
    for p in PLACES:
        target = f"{p['country']} via capital" if p.get("capital") else f"place {p['name']}"
        for s in [p["name"]] + (p.get("aliases") or []):
            out[s.casefold()].add(target)
    for o in ORGS:
        for s in [o["name"], o.get("english") or ""] + (o.get("aliases") or []):
            out[s.casefold()].add(o.get("id") or o["code"])
    out.pop("", None)
    return out


SURFACES = _surfaces()


@pytest.mark.parametrize(
    "entries,allowed,required",
    [
        (COUNTRIES, COUNTRY_KEYS, {"code", "name", "note"}),
        (PLACES, PLACE_KEYS, {"name", "country", "type", "note"}),
        (ORGS, ORG_KEYS, {"code", "name", "note"}),
    ],
    ids=["countries", "places", "organisations"],
)
def test_gazetteer_entries_have_only_allowed_and_all_required_keys(entries, allowed, required):
    for e in entries:
        assert isinstance(e, dict), e
        label = e.get("code") or e.get("name")
        assert not set(e) - allowed, f"{label}: unknown keys {set(e) - allowed}"
        assert required <= set(e), f"{label}: missing {required - set(e)}"
        assert isinstance(e["name"], str) and e["name"].strip(), label
        # one-line note saying why the entry is there
        assert isinstance(e["note"], str) and e["note"].strip() and "\n" not in e["note"], label
        for key in LIST_KEYS:
            values = e.get(key) or []
            assert isinstance(values, list), f"{label}: {key} must be a flow list"
            assert all(isinstance(v, str) and v.strip() == v and v for v in values), f"{label}: {key}"
            assert len(set(values)) == len(values), f"{label}: duplicate {key}"
        assert e["name"] not in (e.get("aliases") or []), f"{label}: name repeated as an alias"


def test_gazetteer_country_codes_are_unique_iso_alpha3():
    codes = Counter(c["code"] for c in COUNTRIES)
    assert not [c for c, n in codes.items() if n > 1]
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)


def test_gazetteer_covers_un_members_observers_and_main_territories():
    codes = set(BY_CODE)
    assert len(UN_MEMBERS) == 193
    assert not UN_MEMBERS - codes, f"missing UN members {sorted(UN_MEMBERS - codes)}"
    assert UN_OBSERVERS <= codes
    assert MAIN_TERRITORIES <= codes


def test_gazetteer_every_state_has_a_capital_listed_in_places_as_its_capital():
    for c in COUNTRIES:
        if c["code"] in UN_MEMBERS | UN_OBSERVERS:
            assert c.get("capital"), f"{c['code']}: no capital"
        if c.get("capital"):
            place = PLACE_BY_NAME.get(c["capital"])
            assert place is not None, f"{c['code']}: capital {c['capital']!r} not in places.yaml"
            assert place["country"] == c["code"] and place["capital"] is True, c["code"]


def test_gazetteer_seats_are_name_and_sector():
    for c in COUNTRIES:
        for seat in c.get("seats") or []:
            assert set(seat) <= SEAT_KEYS and seat.get("name"), c["code"]
            assert seat.get("sector") in SEAT_SECTORS, f"{c['code']}: {seat}"


def test_gazetteer_places_have_known_country_type_and_capital_flag():
    seen = Counter((p["name"], p["country"]) for p in PLACES)
    assert not [k for k, n in seen.items() if n > 1]
    for p in PLACES:
        assert p["country"] is None or p["country"] in BY_CODE, p["name"]
        assert p["type"] in ("GPE", "LOC"), p["name"]
        assert isinstance(p.get("capital", False), bool), p["name"]
        assert not (p.get("capital") and p["country"] is None), p["name"]


def test_gazetteer_organisations_are_unique_and_resolve():
    assert len(ORGS) >= 150
    keys = Counter(o.get("id") or o["code"] for o in ORGS)
    assert not [k for k, n in keys.items() if n > 1]
    codes = Counter(o["code"] for o in ORGS)
    for o in ORGS:
        code = o["code"]
        assert re.fullmatch(r"[A-Z0-9][A-Z0-9_-]{0,15}", code), code
        # a code shared by several bodies (IDNGOV) needs an id; a bare code must not shadow a country
        assert codes[code] == 1 or o.get("id"), f"{code} is shared: add an id"
        assert code not in BY_CODE, f"{code} is also a country code"
        assert o.get("type", "ORG") == "ORG", code
        assert o.get("kind") in ORG_KINDS, code
        assert o.get("country") is None or o["country"] in BY_CODE, code
        assert o.get("parent") is None or o["parent"] in ORG_BY_KEY or o["parent"] in codes, code


def test_gazetteer_no_name_or_alias_names_two_countries():
    clash = {s: t for s, t in SURFACES.items() if len({x for x in t if re.fullmatch(r"[A-Z]{3}", x)}) > 1}
    assert not clash


@pytest.mark.parametrize(
    "surface,expected",
    [
        ("AS", "USA"),
        ("Amerika", "USA"),
        ("Paman Sam", "USA"),
        ("Gedung Putih", "USA seat GOV"),
        ("Pentagon", "USA seat MIL"),
        ("Washington", "USA via capital"),
        ("Tiongkok", "CHN"),
        ("Cina", "CHN"),  # older spelling, still in use
        ("RRT", "CHN"),
        ("Negeri Tirai Bambu", "CHN"),
        ("Peking", "CHN via capital"),  # old name of Beijing
        ("Korsel", "KOR"),
        ("Negeri Ginseng", "KOR"),
        ("Korut", "PRK"),
        ("Negeri Beruang Merah", "RUS"),
        ("Kremlin", "RUS seat GOV"),
        ("Moskwa", "RUS via capital"),  # Kompas spelling
        ("Negeri Para Mullah", "IRN"),
        ("Teheran", "IRN via capital"),
        ("Negeri Jiran", "MYS"),
        ("Putrajaya", "MYS via capital"),  # administrative seat, not the constitutional capital
        ("Inggris", "GBR"),
        ("Britania Raya", "GBR"),
        ("Downing Street", "GBR seat GOV"),
        ("Perancis", "FRA"),  # both spellings are common
        ("Istana Elysee", "FRA seat GOV"),
        ("Belarusia", "BLR"),
        ("Birma", "MMR"),
        ("Kampuchea", "KHM"),
        ("UEA", "ARE"),
        ("KSA", "SAU"),
        ("PNG", "PNG"),
        ("RI", "IDN"),
        ("Cilangkap", "IDN seat MIL"),
        ("Pejambon", "IDN seat GOV"),
        ("Negeri Sakura", "JPN"),
        ("Negeri Samba", "BRA"),
        ("Negeri Singa", "SGP"),
        ("Negeri Zionis", "ISR"),  # charged epithet, noted in the data
        ("Tel Aviv", "ISR via capital"),
        ("Kiev", "UKR via capital"),
        ("Kyiv", "UKR via capital"),
        ("Palestina", "PSE"),
        ("Takhta Suci", "VAT"),
        ("Taiwan", "TWN"),
        ("Hong Kong", "HKG"),
        ("Kongo", "COD"),  # plain "Kongo" is the DR Congo in the news
        ("Yerusalem", "place Yerusalem"),  # no country: Indonesia does not recognise it as Israel's capital
        ("Den Haag", "place Den Haag"),  # mostly a metonym for the ICJ/ICC, so not flagged as a capital
        ("Laut China Selatan", "place Laut China Selatan"),
        ("Arab", "place Dunia Arab"),  # the Arab world, never Laut Arab or one state
        ("PBB", "UN"),
        ("DK PBB", "UNSC"),
        ("OKI", "OIC"),
        ("Uni Eropa", "EU"),
        ("Pakta Pertahanan Atlantik Utara", "NATO"),
        ("Liga Arab", "ARL"),
        ("Mahkamah Internasional", "ICJ"),
        ("ICC", "ICC"),
        ("Hizbullah", "HEZBOLLAH"),
        ("Ansarullah", "HOUTHI"),
        ("Daesh", "ISIS"),
        ("Grup Wagner", "WAGNER"),
        ("TNI", "tni"),
        ("Polri", "polri"),
        ("Kemlu", "kemlu-ri"),
        ("IDF", "idf"),
    ],
)
def test_gazetteer_alias_names_expected_actor(surface, expected):
    assert expected in SURFACES.get(surface.casefold(), set()), SURFACES.get(surface.casefold())


@pytest.mark.parametrize(
    "code,country",
    [("AFP", "FRA"), ("REUTERS", "GBR"), ("AP", "USA"), ("ALJAZEERA", "QAT"), ("TASS", "RUS"),
     ("XINHUA", "CHN"), ("BBC", "GBR"), ("ANTARA", "IDN"), ("UN", None), ("NATO", None)],
)
def test_gazetteer_organisation_home_country(code, country):
    assert ORG_BY_KEY[code]["country"] == country
