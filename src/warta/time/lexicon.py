"""The word lists of the temporal recogniser: loaded from YAML, validated strictly, overridable."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


from warta.errors import ResourceError
from warta.resources import load_rules, read_yaml

DEFAULT_FILE = "data/timex/words.yaml"

# Keys every entry may carry; a section may allow more (months: short, numbers: kind).
_COMMON_KEYS = {"name", "forms", "value", "note", "example"}
_EXTRA_KEYS = {"months": {"short"}, "numbers": {"kind"}, "weekdays": {"not_after"}}
SECTIONS = (
    "months", "weekdays", "numbers", "units", "parts_of_day", "relative_days", "relations",
    "modifiers", "approximators", "references", "set_words", "tense_cues", "holidays", "seasons", "zones",
    "year_blockers",
)
_NUMBER_KINDS = {"digit", "teen", "multiplier", "half", "vague"}


@dataclass(frozen=True, slots=True)
class Word:
    """One entry of a word list: its spellings and what it means."""

    name: str
    forms: tuple[str, ...]
    value: Any
    note: str
    example: str | None = None
    short: tuple[str, ...] = ()
    kind: str | None = None
    not_after: tuple[str, ...] = ()  # words before the name that make it part of another name


@dataclass(slots=True)
class Lexicon:
    """All word lists, by section, plus lookup tables from a lower-cased form to its entry."""

    sections: dict[str, list[Word]] = field(default_factory=dict)
    _lookup: dict[str, dict[str, Word]] = field(default_factory=dict)

    def words(self, section: str) -> list[Word]:
        """The entries of one section."""
        return self.sections.get(section, [])

    def lookup(self, section: str, form: str) -> Word | None:
        """The entry of ``section`` spelled ``form`` (case and inner spacing ignored)."""
        table = self._lookup.get(section)
        if table is None:
            table = {}
            for word in self.words(section):
                for f in (*word.forms, *word.short):
                    table[_key(f)] = word
            self._lookup[section] = table
        return table.get(_key(form))

    def forms(self, section: str, *, short: bool = False) -> list[str]:
        """Every spelling of a section (or its abbreviations), longest first for regex alternation."""
        out = {f for w in self.words(section) for f in (w.short if short else w.forms)}
        return sorted(out, key=lambda f: (-len(f), f))

    def value_map(self, section: str) -> dict[str, Any]:
        """Lower-cased form → value, for quick membership tests."""
        return {_key(f): w.value for w in self.words(section) for f in w.forms}


def _key(form: str) -> str:
    return " ".join(form.lower().replace("’", "'").split())


def _entry(section: str, raw: Any, where: str, index: int | None = None) -> Word:
    if not isinstance(raw, dict):
        raise ResourceError(f"{where}: {section} entry {index + 1} is not a mapping")
    name = raw.get("name")
    label = f"{where}: {section} entry {name!r}" if name or index is None else f"{where}: {section} entry {index + 1}"
    allowed = _COMMON_KEYS | _EXTRA_KEYS.get(section, set())
    unknown = set(raw) - allowed - {"enabled"}
    if unknown:
        raise ResourceError(f"{label}: unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")
    for key in ("name", "value", "note"):
        if raw.get(key) in (None, ""):
            raise ResourceError(f"{label}: missing {key!r}")
    forms = raw.get("forms") or [name]
    short = raw.get("short") or []
    if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
        raise ResourceError(f"{label}: 'forms' must be a list of non-empty strings")
    if not isinstance(short, list) or not all(isinstance(f, str) for f in short):
        raise ResourceError(f"{label}: 'short' must be a list of strings")
    kind = raw.get("kind")
    if section == "numbers":
        kind = kind or "digit"
        if kind not in _NUMBER_KINDS:
            raise ResourceError(f"{label}: kind must be one of {sorted(_NUMBER_KINDS)}, not {kind!r}")
    if section in ("months", "weekdays") and not isinstance(raw["value"], int):
        raise ResourceError(f"{label}: value must be a whole number")
    if section == "tense_cues" and raw["value"] not in ("future", "past"):
        raise ResourceError(f"{label}: value must be 'future' or 'past'")
    not_after = raw.get("not_after") or []
    if not isinstance(not_after, list):
        raise ResourceError(f"{label}: 'not_after' must be a list of words")
    return Word(str(name), tuple(str(f) for f in forms), raw["value"], str(raw["note"]),
                raw.get("example"), tuple(short), kind, tuple(str(w) for w in not_after))


def parse_lexicon(data: Any, where: str) -> dict[str, list[Word]]:
    """Validate the mapping of one YAML file; unknown sections or keys raise ``ResourceError``."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ResourceError(f"{where}: expected a mapping of sections, got {type(data).__name__}")
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise ResourceError(f"{where}: unknown sections {sorted(unknown)}; allowed: {list(SECTIONS)}")
    out: dict[str, list[Word]] = {}
    for section, entries in data.items():
        if not isinstance(entries, list):
            raise ResourceError(f"{where}: section {section!r} must be a list of entries")
        out[section] = [_entry(section, raw, where, i) for i, raw in enumerate(entries)]
    return out


def load_lexicon(user_file: str | Path | None = None) -> Lexicon:
    """The shipped word lists, with a user's file (if given) adding or replacing entries by name."""
    return _load(str(user_file) if user_file else None)


def _build(raw: dict, where: str, section: str | None) -> Word:
    return _entry(str(section), raw, where)


@lru_cache(maxsize=8)
def _load(user_file: str | None) -> Lexicon:
    if user_file and not Path(user_file).is_file():
        raise ResourceError(f"{user_file}: no such word-list file")
    shipped = resources.files("warta").joinpath(DEFAULT_FILE)
    text = shipped.read_text(encoding="utf-8")
    present = read_yaml(text, DEFAULT_FILE)
    missing = [s for s in SECTIONS if not isinstance(present, dict) or s not in present]
    if missing:
        raise ResourceError(f"{DEFAULT_FILE}: missing sections {missing}")
    allowed = {s: _COMMON_KEYS | _EXTRA_KEYS.get(s, set()) for s in SECTIONS}
    # a user's entry replaces the shipped one of the same name, otherwise it is added
    sections = load_rules(
        (DEFAULT_FILE, text), key="name", allowed=allowed, sections=SECTIONS, user_file=user_file,
        setting="time_words", build=_build,
    )
    return Lexicon({s: sections[s] for s in present})
