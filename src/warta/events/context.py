"""The circumstances of an event: negation, planning, date (from the time stage) and location.

Negation and planning are read from the words just before the trigger (``tidak akan menarik``,
``dijadwalkan bertemu``), stopping at an actor or the clause start. The date is the time
expression of the same sentence nearest to the trigger; the article's reference date stands in,
marked ``published``, only when the sentence has none. The reference date is the publication date,
or the content's own date when the time stage found the stated publication date wrong (a
weekday-checked date far from it) and re-anchored on it (still marked ``published``: it is the
fallback, not a date stated for the event).
"""

from __future__ import annotations

import re

from warta.article import Article, Timex, body_timex, reference_day
from warta.events.arguments import SKIP_BEFORE
from warta.events.matcher import Match
from warta.events.words import words

NEGATORS = frozenset({"tidak", "tak", "bukan", "belum", "tanpa", "jangan", "enggan", "tidaklah", "takkan", "urung"})
PLANNERS = frozenset({
    "akan", "hendak", "bakal", "berencana", "rencananya", "direncanakan", "dijadwalkan", "terjadwal", "siap", "berniat",
    "ingin", "takkan", "mau", "bersiap", "diperkirakan", "diharapkan",  # expected, not yet done
})
CONDITIONAL = frozenset({"jika", "apabila", "bila", "kalau", "seandainya", "andaikan", "andaikata"})  # not (yet) real: planned
STOPPERS = frozenset({"berhenti", "menghentikan", "henti"})
LOOKBACK = 4  # words before a trigger that may carry its negation or modality
VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})(?:-WE)?)?$")


def modality(low: list[str], start: int, floor: int) -> tuple[bool, bool]:
    """(negated, planned) from the few words before token ``start``, not reaching before ``floor``."""
    negated = planned = stopped = False
    i = start - 1
    while i >= max(floor, start - LOOKBACK):
        word = low[i]
        if word in (",", ".", ";", ":", '"', "“", "”", "yang"):
            break
        negated |= word in NEGATORS
        planned |= word in PLANNERS or word in CONDITIONAL
        stopped |= word in STOPPERS
        i -= 1
    negated |= failed(low, start, floor)
    # "tidak akan pernah berhenti mendukung" keeps supporting: the negation applies to the stopping
    return negated and not stopped, planned


def failed(low: list[str], start: int, floor: int) -> bool:
    """True when a word of kind ``failure`` (the act failed, was called off, nearly happened or was
    skipped) governs the trigger at token ``start``: it is the first word before it once auxiliaries
    (``SKIP_BEFORE``) and a ``failure-link`` preposition are stepped over ("gagal menyerang", "batal
    bertemu", "melewatkan KTT", "absen dari KTT"); never across another verb or a clause word
    ("nyaris tewas dalam serangan", "batal setelah serangan")."""
    skip = SKIP_BEFORE | words("failure-link")
    i = start - 1
    while i >= floor and low[i] in skip:
        i -= 1
    return i >= floor and low[i] in words("failure")


def hypothetical(low: list[str], start: int, floor: int) -> bool:
    """True when the clause before token ``start`` (back to a comma or ``floor``) opens with a condition
    ("jika Swedia dan Finlandia bergabung dengan NATO", "kalau misalnya dilakukan penahanan"): the
    act is supposed, not reported, and the real-news conventions code no event for it (realnews_train
    and _dev: 0 of 5 such events right)."""
    i = start - 1
    while i >= floor and low[i] not in (",", ";", ":", ".", '"', "“", "”", "maka"):
        if low[i] in CONDITIONAL:
            return True
        i -= 1
    return False


def attributive(low: list[str], start: int, head: int, s_tok: int, named_ends: set[int]) -> bool:
    """True when the trigger at token ``start`` (its verb at ``head``) is a verb of kind ``stance``
    (menentang, menolak, mendukung) opening a restrictive relative clause on a common noun ("kelompok
    bersenjata yang menentang junta", "petani yang menolak tanahnya digarap"): the clause says which ones
    are meant, it reports no act, and the real-news conventions code none (realnews_train 0 of 2, dev 0 of
    1 right). A clause after a comma ("Rusia, yang menolak tuduhan AS, memanggil ...") or on a named actor
    (a unit ending at a token of ``named_ends``) adds what that actor did: it is coded as usual."""
    i = start - 1
    while i >= s_tok and low[i] in SKIP_BEFORE:
        i -= 1
    return (i > s_tok and low[i] == "yang" and low[head] in words("stance") and low[i - 1] != ","
            and i not in named_ends)


TRUCE_REACH = 12  # tokens after a truce noun in which a word may say it is agreed or takes effect


def standing_truce(low: list[str], m: Match, e_tok: int) -> bool:
    """True when the trigger is the bare noun of a truce (an AGREE noun of mode ceasefire, governed by no
    other trigger) and nothing says it is agreed, reached or takes effect: no word of kind ``truce-effect``
    right before it ("kesepakatan gencatan senjata") nor within ``TRUCE_REACH`` tokens after it in the
    sentence ("gencatan senjata ... berlaku Jumat", "disepakati", "tercapai"). Then it names a truce
    already in force ("berlanjut meski ada gencatan senjata", "masih dalam gencatan senjata dengan Hamas",
    "melanggar gencatan senjata"): no agreement (realnews_train: the one such event coded, 'masih dalam
    gencatan senjata', is not gold)."""
    entry = m.pattern.entry
    if m.pattern.pos != "noun" or entry.type != "AGREE" or entry.mode != "ceasefire" or m.governed:
        return False
    effect = words("truce-effect")
    return low[m.start - 1] not in effect and not effect & set(low[m.end:min(e_tok, m.end + TRUCE_REACH)])


def precision(value: str | None) -> str | None:
    """day, month, year or week for a TimeML date value, None for anything else."""
    if not value:
        return None
    m = VALUE.match(value)
    if not m:
        return None
    if m.group(4):
        return "week"
    if m.group(3):
        return "day"
    if m.group(2):
        return "month"
    return "year"


def event_date(article: Article, timexes: list[Timex], trigger_start: int, trigger_end: int) -> tuple[str | None, str | None]:
    """(date, precision): the nearest dated timex of the sentence, else the reference date."""
    best = None
    for tx in timexes:
        value = (tx.value or "").split("/")[0]  # a range ("11-14 Oktober 2019") dates the event by its start
        prec = precision(value)
        if prec is None or tx.type not in ("DATE", "TIME"):
            continue
        distance = tx.start - trigger_end if tx.start >= trigger_end else trigger_start - tx.end
        if best is None or distance < best[0]:
            best = (distance, value, prec)
    if best:
        return best[1], best[2]
    fallback = reference_day(article)
    return (fallback, "published") if fallback else (None, None)


def sentence_timex(article: Article, start: int, end: int) -> list[Timex]:
    """The time expressions inside the character range of a sentence."""
    return [t for t in body_timex(article) if t.start >= start and t.end <= end]
