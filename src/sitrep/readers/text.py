"""Plain-text files: decoded (UTF-8 first, then the common encodings), checked, normalised."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..article import Article
from ..errors import EmptyTextError, EncodingError, TooLargeError, UnreadableFileError
from ..limits import MAX_ARTICLE_BYTES as DEFAULT_MAX_BYTES
ENCODINGS = ("utf-8", "cp1252", "iso-8859-1")


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05


def decode(data: bytes, *, origin: Optional[str] = None) -> str:
    """Bytes to text: a BOM decides; else UTF-8, then cp1252; binary content is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if _looks_binary(data):
        raise EncodingError("binary content, not text", path=origin)
    for enc in ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        return text
    raise EncodingError("not text in UTF-8 or a common encoding", path=origin)  # pragma: no cover


def check_text(text: str, *, origin: Optional[str], max_bytes: int, article_id: Optional[str] = None) -> None:
    if not text.strip():
        raise EmptyTextError("the text is empty", path=origin, article_id=article_id)
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise TooLargeError(f"text of {size:,} bytes is over the limit of {max_bytes:,} (--max-bytes)",
                            path=origin, article_id=article_id)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as err:
        raise UnreadableFileError(err.strerror or str(err), path=str(path)) from None
    # HTML and JSONL carry markup: allow them more raw bytes than the text limit
    if size > max_bytes * 4:
        raise TooLargeError(f"file of {size:,} bytes is over the limit", path=str(path))
    try:
        return path.read_bytes()
    except OSError as err:
        raise UnreadableFileError(err.strerror or str(err), path=str(path)) from None


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    data = read_bytes(path, max_bytes)
    text = decode(data, origin=str(path))
    check_text(text, origin=str(path), max_bytes=max_bytes)
    return Article(text=text, origin=str(path))
