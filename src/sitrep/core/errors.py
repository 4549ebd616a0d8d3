"""sitrep's one exception hierarchy.

Every error sitrep raises on purpose is a :class:`SitrepError`. Each carries a short code (``E1xx``),
a message that says what to do next, and -- where it concerns one article -- the article id and the
pipeline stage it happened in::

    SitrepError                      code, article_id, stage
    ├── ReadError                    an input could not be turned into an article (stage "read")
    │   ├── UnreadableFileError      E101 missing file, permission, a directory where a file was meant
    │   ├── EncodingError            E102 binary content, not text
    │   │   └── BadEncodingError     E107 bytes that are not valid in the file's encoding (byte offset)
    │   ├── EmptyTextError           E103 nothing but whitespace
    │   ├── TooLargeError            E104 text over the size limit (--max-bytes)
    │   ├── MalformedRecordError     E105 a JSONL line that is not a JSON object with a "text"
    │   │   └── FieldTypeError       E108 a field of a record that is not of its type (a list for "title")
    │   └── NoTextInHtmlError        E106 HTML from which no text could be extracted
    ├── StageError                   E201 a stage failed on one article (wraps the cause)
    │   ├── ArticleTimeoutError      E202 the article ran over its time budget (the stage was stopped)
    │   └── WorkerLostError          E203 the worker process running the article died (a crash, OOM)
    ├── UnsupportedLanguageError     E204 an article in a language sitrep does not read (``unsupported_language``:
    │                                     the language and the detector's confidence)
    ├── ConfigError                  the pipeline or its data is set up wrongly
    │   ├── PipelineOrderError       E301 a stage needs what no earlier stage assigns
    │   │   └── UnassignedFieldError E304 a stage read a state field unassigned or not in its needs
    │   ├── ModelNotFoundError       E302 no spaCy English pipeline is installed
    │   ├── KnowledgeBaseError       E303 a KB file is malformed (file, line, field)
    │   └── ClusterError             E305 the Ray cluster cannot be joined (address, authentication)
    ├── StoreError                   E401 the database cannot be used
    │   └── SchemaVersionError       E402 the database was written by another schema version
    ├── QueryError                   E501 a query's arguments make no sense (unknown actor, reversed range)
    ├── ExportError                  E701 an export cannot be written (target exists without --force, bad format)
    ├── IdConflictError              E801 one article id for two different texts (in one run, or a new text for
    │                                     a stored id without --replace)
    └── EvalDataError                E601 an evaluation data set is missing or malformed

A bad article never stops a batch: readers and the pipeline turn these errors into
:class:`sitrep.article.Failure` records, which the CLI prints and the store keeps.
"""

from __future__ import annotations

from typing import Optional


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose. ``kind`` is the API's error kind for a failure of
    the pipeline of this class (a 422 in the API; :func:`failure_kind`)."""

    code = "E000"
    kind = "extraction_failed"

    def __init__(self, message: str, *, article_id: Optional[str] = None, stage: Optional[str] = None,
                 path: Optional[str] = None):
        super().__init__(message)
        self.message = message
        self.article_id = article_id
        self.stage = stage
        self.path = path

    def __str__(self) -> str:
        where = []
        if self.path:
            where.append(self.path)
        if self.article_id:
            where.append(f"article {self.article_id}")
        if self.stage:
            where.append(f"stage {self.stage}")
        prefix = f"[{self.code}] "
        return prefix + (f"{', '.join(where)}: " if where else "") + self.message


class ReadError(SitrepError):
    code = "E100"

    def __init__(self, message: str, **kw):
        kw.setdefault("stage", "read")
        super().__init__(message, **kw)


class UnreadableFileError(ReadError):
    code = "E101"


class EncodingError(ReadError):
    code = "E102"


class EmptyTextError(ReadError):
    code = "E103"


class TooLargeError(ReadError):
    code = "E104"


class MalformedRecordError(ReadError):
    code = "E105"


class NoTextInHtmlError(ReadError):
    code = "E106"


class BadEncodingError(EncodingError):
    """Bytes that are not valid in the encoding the file is read in (UTF-8 unless a byte-order mark or
    ``--encoding`` says otherwise); ``offset`` is the position of the first bad byte in the file."""

    code = "E107"

    def __init__(self, message: str, *, encoding: str, offset: Optional[int] = None, **kw):
        self.encoding, self.offset = encoding, offset
        super().__init__(message, **kw)


class FieldTypeError(MalformedRecordError):
    """A record's field that is not of its type (``field`` names it): ``id``, ``title``, ``source``,
    ``url``, ``published`` and ``language`` are strings (an integer ``id`` is taken as its decimal string)."""

    code = "E108"

    def __init__(self, message: str, *, field: str, **kw):
        self.field = field
        super().__init__(message, **kw)


class StageError(SitrepError):
    code = "E201"


class ArticleTimeoutError(StageError):
    code = "E202"
    kind = "over_time_budget"


class WorkerLostError(StageError):
    code = "E203"


class UnsupportedLanguageError(SitrepError):
    """An article in a language sitrep cannot read (Greek, Arabic, ...), refused rather than read as
    English junk: ``language`` is its ISO 639 code, ``confidence`` the detector's probability of it,
    ``supported`` the languages sitrep reads. Its API code is ``unsupported_language`` (a 422)."""

    code = "E204"
    kind = "unsupported_language"

    def __init__(self, message: str, *, language: str, confidence: Optional[float] = None,
                 supported: tuple[str, ...] = (), **kw):
        self.language, self.confidence, self.supported = language, confidence, tuple(supported)
        kw.setdefault("stage", "language")
        super().__init__(message, **kw)


def failure_kind(code: str) -> str:
    """The API's error kind of a pipeline failure with ``code`` (a failure keeps its code, not its class):
    ``over_time_budget`` for E202, ``unsupported_language`` for E204, else ``extraction_failed``."""
    for cls in (ArticleTimeoutError, UnsupportedLanguageError):
        if cls.code == code:
            return cls.kind
    return SitrepError.kind


class ConfigError(SitrepError):
    code = "E300"


class PipelineOrderError(ConfigError):
    code = "E301"


class ModelNotFoundError(ConfigError):
    code = "E302"


class UnassignedFieldError(PipelineOrderError, AttributeError):
    """A stage read an :class:`~sitrep.article.ArticleState` field that no earlier stage assigned, or one
    it does not declare in its ``needs``: the stage contract is broken (a programming error)."""

    code = "E304"

    def __init__(self, message: str, *, field: Optional[str] = None, **kw):
        self.field = field
        super().__init__(message, **kw)


class KnowledgeBaseError(ConfigError):
    code = "E303"

    def __init__(self, message: str, *, file: Optional[str] = None, line: Optional[int] = None,
                 field: Optional[str] = None, **kw):
        self.file, self.line, self.field = file, line, field
        loc = ":".join(str(x) for x in (file, line) if x is not None)
        if field:
            loc = f"{loc} field '{field}'" if loc else f"field '{field}'"
        super().__init__(f"{loc}: {message}" if loc else message, **kw)


class ClusterError(ConfigError):
    """The Ray cluster named by ``--ray ADDRESS`` cannot be joined (no head there, a token missing or wrong)."""

    code = "E305"


class StoreError(SitrepError):
    code = "E401"


class SchemaVersionError(StoreError):
    code = "E402"


class StoreLockedError(StoreError):
    """A DuckDB store held by another process (``sitrep serve``, another ingest): it cannot be opened.
    ``server`` is the URL of the sitrep server holding it, when it says so (see
    :mod:`sitrep.situation.handoff`)."""

    code = "E403"

    def __init__(self, message: str, *, server: Optional[str] = None, **kw):
        self.server = server
        super().__init__(message, **kw)


class QueryError(SitrepError):
    code = "E501"


class ExportError(SitrepError):
    code = "E701"


class EvalDataError(SitrepError):
    code = "E601"


class IdConflictError(SitrepError):
    """One article id given to two different texts: twice in one input, or a new text for an id the store
    holds (``sitrep ingest --replace`` replaces the stored article instead). ``existing`` is where the
    id was first seen (a path:line, or "the store")."""

    code = "E801"

    def __init__(self, message: str, *, existing: Optional[str] = None, **kw):
        self.existing = existing
        super().__init__(message, **kw)
