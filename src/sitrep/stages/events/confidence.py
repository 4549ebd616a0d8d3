"""An event's confidence, monotone in the evidence: a verbal pattern beats a light-verb noun beats a
bare noun; a source adds to it (more when the KB knows it, less when inferred from another clause), an act
with neither source nor target loses more;
a target adds to it (an actor more than a place, a KB actor more still); a sense selected by its
object adds; a main-clause act adds, a subordinate one subtracts; a hypothetical act, a headline and
a guessed source subtract. The result is clamped and rounded to three decimals.

The evidence is described by :class:`Features` (read off a candidate by :func:`features`); the weights
are the stage's configuration (:class:`~.stage.EventsConfig`), so that :func:`confidence` can be
checked on hand-built features:

    >>> from sitrep.stages.events import EventsConfig
    >>> confidence(Features(kind="verbal", has_source=True), EventsConfig())
    0.8
"""

from __future__ import annotations

from dataclasses import dataclass

from .grammar import has_to_infinitive
from .lexicon import EventCues
from .model import Candidate

KINDS = ("verbal", "light", "nominal")
#: what undergoes the act: an actor, a place, or nothing named
TARGETS = ("actor", "place", "none")
#: where the act stands in its sentence (see :func:`clause_rank`)
CLAUSES = ("main", "coordinated", "subordinate", "other")


@dataclass(frozen=True)
class Features:
    """The evidence for one event."""

    #: "verbal" ("bombed"), "light" ("carried out strikes") or "nominal" ("the attack")
    kind: str
    has_source: bool = False
    #: the source (any of them) is resolved: a KB actor or a resolved name
    source_in_kb: bool = False
    #: the source was inferred from another clause ("control", "inherit")
    source_inferred: bool = False
    #: "actor", "place" or "none"
    target: str = "none"
    #: an actor target (any of them) is resolved
    target_in_kb: bool = False
    #: the trigger's sense was selected by its object ("lift" + sanctions)
    object_sense: bool = False
    #: "main", "coordinated", "subordinate" or "other"
    clause: str = "other"
    hypothetical: bool = False
    #: the sentence is a headline (no final punctuation)
    headline: bool = False
    #: a source is a guess made without the actors stage (spaCy NER, an agent noun)
    guessed_source: bool = False


def clause_rank(c: Candidate, cues: EventCues) -> str:
    """Where the act stands: "main" (the root, or the content of a root speech verb: "X said Russia
    *struck* ..."), "coordinated" (a conjunct of the root), "subordinate" (purpose, relative and
    adverbial clauses, infinitives: what a sentence reports in the background), else "other"."""
    t = c.light if c.light is not None else c.trigger
    dep = t.dep_
    if dep == "ROOT" or (dep in ("ccomp", "parataxis") and t.head.dep_ == "ROOT"
                         and t.head.lemma_.lower() in cues.speech_verbs):
        return "main"
    if dep == "conj" and t.head.dep_ == "ROOT":
        return "coordinated"
    if dep in ("relcl", "acl", "advcl", "pcomp") or has_to_infinitive(t) and dep != "xcomp":
        return "subordinate"
    return "other"


def features(c: Candidate, sources: list, targets: list, modality: str, headline: bool, is_kb, cues: EventCues,
             guess_prefixes: tuple) -> Features:
    """The evidence of candidate ``c`` with its resolved ``sources`` and ``targets`` (mentions);
    ``headline``: its sentence is a headline (:func:`~.grammar.is_headline`); ``is_kb(mention)`` says
    whether a mention is resolved."""
    if any(m.how == "place" for m in targets):
        target = "place"
    else:
        target = "actor" if targets else "none"
    return Features(
        kind=c.kind, has_source=bool(sources), source_in_kb=any(is_kb(m) for m in sources),
        source_inferred=c.source_how in ("inherit", "control", "restated", "reciprocal"), target=target,
        target_in_kb=any(is_kb(m) for m in targets), object_sense=c.sense.objects is not None,
        clause=clause_rank(c, cues), hypothetical=modality == "hypothetical", headline=headline,
        guessed_source=any(m.actor_id.startswith(guess_prefixes) for m in sources))


def _clause_weight(clause: str, w) -> float:
    """What the act's place in its sentence adds (a subordinate clause subtracts)."""
    if clause == "main":
        return w.main_clause_bonus
    if clause == "coordinated":
        return w.coordinated_clause_bonus
    if clause == "subordinate":
        return -w.subordinate_clause_penalty
    return 0.0


def confidence(f: Features, w) -> float:
    """The confidence of an event with evidence ``f`` under the weights ``w`` (the stage's config)."""
    conf = {"verbal": w.verbal_confidence, "light": w.light_confidence, "nominal": w.nominal_confidence}[f.kind]
    if f.has_source:
        conf += w.source_bonus
        if f.source_in_kb:
            conf += w.kb_source_bonus
        if f.source_inferred:
            conf -= w.inferred_source_penalty
    else:
        conf -= w.no_source_penalty
        if f.target == "none":
            conf -= w.no_party_penalty     # neither party named: "dozens of houses were destroyed"
    if f.target == "place":
        conf += w.place_target_bonus          # a place as recipient: weaker evidence than a named actor
    elif f.target == "actor":
        conf += w.actor_target_bonus
        if f.target_in_kb:
            conf += w.kb_target_bonus
    if f.object_sense:
        conf += w.object_sense_bonus
    conf += _clause_weight(f.clause, w)
    if f.hypothetical:
        conf -= w.hypothetical_penalty
    if f.headline:
        conf -= w.headline_penalty          # a headline: less context than the body
    if f.guessed_source:
        conf -= w.guessed_source_penalty
    return round(max(w.min_event_confidence, min(w.max_event_confidence, conf)), 3)
