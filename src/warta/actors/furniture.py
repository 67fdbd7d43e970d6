"""Entities named in the page furniture the extractor removed from the body.

Captions, bylines, date lines with the reporter, photo credits and "Baca juga" headlines are not
article text, but they name people, outlets and places (the real-news conventions annotate entities
anywhere in the page: reporters, editors and photographers are PER, outlets in credits ORG). The
removed lines are linked as a text of their own, one line a sentence, with the same gazetteer and
rules as the body but without the language layer (no NER: only gazetteer names, outlets, offices with
names, and credited people; ``credits``). What is found goes to ``Entity.in_removed`` with the index
of the removed line and offsets into that line, never into ``Entity.mentions``: the offsets of
``mentions`` point into the body, and events, quotes and evidence highlighting read them. An entity
named only in the furniture is in the record with no body mention.
"""

from __future__ import annotations

import copy
from bisect import bisect_right

from warta.article import Article, Entity, RemovedMention

# Removed lines whose opening name, before a separator and a date, is the credited reporter
# ("Fajar Nugraha • 18 February 2025 23:19"): the extractor's reasons for date lines and bylines.
CREDIT_LINE_REASONS = frozenset({"dateline-date", "byline"})
# A removed line right before or after the first date line may be the byline alone ("Rekha Anstarida",
# "Nirmala Maulana Achmad," after "Kompas.com - 02/11/2023, 15:10 WIB"), whatever the extractor
# called it (a caption, a related link): ``CreditRules._byline`` credits it when it reads as one.
DATE_LINE_REASON = "dateline-date"
SEPARATOR = "\n"
# Without a parse and in title-case headlines ("Menlu Berkicau", "Adili Jokowi"), a name the gazetteer
# does not know is kept only when a credit, an outlet name or a seat of government found it; a
# gazetteer actor found only as a typo is dropped (on realnews_train these were 18 of 22 wrong).
TRUSTED_VIAS = frozenset({"credit", "outlet", "seat", "capital"})


def furniture_text(article: Article) -> tuple[str, list[int]]:
    """The removed lines joined one per line, and where each starts."""
    starts, pos = [], 0
    for r in article.removed:
        starts.append(pos)
        pos += len(r.text) + len(SEPARATOR)
    return SEPARATOR.join(r.text for r in article.removed), starts


def _byline_lines(article: Article) -> list[int]:
    """The removed lines right before and after the page's first date line (later date lines date
    the teasers of a list of other stories, whose headlines are no bylines), the title left out."""
    first = next((i for i, r in enumerate(article.removed) if r.reason == DATE_LINE_REASON), None)
    if first is None:
        return []
    return [i for i in (first - 1, first + 1) if 0 <= i < len(article.removed)
            and article.removed[i].reason not in (DATE_LINE_REASON, "title") and article.removed[i].text.strip()]


# The removed lines of the last document linked, and what was found in them: every window of a long
# document (``warta.windows``) carries the same removed lines, and linking them again in each window
# made the work grow with windows x removed lines. The key holds everything the linker reads.
_LAST: list[tuple[tuple, tuple, list[Entity]]] = []


def _linked(article: Article, sub: Article, starts: list[int], make_linker, owners: tuple) -> list[Entity]:
    """The entities the linker finds in the removed lines (``sub``, their text), from the last call
    when the lines, the dates, the outlet and the ``owners`` are the same (a copy: callers change them)."""
    key = (sub.body, tuple(starts), tuple(r.reason for r in article.removed), sub.published, sub.reference_date, sub.outlet)
    last = _LAST[0] if _LAST else None
    if owners and last is not None and last[0] == key and len(last[1]) == len(owners) \
            and all(a is b for a, b in zip(last[1], owners)):
        return copy.deepcopy(last[2])
    linker = make_linker(sub)
    linker.credit_lines = frozenset(
        linker.tok_index(s) for s, r in zip(starts, article.removed) if r.reason in CREDIT_LINE_REASONS and r.text.strip())
    linker.byline_lines = frozenset(linker.tok_index(starts[i]) for i in _byline_lines(article))
    found, _ = linker.run()
    if owners:
        _LAST[:] = [(key, owners, copy.deepcopy(found))]
    return found


def link_removed(article: Article, entities: list[Entity], make_linker, owners: tuple = ()) -> list[Entity]:
    """``entities`` (of the body) with the entities of the removed lines added: a known entity gets
    ``in_removed`` mentions, an entity named only there is appended with no body mention.
    ``make_linker(sub_article)`` builds the linker for a text without a parse; ``owners`` are the
    objects it links with (gazetteer, lexicon), so that the windows of one document link its
    removed lines once (``_linked``)."""
    if not article.removed:
        return entities
    text, starts = furniture_text(article)
    sub = Article(body=text, published=article.published, reference_date=article.reference_date,
                  outlet=article.outlet, timex=[],
                  sentences=[[s, s + len(r.text)] for s, r in zip(starts, article.removed)])
    found = _linked(article, sub, starts, make_linker, owners)
    by_id = {e.id: e for e in entities}
    out = list(entities)
    for ent in found:
        vias = {m.via for m in ent.mentions}
        if not (vias & TRUSTED_VIAS or (ent.linked and vias - {"typo"})):
            continue
        removed = [RemovedMention(line, m.start - starts[line], m.end - starts[line], m.text, m.via)
                   for m in ent.mentions for line in (bisect_right(starts, m.start) - 1,)]
        known = by_id.get(ent.id)
        if known is None:
            ent.mentions, ent.in_removed = [], removed
            out.append(ent)
            by_id[ent.id] = ent
        else:
            known.in_removed.extend(m for m in removed if m not in known.in_removed)
    return out
