"""The features of the argument ranker (:mod:`.ranker`): for one event candidate and one of its
argument candidates (an actor mention of its sentence, a party the rules chose elsewhere, or "none"), a
short list of named features (strings). Each feature is one small function below; every one reads
only the parse the pipeline already made (no parsing of its own), so a candidate costs a few walks up
the dependency tree.

A feature name is ``name`` or ``name=value``; crossed features join their parts with ``&``
("type=ASSAULT&path=|nsubj"). Training (``scripts/train_arg_ranker.py``) and the stage both build them
here, so the weights in ``data/arg_ranker.yaml`` are keyed by these names.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from .grammar import is_passive

#: the candidate that stands for "no party" (the role is left empty)
NONE = None
#: the longest dependency path kept as it is (in links); a longer one is "long"
MAX_PATH = 4
#: the upper bounds of the token-distance buckets
DISTANCE_BUCKETS = (2, 5, 10)
#: quotation marks that open or close a quote
QUOTE_MARKS = "\"“”"


# -- the parse around a candidate -----------------------------------------------------------------------

def mention_head(doc: Any, m: Any) -> Optional[Any]:
    """The syntactic head token of mention ``m`` (the root of its character span), or ``None`` when
    its span does not fall on tokens of ``doc``."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _link(tok: Any) -> tuple[str, Any]:
    """One step up the tree from ``tok``: its relation, named as the ranker reads it, and the token
    the step lands on. A prepositional object skips its preposition ("pobj:against"); a passive
    agent's object is "agent" ("attacked *by* X")."""
    if tok.dep_ == "pobj" and tok.head.i != tok.i:
        prep = tok.head
        rel = "agent" if prep.dep_ == "agent" else f"pobj:{prep.lower_}"
        return rel, prep.head
    return tok.dep_, tok.head


def chain(tok: Any, limit: int = 12) -> list[tuple[str, Any]]:
    """``[(relation, token reached), ...]`` from ``tok`` up to the root (at most ``limit`` steps)."""
    out: list[tuple[str, Any]] = []
    while tok.head.i != tok.i and len(out) < limit:
        rel, up = _link(tok)
        out.append((rel, up))
        tok = up
    return out


def dep_links(trigger: Any, head: Any, up: Callable = chain) -> Optional[tuple[list[str], list[str]]]:
    """The relations climbed from ``trigger`` to the lowest common ancestor with argument head ``head``
    and the relations descended from there to it (in that order); ``None`` when they share no ancestor.
    ``up`` gives a token's :func:`chain` (a cached one in the stage)."""
    up_trig = up(trigger)
    climb_to = {trigger.i: 0}
    for k, (_, t) in enumerate(up_trig):
        climb_to.setdefault(t.i, k + 1)
    down: list[str] = []
    tok = head
    for rel, above in up(head) + [("", None)]:
        if tok.i in climb_to:
            return [r for r, _ in up_trig[:climb_to[tok.i]]], list(reversed(down))
        if above is None:
            break
        down.append(rel)
        tok = above
    return None


def dep_path(trigger: Any, head: Any) -> str:
    """The dependency path from ``trigger`` to argument head ``head``: the relations climbed from the
    trigger to their lowest common ancestor, "|", then the relations descended to the argument
    ("|nsubj": the trigger's subject; "|agent": its by-phrase; "|pobj:against"; "acl|nsubj": the
    subject of the noun a participle trigger modifies); "self" when the head is the trigger, "long" past
    :data:`MAX_PATH` links, "none" when they share no ancestor."""
    return _path_and_ends(trigger, head)[0]


def path_ends(trigger: Any, head: Any) -> list[str]:
    """The coarse shape of the path, which generalises past :func:`dep_path`'s exact one: its first link
    from the trigger, its last link into the argument and its length ("first=^ccomp", "last=nsubj")."""
    return _path_and_ends(trigger, head)[1]


def _path_and_ends(trigger: Any, head: Any, up: Callable = chain) -> tuple[str, list[str]]:
    """:func:`dep_path` and :func:`path_ends` from one walk up the tree."""
    if head.i == trigger.i:
        return "self", []
    links = dep_links(trigger, head, up)
    if links is None:
        return "none", []
    climbed, descended = links
    n = len(climbed) + len(descended)
    path = "long" if n > MAX_PATH else "^".join(climbed) + "|" + ">".join(descended)
    first = f"^{climbed[0]}" if climbed else descended[0]
    last = descended[-1] if descended else f"^{climbed[-1]}"
    return path, [f"first={first}", f"last={last}", f"len={min(n, MAX_PATH + 1)}"]


def distance_bucket(n: int) -> str:
    """A token distance as a bucket: "0-2", "3-5", "6-10", "11+"."""
    low = 0
    for b in DISTANCE_BUCKETS:
        if n <= b:
            return f"{low}-{b}"
        low = b + 1
    return f"{low}+"


def in_quote(text: str, start: int, char: int) -> bool:
    """Is character offset ``char`` of ``text`` inside a quotation of the sentence starting at ``start``
    (an odd number of quotation marks, or an opening “ not yet closed, between them)? (The article's
    text is passed as a string: ``Doc.text`` would rebuild it from the tokens on each call.)"""
    before = text[start:max(start, char)]
    if "“" in before:
        return before.rfind("“") > before.rfind("”")
    return before.count('"') % 2 == 1


def is_speaker(head: Any, speech_verbs: Any) -> bool:
    """Is the argument head the subject of a speech verb ("said", "told", ...)?"""
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in speech_verbs


# -- the features --------------------------------------------------------------------------------------

def event_features(c: Any, event_type: str) -> dict[str, str]:
    """What the features of every argument of ``c`` share: the event type, the kind of trigger
    (verbal, light, nominal) and its voice."""
    return {"type": event_type, "kind": c.kind, "voice": "passive" if is_passive(c.trigger) else "active"}


def none_features(ev: dict[str, str], rule_empty: bool) -> list[str]:
    """The features of the "no party" candidate: a bias, crossed with the event type, the trigger kind
    and voice, and whether the rules left the role empty (their vote)."""
    out = ["none", f"none&type={ev['type']}", f"none&kind={ev['kind']}", f"none&voice={ev['voice']}"]
    if rule_empty:
        out += ["none&rule", f"none&rule&kind={ev['kind']}"]
    return out


def path_features(ev: dict[str, str], trigger: Any, head: Any, up: Callable = chain) -> list[str]:
    """The dependency path alone and crossed with the event type, the trigger kind and the voice; its
    coarse shape (:func:`path_ends`) alone and crossed with the trigger kind and voice (``up``: as for
    :func:`dep_links`)."""
    path, ends = _path_and_ends(trigger, head, up)
    return [f"path={path}", f"type={ev['type']}&path={path}", f"kind={ev['kind']}&path={path}",
            f"voice={ev['voice']}&path={path}"] + ends + [f"kind={ev['kind']}&voice={ev['voice']}&{e}" for e in ends[:2]]


def position_features(trigger: Any, head: Any, nearest: str) -> list[str]:
    """Where the argument stands: before or after the trigger, how far (bucketed) and whether it is the
    nearest candidate on its side (``nearest``: "before", "after" or "")."""
    side = "before" if head.i < trigger.i else "after"
    out = [f"side={side}", f"side={side}&dist={distance_bucket(abs(head.i - trigger.i))}"]
    if nearest:
        out.append(f"nearest={nearest}")
    return out


def mention_features(m: Any, actor_kind: str, generic: bool) -> list[str]:
    """What the mention is: its actor's kind (state, person, armed_group, igo, ...), how it names it
    (name, pronoun, agent, described, place, ...), and whether it names only people in general."""
    out = [f"actor={actor_kind}", f"how={m.how}"]
    if generic:
        out.append("generic")
    return out


def vote_features(ev: dict[str, str], actor_id: str, rule_sources: list, rule_targets: list) -> list[str]:
    """The rules' vote: the mention's actor is the source or the target the rules chose (also crossed
    with the event type)."""
    out = []
    if any(actor_id == r.actor_id for r in rule_sources):
        out += ["rule_source", f"rule_source&kind={ev['kind']}"]
    if any(actor_id == r.actor_id for r in rule_targets):
        out += ["rule_target", f"rule_target&kind={ev['kind']}"]
    return out


def speech_features(text: str, sent: Any, m: Any, head: Any, trigger: Any, speech_verbs: Any) -> list[str]:
    """Quotation and speech: the mention inside a quote, the trigger inside one, the mention the
    speaker of a speech verb (``text``: the article's text)."""
    out = []
    if in_quote(text, sent.start_char, m.start):
        out.append("mention_in_quote")
    if in_quote(text, sent.start_char, trigger.idx):
        out.append("trigger_in_quote")
    if head is not None and is_speaker(head, speech_verbs):
        out.append("speaker")
    return out
