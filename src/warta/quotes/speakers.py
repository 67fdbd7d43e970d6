"""Speakers: names next to a cue, pronouns and role phrases resolved back, cited outlets (via)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter
from dataclasses import dataclass, field

from spacy.lang.id.stop_words import STOP_WORDS

from warta.article import Entity, home_country
from warta.quotes.lexicon import Lexicon

# A word: letters/digits with inner dots, apostrophes and hyphens (Ma’ruf, Covid-19, E.).
WORD = re.compile(r"[^\W_][\w’'-]*(?:\.(?=[A-Z]))?")
# A quote's cue and speaker sit within this many characters of its marks or of the reporting verb
# ("…," kata Menteri Luar Negeri Retno Marsudi di Jakarta): looking no further keeps the stage linear
# on a paragraph of thousands of marks or cues and no sentence end, and changes nothing on real text.
WINDOW = 600
# How many earlier mentions or speakers a pronoun or role looks back through: a bound that keeps
# resolution linear on long texts (an article rarely has more than a few hundred mentions).
LOOK_BACK = 500
# A one-word name this long or longer that is one letter off a word of a person introduced before is
# that person misspelt ("Rasman" after "Razman Arif Nasution"); shorter names are too often other people.
TYPO_MIN = 5
# Marks that end a speaker phrase: commas, sentence ends, brackets, quotes.
PHRASE_END = re.compile(r"[,.;:!?()\[\]\"“”\n]|\s[-–—]\s")


@dataclass(slots=True)
class Speaker:
    """A speaker as found in the text: a name, a role phrase, an organisation or a pronoun."""

    kind: str  # name, role, org, pronoun, state (an unnamed official), anonymous, none
    start: int = -1
    end: int = -1
    text: str | None = None
    entity: str | None = None


@dataclass
class Context:
    """What speaker resolution needs about one text: entities, quoted spans, the speakers so far."""

    text: str
    lex: Lexicon
    mentions: list[tuple[int, int, Entity]] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    history: list[tuple[int, Speaker]] = field(default_factory=list)  # (position, resolved speaker)

    def __post_init__(self) -> None:
        # indexes that keep every look-up logarithmic on long texts (mentions come sorted by start)
        self._starts = [s for s, _, _ in self.mentions]
        self._longest = max((t - s for s, t, _ in self.mentions), default=0)
        self._qt: list[tuple[int, int]] = []  # the quoted spans indexed so far, and their
        self._qs: list[int] = []  # starts and the running maximum of their ends
        self._qm: list[int] = []
        self._lower_words: set[str] | None = None
        self._fullest: dict[str, str] = {}  # entity id -> its fullest name, filled when asked
        self._by_id: dict[str, Entity] | None = None
        self._home: str | None = None  # the story's country ("" when none), found when first needed
        self._people: list[tuple[int, Entity, list[str]]] | None = None
        self._nicknames: dict[str, tuple[int, int]] | None = None  # nickname -> span of the name it stands for

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """The mentions overlapping ``[start, end)``, in the order of ``mentions``."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if start < m[1]]

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps ``[start, end)``; people win over organisations."""
        hits = [e for _, _, e in self.overlapping(start, end)]
        hits.sort(key=lambda e: (e.type != "PER", e.type not in ("ORG", "GPE")))
        return hits[0] if hits else None

    def full_name(self, speaker: Speaker) -> str | None:
        """The speaker's text, or the fullest name the article gives the same entity when the cue
        holds a short form: a first name ("Bambang" after "Bambang Suryanto"), an abbreviation ("IDF",
        "PBB"), a state named for its capital. A person's or body's longest mention or canonical
        name; a state's canonical name (its other mentions are phrases such as "militer Pakistan")."""
        if speaker.entity is None or speaker.kind not in ("name", "org"):
            return speaker.text
        full = self._fullest.get(speaker.entity)
        if full is None:
            ent = self.entity_by_id(speaker.entity)
            names = [] if ent is None else [ent.name] if ent.type == "GPE" else [ent.name] + [m.text for m in ent.mentions]
            full = self._fullest[speaker.entity] = max((n for n in names if n), key=lambda n: len(n.split()), default="")
        if not full or len(full.split()) <= len((speaker.text or "").split()):
            return speaker.text
        ent = self.entity_by_id(speaker.entity)
        if ent is not None and ent.type == "PER" and full == ent.name and not _short_form(speaker.text or "", full):
            # a gazetteer name the article never writes, of which the cue's name is no short form:
            # "Subardi" linked to Budi Karya Sumadi is a link gone wrong; the name at the cue stays
            return speaker.text
        return full

    def introduced(self, speaker: Speaker) -> Speaker:
        """A one-word name at the cue ("Xi", "Alex") that the actors stage left apart from the full
        name introduced earlier ("Xi Jinping", "Bambang Suryanto") is that person: one of the full
        name's words is, starts with, or is one letter off it (a slip: "Rasman" after "Razman Arif
        Nasution"). Two such people leave the speaker as it is."""
        words = (speaker.text or "").split()
        if speaker.kind != "name" or len(words) != 1 or len(words[0]) < 2:
            return speaker
        own = self.entity_by_id(speaker.entity) if speaker.entity else None
        if own is not None and any(len((m.text or "").split()) > 1 for m in own.mentions):
            return speaker
        if self._people is None:  # people with a full name, by where they are first named
            first: dict[str, tuple[int, Entity, list[str]]] = {}
            for s, _, ent in self.mentions:
                if ent.type == "PER" and ent.id not in first and len(ent.name.split()) > 1:
                    first[ent.id] = (s, ent, ent.name.lower().split())
            self._people = list(first.values())
        w = words[0].lower()
        found = {}
        for s, ent, tokens in self._people:
            if s < speaker.start and ent is not own and any(
                    t == w or (len(w) >= 3 and t.startswith(w)) or (len(w) >= TYPO_MIN and _one_edit(w, t)) for t in tokens):
                found[ent.id] = ent
        if len(found) != 1:
            return speaker
        ent = next(iter(found.values()))
        return Speaker("name", speaker.start, speaker.end, ent.name, ent.id)

    def nicknamed(self, speaker: Speaker) -> Speaker:
        """A nickname the text introduces (kind ``nickname`` in speakers.yaml) is the person it names:
        "Gus Men (panggilan akrab Menag Yaqut)" and later "ujar Gus Men" are Yaqut; "Basuki, yang akrab
        disapa Ahok" and "kata Ahok" are Basuki. The person is the one the actors stage found with a
        word of that name, introduced before the nickname."""
        if speaker.kind != "name" or not speaker.text:
            return speaker
        if self._nicknames is None:
            self._nicknames = _nicknames(self) if any(m in self.text for m in self.lex.kind("nickname")) else {}
        referent = self._nicknames.get(speaker.text.lower())
        if referent is None:
            return speaker
        rs, re_ = referent
        part = person_part(self.text, rs, re_, self.lex) or referent
        named = Speaker("name", part[0], part[1], self.text[part[0] : part[1]])
        ent = self.entity_at(*part)
        if ent is not None and ent.type == "PER":
            named.entity = ent.id
            return named
        return self.introduced(named)

    def entity_by_id(self, entity_id: str) -> Entity | None:
        """The entity with this id among the mentioned ones."""
        if self._by_id is None:
            self._by_id = {ent.id: ent for _, _, ent in self.mentions}
        return self._by_id.get(entity_id)

    def acting_for(self, speaker: Speaker) -> Speaker:
        """A city speaking for its state ("New Delhi mengatakan", "Moskow menegaskan") is the state,
        when the article names that state."""
        if speaker.entity is None:
            return speaker
        ent = self.entity_by_id(speaker.entity)
        if ent is None or ent.type != "GPE" or ent.actor or not ent.country:
            return speaker
        state = next((e for e in self._by_id.values() if e.type == "GPE" and e.actor == ent.country), None)
        if state is None:
            return speaker
        return Speaker("org", speaker.start, speaker.end, state.name, state.id)

    def inside_quote(self, pos: int) -> bool:
        """True when ``pos`` lies inside a direct quotation (names there are not speakers)."""
        quoted, qt = self.quoted, self._qt
        n = min(len(qt), len(quoted))
        while n and qt[n - 1] is not quoted[n - 1]:  # spans were popped (and others appended)
            n -= 1
        del qt[n:], self._qs[n:], self._qm[n:]
        for span in quoted[n:]:
            if self._qs and span[0] < self._qs[-1]:  # not in text order: look at every span
                return any(s <= pos < e for s, e in quoted)
            qt.append(span)
            self._qs.append(span[0])
            self._qm.append(max(span[1], self._qm[-1] if self._qm else span[1]))
        k = bisect_right(self._qs, pos)
        return k > 0 and self._qm[k - 1] > pos

    def writes_lower(self, word: str) -> bool:
        """Whether the text holds ``word`` (lower case) as a whole word."""
        if re.fullmatch(r"\w+", word):
            if self._lower_words is None:
                self._lower_words = set(re.findall(r"\w+", self.text))
            return word in self._lower_words
        return re.search(r"(?<![\w])%s(?![\w])" % re.escape(word), self.text) is not None


def _short_form(name: str, full: str) -> bool:
    """Whether each word of ``name`` is a short form of a word of ``full``: the word itself, its start
    ("Alex" of Alexander), an initial, or the word misspelt by one letter or two swapped ("Psekov")."""
    fulls = [w.lower().strip(".,") for w in full.split()]
    for word in (w.lower().strip(".,") for w in name.split()):
        if not word:
            continue
        if not any(f.startswith(word) or _one_edit(word, f) for f in fulls):
            return False
    return True


def _one_edit(a: str, b: str) -> bool:
    """One letter changed, added or dropped, or two neighbours swapped (Damerau distance 1)."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]*)"
_NAME_RUN = r"\b%s(?: %s){0,4}" % (_NAME_WORD, _NAME_WORD)


def _nicknames(ctx: Context) -> dict[str, tuple[int, int]]:
    """Nicknames the text introduces, each with the span of the name it stands for: "NICK (panggilan
    akrab NAME)", "NAME, yang akrab disapa NICK", "NAME alias NICK"."""
    markers = "|".join(re.escape(m) for m in sorted(ctx.lex.kind("nickname"), key=len, reverse=True))
    found: dict[str, tuple[int, int]] = {}
    for m in re.finditer(r"(%s) \((?:%s) (%s)\)" % (_NAME_RUN, markers, _NAME_RUN), ctx.text):
        found.setdefault(m.group(1).lower(), m.span(2))
    for m in re.finditer(r"(%s),? (?:yang )?(?:%s) (%s)" % (_NAME_RUN, markers, _NAME_RUN), ctx.text):
        found.setdefault(m.group(2).lower(), m.span(1))
    return found


def entity_mentions(entities: list[Entity], lex: Lexicon | None = None) -> list[tuple[int, int, Entity]]:
    """All mentions of all entities as ``(start, end, entity)``, in text order. With ``lex``, a person
    mention made of office and organisation words only ("Koordinator", "Polda Metro Jaya") is left out:
    it names no person, and taking it for one hides the name that follows it in the same run."""
    titles = lex.titles if lex is not None else frozenset()
    if titles:
        # "Menteri Luar Negeri India" is a title too: its state is named with the office words
        titles = titles | {w.lower() for e in entities if e.type == "GPE" for m in e.mentions for w in (m.text or "").split()}
    out = []
    for e in entities:
        if titles and e.type == "PER":
            texts = {m.text for m in e.mentions}  # a person's mentions repeat a few texts: judge each once
            bad = {t for t in texts if _title_words_only(t or "", titles)}
            out += [(m.start, m.end, e) for m in e.mentions if m.text not in bad] if bad else \
                [(m.start, m.end, e) for m in e.mentions]
        else:
            out += [(m.start, m.end, e) for m in e.mentions]
    out.sort(key=itemgetter(0, 1))
    return out


def _title_words_only(text: str, titles: frozenset[str]) -> bool:
    words = text.lower().split()
    return bool(words) and all(w.strip(".,") in titles for w in words)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def name_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of capitalised words separated by single spaces inside ``text[start:end]``."""
    runs: list[list[int]] = []
    last_end = None
    for m in WORD.finditer(text, start, end):
        if not _capitalised(m.group()):
            last_end = None
            continue
        if last_end is not None and text[last_end : m.start()] == " ":
            runs[-1][1] = m.end()
        else:
            runs.append([m.start(), m.end()])
        last_end = m.end()
    return [(s, e) for s, e in runs]


def _is_acronym(word: str) -> bool:
    # AS, KPK, BNPB: organisations and countries; single letters (E., M) are initials of names
    core = word.rstrip(".")
    return len(core) >= 2 and core.isupper() and core.isalpha()


def person_part(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The trailing person name of a capitalised run, after its role and organisation words."""
    words = list(WORD.finditer(text, start, end))
    blocked = lex.titles | lex.kind("outlet")
    cut = -1
    for i, m in enumerate(words):
        if m.group().lower().rstrip(".") in blocked or _is_acronym(m.group()):
            cut = i
    rest = words[cut + 1 :]
    if not rest:
        return None
    return rest[0].start(), rest[-1].end()


def run_kind(text: str, start: int, end: int, lex: Lexicon) -> str:
    """``role`` when a run holds an office word, else ``org``."""
    words = {m.group().lower().rstrip(".") for m in WORD.finditer(text, start, end)}
    return "role" if words & lex.kind("role") else "org"


def run_speaker(ctx: Context, s: int, e: int) -> Speaker | None:
    """The speaker a capitalised run names: the actors stage's entity, else a name, role or organisation."""
    text, lex = ctx.text, ctx.lex
    hits = [h for h in ctx.overlapping(s, e) if h[2].type in ("PER", "ORG", "GPE")]
    if hits:
        # the actors stage knows better than our heuristics what this run is; a person wins, and of two
        # persons the last: a title run ends with the name ("Komandan Satgas …, Kolonel Noto Casnoto")
        people = [h for h in hits if h[2].type == "PER"]
        if not people:
            leading = _leading_name(ctx, s, e)
            if leading is not None:
                return leading
            # "RI Pahala Nugraha Mansury": a body or state, then a name of two words or more the actors
            # stage did not know: the name after the last entity is the person
            tail = max(h[1] for h in hits)
            part = person_part(text, tail, e, lex) if tail < e else None
            if part is not None and len(text[part[0] : part[1]].split()) >= 2 and not ctx.overlapping(*part):
                return Speaker("name", part[0], part[1], text[part[0] : part[1]])
            misread = _misread_person(ctx, ctx.overlapping(s, e), s, e)
            if misread is not None:
                return misread
        ms, me, ent = people[-1] if people else hits[0]
        return Speaker("name" if ent.type == "PER" else "org", ms, me, text[ms:me], ent.id)
    words = list(WORD.finditer(text, s, e))
    while words and _not_a_name(ctx, words[0]):
        words.pop(0)  # "Namun Pompeo", "Pernyataan itu": sentence-initial capitals
    if not words or any(ch.isdigit() for ch in text[s:e]):
        return None
    s = words[0].start()
    first = words[0].group().lower()
    part = person_part(text, s, e, lex)
    if part is not None:
        return Speaker("name", part[0], part[1], text[part[0] : part[1]])
    if first in lex.kind("outlet"):
        return None
    return Speaker(run_kind(text, s, e, lex), s, e, text[s:e])


def _leading_name(ctx: Context, s: int, e: int) -> Speaker | None:
    """A name of two words or more opening a run, its office after it with no comma ("Vikram Misri
    Menteri Luar Negeri India menyatakan"): the person is the name, the rest of the run is the title.
    Neither the name nor its words may be a body, a place, an office or a non-name word."""
    text, lex = ctx.text, ctx.lex
    blocked = lex.titles | lex.kind("outlet")
    words = list(WORD.finditer(text, s, e))
    k = 0
    while k < len(words) and words[k].group().lower().rstrip(".") not in blocked and not _is_acronym(words[k].group()):
        k += 1
    if k < 2 or k == len(words) or words[k].group().lower() not in lex.kind("role") or _not_a_name(ctx, words[0]):
        return None
    ns, ne = words[0].start(), words[k - 1].end()
    if any(ent.type != "PER" for _, _, ent in ctx.overlapping(ns, ne)):
        return None
    ent = ctx.entity_at(ns, ne)
    return Speaker("name", ns, ne, text[ns:ne], ent.id if ent is not None else None)


def _misread_person(ctx: Context, hits: list[tuple[int, int, Entity]], s: int, e: int) -> Speaker | None:
    """A person's name that the actors stage typed as a place or body, at the end of a speaker run:
    "Papua Fritz Ramandey" (a place, opening with the region), "Direktur Pelindungan WNI Kemlu RI Judha
    Nugraha" (a body after the office). The last mention of the run, unlinked, not a state or city,
    ends the run; with the mention it opens with cut off (Papua), its words are two or more
    capitalised words, none an office, organisation or non-name word nor an abbreviation, and
    something of the run stands before them (a title, a body, a region)."""
    text, lex = ctx.text, ctx.lex
    last = max(hits, key=lambda h: (h[1], h[1] - h[0]))
    ms, me, ent = last
    if me != e or ent.type not in ("LOC", "ORG") or ent.linked:
        return None
    inner = [h for h in hits if h is not last and h[0] == ms and h[1] < me]
    start = max((h[1] for h in inner), default=ms)
    words = list(WORD.finditer(text, start, me))
    blocked = lex.titles | lex.kind("outlet")
    if len(words) < 2 or any(not w.group()[:1].isupper() or _is_acronym(w.group())
                             or w.group().lower().rstrip(".") in blocked for w in words):
        return None
    if words[0].start() <= s:
        return None  # nothing before the name in the run: the actors stage may be right
    return Speaker("name", words[0].start(), me, text[words[0].start() : me])


def _not_a_name(ctx: Context, m: re.Match) -> bool:
    word = m.group()
    low = word.lower()
    if low in ctx.lex.kind("stop") or low in ctx.lex.kind("document"):
        return True  # "Keputusan tersebut …", "Pernyataan itu …": a document is no name
    if low in STOP_WORDS and _opens_sentence(ctx.text, m.start()):
        # a general stop word is capitalised only where a sentence opens ("Namun", "Selama"); inside a
        # sentence the capital makes it a name: spaCy's list holds "wong" ("Lebih lanjut, Wong mengusulkan")
        return True
    # a capitalised word the same text also writes in lower case is an ordinary word
    return low != word and ctx.writes_lower(low)


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence: nothing but quote marks and brackets since the last sentence end."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"“”‘’'([":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


def speaker_after(ctx: Context, pos: int, limit: int) -> Speaker:
    """The speaker named right after a cue at ``pos``: ``kata Pompeo``, ``kata dia``, ``kata juru bicara itu``."""
    text, lex = ctx.text, ctx.lex
    m = WORD.match(text, _skip_space(text, pos))
    if m is None or m.start() >= limit:
        return Speaker("none")
    if m.group().lower() in lex.kind("pronoun"):
        return Speaker("pronoun", m.start(), m.end(), m.group())
    seg_end = _phrase_end(text, m.start(), limit)
    if m.group().lower() in lex.kind("document") or m.group().lower() in lex.kind("document-opening"):
        document = document_speaker(ctx, list(WORD.finditer(text, m.start(), seg_end)), limit)
        if document is not None:
            return document
    definite = _definite_description(ctx, m, seg_end)
    if definite is not None:
        return definite
    if m.group() in lex.body_nouns:  # "kata polisi", "kata pemberontak dalam sebuah pernyataan …"
        return Speaker("state", m.start(), m.end(), m.group())
    if m.group() in lex.kind("ministry"):  # "kata kementerian luar negeri Cina": before "Cina" is read alone
        phrase = list(WORD.finditer(text, m.start(), seg_end))[:5]
        state = _authority(ctx, phrase, phrase)
        if state is not None:
            return state
    # the phrase stops at the first plain lower-case word after a capitalised one:
    # "kata Presiden dalam rapat terbatas di Istana Merdeka" is about "Presiden" only
    seen_cap = False
    for w in WORD.finditer(text, m.start(), seg_end):
        if _capitalised(w.group()):
            seen_cap = True
        elif seen_cap and w.group().lower() not in lex.office:
            seg_end = w.start()
            break
    guessed = None
    for s, e in name_runs(text, m.start(), seg_end):
        sp = run_speaker(ctx, s, e)
        if sp is not None and sp.kind == "name":
            if sp.entity is not None or not _title_words(ctx, m.start(), sp.start):
                return sp
            guessed = sp  # "Komandan Satgas Misi Pengiriman Bantuan": maybe the rest of a title
            break
    # "kata pemilik Kopi NYIA, Armanunsah …": a description, then the name after one comma; a
    # person the actors stage knows there wins over a name guessed from the title before the comma
    if seg_end < limit and text[seg_end] == ",":
        nxt = _skip_space(text, seg_end + 1)
        runs = name_runs(text, nxt, _phrase_end(text, nxt, limit))
        if runs and runs[0][0] == nxt:
            sp = run_speaker(ctx, *runs[0])
            if sp is not None and sp.kind == "name" and (guessed is None or sp.entity is not None):
                return sp
    if guessed is not None:
        return guessed
    if m.group().lower() in lex.kind("role"):
        holder = _title_holder(ctx, m.start(), limit)
        if holder is not None:
            return holder
    runs = name_runs(text, m.start(), seg_end)
    if runs:
        sp = run_speaker(ctx, *runs[0])
        if sp is not None:
            return sp
    phrase = list(WORD.finditer(text, m.start(), seg_end))[:5]
    state = _authority(ctx, phrase, phrase) if phrase and (phrase[0].group().lower() in lex.kind("authority")
                                                          or phrase[0].group().lower() in lex.body_nouns) else None
    return state if state is not None else _role_phrase(ctx, m.start(), seg_end)


# How many words may stand between a document word and its issuer ("pernyataan resmi bersama X").
DOCUMENT_MODIFIERS = 3


def document_speaker(ctx: Context, words: list[re.Match], limit: int) -> Speaker | None:
    """A statement, ruling or letter speaks for whoever issued it (kind ``document`` in speakers.yaml):
    ``bunyi pernyataan Kementerian Luar Negeri UEA`` and ``pernyataan para pemimpin G20`` are the body
    or people named after it (past a few modifiers: ``resmi``, ``bersama``, ``dari``); ``kata
    pernyataan``, ``Pernyataan itu``, ``bunyi putusan tersebut`` point back to the last speaker."""
    lex = ctx.lex
    docs, opening = lex.kind("document"), lex.kind("document-opening")
    k = 0
    while k < len(words) - 1 and words[k].group().lower() in opening:
        k += 1  # "sebagian isi surat tersebut", "Sebuah pernyataan dari …"
    if k >= len(words) or words[k].group().lower() not in docs:
        return None
    doc = words[k]
    rest = words[k + 1 :]
    for j, w in enumerate(rest[: DOCUMENT_MODIFIERS + 1]):
        low = w.group().lower()
        if low in DEFINITE:
            break
        if _capitalised(w.group()) or low in lex.kind("role") or low == "para" or low in lex.kind("authority"):
            issuer = speaker_after(ctx, w.start(), limit)
            if issuer.kind != "none":
                return issuer
            break
    if rest and rest[0].group().lower() in DEFINITE:
        issuer = _issuer_before(ctx, doc)  # "isi surat tersebut": the letter named before and its issuer
        if issuer is not None:
            return issuer
    return Speaker("pronoun", doc.start(), doc.end(), doc.group())


def _issuer_before(ctx: Context, doc: re.Match) -> Speaker | None:
    """The issuer of the document a definite one points back to: "demikian isi surat tersebut" after
    "tertuang dalam surat resmi DPP PDIP" is DPP PDIP. The latest earlier mention of the same document
    word outside quotes, and a body or person the actors stage knows a few words after it."""
    text, word = ctx.text, doc.group().lower()
    lo = window_start(text, 0, doc.start())
    for m in reversed(list(re.finditer(r"\b%s\b" % re.escape(word), text[lo : doc.start()], re.I))):
        at = lo + m.end()
        if ctx.inside_quote(lo + m.start()):
            continue
        for w in list(WORD.finditer(text, at, _phrase_end(text, at, doc.start())))[: DOCUMENT_MODIFIERS + 1]:
            if w.group().lower() in DEFINITE:
                break
            ent = ctx.entity_at(w.start(), w.end())
            if _capitalised(w.group()) and ent is not None and ent.type in ("ORG", "PER"):
                sp = speaker_after(ctx, w.start(), doc.start())
                if sp.kind in ("name", "org"):
                    return sp
                break
        return None
    return None


def _title_words(ctx: Context, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds an office or organisation word (a title before a name)."""
    return any(w.group().lower() in ctx.lex.office for w in WORD.finditer(ctx.text, start, end))


def _document_before(ctx: Context, words: list[re.Match], verb_start: int) -> Speaker | None:
    """A document as the subject of a reporting verb: ``Pernyataan itu menambahkan bahwa …``,
    ``Sebuah pernyataan dari kelompok itu mengatakan``; not ``X dalam pernyataannya mengatakan``
    (the document word must open the clause or follow a comma)."""
    docs = ctx.lex.kind("document")
    for j in range(len(words) - 1, max(-1, len(words) - 2 - DOCUMENT_MODIFIERS - 4), -1):
        if words[j].group().lower() not in docs:
            continue
        k = j
        opening, skip = ctx.lex.kind("document-opening"), ctx.lex.kind("skip")
        while k > 0 and (words[k - 1].group().lower() in opening or words[k - 1].group().lower() in skip):
            k -= 1
        before = ctx.text[words[k - 1].end() : words[k].start()] if k > 0 else ""
        if k > 0 and "," not in before:
            return None
        return document_speaker(ctx, words[k:], verb_start)
    return None


# How many words an office title after a cue may run before the holder's name.
TITLE_MAX_WORDS = 16
# What ends an office title: a sentence end, quote marks, a colon or semicolon (an abbreviation in
# brackets stays inside: "Menteri Tenaga Kerja (Menaker) RI Ida Fauziyah").
TITLE_END = re.compile(r"[.;:!?\"“”\n]")


def _title_holder(ctx: Context, start: int, limit: int) -> Speaker | None:
    """The holder named at the end of an office title after a cue, past what cuts a plain phrase:
    linking words (``ujar anggota DPR dari Partai Gerindra, Bahtra Banong``, ``kata Kepala Dinas Tenaga
    Kerja dan Transmigrasi Provinsi NTB I Gde Putu Aryadi``), commas inside the title (``Menteri
    Koordinator Bidang Hukum, HAM, Imigrasi, dan Pemasyarakatan Yusril Ihza Mahendra``) and a relative
    clause up to its comma (``Anggota Fraksi Gerindra yang ikut walk out, Ramson Siagian``). Only a
    person the actors stage knows, or a name of two words or more, is taken."""
    text, lex = ctx.text, ctx.lex
    linking = lex.kind("title-link")
    roles, orgs = lex.kind("role"), lex.kind("org")
    spans: list[list[int]] = []
    prev_end, relative, count = start, False, 0
    for w in WORD.finditer(text, start, limit):
        gap = text[prev_end : w.start()]
        if TITLE_END.search(gap) or count >= TITLE_MAX_WORDS:
            break
        count += 1
        prev_end = w.end()
        low = w.group().lower()
        if "," in gap:
            relative = False
        if relative:
            continue
        if low == "yang":
            relative = True  # a relative clause on the title: skipped up to its comma
            continue
        if not (_capitalised(w.group()) or low in roles or low in orgs or low in linking):
            break  # "kata Kepala Dinas … Aryadi, saat menerima …": the title is over
        if low in linking and spans and _person_ends(ctx, spans[-1][1]):
            break  # "… Yusril Ihza Mahendra di Istana Kepresidenan": the holder is named, a place follows
        if spans and spans[-1][1] == w.start() - len(gap) and "," not in gap:
            spans[-1][1] = w.end()
        else:
            spans.append([w.start(), w.end()])
    known, guessed = None, None  # the holder ends the title: the last person found in it
    for s, e in spans:
        for rs, re_ in name_runs(text, s, e):
            sp = run_speaker(ctx, rs, re_)
            if sp is None or sp.kind != "name":
                # a run the actors stage took for a place or body by a word in it ("Transmigrasi
                # Provinsi NTB I Gde Putu Aryadi"): the words after its last office or body word
                part = person_part(text, rs, re_, lex)
                if part is None or ctx.overlapping(*part):
                    continue
                sp = Speaker("name", part[0], part[1], text[part[0] : part[1]])
            ent = ctx.entity_at(sp.start, sp.end)
            if ent is not None and ent.type == "PER":
                known = sp
            elif len((sp.text or "").split()) >= 2:
                guessed = sp
    return known or guessed


def _person_ends(ctx: Context, pos: int) -> bool:
    """Whether a person mention of the actors stage ends at ``pos``."""
    return any(e == pos and ent.type == "PER" for _, e, ent in ctx.overlapping(pos - 1, pos))


DEFINITE = ("itu", "tersebut")
DEFINITE_MAX_WORDS = 8


def _definite_description(ctx: Context, m: re.Match, end: int) -> Speaker | None:
    """"kata politisi Partai Hanura itu": a short phrase after a cue, closed by itu/tersebut, that
    describes somebody named before, not the organisation or person inside the phrase."""
    return _definite_phrase(ctx, list(WORD.finditer(ctx.text, m.start(), end)))


def _definite_phrase(ctx: Context, words: list[re.Match]) -> Speaker | None:
    """A definite description: a role word (any case: "Ketua Umum Partai Buruh tersebut") or a
    lower-case noun ("anak buah Sri Wahyuni itu") opening at most eight words closed by itu/tersebut."""
    if not words or len(words) < 2 or len(words) > DEFINITE_MAX_WORDS or words[-1].group().lower() not in DEFINITE:
        return None
    head = words[0].group()
    low = head.lower()
    lex = ctx.lex
    if low in lex.kind("pronoun") or low in lex.kind("stop") or low in STOP_WORDS and low not in lex.kind("role"):
        return None
    if not (low in lex.kind("role") or (not _capitalised(head) and low not in lex.forms)):
        return None
    return Speaker("role", words[0].start(), words[-1].end(), ctx.text[words[0].start() : words[-1].end()])


def _role_phrase(ctx: Context, start: int, end: int) -> Speaker:
    """A lower-case role phrase such as ``juru bicara itu`` or ``sang menteri``."""
    words = list(WORD.finditer(ctx.text, start, end))[:5]
    roles = ctx.lex.kind("role")
    if words and words[0].group().lower() in roles:
        last = words[0]
        for w in words[1:]:
            if w.group().lower() in roles or _capitalised(w.group()) or w.group().lower() in ("itu", "tersebut"):
                last = w
            else:
                break
        return Speaker("role", words[0].start(), last.end(), ctx.text[words[0].start() : last.end()])
    return Speaker("none")


def speaker_before(ctx: Context, clause_start: int, verb_start: int) -> Speaker:
    """The subject of a reporting verb: the nearest name, role phrase or pronoun before it."""
    text, lex = ctx.text, ctx.lex
    words = list(WORD.finditer(text, clause_start, verb_start))
    skip = lex.kind("skip") - set(DEFINITE)
    while words and words[-1].group().lower() in skip:
        words.pop()
    definite = _definite_before(ctx, words)  # "Politisi Partai NasDem tersebut mengatakan"
    if definite is not None:
        return definite
    document = _document_before(ctx, words, verb_start)  # "Pernyataan itu menambahkan", "Pernyataan Hamas menambahkan"
    if document is not None:
        return document
    while words and words[-1].group().lower() in lex.kind("skip"):
        words.pop()
    if not words:
        return Speaker("none")
    last = words[-1]
    # the subject sits within the last words before the verb (an apposition or adjunct included)
    near = words[max(0, len(words) - SUBJECT_REACH)].start()
    runs = [r for r in name_runs(text, near, last.end()) if not ctx.inside_quote(r[0])]
    if text[last.end() : verb_start].strip() == ",":
        # an apposition closed by a comma: the name before the comma that opens it is the subject,
        # "Tri Maharini, dokter emergensi …, memaparkan", "Rina Kartika, kepala dinas … Sleman, menyampaikan"
        opening = text.rfind(",", clause_start, last.start())
        # "Cina, yang berusaha memperluas pengaruhnya …, mengatakan": a relative clause between commas
        # describes the subject before it, whatever it is (a state, a body, a person)
        relative = opening > 0 and re.match(r"\s*yang\b", text[opening + 1 : opening + 10]) is not None
        for s, e in reversed(runs):
            if opening > 0 and e <= opening and not text[e:opening].strip():
                sp = run_speaker(ctx, s, e)
                if sp is not None and (sp.kind == "name" or relative):
                    return sp
        for s, e in reversed(runs):
            sp = run_speaker(ctx, s, e)
            if sp is not None and sp.kind == "name":
                return sp
    found = _subject_at(ctx, runs, last)  # "Pejabat Rusia mengatakan", "Lavrov juga mengatakan"
    if found is not None and found.kind == "pronoun":
        return found
    if found is not None:
        found = _first_conjunct(ctx, runs, found)  # "Amerika Serikat dan Korea Selatan meminta": the first
    # the subject before an adjunct or a relative clause: "Rina dalam unggahannya di Instagram menulis",
    # "Kementerian Luar Negeri Rusia dalam pernyataannya mengatakan", "Dudi yang pernah menjabat … mengatakan";
    # a name whose run holds the adjunct ("Kepala Perwakilan BI di Jawa Barat Herawanto") stays
    adjunct = lex.kind("adjunct")
    for j in range(len(words) - 1, max(0, len(words) - ADJUNCT_REACH) - 1, -1):
        if j < 1 or words[j].group().lower() not in adjunct:
            continue
        if j == len(words) - 1 and words[j].group().lower() != "yang":
            continue  # "(APIP) untuk meminta": right before the verb it opens a purpose clause, no phrase
        if found is not None and "," in text[words[j].start() : found.start]:
            break  # a comma closes the clause before the subject: "Dalam kasus X yang …, Burhanuddin mengatakan"
        if "," in text[words[j - 1].end() : words[j].start()]:
            continue  # "…, yang": a relative clause on the word before, in an earlier clause
        plain = any(not _capitalised(w.group()) and w.group().lower() not in adjunct for w in words[j + 1 :])
        if found is not None and found.kind == "name" and not plain:
            continue
        inner = _subject_at(ctx, runs, words[j - 1])
        if inner is not None and _governed(ctx, words, inner):
            continue  # "Kedutaan Besar AS di Jakarta dalam pernyataannya mengatakan": Jakarta is inside "di …"
        if inner is not None:
            return inner
    if found is not None:
        return found
    state = _authority(ctx, words[max(0, len(words) - 5) :], words)
    if state is not None:
        return state
    # "juru bicara itu mengatakan", "sang menteri menegaskan"
    for i in range(max(0, len(words) - 5), len(words)):
        if words[i].group().lower() in lex.kind("role"):
            return _role_phrase(ctx, words[i].start(), last.end())
    return Speaker("none")


def _authority(ctx: Context, tail: list[re.Match], words: list[re.Match]) -> Speaker | None:
    """An unnamed official or body of a state ("pihak berwenang", "juru bicara pemerintah", "pejabat
    setempat", "kementerian pertahanan"): kind ``state``, resolved to the country it names or the
    country the story is about. An anonymous one ("seorang pejabat", "sumber") is nobody's."""
    lex = ctx.lex
    for k, w in enumerate(tail):
        if w.group().lower() not in lex.kind("authority") and w.group().lower() not in lex.body_nouns:
            continue
        rest = tail[k + 1 :]
        if any(_capitalised(x.group()) and ctx.entity_at(x.start(), x.end()) is None for x in rest):
            return None  # a name follows: not an unnamed body
        if rest and rest[-1].group().lower() in DEFINITE:
            return None  # "pejabat itu": somebody named before
        at = words.index(w)
        end = (rest[-1] if rest else w).end()
        if any(x.group().lower() in lex.kind("anonymous") for x in words[max(0, at - 2) : at + 1]):
            return Speaker("anonymous", w.start(), end, ctx.text[w.start() : end])
        return Speaker("state", w.start(), end, ctx.text[w.start() : end])
    return None


def _body_before(ctx: Context, raw: Speaker) -> Speaker | None:
    """A body of the kind an unnamed speaker's noun names, the latest named before it outside quotes:
    "…, kata polisi." after "Kepolisian Kerajaan Kanada mengatakan …" is that police force."""
    table = ctx.lex.body_nouns
    heads = {h for w in (raw.text or "").lower().split() for h in table.get(w, ())}
    if not heads:
        return None
    k = bisect_left(ctx._starts, raw.start)
    for s, e, ent in reversed(ctx.mentions[max(0, k - LOOK_BACK) : k]):
        if ent.type == "ORG" and e <= raw.start and not ctx.inside_quote(s) and \
                heads & set(re.findall(r"\w+", ctx.text[s:e].lower() + " " + ent.name.lower())):
            return Speaker("org", s, e, ctx.text[s:e], ent.id)
    # a body the actors stage missed: the latest capitalised run opening with such a word
    # ("Kepolisian Kerajaan Kanada", "Aliansi Tiga Persaudaraan")
    for s, e in reversed(name_runs(ctx.text, window_start(ctx.text, 0, raw.start), raw.start)):
        words = ctx.text[s:e].split()
        if len(words) >= 2 and words[0].lower() in heads and not ctx.inside_quote(s):
            return Speaker("org", s, e, ctx.text[s:e])
    return None


def _resolve_state(ctx: Context, raw: Speaker) -> Speaker:
    """The state an unnamed official speaks for: a country named in the phrase, else a body of its
    kind named before (kind ``body-noun``), else the story's state. A body no state stands for
    ("pemberontak") with none named before is nobody's."""
    for _, _, ent in ctx.overlapping(raw.start, raw.end):
        if ent.type == "GPE" and ent.actor:
            words = (raw.text or "").split()
            if words and words[0].lower() in ctx.lex.kind("ministry"):
                # "kata kementerian luar negeri Cina": the ministry speaks, named as its state's body
                named = " ".join(w if w[:1].isupper() else w.capitalize() for w in words)
                return Speaker("org", raw.start, raw.end, named, ent.id)
            return Speaker("org", raw.start, raw.end, ent.name, ent.id)
    body = _body_before(ctx, raw)
    if body is not None:
        return body
    if not set((raw.text or "").lower().split()) & ctx.lex.kind("authority"):
        return Speaker("none")
    if ctx._home is None:
        ctx._home = home_country(list({id(e): e for _, _, e in ctx.mentions}.values())) or ""
    state = next((e for _, _, e in ctx.mentions if e.type == "GPE" and e.actor == ctx._home), None) if ctx._home else None
    if state is None:
        return Speaker("role", raw.start, raw.end, raw.text)
    return Speaker("org", raw.start, raw.end, state.name, state.id)


# How many words back from a reporting verb its subject may start.
SUBJECT_REACH = 24
# How many words back from a reporting verb an adjunct or relative clause may start.
ADJUNCT_REACH = 12


def _subject_at(ctx: Context, runs: list[tuple[int, int]], last: re.Match) -> Speaker | None:
    """The pronoun or the name run that ends with the word ``last``; an abbreviation in brackets
    after a name stands for that name ("Penjaga Pantai Filipina (PCG) mengatakan")."""
    if last.group().lower() in ctx.lex.kind("pronoun"):
        return Speaker("pronoun", last.start(), last.end(), last.group())
    for k in range(len(runs) - 1, -1, -1):
        if runs[k][1] != last.end():
            continue
        s, e = runs[k]
        if k and ctx.text[s - 1 : s] == "(" and ctx.text[runs[k - 1][1] : s].strip() == "(":
            s, e = runs[k - 1]
        sp = run_speaker(ctx, s, e)
        if (k >= 2 and (sp is None or sp.kind != "name") and ctx.text[runs[k - 1][1] : s].strip() == ")"
                and ctx.text[runs[k - 2][1] : runs[k - 1][0]].strip() == "("):
            # "Kementerian Luar Negeri (Kemlu) RI mencatat": a qualifier after the abbreviation in
            # brackets; the subject is the full name before it
            named = run_speaker(ctx, *runs[k - 2])
            return named if named is not None else sp
        return sp
    return None


def _governed(ctx: Context, words: list[re.Match], sp: Speaker) -> bool:
    """Whether the name ``sp`` is the object of an adjunct word right before it ("di Jakarta")."""
    before = [w for w in words if w.end() <= sp.start]
    return bool(before) and before[-1].group().lower() in ctx.lex.kind("adjunct") and \
        not ctx.text[before[-1].end() : sp.start].strip()


def _first_conjunct(ctx: Context, runs: list[tuple[int, int]], found: Speaker) -> Speaker:
    """Of two subjects joined by `dan` the first named speaks, as the real-news conventions take the
    first-named actor of "X dan Y": "Amerika Serikat dan Korea Selatan meminta …" is the United States."""
    for k in range(len(runs) - 1, 0, -1):
        s, e = runs[k]
        if not (s <= found.start < e):
            continue
        ps, pe = runs[k - 1]
        if ctx.text[pe:s] != " dan ":
            return found
        first = run_speaker(ctx, ps, pe)
        if first is not None and first.kind == found.kind and first.entity != found.entity:
            return first
        return found
    return found


def _definite_before(ctx: Context, words: list[re.Match]) -> Speaker | None:
    """A definite description as the subject of a reporting verb ("Mantan Ketua Partai Maju itu pun
    menegaskan"): a role phrase closed by itu/tersebut that opens its clause."""
    if not words or words[-1].group().lower() not in DEFINITE:
        return None
    text = ctx.text
    first = len(words) - 1
    while first > 0 and len(words) - first < DEFINITE_MAX_WORDS:
        if "," in text[words[first - 1].end() : words[first].start()] or words[first - 1].group().lower() in ctx.lex.kind("stop"):
            break
        first -= 1
    return _definite_phrase(ctx, words[first:])


def resolve(ctx: Context, raw: Speaker, pos: int) -> Speaker:
    """Turn a raw speaker into a final one: names to entities, pronouns and roles back to a person."""
    if raw.kind in ("name", "org"):
        if raw.entity is None:
            ent = ctx.entity_at(raw.start, raw.end)
            if ent is not None and raw.kind == "name" and ent.type != "PER" and any(
                    s < raw.start or e > raw.end for s, e, x in ctx.overlapping(raw.start, raw.end) if x is ent):
                ent = None  # "Papua Fritz Ramandey" taken for a place: the name inside it is nobody's entity
            raw.entity = ent.id if ent is not None else None
        return raw
    if raw.kind == "role":
        found = _resolve_role(ctx, raw, pos)
        return found if found is not None else raw
    if raw.kind == "state":
        return _resolve_state(ctx, raw)
    if raw.kind == "anonymous":
        return Speaker("none")
    low = (raw.text or "").lower()
    single, group = ctx.lex.kind("subject-pronoun"), ctx.lex.kind("group-pronoun")
    if (low in single or low in group) and raw.start >= 0 and _opens_sentence(ctx.text, raw.start):
        # a pronoun opening a sentence goes on with whom the sentence before is about (speakers.yaml)
        named = _person_before(ctx, raw.start, ("PER",) if low in single else ("ORG", "GPE"))
        if named is not None:
            return named
    return _resolve_back(ctx, pos) or Speaker("none")


def _person_before(ctx: Context, pos: int, types: tuple[str, ...] = ("PER",)) -> Speaker | None:
    """The first person (or body or state, for ``mereka``) the actors stage found in the sentence
    before ``pos``, outside quotes: "… perhatian khusus Sekjen PBB Antonio Guterres. Dia meminta …"
    is Guterres, not the speaker quoted two paragraphs earlier; "Kelompok milisi Hizbullah di Libanon
    meluncurkan … . Mereka menyatakan …" is Hizbullah."""
    text = ctx.text
    end = pos
    while end > 0 and text[end - 1] in " \t\n":
        end -= 1
    if end == 0 or text[end - 1] not in ".!?":
        return None
    m = None
    for m in re.finditer(r"[.!?]\s", text[max(0, end - 1 - WINDOW) : end - 1]):
        pass
    start = max(0, end - 1 - WINDOW) + m.end() if m is not None else max(0, end - 1 - WINDOW)
    if any(start <= p < end for p, _ in ctx.history[-3:]):
        return None  # the sentence before reports somebody: the pronoun goes on with that speaker
    for s, e, ent in ctx.overlapping(start, end):
        if ent.type in types and s >= start and not ctx.inside_quote(s):
            return Speaker("name" if ent.type == "PER" else "org", s, e, text[s:e], ent.id)
    return None


def _resolve_role(ctx: Context, raw: Speaker, pos: int) -> Speaker | None:
    """A role phrase names the entity holding that role, else the last speaker mentioned."""
    role_words = {w.lower() for w in (raw.text or "").split()} & ctx.lex.kind("role")
    ent = ctx.entity_at(raw.start, raw.end)
    definite = (raw.text or "").split()[-1:] in (["itu"], ["tersebut"])
    if ent is not None and not definite:
        # (a definite description names somebody before it, not the body or person inside it:
        # "politisi Partai Hanura itu", "anak buah Sri Wahyuni itu")
        return Speaker("name", raw.start, raw.end, raw.text, ent.id)
    best = None
    # the latest person before ``pos`` holding or introduced with the role (a bounded look back); a
    # deputy is never the office holder (kind ``deputy``: "Wakil Bupati" is not the Bupati named before)
    deputy = {_bare(w) for w in (raw.text or "").split()} & ctx.lex.kind("deputy")
    content = {w.lower() for w in (raw.text or "").split()} - set(DEFINITE) if definite else set()
    k = bisect_left(ctx._starts, pos)
    for s, e, ent in reversed(ctx.mentions[max(0, k - LOOK_BACK) : k]):
        if ent.type != "PER":
            continue
        known = {_bare(w) for r in ent.roles for w in r.role.split()} | {_bare(w) for w in ctx.text[max(0, s - 60) : s].split()}
        if definite and not content <= known:
            continue  # "Ketua Umum Partai Buruh tersebut": only a person introduced with all of it
        if role_words & known and bool(deputy & known) == bool(deputy):
            best = Speaker("name", s, e, ctx.text[s:e], ent.id)
            break
    if best is not None:
        return best
    # only a definite or bare role points back ("juru bicara itu", "sang menteri", "Presiden");
    # "Pejabat Rusia" is somebody else, kept as the role phrase itself
    words = [w.lower() for w in (raw.text or "").split()]
    if {"itu", "tersebut", "sang"} & set(words) or all(w in ctx.lex.kind("role") for w in words):
        return _resolve_back(ctx, pos) or raw
    return None


def _bare(word: str) -> str:
    """A word as a role is compared: lower case, no punctuation, no -nya ("wakilnya," → "wakil")."""
    word = word.lower().strip(".,;:()\"“”")
    return word[:-3] if word.endswith("nya") and len(word) > 5 else word


def _resolve_back(ctx: Context, pos: int, window: int = 700) -> Speaker | None:
    """The most recent plausible speaker before ``pos``: a recent quote's speaker, else a person."""
    # the latest entries first, a bounded number of them: the history grows with the text
    for p, sp in reversed(ctx.history[-LOOK_BACK:]):
        if p < pos and pos - p <= window and sp.kind in ("name", "org", "role"):
            return sp
    k = bisect_left(ctx._starts, pos)
    for s, e, ent in reversed(ctx.mentions[max(0, k - LOOK_BACK) : k]):
        if e <= pos and ent.type == "PER" and not ctx.inside_quote(s):
            return Speaker("name", s, e, ctx.text[s:e], ent.id)
    # no entities: the subject (first name) of each preceding sentence, latest sentence first
    lo = max(0, pos - window)
    bounds = [lo] + [m.end() for m in re.finditer(r"[.!?]\s+|\n", ctx.text[lo:pos])]
    ends = bounds[1:] + [pos - lo]
    for b, e_ in reversed(list(zip(bounds, ends))):
        b, e_ = (b if b == lo else lo + b), lo + e_
        for s, e in name_runs(ctx.text, b, e_):
            if ctx.inside_quote(s):
                continue
            sp = run_speaker(ctx, s, e)
            if sp is not None and sp.kind == "name" and not ctx.entity_at(s, e):
                return sp
    older = (sp for p, sp in reversed(ctx.history) if p < pos and sp.kind in ("name", "org", "role"))
    return next(older, None)


_VIA: dict[int, re.Pattern] = {}


def _via_pattern(lex: Lexicon) -> re.Pattern:
    if id(lex) not in _VIA:
        markers = "|".join(re.escape(m) for m in sorted(lex.kind("via"), key=len, reverse=True))
        # markers in any case ("Dilansir dari"), the outlet itself capitalised
        _VIA[id(lex)] = re.compile(
            r"\b(?i:%s)\s+(?i:(?:dari|oleh)\s+)?(?i:(?:laman|situs|kantor berita|media|harian)\s+)?"
            r"([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)" % markers
        )
    return _VIA[id(lex)]


def find_via(ctx: Context, start: int, end: int) -> str | None:
    """An outlet or agency cited in ``text[start:end]``: ``dikutip AFP``, ``seperti dilansir Reuters``."""
    text = ctx.text[start:end]
    low = text.lower()
    if any(marker in low for marker in _via_heads(ctx.lex)):  # a cheap look first: most spans cite none
        for m in _via_pattern(ctx.lex).finditer(ctx.text, start, end):
            name = m.group(1)
            if name[:1].isupper():
                return name
    for outlet in ("kepada", "menurut"):
        if outlet not in low:
            continue
        for m in _OUTLET_AFTER[outlet].finditer(text):
            if m.group(1).lower() in ctx.lex.kind("outlet"):
                return m.group(1)
    return None


_OUTLET_AFTER = {w: re.compile(r"\b(?i:%s)\s+([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)" % w) for w in ("kepada", "menurut")}
_VIA_HEADS: dict[int, tuple[str, ...]] = {}


def _via_heads(lex: Lexicon) -> tuple[str, ...]:
    """The longest word of each via marker ("dikutip" of "seperti dikutip"), lower case."""
    if id(lex) not in _VIA_HEADS:
        _VIA_HEADS[id(lex)] = tuple(sorted({max(m.split(), key=len) for m in lex.kind("via")}))
    return _VIA_HEADS[id(lex)]


def window_start(text: str, start: int, pos: int) -> int:
    """``start``, or a word start at most ``WINDOW`` characters before ``pos`` when it lies further back."""
    if pos - start <= WINDOW:
        return start
    space = text.find(" ", pos - WINDOW, pos)
    return space + 1 if space >= 0 else pos


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _phrase_end(text: str, start: int, limit: int) -> int:
    m = PHRASE_END.search(text, start, limit)
    return m.start() if m else limit


def introduced_before(ctx: Context, opening: int) -> Speaker | None:
    """A quote with no cue opening its paragraph (``opening`` its mark) right after a paragraph that
    reports no statement, neither quoted nor attributed, but tells of a person ("Juru bicara …, Zhao
    Lijian muncul untuk mengkritik Quad …" / "“Klik tertutup …"): the quote is the words of the
    person the last sentence of that paragraph names first ("…, Dewi mengungkap pesan sang putra." /
    "“Gabriel cuma bilang …"), else of the person the paragraph names first; not of the last
    speaker quoted before it. None when that paragraph names nobody or reports a statement."""
    text = ctx.text
    ps = text.rfind("\n", 0, opening) + 1
    if text[ps:opening].strip():
        return None
    prev_e = ps
    while prev_e > 0 and text[prev_e - 1] in " \t\n":
        prev_e -= 1
    if prev_e == 0:
        return None
    prev_s = text.rfind("\n", 0, prev_e) + 1
    if QUOTE_MARK.search(text, prev_s, prev_e) or any(prev_s <= p < ps for p, _ in ctx.history[-LOOK_BACK:]):
        return None
    last = prev_s
    for m in SENTENCE_BREAK.finditer(text, prev_s, prev_e):
        last = m.end()
    people = [(s, e, ent) for s, e, ent in ctx.overlapping(prev_s, prev_e) if ent.type == "PER" and s >= prev_s]
    s, e, ent = next((p for p in people if p[0] >= last), people[0] if people else (0, 0, None))
    return Speaker("name", s, e, text[s:e], ent.id) if ent is not None else None


QUOTE_MARK = re.compile("[\"“”]")
SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+")
