"""The gazetteer loader: strict validation, user overrides, the alias index."""

from __future__ import annotations

import pytest

from warta.actors import gazetteer
from warta.actors.text import tokenise
from warta.errors import ResourceError

from tests.actors.conftest import FIXTURE


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name,text,message", [
    # a key outside the schema is named with the file and the entry
    ("countries.yaml", "- {code: RUS, name: Rusia, capitol: Moskow, note: x}\n", "entry 1 ('Rusia'): unknown keys ['capitol']"),
    ("countries.yaml", "- {code: Russia, name: Rusia, note: x}\n", "alpha-3"),
    ("places.yaml", "- {name: Sochi, country: RUS, type: CITY, note: x}\n", "type must be GPE or LOC"),
    ("officials.yaml", "- {name: A B, country: RUS, note: x, roles: [{role: Presiden, start: 2019-13-01}]}\n", "bad date"),
    ("officials.yaml", "- {name: A B, country: RUS, note: x, roles: [{role: Presiden, start: 2020, end: 2019}]}\n",
     "before start"),
    ("officials.yaml", "- {name: A B, country: RUS, note: x, roles: [{role: Presiden, sector: KING}]}\n", "unknown sector"),
    ("organisations.yaml", "- {code: NATO, name: NATO}\n", "missing ['note']"),
    ("organisations.yaml", "{code: NATO}\n", "expected a list of entries"),
    ("organisations.yaml", "- code: [NATO\n", "not valid YAML"),
])
def test_gazetteer_rejects_bad_entries_naming_file_and_entry(tmp_path, name, text, message):
    path = _write(tmp_path, name, text)
    with pytest.raises(ResourceError) as error:
        gazetteer.read_file(path)
    assert message in str(error.value) and str(path) in str(error.value)


def test_gazetteer_rejects_duplicate_codes(tmp_path):
    _write(tmp_path, "organisations.yaml",
           "- {code: NATO, name: NATO, note: x}\n- {code: NATO, name: Pakta Atlantik, note: y}\n")
    with pytest.raises(ResourceError, match="duplicate org 'org:NATO'"):
        gazetteer.load_records(tmp_path)


def test_gazetteer_user_file_overrides_and_extends(tmp_path):
    user = _write(tmp_path, "officials-extra.yaml",
                  "- {name: Mike Pompeo, country: USA, note: override, aliases: [Pompi],"
                  " roles: [{role: Direktur CIA, sector: SPY, start: 2017-01-23, end: 2018-04-26}]}\n"
                  "- {name: Ned Price, country: USA, note: new, roles: [{role: Juru Bicara Departemen Luar Negeri}]}\n")
    records = gazetteer.load_records(FIXTURE, user)
    assert records["per:mike-pompeo"].aliases == ["Pompi"]
    assert records["per:mike-pompeo"].tenures[0].role == "Direktur CIA"
    assert "per:ned-price" in records and "per:sergey-lavrov" in records


def test_gazetteer_missing_user_file_is_one_line_error(tmp_path):
    with pytest.raises(ResourceError, match="not found"):
        gazetteer.load_records(FIXTURE, tmp_path / "nope.yaml")


@pytest.mark.parametrize("text,expected", [
    ("Rusia dan AS", ["gpe:RUS", "gpe:USA"]),
    ("kita bertemu as pagi", []),  # the lower-case word "as" is not the acronym AS
    ("RUSIA MENOLAK", ["gpe:RUS"]),  # mixed-case names match in any case
    ("Kiev dan Kiew", ["gpe:kyiv", "gpe:kyiv"]),  # spelling variants are aliases
])
def test_gazetteer_alias_index_case_rules(text, expected):
    gaz = gazetteer.load(folder=FIXTURE)
    toks = tokenise(text)
    found = []
    for i in range(len(toks)):
        hit = gaz.aliases.at(toks, i)
        if hit:
            found.append(hit[1][0].id)
    assert found == expected


@pytest.mark.parametrize("value,end,expected", [
    ("2019-05-14", False, "2019-05-14"),
    ("2019-05", True, "2019-05-31"),
    ("2019", False, "2019-01-01"),
])
def test_gazetteer_partial_dates_cover_their_period(value, end, expected):
    assert str(gazetteer.parse_date(value, "x", end=end)) == expected


def test_shipped_gazetteer_validates():
    # the data files written by the team load without error and hold the seed actors
    records = gazetteer.load_records()
    for rid in ("gpe:RUS", "gpe:USA", "per:mike-pompeo", "per:sergey-lavrov"):
        if rid not in records:
            pytest.skip(f"shipped gazetteer has no {rid} yet")
    assert records["gpe:RUS"].seats
