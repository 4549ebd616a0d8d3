"""HTML pages: main text, title, date and URL extracted with trafilatura."""

from __future__ import annotations

from pathlib import Path

from ..article import Article
from ..errors import NoTextInHtmlError
from .text import DEFAULT_MAX_BYTES, check_text, decode, read_bytes


def article_from_html(html: str, *, origin: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
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
    date = data.get("date")
    return Article(text=text, title=data.get("title") or None, url=data.get("url") or None,
                   published=date[:10] if date else None, source=data.get("sitename") or None,
                   origin=origin)


def read_html(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    html = decode(read_bytes(path, max_bytes), origin=str(path))
    return article_from_html(html, origin=str(path), max_bytes=max_bytes)
