"""JSONL: one article per line, ``{"id"?, "text" | "html", "title"?, "url"?, "source"?, "published"?,
"language"?}`` -- the same shape ``POST /articles`` and ``POST /extract`` take.

``id``, ``title``, ``url``, ``source``, ``published`` and ``language`` are strings (or null, or left
out); an integer ``id`` is taken as its decimal string (``7`` is ``"7"``). Any other type -- a list, an
object, a boolean, a number where a string belongs -- is a :class:`~sitrep.errors.FieldTypeError` for
that line; the other lines still come out. ``published`` is a date ``YYYY-MM-DD`` (a timestamp that
starts with one is cut to it). Other fields are ignored.

Lines are split on ``\\n`` only (a JSON string may hold U+2028 or U+0085 raw). A UTF-8 file is
decoded line by line, so a line with bytes that are not UTF-8 fails alone
(:class:`~sitrep.errors.BadEncodingError`, with the byte offset in the file).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Iterator, Optional, Union

from ..core.article import Article, Failure
from ..core.errors import BadEncodingError, EncodingError, FieldTypeError, MalformedRecordError, ReadError
from .dateline import apply_dateline
from .text import (DEFAULT_MAX_BYTES, check_encoding, check_text, decode_text, looks_binary, read_bytes, sniff_bom,
                   strict_decode)

FIELDS = ("id", "text", "html", "title", "url", "source", "published", "language")
STRING_FIELDS = ("id", "title", "url", "source", "published", "language")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    return {dict: "an object", list: "a list", int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _strings(rec: dict, origin: str) -> dict[str, Optional[str]]:
    """The string fields of a record, checked: None when absent or null; an integer id as its digits."""
    out: dict[str, Optional[str]] = {}
    rid = rec.get("id")
    for name in STRING_FIELDS:
        value = rec.get(name)
        if name == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is not None and not isinstance(value, str):
            shown = json.dumps(value, ensure_ascii=False)
            raise FieldTypeError(f'"{name}" must be a string, got {_kind(value)}: {shown[:60]}', field=name,
                                 path=origin, article_id=rid if isinstance(rid, str) and rid else None)
        out[name] = value
    return out


def record_to_article(rec: object, *, origin: str, max_bytes: int = DEFAULT_MAX_BYTES,
                      warnings: Optional[list[str]] = None) -> Article:
    """One JSONL record (or API body) as an :class:`Article`; :class:`ReadError` when it is not one."""
    if not isinstance(rec, dict):
        raise MalformedRecordError("a line must hold a JSON object", path=origin)
    f = _strings(rec, origin)
    rid = f["id"] or ""
    text, html = rec.get("text"), rec.get("html")
    if text is not None and html is not None:
        raise MalformedRecordError('give one of "text" and "html", not both', path=origin, article_id=rid or None)
    if not isinstance(text if html is None else html, str):
        raise MalformedRecordError('the record has no "text" string' if html is None else '"html" must be a string',
                                   path=origin, article_id=rid or None)
    published = f["published"]
    if published is not None:
        if not _DATE.match(published) or not _is_date(published[:10]):
            raise MalformedRecordError(f'"published" must be a date YYYY-MM-DD, got {published!r}', path=origin,
                                       article_id=rid or None)
        published = published[:10]
    if html is not None:
        from .html import article_from_html

        art = article_from_html(html, origin=origin, max_bytes=max_bytes, warnings=warnings)
    else:
        check_text(text, origin=origin, max_bytes=max_bytes, article_id=rid or None)
        art = Article(text=text, origin=origin, warnings=list(warnings or []))
    art.id = rid or art.id
    for name in ("title", "url", "source"):  # the record's own metadata wins over what HTML says
        if f[name] is not None:
            setattr(art, name, f[name])
    art.published = published or art.published
    art.language = f["language"] or art.language  # None: the language stage detects it
    return apply_dateline(art)


def _lines(path: Path, max_bytes: int, encoding: Optional[str]) -> Iterator[tuple[int, Union[str, ReadError], list]]:
    """(line number, line or its decoding error, warnings): UTF-8 line by line, other encodings whole."""
    data = read_bytes(path, max_bytes * 50)
    found, skip = sniff_bom(data)
    declared = check_encoding(encoding) if encoding and not found else None
    if (found or declared or "utf-8") != "utf-8":
        content, warnings = decode_text(data, origin=str(path), encoding=encoding)
        for n, line in enumerate(content.split("\n"), 1):
            yield n, line, warnings
        return
    if not found and looks_binary(data):
        raise EncodingError("binary content, not text", path=str(path))
    pos = skip
    for n, raw in enumerate(data[skip:].split(b"\n"), 1):
        try:
            yield n, strict_decode(raw, "utf-8", origin=f"{path}:{n}", base=pos), []
        except BadEncodingError as err:
            yield n, err, []
        pos += len(raw) + 1


def read_jsonl(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
               encoding: Optional[str] = None) -> Iterator[Union[Article, Failure]]:
    for n, line, warnings in _lines(path, max_bytes, encoding):
        origin = f"{path}:{n}"
        try:
            if isinstance(line, ReadError):
                raise line
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                raise MalformedRecordError(f"not JSON ({err.msg} at column {err.colno})", path=origin) from None
            yield record_to_article(rec, origin=origin, max_bytes=max_bytes, warnings=warnings)
        except ReadError as err:
            yield Failure.from_error(err, origin=origin, stage="read")
