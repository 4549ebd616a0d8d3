"""Cutting a stream of items into batches (the pipeline's worker processes and its Ray workers share this)."""

from __future__ import annotations

import itertools
from typing import Iterable, Iterator


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Lists of at most ``size`` items, in order: ``chunks(range(5), 2)`` gives [0, 1], [2, 3], [4]."""
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def batches(articles: Iterable, size: int, *, alone_chars: int) -> Iterator[list]:
    """Batches of at most ``size`` articles, in order; an article whose ``text`` is longer than
    ``alone_chars`` (:data:`sitrep.limits.ALONE_CHARS`) gets a batch of its own: a batch's parse time is
    charged to its articles by their length, and a long text that is cheap to read must not pay for an
    expensive one beside it (nor the others wait for it)."""
    chunk: list = []
    for a in articles:
        if len(a.text) > alone_chars:
            if chunk:
                yield chunk
                chunk = []
            yield [a]
            continue
        chunk.append(a)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
