"""What kind of page an article is (``article``, ``video``, ``photo``), from its headline or address.

The rules are data (``kinds.yaml``: a headline pattern and an address pattern per kind). A page of a
kind other than ``article`` is still an article with its text; the kind only says what it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from warta.errors import ResourceError
from warta.resources import read_yaml

DEFAULT = "article"
_KEYS = {"kind", "title", "url", "note", "example"}


@dataclass(frozen=True, slots=True)
class KindRule:
    """A page kind and the headline and address patterns that mark it."""

    kind: str
    title: re.Pattern
    url: re.Pattern | None
    note: str


def parse(data, where: str) -> tuple[KindRule, ...]:
    """Checked rules from the parsed YAML of a kinds file."""
    if not isinstance(data, list):
        raise ResourceError(f"{where}: expected a list of kinds")
    out = []
    for i, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or set(entry) - _KEYS or not {"kind", "title", "note"} <= set(entry):
            raise ResourceError(f"{where}: entry {i} needs kind, title and note (allowed: {', '.join(sorted(_KEYS))})")
        try:
            title = re.compile(entry["title"])
            url = re.compile(entry["url"]) if entry.get("url") else None
        except (re.error, TypeError) as err:
            raise ResourceError(f"{where}: entry {i} ({entry['kind']}): bad pattern: {err}") from None
        if entry.get("example") and not title.search(entry["example"]):
            raise ResourceError(f"{where}: entry {i} ({entry['kind']}): its example does not match its title pattern")
        out.append(KindRule(str(entry["kind"]), title, url, entry["note"]))
    return tuple(out)


@lru_cache(maxsize=1)
def rules() -> tuple[KindRule, ...]:
    """The shipped rules of ``kinds.yaml``."""
    text = resources.files("warta.extract").joinpath("kinds.yaml").read_text(encoding="utf-8")
    return parse(read_yaml(text, "kinds.yaml"), "kinds.yaml")


def title_kind(title: str | None) -> str | None:
    """The kind a headline announces ("VIDEO: ..."), or None."""
    for rule in rules():
        if title and rule.title.search(title):
            return rule.kind
    return None


def page_kind(title: str | None, url: str | None) -> str:
    """The kind of a page by its headline, else its address; ``article`` when neither says."""
    found = title_kind(title)
    if found is not None:
        return found
    for rule in rules():
        if url and rule.url is not None and rule.url.search(url):
            return rule.kind
    return DEFAULT
