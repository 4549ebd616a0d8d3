"""Readers: files and directories in, :class:`~sitrep.article.Article` objects (or failures) out.

Supported inputs: plain text (``.txt``, ``.text``; a file named directly with another suffix is read
as text too), HTML (``.html``,
``.htm``; text, title, date and URL extracted with trafilatura) and JSONL (``.jsonl``, ``.ndjson``; one
article per line: ``{"id", "text", "title"?, "url"?, "source"?, "published"?}``). Directories are read
recursively, by suffix, in sorted order. Identical texts are read once. Every text is normalised once
(:func:`sitrep.article.normalise_text`), and all offsets refer to that text.

A bad input never stops the others: :func:`read_paths` yields a :class:`~sitrep.article.Failure` for it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..article import Article, Failure
from ..errors import ReadError, UnreadableFileError
from .html import read_html
from .jsonl import read_jsonl
from .text import DEFAULT_MAX_BYTES, read_text

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

__all__ = ["read_paths", "read_path", "expand_paths", "read_text", "read_html", "read_jsonl",
           "DEFAULT_MAX_BYTES"]


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


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Union[Article, Failure]]:
    suffix = path.suffix.lower()
    try:
        if not path.exists():
            raise UnreadableFileError("no such file", path=str(path))
        if path.is_dir():
            raise UnreadableFileError("is a directory", path=str(path))
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, max_bytes=max_bytes)
        elif suffix in HTML_SUFFIXES:
            yield read_html(path, max_bytes=max_bytes)
        else:
            yield read_text(path, max_bytes=max_bytes)
    except ReadError as err:
        yield Failure.from_error(err, origin=str(path), stage="read")
    except OSError as err:
        yield Failure.from_error(UnreadableFileError(err.strerror or str(err), path=str(path)),
                                 origin=str(path), stage="read")


def read_paths(paths: Iterable[Union[str, os.PathLike]], *, published: Optional[str] = None,
               source: Optional[str] = None, max_bytes: int = DEFAULT_MAX_BYTES,
               dedupe: bool = True) -> Iterator[Union[Article, Failure]]:
    """Read every path; ``published``/``source`` fill in what an article does not say itself."""
    seen: set[str] = set()
    for path in expand_paths(paths):
        for item in read_path(path, max_bytes=max_bytes):
            if isinstance(item, Article):
                if dedupe:
                    key = item.text
                    if key in seen:
                        continue
                    seen.add(key)
                if published and not item.published:
                    item.published = published
                if source and not item.source:
                    item.source = source
            yield item
