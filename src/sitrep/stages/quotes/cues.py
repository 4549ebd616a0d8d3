"""Finding the cues of ``quote_cues.yaml`` in the parse, and the clause each one reports.

One pass over the tokens with set look-ups only (candidates are few):

1. a preposition cue is its words in order ("according to"), its reported clause the clause the
   phrase hangs on, minus the phrase ("Aid is short, *according to the Red Crescent*");
2. a verb cue is a verb whose lemma is listed, with its particle for a phrasal cue ("pointed out");
   a ``bare`` cue only without an object or complement ('"…," he *continued*' but not "would
   continue its role"); its reported clause is its ``ccomp`` ("said *the US would not lift them*"),
   or, for a parenthetical verb, the host clause ("The museum, Mr. Obama *said*, would make ..."), unless
   the host is itself a cue with its subject ("X denied that ..., Reuters *reported*": carried words);
   without a ``ccomp``, and only when the stage reads stated positions (``QuotesConfig.positions``;
   off by default: the news guidelines code "called for a ceasefire" as a REQUEST, not a quote), its
   infinitive ("vowed *to rebuild ...*"), and for an ``object`` cue its object and complements
   ("called for *a ceasefire*", "urged *Congress to act*");
3. a noun cue is a listed noun ("in his *statement*").

Cues inside quotation marks are somebody's words, not the writer's attribution: they are dropped.
"""

from __future__ import annotations

from typing import Optional

from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import NOUN, VERB

from ... import limits
from ...core.text import DATELINE
from .context import QuoteContext
from .records import CueHit
from .speakers import trailing_comma, verb_subject

#: dependencies that give a verb an object or a complement (a ``bare`` cue has none of them)
_OBJECT_DEPS = {"dobj", "xcomp", "ccomp", "prep", "attr", "oprd", "acomp"}
#: dependencies after an ``object`` cue that make up what it reports ("urged *Congress* *to act*",
#: "called *for a ceasefire*", "accused *her* *of lying*", "called *him* *a liar*")
_REPORTED_OBJECT_DEPS = ("dobj", "xcomp", "prep", "oprd", "dative")
#: dependencies after any other cue that make up a stated position ("noted *the rule*", "called *the
#: charges* *unfounded*", "vowed *to rebuild*")
_STATED_DEPS = ("dobj", "xcomp", "oprd")


def find_cues(ctx: QuoteContext) -> list[CueHit]:
    """Every cue of the lexicon in the writer's text, in text order (the words read from the doc's
    arrays: a Token object only for a possible cue)."""
    doc, lex = ctx.doc, ctx.lex
    senses = set(ctx.config.senses)
    hits: list[CueHit] = []
    verb_keys = set(lex.verbs)
    noun_keys = set(lex.nouns)
    prep_ids = {get_string_id(w) for w in lex.preps}
    strings = doc.vocab.strings
    lowered: dict[int, str] = {}   # lemma id -> the lemma in lower case
    rows = doc.to_array([LOWER, LEMMA, POS]).tolist() if len(doc) else []
    for i, (low_id, lemma_id, pos) in enumerate(rows):
        if low_id in prep_ids:
            hit = prep_cue(ctx, doc[i], senses)
            if hit:
                hits.append(hit)
                continue
        if pos != VERB and pos != NOUN:
            continue
        lemma = lowered.get(lemma_id)
        if lemma is None:
            lemma = lowered[lemma_id] = strings[lemma_id].lower()
        if pos == VERB and lemma in verb_keys:
            hit = verb_cue(ctx, doc[i], lemma, senses)
            if hit:
                hits.append(hit)
        elif pos == NOUN and lemma in noun_keys:
            tok = doc[i]
            e = lex.nouns[lemma]
            if e.sense in senses:
                hit = CueHit(tok.i, tok.idx, tok.idx + len(tok), tok.text, e)
                if ctx.config.positions:
                    hit.content = noun_clause(ctx, tok)
                hits.append(hit)
    return [h for h in hits if not ctx.in_quote(h.start, h.end)]


def noun_clause(ctx: QuoteContext, tok) -> Optional[tuple[int, int]]:
    """What a noun cue states, when the stage reads stated positions: its that-clause ("his *claim*
    that people would learn nothing", "a Times *report* that he had lost $915 million"), or None."""
    comp = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i
                 and any(m.dep_ == "mark" and m.lower_ in ctx.words.clause_marks for m in c.children)), None)
    return trim_tokens(ctx, list(comp.subtree)) if comp is not None else None


def _has_object(ctx: QuoteContext, tok) -> bool:
    """Whether verb ``tok`` has an object or complement ("would continue *its role*"); a ``ccomp``
    inside quotation marks is the quote itself, not an object ('"…," he continued')."""
    return any(c.dep_ in _OBJECT_DEPS and (c.dep_ != "ccomp" or not ctx.in_quote(c.idx, c.idx + len(c)))
               for c in tok.children)


def _evidence_subject(ctx: QuoteContext, tok) -> bool:
    """Whether the subject of evidence cue ``tok`` is a text, a poll or a recording ("*a poll* shows",
    "*the study* found", "*video* shows"; not "police found the body"): a head of ``speaker_documents``."""
    subj = verb_subject(ctx, tok)
    return subj is not None and (subj.lemma_.lower() in ctx.words.document_nouns
                                 or subj.lower_ in ctx.words.document_nouns)


def verb_cue(ctx: QuoteContext, tok, lemma: str, senses: set) -> Optional[CueHit]:
    """The cue verb ``tok`` ("said", "pointed out", "made clear"), with its reported clause."""
    for e in ctx.lex.verbs[lemma]:
        if e.sense not in senses or (e.sense == "evidence" and not _evidence_subject(ctx, tok)):
            continue
        if len(e.words) == 1:
            entry, extra = e, None
        else:
            # an object cue's particle comes right after it: "called *on* X", not "called X on Sunday"
            extra = next((c for c in tok.children if c.lower_ == e.words[1] and c.i > tok.i
                          and (not e.object or c.i == tok.i + 1)), None)
            if extra is None:
                continue
            entry = e
        if entry.bare and _has_object(ctx, tok):
            return None
        start, end = tok.idx, tok.idx + len(tok)
        txt = tok.text
        if extra is not None:
            end = extra.idx + len(extra)
            txt = ctx.text[start:end] if extra.i == tok.i + 1 else f"{tok.text} {extra.text}"
        neg = any(c.dep_ == "neg" for c in tok.children)
        hit = CueHit(tok.i, start, end, txt, entry, negated=neg)
        if entry.reports(ctx.config.positions) and not neg:
            report(ctx, tok, extra, hit)
        if hit.content is None and not neg:
            hit.content = as_report(ctx, tok)
            hit.parenthetical = hit.content is not None
        return hit
    return None


def report(ctx: QuoteContext, tok, extra, hit: CueHit) -> None:
    """Set what cue verb ``tok`` reports on ``hit``: its reported clause; else, when the stage reads
    stated positions, its infinitive or an ``object`` cue's object and complements; else, for a
    parenthetical cue, its host clause."""
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    hit.content = None if comp is not None and carried(ctx, tok, comp) else clause(ctx, tok, extra)
    if hit.content is None and comp is None and ctx.config.positions:
        hit.content = position(ctx, tok, extra, hit)
    if hit.content is None and tok.dep_ == "parataxis" and tok.head.i != tok.i \
            and not carried(ctx, tok, tok.head):
        # "The museum, Mr. Obama said, would make ...": the host clause is the report
        hit.content = host_clause(ctx, tok.head, {t.i for t in tok.subtree})
        hit.parenthetical = hit.content is not None
    if hit.content is None and comp is None:
        hit.content = leading_report(ctx, tok)


def position(ctx: QuoteContext, tok, extra, hit: CueHit) -> Optional[tuple[int, int]]:
    """What cue verb ``tok`` without a reported clause states, when the stage reads stated positions:
    an ``object`` cue's object and complements ("called *for a ceasefire*"); any other cue's object,
    complement or infinitive ("noted *the rule*", "called *the charges unfounded*", "vowed *to
    rebuild*") -- an addressee cue's object, and the object of a cue that reports no clause, only with
    a predicate after it ("told *his advisers to act*", not "told *reporters*"; "called *the charges
    unfounded*", not "called an emergency meeting"); a passive cue's subject when an agent speaks
    ("*the story* was first reported by the Post")."""
    if hit.entry.object:
        return complement(ctx, tok, extra, _REPORTED_OBJECT_DEPS)
    deps: tuple[str, ...] = _STATED_DEPS
    predicate = any(c.dep_ in ("xcomp", "oprd") and c.i > tok.i for c in tok.children)
    if not hit.entry.indirect and not predicate:
        return None   # "called *the charges unfounded*", but not "called an emergency meeting"
    if tok.lemma_.lower() in ctx.words.addressee_cues and not predicate:
        deps = ("xcomp",)
    got = complement(ctx, tok, extra, deps)
    if got is None and any(c.dep_ == "agent" for c in tok.children):
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            got = trim_tokens(ctx, list(subj.subtree))
    return got


def as_report(ctx: QuoteContext, tok) -> Optional[tuple[int, int]]:
    """ "It does not answer whether Scott had a gun, *as police have said*", "Hawaii, *as one of the
    advisers pointed out*, does not get ...", "*As the New Yorker put it*, he is ...": a cue verb in an
    "as" clause reports the rest of its sentence (the clause runs from "as" to the first comma after
    the cue). None when the cue has a reported clause, an object or a complement of its own ("as the
    opposition threatened to storm parliament" tells a time), no such "as", or no subject in the clause
    ("as demanded by Azerbaijan")."""
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "attr", "oprd") and c.lower_ != "it" for c in tok.children):
        return None   # "as the opposition threatened *to storm* parliament": a time, not a source
    mark = next((c for c in tok.children if c.lower_ in ctx.words.as_marks and c.dep_ in ("mark", "prep")
                 and c.i < tok.i), None)
    if mark is None or not any(c.dep_ == "nsubj" and mark.i < c.i < tok.i for c in tok.children):
        return None   # "as demanded by Azerbaijan", "as expected": nobody speaks in the clause
    doc, sent = ctx.doc, tok.sent
    end = next((t.i for t in doc[tok.i + 1:sent.end] if t.is_punct and t.text in ",;"), sent.end)
    toks = [t for t in sent if not (mark.i <= t.i < end) and not ctx.in_dateline(t.idx)]
    if not any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    return trim_tokens(ctx, toks)


def leading_report(ctx: QuoteContext, tok) -> Optional[tuple[int, int]]:
    """The wire lead "*An attack killed 23 troops*, the Syrian Observatory said" where the parser tied
    the clause to the cue as anything but its reported clause: the words of the sentence before the
    comma that sets off the speaker (:func:`~.speakers.trailing_comma`) are the report, when they make
    a clause with a finite verb of its own ("In a statement, the ministry said:" reports nothing) and
    the cue ends its clause (nothing but adverbials after it)."""
    k = trailing_comma(ctx, tok)
    if k is None:
        return None
    doc = ctx.doc
    sent = tok.sent
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "oprd") and c.i > tok.i for c in tok.children):
        return None
    toks = [t for t in doc[sent.start:k] if not ctx.in_dateline(t.idx)]
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in toks):
        return None
    if ctx.quote_overlapping(toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else True:
        return None
    return trim_tokens(ctx, toks)


def carried(ctx: QuoteContext, tok, host) -> bool:
    """ "The government denied that ..., *Reuters reported*": a cue after a clause that is itself
    somebody's speech, with its own subject and reported clause, carries that speech (the outlet is not the speaker; the
    inner cue reports it). ``host`` is that clause's verb (the parenthetical cue's head, or the cue's
    complement standing before it)."""
    if host.i >= tok.i or host.pos_ != "VERB" or host.lemma_.lower() not in ctx.lex.verbs:
        return False
    if not any(e.indirect for e in ctx.lex.verbs[host.lemma_.lower()]):
        return False
    # ... and reports a clause of its own (not "Iran threatened to cut off power, IRNA reported")
    return any(c.dep_ == "nsubj" for c in host.children) and any(c.dep_ == "ccomp" for c in host.children)


def prep_cue(ctx: QuoteContext, tok, senses: set) -> Optional[CueHit]:
    """The cue phrase starting at ``tok`` ("according to", "quoting"), with its reported clause."""
    doc = ctx.doc
    for e in ctx.lex.preps[tok.lower_]:
        if e.sense not in senses:
            continue
        words = e.words
        if tok.i + len(words) > len(doc):
            continue
        if any(doc[tok.i + k].lower_ != w for k, w in enumerate(words)):
            continue
        last = doc[tok.i + len(words) - 1]
        hit = CueHit(tok.i, tok.idx, last.idx + len(last), doc[tok.i:last.i + 1].text, e)
        if e.indirect:
            hit.content = prep_clause(ctx, tok, last)
        return hit
    return None


def clause(ctx: QuoteContext, verb, extra=None) -> Optional[tuple[int, int]]:
    """The reported clause of a speech verb: its ``ccomp`` (``that`` and punctuation trimmed);
    the second word of a phrasal cue ("made clear that ...") is not part of it."""
    skip = extra.i if extra is not None else -1
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i != skip), None)
    if comp is None and extra is not None:
        comp = next((c for c in extra.children if c.dep_ == "ccomp"), None)
    if comp is None and verb.lemma_.lower() in ctx.words.addressee_cues:
        comp = addressee_clause(ctx, verb)
    if comp is None:
        return None
    toks = [t for t in comp.subtree if t.i != skip]
    lost = lost_subject(ctx, verb, comp)
    if lost is not None:
        toks = [t for t in ctx.doc[lost.left_edge.i:comp.i] if t.i != skip] + toks
    span = trim_tokens(ctx, toks)
    if span is not None:
        m = DATELINE.match(ctx.text, span[0], span[1])
        if m is not None and m.end() < span[1]:
            span = (m.end(), span[1])
    return span


def addressee_clause(ctx: QuoteContext, verb):
    """ "Witnesses told *dpa* that ...": a that-clause the parser hung on the addressee it misread (an
    object or complement of the cue), or None."""
    for c in verb.children:
        if c.dep_ not in ("dobj", "dative", "xcomp") or c.i < verb.i:
            continue
        for cc in c.children:
            if cc.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ctx.words.clause_marks
                                          for m in cc.children):
                return cc
    return None


def lost_subject(ctx: QuoteContext, verb, comp):
    """The subject of reported clause ``comp`` that the parser made the cue's object: "He said *Prime
    Minister Modi*, on an official visit, has been briefed", "Kahl tells reporters *the strikes* ...
    showed that ..." (after an addressee, the second object). The object, or None when the clause has
    a subject of its own."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in comp.children):
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < comp.i]
    if verb.lemma_.lower() in ctx.words.addressee_cues:
        objs = objs[1:]
    return objs[-1] if objs else None


def complement(ctx: QuoteContext, verb, extra, deps: tuple[str, ...]) -> Optional[tuple[int, int]]:
    """What a cue verb without a reported clause reports: its dependents of ``deps`` after it, together
    ("vowed *to punish those who ...*", "urged *Congress to act*"); a phrasal cue's second word is not
    part of it, its object is ("called for *a ceasefire*")."""
    heads = [c for c in verb.children if c.dep_ in deps and c.i > verb.i and (extra is None or c.i != extra.i)]
    if extra is not None:
        heads += [c for c in extra.children if c.dep_ in ("pobj", "pcomp", "dobj")]
    if not heads:
        return None
    skip = extra.i if extra is not None else -1
    return trim_tokens(ctx, [t for h in heads for t in h.subtree if t.i != skip])


def prep_clause(ctx: QuoteContext, first, last) -> Optional[tuple[int, int]]:
    """What ``according to X`` reports: the clause the phrase is attached to, minus the phrase."""
    head = first.head
    if head.i == first.i:
        return None
    # climb to the clause
    for _ in range(limits.MAX_TREE_WALK):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    phrase = {t.i for t in first.subtree} | {first.i, last.i}
    if sentence_final(ctx, first, phrase):
        # "At least 15 were killed on Monday when shells struck a market, according to health
        # officials": the phrase closing the sentence after a comma reports all of it, not the
        # clause it hangs on
        sent = first.sent
        return trim_tokens(ctx, [t for t in sent if t.i not in phrase and not ctx.in_dateline(t.idx)])
    return host_clause(ctx, head, phrase)


def sentence_final(ctx: QuoteContext, first, phrase: set) -> bool:
    """Whether the phrase starting at ``first`` (its tokens ``phrase``) follows a comma and ends its
    sentence (only punctuation after it)."""
    doc = ctx.doc
    if first.i == 0 or doc[first.i - 1].text != ",":
        return False
    end = first.sent.end
    return all(t.i in phrase or t.is_punct or t.is_space for t in doc[first.i:end])


def host_clause(ctx: QuoteContext, head, exclude: set) -> Optional[tuple[int, int]]:
    """The clause headed by ``head`` without the tokens in ``exclude`` (a parenthetical cue)."""
    toks = [t for t in head.subtree if t.i not in exclude]
    if not toks:
        return None
    return trim_tokens(ctx, toks)


def trim_tokens(ctx: QuoteContext, toks) -> Optional[tuple[int, int]]:
    """The character span of ``toks`` without leading/trailing punctuation and a leading
    complementiser ("that the US would ..." -> "the US would ..."); None when too short."""
    marks = ctx.words.clause_marks
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ == "mark"
                    and toks[0].lower_ in marks):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if len(toks) < ctx.config.min_clause_tokens:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])
