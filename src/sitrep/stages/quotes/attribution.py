"""Tying each quote to its attribution.

1. **Kind** (:func:`quote_kind`): ``direct`` when the quote stands as a sentence of its own, else
   ``partial`` (``He added that the US "urges de-escalation"``).
2. **Frames** (:func:`frames`): the writer's words that can attribute a quote: its sentence before
   the opening mark and after the closing mark (within the paragraph), a lead-in ending with a colon,
   and a short attribution sentence right after the quote (``"…." He said.`` split by the parser).
3. **Cue** (:func:`cue_for_quote`): of the cues in the frames whose speaker stands outside the quote,
   the one the quote's words hang on in the parse, then a verb or preposition before a noun cue, then
   the nearest; a cue with no speaking actor inside another cue's report gives way to that cue
   (:func:`outer_cue`: "the ministry noted that preliminary information indicates "…"").
4. Without a cue: a transcript label (``"WALLACE: Let's start …"``, :func:`label_speaker`) or a name
   after a dash (``"…" ― Adriana Rodarte``, :func:`dash_speaker`).
5. **Indirect speech** (:func:`indirect`): each cue's reported clause not already carried by quoted
   words ("Sullivan said *the US would ...*").
6. **Neighbours** (:func:`share_groups`, :func:`inherit_speakers`): the paragraphs of one quote share
   their speaker; a quote without attribution takes the last speaker when it follows right after
   (same paragraph, or it opens the next one), else the next attribution of its paragraph.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from ...core.contract import ActorRef
from ...lang.quotemarks import QuoteSpan
from .context import WORD_RE, QuoteContext, looks_like_title, token_at  # noqa: F401 (re-exported)
from .records import Attribution, CueHit, Speaker
from .speakers import resolve

_DASH_RE = re.compile("[ \t\u00a0]*(?:[\u2015\u2014\u2013]|--?)[ \t\u00a0]*")
_LABEL_RE = re.compile("([A-Z][A-Z'\u2019.\\- ]{0,38}[A-Z.]):[ \t\u00a0]+(?=\\S)")
_SPACES = " \t\u00a0"
_CLOSING_MARKS = "\"'”’»"


def quote_kind(ctx: QuoteContext, sp: QuoteSpan) -> str:
    """direct: the quote stands as a sentence of its own; partial: quoted words inside a sentence."""
    text = ctx.text
    if sp.continued:
        return "direct"
    ps, _ = ctx.para_of(sp.start)
    i = sp.outer_start - 1
    while i >= ps and text[i] in _SPACES:
        i -= 1
    before = text[i] if i >= ps else ""
    first = text[sp.start] if sp.start < len(text) else ""
    if before == "" or before in ":":
        return "direct"
    if before in ",." or before in _CLOSING_MARKS:
        return "direct" if first.isupper() or first.isdigit() else "partial"
    # a quote that starts its sentence
    si = ctx.sent_index(sp.start)
    if ctx.sents and ctx.sents[si][0] >= sp.outer_start - 1 and first.isupper():
        return "direct"
    return "partial"


# -- frames ---------------------------------------------------------------------------------------
def frames(ctx: QuoteContext, sp: QuoteSpan) -> list[tuple[int, int]]:
    """The stretches of the writer's text that can attribute quote ``sp``: its sentence before the
    opening mark and after the closing mark (within the paragraph), a lead-in ending with a colon,
    and a short attribution sentence right after the quote (``"…." He said.`` split by the parser)."""
    if not ctx.sents:
        return []
    out = []
    before = _frame_before(ctx, sp)
    if before is not None:
        out.append(before)
    after = _frame_after(ctx, sp)
    if after is not None:
        out.append(after)
    return out


def _frame_before(ctx: QuoteContext, sp: QuoteSpan) -> Optional[tuple[int, int]]:
    """The quote's sentence before its opening mark; when the quote opens its sentence, a lead-in
    sentence ending with ':' ('The minister was blunt: "…"')."""
    text = ctx.text
    ps, _ = ctx.para_of(sp.start)
    si = ctx.sent_index(sp.outer_start)
    ls = max(ctx.sents[si][0], ps)
    if ls >= sp.outer_start - 1 and si > 0:
        prev_s, _prev_e = ctx.sents[si - 1]
        # the lead-in may close the paragraph before ('He said:' / '"We have ..."')
        if text[max(prev_s, 0):sp.outer_start].rstrip().endswith(":"):
            ls = prev_s
    return (ls, sp.outer_start) if ls < sp.outer_start else None


def _frame_after(ctx: QuoteContext, sp: QuoteSpan) -> Optional[tuple[int, int]]:
    """The quote's sentence after its closing mark (up to the next quote), else a short sentence
    right after it ('"…." He said.')."""
    text = ctx.text
    _, pe = ctx.para_of(sp.start)
    ei = ctx.sent_index(max(sp.outer_end - 1, 0))
    re_ = min(ctx.sents[ei][1], pe)
    # the writer's text after the quote ends at the next quote
    k = bisect.bisect_left(ctx.q_starts, sp.outer_end)
    while k < len(ctx.q_spans):   # a quoted name is the writer's text ('"…," the self-styled "Republic
        first = token_at(ctx.doc, ctx.q_spans[k].start)   # of Artsakh" said')
        if first is None or ctx.quoted_name(first) is None:
            break
        k += 1
    next_q = ctx.q_starts[k] if k < len(ctx.q_starts) else None
    if next_q is not None and next_q < re_:
        re_ = next_q
        if text[sp.start:sp.end].rstrip().endswith((".", "!", "?")):
            # the quote ended its sentence and the next one carries its own quote
            re_ = sp.outer_end
    if re_ > sp.outer_end and any(ch.isalpha() for ch in text[sp.outer_end:re_]):
        return sp.outer_end, re_
    # the rest of the sentence is punctuation only: look at a short next sentence
    cfg = ctx.config
    nj = ei + 1
    if re_ <= sp.outer_end + cfg.attribution_tail_max_chars and nj < len(ctx.sents):
        ns, ne = ctx.sents[nj]
        if ns < pe and ns - sp.outer_end <= cfg.attribution_sentence_max_gap \
                and len(text[ns:ne].split()) <= cfg.attribution_sentence_max_words \
                and (next_q is None or next_q >= ne):
            return sp.outer_end, min(ne, pe)
    return None


# -- quotes without a cue --------------------------------------------------------------------------
def dash_speaker(ctx: QuoteContext, sp: QuoteSpan) -> Optional[Speaker]:
    """'"…" ― Adriana Rodarte': a name after a dash right after the closing mark."""
    if sp.close_at is None:
        return None
    m = _DASH_RE.match(ctx.text, sp.outer_end)
    if m is None or m.end() == sp.outer_end:
        return None
    tok = token_at(ctx.doc, m.end())
    if tok is None or tok.idx != m.end() or not (tok.pos_ == "PROPN" or tok.is_title):
        return None
    doc = ctx.doc
    j = tok.i
    while j + 1 < len(doc) and (doc[j + 1].pos_ == "PROPN" or doc[j + 1].is_title) \
            and not doc[j + 1].is_sent_start:
        j += 1
    sp_ = resolve(ctx, doc[j], None, None)
    return sp_ if sp_ is not None and sp_.ref is not None else None


def lead_in_speaker(ctx: QuoteContext, sp: QuoteSpan) -> Optional[Speaker]:
    """ 'Senator Claire McCaskill scolded him: "…"', 'Sanders made the following comment:' / '"…"': a
    sentence of the writer's ending with a colon right before the quote (in its paragraph or closing the
    one before) introduces it, with no cue word: the subject of its main verb speaks, when an actor, an
    entity or a name stands for it."""
    text = ctx.text
    i = sp.outer_start - 1
    while i >= 0 and text[i] in _SPACES + "\n":
        i -= 1
    if i < 0 or text[i] != ":" or ctx.in_quote(i, i + 1):
        return None
    colon = token_at(ctx.doc, i)
    if colon is None:
        return None
    # the last verb with a subject before the colon (the parser may hang the colon on the quote)
    verbs = [t for t in ctx.doc[colon.sent.start:colon.i] if t.pos_ in ("VERB", "AUX")
             and not ctx.in_quote(t.idx, t.idx + len(t)) and any(c.dep_ == "nsubj" for c in t.children)]
    if not verbs:
        return None
    subj = next(c for c in verbs[-1].children if c.dep_ == "nsubj")
    got = resolve(ctx, subj, None, None)
    return got if got is not None and got.ref is not None else None


def subject_speaker(ctx: QuoteContext, sp: QuoteSpan) -> Optional[Speaker]:
    """A mixed quote with no cue: words quoted inside a sentence whose subject is a person ('*He*
    thanked the diplomats for the talks held "in a friendly atmosphere"', '*Ms Lund* described the
    plan as "dead on arrival"') are that person's, when the quote hangs on the sentence's main verb
    and the subject is a he/she or a person actor."""
    first = token_at(ctx.doc, sp.start)
    if first is None:
        return None
    root = first.sent.root
    if ctx.in_quote(root.idx, root.idx + len(root)) or root.pos_ != "VERB" or first not in list(root.subtree):
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < first.i), None)
    if subj is None or ctx.in_quote(subj.idx, subj.idx + len(subj)):
        return None
    got = resolve(ctx, subj, None, None)
    if got is None or got.ref is None or not got.person:
        return None
    return got


def label_speaker(ctx: QuoteContext, sp: QuoteSpan) -> Optional[tuple[Speaker, int]]:
    """Transcript style: '"WALLACE: Let's start …"'. Returns the speaker and the new content start."""
    cfg = ctx.config
    m = _LABEL_RE.match(ctx.text, sp.start, min(sp.end, sp.start + cfg.label_window))
    if m is None or not any(c.isalpha() for c in m.group(1)) or len(m.group(1).split()) > cfg.label_max_words:
        return None
    ls, le = m.span(1)
    span = ctx.doc.char_span(ls, le, alignment_mode="contract")
    ref = None
    if span is not None and len(span):
        got = resolve(ctx, span[-1], None, None)
        if got is not None and got.ref is not None:
            ref = got.ref
    if ref is None:
        name = m.group(1).strip()
        ref = ActorRef(actor_id=ctx.fallback_id(name.title(), "PERSON"), text=name)
    return Speaker(ref, ls, le, True), m.end()


# -- the cue of a quote ---------------------------------------------------------------------------
def _cue_can_attribute(ctx: QuoteContext, sp: QuoteSpan, h: CueHit, frame_end: int) -> bool:
    """Whether cue ``h`` (inside a frame of ``sp``) may attribute the quote: it ends in the frame,
    overlaps no quote, has a speaker (an actor, unless it is a verb), and the speaker stands outside
    the quote."""
    if h.end > frame_end or ctx.quote_overlapping(h.start, h.end):
        return False
    if h.speaker is None or h.speaker.ref is None and h.entry.kind != "verb":
        return False
    return not (sp.outer_start <= h.speaker.start < sp.outer_end)


def _linked(ctx: QuoteContext, first_tok, h: CueHit) -> int:
    """1 when the quote's first word hangs (through its heads) on cue verb ``h``, else 0."""
    if first_tok is None or h.entry.kind != "verb":
        return 0
    t = first_tok
    for _ in range(ctx.config.link_climb_limit):
        if t.i == h.token_i:
            return 1
        if t.head.i == t.i:
            break
        t = t.head
    return 0


def cue_for_quote(ctx: QuoteContext, sp: QuoteSpan, hits: list[CueHit]) -> Optional[CueHit]:
    """The cue attributing quote ``sp`` (see the module doc, step 3), or None."""
    spans = frames(ctx, sp)
    if not spans:
        return None
    starts = [h.start for h in hits]
    cands: list[tuple[int, int, int, CueHit]] = []
    first_tok = token_at(ctx.doc, sp.start)
    for fs, fe in spans:
        lo = bisect.bisect_left(starts, fs)
        for k in range(lo, len(hits)):
            h = hits[k]
            if h.start >= fe:
                break
            if not _cue_can_attribute(ctx, sp, h, fe):
                continue
            dist = sp.outer_start - h.end if h.end <= sp.outer_start else h.start - sp.outer_end
            # a verb or "according to" before a noun cue ("pointed out in his statements")
            cands.append((-_linked(ctx, first_tok, h), h.entry.kind == "noun", dist, h))
    if not cands:
        return None
    cands.sort(key=lambda c: c[:3])
    return outer_cue(cands[0][3], [c[3] for c in cands])


def outer_cue(best: CueHit, cands: list[CueHit]) -> CueHit:
    """A cue with no speaking actor inside another cue's report speaks for that cue's speaker: in "the
    ministry said the reports would demand "…"" and "the ministry noted that preliminary information
    indicates "…"", the quote is the ministry's."""
    if best.speaker is not None and best.speaker.ref is not None:
        return best
    for h in cands:
        if h is best or h.speaker is None or h.speaker.ref is None or h.content is None:
            continue
        if h.content[0] <= best.start < h.content[1]:
            return h
    return best


# -- indirect speech and neighbours ---------------------------------------------------------------
def indirect(ctx: QuoteContext, hits: list[CueHit]) -> list[Attribution]:
    """The reported clauses of the cues ("Sullivan said *the US would ...*") that quoted words do not
    already carry."""
    out = []
    for h in hits:
        if h.content is None or not (h.entry.reports(ctx.config.positions) or h.parenthetical) or h.negated:
            continue
        s, e = h.content
        if ctx.quote_overlapping(s, e) and (ctx.quoted_share(s, e) >= ctx.config.carried_share
                                            or h.speaker is None or h.speaker.ref is None):
            continue  # quoted words carry this report (a quoted term inside a named speaker's does not)
        if s <= h.start < e and h.entry.kind == "verb" and not h.parenthetical:
            continue
        if h.speaker is None:
            continue
        kind = "direct" if dialogue_line(ctx, s) else "indirect"
        out.append(Attribution(start=s, end=e, kind=kind, cue=h, speaker=h.speaker, para=ctx.para_index(s)))
    return one_per_report(out)


def one_per_report(atts: list[Attribution]) -> list[Attribution]:
    """One attribution for each reported clause: "Police said on Wednesday *73 students were kidnapped*,
    Trend reports citing Xinhua" is the police's report, not three; the cue that introduces the clause
    (before it) speaks, not the outlets that carried it after. Reports that begin at the same word are
    one clause (their ends differ by the words each cue leaves out)."""
    best: dict[int, Attribution] = {}
    for a in atts:
        key = a.start
        old = best.get(key)
        if old is None or (a.cue is not None and old.cue is not None
                           and a.cue.start < a.start <= old.cue.start):
            best[key] = a
    return [a for a in atts if best[a.start] is a]


def dialogue_line(ctx: QuoteContext, start: int) -> bool:
    """A report that opens a line after a dialogue dash is words as said, not a paraphrase (French
    dialogue: "— Nous ne négocierons pas, a déclaré le ministre."); never in an English parse."""
    if ctx.doc.lang_ == "en":
        return False
    line = ctx.text[ctx.text.rfind("\n", 0, start) + 1:start]
    return bool(line.strip()) and _DASH_RE.fullmatch(line) is not None


def share_groups(atts: list[Attribution]) -> None:
    """The paragraphs of one multi-paragraph quote share the attribution found on any of them."""
    groups: dict[int, list[Attribution]] = {}
    for a in atts:
        if a.span is not None and a.span.group:
            groups.setdefault(a.span.group, []).append(a)
    for members in groups.values():
        src = next((m for m in reversed(members) if m.speaker is not None), None) \
            or next((m for m in members if m.cue is not None), None)
        if src is None:
            continue
        for m in members:
            if m.cue is None and m.speaker is None:
                m.speaker, m.inherited = src.speaker, True


def _own_speaker(b: Attribution) -> bool:
    return b.speaker is not None and b.speaker.ref is not None


def _next_own_speakers(atts: list[Attribution]) -> tuple[list[Optional[int]], list[int]]:
    """For each attribution, in one pass from the end: the index of the next one with an actor of its
    own (not inherited), and the index of the first one after it in another paragraph (``atts`` are in
    text order, so their paragraphs never decrease)."""
    n = len(atts)
    own_next: list[Optional[int]] = [None] * n
    para_end = [n] * n
    nxt: Optional[int] = None
    for j in range(n - 1, -1, -1):
        own_next[j] = nxt
        if j + 1 < n:
            para_end[j] = j + 1 if atts[j + 1].para != atts[j].para else para_end[j + 1]
        if _own_speaker(atts[j]) and not atts[j].inherited:
            nxt = j
    return own_next, para_end


def _previous_speaker(atts: list[Attribution], spoken: list[int], a: Attribution) -> Optional[Attribution]:
    """The last attribution with an actor before ``a`` (``spoken``: the indices of those so far, scanned
    back past the few that overlap ``a``), looking back one paragraph at most."""
    for j in reversed(spoken):
        b = atts[j]
        if b.outer_end <= a.outer_start:
            return b
        if b.para < a.para - 1:
            break
    return None


def inherit_speakers(ctx: QuoteContext, atts: list[Attribution]) -> None:
    """Quotes with no attribution of their own take the neighbouring speaker (see the module doc): the
    last speaker before them (in their paragraph, or in the one before when they open theirs), else the
    next attribution of their paragraph with an actor of its own.

    Linear in the attributions (each unattributed quote used to scan back over every quote of its
    paragraph and slice the paragraph's text: 12 s for 10,000 quotes)."""
    text = ctx.text
    own_next, para_end = _next_own_speakers(atts)
    spoken: list[int] = []             # attributions with an actor so far (inherited ones too), in order
    text_start: dict[int, int] = {}    # paragraph start -> its first non-space offset
    for idx, a in enumerate(atts):
        if a.speaker is None and a.cue is None and a.span is not None:
            ps, pe = ctx.paras[a.para] if ctx.paras else (0, len(text))
            if ps not in text_start:
                line = text[ps:pe]
                text_start[ps] = ps + len(line) - len(line.lstrip())
            opens_para = text_start[ps] >= a.outer_start
            prev = _previous_speaker(atts, spoken, a)
            if prev is not None and (prev.para == a.para or (prev.para == a.para - 1 and opens_para)):
                a.speaker, a.inherited = prev.speaker, True
            elif own_next[idx] is not None and own_next[idx] < para_end[idx]:
                a.speaker, a.inherited = atts[own_next[idx]].speaker, True
        if _own_speaker(a):
            spoken.append(idx)
