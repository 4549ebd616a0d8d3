"""The API's request and response models: the contract's, plus the rows of the situation queries.

Every response of the API has one of these shapes (``/openapi.json`` is generated from them); an error
is :class:`ErrorResponse`, ``{"error": {"code", "message"}}``.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, Optional, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, field_validator, model_validator

from ..core.contract import ArticleMeta, Document, Span
from ..situation.corrections import TargetKind

PUBLISHED_RE = r"^\d{4}-\d{2}-\d{2}"  # a date, or a timestamp that starts with one (as in JSONL)

T = TypeVar("T")


class _Row(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class Page(BaseModel, Generic[T]):
    """One page of a list: ``next_offset`` is null on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: Optional[int] = None


class ArticleSummary(ArticleMeta):
    origin: Optional[str] = None
    duplicates: list[str] = Field(default_factory=list, description="Ids recorded as duplicates of this article "
                                                                    "(the same text); each resolves to it.")
    n_actors: int = 0
    n_events: int = 0
    n_quotes: int = 0
    n_claims: int = 0


class SituationActor(_Row):
    """One actor across the corpus (its resolved identity)."""

    entity_id: str
    name: str
    kind: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    wikidata: Optional[str] = None
    kb_id: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    affiliation: Optional[str] = None
    n_articles: Optional[int] = None
    n_mentions: Optional[int] = None
    n_events: Optional[int] = None
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None


class ActorMentions(_Row):
    article_id: str
    outlet: Optional[str] = None
    published: Optional[str] = None
    actor_id: str
    name: Optional[str] = None
    role: Optional[str] = None
    mentions: list[Span] = Field(default_factory=list)


class SituationRelation(_Row):
    relation_id: str
    type: str
    subject_entity: Optional[str] = None
    subject_name: Optional[str] = None
    object_entity: Optional[str] = None
    object_name: Optional[str] = None
    object_kind: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    negated: Optional[bool] = None
    n_reports: Optional[int] = None
    n_sources: Optional[int] = None
    first_reported: Optional[str] = None
    evidence: Optional[str] = None
    sources: list["Source"] = Field(default_factory=list, description="Per-article reports (not in /graph).")


class SituationEvent(_Row):
    """One real event: the reports of it merged across articles."""

    event_id: str
    date: Optional[str] = None
    type: str
    mode: Optional[str] = None
    source_entity: Optional[str] = None
    source_name: Optional[str] = None
    target_entity: Optional[str] = None
    target_name: Optional[str] = None
    place_name: Optional[str] = None
    modality: Optional[str] = None
    n_reports: int = 0
    n_sources: int = 0
    outlets: list[str] = Field(default_factory=list)
    confidence: Optional[float] = None
    cameo: Optional[str] = None
    evidence: Optional[str] = None
    place_key: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None


class EventFull(SituationEvent):
    contexts: list[str] = Field(default_factory=list)
    negated: Optional[bool] = None
    country_code: Optional[str] = None
    first_reported: Optional[str] = None
    last_reported: Optional[str] = None
    rule: Optional[str] = None


class Source(_Row):
    """An article that reports a fact, with the span of its evidence (offsets into the article text)."""

    article_id: str
    outlet: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    text: Optional[str] = None


class EventReport(Source):
    report_id: str
    date: Optional[str] = None
    trigger: Optional[str] = None
    source_text: Optional[str] = None
    target_text: Optional[str] = None
    confidence: Optional[float] = None
    rule: Optional[str] = None


class EventDetail(BaseModel):
    event: EventFull
    reports: list[EventReport]
    rule: str


class QuoteRow(_Row):
    article_id: str
    quote_id: str
    speaker_entity: Optional[str] = None
    speaker: Optional[str] = None
    speaker_text: Optional[str] = None
    text: str
    kind: Optional[str] = None
    cue: Optional[str] = None
    start: int
    end: int
    outlet: Optional[str] = None
    published: Optional[str] = None


class ActorProfile(BaseModel):
    actor: SituationActor
    mentions: list[ActorMentions]
    relations: list[SituationRelation]
    events: list[SituationEvent]
    quotes: list[QuoteRow]


class ClaimRow(_Row):
    article_id: str
    claim_id: str
    subject_entity: Optional[str] = None
    subject_text: Optional[str] = None
    property: str
    value: float
    value_max: Optional[float] = None
    unit: Optional[str] = None
    approx: Optional[bool] = None
    place: Optional[str] = None
    attributed_text: Optional[str] = None
    date: Optional[str] = None
    start: int
    end: int
    text: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None


class ContradictionRow(_Row):
    scope: str
    reason: Optional[str] = None
    article_a: str
    claim_a: str
    text_a: Optional[str] = None
    outlet_a: Optional[str] = None
    published_a: Optional[str] = None
    article_b: str
    claim_b: str
    text_b: Optional[str] = None
    outlet_b: Optional[str] = None
    published_b: Optional[str] = None
    start_a: Optional[int] = None
    end_a: Optional[int] = None
    start_b: Optional[int] = None
    end_b: Optional[int] = None


class GraphNode(_Row):
    entity_id: str
    name: Optional[str] = None
    kind: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    wikidata: Optional[str] = None
    n_articles: Optional[int] = None


class GraphEventEdge(_Row):
    source_entity: str
    target_entity: str
    type: str
    n_events: int
    n_reports: Optional[int] = None
    first: Optional[str] = None
    last: Optional[str] = None


class Graph(BaseModel):
    at: Optional[str] = None
    nodes: list[GraphNode]
    relations: list[SituationRelation]
    events: list[GraphEventEdge]
    n_relations: int = Field(description="Relations that held at the date, all of them (``relations`` holds at "
                                         "most ``limit``, the most reported).")
    n_event_edges: int = Field(description="Event edges with at least ``min_events`` events, all of them "
                                           "(``events`` holds at most ``limit``, those with the most events).")
    limit: Optional[int] = Field(None, description="The most relations and event edges sent (none: all).")


class TimelineItem(_Row):
    date: str
    kind: str = Field(description="event, event denied, relation began, relation ended")
    id: str
    type: str
    what: str
    n_sources: Optional[int] = None
    evidence: Optional[str] = None
    modality: Optional[str] = None
    confidence: Optional[float] = None
    negated: Optional[bool] = None
    place_key: Optional[str] = None
    date_text: Optional[str] = Field(default=None, description="The date as the text gives it (2016, 2024-12), when "
                                                               "`date` is a day it was placed on.")
    source_entity: Optional[str] = Field(default=None, description="Who acted (relations: the subject).")
    source_name: Optional[str] = None
    target_entity: Optional[str] = Field(default=None, description="Whom it was done to (relations: the object).")
    target_name: Optional[str] = None
    sources: list[Source] = Field(default_factory=list)


class HistogramBucket(BaseModel):
    bucket: str = Field(description="The day, or the Monday of the week.")
    n: int
    quads: dict[str, int] = Field(description="Entries by PLOVER quad class (relation: relation changes).")


class PlaceRow(_Row):
    place_key: str
    name: str
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country_code: Optional[str] = None
    feature: Optional[str] = None
    n_articles: int = 0
    n_mentions: int = 0
    n_events: int = 0


class CorrectionIn(BaseModel):
    """An analyst's correction: mark the target wrong, or set one field (an actor by id, name or alias;
    empty for none)."""

    model_config = ConfigDict(extra="forbid")

    target_kind: TargetKind
    target_id: str = Field(min_length=1, max_length=300, description="SE… for an event, ARTICLE:QUOTE for a quote, "
                                                                     "ARTICLE:ACTOR for a link, an entity id for an actor.")
    wrong: bool = False
    field: Optional[Literal["type", "source", "target", "speaker", "entity", "name", "kind", "country"]] = None
    value: Optional[str] = Field(default=None, max_length=300)
    author: str = Field(min_length=1, max_length=200, description="Who makes the correction.")
    note: Optional[str] = Field(default=None, max_length=2000)


class Correction(_Row):
    id: str
    target_kind: str
    target_id: str
    action: str = Field(description="wrong, set, or withdraw (then `value` is the id of the correction withdrawn)")
    field: Optional[str] = None
    value: Optional[str] = None
    old_value: Optional[str] = None
    author: str
    note: Optional[str] = None
    created_at: str
    anchors: list[dict[str, Any]] = Field(default_factory=list, description="The per-article facts it was made on.")
    applied_to: int = Field(0, description="How many per-article facts it applies to now.")
    withdrawn_in: Optional[str] = Field(default=None, description="The withdrawal of this correction, if withdrawn.")
    withdrawn_by: Optional[str] = None
    withdrawn_at: Optional[str] = None
    withdrawn_note: Optional[str] = None


class ArticleLink(_Row):
    """An actor of one article and the identity (entity) it is linked to now."""

    actor_id: str
    name: Optional[str] = None
    kind: Optional[str] = None
    entity_id: Optional[str] = None
    entity_name: Optional[str] = None
    entity_kind: Optional[str] = None
    rule: Optional[str] = Field(default=None, description="Why it is linked (or corrected): kb, name, surname, "
                                "fuzzy:SCORE:NAME, descriptive:COUNTRY:own|story|alike (a description such as "
                                "'police', one identity per country), correction.")
    corrections: Optional[list[str]] = Field(default=None, description="The corrections that changed the link.")


class WithdrawalIn(BaseModel):
    """Who withdraws a correction, and why."""

    model_config = ConfigDict(extra="forbid")

    author: str = Field(min_length=1, max_length=200, description="Who withdraws the correction.")
    note: Optional[str] = Field(default=None, max_length=2000)


class SearchHit(_Row):
    """One thing found: an actor (``id`` its entity id), an event (its id), a quote (``ARTICLE:QUOTE``;
    ``article_id``, ``start``, ``end`` its span) or a place (its place key)."""

    kind: str
    id: str
    label: Optional[str] = None
    detail: Optional[str] = None
    date: Optional[str] = None
    type: Optional[str] = Field(default=None, description="The event type, actor kind, quote kind or place feature.")
    article_id: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    score: float


class SearchResults(BaseModel):
    query: str
    terms: list[str] = Field(description="The words searched for (lower case, accents and common words dropped).")
    total: int = Field(description="How many things match (of the kind asked for).")
    by_kind: dict[str, int]
    items: list[SearchHit]
    limit: int
    offset: int
    next_offset: Optional[int] = None


class Report(BaseModel):
    """The situation report of a period (``sitrep report``), with counts by event type."""

    period: dict[str, Optional[str]]
    counts: dict[str, int]
    by_type: dict[str, int]
    articles: dict[str, Any]
    actors: list[dict[str, Any]]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    contradictions: list[dict[str, Any]]
    top_events: list[SituationEvent]
    contradictions_across: list[ContradictionRow]
    failures: int


class Stats(BaseModel):
    version: str
    counts: dict[str, int]
    writable: bool = Field(description="Whether the write endpoints are enabled (a token is configured).")
    max_body_bytes: int
    max_limit: int


class ArticleIn(BaseModel):
    """An article, in the shape of a JSONL line (``sitrep ingest``): plain ``text`` or the content of an
    HTML file (``html``), not both, with your own ``id`` if you have one (else a hash of the text)."""

    model_config = ConfigDict(extra="forbid")

    id: Optional[Union[StrictStr, StrictInt]] = Field(
        default=None, description="Your id for the article (an integer is taken as its decimal string); "
                                  "default: a hash of the text.")
    text: Optional[str] = Field(default=None, description="The article text.")
    html: Optional[str] = Field(default=None, description="An HTML page's content (its main text is read).")
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = Field(default=None, pattern=PUBLISHED_RE,
                                     description="YYYY-MM-DD (a timestamp is cut to its date)")
    source: Optional[str] = Field(default=None, description="The outlet's name.")
    language: Optional[str] = Field(default=None, description='ISO 639-1 ("en", "fr"); default: detected from the text.')

    @field_validator("published")
    @classmethod
    def _real_day(cls, value: Optional[str]) -> Optional[str]:
        from datetime import date

        if value is not None:
            try:
                date.fromisoformat(value[:10])
            except ValueError:
                raise ValueError(f"{value!r} is not a calendar date") from None
        return value

    @model_validator(mode="after")
    def _one_body(self) -> "ArticleIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        body = self.text if self.text is not None else self.html
        if not (body or "").strip():
            raise ValueError("the article is empty")
        return self


class Stored(BaseModel):
    stored: bool = Field(description="False when the article (or its text) was already in the store (nothing new).")
    article_id: str = Field(description="The article's id, as given (or the hash of its text).")
    duplicate_of: Optional[str] = Field(
        default=None, description="When the store holds this text under another id: that id (the document is "
                                  "that article's, and this id now resolves to it).")
    replaced: bool = Field(default=False, description="True when this text replaced a stored one (?replace=true).")
    meta_updated: bool = Field(default=False, description="True when the article was stored already and was "
                                                          "extracted again with new metadata (?update_meta=true).")
    meta_differs: dict[str, list[Optional[str]]] = Field(
        default_factory=dict, description="When already stored: the metadata given now that differs from the "
                                          "stored ({field: [stored, given]}); ?update_meta=true applies it.")
    message: str
    document: Document


for _m in (SituationRelation, ActorProfile, Graph):
    _m.model_rebuild()
