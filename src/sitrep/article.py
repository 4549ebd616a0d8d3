"""The data that flows through the pipeline: an :class:`Article` in, its :class:`ArticleState` growing
stage by stage, a :class:`~sitrep.contract.Document` out (or a :class:`Failure` with its reason).

Stages communicate only through the named fields of :class:`ArticleState`; each stage declares which
fields it needs and which it assigns (see :mod:`sitrep.stages.base`).
"""

from __future__ import annotations

import bisect
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Optional

from .contract import (
    Actor, ActorRef, ArticleMeta, Claim, Contradiction, Document, Event, Place, Quote, Relation,
    TimeExpression,
)


def normalise_text(text: str) -> str:
    """The one normalisation every text gets before any offset is taken: Unicode NFC, ``\\n`` line
    endings, no BOM, no NUL characters, trailing whitespace of the whole text removed."""
    text = text.replace("\ufeff", "").replace("\x00", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", text)
    return text.strip()


def content_id(text: str) -> str:
    """A stable id for an article without one: a hash of its normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """One news article as read: normalised text plus metadata."""

    text: str
    id: str = ""
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    language: str = "en"
    origin: Optional[str] = None  # where it was read from (path, path:line)

    def __post_init__(self) -> None:
        self.text = normalise_text(self.text)
        if not self.id:
            self.id = content_id(self.text)
        if self.published is not None:
            from datetime import date

            from .errors import MalformedRecordError

            try:
                date.fromisoformat(self.published)
            except (TypeError, ValueError):
                raise MalformedRecordError(f"publication date {self.published!r} is not a date YYYY-MM-DD",
                                           article_id=self.id, path=self.origin) from None

    def meta(self) -> ArticleMeta:
        return ArticleMeta(id=self.id, title=self.title, source=self.source, url=self.url,
                           published=self.published, language=self.language)


@dataclass
class Failure:
    """An article (or an input) that could not be processed, with its reason. Never silently lost."""

    article_id: Optional[str]
    origin: Optional[str]
    stage: str
    code: str
    reason: str

    @classmethod
    def from_error(cls, err: Exception, *, article_id: Optional[str] = None, origin: Optional[str] = None,
                   stage: Optional[str] = None) -> "Failure":
        from .errors import SitrepError

        if isinstance(err, SitrepError):
            return cls(article_id=err.article_id or article_id, origin=err.path or origin,
                       stage=err.stage or stage or "unknown", code=err.code, reason=err.message)
        return cls(article_id=article_id, origin=origin, stage=stage or "unknown", code="E201",
                   reason=f"{type(err).__name__}: {err}")

    def describe(self) -> str:
        where = self.origin or self.article_id or "?"
        return f"{where}: [{self.code}] {self.reason} (stage {self.stage})"


@dataclass
class Mention:
    """One mention of an actor in the text, as resolved by the actors stage."""

    start: int
    end: int
    actor_id: str
    text: str
    #: how the mention names its actor: "name" (a KB or proper name), "alias", "acronym",
    #: "metonym" (a capital or seat of power standing for a government: "Moscow said"),
    #: "demonym" ("Russian officials"), "title" ("the Pentagon spokesman"), "pronoun", "agent"
    #: (a generic agent: "rebels").
    how: str = "name"

    def ref(self) -> ActorRef:
        return ActorRef(actor_id=self.actor_id, text=self.text)


@dataclass
class PlaceMention:
    start: int
    end: int
    place_id: str
    text: str


@dataclass
class ArticleState:
    """An article on its way through the pipeline. Each field is assigned by one stage."""

    article: Article
    doc: Any = None                                   # spaCy Doc (nlp)
    sentences: list[tuple[int, int]] = field(default_factory=list)   # (start, end) char spans (nlp)
    actors: list[Actor] = field(default_factory=list)                # (actors)
    mentions: list[Mention] = field(default_factory=list)            # sorted by start (actors)
    places: list[Place] = field(default_factory=list)                # (places)
    place_mentions: list[PlaceMention] = field(default_factory=list)  # sorted by start (places)
    dates: list[TimeExpression] = field(default_factory=list)        # (dates)
    events: list[Event] = field(default_factory=list)                # (events)
    quotes: list[Quote] = field(default_factory=list)                # (quotes)
    claims: list[Claim] = field(default_factory=list)                # (claims)
    relations: list[Relation] = field(default_factory=list)          # (relations)
    contradictions: list[Contradiction] = field(default_factory=list)  # (contradictions)
    warnings: list[str] = field(default_factory=list)                # any stage may append
    assigned: set[str] = field(default_factory=lambda: {"article"})
    _mention_index: Any = field(default=None, repr=False, compare=False)   # (see mention_at)

    @property
    def text(self) -> str:
        return self.article.text

    # -- look-ups shared by the stages -------------------------------------------------------
    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence containing character ``offset``."""
        starts = [s for s, _ in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return self.sentences[0] if self.sentences else (0, len(self.text))
        return self.sentences[i]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Actor mentions lying inside ``[start, end)``."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def mention_at(self, start: int, end: int) -> Optional[Mention]:
        """The actor mention overlapping ``[start, end)`` best (longest overlap), or ``None``.

        Only the mentions that can reach ``start`` are looked at (a bisect on their starts, kept while
        ``mentions`` is the same list), not every mention before it: callers ask for each word or clause."""
        ms = self.mentions
        index = self._mention_index
        if index is None or index[0] is not ms or index[1] != len(ms):
            index = self._mention_index = (ms, len(ms), [m.start for m in ms],
                                           max((m.end - m.start for m in ms), default=0))
        _, _, starts, longest = index
        best, best_overlap = None, 0
        for k in range(bisect.bisect_left(starts, start - longest), len(ms)):
            m = ms[k]
            if m.start >= end:
                break
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        return best

    def actor(self, actor_id: str) -> Optional[Actor]:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def place_at(self, start: int, end: int) -> Optional[PlaceMention]:
        for p in self.place_mentions:
            if p.start < end and start < p.end:
                return p
        return None

    def to_document(self, *, include_text: bool = True) -> Document:
        return Document(
            article=self.article.meta(),
            text=self.text if include_text else None,
            actors=self.actors, events=self.events, quotes=self.quotes, places=self.places,
            claims=self.claims, relations=self.relations, contradictions=self.contradictions,
            dates=self.dates, warnings=self.warnings,
        )
