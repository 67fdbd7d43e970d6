"""Discovery passes of the actors linker: actors found by surface evidence, not by alias or title.

``DiscoveryRules`` links long forms before an acronym (``Dewan Keamanan PBB (DK PBB)``), organisation
heads (``Dewan Arktik``), the language layer's NER spans, names next to speech verbs (``kata Price``)
and, last, leftover capitalised words, which only ever link to actors already known.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from rapidfuzz.distance import OSA

from warta.actors.aliases import DASHES
from warta.actors.text import fold, root_words
from warta.lang.lemmas import stem


def is_indonesian_word(lower: str) -> bool:
    """A root word of Sastrawi's dictionary, or a word derived from one (melansir ← lansir): a
    capitalised word opening a sentence that is one of them is no name on the NER's word alone."""
    roots = root_words()
    return lower in roots or (stem(lower) != lower and stem(lower) in roots)

# Compass words end no facility name ("Jalan Medan Merdeka Barat") though alone they name nothing.
COMPASS = frozenset({"barat", "timur", "utara", "selatan", "tengah", "raya"})
NER_TYPES = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG",
             "GPE": "GPE", "LOC": "LOC", "PLACE": "LOC", "EVT": "EVT", "EVENT": "EVT"}


class DiscoveryRules:
    """The organisation, NER, speech and leftover passes of ``Linker`` (a mixin: state and helpers are its)."""

    # ------------------------------------------------------------------ pass 3: organisations

    def organisations(self) -> None:
        """``Dewan Keamaan Perserikatan Bangsa-Bangsa (DK PBB)`` and ``Dewan Arktik``."""
        for k in range(2, self.n):
            if self.toks[k - 1].text != "(" or k not in self.starts:
                continue
            inner = self.starts[k]
            if inner.j >= self.n or self.toks[inner.j].text != ")" or not self.toks[k].text.isupper():
                continue
            s = k - 1
            # a hyphen inside the long form is glued ("Bangsa-Bangsa"); a spaced dash ends it (the
            # dateline's "IDN Times - Presiden Amerika Serikat (AS)")
            while s > 0 and (self.toks[s - 1].is_cap or (self.toks[s - 1].text == "-" and s > 1
                                                          and self._glued(s - 2, s - 1) and self._glued(s - 1, s))) \
                    and s - 1 not in self.sentence_initial:
                s -= 1
            if s > 0 and s - 1 in self.sentence_initial and self.toks[s - 1].is_cap:
                s -= 1
            if k - 1 - s >= 2 and not any(f.i == s and f.j == k - 1 for f in self.found):
                if self._other_body(s, k - 1, inner):
                    continue
                for f in [f for f in self.found if s <= f.i and f.j <= k - 1 and not self._is_person(f.key)]:
                    self._drop(f)  # "Dewan Keamaan [Perserikatan Bangsa-Bangsa] (DK PBB)": the parent is part of the name
                self._add(s, k - 1, inner.key, "long-form", inner.actor)
        for k in self.lex.starts("org_heads", self.toks):
            t = self.toks[k]
            if self.taken[k] or not t.is_cap or not self.lex.has("org_heads", self.toks, k):
                continue
            head = j = self.lex.has("org_heads", self.toks, k)
            common = None  # the first capitalised common word of the run
            while j < self.n and j - k < 6 and not (self.taken[j] and self._person_at(j)) and (
                    (self.toks[j].is_cap and self.toks[j].is_word) or (self.toks[j].text == "-" and self._glued(j - 1, j))):
                place = self.starts.get(j)
                if place and self._kind(place.key) in ("country", "place"):
                    j = place.j  # "Universitas Indonesia [Hikmahanto Juwana]": a place closes the name
                    common = None
                    break
                if place and self._kind(place.key) == "org" and not (
                        place.j < self.n and self.toks[place.j].text == "-" and self._glued(place.j - 1, place.j)):
                    j = place.j  # "Komisi VI DPR RI [Subardi]": a known body closes the name too ("Dewan NATO-Rusia" goes on)
                    common = None
                    break
                if common is None and self.toks[j].is_word and self.toks[j].lower in self.common:
                    common = j
                j += 1
            if common is not None:
                # capitalised common words go on a name only up to a known body or place that closes it
                # ("Komisi Percepatan Reformasi Polri"); otherwise the name stops at the first one
                j = common
            if self.toks[j - 1].text == "-":
                j -= 1
            j = self._ner_org_end(k, j)
            if j > max(k + 1, head):  # the head alone ("Dewan", "Kantor Berita") names nothing
                for f in [f for f in self.found if k <= f.i and f.j <= j and self._kind(f.key) == "place"]:
                    self._drop(f)  # "Dewan Arktik" is an organisation, not a mention of the Arctic
                self._add(k, j, self._new("ORG", self._text(k, j)), "heuristic")

    def _other_body(self, s: int, e: int, inner) -> bool:
        """An acronym that the text spells out as something else than the gazetteer's body ("Korea
        Aerospace Industries (KAI)" is not Kereta Api Indonesia, "Pekerja Migran Indonesia (PMI)" not the
        Red Cross): the long form's initials are the acronym's letters and it is no name of the body, not
        even misspelt. A long form of Indonesian words that no body head opens is a description (migrant
        workers, "Anak Buah Kapal (ABK)"): the acronym then names nothing; otherwise the long form is a new organisation. Either way
        every mention of the acronym in the article goes with it. True when so."""
        rec = self._rec(inner.key)
        if rec is None or rec.kind != "org":
            return False
        acronym = self._text(inner.i, inner.j)

        def initials(a: int) -> str:
            return "".join(w[0] for w in fold(self._text(a, e)).replace("-", " ").split() if w[:1].isupper())

        # the long form may open after a capitalised sentence opener ("Jumlah Pekerja Migran Indonesia (PMI)")
        s = next((a for a in range(s, e - 1) if initials(a) == acronym.replace(" ", "")), None)
        if s is None:
            return False
        long_form = " ".join(fold(self._text(s, e)).lower().split())
        if any(OSA.distance(long_form, " ".join(fold(n).lower().split())) <= 2 for n in [rec.name, *rec.aliases]):
            return False
        places = {t for f in self.found if s <= f.i and f.j <= e and self._kind(f.key) in ("country", "place")
                  for t in range(f.i, f.j)}
        described = not self.lex.has("body_heads", self.toks, s) and all(
            is_indonesian_word(self.toks[t].lower) for t in range(s, e) if self.toks[t].is_word and t not in places)
        key = None if described else self._new("ORG", self._text(s, e))
        if key is not None:
            self.new[key].name = self._text(s, e)
        for f in [f for f in self.found if f.key == inner.key and self._text(f.i, f.j) == acronym]:
            self._drop(f)
            if key is not None:
                self._add(f.i, f.j, key, "acronym")
        if key is not None:
            for f in [f for f in self.found if s <= f.i and f.j <= e and not self._is_person(f.key)]:
                self._drop(f)  # the places inside come back as nested mentions (nested_names)
            self._add(s, e, key, "long-form")
        return True

    def titled_organs(self) -> None:
        """A state organ named inside a title ("Juru bicara [Kementerian Luar Negeri Rusia], Maria
        Zakharova", "juru bicara [Departemen Luar Negeri AS] Matthew Miller") is an organisation the
        real-news conventions annotate, though the office pass reads its words as the office's: a nested
        mention (events read the person) of the gazetteer's organ when it has that name, else of a new
        organisation named by the organ's words and the state."""
        for k in self.lex.starts("organ_heads", self.toks):
            head = self.lex.has("organ_heads", self.toks, k)
            if head is None or not self.toks[k].is_cap or not self.taken[k] \
                    or any(f.i <= k < f.j and self._kind(f.key) in ("org", "new-ORG") for f in self.found):
                continue
            c = head
            while c < self.n and c - head < 4 and c not in self.starts and self.toks[c].is_cap and self.toks[c].is_word:
                c += 1
            g = self.starts.get(c)
            if g is None or self._kind(g.key) != "country":
                continue
            hit = self.gaz.aliases.at(self.toks, k)
            target = self.gaz.records[hit[1][0].id] if hit and hit[0] == g.j else None
            if target is not None and target.kind != "country" and target.country == self._rec(g.key).country:
                self._add(k, g.j, target.id, "nested")
                continue
            self._add(k, g.j, self._organ(k, c, self._rec(g.key)), "nested")

    def security_units(self) -> None:
        """Regional police, army and court units named by their head and place or number ("Polres
        Jeneponto", "Polres Metro Jakarta Barat", "Kodam XVII/Cenderawasih", "Yonif 100/PS") are
        organisations of their own (ORG), as the real-news conventions annotate them; a place in the
        name stays a nested mention. A place after a unit's number ends it ("Yonif 100/PS [Belawan]").
        Lexicon ``unit_bodies``."""
        for k in self.lex.starts("unit_bodies", self.toks):
            h = self.lex.has("unit_bodies", self.toks, k)
            if h is None or self.taken[k] or not self.toks[k].text[:1].isupper() or h >= self.n:
                continue
            j, coded, places = h, False, []
            while j < self.n and j - h < 5 and self._same_line(j - 1, j):
                t = self.toks[j]
                f = self.starts.get(j)
                if f is not None and self._kind(f.key) in ("place", "country") and not coded:
                    places.append(f)
                    j = f.j
                elif t.text == "/" and self._glued(j - 1, j) and j + 1 < self.n and self._glued(j, j + 1):
                    j, coded = j + 2, True  # XVII/Cenderawasih, 100/PS
                elif not self.taken[j] and t.is_word and (t.text.isdigit() or t.text.isupper() or (
                        t.is_cap and (t.lower in COMPASS and j > h or t.lower not in self.common
                                      and not self.lex.has("not_names", self.toks, j)))):
                    j += 1
                else:
                    break
            if j == h:
                continue
            for f in places:
                self._drop(f)
            self._add(k, j, self._new("ORG", self._text(k, j)), "unit")
            for f in places:
                self._add(f.i, f.j, f.key, "nested")

    def _person_at(self, k: int) -> bool:
        """A person found earlier covers token ``k`` ("Ketua Komisi IV DPR RI [Sudin]")."""
        for s in range(k, max(-1, k - 6), -1):
            f = self.starts.get(s)
            if f is not None and f.j > k:
                return self._is_person(f.key)
        return False

    def ner_orgs(self) -> dict[int, int]:
        """The NER's organisation spans, their end by their start (characters), read once per text."""
        if self._ner_orgs is None:
            self._ner_orgs = {e.start_char: e.end_char for e in self.ents if NER_TYPES.get(e.label_) == "ORG"}
        return self._ner_orgs

    def _ner_org_end(self, k: int, j: int) -> int:
        """The end of an organisation name opened by a head at ``k``: ``j``, or further when the NER
        tagged one organisation from ``k`` past ``j`` over free words ("Komite Nasional [Kecelakaan
        Transportasi]", where the common word Kecelakaan stopped the capitalised run)."""
        if self.doc is None:
            return j
        end = self.ner_orgs().get(self.toks[k].start)
        if end is None or end <= self.toks[j - 1].end:
            return j
        e = j
        while e < self.n and self.toks[e].end <= end and not self.taken[e] and (self.toks[e].is_cap or not self.toks[e].is_word):
            e += 1
        return e if e < self.n and self.toks[e].start >= end or e == self.n else j

    def facilities(self) -> None:
        """A building, street or station with its proper name ("Gedung KPK", "gedung Nusantara", "Jalan
        Medan Merdeka Barat", "Stasiun Palmerah") is a place (LOC) of its own; a body named inside it
        (KPK) keeps its mention. The heads are ``facility_heads``; the name is the capitalised words
        after the head (at most five)."""
        for k in self.lex.starts("facility_heads", self.toks):
            if k == self.n - 1:
                break  # a head at the very end names nothing
            if self.taken[k] or self.lex.has("facility_heads", self.toks, k) is None:
                continue
            h = self.lex.has("facility_heads", self.toks, k)
            if h < self.n and self.toks[h].text == "." and self.toks[h].start == self.toks[h - 1].end:
                h += 1  # Jl. Sudirman
            j = h
            while j < self.n and j - h < 5 and (j == h or self._same_line(j - 1, j)):
                t = self.toks[j]
                if t.text == "-" and j > h and j + 1 < self.n and self.toks[j + 1].is_cap and self.toks[j + 1].is_word:
                    j += 1  # Bandara Soekarno - Hatta
                    continue
                if not (t.is_word and (t.is_cap or t.text.isdigit())) \
                        or (t.lower not in COMPASS and self.lex.has("not_names", self.toks, j)):
                    break
                place = self.starts.get(j)
                if j > h and place and self._kind(place.key) in ("country", "place"):
                    break  # the city after the street: "Jalan Majapahit [Mataram]"
                j += 1
            if j == h or not self.toks[k].is_cap or not self.toks[h].is_cap \
                    or all(self.toks[t].text.isdigit() for t in range(h, j)):
                continue
            place = self.starts.get(h)
            if place and place.j >= j and self._kind(place.key) in ("country", "place"):
                continue  # "Pelabuhan Ukraina": a port of a country, no name
            for f in [f for f in self.found if k <= f.i and f.j <= j and self._kind(f.key) in ("country", "place")]:
                self._drop(f)  # "Jalan [Medan] Merdeka Barat" names a street, not the city
            self._add(k, j, self._new("LOC", self._text(k, j)), "facility")

    def compass_places(self) -> None:
        """A known city or region followed by a capitalised compass word that the gazetteer does not know
        as one name ("Darfur Utara", "Bupati Morowali Utara", "kabupaten Morowali Utara") is another
        region: a new GPE of the same country named with the compass word (and the head an Indonesian
        regency keeps). The compass words of lexicon group ``compass_not_regions`` are left out ("Bandung
        Raya" is the NER's); states keep theirs (Korea Utara is
        in the gazetteer) and so do capitals ("warga Kyiv Selatan" is a part of the city)."""
        for f in list(self.found):
            j = f.j
            if j >= self.n or self.taken[j] or self._kind(f.key) != "place" or self._rec(f.key).type != "GPE" \
                    or self._rec(f.key).capital:
                continue
            t = self.toks[j]
            if not (t.is_cap and t.lower in COMPASS and t.start == self.toks[j - 1].end + 1) \
                    or self.lex.has("compass_not_regions", self.toks, j):  # "Bandung Raya" is the NER's
                continue
            country = self._rec(f.key).country
            self._drop(f)
            key = self._new("GPE", self._text(f.i, j + 1))
            self.new[key].country = country
            self._add(f.i, j + 1, key, f.via)

    def admin_places(self) -> None:
        """An administrative unit with its name ("Kota Kherson", "Desa Maiorsk", "kabupaten Nduga",
        "Negara Bagian Shan"; lexicon ``admin_heads``) is the place itself, a GPE named without the head
        as the press names it elsewhere ("Kherson"), with the head inside the mention: a known place
        keeps its entity, an unknown one is a new GPE. Heads already taken (the "Kota" of "Wali Kota")
        and names made of common words ("Kota Penting") are left alone."""
        for k in self.lex.starts("admin_heads", self.toks):
            h = self.lex.has("admin_heads", self.toks, k)
            if h is None or h >= self.n or any(self.taken[t] for t in range(k, h)) or not self.toks[h].is_cap:
                continue  # (a "." after the head is no capital: Kab. is left to the tokenizer's abbreviations)
            place = self.starts.get(h)
            if place is not None:
                if self._kind(place.key) in ("place", "country") and place.i == h:
                    if self.lex.has("admin_named_with_head", self.toks, k):
                        self._drop(place)  # "kabupaten Nduga": the mention keeps the head
                        self._add(k, place.j, place.key, "admin", place.actor)
                    else:
                        for t in range(k, h):
                            self.taken[t] = True  # "Kota Kherson" is Kherson, no place of its own
                continue
            j = h
            while j < self.n and j - h < 3 and self._same_line(j - 1, j) and not self.taken[j] \
                    and j not in self.starts and self.toks[j].is_cap and self.toks[j].is_word \
                    and (self.toks[j].lower in COMPASS and j > h
                         or (self.toks[j].lower not in self.common and not self.lex.has("not_names", self.toks, j))):
                j += 1
            if j == h or (j < self.n and (j in self.starts or self.toks[j].is_cap and self.toks[j].is_word)
                          and self._same_line(j - 1, j)) \
                    or (j == h + 1 and not self.toks[k].is_cap and not self.lex.has("admin_named_with_head", self.toks, k)
                        and is_indonesian_word(self.toks[h].lower)):
                continue  # "Kota Port [Sudan]", "Desa Pagar [Batu]": where the name ends is unclear (NER's);
                # "wilayah Yurisdiksi": one Indonesian word after a lower-case head names no place
            name = self._text(h, j)
            key = self._new("GPE", name)
            self.new[key].name = name
            self._add(k, j, key, "admin")

    def local_governments(self) -> None:
        """A regional government with its place ("Pemerintah Kabupaten Morowali Utara", "Pemkot Surabaya",
        "Pemprov DKI Jakarta"; lexicon ``local_governments``) is an organisation named in full, a short form by
        the long head its lexicon entry gives it ("Pemkab": Pemerintah Kabupaten), with the place a nested mention. The place is
        a known place right after the head, the administrative unit found from the head's own last word on
        ("Pemerintah [Kabupaten Morowali Utara]"), or up to three capitalised words of a name, a new GPE."""
        for k in self.lex.starts("local_governments", self.toks):
            h = self.lex.has("local_governments", self.toks, k)
            if h is None or h >= self.n or not self.toks[k].text[:1].isupper() or not self._same_line(h - 1, h):
                continue
            cands = [f for f in (self.starts.get(h - 1) if h - 1 > k else None, self.starts.get(h))
                     if f is not None and self._kind(f.key) in ("place", "country", "new-GPE")]
            place = max(cands, key=lambda f: f.j) if cands else None
            if place is not None:
                j, places = place.j, [place]
            else:
                j, places = h, []
                while j < self.n and j - h < 3 and self._same_line(j - 1, j) and not self.taken[j] \
                        and self.toks[j].is_cap and self.toks[j].is_word \
                        and (self.toks[j].lower in COMPASS and j > h or self.toks[j].lower not in self.common
                             and not self.lex.has("not_names", self.toks, j)):
                    j += 1
                if j == h or (j < self.n and self.toks[j].is_cap and self.toks[j].is_word and self._same_line(j - 1, j)):
                    continue  # no name, or where it ends is unclear
            if any(f.i < j and k < f.j and f not in places for f in self.found):
                continue
            head = self._text(k, h)
            if h == k + 1:  # Pemkab, Pemkot, Pemprov: named by the long head the lexicon gives them
                head = self.lex.long(head)
                if head is None:
                    continue
            start = h if not places or places[0].i >= h else places[0].i + 1
            for f in places:
                self._drop(f)
            name = f"{head} {self._text(start, j)}"
            key = self._new("ORG", name)
            self.new[key].name = name
            self._add(k, j, key, "local")
            for f in places:
                self._add(f.i, f.j, f.key, "nested")
            if not places:  # an unknown name after the head is the regency, city or province
                self._add(h, j, self._known("GPE", self._text(h, j)) or self._new("GPE", self._text(h, j)), "nested")

    # ------------------------------------------------------------------ pass 4: NER, speech and leftovers

    def ner(self) -> None:
        """Spans of the trained NER that no earlier pass claimed."""
        if self.doc is None:
            return
        for ent in self.ents:
            typ = NER_TYPES.get(ent.label_)
            if typ is None:
                continue
            # the tokens inside the span: tokens are in text order, so bisect rather than scan them all
            lo = bisect_left(self.tok_starts, ent.start_char)
            hi = bisect_right(self.tok_starts, ent.end_char)
            idx = [t.i for t in self.toks[lo:hi] if t.end <= ent.end_char]
            free = [i for i in idx if not self.taken[i]]
            if free and typ in ("ORG", "LOC") and free != idx and self._around_place(idx, typ):
                continue
            if not free or free != list(range(free[0], free[-1] + 1)):
                continue
            i, j = free[0], free[-1] + 1
            while i < j and not self.toks[i].is_word:
                i += 1
            while j > i and not self.toks[j - 1].is_word:
                j -= 1
            if j <= i or not self.toks[i].is_cap or self.lex.roles.at(self.toks, i):
                continue
            i, j = self._ner_trim(i, j, typ)
            if j <= i:
                continue
            if typ in ("ORG", "LOC") and self._english_name(i, j):
                continue
            while typ == "PER" and j - i > 1 and (self.lex.has("degrees", self.toks, j - 1) and not self.toks[j - 1].text.istitle()
                                                  or self.toks[j - 1].text == ","):
                j -= 1  # "Fanny Dian Sanjaya SH MH", "Luke Gosling OAM": the degrees and honours are no name
            if any(self.toks[m].text in ".!?" and len(self.toks[m - 1].text) > 2 and self.toks[m + 1].start > self.toks[m].end
                   for m in range(i + 1, j - 1)):
                continue  # a span across a sentence end ("di Teluk. Sekretaris AS") is a tagging slip
            if self.toks[j - 1].text.islower() and self.toks[j - 1].start > self.toks[j - 2].end:
                continue  # nor does a name end in a lower-case word ("Pasukan paramiliter", "Partai aja"; "Jong-un" is glued)
            if self._across_dash(i, j):
                continue  # so is one across a date line's spaced dash ("YANGON - Aliansi pemberontak")
            if j == i + 1 and self.lex.has("body_heads", self.toks, i) and is_indonesian_word(self.toks[i].lower):
                continue  # a body's head alone, a common noun, names nothing ("Partai", "Fraksi"; "Kemenlu" does)
            cued = typ == "PER" and self.lex.ends_before("speech_before", self.toks, i) \
                and not any(self.lex.has("not_names", self.toks, t) for t in range(i, j))
            if j == i + 1 and (self.toks[i].lower in self.common or self.lex.has("not_names", self.toks, i)
                               or (i in self.sentence_initial and not self.lex.has("speech_after", self.toks, j)
                                   and is_indonesian_word(self.toks[i].lower))) \
                    and not cued:
                continue  # one capitalised Indonesian word opening a sentence (Melansir) is too weak alone;
                # a person the NER found right after a quote cue is named by a common word ("kata Kuat")
            headed = typ == "ORG" and j - i >= 2 and self.lex.has("body_heads", self.toks, i) is not None
            if not cued and not headed and all(t.lower in self.common or self.lex.has("not_names", self.toks, t.i)
                                               for t in self.toks[i:j] if t.is_word):
                continue  # title case of common words in a headline ("di Tengah Ketegangan") names nothing;
                # a body's head opening an organisation the NER found names one ("Dinas Pariwisata")
            if j == i + 1 and typ != "PER" and not self._locative(i, j):
                # one word typed as a place or body that is a misspelt person of this article:
                # "ternyata Puting juga mengatakan" after "Vladimir Putin" (NER said LOC); "di Putina" stays;
                # so is the surname itself: "menuduh Trudeau" after "Justin Trudeau" (NER said LOC)
                key, how = self._partial(self.toks[i]), "partial"
                if key is None:
                    key, how = self._typo(self.toks[i], article_only=True)
                if key is not None:
                    self._add(i, j, key, how)
                    continue
            if typ != "PER" and (key := self._known("PER", self._text(i, j))) is not None:
                self._add(i, j, key, "ner")  # a person's name again, typed as a place: "ST Burhanuddin"
                continue
            self.resolve(i, j, typ, create=True, via="ner")

    def _ner_trim(self, i: int, j: int, typ: str) -> tuple[int, int]:
        """The name inside an NER span ``i:j``: a capitalised Indonesian word opening it that heads no
        body, facility or place ("Kunjungan Erikson", "Kata Sebby", "Jatuhnya Laukkai"), a month
        closing it ("di Moskow Juni lalu") are no part of the name (lexicon ``name_heads``,
        ``name_openers``, ``months``)."""
        while j - i > 1 and self.toks[i + 1].is_cap and self._opener(i, typ):
            i += 1
        if j - i > 1 and self.lex.has("months", self.toks, j - 1) == j:
            j -= 1
        return i, j

    def _opener(self, i: int, typ: str) -> bool:
        """Token ``i`` is an Indonesian word that opens no name: derived from a root by an affix (place and
        body spans only; names
        open with root words as often as not: Damar, Garis Biru, Ras Isa) or a word of the lexicon group
        ``name_openers`` (Kata, Yuk, Klik), not the head of a body, place or facility, not a role (a
        gazetteer name there was taken before the NER pass)."""
        t = self.toks[i]
        # Kunjungan, Jatuhnya, Larangan; not in a person's span, where Sastrawi strips names too (Susi)
        derived = typ != "PER" and stem(t.lower) != t.lower and stem(t.lower) in root_words()
        if not (derived or self.lex.has("name_openers", self.toks, i) is not None):
            return False
        for group in ("body_heads", "facility_heads", "organ_heads", "name_heads"):
            if self.lex.has(group, self.toks, i) is not None:
                return False
        return not self.lex.roles.at(self.toks, i)

    def _english_name(self, i: int, j: int) -> bool:
        """An English name the NER cut at a linking word ("International Parliamentarians for [West Papua]",
        "Foreign Policy Community of [Indonesia]", "The United Liberation for [West Papua]-ULMWP"): the
        capitalised words after it, known places too, are the rest of the name, up to a bracket or a glued
        hyphen; a leading "The" is no part of it. One organisation with the places nested. True when added."""
        link = self.toks[j - 1]  # lower case as written: "The" opens a name, it links none
        if link.text != link.lower or self.lex.has("english_links", self.toks, j - 1) != j or j - i < 2:
            return False
        k = j
        while k < self.n and self.toks[k].is_cap and self.toks[k].is_word and self._same_sentence(j - 1, k) \
                and (not self.taken[k] or any(f.i <= k < f.j and self._kind(f.key) in ("country", "place") for f in self.found)):
            k += 1
        if k == j or any(f.i < k and j <= f.j and f.j > k for f in self.found):
            return False
        if self.toks[i].text == "The":
            i += 1
        self._add(i, k, self._new("ORG", self._text(i, k)), "ner")
        return True

    def _across_dash(self, i: int, j: int) -> bool:
        """Tokens ``i:j`` hold a spaced dash, as after a date line's place ("YANGON - Aliansi")."""
        return any(self.toks[m].text in DASHES and self.toks[m].start > self.toks[m - 1].end for m in range(i + 1, j - 1))

    def _same_sentence(self, a: int, b: int) -> bool:
        return self._sent(self.toks[a].start) == self._sent(self.toks[b].start)

    def _around_place(self, idx: list[int], typ: str) -> bool:
        """An NER organisation or place whose name holds a known place and more capitalised words
        ("AC Milan", "Bandung Raya", "Selat Bali", "Bandara Internasional Jakarta"): the whole span is
        an entity of its own, the place inside it stays a nested mention. The place opens or closes the
        name. True when it was added."""
        i, j = idx[0], idx[-1] + 1
        while i < j and not self.toks[i].is_word:
            i += 1
        while j > i and not self.toks[j - 1].is_word:
            j -= 1
        if j - i < 2 or not self.toks[i].is_cap or self.lex.roles.at(self.toks, i) or self._across_dash(i, j):
            return False
        if not self.taken[i] and self._opener(i, typ):
            return False  # "Jatuhnya Laukkai": a free word that opens no name, left to _ner_trim
        inside = [f for f in self.found if f.i < j and i < f.j]
        if not inside or any(f.i < i or f.j > j or self._kind(f.key) not in ("country", "place") for f in inside):
            return False
        if not any(f.i == i or f.j == j for f in inside):
            return False  # a place in the middle of a long span is a tagging slip across two names
        free = [t for t in self.toks[i:j] if not self.taken[t.i] and t.is_word]
        if not free or not all(t.is_cap or t.text.isdigit() for t in free):
            return False
        if any(self.lex.has("months", self.toks, t.i) for t in free):
            return False  # "di Moskow Juni lalu": the place and the date after it
        if all(self.lex.has("state_heads", self.toks, t.i) for t in free) and all(self._kind(f.key) == "country" for f in inside):
            return False  # "Negara Vanuatu", "Kerajaan Yordania": the state itself, no place of its own
        self._add(i, j, self._new(typ, self._text(i, j)), "ner")
        return True

    def acronym_pairs(self) -> None:
        """Two organisation acronyms side by side name one body, a unit of the other ("FT UGM", a faculty
        of UGM, not the Financial Times; "TNI AD"): one organisation over both, with the acronym of three
        letters or more nested and a two-letter one (ambiguous alone) dropped."""
        for f in sorted(self.found, key=lambda f: f.i):
            g = self.starts.get(f.j)
            if g is None or f.j - f.i != 1 or g.j - g.i != 1 or f not in self.found:  # the cheap tests first
                continue
            a, b = self.toks[f.i], self.toks[g.i]
            if not (a.text.isupper() and b.text.isupper() and a.text.isalpha() and b.text.isalpha()) \
                    or self.body[a.end:b.start] != " " or self._kind(f.key) not in ("org", "new-ORG") \
                    or self._kind(g.key) not in ("org", "new-ORG"):
                continue
            for x in (f, g):
                if len(self.toks[x.i].text) < 3:
                    self._drop(x)
            self._add(f.i, g.j, self._new("ORG", self._text(f.i, g.j)), "acronyms")

    def nested_names(self) -> None:
        """A body, state or city named inside an organisation's name is named too ("Dewan Keamanan [PBB]",
        "Komisi I [DPR]", "Dewan Keamanan Nasional Tertinggi [Iran]", "Organisasi Kerja Sama [Shanghai]"), as
        the real-news conventions annotate it: a nested mention, which events skip (they read the outer one)."""
        for f in list(self.found):
            if f.j - f.i < 2 or self._kind(f.key) not in ("org", "new-ORG") or f.via == "organ":
                continue
            t = f.i + 1
            while t < f.j:
                hit = self.gaz.aliases.at(self.toks, t) if self.toks[t].is_cap else None
                target = self.gaz.records[hit[1][0].id] if hit and hit[0] <= f.j else None
                if target is None or target.id == f.key or not self._nestable(target, t, hit[0], f) \
                        or any(g.key == target.id and g.i == t or g is not f and g.i <= t < g.j and f.i <= g.i
                               and g.j <= f.j for g in self.found):
                    t += 1
                    continue
                self._add(t, hit[0], target.id, "nested")
                t = hit[0]

    def _nestable(self, target, i: int, j: int, outer) -> bool:
        """May ``target``, named at tokens ``i:j`` inside the organisation ``outer``, be a nested mention? A
        body or a state; a city or region (GPE) too, under its own name ("Organisasi Kerja Sama [Shanghai]",
        "Dewan [Naypyitaw]"), not under another name (an old one lives on in names: "Tentara Arakan" is no
        mention of Rakhine) nor inside an outlet's masthead ("Pedoman Tangerang")."""
        if target.kind in ("org", "country"):
            return True
        return target.kind == "place" and target.type == "GPE" and outer.via != "outlet" \
            and fold(self._text(i, j)).lower() == fold(target.name).lower()

    def _initials_at(self, k: int) -> bool:
        """Token ``k`` is a free all-capitals word of one to five letters (a person's initials: "MM", "AYL")."""
        t = self.toks[k] if k < self.n else None
        return t is not None and not self.taken[k] and t.text.isalpha() and t.text.isupper() and len(t.text) <= 5 \
            and self.gaz.aliases.at(self.toks, k) is None

    def initials(self) -> None:
        """People named by their initials, as the press names suspects: after "berinisial"/"inisial"
        ("seseorang berinisial MM") and before "alias" with the name they go by ("WB alias Budi", "R alias
        Putera alias Pedagang Berdebu": one person named by the initials). Lexicon ``initials_cues``."""
        for k in self.lex.starts("initials_cues", self.toks):
            e = self.lex.has("initials_cues", self.toks, k)
            if e is not None and e < self.n and self.toks[e].text == ":":
                e += 1
            if e is not None and self._initials_at(e):
                key = self._new("PER", self.toks[e].text)
                self._add(e, e + 1, key, "initials")
        for k in self.lex.starts("alias_word", self.toks):
            if not self.lex.has("alias_word", self.toks, k) or not self.toks[k].text.islower() or k == 0:
                continue
            a = k - 1
            f = self.starts.get(a)
            dropped = f is not None and f.j == k and f.via == "alias" and self._kind(f.key) == "org" \
                and self.toks[a].text.isupper() and len(self.toks[a].text) <= 5 and bool(self.name_span(k + 1, limit=4))
            if dropped:
                self._drop(f)  # "WB alias Budi": a person, not the World Bank
            elif not self._initials_at(a) and not (f and f.via == "initials"):
                continue
            held = self.starts.get(a)  # the initials found before (none after the drop)
            if held:
                key = held.key
            else:
                key = self._new("PER", self.toks[a].text)
                self._add(a, a + 1, key, "initials")
            self.new[key].name = self.toks[a].text
            span = self.name_span(k + 1, limit=4)
            if span:
                self._add(*span, key, "alias")

        self._listed_initials()

    def _listed_initials(self) -> None:
        """A numbered list announced by a line with a word for suspects or victims and a colon ("Berikut
        keenam tersangka yang ditahan:", "Berikut terduga teroris …:"; lexicon ``person_list_cues``) names
        people by their initials: in its items ("2. AYL ditahan …", "1. Banten: Abu Rara, FA, RA"), the
        initials opening an item or a field after "," or ":" are persons, unless a common acronym
        (lexicon ``not_initials``: "WNA", "RSCM")."""
        for k in self.lex.starts("person_list_cues", self.toks):
            if self.lex.has("person_list_cues", self.toks, k) is None:
                continue
            end = self.body.find("\n", self.toks[k].start)
            if end < 0 or not self.body[:end].rstrip().endswith(":"):
                continue
            line_start = end + 1
            while True:
                line_end = self.body.find("\n", line_start)
                line_end = len(self.body) if line_end < 0 else line_end
                line = self.body[line_start:line_end]
                if not line.strip() and line_end < len(self.body):
                    line_start = line_end + 1
                    continue  # a blank line between items
                if not line.lstrip()[:1].isdigit():
                    break  # the list ends at the first line that is no numbered item
                first = self.tok_index(line_start)
                m = first
                while m < self.n and self.toks[m].start < line_end:
                    prev = self.toks[m - 1].text if m > first else ""
                    opens = m - first == 2 and self.toks[first].text.isdigit() and prev in (".", ")")
                    if (opens or prev in (",", ":")) and self._initials_at(m) \
                            and not self.lex.contains("not_initials", self.toks[m].text) \
                            and (m + 1 >= self.n or not self.toks[m + 1].is_cap or self.toks[m + 1].start >= line_end):
                        self._add(m, m + 1, self._new("PER", self.toks[m].text), "initials")
                    m += 1
                line_start = line_end + 1

    def non_entities(self) -> None:
        """What the real-news conventions do not annotate: platforms and apps ("Google News", "Telegram",
        "Facebook" even where the gazetteer has the company behind it), laws, policy and economic terms
        written as acronyms ("RKUHP", "UMP", "CPO", "ZEE"), weapon systems ("F-16", "ICBM"); ships (a name
        opened by a ship prefix: "KRI", "BRP"); and an unknown name right after a word for a thing
        ("pesawat Hercules", "aplikasi MUSANED", "mobil Mercedes") or opened by one ("Topan Kevin"). Groups ``not_entities``,
        ``ship_prefixes``, ``thing_heads``; an unknown name opened by a term ("EUDR Diskriminatif") goes too."""
        terms = {k: self.lex.has("not_entities", self.toks, k) for k in self.lex.starts("not_entities", self.toks)}
        ships = set(self.lex.starts("ship_prefixes", self.toks))
        things = {k: self.lex.has("thing_heads", self.toks, k) for k in self.lex.starts("thing_heads", self.toks)}
        things = {k: end for k, end in things.items() if end is not None}
        after_thing = set(things.values())
        if not (terms or ships or after_thing):
            return
        for f in list(self.found):
            end = terms.get(f.i)
            if (end is not None and (end >= f.j or self._rec(f.key) is None)) \
                    or (f.i in ships and f.j - f.i >= 2 and self.toks[f.i].is_cap) \
                    or (f.i in after_thing and self._rec(f.key) is None) \
                    or (f.i in things and things[f.i] < f.j and self._rec(f.key) is None):  # "Topan Kevin"
                self._drop(f)

    def speech(self) -> None:
        """Names right before a speech verb (``Price mengatakan``) or after a cue (``kata Price``)."""
        cues = sorted(set(self.lex.starts("speech_after", self.toks) + self.lex.starts("speech_before", self.toks)))
        for k in cues:
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
                    s, e = span
                    # "kata Koordinator MAKI Boyamin Saiman": a title and a body's acronym before the name
                    # are no part of it; the name starts after the acronym
                    acro = next((m for m in range(s, e - 1) if self.toks[m].text.isupper() and len(self.toks[m].text) > 1
                                 and self.toks[m].text.isalpha() and not self.toks[m + 1].text.isupper()), None)
                    if acro is not None and e - acro > 2:  # a full name of two words or more after it
                        s = acro + 1
                    self.resolve(s, e, "PER", create=True, via="speech")

    def leftovers(self) -> None:
        """Capitalised tokens still unclaimed: link surnames, partial names and typos, create nothing."""
        done = 0  # the names resolved so far end here
        for k in [t.i for t in self.toks if t.is_cap]:  # a name opens with a capital
            span = self.name_span(k, limit=4) if k >= done else None
            if span is not None:
                self.resolve(*span, "PER", create=False, via="leftover")
                done = span[1]
