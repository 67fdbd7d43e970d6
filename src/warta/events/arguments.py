"""Source and target of a trigger: actor mentions of the sentence, found from the parse or by position.

Actors are the entity mentions the actors stage linked to a code (``Entity.actor`` or
``country``). A title's country and the person it names form one unit (``Presiden Rusia
Vladimir Putin`` is Putin). Without a dependency parse the rules are positional: the source is
the nearest unit before an active trigger (``oleh X`` or the unit right after a passive one),
the target the first unit after it (or the unit before a passive one); a unit after ``di`` is a
place, not an actor. Coordinated units (``Rusia dan China``) give one event each.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from warta.article import Entity
from warta.events.matcher import CLAUSE_END, Match
from warta.events.words import metonyms, missions, shipped, words
from warta.lang.lemmas import stem
from warta.lang.words import affixes
from warta.resources import load_rules

ACTOR_TYPES = frozenset({"PER", "ORG", "GPE", "NORP"})
PLACE_TYPES = frozenset({"GPE", "LOC"})
# Before a unit, these make it a place rather than an actor.
LOCATIVE = frozenset({"di", "pada", "dalam"})
COORD = frozenset({"dan", "serta", "bersama", "&"})
# The target of a trigger is not looked for past the start of another clause.
TARGET_END = CLAUSE_END | {"bahwa", "sebelum", "setelah", "sesudah", "saat", "ketika", "sambil", "karena", "meskipun",
                           "walaupun", "sehingga", "jika", "apabila", "bila", "kalau", "seandainya"}
# A unit after these is a topic, not a target: "ketegangan soal Ukraina".
TOPIC = frozenset({"soal", "tentang", "mengenai", "terkait", "seputar", "perihal", "masalah", "isu"})
# A unit after these is a news source, not an actor: "dilansir dari Al Jazeera".
CITING = frozenset({"dilansir", "melansir", "dikutip", "mengutip", "menurut", "laman", "situs", "kantor", "pantauan",
                    "berdasarkan"})
# A clause fronted by these has its subject after the comma: "Sejak menyerang Ukraina, Rusia ..."
FRONTED = frozenset({"sejak", "setelah", "sebelum", "saat", "ketika", "usai", "seusai", "sesudah", "menjelang", "selama"})
# Nouns of these types name their agent with "dari": "dukungan dari Saudi", "kecaman dari China",
# "serangan dari Hizbullah".
FROM_AGENT = frozenset({"SUPPORT", "AID", "REQUEST", "ACCUSE", "THREATEN", "REJECT"})
# Dashes: the dateline's end ("ISTANBUL, KOMPAS.TV - Perundingan ..."); a name before one is no agent of a noun after it.
DASHES = frozenset({"-", "--", "–", "—"})
# Prepositions that introduce the target of a noun trigger.
NOUN_TARGET = frozenset({"dengan", "terhadap", "kepada", "ke", "untuk", "bagi", "atas", "antara", "melawan", "dari", "pada"})
SOURCE_START = CLAUSE_END | {"bahwa"}
VERB_PREFIXES = affixes("verb-prefix")  # me-, ber-, di-, ter- (lang/data/affixes.yaml)
PRONOUNS = frozenset({"ia", "dia", "beliau", "mereka", "kami", "kita", "saya", "aku", "pihaknya"})
THIRD_PERSON = frozenset({"ia", "dia", "beliau", "pihaknya"})
FIRST_PERSON = frozenset({"kami", "kita", "saya", "aku"})
SKIP_BEFORE = frozenset({"telah", "sudah", "akan", "pun", "juga", "kemudian", "lalu", "langsung", "mentah-mentah"})
SOURCE_REACH = 20  # tokens: a subject farther back than this is rarely the agent
TARGET_REACH = 12
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
EMBASSY = frozenset({"kedutaan", "kedubes", "konsulat", "kbri"})
# "mengancam ... jika AS dan Korea Selatan melanjutkan latihan": the threatened is the condition's subject
CONDITIONAL = frozenset({"jika", "apabila", "bila", "kalau", "seandainya"})
# "bantuan untuk korban gempa di Turki": the recipient of aid may be a place
RECIPIENT = frozenset({"untuk", "bagi", "kepada"})


@dataclass(slots=True)
class Unit:
    """An actor in a sentence: its head entity and the token range of the whole phrase."""

    start: int
    end: int
    entity: Entity
    head_start: int
    head_end: int
    members: list[Entity] = field(default_factory=list)
    paired: bool = False  # joined to the unit before by a hyphen with no space ("AS-Guyana")

    @property
    def code(self) -> str | None:
        return event_code(self.entity)

    @classmethod
    def of(cls, ent: Entity, start: int = -1, end: int = -1) -> Unit:
        """The unit of one entity, its head the whole span ``start:end`` (-1: named outside the sentence)."""
        return cls(start, end, ent, start, end, [ent])

    def extended(self, end: int) -> Unit:
        """The unit reaching on to ``end`` ("KBRI Yangon", "Duta Besar Rusia untuk AS"), its head and members the same."""
        return Unit(self.start, end, self.entity, self.head_start, self.head_end, self.members)


@dataclass(slots=True)
class Found:
    """The sources and targets found for one trigger, and the pronoun standing for the subject."""

    sources: list[Unit]
    targets: list[Unit]
    pronoun: str | None = None
    relative: bool = False  # the subject is the unnamed head of a relative clause ("warga yang berunjuk rasa")
    undergoer: bool = False  # the subject undergoes the act, its agent unnamed ("Moskow menjadi sasaran serangan")


def _code(ent: Entity) -> str | None:
    return ent.actor or ent.country


@lru_cache(maxsize=1)
def parties() -> dict[str, str]:
    """The organisations that are an event party of their own, by actor code: the code of the coded
    organisation each acts as (``data/events/organisations.yaml``)."""
    entries = load_rules(shipped("organisations.yaml"), key="code",
                         allowed={"code", "party", "note"}, required={"code", "party", "note"})[None]
    return {e["code"]: e["party"] for e in entries}


def _sectored(code: str) -> bool:
    # a country code and one or more three-letter sectors (RUSGOV, USAMIL)
    return len(code) >= 6 and len(code) % 3 == 0 and code.isalpha() and code.isupper()


def event_code(ent: Entity) -> str | None:
    """The code an entity has as an event party: its actor code when that is its country's
    (``USA``, ``RUSGOV``); the country of a body with a home country whose code is its own
    (Houthi and the Reuters agency act as YEM and GBR); a coded organisation or a body of one as
    that organisation (``parties``: UNSC stays UNSC, the ICJ is UN); None for any other
    organisation (WTO, BRICS, Quad: the conventions give them no code)."""
    code = ent.actor or ent.country
    if not code:
        return None
    if ent.country:
        return code if code.startswith(ent.country) else ent.country
    party = parties().get(code)
    if party is not None:
        return code if code.startswith(party) else party
    return code if _sectored(code) else None


def country(ent: Entity) -> str | None:
    """The country (or organisation) of an entity: ``country``, else the actor code without its sector."""
    if ent.country:
        return ent.country
    # a country code and one or more three-letter sectors (RUSGOV, USAMIL); ASEAN or NATO are whole codes
    a = ent.actor
    return a[:3] if a and len(a) >= 6 and len(a) % 3 == 0 and a.isalpha() and a.isupper() else a


def is_organisation(ent: Entity) -> bool:
    """True for an international organisation (NATO, ASEAN, G20, UN): an ORG whose code is no country."""
    code = country(ent)
    return ent.type == "ORG" and bool(code) and not (len(code) == 3 and code.isalpha())


def directional_place(unit: Unit, low: list[str], trigger_start: int | None = None) -> bool:
    """True for a place right after a word of movement (kind ``direction`` in data/events/words.yaml),
    which is where someone goes or comes from, never the one acting: a city or region (with no actor
    code) anywhere ("dibawa ke Jakarta", "dievakuasi dari Khartoum"); with ``trigger_start``, a country
    before the trigger ("layanan visa ke Pakistan ditangguhkan, dan meminta …"), unless it follows a
    delegation noun (kind ``delegation``: "Delegasi dari Jepang bertemu …" is Japan meeting); after a
    noun trigger "dari" names its agent ("bantuan dari Jepang")."""
    if unit.start <= 0 or unit.entity.type not in PLACE_TYPES or low[unit.start - 1] not in words("direction"):
        return False
    if trigger_start is None:
        return not unit.entity.actor
    return unit.end <= trigger_start and not (unit.start > 1 and low[unit.start - 2] in words("delegation"))


def _envoy_title(low: list[str], lo: int, start: int, end: int) -> bool:
    """An envoy's title (kind `envoy`) right before or in the actor ``start:end``: one word ("Dubes") just
    before it, or a whole two-word title ("Duta Besar", "Utusan Khusus") from ``lo``; never "besar" or
    "khusus" alone ("bantuan khusus Jepang untuk Ukraina" is aid, not an envoy)."""
    titles = words("envoy")
    if titles & set(low[max(lo, start - 1):end]):
        return True
    return any(f"{a} {b}" in titles for a, b in zip(low[lo:end], low[lo + 1:end]))


def units(entities: list[Entity], starts: list[int], ends: list[int], low: list[str], sent: tuple[int, int]) -> tuple[list[Unit], list[Unit]]:
    """Actor units and place units of the sentence ``sent`` (token range), in text order."""
    s_tok, e_tok = sent
    lo, hi = starts[s_tok] if s_tok < len(starts) else 0, ends[e_tok - 1] if e_tok else 0
    raw: list[tuple[int, int, Entity]] = []
    mission = missions()  # "KBRI Yangon" acts for Indonesia, not the host state (data/events/words.yaml)
    for ent in entities:
        sending = mission.get(ent.name.split(" ", 1)[0].lower()) if ent.type == "ORG" else None
        if sending:
            ent = replace(ent, country=sending[0], actor=sending[1])
        for m in ent.mentions:
            if m.start >= lo and m.end <= hi and m.via != "dateline":  # "JAKARTA, KOMPAS.com -" acts in nothing
                a = bisect_right(starts, m.start) - 1
                b = bisect_left(ends, m.end) + 1
                raw.append((max(a, s_tok), min(b, e_tok), ent))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    actors: list[Unit] = []
    places: list[Unit] = []
    last_end = -1
    for a, b, ent in raw:
        if a < last_end:
            continue  # nested in a longer mention
        last_end = b
        prev = low[a - 1] if a > s_tok else ""
        prev2 = low[a - 2] if a - 1 > s_tok else ""
        locative = prev in LOCATIVE or (prev2 in LOCATIVE and prev.islower() and prev.isalpha())
        # "berunjuk rasa di depan Kedutaan Besar Jepang": an embassy stands for its state, never a mere place
        locative = locative and low[a] not in EMBASSY
        if ent.type in PLACE_TYPES and prev in mission and actors and actors[-1].end == a:
            # "KBRI Yangon": the city is the mission's seat, part of its name
            actors[-1] = actors[-1].extended(b)
            continue
        if (ent.type == "GPE" and prev == "di" and prev2 in words("local-authority") and ent.actor
                and not (actors and actors[-1].end > a - 2)):
            # "melakukan komunikasi dengan otoritas di Saudi": the authorities of a state are that state
            actors.append(Unit(a - 2, b, ent, a, b, [ent]))
            continue
        if ent.type in PLACE_TYPES and locative:
            places.append(Unit(a, b, ent, a, b))
            continue
        if (prev == "untuk" and actors and actors[-1].end == a - 1
                and _envoy_title(low, max(s_tok, actors[-1].start - 2), actors[-1].start, actors[-1].end)):
            # "Duta Besar Rusia untuk Amerika Serikat, Anatoli Antonov": the host state is part of the title
            actors[-1] = actors[-1].extended(b)
            continue
        if ent.type not in ACTOR_TYPES or not _code(ent) or prev in CITING or prev2 in CITING or prev in words("currency"):
            continue
        if ent.type == "GPE" and ent.name.lower() in metonyms():
            ent = replace(ent, country=None, actor=metonyms()[ent.name.lower()])  # "meminta Brussel": the EU
        unit = Unit.of(ent, a, b)
        if actors:
            p = actors[-1]
            gap = low[p.end:a]
            unit.paired = (len(gap) == 1 and gap[0] in ("-", "–") and ends[p.end - 1] == starts[p.end]
                           and ends[p.end] == starts[a])
            if (ent.type == "PER" and p.entity.type in ("GPE", "ORG") and country(p.entity) == country(ent)
                    and len(gap) <= 1 and all(g == "," for g in gap)):
                # "Presiden Rusia Vladimir Putin", "Menlu Rusia, Sergey Lavrov": the person is the actor
                actors[-1] = Unit(p.start, b, ent, a, b, [ent])
                continue
        actors.append(unit)
    return _apposed(actors, low, sent), _apposed(places, low, sent, actors)


def _closes(low: list[str], end: int, e_tok: int) -> bool:
    """Whether the clause ends at ``end``: the sentence ends, or a word of kind ``state-close`` follows
    (".", ")", "pada", "di", "sejak": a stop, or an adjunct of the same clause)."""
    return end >= e_tok or low[end] in words("state-close")


def _apposed(units_: list[Unit], low: list[str], sent: tuple[int, int], others: list[Unit] | None = None) -> list[Unit]:
    """``units_`` with each city or region (no actor code of its own) that the text follows with its
    state after a comma standing for that state: "ke wilayah dekat Dataran Tinggi Golan, Israel" is
    towards Israel, whatever the gazetteer says of the Golan ("Kota Rafah, Palestina" alike); only
    when the state closes the clause, so not in a list ("Kairo, Mesir, dan Yordania") nor when the
    state opens the next clause ("Usai serangan ke Kharkiv, Amerika Serikat mengecam": its subject),
    and never in a sentence opening with a fronted clause (``FRONTED``)."""
    s_tok, e_tok = sent
    if s_tok < e_tok and low[s_tok] in FRONTED:
        return units_
    candidates = [i for i, u in enumerate(units_) if u.end < e_tok and low[u.end] == "," and not u.entity.actor]
    if not candidates:
        return units_
    pool = units_ if others is None else others
    by_start = {u.start: u for u in pool if u.entity.type == "GPE" and u.entity.actor and u.entity.country}
    out = list(units_)
    for i in candidates:
        u = units_[i]
        v = by_start.get(u.end + 1)
        if v is not None and v.entity.country != u.entity.country and _closes(low, v.end, e_tok):
            out[i] = Unit(u.start, u.end, replace(u.entity, country=v.entity.country), u.head_start, u.head_end, u.members, u.paired)
    return out


@lru_cache(maxsize=1)
def bodies() -> frozenset[str]:
    """Words for an unnamed acting body ("polisi", "aparat", "pemerintah"): ``data/events/bodies.yaml``."""
    entries = load_rules(shipped("bodies.yaml"), key="name", allowed={"name", "note"},
                         required={"name", "note"})[None]
    return frozenset(e["name"] for e in entries)


def with_bodies(actors: list[Unit], low: list[str], sent: tuple[int, int], code: str) -> list[Unit]:
    """``actors`` and a unit standing for ``code`` at each word of an unnamed acting body in the
    sentence ("Polisi menuding …", "ditahan aparat keamanan"), in text order; not inside a name or
    right before one ("pemerintah Malaysia" is the unit Malaysia)."""
    words = bodies()
    taken = {i for u in actors for i in range(u.start, u.end)}
    named = {u.start for u in actors}
    out = list(actors)
    for i in range(*sent):
        if low[i] in words and i not in taken and not named & {i + 1, i + 2}:
            ent = Entity(id="", name=low[i], type="ORG", country=code, actor=code)
            out.append(Unit.of(ent, i, i + 1))
    return sorted(out, key=lambda u: u.start) if len(out) > len(actors) else actors


def doc_lower(i: int, low: list[str]) -> bool:
    """True when token ``i`` is a plain word (not a function word that ends a noun phrase)."""
    return low[i] not in COORD | {"yang", "di", "oleh", "itu", "ini", "akan", "telah", "sudah"}


def verb_tokens(low: list[str], lemmas: list[str], pos: list[str] | None, sent: tuple[int, int]) -> frozenset[int]:
    """The tokens of the sentence that are verbs: the parse tags them VERB and the lemmatiser found their
    root by stripping an affix ("mengakhiri" -> akhir), or AUX; "diplomat", "media", "terminal" (nouns)
    and "terutama" (an adverb) are not, however they open. With no tags (``pos`` None), every word whose
    root the stemmer finds by stripping an affix."""
    s_tok, e_tok = sent
    if pos is None:
        return frozenset(i for i in range(s_tok, e_tok) if low[i].isalpha() and stem(low[i]) != low[i])
    return frozenset(i for i in range(s_tok, e_tok)
                     if pos[i] == "AUX" or (pos[i] == "VERB" and lemmas[i] and lemmas[i] != low[i]))


def _coordinated(left: Unit, right: Unit, low: list[str], triggers: set[int], verbs: frozenset[int]) -> bool:
    gap = low[left.end:right.start]
    if right.paired and gap in (["-"], ["–"]):
        return True  # "latihan gabungan AS-Guyana dikecam Venezuela": a pair of parties is a coordination
    return (0 < len(gap) <= 5 and bool(COORD & set(gap)) and "yang" not in gap
            and not any(t in triggers for t in range(left.end, right.start)) and not CLAUSE_END & set(gap)
            and not _predicate_between(low, left.end, right.start, verbs))


def _predicate_between(low: list[str], start: int, end: int, verbs: frozenset[int]) -> bool:
    """True when a verb (``verb_tokens``) with a me-/ber-/di-/ter- prefix stands between two units joined by
    a coordinator: "invasi ke Ukraina dan membuat marah Beijing", "menyerukan pemerintah Rusia mengakhiri
    pengusiran diplomat dan staf AS" join two predicates or a verb's object, not two parties (an office
    title opening like a verb, "dan Menteri Luar Negeri", is no verb: kind ``title-word``; nor is the
    coordinator "bersama"; nor a word opening the members of a list, "sekutunya, termasuk Iran": kind
    ``list-opener``)."""
    return any(is_verb(low, k, verbs) for k in range(start, end))


def is_verb(low: list[str], k: int, verbs: frozenset[int], after_party: bool = False) -> bool:
    """True when token ``k`` is a verb opening with me-/ber-/di-/ter- (``VERB_PREFIXES``): one of the
    sentence's verbs (``verb_tokens``: the parse and the lemmatiser, not the spelling) and no office
    title word (kind ``title-word``), list opener (kind ``list-opener``) or coordinator: "diplomat",
    "media" (nouns) and "termasuk Iran" (a list's members follow) open like verbs and are none.
    ``after_party``: the word follows a party's name, where a list opener is its predicate ("dan Iran
    termasuk negara yang menolaknya")."""
    w = low[k]
    skip = words("title-word") | COORD | (frozenset() if after_party else words("list-opener"))
    return k in verbs and w.isalpha() and len(w) > 3 and w.startswith(VERB_PREFIXES) and w not in skip


def _listed(left: Unit, right: Unit, low: list[str], triggers: set[int]) -> bool:
    return low[left.end:right.start] == [","] and not any(t in triggers for t in range(left.end, right.start))


def with_conjuncts(units_: list[Unit], idx: int, low: list[str], triggers: set[int], step: int,
                   verbs: frozenset[int]) -> list[Unit]:
    """The unit at ``idx`` with the units coordinated with it ("Rusia dan China"), going ``step`` (+1 right,
    -1 left); ``verbs``: the sentence's verbs (``verb_tokens``), a verb between two units ends the coordination."""
    # a comma links list members only in a list closed by a conjunction ("Inggris, Prancis, dan Jerman"):
    # rightwards the comma-linked units wait for it, leftwards it has already been seen
    out = [units_[idx]]
    pending: list[Unit] = []
    closed = False
    j = idx
    while 0 <= j + step < len(units_):
        a, b = (units_[j + step], units_[j]) if step < 0 else (units_[j], units_[j + step])
        if _coordinated(a, b, low, triggers, verbs):
            closed = True
            j += step
            out += pending + [units_[j]]
            pending = []
        elif _listed(a, b, low, triggers) and (step > 0 or closed):
            j += step
            (pending if step > 0 else out).append(units_[j])
        else:
            break
    return out if step > 0 else out[::-1]


def _left(actors: list[Unit], pos: int, floor: int, low: list[str]) -> int | None:
    """Index of the nearest actor unit ending at or before ``pos`` and starting at or after ``floor``."""
    best = None
    for i, u in enumerate(actors):
        if u.end <= pos and u.start >= floor and pos - u.end <= SOURCE_REACH:
            best = i
    return best


@lru_cache(maxsize=1)
def stepped_over() -> frozenset[str]:
    """The auxiliaries and adverbs stepped over back from a verb to its subject or relative marker."""
    return SKIP_BEFORE | words("chain-adverb")


def _heads_relative(unit: Unit | None, low: list[str], m: Match, s_tok: int) -> bool:
    """False when the verb ``m`` opens a relative clause ("X yang menentang ...") whose head noun is not
    ``unit``: the subject of a verb after "yang" is the noun right before "yang" ("13 drone Ukraina yang
    berusaha menyerang Moskow" is Ukraine's; "kelompok bersenjata yang menentang junta" is the group's,
    not an actor named earlier in the sentence; ``unit`` None: no actor before it). True for a verb that
    opens no relative clause."""
    k = word_before(low, m.start, s_tok, stepped_over())
    if k < s_tok or low[k] != "yang":
        return True
    return unit is not None and (unit.end == k or (unit.end == k - 1 and low[k - 1] == ","))


def word_before(low: list[str], pos: int, s_tok: int, skip: frozenset[str] = SKIP_BEFORE) -> int:
    """The last token before ``pos`` (not before ``s_tok``) that is none of ``skip`` (auxiliaries and
    adverbs: "telah", "akan", "juga"); ``s_tok - 1`` when every token there is one."""
    i = pos - 1
    while i >= s_tok and low[i] in skip:
        i -= 1
    return i


def clause_start(low: list[str], pos: int, s_tok: int, stops=SOURCE_START) -> int:
    """The first token of the clause ending before ``pos``: after the last of ``stops``, at least ``s_tok``."""
    i = pos - 1
    while i >= s_tok and low[i] not in stops:
        i -= 1
    return i + 1


def target_end(low: list[str], pos: int, e_tok: int, next_trigger: int | None, verbs: frozenset[int]) -> int:
    """Where a trigger's target may end, from ``pos``: at a ``TARGET_END`` word, a second predicate (a
    coordinator before a verb, ``is_verb``), the next trigger or ``TARGET_REACH`` tokens."""
    limit = min(e_tok, pos + TARGET_REACH, next_trigger if next_trigger is not None else e_tok)
    i = pos
    while i < limit and low[i] not in TARGET_END:
        # "bertemu Marcos dan membahas akses pasukan AS": a second predicate has its own object
        if low[i] in ("dan", "serta", "lalu") and i + 1 < limit and is_verb(low, i + 1, verbs):
            break
        i += 1
    return i


def positional(m: Match, actors: list[Unit], low: list[str], sent: tuple[int, int], next_trigger: int | None,
               triggers: set[int], verbs: frozenset[int]) -> Found:
    """Sources and targets of ``m`` by position (``verbs``: the sentence's verbs, ``verb_tokens``)."""
    s_tok, e_tok = sent
    floor = clause_start(low, m.start, s_tok)
    # a verb's object may sit inside the trigger's own gap: "ingin Rusia berhenti", "meminta X untuk"
    first = m.end if m.pattern.pos == "noun" else m.head + 1
    right_end = target_end(low, m.end, e_tok, next_trigger, verbs)
    if m.end < e_tok and low[m.end] == "untuk" and m.pattern.pos == "verb":
        right_end = m.end  # "mendesak untuk memotong produksi": no object; the complement's nouns are not it
    after = [i for i, u in enumerate(actors) if first <= u.start < right_end and low[u.start - 1] not in TOPIC
             and not (m.start <= u.start < m.end and u.start <= m.head)]
    for n, i in enumerate(after):
        u = actors[i]
        if (low[u.start - 1] in ("dan", "serta", "sedangkan", "sementara") and u.end < e_tok
                and is_verb(low, u.end, verbs, after_party=True)):
            after = after[:n]  # "menyerukan pemangkasan dan Iran mengisyaratkan": a new clause's subject
            break
    left = _left(actors, m.start, floor, low)
    relative = m.pattern.voice == "active" and m.pattern.pos == "verb" and not _heads_relative(
        actors[left] if left is not None else None, low, m, s_tok)
    if relative:
        left = None  # "kelompok militan yang menentang pemerintahan Assad": the group opposes, not a state named before it
    pronoun = next((t for t in reversed(low[actors[left].end if left is not None else floor:m.start]) if t in PRONOUNS), None)
    antecedent = None
    if pronoun is not None:
        # "rakyat Venezuela, dan kami berharap": the pronoun is the subject, not Venezuela; "dia"/"ia"
        # refers back to the first person named in the sentence ("Pompeo menekankan, dia ingin ...")
        left = None
        if pronoun in THIRD_PERSON:
            # "pihaknya" ("his/its side") may be a body or a state: "Kemlu Rusia mengumumkan pihaknya mengusir ..."
            types = ("PER",) if pronoun != "pihaknya" else ("PER", "ORG", "GPE")
            antecedent = next((u for u in actors if u.entity.type in types and u.end <= m.start), None)
    sources: list[Unit] = []
    targets: list[Unit] = []
    if m.pattern.voice == "passive":
        oleh = [k for k in range(m.end, min(right_end, m.end + 4)) if low[k] == "oleh"]
        # the agent is "oleh X" or a bare noun phrase right after the verb ("ditangkap polisi"), never a
        # preposition's object ("dikerahkan ke Kursk", "diusir dari Natuna")
        agent = [i for i in after if (oleh and actors[i].start > oleh[0]) or (
            not oleh and actors[i].start - m.end <= 2 and low[actors[i].start - 1] not in NOUN_TARGET | words("goal") | LOCATIVE)]
        if agent:
            sources = with_conjuncts(actors, agent[0], low, triggers, +1, verbs)
        elif m.type == "MOBILIZE" and left is not None:
            # "pasukan Korea Utara telah dikerahkan ke Kursk": the forces deployed are their state's, which
            # mobilises them; where they go is the target
            goal = [i for i in after if low[actors[i].start - 1] in words("goal")]
            return Found(with_conjuncts(actors, left, low, triggers, -1, verbs),
                         with_conjuncts(actors, goal[0], low, triggers, +1, verbs) if goal else [])
        k = word_before(low, m.start, s_tok)
        if left is not None and k >= s_tok and low[k] == "yang" and actors[left].end < k - 1:
            left = None  # "perjanjian yang disepakati": the relative clause's subject is the noun before "yang"
        if left is not None:
            targets = with_conjuncts(actors, left, low, triggers, -1, verbs)
        return Found(sources, targets)
    if m.pattern.pos == "noun" and m.type == "CONSULT" and after and actors[after[0]].start == m.end \
            and is_organisation(actors[after[0]].entity) \
            and not any(low[actors[i].start - 1] in NOUN_TARGET for i in after[1:]):
        # "KTT NATO", "pertemuan ASEAN": the organisation meeting is the party met; those attending
        # are the subject before it ("Biden hadir di KTT NATO"), if any ("KTT NATO dengan Ukraina"
        # is NATO meeting Ukraine)
        source = [] if left is None or m.start - actors[left].end > 4 else with_conjuncts(actors, left, low, triggers, -1, verbs)
        return Found(source, [actors[after[0]]])
    if m.pattern.pos == "noun":
        # "serangan Israel terhadap Gaza": a unit right after the noun is its agent
        # ("unjuk rasa warga Indonesia", "penandatanganan perjanjian Indonesia": one common noun between;
        # "pertemuan para pemimpin Rusia dan China": a plural "para" and its noun)
        if after and (actors[after[0]].start == m.end or (
                m.end < actors[after[0]].start <= m.end + 1 + (low[m.end] == "para")
                and all(low[k].isalpha() and low[k] not in NOUN_TARGET | TOPIC and doc_lower(k, low)
                        for k in range(m.end, actors[after[0]].start)))):
            sources = with_conjuncts(actors, after[0], low, triggers, +1, verbs)
            rest = [i for i in after if actors[i] not in sources]
            if rest:
                targets = with_conjuncts(actors, rest[0], low, triggers, +1, verbs)
            return Found(sources, targets)
        # "permintaan resmi oleh Washington": the agent of a noun
        oleh = [k for k in range(m.end, min(right_end, m.end + 3)) if low[k] == "oleh"]
        if oleh:
            agent = [i for i in after if actors[i].start > oleh[0]]
            if agent:
                sources = [actors[agent[0]]]
                rest = [i for i in after if i > agent[0]]
                targets = with_conjuncts(actors, rest[0], low, triggers, +1, verbs) if rest else []
                return Found(sources, targets)
        if m.type in FROM_AGENT:
            agent = [i for i in after if low[actors[i].start - 1] == "dari"]
            if agent:
                rest = [i for i in after if i != agent[0] and low[actors[i].start - 1] in NOUN_TARGET]
                return Found([actors[agent[0]]], [actors[rest[0]]] if rest else ([actors[left]] if left is not None else []))
        if left is not None and m.start - actors[left].end <= 4 and words("suffering") & set(low[actors[left].end:m.start]):
            # "distrik bisnis Moskow menjadi sasaran serangan", "junta menuai kecaman": who undergoes the act
            # is its target, never its agent
            return Found([], with_conjuncts(actors, left, low, triggers, -1, verbs), undergoer=True)
        # otherwise the target must be introduced by a preposition: "pertemuan itu, Pompeo" is no target
        after = [i for i in after if low[actors[i].start - 1] in NOUN_TARGET
                 or (actors[i].start - 2 >= first and low[actors[i].start - 2] in NOUN_TARGET)
                 or (_titled(low, first, actors[i].start, verbs) and (actors[i].entity.type != "GPE" or actors[i].entity.actor))]
    if left is not None and m.pattern.pos == "noun" and (
            m.start - actors[left].end > 4 or any(t in triggers for t in range(actors[left].end, m.start))
            or ((DASHES | {","}) & set(low[actors[left].end:m.start]) and not _parenthetical(low, actors[left].end, m.start))
            or _about(low, actors[left].end, m.start)):
        left = None  # a noun takes its agent from the left only as the object of the subject's verb
    if left is not None:
        sources = with_conjuncts(actors, left, low, triggers, -1, verbs)
    elif antecedent is not None:
        sources = [antecedent]
    elif pronoun is None:
        sources = _fronted_subject(actors, low, m, s_tok, e_tok)
    if not after and next_trigger is not None and next_trigger - m.end <= 1 and not m.entry.absorbs:
        # "berjanji membantu Indonesia": the object of the complement verb is the target of both
        reach = target_end(low, next_trigger + 1, e_tok, None, verbs)
        after = [i for i, u in enumerate(actors) if next_trigger < u.start < reach and low[u.start - 1] not in TOPIC]
    if not after and m.type == "THREATEN":
        cond = next((k for k in range(m.end, e_tok) if low[k] in CONDITIONAL), None)
        if cond is not None:
            after = [i for i, u in enumerate(actors) if cond < u.start <= cond + 2]
    if after:
        targets = with_conjuncts(actors, after[0], low, triggers, +1, verbs)
    return Found(sources, targets, pronoun, relative)


TITLE_REACH = 6  # words of an office title between a preposition and the state it names


def _about(low: list[str], end: int, start: int) -> bool:
    """True when a topic word (``TOPIC``: tentang, mengenai, soal ...) stands between an actor ending at
    ``end`` and the noun trigger at ``start``: the noun is what the actor's verb is about ("Korea Selatan
    menyatakan keprihatinannya tentang larangan ekspor", "menjelaskan mengenai kesepakatan tarif"), not
    its object, so the actor is not its agent. (Prepositions too lowered dev: "berhadapan dengan serangan".)"""
    return bool(TOPIC & set(low[end + 1:start]))


def _parenthetical(low: list[str], end: int, start: int) -> bool:
    """True when the comma right after an actor ending at ``end`` opens an adjunct holding the noun
    trigger at ``start`` (a word of kind ``adjunct-opener`` follows it, and no other comma or dash comes
    before the trigger): "Israel, dalam serangan terbarunya ke Rafah, menewaskan …" keeps Israel as
    the attack's agent."""
    return (end + 1 < start and low[end] == "," and low[end + 1] in words("adjunct-opener")
            and not (DASHES | {","}) & set(low[end + 1:start]))


def _titled(low: list[str], first: int, start: int, verbs: frozenset[int]) -> bool:
    """True when the unit at ``start`` ends an office title introduced by a preposition of a noun's
    target: "pertemuannya dengan Menteri Haji dan Umrah Arab Saudi" (the words between are plain
    words, no verb, clause mark or topic word). The caller keeps states, not a region ending a body's
    name ("antara Kepala Kepolisian Daerah Papua")."""
    for k in range(start - 1, max(first, start - TITLE_REACH) - 1, -1):
        if low[k] in NOUN_TARGET:
            return k < start - 2
        if not low[k].isalpha() or is_verb(low, k, verbs) or low[k] in TARGET_END | TOPIC | {"yang"}:
            return False
    return False


def sufferer(m: Match, units_: list[Unit], low: list[str], s_tok: int, sources: list[Unit]) -> list[Unit]:
    """The one an attack noun strikes when a word of suffering comes just before it (kind ``suffering``):
    "rakyat Palestina yang terdampak perang dan serangan Israel", "kota di Ukraina ... terkena serangan
    rudal Rusia": the last actor or place of another country before that word in the clause."""
    at = next((k for k in range(m.start - 1, max(s_tok, m.start - 4) - 1, -1) if low[k] in words("suffering")), None)
    if at is None:
        return []
    own = {country(u.entity) for u in sources}
    floor = clause_start(low, at, s_tok)
    before = [u for u in units_ if floor <= u.start and u.end <= at and country(u.entity) and country(u.entity) not in own]
    if not before:
        return []
    u = max(before, key=lambda x: x.end)
    return [Unit.of(u.entity, u.start, u.end)]


def recipient_place(m: Match, places: list[Unit], low: list[str], e_tok: int) -> list[Unit]:
    """The place an aid goes to: "mengirimkan bantuan ... untuk korban gempa di Turki" (else nothing)."""
    if m.type != "AID":
        return []
    limit = min(e_tok, m.end + TARGET_REACH)
    for k in range(m.end, limit):
        if low[k] in TARGET_END:
            break
        if low[k] in RECIPIENT:
            return [u for u in places if k < u.start < min(k + 6, limit)][:1]
    return []


def aid_recipient(m: Match, actors: list[Unit], places: list[Unit], low: list[str], e_tok: int,
                  sources: list[Unit]) -> list[Unit]:
    """Aid goes to the country the rest of its sentence names, however the recipients are described:
    "mengirimkan bantuan kemanusiaan untuk korban gempa yang melanda Myanmar", "menyalurkan bantuan ...
    ke daerah Gaza, Palestina": the first actor or place of another country after the trigger."""
    own = {country(u.entity) for u in sources}
    later = sorted((u for u in actors + places if u.start >= m.end and u.start < e_tok), key=lambda u: u.start)
    for u in later:
        code = country(u.entity)
        if code and code not in own and u.entity.type in ("GPE", "LOC") and low[u.start - 1] not in CITING:
            return [Unit.of(u.entity, u.start, u.end)]
    return []


def attacked_place(m: Match, places: list[Unit], low: list[str], e_tok: int, sources: list[Unit],
                   before: frozenset[str] | tuple[str, ...] = ("di", "ke", "terhadap", "atas")) -> list[Unit]:
    """The place an attack strikes stands for its state: "Serangan Israel di Sanaa" is against Yemen,
    "serangan ke Kyiv" against Ukraine (the first place of another country right after the trigger);
    with ``before`` = the `goal` words, the place troops are sent to ("dikerahkan ke Kursk" is towards Russia)."""
    own = {country(u.entity) for u in sources}
    limit = min(e_tok, m.end + TARGET_REACH)
    for u in places:
        if m.end <= u.start < limit and low[u.start - 1] in before \
                and country(u.entity) and country(u.entity) not in own:
            if any(low[k] in TARGET_END for k in range(m.end, u.start)):
                break
            return [Unit.of(u.entity, u.start, u.end)]
    return []


def taken_from(m: Match, actors: list[Unit], low: list[str], e_tok: int, found: Found,
               verbs: frozenset[int]) -> list[Unit]:
    """The side a place is taken from: "tentara Ukraina berhasil merebut Kota Kherson dari Rusia" is an
    attack on Russia, not on the city's Ukraine, by the convention 'retaking or occupying territory →
    ASSAULT'; "dari" (words.yaml kind source-preposition) and a state of another country after an attack verb whose object is a city or region
    (no actor code) or a place of the attacker's own country. Else nothing."""
    own = {country(u.entity) for u in found.sources}
    if m.pattern.pos != "verb" or not own or any(u.entity.actor and country(u.entity) not in own for u in found.targets):
        return []
    end = target_end(low, m.end, e_tok, None, verbs)
    for u in actors:
        if m.end < u.start < end + 2 and low[u.start - 1] in words("source-preposition") and u.entity.actor and country(u.entity) not in own:
            return [u]
    return []


def _fronted_subject(actors: list[Unit], low: list[str], m: Match, s_tok: int, e_tok: int) -> list[Unit]:
    """The subject after a fronted clause: "Sebelum bertemu dengan Pompeo, Putin mengatakan" → Putin."""
    k = m.start - 1
    while k >= s_tok and low[k] not in FRONTED and low[k] not in CLAUSE_END | {","}:
        k -= 1
    if k < s_tok or low[k] not in FRONTED:
        return []
    comma = next((i for i in range(m.end, e_tok) if low[i] == ","), None)
    if comma is None:
        return []
    unit = next((u for u in actors if comma < u.start <= comma + 4), None)
    return [unit] if unit else []


def from_parse(doc, m: Match, actors: list[Unit]) -> Found:
    """Sources and targets from the dependency parse (voice-aware: ``ditangkap Rusia`` has Rusia as agent)."""
    head = doc[m.head]
    sources: list[Unit] = []
    targets: list[Unit] = []
    passive = m.pattern.voice == "passive"

    def unit_of(tok) -> Unit | None:
        for u in actors:
            if u.start <= tok.i < u.end:
                return u
        return None

    for child in head.children:
        if m.start <= child.i < m.end:
            continue  # a word of the trigger itself ("memberlakukan sanksi")
        u = unit_of(child)
        if u is None:
            continue
        dep = child.dep_.lower()
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        if dep.startswith("nsubj"):
            (targets if passive else sources).append(u)
        elif dep == "obj" or dep == "obl:agent" or (dep == "obl" and "oleh" in cases):
            # after a di- verb the bare noun phrase is the agent
            (sources if passive or "oleh" in cases or dep == "obl:agent" else targets).append(u)
        elif dep in ("iobj", "obl") and cases & {"dengan", "terhadap", "kepada", "ke", "untuk", "bagi"}:
            targets.append(u)
    return Found(sources, targets)


def actor_units_in_quote(quote_speaker: str | None, entities: list[Entity]) -> Unit | None:
    """A pseudo-unit for the speaker of a quotation, the source of a subjectless event inside it."""
    if not quote_speaker:
        return None
    for ent in entities:
        if ent.id == quote_speaker and _code(ent):
            return Unit.of(ent)
    return None


def passive_possessor(low: list[str], m: Match, s_tok: int) -> bool:
    """True when a passive trigger's subject is a possessed noun: "seruannya ditolak"."""
    i = word_before(low, m.start, s_tok)
    return i >= s_tok and low[i].endswith("nya") and len(low[i]) > 5
