"""Cutting a stream of items into batches (the pipeline's process pool and its Ray workers share this)."""

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
