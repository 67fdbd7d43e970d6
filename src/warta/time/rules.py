"""One normaliser per grammar rule: a match in, its TimeML expressions (or None: not temporal) out."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Callable

from warta.time import calendar as cal
from warta.time.calendar import FUTURE, NEUTRAL, PAST
from warta.time.grammar import Match
from warta.time.normalise import (
    _DURATION_RELATIONS, _MONTH_LEADS, _NARRATIVE_RELATIONS, _NOT_PERIOD_RELATIONS, _ORDINALS, _ROMAN,
    Context, Found, _day, _next_word, _prev_word, _rel, _resolve_day_month, _sentence_initial, _unit,
    _with_pod, duration_value, parse_number,
)

Result = list[Found] | None
_FORMERLY_LEADS = {"sejak", "dari", "zaman", "masa", "yang", "sedari", "sejak", "waktu", "seperti"}
_TIME_PREPOSITIONS = {"di", "pada", "ke", "dari", "untuk", "hingga", "sampai", "sejak"}


def _iso(ctx: Context, m: Match) -> Result:
    if not m.groups.get("d"):
        return [Found(m.start, m.end, "DATE", f"{int(m.groups['y']):04d}-{int(m.groups['m']):02d}")]
    d = cal.safe_date(int(m.groups["y"]), int(m.groups["m"]), int(m.groups["d"]))
    return [Found(m.start, m.end, "DATE", _day(d))] if d else None


def _start(m: Match) -> int:
    # "pada hari Senin": "hari" is part of the expression, as IndoTimex and the real-news
    # conventions annotate it (the preposition "pada" stays outside)
    return m.start


def _numdate(ctx: Context, m: Match) -> Result:
    g = m.groups
    if not g.get("y") and not g.get("lp") and not g.get("wd") and _prev_word(ctx.text, m.start) not in ("tanggal", "tgl"):
        return None  # a bare 14/5 is as likely a fraction, a score or a code
    if g["sep"] != "/" and not g.get("y") and not g.get("lp"):
        return None  # 10.00 is a clock time, 3-4 a range
    direction = date_direction(ctx, m)
    value = _resolve_day_month(ctx, m, int(g["d"]), int(g["m"]), g.get("y"), g.get("wd"), direction)
    if g.get("d2"):  # "Jumat dan Sabtu (11-12/4/2025)": one range
        last = _resolve_day_month(ctx, m, int(g["d2"]), int(g["m"]), g.get("y"), g.get("wd2"), direction)
        return [Found(m.start, m.end, "DATE", f"{value}/{last}")] if value and last and value < last else None
    kind, value = _dated(*_with_pod(value, g.get("pod") or g.get("pod0"), ctx), m)
    return [Found(_start(m), m.end, kind, value)] if value else None


def _textdate(ctx: Context, m: Match) -> Result:
    g = m.groups
    month = ctx.lex.lookup("months", g.get("m") or g.get("ms") or "")
    if month is None:
        return None
    direction = date_direction(ctx, m)
    if g.get("d2"):
        day = int(g["d2"])  # the year of a range is chosen by its last day
    else:
        day = int(g["d"])
    value = _resolve_day_month(ctx, m, day, month.value, g.get("y"), g.get("wd"), direction or NEUTRAL)
    if value is None:
        return None
    kind, full = _dated(*_with_pod(value, g.get("pod") or g.get("pod0"), ctx), m)
    if not g.get("d2"):
        return [Found(_start(m), m.end, kind, full)]
    # "12-14 Mei": two dates, as TimeML annotates a range
    first_end = m.spans["d"][1]
    day_part = value[:10]
    return [Found(_start(m), first_end, "DATE", day_part[:-2] + f"{int(g['d']):02d}"),
            Found(m.spans["d2"][0], m.end, kind, full)]


def _clock(text: str) -> str | None:
    """HH:MM[:SS] of "pukul 10.00 WIB" (None when the hour is not a clock hour)."""
    parts = re.findall(r"\d+", text)
    if not parts or int(parts[0]) > 24:
        return None
    return ":".join([f"{int(parts[0]):02d}", *parts[1:3]]) if len(parts) > 1 else f"{int(parts[0]):02d}:00"


def _dated(kind: str, value: str | None, m: Match) -> tuple[str, str | None]:
    # a date with its clock time is one TIME expression
    clock = _clock(m.groups["clock"]) if m.groups.get("clock") else None
    if clock and value and re.match(r"\d{4}-\d\d-\d\d|XXXX", value):
        return "TIME", f"{value[:10]}T{clock}"
    return kind, value


def date_direction(ctx: Context, m: Match) -> int:
    """Past or future for a dated match: its own lalu/depan first, else the clause's tense cues."""
    rel = _rel(ctx, m.groups.get("rel"))
    return {-1: PAST, 1: FUTURE}.get(rel) if rel else ctx.direction(m.start, m.end)


def _time(ctx: Context, m: Match) -> Result:
    g = m.groups
    if g.get("h3"):
        if _blocked_number(ctx, m.start, m.end):
            return None  # "Rp 10.50", "12.30 persen"
        g = {"h2": g["h3"], "mi2": g["mi3"]}
    h = int(g.get("h") or g.get("h2"))
    mi = g.get("mi") or g.get("mi2") or "00"
    s = g.get("s") or g.get("s2")
    pod = ctx.lex.lookup("parts_of_day", g["pod"]) if g.get("pod") else None
    jam = ctx.text[m.start:m.spans["h"][0]].strip().lower().endswith("jam") if g.get("h") else False
    if h > 24 or (jam and not g.get("mi") and not pod and not g.get("z")):
        return None  # "jam 3" alone is too often something else
    if pod and pod.value in ("AF", "EV", "NI") and h < 12 and not (pod.value == "NI" and h < 5):
        h += 12 if not (pod.value == "AF" and h >= 11) else 0
    base = ctx.narrative(m.start, sentence=True)
    day = _day(base) if base else "XXXX-XX-XX"
    value = f"{day}T{h:02d}:{mi}" + (f":{s}" if s else "")
    return [Found(m.start, m.end, "TIME", value)]


def _decade(ctx: Context, m: Match) -> Result:
    dec = m.groups["dec"].lstrip("'")
    if len(dec) == 2:
        if ctx.text[m.start:m.spans["dec"][0]].strip() == "":
            return None  # "20-an" alone is an age ("usia 20-an"); need tahun/era before it
        dec = ("19" if int(dec) >= 30 else "20") + dec
    return [Found(m.start, m.end, "DATE", dec[:3])]


def _roman(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text.upper()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


def _century(ctx: Context, m: Match) -> Result:
    # "abad ke-21" is the years 2001-2100, a range of years as the real-news conventions write it
    c = m.groups["c"]
    n = int(c) if c.isdigit() else _roman(c)
    if not n or not 1 <= n <= 30:
        return None
    return [Found(m.start, m.end, "DATE", f"{(n - 1) * 100 + 1:04d}/{n * 100:04d}")]


def _quarter(ctx: Context, m: Match) -> Result:
    g = m.groups
    n = g["n"]
    num = int(n) if n.isdigit() else _ORDINALS.get(n.lower()) or _roman(n)
    letter = "H" if g["q"].lower() == "semester" else ("T" if g["q"].lower() == "caturwulan" else "Q")
    limit = {"H": 2, "T": 3, "Q": 4}[letter]
    if not num or num > limit:
        return None
    year = g.get("y") or (str(ctx.ref.year) if ctx.ref else "XXXX")
    return [Found(m.start, m.end, "DATE", f"{year}-{letter}{num}")]


def _set(ctx: Context, m: Match) -> Result:
    g = m.groups
    if g.get("daily"):
        return [Found(m.start, m.end, "SET", "P1D")]
    if g.get("unit5") or g.get("unit6"):  # "setahun sekali", "lima tahun sekali"
        n = parse_number(g["n2"], ctx.lex) if g.get("n2") else 1
        unit = _unit(ctx, g.get("unit5") or g.get("unit6"))
        return [Found(m.start, m.end, "SET", duration_value(n, unit))] if unit and n else None
    if g.get("k"):
        unit = _unit(ctx, g["per"])
        return [Found(m.start, m.end, "SET", duration_value(1, unit))] if unit else None
    what = g["what"]
    each = ctx.lex.lookup("set_words", g["each"])
    n = parse_number(g["n"], ctx.lex) if g.get("n") else 1
    unit = _unit(ctx, what)
    sunday = what.lower() == "minggu" and what[0].isupper() and not g.get("n")
    if unit and not sunday:
        return [Found(m.start, m.end, "SET", duration_value(n or 1, unit))]
    if each and each.value == "PER":
        return None  # "per 1 Januari" means "as of"
    if what.lower().startswith("akhir"):
        return [Found(m.start, m.end, "SET", "XXXX-WXX-WE")]
    if (wd := ctx.lex.lookup("weekdays", what)) is not None:
        return [Found(m.start, m.end, "SET", f"XXXX-WXX-{wd.value}")]
    if (mon := ctx.lex.lookup("months", what)) is not None:
        return [Found(m.start, m.end, "SET", f"XXXX-{mon.value:02d}")]
    if (pod := ctx.lex.lookup("parts_of_day", what)) is not None:
        return [Found(m.start, m.end, "SET", f"XXXX-XX-XXT{pod.value}")]
    return None


def _period(ctx: Context, m: Match) -> Result:
    g = m.groups
    unit_word = g.get("unit") or g.get("unit2")
    rel_word = g.get("rel") or g.get("rel2")
    if rel_word and rel_word.lower() in _NOT_PERIOD_RELATIONS:
        if g.get("mod"):  # "akhir tahun lagi": keep "akhir tahun"
            return _period_value(ctx, m, m.spans["unit"][1], g.get("mod"), unit_word, 0)
        return None
    if (unit_word == "Minggu" and not g.get("mod") and not _sentence_initial(ctx.text, m.start)):
        return _weekday_value(ctx, m.start, m.end, 7, rel_word, None, None, None)  # "pada Minggu lalu": Sunday
    rel = _rel(ctx, rel_word) if rel_word else 0
    return _period_value(ctx, m, m.end, g.get("mod"), unit_word, rel)


def _period_value(ctx: Context, m: Match, end: int, mod: str | None, unit_word: str, rel: int) -> Result:
    ref = ctx.ref
    u = unit_word.lower()
    weekend = u in ("pekan", "minggu") and mod and ctx.lex.lookup("modifiers", mod).value == "END"
    if ref is None:
        return [Found(m.start, end, "DATE", None)]
    if u in ("pekan", "minggu"):
        value = cal.week_value(ref + timedelta(weeks=rel)) + ("-WE" if weekend else "")
    elif u in ("semester", "kuartal", "triwulan"):
        size = 6 if u == "semester" else 3
        index = ref.year * (12 // size) + (ref.month - 1) // size + rel
        year, part = divmod(index, 12 // size)
        value = f"{year}-{'H' if size == 6 else 'Q'}{part + 1}"
    else:
        value = cal.shift(ref, rel, {"bulan": "M", "tahun": "Y", "dekade": "10Y", "abad": "100Y"}[u])
    return [Found(m.start, end, "DATE", value)]


def _duration(ctx: Context, m: Match) -> Result:
    g = m.groups
    if g.get("unit3"):
        return [Found(m.start, m.end, "DURATION", duration_value("X", _unit(ctx, g["unit3"])))]
    unit = _unit(ctx, g.get("unit") or g.get("unit2"))
    n = parse_number(g["n"], ctx.lex) if g.get("n") else 1
    if unit is None or n is None or n == 0:
        return None
    rel_word = (g.get("rel") or g.get("rel2") or "").lower()
    rel = _rel(ctx, rel_word) if rel_word else None
    if rel and rel_word in _DURATION_RELATIONS and (stretch := _stretch(ctx, n, unit, rel)):
        return [Found(m.start, m.end, "DURATION", stretch)]
    if rel is None or rel_word in _DURATION_RELATIONS:
        return [Found(m.start, m.end, "DURATION", duration_value(n, unit))]
    if rel_word in _NARRATIVE_RELATIONS:
        base = ctx.narrative(m.start)
    else:
        base = ctx.ref
    if isinstance(n, str) or unit.startswith("T") or base is None:
        return [Found(m.start, m.end, "DATE", "PAST_REF" if rel < 0 else "FUTURE_REF")]
    amount = int(n) if n == int(n) else None
    if amount is None:
        return [Found(m.start, m.end, "DATE", "PAST_REF" if rel < 0 else "FUTURE_REF")]
    step = rel * amount
    if unit in ("D", "W", "M", "Y"):
        return [Found(m.start, m.end, "DATE", cal.shift(base, step, unit))]
    return [Found(m.start, m.end, "DATE", cal.shift(base, step * int(unit[:-1]), "Y"))]


def _stretch(ctx: Context, n: float | str, unit: str, rel: int) -> str | None:
    """"dua bulan ke depan", "lima tahun terakhir": the stretch from the reference day forward or
    back, as an ``A/B`` range at the unit's precision (2023-03/2023-05, 2018/2023); None when the
    count is vague or fractional, the unit is under a day or there is no reference day."""
    if ctx.ref is None or isinstance(n, str) or n != int(n) or unit not in ("D", "W", "M", "Y"):
        return None
    ends = (cal.shift(ctx.ref, 0, unit), cal.shift(ctx.ref, rel * int(n), unit))
    return "/".join(sorted(ends))


def _tanggal(ctx: Context, m: Match) -> Result:
    if ctx.ref is None:
        return [Found(m.start, m.end, "DATE", None)]
    first = _day_of_month(ctx, m, int(m.groups["d"]))
    if not m.groups.get("d2"):
        return [Found(m.start, m.end, "DATE", _day(first))] if first else None
    last = _day_of_month(ctx, m, int(m.groups["d2"]))  # "tanggal 17-18": one range
    return [Found(m.start, m.end, "DATE", f"{_day(first)}/{_day(last)}")] if first and last and first < last else None


def _day_of_month(ctx: Context, m: Match, day: int):
    """The date of a day of the month named alone ("tanggal 17"): in the reference's month or
    the one before or after, nearest in the tense's direction."""
    if not 1 <= day <= 31:
        return None
    direction = ctx.direction(m.start, m.end)
    ref = ctx.ref
    candidates = [cal.safe_date(d.year, d.month, day) for d in (cal.add_months(ref, k) for k in (-1, 0, 1))]
    candidates = [c for c in candidates if c]
    if _next_word(ctx.text, m.end).lower() == "ini" and (this := cal.safe_date(ref.year, ref.month, day)):
        return this  # "tanggal 17-18 ini": this month's
    if direction == FUTURE:
        best = min((c for c in candidates if c >= ref), default=candidates[-1])
    elif direction == PAST:
        best = max((c for c in candidates if c <= ref), default=candidates[0])
    else:  # no tense: the nearest ("tanggal 17-18 ini" in a paper of 16 December is 17-18 December)
        best = min(candidates, key=lambda c: abs((c - ref).days))
    return best


def _month(ctx: Context, m: Match) -> Result:
    g = m.groups
    month = ctx.lex.lookup("months", g["m"])
    bare = not (g.get("mod") or g.get("bulan") or g.get("y") or g.get("rel"))
    if bare:
        if not g["m"][0].isupper():
            return None
        nxt = _next_word(ctx.text, m.end)
        if nxt[:1].isupper() and _prev_word(ctx.text, m.start) not in _MONTH_LEADS:
            return None  # "Juni Sianturi": a name
    if g.get("y"):
        return [Found(m.start, m.end, "DATE", f"{g['y']}-{month.value:02d}")]
    if ctx.ref is None:
        return [Found(m.start, m.end, "DATE", f"XXXX-{month.value:02d}")]
    rel = _rel(ctx, g.get("rel")) if g.get("rel") else None
    if rel is not None and rel not in (-1, 0, 1):
        rel = None
    if g.get("ty") and rel is not None:
        year = ctx.ref.year + rel  # "Mei tahun lalu"
    elif rel == 0:
        year = ctx.ref.year
    elif rel is not None:
        year = cal.choose_year_for_month(month.value, ctx.ref, PAST if rel < 0 else FUTURE)
    else:
        year = cal.choose_year_for_month(month.value, ctx.ref, ctx.direction(m.start, m.end))
    return [Found(m.start, m.end, "DATE", f"{year:04d}-{month.value:02d}")]


def _year_rule(ctx: Context, m: Match) -> Result:
    g = m.groups
    if not g.get("t") and _blocked_number(ctx, m.spans["y"][0], m.end):
        return None
    start = m.start if g.get("mod") or g.get("t") else _name_start(ctx, m.start)
    return [Found(start, m.end, "DATE", g["y"])]


# A proper name of at most this many words right before a year is the name of that year's edition.
_NAME_WORDS = 3
_NAME_WORD = re.compile(r"(?:^|(?<=\s))([A-Z][\w.&-]*)\s+$")
# Capitalised words that are no part of a name before a year ("Pada 2020", "Sejak 2016").
_NOT_NAME = {"pada", "sejak", "hingga", "sampai", "tahun", "di", "dan", "per", "mulai", "awal", "akhir",
             "pertengahan", "selama", "sebelum", "setelah", "jelang", "menjelang", "hari", "bulan", "era",
             "periode", "medio", "antara", "dari", "ke", "tanggal", "sekitar", "kini", "lalu", "yang"}


def _name_start(ctx: Context, start: int) -> int:
    """Where the name of an edition before a year begins ("Pilpres 2024", "KTT APEC 2014",
    "Pemilihan Presiden 2019"): a run of at most three capitalised words, not months or weekdays,
    not preceded by a further capitalised word (a headline in title case names no edition)."""
    words: list[int] = []
    pos = start
    while (w := _NAME_WORD.search(ctx.text, max(0, pos - 40), pos)) is not None:
        word = w.group(1)
        if (word.lower() in _NOT_NAME or ctx.lex.lookup("months", word) is not None
                or ctx.lex.lookup("weekdays", word) is not None):
            break
        words.append(w.start(1))
        pos = w.start(1)
        if len(words) > _NAME_WORDS:
            return start
    return words[-1] if words else start


def _blocked_number(ctx: Context, start: int, end: int) -> bool:
    """True when the words around a number show an amount or an identifier ("Rp", "orang")."""
    before = _prev_word(ctx.text, start)
    after = _next_word(ctx.text, end).lower()
    for entry in ctx.lex.words("year_blockers"):
        forms = {f.lower() for f in entry.forms}
        if (entry.value == "before" and before in forms) or (entry.value == "after" and after in forms):
            return True
    return False


def _relday(ctx: Context, m: Match) -> Result:
    g = m.groups
    ref = ctx.ref
    if g.get("semalam") or g.get("pod2") or g.get("pod3"):
        if g.get("semalam") and _prev_word(ctx.text, m.start) in ("selama", "sejak"):
            return None
        pod_word = g.get("pod2") or g.get("pod3") or "malam"
        pod = ctx.lex.lookup("parts_of_day", pod_word)
        rel3 = (g.get("rel3") or "tadi").lower()
        offset = {"kemarin": -1, "besok": 1}.get(rel3, 0)
        # "tadi malam" / "semalam": last night, unless the article itself is from the evening
        if pod.value == "NI" and rel3 == "tadi" and not (ctx.hour is not None and ctx.hour >= 18):
            offset = -1
        if ref is None:
            return [Found(m.start, m.end, "TIME", None)]
        return [Found(m.start, m.end, "TIME", f"{_day(ref + timedelta(days=offset))}T{pod.value}")]
    if g.get("next"):  # "keesokan harinya": the day after the last date told
        base = ctx.narrative(m.start)
        return [Found(m.start, m.end, "DATE", _day(base + timedelta(days=1)) if base else None)]
    if g.get("pod5"):  # "nanti malam"
        part = ctx.lex.lookup("parts_of_day", g["pod5"])
        return [Found(m.start, m.end, "TIME", f"{_day(ref)}T{part.value}" if ref else None)]
    if g.get("dini") or g.get("noon"):
        part = ctx.lex.lookup("parts_of_day", g.get("dini") or g.get("noon"))
        return [Found(m.start, m.end, "TIME", f"{_day(ref)}T{part.value}" if ref else None)]
    entry = ctx.lex.lookup("relative_days", g["rd"])
    value = _day(ref + timedelta(days=entry.value)) if ref else None
    kind, value = _with_pod(value, g.get("pod"), ctx)
    return [Found(m.start, m.end, kind, value)]


def _weekday(ctx: Context, m: Match) -> Result:
    g = m.groups
    entry = ctx.lex.lookup("weekdays", g["wd"])
    if _prev_word(ctx.text, m.spans["wd"][0]) in {w.lower() for w in entry.not_after}:
        return None  # "Pasar Minggu"
    if g["wd"].lower() == "minggu" and g["wd"][0].islower() and not g.get("hari"):
        return None  # lower-case minggu alone is "week", not Sunday
    found = _weekday_value(ctx, _start(m), m.end, entry.value, g.get("rel"), g.get("wk"), g.get("wrel"), g.get("pod"))
    f = found[0]
    f.type, f.value = _dated(f.type, f.value, m)
    return found


def _weekday_value(ctx: Context, start: int, end: int, iso: int, rel_word, wk, wrel, pod) -> Result:
    ref = ctx.ref
    if ref is None:
        return [Found(start, end, "TIME" if pod else "DATE", None)]
    if wk and wrel:
        day = cal.weekday_in_week(iso, ref, _rel(ctx, wrel) or 0)
    else:
        rel = _rel(ctx, rel_word) if rel_word else None
        if rel == 0:
            day = cal.weekday_in_week(iso, ref)
        elif rel is not None:
            day = cal.nearest_weekday(iso, ref, FUTURE if rel > 0 else PAST, include_ref=False)
        elif iso in ctx.dated_weekdays:
            day = ctx.dated_weekdays[iso]  # the article already gave this weekday's date
        else:
            direction = ctx.direction(start, end)
            day = cal.nearest_weekday(iso, ref, FUTURE if direction == FUTURE else PAST)
    kind, value = _with_pod(_day(day), pod, ctx)
    return [Found(start, end, kind, value)]


def _holiday(ctx: Context, m: Match) -> Result:
    g = m.groups
    entry = ctx.lex.lookup("holidays", g["hol"])
    if entry is None:
        return None
    lead = _prev_word(ctx.text, m.start)
    if not (g.get("malam") or g.get("y") or "raya" in ctx.text[m.start:m.end].lower() or lead in _HOLIDAY_LEADS):
        return None  # "kata Paskah": Paskah Suzetta, a minister; "Natal" is also a city
    if entry.value == "movable":
        year = g.get("y") or (str(ctx.ref.year) if ctx.ref else None)
        return [Found(m.start, m.end, "DATE", year)]
    month, day = (int(x) for x in str(entry.value).split("-"))
    if g.get("y"):
        year = int(g["y"])
    elif ctx.ref:
        year = cal.choose_year_for_day(month, day, ctx.ref, ctx.direction(m.start, m.end))
    else:
        return [Found(m.start, m.end, "DATE", f"XXXX-{month:02d}-{day:02d}")]
    d = cal.safe_date(year, month, day)
    if g.get("malam"):  # "malam Natal": the night before
        return [Found(m.start, m.end, "TIME", f"{_day(d - timedelta(days=1))}TNI")]
    return [Found(m.start, m.end, "DATE", _day(d))]


def _anaphor(ctx: Context, m: Match) -> Result:
    g = m.groups
    if g.get("ord"):
        return [Found(m.start, m.end, "DATE", None)]  # "hari ketiga (pencarian)": counted from an event
    unit = g["unit"].lower()
    if unit in ("saat", "waktu", "masa", "ketika", "kala"):
        return [Found(m.start, m.end, "DATE", "PAST_REF")]
    base = ctx.narrative(m.start)
    if base is None:
        return [Found(m.start, m.end, "DATE", None)]
    letter = {"hari": "D", "pekan": "W", "minggu": "W", "bulan": "M", "tahun": "Y"}[unit]
    return [Found(m.start, m.end, "DATE", cal.shift(base, 0, letter))]


# Words before a holiday name that show the feast is meant, not a person or a place of that name.
_HOLIDAY_LEADS = {"libur", "liburan", "perayaan", "mudik", "menjelang", "jelang", "saat", "pada", "sebelum",
                  "setelah", "sesudah", "usai", "selama", "sejak", "hingga", "sampai", "hari", "merayakan",
                  "memperingati", "peringatan", "dan", "musim", "suasana", "arus", "momen", "momentum",
                  "selamat", "pergantian", "malam", "natal"}
_POD_BLOCKERS = {"makan", "selamat", "jam", "acara", "pasar"}  # makan malam = dinner, jam malam = curfew


def _pod(ctx: Context, m: Match) -> Result:
    g = m.groups
    if _prev_word(ctx.text, m.start) in _POD_BLOCKERS:
        return None
    if g["pod"][0].isupper() and not g.get("mod") and not _sentence_initial(ctx.text, m.start):
        return None  # "Operasi Fajar", "Sinar Pagi": part of a name
    part = ctx.lex.lookup("parts_of_day", g["pod"])
    base = ctx.narrative(m.start, sentence=True)
    value = f"{_day(base)}T{part.value}" if base else f"XXXX-XX-XXT{part.value}"
    return [Found(m.start, m.end, "TIME", value)]


def _ref(ctx: Context, m: Match) -> Result:
    entry = ctx.lex.lookup("references", m.groups["ref"])
    word = m.groups["ref"].lower()
    if word.startswith("masa ") and _prev_word(ctx.text, m.start) not in _TIME_PREPOSITIONS:
        return None  # "masa depan Maduro" is his future, not a time; "di masa depan" is
    if word in ("dulu", "dahulu") and not (_sentence_initial(ctx.text, m.start)
                                          or _prev_word(ctx.text, m.start) in _FORMERLY_LEADS):
        return None  # "memastikan dulu" = "first make sure"; "sejak dulu", "Dulu, ..." = formerly
    return [Found(m.start, m.end, "DATE", entry.value)] if entry else None


def _season(ctx: Context, m: Match) -> Result:
    """"musim panas ini" → 2024-06/2024-08: the season's months in the year the text points at."""
    g = m.groups
    first, last = (int(x) for x in str(ctx.lex.lookup("seasons", g["sea"]).value).split("/"))
    rel = _rel(ctx, g.get("rel")) if g.get("rel") else None
    if g.get("y"):
        year = int(g["y"])
    elif rel is None or ctx.ref is None:
        return [Found(m.start, m.end, "DATE", None)]  # "musim dingin" alone: which one is not said
    else:
        ref = ctx.ref
        # the year the season around or before the reference began (a winter begins in December)
        year = ref.year if ref.month >= first else ref.year - 1
        started = ref.month >= first or (last < first and ref.month <= last)
        ongoing = started and (ref.month <= last if last >= first else (ref.month >= first or ref.month <= last))
        if rel < 0:
            year -= 1 if ongoing else 0
        elif rel > 0:
            year += 1
        elif not ongoing:
            year = ref.year  # "musim dingin ini" in July: the coming one, of this year
    end_year = year + 1 if last < first else year
    return [Found(m.start, m.end, "DATE", f"{year:04d}-{first:02d}/{end_year:04d}-{last:02d}")]


HANDLERS: dict[str, Callable[[Context, Match], Result]] = {
    "iso": _iso, "numdate": _numdate, "textdate": _textdate, "mdy": _textdate, "time": _time, "decade": _decade,
    "century": _century, "quarter": _quarter, "set": _set, "period": _period, "duration": _duration,
    "tanggal": _tanggal, "month": _month, "year": _year_rule, "relday": _relday, "weekday": _weekday,
    "ref": _ref, "holiday": _holiday, "season": _season, "anaphor": _anaphor, "pod": _pod,
}
