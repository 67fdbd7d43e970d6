"""Pass 1b of the actors linker: news outlets and agencies named in the text are organisations.

Datelines ("Liputan6.com, Abu Dhabi -", "Jakarta (ANTARA) -"), photo credits ("Foto: Reuters") and
citations ("dilansir Al Jazeera") name news organisations; the real-news conventions annotate them
as ORG. Their printed names come from the extractor's lists (``data/outlets.yaml``,
``extract/agencies.yaml``). Guards: a name of two letters ("AP", "RT": also "RT 05/RW 03") counts
only in brackets or after a citing word, and a common word opening a sentence ("Antara ...") never.
"""

from __future__ import annotations

from functools import lru_cache

from warta.actors.text import tokenise

CITING = frozenset({"dilansir", "melansir", "dikutip", "mengutip", "dari", "menurut", "kepada", "foto", "sumber",
                    "berita", "laporan", "kata", "ujar"})


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Printed names as token sequences by their first token (case-sensitive), longest first."""
    from warta.extract.meta import news_organisations
    from warta.extract.outlets import registry

    _, names = news_organisations(registry())
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for variant, canonical in names.items():
        words = tuple(t.text for t in tokenise(variant))
        if words:
            index.setdefault(words[0], []).append((words, canonical))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


@lru_cache(maxsize=1)
def _domains() -> dict[str, str]:
    """The registry's outlets by their web domains (lower case)."""
    from warta.extract.outlets import registry

    return {d: o.name for o in registry().outlets for d in o.domains}


class OutletRules:
    """The news-organisation pass of ``Linker`` (a mixin: state and shared helpers are the Linker's)."""

    def news_outlets(self) -> None:
        """Link every printed outlet or agency name not already linked to an ORG entity of its own."""
        index = _index()
        covered = [False] * self.n
        for f in self.found:
            for k in range(f.i, f.j):
                covered[k] = True  # already an actor of the gazetteer ("BBC" as an organisation)
        done = 0  # the outlet names linked so far end here
        for i in [t.i for t in self.toks if t.text in index]:  # the tokens a printed name can start at
            if i < done:
                continue
            hit = None
            for words, canonical in index[self.toks[i].text]:
                j = i + len(words)
                if j <= self.n and all(self.toks[i + k].text == w for k, w in enumerate(words)) and all(
                        self.toks[k + 1].start == self.toks[k].end or self.body[self.toks[k].end:self.toks[k + 1].start] == " "
                        for k in range(i, j - 1)):
                    hit = (j, words, canonical)
                    break
            if hit is None:
                continue
            j, words, canonical = hit
            inside = [f for f in self.found if f.i < j and i < f.j] if any(covered[i:j]) else []
            if (i and self.toks[i - 1].end == self.toks[i].start and self.toks[i - 1].text in "._-@/"
                    and not self._credit_slash(i - 1)) \
                    or (j < self.n and self.toks[j].start == self.toks[j - 1].end and self.toks[j].is_word) \
                    or (inside and not self._longer_than(inside, i, j)) or not self._outlet_evidence(i, j, " ".join(words)):
                continue
            for f in inside:
                self._drop(f)  # "CNBC Indonesia" is the outlet, not CNBC and Indonesia
            key = self._new("ORG", canonical)
            self.new[key].name = canonical  # "ANTARA FOTO" is ANTARA
            self._add(i, j, key, "outlet")
            done = j

    def _longer_than(self, inside: list, i: int, j: int) -> bool:
        """An outlet's printed name of two words or more covers the gazetteer actors found in it whole
        and is longer than each ("CNBC Indonesia" over CNBC and Indonesia, "Kompas TV" over Kompas)."""
        return j - i >= 2 and all(i <= f.i and f.j <= j and f.j - f.i < j - i for f in inside)

    def web_outlets(self) -> None:
        """A site's domain printed in the text ("TRIBUNMANADO.CO.ID, Manado -", "Foto: Yogyapos.com") is the
        news organisation of that site (ORG): a word, then one or more "." and a top-level domain of the
        lexicon group ``web_domains``, not inside a URL or an e-mail address (no "/", "@" or "." glued
        around it, but for a photo credit's one slash: "Foto: voaindonesia.com/Jung Yeon-Je"). On realnews dev and train every such domain in the text is an outlet."""
        # the dots before a top-level domain ("." in ".com"): a domain starts before one of them, so the
        # scan stops after the last (most texts have none, a dateline's domain is at the start)
        dots = [j - 1 for j in self.lex.starts("web_domains", self.toks) if j >= 2 and self._domain_dot(j - 1)]
        k = 0
        while k < (dots[-1] if dots else 0):
            t = self.toks[k]
            start = k
            while k + 2 < self.n and self.toks[k + 1].text == "-" and self._glued(k, k + 1) and self._glued(k + 1, k + 2):
                k += 2  # TRIBUN-BALI.COM
            j = k + 1
            while j + 1 < self.n and self._domain_dot(j):
                j += 2
            inside = [f for f in self.found if f.i < j and start < f.j] if j > k + 1 and t.is_word \
                and self._claimed(start, j) else []
            if inside and all(start <= f.i and f.j <= j and self._kind(f.key) in ("place", "country") for f in inside):
                for f in inside:
                    self._drop(f)  # "TRIBUN-BALI.COM" names the site, not Bali
                for m in range(start, j):
                    self.taken[m] = False
            if j == k + 1 or not t.is_word or len(t.text) < 3 or self._claimed(start, j) \
                    or (start and self._glued(start - 1, start) and self.toks[start - 1].text in "/@.:") \
                    or (j < self.n and self._glued(j - 1, j) and self.toks[j].text in "/@" and not self._credit_slash(j)):
                k = max(k, start) + 1
                continue
            key = self._new("ORG", self._text(start, j))
            self.new[key].name = self._site_name(start, j)
            self._add(start, j, key, "outlet")
            k = j

    def _claimed(self, start: int, j: int) -> bool:
        """A token of ``start:j`` is taken by an actor; the agency of a date line, which the date-line rule
        takes so that it acts in nothing, is free for its outlet ("TRIBUNLOMBOK.COM, MATARAM -")."""
        return any(self.taken[m] and m not in self.dateline_tokens for m in range(start, j))

    def _site_name(self, start: int, j: int) -> str | None:
        """The outlet's name for a printed domain: the registry's outlet of that domain ("cnbcindonesia.com"
        is CNBC Indonesia), a regional site of a network named "<network> <region>" ("TRIBUNLOMBOK.COM",
        "TRIBUN-BALI.COM" are Tribun Lombok, Tribun Bali; lexicon ``outlet_networks``), else None (the
        printed domain)."""
        domain = self._text(start, j).lower()
        canonical = _domains().get(domain) or _domains().get(domain.removeprefix("www."))
        if canonical:
            return canonical
        label = domain.split(".")[0]
        for network in self.lex.groups["outlet_networks"].folded:
            prefix = network[0]
            rest = label.removeprefix(prefix).lstrip("-")
            if label.startswith(prefix) and len(rest) >= 3 and rest.isalpha():
                return f"{prefix.title()} {rest.title()}"
        return None

    def _domain_dot(self, j: int) -> bool:
        """Token ``j`` is a "." glued between a word and a top-level domain ("Yogyapos[.]com")."""
        return self.toks[j].text == "." and self._glued(j - 1, j) and self._glued(j, j + 1) \
            and self.lex.has("web_domains", self.toks, j + 1) == j + 2

    def _glued(self, a: int, b: int) -> bool:
        return self.toks[b].start == self.toks[a].end

    def _credit_slash(self, k: int) -> bool:
        """Token ``k`` is the slash of a photo credit ("Ari Saputra/detikcom"), not of a URL: one slash
        in its whitespace-delimited chunk, after a letter, and no scheme or www."""
        if self.toks[k].text != "/" or k == 0 or not self.toks[k - 1].text[-1:].isalpha():
            return False
        start = self.body.rfind(" ", 0, self.toks[k].start) + 1
        end = self.body.find(" ", self.toks[k].end)
        chunk = self.body[start:end if end >= 0 else len(self.body)]
        return chunk.count("/") == 1 and "www" not in chunk.lower() and ":" not in chunk

    def _outlet_evidence(self, i: int, j: int, text: str) -> bool:
        if len(text) <= 2:
            before = self.toks[i - 1].lower if i else ""
            return before in CITING or (before == "(" and j < self.n and self.toks[j].text == ")")
        if j == i + 1 and self.toks[i].lower in self.common and i in self.sentence_initial:
            return False
        return True
