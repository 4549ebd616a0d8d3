"""Where the events stage lost a gold event that has no predicted event in its sentence: a trace of the
stage's candidates, for ``scripts/event_errors.py --trace``.

    PYTHONPATH=src python scripts/event_errors.py --split dev-a --only "missing: no event" --trace

The trace wraps the stage's steps in this process (the stage itself is not changed): every candidate a
sentence gives, the rule that suppressed it (a step of :func:`sitrep.stages.events.build.sentence_events`:
``references_back``, ``frames``, ...), the raw events :func:`~sitrep.stages.events.build.build_events`
made of it, and the raw events the article-level filter (:func:`~sitrep.stages.events.merge.keep`: a
source is required) dropped. Each missing event then gets one cause, the first that applies:

- ``no candidate``          no trigger at all in the sentence (a lexicon gap, a parse, a sentence split);
- ``other types only``      candidates, none of the gold type (a sense or a type rule);
- ``suppressed: <rule>``    every candidate of the gold type suppressed, by these rules;
- ``dropped: no source``    raw events of the gold type made, dropped for want of a source;
- ``no party resolved``     candidates of the gold type whose arguments named no actor, place or entity
                            (their argument tokens are in the case's ``trace``);
- ``other``                 none of these (an event merged away, a denial, a failed act).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Optional

from sitrep.stages.events import arguments, build, merge, restated, triggers
from sitrep.stages.events import stage as stage_module

#: the steps of ``sentence_events`` that may suppress a candidate, by module
STEPS = (
    (arguments, ("one_act_per_coordination", "undergoing_verbs", "purpose_targets", "toll_targets",
                 "relative_acts", "means_acts", "imputed_accusations", "frames")),
    (restated, ("consequence_participles", "purpose_clauses", "references_back", "captures_by_fighting",
                "armed_operations", "described_things", "conditions", "absolute_tolls", "held_states",
                "tolls_of_unclaimed_acts")),
    (build, ("casualties_to_acts",)),
)


@dataclass
class Trace:
    """What the stage did with the candidates of every sentence of the articles run since
    :func:`install`: ``sentences[(article id, start, end)]`` lists one record per candidate;
    ``dropped[article id]`` the raw events the source filter dropped, as (sentence start, type, trigger)."""

    sentences: dict = field(default_factory=dict)
    dropped: dict = field(default_factory=dict)
    _why: dict = field(default_factory=dict)
    _article: list = field(default_factory=lambda: [None])
    #: what :func:`install` replaced, as (module, name, original), for :func:`uninstall`
    _replaced: list = field(default_factory=list)

    def records(self, article: str, span: tuple[int, int]) -> list[dict]:
        """The candidate records of the sentences of ``article`` that overlap ``span``."""
        s, e = span
        return [r for (a, ss, se), rs in self.sentences.items() if a == article and ss < e and se > s for r in rs]

    def dropped_in(self, article: str, span: tuple[int, int]) -> list[tuple]:
        """The raw events of ``article`` dropped by the source filter whose sentence starts in ``span``."""
        s, e = span
        return [d for d in self.dropped.get(article, []) if s - 3 <= d[0] < e]


def _wrap_step(tr: Trace, mod: Any, name: str) -> None:
    """Wrap step ``name`` of ``mod`` so that it notes which candidates it suppressed."""
    f = getattr(mod, name)
    tr._replaced.append((mod, name, f))

    @functools.wraps(f)
    def step(ctx, cands, *a, **k):
        before = {id(c): c.suppressed for c in cands}
        out = f(ctx, cands, *a, **k)
        for c in cands:
            if c.suppressed and not before.get(id(c), False):
                tr._why.setdefault(id(c), []).append(name)
        return out

    setattr(mod, name, step)


def _record(c: Any, made: Optional[list], why: list) -> dict:
    """One candidate as a record: trigger, type, kind, argument tokens, raw events made (or the rules
    that suppressed it)."""
    rec = {"trigger": c.trigger.text, "type": c.sense.type, "kind": c.kind,
           "sources": [t.text for t in c.sources], "targets": [t.text for t in c.targets]}
    if made is None:
        rec["suppressed"] = why or ["?"]
    else:
        rec["events"] = [f"{r.type} {getattr(r.source, 'text', None)} -> {getattr(r.target, 'text', None)}"
                         for r in made]
    return rec


def install() -> Trace:
    """Wrap the events stage's steps in this process and return the trace they fill. The pipeline must
    run its articles in this process (``article_timeout=0``), not in forked workers."""
    tr = Trace()
    for mod, names in STEPS:
        for name in names:
            _wrap_step(tr, mod, name)
    inner_build, inner_sentence, inner_keep = build.build_events, build.sentence_events, merge.keep

    def sentence_events(ctx, sent):
        made: dict = {}

        def build_events(ctx2, c, sent2):
            made[id(c)] = inner_build(ctx2, c, sent2)
            return made[id(c)]

        seen: list = []
        topics = triggers.protest_topics

        def protest_topics(cands, *a, **k):   # the last step: it sees every candidate
            seen.extend(cands)
            return topics(cands, *a, **k)

        build.build_events, triggers.protest_topics = build_events, protest_topics
        tr._why.clear()
        try:
            out = inner_sentence(ctx, sent)
        finally:
            build.build_events, triggers.protest_topics = inner_build, topics
        art = ctx.state.article.id
        tr._article[0] = art
        key = (art, sent[0].idx, sent[-1].idx + len(sent[-1]))
        tr.sentences[key] = [_record(c, made.get(id(c)), tr._why.get(id(c), [])) for c in seen]
        return out

    def keep(raw, *a, **k):
        out = inner_keep(raw, *a, **k)
        kept = {id(r) for r in out}
        tr.dropped.setdefault(tr._article[0], []).extend(
            (r.sentence.start, r.type, r.trigger) for r in raw if id(r) not in kept)
        return out

    tr._replaced += [(build, "sentence_events", inner_sentence), (stage_module, "sentence_events", inner_sentence),
                     (merge, "keep", inner_keep)]
    build.sentence_events = stage_module.sentence_events = sentence_events
    merge.keep = keep
    return tr


def uninstall(tr: Trace) -> None:
    """Put back what :func:`install` wrapped."""
    for mod, name, original in reversed(tr._replaced):
        setattr(mod, name, original)
    tr._replaced.clear()


def cause(tr: Trace, article: str, span: Optional[tuple[int, int]], gold_type: str) -> tuple[str, list]:
    """The cause of a missing gold event of ``gold_type`` in sentence ``span`` of ``article`` (see the
    module docstring) and the candidate records of its sentence."""
    if span is None:
        return "other", []
    recs = tr.records(article, span)
    same = [r for r in recs if r["type"] == gold_type]
    if not recs:
        return "no candidate", recs
    if not same:
        return "other types only", recs
    if all("suppressed" in r for r in same):
        return "suppressed: " + ",".join(sorted({x for r in same for x in r["suppressed"]})), recs
    if any(d[1] == gold_type for d in tr.dropped_in(article, span)):
        return "dropped: no source", recs
    if all(not r["events"] for r in same if "events" in r):
        return "no party resolved", recs
    return "other", recs
