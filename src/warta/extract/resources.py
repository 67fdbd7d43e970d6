"""Loading the extraction data files (furniture rules, outlets, agencies, language words) strictly.

Every file is a YAML mapping with one list of entries. Each entry is checked at load time:
unknown or missing keys raise ``ResourceError`` naming the file and the entry. A user file
(given by an environment variable, see ``USER_FILES``) is read after the shipped one: an entry
with the same ``name`` replaces the shipped entry, ``enabled: false`` switches it off, new names
are added.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any


from warta import settings
from warta.errors import ResourceError
from warta.resources import read_yaml

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
    "language.yaml": (
        "warta.extract",
        "languages",
        frozenset({"name", "code", "words", "note"}),
        frozenset({"enabled"}),
        "languages",
    ),
}
USER_FILES = {name: settings.setting(spec[4]).env for name, spec in SPECS.items()}


def _entries(
    data: Any, where: str, list_key: str, required: frozenset, optional: frozenset, *, partial: bool = False
) -> list[dict]:
    if not isinstance(data, dict) or not isinstance(data.get(list_key), list):
        raise ResourceError(f"{where}: expected a mapping with a list under '{list_key}:'")
    unknown_top = set(data) - {list_key}
    if unknown_top:
        raise ResourceError(f"{where}: unknown top-level keys {sorted(unknown_top)}; only '{list_key}' is allowed")
    out = []
    for number, entry in enumerate(data[list_key], start=1):
        label = f"{where}: entry {number}"
        if not isinstance(entry, dict):
            raise ResourceError(f"{label}: expected a mapping, got {type(entry).__name__}")
        if "name" in entry:
            label += f" ({entry['name']!r})"
        unknown = set(entry) - required - optional
        if unknown:
            raise ResourceError(
                f"{label}: unknown keys {sorted(unknown)}; allowed: {sorted(required | optional)}"
            )
        # a user entry may override only some keys of a shipped entry: it needs just its name
        missing = ({"name"} if partial else required) - set(entry)
        if missing and (partial or entry.get("enabled", True) is not False):
            raise ResourceError(f"{label}: missing keys {sorted(missing)}")
        out.append(entry)
    return out


def merge(shipped: list[dict], user: list[dict]) -> list[dict]:
    """Shipped entries overridden by user entries of the same name; disabled ones dropped."""
    by_name = {e["name"]: e for e in shipped}
    order = [e["name"] for e in shipped]
    for entry in user:
        if entry["name"] not in by_name:
            order.append(entry["name"])
        by_name[entry["name"]] = {**by_name.get(entry["name"], {}), **entry}
    return [by_name[n] for n in order if by_name[n].get("enabled", True) is not False]


@lru_cache(maxsize=None)
def load(filename: str, user_file: str | None = None) -> tuple[dict, ...]:
    """The validated entries of a shipped data file, extended by ``user_file`` or its env variable."""
    package, list_key, required, optional, setting = SPECS[filename]
    text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
    shipped = _entries(read_yaml(text, filename), filename, list_key, required, optional)
    user_file = user_file or settings.value(setting)
    user: list[dict] = []
    if user_file:
        try:
            with open(user_file, encoding="utf-8") as handle:
                user_text = handle.read()
        except OSError as error:
            raise ResourceError(f"{user_file}: cannot read the user file given for {filename}: {error.strerror}") from None
        user = _entries(read_yaml(user_text, user_file), user_file, list_key, required, optional, partial=True)
    merged = merge(shipped, user)
    for entry in merged:
        missing = required - set(entry)
        if missing:
            raise ResourceError(f"{user_file}: entry {entry['name']!r}: missing keys {sorted(missing)}")
    return tuple(merged)
