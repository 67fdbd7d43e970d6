"""Person-name rules of the actors linker: which known or new person a name is.

``NameRules`` resolves a name by transliteration, by a partial name already in the article, by a
gazetteer surname or by a guarded typo distance; decides when one bare word may name a gazetteer
person; joins a misspelt given name to the linked surname after it; and merges an unknown surname
into the unknown full name of the same article.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import OSA

from warta.actors.index import translit_key
from warta.actors.text import Token, derived_word, fold, root_words, words_of


class NameRules:
    """Person-name resolution of ``Linker`` (a mixin: state and shared helpers are the Linker's)."""

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
                if derived_word(self.toks[k].lower) and not self.lex.has("given_names", self.toks, k):
                    continue  # nor is a derived word of a title-case headline ("Makzulkan Gibran", "Adili Jokowi")
                if f.j - f.i == 1 and fold(self.toks[f.i].text).lower() != fold(rec.name).lower():
                    self._drop(f)
                    self._add(k, f.j, self._new("PER", self._text(k, f.j)), "name")

    # ------------------------------------------------------------------ resolving a person's name

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
            if key is None and via == "role" and (holder := self._titled_holder(words)) is not None:
                return holder, "role"
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
        said = [w.lower() for w in words_of(text)]
        for name in names:
            toks = words_of(name)
            if len(toks) > len(said) and [w.lower() for w in toks[-len(said):]] == said:
                return key, how  # a double surname alone: "Nkweta-Salami" after "Clementine Nkweta-Salami"
            if toks and (translit_key(toks[0]) == first or OSA.distance(translit_key(toks[0]), first) <= 1):
                return key, how
        return None, None

    def _titled_holder(self, words: list) -> str | None:
        """The official a title names with a bare name, in office on the sentence's date: "Menlu Retno" is
        the foreign minister named Retno then, whichever state the title leaves unsaid; "Menlu Arab Saudi
        Pangeran Faisal" the Saudi one named Faisal (not a former one with that surname); an honorific or a
        generic title ("Pangeran Faisal") an official of a state the article names. None unless exactly one."""
        if self.pending_office is None:
            return None
        rdef, country, org = self.pending_office
        on = self._date_at(words[0].i)
        said = [w for t in words for w in self.gaz.words_of_name(t.text)]
        if on is None or not said:
            return None
        if rdef.office:
            hits = self.gaz.named_in_office(said, on, rdef.role, {country} if country else None)
            hits = [r for r in hits if not org or r.organisation == org]
        else:
            named = {country} if country else {self._rec(f.key).country for f in self.found if self._kind(f.key) == "country"}
            hits = self.gaz.named_in_office(said, on, None, named) if named and not org else []
        return hits[0].id if len(hits) == 1 else None

    # ------------------------------------------------------------------ indexes of the persons found

    def _person_names(self, key: str) -> list[str]:
        rec = self._rec(key)
        return [rec.name] + rec.aliases if rec else self.new[key].names

    def _name_words(self, key: str, name: str) -> tuple[list[str], list[str]]:
        """The words of ``name`` that a partial mention may use, and those a typo may be of."""
        rec = self._rec(key)
        # Indonesian news calls Indonesians by their first name too (Retno Marsudi ... Retno);
        # foreigners by their surname only (Vladimir Putin ... Putin, never Vladimir), which is the
        # first word where the family name comes first (Xi Jinping ... Xi: lexicon ``family_name_first``)
        # a person the gazetteer does not know is named in a story of its own country, mostly Indonesia's,
        # so by the first name too ("Harris Turino ... kata Harris" is not Kamala Harris)
        skip = 0 if rec is None or rec.country == "IDN" or (
            rec.country and self.lex.contains("family_name_first", rec.country)) else 1
        words = words_of(name)
        return [w.lower() for w in words[skip:] or words], [fold(w).lower() for w in words[1:]]

    def _index_person(self, key: str) -> None:
        """Index the (new) names of a person now in ``found``: _partial and _typo look words up."""
        if not self._is_person(key):
            return
        names = self._person_names(key)
        for name in names[self.indexed.get(key, 0):]:
            partial, typo = self._name_words(key, name)
            for w in partial:
                self.part_index.setdefault(w, {})[key] = None
            for w in typo:
                self.typo_index.setdefault(w, {})[key] = None
        self.indexed[key] = len(names)

    def _unindex_person(self, key: str) -> None:
        """A person no longer in ``found`` leaves the indexes."""
        if key not in self.indexed:
            return
        for name in self._person_names(key)[: self.indexed.pop(key)]:
            partial, typo = self._name_words(key, name)
            for index, words in ((self.part_index, partial), (self.typo_index, typo)):
                for w in words:
                    index.get(w, {}).pop(key, None)
                    if w in index and not index[w]:
                        del index[w]

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
        return any(f.i < i and (f.via in ("role", "role-list") or sum(t.is_word for t in self.toks[f.i:f.j]) > 1)
                   for f in self.by_key.get(key, ()))

    def _partial(self, tok: Token) -> str | None:
        """The one person already found in this article with this word in their name."""
        hits = self.part_index.get(tok.lower, {})  # see _name_words for which words count
        return next(iter(hits)) if len(hits) == 1 else None

    def _typo(self, tok: Token, article_only: bool = False) -> tuple[str | None, str | None]:
        """A misspelt surname (Pomepo, Psekov, Puting): guarded Damerau (OSA) distance, to a person
        of this article first, then (unless ``article_only``) to the gazetteer's people."""
        word = tok.norm
        if len(word) < 5 or not word.isalpha() or tok.lower in self.common:
            return None, None
        limit = 1 if len(word) <= 6 else 2
        article = self.typo_index  # the words after the first of the persons found so far
        for pool in (article,) if article_only else (article, None):
            if pool is None:
                hits = self.gaz.person_tokens_within(tok.lower, limit)
            else:
                hits = [h[:2] for h in process.extract(tok.lower, list(pool), scorer=OSA.distance, score_cutoff=limit,
                                                       limit=5)]
            # typos keep the first letter; a tie between two people is no link
            hits = [h for h in hits if h[0][:1] == tok.lower[:1] and h[0] != tok.lower]
            if not hits:
                continue
            best = min(h[1] for h in hits)
            keys = set()
            for name, dist in hits:
                if dist == best:
                    keys |= set(pool[name]) if pool is not None else self._typo_officials(self.gaz.surnames[name])
            if len(keys) == 1:
                return keys.pop(), "typo"
            return None, None
        return None, None

    def _typo_officials(self, keys: set[str]) -> set[str]:
        """The gazetteer people a misspelt word may stand for: only foreigners whose state the article
        names. Indonesian names are built from shared parts, so a near miss is another person
        (Suharyanto is not Suparmanto, Subardi not Sumadi, Soeharto not Soemarno), and a word close to
        the name of an official of a state the story never mentions is a local name (Faizal in a story
        from Papua is no Saudi Faisal): on realnews_train 5 of 5 such links were wrong."""
        named = {rec.country for f in self.found if self._kind(f.key) == "country" and (rec := self._rec(f.key))}
        return {k for k in keys if (rec := self._rec(k)) is not None and rec.country != "IDN" and rec.country in named}

    # ------------------------------------------------------------------ merging

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

    def merge_nicknames(self) -> None:
        """A one-word name in brackets right after a person's full name is that person's nickname:
        "Basuki Tjahaja Purnama (Ahok)" is one person, and so is every later "Ahok". Only a name the
        gazetteer does not know (or knows as the same person) is merged."""
        for f in list(self.found):
            if f.j - f.i != 1 or f.i < 2 or f.j >= self.n or self.toks[f.i - 1].text != "(" \
                    or self.toks[f.j].text != ")" or not self._is_person(f.key):
                continue
            before = next((g for g in self.found if g.j == f.i - 1 and g.j - g.i >= 2), None)
            if before is None or before.key == f.key or not self._is_person(before.key):
                continue
            if self._rec(f.key) is not None:
                continue  # a known person of their own ("(Jokowi)" after another name is a slip)
            nick, old = self._text(f.i, f.j), f.key
            for g in self.found:
                if g.key == old or (g.j - g.i == 1 and self._text(g.i, g.j) == nick and self._rec(g.key) is None
                                    and self._is_person(g.key)):
                    g.key, g.via = before.key, "nickname"

