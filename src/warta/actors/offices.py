"""Office rules of the actors linker: titles with their holders, and states acting through their bodies.

``OfficeRules`` links ``Menlu AS, Mike Pompeo`` (the role goes on the person), ``Menlu AS`` alone
(the holder on the article's reference date) and one office of several states (``Presiden Rusia dan Tiongkok``), and warns
when the publication date is outside a stated tenure. It makes ``Kementerian Luar Negeri Rusia`` and
``militer Rusia`` the state acting (RUSGOV, RUSMIL) and gives a bare ``Kementerian Pertahanan`` the
state last named with it (or a foreign dateline's).
"""

from __future__ import annotations

from datetime import timedelta

from warta.actors.discovery import NER_TYPES, is_indonesian_word
from warta.actors.found import Found
from warta.actors.gazetteer import Record
from warta.actors.index import covers
from warta.actors.text import fold, words_of
from warta.article import Role

TENURE_MARGIN = timedelta(days=366)  # "Menlu AS Pompeo" a year after he left may still be loose usage


class OfficeRules:
    """The role and state-body passes of ``Linker`` (a mixin: state and shared helpers are the Linker's)."""

    # ------------------------------------------------------------------ pass 2: roles

    def roles_pass(self) -> None:
        """``Menlu AS, Mike Pompeo`` → role on the person; ``Menlu AS`` alone → the office holder."""
        done = 0  # the roles read so far (with their names) end here
        for i in self.lex.roles.starts(self.toks):
            hit = None if i < done or self.taken[i] else self.lex.roles.at(self.toks, i)
            if hit is None or not self.toks[i].is_word:
                continue
            j, defs = hit
            for k in range(i, j):
                self.taken[k] = True  # the role words are no name (nor an NER organisation)
            done = self._role_at(i, j, defs[0])

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
        while k + 1 < self.n and k not in self.starts and not self.taken[k]:
            # "Menteri [Pertanian] Rusia", "Kepala [Dinas Tenaga Kerja] NTB": the portfolio, not a name
            portfolio = end = self.lex.has("portfolios", self.toks, k)
            if end is None and self.toks[k].is_cap and self.toks[k].is_word and self.toks[k].lower in self.common:
                end = k + 1
            if end is None or end >= self.n or not (self.toks[end].is_cap or self.toks[end].text == ","):
                if portfolio is not None and self.toks[k].is_cap:
                    k = portfolio  # "Menteri Koordinator Bidang [Kemaritiman] mengatakan": no name at all
                break
            k = end
        for t in range(j, k):
            self.taken[t] = True  # the portfolio is the office's: no speaker ("Bidang Kemaritiman mengatakan")
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
        k, country = self._posting(k, country, org)
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
            if span is None and (after := self._after_body(m)) is not None:
                span = self.name_span(after)  # "Ketua [Komisi IV DPR RI] Sudin": the body is no name
            elif span is None and self._acronym(m) and m + 1 < self.n and not self.taken[m + 1]:
                span = self.name_span(m + 1)  # "Koordinator [MAKI] Boyamin Saiman": the body's acronym is no name
                if span and len(self.toks[m].text) <= 2:
                    span = (m, span[1])  # "Jaksa Agung ST Burhanuddin": two capitals are the person's initials
            if span:
                span = self._ner_person_inside(*span)
                self.pending_role = rdef.role if rdef.office else None
                self.pending_office = (rdef, country, org)
                person = self.resolve(*span, "PER", create=not self.weak_name(*span), via="role")
                self.pending_role = self.pending_office = None
                end = span[1]
        former = self.lex.ends_before("former", self.toks, i)
        if person and country and country == implied and self._rec(person) and self._rec(person).country != country:
            country = None  # "juru bicara Kementerian Luar Negeri Maria Zakharova": the ministry is hers, not Kemlu
        if person:
            self._attach(person, rdef, country, org, stated=country or org, former=former, at=i)
            return end
        if rdef.office and (country or org) and not former and not comma and not self._apposed_to_name(i):
            on = self._date_at(i)
            holders = self.gaz.holders(rdef.role, country=country, org=org, on=on) if on else []
            if len(holders) == 1:
                self._add(i, k, holders[0].id, "role")
                self._attach(holders[0].id, rdef, country, org, stated=None, former=False, at=i)
        return max(k, i + 1)

    def _apposed_to_name(self, i: int) -> bool:
        """The title at ``i`` follows a person's name, with or without a comma: it says who that person is
        ("Vikram Misri Menteri Luar Negeri India menyatakan", "Mikhail Ulyanov, duta besar Rusia untuk ..."),
        so it names no office holder of its own (on realnews_train the holder was another person: S.
        Jaishankar for the foreign secretary Misri)."""
        t = i - 1
        if t >= 0 and self.toks[t].text == ",":
            t -= 1
        if t < 0:
            return False
        if any(f.j == t + 1 and self._is_person(f.key) for f in self.found):
            return True
        if not self._nameish(self.toks[t], False) or self.lex.has("given_names", self.toks, t) is None and \
                is_indonesian_word(self.toks[t].lower):
            return False
        return t not in self.sentence_initial or (t > 0 and self._nameish(self.toks[t - 1], True))

    def _posting(self, k: int, country: str | None, org: str | None) -> tuple[int, str | None]:
        """After an office and its state or body, the post and the holder's nationality are part of the
        title: "Duta Besar Jepang [untuk Indonesia], Masaki" is Japan's ambassador, "Perwakilan PBB [di
        Sudan], X" the UN's, "Direktur AIIB [dari Australia] Christopher Legg" an Australian (the
        nationality is the person's country). Returns where the title ends and the holder's country."""
        if k + 1 >= self.n:
            return k, country
        nationality = self.lex.has("nationality", self.toks, k) == k + 1
        if not (nationality or self.lex.has("posting", self.toks, k) == k + 1):
            return k, country
        f = self.starts.get(k + 1)
        if f is None or self._kind(f.key) not in ("country", "place", "org"):
            return k, country
        if nationality:
            if self._kind(f.key) != "country":
                return k, country  # "Anggota DPR dari Partai Gerindra": a party is no nationality here
            return f.j, self._rec(f.key).country
        if not (country or org):
            return k, country  # "Menteri untuk Indonesia": no office of a state or body before the post
        return f.j, country

    def _body_head(self, k: int) -> int | None:
        """The end of an organisation, unit or government head at token ``k`` (Komisi, Divisi, Kementerian)."""
        return self.lex.has("body_heads", self.toks, k)

    def _after_body(self, m: int) -> int | None:
        """Where the person's name starts after a body named after a title, or None: "Ketua [Komisi IV
        DPR RI] Sudin" (a known body or state closes the body's name), "Sekretaris [Dewan Naypyitaw],
        Tin Maung Swe" (a comma does). Unclear cases are left to the NER."""
        if not self.toks[m].is_cap or (e := self._body_head(m)) is None:
            return None
        known = False
        while e < self.n and e - m < 10:
            t = self.toks[e]
            f = self.starts.get(e)
            if t.text == ",":
                return e + 1 if e + 1 < self.n and self.name_span(e + 1) else None
            if f and self._kind(f.key) in ("country", "org", "place"):
                e, known = f.j, True
            elif t.text == "(" and (close := next((c for c in range(e + 1, min(self.n, e + 4))
                                                   if self.toks[c].text == ")"), None)):
                e, known = close + 1, True  # "Yayasan … Indonesia (YLBHI) Muhammad Isnur"
            elif t.is_word and t.is_cap and known and self.name_span(e):
                return e
            elif t.is_word and (t.is_cap or t.text.isdigit()):
                e, known = e + 1, False
            else:
                return None
        return None

    def _acronym(self, k: int) -> bool:
        """Token ``k`` is an unknown acronym (MAKI, LBH): all capitals, two letters or more, unclaimed."""
        t = self.toks[k]
        return len(t.text) > 1 and t.text.isalpha() and t.text.isupper() and not self.taken[k] and k not in self.starts

    def _ner_person_inside(self, i: int, j: int) -> tuple[int, int]:
        """The name after a title, ``i:j``, cut where the NER starts a person inside it and tagged the
        words before as an organisation: "Dirut [Indofood] Eva Rianti Hutapea" is Eva Rianti Hutapea of
        Indofood (the organisation is left to the NER pass)."""
        if self.doc is None or j - i < 2 or self.toks[i].start not in self.ner_orgs():
            return i, j
        starts = {t.start: t.i for t in self.toks[i:j]}
        for e in self.ents:
            k = starts.get(e.start_char)
            if k is not None and k > i and NER_TYPES.get(e.label_) == "PER" and e.end_char <= self.toks[j - 1].end:
                return k, j
        return i, j

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
        """Record the role on the entity and check it against the official's tenures. A person the
        gazetteer does not know takes the state or body of the title, a generic one too ("Direktur AIIB
        dari Australia Christopher Legg" is Australian, "Utusan Khusus PBB, X" the UN's); a body with a
        home country gives that country (a Hamas official is Palestinian)."""
        rec = self._rec(key)
        if not rdef.office:
            if rec is None and key in self.new and (country or org):
                ent = self.new[key]
                ent.country = ent.country or country or self._home_of(org)
                ent.actor = ent.actor or org
            return
        self.role_intro[key] = min(at, self.role_intro.get(key, at))
        where = org or country
        if where is None and rec is not None:
            ten = next((t for t in rec.tenures if t.role == rdef.role), None)
            where = (ten.organisation or ten.country) if ten else rec.country
        role = Role(rdef.role, where)
        if role not in self.roles.setdefault(key, []):
            self.roles[key].append(role)
        if rec is None:
            ent = self.new[key]
            ent.country = ent.country or country or self._home_of(org)
            ent.actor = ent.actor or (org or (country + (rdef.sector or "") if country else None))
            return
        if stated and not former and self.published:
            self._check_tenure(rec, rdef.role, country, org, at)

    def _home_of(self, org: str | None) -> str | None:
        """The home country of a body (Hamas PSE, a party IDN), or None (NATO, the UN)."""
        rec = self.gaz.orgs.get(org) if org else None
        return rec.country if rec is not None else None

    def _check_tenure(self, rec: Record, role: str, country, org, at: int) -> None:
        tenures = [t for t in rec.tenures if t.role == role and
                   ((country and t.country == country) or (org and t.organisation == org))]
        # a check of the stated publication date (even when the time stage re-anchored the article)
        if not tenures or any(covers(t, self.published, margin_after=TENURE_MARGIN) for t in tenures):
            return
        spans = ", ".join(f"{t.start or '?'} to {t.end or 'now'}" for t in tenures)
        msg = (f"publication date {self.published} is outside the tenure of {rec.name} as {role}"
               f" ({org or country}: {spans}), stated at offset {self.toks[at].start}; the date may be wrong")
        if msg not in self.warnings:
            self.warnings.append(msg)

    # ------------------------------------------------------------------ pass 3: state bodies

    def state_bodies(self) -> None:
        """``Kementerian Luar Negeri Rusia``, ``militer Rusia``: the state acting (actor RUSGOV, RUSMIL)."""
        for f in list(self.found):
            # an Indonesian ministry's bare name followed by another country is that country's ministry, also
            # after more portfolios listed ("Kementerian Perdagangan, Industri, dan Energi Korea Selatan")
            rec, nxt = self._rec(f.key), self.starts.get(self._portfolio_list(f.j))
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
        heads = sorted(set(self.lex.starts("military", self.toks) + self.lex.starts("government", self.toks)))
        for k in heads:
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

    def _portfolio_list(self, k: int) -> int:
        """Where a list of more portfolios after a ministry's name ends (", Industri, dan Energi"), or ``k``:
        capitalised words joined by commas and a coordinator, each unclaimed."""
        j, listed = k, False
        while j + 1 < self.n and j - k < 8:
            t = self.toks[j]
            if t.text == "," or (self.lex.has("coordinators", self.toks, j) and t.text.islower()):
                listed = True
                j += 1
            elif t.is_cap and t.is_word and not self.taken[j] and j not in self.starts:
                j += 1
            else:
                break
        return j if listed and j > k and self.toks[j - 1].is_cap else k

    def named_organs(self) -> None:
        """A foreign state organ named with its state ("Kementerian Luar Negeri Rusia", "Kedubes AS",
        "Angkatan Bersenjata Sudan") is an organisation of its own, as the real-news conventions
        annotate it, and the state inside it is a mention of the country: the organ's mention keeps
        the state's sector code (RUSGOV), so events read it as before. Lower-case generic bodies
        ("militer Rusia", "pemerintah AS") stay the state acting; the heads are ``organ_heads``."""
        for f in [f for f in self.found if f.via == "government"]:
            if not self.toks[f.i].is_cap or self.lex.has("organ_heads", self.toks, f.i) is None:
                continue
            c = next((t for t in range(f.i + 1, f.j) if self._country_at(t) and self.gaz.aliases.at(self.toks, t)[0] == f.j),
                     None)
            rec = self._rec(f.key)
            if c is None or rec is None or rec.kind != "country":
                continue
            key = self._organ(f.i, c, rec, f.actor)
            self._drop(f)
            self._add(f.i, f.j, key, "organ", f.actor)
            self._add(c, f.j, f.key, "nested")
        for f in [f for f in self.found if self._kind(f.key) == "org"]:
            # a gazetteer body named by an organ head alone ("Angkatan Darat" is TNI AD) or by common words
            # alone ("Dewan Keamanan" is the UN Security Council) followed by another state, maybe after
            # up to three capitalised words of its name: that state's organ ("Angkatan Darat India",
            # "Dewan Keamanan Rusia", "Dewan Keamanan Nasional Tertinggi Iran")
            generic = self.lex.has("organ_heads", self.toks, f.i) == f.j or all(
                self.toks[k].lower in self.common or self.lex.has("body_heads", self.toks, k) for k in range(f.i, f.j))
            m = f.j
            while m < self.n and m - f.j < 3 and m not in self.starts and not self.taken[m] \
                    and self.toks[m].is_cap and self.toks[m].is_word:
                m += 1
            g = self.starts.get(m)
            rec = self._rec(f.key)
            if g is None or not generic or not self.toks[f.i].is_cap \
                    or self._kind(g.key) != "country" or self._rec(g.key).country == rec.country:
                continue
            key = self._organ(f.i, m, self._rec(g.key))
            self._drop(f)
            self._drop(g)
            self._add(f.i, g.j, key, "organ", self.new[key].actor)
            self._add(g.i, g.j, g.key, "nested")

    def _organ(self, i: int, c: int, state: Record, actor: str | None = None) -> str:
        """A new organisation for a foreign state's organ named by the words ``i:c`` and the state
        ("Kementerian Luar Negeri Rusia"): of that state, its actor ``actor`` or else the state's sector
        code (RUSMIL when a military word opens it, else RUSGOV)."""
        sector = "MIL" if self.lex.has("military", self.toks, i) else "GOV"
        key = self._new("ORG", f"{self._text(i, c)} {fold(state.name)}")
        self.new[key].country, self.new[key].actor = state.country, actor or state.country + sector
        return key

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
        firsts = {form[0] for form in forms if form}
        for k in range(i - 1, -1, -1):
            if self.toks[k].lower not in firsts and () not in forms:
                continue  # no form starts here (the test below, a set look-up instead of a tuple per form)
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
