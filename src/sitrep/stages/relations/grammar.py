"""Reading a trigger's clause: who acts on whom, whether it is a fact, what kind of support.

* :func:`agent_patient` -- the agents and patients of a verb, active ("*the US* designated *it*"),
  passive ("*it* was designated ... *by the US*", "the junta, backed *by Russia*") or a hyphenated
  modifier ("*Iran*-backed *rebels*");
* :func:`irrealis` -- a plan, a promise, a possibility or an allegation is not (yet) a fact ("*could*
  back", "vowed to *form*", "accused X of *backing*");
* :func:`support_kind` -- military, financial or political support, from the verb ("*armed*") or the
  words of its clause ("with *airstrikes*").
"""

from __future__ import annotations

from typing import Optional

from ... import limits
from .arguments import VERB_POS, RelationContext
from .records import Single
from .rules import Rules


def clause_verb(tok):
    """The nearest verb above ``tok`` (None at the root of a verbless sentence)."""
    for a in tok.ancestors:
        if a.pos_ in VERB_POS:
            return a
    return None


def clause_has(v, words) -> bool:
    """Whether a word of ``v``'s clause starts with one of ``words`` ("*terrorist* organization")."""
    for t in v.subtree:
        if any(t.lower_.startswith(w) for w in words):
            return True
    return False


def irrealis(ctx: RelationContext, v) -> bool:
    """A clause that states a plan, a promise or a possibility, not a fact."""
    r = ctx.rules
    if any(c.dep_ == "aux" and c.lower_ in r.irrealis_aux for c in v.children):
        return True
    t = v
    for _ in range(limits.MAX_TREE_WALK):
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            break
        t = t.head
        if t.lemma_.lower() in r.irrealis_heads:
            return True
    for n, a in enumerate(v.ancestors):
        if n > ctx.config.allegation_depth:
            break
        if a.lemma_.lower() in r.allegation_heads:
            return True
    return False


def _hyphen_compound(v):
    """"Iran-backed rebels", "the US-led coalition": ``([Iran], [Single(rebels)])`` or None."""
    if v.dep_ in ("amod", "compound", "acl") and v.i >= 2 and v.doc[v.i - 1].text in ("-", "–"):
        agents = [c for c in v.children if c.i == v.i - 2]
        if agents and v.head.i > v.i:
            return agents, [Single(v.head)]
    return None


def is_passive(v) -> bool:
    """A passive verb, or a past participle modifying a noun ("the junta, *backed* by Russia")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (
        v.dep_ in ("acl", "relcl") and v.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in v.children))


def _passive_agents(v, by: str) -> list:
    """The "by" objects of a passive verb, also when the parser hung "by" lower in the clause
    ("designated as a terrorist organization *by the United States*")."""
    agents = []
    for c in v.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == by):
            agents += [p for p in c.children if p.dep_ == "pobj"]
    if not agents:
        for t in v.subtree:
            if t.lower_ == by and t.dep_ in ("prep", "agent") and clause_verb(t) == v:
                agents += [p for p in t.children if p.dep_ == "pobj"]
                break
    return agents


def _active_agents(v) -> list:
    """The subject of an active verb; a verb modifying a noun ("Turkey *supporting* the factions")
    takes the noun; a non-finite verb its controller."""
    agents = [c for c in v.children if c.dep_ == "nsubj"]
    if not agents and v.dep_ == "acl" and v.tag_ == "VBG":  # "Turkey supporting the factions"
        agents = [v.head]
    if not agents:
        agents = controller(v)
    return agents


def agent_patient(v, r: Optional[Rules] = None):
    """(agents, patients, passive) tokens of a verb."""
    hyphen = _hyphen_compound(v)
    if hyphen is not None:
        return hyphen[0], hyphen[1], True
    passive = is_passive(v)
    if passive:
        patients = [c for c in v.children if c.dep_ == "nsubjpass"]
        if not patients and v.dep_ == "acl":
            patients = [v.head]
        return _passive_agents(v, r.agent_preposition if r is not None else "by"), patients, True
    return _active_agents(v), [c for c in v.children if c.dep_ in ("dobj",)], False


def controller(v):
    """The understood subject of a non-finite verb: "Russia's interest in supporting X"."""
    if v.dep_ == "xcomp":
        return [c for c in v.head.children if c.dep_ == "nsubj"]
    if v.dep_ == "pcomp" and v.head.dep_ == "prep":
        noun = v.head.head
        return [c for c in noun.children if c.dep_ == "poss"]
    return []


def support_kind(v, e, r: Rules) -> Optional[str]:
    """The kind of support of verb ``v`` under entry ``e``: the verb's own ("arm" -> military), else
    the first word of its clause that names one ("with airstrikes" -> military)."""
    k = (e.get("kind") or {}).get(v.lemma_.lower())
    if k:
        return k
    for t in v.subtree:
        k = r.support_kinds.get(t.lemma_.lower())
        if k:
            return k
    return None
