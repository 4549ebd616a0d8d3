"""Reading the dependency parse: coordination, passives, the subject of a verb (with control and
inheritance), noun-phrase spans, questions and quantities. Word lists come from the cue file
(:class:`~.lexicon.EventCues`); dependency labels and Penn tags are the parser's and stay here.

Every walk up the tree is bounded (by :data:`sitrep.limits.MAX_TREE_WALK` steps at most) and compares
tokens by index (spaCy makes a new ``Token`` object on each access, so ``is`` never holds between two
accesses of the same token).
"""

from __future__ import annotations

import re
from typing import Optional

from ... import limits
from ...core.text import DATELINE_ANY
from .lexicon import EventCues

SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
CLAUSE_DEPS = {"advcl", "ccomp", "conj", "relcl", "parataxis", "csubj", "xcomp", "mark"}
#: a clause inside a noun or prepositional phrase ("protesters *marching*", "the army, *which* pushed in"): no
#: clause of the sentence, whose subject an adverbial participle after it could take
PHRASE_CLAUSE_DEPS = {"acl", "relcl", "pcomp"}
PRESENT_TAGS = {"VBZ", "VBP"}
WH_TAGS = {"WRB", "WDT", "WP", "WP$"}
#: how deep the subject search follows governing clauses
SUBJECT_DEPTH = 4
#: final punctuation: a line without it is a headline
END_PUNCT = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")


def is_headline(text: str) -> bool:
    """A line without final punctuation ("Rebels seize Aleppo") is a headline."""
    return not END_PUNCT.search(text.strip())


#: how a headline's main noun hangs: its root, or the subject of its root verb
HEADLINE_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def headline_act_noun(tok) -> bool:
    """Is noun ``tok`` what a headline reports: the headline's root ("*Massacre* of nine farmworkers in
    Antioquia", "Mass *protests* in Lima") or the subject of its root verb ("Suicide *attack* on a police
    compound leaves 10 dead", "*Talks* between Armenia and Azerbaijan resumed"), with its parties or
    place in a phrase of its own (a preposition)? Its other nouns only name topics ("Concern about the
    Russian *offensive*"), and a noun without such a phrase names one too ("US-Russia *Contact* to Avoid
    'Miscalculations'", a section heading)."""
    if not any(c.dep_ == "prep" for c in tok.children):
        return False
    if tok.dep_ == "ROOT":
        return True
    return tok.dep_ in HEADLINE_SUBJECT_DEPS and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("VERB", "AUX")


def conj_chain(tok) -> list:
    """``tok`` and the tokens above it along its chain of ``conj`` links, the first conjunct last
    ("helped" in "intervened in 2015 and *helped*": [helped, intervened]); bounded."""
    out = [tok]
    for _ in range(limits.MAX_TREE_WALK):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
        out.append(tok)
    return out


def conj_root(tok):
    """The first of the tokens coordinated with ``tok`` (the end of :func:`conj_chain`)."""
    return conj_chain(tok)[-1]


def conjuncts(tok) -> list:
    """``tok`` and the tokens coordinated with it ("Russia, Iran and Hezbollah")."""
    out = [tok]
    seen = {tok.i}
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.i not in seen:
                seen.add(c.i)
                out.append(c)
                stack.append(c)
    return out


def children(tok, *deps) -> list:
    """The children of ``tok`` with one of the dependency labels ``deps``."""
    return [c for c in tok.children if c.dep_ in deps]


def pobjs(prep) -> list:
    """The objects of a preposition ("on *Iran*")."""
    return [p for p in prep.children if p.dep_ == "pobj"]


def is_passive(v) -> bool:
    """"was struck", "were arrested", and a participle after its noun ("the convoy hit by ...")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (
        v.tag_ == "VBN" and v.dep_ == "acl" and not misparsed_main_verb(v))


def has_to_infinitive(v) -> bool:
    """"... *to* reach out": ``v`` carries the infinitive marker."""
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in v.children)


def misparsed_main_verb(v) -> bool:
    """Is ``v`` a sentence's main verb that the parser hung as a participle on its subject ("The Iraqi
    air force *carried out* three air strikes in Mosul." parsed as the noun "force" with a reduced
    relative)? A past form right after the sentence's root noun, with an object of its own and no "by"
    agent, in a sentence ending in a full stop (a sentence needs a verb; a participle restricting its
    noun would leave it none)."""
    head = v.head
    return (v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and v.i == head.i + 1 and head.dep_ == "ROOT"
            and head.pos_ in ("NOUN", "PROPN") and bool(children(v, "dobj")) and not children(v, "agent")
            and head.sent[-1].text == ".")


def subjects(v, cues: EventCues, depth: int = 0) -> tuple[list, str]:
    """The grammatical subject(s) of verb ``v`` and how they were found ("subj", "control", "inherit";
    "passive" for a passive whose subject is its recipient; "" when none).

    "Russia struck" -> Russia (subj); "the army, which struck" -> the army; "prompted the US military
    to reach out" -> the US military (control); "attacked the town and seized the bridge" -> the
    subject of "attacked" (inherit)."""
    if depth > SUBJECT_DEPTH:
        return [], ""
    subs = children(v, "nsubj", "csubj")
    if subs:
        s = subs[0]
        if s.lower_ in cues.relative_pronouns and v.dep_ == "relcl":
            return [v.head], "subj"
        return [s], "subj"
    if is_passive(v) and children(v, "nsubjpass"):
        return [], "passive"
    if v.head.i == v.i:
        return [], ""
    return _governed_subject(v, cues, depth)


def _governed_subject(v, cues: EventCues, depth: int) -> tuple[list, str]:
    """The subject of a verb without its own, read from the clause that governs it."""
    dep, head = v.dep_, v.head
    if dep == "xcomp" or (dep == "advcl" and has_to_infinitive(v)):
        return _controller(v, cues, depth)
    if dep == "advcl" and v.tag_ == "VBG":
        found = _previous_clause_subject(v)
        if found is not None:
            return [found], "inherit"
    if dep == "advcl" and v.tag_ in ("VBD", "VBZ", "VBP"):
        stranded = _stranded_subject(v, cues)
        if stranded is not None:
            return [stranded], "subj"
    if dep in ("conj", "advcl"):
        s, _ = subjects(head, cues, depth + 1)
        return s, "inherit"
    if dep == "relcl":
        return [head], "subj"
    if dep == "acl":
        if v.tag_ == "VBG" or misparsed_main_verb(v):
            return [head], "subj"
        if (has_to_infinitive(v) and head.dep_ == "dobj" and head.head.pos_ == "VERB"
                and head.lemma_.lower() in cues.decision_nouns):
            # "Moscow has made a decision *to include* ...", "announced a plan to impose": the verb's subject
            s, _ = subjects(head.head, cues, depth + 1)
            return s, "control"
        return [], "passive"
    if dep == "pcomp":
        return _pcomp_subject(v, cues, depth)
    return [], ""


def _stranded_subject(v, cues: EventCues):
    """The subject the parser hung on a conjunction it read as a preposition, just before a finite verb
    without a subject ("wounds sustained *as security forces tried* to disperse protesters": the
    forces), else ``None``."""
    if v.i == 0:
        return None
    prev = v.doc[v.i - 1]
    if prev.dep_ != "pobj" or prev.pos_ not in ("NOUN", "PROPN") or prev.head.lower_ not in cues.clause_conjunctions:
        return None
    return prev


def _controller(v, cues: EventCues, depth: int) -> tuple[list, str]:
    """Who does an infinitive's act: the governing verb's object for object control ("urged Iran to
    talk" -> Iran), else its subject ("agreed to talk"), or the subject of a passive governor
    ("Erdogan *is set* to meet Putin", "Iran *was urged* to talk": raising and passive control)."""
    dep, head = v.dep_, v.head
    objs = [o for o in children(head, "dobj") if not _is_instrument_word(o, cues)]
    lemma = head.lemma_.lower()
    if objs and (lemma in cues.object_control_verbs or dep == "xcomp" and lemma not in cues.subject_control_verbs):
        return [objs[0]], "control"
    s, how = subjects(head, cues, depth + 1)
    if not s and how == "passive" and dep == "xcomp":
        s = children(head, "nsubjpass")[:1]
    return s, "control"


def _is_instrument_word(tok, cues: EventCues) -> bool:
    """A weapon or platform as the object of a governing verb ("used water *cannon* to disperse"):
    it controls nothing; the verb's subject does the act."""
    lemma = tok.lemma_.lower()
    return lemma in cues.weapon_nouns or lemma in cues.instrument_nouns


def _previous_clause_subject(v):
    """"as the jihadists advance, squeezing the regime": the subject of the clause just before the
    participle ``v`` (None when that clause has none)."""
    doc, lo = v.doc, v.sent.start
    for t in (doc[j] for j in range(v.i - 1, lo - 1, -1)):   # (not a list of the sentence's start per call)
        if t.pos_ in ("VERB", "AUX") and t.i != v.i and t.dep_ != "aux" and not _inside_phrase(t, v.head):
            subs = children(t, "nsubj")
            return subs[0] if subs else None
    return None


def _inside_phrase(t, top) -> bool:
    """Is verb ``t`` a clause inside a noun or prepositional phrase below ``top`` ("fired at protesters
    *marching* against ..., arresting dozens": the protesters' march is no clause of the sentence, and
    the adverbial participle keeps the main clause's subject)?"""
    u = t
    for _ in range(SUBJECT_DEPTH * 4):
        if u.i == top.i or u.head.i == u.i:
            return False
        if u.dep_ in PHRASE_CLAUSE_DEPS:
            return True
        u = u.head
    return False


def _pcomp_subject(v, cues: EventCues, depth: int) -> tuple[list, str]:
    """The actor of a verb under a preposition: "criticised Assad for failing to ..." -> Assad (the
    governing verb's object, or its passive subject: "the RSF was accused of attacking" -> the RSF);
    "Russia's interest in supporting X" -> Russia (the noun's possessor); a
    means ("pressed Maduro *by imposing* sanctions") or a time ("attacked the soldiers *before
    overpowering* them") -> the governing verb's subject."""
    prep = v.head
    if (prep.lower_ in cues.means_preps or prep.lower_ in cues.subject_control_preps) and prep.head.pos_ in ("VERB", "AUX"):
        s, _ = subjects(prep.head, cues, depth + 1)   # "X ratcheted up pressure *by slapping* sanctions" -> X
        return s, "inherit"
    if prep.head.pos_ in ("VERB", "AUX") and children(prep.head, "dobj"):
        return [children(prep.head, "dobj")[0]], "control"
    if (prep.lower_ in cues.passive_control_preps and prep.head.pos_ in ("VERB", "AUX") and is_passive(prep.head)
            and children(prep.head, "nsubjpass")):
        return children(prep.head, "nsubjpass")[:1], "control"   # "the RSF was accused *of attacking*" -> the RSF
    noun = prep.head
    poss = children(noun, "poss")
    if poss:
        return [poss[0]], "inherit"
    if noun.pos_ in ("VERB", "AUX"):
        s, _ = subjects(noun, cues, depth + 1)
        return s, "inherit"
    return [], ""


def question_or_quantity(tok, quantity_words: frozenset, relative_pronouns: frozenset) -> bool:
    """An argument that asks or counts rather than names an agent: "how many troops", "which units",
    "what", "dozens" on their own. (A relative pronoun is resolved to its antecedent elsewhere.)"""
    if tok.tag_ in WH_TAGS and not (tok.head.dep_ == "relcl" and tok.lower_ in relative_pronouns):
        return True
    if any(x.tag_ in WH_TAGS for x in tok.subtree if x.i < tok.i):
        return True
    if tok.pos_ == "NUM" or tok.lower_ in quantity_words:
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    return False


def np_span(tok) -> tuple[int, int]:
    """Character span of the noun phrase core headed by ``tok`` (modifiers before it, not its PPs):
    "the *second-largest city*", "*Russian* forces"."""
    left = tok
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "poss", "det", "nmod", "nummod", "quantmod", "case", "punct"):
            left = c.left_edge if c.left_edge.i < left.i else left
            break
    start = min(left.idx, tok.idx)
    end = tok.idx + len(tok.text)
    for c in tok.rights:
        if c.dep_ in ("case",):
            end = c.idx + len(c.text)
    return start, end


def dateline_end(sent, text: Optional[str] = None) -> Optional[int]:
    """The character offset where a wire dateline at the start of ``sent`` ends, else ``None``
    (``text``: the sentence's text when the caller has it)."""
    m = DATELINE_ANY.match(sent.text if text is None else text)
    return None if m is None else sent.start_char + m.end()
