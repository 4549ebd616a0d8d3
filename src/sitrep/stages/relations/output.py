"""From the relations found to the contract's :class:`~sitrep.contract.Relation`: their dates
(since/until from the dates stage's expressions in the same clause; a relation that starts takes the
clause's date as ``since``, one that ends ``until``), their span, and one relation per (type, subject,
object, negated), the dated statement preferred."""

from __future__ import annotations

from typing import Optional

from ...core.contract import ActorRef, Relation
from .arguments import VERB_POS, RelationContext
from .grammar import clause_verb
from .records import Found


def clause_dates(ctx: RelationContext, clause, used: Optional[list] = None) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(since, until, at) from the dates stage's expressions in the clause headed by ``clause``;
    the expressions read are appended to ``used``."""
    state = ctx.state
    if clause is None or not state.dates:
        return None, None, None
    sent = clause.sent
    got: dict[str, Optional[str]] = {"since": None, "until": None, "at": None}
    used = used if used is not None else []
    for d in state.dates:
        if d.value is None or d.start < sent.start_char or d.end > sent.end_char:
            continue
        span = state.doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        verb = clause_verb(span.root) if span.root.pos_ not in VERB_POS else span.root
        if verb != clause and clause.pos_ in VERB_POS:
            continue
        if d.relation in got and got[d.relation] is None:
            got[d.relation] = d.value
            used.append((d.start, d.end))
    return got["since"], got["until"], got["at"]


def _span(ctx: RelationContext, f: Found, used: list, dated: bool) -> tuple[int, int]:
    """The text span of a relation: its trigger words (and dates), with its arguments where they
    stand in the same sentence."""
    offs = [(t.idx, t.idx + len(t.text)) for t in f.tokens]
    if offs and dated:
        offs += used
    lo, hi = ctx.state.sentence_of(offs[0][0]) if offs else (0, len(ctx.state.text))
    for m in (f.subject, f.object):
        if not offs or (m.start >= lo and m.end <= hi):
            offs.append((m.start, m.end))
    return min(s for s, _ in offs), max(e for _, e in offs)


def to_relation(ctx: RelationContext, f: Found, has_kind: bool) -> Relation:
    """The contract's relation of ``f``."""
    used: list = []
    since, until, at = clause_dates(ctx, f.clause, used)
    if f.starts and since is None and at is not None:
        since = at
    if f.ends and until is None:
        until = at or ctx.state.article.published
    start, end = _span(ctx, f, used, bool(since or until))
    kw = dict(type=f.type, subject=ActorRef(actor_id=f.subject.actor_id, text=f.subject.text),
              object=ActorRef(actor_id=f.object.actor_id, text=f.object.text), since=since, until=until,
              negated=f.negated, start=start, end=end)
    if has_kind:
        kw["kind"] = f.kind
    return Relation(**kw)


def to_relations(ctx: RelationContext, found: list[Found]) -> list[Relation]:
    """One relation per (type, subject, object, negated), in the order first found; a dated
    statement replaces an undated one."""
    out: dict[tuple, Relation] = {}
    order = []
    has_kind = "kind" in Relation.model_fields
    for f in found:
        rel = to_relation(ctx, f, has_kind)
        key = (f.type, f.subject.actor_id, f.object.actor_id, f.negated)
        old = out.get(key)
        if old is None:
            out[key] = rel
            order.append(key)
        elif (rel.since or rel.until) and not (old.since or old.until):
            out[key] = rel  # the statement with dates is the better evidence
    return [out[k] for k in order]
