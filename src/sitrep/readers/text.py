"""Plain-text files: decoded (strictly, UTF-8 unless told otherwise), checked, normalised.

How bytes become text, for every reader:

* a byte-order mark decides: UTF-8, UTF-16 or UTF-32 (the last two with a warning on the document,
  since such files are rare in news feeds and worth knowing about);
* else the encoding the caller declared (``--encoding NAME``), strictly;
* else UTF-8, strictly. Bytes that are not valid UTF-8 are a :class:`~sitrep.errors.BadEncodingError`
  for that file (or JSONL line) alone, with the offset of the first bad byte -- never a silent guess
  (reading a UTF-8 file with one stray byte as cp1252 would turn every ’ into â€™);
* content with NUL bytes or many control characters is binary, not text (:class:`EncodingError`).
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Optional

from ..core.article import Article
from .dateline import apply_dateline
from ..core.errors import BadEncodingError, EmptyTextError, EncodingError, TooLargeError, UnreadableFileError
from ..limits import MAX_ARTICLE_BYTES as DEFAULT_MAX_BYTES

#: byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one)
BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_WIDE = ("utf-16", "utf-32")


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05


def check_encoding(name: str) -> str:
    """The canonical name of an encoding (``cp1252``, ``utf-8``); :class:`EncodingError` if unknown."""
    try:
        return codecs.lookup(name).name
    except (LookupError, TypeError):
        raise EncodingError(f"unknown encoding {name!r} (Python codec names: utf-8, cp1252, latin-1, "
                            f"utf-16, ...)") from None


def sniff_bom(data: bytes) -> tuple[Optional[str], int]:
    """(encoding, length) of the byte-order mark ``data`` starts with, or (None, 0)."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None, 0


def strict_decode(data: bytes, encoding: str, *, origin: Optional[str], base: int = 0, how: str = "") -> str:
    """``data`` decoded strictly; a :class:`BadEncodingError` names the first bad byte's offset
    (``base`` + its position in ``data``)."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        offset = base + err.start
        bad = data[err.start:err.start + 1].hex()
        hint = how or ("text is read as UTF-8 unless a byte-order mark or --encoding says otherwise; "
                       "name the file's encoding with --encoding (e.g. --encoding cp1252)")
        shown = encoding.upper() if encoding.lower().startswith("utf") else encoding
        raise BadEncodingError(f"not valid {shown} at byte {offset} (0x{bad}): {err.reason}; {hint}",
                               encoding=encoding, offset=offset, path=origin) from None


def decode_text(data: bytes, *, origin: Optional[str] = None,
                encoding: Optional[str] = None) -> tuple[str, list[str]]:
    """Bytes to (text, warnings): a byte-order mark decides, else ``encoding``, else UTF-8 -- all
    strictly (see the module docstring)."""
    found, skip = sniff_bom(data)
    if found:
        warnings = []
        if found.startswith(_WIDE):
            warnings.append(f"read: decoded as {found.upper()}, as the file's byte-order mark says")
        return strict_decode(data[skip:], found, origin=origin, base=skip,
                             how="the file's byte-order mark says it is in this encoding"), warnings
    name = check_encoding(encoding) if encoding else "utf-8"
    if not name.startswith(_WIDE) and looks_binary(data):
        raise EncodingError("binary content, not text", path=origin)
    how = "" if not encoding else f"it was read as {name} (--encoding)"
    return strict_decode(data, name, origin=origin, how=how), []


def decode(data: bytes, *, origin: Optional[str] = None, encoding: Optional[str] = None) -> str:
    """Bytes to text (see :func:`decode_text`, which also returns the warnings)."""
    return decode_text(data, origin=origin, encoding=encoding)[0]


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


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, encoding: Optional[str] = None) -> Article:
    data = read_bytes(path, max_bytes)
    text, warnings = decode_text(data, origin=str(path), encoding=encoding)
    check_text(text, origin=str(path), max_bytes=max_bytes)
    return apply_dateline(Article(text=text, origin=str(path), warnings=warnings))
