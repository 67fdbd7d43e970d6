"""The outlet registry of ``data/outlets.yaml``: find the outlet of a page by domain or printed name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlparse

from warta.extract.resources import load

# Words that may follow an outlet's name on a site-name line ("iNews Network", "Kompas TV").
_SITE_WORDS = {"network", "app", "apps", "news", "official", "channel", "group", "media", "online", "-", "|"}


@dataclass(slots=True, frozen=True)
class Outlet:
    """One outlet: canonical name, domains, printed variants."""

    name: str
    domains: tuple[str, ...]
    variants: tuple[str, ...]


@dataclass(slots=True, frozen=True, eq=False)
class Registry:
    """All outlets, with a pattern matching any printed variant as a whole word."""

    outlets: tuple[Outlet, ...]
    by_variant: dict
    by_lower: dict
    pattern: re.Pattern

    def from_url(self, url: str | None) -> Outlet | None:
        """The outlet whose domain serves ``url`` (longest domain wins: en.tempo.co over tempo.co)."""
        if not url:
            return None
        parsed = urlparse(url if "//" in url else f"//{url}")
        host = (parsed.hostname or "").lower().removeprefix("www.")
        where = host + parsed.path.lower()
        best: tuple[int, Outlet] | None = None
        for outlet in self.outlets:
            for domain in outlet.domains:
                hit = where.startswith(domain) if "/" in domain else host == domain or host.endswith("." + domain)
                if hit and (best is None or len(domain) > best[0]):
                    best = (len(domain), outlet)
        return best[1] if best else None

    def find(self, text: str) -> tuple[Outlet, re.Match] | None:
        """The first printed outlet name in ``text``, matched case-sensitively as a whole word."""
        m = self.pattern.search(text)
        return (self.by_variant[m.group(0)], m) if m else None

    def lookup(self, name: str) -> Outlet | None:
        """The outlet printed as ``name`` (any variant, any case)."""
        name = name.strip()
        return self.by_variant.get(name) or self.by_lower.get(name.lower())

    def is_site_name(self, line: str) -> bool:
        """True for a line that is only an outlet's name: "inews", "iNews.id", "iNews Network"."""
        words = line.strip().strip(".:|·-–").split()
        if not words or len(words) > 4:
            return False
        low = " ".join(words).lower()
        for size in range(len(words), 0, -1):
            head = " ".join(words[:size]).lower()
            if head in self.by_lower and all(w.lower() in _SITE_WORDS for w in words[size:]):
                return True
        return low in self.by_lower


@lru_cache(maxsize=None)
def registry(user_file: str | None = None) -> Registry:
    """The shipped outlet registry, extended by ``user_file`` (or ``WARTA_OUTLETS``)."""
    outlets = []
    for entry in load("outlets.yaml", user_file):
        variants = tuple(dict.fromkeys([entry["name"], *(entry.get("variants") or [])]))
        outlets.append(Outlet(entry["name"], tuple(d.lower() for d in entry["domains"]), variants))
    by_variant: dict[str, Outlet] = {}
    by_lower: dict[str, Outlet] = {}
    for outlet in outlets:
        for variant in outlet.variants:
            by_variant.setdefault(variant, outlet)
            by_lower.setdefault(variant.lower(), outlet)
        for domain in outlet.domains:
            if "/" not in domain:
                by_lower.setdefault(domain, outlet)
                by_lower.setdefault(domain.split(".")[0], outlet)  # "inews", "kompas"
    alternatives = sorted(by_variant, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(v) for v in alternatives) + r")(?![\w])")
    return Registry(tuple(outlets), by_variant, by_lower, pattern)
