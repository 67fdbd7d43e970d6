"""Document stage `time`: Indonesian temporal expressions, recognised and resolved against the DCT.

``find_timex(text, dct)`` is the pure function; ``annotate(article, doc)`` is the stage. Values
follow TimeML (``2019-05-14``, ``2019-W12-WE``, ``P3D``, ``PRESENT_REF``). Dates without a year
are resolved nearest the publication date in the direction the tense implies; a weekday given
with a date is a checksum: it picks the year and, when it contradicts the stated publication
date by far, the content's own date becomes the reference (with a warning). Without a publication
date, a day and month take the year of the nearest fully written date of the text. Ranges ("11-14
Oktober 2019") are one expression with an ``A/B`` value (``ranges``).
"""

from __future__ import annotations

import bisect
import copy
import re
from datetime import date, datetime, timedelta
from typing import Iterator

from warta.article import Article, Timex
from warta.stage import stage
from warta.time import calendar as cal
from warta.time.grammar import Match, grammar
from warta.time.lexicon import Lexicon, load_lexicon
from warta.time.normalise import Context
from warta.time.ranges import join_ranges
from warta.time.calendar import FUTURE
from warta.time.rules import HANDLERS, date_direction

__all__ = ["find_timex", "resolve", "annotate", "furniture_timex", "infer_published", "load_lexicon", "calendar_words"]

# A weekday-checked date this far from the stated publication date means the stated date is wrong.
ANCHOR_CONFLICT_DAYS = 180
LEAD_PARAGRAPHS = 3
LEAD_MIN_WORDS = 15  # a lead paragraph is a sentence or two, not a title or a caption
_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_CLOCK_GAP = re.compile(r"[\s,]*(?:(?:pada|hari|tanggal)\s+)*")
_CUES: dict[int, tuple[Lexicon, re.Pattern[str]]] = {}


def _cue_pattern(lex: Lexicon) -> re.Pattern[str]:
    cached = _CUES.get(id(lex))
    if cached is None or cached[0] is not lex:
        forms = "|".join(re.escape(f) for f in lex.forms("tense_cues"))
        cached = _CUES[id(lex)] = (lex, re.compile(rf"(?<!\w)(?:{forms})(?!\w)", re.IGNORECASE))
    return cached[1]


# The words of the warning written when the stated publication date is re-anchored.
REANCHOR_NOTE = "resolved relative dates against "


def calendar_words(lexicon: Lexicon | None = None) -> list[str]:
    """The weekday and month names of the time words (``warta/data/timex/words.yaml``), sorted:
    what the actors' entity split must not take for a person's name ("Presiden AS Senin")."""
    lex = lexicon or load_lexicon()
    return sorted({form for section in ("weekdays", "months") for form in lex.value_map(section)})



def _anchor(ctx: Context, matches: list[Match]) -> None:
    """Move the reference to the content's date when a weekday-checked date contradicts the DCT."""
    if ctx.ref is None:
        return
    for m in matches:
        g = m.groups
        if m.rule not in ("numdate", "textdate") or not g.get("wd") or g.get("y") or g.get("d2"):
            continue
        month = int(g["m"]) if m.rule == "numdate" else getattr(ctx.lex.lookup("months", g.get("m") or g.get("ms") or ""), "value", None)
        wd = ctx.lex.lookup("weekdays", g["wd"])
        if not month or not wd or not cal.safe_date(2000, month, int(g["d"])):
            continue
        day, fits = cal.resolve_weekday_date(month, int(g["d"]), wd.value, ctx.ref, date_direction(ctx, m))
        if fits and abs((day - ctx.ref).days) > ANCHOR_CONFLICT_DAYS:
            ctx.warnings.append(
                f"publication date {ctx.ref.isoformat()} conflicts with '{ctx.text[m.start:m.end]}' "
                f"(which fits {day.isoformat()}); {REANCHOR_NOTE}{day.isoformat()}")
            ctx.ref = day
            return


def find_timex(text: str, dct: str | date | datetime | None, *, lexicon: Lexicon | None = None,
               warnings: list[str] | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, normalised against ``dct``; problems go to ``warnings``."""
    found, notes, _ = resolve(text, dct, lexicon=lexicon)
    if warnings is not None:
        warnings.extend(notes)
    return found


def resolve(text: str, dct: str | date | datetime | None, *,
            lexicon: Lexicon | None = None) -> tuple[list[Timex], list[str], date | None]:
    """(timexes, warnings, reference day): ``find_timex`` plus the day the text was read against,
    ``dct``'s day unless a weekday-checked date re-anchored it."""
    lex = lexicon or load_lexicon()
    ref, hour = cal.parse_dct(dct)
    ctx = Context(text, ref, hour, lex, _cue_pattern(lex))
    matches = list(grammar(lex).scan(text))
    _anchor(ctx, matches)
    out: list[Timex] = []
    # an iterator, not a list: a rescan after a match that is not temporal reads on lazily, so a
    # text of thousands of such matches stays linear
    pending: Iterator[Match] = iter(matches)
    while (m := next(pending, None)) is not None:
        found = HANDLERS[m.rule](ctx, m)
        if found is None:
            # not temporal here: look again from the next word, up to the next match
            nxt = re.search(r"\s\S", text[m.start:m.end])
            if nxt:
                pending = grammar(lex).scan(text, m.start + nxt.start() + 1)
            continue
        for f in found:
            out.append(Timex(f.start, f.end, text[f.start:f.end], f.type, f.value))
            if f.value and _FULL_DAY.match(f.value[:10]) and (f.type == "DATE" or len(f.value) > 10):
                day = date.fromisoformat(f.value[:10])
                ctx.last_day = (f.end, day)
                if m.rule in ("numdate", "textdate", "iso") and ctx.ref and abs((day - ctx.ref).days) <= 6:
                    ctx.dated_weekdays.setdefault(day.isoweekday(), day)
    _clock_before_date(text, out)
    _counted_from(text, out)
    if ctx.ref is None:
        _years_from_dates(out, lex)
    return join_ranges(text, out), ctx.warnings, ctx.ref


_NO_YEAR = re.compile(r"^XXXX(?=-\d\d)")
_WITH_YEAR = re.compile(r"^\d{4}-\d\d(?:-\d\d)?(?:$|T)")  # a day or a month with its year
_FIRST_WORD = re.compile(r"^(?:hari\s+)?([\w'’]+)", re.IGNORECASE)


def _years_from_dates(found: list[Timex], lex: Lexicon) -> None:
    """With no publication date, "Sabtu (30/5)" takes the year of the nearest date written with its
    year ("23 Januari 2015", a "date 2015-05" header): a story is told within its own year. A
    weekday is a checksum: when it does not fit that year but fits the year after or before
    ("Kamis (2/3)" after "8 Desember 2022 lalu" is 2023), that year is taken."""
    dated = [(t.start, int(t.value[:4])) for t in found if t.value and _WITH_YEAR.match(t.value)]
    if not dated:
        return
    for t in found:
        if t.value and _NO_YEAR.match(t.value):
            year = min(dated, key=lambda d: abs(d[0] - t.start))[1]
            first = _FIRST_WORD.match(t.text)
            weekday = lex.lookup("weekdays", first.group(1)) if first else None
            if weekday is not None and len(t.value) >= 10:
                month, day = int(t.value[5:7]), int(t.value[8:10])
                fits = [y for y in (year, year + 1, year - 1)
                        if (d := cal.safe_date(y, month, day)) and d.isoweekday() == weekday.value]
                year = fits[0] if fits else year
            t.value = _NO_YEAR.sub(str(year), t.value)


_DAY_STRETCH = re.compile(r"^(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)$")
_COUNTED_FROM = re.compile(r"^[\s,]*(?:yang\s+)?(?:terhitung|dihitung)\s+(?:sejak|mulai|dari)\s+$", re.IGNORECASE)


def _counted_from(text: str, found: list[Timex]) -> None:
    """"ditahan 20 hari ke depan, terhitung sejak Rabu (17/5/2023)": the stretch starts on that day."""
    for stretch, nxt in zip(found, found[1:]):
        days = _DAY_STRETCH.match(stretch.value or "") if stretch.type == "DURATION" else None
        if days and nxt.value and _FULL_DAY.match(nxt.value[:10]) and _COUNTED_FROM.match(text[stretch.end:nxt.start]):
            first, last = (date.fromisoformat(d) for d in days.groups())
            start = date.fromisoformat(nxt.value[:10])
            stretch.value = f"{start.isoformat()}/{(start + (last - first)).isoformat()}"


def _clock_before_date(text: str, found: list[Timex]) -> None:
    """Give "pukul 05.35 WIB, Minggu (28/12/2014)" the date written right after the clock time."""
    for clock, nxt in zip(found, found[1:]):
        if (clock.type == "TIME" and clock.value and ":" in clock.value and nxt.value
                and _FULL_DAY.match(nxt.value[:10]) and _CLOCK_GAP.fullmatch(text[clock.end:nxt.start])):
            clock.value = nxt.value[:10] + clock.value[clock.value.index("T"):]


def _lead(text: str, paragraphs: int) -> str:
    # substantive paragraphs only: captions, photo credits and teaser titles are not the lead
    parts = [p for p in re.split(r"\n\s*\n", text) if len(p.split()) >= LEAD_MIN_WORDS]
    if len(parts) <= 1:
        # one block: take the first few sentences instead
        sentences = re.split(r"(?<=[.!?])\s+", text)
        return " ".join(sentences[: paragraphs * 2])
    return "\n\n".join(parts[:paragraphs])


def infer_published(text: str, *, paragraphs: int = LEAD_PARAGRAPHS, lexicon: Lexicon | None = None) -> str | None:
    """The latest fully specified date told as past or present in the lead (first paragraphs), as
    YYYY-MM-DD, or None. A range counts by its last day ("sejak 11-14 Oktober"); a date of a future
    clause ("akan berkunjung pada 16 Maret") is not the day of writing. A bare weekday of the lead one
    or two days after that date is the day of writing ("OTT …, Rabu (15/9) malam" … "kata juru bicara
    KPK di Jakarta, Kamis": Thursday 16 September)."""
    lex = lexicon or load_lexicon()
    lead = _lead(text, paragraphs)
    ctx = Context(lead, None, None, lex, _cue_pattern(lex))
    found = [t for t in find_timex(lead, None, lexicon=lex) if ctx.direction(t.start, t.end) != FUTURE]
    days = [t.value.split("/")[-1][:10] for t in found
            if t.type in ("DATE", "TIME") and t.value and _FULL_DAY.match(t.value[:10])
            and _FULL_DAY.match(t.value.split("/")[-1][:10])]
    if not days:
        return None
    latest = date.fromisoformat(max(days))
    for t in found:
        if t.value is None and (weekday := _bare_weekday(t.text, lex)) is not None:
            ahead = (weekday - latest.isoweekday()) % 7
            if 1 <= ahead <= WRITING_DAY_AFTER:
                latest = latest + timedelta(days=ahead)
    return latest.isoformat()


# A bare weekday this many days after the lead's latest date is the day the story was written.
WRITING_DAY_AFTER = 2
_BARE_WEEKDAY = re.compile(r"^(?:hari\s+)?([\w'’]+)(?:\s+(?:pagi|siang|sore|petang|malam|dini\s+hari))?$", re.IGNORECASE)


def _bare_weekday(text: str, lex: Lexicon) -> int | None:
    """The ISO weekday of "Kamis", "hari Jumat", "Sabtu pagi" (a capitalised weekday alone), else None."""
    m = _BARE_WEEKDAY.match(text)
    entry = lex.lookup("weekdays", m.group(1)) if m and m.group(1)[0].isupper() else None
    return entry.value if entry else None


@stage("time", fills=["timex", "reference_date"], provides={"calendar_words": calendar_words})
def annotate(article: Article, doc=None, *, lexicon: Lexicon | None = None) -> Article:
    """Fill ``article.timex`` (offsets into the body, then the furniture's: ``furniture_timex``) and
    ``article.reference_date``; infer ``published`` from the lead if missing."""
    if not article.published:
        inferred = infer_published(article.body, lexicon=lexicon)
        if inferred:
            article.published = inferred
            article.published_inferred = True
    try:
        dct = article.published
        cal.parse_dct(dct)
    except ValueError:
        article.warnings.append(f"time: publication date {article.published!r} is not a date; relative dates left unresolved")
        dct = None
    article.timex, warnings, ref = resolve(article.body, dct, lexicon=lexicon)
    article.reference_date = ref.isoformat() if ref else None
    article.warnings.extend(f"time: {w}" for w in warnings)
    article.timex.extend(furniture_timex(article, ref, lexicon=lexicon))
    return article


def furniture_timex(article: Article, ref: date | None, *, lexicon: Lexicon | None = None) -> list[Timex]:
    """The dates of the page furniture: the title and every removed line (datelines, captions,
    "date 2023-08" headers, teaser links), read against the body's reference day; each with
    ``part`` naming its text ("title", "removed:N") and offsets into it."""
    parts = [(f"removed:{i}", r.text) for i, r in enumerate(article.removed)]
    if article.title and not any(article.title in text for _, text in parts):
        parts.insert(0, ("title", article.title))
    if not parts:
        return []
    lex = lexicon or load_lexicon()
    key = (tuple(parts), ref)
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] == key and last[1] is lex:
        return copy.deepcopy(last[2])
    out = _furniture_timex(parts, ref, lex)
    _LAST[:] = [(key, lex, copy.deepcopy(out))]
    return out


# The furniture of the last document read and the dates found in it: every window of a long document
# (``warta.windows``) carries the same title and removed lines, and reading them again in each window
# made the work grow with windows x removed lines. The key holds everything read: the lines, the
# reference day and the lexicon (the same object).
_LAST: list[tuple[tuple, Lexicon, list[Timex]]] = []


def _furniture_timex(parts: list[tuple[str, str]], ref: date | None, lexicon: Lexicon) -> list[Timex]:
    # one pass over all the lines, kept apart by a line that no expression or range crosses
    starts, pos = [], 0
    for _, text in parts:
        starts.append(pos)
        pos += len(text) + len(_PART_BREAK)
    # "EKBIS14/03/2025": a section label glued to a date gives its last letter to a space (same length)
    joined = _GLUED_LABEL.sub(" ", _PART_BREAK.join(text for _, text in parts))
    out: list[Timex] = []
    for t in find_timex(joined, ref, lexicon=lexicon):
        i = bisect.bisect_right(starts, t.start) - 1
        if t.end > starts[i] + len(parts[i][1]):
            continue  # cannot happen with the break line; a guard all the same
        t.start, t.end, t.part = t.start - starts[i], t.end - starts[i], parts[i][0]
        out.append(t)
    return out


_PART_BREAK = "\n.\n"
_GLUED_LABEL = re.compile(r"(?<=[A-Z]{2})[A-Z](?=[0-3]?\d[/.-][01]?\d[/.-](?:19|20)?\d\d(?!\d))")

