"""The data that flows through the pipeline: an :class:`Article` in, its :class:`ArticleState` growing
stage by stage, a :class:`~sitrep.contract.Document` out (or a :class:`Failure` with its reason).

Stages communicate only through the named fields of :class:`ArticleState`; each stage declares which
fields it needs and which it assigns (see :mod:`sitrep.stages.base`).
"""

from __future__ import annotations

import bisect
import hashlib
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from .contract import Actor, ActorRef, ArticleMeta, Document
from .errors import SitrepError, UnassignedFieldError


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


def text_hash(text: str) -> str:
    """The SHA-256 (hex) of a normalised text: two articles are the same text when their hashes are."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Article:
    """One news article as read: normalised text plus metadata."""

    text: str
    id: str = ""
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    #: the language the article was given in (JSONL, the API, a caller), ISO 639-1; ``None`` when nobody
    #: said: the ``language`` stage then detects it
    language: Optional[str] = None
    origin: Optional[str] = None  # where it was read from (path, path:line)
    #: what reading it noticed (an encoding taken from a byte-order mark, a page date that is no date);
    #: they start the document's ``warnings``
    warnings: list[str] = field(default_factory=list)

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

    def meta(self, *, language: Optional[str] = None, language_confidence: Optional[float] = None) -> ArticleMeta:
        return ArticleMeta(id=self.id, title=self.title, source=self.source, url=self.url,
                           published=self.published, language=language or self.language or "en",
                           language_confidence=language_confidence)


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
        if isinstance(err, SitrepError):
            return cls(article_id=err.article_id or article_id, origin=err.path or origin,
                       stage=err.stage or stage or "unknown", code=err.code, reason=err.message)
        return cls(article_id=article_id, origin=origin, stage=stage or "unknown", code="E201",
                   reason=f"{type(err).__name__}: {err}")

    def describe(self) -> str:
        where = self.origin or self.article_id or "?"
        return f"{where}: [{self.code}] {self.reason} (stage {self.stage})"


@dataclass
class Outcome:
    """What the pipeline made of one article: a document, or a failure with its reason."""

    article: Article
    document: Optional[Document] = None
    failure: Optional[Failure] = None

    @property
    def ok(self) -> bool:
        return self.document is not None


@dataclass
class AlreadyStored:
    """An article another writer stored, with the same text, between the plan and the write: nothing is
    stored twice, and an ingest counts it as skipped (already stored), not as stored."""

    article_id: str


@dataclass
class Duplicate:
    """An article whose text was already read (or stored) under another id: it is not extracted again,
    and its id resolves to that article's (``duplicate_of``). Never silently lost either."""

    article_id: str
    duplicate_of: str
    origin: Optional[str] = None
    #: where the first one came from (a path, path:line, or "the store")
    first_origin: Optional[str] = None

    def describe(self) -> str:
        where = self.origin or self.article_id
        if self.article_id == self.duplicate_of:
            return f"{where}: article {self.article_id} read again (the same id and text); it counts once"
        first = f" (at {self.first_origin})" if self.first_origin else ""
        return (f"{where}: article {self.article_id} is duplicate_of {self.duplicate_of}{first}: "
                "the same text, not extracted again")


#: how a mention names a described entity ("the legislative council building", "the village of X"): a
#: thing an act may be done to, never a party of its own to the rules that read parties (who acts, who
#: speaks, who is related to whom)
ENTITY_HOW = "entity"


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
    #: (a generic agent: "rebels"), "described" (a described source: "a Kremlin source told Interfax"),
    #: "entity" (a described entity: "the legislative council building", "the village of X", "a
    #: construction company"; the events stage names it only as a target no party takes).
    how: str = "name"

    def ref(self) -> ActorRef:
        return ActorRef(actor_id=self.actor_id, text=self.text)


@dataclass
class PlaceMention:
    start: int
    end: int
    place_id: str
    text: str


#: the state's fields that stages assign, with the value a document gets when no stage assigned one
STAGE_FIELDS: dict[str, Any] = {
    "doc": None, "sentences": (), "actors": (), "mentions": (), "places": (), "place_mentions": (),
    "dates": (), "events": (), "quotes": (), "claims": (), "relations": (), "contradictions": (),
}
#: fields every stage may read and write without declaring them
ALWAYS_VISIBLE = frozenset({"article", "warnings"})


class ArticleState:
    """An article on its way through the pipeline. Each field is assigned by one stage.

    ========================  ==============================================  ===========
    field                     what                                            assigned by
    ========================  ==============================================  ===========
    ``doc``                   the spaCy ``Doc``                               nlp
    ``sentences``             (start, end) character spans                    nlp
    ``actors``, ``mentions``  actors and their mentions, sorted by start      actors
                              (the speakers no actor stood for added)         quotes
    ``places``,               places and their mentions, sorted by start      places
    ``place_mentions``
    ``dates``                 time expressions                                dates
    ``events`` ... ``contradictions``  the contract's lists                   their stages
    ``warnings``              any stage may append                            all
    ``language``,             the language the article is read in (ISO        language
    ``language_confidence``   639-1; the given one or English until then)
                              and the detector's probability of it
    ========================  ==============================================  ===========

    The stage contract is enforced: a field is **unset until a stage assigns it**, and reading it before
    raises :class:`~sitrep.errors.UnassignedFieldError` (no silently empty list where a stage is
    missing); while a stage runs (:meth:`only`), reading a field the stage did not declare in ``needs``
    or ``assigns`` raises too.
    """

    def __init__(self, article: Article, **fields: Any):
        self.article = article
        self.warnings: list[str] = list(article.warnings) if article.warnings else []
        #: the language every stage reads the article in: the given one (English when none was given)
        #: until the ``language`` stage settles it; always visible, like ``warnings``
        self.language: str = article.language or "en"
        self.language_confidence: Optional[float] = None
        self.assigned: set[str] = {"article"}
        for name, value in fields.items():
            if name == "warnings":
                self.warnings = list(value)
            elif name in STAGE_FIELDS:
                setattr(self, name, value)
            else:
                raise TypeError(f"ArticleState has no field {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        if name in STAGE_FIELDS:
            self.assigned.add(name)

    def __getattr__(self, name: str) -> Any:
        # called only when the attribute is not set: an unassigned or (while a stage runs) hidden field
        if name in STAGE_FIELDS:
            hidden = self.__dict__.get("_hidden")
            if hidden is not None and name in hidden:
                raise UnassignedFieldError(
                    f"stage {self.__dict__.get('_running')!r} reads {name!r}, which it does not declare "
                    f"in its needs", field=name, stage=self.__dict__.get("_running"))
            raise UnassignedFieldError(f"{name!r} is read before any stage assigned it", field=name,
                                       stage=self.__dict__.get("_running"))
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @contextmanager
    def only(self, stage: str, visible: Iterable[str]) -> Iterator["ArticleState"]:
        """While the block runs, only the fields in ``visible`` (and the always-visible ones) can be
        read: the others are set aside and put back afterwards."""
        keep = set(visible) | ALWAYS_VISIBLE
        d = self.__dict__
        hidden = {k: d.pop(k) for k in list(d) if k in STAGE_FIELDS and k not in keep}
        d["_hidden"], d["_running"] = hidden, stage
        try:
            yield self
        finally:
            d.pop("_hidden", None)
            d.pop("_running", None)
            for k, v in hidden.items():
                d.setdefault(k, v)

    def provide(self, *names: str) -> "ArticleState":
        """Give each of the stage fields ``names`` that no stage assigned its empty default -- for a
        test or a caller that runs one stage alone on purpose ("this stage, with no actors")."""
        for name in names:
            if name in STAGE_FIELDS and name not in self.__dict__:
                setattr(self, name, self.get(name))
        return self

    def get(self, name: str) -> Any:
        """A stage field's value, or the document's default when no stage assigned it."""
        if name in self.__dict__:
            return self.__dict__[name]
        default = STAGE_FIELDS[name]
        return list(default) if isinstance(default, tuple) else default

    def __repr__(self) -> str:
        return f"<ArticleState {self.article.id}: assigned {sorted(self.assigned)}>"

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
        index = self.__dict__.get("_mention_index")
        if index is None or index[0] is not ms or index[1] != len(ms):
            index = self.__dict__["_mention_index"] = (ms, len(ms), [m.start for m in ms],
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

    def is_generic_agent(self, m: Mention) -> bool:
        """Whether ``m`` is a generic agent the actors stage tied to no one ("troops", "the force", "the
        government" with no country): an ``agent`` mention whose actor is unknown, or has no country and is
        an organisation, a group or other."""
        if m.how != "agent":
            return False
        a = self.actor(m.actor_id)
        return a is None or (a.country is None and a.kind in ("organization", "group", "other"))

    def place_at(self, start: int, end: int) -> Optional[PlaceMention]:
        for p in self.place_mentions:
            if p.start < end and start < p.end:
                return p
        return None

    def to_document(self, *, include_text: bool = True) -> Document:
        g = self.get
        return Document(
            article=self.article.meta(language=self.language, language_confidence=self.language_confidence),
            text=self.text if include_text else None,
            actors=g("actors"), events=g("events"), quotes=g("quotes"), places=g("places"),
            claims=g("claims"), relations=g("relations"), contradictions=g("contradictions"),
            dates=g("dates"), warnings=self.warnings,
        )
