"""The article body as HTML with its evidence marked by offsets: entity mentions, timex, quotes, event triggers.

Spans may overlap (a name inside a quote, a trigger inside a quote), so the body is cut at every span
boundary and each piece is wrapped once, with the classes and the hover text of every span over it.
All text is escaped here: the result is safe to put in a page as it is.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from markupsafe import Markup

from warta.article import Article, body_quotes, body_timex


@dataclass(slots=True)
class Mark:
    """One piece of evidence: where it is, its kind (ent, timex, quote, event), its anchor (``event-120``) and hover text."""

    start: int
    end: int
    kind: str
    anchor: str
    tip: str
    extra: list[str] = field(default_factory=list)  # more classes: the entity type, the quad class


def marks(article: Article) -> list[Mark]:
    """Every extracted item of the article that points into its body."""
    out: list[Mark] = []
    for ent in article.entities:
        code = " · ".join(x for x in (ent.type, ent.actor or ent.country) if x)
        for m in ent.mentions:
            out.append(Mark(m.start, m.end, "ent", f"ent-{m.start}", f"{ent.name} ({code})", [ent.type.lower()]))
    for t in body_timex(article):
        out.append(Mark(t.start, t.end, "timex", f"timex-{t.start}", f"{t.type} → {t.value or '?'}"))
    for q in body_quotes(article):
        kind = "direct" if q.direct else "indirect"
        out.append(Mark(q.start, q.end, "quote", f"quote-{q.start}", f"{kind} quote by {q.speaker_text or '?'}"))
    for ev in article.events:
        flags = "".join([" (negated)" if ev.negated else "", " (planned)" if ev.planned else ""])
        tip = (f"{ev.type}{' ' + ev.mode if ev.mode else ''}{flags}: {ev.source.actor or ev.source.name or '?'} → "
               f"{ev.target.actor or ev.target.name or '?'} · date {ev.date or '?'}"
               f"{' (' + ev.date_precision + ')' if ev.date_precision else ''}")
        out.append(Mark(ev.trigger.start, ev.trigger.end, "event", f"event-{ev.trigger.start}", tip, [ev.quad_class or ""]))
    n = len(article.body)
    return [m for m in out if 0 <= m.start < m.end <= n]  # a span outside the body is skipped, not drawn wrong


def render(body: str, spans: list[Mark]) -> Markup:
    """The body as escaped HTML, each piece under one or more marks wrapped in a ``<span>`` with their classes and tips."""
    cuts = sorted({0, len(body), *(m.start for m in spans), *(m.end for m in spans)})
    starts: dict[int, list[Mark]] = {}
    for m in spans:
        starts.setdefault(m.start, []).append(m)
    parts: list[str] = []
    anchors: set[str] = set()  # two items at one offset share one anchor: ids stay unique
    for a, b in zip(cuts, cuts[1:]):
        for m in starts.get(a, []):
            if m.anchor not in anchors:
                anchors.add(m.anchor)
                parts.append(f'<a class="anchor" id="{html.escape(m.anchor)}"></a>')
        over = [m for m in spans if m.start <= a and b <= m.end]
        text = html.escape(body[a:b])
        if not over:
            parts.append(text)
            continue
        classes = sorted({f"ev-{m.kind}" for m in over} | {f"ev-{x}" for m in over for x in m.extra if x})
        tip = " | ".join(dict.fromkeys(m.tip for m in over))
        parts.append(f'<span class="{" ".join(classes)}" data-tip="{html.escape(tip)}" title="{html.escape(tip)}">'
                     f"{text}</span>")
    return Markup("".join(parts))


def article_html(article: Article) -> Markup:
    """The article body with all its evidence marked."""
    return render(article.body, marks(article))
