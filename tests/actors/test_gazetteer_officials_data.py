"""Checks the shipped officials gazetteer (officials/*.yaml) against the shared schema with plain PyYAML."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from importlib import resources

import pytest
import yaml

REGION_FILES = [
    "americas.yaml",
    "europe.yaml",
    "russia_central_asia.yaml",
    "middle_east.yaml",
    "africa.yaml",
    "east_asia.yaml",
    "south_asia.yaml",
    "southeast_asia.yaml",
    "indonesia.yaml",
    "organisations.yaml",
    "oceania.yaml",
]

ENTRY_KEYS = {"name", "aliases", "country", "organisation", "roles", "note", "id"}  # id: optional stable slug
ROLE_KEYS = {"role", "sector", "start", "end", "note"}
SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "REB", "OPP", "PTY", "ELI", "IGO"}

# The controlled role list of the schema; the linker maps Menlu, Menhan, PM, Jubir, Sekjen... onto these.
ROLES = {
    "Presiden", "Wakil Presiden", "Perdana Menteri", "Wakil Perdana Menteri", "Kanselir", "Raja",
    "Ratu", "Emir", "Putra Mahkota", "Sultan", "Pemimpin Tertinggi", "Menteri Luar Negeri",
    "Menteri Pertahanan", "Menteri Dalam Negeri", "Menteri Keuangan", "Juru Bicara Kepresidenan",
    "Juru Bicara Kementerian Luar Negeri", "Juru Bicara Kementerian Pertahanan",
    "Juru Bicara Gedung Putih", "Juru Bicara Departemen Luar Negeri", "Sekretaris Jenderal",
    "Panglima Militer", "Kepala Staf", "Duta Besar", "Ketua",
    # heads of organisations whose title is not Sekretaris Jenderal/Ketua
    "Direktur Jenderal", "Direktur Pelaksana", "Presiden Komisi Eropa", "Presiden Dewan Eropa",
    "Perwakilan Tinggi Uni Eropa", "Direktur CIA",
}
# Indonesia's own offices by their official Indonesian title (cabinet posts are open-ended).
IDN_ROLES = {
    "Panglima TNI", "Kepala Kepolisian Negara Republik Indonesia", "Kepala Staf Kepresidenan",
    "Sekretaris Kabinet", "Kepala Badan Intelijen Negara",
}
IDN_ROLE_PREFIXES = ("Menteri ", "Wakil Menteri ")

# Offices with one holder at a time: two overlapping tenures in one country/organisation are an error.
# (Not spokespersons: China's MFA has several at once, and the White House's NSC spokesman briefs beside
# the press secretary.)
SINGLE_HOLDER = {
    "Presiden", "Wakil Presiden", "Perdana Menteri", "Kanselir", "Raja", "Ratu", "Emir",
    "Putra Mahkota", "Sultan", "Pemimpin Tertinggi", "Menteri Luar Negeri", "Menteri Pertahanan",
    "Menteri Keuangan", "Sekretaris Jenderal", "Direktur Jenderal", "Direktur Pelaksana",
    "Presiden Komisi Eropa", "Presiden Dewan Eropa", "Perwakilan Tinggi Uni Eropa", "Panglima TNI",
    "Kepala Kepolisian Negara Republik Indonesia",
}

# Offices of an organisation; other roles of an entry with both keys belong to its country.
ORG_ROLES = {"Sekretaris Jenderal", "Direktur Jenderal", "Direktur Pelaksana", "Presiden Komisi Eropa",
             "Presiden Dewan Eropa", "Perwakilan Tinggi Uni Eropa", "Ketua"}

# Aliases that are bare common words would link ordinary text to a person.
COMMON_WORDS = {"presiden", "raja", "ratu", "menteri", "bapak", "ibu", "pak", "emir", "sultan",
                "the", "king", "queen", "president", "ketua", "jenderal", "putra", "mahkota"}

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _load(name: str) -> list:
    """Read one region file from the installed package data."""
    path = resources.files("warta.data.gazetteer").joinpath("officials").joinpath(name)
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def entries() -> list[tuple[str, dict]]:
    """Every entry of every region file, with its file name."""
    out = []
    for name in REGION_FILES:
        data = _load(name)
        assert isinstance(data, list), f"{name}: top level must be a list"
        out.extend((name, e) for e in data)
    return out


def _text(value) -> str:
    """A date value as PyYAML returns it (date, str or int) as ISO text."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _bound(value, *, latest: bool) -> dt.date:
    """A possibly partial date as its earliest or latest day (partial dates are read leniently)."""
    text = _text(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        if not latest:
            return dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if latest else dt.date(parts[0], 1, 1)


@pytest.mark.parametrize("name", REGION_FILES)
def test_officials_region_file_parses_as_list(name):
    data = _load(name)
    assert isinstance(data, list) and data, f"{name}: expected a non-empty YAML list"


def test_officials_entries_use_only_schema_keys(entries):
    for fname, e in entries:
        assert isinstance(e, dict), f"{fname}: entry {e!r} is not a mapping"
        unknown = set(e) - ENTRY_KEYS
        assert not unknown, f"{fname}: {e.get('name')}: unknown keys {sorted(unknown)}"
        for key in ("name", "roles", "note"):
            assert e.get(key), f"{fname}: {e.get('name')}: missing {key}"
        assert e.get("country") or e.get("organisation"), f"{fname}: {e['name']}: no country/organisation"
        if e.get("country"):
            assert re.fullmatch(r"[A-Z]{3}", e["country"]), f"{fname}: {e['name']}: bad country code"
        aliases = e.get("aliases") or []
        assert isinstance(aliases, list) and all(isinstance(a, str) and a for a in aliases), e["name"]


def test_officials_aliases_are_not_common_words_nor_repeat_the_name(entries):
    for fname, e in entries:
        for alias in e.get("aliases") or []:
            assert alias.lower() not in COMMON_WORDS, f"{fname}: {e['name']}: common-word alias {alias!r}"
            assert alias != e["name"], f"{fname}: {e['name']}: alias repeats the name"


def test_officials_roles_are_controlled_and_dated(entries):
    for fname, e in entries:
        assert isinstance(e["roles"], list), f"{fname}: {e['name']}: roles must be a list"
        for r in e["roles"]:
            who = f"{fname}: {e['name']}: {r}"
            assert isinstance(r, dict) and not set(r) - ROLE_KEYS, f"{who}: unknown role keys"
            role = r.get("role")
            ok = role in ROLES or (
                e.get("country") == "IDN" and (role in IDN_ROLES or role.startswith(IDN_ROLE_PREFIXES))
            )
            assert ok, f"{who}: role {role!r} is not in the controlled list"
            assert r.get("sector") in SECTORS, f"{who}: bad sector"
            assert r.get("start") is not None, f"{who}: missing start"
            for key in ("start", "end"):
                if r.get(key) is not None:
                    assert DATE_RE.match(_text(r[key])), f"{who}: {key} is not YYYY[-MM[-DD]]"
                    _bound(r[key], latest=False)  # raises on an impossible date such as 2019-02-30
            if r.get("end") is not None:
                assert _bound(r["start"], latest=False) <= _bound(r["end"], latest=True), f"{who}: start > end"


def test_officials_total_count_is_at_least_400(entries):
    assert len(entries) >= 400, f"only {len(entries)} officials"


def test_officials_names_are_unique_per_country(entries):
    seen = {}
    for fname, e in entries:
        key = (e["name"], e.get("country"), e.get("organisation"))
        assert key not in seen, f"{fname}: {e['name']} also in {seen[key]}"
        seen[key] = fname


def test_officials_single_holder_offices_do_not_overlap(entries):
    # Two people cannot both be e.g. Menlu AS on one day; partial dates are read leniently.
    spans = defaultdict(list)
    for _, e in entries:
        for r in e["roles"]:
            if r["role"] in SINGLE_HOLDER:
                start = _bound(r["start"], latest=True)
                end = _bound(r["end"], latest=False) if r.get("end") is not None else dt.date.max
                # an entry may serve a state and an organisation (Rutte: NLD, then NATO)
                org_role = r["role"] in ORG_ROLES or not e.get("country")
                owner = e.get("organisation") if org_role and e.get("organisation") else e.get("country")
                spans[(owner, r["role"])].append((start, end, e["name"]))
    problems = []
    for key, items in spans.items():
        items.sort()
        for (s1, e1, n1), (s2, e2, n2) in zip(items, items[1:]):
            if s2 < e1:
                problems.append(f"{key}: {n1} ({s1}..{e1}) overlaps {n2} ({s2}..{e2})")
    assert not problems, "\n".join(problems)


def _codes(name: str) -> set[str]:
    """The `code`s of a sibling gazetteer file (countries.yaml, organisations.yaml)."""
    path = resources.files("warta.data.gazetteer").joinpath(name)
    if not path.is_file():
        pytest.skip(f"{name} is not there yet")
    return {e["code"] for e in yaml.safe_load(path.read_text(encoding="utf-8"))}


def test_officials_codes_exist_in_countries_and_organisations(entries):
    countries, orgs = _codes("countries.yaml"), _codes("organisations.yaml")
    for fname, e in entries:
        if e.get("country"):
            assert e["country"] in countries, f"{fname}: {e['name']}: unknown country {e['country']}"
        if e.get("organisation"):
            assert e["organisation"] in orgs, f"{fname}: {e['name']}: unknown organisation {e['organisation']}"


def _find(entries, name, country=None, organisation=None):
    """The one entry with this name serving this country and/or organisation."""
    found = [e for _, e in entries if e["name"] == name
             and (country is None or e.get("country") == country)
             and (organisation is None or e.get("organisation") == organisation)]
    assert len(found) == 1, f"{name}: expected one entry, found {len(found)}"
    return found[0]


@pytest.mark.parametrize(
    ("name", "country", "role", "start", "end"),
    [
        ("Mike Pompeo", "USA", "Menteri Luar Negeri", "2018-04-26", "2021-01-20"),
        ("Antony Blinken", "USA", "Menteri Luar Negeri", "2021-01-26", "2025-01-20"),
        ("Sergey Lavrov", "RUS", "Menteri Luar Negeri", "2004-03-09", None),
        ("Dmitry Peskov", "RUS", "Juru Bicara Kepresidenan", "2012-05", None),
        # Putin's two presidencies with the Medvedev interlude as prime minister
        ("Vladimir Putin", "RUS", "Presiden", "2000-05-07", "2008-05-07"),
        ("Vladimir Putin", "RUS", "Presiden", "2012-05-07", None),
        ("Vladimir Putin", "RUS", "Perdana Menteri", "1999-08-16", "2000-05-07"),
        ("Vladimir Putin", "RUS", "Perdana Menteri", "2008-05-08", "2012-05-07"),
        ("Joko Widodo", "IDN", "Presiden", "2014-10-20", "2024-10-20"),
        ("Retno Marsudi", "IDN", "Menteri Luar Negeri", "2014-10-27", "2024-10-20"),
        ("Sugiono", "IDN", "Menteri Luar Negeri", "2024-10-21", None),
        ("Xi Jinping", "CHN", "Presiden", "2013-03-14", None),
    ],
)
def test_officials_must_have_tenures(entries, name, country, role, start, end):
    e = _find(entries, name, country)
    got = [(_text(r["start"]), None if r.get("end") is None else _text(r["end"]))
           for r in e["roles"] if r["role"] == role]
    assert (start, end) in got, f"{name} {role}: have {got}"


@pytest.mark.parametrize(
    ("name", "country", "alias"),
    [
        ("Sergey Lavrov", "RUS", "Sergei Lavrov"),  # both transliterations are common
        ("Volodymyr Zelensky", "UKR", "Zelenskyy"),
        ("Joko Widodo", "IDN", "Jokowi"),
        ("Susilo Bambang Yudhoyono", "IDN", "SBY"),
        ("Mohammed bin Salman", "SAU", "MBS"),
        ("Kim Jong Un", "PRK", "Kim Jong-un"),
        ("Recep Tayyip Erdogan", "TUR", "Erdoğan"),
    ],
)
def test_officials_name_variants_are_aliases(entries, name, country, alias):
    assert alias in (_find(entries, name, country).get("aliases") or [])


def test_officials_organisation_heads_are_present(entries):
    # UN Secretary-General Guterres since 2017-01-01; NATO's Rutte since 2024-10-01.
    guterres = _find(entries, "Antonio Guterres", organisation="UN")
    assert any(_text(r["start"]) == "2017-01-01" for r in guterres["roles"])
    rutte = _find(entries, "Mark Rutte", "NLD", "NATO")
    assert {"Perdana Menteri", "Sekretaris Jenderal"} <= {r["role"] for r in rutte["roles"]}
