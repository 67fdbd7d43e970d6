"""The gazetteer's records: an actor (country, place, organisation, official) and an office held."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable


@dataclass(slots=True)
class Tenure:
    """One office held by an official, with its dates (``end`` None while in office)."""

    role: str
    sector: str | None
    start: date | None
    end: date | None
    country: str | None
    organisation: str | None


@dataclass(slots=True)
class Record:
    """One gazetteer actor: a country, place, organisation or official."""

    id: str
    kind: str  # country | place | org | official
    name: str
    type: str  # GPE, LOC, ORG, PER
    country: str | None
    actor: str | None  # event actor code: RUS, NATO, IDNMIL; officials get theirs from their office
    aliases: list[str] = field(default_factory=list)
    epithets: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    seats: list[tuple[str, str]] = field(default_factory=list)  # (name, sector) metonyms of a state
    capital: str | None = None  # countries: the capital's name; places: "yes" when a seat of government
    organisation: str | None = None
    tenures: list[Tenure] = field(default_factory=list)
    source: str = ""

    def surfaces(self) -> Iterable[tuple[str, str]]:
        """Every (surface, how) this record may be written as."""
        yield self.name, "name"
        for a in self.aliases:
            yield a, "alias"
        for a in self.epithets:
            yield a, "epithet"
        for a in self.demonyms:
            yield a, "demonym"
        for name, sector in self.seats:
            yield name, f"seat:{sector}"
