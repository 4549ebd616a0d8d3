"""The PLOVER type, mode, contexts, modality and CAMEO code of a candidate.

1. **Negation and modality** come from :mod:`sitrep.lang.modality`; an obligation in reported speech
   ("said Y must ...") is reported, never hypothetical; an act told inside a quotation is reported
   unless saying it does it (:func:`quoted_report`, once the date is settled).
2. A readiness or vow to use force ("is prepared to impose martial law", "vowed to crush") is a
   THREATEN, not an AGREE; what protesters demand or denounce is their PROTEST.
3. **Frames** take their mode from the embedded act's type (``frame_modes``: "demanded talks" is a
   REQUEST to meet).
4. A refusal to give way ("would not lift sanctions", "is not releasing") becomes REJECT
   (``negation_as``), never the easing; cooperative acts announced for the future become AGREE, and
   conflictual ones THREATEN (``future_as``), as the PLOVER manual asks ("will withdraw its force
   unless ..." is a threat).
5. A mode the trigger does not give comes from cue words in its clause (``mode_cues``: "jets" ->
   aerial); contexts from cue words anywhere in the sentence (``context_cues``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ...lang.modality import shared_auxes
from .context import ArticleContext
from .grammar import CLAUSE_DEPS
from .model import Candidate


@dataclass
class Coding:
    """How a candidate is coded."""

    type: str
    mode: Optional[str]
    negated: bool
    modality: str
    cameo: Optional[str]


def condition(c: Candidate, marks: frozenset) -> Optional[str]:
    """The conditional mark ("if", "unless") when the act, or the clause it sits in, carries a
    condition ("will withdraw unless the junta releases ...")."""
    for tok in (c.trigger, c.trigger.head):
        for ch in tok.children:
            if ch.dep_ == "advcl" and ch.i != c.trigger.i:   # not the condition itself ("if Hamas *attacks*")
                for m in ch.children:
                    if m.dep_ == "mark" and m.lower_ in marks:
                        return m.lower_
    return None


def _readiness_threat(ctx: ArticleContext, c: Candidate, etype: str) -> str:
    """A readiness or vow to use force or pressure is a threat ("is prepared to impose martial law",
    "vowed to crush the rebels")."""
    ready = c.embedded and c.sense.frame and etype == "AGREE" and c.trigger.pos_ != "VERB"
    vow = c.embedded and etype == "AGREE" and c.trigger.lemma_.lower() in ctx.cues.vow_verbs
    if (ready or vow) and ctx.onto.quad(c.embedded[0].sense.type).endswith("conflict"):
        return "THREATEN"
    return etype


def _crowd_demand(ctx: ArticleContext, c: Candidate, etype: str) -> str:
    """What protesters demand is their protest (news GUIDELINES §9: a protest's demand is part of the
    PROTEST): "protesters have been demanding the withdrawal of a bill" is a PROTEST, not a REQUEST."""
    if etype.lower() in ctx.cues.protest_topic_types and c.kind == "verbal" and c.sources and all(
            s.lemma_.lower() in ctx.cues.protester_words for s in c.sources):
        return "PROTEST"
    return etype


def _frame_mode(ctx: ArticleContext, c: Candidate, etype: str, mode: Optional[str]) -> Optional[str]:
    """The embedded act decides a frame's mode ("demanded the release of ..." -> yield)."""
    if c.embedded and etype in ctx.lex.frame_modes:
        fm = ctx.lex.frame_modes[etype]
        m = fm.get(c.embedded[0].sense.type, fm.get("default"))
        if m is not None and mode is None:
            return m
    return mode


def _decided_refusal(ctx: ArticleContext, c: Candidate, k: Coding) -> bool:
    """A negated act the actor decides: "will not lift", "is not releasing", "refuses to meet", "do
    not accept"."""
    trig = c.trigger
    return k.negated and k.type in ctx.lex.negation_as and (
        k.modality in ("future", "hypothetical") or trig.tag_ == "VBG" or c.kind == "light"
        or any(a.lower_ in ctx.cues.decided_aux or a.lower_ in ctx.lex.refusal_aux
               for a in trig.children if a.dep_ == "aux"))


def _announced(ctx: ArticleContext, k: Coding, cond: Optional[str]) -> bool:
    """An act announced for the future (or a conditional one), to be coded as an intent or a threat;
    not one whose mode keeps its type when announced (``future_kept_modes``: "students will protest")."""
    if cond is None and k.mode in ctx.lex.future_kept_modes.get(k.type, ()):
        return False
    return not k.negated and k.type in ctx.lex.future_as and (
        k.modality == "future" or k.modality == "hypothetical" and (
            ctx.onto.quad(k.type).endswith("cooperation") or cond is not None))


def _promised(ctx: ArticleContext, c: Candidate, k: Coding) -> bool:
    """A concession promised with "will" ("Yerevan and Baku *will relinquish* all claims ..., refrain
    from force"): an AGREE (news GUIDELINES), where one decided ("decided to allow") is the concession
    itself (``promise_types``)."""
    if k.negated or k.modality != "future" or k.type.lower() not in ctx.cues.promise_types:
        return False
    auxes = [a for a in c.trigger.children if a.dep_ == "aux"] or shared_auxes(c.trigger)
    return any(a.lower_ in ctx.cues.decided_aux for a in auxes)


def _no_longer(c: Candidate) -> bool:
    """Is ``c``'s act said to be "no longer" done ("would *no longer* recognize the government")?"""
    return any(a.dep_ == "advmod" and a.lemma_.lower() == "long" and a.lower_ == "longer"
               and any(n.lower_ == "no" for n in a.children) for a in c.trigger.children)


def _convert(ctx: ArticleContext, c: Candidate, k: Coding) -> None:
    """A refusal to give way is a REJECT; an announced act an AGREE or THREATEN (step 4)."""
    cond = condition(c, ctx.cues.condition_marks)
    if _promised(ctx, c, k):
        k.type, k.mode, k.cameo = "AGREE", None, None
    elif _decided_refusal(ctx, c, k):
        conv = ctx.lex.negation_as[k.type]
        k.type, k.mode, k.negated, k.cameo = conv["type"], conv.get("mode"), False, None
    elif _announced(ctx, k, cond) or _conditional_conflict(ctx, k, cond):
        new = ctx.lex.future_as.get(k.type, "THREATEN")
        if cond in ctx.cues.threat_condition_marks:
            new = "THREATEN"   # "will withdraw its force unless ...": a conditional sanction is a threat
        k.mode = (ctx.lex.frame_modes.get(new) or {}).get(k.type)
        k.type, k.cameo = new, None


def _conditional_conflict(ctx: ArticleContext, k: Coding, cond: Optional[str]) -> bool:
    """A conflictual act that is announced only on a condition ("may halt mediation if cooperation
    founders"): a threat, whatever ``future_as`` says of its type."""
    return (not k.negated and cond is not None and k.modality in ("future", "hypothetical")
            and ctx.onto.quad(k.type).endswith("conflict"))


def _subtree_lemmas(ctx: ArticleContext, tok) -> frozenset:
    """The lemmas of ``tok``'s subtree outside clausal dependents (read once per token: the acts of a
    sentence share their arguments' subtrees)."""
    return ctx.per_token(tok, "mode_lemmas", lambda: frozenset(
        t.lemma_.lower() for t in tok.subtree if t.dep_ not in CLAUSE_DEPS))


def candidate_mode(ctx: ArticleContext, c: Candidate) -> Optional[str]:
    """The mode of candidate ``c``: its sense's, else the one cue words in its clause give
    (:func:`mode_from_cues`)."""
    return c.sense.mode or mode_from_cues(ctx, c.sense.type, c.trigger)


def mode_from_cues(ctx: ArticleContext, etype: str, trig) -> Optional[str]:
    """The mode given by cue words in the trigger's clause ("Russian *jets* struck" -> aerial), not
    in clauses below or beside it."""
    cues = ctx.lex.mode_cues.get(etype)
    if not cues:
        return None
    lemmas = {trig.lemma_.lower(), trig.head.lemma_.lower()}
    for ch in list(trig.children) + ([] if trig.head.i == trig.i else [trig.head]):
        if ch.dep_ in CLAUSE_DEPS or ch.i == trig.head.i and trig.dep_ in CLAUSE_DEPS:
            continue
        if ch.i != trig.head.i:
            lemmas.update(_subtree_lemmas(ctx, ch))
        else:
            lemmas.update(t.lemma_.lower() for t in ch.children if t.dep_ not in CLAUSE_DEPS)
    for mode, words in cues:
        if lemmas & words:
            return mode
    return None


def contexts(ctx: ArticleContext, c: Candidate, sent) -> list[str]:
    """The sense's contexts and those whose cue words occur in the sentence (read once per sentence),
    in order, once each."""
    found = ctx.per_sentence(sent, "contexts", lambda: _sentence_contexts(ctx, sent))
    return list(dict.fromkeys(list(c.sense.contexts) + found))


def _sentence_contexts(ctx: ArticleContext, sent) -> list[str]:
    table = ctx.table(sent.doc)
    lemmas = set(table.lemma[sent.start:sent.end]) | set(table.lower[sent.start:sent.end])
    return [cx for cx, words in ctx.lex.context_cues if lemmas & words]


def code(ctx: ArticleContext, c: Candidate, negated: bool, modality: str) -> Coding:
    """Type, mode, negation, modality and CAMEO code of ``c`` (steps 1-5 of the module docstring;
    the CAMEO code is completed by :func:`cameo` once the date has settled the modality)."""
    s = c.sense
    if c.obligation:
        modality = "reported" if modality == "hypothetical" else modality
    etype = _crowd_demand(ctx, c, _readiness_threat(ctx, c, s.type))
    k = Coding(type=etype, mode=s.mode if etype == s.type else None, negated=negated, modality=modality,
               cameo=s.cameo)
    k.mode = _frame_mode(ctx, c, k.type, k.mode)
    if _no_longer(c) and k.type in ctx.lex.ended_as:
        k.type, k.negated, k.cameo = ctx.lex.ended_as[k.type], False, None
        k.mode = "discontinue" if ctx.onto.is_mode(k.type, "discontinue") else None
        return k
    _convert(ctx, c, k)
    if k.mode is None:
        k.mode = mode_from_cues(ctx, k.type, c.trigger)
    return k


def quoted_report(ctx: ArticleContext, c: Candidate, k: Coding) -> None:
    """An act the text tells as fact inside someone's quoted words ("“On Sunday, armed elements attacked
    a unit,” the army said", a quotation whose attribution is in another sentence) is reported (news
    GUIDELINES §4: only attributed); an act done by saying it (``spoken_types``: "“We urge armed groups
    to ...”", an accusation, a threat) stays the speaker's own."""
    if k.modality == "asserted" and k.type.lower() not in ctx.cues.spoken_types and ctx.in_quotation(c.trigger.idx):
        k.modality = "reported"


def by_target_kind(ctx: ArticleContext, k: Coding, targets: list) -> None:
    """The type an act takes when every actor it is done to is of one kind (``target_kind_as``: backing
    an armed group is AID, not SUPPORT); places and unknown actors leave it as it is."""
    conv = ctx.lex.target_kind_as.get(k.type)
    actors = [t for t in targets if t.how != "place"]
    if not conv or not actors:
        return
    kinds = {ctx.actor_kind.get(t.actor_id) for t in actors}
    if len(kinds) == 1 and (new := conv.get(kinds.pop())) is not None:
        k.type, k.mode, k.cameo = new, None, None


def cameo(ctx: ArticleContext, c: Candidate, k: Coding) -> Optional[str]:
    """The sense's own CAMEO code, unless the type changed or it has none: then the ontology's."""
    if k.cameo is None or k.type != c.sense.type:
        return ctx.onto.cameo(k.type, k.mode)
    return k.cameo

