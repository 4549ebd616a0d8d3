"""HTML pages: main text, title, date and URL extracted with trafilatura.

The bytes are decoded as every file is (:func:`sitrep.readers.text.decode_text`: a byte-order mark,
else ``--encoding``, else strict UTF-8); a page that is not valid UTF-8 but names its charset in a
``<meta charset>`` (or ``http-equiv`` Content-Type) is read in that charset, with a warning.

The publication date is trafilatura's, checked against the dates the page states in its ``<meta>``
tags and JSON-LD: trafilatura turns a date that is no calendar day (``2024-02-30``, ``2024-13-01``) into
another day (``2024-02-01``, ``2024-01-13``); such a date is dropped instead, with a warning.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Optional

from ..core.article import Article
from ..core.errors import BadEncodingError, NoTextInHtmlError
from .dateline import apply_dateline
from .text import DEFAULT_MAX_BYTES, check_encoding, check_text, decode_text, read_bytes, strict_decode

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_JSONLD_DATE = re.compile(r'"(?:datePublished|dateCreated|uploadDate)"\s*:\s*"([^"]*)"')
_YMD = re.compile(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_DATE_NAME = re.compile(r"date|time|publish|issued|created", re.I)


def _meta_charset(data: bytes) -> Optional[str]:
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return check_encoding(m.group(1).decode("ascii"))
    except Exception:  # noqa: BLE001 - an unknown charset is as good as none
        return None


def decode_html(data: bytes, *, origin: Optional[str] = None,
                encoding: Optional[str] = None) -> tuple[str, list[str]]:
    """An HTML file's bytes to (text, warnings): as :func:`decode_text`, but a page that is not valid
    UTF-8 and declares its charset is read in that charset (strictly, with a warning)."""
    try:
        return decode_text(data, origin=origin, encoding=encoding)
    except BadEncodingError as err:
        charset = None if encoding else _meta_charset(data)
        if not charset or charset == "utf-8":
            raise
        text = strict_decode(data, charset, origin=origin, how="the page's <meta charset> names this encoding")
        return text, [f"read: not valid UTF-8 (byte {err.offset}); decoded as {charset}, as the page's "
                      f"<meta charset> says"]


def stated_dates(html: str) -> list[str]:
    """The dates a page states about itself: ``content`` of ``<meta>`` tags named for a date or time,
    and the JSON-LD ``datePublished``/``dateCreated``, as written (``YYYY-MM-DD…`` ones only)."""
    out = []
    for tag in _META.findall(html[:200_000]):
        attrs = {k.lower(): a or b or c for k, a, b, c in _ATTR.findall(tag)}
        label = " ".join(attrs.get(k, "") for k in ("name", "property", "itemprop", "http-equiv"))
        if _DATE_NAME.search(label) and _YMD.match(attrs.get("content", "")):
            out.append(attrs["content"].strip())
    out += [d.strip() for d in _JSONLD_DATE.findall(html[:500_000]) if _YMD.match(d)]
    return out


def _calendar_day(value: str) -> Optional[str]:
    m = _YMD.match(value)
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat() if m else None
    except ValueError:
        return None


def checked_date(found: Optional[str], html: str) -> tuple[Optional[str], list[str]]:
    """trafilatura's date (``found``) if the page's own dates allow it, else None and a warning: a page
    stating a date that is no calendar day gets no date from it, rather than a neighbouring one."""
    day = found[:10] if found else None
    stated = stated_dates(html)
    valid = {d for d in map(_calendar_day, stated) if d}
    bad = [s for s in stated if not _calendar_day(s)]
    if day and day not in valid and bad:
        return None, [f"read: the page's date {bad[0]!r} is not a calendar date; the publication date is "
                      f"left empty (give it with --published)"]
    return day, []


def article_from_html(html: str, *, origin: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                      warnings: Optional[list[str]] = None) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        raise NoTextInHtmlError("no article text could be extracted from this HTML", path=origin)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if not text.strip():
        raise NoTextInHtmlError("no article text could be extracted from this HTML", path=origin)
    check_text(text, origin=origin, max_bytes=max_bytes)
    published, date_warnings = checked_date(data.get("date"), html)
    return Article(text=text, title=data.get("title") or None, url=data.get("url") or None,
                   published=published, source=data.get("sitename") or None, origin=origin,
                   warnings=list(warnings or []) + date_warnings)


def read_html(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, encoding: Optional[str] = None) -> Article:
    html, warnings = decode_html(read_bytes(path, max_bytes), origin=str(path), encoding=encoding)
    return apply_dateline(article_from_html(html, origin=str(path), max_bytes=max_bytes, warnings=warnings))
