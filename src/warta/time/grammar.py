"""The recogniser's grammar: one combined regex, built once from the word lists, and its scanner.

Each rule is a named alternative; the scanner reports the rule that matched and its own groups.
Alternatives are tried in order at each position, so longer, more specific rules come first
(a date with its weekday before the weekday alone, "akhir pekan lalu" before "akhir").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from warta.time.lexicon import Lexicon


@dataclass(slots=True)
class Match:
    """One rule's match: the rule name, its span and its named groups (those that took part)."""

    rule: str
    start: int
    end: int
    groups: dict[str, str]
    spans: dict[str, tuple[int, int]]


def _alt(forms: list[str]) -> str:
    # spaces inside a form match any run of whitespace; longest forms first (see Lexicon.forms)
    return "|".join(r"\s+".join(re.escape(part) for part in f.split()) for f in forms)


def _number_words(lex: Lexicon) -> str:
    digits = [f for w in lex.words("numbers") if w.kind == "digit" for f in w.forms]
    mults = [f for w in lex.words("numbers") if w.kind in ("teen", "multiplier") for f in w.forms]
    half = [f for w in lex.words("numbers") if w.kind == "half" for f in w.forms]
    vague = [f for w in lex.words("numbers") if w.kind == "vague" for f in w.forms]
    d, m = _alt(sorted(digits, key=len, reverse=True)), _alt(sorted(mults, key=len, reverse=True))
    # "sebelas", "sepuluh", "seratus": se- stands for one and needs a multiplier after it
    group = rf"(?:se(?:{m})|(?:{d})(?:\s+(?:{m}))?)"
    h = _alt(half)
    return rf"(?:{group}(?:\s+{group})*(?:\s+(?:{h}))?|{h}|{_alt(vague)})"


def _rules(lex: Lexicon) -> list[tuple[str, str]]:
    WD = _alt(lex.forms("weekdays"))
    MON = _alt(lex.forms("months"))
    MONS = _alt(lex.forms("months", short=True))
    POD = _alt(lex.forms("parts_of_day"))
    REL = _alt(lex.forms("relations"))
    MOD = _alt(lex.forms("modifiers"))
    APX = _alt(lex.forms("approximators"))
    REF = _alt(lex.forms("references"))
    RDAY = _alt(lex.forms("relative_days"))
    SETW = _alt(lex.forms("set_words"))
    ZONE = _alt(lex.forms("zones"))
    UNIT = _alt(lex.forms("units"))
    HOL = _alt(lex.forms("holidays"))
    SEA = _alt(lex.forms("seasons"))
    NUMW = _number_words(lex)
    NUM = rf"(?:\d+(?:[.,]\d+)?|{NUMW})"
    # periods that take lalu/depan/ini as a whole: "pekan lalu", "tahun depan"
    PERIOD = r"pekan|minggu|bulan|tahun|abad|dekade|semester|kuartal|triwulan"
    YEAR = r"(?:19|20)\d\d(?!\d)"
    HARI = r"(?:(?P<hari>hari)\s+)?"
    DAY = r"(?:[12]\d|3[01]|0?[1-9])"
    # a clock time right after a date belongs to it (IndoTimex: "Kamis (27/11/2014) pukul 10.00 WIB")
    CLOCK = rf"(?:\s+(?P<clock>(?:pukul|pkl\.?|jam)\s+[0-2]?\d(?:[.:][0-5]\d){{1,2}}(?:\s*(?:{ZONE}))?))?"
    return [
        # 2019-03-28, and the ISO month 2022-11 ("date 2022-11" headers of copied pages, label included)
        ("iso", rf"(?:date\s+)?(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>[0-3]\d))?(?![\d-])"),
        # Selasa (14/5), (14/5/2019), Kamis, 25/04/2024, 17-10-2013, Kamis malam (3/8), hari ini (7/12),
        # Jumat dan Sabtu (11-12/4/2025)
        ("numdate", rf"(?:(?=[^\W\d_])(?:{HARI}(?P<wd>{WD})(?:\s+(?:dan|-|–|hingga|sampai)\s+(?P<wd2>{WD}))?"
                    rf"(?:\s+(?P<pod0>{POD}))?|(?P<rd>{RDAY})(?=\s*\())\s*,?\s*)?"
                    rf"(?P<lp>\()?\s*(?P<d>{DAY})(?:-(?P<d2>{DAY})(?=/))?(?P<sep>[/\-.])"
                    rf"(?P<m>1[0-2]|0?[1-9])(?:(?P=sep)(?P<y>(?:19|20)?\d\d))?(?![\d/])(?(lp)\s*\))"
                    rf"(?:\s+(?P<pod>{POD}))?{CLOCK}"),
        # Minggu 12 Mei 2019, Selasa, 31 Januari 2023, 12-14 Mei, 6 Mei lalu, tanggal 17 Agustus
        ("textdate", rf"(?:(?=[^\W\d_]){HARI}(?P<wd>{WD})(?:\s+(?P<pod0>{POD}))?\s*,?\s*)?(?:(?:tanggal|tgl\.?)\s+)?(?P<d>{DAY})"
                     rf"(?:\s*(?:-|–|—|s/d|sampai|hingga|dan)\s*(?P<d2>{DAY}))?"
                     rf"\s+(?:(?P<m>{MON})|(?P<ms>{MONS})\.?)(?![\w])(?:\s*,?\s*(?P<y>{YEAR}))?"
                     rf"(?:\s+(?P<pod>{POD}))?(?:\s+(?P<rel>{REL}))?{CLOCK}"),
        # December 12, 2022; Tuesday, April 22, 2025 (English month-first dates of copied pages: the
        # comma and the year are required)
        ("mdy", rf"(?=[^\W\d_]+(?:\s*,\s*[^\W\d_]+)?\s+\d\d?,)(?:(?P<wd>{WD})\s*,\s*)?(?:(?P<m>{MON})|(?P<ms>{MONS}))\s+(?P<d>{DAY}),\s*(?P<y>{YEAR})"),
        # pukul 10.00 WIB, 09:04 WIB, jam 8 pagi
        ("time", rf"(?:(?:(?P<ap>{APX})\s+)?(?:pukul|pkl\.?|jam)\s+(?P<h>[0-2]?\d)(?:[.:](?P<mi>[0-5]\d))?(?:[.:](?P<s>[0-5]\d))?"
                 rf"(?:\s*(?P<pod>{POD}))?(?:\s*(?P<z>{ZONE}))?"
                 rf"|(?:(?P<ap2>{APX})\s+)?(?P<h2>[0-2]?\d)[.:](?P<mi2>[0-5]\d)(?:[.:](?P<s2>[0-5]\d))?\s*(?P<z2>{ZONE})"
                 rf"|(?P<h3>[0-2]\d)[.:](?P<mi3>[0-5]\d)(?![.,:]?\d))"),
        ("decade", rf"(?:(?:tahun|era|dekade|periode)\s+)?(?P<dec>(?:19|20)?\d0|'\d0)\s*-?\s*an(?![\w])"),
        ("century", r"abad\s+(?:ke\s*-?\s*)?(?P<c>\d{1,2}|[IVX]+)(?![\w])"),
        ("quarter", rf"(?P<q>kuartal|kwartal|triwulan|semester|caturwulan)\s+(?:ke\s*-?\s*)?"
                    rf"(?P<n>IV|I{{1,3}}|[1-4]|pertama|kedua|ketiga|keempat|kesatu|satu|dua|tiga|empat)(?![\w])"
                    rf"(?:(?:\s*-\s*|\s+(?:tahun\s+)?)(?P<y>{YEAR}))?"),
        # setiap Senin, tiap tahun, per hari, dua kali sehari
        ("set", rf"(?:(?P<each>{SETW})\s+(?:(?P<n>{NUM})\s+)?(?P<what>akhir\s+pekan|{UNIT}|{WD}|{MON}|{POD})"
                rf"|(?P<k>{NUM})\s+kali\s+(?:dalam\s+)?(?:se|satu\s+)(?P<per>{UNIT})"
                rf"|(?:(?P<n2>{NUM})\s+(?P<unit5>{UNIT})|se(?P<unit6>{UNIT}))\s+sekali(?![\w])"
                rf"|(?P<daily>sehari-hari(?:nya)?))"),
        # Natal, malam Tahun Baru, hari raya Idul Fitri 2014
        ("holiday", rf"(?:(?P<malam>malam)\s+)?(?:hari\s+raya\s+)?(?P<hol>{HOL})(?![\w])(?:\s+(?P<y>{YEAR}))?"),
        # musim panas ini, musim dingin lalu, musim semi 2023
        ("season", rf"(?P<sea>{SEA})(?![\w])(?:\s+(?:tahun\s+)?(?P<y>{YEAR})|\s+(?P<rel>{REL})(?![\w]))?"),
        # hari yang sama, saat itu, tahun tersebut (the period of the last date told); hari ketiga
        ("anaphor", r"(?:(?P<unit>hari|pekan|minggu|bulan|tahun|saat|waktu|masa|ketika|kala)\s+"
                    r"(?:yang\s+sama|itu|tersebut)(?![\w])"
                    r"|(?P<unit2>hari|pekan|minggu|bulan|tahun)\s+(?P<ord>ke-?\s*\d{1,3}|kesatu|kedua|ketiga|keempat|"
                    r"kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh|kesebelas)(?![\w]))"),
        # akhir pekan lalu, awal tahun, bulan depan, pekan ini, Minggu lalu (Sunday or week)
        ("period", rf"(?:(?P<mod>{MOD})\s+(?P<unit>{PERIOD})(?!\s+(?:\d|{MON}))(?:\s+(?P<rel>{REL}))?"
                   rf"|(?P<unit2>{PERIOD})\s+(?P<rel2>{REL}))"),
        # tiga hari, 24 jam, setahun lalu, dua tahun terakhir, bertahun-tahun
        ("duration", rf"(?:(?:(?P<ap>{APX})\s+)?(?P<n>{NUM})\s+(?P<unit>{UNIT})(?![\w])(?!\s+{YEAR})"
                     rf"(?:\s+(?P<rel>{REL}))?"
                     rf"|(?:(?P<ap2>{APX})\s+)?se(?P<unit2>{UNIT})(?![\w-])(?:\s+(?P<rel2>{REL}))?"
                     rf"|ber(?P<unit3>{UNIT})-(?:{UNIT}))"),
        # tanggal 17, tanggal 17-18 (a range of days of the month at hand)
        ("tanggal", r"(?:tanggal|tgl\.?)\s+(?P<d>[0-3]?\d)(?:\s*[-–]\s*(?P<d2>[0-3]?\d))?(?![\d/.-])"),
        # Mei 2019, November lalu, awal bulan Mei, Mei tahun lalu, pada Januari
        ("month", rf"(?:(?P<mod>{MOD})\s+)?(?:(?P<bulan>bulan)\s+)?(?P<m>{MON})(?![\w])"
                  rf"(?:\s*,?\s*(?:tahun\s+)?(?P<y>{YEAR})(?:\s+(?P<yrel>lalu|mendatang|nanti))?"
                  rf"|\s+(?P<ty>tahun\s+)?(?P<rel>{REL}))?"),
        ("year", rf"(?:(?P<mod>{MOD})\s+)?(?:(?P<t>tahun\s+anggaran|tahun|thn\.?|TA)\s+)?(?<![.,:])(?P<y>{YEAR})"
                 r"(?![.,]\d)(?!\s*-?\s*an(?![\w]))(?:\s+(?P<rel>lalu|mendatang|nanti)(?![\w]))?"),
        # kemarin, besok pagi, hari ini, tadi malam, malam ini, semalam, dini hari
        ("relday", rf"(?:(?P<rd>{RDAY})(?:\s+(?P<pod>{POD}))?|tadi\s+(?P<pod2>{POD})"
                   rf"|(?P<pod3>{POD})\s+(?:hari\s+)?(?P<rel3>tadi|ini|nanti|kemarin|besok)|(?P<semalam>semalam)(?![\w])"
                   rf"|(?P<dini>dini\s+hari)|(?P<noon>tengah\s+hari)|nanti\s+(?P<pod5>{POD})"
                   rf"|(?P<next>(?:keesokan|esok)\s+hari(?:nya)?))"),
        # Selasa lalu, pada Minggu, hari Senin, Senin pekan depan, Jumat malam
        ("weekday", rf"{HARI}(?P<wd>{WD})(?![\w])(?:\s+(?P<wk>pekan|minggu)\s+(?P<wrel>{REL}))?"
                    rf"(?:\s+(?P<pod>{POD}))?(?:\s+(?P<rel>{REL}))?{CLOCK}"),
        ("ref", rf"(?P<ref>{REF})"),
        # pagi, malam hari, siang itu: a part of the day alone is a TIME in TimeML and IndoTimex
        ("pod", rf"(?:(?P<mod>{MOD})\s+)?(?P<pod>{POD})(?![\w-])(?:\s+(?P<hari>hari))?(?:\s+(?P<itu>itu))?"),
    ]


def _prefix(rule_index: int, pattern: str) -> str:
    # group names must be unique in the combined pattern: prefix each rule's own names
    p = f"r{rule_index}_"
    pattern = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{p}{m.group(1)}>", pattern)
    pattern = re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P={p}{m.group(1)})", pattern)
    return re.sub(r"\(\?\((\w+)\)", lambda m: f"(?({p}{m.group(1)})", pattern)


# Words the rules themselves start with (the word lists add theirs in _triggers).
KEYWORDS = ("date", "hari", "tahun", "bulan", "pekan", "minggu", "tanggal", "tgl", "pukul", "pkl", "jam", "era",
            "dekade", "periode", "abad", "kuartal", "kwartal", "triwulan", "semester", "caturwulan",
            "tadi", "semalam", "dini", "tengah", "ta", "thn", "malam", "saat", "waktu", "masa", "ketika",
            "kala", "nanti", "keesokan", "esok")
_WORD = re.compile(r"\w+|[(']")
_STARTERS = frozenset("0123456789('")


def _triggers(lex: Lexicon) -> frozenset[str]:
    # the first word of every form that can start an expression; scanning tries only these
    sections = ("weekdays", "months", "numbers", "units", "parts_of_day", "modifiers", "approximators",
                "references", "relative_days", "set_words", "holidays", "seasons")
    words = set(KEYWORDS)
    for section in sections:
        for word in lex.words(section):
            for form in (*word.forms, *word.short):
                first = re.match(r"\w+", form)
                if first:
                    words.add(first.group().lower())
    return frozenset(words)


def _prefixed(lex: Lexicon) -> tuple[str, ...]:
    # words that start an expression with se-/ber- glued to a unit or a number word: sehari,
    # setahun, sebelas, seratus, bertahun-tahun (not every se- word: sebagai, setelah, berita)
    units = [f.lower() for w in lex.words("units") for f in w.forms]
    numbers = [f.lower() for w in lex.words("numbers") if w.kind in ("teen", "multiplier") for f in w.forms]
    return tuple(sorted({"se" + f for f in units + numbers} | {"ber" + f for f in units}))


@dataclass(slots=True)
class Grammar:
    """The compiled combined pattern, the rule names by group, and the words that start a match."""

    pattern: re.Pattern[str]
    rules: list[str]
    triggers: frozenset[str] = frozenset()
    prefixed: tuple[str, ...] = ()

    def _candidates(self, text: str, pos: int) -> Iterator[re.Match[str]]:
        # trying the big pattern only where a trigger word, a digit or "(" starts is ~5x faster
        # than letting the regex engine try every alternative at every position
        triggers, prefixed, match, skip = self.triggers, self.prefixed, self.pattern.match, pos
        for w in _WORD.finditer(text, pos):
            start = w.start()
            if start < skip:
                continue
            word = w.group()
            low = word.lower()
            if low in triggers or word[0] in _STARTERS or low.startswith(prefixed):
                m = match(text, start)
                if m:
                    skip = m.end()
                    yield m

    def scan(self, text: str, pos: int = 0) -> Iterator[Match]:
        """Every rule match in ``text`` from ``pos``, left to right, without overlaps."""
        for m in self._candidates(text, pos):
            key = m.lastgroup or ""
            index = int(key[4:])  # "rule12"
            p = f"r{index}_"
            groups, spans = {}, {}
            for name, value in m.groupdict().items():
                if value is not None and name.startswith(p):
                    groups[name[len(p):]] = value
                    spans[name[len(p):]] = m.span(name)
            yield Match(self.rules[index], m.start(), m.end(), groups, spans)


_CACHE: dict[int, tuple[Lexicon, Grammar]] = {}


def _compile(lex: Lexicon) -> Grammar:
    rules = _rules(lex)
    alts = [f"(?P<rule{i}>{_prefix(i, body)})" for i, (_, body) in enumerate(rules)]
    combined = r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])"
    return Grammar(re.compile(combined, re.IGNORECASE), [name for name, _ in rules], _triggers(lex), _prefixed(lex))


def grammar(lex: Lexicon) -> Grammar:
    """The grammar compiled from a lexicon, once per lexicon object."""
    cached = _CACHE.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = _CACHE[id(lex)] = (lex, _compile(lex))  # keep lex alive so its id stays unique
    return cached[1]
