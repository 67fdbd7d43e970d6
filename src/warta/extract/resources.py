"""Loading the extraction data files (furniture rules, outlets, agencies, language words) strictly.

Every file is a YAML mapping with one list of entries, read by ``warta.resources.load_rules``:
unknown or missing keys raise ``ResourceError`` naming the file and the entry. A user file
(given by the setting in ``SPECS``, see ``USER_FILES``) is read after the shipped one: an entry
with the same ``name`` replaces the shipped entry, ``enabled: false`` switches it off, new names
are added (docs/architecture.md, "Rule files").
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any


from warta import settings
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


@lru_cache(maxsize=None)
def load(filename: str, user_file: str | None = None) -> tuple[dict, ...]:
    """The validated entries of a shipped data file, extended by ``user_file`` or its setting's file."""
    package, list_key, required, optional, setting = SPECS[filename]
    text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
    entries = load_rules(
        (filename, text), key="name", allowed=required | optional, required=required, sections=(list_key,),
        user_file=user_file, setting=setting,
    )
    return tuple(entries.get(list_key, []))
