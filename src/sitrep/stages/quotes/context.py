"""Per-article look-ups of the quotes stage: paragraphs, sentences, quote intervals, actor mentions,
spaCy entities, and the ids given to speakers no actor mention covers."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Optional

from ...core.article import ArticleState, Mention
from ...core.text import DATELINE
from ...lang.quotemarks import QuoteSpan
from .lexicon import CueLexicon

if TYPE_CHECKING:  # pragma: no cover
    from .stage import QuotesConfig

_SLUG_RE = re.compile(r"[^a-z0-9]+")
WORD_RE = re.compile(r"\w+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each non-empty line: ``"a\\n\\nb"`` -> ``[(0, 1), (3, 4)]``."""
    paras = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        if line.strip():
            paras.append((s, e))
        pos = e + 1
    return paras


class QuoteContext:
    """Per-article look-ups: paragraphs, sentences, quote intervals, mentions, entities."""

    def __init__(self, state: ArticleState, lex: CueLexicon, config: "QuotesConfig"):
        self.state = state
        self.config = config
        self.text = state.text
        self.doc = state.doc
        self.lex = lex
        self.words = lex.words
        self.paras: list[tuple[int, int]] = paragraphs(self.text)
        self.para_starts = [s for s, _ in self.paras]
        sents = state.sentences or [(s.start_char, s.end_char) for s in self.doc.sents]
        self.sents = sents
        self.sent_starts = [s for s, _ in sents]
        self.mentions = sorted(state.mentions or [], key=lambda m: (m.start, -m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.max_mention = max((m.end - m.start for m in self.mentions), default=0)
        self.ents = sorted(self.doc.ents, key=lambda e: e.start_char)
        self.ent_starts = [e.start_char for e in self.ents]
        self.fallback_ids: dict[str, str] = {}
        self.fallback_people: list[tuple[str, str]] = []  # (full name, id)
        self.q_starts: list[int] = []
        self.q_spans: list[QuoteSpan] = []
        self.q_maxend: list[int] = []
        self._datelines: dict[int, int] = {}   # paragraph -> end of the dateline opening it (or its start)

    # -- geometry --------------------------------------------------------------------------------
    def para_index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.para_starts, offset) - 1, 0)

    def para_of(self, offset: int) -> tuple[int, int]:
        return self.paras[self.para_index(offset)] if self.paras else (0, len(self.text))

    def sent_index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, offset) - 1, 0)

    def in_dateline(self, offset: int) -> bool:
        """Whether ``offset`` lies in a wire dateline opening its paragraph ("WASHINGTON (AP) — "): its
        place and outlet never speak."""
        pi = self.para_index(offset)
        end = self._datelines.get(pi)
        if end is None:
            ps, pe = self.para_of(offset)
            m = DATELINE.match(self.text, ps, pe)
            end = self._datelines[pi] = m.end() if m is not None else ps
        return offset < end

    def set_quotes(self, spans: list[QuoteSpan]) -> None:
        self.q_spans = sorted(spans, key=lambda s: s.outer_start)
        self.q_starts = [s.outer_start for s in self.q_spans]
        # running max of ends, so "inside any quote" is a bisect + one comparison
        self.q_maxend = []
        m = -1
        for s in self.q_spans:
            m = max(m, s.outer_end)
            self.q_maxend.append(m)

    def in_quote(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside a quote's marks."""
        i = bisect.bisect_right(self.q_starts, start) - 1
        if i < 0:
            return False
        # nearest candidate first; quotes don't overlap at top level
        s = self.q_spans[i]
        return s.outer_start <= start and end <= s.outer_end

    def quoted_name(self, tok) -> Optional[tuple[int, int]]:
        """The span of the quote token ``tok`` lies in when that quote is a name, not words ('the
        self-styled *"Republic of Artsakh"* said': short Title Case words), else None."""
        i = bisect.bisect_right(self.q_starts, tok.idx) - 1
        if i < 0:
            return None
        sp = self.q_spans[i]
        if not (sp.outer_start <= tok.idx < sp.outer_end):
            return None
        if not looks_like_title(self.text[sp.start:sp.end], self.words.title_small_words,
                                self.config.title_max_words):
            return None
        return trim_name(self.text, sp.start, sp.end)

    def quote_overlapping(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.q_starts, end) - 1
        return i >= 0 and self.q_maxend[i] > start

    def quoted_share(self, start: int, end: int) -> float:
        """The share of ``[start, end)`` that lies inside quotation marks (0.0 to 1.0)."""
        if end <= start:
            return 0.0
        inside = 0
        hi = bisect.bisect_left(self.q_starts, end)
        for sp in self.q_spans[:hi]:
            inside += max(0, min(end, sp.outer_end) - max(start, sp.outer_start))
        return min(1.0, inside / (end - start))

    # -- actor mentions and entities -------------------------------------------------------------
    def mention_with(self, start: int, end: int) -> Optional[Mention]:
        """The actor mention containing ``[start, end)`` (the longest), or None."""
        lo = bisect.bisect_left(self.mention_starts, start - self.max_mention)
        best = None
        for k in range(lo, len(self.mentions)):
            m = self.mentions[k]
            if m.start > start:
                break
            if m.start <= start and end <= m.end:
                if best is None or (m.end - m.start) > (best.end - best.start):
                    best = m
        return best

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.mention_starts, start)
        out = []
        for k in range(lo, len(self.mentions)):
            m = self.mentions[k]
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def is_person_actor(self, actor_id: str, how: str = "name") -> bool:
        if how == "pronoun":
            return True
        a = self.state.actor(actor_id)
        return a is not None and a.kind == "person"

    def entity_at(self, tok):
        """The spaCy entity (of a speaker label: PERSON, ORG, GPE, NORP) covering ``tok``, or None."""
        i = bisect.bisect_right(self.ent_starts, tok.idx) - 1
        if i >= 0:
            ent = self.ents[i]
            if ent.start <= tok.i < ent.end and ent.label_ in self.config.fallback_entity_labels:
                return ent
        return None

    def last_person_entity(self, offset: int):
        """The last PERSON entity before ``offset`` in the same or the previous paragraph."""
        pi = self.para_index(offset)
        floor = self.paras[pi - 1][0] if pi > 0 and self.paras else 0
        i = bisect.bisect_left(self.ent_starts, offset) - 1
        while i >= 0 and self.ents[i].start_char >= floor:
            if self.ents[i].label_ == "PERSON" and not self.in_quote(self.ents[i].start_char, self.ents[i].end_char):
                return self.ents[i]
            i -= 1
        return None

    def fallback_id(self, name: str, label: str) -> str:
        """An actor id for a speaker no actor mention covers (a spaCy entity or a proper name); a surname
        reuses the id of the full name seen before ("Sullivan" after "Jake Sullivan")."""
        if name.lower().startswith("the "):
            name = name[4:]
        if name.endswith("'s") or name.endswith("’s"):
            name = name[:-2]
        key = " ".join(name.split()).lower()
        if key in self.fallback_ids:
            return self.fallback_ids[key]
        if label == "PERSON":
            last = key.split()[-1] if key.split() else key
            for full, fid in reversed(self.fallback_people):
                if full.split()[-1] == last:
                    self.fallback_ids[key] = fid
                    return fid
        named = next((m.actor_id for m in self.mentions if " ".join(m.text.split()).lower() == key), None)
        fid = named or "ent:" + (_SLUG_RE.sub("-", key).strip("-") or "x")  # an actor named so, else the name's own
        self.fallback_ids[key] = fid
        if label == "PERSON":
            self.fallback_people.append((key, fid))
        return fid


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop stray punctuation and spaces the entity recogniser left at the edges of a name
    (``", Jake Sullivan "`` -> ``"Jake Sullivan"``)."""
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    return start, end


def token_at(doc, offset: int):
    """The token starting at or covering character ``offset`` (None if outside)."""
    if not len(doc):
        return None
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[0]


def looks_like_title(content: str, small_words: frozenset, max_words: int = 7) -> bool:
    """Short quoted Title Case words ("Fox and Friends", "Face the Nation,") name a work or a show."""
    words = WORD_RE.findall(content)
    if not words or len(words) > max_words:
        return False
    caps = 0
    for w in words:
        if w.lower() in small_words or w.isdigit():
            continue
        if not w[0].isupper():
            return False
        caps += 1
    return caps >= 1 and (caps >= 2 or len(words) == 1)
