"""A pass of the actors linker: the people credited on a page are persons.

News pages credit their reporters, editors and photographers in fixed forms: a cue and a colon
("Editor: Ainun Najib", "LAPORAN: FAISAL ARISTAMA", "Foto: Ari Saputra/detikcom", "(Foto: Suara
Pembaruan / Ruht Semiono)", "Penulis: A | Editor: B", "ANTARA FOTO/Fikri Yusuf"), after an outlet and
a slash ("[Suara.com/Novian Ardiansyah]"), or, in a removed
date line, a name before a separator and the date ("Fajar Nugraha • 18 February 2025 23:19",
"Angkasa Yudhistira , Jurnalis-Kamis, 16 Mei 2024"), or a byline of its own next to the removed date
line ("Kanavino Ahmad Rizqo - detikNews", "News - Tommy Patrio Sorongan, CNBC Indonesia", "Nirmala
Maulana Achmad," after "Kompas.com - 02/11/2023, 15:10 WIB"). The real-news conventions annotate them as
PER (outlets in the same credits are ORG: the outlets pass runs first and claims them).

A credited field is a person only when it reads as a name: one to four capitalised words (ALL CAPS
too), initials allowed, no word of the ``credit_not_names`` group ("Handout", "Redaksi", "Dok",
"Istimewa") or of an organisation head, and not only common words. The cue words are the lexicon
group ``credit_cues``.
"""

from __future__ import annotations

# Tokens that separate the fields of a credit ("Foto: Ari Saputra/detikcom", "Penulis: A | Editor: B").
SEPARATORS = frozenset({"/", "|", "•", ",", ";", "(", ")", "[", "]", ":", "-", "–", "—"})
# Words after "Name ," that make a date line's opening name a credit ("Angkasa Yudhistira , Jurnalis").
CREDIT_AFTER_COMMA = frozenset({"jurnalis", "wartawan", "reporter", "kontributor", "editor", "penulis"})
MAX_WORDS = 4


class CreditRules:
    """The credits pass of ``Linker`` (a mixin: state and shared helpers are the Linker's)."""

    def credits(self, line_starts: frozenset[int] = frozenset(), byline_starts: frozenset[int] = frozenset()) -> None:
        """People credited after a cue ("Editor: …") anywhere; at the tokens ``line_starts`` (the first
        tokens of removed date lines and bylines), a name before a separator and a date; and the lines
        starting at ``byline_starts`` (removed lines next to a date line) when they are bylines."""
        done = 0  # the credit fields read so far end here
        for i in self.lex.starts("credit_cues", self.toks):
            if i < done:
                continue
            end = self.lex.has("credit_cues", self.toks, i)
            if end is not None and end < self.n and self.toks[end].text in (":", "/") and self._same_line(end - 1, end):
                done = self._credit_fields(end + 1)
        for f in [f for f in self.found if f.via == "outlet"]:
            if f.j + 1 < self.n and self.toks[f.j].text == "/" and self.toks[f.j].start == self.toks[f.j - 1].end:
                self._credit_fields(f.j + 1)  # an outlet's credit: "Republika/Raisan Al Farisi"
        for k in sorted(line_starts):
            j = self._credit_field_end(k)
            if j is None or j - k < 2 or j >= self.n or not self._same_line(j - 1, j):
                continue
            sep = self.toks[j].text
            rest = self.body[self.toks[j].end:self._line_end(j)]
            after_comma = sep == "," and j + 1 < self.n and self.toks[j + 1].lower in CREDIT_AFTER_COMMA
            if (sep in ("•", "|", "/") and any(c.isdigit() for c in rest)) or after_comma:
                self._credit(k, j)
        for k in sorted(byline_starts):
            self._byline(k)

    def _byline(self, k: int) -> None:
        """Credit the names of the line from token ``k`` when every field of it is a name, an outlet
        found before or byline words ("News - Tommy Patrio Sorongan, CNBC Indonesia", "Elza Astari
        Retaduari, Saiman - detikNews", "News editor Wahyu Dwi Anggoro"); a line with any other field
        (a headline next to the date line) credits nobody."""
        names, start = [], k
        while k < self.n and (k == start or self._same_line(k - 1, k)):
            t = self.toks[k]
            if t.text in SEPARATORS or self.taken[k]:
                k += 1
                continue
            while k < self.n and self._same_line(start, k) and (words := self.lex.has("byline_words", self.toks, k)) is not None:
                k = words  # byline words ("News", "editor") are skipped, looked up once each
            if k >= self.n or not self._same_line(start, k) or self.toks[k].text in SEPARATORS or self.taken[k]:
                continue
            j = self._credit_field_end(k)
            if j is None:
                return
            names.append((k, j))
            k = j
        for i, j in names:
            self._credit(i, j)

    def _same_line(self, a: int, b: int) -> bool:
        return "\n" not in self.body[self.toks[a].end:self.toks[b].start]

    def _line_end(self, k: int) -> int:
        end = self.body.find("\n", self.toks[k].start)
        return len(self.body) if end < 0 else end

    def _credit_fields(self, k: int) -> int:
        """Credit every name field from token ``k`` to the end of its line; the token index after."""
        while k < self.n and (k == 0 or self._same_line(k - 1, k)):
            if self.toks[k].text in SEPARATORS:
                k += 1
                continue
            if self.lex.has("credit_cues", self.toks, k) is not None:
                return k  # the next credit ("Penulis: A | Editor: B")
            j = self._credit_field_end(k)
            if j is None:
                # not a name: skip the field
                j = k + 1
                while j < self.n and self._same_line(j - 1, j) and self.toks[j].text not in SEPARATORS:
                    j += 1
            else:
                self._credit(k, j)
            k = j
        return k

    def _credit_field_end(self, k: int) -> int | None:
        """The end of the name field starting at token ``k`` (at a separator or the line end), or None
        when the field is not a credited name."""
        j, words = k, []
        while j < self.n and (j == k or self._same_line(j - 1, j)):
            t = self.toks[j]
            if t.text in SEPARATORS:
                glued = (j > k and t.start == self.toks[j - 1].end and j + 1 < self.n
                         and self.toks[j + 1].start == t.end and self.toks[j + 1].is_cap)
                if t.text == "-" and glued:  # Jung Yeon-Je
                    j += 1
                    continue
                break
            if t.text == "." and words and len(words[-1].text) == 1:
                j += 1  # an initial: M. Ilham
                continue
            if not (t.text.isalpha() and t.is_cap) or self.taken[j]:
                return None
            if self.lex.has("credit_not_names", self.toks, j) is not None or self.lex.has("org_heads", self.toks, j) is not None \
                    or self.lex.has("not_names", self.toks, j) is not None:
                return None
            words.append(t)
            j += 1
        if not words or len(words) > MAX_WORDS or max(len(w.text) for w in words) < 3:
            return None
        if len(words) == 1 and (len(words[0].text) < 4 or words[0].text.isupper()):
            return None  # one short word or an acronym ("WM", "ANTARA") is no credited person
        if all(w.lower in self.common for w in words):
            return None
        return j

    def _credit(self, k: int, j: int) -> None:
        last = j
        while last > k and self.toks[last - 1].text in ".-":
            last -= 1
        if not any(self.taken[k:last]):
            self.resolve(k, last, "PER", create=True, via="credit")
