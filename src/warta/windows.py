"""Long documents in windows: the language layer and the document stages see a bounded piece at a time.

A body longer than ``WINDOW`` characters is cut into consecutive windows at paragraph breaks (else
at a sentence end, else at a space, else anywhere). Each window is a sub-article (``part``) with the
document's metadata; what the stages find in it is shifted back into body coordinates and merged
into the document (``merge``): sentences, timexes, quotes and events are concatenated, entities
with the same id are one entity with the mentions of every window. Memory and time then grow
linearly with the document, and spaCy's ``max_length`` (1,000,000 characters) is never reached.
An article shorter than ``WINDOW`` is one window: its record is exactly what it was without windows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from warta.article import Article, Entity

# Characters per window: longer than nearly every news article, short enough that a stage's
# per-window work stays small (the actors linker on 20,000 characters: about a second).
WINDOW = 20_000
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s")


def spans(text: str, size: int = WINDOW) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` windows covering ``text``, each at most ``size`` characters."""
    n = len(text)
    if n <= size:
        return [(0, n)]
    out, start = [], 0
    while n - start > size:
        limit, floor = start + size, start + size // 2  # cut in the second half of the window
        cut = text.rfind("\n", floor, limit)
        if cut >= 0:
            cut += 1
        else:
            ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, limit)]
            if ends:
                cut = ends[-1]
            else:
                space = text.rfind(" ", floor, limit)
                cut = space + 1 if space >= 0 else limit
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


# What the document stages fill in: a window starts with none of it.
_STAGE_FIELDS = dict(sentences=[], entities=[], timex=[], quotes=[], events=[], warnings=[], stage_errors=[],
                     summary=None,
                     reference_date=None)


def part(article: Article, start: int, end: int) -> Article:
    """The sub-article of ``article.body[start:end]``: the same metadata and id, no stage output."""
    fields = {key: (list(value) if isinstance(value, list) else value) for key, value in _STAGE_FIELDS.items()}
    return replace(article, body=article.body[start:end], **fields)


def _shift_entity(ent: Entity, offset: int) -> Entity:
    for m in ent.mentions:
        m.start += offset
        m.end += offset
    return ent


def merge(doc: Article, window: Article, offset: int) -> None:
    """Add what the stages found in ``window`` (which starts at ``offset`` of ``doc.body``) to ``doc``."""
    doc.sentences.extend([s + offset, e + offset] for s, e in window.sentences)
    for t in window.timex:
        if t.part is None:
            t.start += offset
            t.end += offset
    # every window sees the same title and removed lines: their dates are taken from the first
    doc.timex.extend(t for t in window.timex if t.part is None or offset == 0)
    for q in window.quotes:
        if q.part is None:
            q.start += offset
            q.end += offset
    # the statements of the removed lines, like their dates, are taken from the first window
    doc.quotes.extend(q for q in window.quotes if q.part is None or offset == 0)
    for ev in window.events:
        ev.trigger.start += offset
        ev.trigger.end += offset
        ev.sentence = [ev.sentence[0] + offset, ev.sentence[1] + offset] if ev.sentence else ev.sentence
    doc.events.extend(window.events)
    by_id = {ent.id: ent for ent in doc.entities}
    for ent in window.entities:
        ent = _shift_entity(ent, offset)
        known = by_id.get(ent.id)
        if known is None:
            doc.entities.append(ent)
            by_id[ent.id] = ent
            continue
        known.mentions.extend(ent.mentions)
        known.in_removed.extend(m for m in ent.in_removed if m not in known.in_removed)  # every window sees them
        known.roles.extend(r for r in ent.roles if r not in known.roles)
    doc.warnings.extend(w for w in window.warnings if w not in doc.warnings)
    doc.stage_errors.extend(m for m in window.stage_errors if m not in doc.stage_errors)
    if doc.reference_date is None:  # the first window holds the dateline and the lead
        doc.reference_date = window.reference_date
    if window.published and not doc.published:  # inferred from the lead by the time stage
        doc.published, doc.published_inferred = window.published, window.published_inferred


def join_bare_names(doc: Article) -> None:
    """Across windows: a one-word person the linker could not place in its window ("Retno") that
    is a word of exactly one fuller person's name found in another window ("Retno Marsudi") is that
    person. As in the linker, a foreigner is named alone by surname, an Indonesian or an unknown
    person by any word of the name. Quote speakers and event actors follow the merge."""
    people = [e for e in doc.entities if e.type == "PER"]
    owners: dict[str, set[str]] = {}
    for ent in people:
        words = ent.name.lower().split()
        if len(words) < 2:
            continue
        for word in (words if not ent.linked or ent.country == "IDN" else words[-1:]):
            owners.setdefault(word, set()).add(ent.id)
    remap = {}
    for ent in people:
        if ent.linked or len(ent.name.split()) != 1:
            continue
        ids = owners.get(ent.name.lower(), set()) - {ent.id}
        if len(ids) == 1:
            remap[ent.id] = next(iter(ids))
    if not remap:
        return
    by_id = {ent.id: ent for ent in doc.entities}
    for old, new in remap.items():
        target = by_id[new]
        for m in by_id[old].mentions:
            m.via = "partial"
        target.mentions = sorted(target.mentions + by_id[old].mentions, key=lambda m: (m.start, m.end))
        target.roles.extend(r for r in by_id[old].roles if r not in target.roles)
        target.in_removed.extend(m for m in by_id[old].in_removed if m not in target.in_removed)
    doc.entities = [ent for ent in doc.entities if ent.id not in remap]
    for q in doc.quotes:
        if q.speaker in remap:
            q.speaker = remap[q.speaker]
    for ev in doc.events:
        for side in (ev.source, ev.target):
            if side.entity in remap:
                side.entity = remap[side.entity]
