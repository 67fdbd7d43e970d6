"""Titles around a person the other passes left without a state: the state or body their title names.

``AppositionRules.titled_people`` runs after the NER and speech passes, when every person is found.
A person the gazetteer does not know and no title gave a country takes the state or body that a title
right before the name or in apposition after it names, as ``OfficeRules`` does for the titles it
reads itself:

- a long title before the name, whose words the role pass does not read through ("Wakil Menteri Sumber
  Daya Manusia dan Pengembangan Sosial Arab Saudi Abdullah bin Nasser Abuthnain", "juru bicara militer
  Israel Daniel Hagari", "Kepala Komisioner Tinggi Perserikatan Bangsa-Bangsa untuk Pengungsi (UNHCR),
  Filippo Grandi");
- a title in apposition after the name, between commas ("Wendy Sherman, Wakil Menteri Luar Negeri AS,
  mengaku ..."; "X, Koordinator Kemanusiaan PBB di Sudan, mengatakan ...").

The title is a role word (roles.yaml) and the words of its name: capitalised words, the linking words
of lexicon group ``title_links``, government and military words, brackets, and the states, bodies and
places named in it. The first state, body or place of the title is the holder's, except one after a
word of lexicon group ``posting`` ("Duta Besar Jepang untuk Indonesia": Japan's); one after a word of group
``nationality`` is the holder's ("dari Australia").
"""

from __future__ import annotations

from warta.lang.words import affixes

TITLE_SPAN = 16  # tokens a title may run over (the longest on real news: about a dozen)


class AppositionRules:
    """The title pass of ``Linker`` (a mixin: state and shared helpers are the Linker's)."""

    def titled_people(self) -> None:
        """Give an unknown person with no state the state or body of the title next to the name."""
        people = [f for key, ent in self.new.items() if ent.type == "PER" and not ent.country and not ent.actor
                  for f in self.by_key.get(key, ())]
        if not people:
            return
        ends: dict[int, list] = {}
        for f in self.found:
            ends.setdefault(f.j, []).append(f)
        for f in people:
            ent = self.new[f.key]
            if ent.country or ent.actor:
                continue  # an earlier mention's title gave it
            title = self._title_before(f, ends) or self._title_after(f)
            if title is None:
                continue
            at, rdef, places = title
            where = self._holder_place(places)
            if where is not None:
                country, org = where
                self._attach(f.key, rdef, country, org, stated=None, former=self.lex.ends_before("former", self.toks, at),
                             at=at)

    def _title_word(self, k: int) -> bool:
        t = self.toks[k]
        if t.is_word:
            return (t.is_cap and not self._person_at(k)) or self.lex.has("title_links", self.toks, k) == k + 1 \
                or self.lex.has("military", self.toks, k) is not None or self.lex.has("government", self.toks, k) is not None
        return t.text in "()-/&"

    def _placed(self, key: str) -> bool:
        """A state, body or place: a gazetteer one, or a new body or place a rule gave a state or code
        (the seat "Kremlin", the organ "Kementerian Luar Negeri Rusia")."""
        if key in self.new:
            ent = self.new[key]
            return ent.type != "PER" and bool(ent.country or ent.actor)
        return self._kind(key) in ("country", "org", "place")

    def _title_noun(self, k: int) -> bool:
        """A lower-case word of a title's portfolio ("kebijakan luar negeri", "komunikasi", "senior"): no
        word that ends a title (lexicon ``title_stops``: yang, bahwa, kepada …) and no verb (a word with a verb
        prefix of lang/data/affixes.yaml: "direktur yang mengecam Israel" is no title of Israel)."""
        t = self.toks[k]
        return (t.text.isalpha() and t.text.islower() and not t.lower.startswith(affixes("verb-prefix"))
                and self.lex.has("title_stops", self.toks, k) is None)

    def _person_at(self, k: int) -> bool:
        f = self.starts.get(k)
        return bool(f and self._is_person(f.key))

    def _title_before(self, f, ends: dict[int, list]):
        """The role and the states or bodies of a title that ends right before mention ``f`` (maybe with a comma)."""
        k = f.i - 1
        if k >= 0 and self.toks[k].text == ",":
            k -= 1
        places = []
        while k >= 0 and f.i - k <= TITLE_SPAN:
            if any(self._is_person(g.key) for g in ends.get(k + 1, ())):
                return None  # another person's name: "Menlu AS Antony Blinken dan X"
            named = [g for g in ends.get(k + 1, ()) if g.i <= k and self._placed(g.key)]
            hit = self.lex.roles.at(self.toks, k)
            if hit and hit[0] <= f.i and not named:
                return (k, hit[1][0], places[::-1]) if places else None
            if named:
                places.append(named[0])
                k = named[0].i - 1
            elif (self._title_word(k) or self.taken[k] or places and self._title_noun(k)) and self.toks[k].text != ",":
                # (a taken word is a role's: "juru [bicara] militer Israel"; between the role and the state
                # the portfolio may be in lower case: "penasihat kebijakan luar negeri Kremlin Yuri Ushakov")
                k -= 1
            else:
                return None
        return None

    def _title_after(self, f):
        """The role and the states or bodies of a title in apposition after mention ``f``, between commas."""
        k = f.j
        if k + 1 >= self.n or self.toks[k].text != ",":
            return None
        hit = self.lex.roles.at(self.toks, k + 1)
        if not hit:
            return None
        at, (k, defs) = k + 1, hit
        places = []
        while k < self.n and k - at <= TITLE_SPAN:
            g = self.starts.get(k)
            if g and self._placed(g.key):
                places.append(g)
                k = g.j
            elif self.toks[k].text in ",." or not (self._title_word(k) or not places and self._title_noun(k)):
                break  # (lower case before the state: "X, direktur komunikasi Badan … PBB")
            else:
                k += 1
        if k < self.n and (self._person_at(k) or self.toks[k].text == "," and k + 1 < self.n and self._person_at(k + 1)):
            return None  # "…, Menteri Luar Negeri Malaysia, Mohamad Hasan": the title is the next name's
        return (at, defs[0], places) if places else None

    def _holder_place(self, places: list) -> tuple[str | None, str | None] | None:
        """(country, organisation) of the first state, body or place of a title not after a posting word."""
        for g in places:
            posted = g.i > 0 and self.lex.has("posting", self.toks, g.i - 1) == g.i
            if posted or (g.i > 0 and self.toks[g.i - 1].text == "(" and places[0] is not g):
                continue  # "Duta Besar Jepang untuk Indonesia": the post, not the state the holder serves
            rec = self._rec(g.key)
            if rec is None:
                ent = self.new[g.key]
                return (ent.country, None) if ent.country else (None, ent.actor)
            if rec.kind == "org":
                return (None, rec.actor) if rec.actor else None
            if rec.country:
                return rec.country, None
        return None  # (a place of no state, "Direktur Jenderal Asia Pasifik dan Afrika Kemlu RI", is passed over)
