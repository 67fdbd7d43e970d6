"""Statements in the lines the extractor removed from the body: "Baca juga" headlines ("Joe Biden Akui
Penampilannya Kurang Maksimal …"), captions and a last paragraph cut off mid-word that the extractor
took for furniture. The real-news conventions annotate them; their quotes carry ``part`` "removed:N"
and offsets into ``article.removed[N].text``, never into the body."""

from __future__ import annotations

import re
from typing import Callable

from warta.article import Article, Entity, Quote
from warta.quotes.lexicon import Lexicon
from warta.quotes.speakers import WORD, Context, entity_mentions, name_runs, run_speaker

# The removed lines that may hold a statement: links to other stories (their headlines), captions, the
# last lines taken for a footer. Datelines, bylines, navigation and ads hold none.
REASONS = frozenset({"related-link", "caption", "footer", "teaser"})
# What opens a link to another story ("Baca juga:", "Simak juga Video '…'").
LINK_PREFIX = re.compile(
    r"^\s*(?:(?:baca|simak|lihat)(?:\s+(?:juga|pula))?(?:\s+video)?|(?:artikel|berita)\s+terkait)\s*:\s*['‘“\"]?|"
    r"^\s*(?:(?:baca|simak|lihat)\s+(?:juga|pula)(?:\s+video)?)\s+", re.I)
# Headlines that report a statement in "Speaker: statement" form: links to other stories, not captions
# (whose "Foto: …" and "FOTO FILE: …" credit a photographer).
COLON_REASONS = frozenset({"related-link", "teaser"})
QUOTE_MARKS = "\"'“”‘’"
# How many words a headline's speaker may have before its verb ("Pejabat Kementerian Luar Negeri AS Sebut …").
HEADLINE_SUBJECT = 6
# A sentence of a removed line (the body's sentences come from the parse).
SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s|$)|$)")


def with_removed(article: Article, sentences: list[list[int]] | None, lex: Lexicon,
                 find: Callable[[str, list, list[list[int]] | None, Lexicon], list[Quote]]) -> list[Quote]:
    """The body's quotes (``find`` reads a text with its mentions and sentences), then those of the
    removed lines that may hold a statement (``part`` "removed:N", after the body's)."""
    found: list[tuple[int, Quote]] = []  # (removed line, quote with offsets into that line)
    rest: list[int] = []
    by_line = _mentions_by_line(article.entities)
    for n, reports in _candidates(article, lex):
        line = article.removed[n].text
        head = headline_quote(line, by_line.get(n, []), lex, article.removed[n].reason)
        if head is not None:
            found.append((n, head))
        elif reports:
            rest.append(n)
    if not rest:
        out = find(article.body, entity_mentions(article.entities, lex), sentences, lex)
    else:
        # the lines read after the body, as its last paragraphs: a cut-off quote with no cue or a
        # pronoun goes back to the body's speakers
        body = article.body
        text, mentions = body, entity_mentions(article.entities, lex)
        spans = [list(x) for x in sentences] if sentences else [[m.start(), m.end()] for m in re.finditer(r"[^\n]+", body)]
        lines = []
        for n in rest:
            text += "\n"
            offset = len(text)
            text += article.removed[n].text
            lines.append((n, offset, len(text)))
            mentions += [(offset + s, offset + e, ent) for s, e, ent in by_line.get(n, [])]
            spans += [[offset + m.start(), offset + m.end()] for m in SENTENCE.finditer(article.removed[n].text)]
        mentions.sort(key=lambda m: (m[0], m[1]))
        quotes = find(text, mentions, spans, lex)
        out = [q for q in quotes if q.end <= len(body)]
        for q in quotes:
            where = next(((n, off) for n, off, end in lines if off <= q.start and q.end <= end), None)
            if where is not None:
                q.start, q.end = q.start - where[1], q.end - where[1]
                found.append((where[0], q))
    for n, q in sorted(found, key=lambda x: x[0]):
        q.part = f"removed:{n}"
        out.append(q)
    return out


# The removed lines of the last document read, with its candidate lines and whether each may report
# a statement: every window of a long document (``warta.windows``) carries the same removed lines, and
# reading them again in each window made the work grow with windows x removed lines. The key holds
# everything read: the lines' text and reason, and the lexicon (the same object).
_LAST: list[tuple[tuple, Lexicon, list[tuple[int, bool]]]] = []


def _candidates(article: Article, lex: Lexicon) -> list[tuple[int, bool]]:
    """``candidate_lines`` of ``article``, each with ``may_report`` of its text; from the last call when
    the removed lines and the lexicon are the same."""
    key = tuple((r.text, r.reason) for r in article.removed)
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] == key and last[1] is lex:
        return last[2]
    out = [(n, may_report(article.removed[n].text, lex)) for n in candidate_lines(article, lex)]
    _LAST[:] = [(key, lex, out)]
    return out


def _mentions_by_line(entities: list[Entity]) -> dict[int, list[tuple[int, int, Entity]]]:
    """``line_mentions`` of every removed line at once (line → mentions, in the same order)."""
    out: dict[int, list[tuple[int, int, Entity]]] = {}
    for e in entities:
        for m in e.in_removed:
            out.setdefault(m.line, []).append((m.start, m.end, e))
    return out


def candidate_lines(article: Article, lex: Lexicon) -> list[int]:
    """The removed lines of a furniture kind that may hold a statement."""
    return [n for n, line in enumerate(article.removed) if line.reason in REASONS and len(line.text.split()) >= 3]


def may_report(text: str, lex: Lexicon) -> bool:
    """Whether a removed line is worth reading as text: a quote mark or a cue word in it (a cheap look:
    most removed lines hold neither)."""
    return any(c in text for c in QUOTE_MARKS) or lex.has_cue(text, 0, len(text))


def line_mentions(entities: list[Entity], n: int, offset: int = 0) -> list[tuple[int, int, Entity]]:
    """The mentions the actors stage found in removed line ``n``, shifted by ``offset``."""
    return [(offset + m.start, offset + m.end, e) for e in entities for m in e.in_removed if m.line == n]


def headline_quote(text: str, mentions: list[tuple[int, int, Entity]], lex: Lexicon, reason: str = "related-link") -> Quote | None:
    """A headline's statement: "[Baca juga:] Joe Biden Akui Penampilannya Kurang Maksimal …" (a name,
    a verb of saying in its root form, the statement) or "Bahlil : Indonesia Terima Komitmen …" (the
    speaker, a colon, the statement)."""
    prefix = LINK_PREFIX.match(text)
    pos = prefix.end() if prefix else 0
    while pos < len(text) and text[pos] in QUOTE_MARKS + " ":
        pos += 1
    words = list(WORD.finditer(text, pos))
    if len(words) < 4:
        return None
    ctx = Context(text, lex, sorted(mentions, key=lambda m: (m[0], m[1])))
    verbs = lex.kind("headline")
    not_saying = _not_saying(lex)
    for k in range(1, min(len(words) - 2, HEADLINE_SUBJECT + 1)):
        if not all(w.group()[:1].isupper() for w in words[: k + 1]):
            break
        one = words[k].group().lower()
        if one in verbs and words[k + 1].group().lower() not in not_saying.get(one, ()):
            return _quote(ctx, text, words[0].start(), words[k - 1].end(), words[k].end(), words[k].group())
    colon = text.find(":", pos)
    if colon > pos and reason in COLON_REASONS:
        runs = name_runs(text, pos, colon)
        if runs and runs[0][0] == pos and not text[runs[0][1] : colon].strip(" ") or (
                runs and runs[0][0] == pos and text[runs[0][1] : runs[0][1] + 1] == " " and
                WORD.match(text, runs[0][1] + 1) is not None and not text[runs[0][1] + 1].isupper()):
            # "Bahlil : …", "Muzani soal Reshuffle Perdana Prabowo: …": the first name speaks, when the
            # actors stage knows it ("BREAKING NEWS: …", "Foto: …" are labels)
            return _quote(ctx, text, runs[0][0], runs[0][1], colon + 1, ":", known=True)
    return None


def _not_saying(lex: Lexicon) -> dict[str, set[str]]:
    """Headline verbs that, followed by a given word, say nothing (kind ``not-saying`` in speakers.yaml,
    "verb next": "minta maaf" is an apology): verb → the words after it."""
    table: dict[str, set[str]] = {}
    for phrase in lex.kind("not-saying"):
        verb, _, nxt = phrase.partition(" ")
        table.setdefault(verb, set()).add(nxt)
    return table


def _quote(ctx: Context, text: str, s: int, e: int, after: int, cue: str, known: bool = False) -> Quote | None:
    sp = run_speaker(ctx, s, e)
    if sp is None or sp.kind not in ("name", "org"):
        return None
    first = WORD.match(text, s)
    if first is not None and first.group().lower() in ctx.lex.kind("headline-group"):
        return None  # "Warga Bandung Minta …": the residents ask, not Bandung
    if known and (not any(x.type in ("PER", "ORG") for _, _, x in ctx.overlapping(sp.start, sp.end))
                  or "/" in text[after:]):
        return None  # "Jakarta Selatan: arsip JPNN.com/Ricardo" is a caption credit, not a statement
    start = after
    while start < len(text) and (text[start].isspace() or text[start] in ":" + QUOTE_MARKS):
        start += 1
    end = len(text)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ":." + QUOTE_MARKS):
        end -= 1
    if len(text[start:end].split()) < 2:
        return None
    if sp.entity is None:
        ent = ctx.entity_at(sp.start, sp.end)
        sp.entity = ent.id if ent is not None else None
    return Quote(text=text[start:end], start=start, end=end, direct=False, speaker=sp.entity,
                 speaker_text=ctx.full_name(sp), cue=cue.lower())
