"""Finds the actor mentions of one article and links each to an entity (gazetteer or new).

Passes, in order, each claiming tokens so later passes only see what is left: gazetteer aliases
(n-gram dict), roles with the name after them or alone, long forms before an acronym, organisation
heads, the language layer's NER spans, names next to speech verbs, then leftover capitalised
tokens (surnames, partial names, transliterations and typos; these never create entities); then
the state or body of a title next to a person no title gave one.

The passes are mixins by rule family: ``aliases`` (gazetteer aliases), ``outlets`` (news
organisations named in the text), ``credits`` (credited reporters and photographers), ``offices`` (roles and state
bodies), ``appositions`` (titles around a person), ``names`` (person names) and ``discovery`` (organisations, NER, speech, leftovers). This
module keeps the shared state and helpers, ``resolve``, ``entities`` and ``run``.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from datetime import date

from warta.actors.aliases import AliasRules
from warta.actors.appositions import AppositionRules
from warta.actors.credits import CreditRules
from warta.actors.discovery import DiscoveryRules, is_indonesian_word
from warta.actors.found import Found, NewEntity
from warta.actors.gazetteer import Record
from warta.actors.index import Gazetteer, covers
from warta.actors.lexicon import Lexicon
from warta.actors.names import NameRules
from warta.actors.offices import OfficeRules
from warta.actors.outlets import OutletRules
from warta.actors.text import Token, common_words, fold, tokenise, words_of
from warta.article import Article, Entity, Mention, Role, body_timex, reference_day


def new_id(type_: str, name: str) -> str:
    """Stable id of an unknown actor: type plus a hash of the type and normalised name."""
    norm = " ".join(words_of(fold(name).lower()))
    return f"{type_.lower()}:{hashlib.sha256(f'{type_}|{norm}'.encode()).hexdigest()[:12]}"


# a finished sentence: its mark, then closing quotes or brackets, at the end of the text before
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
APOSTROPHES = frozenset({"'", "’", "`"})


def canonical_name(type_: str, name: str, lex: Lexicon) -> str:
    """The canonical name of a new entity: an Indonesian body (lexicon group ``ri_bodies``) is written with
    and without "RI" (Republik Indonesia) after its acronym, and named without it ("Komisi IV DPR RI" is
    Komisi IV DPR, as the real-news gold names it), and so is a ministry ("Kementerian Pertahanan RI");
    after any other word "RI" says whose body it is and stays ("Kedutaan Besar RI"); "Kemlu RI" (two words)
    keeps it."""
    words = name.split()
    if type_ == "ORG" and len(words) > 2 and words[-1] == "RI" and (
            lex.contains("ri_bodies", words[-2]) or lex.contains("ri_bodies", words[0])):
        return " ".join(words[:-1])
    return name


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


class Linker(AliasRules, OutletRules, CreditRules, OfficeRules, AppositionRules, NameRules, DiscoveryRules):
    """Links the mentions of one article; ``run`` returns entities and warnings."""

    def __init__(self, article: Article, doc, gaz: Gazetteer, lex: Lexicon):
        self.article, self.doc, self.gaz, self.lex = article, doc, gaz, lex
        self.body = article.body
        self.toks: list[Token] = tokenise(self.body)
        self.n = len(self.toks)
        self.taken = [False] * self.n
        self.found: list[Found] = []
        self.starts: dict[int, Found] = {}
        self.tok_starts = [t.start for t in self.toks]
        self.credit_lines: frozenset[int] = frozenset()  # first tokens of removed date lines (furniture)
        self.byline_lines: frozenset[int] = frozenset()  # first tokens of removed lines next to a date line
        self.dateline_tokens: set[int] = set()  # tokens of a date line's place and agency (AliasRules._dateline)
        # the NER's spans, read once: spaCy builds them anew at each ``doc.ents``
        self.ents = tuple(getattr(doc, "ents", ())) if doc is not None else ()
        self._ner_orgs: dict[int, int] | None = None  # NER organisation spans by start (DiscoveryRules)
        # indexes of ``found`` kept up to date by _add, _drop and _new, so that a name is resolved
        # in time independent of how many mentions the article has (NameRules)
        self.by_key: dict[str, list[Found]] = {}
        self.part_index: dict[str, dict[str, None]] = {}  # word of a person's name → person keys
        self.typo_index: dict[str, dict[str, None]] = {}  # word after the first → person keys
        self.indexed: dict[str, int] = {}  # person key → how many of its names are indexed
        self.new: dict[str, NewEntity] = {}
        self.roles: dict[str, list[Role]] = {}
        self.warnings: list[str] = []
        self.role_intro: dict[str, int] = {}  # person key → first token of a role stated with them
        self.pending_role: str | None = None  # the office whose holder ``resolve`` is looking for
        self.pending_office = None  # (role definition, country, organisation) of the title being read
        # office holders and tenures are read on the reference date (set by the time stage); the
        # stated publication date is kept to check it against stated offices
        self.date = _day(reference_day(article))
        self.published = _day(article.published)
        self.common = common_words()
        bounds = article.sentences or [[0, len(self.body)]]
        self.sent_starts = [s for s, _ in bounds]
        # the first word of each sentence (and of each line: headlines, captions) is capitalised anyway
        self.sentence_initial: set[int] = set()
        seen: set[int] = set()
        for t in self.toks:
            if not t.is_word:
                continue
            s = bisect_right(self.sent_starts, t.start) - 1  # self._sent, without a call per word
            if s not in seen or self.body.find("\n", max(0, t.start - 2), t.start) >= 0:
                seen.add(s)
                self.sentence_initial.add(t.i)

    # ------------------------------------------------------------------ helpers

    def tok_index(self, offset: int) -> int:
        """The index of the first token starting at or after ``offset``."""
        return bisect_left(self.tok_starts, offset)

    def _sent(self, offset: int) -> int:
        return bisect_right(self.sent_starts, offset) - 1

    def _add(self, i: int, j: int, key: str, via: str, actor: str | None = None) -> Found:
        f = Found(i, j, key, via, actor)
        self.found.append(f)
        self.by_key.setdefault(key, []).append(f)
        if len(self.by_key[key]) == 1:
            self._index_person(key)
        self.starts.setdefault(i, f)
        for k in range(i, j):
            self.taken[k] = True
        return f

    def _drop(self, f: Found) -> None:
        self.found.remove(f)
        founds = self.by_key.get(f.key, [])
        if f in founds:
            founds.remove(f)
            if not founds:
                self._unindex_person(f.key)
        if self.starts.get(f.i) is f:
            del self.starts[f.i]

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
        if not first and self.lex.has("degrees", self.toks, t.i) and not t.text.istitle():
            return False  # "Fanny Dian Sanjaya SH MH": degrees after a name are no part of it
        if first and len(t.text) > 1 and t.text.isupper():
            return False  # an acronym (NATO, PBB) does not open a person's name
        if first and self.lex.has("body_heads", self.toks, t.i):
            return False  # a body's or a region's head opens no person's name ("Komisi IV", "Kabupaten Nduga")
        return not (first and self.lex.roles.at(self.toks, t.i))

    def name_span(self, k: int, limit: int = 5) -> tuple[int, int] | None:
        """The capitalised name starting at token ``k`` (particles and hyphens inside), or None."""
        if k >= self.n or not self._nameish(self.toks[k], True):
            return None
        j = k + 1
        while j < self.n and j - k < limit:
            t = self.toks[j]
            glued = t.start == self.toks[j - 1].end
            if self._syllables(j):
                j += 3  # Choi Sang-mok, Kim Jong-un: a Korean given name of two syllables
            elif self._nameish(t, False):
                j += 1
            elif (t.text == "-" and glued and j + 1 < self.n and self.toks[j + 1].start == t.end
                  and self.toks[j + 1].is_cap):
                j += 2  # Jean-Pierre
            elif (t.text in APOSTROPHES and glued and j + 1 < self.n and self.toks[j + 1].start == t.end
                  and self.toks[j + 1].text.isalpha() and self.toks[j + 1].text.islower()):
                j += 2  # Hasyim Asy'ari, Ma'ruf Amin: an apostrophe inside a word (an Arabic glottal stop)
            elif self.lex.has("name_particles", self.toks, j) and j + 1 < self.n and self._nameish(self.toks[j + 1], False):
                j += 2  # Mohammed bin Salman
            elif (self.lex.has("name_particles", self.toks, j) and j + 2 < self.n and self.toks[j + 1].text == "-"
                  and self.toks[j + 1].start == t.end and self.toks[j + 2].start == self.toks[j + 1].end
                  and self._nameish(self.toks[j + 2], False)):
                j += 3  # Ain al-Asad, Haider al-Abadi
            else:
                break
        return k, j

    def _syllables(self, j: int) -> bool:
        """Tokens ``j:j+3`` are a capitalised word, a hyphen and a lower-case word written together that is
        no reduplication ("Sang-mok", "Jong-un", "Suk-yeol"; not "Bangsa-bangsa"): one given name."""
        if j + 2 >= self.n or self.taken[j] or self.taken[j + 2]:
            return False
        a, h, b = self.toks[j], self.toks[j + 1], self.toks[j + 2]
        return (a.is_cap and a.text.isalpha() and h.text == "-" and h.start == a.end and b.start == h.end
                and b.text.isalpha() and b.text.islower() and b.lower != a.lower)

    def _date_at(self, i: int) -> date | None:
        """A dated timex in the sentence of token ``i``, else the publication date."""
        s = self._sent(self.toks[i].start)
        for tx in body_timex(self.article):
            if tx.value and len(tx.value) >= 7 and tx.value[:4].isdigit() and self._sent(tx.start) == s:
                try:
                    return date.fromisoformat(tx.value[:10] if len(tx.value) >= 10 else tx.value[:7] + "-01")
                except ValueError:
                    continue
        return self.date

    # ------------------------------------------------------------------ resolving a name

    def _new(self, type_: str, name: str) -> str:
        key = new_id(type_, name)
        ent = self.new.setdefault(key, NewEntity(type_))
        if name not in ent.names:
            ent.names.append(name)
            if self.by_key.get(key):
                self._index_person(key)
        return key

    def _known(self, type_: str, name: str) -> str | None:
        """The key of the new actor of this type and name found so far, or None."""
        key = new_id(type_, name)
        return key if key in self.new else None

    def weak_name(self, i: int, j: int) -> bool:
        """One capitalised Indonesian word (Sastrawi root or derived: Batal, Bahas, Penuntutan) that is
        not a common given name: after a title it is the title's or headline's word ("Menlu AS Batal ke
        China", "Direktur Penuntutan"), too weak alone to make a new person (it still links to a person
        the article named)."""
        t = self.toks[i]
        return j == i + 1 and t.text.isalpha() and not self.lex.has("given_names", self.toks, i) \
            and is_indonesian_word(t.lower)

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

    # ------------------------------------------------------------------ entities

    def entities(self) -> list[Entity]:
        """One entity per actor, in order of first mention."""
        by_key: dict[str, list[Found]] = {}
        for f in sorted(self.found, key=lambda f: (f.i, f.j)):
            by_key.setdefault(f.key, []).append(f)
        out = []
        for key, founds in by_key.items():
            mentions, seen = [], set()  # a set: an entity can have thousands of mentions
            for f in founds:
                m = Mention(self.toks[f.i].start, self.toks[f.j - 1].end, self._text(f.i, f.j), f.via, f.actor)
                if (m.start, m.end, m.text, m.via, m.actor) not in seen:
                    seen.add((m.start, m.end, m.text, m.via, m.actor))
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
            name = ent.name or max((m.text for m in mentions), key=len)
            name = canonical_name(ent.type, name, self.lex)
            out.append(Entity(new_id(ent.type, name), " ".join(name.split()),
                              ent.type, ent.country, ent.actor, False, roles, mentions))
        return out

    def cut_end(self) -> None:
        """A text cut off at a length limit in the middle of a word ("… di Gedung Putih di Wash",
        "Menurut Tjahjo, Kementerian Dalam Ne"): a capitalised name closing the text with no punctuation
        after it, at the end of a line of prose (three lower-case words before it) or of the paragraph
        after a finished sentence (not a list of names or a label: "Tottenham: Vicario; …, Xavi Simons"),
        may be a fragment; it is an entity only as a complete known name: a gazetteer
        alias or a name the article gives elsewhere. An acronym or initials in capitals ("AAS") cannot
        be told cut from whole and stay; so does a web address or brand ("detik.com", "detikHealth")."""
        if not self.n:
            return
        last = self.toks[-1]
        if self.body[last.end:].strip() or not last.text.isalpha() or not last.is_cap or last.text.isupper():
            return
        at = self.body.rfind("\n", 0, last.start)
        line = self.tok_index(at + 1)
        after_sentence = bool(SENTENCE_END.search(self.body[:max(at, 0)].rstrip()))
        for f in list(self.found):
            if f.j != self.n or self._rec(f.key) is not None or f.i <= line \
                    or any(g.key == f.key and g is not f for g in self.found):  # (keys merged later leave by_key behind)
                continue
            if after_sentence or sum(t.text.isalpha() and t.text.islower() for t in self.toks[line:f.i]) >= 3:
                self._drop(f)

    def run(self, *, cut_end: bool = False) -> tuple[list[Entity], list[str]]:
        """All passes; the entities and the warnings for the article. ``cut_end``: the text may be an
        excerpt cut off at a length limit (an article's body; not a removed line, whole by itself)."""
        self.gazetteer()
        self.news_outlets()
        self.web_outlets()
        self.credits(self.credit_lines, self.byline_lines)
        self.facilities()
        self.given_names()
        self.roles_pass()
        self.state_bodies()
        self.bare_institutions()
        self.named_organs()
        self.titled_organs()
        self.admin_places()
        self.compass_places()
        self.local_governments()
        self.security_units()
        self.organisations()
        self.ner()
        self.acronym_pairs()
        self.speech()
        self.initials()
        self.leftovers()
        self.titled_people()
        self.merge_partials()
        self.merge_nicknames()
        self.nested_names()
        self.non_entities()
        if cut_end:
            self.cut_end()
        return self.entities(), self.warnings
