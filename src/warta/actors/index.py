"""The gazetteer's indexes: aliases as token n-grams, surnames, office holders by date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from warta.actors.records import Record, Tenure
from warta.actors.text import NgramIndex, common_words, fold, words_of

# which target wins when one alias names several actors: countries before organisations before
# people before places (Singapura the state, not the city); names before epithets and demonyms
KIND_RANK = {"country": 0, "org": 1, "official": 2, "place": 3}
VIA_RANK = {"name": 0, "alias": 1, "seat": 2, "epithet": 2, "demonym": 3}
PLACE_HEADS = {"selat", "laut", "teluk", "gunung", "sungai", "pulau", "danau", "semenanjung", "tanjung",
               "samudra", "terusan", "gurun", "kepulauan"}
# offices held for an organisation; an official's other roles are held for their country
ORG_ROLES = {"Sekretaris Jenderal", "Direktur Jenderal", "Direktur Pelaksana", "Presiden Komisi Eropa",
             "Presiden Dewan Eropa", "Perwakilan Tinggi Uni Eropa", "Ketua"}


@dataclass(slots=True, frozen=True)
class Target:
    """What an alias points at: a record and how the alias refers to it (name, seat:GOV, ...)."""

    id: str
    via: str


class Gazetteer:
    """Records by id plus the indexes the linker needs."""

    def __init__(self, records: dict[str, Record]):
        self.records = records
        self.aliases: NgramIndex[Target] = NgramIndex()
        self.surnames: dict[str, set[str]] = {}  # lower-case last name token → official ids
        self.name_words: dict[str, list[Record]] = {}  # any folded word of an official's names → officials
        self.countries: dict[str, Record] = {}
        self.capitals: dict[str, str] = {}  # place id → country code, for capitals
        self.orgs: dict[str, Record] = {}
        for rec in records.values():
            for surface, via in rec.surfaces():
                self.aliases.add(surface, Target(rec.id, via))
            if rec.kind == "country":
                self.countries[rec.country] = rec
            elif rec.kind == "org":
                self.orgs[rec.actor] = rec
            elif rec.kind == "place" and rec.capital and rec.country:
                self.capitals[rec.id] = rec.country
            elif rec.kind == "official":
                self._add_surnames(rec)
                for word in dict.fromkeys(w for n in [rec.name] + rec.aliases for w in self.words_of_name(n)):
                    self.name_words.setdefault(word, []).append(rec)
        self._add_place_heads()
        for key, targets in list(self.aliases.exact.items()) + list(self.aliases.folded.items()):
            targets.sort(key=self._rank)
        self.person_tokens = sorted({t for t in self.surnames if len(t) >= 4})
        self._tokens_near: dict[tuple[int, int], list[str]] = {}  # see person_tokens_near
        self._typos: dict[tuple[str, int], list[tuple[str, int]]] = {}  # see person_tokens_within
        self.translit: dict[str, set[str]] = {}  # transliteration key of a full name → official ids
        # an office → the records with a tenure in it, in record order, so that ``holders`` reads a
        # few records rather than all of them for each office named in a text; an office is a role
        # alone, or a role with the country or the organisation it is held for
        self.tenured: dict[tuple, list[Record]] = {}
        for rec in records.values():
            offices = ((t.role,) + held for t in rec.tenures
                       for held in ((), ("country", t.country), ("org", t.organisation)))
            for office in dict.fromkeys(offices):
                self.tenured.setdefault(office, []).append(rec)
            if rec.kind == "official":
                for surface in [rec.name] + rec.aliases:
                    self.translit.setdefault(translit_key(surface), set()).add(rec.id)

    def _add_place_heads(self) -> None:
        """``Selat Hormuz`` may be written ``selat strategis Hormuz``: index ``Hormuz`` alone when free."""
        common = common_words()
        for rec in self.records.values():
            toks = words_of(rec.name)
            if rec.kind == "place" and len(toks) == 2 and toks[0].lower() in PLACE_HEADS:
                rest = toks[1]
                if rest.lower() not in common and not self.aliases.get(rest):
                    self.aliases.add(rest, Target(rec.id, "alias"))

    def _rank(self, target: Target) -> tuple[int, int]:
        return KIND_RANK[self.records[target.id].kind], VIA_RANK[target.via.split(":")[0]]

    def _add_surnames(self, rec: Record) -> None:
        common = common_words()
        for surface in [rec.name] + rec.aliases:
            toks = [t for t in words_of(surface) if t[:1].isalpha()]
            if len(toks) < 2:
                continue
            last = toks[-1].lower()
            # a surname that is also a common word (Sisi, Abe?) is never linked on its own
            if len(last) >= 3 and last not in common:
                self.surnames.setdefault(last, set()).add(rec.id)

    def person_tokens_near(self, length: int, distance: int) -> list[str]:
        """The ``person_tokens`` (in their order) whose length is within ``distance`` of ``length``: an
        edit distance is at least the difference in length, so a word of that length can be within
        ``distance`` of these only. Built once per pair."""
        key = (length, distance)
        if key not in self._tokens_near:
            self._tokens_near[key] = [t for t in self.person_tokens if abs(len(t) - length) <= distance]
        return self._tokens_near[key]

    def person_tokens_within(self, word: str, distance: int) -> list[tuple[str, int]]:
        """The (at most five) ``person_tokens`` closest to ``word`` within ``distance`` (Damerau OSA)
        edits, closest first, with their distances. Remembered per word: one search compares the word
        with hundreds of tokens, and the same capitalised words come back article after article."""
        key = (word, distance)
        if key not in self._typos:
            if len(self._typos) >= 100_000:
                self._typos.clear()  # a bound on memory in a long-running process
            hits = process.extract(word, self.person_tokens_near(len(word), distance), scorer=OSA.distance,
                                   score_cutoff=distance, limit=5)
            self._typos[key] = [(name, dist) for name, dist, _ in hits]
        return self._typos[key]

    def by_surname(self, token: str) -> Record | None:
        """The one official with this surname, or None when none or several."""
        ids = self.surnames.get(fold(token).lower())
        if ids and len(ids) == 1:
            return self.records[next(iter(ids))]
        return None

    @staticmethod
    def words_of_name(name: str) -> list[str]:
        """The folded lower-case words of a person's name (hyphens and particles dropped)."""
        return [w for w in words_of(fold(name).lower()) if w.isalpha()]

    def named_in_office(self, words: list[str], on: date, role: str | None = None,
                        countries: set[str] | None = None) -> list[Record]:
        """Officials with all ``words`` among the words of their names who hold an office on ``on``:
        ``role`` when given, for one of ``countries`` when given (any other office of the official's
        country counts when ``role`` is None)."""
        out = []
        for rec in self.name_words.get(words[0], ()) if words else ():
            names = {w for n in [rec.name] + rec.aliases for w in self.words_of_name(n)}
            if not all(w in names for w in words[1:]):
                continue
            if any(covers(t, on) and (role is None or t.role == role)
                   and (countries is None or (t.country or rec.country) in countries) for t in rec.tenures):
                out.append(rec)
        return out

    def holders(self, role: str, *, country: str | None = None, org: str | None = None,
                on: date | None = None) -> list[Record]:
        """Officials holding ``role`` for a country or organisation on a date."""
        out = []
        office = (role, "country", country) if country else (role, "org", org) if org else (role,)
        for rec in self.tenured.get(office, ()):
            for ten in rec.tenures:
                if ten.role != role:
                    continue
                if country and ten.country != country:
                    continue
                if org and ten.organisation != org:
                    continue
                if on and not covers(ten, on):
                    continue
                out.append(rec)
                break
        return out

    def _tenure_on(self, rec: Record, on: date | None) -> Tenure:
        tenures = [t for t in rec.tenures if on is None or covers(t, on)] or rec.tenures
        return max(tenures, key=lambda t: t.start or date.min)

    def country_of(self, rec: Record, on: date | None = None) -> str | None:
        """An official serving an organisation on the date (NATO's Secretary-General) has no country,
        unless the organisation has a home country: the head of Hamas or of a party is that country's
        (the real-news conventions code Ismail Haniyeh PSE, as they code Hamas)."""
        if rec.kind == "official" and rec.organisation and self._tenure_on(rec, on).role in ORG_ROLES:
            org = self.orgs.get(rec.organisation)
            return org.country if org is not None else None
        return rec.country

    def actor_of(self, rec: Record, on: date | None = None) -> str | None:
        """Event actor code: org code, country code, or country plus the sector of the office held."""
        if rec.kind != "official":
            return rec.actor
        ten = self._tenure_on(rec, on)
        if rec.organisation and (not rec.country or ten.role in ORG_ROLES):
            return rec.organisation
        if rec.country:
            return rec.country + (ten.sector or "")
        return rec.organisation


_FINAL_Y = re.compile(r"(iy|yy)$")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def translit_key(name: str) -> str:
    """One spelling for transliteration variants: Sergei/Sergey, Dmitri/Dmitry, Zelensky/Zelenskyy/Zelenskiy
    (cached: the linker asks for the same names' keys once per candidate)."""
    words = []
    for w in words_of(name.lower()):
        w = _FINAL_Y.sub("y", w).replace("y", "i")
        words.append(_DOUBLED.sub(r"\1", w))  # doubled letters: Zelenskii, Assad/Asad
    return " ".join(words)


def covers(ten: Tenure, on: date, *, margin_after: timedelta = timedelta(0)) -> bool:
    """The tenure includes ``on`` (with an optional margin after its end)."""
    if ten.start and on < ten.start:
        return False
    return ten.end is None or on <= ten.end + margin_after
