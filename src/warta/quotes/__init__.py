"""Document stage `quotes`: direct and indirect quotations with their speakers and cited outlets."""

from __future__ import annotations

import re

from warta.article import Article, Entity, Quote
from warta.quotes import furniture
from warta.quotes.direct import find_direct
from warta.quotes.indirect import find_indirect
from warta.quotes.lexicon import Lexicon, default_lexicon, load_lexicon
from warta.quotes.speakers import Context, Speaker, entity_mentions, find_via, introduced_before, resolve
from warta.stage import stage

__all__ = ["annotate", "find_quotes", "load_lexicon", "Lexicon"]


def find_quotes(
    text: str,
    entities: list[Entity] | None = None,
    sentences: list[list[int]] | None = None,
    *,
    lexicon: Lexicon | None = None,
) -> list[Quote]:
    """Direct and indirect statements in ``text``, in text order, each with its speaker when found."""
    lex = lexicon or default_lexicon()
    return _find(text, entity_mentions(entities or [], lex), sentences, lex)


def _find(text: str, mentions: list, sentences: list[list[int]] | None, lex: Lexicon) -> list[Quote]:
    ctx = Context(text, lex, mentions)
    direct = find_direct(ctx)
    candidates = sorted(direct + find_indirect(ctx, sentences, direct), key=lambda c: c.start)
    quotes: list[Quote] = []
    last_direct: tuple[Speaker, str | None] | None = None
    for cand in candidates:
        if cand.follows and last_direct is not None:
            speaker, cue = last_direct  # next part or next paragraph of the same statement
        elif (cand.direct and cand.cue is None and cand.speaker.kind == "none"
              and (intro := introduced_before(ctx, cand.via_span[0])) is not None):
            speaker, cue = intro, None  # the person the paragraph before introduces
        else:
            speaker, cue = ctx.acting_for(ctx.nicknamed(ctx.introduced(resolve(ctx, cand.speaker, max(cand.start, cand.named_at))))), cand.cue
        if speaker.kind != "none":
            ctx.history.append((max(cand.anchor, cand.start), speaker))
        if cand.direct:
            last_direct = (speaker, cue)
        quotes.append(
            Quote(
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                direct=cand.direct,
                speaker=speaker.entity,
                speaker_text=_spelt_out(_unglued(ctx.full_name(speaker), cue, lex), speaker.kind, lex),
                cue=cue,
                via=find_via(ctx, *cand.via_span),
            )
        )
    return quotes


HANDLE = re.compile(r"(?:[A-Z][a-z]{2,}){2,4}")


def _unglued(name: str | None, cue: str | None, lex: Lexicon) -> str | None:
    """A handle after a post cue (kind ``post-cue`` in speakers.yaml) with its words glued in camel case
    is the name spelt out ("JayTarriela" → "Jay Tarriela")."""
    if name and cue in lex.kind("post-cue") and HANDLE.fullmatch(name):
        return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)
    return name


def _spelt_out(name: str | None, kind: str, lex: Lexicon) -> str | None:
    """A body's name with its office abbreviation spelt out (kind ``abbreviation`` in speakers.yaml):
    "Kedubes AS" → "Kedutaan Besar AS"."""
    if not name or kind != "org":
        return name
    table = dict(w.split("=", 1) for w in lex.kind("abbreviation") if "=" in w)
    words = name.split()
    if not any(w.lower() in table for w in words):
        return name
    return " ".join(table[w.lower()].title() if w.lower() in table else w for w in words)


@stage("quotes", requires=["entities"], fills=["quotes"])
def annotate(article: Article, doc) -> Article:
    """Fill ``article.quotes`` from the body, its sentences and the entities of the actors stage, then
    from the removed lines that may hold a statement (``part`` "removed:N", after the body's)."""
    sentences = article.sentences or ([[s.start_char, s.end_char] for s in doc.sents] if doc is not None else None)
    article.quotes = furniture.with_removed(article, sentences, default_lexicon(), _find)
    return article

