"""Helpers shared by the suites: name normalisation, span overlap, distances, offset alignment, and
running the pipeline over gold articles."""

from __future__ import annotations

import difflib
import re
import time
from typing import Iterable, Optional, Sequence

from ..core.article import Article, normalise_text
from ..core.contract import Actor, ActorRef, Document

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'",
                         "\u00a0": " ", "\u2013": "-", "\u2014": "-"})
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"(?:'s|')$")
#: quotation marks around a word of a name ("armed 'rioters'", "'hostile media'"): scare quotes, no part
#: of the name (an apostrophe inside a word, "Ma'arib", stays)
_SCARE_QUOTES = re.compile(r"(?:(?<=\s)|^)['\"]+|['\"]+(?=\s|$)")


def norm_text(s: Optional[str]) -> str:
    """Lower case, straight quotes, single spaces."""
    if not s:
        return ""
    return _SPACES.sub(" ", s.translate(_QUOTES)).strip().lower()


def norm_name(s: Optional[str]) -> str:
    """A name for comparison: :func:`norm_text`, no leading "the", no possessive ending, no scare
    quotes."""
    s = norm_text(s)
    s = _LEADING_THE.sub("", s)
    s = _POSSESSIVE.sub("", s).strip()
    return _SCARE_QUOTES.sub("", s).strip()


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by the half-open spans ``a`` and ``b``."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_overlap(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    """Characters shared by two sets of (possibly discontinuous) spans."""
    return sum(overlap(x, y) for x in a for y in b)


def span_length(spans: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, e - s) for s, e in spans)


# -- offsets -----------------------------------------------------------------------------------

class OffsetMap:
    """Maps character offsets in a raw gold text to offsets in the text sitrep reads (after
    :func:`sitrep.article.normalise_text`), so gold spans can be compared with output spans."""

    def __init__(self, raw: str):
        self.raw = raw
        self.text = normalise_text(raw)
        self._table: Optional[list[int]] = None
        self._shift = 0
        if self.text == raw:
            return
        lead = len(raw) - len(raw.lstrip())
        if raw[lead:lead + len(self.text)] == self.text:
            self._shift = lead
            return
        # General case: align character by character (rare: CRLF, NFC changes, BOM, NUL).
        table = [0] * (len(raw) + 1)
        sm = difflib.SequenceMatcher(None, raw, self.text, autojunk=False)
        last = 0
        pos = 0
        for i, j, n in sm.get_matching_blocks():
            for k in range(pos, i):
                table[k] = last
            for k in range(n):
                table[i + k] = j + k
            last = j + n
            pos = i + n
        for k in range(pos, len(raw) + 1):
            table[k] = min(last, len(self.text))
        self._table = table

    def __call__(self, offset: int) -> int:
        if self._table is not None:
            return self._table[max(0, min(offset, len(self._table) - 1))]
        return max(0, min(len(self.text), offset - self._shift))

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self(start), self(end)


# -- actors of a document ----------------------------------------------------------------------

class DocActors:
    """The actors of one output document, by id, with the names each one goes by."""

    def __init__(self, doc: Document):
        self.by_id: dict[str, Actor] = {a.id: a for a in doc.actors}

    def get(self, ref: Optional[ActorRef | str]) -> Optional[Actor]:
        if ref is None:
            return None
        aid = ref if isinstance(ref, str) else ref.actor_id
        return self.by_id.get(aid)

    def names(self, actor: Optional[Actor]) -> set[str]:
        if actor is None:
            return set()
        out = {norm_name(actor.name)} | {norm_name(a) for a in actor.aliases}
        return {n for n in out if n}

    def affiliations(self, actor: Optional[Actor]) -> list[Actor]:
        """The actor's chain of affiliations (a spokesman's ministry, the ministry's state)."""
        chain, seen = [], set()
        while actor is not None and actor.affiliation and actor.affiliation not in seen:
            seen.add(actor.affiliation)
            actor = self.by_id.get(actor.affiliation)
            if actor is not None:
                chain.append(actor)
        return chain


# -- running the pipeline ----------------------------------------------------------------------

def run_pipeline(articles: Iterable[Article], *, pipeline=None, batch_size: int = 32,
                 n_process: int = 1) -> tuple[list[Optional[Document]], list[str], float]:
    """Process gold articles in batches; returns their documents (``None`` for a failure, in
    order), the failure descriptions, and the seconds taken."""
    if pipeline is None:
        from .. import default_pipeline

        pipeline = default_pipeline()
    t0 = time.perf_counter()
    docs: list[Optional[Document]] = []
    failures: list[str] = []
    for outcome in pipeline.pipe(articles, batch_size=batch_size, n_process=n_process):
        docs.append(outcome.document)
        if outcome.failure is not None:
            failures.append(outcome.failure.describe())
    return docs, failures, time.perf_counter() - t0
