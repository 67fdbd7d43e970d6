"""Direct quotations: pairing quote marks (also across paragraphs) and reading the cue around them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.quotes.speakers import (WINDOW, WORD, Context, Speaker, document_speaker, speaker_after, speaker_before,
                                   window_start)

DOUBLE = set('"“”„«»')
SINGLE_OPEN = set("‘'")
SINGLE_CLOSE = set("’'")
SENTENCE_END = re.compile(r"[.!?](?=[\s\"“”’']|$)|\n")
MAX_SINGLE = 400  # a single-quoted span longer than this is more likely two apostrophes
MARKS = re.compile("[%s]" % re.escape("".join(sorted(DOUBLE))))
SINGLE_MARKS = re.compile("[%s]" % re.escape("".join(sorted(SINGLE_OPEN | SINGLE_CLOSE))))


@dataclass(slots=True)
class Candidate:
    """A statement found in the text, before its speaker is resolved."""

    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: Speaker
    anchor: int  # where the attribution sits: recency for pronoun resolution
    via_span: tuple[int, int]  # where to look for a cited outlet
    follows: bool = False  # second part or next paragraph of the quote before: same speaker
    named_at: int = -1  # where a speaker found after the statement is resolved (a cue in the next paragraph)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: lines of the body (extraction puts one paragraph per line)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _pairs(text: str, ps: int, pe: int) -> list[tuple[int, int | None]]:
    """Opening and closing quote positions in one paragraph; ``None`` when it stays open."""
    pairs: list[tuple[int, int | None]] = []
    opened: int | None = None
    for m in MARKS.finditer(text, ps, pe):
        i, c = m.start(), m.group()
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        if opened is None:
            if prev.isalnum() and not nxt.isalnum():
                continue  # a closing mark glued to a word with nothing open: stray
            opened = i
        elif c == "“" and prev.isspace() and nxt.isalnum() and i - opened > 1:
            opened = i  # a fresh opening mark: the previous one was never closed
        else:
            pairs.append((opened, i))
            opened = None
    if opened is not None:
        pairs.append((opened, None))
    return pairs + _single_pairs(text, ps, pe, pairs)


def _single_pairs(text: str, ps: int, pe: int, doubles: list[tuple[int, int | None]]) -> list[tuple[int, int]]:
    """‘…’ and '…' outside double quotes, told apart from apostrophes (Ma’ruf, Qur'an)."""
    # the double pairs come in text order and do not overlap: one pointer walks along them
    covered = [(o, c if c is not None else pe) for o, c in doubles]
    pairs, opened, k = [], None, 0
    for m in SINGLE_MARKS.finditer(text, ps, pe):
        i, c = m.start(), m.group()
        while k < len(covered) and covered[k][1] < i:
            k += 1
        if k < len(covered) and covered[k][0] <= i:
            continue
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        if opened is None and c in SINGLE_OPEN and not prev.isalnum() and nxt.isalnum():
            opened = i
        elif opened is not None and c in SINGLE_CLOSE and not prev.isspace() and not nxt.isalnum():
            if i - opened <= MAX_SINGLE:
                pairs.append((opened, i))
            opened = None
    return pairs


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """The statement inside the marks: no surrounding spaces, no trailing comma (`"…," kata`)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _sentence_end(text: str, pos: int, limit: int) -> int:
    m = SENTENCE_END.search(text, pos, limit)
    return m.start() if m else limit


def _after(ctx: Context, close: int, limit: int) -> tuple[str | None, Speaker, int]:
    """The cue after a closing mark: ``," kata Pompeo``, ``," ujarnya``, ``," Pompeo menambahkan``."""
    text, lex = ctx.text, ctx.lex
    end = _sentence_end(text, close + 1, min(limit, close + 1 + WINDOW))
    words = list(WORD.finditer(text, close + 1, end))
    gap = text[close + 1 : words[0].start()] if words else ""
    if not words or gap.strip(" ,.!?") or len(gap) > 4:
        return None, Speaker("none"), close
    i = 0
    while i < len(words) - 1 and words[i].group().lower() in lex.kind("filler"):
        i += 1  # "demikian jawabnya"
    w = words[i].group().lower()
    if i and w not in lex.forms:
        # "…," demikian pernyataan Kemlu Rusia / "…," seperti dari pernyataan Kedubes Jepang: a document
        # after a filler speaks for its issuer (or, unnamed, for the last speaker)
        k = i + 1 if w in lex.kind("document-preposition") and i + 1 < len(words) else i
        sp = document_speaker(ctx, words[k:], end)
        if sp is not None:
            return words[k].group().lower(), sp, (sp.end if sp.end > 0 else words[k].end())
    if w in lex.forms:
        cue, back = lex.forms[w]
        if back:
            return cue.name, Speaker("pronoun", words[i].start(), words[i].end(), words[i].group()), words[i].end()
        sp = speaker_after(ctx, words[i].end(), end)
        return cue.name, sp, (sp.end if sp.end > 0 else words[i].end())
    # "…," Pompeo menambahkan.  — a subject, then a reporting verb; the quote closes a clause (a comma or
    # a sentence end at its close): `sebagai "langkah bermusuhan" AS, menekankan …` is a phrase quoted inside one
    if text[close - 1] not in ",.!?" and not gap.strip(" "):
        return None, Speaker("none"), close
    for j in range(i + 1, min(len(words), i + 7)):
        v = words[j].group().lower()
        if v in lex.forms and lex.forms[v][0].position == "before":
            sp = speaker_before(ctx, words[i].start(), words[j].start())
            if sp.kind != "none":
                return lex.forms[v][0].name, sp, words[j].end()
    return None, Speaker("none"), close


def _before(ctx: Context, start: int, opening: int) -> tuple[str | None, Speaker]:
    """The cue before an opening mark: ``Pompeo mengatakan, "``, ``kata Pompeo: "``, ``menurut X, "``."""
    text, lex = ctx.text, ctx.lex
    start = window_start(text, start, opening)
    clause = text[start:opening]
    cut = max(clause.rfind(". "), clause.rfind("! "), clause.rfind("? "))
    clause_start = start + cut + 2 if cut >= 0 else start
    words = list(WORD.finditer(text, clause_start, opening))
    if not words or text[words[-1].end() : opening].strip(" ,:") not in ("",):
        return None, Speaker("none")
    last = words[-1].group().lower()
    if last in lex.forms and lex.forms[last][0].position == "before":
        sp = speaker_before(ctx, clause_start, words[-1].start())
        return lex.forms[last][0].name, sp
    if last in lex.forms and lex.forms[last][1]:  # "…, katanya: "
        return lex.forms[last][0].name, Speaker("pronoun", words[-1].start(), words[-1].end(), words[-1].group())
    # "kata Pompeo: "…"" or "menurut Peskov, "…"": a cue a few words back, its speaker after it
    for j in range(len(words) - 2, max(-1, len(words) - 9), -1):
        w = words[j].group().lower()
        if w in lex.forms and lex.forms[w][0].position == "before":
            # `X mengatakan di saluran Telegram-nya: "…"`: the verb, an adverbial, then the quote
            if words[j + 1].group().lower() in lex.kind("adjunct") and text[words[-1].end() : opening].strip() == ":":
                sp = speaker_before(ctx, clause_start, words[j].start())
                if sp.kind != "none":
                    return lex.forms[w][0].name, sp
            break  # "kata X, menggambarkan KTT itu berlangsung "…"": a nearer reporting verb owns the clause
        if w in lex.forms and lex.forms[w][0].position in ("after", "prep") and not lex.forms[w][1]:
            sp = speaker_after(ctx, words[j].end(), opening)
            if sp.kind != "none":
                return lex.forms[w][0].name, sp
            break
    return None, Speaker("none")


def _reports_again(ctx: Context, between: str) -> bool:
    """Whether the words between two quotes hold a reporting verb of their own after the first cue:
    `"…," katanya, menggambarkan KTT itu berlangsung "…"` quotes a phrase of a new reported clause,
    not the second part of the first statement."""
    forms = ctx.lex.forms
    words = [w.group().lower() for w in WORD.finditer(between)]
    return any(w in forms and forms[w][0].position == "before" for w in words[1:])


def _runs_on(text: str, pos: int, end: int) -> bool:
    """True when the clause goes on after a closing mark with a plain lower-case word."""
    while pos < end and text[pos] in " \t":
        pos += 1
    m = WORD.match(text, pos)
    return m is not None and m.start() < end and m.group()[:1].islower()


def _statement_like(text: str, ps: int, opening: int, start: int, end: int) -> bool:
    """A quote with no cue is kept only when it reads as speech, not a title or scare quote."""
    i = opening - 1
    while i >= ps and text[i].isspace():  # the last character before the mark (rstrip, in place)
        i -= 1
    opens_sentence = i < ps or text[i] in ".!?:”\"’"
    return opens_sentence and len(text[start:end].split()) >= 3


def find_direct(ctx: Context) -> list[Candidate]:
    """All direct quotations in the text, with the cue and raw speaker next to them."""
    text = ctx.text
    out: list[Candidate] = []
    paras = paragraphs(text)
    carry = False  # the previous paragraph ended inside a quote
    for ps, pe in paras:
        continues = carry and text[ps:pe].lstrip()[:1] in DOUBLE | SINGLE_OPEN
        closing = _closes_carried(text, ps, pe) if carry and not continues else None
        # a paragraph going on with the quote the one before left open, with no mark of its own to
        # reopen it, until a closing mark glued to its last word ("…\nSekiranya … Ketua Umum,” demikian …")
        pairs = sorted(_pairs(text, ps, pe) if closing is None else [(ps - 1, closing)] + _pairs(text, closing + 1, pe))
        continues = continues or closing is not None
        carry = False
        prev_close = None
        prev_cand: Candidate | None = None
        for k, (o, c) in enumerate(pairs):
            s, e = _inner(text, o + 1, c if c is not None else pe)
            if e <= s:
                continue
            ctx.quoted.append((o, c + 1 if c is not None else pe))
            cue, sp, anchor = (None, Speaker("none"), e)
            if c is not None:
                cue, sp, anchor = _after(ctx, c, pe)
            else:
                carry = True  # quote runs on: the next paragraph opening with a mark continues it
            if cue is None:
                cue, sp = _before(ctx, prev_close + 1 if prev_close is not None else ps, o)
                if cue is not None and c is not None and _runs_on(text, c + 1, pe):
                    # `X mengumumkan "tahap darurat" pangan …`: a phrase quoted inside a reported
                    # clause; the indirect finder reports the whole clause (direct=false)
                    ctx.quoted.pop()
                    continue
            follows = False
            if cue is None:
                # second part of one statement: '"…," kata X, "…"' — nothing but the cue in between
                between = text[max(prev_close + 1, o - WINDOW) : o] if prev_close is not None else ""
                if (prev_cand is not None and prev_cand.cue and not SENTENCE_END.search(between.rstrip()[:-1] or " ")
                        and not _reports_again(ctx, between)):
                    follows = True
                elif k == 0 and continues:
                    follows = True
                elif not _statement_like(text, ps, o, s, e):
                    ctx.quoted.pop()
                    continue
            via_end = _sentence_end(text, c + 1, min(pe, c + 1 + WINDOW)) if c is not None else pe
            cand = Candidate(s, e, True, cue, sp, anchor, (o, via_end), follows)
            out.append(cand)
            prev_close = c if c is not None else pe
            prev_cand = cand
    return _named_next(ctx, out)


def _closes_carried(text: str, ps: int, pe: int) -> int | None:
    """The first double mark of a paragraph when it closes a quote (glued to the word or punctuation
    before it, a space or the end after it) and no mark opens the paragraph."""
    m = MARKS.search(text, ps, pe)
    if m is None or m.start() == ps:
        return None
    i = m.start()
    before, after = text[i - 1], text[i + 1] if i + 1 < pe else " "
    return i if not before.isspace() and (after.isspace() or after in ",.") else None


def _named_next(ctx: Context, out: list[Candidate]) -> list[Candidate]:
    """A quote with no cue, alone in its paragraph, whose next paragraph opens with a quote a cue
    names a speaker for ("…." / "…," kata Kuntadi): both are his, not the last person named before."""
    text = ctx.text
    for cand, nxt in zip(out, out[1:]):
        if cand.cue is not None or cand.follows or nxt.cue is None or nxt.speaker.kind not in ("name", "role", "org"):
            continue
        gap = text[cand.end : nxt.start]
        if "\n" not in gap or gap.strip(" \t\n" + "".join(DOUBLE | SINGLE_OPEN | SINGLE_CLOSE) + ".,!?"):
            continue
        cand.speaker, cand.named_at = nxt.speaker, nxt.start
    return out
