"""Loads the linker's word data: role words (``roles.yaml``) and word groups (``lexicon.yaml``).

Both are validated strictly (unknown keys raise ``ResourceError`` naming the file and entry) and
may be extended by a user file of roles or of word groups (``WARTA_ACTORS_ROLES`` / the ``extra``
argument), read by ``warta.resources.load_rules``: a user entry with a shipped ``role`` (or
``group``) replaces it, ``enabled: false`` switches it off, new ones are added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path


from warta import settings
from warta.actors.text import NgramIndex, words_of
from warta.errors import ResourceError
from warta.resources import load_rules, read_yaml

ROLE_KEYS = {"role", "sector", "office", "words", "note", "example"}
GROUP_KEYS = {"group", "words", "long", "note", "example"}
GROUPS = {"speech_after", "speech_before", "locative", "former", "name_particles", "org_heads", "not_names",
          "government", "military", "coordinators",
          "movement", "given_names", "portfolios", "credit_cues", "credit_not_names", "byline_words", "name_heads", "name_openers", "months", "person_list_cues", "not_initials", "organ_heads", "facility_heads", "web_domains",
          "unit_heads", "admin_heads", "admin_named_with_head", "not_entities", "ship_prefixes", "thing_heads",
          "degrees", "initials_cues", "alias_word", "outlet_networks",
          "unit_bodies", "family_name_first", "posting", "nationality", "english_links", "title_links", "title_stops", "state_heads",
          "ri_bodies", "compass_not_regions", "local_governments"}

# heads of bodies and regions; no person's name opens with one (derived group ``body_heads``)
BODY_HEADS = ("org_heads", "unit_heads", "government", "admin_heads")


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
    longs: dict[str, str] = field(default_factory=dict)  # a short form (lower case) → the long form an entry gives it

    def long(self, word: str) -> str | None:
        """The long form a group entry gives the short form ``word`` ("Pemkab" → "Pemerintah Kabupaten"), or None."""
        return self.longs.get(word.lower())

    def has(self, group: str, tokens, i: int) -> int | None:
        """End index of a word of ``group`` starting at token ``i``, or None."""
        hit = self.groups[group].at(tokens, i)
        return hit[0] if hit else None

    def words(self, group: str) -> list[str]:
        """The words of ``group`` as written in the file."""
        index = self.groups[group]
        return [w for table in (index.exact, index.folded) for values in table.values() for w in values]

    def starts(self, group: str, tokens) -> list[int]:
        """The indexes of the tokens a word of ``group`` may start at (``NgramIndex.starts``)."""
        return self.groups[group].starts(tokens)

    def contains(self, group: str, word: str) -> bool:
        """True when ``word`` (one entry, any case; an acronym or code exactly) is a word of ``group``."""
        index = self.groups[group]
        toks = tuple(words_of(word))
        return toks in index.exact or tuple(t.lower() for t in toks) in index.folded

    def ends_before(self, group: str, tokens, i: int) -> bool:
        """A word of ``group`` ends right before token ``i`` (one or two tokens long)."""
        return any(i - n >= 0 and self.has(group, tokens, i - n) == i for n in (1, 2))


def _words(entry: dict, where: str) -> None:
    words = entry["words"]
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ResourceError(f"{where}: words must be a list of non-empty strings")


def _checked(entry: dict, where: str, name_key: str) -> str:
    """Where an entry named by ``name_key`` is, once its name, words and note are checked."""
    ewhere = f"{where}: entry ({entry.get(name_key, '?')})"
    for key in (name_key, "words", "note"):
        if not entry.get(key):
            raise ResourceError(f"{ewhere}: missing {key}")
    _words(entry, ewhere)
    return ewhere


def _role(entry: dict, where: str, _section: str | None = None) -> tuple[RoleDef, list[str]]:
    ewhere = _checked(entry, where, "role")
    office = entry.get("office", True)
    if not isinstance(office, bool):
        raise ResourceError(f"{ewhere}: office must be true or false")
    return RoleDef(entry["role"], entry.get("sector"), office), entry["words"]


def _group(entry: dict, where: str, _section: str | None = None) -> tuple[str, list[str], str | None]:
    ewhere = _checked(entry, where, "group")
    if entry["group"] not in GROUPS:
        raise ResourceError(f"{ewhere}: unknown group {entry['group']!r}; use one of {sorted(GROUPS)}")
    long = entry.get("long")
    if long is not None and not (isinstance(long, str) and long.strip()):
        raise ResourceError(f"{ewhere}: long must be a non-empty string (the long form of the entry's words)")
    return entry["group"], entry["words"], long


def parse_roles(text: str, where: str, user_file: str | None = None) -> dict[str, tuple[RoleDef, list[str]]]:
    """Validate a roles file (and a user's): role name → (definition, words)."""
    found = load_rules((where, text), key="role", allowed=ROLE_KEYS, user_file=user_file, build=_role)[None]
    return {definition.role: (definition, words) for definition, words in found}


def parse_groups(text: str, where: str, user_file: str | None = None) -> dict[str, list[str]]:
    """Validate a word-group file (and a user's): group name → words."""
    out: dict[str, list[str]] = {}
    for group, words, _long in _group_entries(text, where, user_file):
        out.setdefault(group, []).extend(words)
    return out


def _group_entries(text: str, where: str, user_file: str | None) -> list[tuple[str, list[str], str | None]]:
    """The entries of a word-group file (and a user's): group, words and the long form they stand for (``long``,
    e.g. "Pemkab" → "Pemerintah Kabupaten"), or None."""
    return load_rules((where, text), key="group", allowed=GROUP_KEYS, user_file=user_file, build=_group)[None]


def _is_groups(path: Path) -> bool:
    """A user file of word groups (its first entry has a ``group``) rather than of roles."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ResourceError(f"{path}: cannot read ({getattr(error, 'strerror', None) or error})") from None
    data = read_yaml(text, str(path))
    return isinstance(data, list) and bool(data) and isinstance(data[0], dict) and "group" in data[0]


@lru_cache(maxsize=4)
def _cached(extra: str | None) -> Lexicon:
    pkg = resources.files("warta.actors")
    groups_file = bool(extra) and _is_groups(Path(extra))
    roles = parse_roles(pkg.joinpath("roles.yaml").read_text(encoding="utf-8"), "warta/actors/roles.yaml",
                        None if groups_file else extra)
    entries = _group_entries(pkg.joinpath("lexicon.yaml").read_text(encoding="utf-8"), "warta/actors/lexicon.yaml",
                             extra if groups_file else None)
    groups: dict[str, list[str]] = {}
    for group, words, _long in entries:
        groups.setdefault(group, []).extend(words)
    longs = {w.lower(): long for _group_name, words, long in entries if long for w in words}
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
    # derived once here so that a name's first word is looked up once, not in four groups
    built["body_heads"] = NgramIndex()
    for group in BODY_HEADS:
        for word in groups.get(group, []):
            built["body_heads"].add(word.lower(), word)
    return Lexicon(index, built, longs)


def load(extra: str | Path | None = None) -> Lexicon:
    """The role words and word groups, loaded once per process."""
    extra = extra or settings.value("actors_roles")
    return _cached(str(extra) if extra else None)
