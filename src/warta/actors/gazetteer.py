"""The actors gazetteer: loads, validates and indexes countries, places, organisations and officials.

All ``*.yaml`` files of ``warta/data/gazetteer/`` (and ``officials/``) are read once per process,
validated strictly (unknown keys, duplicate codes, bad dates raise ``ResourceError`` naming the
file and the entry), then extended or overridden by a user file or folder (``WARTA_GAZETTEER`` or
the ``extra`` argument).  The schema is in ``warta/data/gazetteer/README.md``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from warta import settings
from warta.actors.index import Gazetteer
from warta.actors.records import Record, Tenure
from warta.errors import ResourceError
from warta.resources import load_rules

KEYS = {
    "country": {"code", "name", "english", "aliases", "epithets", "demonyms", "capital", "seats", "note", "id"},
    "place": {"name", "country", "type", "capital", "aliases", "note", "id"},
    "org": {"code", "name", "english", "aliases", "type", "country", "parent", "kind", "note", "id"},
    "official": {"name", "aliases", "country", "organisation", "roles", "note", "id"},
}
REQUIRED = {
    "country": {"code", "name", "note"},
    "place": {"name", "country", "type", "note"},
    "org": {"code", "name", "note"},
    "official": {"name", "roles", "note"},
}
ROLE_KEYS = {"role", "sector", "start", "end", "note"}
SEAT_KEYS = {"name", "sector", "note"}
SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "REB", "OPP", "PTY", "ELI", "BUS", "MED", "NGO", "IGO",
           "CVL", "LAB", "EDU", "REL", "HLH", "REF", "CRM", "ENV", "AGR"}
ORG_KINDS = {"igo", "bloc", "agency", "ngo", "armed-group", "media", "party", "company", "court"}
_CODE3 = re.compile(r"^[A-Z]{3}$")
_ACTOR = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,15}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def slug(text: str) -> str:
    """Lower-case ASCII slug: ``Mike Pompeo`` → ``mike-pompeo``."""
    from warta.actors.text import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def parse_date(value: Any, where: str, *, end: bool = False) -> date | None:
    """An ISO date, ``YYYY-MM`` or ``YYYY`` (start or end of the period) as a ``date``."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    m = _DATE.match(str(value).strip())
    if not m:
        raise ResourceError(f"{where}: bad date {value!r}; use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day:
            return date(year, int(month), int(day))
        if month:
            if not end:
                return date(year, int(month), 1)
            nxt = date(year + (int(month) == 12), int(month) % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError:
        raise ResourceError(f"{where}: bad date {value!r}") from None


def _kind_of(path: Path, entry: dict) -> str:
    """Which schema an entry follows: by file name, else by its keys (user files)."""
    name = path.name.lower()
    if "officials" in path.parts[-2:-1] or name.startswith("officials"):
        return "official"
    for prefix, kind in (("countr", "country"), ("place", "place"), ("organi", "org")):
        if name.startswith(prefix):
            return kind
    if "roles" in entry:
        return "official"
    if {"seats", "epithets", "demonyms"} & entry.keys() or isinstance(entry.get("capital"), str):
        return "country"
    if "code" in entry:
        return "org"
    return "place"


def _strings(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(f"{where}: {key} must be a list of non-empty strings")
    return [v.strip() for v in value]


def _code(value: Any, where: str, key: str, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not _CODE3.match(value):
        raise ResourceError(f"{where}: {key} must be an ISO 3166 alpha-3 code like RUS, not {value!r}")
    return value


def _entry(path: Path, i: int | None, entry: Any) -> Record:
    """Validate one entry and build its record."""
    where0 = f"{path}: entry" + (f" {i + 1}" if i is not None else "")
    if not isinstance(entry, dict):
        raise ResourceError(f"{where0}: expected a mapping, got {type(entry).__name__}")
    label = entry.get("name") or entry.get("code") or "?"
    where = f"{where0} ({label})"
    kind = _kind_of(path, entry)
    unknown = set(entry) - KEYS[kind] - {"enabled"}
    if unknown:
        raise ResourceError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(KEYS[kind])}")
    # a place's country may be null (seas, straits), but the key must be there
    missing = {k for k in REQUIRED[kind] if k not in entry or (entry[k] in (None, "") and k != "country")}
    if missing:
        raise ResourceError(f"{where}: missing {sorted(missing)}")
    for key in ("name", "note"):
        if not isinstance(entry[key], str):
            raise ResourceError(f"{where}: {key} must be a string")
    name = entry["name"].strip()
    aliases = _strings(entry.get("aliases"), where, "aliases")
    if kind == "country":
        code = _code(entry["code"], where, "code", required=True)
        seats = []
        for seat in entry.get("seats") or []:
            if not isinstance(seat, dict) or set(seat) - SEAT_KEYS or "name" not in seat:
                raise ResourceError(f"{where}: each seat is {{name, sector}}, not {seat!r}")
            sector = seat.get("sector") or "GOV"
            if sector not in SECTORS:
                raise ResourceError(f"{where}: unknown sector {sector!r}; use one of {sorted(SECTORS)}")
            seats.append((seat["name"], sector))
        english = entry.get("english")
        return Record(
            id=entry.get("id") or f"gpe:{code}", kind=kind, name=name, type="GPE", country=code, actor=code,
            aliases=aliases + ([english] if english else []),
            epithets=_strings(entry.get("epithets"), where, "epithets"),
            demonyms=_strings(entry.get("demonyms"), where, "demonyms"),
            seats=seats, capital=entry.get("capital"), source=str(path),
        )
    if kind == "place":
        typ = entry["type"]
        if typ not in ("GPE", "LOC"):
            raise ResourceError(f"{where}: type must be GPE or LOC, not {typ!r}")
        capital = entry.get("capital", False)
        if not isinstance(capital, bool):
            raise ResourceError(f"{where}: capital must be true or false")
        country = None if entry["country"] in (None, "null") else _code(entry["country"], where, "country")
        return Record(
            id=entry.get("id") or f"{typ.lower()}:{slug(name)}", kind=kind, name=name, type=typ,
            country=country, actor=None, aliases=aliases, capital="yes" if capital else None,
            source=str(path),
        )
    if kind == "org":
        code = entry["code"]
        if not isinstance(code, str) or not _ACTOR.match(code):
            raise ResourceError(f"{where}: code must be an upper-case actor code like NATO, not {code!r}")
        if entry.get("kind") is not None and entry["kind"] not in ORG_KINDS:
            raise ResourceError(f"{where}: kind must be one of {sorted(ORG_KINDS)}, not {entry['kind']!r}")
        if entry.get("type", "ORG") != "ORG":
            raise ResourceError(f"{where}: type of an organisation must be ORG")
        english = entry.get("english")
        return Record(
            id=f"org:{entry.get('id') or code}", kind=kind, name=name, type="ORG",
            country=_code(entry.get("country"), where, "country"), actor=code,
            aliases=aliases + ([english] if english else []), organisation=entry.get("parent"),
            source=str(path),
        )
    country = _code(entry.get("country"), where, "country")
    roles = entry["roles"]
    if not isinstance(roles, list) or not roles:
        raise ResourceError(f"{where}: roles must be a non-empty list")
    tenures = []
    for j, role in enumerate(roles):
        rwhere = f"{where} role {j + 1}"
        if not isinstance(role, dict) or not isinstance(role.get("role"), str):
            raise ResourceError(f"{rwhere}: each role needs a role name")
        if set(role) - ROLE_KEYS:
            raise ResourceError(f"{rwhere}: unknown keys {sorted(set(role) - ROLE_KEYS)}; allowed: {sorted(ROLE_KEYS)}")
        sector = role.get("sector")
        if sector is not None and sector not in SECTORS:
            raise ResourceError(f"{rwhere}: unknown sector {sector!r}; use one of {sorted(SECTORS)}")
        start = parse_date(role.get("start"), rwhere)
        end = parse_date(role.get("end"), rwhere, end=True)
        if start and end and end < start:
            raise ResourceError(f"{rwhere}: end {end} is before start {start}")
        tenures.append(Tenure(role["role"].strip(), sector, start, end, country, entry.get("organisation")))
    return Record(
        id=entry.get("id") or f"per:{slug(name)}", kind=kind, name=name, type="PER", country=country,
        actor=None, aliases=aliases, organisation=entry.get("organisation"), tenures=tenures,
        source=str(path),
    )


ALL_KEYS = frozenset().union(*KEYS.values())


def _build(entry: dict, where: str, _section: str | None = None) -> Record:
    return _entry(Path(where), None, entry)


def _id(entry: dict, record: Record | None) -> str | None:
    """The merge key of an entry: its record's id (an entry switched off names it as ``id``)."""
    return record.id if record is not None else entry.get("id")


def _read(paths: list[Path], user: list[Path] | None = None) -> list[Record]:
    texts = []
    for path in paths:
        try:
            texts.append((str(path), path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as error:
            raise ResourceError(f"{path}: cannot read ({error})") from None
    return load_rules(texts, key=_id, allowed=ALL_KEYS, user_file=user or None, build=_build)[None]


def read_file(path: Path) -> list[Record]:
    """Validate one gazetteer file and return its records."""
    return _read([path])


def _files(folder: Path) -> list[Path]:
    """All YAML files of a folder and of its ``officials/`` subfolder, in a stable order."""
    found = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    sub = folder / "officials"
    if sub.is_dir():
        found += sorted(sub.glob("*.yaml")) + sorted(sub.glob("*.yml"))
    return found


def _dedupe(records: list[Record]) -> dict[str, Record]:
    """Index records by id; two entries of the shipped data with one id are an error."""
    out: dict[str, Record] = {}
    for rec in records:
        if rec.kind == "place" and rec.id in out and out[rec.id].country != rec.country:
            rec.id = f"{rec.id}-{(rec.country or 'x').lower()}"  # e.g. two cities of one name
        if rec.id in out:
            raise ResourceError(
                f"{rec.source}: duplicate {rec.kind} {rec.id!r} ({rec.name}), also in {out[rec.id].source};"
                " give one of them a distinct code or an `id`"
            )
        out[rec.id] = rec
    return out


def load_records(folder: Path | None = None, extra: str | Path | None = None) -> dict[str, Record]:
    """All records of the shipped gazetteer (or ``folder``), with ``extra`` (a user file or folder)
    read by ``load_rules``: an entry with a shipped record's id replaces it, ``{id: ..., enabled:
    false}`` switches that record off, new ones are added."""
    if folder is None:
        folder = Path(str(resources.files("warta.data").joinpath("gazetteer")))
    user: list[Path] = []
    if extra:
        extra = Path(extra)
        if not extra.exists():
            raise ResourceError(f"{extra}: gazetteer file or folder not found")
        user = _files(extra) if extra.is_dir() else [extra]
    return _dedupe(_read(_files(folder), user))


@lru_cache(maxsize=8)
def _cached(folder: str | None, extra: str | None):
    return Gazetteer(load_records(Path(folder) if folder else None, extra))


def load(extra: str | Path | None = None, *, folder: str | Path | None = None):
    """The indexed gazetteer, loaded once per process (``WARTA_GAZETTEER`` adds a user file)."""
    extra = extra or settings.value("gazetteer")
    return _cached(str(folder) if folder else None, str(extra) if extra else None)
