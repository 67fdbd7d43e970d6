"""Finds the actor mentions of one article and links each to an entity (gazetteer or new).

Passes, in order, each claiming tokens so later passes only see what is left: gazetteer aliases
(n-gram dict), roles with the name after them or alone, long forms before an acronym, organisation
heads, the language layer's NER spans, names next to speech verbs, then leftover capitalised
tokens (surnames, partial names, transliterations and typos; these never create entities).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

from rapidfuzz import process
from rapidfuzz.distance import OSA

from warta.actors.gazetteer import Record
from warta.actors.index import Gazetteer, Target, covers, translit_key
from warta.actors.lexicon import Lexicon
from warta.actors.text import Token, common_words, fold, root_words, tokenise, words_of
from warta.article import Article, Entity, Mention, Role

NER_TYPES = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG",
             "GPE": "GPE", "LOC": "LOC", "PLACE": "LOC", "EVT": "EVT", "EVENT": "EVT"}
TENURE_MARGIN = timedelta(days=366)  # "Menlu AS Pompeo" a year after he left may still be loose usage
DASHES = {"-", "–", "—"}


@dataclass(slots=True)
class Found:
    """A mention: token span, entity key and how it was linked."""

    i: int
    j: int
    key: str
    via: str
    actor: str | None = None


@dataclass(slots=True)
class NewEntity:
    """An actor the gazetteer does not know."""

    type: str
    names: list[str] = field(default_factory=list)
    country: str | None = None
    actor: str | None = None


def new_id(type_: str, name: str) -> str:
    """Stable id of an unknown actor: type plus a hash of the type and normalised name."""
    norm = " ".join(words_of(fold(name).lower()))
    return f"{type_.lower()}:{hashlib.sha256(f'{type_}|{norm}'.encode()).hexdigest()[:12]}"


def published_date(article: Article) -> date | None:
    """The article's publication date, if it parses."""
    try:
        return date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None


class Linker:
    """Links the mentions of one article; ``run`` returns entities and warnings."""

    def __init__(self, article: Article, doc, gaz: Gazetteer, lex: Lexicon):
        self.article, self.doc, self.gaz, self.lex = article, doc, gaz, lex
        self.body = article.body
        self.toks: list[Token] = tokenise(self.body)
        self.n = len(self.toks)
        self.taken = [False] * self.n
        self.found: list[Found] = []
        self.starts: dict[int, Found] = {}
        self.new: dict[str, NewEntity] = {}
        self.roles: dict[str, list[Role]] = {}
        self.warnings: list[str] = []
        self.role_intro: dict[str, int] = {}  # person key → first token of a role stated with them
        self.pending_role: str | None = None  # the office whose holder ``resolve`` is looking for
        self.date = published_date(article)
        self.common = common_words()
        bounds = article.sentences or [[0, len(self.body)]]
        self.sent_starts = [s for s, _ in bounds]
        # the first word of each sentence (and of each line: headlines, captions) is capitalised anyway
        self.sentence_initial: set[int] = set()
        seen: set[int] = set()
        for t in self.toks:
            if not t.is_word:
                continue
            s = self._sent(t.start)
            if s not in seen or "\n" in self.body[max(0, t.start - 2):t.start]:
                seen.add(s)
                self.sentence_initial.add(t.i)

    # ------------------------------------------------------------------ helpers

    def _sent(self, offset: int) -> int:
        return bisect_right(self.sent_starts, offset) - 1

    def _add(self, i: int, j: int, key: str, via: str, actor: str | None = None) -> Found:
        f = Found(i, j, key, via, actor)
        self.found.append(f)
        self.starts.setdefault(i, f)
        for k in range(i, j):
            self.taken[k] = True
        return f

    def _text(self, i: int, j: int) -> str:
        return self.body[self.toks[i].start:self.toks[j - 1].end]

    def _rec(self, key: str) -> Record | None:
        return self.gaz.records.get(key)

    def _kind(self, key: str) -> str:
        rec = self._rec(key)
        return rec.kind if rec else "new-" + self.new[key].type

    def _is_person(self, key: str) -> bool:
        return self._kind(key) in ("official", "new-PER")

    def _nameish(self, t: Token, first: bool) -> bool:
        """Could be a word of an unknown name: capitalised, not a common or excluded word."""
        if not (t.is_cap and t.text.isalpha()) or self.taken[t.i]:
            return False
        if t.lower in self.common or self.lex.has("not_names", self.toks, t.i):
            return False
        if first and len(t.text) > 1 and t.text.isupper():
            return False  # an acronym (NATO, PBB) does not open a person's name
        return not (first and self.lex.roles.at(self.toks, t.i))

    def name_span(self, k: int, limit: int = 5) -> tuple[int, int] | None:
        """The capitalised name starting at token ``k`` (particles and hyphens inside), or None."""
        if k >= self.n or not self._nameish(self.toks[k], True):
            return None
        j = k + 1
        while j < self.n and j - k < limit:
            t = self.toks[j]
            glued = t.start == self.toks[j - 1].end
            if self._nameish(t, False):
                j += 1
            elif (t.text == "-" and glued and j + 1 < self.n and self.toks[j + 1].start == t.end
                  and self.toks[j + 1].is_cap):
                j += 2  # Jean-Pierre
            elif self.lex.has("name_particles", self.toks, j) and j + 1 < self.n and self._nameish(self.toks[j + 1], False):
                j += 2  # Mohammed bin Salman
            elif (self.lex.has("name_particles", self.toks, j) and j + 2 < self.n and self.toks[j + 1].text == "-"
                  and self.toks[j + 1].start == t.end and self.toks[j + 2].start == self.toks[j + 1].end
                  and self._nameish(self.toks[j + 2], False)):
                j += 3  # Ain al-Asad, Haider al-Abadi
            else:
                break
        return k, j

    def _date_at(self, i: int) -> date | None:
        """A dated timex in the sentence of token ``i``, else the publication date."""
        s = self._sent(self.toks[i].start)
        for tx in self.article.timex:
            if tx.value and len(tx.value) >= 7 and tx.value[:4].isdigit() and self._sent(tx.start) == s:
                try:
                    return date.fromisoformat(tx.value[:10] if len(tx.value) >= 10 else tx.value[:7] + "-01")
                except ValueError:
                    continue
        return self.date

    # ------------------------------------------------------------------ pass 1: gazetteer aliases

    def gazetteer(self) -> None:
        """Link every alias of the gazetteer (longest match first)."""
        i = 0
        while i < self.n:
            t = self.toks[i]
            hit = self.gaz.aliases.at(self.toks, i) if t.is_cap else None
            if hit is None and t.is_cap and i + 1 < self.n:
                nxt = self.toks[i + 1]
                # a word broken by a stray space ("Ukrai na")
                if nxt.start == t.end + 1 and nxt.text.islower() and len(nxt.text) <= 3 and t.lower not in self.common:
                    joined = self.gaz.aliases.folded.get((t.lower + nxt.lower,))
                    hit = (i + 2, joined) if joined else None
            if hit is None:
                i += 1
                continue
            j, targets = hit
            # a capitalised common word opening a sentence is not a place name (Batu, Bukit)
            if j == i + 1 and t.lower in self.common and i in self.sentence_initial:
                i += 1
                continue
            if self._dateline(i, j):
                for k in range(i, j):
                    self.taken[k] = True
            else:
                target = self._choose(targets, i)
                if j == i + 1 and self.gaz.records[target.id].kind == "official" \
                        and not self._bare_name_ok(target.id, i, derived=False):
                    i += 1  # "Anwar" alone: left to the later passes (a role may still introduce him)
                    continue
                self._link_alias(i, j, target)
            i = j

    def given_names(self) -> None:
        """``Dmitro Kuleba``: a misspelt or transliterated given name before a linked surname joins it."""
        for f in list(self.found):
            k = f.i - 1
            rec = self._rec(f.key)
            if k < 0 or rec is None or rec.kind != "official" or not self._nameish(self.toks[k], True):
                continue
            if any((hit := self.lex.roles.at(self.toks, s)) and hit[0] > k for s in range(max(0, k - 5), k)):
                continue  # the end of a title: Menteri Luar [Negeri] Lavrov
            if self.toks[f.i].start - self.toks[k].end != 1:
                continue
            given, rest = translit_key(self.toks[k].text), fold(self._text(f.i, f.j)).lower()
            for name in [rec.name] + rec.aliases:
                words = words_of(name)
                if len(words) > 1 and " ".join(words[1:]).lower() == rest and (
                        translit_key(words[0]) == given or OSA.distance(translit_key(words[0]), given) <= 1):
                    self._drop(f)
                    self._add(k, f.j, f.key, "translit", f.actor)
                    break
            else:
                # "Hunter Biden" is not Joe Biden: another given name before a bare surname is someone else;
                # a sentence's first word is capitalised anyway, so an Indonesian word there (Adapun) is no name
                if k in self.sentence_initial and self.toks[k].lower in root_words():
                    continue
                if f.j - f.i == 1 and fold(self.toks[f.i].text).lower() != fold(rec.name).lower():
                    self._drop(f)
                    self._add(k, f.j, self._new("PER", self._text(k, f.j)), "name")

    def _choose(self, targets: list[Target], i: int) -> Target:
        """The best target; among people of one alias, the one in office on the date."""
        best = targets[0]
        if self.gaz.records[best.id].kind == "official" and len(targets) > 1:
            on = self._date_at(i)
            for tg in targets:
                rec = self.gaz.records[tg.id]
                if rec.kind == "official" and on and any(covers(t, on) for t in rec.tenures):
                    return tg
        return best

    def _dateline(self, i: int, j: int) -> bool:
        """``MOSKWA, KOMPAS.com -`` or ``Liputan6.com, Washington DC -``: the place of the date line."""
        start = self.toks[i].start
        line = self.body.rfind("\n", 0, start) + 1
        end = self.body.find("\n", start)
        end = len(self.body) if end < 0 else end
        before = [t for t in self.toks[max(0, i - 6):i] if t.start >= line]
        if len(before) > 5 or (before and before[-1].text != ","):
            return False
        dash = next((t for t in self.toks[j:j + 8] if t.text in DASHES and t.start < end), None)
        if dash is None or not (self.toks[j].text in DASHES or self.toks[j].text == "," or self.toks[j].text.isupper()):
            return False
        for k in range(before[0].i if before else i, dash.i):
            self.taken[k] = True  # the agency of the date line is no actor either
        return True

    def _link_alias(self, i: int, j: int, target: Target) -> None:
        rec = self.gaz.records[target.id]
        if rec.kind == "place" and self.lex.has("continents", self.toks, i) == j and self._locative(i, j):
            for k in range(i, j):
                self.taken[k] = True  # "kasus campak di Eropa": the setting, no entity
            return
        if target.via.startswith("seat:"):
            self._add(i, j, self.gaz.countries[rec.country].id if rec.country in self.gaz.countries else rec.id,
                      "seat", rec.country + target.via.split(":")[1])
            return
        if rec.kind == "place" and rec.capital and rec.country in self.gaz.countries and not self._locative(i, j):
            self._add(i, j, self.gaz.countries[rec.country].id, "capital")
            return
        self._add(i, j, rec.id, target.via)

    def _locative(self, i: int, j: int) -> bool:
        """A capital used as a place: after di/ke/dari/kota..., or followed by ", <country>"."""
        if i > 0 and self.toks[i - 1].lower == "dari" and not self._from_place(i - 1, j):
            return False  # "tekanan dari Washington": the state is the source, not a place left
        if self.lex.ends_before("locative", self.toks, i):
            return True
        if i >= 2 and self.toks[i - 1].text == ",":
            # "ibu kota Mesir, Kairo": apposition after a country that follows a locative
            prev = [f for f in self.found if f.j == i - 1]
            if prev and self.lex.ends_before("locative", self.toks, prev[0].i):
                return True
        if j + 1 < self.n and self.toks[j].text == ",":
            hit = self.gaz.aliases.at(self.toks, j + 1)
            if hit and self.gaz.records[hit[1][0].id].kind == "country":
                return True
        return False

    def _from_place(self, d: int, j: int) -> bool:
        """``dari`` at ``d`` means leaving a place: after a movement word, or before ``ke`` (dari X ke Y)."""
        before = range(max(0, d - 4), d)
        if any(self.lex.has("movement", self.toks, k) for k in before):
            return True
        return any(self.toks[k].lower in ("ke", "menuju", "hingga", "sampai") for k in range(j, min(self.n, j + 3)))

    # ------------------------------------------------------------------ pass 2: roles

    def roles_pass(self) -> None:
        """``Menlu AS, Mike Pompeo`` → role on the person; ``Menlu AS`` alone → the office holder."""
        i = 0
        while i < self.n:
            hit = None if self.taken[i] else self.lex.roles.at(self.toks, i)
            if hit is None or not self.toks[i].is_word:
                i += 1
                continue
            j, defs = hit
            for k in range(i, j):
                self.taken[k] = True  # the role words are no name (nor an NER organisation)
            i = self._role_at(i, j, defs[0])

    def _drop(self, f: Found) -> None:
        self.found.remove(f)
        if self.starts.get(f.i) is f:
            del self.starts[f.i]

    def _role_at(self, i: int, j: int, rdef) -> int:
        k, country, org, implied = j, None, None, None
        # a ministry alias across the role words ("Juru bicara [Departemen Luar Negeri AS]") is part
        # of the office: drop it, keep its country, and re-link what follows the role words (AS)
        for f in [f for f in self.found if f.i < j and f.j > i and self._kind(f.key) == "org"]:
            rec = self._rec(f.key)
            if rec.country is None and f.i > i and f.j <= j:
                org = rec.actor  # an international body named by the title stays an actor: Presiden [Komisi Eropa]
                continue
            self._drop(f)
            country = implied = rec.country  # "juru bicara Kemlu": the ministry's state, unless a country follows
            if f.j > j:
                for t in range(j, f.j):
                    self.taken[t] = False
                t = j
                while t < f.j:
                    hit = self.gaz.aliases.at(self.toks, t)
                    if hit and hit[0] <= f.j:
                        self._link_alias(t, hit[0], self._choose(hit[1], t))
                        t = hit[0]
                    else:
                        t += 1
        for f in self.found:  # a seat inside the role words: Juru Bicara Kremlin, Gedung Putih
            if i <= f.i < j and self._kind(f.key) == "country":
                country = self._rec(f.key).country
        if k < self.n and self.toks[k].text == "(":  # "Menteri Luar Negeri (Menlu) Amerika Serikat"
            close = next((m for m in range(k + 1, min(self.n, k + 5)) if self.toks[m].text == ")"), None)
            if close and self.lex.roles.at(self.toks, k + 1):
                k = close + 1
        f = self.starts.get(k)
        if f and self._kind(f.key) in ("country", "org"):
            rec = self._rec(f.key)
            country, org = (rec.country, None) if rec.kind == "country" else (None, rec.actor)
            k = f.j
            if k + 2 < self.n and self.toks[k].text == "(" and self.starts.get(k + 1):
                inner = self.starts[k + 1]
                if inner.key == f.key and inner.j < self.n and self.toks[inner.j].text == ")":
                    k = inner.j + 1  # Amerika Serikat (AS)
        listed = self._coordinated(k, "org" if org else "country") if (country or org) else []
        if listed:
            return self._role_list(i, k, rdef, country, org, listed)
        while k < self.n:  # ranks between the office and the name: Panglima TNI Jenderal Agus
            rank = self.lex.roles.at(self.toks, k)
            if not rank or rank[1][0].office or self.taken[k]:
                break
            k = rank[0]
        comma = k < self.n and self.toks[k].text == ","
        m = k + 1 if comma else k
        person = None
        f = self.starts.get(m)
        if f and self._is_person(f.key):
            person, end = f.key, f.j
        elif m < self.n and not self.taken[m]:
            span = self.name_span(m)
            if span:
                self.pending_role = rdef.role if rdef.office else None
                person = self.resolve(*span, "PER", create=True, via="role")
                self.pending_role = None
                end = span[1]
        former = self.lex.ends_before("former", self.toks, i)
        if person and country and country == implied and self._rec(person) and self._rec(person).country != country:
            country = None  # "juru bicara Kementerian Luar Negeri Maria Zakharova": the ministry is hers, not Kemlu
        if person:
            self._attach(person, rdef, country, org, stated=country or org, former=former, at=i)
            return end
        if rdef.office and (country or org) and not former and not comma:
            on = self._date_at(i)
            holders = self.gaz.holders(rdef.role, country=country, org=org, on=on) if on else []
            if len(holders) == 1:
                self._add(i, k, holders[0].id, "role")
                self._attach(holders[0].id, rdef, country, org, stated=None, former=False, at=i)
        return max(k, i + 1)

    def _coordinated(self, k: int, kind: str) -> list[Found]:
        """Countries (or organisations) coordinated after the first: ``Menlu AS [dan Rusia]``."""
        out: list[Found] = []
        while k < self.n:
            t = k
            if self.toks[t].text == ",":
                t += 1
            if t < self.n and self.lex.has("coordinators", self.toks, t) and self.toks[t].text.islower():
                t = self.lex.has("coordinators", self.toks, t)
            elif t == k:
                break
            f = self.starts.get(t)
            if f is None or self._kind(f.key) != kind or f.via == "seat":
                break
            out.append(f)
            k = f.j
        # "Presiden Rusia dan Tiongkok, Vladimir Putin dan Xi Jinping": the names carry the link
        nxt = k + 1 if k < self.n and self.toks[k].text == "," else k
        f = self.starts.get(nxt)
        if out and nxt < self.n and ((f and self._is_person(f.key)) or self.name_span(nxt)):
            return []
        return out

    def _role_list(self, i: int, k: int, rdef, country, org, listed: list[Found]) -> int:
        """One office of several states: each holder on the date (``Presiden Rusia dan Tiongkok``)."""
        former = self.lex.ends_before("former", self.toks, i)
        places = [(country, org, k)] + [
            ((self._rec(f.key).country, None) if self._kind(f.key) == "country" else (None, self._rec(f.key).actor))
            + (f.j,) for f in listed]
        if not rdef.office or former:
            return listed[-1].j
        on = self._date_at(i)
        for n, (c, o, end) in enumerate(places):
            holders = self.gaz.holders(rdef.role, country=c, org=o, on=on) if on else []
            if len(holders) == 1:
                # the first holder's evidence is "Menlu AS"; a later one's is the whole "Menlu AS dan Rusia",
                # so the country alone ("Rusia") stays the tightest mention of the state for entity_at
                self._add(i, end, holders[0].id, "role" if n == 0 else "role-list")
                self._attach(holders[0].id, rdef, c, o, stated=None, former=False, at=i)
        return listed[-1].j

    def _attach(self, key: str, rdef, country, org, *, stated, former: bool, at: int) -> None:
        """Record the role on the entity and check it against the official's tenures."""
        if not rdef.office:
            return
        self.role_intro[key] = min(at, self.role_intro.get(key, at))
        rec = self._rec(key)
        where = org or country
        if where is None and rec is not None:
            ten = next((t for t in rec.tenures if t.role == rdef.role), None)
            where = (ten.organisation or ten.country) if ten else rec.country
        role = Role(rdef.role, where)
        if role not in self.roles.setdefault(key, []):
            self.roles[key].append(role)
        if rec is None:
            ent = self.new[key]
            ent.country = ent.country or country
            ent.actor = ent.actor or (org or (country + (rdef.sector or "") if country else None))
            return
        if stated and not former and self.date:
            self._check_tenure(rec, rdef.role, country, org, at)

    def _check_tenure(self, rec: Record, role: str, country, org, at: int) -> None:
        tenures = [t for t in rec.tenures if t.role == role and
                   ((country and t.country == country) or (org and t.organisation == org))]
        if not tenures or any(covers(t, self.date, margin_after=TENURE_MARGIN) for t in tenures):
            return
        spans = ", ".join(f"{t.start or '?'} to {t.end or 'now'}" for t in tenures)
        msg = (f"publication date {self.date} is outside the tenure of {rec.name} as {role}"
               f" ({org or country}: {spans}), stated at offset {self.toks[at].start}; the date may be wrong")
        if msg not in self.warnings:
            self.warnings.append(msg)

    # ------------------------------------------------------------------ pass 3: organisations

    def state_bodies(self) -> None:
        """``Kementerian Luar Negeri Rusia``, ``militer Rusia``: the state acting (actor RUSGOV, RUSMIL)."""
        for f in list(self.found):
            # an Indonesian ministry's bare name followed by another country is that country's ministry
            rec, nxt = self._rec(f.key), self.starts.get(f.j)
            if rec and rec.kind == "org" and rec.country and nxt and self._kind(nxt.key) == "country" \
                    and self._rec(nxt.key).country != rec.country and self.lex.has("government", self.toks, f.i):
                self._drop(f)
                sector = "MIL" if self.lex.has("military", self.toks, f.i) else "GOV"
                self._add(f.i, nxt.j, nxt.key, "government", self._rec(nxt.key).country + sector)
        for f in list(self.found):
            # a foreign ministry known by name ("Departemen Luar Negeri AS", "Militer Rusia") is the state
            # acting, as "Kementerian Luar Negeri Rusia" is: the body word, then the country's own alias
            rec = self._rec(f.key)
            if not (rec and rec.kind == "org" and rec.country in self.gaz.countries and rec.actor
                    and rec.actor.startswith(rec.country) and len(rec.actor) > len(rec.country)):
                continue
            head = self.lex.has("military", self.toks, f.i) or self.lex.has("government", self.toks, f.i)
            hit = self.gaz.aliases.at(self.toks, head) if head else None
            gov = self.lex.has("government", self.toks, f.i)
            if hit is None and gov:  # a portfolio between: Departemen [Luar Negeri] AS; not Pasukan Pertahanan Israel
                tail = next((t for t in range(gov, f.j) if self.gaz.aliases.at(self.toks, t)), None)
                hit = self.gaz.aliases.at(self.toks, tail) if tail is not None else None
            if hit and hit[0] == f.j and any(self.gaz.records[t.id].id == self.gaz.countries[rec.country].id
                                             for t in hit[1]):
                self._drop(f)
                self._add(f.i, f.j, self.gaz.countries[rec.country].id, "government", rec.actor)
        for k in range(self.n):
            if self.taken[k]:
                continue
            mil = self.lex.has("military", self.toks, k)
            j = mil or self.lex.has("government", self.toks, k)
            if j is None:
                continue
            while j < self.n and j - k < 6 and j not in self.starts and self.toks[j].is_cap and not self.taken[j]:
                j += 1
            f = self.starts.get(j)
            if f is None or self._kind(f.key) != "country" or f.via == "seat":
                continue
            sector = "MIL" if mil and self.toks[k].is_cap or mil and j == mil else "GOV"
            self._add(k, f.j, f.key, "government", self._rec(f.key).country + sector)

    def bare_institutions(self) -> None:
        """``Kementerian Pertahanan`` without a state: the state last named with it, else a foreign dateline's.

        The shipped record of a bare ministry name is Indonesia's. After ``Kementerian Pertahanan Rusia``
        a bare ``Kementerian Pertahanan`` is Russia's; with no such mention, a full name (not the
        Indonesian abbreviations Kemlu, Kemhan) in a story datelined abroad that names no Indonesian
        actor is the dateline state's; otherwise it stays Indonesia's.
        """
        bare = [f for f in self.found if self._bare_ministry(f)]
        if not bare:
            return
        abroad = self._dateline_country()
        if abroad and any(f not in bare and self._rec(f.key) and self._rec(f.key).country == "IDN" for f in self.found):
            abroad = None  # the story names Indonesia itself: a bare ministry is most likely Indonesia's
        for f in bare:
            country = self._last_stated(self._rec(f.key), f.i)
            if country is None and f.j - f.i > 1:
                country = abroad
            if country is None or country == self._rec(f.key).country or country not in self.gaz.countries:
                continue
            self._drop(f)
            sector = "MIL" if self.lex.has("military", self.toks, f.i) else "GOV"
            self._add(f.i, f.j, self.gaz.countries[country].id, "government", country + sector)

    def _bare_ministry(self, f: Found) -> bool:
        """An Indonesian government body named without a state (``Kementerian Pertahanan``, not ``Kemhan RI``)."""
        rec = self._rec(f.key)
        if not (rec and rec.kind == "org" and rec.country == "IDN" and self.lex.has("government", self.toks, f.i)):
            return False
        return not any(self._country_at(t) for t in range(f.i, f.j))

    def _country_at(self, t: int) -> str | None:
        """The country code of a country alias starting at token ``t`` (``Rusia``, ``RI``), or None."""
        hit = self.gaz.aliases.at(self.toks, t) if t < self.n and self.toks[t].is_cap else None
        if hit:
            rec = self.gaz.records[hit[1][0].id]
            if rec.kind == "country":
                return rec.country
        return None

    def _last_stated(self, rec: Record, i: int) -> str | None:
        """The state named right after the nearest earlier mention of the same body (any of its names)."""
        forms = set()
        for name in [rec.name] + rec.aliases:
            words = tuple(w.lower() for w in words_of(name))
            forms.add(words)
            swap = {"kementerian": "departemen", "departemen": "kementerian"}.get(words[0]) if words else None
            if swap:  # the press writes Departemen and Kementerian alike for a foreign ministry
                forms.add((swap,) + words[1:])
        for k in range(i - 1, -1, -1):
            for form in forms:
                end = k + len(form)
                if end < i and tuple(t.lower for t in self.toks[k:end]) == form:
                    country = self._country_at(end)
                    if country:
                        return country
        return None

    def _dateline_country(self) -> str | None:
        """The country of the dateline's place when it is abroad (``MOSKWA, KOMPAS.com -`` → RUS)."""
        place = self.article.dateline.place if self.article.dateline else None
        targets = self.gaz.aliases.get(place) if place else []
        country = self.gaz.records[targets[0].id].country if targets else None
        return country if country and country != "IDN" else None

    def organisations(self) -> None:
        """``Dewan Keamaan Perserikatan Bangsa-Bangsa (DK PBB)`` and ``Dewan Arktik``."""
        for k in range(2, self.n):
            if self.toks[k - 1].text != "(" or k not in self.starts:
                continue
            inner = self.starts[k]
            if inner.j >= self.n or self.toks[inner.j].text != ")" or not self.toks[k].text.isupper():
                continue
            s = k - 1
            while s > 0 and (self.toks[s - 1].is_cap or (self.toks[s - 1].text == "-" and s > 1)) \
                    and s - 1 not in self.sentence_initial:
                s -= 1
            if s > 0 and s - 1 in self.sentence_initial and self.toks[s - 1].is_cap:
                s -= 1
            if k - 1 - s >= 2 and not any(f.i == s and f.j == k - 1 for f in self.found):
                for f in [f for f in self.found if s <= f.i and f.j <= k - 1 and not self._is_person(f.key)]:
                    self._drop(f)  # "Dewan Keamaan [Perserikatan Bangsa-Bangsa] (DK PBB)": the parent is part of the name
                self._add(s, k - 1, inner.key, "long-form", inner.actor)
        for k in range(self.n):
            t = self.toks[k]
            if self.taken[k] or not t.is_cap or not self.lex.has("org_heads", self.toks, k):
                continue
            j = self.lex.has("org_heads", self.toks, k)
            while j < self.n and j - k < 6 and (
                    (self.toks[j].is_cap and self.toks[j].is_word and self.toks[j].lower not in self.common)
                    or (self.toks[j].text == "-" and self.toks[j].start == self.toks[j - 1].end)):
                place = self.starts.get(j)
                if place and self._kind(place.key) in ("country", "place"):
                    j = place.j  # "Universitas Indonesia [Hikmahanto Juwana]": a place closes the name
                    break
                j += 1
            if self.toks[j - 1].text == "-":
                j -= 1
            if j > k + 1:  # the head alone ("Dewan") names nothing
                for f in [f for f in self.found if k <= f.i and f.j <= j and self._kind(f.key) == "place"]:
                    self._drop(f)  # "Dewan Arktik" is an organisation, not a mention of the Arctic
                self._add(k, j, self._new("ORG", self._text(k, j)), "heuristic")

    # ------------------------------------------------------------------ pass 4: NER and speech

    def ner(self) -> None:
        """Spans of the trained NER that no earlier pass claimed."""
        if self.doc is None:
            return
        for ent in getattr(self.doc, "ents", ()):
            typ = NER_TYPES.get(ent.label_)
            if typ is None:
                continue
            idx = [t.i for t in self.toks if t.start >= ent.start_char and t.end <= ent.end_char]
            free = [i for i in idx if not self.taken[i]]
            if not free or free != list(range(free[0], free[-1] + 1)):
                continue
            i, j = free[0], free[-1] + 1
            while i < j and not self.toks[i].is_word:
                i += 1
            while j > i and not self.toks[j - 1].is_word:
                j -= 1
            if j <= i or not self.toks[i].is_cap or self.lex.roles.at(self.toks, i):
                continue
            if any(self.toks[m].text in ".!?" and len(self.toks[m - 1].text) > 2 and self.toks[m + 1].start > self.toks[m].end
                   for m in range(i + 1, j - 1)):
                continue  # a span across a sentence end ("di Teluk. Sekretaris AS") is a tagging slip
            if j == i + 1 and (self.toks[i].lower in self.common or self.lex.has("not_names", self.toks, i)
                               or (i in self.sentence_initial and not self.lex.has("speech_after", self.toks, j))):
                continue  # one capitalised word opening a sentence (Melansir) is too weak alone
            if all(t.lower in self.common or self.lex.has("not_names", self.toks, t.i)
                   for t in self.toks[i:j] if t.is_word):
                continue  # title case of common words in a headline ("di Tengah Ketegangan") names nothing
            if j == i + 1 and typ != "PER" and not self._locative(i, j):
                # one word typed as a place or body that is a misspelt person of this article:
                # "ternyata Puting juga mengatakan" after "Vladimir Putin" (NER said LOC); "di Putina" stays
                key, how = self._typo(self.toks[i], article_only=True)
                if key is not None:
                    self._add(i, j, key, how)
                    continue
            self.resolve(i, j, typ, create=True, via="ner")

    def speech(self) -> None:
        """Names right before a speech verb (``Price mengatakan``) or after a cue (``kata Price``)."""
        for k in range(self.n):
            if self.lex.has("speech_after", self.toks, k) and self.toks[k].text.islower():
                s = k
                while s > 0 and k - s < 4 and self._nameish(self.toks[s - 1], False):
                    s -= 1
                while s < k and not self._nameish(self.toks[s], True):
                    s += 1
                if s < k:
                    self.resolve(s, k, "PER", create=True, via="speech")
            elif self.lex.has("speech_before", self.toks, k) and self.toks[k].text.islower():
                span = self.name_span(k + 1, limit=4) if k + 1 < self.n else None
                if span:
                    self.resolve(*span, "PER", create=True, via="speech")

    def leftovers(self) -> None:
        """Capitalised tokens still unclaimed: link surnames, partial names and typos, create nothing."""
        k = 0
        while k < self.n:
            span = self.name_span(k, limit=4)
            if span is None:
                k += 1
                continue
            self.resolve(*span, "PER", create=False, via="leftover")
            k = span[1]

    # ------------------------------------------------------------------ resolving a name

    def _new(self, type_: str, name: str) -> str:
        key = new_id(type_, name)
        ent = self.new.setdefault(key, NewEntity(type_))
        if name not in ent.names:
            ent.names.append(name)
        return key

    def resolve(self, i: int, j: int, type_: str, *, create: bool, via: str) -> str | None:
        """Link the name in tokens ``i:j`` to a known actor, or a new one when ``create``."""
        text = self._text(i, j)
        key, how = None, via
        if type_ == "PER":
            key, how = self._person(i, j, text, via)
            how = how or via
        if key is None and not create:
            return None
        if key is None:
            key = self._new(type_, text)
        self._add(i, j, key, how)
        return key

    def _person(self, i: int, j: int, text: str, via: str = "") -> tuple[str | None, str | None]:
        words = [t for t in self.toks[i:j] if t.is_word and t.is_cap]
        if not words:
            return None, None
        ids = self.gaz.translit.get(translit_key(text))
        if ids and len(ids) == 1:
            key, how = next(iter(ids)), "translit"
        else:
            last = words[-1]
            key, how = self._partial(last), "partial"
            if key is None:
                rec = self.gaz.by_surname(last.text)
                key, how = (rec.id, "surname") if rec else self._typo(last)
        if key is not None and len(words) == 1 and self._rec(key) is not None:
            # one bare word names a gazetteer person only when distinctive or introduced before
            role_ok = via == "role" and any(t.role == self.pending_role for t in self._rec(key).tenures)
            if not role_ok and not self._bare_name_ok(key, words[0].i, derived=how != "translit"):
                return None, None
        if key is None or len(words) == 1 or how == "translit":
            return key, how
        # "Hunter Biden" is not Joe Biden: the given name must agree (up to a transliteration or typo)
        first = translit_key(words[0].text)
        names = self._rec(key).aliases + [self._rec(key).name] if self._rec(key) else self.new[key].names
        for name in names:
            toks = words_of(name)
            if toks and (translit_key(toks[0]) == first or OSA.distance(translit_key(toks[0]), first) <= 1):
                return key, how
        return None, None

    def _bare_name_ok(self, key: str, i: int, *, derived: bool) -> bool:
        """May the one word at ``i`` name gazetteer person ``key`` alone? Distinctive, or introduced before.

        A word is distinctive unless it is a common given or family name (``given_names`` of
        lexicon.yaml: Ali, Budi, Kim); a surname derived from a full name (not a curated alias such as
        Putin or Modi) must also have five letters or more. Otherwise the person's fuller name, or an
        office with their name, must come earlier in the article ("Abiy Ahmed Ali ... Ali").
        """
        tok = self.toks[i]
        common = self.lex.has("given_names", self.toks, i) == i + 1
        if not common and (not derived or len(tok.norm) >= 5):
            return True
        if self.role_intro.get(key, self.n) < i:
            return True
        return any(f.key == key and f.i < i and (f.via in ("role", "role-list")
                                                 or sum(t.is_word for t in self.toks[f.i:f.j]) > 1)
                   for f in self.found)

    def _partial(self, tok: Token) -> str | None:
        """The one person already found in this article with this word in their name."""
        hits = set()
        for f in self.found:
            if not self._is_person(f.key):
                continue
            rec = self._rec(f.key)
            names = [rec.name] + rec.aliases if rec else self.new[f.key].names
            # Indonesian news calls Indonesians by their first name too (Retno Marsudi ... Retno);
            # foreigners by their surname only (Vladimir Putin ... Putin, never Vladimir)
            skip = 0 if rec is not None and rec.country == "IDN" else 1
            if any(tok.lower == w.lower() for n in names for w in words_of(n)[skip:] or words_of(n)):
                hits.add(f.key)
        return hits.pop() if len(hits) == 1 else None

    def _typo(self, tok: Token, article_only: bool = False) -> tuple[str | None, str | None]:
        """A misspelt surname (Pomepo, Psekov, Puting): guarded Damerau (OSA) distance, to a person
        of this article first, then (unless ``article_only``) to the gazetteer's people."""
        word = tok.norm
        if len(word) < 5 or not word.isalpha() or tok.lower in self.common:
            return None, None
        limit = 1 if len(word) <= 6 else 2
        article = {}
        for f in self.found:
            if self._is_person(f.key):
                rec = self._rec(f.key)
                for name in ([rec.name] + rec.aliases if rec else self.new[f.key].names):
                    for w in words_of(name)[1:]:
                        article.setdefault(fold(w).lower(), set()).add(f.key)
        for pool in (article,) if article_only else (article, None):
            choices = list(pool) if pool is not None else self.gaz.person_tokens
            hits = process.extract(tok.lower, choices, scorer=OSA.distance, score_cutoff=limit, limit=5)
            # typos keep the first letter; a tie between two people is no link
            hits = [h for h in hits if h[0][:1] == tok.lower[:1] and h[0] != tok.lower]
            if not hits:
                continue
            best = min(h[1] for h in hits)
            keys = set()
            for name, dist, _ in hits:
                if dist == best:
                    keys |= pool[name] if pool is not None else self.gaz.surnames[name]
            if len(keys) == 1:
                return keys.pop(), "typo"
            return None, None
        return None, None

    # ------------------------------------------------------------------ entities

    def merge_partials(self) -> None:
        """An unknown one-word person (``Price``) merges into the unknown full name (``Ned Price``)."""
        people = {k: e for k, e in self.new.items() if e.type == "PER"}
        for key, ent in people.items():
            if any(len(words_of(n)) > 1 for n in ent.names):
                continue
            word = words_of(ent.names[0])[0].lower()
            into = [k for k, e in people.items() if k != key and
                    any(word in [w.lower() for w in words_of(n)] and len(words_of(n)) > 1 for n in e.names)]
            if len(into) == 1:
                for f in self.found:
                    if f.key == key:
                        f.key, f.via = into[0], "partial"
                self.roles.setdefault(into[0], []).extend(self.roles.pop(key, []))

    def entities(self) -> list[Entity]:
        """One entity per actor, in order of first mention."""
        by_key: dict[str, list[Found]] = {}
        for f in sorted(self.found, key=lambda f: (f.i, f.j)):
            by_key.setdefault(f.key, []).append(f)
        out = []
        for key, founds in by_key.items():
            mentions = []
            for f in founds:
                m = Mention(self.toks[f.i].start, self.toks[f.j - 1].end, self._text(f.i, f.j), f.via, f.actor)
                if m not in mentions:
                    mentions.append(m)
            rec = self._rec(key)
            roles = list(self.roles.get(key, []))
            if rec is not None:
                actor = self.gaz.actor_of(rec, self.date)
                if rec.kind == "official" and not roles and self.date:
                    roles = [Role(t.role, t.organisation or t.country) for t in rec.tenures if covers(t, self.date)]
                # Indonesian news writes names without diacritics: Nicolas Maduro, Juan Guaido
                out.append(Entity(rec.id, fold(rec.name), rec.type, self.gaz.country_of(rec, self.date), actor, True,
                                  roles, mentions))
                continue
            ent = self.new[key]
            name = max((m.text for m in mentions), key=len)
            out.append(Entity(new_id(ent.type, name), " ".join(name.split()),
                              ent.type, ent.country, ent.actor, False, roles, mentions))
        return out

    def run(self) -> tuple[list[Entity], list[str]]:
        """All passes; the entities and the warnings for the article."""
        self.gazetteer()
        self.given_names()
        self.roles_pass()
        self.state_bodies()
        self.bare_institutions()
        self.organisations()
        self.ner()
        self.speech()
        self.leftovers()
        self.merge_partials()
        return self.entities(), self.warnings
