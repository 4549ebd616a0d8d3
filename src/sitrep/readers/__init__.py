"""Readers: files and directories in, :class:`~sitrep.article.Article` objects (or failures) out.

Supported inputs: plain text (``.txt``, ``.text``; a file named directly with another suffix is read
as text too), HTML (``.html``,
``.htm``; text, title, date and URL extracted with trafilatura) and JSONL (``.jsonl``, ``.ndjson``; one
article per line: ``{"id", "text"|"html", "title"?, "url"?, "source"?, "published"?, "language"?}``, see
:mod:`sitrep.readers.jsonl`) and Parquet (``.parquet``; one article per row, the same columns, see
:mod:`sitrep.readers.parquet`). Directories are read recursively, by suffix, in sorted order. Bytes are
decoded strictly (:mod:`sitrep.readers.text`). Every text is normalised once
(:func:`sitrep.article.normalise_text`), and all offsets refer to that text. A wire dateline
("DAMASCUS, Dec 9 (Test Wire) - …") gives an article without a date or outlet its own, with a warning
(:mod:`sitrep.readers.dateline`).

Every id read gets an outcome (:func:`deduplicate`): an :class:`~sitrep.article.Article`; a
:class:`~sitrep.article.Duplicate` when its text was read before under another id (or under the same
id: read twice); or a :class:`~sitrep.article.Failure` -- a bad input (which never stops the others), or
an id read before with another text (:class:`~sitrep.errors.IdConflictError`; the first text is kept).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..core.article import Article, Duplicate, Failure, text_hash
from ..core.errors import IdConflictError, ReadError, UnreadableFileError
from .dateline import fill_in
from .html import read_html
from .jsonl import read_jsonl
from .parquet import read_parquet
from .text import DEFAULT_MAX_BYTES, check_encoding, read_text

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | PARQUET_SUFFIXES

__all__ = ["read_paths", "read_path", "expand_paths", "deduplicate", "read_text", "read_html", "read_jsonl",
           "read_parquet", "DEFAULT_MAX_BYTES"]

Item = Union[Article, Duplicate, Failure]


def expand_paths(paths: Iterable[Union[str, os.PathLike]]) -> Iterator[Path]:
    """Files named directly, then the readable files of each directory (recursive, sorted)."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                if f.suffix.lower() in KNOWN_SUFFIXES and not f.name.startswith("."):
                    yield f
        else:
            yield p


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
              encoding: Optional[str] = None) -> Iterator[Union[Article, Failure]]:
    suffix = path.suffix.lower()
    try:
        if not path.exists():
            raise UnreadableFileError("no such file", path=str(path))
        if path.is_dir():
            raise UnreadableFileError("is a directory", path=str(path))
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, max_bytes=max_bytes, encoding=encoding)
        elif suffix in PARQUET_SUFFIXES:
            yield from read_parquet(path, max_bytes=max_bytes)
        elif suffix in HTML_SUFFIXES:
            yield read_html(path, max_bytes=max_bytes, encoding=encoding)
        else:
            yield read_text(path, max_bytes=max_bytes, encoding=encoding)
    except ReadError as err:
        yield Failure.from_error(err, origin=str(path), stage="read")
    except OSError as err:
        yield Failure.from_error(UnreadableFileError(err.strerror or str(err), path=str(path)),
                                 origin=str(path), stage="read")


def deduplicate(items: Iterable[Union[Article, Failure]]) -> Iterator[Item]:
    """Give every id read one outcome: the first article of each text and id as it is; a later one with
    the same text a :class:`Duplicate` of the first (of itself when the id is the same too); a later one
    with an id seen before but another text a :class:`Failure` (:class:`IdConflictError`)."""
    by_text: dict[str, tuple[str, Optional[str]]] = {}   # text hash -> (first id, where)
    by_id: dict[str, tuple[str, Optional[str]]] = {}     # id -> (text hash, where)
    for item in items:
        if not isinstance(item, Article):
            yield item
            continue
        h = text_hash(item.text)
        seen = by_id.get(item.id)
        if seen is not None and seen[0] != h:
            err = IdConflictError(
                f"article id {item.id!r} was read before with another text (at {seen[1] or '?'}); the first "
                f"is kept and this one is not read. Give each article its own id", existing=seen[1],
                article_id=item.id, path=item.origin, stage="read")
            yield Failure.from_error(err)
        elif h in by_text:
            first, where = by_text[h]
            by_id.setdefault(item.id, (h, item.origin))
            yield Duplicate(article_id=item.id, duplicate_of=first, origin=item.origin, first_origin=where)
        else:
            by_id[item.id] = (h, item.origin)
            by_text[h] = (item.id, item.origin)
            yield item


def read_paths(paths: Iterable[Union[str, os.PathLike]], *, published: Optional[str] = None,
               source: Optional[str] = None, max_bytes: int = DEFAULT_MAX_BYTES, dedupe: bool = True,
               encoding: Optional[str] = None) -> Iterator[Item]:
    """Read every path; ``published``/``source`` fill in what an article does not say itself (they win
    over a date or outlet read from its dateline);
    ``encoding`` is the one of files without a byte-order mark (default UTF-8). With ``dedupe`` (the
    default) every id gets one outcome (:func:`deduplicate`); without it every article read comes out.
    An unknown ``encoding`` raises :class:`~sitrep.errors.EncodingError` here, before anything is read."""
    if encoding:
        encoding = check_encoding(encoding)
    items = _read_all(paths, published=published, source=source, max_bytes=max_bytes, encoding=encoding)
    return deduplicate(items) if dedupe else items


def _read_all(paths, *, published, source, max_bytes, encoding) -> Iterator[Union[Article, Failure]]:
    for path in expand_paths(paths):
        for item in read_path(path, max_bytes=max_bytes, encoding=encoding):
            if isinstance(item, Article):  # the caller's date and outlet over none, or a dateline's
                fill_in(item, "published", published)
                fill_in(item, "source", source)
            yield item
