"""Loads the linker's word data: role words (``roles.yaml``) and word groups (``lexicon.yaml``).

Both are validated strictly (unknown keys raise ``ResourceError`` naming the file and entry) and
may be extended by a user file (``WARTA_ACTORS_ROLES`` / the ``extra`` argument): a user role with a
shipped ``role`` name replaces it, new ones are added.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


from warta import settings
from warta.actors.text import NgramIndex
from warta.errors import ResourceError
from warta.resources import read_yaml

ROLE_KEYS = {"role", "sector", "office", "words", "note", "example"}
GROUP_KEYS = {"group", "words", "note", "example"}
GROUPS = {"speech_after", "speech_before", "locative", "former", "name_particles", "org_heads", "not_names",
          "government", "military", "coordinators",
          "continents", "movement", "given_names", "portfolios"}


@dataclass(slots=True, frozen=True)
class RoleDef:
    """An office (or a generic title) and the words that name it."""

    role: str
    sector: str | None
    office: bool  # a dated office: a bare mention resolves to its holder, it is recorded in roles


@dataclass(slots=True)
class Lexicon:
    """Role words as an n-gram index plus the word groups."""

    roles: NgramIndex[RoleDef]
    groups: dict[str, NgramIndex[str]]

    def has(self, group: str, tokens, i: int) -> int | None:
        """End index of a word of ``group`` starting at token ``i``, or None."""
        hit = self.groups[group].at(tokens, i)
        return hit[0] if hit else None

    def ends_before(self, group: str, tokens, i: int) -> bool:
        """A word of ``group`` ends right before token ``i`` (one or two tokens long)."""
        return any(i - n >= 0 and self.has(group, tokens, i - n) == i for n in (1, 2))


def _read(text: str, where: str) -> list[dict[str, Any]]:
    data = read_yaml(text, where)
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise ResourceError(f"{where}: expected a YAML list of mappings")
    return data


def _check(entry: dict, keys: set[str], where: str, required: tuple[str, ...]) -> None:
    unknown = set(entry) - keys
    if unknown:
        raise ResourceError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(keys)}")
    for key in required:
        if not entry.get(key):
            raise ResourceError(f"{where}: missing {key}")
    words = entry["words"]
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ResourceError(f"{where}: words must be a list of non-empty strings")


def parse_roles(text: str, where: str) -> dict[str, tuple[RoleDef, list[str]]]:
    """Validate a roles file: role name → (definition, words)."""
    out = {}
    for i, entry in enumerate(_read(text, where)):
        ewhere = f"{where}: entry {i + 1} ({entry.get('role', '?')})"
        _check(entry, ROLE_KEYS, ewhere, ("role", "words", "note"))
        office = entry.get("office", True)
        if not isinstance(office, bool):
            raise ResourceError(f"{ewhere}: office must be true or false")
        out[entry["role"]] = (RoleDef(entry["role"], entry.get("sector"), office), entry["words"])
    return out


def parse_groups(text: str, where: str) -> dict[str, list[str]]:
    """Validate a word-group file: group name → words."""
    out: dict[str, list[str]] = {}
    for i, entry in enumerate(_read(text, where)):
        ewhere = f"{where}: entry {i + 1} ({entry.get('group', '?')})"
        _check(entry, GROUP_KEYS, ewhere, ("group", "words", "note"))
        if entry["group"] not in GROUPS:
            raise ResourceError(f"{ewhere}: unknown group {entry['group']!r}; use one of {sorted(GROUPS)}")
        out.setdefault(entry["group"], []).extend(entry["words"])
    return out


@lru_cache(maxsize=4)
def _cached(extra: str | None) -> Lexicon:
    pkg = resources.files("warta.actors")
    roles = parse_roles(pkg.joinpath("roles.yaml").read_text(encoding="utf-8"), "warta/actors/roles.yaml")
    groups = parse_groups(pkg.joinpath("lexicon.yaml").read_text(encoding="utf-8"), "warta/actors/lexicon.yaml")
    if extra:
        path = Path(extra)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ResourceError(f"{path}: cannot read ({error.strerror})") from None
        first = _read(text, str(path))
        if first and "group" in first[0]:
            for group, words in parse_groups(text, str(path)).items():
                groups.setdefault(group, []).extend(words)
        else:
            roles.update(parse_roles(text, str(path)))
    index: NgramIndex[RoleDef] = NgramIndex()
    for definition, words in roles.values():
        for word in words:
            index.add(word, definition)
    built = {}
    for group in GROUPS:
        built[group] = NgramIndex()
        for word in groups.get(group, []):
            # word groups are matched without regard to case, even all-caps entries
            built[group].add(word.lower(), word)
    return Lexicon(index, built)


def load(extra: str | Path | None = None) -> Lexicon:
    """The role words and word groups, loaded once per process."""
    extra = extra or settings.value("actors_roles")
    return _cached(str(extra) if extra else None)
