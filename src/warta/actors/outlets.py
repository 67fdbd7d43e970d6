"""Pass 1b of the actors linker: news outlets and agencies named in the text are organisations.

Datelines ("Liputan6.com, Abu Dhabi -", "Jakarta (ANTARA) -"), photo credits ("Foto: Reuters") and
citations ("dilansir Al Jazeera") name news organisations; the real-news conventions annotate them
as ORG. Their printed names come from the extractor's lists (``data/outlets.yaml``,
``extract/agencies.yaml``). Guards: a name of two letters ("AP", "RT": also "RT 05/RW 03") counts
only in brackets or after a citing word, and a common word opening a sentence ("Antara ...") never.
"""

from __future__ import annotations

from bisect import bisect_left

CITING = frozenset({"dilansir", "melansir", "dikutip", "mengutip", "dari", "menurut", "kepada", "foto", "sumber",
                    "berita", "laporan", "kata", "ujar"})


class OutletRules:
    """The news-organisation pass of ``Linker`` (a mixin: state and shared helpers are the Linker's)."""

    def news_outlets(self) -> None:
        """Link every printed outlet or agency name not already linked to an ORG entity of its own."""
        from warta.extract.meta import news_organisations
        from warta.extract.outlets import registry

        pattern, names = news_organisations(registry())
        starts = [t.start for t in self.toks]
        for m in pattern.finditer(self.body):
            a, b = m.span()
            if a and (self.body[a - 1].isalnum() or self.body[a - 1] in "._-@/"):
                continue  # inside a word, a domain or an address
            i = bisect_left(starts, a)
            j = i
            while j < self.n and self.toks[j].end <= b:
                j += 1
            if i >= self.n or self.toks[i].start != a or self.toks[j - 1].end != b:
                continue
            if any(f.i < j and i < f.j for f in self.found):
                continue  # already an actor of the gazetteer ("BBC" as an organisation)
            if not self._outlet_evidence(i, j, m.group(0)):
                continue
            self._add(i, j, self._new("ORG", names[m.group(0)]), "outlet")

    def _outlet_evidence(self, i: int, j: int, text: str) -> bool:
        if len(text) <= 2:
            before = self.toks[i - 1].lower if i else ""
            return before in CITING or (before == "(" and j < self.n and self.toks[j].text == ")")
        if j == i + 1 and self.toks[i].lower in self.common and i in self.sentence_initial:
            return False
        return True
