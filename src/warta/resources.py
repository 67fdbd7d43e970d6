"""Reading the YAML data files that hold Warta's rules, with one error shape for every stage."""

from __future__ import annotations

from os import PathLike
from typing import Any, Callable

import yaml

from warta import parsed, settings
from warta.errors import ResourceError

# libyaml's parser when PyYAML was built with it: the same data (the constructor is the same
# Python code; every shipped file compared equal), parsed about 7x faster. The gazetteer and the
# event lexicon alone took about 1 s of CPU at every start with the pure-Python parser.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PARSER = f"pyyaml{yaml.__version__}-{_LOADER.__name__}"  # what the data kept between runs was parsed with


def read_yaml(text: str, where: str) -> Any:
    """Parse YAML text; a syntax or value error becomes a ResourceError naming the file and line.
    The data of a text parsed in an earlier run is read back instead (``warta.parsed``: 0.35 → 0.02 s
    of CPU for the shipped files at each start)."""
    data = parsed.load(where, text, _PARSER)
    if data is parsed.MISSING:
        data = _parse(text, where)
        parsed.store(where, text, _PARSER, data)
    return data


def _parse(text: str, where: str) -> Any:
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" line {mark.line + 1}:" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ResourceError(f"{where}:{line} not valid YAML ({problem})") from None
    except ValueError as error:  # PyYAML builds dates itself: 2019-13-01 fails inside the parser
        raise ResourceError(f"{where}: bad date ({error}); use YYYY-MM-DD, YYYY-MM or YYYY") from None


ENABLED = "enabled"  # the one switch: `enabled: false` turns an entry off (shipped or user file)


def _rule_entries(data: Any, where: str, sections: tuple[str, ...] | None) -> dict[str | None, list]:
    """The entry lists of one parsed rule file: a top-level list, or a mapping of ``sections``."""
    if sections is None:
        if data is None:
            return {None: []}
        if not isinstance(data, list):
            raise ResourceError(f"{where}: expected a list of entries at the top level, got {type(data).__name__}")
        return {None: data}
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ResourceError(f"{where}: expected a mapping with the lists {', '.join(sections)}")
    unknown = set(data) - set(sections)
    if unknown:
        raise ResourceError(f"{where}: unknown top-level keys {sorted(unknown)}; allowed: {list(sections)}")
    out: dict[str | None, list] = {}
    for section, entries in data.items():
        if entries is None:
            entries = []
        if not isinstance(entries, list):
            raise ResourceError(f"{where}: section {section!r} must be a list of entries")
        out[section] = entries
    return out


def _checked(entry: Any, where: str, number: int, key: str, allowed: frozenset[str], required: frozenset[str]) -> dict:
    label = f"{where} entry {number}"  # where: "file:" or "file: section"
    if not isinstance(entry, dict):
        raise ResourceError(f"{label}: expected a mapping, got {type(entry).__name__}")
    if isinstance(key, str) and entry.get(key) is not None:
        label += f" ({entry[key]!r})"
    elif entry.get("name") is not None:
        label += f" ({entry['name']!r})"
    allowed = allowed | {ENABLED}
    unknown = set(entry) - allowed
    if unknown:
        hint = " (to switch an entry off write `enabled: false`)" if "disable" in unknown else ""
        raise ResourceError(f"{label}: unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}{hint}")
    if not isinstance(entry.get(ENABLED, True), bool):
        raise ResourceError(f"{label}: enabled must be true or false")
    if entry.get(ENABLED, True) is False and isinstance(key, str) and entry.get(key) is None:
        raise ResourceError(f"{label}: `enabled: false` needs the {key!r} of the entry to switch off")
    missing = required - set(entry)
    if missing and entry.get(ENABLED, True) is not False:
        raise ResourceError(f"{label}: missing keys {sorted(missing)}")
    return entry


def load_rules(
    shipped: Any,
    *,
    key: str | Callable[[dict, Any], Any],
    allowed: Any,
    required: Any = frozenset(),
    sections: tuple[str, ...] | None = None,
    user_file: Any = None,
    setting: str | None = None,
    build: Callable[[dict, str, str | None], Any] | None = None,
) -> dict[str | None, list[Any]]:
    """Read shipped rule file(s) and an optional user file into entries, merged by ``key``.

    ``shipped``: a ``(name, text)`` pair or a list of them (the shipped files, read in order).
    ``user_file``: a path (or a list of them, read in order); when not given, the value of the
    ``setting`` (its WARTA_* variable). ``key``: the field that names an entry, or a function of
    the entry and its built value (None when switched off) giving its key.
    A file is a list of entries (``sections`` None: the result's only key is None) or a mapping of
    the lists ``sections``. Every entry is a mapping; keys outside ``allowed`` (a set, or a mapping
    section -> set) and ``enabled`` raise ``ResourceError`` naming the file and the entry, and so do
    missing ``required`` keys (same shapes) of an entry that is not switched off. ``build(entry,
    file, section)`` checks the values of an entry that is not switched off and makes the stage's object of
    it (its errors name the file); without it the result holds the mappings.
    Entries of one file are kept in order (the stage decides what a repeated key means); a user
    entry whose key a shipped entry has replaces it in place (every shipped entry of that key),
    ``enabled: false`` switches it off, a new key is added at the end. Entries switched off are
    left out of the result.
    """
    if user_file is None and setting is not None:
        user_file = settings.value(setting)
    files = [shipped] if isinstance(shipped, tuple) else list(shipped)
    merged: dict[str | None, list[tuple[dict, Any]]] = {s: [] for s in (sections or (None,))}

    def read(where: str, text: str) -> dict[str | None, list[tuple[dict, Any]]]:
        out = {}
        for section, entries in _rule_entries(read_yaml(text, where), where, sections).items():
            where_s = f"{where}:" if section is None or len(sections or ()) < 2 else f"{where}: {section}"
            keys = frozenset(allowed[section] if isinstance(allowed, dict) else allowed)
            needed = frozenset(required[section] if isinstance(required, dict) else required)
            pairs = []
            for number, entry in enumerate(entries, 1):
                entry = _checked(entry, where_s, number, key, keys, needed)
                on = entry.get(ENABLED, True) is not False
                pairs.append((entry, (build(entry, where, section) if build else entry) if on else None))
            out[section] = pairs
        return out

    for where, text in files:
        for section, pairs in read(where, text).items():
            merged[section].extend(pairs)
    user_files = [] if not user_file else [user_file] if isinstance(user_file, (str, PathLike)) else list(user_file)
    for path in user_files:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise ResourceError(f"{path}: cannot read this user rule file ({reason})") from None
        for section, pairs in read(str(path), text).items():
            merged[section] = _merge_rules(merged[section], pairs, key)
    return {
        s: [value for entry, value in pairs if entry.get(ENABLED, True) is not False]
        for s, pairs in merged.items()
    }


def _merge_rules(shipped: list[tuple[dict, Any]], user: list[tuple[dict, Any]], key: Any) -> list[tuple[dict, Any]]:
    """User entries merged into shipped ones by key: replace in place, switch off, or add at the end."""
    key_of = key if callable(key) else (lambda entry, _value: entry.get(key))
    out: list[tuple[dict, Any] | None] = list(shipped)
    where: dict[Any, list[int]] = {}
    for i, (entry, value) in enumerate(out):
        where.setdefault(key_of(entry, value), []).append(i)
    for pair in user:
        k = key_of(*pair)
        at = where.get(k)
        if not at:
            where[k] = [len(out)]
            out.append(pair)
            continue
        out[at[0]] = pair
        for i in at[1:]:
            out[i] = None
        where[k] = at[:1]
    return [pair for pair in out if pair is not None]
