"""The arguments of a relation: the actor mention a token stands for.

1. an actor mention of the actors stage on the token; a generic agent or a title ("the government")
   gives way to a name in apposition ("another group, *Jabhat al-Nusra*") or, left unresolved, to
   an actor modifying it ("the *Assad* government");
2. a relative pronoun stands for its antecedent ("the group, *which* was founded by ...");
3. a pronoun the actors stage left unresolved: the most mentioned fitting actor in this and the
   previous sentence (:func:`pronoun`);
4. a predicate noun stands for the copula's subject ("*HTS* is an offshoot of al-Qaeda").

Each conjunct is an argument of its own ("backed by *Russia, Turkey and Qatar*"), unless it has a
verb of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from ...core.article import ENTITY_HOW, ArticleState, Mention
from .rules import Rules

if TYPE_CHECKING:  # pragma: no cover
    from .stage import RelationsConfig

VERB_POS = {"VERB", "AUX"}
#: what separates a common noun from a name in apposition ("another group, Jabhat al-Nusra")
_APPOS_SEPARATORS = (",", "(", "-", "–", "—")


@dataclass
class RelationContext:
    """One article as the relation rules read it: the state, the rules, the settings, and how often
    each actor is mentioned and what kind it is."""

    state: ArticleState
    rules: Rules
    config: "RelationsConfig"
    counts: dict = field(default_factory=dict)
    kinds: dict = field(default_factory=dict)

    @classmethod
    def of(cls, state: ArticleState, rules: Rules, config: "RelationsConfig") -> "RelationContext":
        counts: dict[str, int] = {}
        for m in state.mentions:
            counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
        return cls(state, rules, config, counts, {a.id: a.kind for a in state.actors})

    def mention(self, tok) -> Optional[Mention]:
        """The actor mention over ``tok``; a described entity is no party to a relation ("camps run by
        the SDF")."""
        m = self.state.mention_at(tok.idx, tok.idx + len(tok.text))
        return None if m is not None and m.how == ENTITY_HOW else m

    def generic(self, m: Mention) -> bool:
        """A generic agent the actors stage could not tie to anyone ("the government", "troops"; see
        :meth:`~sitrep.core.article.ArticleState.is_generic_agent`)."""
        return self.state.is_generic_agent(m)

    def negated(self, *toks) -> bool:
        """Whether any of ``toks`` is negated ("does *not* support", "*never* backed")."""
        for t in toks:
            if t is None:
                continue
            for c in t.children:
                if c.dep_ == "neg" or c.lower_ in self.rules.negators:
                    return True
        return False


def arg(ctx: RelationContext, tok, *, kinds=None, exclude=(), depth=0, expand=True) -> list[tuple[Mention, object]]:
    """The actor mention(s) a token stands for (one per conjunct), with the token used."""
    out = []
    # a conjunct with its own verb starts a new clause ("backing Assad and Turkey supporting ...")
    conj = [c for c in tok.conjuncts if c.i > tok.i and not any(
        x.pos_ in VERB_POS and x.dep_ in ("acl", "relcl") for x in c.children)] if expand else []
    for t in [tok] + conj:
        m = one(ctx, t, kinds=kinds, exclude=exclude, depth=depth)
        if m is not None:
            out.append((m, t))
    return out


def _better_than_agent(ctx: RelationContext, tok, m: Mention, exclude) -> Optional[Mention]:
    """Rule 1 for a common noun the actors stage read as an agent or a title: a name in apposition,
    or (for a generic agent) an actor modifying it."""
    named = named_neighbour(ctx, tok)
    if named is not None:
        return named
    if ctx.generic(m):  # "the Assad government" left unresolved: its modifier
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "amod"):
                mm = ctx.mention(c)
                if mm is not None and mm.actor_id not in exclude and not ctx.generic(mm):
                    return mm
    return None


def one(ctx: RelationContext, tok, *, kinds=None, exclude=(), depth=0) -> Optional[Mention]:
    """The actor mention token ``tok`` stands for (see the module doc), or None."""
    if depth > ctx.config.argument_depth_limit or tok is None:
        return None
    r = ctx.rules
    m = ctx.mention(tok)
    low = tok.lower_
    if m is not None and m.how in ("agent", "title") and tok.pos_ == "NOUN":
        better = _better_than_agent(ctx, tok, m, exclude)
        if better is not None:
            return better
    if m is not None:
        return m if m.actor_id not in exclude else None
    if low in r.relative_pronouns and tok.head.dep_ in ("relcl", "acl"):
        return one(ctx, tok.head.head, kinds=kinds, exclude=exclude, depth=depth + 1)
    if low in r.pronouns:
        return pronoun(ctx, tok, kinds, exclude)
    if tok.pos_ in ("NOUN", "PRON", "PROPN"):
        if tok.dep_ == "attr" and tok.head.lemma_ in r.copulas:
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return one(ctx, subj, kinds=kinds, exclude=exclude, depth=depth + 1)
        named = named_neighbour(ctx, tok)
        if named is not None and named.actor_id not in exclude:
            return named
    return None


def named_neighbour(ctx: RelationContext, tok) -> Optional[Mention]:
    """A name standing in apposition to a common noun ("another group, Jabhat al-Nusra")."""
    doc = tok.doc
    for c in tok.children:
        if c.i <= tok.i or not (c.dep_ == "appos" or (c.dep_ == "conj" and tok.pos_ == "NOUN" and c.pos_ == "PROPN")):
            continue
        # right after the noun, set off by a comma or a bracket
        left = c.left_edge.i
        if left - tok.i > ctx.config.appos_max_gap or not any(
                doc[k].text in _APPOS_SEPARATORS for k in range(tok.i + 1, left)):
            continue
        m = ctx.mention(c)
        if m is not None:
            return m
    return None


def _clause_subjects(ctx: RelationContext, tok) -> set:
    """The actors of the subject of ``tok``'s verb when ``tok`` is its object (a pronoun object is
    never its own clause's subject)."""
    out = set()
    if tok.dep_ in ("dobj", "pobj"):
        for c in tok.head.children:
            if c.dep_ == "nsubj":
                m = ctx.mention(c)
                if m is not None:
                    out.add(m.actor_id)
    return out


def pronoun(ctx: RelationContext, tok, kinds, exclude) -> Optional[Mention]:
    """A pronoun the actors stage left unresolved: the most mentioned fitting actor in this and the
    previous sentence (never the subject of its own clause when it is an object)."""
    sent = tok.sent
    lo = sent.start_char
    prev = sent.start - 1
    if prev >= 0:
        lo = tok.doc[prev].sent.start_char
    person = ctx.rules.pronouns[tok.lower_] == "he"
    clause_subj = _clause_subjects(ctx, tok)
    best, best_key = None, None
    for m in ctx.state.mentions:
        if m.start < lo:
            continue
        if m.start >= tok.idx:
            break
        kind = ctx.kinds.get(m.actor_id, "other")
        if person != (kind == "person") or (kinds and kind not in kinds):
            continue
        if m.actor_id in exclude or m.actor_id in clause_subj or m.how in ("pronoun", ENTITY_HOW):
            continue
        key = (ctx.counts.get(m.actor_id, 0), m.start)
        if best_key is None or key > best_key:
            best, best_key = m, key
    return best
