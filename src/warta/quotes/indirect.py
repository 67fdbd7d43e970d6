"""Indirect (reported) speech: `X mengatakan bahwa …`, `menurut X, …`, `…, ujar X`, `dikatakan oleh X`."""

from __future__ import annotations

import re
from bisect import bisect_left

from warta.quotes.direct import MARKS, Candidate, paragraphs
from warta.quotes.speakers import (WINDOW, WORD, Context, Speaker, document_speaker, name_runs, run_speaker,
                                   speaker_after, speaker_before, window_start)

# Words after a reporting verb that open an adverbial before the reported content:
# "mengatakan kepada wartawan di Jakarta, …", "mengatakan dalam konferensi pers, …".
ADVERBIAL = {"kepada", "dalam", "di", "pada", "saat", "ketika", "usai", "seusai", "setelah", "melalui", "lewat",
             "dari", "seperti", "sebagaimana", "secara"}
MIN_WORDS = 2
# Words that open the reported clause: "mengatakan bahwa …", "meminta agar …", "mendesak supaya …".
COMPLEMENTISERS = ("bahwa", "agar", "supaya")
COMPLEMENTISER = re.compile(r"\b(?:%s)\b" % "|".join(COMPLEMENTISERS))


def sentence_spans(text: str, sentences: list[list[int]] | None) -> list[tuple[int, int]]:
    """The given sentences cut again at line breaks; a simple splitter when none are given."""
    if not sentences:
        return [(ps + m.start(), ps + m.end()) for ps, pe in paragraphs(text)
                for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", text[ps:pe])]
    out = []
    for s, e in sentences:
        for m in re.finditer(r"[^\n]+", text[s:e]):
            if m.group().strip():
                out.append((s + m.start(), s + m.end()))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,:;\t":
        start += 1
    while end > start and text[end - 1] in " .,;\t":
        end -= 1
    return start, end


def _content_after_verb(text: str, verb_end: int, end: int, forms: dict | None = None) -> int:
    """Where the reported content starts after a reporting verb (``forms``: the lexicon's cue forms)."""
    rest = text[verb_end:end].lstrip()
    pos = end - len(rest)
    if rest[:1] in (",", ":"):
        return pos + 1
    first = WORD.match(text, pos)
    if first and first.group().lower() in COMPLEMENTISERS:
        # the statement keeps its complementiser ("bahwa …", "agar …"): the real-news annotators
        # start some statements with it and most after it, and the quote then holds either start
        return first.start()
    if first and first.group().lower() in ADVERBIAL and not _time_now(text, first):
        # "mengatakan kepada Pompeo bahwa …", "mengatakan dalam jumpa pers, …"; a complementiser after
        # a second reporting verb opens that verb's clause ("menyerukan kepada pasukan … untuk menahan
        # diri dan menyarankan agar …": the first statement starts after "kepada")
        reach = min(end, pos + 100)
        if forms is not None:
            reach = next((w.start() for w in WORD.finditer(text, first.end(), reach)
                          if w.group().lower() in forms and forms[w.group().lower()][0].position == "before"), reach)
        m = COMPLEMENTISER.search(text, pos, reach)
        if m:
            return m.start()
        m = re.compile(r",").search(text, pos, reach)
        if m:
            return m.end()
        if first.group().lower() == "kepada":  # "kepada Presiden Rusia Vladimir Putin sebagian …"
            nxt = first.end()
            for w in WORD.finditer(text, first.end(), end):
                if not (w.group()[:1].isupper() or w.group().lower() in ADVERBIAL):
                    break
                nxt = w.end()
            return nxt
    return pos


def _time_now(text: str, first: re.Match) -> bool:
    """"saat ini", "pada saat ini" (now) open the reported content, not a circumstance of the telling
    ("Sudin mengungkapkan saat ini sudah ada panitia kerja …")."""
    nxt = WORD.match(text, first.end() + 1)
    words = [first.group().lower(), nxt.group().lower() if nxt else ""]
    if words == ["pada", "saat"] and nxt is not None:
        third = WORD.match(text, nxt.end() + 1)
        return third is not None and third.group().lower() == "ini"
    return words == ["saat", "ini"]


def _reported(ctx: Context, s: int, e: int, prev: tuple[int, int] | None = None) -> Candidate | None:
    """The first reported statement of one sentence, if it has one (``prev``: the sentence before)."""
    text, lex = ctx.text, ctx.lex
    words = list(WORD.finditer(text, s, e))
    for i, w in enumerate(words):
        low = w.group().lower()
        if low not in lex.forms:
            continue
        cue, back = lex.forms[low]
        found = None
        if cue.position == "prep":  # "Menurut Peskov, …", "menurutnya, …"
            sp = Speaker("pronoun", w.start(), w.end(), w.group()) if back else speaker_after(ctx, w.end(), min(e, w.end() + WINDOW))
            if sp.kind == "none" or (sp.text or "").lower() in lex.kind("outlet"):
                continue  # "Menurut TASS, …" cites an outlet: the statement is elsewhere
            comma = text.find(",", sp.end if sp.end > 0 else w.end(), e)
            if i <= 3 and comma > 0:
                found = (comma + 1, e, sp)
            else:
                found = (s, e, sp)
        elif cue.position == "before":
            k = i - 1
            while k > 0 and words[k].group().lower() in lex.kind("adverb"):
                k -= 1  # "… dengan langsung menegaskan …"
            if i and words[k].group().lower() in lex.kind("coordination"):
                # "India menolak langkah Kanada … dan menuduh Trudeau …", "Prabowo menanggapi kabar itu
                # dengan menegaskan …": a second predicate shares the sentence's subject, not the name
                # nearest the verb
                sp = _sentence_subject(ctx, s, words[k].start())
            else:
                sp = speaker_before(ctx, window_start(text, s, w.start()), w.start())
            if sp.kind == "none" and i and _continues(ctx, words[i - 1], w):
                sp = _sentence_subject(ctx, s, w.start())  # "Pakistan membalas …, menekankan …"
            if sp.kind == "none":
                continue
            found = (_content_after_verb(text, w.end(), e, lex.forms), e, sp)
        elif cue.position == "after":
            before = text[max(s, w.start() - 3) : w.start()]
            if i == 0 and back and text[w.end() : w.end() + 1] == ",":  # "Katanya, dia dan Lavrov …"
                found = (w.end() + 1, e, Speaker("pronoun", w.start(), w.end(), w.group()))
            elif i == 0 and not back:  # "Kata Sebby, sejak Januari …": the statement follows the comma
                sp = speaker_after(ctx, w.end(), min(e, w.end() + WINDOW))
                comma = text.find(",", max(sp.end, w.end()), e)
                if sp.kind == "none" or comma < 0 or text[sp.end : comma].strip():
                    continue
                found = (comma + 1, e, sp)
            elif i >= 1 and ("," in before or _named_inside(ctx, words, i)):
                # "…, ujar Peskov." / "Rusia, lanjut dia, …" / "Namun, lanjut Tawfiq, …" /
                # "Kedatangan mereka kata Yusril untuk …" (a known person right after the cue)
                sp = (Speaker("pronoun", w.start(), w.end(), w.group()) if back
                      else speaker_after(ctx, w.end(), min(e, w.end() + WINDOW)))
                if sp.kind == "none" or ("," not in before and not (sp.kind == "name" and sp.entity)):
                    continue
                tail = text[max(sp.end, w.end()) : e]
                found = (s, text.rfind(",", s, w.start()) if len(tail.split()) <= 6 else e, sp)
        elif cue.position == "passive":  # "Hal itu dikatakan oleh Menlu Retno Marsudi"
            j = i + 1
            if i and words[i - 1].group().lower() in lex.kind("subordinator"):
                continue  # "Saat dikonfirmasi, Aziz … menyatakan": a clause of time, not a report
            if back or text[w.end() : w.end() + 3].lstrip()[:1] == "," or (
                    j < len(words) and words[j].group().lower() == "bahwa"):
                # no agent: "Dikatakan bahwa …", "Lebih jauh lagi dijelaskan, …", "Dikatakannya …" report
                # the speaker of the passage (the last one), or the issuer of a document framing the sentence
                # ("Dari keterangan tertulis Puspen TNI, Rabu (18/12), dijelaskan, …")
                if w.group().lower() in lex.kind("needs-agent"):
                    continue  # "Tuduhan itu dibantah, dan …": the one who denies is unnamed, not the last speaker
                sp = _framing_document(ctx, words[:i]) or Speaker("pronoun", w.start(), w.end(), w.group())
                found = (_content_after_verb(text, w.end(), e, lex.forms), e, sp)
            else:
                if j < len(words) and words[j].group().lower() == "oleh":
                    sp = speaker_after(ctx, words[j].end(), e)
                elif " oleh" in cue.name:
                    sp = speaker_after(ctx, w.end(), e)
                else:
                    continue
                if sp.kind == "none":
                    continue
                found = _passive_found(ctx, words, i, w, sp, s, e, prev)
        if found is None:
            continue
        cs, ce = _trim(text, found[0], found[1])
        if len(text[cs:ce].split()) < MIN_WORDS:
            continue
        return Candidate(cs, ce, False, cue.name, found[2], w.start(), (s, e))
    return None


def _passive_found(ctx: Context, words: list[re.Match], i: int, w: re.Match, sp: Speaker, s: int, e: int,
                   prev: tuple[int, int] | None) -> tuple[int, int, Speaker]:
    """Where the statement of a passive reporting verb with its agent lies: the sentence before it
    ("Hal itu disampaikan X."), the words before it ("…, seperti dikatakan oleh X") or after it."""
    text, lex = ctx.text, ctx.lex
    if prev is not None and _points_back(ctx, words[:i]):
        return (prev[0], prev[1], sp)  # "Demikian diumumkan X." (before the filler "demikian" is read as "seperti")
    head = w.start()
    while i >= 1 and words[i - 1].group().lower() in lex.kind("filler") and words[i - 1].start() < head:
        head = words[i - 1].start()  # "…, seperti dikatakan oleh X"
        i -= 1
    if prev is not None and _points_back(ctx, words[:i]):
        return (prev[0], prev[1], sp)  # "Hal itu disampaikan X." / "Demikian diumumkan X.": the sentence before
    return (s, head, sp) if i >= MIN_WORDS else (text.find(",", sp.end, e) + 1 or e, e, sp)


def _framing_document(ctx: Context, words: list[re.Match]) -> Speaker | None:
    """The issuer of a document framing the clause before an agentless passive: "Dari keterangan
    tertulis Puspen TNI, …, dijelaskan" (a preposition, then a document word)."""
    docs = ctx.lex.kind("document")
    for k in range(min(len(words) - 1, 3)):
        if words[k].group().lower() in docs and k >= 1:
            comma = ctx.text.find(",", words[k].end(), words[-1].end() + 1)
            if comma < 0:
                return None
            issuer = document_speaker(ctx, [x for x in words if x.start() < comma][k:], comma)
            return issuer if issuer is not None and issuer.kind not in ("none", "pronoun") else None
    return None


# What a passive reporting verb can follow when the statement is the sentence before it.
POINTING_BACK = {("hal", "itu"), ("hal", "ini"), ("hal", "tersebut"), ("demikian",), ("pernyataan", "itu"),
                 ("pernyataan", "tersebut")}


def _points_back(ctx: Context, words: list[re.Match]) -> bool:
    """"Hal itu disampaikan …", "Demikian diumumkan …": only a pointer back (and adverbs) before the verb."""
    adverbs = ctx.lex.kind("skip") - {"itu", "tersebut"}
    return tuple(w.group().lower() for w in words if w.group().lower() not in adverbs) in POINTING_BACK


def _named_inside(ctx: Context, words: list[re.Match], i: int) -> bool:
    """A post-quote cue inside a sentence with no comma before it ("Kedatangan mereka kata Yusril
    untuk …"): only after two words of statement and not in `dengan kata lain`."""
    return i >= MIN_WORDS and words[i - 1].group().lower() not in ctx.lex.kind("filler") | {"dengan", "kata"}


def _continues(ctx: Context, prev: re.Match, verb: re.Match) -> bool:
    """A reporting verb with no subject of its own that goes on from the clause before:
    "…, menekankan …", "…, seraya menambahkan …", "… sambil menegaskan …"."""
    return prev.group().lower() in ctx.lex.kind("carry") or ctx.text[prev.end() : verb.start()].strip() == ","


def _sentence_subject(ctx: Context, s: int, pos: int) -> Speaker:
    """The subject a participial reporting verb shares: the first person named in the sentence
    before it outside quotes, else the first body or place, else the last speaker (after a quote:
    `"…," katanya, seraya menambahkan …`)."""
    people, others = [], []
    for rs, re_ in name_runs(ctx.text, s, pos):
        if ctx.inside_quote(rs):
            continue
        sp = run_speaker(ctx, rs, re_)
        if sp is not None:
            (people if sp.kind == "name" else others).append(sp)
    if people or others:
        return (people or others)[0]
    return Speaker("pronoun", pos, pos, None)


def _continuation(ctx: Context, s: int, e: int) -> Candidate | None:
    """A reported statement going on after a direct quote in the same sentence:
    `"Jadwalnya belum pasti," ujarnya, seraya menambahkan bahwa …` (the quote's speaker)."""
    text, lex = ctx.text, ctx.lex
    words = list(WORD.finditer(text, s, e))
    for i, w in enumerate(words):
        entry = lex.forms.get(w.group().lower())
        if entry is None or entry[0].position != "before" or not i or not _continues(ctx, words[i - 1], w):
            continue
        cs, ce = _trim(text, _content_after_verb(text, w.end(), e), e)
        if len(text[cs:ce].split()) < MIN_WORDS:
            return None
        return Candidate(cs, ce, False, entry[0].name, _sentence_subject(ctx, s, w.start()), w.start(), (s, e))
    return None


# Prepositions that open a frame naming the document a statement comes from.
DOCUMENT_FRAME = ("dalam", "berdasarkan")
FRAME_INITIALS = frozenset("DdBb")  # a cheap look before reading the first word


def _in_document(ctx: Context, s: int, e: int) -> Candidate | None:
    """A sentence opened by a document frame naming its issuer, then a comma: `Dalam pernyataan NIS,
    …`, `Dalam keterangan Kedutaan Besar Federasi Rusia di Jakarta, …`, `Berdasarkan laporan yang
    dimuat Gulf News, …`. The statement is the rest of the sentence; an unnamed document
    (`Dalam pernyataan itu, …`) names nobody and is left alone."""
    text, lex = ctx.text, ctx.lex
    if text[s : s + 1] not in FRAME_INITIALS:
        return None  # no frame word can open the sentence
    first = WORD.match(text, s)
    if first is None or first.group().lower() not in DOCUMENT_FRAME:
        return None
    comma = text.find(",", first.end(), e)
    if comma < 0:
        return None
    words = list(WORD.finditer(text, first.end(), comma))
    if not words or words[0].group().lower() not in lex.kind("document"):
        return None
    issuer = document_speaker(ctx, words, comma)
    if issuer is None or issuer.kind in ("none", "pronoun"):
        # "Berdasarkan laporan yang dimuat Gulf News": the issuer after a short relative clause
        issuer = next((sp for rs, re_ in name_runs(text, words[0].end(), comma)
                       if (sp := run_speaker(ctx, rs, re_)) is not None), None)
        if issuer is None:
            return None
    cs, ce = _trim(text, comma + 1, e)
    if len(text[cs:ce].split()) < MIN_WORDS:
        return None
    return Candidate(cs, ce, False, words[0].group().lower(), issuer, first.start(), (s, e))


def find_indirect(ctx: Context, sentences: list[list[int]] | None, direct: list[Candidate]) -> list[Candidate]:
    """Reported statements in sentences that hold no direct quotation."""
    inner = sorted((c.start, c.end) for c in direct)
    starts, reach = [s for s, _ in inner], []  # reach: the furthest end of the spans so far
    for _, qe in inner:
        reach.append(max(qe, reach[-1] if reach else qe))
    out = []
    last: tuple[int, int] | None = None
    for s, e in sentence_spans(ctx.text, sentences):
        prev, last = last, (s, e)
        k = bisect_left(starts, e)
        if k and reach[k - 1] > s:
            # direct speech and its cue are the direct finder's; a reported clause may go on after them
            tail = max(reach[k - 1], s)
            cand = _continuation(ctx, tail, e) if reach[k - 1] < e else None
            if cand is not None:
                out.append(cand)
            continue
        marks = [m.start() for m in MARKS.finditer(ctx.text, s, e)]
        if len(marks) % 2 and not ctx.text[marks[-1] + 1 : e].strip(" .,;:!?\"“”"):
            e = marks[-1]  # an opening mark glued to the end of an intro sentence: `… harapan serupa. ”`
            # (a mark inside the clause that is never closed leaves the statement whole)
        # paired marks inside the sentence quote a phrase of the reported clause: the statement runs on
        if not ctx.lex.has_cue(ctx.text, s, e):
            cand = _in_document(ctx, s, e)
            if cand is not None:  # "Dalam pernyataan NIS, …": a frame with no cue word
                out.append(cand)
            continue  # no cue word in the sentence (most sentences): nothing to look at word by word
        cand = _reported(ctx, s, e, prev) or _in_document(ctx, s, e)
        if cand is not None:
            out.append(cand)
    return out
