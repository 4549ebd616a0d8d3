"""Parquet: one article per row, with the columns of a JSONL record (:mod:`sitrep.readers.jsonl`):
``id``, ``text`` or ``html``, and optionally ``title``, ``url``, ``source``, ``published``, ``language``
-- the columns ``sitrep ingest --ray`` reads with ``ray.data.read_parquet``. Other columns are not read.

Each row is checked as a JSONL line is (:func:`~sitrep.readers.jsonl.record_to_article`): a bad row is a
failure of its own (origin ``FILE:ROW``, rows counted from 1) and the other rows still come out. A
``published`` column of Parquet dates or timestamps is taken as the date. Reading Parquet needs
``pyarrow`` (``pip install 'sitrep[parquet]'``); without it, or for a file that is not Parquet, the whole
file is one failure.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Iterator, Union

from ..core.article import Article, Failure
from ..core.errors import MalformedRecordError, ReadError, UnreadableFileError
from .jsonl import FIELDS, record_to_article
from .text import DEFAULT_MAX_BYTES

#: rows read at a time
BATCH_ROWS = 256


def _plain(rec: dict[str, Any]) -> dict[str, Any]:
    """A row as a JSONL record: a date (or timestamp) ``published`` as ``YYYY-MM-DD``."""
    published = rec.get("published")
    if isinstance(published, date):  # a datetime is a date too
        rec["published"] = published.isoformat()[:10]
    return rec


def _open(path: Path):
    try:
        import pyarrow
        import pyarrow.parquet as pq
    except ImportError:
        raise UnreadableFileError("reading a .parquet file needs pyarrow: pip install 'sitrep[parquet]'",
                                  path=str(path)) from None
    try:
        return pq.ParquetFile(path)
    except (OSError, pyarrow.ArrowException) as err:
        raise MalformedRecordError(f"not a Parquet file ({err})", path=str(path)) from None


def read_parquet(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Union[Article, Failure]]:
    """The articles of a Parquet file, one per row (a bad row: a :class:`Failure`)."""
    pf = _open(path)
    columns = [c for c in FIELDS if c in pf.schema_arrow.names]
    n = 0
    for batch in pf.iter_batches(batch_size=BATCH_ROWS, columns=columns):
        for rec in batch.to_pylist():
            n += 1
            origin = f"{path}:{n}"
            try:
                yield record_to_article(_plain(rec), origin=origin, max_bytes=max_bytes)
            except ReadError as err:
                yield Failure.from_error(err, origin=origin, stage="read")
