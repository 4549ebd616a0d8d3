"""Quotation spans in plain text: where quoted material starts and ends.

A neutral helper (no spaCy, no pipeline state): :func:`find_quote_spans` scans a text once and returns
the quoted stretches with their content offsets (the marks themselves excluded), so that
``text[span.start:span.end]`` is the quoted content.

What it understands:

* straight double (``"``) and single (``'``) marks, curly double (“ ”) and single (‘ ’), angle marks
  (« », ‹ ›, and the reversed » « order), low-9 marks („ closed by “ or ”, ‚ closed by ‘ or ’);
* nested quotes (single inside double, or the other way round); every span records its ``depth``;
* quotes that run over several paragraphs, wire style: a paragraph that ends inside a quote and a next
  paragraph that reopens the same kind of mark continue one quote (the spans share a ``group``);
* a missing closing mark: the quote ends at the end of its paragraph and a warning says so;
* a closing mark whose opening mark is missing (``At the same time, we ...," she added.``): the quote
  starts at the start of its paragraph, with a warning;
* apostrophes are not quote marks: ``it's``, ``Hay'at``, ``Clinton’s``, ``HTS' efforts``, ``'90s``
  (a single mark only counts when it is closed within its paragraph).

The scan is a single pass over the mark characters (a compiled regular expression), so its cost is
linear in the length of the text whatever the input (unbalanced marks, huge paragraphs). It reads at most
:data:`sitrep.limits.MAX_QUOTE_MARKS` marks (``max_marks``): the marks after those are left as plain
characters, the paragraph holding the last one read is settled as if it ended there, and a warning says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .. import limits

#: every character that may be a quotation mark, plus the line break (paragraph end)
_MARKS_RE = re.compile("''|``|[\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a\u201e\u201a\u201f\u201b\n]")

DOUBLE = "double"
SINGLE = "single"
ANGLE = "angle"
ANGLE_SINGLE = "angle_single"

#: opening mark -> (family, closing marks accepted)
_OPENERS: dict[str, tuple[str, str]] = {
    "\u201c": (DOUBLE, '\u201d\u201c"'),    # “ … ” (a second “ or a straight " closing it: common typos)
    "\u201f": (DOUBLE, '\u201d"'),          # ‟ … ”
    "\u201e": (DOUBLE, '\u201c\u201d"'),    # „ … “  or  „ … ”
    "\u2018": (SINGLE, "\u2019'"),          # ‘ … ’
    "\u201b": (SINGLE, "\u2019"),           # ‛ … ’
    "\u201a": (SINGLE, "\u2018\u2019"),     # ‚ … ‘  or  ‚ … ’
    "\u00ab": (ANGLE, "\u00bb"),            # « … »
    "\u2039": (ANGLE_SINGLE, "\u203a"),     # ‹ … ›
}
#: marks that close a quote opened by the same character used the other way round
_REVERSED = {"\u00bb": (ANGLE, "\u00ab"), "\u203a": (ANGLE_SINGLE, "\u2039")}
_AMBIGUOUS = {'"': DOUBLE, "'": SINGLE}
_SINGLE_CLOSERS = "\u2019'"

#: characters after which a mark opens rather than closes
_OPEN_CONTEXT = set(" \t\n([{\u2014\u2013-/:;,\u00a0") | set(_OPENERS) | set('"\'')
#: characters after a closing mark
_CLOSE_FOLLOW = set(" \t\n.,;:!?)]}\u2014\u2013-\u2026\u00a0") | set("\u201d\u2019\u00bb\u203a\"'")


@dataclass
class QuoteSpan:
    """One quoted stretch. ``start``/``end`` delimit the content (marks excluded, whitespace trimmed)."""

    start: int
    end: int
    family: str                       # double | single | angle | angle_single
    open_at: Optional[int] = None     # offset of the opening mark (None: the opening mark is missing)
    close_at: Optional[int] = None    # offset of the closing mark (None: not closed in its paragraph)
    depth: int = 0                    # 0 for a top-level quote, 1 for a quote inside a quote, ...
    group: int = 0                    # spans of one multi-paragraph quote share a group number
    continues: bool = False           # the quote goes on in the next paragraph (reopened mark)
    continued: bool = False           # this span reopens a quote from the previous paragraph
    close_width: int = 1              # 2 for a doubled-apostrophe closing mark ('')

    @property
    def closed(self) -> bool:
        return self.close_at is not None

    @property
    def outer_start(self) -> int:
        """Start including the opening mark (or the content start when the mark is missing)."""
        return self.open_at if self.open_at is not None else self.start

    @property
    def outer_end(self) -> int:
        """End including the closing mark (or the content end when the mark is missing)."""
        return self.close_at + self.close_width if self.close_at is not None else self.end


@dataclass
class QuoteScan:
    spans: list[QuoteSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def top_level(self) -> list[QuoteSpan]:
        return [s for s in self.spans if s.depth == 0]


@dataclass
class _Open:
    at: int
    family: str
    closers: str
    mark: str
    width: int = 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _snippet(text: str, start: int, n: int = 40) -> str:
    s = text[start:start + n].replace("\n", " ")
    return s + ("…" if start + n < len(text) else "")


def find_quote_spans(text: str, max_marks: int = limits.MAX_QUOTE_MARKS) -> QuoteScan:
    """Find the quoted stretches of ``text`` (see the module docstring). Never raises on odd input."""
    sc = _Scanner(text)
    stop = _mark_limit(text, max_marks)
    for m in _MARKS_RE.finditer(text, 0, stop):
        sc.read_mark(m.start(), m.group())
    n = _limited_end(text, stop, max_marks, sc.scan)   # past the limit, the paragraph ends; nothing after it is read
    sc.end_paragraph(n)
    sc.raw.sort(key=lambda s: (s.start, -s.end))
    _assign_depth(sc.raw)
    sc.scan.spans = sc.raw
    return sc.scan


class _Scanner:
    """The state of one left-to-right pass over the quote marks of a text: the marks still open (a
    stack), the paragraph being read, and the quote that continues from the paragraph above."""

    def __init__(self, text: str):
        self.text = text
        self.n = len(text)
        self.scan = QuoteScan()
        self.raw: list[QuoteSpan] = []
        self.stack: list[_Open] = []
        self.para_start = 0
        self.group_counter = 0
        #: (group, family) of a quote continuing from the paragraph above
        self.pending_group: Optional[tuple[int, str]] = None
        #: offset of the first opening mark of the current paragraph (for multi-paragraph continuation)
        self.first_open = -1
        self.width = 1

    # -- context ---------------------------------------------------------------------------------------
    def prev_char(self, i: int) -> str:
        return self.text[i - 1] if i > 0 else "\n"

    def next_char(self, i: int) -> str:
        j = i + self.width
        return self.text[j] if j < self.n else "\n"

    # -- spans -----------------------------------------------------------------------------------------
    def add(self, start: int, end: int, family: str, open_at, close_at, **kw) -> Optional[QuoteSpan]:
        s, e = _trim(self.text, start, end)
        if e <= s:
            return None
        span = QuoteSpan(start=s, end=e, family=family, open_at=open_at, close_at=close_at, **kw)
        self.raw.append(span)
        return span

    def _continued(self, o: _Open) -> dict:
        """The group of a quote reopened from the paragraph above, when ``o`` is that reopening."""
        if self.pending_group is not None and o.at == self.first_open and self.pending_group[1] == o.family:
            kw = {"group": self.pending_group[0], "continued": True}
            self.pending_group = None
            return kw
        return {}

    def close_top(self, o: _Open, i: int) -> None:
        kw = self._continued(o)
        self.add(o.at + o.width, i, o.family, o.at, i, close_width=self.width, **kw)

    def _reopens(self, i: int, outer: _Open) -> bool:
        """Whether the paragraph after offset ``i`` opens again with ``outer``'s kind of mark (a quote
        running on over paragraphs)."""
        text, n = self.text, self.n
        j = i + 1
        while j < n and text[j].isspace():
            j += 1
        return j < n and (text.startswith(("''", "``"), j) and outer.family == DOUBLE
                          or text[j] in _OPENERS and _OPENERS[text[j]][0] == outer.family
                          or text[j] in _AMBIGUOUS and _AMBIGUOUS[text[j]] == outer.family
                          or text[j] in _REVERSED and _REVERSED[text[j]][0] == outer.family)

    def end_paragraph(self, i: int) -> None:
        """The paragraph ending at ``i`` closes: settle the marks still open."""
        next_group: Optional[tuple[int, str]] = None
        # the outermost open non-single quote may continue in the next paragraph
        outer = next((o for o in self.stack if o.family != SINGLE), None)
        if outer is not None:
            reopen = self._reopens(i, outer)
            kw: dict = self._continued(outer)
            if reopen:
                if "group" not in kw:
                    self.group_counter += 1
                    kw["group"] = self.group_counter
                span = self.add(outer.at + outer.width, i, outer.family, outer.at, None, continues=True, **kw)
                if span is not None:
                    next_group = (span.group, outer.family)
            else:
                span = self.add(outer.at + outer.width, i, outer.family, outer.at, None, **kw)
                if span is not None:
                    self.scan.warnings.append(
                        f"quote opened at offset {outer.at} is not closed; it ends at the end of its "
                        f"paragraph (offset {span.end}): {_snippet(self.text, span.start)!r}")
        # single marks never closed in their paragraph were apostrophes or stray marks: dropped
        self.stack = []
        self.pending_group = next_group
        self.first_open = -1

    def _push(self, o: _Open) -> None:
        """Open a quote (noting it when it is the paragraph's first)."""
        if self.first_open < 0 and not self.stack:
            self.first_open = o.at
        self.stack.append(o)

    def _orphan(self, i: int, family: str) -> None:
        _orphan_close(self.text, self.para_start, i, family, self.add, self.scan, self.raw)

    # -- one mark ----------------------------------------------------------------------------------------
    def read_mark(self, i: int, c: str) -> None:
        """Read the mark ``c`` at offset ``i``: a line break, or a mark that closes, opens or is dropped."""
        w = self.width = len(c)
        if w == 2:
            # typewriter doubles: `` opens like “, '' works like a straight double mark
            c = "\u201c" if c == "``" else '"'
        if c == "\n":
            self.end_paragraph(i)
            self.para_start = i + 1
            return
        p, q = self.prev_char(i), self.next_char(i)
        opener_ctx = p.isspace() or p in _OPEN_CONTEXT or i == self.para_start
        closer_ctx = (not p.isspace()) and (q.isspace() or q in _CLOSE_FOLLOW)
        if self.stack and self._closes(i, c, p, q, opener_ctx, closer_ctx):
            return
        if c in ("'", "\u2019"):
            # apostrophes and stray single marks; a straight mark opens a quote closed by the same mark
            # ('90s is an elision)
            if c == "'" and opener_ctx and not q.isspace() and not q.isdigit() and i + 1 < self.n:
                self.stack.append(_Open(i, SINGLE, "'", c, w))
            return
        self._opens(i, c, q, w, opener_ctx, closer_ctx)

    def _closes_top(self, top: _Open, c: str, p: str, q: str, opener_ctx: bool, closer_ctx: bool) -> bool:
        """Whether ``c`` closes the innermost open quote ``top``."""
        closes = c in top.closers and (c not in _SINGLE_CLOSERS or not (p.isalnum() and q.isalnum()))
        if c in ("'", "\u2019") and top.family != SINGLE:
            return False
        if c == "'" and top.family == SINGLE and not closer_ctx:
            return False
        if closes and c in _OPENERS and not closer_ctx and opener_ctx:
            return False
        if closes and c in _AMBIGUOUS and opener_ctx and not closer_ctx and c != top.mark:
            return False
        return closes

    def _closes(self, i: int, c: str, p: str, q: str, opener_ctx: bool, closer_ctx: bool) -> bool:
        """Close the innermost open quote, or one further down the stack (the marks above it were never
        closed), when ``c`` closes it; returns whether it did."""
        top = self.stack[-1]
        if self._closes_top(top, c, p, q, opener_ctx, closer_ctx):
            self.stack.pop()
            self.close_top(top, i)
            return True
        if c not in "'\u2019" and (closer_ctx or c not in _AMBIGUOUS and c not in _OPENERS):
            k = next((k for k in range(len(self.stack) - 1, -1, -1) if c in self.stack[k].closers), None)
            if k is not None:
                target = self.stack[k]
                del self.stack[k:]
                self.close_top(target, i)
                return True
        return False

    def _opens(self, i: int, c: str, q: str, w: int, opener_ctx: bool, closer_ctx: bool) -> None:
        """A mark that opens a quote, or closes one whose opening mark is missing."""
        if c in _OPENERS:
            fam, closers = _OPENERS[c]
            if c == "\u201c" and closer_ctx and not opener_ctx:
                self._orphan(i, DOUBLE)   # “ used as a closing mark with nothing open
                return
            self._push(_Open(i, fam, closers, c, w))
        elif c in _REVERSED:
            fam, closer = _REVERSED[c]
            if opener_ctx and not q.isspace():
                self._push(_Open(i, fam, closer, c, w))
            elif closer_ctx and not self.stack:
                self._orphan(i, fam)
        elif c == '"':
            if closer_ctx and not (opener_ctx and not q.isspace()):
                if not self.stack:
                    self._orphan(i, DOUBLE)
                return
            self._push(_Open(i, DOUBLE, '"\u201d', c, w))
        elif c in "\u201d":
            # ” with nothing open: either used as an opening mark or an orphan closing mark
            if opener_ctx and not q.isspace() and not closer_ctx:
                self._push(_Open(i, DOUBLE, "\u201d\u201c", c, w))
            elif not self.stack:
                self._orphan(i, DOUBLE)


def _mark_limit(text: str, max_marks: int) -> int:
    """The offset of the first quote mark past the first ``max_marks`` of ``text`` (line breaks are not
    marks), or ``len(text)`` when there are no more (always for a text shorter than the limit)."""
    if len(text) <= max_marks:
        return len(text)
    marks = 0
    for m in _MARKS_RE.finditer(text):
        if m.group() != "\n":
            marks += 1
            if marks > max_marks:
                return m.start()
    return len(text)


def _limited_end(text: str, stop: int, max_marks: int, scan: QuoteScan) -> int:
    """Where the scan's last paragraph ends: the end of the text, or, when the scan stopped at the mark
    limit (``stop``), the end of the paragraph holding that mark (with a warning)."""
    if stop >= len(text):
        return len(text)
    scan.warnings.append(f"more than {max_marks:,} quote marks (the limit): the marks from offset {stop} on "
                         f"are not read as quotes")
    end = text.find("\n", stop)
    return len(text) if end < 0 else end


def _orphan_close(text: str, para_start: int, i: int, family: str, add, scan: QuoteScan,
                  raw: list[QuoteSpan]) -> None:
    """A closing mark with no opening mark: the quote runs from its paragraph start (or from the end of
    the last quote closed before it in the same paragraph)."""
    start = para_start
    if raw and raw[-1].outer_end > para_start:
        start = max(start, raw[-1].outer_end)
    span = add(start, i, family, None, i)
    if span is not None:
        scan.warnings.append(
            f"closing quote mark at offset {i} has no opening mark; the quote is taken from the start "
            f"of its paragraph (offset {span.start}): {_snippet(text, span.start)!r}")


def _assign_depth(spans: list[QuoteSpan]) -> None:
    """Set ``depth`` from containment (spans sorted by start, longest first); linear with a stack."""
    open_: list[QuoteSpan] = []
    for s in spans:
        while open_ and open_[-1].outer_end <= s.outer_start:
            open_.pop()
        s.depth = len(open_)
        open_.append(s)
