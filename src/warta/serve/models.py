"""The typed responses of the REST API (pydantic): what `/openapi.json` describes."""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: the items, how many match in all, and where the page starts."""

    items: list[T]
    total: int = Field(description="How many items match the filters in all.")
    limit: int
    offset: int


class Error(BaseModel):
    """Every error: ``{"ok": false, "error": "one line", "status": 404}``."""

    ok: bool = False
    error: str
    status: int


class FailedDocument(BaseModel):
    """A document that failed (``failed``: no article) or whose article was stored with a failed stage
    (``partial``: ``article`` is its id, its ``stage_errors`` say more); ``error`` says why in one line."""

    key: str = Field(description="Where the document came from: its URL, else its path (with :LINE for JSONL).")
    status: Literal["failed", "partial"]
    error: str | None
    article: str | None
    updated_at: str


class ArticleSummary(BaseModel):
    """One article in a list, with the number of items extracted from it."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    entities: int
    quotes: int
    events: int


class EntitySummary(BaseModel):
    """One entity across the store, with the number of articles and mentions."""

    id: str
    name: str
    type: str | None
    country: str | None
    actor: str | None
    articles: int
    mentions: int


class ArticleRef(BaseModel):
    """A link to an article."""

    id: str
    title: str | None
    outlet: str | None = None
    published: str | None = None


class EntityDetail(EntitySummary):
    """One entity: its surfaces with their counts, roles, articles, and its numbers of quotes and events."""

    surfaces: dict[str, int]
    roles: list[str]
    quotes: int
    events: int
    articles: list[ArticleRef]


class QuoteRow(BaseModel):
    """A quote with its article."""

    article_id: str
    article_title: str | None
    outlet: str | None
    published: str | None
    speaker: str | None = Field(description="Entity id of the speaker, when linked.")
    speaker_text: str | None
    text: str
    start: int
    end: int
    direct: bool | None
    cue: str | None
    via: str | None


class EventRow(BaseModel):
    """A PLOVER event with its article."""

    article_id: str
    article_title: str | None
    outlet: str | None
    url: str | None
    date: str | None
    date_precision: str | None
    type: str
    mode: str | None
    quad_class: str | None
    source_entity: str | None
    source_name: str | None
    source_actor: str | None
    target_entity: str | None
    target_name: str | None
    target_actor: str | None
    location: str | None
    negated: bool | None
    planned: bool | None
    trigger_text: str | None
    start: int | None
    end: int | None
    confidence: float | None


class SearchHit(BaseModel):
    """An article found by search; ``title_html`` and ``snippet`` are escaped HTML with ``<mark>`` around hits."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float
    title_html: str
    snippet: str


class SearchPage(Page[SearchHit]):
    """A page of search hits, with the query's word roots."""

    query: str
    terms: list[str]


class Period(BaseModel):
    """Events of one period by quad class, and the signed intensity (cooperation +, conflict −; negated left out)."""

    period: str
    verbal_cooperation: int = Field(alias="verbal-cooperation")
    material_cooperation: int = Field(alias="material-cooperation")
    verbal_conflict: int = Field(alias="verbal-conflict")
    material_conflict: int = Field(alias="material-conflict")
    events: int
    sources: int | None = Field(None, description="Articles reporting them (merged events only).")
    intensity: float

    model_config = {"populate_by_name": True, "serialize_by_alias": True}


class Timeline(BaseModel):
    """The merged events of an actor or a dyad per period: counts by quad class and intensity."""

    actor: str | None
    dyad: str | None
    by: str
    events: int
    sources: int
    periods: list[Period]


class VolumePoint(BaseModel):
    """Articles published in one period."""

    period: str
    articles: int


class Volume(BaseModel):
    """Articles by publication day over the store's last 90 days, and by month over all of it."""

    undated: int
    days: list[VolumePoint]
    months: list[VolumePoint]


class ActorCount(BaseModel):
    """An actor code, the entity names most often behind it, and the number of its events."""

    actor: str
    names: list[str]
    events: int


class DyadLine(BaseModel):
    """A source-target pair, its number of events and its cooperation–conflict line."""

    dyad: str
    source: str
    target: str
    events: int
    merged: bool = Field(description="True: the stories' merged events; false: the articles' own events.")
    intensity: float
    periods: list[Period]


class Dashboard(BaseModel):
    """Totals, volume by day, top actors and top dyads."""

    totals: dict[str, int]
    volume: Volume
    top_actors: list[ActorCount]
    top_dyads: list[DyadLine]


class IngestReport(BaseModel):
    """What an ingest over HTTP did."""

    ok: bool = True
    added: int
    updated: int
    unchanged: int
    failed: int
    partial: int = Field(0, description="Articles stored (added or updated) on which a stage failed; "
                                        "`errors` names the stages.")
    articles: list[str] = Field(description="Ids of the articles stored (added, updated or unchanged).")
    errors: list[str]


class StoryArticle(BaseModel):
    """An article of a story; ``near_duplicate_of`` names the article it copies."""

    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    near_duplicate_of: str | None


class EventParty(BaseModel):
    """The source or target of a merged event."""

    actor: str | None
    name: str | None


class Evidence(BaseModel):
    """Where an article reports a merged event."""

    article: str
    start: int
    end: int
    text: str | None = None


class MergedEvent(BaseModel):
    """One real-world event reported by one or more articles of a story."""

    type: str
    mode: str | None
    quad_class: str | None
    source: EventParty
    target: EventParty
    date: str | None
    date_precision: str | None
    negated: bool
    planned: bool
    sources: int
    evidence: list[Evidence]


class Story(BaseModel):
    """A story: one real-world event across outlets (DESIGN.md shape)."""

    id: str
    title: str | None
    first_seen: str | None
    last_seen: str | None
    articles: list[StoryArticle]
    events: list[MergedEvent]
    summary: str | None


class StorySummary(BaseModel):
    """A story in a list."""

    id: str
    title: str | None
    first_seen: str | None
    last_seen: str | None
    articles: int
    outlets: int
    events: int
    summary: str | None
