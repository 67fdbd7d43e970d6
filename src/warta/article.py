"""The typed records of Warta: one place that defines the JSON article contract.

Every stage imports these records and fills its part of an ``Article``. Fields a stage has
not filled are empty lists or ``None``, never missing. Every extracted item carries ``start`` and
``end`` character offsets into ``Article.body``; the exceptions are the facts of the page furniture:
a time expression with ``Timex.part`` (the title or a removed line) and an entity's ``in_removed``
(``RemovedMention``: a removed line), whose offsets point into that text. Readers of body offsets
take ``body_timex`` and ``Entity.mentions``.
"""

from __future__ import annotations

import copy
import hashlib
import json
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any


_ATOMS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value: Any) -> Any:
    """``dataclasses.asdict`` of a record, the same values and types, in a third of its time (it
    looks up the fields of a class once, and returns strings and numbers as they are instead of
    passing each through ``copy.deepcopy``, which returns them as they are too)."""
    cls = type(value)
    if cls in _ATOMS:
        return value
    names = _FIELD_NAMES.get(cls)
    if names is None and hasattr(cls, "__dataclass_fields__"):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return cls(*[plain(v) for v in value])
    if isinstance(value, (list, tuple)):
        return cls(plain(v) for v in value)
    if isinstance(value, dict):
        return cls((plain(k), plain(v)) for k, v in value.items())
    return copy.deepcopy(value)


def _build(cls, data: dict[str, Any] | None):
    """Build a record from a dict, ignoring keys the record does not know."""
    if data is None:
        return None
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(slots=True)
class Source:
    """Where the raw input came from."""

    path: str | None = None
    url: str | None = None
    line: int | None = None  # line number inside a JSONL file


@dataclass(slots=True)
class RawDocument:
    """One input document as read by ``warta.ingest``, before extraction.

    Exactly one of ``text`` and ``html`` is set. ``title``, ``published`` and ``url`` are
    given by the input (a JSONL line) and win over what the extractor would infer.
    """

    source: Source
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    raw: bytes = b""  # the bytes as read, kept so nothing the user gave is lost
    # what reading changed in the text (a lone surrogate replaced); extraction copies them to the article
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Dateline:
    """The dateline that opens the story: ``MOSKWA, KOMPAS.com -``."""

    place: str | None = None
    agency: str | None = None


@dataclass(slots=True)
class Removed:
    """A line of site furniture dropped from the body, with why."""

    text: str
    reason: str


@dataclass(slots=True)
class StageMark:
    """A document stage that did not complete on this article: ``failed`` (it raised or ran past
    the time budget: ``reason`` says why) or ``skipped`` (it needs what a failed or skipped stage
    should have filled: ``cause`` names that stage, ``reason`` says which field)."""

    stage: str
    status: str  # failed | skipped
    reason: str
    cause: str | None = None  # skipped: the stage whose output was missing


# The statuses of a StageMark.
STAGE_STATUSES = ("failed", "skipped")


@dataclass(slots=True)
class Mention:
    """One surface form of an entity in the body."""

    start: int
    end: int
    text: str
    # actors stage: how the surface was linked (name, alias, surname, partial, typo, role, capital,
    # seat, epithet, ...) and the actor code of this mention when it differs from its entity's
    # (metonymy: "Kremlin" is a mention of Rusia acting as RUSGOV)
    via: str | None = None
    actor: str | None = None


@dataclass(slots=True)
class RemovedMention:
    """A surface form of an entity in a line the extractor removed from the body (a caption, a byline,
    a "Baca juga" link, a photo credit): ``line`` indexes ``Article.removed`` and ``start``/``end``
    are offsets into that line's ``text``, never into ``body``."""

    line: int
    start: int
    end: int
    text: str
    via: str | None = None


@dataclass(slots=True)
class Role:
    """An office an entity holds, as stated in the text or known from the gazetteer."""

    role: str
    country: str | None = None


@dataclass(slots=True)
class Entity:
    """A person, organisation or place, linked to a canonical actor when one is known."""

    id: str
    name: str
    type: str  # PER, ORG, GPE, LOC, EVT, ...
    country: str | None = None
    actor: str | None = None  # event actor code: RUSGOV, USA, NATO, ...
    linked: bool = False  # True when the entity is a gazetteer actor
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # the entity named in removed page furniture (reporters, photographers, outlets in credits, people
    # in "Baca juga" headlines): an entity named only there has no ``mentions``, since ``mentions``
    # offsets always point into the body (events, quotes and evidence highlighting read them)
    in_removed: list[RemovedMention] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entity":
        ent = _build(cls, data)
        ent.roles = [_build(Role, r) for r in data.get("roles") or []]
        ent.mentions = [_build(Mention, m) for m in data.get("mentions") or []]
        ent.in_removed = [_build(RemovedMention, m) for m in data.get("in_removed") or []]
        return ent


@dataclass(slots=True)
class Timex:
    """A temporal expression with its TimeML type and normalised value."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None = None
    # None: in the body. "title" or "removed:N" (article.removed[N]): a date of the page furniture
    # (a dateline, a caption, a "date 2023-08" header), its offsets into that text
    part: str | None = None


@dataclass(slots=True)
class Quote:
    """A statement and who made it."""

    text: str
    start: int
    end: int
    direct: bool
    speaker: str | None = None  # entity id
    speaker_text: str | None = None
    cue: str | None = None
    via: str | None = None
    # None: in the body. "removed:N" (article.removed[N]): a statement in a line the extractor removed
    # (a "Baca juga" headline, a caption, a last paragraph cut off), its offsets into that line's text
    part: str | None = None


@dataclass(slots=True)
class EventActor:
    """The source or target of an event."""

    entity: str | None = None  # entity id
    name: str | None = None
    actor: str | None = None  # actor code: RUS, RUSGOV, NATO


@dataclass(slots=True)
class Span:
    """A piece of the body."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    """A PLOVER-coded event: who did what to whom, when and where."""

    type: str
    trigger: Span
    sentence: list[int]
    source: EventActor = field(default_factory=EventActor)
    target: EventActor = field(default_factory=EventActor)
    mode: str | None = None
    date: str | None = None
    date_precision: str | None = None  # day, month, year, published
    location: str | None = None
    negated: bool = False
    planned: bool = False
    quad_class: str | None = None
    confidence: float = 0.5

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        ev = _build(cls, data)
        ev.trigger = _build(Span, data["trigger"])
        ev.source = _build(EventActor, data.get("source")) or EventActor()
        ev.target = _build(EventActor, data.get("target")) or EventActor()
        return ev


@dataclass(slots=True)
class Article:
    """One news article and everything Warta extracted from it."""

    body: str = ""
    id: str = ""
    source: Source = field(default_factory=Source)
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 with the printed zone
    published_inferred: bool = False
    # the one day the article's relative dates, office tenures and event dates are read against:
    # the publication day, or the day the time stage re-anchored it to (with a warning); set by the
    # time stage alone, read by every stage through ``reference_day``
    reference_date: str | None = None
    dateline: Dateline | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    cited_sources: list[str] = field(default_factory=list)
    language: str | None = None
    kind: str = "article"  # article, video or photo (a video or photo page with text: warta.extract.kinds)
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # the stages that failed or were skipped on this article (empty: every stage of the plan ran);
    # their output fields are incomplete. The same facts are in ``warnings`` as text for people.
    stage_errors: list[StageMark] = field(default_factory=list)
    sentences: list[list[int]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timex: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # extractive summary: {"text": "…", "sentences": [[start, end], …]}, chosen sentences in body order
    summary: dict | None = None

    def __post_init__(self) -> None:
        if not self.id and self.body:
            self.id = article_id(self.body)

    def stage_failure(self) -> str | None:
        """One line saying which stages did not complete (None when every stage of the plan ran): each
        failed stage with its reason, then the stages skipped for want of their output. What the store
        keeps as the document's error (status ``partial``) and the CLI prints."""
        failed = [f"stage {m.stage} failed: {' '.join(m.reason.split())}" for m in self.stage_errors
                  if m.status == "failed"]
        skipped = [m.stage for m in self.stage_errors if m.status != "failed"]
        if not failed and not skipped:
            return None
        return "; ".join(failed + ([f"skipped: {', '.join(skipped)}"] if skipped else []))

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of ``DESIGN.md``, keys in the order it lists them."""
        data = plain(self)
        return {key: data[key] for key in RECORD_ORDER}

    def to_json(self) -> str:
        """The record as one JSON line (``to_dict``, non-ASCII kept): what `warta extract` prints, the store keeps."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        """Rebuild an article from ``to_dict`` output."""
        art = _build(cls, data)
        art.source = _build(Source, data.get("source")) or Source()
        art.dateline = _build(Dateline, data.get("dateline"))
        art.removed = [_build(Removed, r) for r in data.get("removed") or []]
        art.stage_errors = [_build(StageMark, m) for m in data.get("stage_errors") or []]
        art.entities = [Entity.from_dict(e) for e in data.get("entities") or []]
        art.timex = [_build(Timex, t) for t in data.get("timex") or []]
        art.quotes = [_build(Quote, q) for q in data.get("quotes") or []]
        art.events = [Event.from_dict(e) for e in data.get("events") or []]
        return art


def body_timex(article: Article) -> list[Timex]:
    """The time expressions of the body (offsets into ``article.body``), not those of the furniture."""
    return [t for t in article.timex if t.part is None]


def body_quotes(article: Article) -> list[Quote]:
    """The quotations of the body (offsets into ``article.body``), not those of the furniture."""
    return [q for q in article.quotes if q.part is None]


def reference_day(article: Article) -> str | None:
    """``article.reference_date`` (YYYY-MM-DD); before the time stage has run, the publication day."""
    if article.reference_date:
        return article.reference_date
    return article.published[:10] if article.published else None


# Share of the coded mentions that one country must hold for a story to be about that country's own
# affairs, and the fewest coded mentions that can tell.
HOME_SHARE = 0.6
HOME_MIN_MENTIONS = 3


def home_country(entities: list[Entity]) -> str | None:
    """The country whose own affairs a story is about: the one holding at least 60% of the coded
    mentions of ``entities`` (and 3 of them), by ``country`` or the country of the actor code
    (RUSGOV; not NATO or G20); None when no country dominates. The actors stage gives it to unknown people and bodies,
    the events stage to the unnamed parties of domestic acts."""
    counts: dict[str, int] = {}
    for ent in entities:
        code = ent.country or ent.actor
        if code and len(code) >= 6 and len(code) % 3 == 0 and code.isalpha() and code.isupper():
            code = code[:3]  # RUSGOV is RUS; NATO, ASEAN or G20 are no country
        if code and len(code) == 3 and code.isalpha():
            counts[code] = counts.get(code, 0) + len(ent.mentions)
    total = sum(counts.values())
    if not counts or total < HOME_MIN_MENTIONS:
        return None
    home, n = max(counts.items(), key=lambda kv: kv[1])
    return home if n >= HOME_SHARE * total else None


def normalise_for_id(text: str) -> str:
    """Unicode NFC, collapsed whitespace, lower case: what the id is a hash of."""
    return " ".join(unicodedata.normalize("NFC", text).split()).lower()


def article_id(body: str) -> str:
    """Stable id: the first 16 hex digits of the SHA-256 of the normalised body."""
    return hashlib.sha256(normalise_for_id(body).encode("utf-8")).hexdigest()[:16]


# The keys of the article record in the order of DESIGN.md: metadata first, then the body, then
# what the stages extracted from it.
RECORD_ORDER = (
    "id", "source", "outlet", "title", "published", "published_inferred", "reference_date", "dateline",
    "authors", "editors", "tags", "cited_sources", "language", "kind", "body", "removed", "warnings", "stage_errors",
    "sentences", "entities", "timex", "quotes", "events", "summary",
)

# PLOVER's four quad classes, by event type.
QUAD_CLASS = {
    **dict.fromkeys(["AGREE", "CONSULT", "SUPPORT", "CONCEDE"], "verbal-cooperation"),
    **dict.fromkeys(["COOPERATE", "AID", "RETREAT"], "material-cooperation"),
    **dict.fromkeys(["REQUEST", "ACCUSE", "REJECT", "THREATEN"], "verbal-conflict"),
    **dict.fromkeys(["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"], "material-conflict"),
}
EVENT_TYPES = tuple(QUAD_CLASS)
