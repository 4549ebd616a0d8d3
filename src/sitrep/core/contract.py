"""The output contract (../shared/CONTRACT.md) as typed pydantic models.

Everything downstream of the pipeline -- the store, the API, exports, evaluation -- reads these
classes. Fields may be added; the contract's fields keep their names and meaning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional

from datetime import date as _date

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .datafiles import load_data

# The PLOVER ontology is written once, in data/plover.yaml: its event types (in the manual's order) and
# its auxiliary modalities feed the contract's enums, the ontology's validators and the triggers' checks.
_PLOVER = load_data("plover.yaml")
PLOVER_TYPES: tuple[str, ...] = tuple(_PLOVER["types"])
MODALITIES: tuple[str, ...] = tuple(_PLOVER["auxiliary"])

if TYPE_CHECKING:  # type checkers cannot read a Literal built from data
    EventType = str
    Modality = str
else:
    EventType = Literal[PLOVER_TYPES]
    Modality = Literal[MODALITIES]
ActorKind = Literal["state", "organization", "armed_group", "person", "igo", "media", "group", "other"]
QuoteKind = Literal["direct", "partial", "indirect"]
Feature = Literal["city", "region", "country", "other"]
Precision = Literal["day", "month", "year"]
#: how a time expression dates what it governs ("since 2011": since)
TimeRelation = Literal["at", "since", "until", "before", "after"]

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Span(_Model):
    """A stretch of the article text: ``text == article_text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ArticleMeta(_Model):
    id: str
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    language: str = Field(default="en", description="The language the article was read in (ISO 639-1): the "
                          "detected one, or the one given with the article.")
    language_confidence: Optional[float] = Field(
        default=None, ge=0, le=1, description="The language detector's probability that the text is in "
        "`language` (none when no detection ran).")

    @field_validator("published")
    @classmethod
    def _real_date(cls, v: Optional[str]) -> Optional[str]:
        if v is not None:
            _date.fromisoformat(v)  # "2024-02-30" or "0000-00-00" is no date
        return v


class Actor(_Model):
    id: str
    name: str
    kind: ActorKind = "other"
    country: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: Optional[str] = None
    wikidata: Optional[str] = Field(default=None, pattern=r"^Q\d+$")
    aliases: list[str] = Field(default_factory=list)
    role: Optional[str] = None
    affiliation: Optional[str] = None
    mentions: list[Span] = Field(default_factory=list)
    kb_id: Optional[str] = Field(default=None,
                                 description="Knowledge-base entry id, when the actor is known to the KB.")


class ActorRef(_Model):
    actor_id: str
    text: str


class Event(_Model):
    """One act. ``target`` names an actor of the document, or -- when the act is done to a place and no
    actor undergoes it ("shelled the capital Juba") -- one of its places (a ``geo:``/``region:`` id)."""

    id: str
    type: EventType
    mode: Optional[str] = None
    contexts: list[str] = Field(default_factory=list)
    source: Optional[ActorRef] = None
    target: Optional[ActorRef] = None
    negated: bool = False
    modality: Modality = "asserted"
    date: Optional[str] = Field(default=None, pattern=DATE_PATTERN)
    location: Optional[str] = None
    sentence: Span
    trigger: str
    confidence: float = Field(ge=0.0, le=1.0)
    cameo: Optional[str] = None
    evidence: list[Span] = Field(default_factory=list,
                                 description="Every sentence reporting this act (merged mentions).")


class Quote(_Model):
    id: str
    speaker: Optional[ActorRef] = None
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: QuoteKind = "direct"
    cue: Optional[str] = None


class Place(_Model):
    id: str
    name: str
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country_code: Optional[str] = Field(default=None, pattern=r"^[A-Z]{2}$")
    feature: Feature = "other"
    mentions: list[Span] = Field(default_factory=list)


class Claim(_Model):
    """A quantitative claim: a count (people killed, wounded, displaced, detained, kidnapped, released,
    missing; troops; weapons) or a sum of money, with whose it is, where, when and according to whom.

    ``subject`` is whose count it is: an actor of the document ("Russia lost 300 soldiers"), or -- when
    no actor owns the count, a loss counted by an incident ("18 people were killed in Kharkiv", "280,000
    people displaced") -- the place of that incident, one of the document's places (its ``geo:``/
    ``region:`` id in ``actor_id``, its mention in ``text``), the convention of an event's target with no
    actor. Such a count's ``place`` is that place too when its sentence names it (else None: the owner
    is then the place the article last spoke of). ``property`` names what is counted (``dead``,
    ``wounded``, ``displaced``, ``refugees``, ``detained``, ``arrested``, ``kidnapped``, ``released``,
    ``missing``, ``troops``, ``weapons``, money kinds ``aid``/``sanctions``/``budget``/``wealth``, measures
    ``distance``/``area``)."""

    id: str
    subject: ActorRef
    property: str
    value: float
    value_max: Optional[float] = Field(default=None, description="Upper end of a range (\"10-15\").")
    unit: Optional[str] = None
    approx: bool = False
    place: Optional[str] = None
    attributed_to: Optional[ActorRef] = None
    date: Optional[str] = Field(default=None, pattern=DATE_PATTERN)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: Optional[str] = None


class Relation(_Model):
    type: str
    kind: Optional[str] = Field(
        default=None, description="Sub-kind where the text says (supported_by: military, financial, political).")
    subject: ActorRef
    object: ActorRef
    since: Optional[str] = None
    until: Optional[str] = None
    negated: bool = False
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Contradiction(_Model):
    claims: list[str] = Field(min_length=2, max_length=2)
    reason: str


class TimeExpression(_Model):
    """A temporal expression found in the text and resolved against the publication date (added field)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: Optional[str] = Field(default=None, pattern=DATE_PATTERN)
    precision: Optional[Precision] = None
    relation: TimeRelation = "at"


class Document(_Model):
    article: ArticleMeta
    text: Optional[str] = Field(default=None, description="The article text as read; every offset refers to it.")
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    dates: list[TimeExpression] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


def json_schema() -> dict:
    """The JSON Schema of :class:`Document` (what ``sitrep schema`` prints)."""
    return Document.model_json_schema()
