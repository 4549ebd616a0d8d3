"""Which date expression dates the act.

1. The dates stage's expressions in the trigger's sentence (a wire dateline's date excluded) are
   ranked by :func:`sitrep.lang.timex.governing_date` (inside the trigger, attached to its clause verb,
   to a governing verb, nearest in the clause ...). The governing one dates the act unless it is a
   "since" date of a punctual act ("struck for the first time since 2016"), a comparison with the
   past ("the first such strike since the war") or the date of a clause embedded under the act
   ("since government forces retook it in 2016").
2. Else a statement continued by a pronoun speaker ("He added that ...") takes the date of the
   statement it continues (the only date of the previous sentences).
3. Else the publication date, only for an asserted present-tense act or one said to happen "today"
   (counted, and reported as a warning by the stage).
"""

from __future__ import annotations

import re
from typing import Optional

from ... import limits
from ...lang.modality import analyze
from ...lang.timex import governing_date
from .context import ArticleContext
from .grammar import PRESENT_TAGS, children
from .model import Candidate

#: "for the first time since 2016", "the first such strike since the war"
FIRST_SINCE = re.compile(r"\bfirst\b[^.;]{0,30}\bsince\b[^.;]*$")


def durative(c: Candidate) -> bool:
    """Can "since <date>" date this act? Only a state that lasts: a perfect or progressive
    ("has imposed sanctions since 2011"), not a punctual past ("struck for the first time since 2016")."""
    v = c.light if c.light is not None else c.trigger
    if v.pos_ not in ("VERB", "AUX"):
        return False
    auxes = {a.lemma_.lower() for a in v.children if a.dep_ in ("aux", "auxpass")}
    return "have" in auxes or v.tag_ == "VBG" or v.tag_ in ("VBZ", "VBP") and "be" in auxes


def first_since(ctx: ArticleContext, d) -> bool:
    """"for the first time since 2016", "the first such strike since the war": a comparison with the
    past, not the date of the act."""
    before = ctx.text[max(0, d.start - ctx.config.first_since_lookback_chars):d.end].lower()
    return FIRST_SINCE.search(before) is not None


def date_of_other_clause(d, c: Candidate) -> bool:
    """Does the date belong to a clause embedded under the act ("struck the city since government
    forces retook it in 2016": 2016 dates the retaking, a finite clause with its own subject)?"""
    doc = c.trigger.doc
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    own = {h.i for h in c.heads}
    cur = span.root
    for _ in range(limits.MAX_TREE_WALK):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.i in own or cur.pos_ not in ("VERB", "AUX") or not children(cur, "nsubj", "nsubjpass"):
        return False          # a participle without its own subject ("a statement issued on Sunday") dates the act
    return any(a.i in own for a in cur.ancestors)


def continued_speech_date(ctx: ArticleContext, c: Candidate, sent, modality: str) -> Optional[str]:
    """"He added that ...": a statement continued by a pronoun speaker was made when the
    previous sentence's statement was (its only resolved date)."""
    if modality != "reported":
        return None
    sv = analyze(c.trigger, is_noun=(c.kind != "verbal"), cues=ctx.modality_cues).speech_verb
    if sv is None or not any(t.pos_ == "PRON" for t in children(sv, "nsubj")):
        return None
    cur = sent
    for _ in range(ctx.config.continued_speech_sentences):   # a quotation may continue an attribution
        if cur.start == 0:
            return None
        cur = sent.doc[cur.start - 1].sent
        ds = {d.value for d in ctx.sentence_dates(cur) if d.value}
        if ds:
            return ds.pop() if len(ds) == 1 else None
    return None


def _sentence_dates(ctx: ArticleContext, sent) -> list:
    """The resolved date expressions of ``sent``, without a wire dateline's date."""
    ds = [d for d in ctx.sentence_dates(sent) if d.value]
    end = ctx.dateline_end(sent)
    if end is not None:
        ds = [d for d in ds if d.start >= end]
    return ds


def governed_date(ctx: ArticleContext, c: Candidate, sent) -> Optional[str]:
    """The value of the sentence's date that governs the trigger (step 1), else ``None``."""
    ds = _sentence_dates(ctx, sent)
    if not ds:
        return None
    toks = c.heads
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    d = governing_date(ds, start, end, sentence=(sent.start_char, sent.end_char), text=ctx.text)
    if d is None or not d.value:
        return None
    if getattr(d, "relation", "at") == "since" and not durative(c):
        return None
    if first_since(ctx, d) or date_of_other_clause(d, c):
        return None
    return d.value


def publication_date(ctx: ArticleContext, c: Candidate, sent, modality: str) -> Optional[str]:
    """The publication date for an asserted act in the present tense ("Mali is expelling aid
    workers") or said to happen today (step 3); counted in ``ctx.pub_dated``."""
    if not (ctx.pub and modality == "asserted"):
        return None
    trig = c.trigger
    present = trig.tag_ in PRESENT_TAGS or (trig.tag_ == "VBG" and any(
        a.tag_ in PRESENT_TAGS for a in trig.children if a.dep_ == "aux"))
    if present or ctx.per_sentence(sent, "today", lambda: any(t.lower_ in ctx.cues.today_words for t in sent)):
        ctx.pub_dated += 1
        return ctx.pub
    return None


def event_date(ctx: ArticleContext, c: Candidate, sent, modality: str) -> Optional[str]:
    """The date of the act (see the module docstring), or ``None``."""
    return (governed_date(ctx, c, sent) or continued_speech_date(ctx, c, sent, modality)
            or publication_date(ctx, c, sent, modality))
