"""Pass 1 of the actors linker: the gazetteer's aliases in the text, longest match first.

``AliasRules`` picks, among the people sharing an alias, the one in office on the date; turns a
capital into its own city entity acting for its state (the mention's actor code) and a seat of
government (``Kremlin``) into an entity of its own acting for the state's sector; and links the place
of a dateline (``MOSKWA, KOMPAS.com -``) as a mention no event uses, claiming the agency so that no
later pass links it as an actor.
"""

from __future__ import annotations

from warta.actors.index import Target, covers

DASHES = {"-", "–", "—"}
# First words of a seat of government that name a building (a place), not a body: "Istana Negara".
SEAT_BUILDINGS = frozenset({"istana", "gedung", "aula", "kantor", "kompleks", "wisma"})
# A state's code glued to the dollar sign is a currency, not the state: "US$ 20 miliar", "S$5 juta",
# "A$", "HK$", "NZ$" (the Indonesian press writes amounts so).
CURRENCY_SIGN = "$"


class AliasRules:
    """The gazetteer-alias pass of ``Linker`` (a mixin: state and shared helpers are the Linker's)."""

    def gazetteer(self) -> None:
        """Link every alias of the gazetteer (longest match first)."""
        done = 0  # the aliases linked so far end here
        for i in [t.i for t in self.toks if t.is_cap]:  # an alias in the text is capitalised
            if i < done:
                continue
            t = self.toks[i]
            hit = self.gaz.aliases.at(self.toks, i)
            if hit is None and i + 1 < self.n:
                nxt = self.toks[i + 1]
                # a word broken by a stray space ("Ukrai na")
                if nxt.start == t.end + 1 and nxt.text.islower() and len(nxt.text) <= 3 and t.lower not in self.common:
                    joined = self.gaz.aliases.folded.get((t.lower + nxt.lower,))
                    hit = (i + 2, joined) if joined else None
            if hit is None:
                continue
            j, targets = hit
            if j < self.n and self.toks[j].text.startswith(CURRENCY_SIGN) and self.toks[j].start == self.toks[j - 1].end:
                continue  # US$: the currency
            # a capitalised common word opening a sentence is not a place name (Batu, Bukit)
            if j == i + 1 and t.lower in self.common and i in self.sentence_initial:
                continue
            if self._dateline(i, j):
                for k in range(i, j):
                    self.taken[k] = True
                target = self._choose(targets, i)
                if self.gaz.records[target.id].kind == "place":
                    # the place a story was filed from is named (an entity) but acts in nothing:
                    # the events stage skips mentions linked "dateline"
                    self._add(i, j, target.id, "dateline")
            else:
                target = self._choose(targets, i)
                if j == i + 1 and self.gaz.records[target.id].kind == "official" \
                        and not self._bare_name_ok(target.id, i, derived=False):
                    continue  # "Anwar" alone: left to the later passes (a role may still introduce him)
                self._link_alias(i, j, target)
            done = j

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
        after = self.toks[j].text if j < self.n else ""
        if not (after in DASHES or after == "," or after.isupper()):
            return False  # the cheap test first: most names in a text are followed by none of these
        start = self.toks[i].start
        line = self.body.rfind("\n", 0, start) + 1
        end = self.body.find("\n", start)
        end = len(self.body) if end < 0 else end
        before = [t for t in self.toks[max(0, i - 6):i] if t.start >= line]
        if len(before) > 5 or (before and before[-1].text != ","):
            return False
        dash = next((t for t in self.toks[j:j + 8] if t.text in DASHES and t.start < end), None)
        if dash is None:
            return False
        for k in range(before[0].i if before else i, dash.i):
            self.taken[k] = True  # the agency of the date line is no actor either
            self.dateline_tokens.add(k)  # but a site's domain there is its outlet (OutletRules.web_outlets)
        return True

    def _link_alias(self, i: int, j: int, target: Target) -> None:
        rec = self.gaz.records[target.id]
        if target.via.startswith("seat:"):
            # "Kremlin", "Istana Negara": an entity of its own (the state does not swallow it) that
            # acts for the state's sector (RUSGOV); a building is a place, the rest an organisation
            text = self._text(i, j)
            key = self._new("LOC" if text.split()[0].lower() in SEAT_BUILDINGS else "ORG", text)
            self.new[key].country = rec.country
            self.new[key].actor = rec.country + target.via.split(":")[1]
            self._add(i, j, key, "seat", self.new[key].actor)
            return
        if rec.kind == "place" and rec.capital and rec.country in self.gaz.countries and not self._locative(i, j):
            # "mendesak Beijing": the city stays its own entity, acting for its state (the country code)
            self._add(i, j, rec.id, "capital", rec.country)
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
