"""Loading the extraction data files (furniture rules, outlets, agencies, language words) strictly.

Every file is a YAML mapping with one list of entries, read by ``warta.resources.load_rules``:
unknown or missing keys raise ``ResourceError`` naming the file and the entry. A user file
(given by the setting in ``SPECS``, see ``USER_FILES``) is read after the shipped one: an entry
with the same ``name`` replaces the shipped entry, ``enabled: false`` switches it off, new names
are added (docs/architecture.md, "Rule files").

``bylines.yaml`` and ``titles.yaml`` also hold a section ``words``: the words the extractor's patterns
are built from, one entry per word and group (``name`` the word, ``group`` the list it belongs to,
``note`` why), read with ``words``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any


from warta import settings
from warta.errors import ResourceError
from warta.resources import load_rules

# file -> (package, list key, required keys, optional keys, the setting naming the user file: warta.settings)
SPECS: dict[str, tuple[str, str, frozenset[str], frozenset[str], str]] = {
    "furniture.yaml": (
        "warta.extract",
        "rules",
        frozenset({"name", "pattern", "reason", "note"}),
        frozenset({"example", "action", "scope", "enabled", "max_length"}),
        "furniture",
    ),
    "outlets.yaml": (
        "warta.data",
        "outlets",
        frozenset({"name", "domains", "note"}),
        frozenset({"variants", "enabled", "lang"}),
        "outlets",
    ),
    "agencies.yaml": (
        "warta.extract",
        "agencies",
        frozenset({"name", "note"}),
        frozenset({"variants", "enabled"}),
        "agencies",
    ),
    "bylines.yaml": (
        "warta.extract",
        "names",
        frozenset({"name", "pattern", "note"}),
        frozenset({"example", "enabled"}),
        "bylines",
    ),
    "titles.yaml": (
        "warta.extract",
        "segments",
        frozenset({"name", "pattern", "note"}),
        frozenset({"example", "tail", "enabled"}),
        "titles",
    ),
    "language.yaml": (
        "warta.extract",
        "languages",
        frozenset({"name", "code", "words", "note"}),
        frozenset({"enabled"}),
        "languages",
    ),
}
USER_FILES = {name: settings.setting(spec[4]).env for name, spec in SPECS.items()}


# Files with a ``words`` section, and the groups each may use (the pattern builders read them).
WORD_GROUPS: dict[str, frozenset[str]] = {
    "bylines.yaml": frozenset({"role-after-name", "other-label", "part-label", "other-stories", "editor-list",
                               "not-writer"}),
    "titles.yaml": frozenset({"address-ending"}),
}
WORDS = "words"
_WORD_KEYS = frozenset({"name", "group", "note"})


def _key(entry: dict, _value: Any) -> Any:
    """Entries are named by ``name``; a word by its group and itself (one word may serve two groups)."""
    return (entry.get("group"), entry.get("name"))


@lru_cache(maxsize=None)
def _sections(filename: str, user_file: str | None = None) -> dict[str | None, list]:
    package, list_key, required, optional, setting = SPECS[filename]
    text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
    if filename not in WORD_GROUPS:
        return load_rules(
            (filename, text), key="name", allowed=required | optional, required=required, sections=(list_key,),
            user_file=user_file, setting=setting,
        )
    sections = load_rules(
        (filename, text), key=_key, allowed={list_key: required | optional, WORDS: _WORD_KEYS},
        required={list_key: required, WORDS: _WORD_KEYS}, sections=(list_key, WORDS),
        user_file=user_file, setting=setting,
    )
    for entry in sections.get(WORDS, []):
        if entry["group"] not in WORD_GROUPS[filename]:
            raise ResourceError(f"{filename}: words entry {entry['name']!r}: unknown group {entry['group']!r}; "
                                f"allowed: {sorted(WORD_GROUPS[filename])}")
    return sections


@lru_cache(maxsize=None)
def load(filename: str, user_file: str | None = None) -> tuple[dict, ...]:
    """The validated entries of a shipped data file, extended by ``user_file`` or its setting's file."""
    return tuple(_sections(filename, user_file).get(SPECS[filename][1], []))


@lru_cache(maxsize=None)
def words(filename: str, group: str, user_file: str | None = None) -> tuple[str, ...]:
    """The words of ``group`` in the ``words`` section of ``filename``, in file order."""
    if group not in WORD_GROUPS.get(filename, ()):
        raise ResourceError(f"{filename}: no word group {group!r}")
    return tuple(str(e["name"]) for e in _sections(filename, user_file).get(WORDS, []) if e["group"] == group)


def alternation(filename: str, group: str) -> str:
    """The words of a ``words`` group of ``filename`` as a regex alternation, longest first."""
    return "|".join(re.escape(w) for w in sorted(words(filename, group), key=len, reverse=True))
