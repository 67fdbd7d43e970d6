"""Document stage `events`: PLOVER event coding from the trigger lexicon, the actors and the time expressions.

``annotate(article, doc)`` finds the triggers of each sentence (``matcher``), their source and
target actors (``arguments``: the parse when there is one, else position), and their
circumstances (``context``), and fills ``article.events``. An event needs both its actors, except
for the types that often have none on one side (``ONE_SIDED``: a protest, a deployment or an
exercise), where one coded actor is enough; a noun trigger always needs both. Prefer no event to a
wrong one: "Rusia mengecam langkah itu" with no actor for "itu" is not coded.
"""

from __future__ import annotations

import re

from bisect import bisect_left
from functools import lru_cache

from spacy.attrs import IDX, LENGTH, POS
from spacy.parts_of_speech import NAMES as POS_NAMES

from warta.article import QUAD_CLASS, Article, Entity, Event, EventActor, Span, body_quotes, home_country
from warta.events import arguments, context, lexicon, matcher, model
from warta.events.arguments import SYMMETRIC, Found, Unit
from warta.events.words import words
from warta.stage import stage

__all__ = ["annotate", "code_events", "ONE_SIDED", "PARSE_SELECT"]

# The sentences whose parse this stage reads (those with a verb trigger, ``matcher.event_sentences``):
# the language layer's parser runs on those only; the pipeline builder passes it as ``parse_select``.
PARSE_SELECT = {"@misc": "warta.event_sentences.v1"}

# Types coded with a single actor. Others need both: a request, a meeting or an accusation without
# its other party is usually a target named elsewhere, and a one-sided guess counts as wrong.
ONE_SIDED = frozenset({"PROTEST", "MOBILIZE"})
# Acts of authority and contention whose other party, in a story about one country's own affairs
# (``warta.article.home_country``), is often left unnamed and is then that country: "AYL ditahan"
# (no agent) is the state detaining; "KPK menahan lima tersangka" is IDN against IDN. Fitted on
# realnews_train (each type kept only when most of what it adds there is right); meetings,
# agreements, aid and support name both their parties, and a deployment often has none (MOBILIZE).
DOMESTIC = frozenset({
    "ACCUSE",    # naming suspects, lawsuits, reports to the police: against people the story leaves unnamed
    "ASSAULT",   # beatings, clashes with unnamed residents or protesters
    "COERCE",    # arrests, detentions, tear gas: the agent of "ditahan" is the state
    "PROTEST",   # demonstrators protest against their own state's bodies
    "REJECT",    # a court rejecting a suit, a party rejecting a bill
    "REQUEST",   # summonses, appeals to "masyarakat", demands on the government
})
# Types whose verb may have no other party at all: a law or a declaration agreed ("DPR menyetujui revisi
# UU Pilkada", "Para pemimpin G20 menyepakati sebuah deklarasi"), coded with a null target as the
# real-news annotators code a law passed (realnews train +2 right of +5, dev +2 of +5; SANCTION, SUPPORT,
# REQUEST, RETREAT and CONSULT alike lowered dev or train F1).
LONE = frozenset({"AGREE"})
# Types whose noun trigger with no side of its own names again the act told before ("Rusia menyerang
# Ukraina ... serangan besar-besaran itu"): it takes the sides of the last event of its type. Fitted on
# realnews_train per type: ASSAULT +11 right of +19 with no reach, +2 of +5 within the reach below (dev
# +1 of +1); CONSULT (0 of +20), AGREE, AID, ACCUSE lower F1.
RESTATED = frozenset({"ASSAULT"})
# How far such a noun reaches back, as an anaphoric noun does: to the act told in its own or the
# previous paragraph, and not when its own sentence dates it to another year ("Pada 1982, bentrokan
# bersenjata pecah"). A bare "serangan" two paragraphs on is as often another attack.
RESTATE_PARAGRAPHS = 1
ANAPHOR_REACH = 600  # characters an anaphor ("ia", "negara itu") may reach back: about two paragraphs


def _actor(unit: Unit | None) -> EventActor:
    if unit is None:
        return EventActor()
    return EventActor(entity=unit.entity.id or None, name=unit.entity.name, actor=unit.code)


def _confidence(m: matcher.Match, source: Unit | None, target: Unit | None) -> float:
    # a verb with both its actors is strong evidence; a noun or a missing side weakens it
    score = 0.35 + (0.2 if m.pattern.pos == "verb" else 0.0) + 0.05 * (m.literal > 1)
    score += 0.15 * (source is not None) + 0.15 * (target is not None)
    return round(min(score, 0.95), 2)


def _quote_speaker(article: Article, start: int, end: int, direct: bool = True) -> Unit | None:
    """The speaker of the quotation (with ``direct`` False, direct or reported) the span is in, as a unit."""
    for q in body_quotes(article):
        if (q.direct or not direct) and q.start <= start and end <= q.end and q.speaker:
            return arguments.actor_units_in_quote(q.speaker, article.entities)
    return None


def code_events(article: Article, doc, lex: lexicon.Lexicon | None = None, *,
                one_sided: frozenset[str] = ONE_SIDED, triggers: model.TriggerModel | None | bool = True) -> list[Event]:
    """The events of an article whose Doc is ``doc``; ``one_sided`` types need only one actor;
    ``triggers`` is the trigger model (``events.model``; True: the shipped one, None: the lexicon alone)."""
    lex = lex or lexicon.load()
    triggers = model.load() if triggers is True else triggers
    body = article.body
    doc_words = matcher.doc_words(doc)
    low = list(doc_words.low)
    offsets = doc.to_array([IDX, LENGTH])
    starts = offsets[:, 0].tolist()
    ends = (offsets[:, 0] + offsets[:, 1]).tolist()
    has_parse = doc.has_annotation("DEP")
    pos = [POS_NAMES[p] for p in doc.to_array([POS]).tolist()] if doc.has_annotation("POS") else None
    lemmas = [w.lemma for w in doc_words.words]
    events: list[Event] = []
    recent: list[Unit] = []  # sources of the events coded so far, latest last, for "langkah tersebut"
    mentions = _mentions(article)
    home = _home_unit(article.entities)
    sents = list(doc.sents)
    found_in = [doc_words.find(lex, doc, s.start, s.end) for s in sents]
    if triggers:  # the learned model retypes lexicon triggers and proposes new ones, all sentences at once
        found_in = model.apply(triggers, found_in, model.Words(doc), [(s.start, s.end) for s in sents], matcher.Match)
    for sent, found in zip(sents, found_in):
        s_tok, e_tok = sent.start, sent.end
        if not found:
            continue
        matches = matcher.resolve(found, low[s_tok:e_tok], offset=s_tok)
        actors, places = arguments.units(article.entities, starts, ends, low, (s_tok, e_tok))
        if home is not None:
            # "Polisi menangkap ...": an unnamed body of the home country is that country
            actors = arguments.with_bodies(actors, low, (s_tok, e_tok), home.code)
        timexes = context.sentence_timex(article, sent.start_char, sent.end_char)
        trigger_tokens = {i for m in matches for i in range(m.start, m.end)}
        verbs = arguments.verb_tokens(low, lemmas, pos, (s_tok, e_tok))
        previous: list[tuple[list[Unit], list[Unit], int]] = []
        last: list[Event] = []  # the events of the previous trigger
        for k, m in enumerate(matches):
            nxt = matches[k + 1].start if k + 1 < len(matches) else None
            args = arguments.positional(m, actors, low, (s_tok, e_tok), nxt, trigger_tokens, verbs)
            if has_parse and m.pattern.pos == "verb" and (not args.sources or not args.targets):
                # position is the primary evidence; the parse fills a side position could not find
                parsed = arguments.from_parse(doc, m, actors)
                args.sources = args.sources or [u for u in parsed.sources if u not in args.targets]
                args.targets = args.targets or [u for u in parsed.targets if u not in args.sources]
            args.sources = [u for u in args.sources if not arguments.directional_place(u, low)]
            args = _inherit(m, args, previous, low, s_tok)
            # after the chain of subjects, which knows its objects where they stand ("ke Venezuela untuk")
            args.sources = [u for u in args.sources if not arguments.directional_place(u, low, m.start)]
            if not args.sources and not args.pronoun and m.pattern.voice == "active" and m.pattern.pos == "verb":
                # "Indonesia dan Malaysia mengatakan ... dan mengharapkan WTO": a predicate after "dan" with no
                # subject of its own shares the sentence's subject
                args.sources = _sentence_subject(actors, low, m, s_tok, args.targets, verbs)
            if m.type == "CONSULT" and low[m.start] in RECEIVE and args.sources and args.targets:
                # "Jokowi menerima kunjungan Albanese": the visitor is the one who consults
                args.sources, args.targets = args.targets, args.sources
            previous.append((args.sources, args.targets, m.end))
            t_start, t_end = starts[m.start], ends[m.end - 1]
            if (not args.sources and args.pronoun in arguments.THIRD_PERSON and m.pattern.voice == "active"
                    and m.pattern.pos == "verb"):
                # "Ia mengatakan ..." opening a sentence: the person named last before it
                args.sources = _last(mentions, starts[m.start], ("PER",), set())
            if (not args.sources and args.pronoun == "mereka" and m.pattern.voice == "active" and m.pattern.pos == "verb"
                    and m.type not in SYMMETRIC):
                # "Mereka juga terus berbagi informasi dengan AS": the body or state named last, not a target's
                args.sources = _last(mentions, starts[m.start], ("GPE", "ORG"), {arguments.country(u.entity) for u in args.targets},
                                     article.body)
            if not args.targets and m.pattern.pos == "verb" and _says_that_country(low, m, e_tok):
                # "sanksi baru di sektor logam negara itu": the country named last, not the source's
                own = {arguments.country(u.entity) for u in args.sources}
                args.targets = _last(mentions, starts[m.start], ("GPE",), own)
            if not args.sources and not args.relative and m.pattern.voice == "active" and m.pattern.pos == "verb":
                # "kedua negara akan bertemu," kata X: the pair named as the subject, before any speaker
                both = _both(low, m, s_tok, mentions, starts, article, events)
                if both and not args.targets and low[m.start - 1] == "saling":
                    # "kedua negara saling menuduh": one event each way
                    events.extend(_events(article, m, Found([both[0]], [both[1]]), places, timexes, low, s_tok,
                                          (sent.start_char, sent.end_char), (t_start, t_end), one_sided))
                    both, args.targets = [both[1]], [both[0]]
                elif len(both) == 2:
                    both = _speaker_first(both, _quote_speaker(article, t_start, t_end, direct=False), args.targets)
                    pair = {arguments.country(u.entity) for u in both}
                    if (m.type in SYMMETRIC or m.entry.symmetric) and all(
                            arguments.country(u.entity) in pair for u in args.targets):
                        # "kedua menteri sepakat mempercepat integrasi sistem Indonesia": the pair are the sides
                        both, args.targets = both[:1], both[1:]
                args.sources = both
            if (not args.sources and not args.relative and m.pattern.voice == "active"
                    and args.pronoun not in arguments.THIRD_PERSON and not _named_subject(low, m, s_tok)):
                # "Kami mau militer Rusia keluar," kata Pompeo: the speaker is the subject
                speaker = _quote_speaker(article, t_start, t_end)
                if speaker:
                    args.sources = [speaker]
            if not args.sources and not args.targets and m.pattern.voice == "passive" and m.pattern.pos == "verb":
                # "sudah disepakati kedua negara": the pair is the agent; the two act together
                both = _both(low, m, s_tok, mentions, starts, article, events, after=True)
                if len(both) == 2:
                    both = _speaker_first(both, _quote_speaker(article, t_start, t_end, direct=False))
                    args.sources, args.targets = both[:1], both[1:]
            if _modifier(m, args):
                # "Rusia melancarkan agresi militer": a body word right after a pattern's noun modifies it; as
                # its object it would have the source act on its own side
                args.targets = args.targets[1:]
            if m.type == "ASSAULT" and (taken := arguments.taken_from(m, actors, low, e_tok, args, verbs)):
                args.targets = taken  # "merebut Kota Kherson dari Rusia": the attack is on whom the city is taken from
            if not args.targets:
                args.targets = _implied_target(m, args.sources, actors, places, low, (s_tok, e_tok), recent, article, events)
            if home is not None and m.type in DOMESTIC and not _points_back(low, m, e_tok, verbs) \
                    and not _foreign(actors + places, home) and not args.undergoer:
                if args.relative and not args.sources:
                    args.sources = [home]  # "warga yang melakukan aksi": unnamed people of the home country
                _domestic(args, home)  # after every other way of finding a side
            if m.pattern.pos == "noun" and m.type in RESTATED and not args.sources and not args.targets:
                args.sources, args.targets = _same_type_sides(m, article, events, t_start,
                                                              context.event_date(article, timexes, t_start, t_end))
            if context.standing_truce(low, m, e_tok):
                continue  # "berlanjut meski ada gencatan senjata": a truce in force, not agreed here
            recent.extend(args.sources)
            alone = one_sided
            if (m.type in LONE or (m.type == "REQUEST" and _act_named(low, m, e_tok))) and args.sources and not args.targets \
                    and _nobody_after(m, actors, low, e_tok):
                alone = one_sided | {m.type}  # "DPR menyetujui revisi UU Pilkada": agreed, with no other party
            coded = _events(article, m, args, places, timexes, low, s_tok, (sent.start_char, sent.end_char),
                            (t_start, t_end), alone)
            if k and _one_act(matches[k - 1], m, low) and _sides(coded) == _sides(last):
                continue  # "ditangkap dan ditahan aparat": one act told with two verbs
            last = coded
            if m.pattern.pos == "noun" and coded and all(_told(c, events) for c in coded):
                continue  # "bertemu Wang di sela-sela KTT ASEAN": the summit's side was coded with the meeting
            if coded and all(_retold(c, events, body) for c in coded):
                continue  # a caption or teaser told again as the lead: one event
            if (m.pattern.pos == "noun" and m.type not in RESTATED and _pointing(low, m, e_tok)
                    and all(any(_same_act(c, e) for e in events) for c in coded)):
                continue  # "pemberian bantuan tersebut": the aid told before, named again
            events.extend(coded)
            if m.type == "CONSULT" and coded and (summit := _sidelines(low, m.end, e_tok)):
                # "bertemu Wang di sela-sela KTT SCO": each side of the meeting attends the summit
                org = [u for u in actors if summit < u.start <= summit + SUMMIT_REACH and arguments.is_organisation(u.entity)][:1]
                seen = {arguments.country(u.entity) for u in org}  # the organisation does not attend itself
                for side in args.sources + args.targets:
                    code = arguments.country(side.entity)
                    if side.start != IMPLIED and code not in seen:
                        seen.add(code)
                        events.extend(_events(article, m, Found([side], org), places, timexes, low, s_tok,
                                              (sent.start_char, sent.end_char), (t_start, t_end), one_sided | {"CONSULT"}))
    return events


def _modifier(m: matcher.Match, args: Found) -> bool:
    """True when the first target is an unnamed body (``arguments.with_bodies``) right after a pattern
    ending in a noun ("melancarkan agresi militer", "melakukan latihan militer") and of the source's own
    country: the word is the noun's modifier ("military"), not the act's object."""
    if m.head >= m.end - 1 or not args.targets or not args.sources:
        return False
    first = args.targets[0]
    return (not first.entity.id and first.start == m.end
            and all(arguments.country(u.entity) == arguments.country(first.entity) for u in args.sources))


RETOLD_SHARE = 0.7  # of the shorter sentence's words a sentence told again shares with the other telling


def _retold(event: Event, events: list[Event], body: str) -> bool:
    """True when an earlier sentence told this sentence already and coded this event (same type and
    sides): a photo caption repeating the lead, a teaser repeating the first paragraph ("Satgas Damai
    Cartenz kembali menangkap seorang ..." / "Bisnis.com, JAKARTA - Satgas Damai Cartenz menangkap
    seseorang ..."). Told again: the two share most words (``RETOLD_SHARE`` of the shorter one's) and
    every capitalised word of the shorter is in the longer, so parallel sentences about different people
    ("AYL ditahan di rutan KPK", "WY ditahan di rutan KPK") are two events."""
    key = (event.type, event.source.actor, event.target.actor)
    here = _sentence_words(body, *event.sentence)
    for e in events:
        if e.sentence != event.sentence and (e.type, e.source.actor, e.target.actor) == key:
            short, long_ = sorted((here, _sentence_words(body, *e.sentence)), key=lambda w: len(w[0]))
            if len(short[0] & long_[0]) >= RETOLD_SHARE * len(short[0]) and short[1] <= long_[0]:
                return True
    return False


def _sentence_words(body: str, start: int, end: int) -> tuple[set[str], set[str]]:
    """(words, capitalised words) of a sentence, lower-cased."""
    tokens = re.findall(r"\w+", body[start:end])
    return {t.lower() for t in tokens}, {t.lower() for t in tokens if t[0].isupper()}


def _pointing(low: list[str], m: matcher.Match, e_tok: int) -> bool:
    """True when a demonstrative closes the noun phrase of the noun trigger ``m`` ("pemberian bantuan
    tersebut", "pengusiran diplomatnya itu", "Kunjungan Blinken ini"): the act is one told before."""
    for w in low[m.end:min(e_tok, m.end + 4)]:
        if w in DEMONSTRATIVES:
            return True
        if not w.isalpha() or w in arguments.NOUN_TARGET or w == "yang":
            return False
    return False


def _same_act(a: Event, b: Event) -> bool:
    """The same type between the same countries (RUSGOV and RUS alike)."""
    side = lambda code: arguments.country(Entity(id="", name="", type="GPE", actor=code)) if code else None
    return a.type == b.type and side(a.source.actor) == side(b.source.actor) and side(a.target.actor) == side(b.target.actor)


def _told(event: Event, events: list[Event]) -> bool:
    """True when an event of the same type and sides was coded before in the same sentence."""
    return any(e.sentence == event.sentence and (e.type, e.source.actor, e.target.actor) ==
               (event.type, event.source.actor, event.target.actor) for e in events)


SUMMIT_REACH = 8  # tokens from the summit word to the organisation it names ("KTT Organisasi Kerja Sama Shanghai")


def _sidelines(low: list[str], end: int, e_tok: int) -> int | None:
    """The token of the summit word when the meeting ending at ``end`` is held on its sidelines ("di sela(-sela)
    KTT APEC", "di sela-sela pertemuan puncak SCO": words.yaml kinds sidelines and summit), else None."""
    for i in range(end, e_tok - 1):
        if low[i] in (";", ":"):
            return None  # within the meeting's own clause, however long ("di Filoli Estate, ..., di sela KTT")
        if low[i] in words("sidelines") and i > 0 and low[i - 1] == "di":
            j = i + 1
            while j < e_tok and (low[j] == "-" or low[j] in words("sidelines")):  # "sela - sela" split at its hyphen
                j += 1
            if j < e_tok and low[j] in words("summit"):
                return j
    return None


def _implied_target(m: matcher.Match, sources: list[Unit], actors: list[Unit], places: list[Unit], low: list[str],
                    sent: tuple[int, int], recent: list[Unit], article: Article, events: list[Event]) -> list[Unit]:
    """The target of a trigger whose position and parse named none, the first of these ways that finds
    one: the place aid goes to, the country aid or an attack reaches, who suffers an attack, where troops
    are sent, the actor an anaphor points back at, the side a mediator meets (else nothing)."""
    s_tok, e_tok = sent
    verb = m.pattern.pos == "verb"
    if verb and (found := arguments.recipient_place(m, places, low, e_tok)):
        return found
    if sources and m.type == "AID" and (m.pattern.pos == "noun" or m.end - m.start > 1):
        # the aid named ("mengirimkan bantuan kemanusiaan untuk korban gempa yang melanda Myanmar"): the
        # country the sentence names after it; a bare "membantu" has its object or nothing
        if found := arguments.aid_recipient(m, actors, places, low, e_tok, sources):
            return found
    if m.type == "ASSAULT" and (found := arguments.attacked_place(m, places, low, e_tok, sources)):
        return found
    if sources and m.type == "ASSAULT" and m.pattern.pos == "noun":
        # "rakyat Palestina yang terdampak perang dan serangan Israel": who suffers the attack
        if found := arguments.sufferer(m, actors + places, low, s_tok, sources):
            return found
    if sources and m.type == "MOBILIZE" and m.pattern.voice == "passive":
        if found := arguments.attacked_place(m, places, low, e_tok, sources, words("goal")):
            return found
    if verb and (found := _anaphoric_target(low, m, e_tok, sources, recent)):
        return found
    if sources and m.type == "CONSULT" and MEDIATE & set(low[m.start:m.end]):
        return _mediated(sources, article, events)
    return []


def _act_named(low: list[str], m: matcher.Match, e_tok: int) -> bool:
    """True when a request's object is the act requested, a noun naming an act (words.yaml kind act-noun:
    "menyerukan gencatan senjata", "mendesak perluasan aliran bantuan", "menuntut pencabutan semua
    hambatan"): a call with no addressee, as a summit's declaration makes. A noun of the same spelling
    that names a body or a person ("meminta perusahaan tambang", "mendesak kedutaan besar") is no act."""
    return m.end < e_tok and low[m.end] in words("act-noun")


def _nobody_after(m: matcher.Match, actors: list[Unit], low: list[str], e_tok: int) -> bool:
    """True for an active verb whose sentence names no actor after it and whose object does not point
    back ("menyetujui revisi UU Pilkada", not "menyetujuinya" nor "menyepakati usulan itu")."""
    return (m.pattern.pos == "verb" and m.pattern.voice == "active" and not any(u.start >= m.end for u in actors)
            and not DEMONSTRATIVES & set(low[m.end:e_tok]) and not low[m.head].endswith("nya"))


def _sentence_subject(actors: list[Unit], low: list[str], m: matcher.Match, s_tok: int, targets: list[Unit],
                      verbs: frozenset[int]) -> list[Unit]:
    """The actors opening the sentence (its subject: "Indonesia dan Malaysia mengatakan ...") for a verb
    right after "dan"/"serta" that has no subject of its own; nothing when the sentence opens otherwise."""
    i = arguments.word_before(low, m.start, s_tok, arguments.SKIP_BEFORE | words("subject-adverb"))
    if i < s_tok or low[i] not in ("dan", "serta") or not actors or actors[0].start > s_tok + 1:
        return []
    first = arguments.with_conjuncts(actors, 0, low, set(), +1, verbs)
    return [u for u in first if u.end <= i and u not in targets]


def _named_subject(low: list[str], m: matcher.Match, s_tok: int) -> bool:
    """True when a noun stands as the subject right before an active verb ("Musuh meluncurkan 40 rudal,"
    ujar Zelensky: the enemy launched them, not the speaker); a pronoun, a clause mark or nothing
    leaves the subject to the speaker ("Kami mau militer Rusia keluar," kata Pompeo), and adverbs of
    kind ``verb-adverb`` are stepped over ("Kami sangat mendukung")."""
    if m.pattern.pos != "verb":
        return False
    skip, not_nouns = _subject_words()
    i = arguments.word_before(low, m.start, s_tok, skip)
    return i >= s_tok and low[i].isalpha() and low[i] not in not_nouns


@lru_cache(maxsize=1)
def _subject_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words stepped over back from a verb to its subject (auxiliaries, adverbs, modals, negators), and
    the words there that are no noun subject (pronouns, demonstratives, coordinators, clause marks)."""
    skip = arguments.stepped_over() | words("verb-adverb") | context.PLANNERS | context.NEGATORS | words("failure")
    return skip, arguments.PRONOUNS | DEMONSTRATIVES | arguments.COORD | arguments.TARGET_END | {"yang", "untuk"}


def _one_act(before: matcher.Match, m: matcher.Match, low: list[str]) -> bool:
    """True when ``m`` is a verb of the same type coordinated with the trigger ``before`` ("ditangkap dan
    ditahan"), or a trigger of the same type right after the verb ``before``, its object ("telah menyetujui
    kesepakatan gencatan senjata": the agreement agreed to is the act the verb reports)."""
    if before.type != m.type or before.pattern.pos != "verb":
        return False
    if m.start == before.end:
        return True
    return m.pattern.pos == "verb" and all(w in ("dan", "serta", ",") for w in low[before.end:m.start]) and m.start > before.end


def _sides(events: list[Event]) -> list[tuple[str | None, str | None]]:
    return [(e.source.actor, e.target.actor) for e in events]


# Words of a mediation: the mediator consults each of the two parties ("dimediasi oleh UEA").
MEDIATE = frozenset({"mediasi", "memediasi", "dimediasi", "memfasilitasi", "difasilitasi", "menengahi", "ditengahi"})
# A meeting trigger opening with these is told from the host's side: the guest is the source.
RECEIVE = frozenset({"menerima"})
# Coordinated subjects of these with no object act on each other, as SYMMETRIC ones do.
CLASH = frozenset({"ASSAULT"})
# More parties than this in the subject of a meeting or an agreement make a multilateral gathering, which the
# real-news conventions code with the organisation, not as the first party meeting each of the others.
MULTILATERAL = 2
IMPLIED = -2  # token position of an actor the text leaves unnamed (the home country)
DEMONSTRATIVES = frozenset({"itu", "tersebut", "ini"})


def _mentions(article: Article) -> list[tuple[int, Entity]]:
    """Coded actor mentions of the article by offset, for anaphors that reach back past the sentence."""
    out = [(mn.start, ent) for ent in article.entities if ent.actor or ent.country for mn in ent.mentions
           if mn.via != "dateline"]
    out.sort(key=lambda x: x[0])
    return out


def _last(mentions: list[tuple[int, Entity]], before: int, types: tuple[str, ...], exclude: set,
          body: str | None = None) -> list[Unit]:
    """The entity of the last mention of one of ``types`` before offset ``before``, as a unit; with
    ``body``, not a place where ("mereka kalah di Kota Kherson dan ... mereka terpaksa angkat kaki":
    "mereka" are the troops named before, not the city)."""
    i = bisect_left(mentions, before, key=lambda x: x[0]) - 1
    while i >= 0 and before - mentions[i][0] < ANAPHOR_REACH:
        ent = mentions[i][1]
        if (ent.type in types and arguments.country(ent) not in exclude
                and not (body is not None and (_locative(body, mentions[i][0]) or _cited(body, mentions[i][0])))):
            return [Unit.of(ent)]
        i -= 1
    return []


def _pair_at(low: list[str], lo: int, hi: int, symmetric: bool) -> int | None:
    """The first token in ``lo:hi`` of a phrase naming the two sides ("kedua negara", "masing-masing pihak",
    "keduanya"; kinds pair-determiner, pair-noun, pair-pronoun of data/events/words.yaml), or of "mereka"
    when the act is one done together (a meeting, an agreement)."""
    determiners, nouns = words("pair-determiner"), words("pair-noun")
    for k in range(hi - 1, lo - 1, -1):  # the nearest before the trigger; a nearer pronoun is the subject
        # "dari dua negara" points back at the pair; a bare "dua" counts ("solusi dua negara")
        pointing = low[k] in determiners or (low[k] in words("pair-numeral") and k > 0
                                             and low[k - 1] in words("pair-preposition"))
        if pointing and k + 1 < len(low) and low[k + 1] in nouns:
            return k
        if low[k] in words("pair-pronoun") or (symmetric and low[k] == "mereka"):
            return k
        if low[k] in arguments.PRONOUNS:
            return None  # "Kedua menteri sepakat ..., serta kami sepakat": "kami" is the second's subject
    return None


def _both(low: list[str], m: matcher.Match, s_tok: int, mentions: list[tuple[int, Entity]], starts: list[int],
          article: Article, events: list[Event], after: bool = False) -> list[Unit]:
    """For "kedua negara" (or "keduanya", or "mereka" meeting or agreeing) as the subject, or with
    ``after`` as the agent right after a passive ("disepakati kedua negara"): the two sides of the last
    two-sided event, else the last two actors of different countries named before (the one named first leads)."""
    symmetric = m.type in SYMMETRIC or m.entry.symmetric
    if after:
        lo = m.end + (m.end < len(low) and low[m.end] == "oleh")
        at = _pair_at(low, lo, min(lo + 1, len(low)), False)
    else:
        at = _pair_at(low, arguments.clause_start(low, m.start, s_tok), m.start, symmetric)
    if at is None:
        return []
    by_id = {e.id: e for e in article.entities}
    # "kedua negara" are two states (three-letter codes), not ASEAN or NATO
    fits = (lambda c: bool(c) and len(c) == 3) if at + 1 < len(low) and low[at + 1] == "negara" else bool
    for ev in reversed(events):
        if MEDIATE & set(ev.trigger.text.lower().split()):
            continue  # a mediator consulting one side is not the pair
        src, tgt = by_id.get(ev.source.entity or ""), by_id.get(ev.target.entity or "")
        if src and tgt and arguments.country(src) != arguments.country(tgt) and all(
                fits(arguments.country(e)) for e in (src, tgt)):
            return [Unit.of(e) for e in (src, tgt)]
    found: list[Entity] = []
    i = bisect_left(mentions, starts[at], key=lambda x: x[0]) - 1
    while i >= 0 and starts[at] - mentions[i][0] < ANAPHOR_REACH and len(found) < 2:
        ent = mentions[i][1]
        if (ent.type in ("PER", "GPE", "ORG") and fits(arguments.country(ent)) and not _locative(article.body, mentions[i][0])
                and all(arguments.country(e) != arguments.country(ent) for e in found)):
            found.append(ent)
        i -= 1
    if len(found) < 2:
        return []
    # the one named first leads, as with "Blinken dan Lavrov akan bertemu" (a later "kata Kemlu India" does not)
    window = [(a, x) for a, x in mentions if starts[at] - ANAPHOR_REACH < a < starts[at]]
    first = {arguments.country(e): min(a for a, x in window if arguments.country(x) == arguments.country(e))
             for e in found}
    return [Unit.of(e) for e in sorted(found, key=lambda e: first[arguments.country(e)])]


def _speaker_first(pair: list[Unit], speaker: Unit | None, targets: list[Unit] = ()) -> list[Unit]:
    """The two sides of "kedua negara sepakat" in order: in a statement the speaker's side leads ("kedua
    pemimpin sepakat ...," kata Kementerian Luar Negeri India: India first), as the annotators code it;
    else a side the trigger has as its object is the target ("Keduanya mengadakan pertemuan di ... Rusia")."""
    if speaker is not None:
        if arguments.country(speaker.entity) == arguments.country(pair[1].entity):
            return [pair[1], pair[0]]
        if arguments.country(speaker.entity) == arguments.country(pair[0].entity):
            return pair
    if targets and arguments.country(targets[0].entity) == arguments.country(pair[0].entity):
        return [pair[1], pair[0]]
    return pair


def _words_before(body: str, at: int) -> list[str]:
    """The lower-cased words of the 30 characters before ``at``."""
    return body[max(0, at - 30):at].lower().split()


def _cited(body: str, at: int) -> bool:
    """True when the mention at ``at`` is a news source: a citing word just before it ("dikutip dari
    Reuters", "seperti dilansir Al Jazeera")."""
    return bool(arguments.CITING & set(_words_before(body, at)[-2:]))


def _locative(body: str, at: int) -> bool:
    """True when the mention at ``at`` follows "di" ("di Istanbul, Turki"): a place where, not a side."""
    before = _words_before(body, at)
    return bool(before) and before[-1] in arguments.LOCATIVE or (len(before) > 1 and before[-2] in arguments.LOCATIVE
                                                                  and before[-1].endswith(","))


def _home_unit(entities: list[Entity]) -> Unit | None:
    """The home country of the story (``warta.article.home_country``) as an implied actor: its own
    entity when the text names it, else an actor with the code alone."""
    home = home_country(entities)
    if home is None:
        return None
    ent = next((e for e in entities if e.type == "GPE" and e.actor == home), None)
    return Unit(IMPLIED, IMPLIED, ent or Entity(id="", name=home, type="GPE", country=home, actor=home), IMPLIED, IMPLIED)


def _points_back(low: list[str], m: matcher.Match, e_tok: int, verbs: frozenset[int]) -> bool:
    """True when the trigger's object is a noun phrase pointing back ("menuduh para diplomat itu"): its
    party was named before, and need not be the home country."""
    end = arguments.target_end(low, m.end, e_tok, None, verbs)
    return bool(DEMONSTRATIVES & set(low[m.end:min(end, m.end + 4)]))


def _foreign(units_: list[Unit], home: Unit) -> bool:
    """True when the sentence names a state of another country than the home one, as an actor ("Rusia
    kembali mengguncang Ukraina dengan serangan udara") or as a place ("kota besar di Ukraina yang diduduki
    Moskow"): its unnamed party is not the home country then."""
    code = arguments.country(home.entity)
    return any(u.entity.type == "GPE" and u.entity.actor and arguments.country(u.entity) != code for u in units_)


def _domestic(args: Found, home: Unit) -> None:
    """An act of the home country's own people or bodies with the other party unnamed: that party is
    the home country ("KPK menahan lima tersangka": IDN → IDN; "AYL ditahan": IDN → AYL)."""
    code = arguments.country(home.entity)
    if args.sources and not args.targets and all(arguments.country(u.entity) == code for u in args.sources):
        args.targets = [home]
    elif args.targets and not args.sources and all(arguments.country(u.entity) == code for u in args.targets):
        args.sources = [home]


def _mediated(mediators: list[Unit], article: Article, events: list[Event]) -> list[Unit]:
    """The parties a mediation is between: the sides of the last two-sided event before it ("Rusia dan
    Ukraina menukar tawanan ... melalui perjanjian yang dimediasi oleh UEA"), other than the mediators;
    however far back, as a mediation is about the story's conflict."""
    own = {arguments.country(u.entity) for u in mediators}
    by_id = {e.id: e for e in article.entities}
    for ev in reversed(events):
        sides = [by_id.get(ev.source.entity or ""), by_id.get(ev.target.entity or "")]
        if all(sides) and arguments.country(sides[0]) != arguments.country(sides[1]):
            return [Unit.of(e) for e in sides if arguments.country(e) not in own]
    return []


def _says_that_country(low: list[str], m: matcher.Match, e_tok: int) -> bool:
    window = low[m.end:min(e_tok, m.end + 8)]
    return any(w in ("negara", "pemerintah") and i + 1 < len(window) and window[i + 1] in ("itu", "tersebut")
               for i, w in enumerate(window))


def _anaphoric_target(low: list[str], m: matcher.Match, e_tok: int, sources: list[Unit], recent: list[Unit]) -> list[Unit]:
    """For "Rusia mengecam langkah tersebut": the actor of the act referred to, the last other source coded."""
    window = low[m.end:min(e_tok, m.end + 3)]
    # "China berjanji akan membalas": a retaliation is against the one who acted last (kind retaliation)
    answer = words("retaliation") & set(low[m.start:m.end])
    # "mengecamnya": the enclitic object points back, as "langkah tersebut" does (kind pointing-clitic)
    clitic = low[m.head].endswith(tuple(words("pointing-clitic"))) and m.pattern.pos == "verb"
    if not (DEMONSTRATIVES & set(window) or answer or clitic):
        return []
    own = {arguments.country(u.entity) for u in sources}
    for unit in reversed(recent[-6:]):  # the last few events only: an anaphor points close by
        if arguments.country(unit.entity) not in own:
            return [unit]
    return []


def _inherit(m: matcher.Match, args: Found, previous: list, low: list[str], s_tok: int) -> Found:
    """Share the subject of a chain of triggers, and resolve a passive's possessed subject."""
    if not previous or m.pattern.pos == "noun":
        return args  # a noun's actors are its own (genitive, preposition): no chain of subjects
    prev_sources, prev_targets, previous_end = previous[-1]
    for p_sources, p_targets, _ in reversed(previous):
        if p_sources and args.sources and all(u in p_targets for u in args.sources):
            prev_sources, prev_targets = p_sources, p_targets  # the chain's subject, however far back
            break
    if m.pattern.voice == "passive":
        if not args.targets and arguments.passive_possessor(low, m, s_tok) and prev_sources:
            args.targets = list(prev_sources)  # "X mendesak ..., tetapi seruannya ditolak": the call was X's
        return args
    if "yang" in low[previous_end:m.start]:
        return args  # a relative clause has its own subject: "keputusan AS yang keluar dari perjanjian"
    i = arguments.word_before(low, m.start, s_tok, arguments.SKIP_BEFORE | words("chain-adverb"))
    if prev_sources and i >= s_tok and low[i] in ("dan", "serta", "lalu", "kemudian") and i >= previous_end:
        args.sources = list(prev_sources)  # "AS tidak akan mengakui ... dan akan tetap menerapkan sanksi"
        args.targets = [u for u in args.targets if u not in args.sources]
        return args
    if args.sources and prev_sources and all(u in prev_targets for u in args.sources) and not m.asked:
        # "Rusia mengirimkan pasukan ke Venezuela untuk memberi dukungan": Venezuela is the last
        # event's object, the subject of the chain is still Rusia; but the act a request names is
        # its addressee's ("Indonesia mendesak PBB untuk mengirim pasukan": PBB would send them)
        args.sources = list(prev_sources)
    return args


def _events(article, m, args: Found, places, timexes, low, s_tok, sentence, trigger, one_sided) -> list[Event]:
    sources, targets = args.sources, args.targets
    if not targets and len(sources) > 1 and (m.type in SYMMETRIC | CLASH or m.entry.symmetric
                                             or all(u.paired for u in sources[1:])):
        # "Blinken dan Lavrov akan bertemu": a meeting of the two, the first named leads; so does a
        # clash ("Rusia dan Ukraina telah berperang") and a pair acting together ("latihan AS-Guyana")
        if len({arguments.country(u.entity) for u in sources}) > MULTILATERAL and m.type in SYMMETRIC:
            return []  # "lima negara BRICS yaitu Brazil, Rusia, India, Cina dan Afrika Selatan akan bertemu": a gathering, not the first meeting each
        sources, targets = sources[:1], sources[1:]
    elif (not sources and len(targets) > 1 and m.pattern.pos == "noun" and m.type in CLASH
          and len({arguments.country(u.entity) for u in targets}) <= MULTILATERAL):
        # "bentrokan bersenjata antara Israel dan Palestina": the two sides a clash is between, the first leads
        # (meetings too gained on train but lost on dev: a meeting noun with no agent is often one told before)
        sources, targets = targets[:1], targets[1:]
    pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
    floor = arguments.clause_start(low, m.start, s_tok)
    if context.hypothetical(low, m.start, s_tok):
        return []  # "jika Swedia bergabung dengan NATO": a supposed act is no event
    if m.pattern.pos == "verb" and context.attributive(low, m.start, m.head, s_tok, {u.end for u in sources + targets if u.entity.id}):
        return []  # "kelompok bersenjata yang menentang junta": a stance describing the group, no act
    left_actor = max((u.end for u in sources if u.end <= m.start), default=floor)
    negated, planned = context.modality(low, m.start, max(floor, left_actor))
    date, precision = context.event_date(article, timexes, *trigger)
    location = _location(places, m)
    out = []
    # an actor is not its own target, nor is a place of its own country ("TNI ... ke perairan Natuna"),
    # except as the people a domestic act is aimed at ("meminta masyarakat Indonesia tenang")
    own_place = m.type not in DOMESTIC
    same = [(s, t) for s, t in pairs if s is not None and t is not None and t.start != IMPLIED and (s.entity.id and s.entity.id == t.entity.id or (
        own_place and t.entity.type in ("GPE", "LOC") and arguments.country(s.entity) == arguments.country(t.entity)))]
    pairs = [p for p in pairs if p not in same] or [(s, None) for s, _ in same]
    for source, target in pairs:
        if source is None and target is None:
            continue  # no event without an actor: prefer none to a wrong one
        if (source is None or target is None) and (m.pattern.pos == "noun" or m.type not in one_sided):
            continue
        out.append(Event(
            type=m.type, mode=m.entry.mode, source=_actor(source), target=_actor(target),
            date=date, date_precision=precision, location=location,
            negated=negated or m.negated, planned=planned or m.planned, quad_class=QUAD_CLASS[m.type],
            trigger=Span(trigger[0], trigger[1], article.body[trigger[0]:trigger[1]]),
            sentence=list(sentence), confidence=_confidence(m, source, target),
        ))
    return out


def _location(places: list[Unit], m: matcher.Match) -> str | None:
    if not places:
        return None
    nearest = min(places, key=lambda u: abs(u.start - m.end) if u.start >= m.end else abs(m.start - u.end))
    return nearest.entity.name


@stage("events", requires=["entities", "quotes", "timex", "reference_date"], fills=["events"],
       parse_select=PARSE_SELECT)
def annotate(article: Article, doc) -> Article:
    """Fill ``article.events`` with the PLOVER events of the article."""
    article.events = code_events(article, doc)
    return article


def _same_type_sides(m: matcher.Match, article: Article, events: list[Event], at: int,
                     date: tuple[str | None, str | None]) -> tuple[list[Unit], list[Unit]]:
    """For a noun trigger at ``at`` with no side of its own ("serangan besar-besaran", "bentrokan bersenjata")
    and its ``date`` (value, precision): the sides of the last two-sided event of its type before it, the
    act the noun names again, when that act is within ``RESTATE_PARAGRAPHS`` and of no other date."""
    by_id = {e.id: e for e in article.entities}
    for ev in reversed(events):
        if ev.type != m.type or ev.negated:
            continue
        if not _restates(article.body, ev, at, date):
            return [], []
        src, tgt = by_id.get(ev.source.entity or ""), by_id.get(ev.target.entity or "")
        if src and tgt:
            return [Unit.of(src)], [Unit.of(tgt)]
        return [], []
    return [], []


def _restates(body: str, ev: Event, at: int, date: tuple[str | None, str | None]) -> bool:
    """Whether a noun at ``at`` may name ``ev`` again: at most ``RESTATE_PARAGRAPHS`` paragraph breaks (lines
    of the body) after its trigger, and no other year in its own sentence ("Pada 1982, bentrokan" is not
    an attack of 2024; days and weeks are left alone: "Senin" and "pekan lalu" resolve loosely)."""
    if len(re.findall(r"\n+", body[ev.trigger.start:at])) > RESTATE_PARAGRAPHS:
        return False
    value, precision = date
    if precision in (None, "published") or not value or not ev.date:
        return True
    return value[:4] == ev.date[:4]
