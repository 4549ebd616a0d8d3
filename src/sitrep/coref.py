"""Within-article coreference: which earlier (or, for a title, nearby) actor a short mention stands for.

A neutral module (the actors stage uses it; quotes and events read its results through
``ArticleState.mentions``). It works on a spaCy ``Doc`` and the actor mentions already resolved, and
never creates actors itself:

* :func:`surname_of` -- "Ryder" or "Lt. Gen. Ryder" after "Pat Ryder" is Pat Ryder;
* :func:`title_holder` -- "the Pentagon spokesman" is the person the text gave that title (or, just
  before a named person without a title, introduces that person);
* :func:`resolve_pronouns` -- "he"/"she" go to the last compatible *named* person, "it"/"its"/"itself"
  and "the group"/"the organisation" to the most salient compatible organisation, armed group or state
  nearby, scored by grammatical role (subject > possessor > object), recency, how often the actor was
  named, and continuity with an earlier pronoun; an object pronoun never takes the subject of its own
  verb ("the US has designated it"), and an expletive "it" ("it's a complicated situation") is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

PERSON_KINDS = frozenset({"person"})
THING_KINDS = frozenset({"state", "organization", "armed_group", "igo", "media", "group"})
GROUP_KINDS = frozenset({"organization", "armed_group", "igo", "group"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "pobj", "attr", "oprd"})
ROLE_WEIGHT = {"subj": 2.0, "poss": 1.5, "obj": 1.0, "other": 0.3}


@dataclass
class CorefMention:
    """What coreference needs to know about a resolved mention."""

    start: int        # char offsets
    end: int
    head: int         # token index of the mention's head
    actor: str
    kind: str
    how: str = "name"


def _teller_subject(verb, speech_verbs: frozenset):
    """The subject of the verb of saying whose complement clause is headed by ``verb`` ("Jordan" in
    "Jordan said it had closed the crossing"), or None."""
    if verb is None or verb.dep_ not in ("ccomp", "xcomp") or verb.head.lemma_ not in speech_verbs:
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


def _role(tok) -> str:
    dep = tok.dep_
    if dep in SUBJECT_DEPS:
        return "subj"
    if dep == "poss":
        return "poss"
    if dep in OBJECT_DEPS:
        return "obj"
    if dep in ("compound", "appos", "conj") and tok.head != tok:
        return _role(tok.head) if tok.head.dep_ in SUBJECT_DEPS | {"poss"} else "other"
    return "other"


def _clause_verb(tok):
    """The verb (or auxiliary-free predicate) governing ``tok``."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head == t:
            return t
        t = t.head
    return t


def surname_of(tokens: Sequence[str], persons: Iterable[tuple[str, str]],
               salience: Optional[dict] = None, first_names: bool = True) -> Optional[str]:
    """The earlier actor (``(actor, full name)``) that the one- or two-word name ``tokens`` stands
    for: "Ryder" for Pat Ryder, "Hillary" for Hillary Clinton (a first name only when ``first_names``).

    A surname beats a first name; when several actors fit equally, the one named most often so far
    (``salience``: actor -> count) wins if it leads, else ``None``.
    """
    if not tokens:
        return None
    words = [t.lower() for t in tokens]
    last_hits, other_hits = [], []
    for actor, full in persons:
        parts = [p.lower() for p in full.replace("-", " - ").split()]
        if len(parts) <= len(words):
            continue
        if parts[-len(words):] == words:
            last_hits.append(actor)
        elif len(words) == 1 and (words[0] in parts[1:] or (first_names and parts[0] == words[0])):
            other_hits.append(actor)
    for hits in (last_hits, other_hits):
        hits = list(dict.fromkeys(hits))
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            if not salience:
                return None
            ranked = sorted(hits, key=lambda a: -salience.get(a, 0))
            if salience.get(ranked[0], 0) > salience.get(ranked[1], 0):
                return ranked[0]
            return None
    return None


def title_holder(title_head: str, title_words: set[str], affiliation: Optional[str], at: int,
                 persons: Sequence[dict], sent_of) -> Optional[str]:
    """The person a bare title refers to.

    ``persons`` are dicts ``{"actor", "role", "affiliation", "first", "last"}`` (first/last mention
    char offsets). A person whose role contains ``title_head`` (and shares the title's other words and
    affiliation when both are known) is the holder; the latest one mentioned before ``at`` wins, else
    the first one introduced within the next sentence, else ``None``.
    """
    def fits(p) -> bool:
        role = (p.get("role") or "").lower()
        if title_head not in role.split() and title_head not in role:
            return False
        if affiliation and p.get("affiliation") and p["affiliation"] != affiliation:
            return False
        return all(w in role for w in title_words)

    before = [p for p in persons if p["first"] < at and fits(p)]
    if before:
        return max(before, key=lambda p: p["last"] if p["last"] < at else p["first"])["actor"]
    s_at = sent_of(at)
    after = [p for p in persons if p["first"] > at and sent_of(p["first"]) <= s_at + 1]
    after.sort(key=lambda p: p["first"])
    for p in after:
        # a person without a title is introduced by it only when it names its organisation
        # ("the national security advisor of the White House. ... Dana Whitfield said")
        if fits(p) or (not p.get("role") and affiliation):
            return p["actor"]
    return None


def is_expletive_it(tok) -> bool:
    """ "It" that refers to nothing: "it's a complicated situation", "it is clear that ..."."""
    if tok.lower_ != "it":
        return False
    head = tok.head
    if tok.dep_ == "expl":
        return True
    if tok.dep_ in ("nsubj",) and head.lemma_ == "be" and head.dep_ not in ("aux", "auxpass"):
        return True
    if tok.dep_ == "nsubj" and head.lemma_ in ("seem", "appear", "matter", "rain", "take", "remain"):
        return True
    return False


def _inside_quotes(doc, words=None, idxs=None, text=None) -> list[bool]:
    """Per token: is it inside a quotation? Parity of quote marks since the paragraph began (a quote
    never closed ends with its paragraph)."""
    text = text if text is not None else doc.text  # (Doc.text is rebuilt on every access)
    if words is None or idxs is None:
        words = [t.text for t in doc]
        idxs = [t.idx for t in doc]
    out = []
    open_ = False
    prev_end = 0
    for t, i in zip(words, idxs):
        if "\n" in text[prev_end:i] or "\n" in t:
            open_ = False
        prev_end = i + len(t)
        if t in ('"', "\u201c", "\u201d", "''", "``"):
            open_ = t != "\u201d" and (not open_ if t in ('"', "''", "``") else True)
            out.append(False)
        else:
            out.append(open_)
    return out


def resolve_pronouns(doc, mentions: Sequence[CorefMention], *, person_pronouns: frozenset,
                     thing_pronouns: frozenset, group_nouns: frozenset, named: set[str],
                     taken: set[int], sent_index, speech_verbs: frozenset = frozenset(), words=None, idxs=None,
                     text=None) -> list[CorefMention]:
    """Resolve pronouns (and "the group"-like definite nouns) in ``doc`` to earlier ``mentions``.

    ``named`` are the actor keys that have a proper name (pronouns prefer them); ``taken`` are token
    indices already inside a mention; ``sent_index(token_i)`` gives a token's sentence number.
    Returns new mentions with ``how="pronoun"`` (in text order).
    """
    ments = sorted(mentions, key=lambda m: m.start)
    quoted = None
    # who is quoted in each sentence: subjects of verbs of saying (a pronoun in their quote is not them)
    speakers: dict[int, set[str]] = {}
    for m in ments:
        h = doc[m.head]
        if h.dep_ == "nsubj" and h.head.lemma_ in speech_verbs:
            speakers.setdefault(sent_index(m.head), set()).add(m.actor)
    out: list[CorefMention] = []
    counts: dict[str, int] = {}
    pos = 0
    all_ments: list[CorefMention] = []
    last_pron: dict[str, str] = {}  # "person"/"thing" -> actor of the last resolved pronoun
    lowers = [t.lower_ for t in doc] if words is None else [w.lower() for w in words]
    wanted = person_pronouns | thing_pronouns | group_nouns
    for ti in [i for i, w in enumerate(lowers) if w in wanted]:
        tok = doc[ti]
        while pos < len(ments) and ments[pos].start < tok.idx:
            m = ments[pos]
            all_ments.append(m)
            if m.how not in ("pronoun",):
                counts[m.actor] = counts.get(m.actor, 0) + 1
            pos += 1
        low = tok.lower_
        if tok.i in taken:
            continue
        kinds = None
        end = tok.idx + len(tok.text)
        start = tok.idx
        if low in person_pronouns and tok.pos_ in ("PRON", "DET"):
            kinds, group = PERSON_KINDS, "person"
        elif low in thing_pronouns and tok.pos_ in ("PRON", "DET") and not is_expletive_it(tok):
            kinds, group = THING_KINDS, "thing"
        elif (low in group_nouns and tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.i > 0
              and doc[tok.i - 1].lower_ == "the" and tok.head.lower_ != "of"
              and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights)
              and not any(c.dep_ in ("compound", "amod") for c in tok.lefts)):
            kinds, group = GROUP_KINDS, "thing"
            start = doc[tok.i - 1].idx
        if kinds is None:
            continue
        s_tok = sent_index(tok.i)
        verb = _clause_verb(tok)
        teller = _teller_subject(verb, speech_verbs)
        reflexive = low.endswith("self")
        best, best_score = None, None
        excluded = set()
        if quoted is None:
            quoted = _inside_quotes(doc, words, idxs, text)
        if quoted[tok.i]:
            for k in (s_tok - 1, s_tok, s_tok + 1):
                excluded |= speakers.get(k, set())
        for m in reversed(all_ments + out):
            if m.kind not in kinds or m.start >= tok.idx:
                continue
            h = doc[m.head]
            dist_s = s_tok - sent_index(m.head)
            if dist_s > (2 if group == "person" else 1):
                continue
            if m.actor not in named:
                continue
            if m.actor in excluded:
                continue
            role = _role(h)
            same_clause_subject = role == "subj" and _clause_verb(h).i == verb.i
            if same_clause_subject and not reflexive and tok.dep_ in OBJECT_DEPS | {"poss"} and low != "its":
                continue
            score = ROLE_WEIGHT[role] - 0.6 * dist_s - 0.01 * (tok.i - m.head)
            score += 0.3 * min(counts.get(m.actor, 0), 4)
            if last_pron.get(group) == m.actor:
                score += 1.5
            if reflexive and same_clause_subject:
                score += 2.0
            if teller is not None and (h.i == teller.i or (h.head.i == teller.i and h.dep_ in ("poss", "compound"))):
                score += 2.0  # "Jordan said it had closed ...", "Iraq's government said it ...": the teller
            if best_score is None or score > best_score:
                best, best_score = m, score
        if best is None:
            continue
        cm = CorefMention(start=start, end=end, head=tok.i, actor=best.actor, kind=best.kind, how="pronoun")
        out.append(cm)
        last_pron[group] = best.actor
    return out
