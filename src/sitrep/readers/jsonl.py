"""JSONL: one article per line, ``{"id", "text", "title"?, "url"?, "source"?, "published"?}``."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Iterator, Union

from ..article import Article, Failure
from ..errors import MalformedRecordError, ReadError
from .text import DEFAULT_MAX_BYTES, check_text, decode, read_bytes

FIELDS = ("id", "text", "title", "url", "source", "published", "language")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def record_to_article(rec: object, *, origin: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    if not isinstance(rec, dict):
        raise MalformedRecordError("a line must hold a JSON object", path=origin)
    text = rec.get("text")
    if not isinstance(text, str):
        raise MalformedRecordError('the record has no "text" string', path=origin,
                                   article_id=str(rec.get("id")) if rec.get("id") is not None else None)
    rid = str(rec["id"]) if rec.get("id") not in (None, "") else ""
    check_text(text, origin=origin, max_bytes=max_bytes, article_id=rid or None)
    published = rec.get("published")
    if published is not None:
        if not isinstance(published, str) or not _DATE.match(published) or not _is_date(published[:10]):
            raise MalformedRecordError(f'"published" must be a date YYYY-MM-DD, got {published!r}', path=origin,
                                       article_id=rid or None)
        published = published[:10]
    extra = {k: (str(rec[k]) if rec.get(k) is not None else None) for k in ("title", "url", "source")}
    return Article(text=text, id=rid, published=published, language=str(rec.get("language") or "en"),
                   origin=origin, **extra)


def read_jsonl(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Union[Article, Failure]]:
    content = decode(read_bytes(path, max_bytes * 50), origin=str(path))
    for n, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        origin = f"{path}:{n}"
        try:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                raise MalformedRecordError(f"not JSON ({err.msg} at column {err.colno})", path=origin) from None
            yield record_to_article(rec, origin=origin, max_bytes=max_bytes)
        except ReadError as err:
            yield Failure.from_error(err, origin=origin, stage="read")
