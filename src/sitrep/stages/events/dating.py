"""Which date expression dates the act.

0. An act whose clause is dated from the clause it hangs on ("four days after a bomber killed ...",
   "a month after", "ten days earlier", "the previous day") takes the other clause's date (the
   publication date when it has none) moved by that offset (:func:`offset_date`).
1. The dates stage's expressions in the trigger's sentence (a wire dateline's date excluded) are
   ranked by :func:`sitrep.lang.timex.governing_date` on the parse (inside the trigger, attached to its
   clause verb, to a governing verb, nearest in the clause ...). The governing one dates the act unless it is a
   "since" date of a punctual act ("struck for the first time since 2016") or of a cumulative count
   (step 2), a comparison with the past ("the first such strike since the war") or the date of a
   clause embedded under the act ("since government forces retook it in 2016") or of a clause of another
   time that is not the act's ("since the ceasefire took effect on Nov. 27": :func:`date_of_linked_clause`), the date of the verb
   above an act told in a part of another time ("sanctions on Monday *for* the invasion", "rockets
   *fired* by Hamas": :func:`act_of_other_time`; a date long before the news still dates it), or only the date of
   the statement that reports someone else's act ("gunmen shot 23 passengers, police said Monday":
   news GUIDELINES §4, a date in another clause never dates the act; :func:`statement_date`).
2. Else a cumulative count under a "since" date ("has killed 40,000 since October 7", "300 fighters
   have been killed since ...") is dated to the report that states it: the publication date (news
   GUIDELINES §4; it is not historical). A lasting state keeps its "since" date ("has been fighting
   since 2006").
3. Else a statement continued by a pronoun speaker ("He added that ...") takes the date of the
   statement it continues (the only date of the previous sentences).
4. Else the publication date, only for an asserted present-tense act or one said to happen "today"
   (counted, and reported as a warning by the stage).
5. Else a reported act told in a past tense in a sentence with no date at all ("militants attacked the
   town, a source told Rudaw", "the farmers were killed by insurgents, sources said") takes the day
   of the first act of its type dated in the article's lead before it (:func:`date_from_lead`, once the
   article's events are made): wire copy tells an incident in its lead and attributes what it adds of
   it later. An act told as the writer's own fact with no date may be background, and one of another
   type another incident: they keep none.

An act of the news as asserted or reported is ``historical`` when its date (the middle of it) is more
than ``historical_after_days`` before publication (:func:`historical`): "in 2019 the group seized ...",
not an act of last December in a January report.
"""

from __future__ import annotations

import calendar
from datetime import date as Date
from typing import Optional

from ... import limits
from ...lang.modality import analyze
from ...lang.timex import clause_offset, clause_verb, governing_date, load_lexicon, shift_value
from .context import ArticleContext
from .grammar import PRESENT_TAGS, children, conj_chain, conj_root
from .model import Candidate



def act_verb(c: Candidate):
    """The verb that tells the act: its light verb, its trigger, or for an act noun that is a subject
    the verb it is the subject of ("Israeli strikes have killed 40,000")."""
    v = c.light if c.light is not None else c.trigger
    if v.pos_ in ("NOUN", "PROPN") and v.dep_ in ("nsubj", "nsubjpass") and v.head.pos_ in ("VERB", "AUX"):
        return v.head
    return v


def durative(c: Candidate) -> bool:
    """Can "since <date>" date this act? Only a state that lasts: a perfect or progressive
    ("has imposed sanctions since 2011"), not a punctual past ("struck for the first time since 2016")."""
    v = act_verb(c)
    if v.pos_ not in ("VERB", "AUX"):
        return False
    auxes = {a.lemma_.lower() for a in v.children if a.dep_ in ("aux", "auxpass")}
    return "have" in auxes or v.tag_ == "VBG" or v.tag_ in ("VBZ", "VBP") and "be" in auxes


def first_since(ctx: ArticleContext, d) -> bool:
    """"for the first time since 2016", "the first such strike since the war": a comparison with the
    past, not the date of the act."""
    before = ctx.text[max(0, d.start - ctx.config.first_since_lookback_chars):d.end].lower()
    return ctx.cues.first_since.search(before) is not None


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


def date_of_linked_clause(d, c: Candidate) -> bool:
    """Is the date in a clause of another time that is not the act's ("killed since the ceasefire took
    effect *on Nov. 27*", "announced a victory after the army took the city *on Sunday*": a clause
    led by a timex ``other_time_links`` word)? Its date dates that clause only."""
    span = c.trigger.doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    dv = clause_verb(span.root, limits.MAX_TREE_WALK)
    links = load_lexicon().other_time_links
    if not any(ch.dep_ == "mark" and ch.lower_ in links for ch in dv.children):
        return False
    # "since Moscow intervened in 2015 and *helped* ...": the coordinated verbs are one clause
    own = {v.i for v in conj_chain(clause_verb(act_verb(c), limits.MAX_TREE_WALK))} | {h.i for h in c.heads}
    return dv.i not in own


def act_of_other_time(d, c: Candidate) -> bool:
    """Is the act told inside another part of the sentence than the one the date is attached to, of a
    time of its own: a clause modifying a noun ("in response to rockets *fired* by Hamas", "the militia,
    which is *accused* of abuses") or a phrase or clause of another time (timex ``other_time_links``:
    "sanctions on Monday *for* Russia's *invasion*", "entered the city *after* taking the airport")?
    The date of the verb above dates that verb's act, not this one (news GUIDELINES §4)."""
    doc = c.trigger.doc
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    heads = {t.i for t in c.heads}
    if span is None or any(w.i in heads or w.head.i in heads for w in span):
        return False                         # the date is on the act itself ("Friday's attacks", "attacks on Friday")
    dv = clause_verb(span.root, limits.MAX_TREE_WALK)
    links = load_lexicon().other_time_links
    own = {h.i for h in c.heads}
    cur = c.trigger
    for _ in range(limits.MAX_TREE_WALK):
        if cur.i == dv.i or cur.head.i == cur.i:
            break
        modifier = cur.dep_ == "relcl" or cur.dep_ == "acl" and cur.tag_ != "VBG"  # "a statement *instructing*": its content
        if modifier or cur.i not in own and cur.lower_ in links and cur.dep_ in ("prep", "mark"):
            return dv.i in {a.i for a in cur.ancestors}
        cur = cur.head
    return False


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


def _governing(ctx: ArticleContext, c: Candidate, sent):
    """The sentence's date expression that governs the trigger, or ``None``."""
    ds = _sentence_dates(ctx, sent)
    if not ds:
        return None
    toks = c.heads
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    d = governing_date(ds, start, end, sentence=(sent.start_char, sent.end_char), text=ctx.text, doc=c.trigger.doc)
    return d if d is not None and d.value else None


def offset_date(ctx: ArticleContext, c: Candidate, sent) -> Optional[str]:
    """The date of an act whose clause is dated from the clause it hangs on ("died on Monday four days
    *after* a bomber killed 30 officers": the killing four days before that Monday; "comes a day after
    another man was killed in a drone attack": a day before the report; "avenge traders shot dead *the
    previous day*"): the date governing the other clause (the publication date when it has none)
    moved by the offset (:func:`sitrep.lang.timex.clause_offset`). ``None`` when the act's clause has
    no offset, is the sentence's main clause or has a date of its own."""
    v = clause_verb(act_verb(c), limits.MAX_TREE_WALK)
    if v.pos_ not in ("VERB", "AUX") or v.head.i == v.i:
        return None
    off = clause_offset(v, load_lexicon())
    if off is None:
        return None
    lo, hi = v.left_edge.idx, v.right_edge.idx + len(v.right_edge.text)
    ds = _sentence_dates(ctx, sent)
    if any(d.start >= lo and d.end <= hi for d in ds):
        return None                               # "four days after rebels attacked it on Friday"
    anchor = clause_verb(v.head, limits.MAX_TREE_WALK)
    outside = [d for d in ds if getattr(d, "relation", "at") != "since" and (d.end <= lo or d.start >= hi)]
    d = governing_date(outside, anchor.idx, anchor.idx + len(anchor.text),
                       sentence=(sent.start_char, sent.end_char), text=ctx.text) if outside else None
    base = d.value if d is not None and d.value else ctx.pub
    return shift_value(base, *off)


def governed_date(ctx: ArticleContext, c: Candidate, sent, modality: str = "asserted") -> Optional[str]:
    """The value of the sentence's date that governs the trigger (step 1), else ``None``."""
    d = _governing(ctx, c, sent)
    if d is None:
        return None
    if when_of_date(d, c):
        return d.value        # "since February 1, when the military staged a coup": the coup's day
    if getattr(d, "relation", "at") == "since" and (not durative(c) or cumulative(c)):
        return None
    if first_since(ctx, d) or date_of_other_clause(d, c) or date_of_linked_clause(d, c):
        return None
    if act_of_other_time(d, c) and not _long_before(ctx, d.value):
        return None       # (an act under a date long before the news stays dated there: it is background)
    if modality == "reported" and statement_date(ctx, c, d):
        return None
    return d.value


def when_of_date(d, c: Candidate) -> bool:
    """Is the act told in a "when" clause of the date itself ("has faced chaos since February 1, when
    the military staged a coup and arrested ...")? Then the date is the act's, whatever its preposition."""
    span = c.trigger.doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    v = conj_root(clause_verb(act_verb(c), limits.MAX_TREE_WALK))
    return v.dep_ == "relcl" and span.start <= v.head.i < span.end and any(
        t.dep_ == "advmod" and t.lower_ == "when" for t in v.children)


def statement_date(ctx: ArticleContext, c: Candidate, d) -> bool:
    """Does the date ``d`` date only the statement that reports a past act ("gunmen shot 23 passengers,
    police said Monday", "the ministry reported on Saturday that soldiers were killed in an ambush")?
    The date is on the speech verb, the act is in what was said (not a participle beside it: "said
    Friday, blaming the group") and its doer is not the speaker (the speaker's own act is dated by its
    announcement: "the US said on Wednesday it imposed sanctions")."""
    if c.obligation or c.verdict:
        return False                     # an act done by saying it ("X must ...", "this is a crime", X said)
    sv = analyze(c.trigger, is_noun=(c.kind != "verbal"), cues=ctx.modality_cues).speech_verb
    if sv is None:
        return False
    span = c.trigger.doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or clause_verb(span.root, limits.MAX_TREE_WALK).i != sv.i:
        return False
    v = clause_verb(act_verb(c), limits.MAX_TREE_WALK)
    if sv.head.i == v.i:
        content = sv.dep_ in ("parataxis", "ccomp", "advcl")          # "X attacked Y, officials said"
    else:
        below = next((a for a in [v, *v.ancestors] if a.head.i == sv.i), None)
        content = below is not None and below.dep_ in ("ccomp", "parataxis")
    if not content:
        return False
    doers = children(v, "nsubj") if v.tag_ != "VBN" or not children(v, "auxpass") else []
    speakers = children(sv, "nsubj")
    for t in doers:
        if t.pos_ == "PRON":
            return False                                                # "said it imposed"
        m, n = ctx.mention_for(t), (ctx.mention_for(speakers[0]) if speakers else None)
        if m is not None and n is not None and m.actor_id == n.actor_id:
            return False
    return True


def cumulative(c: Candidate) -> bool:
    """Does the act count its victims or objects ("has killed 40,000", "300 fighters have been killed",
    "has detained more than 1,000 people")? A number on its object or passive subject."""
    v = act_verb(c)
    for arg in children(v, "dobj", "nsubjpass"):
        if arg.tag_ == "CD" or any(t.dep_ == "nummod" or t.tag_ == "CD" for t in arg.children):
            return True
    return False


def ongoing_date(ctx: ArticleContext, c: Candidate, sent, modality: str) -> Optional[str]:
    """A cumulative count under a "since" date ("has killed 40,000 since October 7") is dated to the
    report stating it, the publication date (step 2)."""
    if not ctx.pub or modality not in ("asserted", "reported") or not durative(c) or not cumulative(c):
        return None
    d = _governing(ctx, c, sent)
    if d is None or getattr(d, "relation", "at") != "since" or first_since(ctx, d):
        return None
    return ctx.pub


def _long_before(ctx: ArticleContext, value: Optional[str]) -> bool:
    """Is the date ``value`` (its middle) more than ``historical_after_days`` before publication?"""
    day, pub = (_middle_day(value) if value else None), (_middle_day(ctx.pub) if ctx.pub else None)
    return day is not None and pub is not None and (pub - day).days > ctx.config.historical_after_days


def _middle_day(value: str) -> Optional[Date]:
    """The middle day of what a date value means ("2024" July 1, "2024-05" May 15 or 16, "2024-05-06"
    itself), or ``None``."""
    try:
        parts = [int(x) for x in value[:10].split("-")]
        if len(parts) == 1:
            return Date(parts[0], 7, 1)
        if len(parts) == 2:
            return Date(parts[0], parts[1], (calendar.monthrange(parts[0], parts[1])[1] + 1) // 2)
        return Date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None


def ongoing(c: Candidate) -> bool:
    """Is the act told as lasting up to now ("has been battling the army since April 2023", "has
    maintained a siege", "is encircling")? A present perfect or present progressive."""
    v = act_verb(c)
    if v.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [a for a in v.children if a.dep_ in ("aux", "auxpass")]
    return any(a.lemma_.lower() in ("have", "be") and a.tag_ in PRESENT_TAGS for a in auxes) and \
        v.tag_ in ("VBN", "VBG")


def historical(ctx: ArticleContext, c: Candidate, value: Optional[str], modality: str) -> bool:
    """Is an act of this date background to the news rather than news? Only an asserted or reported
    act, not lasting up to now (:func:`ongoing`), whose date (the middle of it: "last year" is its
    July 1) is more than ``historical_after_days`` before publication (news GUIDELINES §4: "more than
    about three months before publication")."""
    if not value or not ctx.pub or modality not in ("asserted", "reported") or ongoing(c):
        return False
    return _long_before(ctx, value)


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


def told_past(v) -> bool:
    """Is the clause of verb ``v`` told in a past tense: a simple past ("attacked"), a perfect or
    pluperfect ("has fired", "had targeted"), a past passive ("were killed"), or a participle
    coordinated with one ("were rounded up and slaughtered")? Not a modal, present or progressive."""
    for _ in range(limits.MAX_TREE_WALK):
        if v.pos_ not in ("VERB", "AUX"):
            return False
        auxes = [a for a in v.children if a.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "MD" for a in auxes):
            return False
        if v.tag_ == "VBD":
            return True
        if v.tag_ != "VBN":
            return False
        if any(a.lemma_.lower() == "have" or a.lemma_.lower() == "be" and a.tag_ == "VBD" for a in auxes):
            return True
        if auxes or v.dep_ != "conj" or v.head.i == v.i:
            return False
        v = v.head
    return False


def lead_dateable(ctx: ArticleContext, c: Candidate, sent, modality: str) -> bool:
    """May the act take the lead's day of its type (step 5, :func:`date_from_lead`): a reported act told
    in a past tense in a sentence with no date?"""
    return modality == "reported" and not _sentence_dates(ctx, sent) and \
        told_past(clause_verb(act_verb(c), limits.MAX_TREE_WALK))


def lead_days(ctx: ArticleContext, events: list) -> dict[str, tuple[str, int]]:
    """Event type -> the day (not a month or year, not after publication, not long before it) of the
    first act of that type dated in the article's lead (its first ``lead_day_sentences``), with where
    its sentence starts."""
    lead = ctx.lead_sentences(ctx.config.lead_day_sentences)
    days: dict[str, tuple[str, int]] = {}
    if not lead:
        return days
    end = lead[-1].end_char
    for e in events:
        if e.sentence.start >= end or e.type in days or not e.date or len(e.date) != 10:
            continue
        if (ctx.pub and e.date > ctx.pub[:10]) or _long_before(ctx, e.date):
            continue
        days[e.type] = (e.date, e.sentence.start)
    return days


def date_from_lead(ctx: ArticleContext, events: list) -> None:
    """Step 5: an undated act that may take the lead's day (``lead_dateable``) told in the sentence of the
    first act of its type dated in the lead, or after it, takes that act's day (:func:`lead_days`)."""
    days = lead_days(ctx, events)
    for e in events:
        day = days.get(e.type)
        if e.date is None and e.lead_dateable and day is not None and e.sentence.start >= day[1]:
            e.date = day[0]


def event_date(ctx: ArticleContext, c: Candidate, sent, modality: str) -> Optional[str]:
    """The date of the act (see the module docstring, steps 0-4), or ``None``."""
    return (offset_date(ctx, c, sent) or governed_date(ctx, c, sent, modality) or ongoing_date(ctx, c, sent, modality)
            or continued_speech_date(ctx, c, sent, modality) or publication_date(ctx, c, sent, modality))
