"""Within-article coreference: which earlier (or, for a title, nearby) actor a short mention stands for.

A neutral module (the actors stage uses it; quotes and events read its results through
``ArticleState.mentions``). It works on a spaCy ``Doc`` and the actor mentions already resolved, and
never creates actors itself:

* :func:`surname_of` -- "Ryder" or "Lt. Gen. Ryder" after "Pat Ryder" is Pat Ryder;
* :func:`title_holder` -- "the Pentagon spokesman" is the person the text gave that title (or, just
  before a named person without a title, introduces that person);
* :func:`definite_antecedent` -- "the department" after "the Treasury Department" is that department;
* :func:`resolve_pronouns` -- "he"/"she" go to the last compatible *named* person, "it"/"its"/"itself"
  and "the group"/"the organisation" to the most salient compatible organisation, armed group or state
  nearby (a description "the Palestinian group", "the paramilitary group" likewise, to a group of the
  country its modifier names, if it names one), scored by grammatical role (subject > possessor > object), recency, how often the actor was
  named, and continuity with an earlier pronoun; an object pronoun never takes the subject of its own
  verb ("the US has designated it"), nor the subject its participle shares ("the EU imposed sanctions on
  Wagner, accusing it"), and an expletive "it" ("it's a complicated situation") is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional, Sequence

PERSON_KINDS = frozenset({"person"})
THING_KINDS = frozenset({"state", "organization", "armed_group", "igo", "media", "group"})
GROUP_KINDS = frozenset({"organization", "armed_group", "igo", "group"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "pobj", "attr", "oprd"})


@dataclass(frozen=True)
class PronounWeights:
    """How :func:`resolve_pronouns` scores an antecedent (the actors stage's configuration gives them:
    ``pronoun_<field>``). An antecedent scores its grammatical role's weight (``subject_weight``, ...), less
    ``sentence_penalty`` per sentence and ``token_penalty`` per token back, plus ``salience_bonus``
    per earlier naming (up to ``salience_cap``), plus the bonuses."""

    #: weight of an antecedent that is the subject / possessor / object of its clause, or anything else
    subject_weight: float = 2.0
    possessor_weight: float = 1.5
    object_weight: float = 1.0
    other_weight: float = 0.3
    sentence_penalty: float = 0.6
    token_penalty: float = 0.01
    salience_bonus: float = 0.3
    salience_cap: int = 4
    #: the actor the previous pronoun of the same kind ("person"/"thing") went to
    continuity_bonus: float = 1.5
    #: "itself"/"himself" and the subject of its own clause
    reflexive_bonus: float = 2.0
    #: "Jordan said it had closed ...": the teller of the clause the pronoun is in
    teller_bonus: float = 2.0
    #: how many sentences back a person pronoun / a thing pronoun looks
    person_max_sentences: int = 2
    thing_max_sentences: int = 1
    #: how many sentences back a definite description ("the 27-nation bloc", "the kingdom") looks
    description_max_sentences: int = 3
    #: a description's antecedent that the text itself called by the description's noun ("the ECOWAS
    #: regional *bloc*" for "the bloc")
    description_match_bonus: float = 2.0

    def max_sentences(self, group: str) -> int:
        """How many sentences back a pronoun of ``group`` ("person", "thing", "description") looks."""
        return {"person": self.person_max_sentences, "description": self.description_max_sentences}.get(
            group, self.thing_max_sentences)

    def role(self, role: str) -> float:
        """The weight of a grammatical role ("subj", "poss", "obj", "other")."""
        return {"subj": self.subject_weight, "poss": self.possessor_weight, "obj": self.object_weight}.get(
            role, self.other_weight)


@dataclass
class CorefMention:
    """What coreference needs to know about a resolved mention."""

    start: int        # char offsets
    end: int
    head: int         # token index of the mention's head
    actor: str
    kind: str
    how: str = "name"
    #: the ISO3 country of the actor (agreement with a description: "the Palestinian group")
    country: Optional[str] = None


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


def antecedent_score(doc, head: int, pron: int, sentences_back: int, w: PronounWeights = PronounWeights()) -> float:
    """The score of an antecedent headed by token ``head`` for a pronoun at token ``pron``,
    ``sentences_back`` sentences later, by the weights :func:`resolve_pronouns` uses (its grammatical
    role, less the distance); for a resolver of other pronouns (the events stage's plural objects)."""
    return _role_distance_score(w, _role(doc[head]), sentences_back, pron - head)


def _role_distance_score(w: PronounWeights, role: str, sentences_back: int, tokens_back: int) -> float:
    """The base of every antecedent's score: the weight of its grammatical ``role``, less the penalties
    for the sentences and tokens between it and the pronoun (the bonuses of :func:`_score` come on top)."""
    return w.role(role) - w.sentence_penalty * sentences_back - w.token_penalty * tokens_back


def _subject_giver(verb) -> int:
    """The index of the verb whose subject a subjectless participle or infinitive shares ("the EU
    imposed sanctions on Wagner, *accusing* it ...": "imposed"), else -1."""
    if verb is None or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
        return -1
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return -1
    return verb.head.i


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


def definite_antecedent(head: str, candidates: Sequence[tuple[str, str, int]]) -> Optional[str]:
    """The actor a definite description stands for: the latest of ``candidates`` (actor, name, offset
    of a mention before the description) whose name holds the description's head word as a word.

    >>> definite_antecedent("department", [("TREASURY", "Treasury Department", 10), ("UN", "UN", 40)])
    'TREASURY'
    >>> definite_antecedent("bloc", [("UN", "UN", 40)]) is None
    True
    """
    head = head.lower()
    best, best_at = None, -1
    for actor, name, at in candidates:
        words = name.lower().replace("-", " ").split()
        if head in words and at > best_at:
            best, best_at = actor, at
    return best


def is_expletive_it(tok, expletive_verbs: frozenset = frozenset()) -> bool:
    """ "It" that refers to nothing: "it's a complicated situation", "it is clear that ...", and
    the subject of one of ``expletive_verbs`` ("it seems", "it remains to be seen"; the actor cue
    list ``expletive_verbs``)."""
    if tok.lower_ != "it":
        return False
    head = tok.head
    if tok.dep_ == "expl":
        return True
    if tok.dep_ in ("nsubj",) and head.lemma_ == "be" and head.dep_ not in ("aux", "auxpass"):
        return True
    if tok.dep_ == "nsubj" and head.lemma_ in expletive_verbs:
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


@dataclass(frozen=True)
class PronounCues:
    """The word lists pronoun resolution reads (the actor cues of ``kb/data/actor_cues.yaml``)."""

    person_pronouns: frozenset
    thing_pronouns: frozenset
    group_nouns: frozenset
    speech_verbs: frozenset = frozenset()
    expletive_verbs: frozenset = frozenset()
    #: head noun of a definite description -> the actor kinds it may refer back to ("bloc" -> igo)
    description_kinds: Optional[dict] = None


def _speakers(doc, ments: Sequence[CorefMention], speech_verbs: frozenset, sent_index) -> dict[int, set[str]]:
    """Who is quoted in each sentence: the actors that are subjects of a verb of saying ("Hale said")."""
    speakers: dict[int, set[str]] = {}
    for m in ments:
        h = doc[m.head]
        if h.dep_ == "nsubj" and h.head.lemma_ in speech_verbs:
            speakers.setdefault(sent_index(m.head), set()).add(m.actor)
    return speakers


def _is_group_noun(doc, tok) -> bool:
    """ "the group" standing alone ("The group said"), not "the group of", "the armed group"."""
    return (tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.i > 0
            and doc[tok.i - 1].lower_ == "the" and tok.head.lower_ != "of"
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights)
            and not any(c.dep_ in ("compound", "amod") for c in tok.lefts))


def group_description(doc, tok) -> Optional[int]:
    """The index of "the" in a definite description "the <modifiers> <group noun>" ending at ``tok``
    ("the Palestinian group", "The paramilitary group", "the Iran-aligned movement"), or ``None``: a
    singular noun whose determiner "the" opens its phrase, with modifiers between, no "of" phrase and no
    name after it (not "the Islamist group al Shabaab": an apposition names it)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.dep_ == "compound" or tok.head.lower_ == "of":
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
        return None
    if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
        return None
    dets = [c for c in tok.lefts if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the" or dets[0].i != tok.left_edge.i or dets[0].i >= tok.i - 1:
        return None
    return dets[0].i


def description_country(doc, tok, mentions: Sequence["CorefMention"]) -> Optional[str]:
    """The country a description's own modifier gives ("the *Palestinian* group" -> PSE): the country of
    a state mention that is exactly one modifier of ``tok``; ``None`` when it has none."""
    for c in tok.lefts:
        if c.dep_ not in ("amod", "compound", "nmod"):
            continue
        for m in mentions:
            if m.kind == "state" and m.start == c.idx and m.end == c.idx + len(c.text) and m.country:
                return m.country
    return None


def _pronoun_class(doc, tok, cues: PronounCues):
    """(kinds it may refer to, "person"/"thing", start char) of a pronoun or "the group"-like noun;
    ``None`` for a word that is neither ("it" expletive, "group" in "the group of")."""
    low = tok.lower_
    if low in cues.person_pronouns and tok.pos_ in ("PRON", "DET"):
        return PERSON_KINDS, "person", tok.idx
    if low in cues.thing_pronouns and tok.pos_ in ("PRON", "DET") and not is_expletive_it(tok, cues.expletive_verbs):
        return THING_KINDS, "thing", tok.idx
    if low in cues.group_nouns and _is_group_noun(doc, tok):
        return GROUP_KINDS, "thing", doc[tok.i - 1].idx
    det = group_description(doc, tok) if low in cues.group_nouns else None
    if det is not None:
        return GROUP_KINDS, "thing", doc[det].idx
    kinds = (cues.description_kinds or {}).get(low)
    if kinds:
        if _is_group_noun(doc, tok):
            return frozenset(kinds), "description", doc[tok.i - 1].idx
        det = group_description(doc, tok)
        if det is not None:
            return frozenset(kinds), "description", doc[det].idx
    return None


@dataclass
class _Pronoun:
    """A pronoun being resolved, with what the scoring needs to know about its clause."""

    tok: Any
    kinds: frozenset
    group: str
    sent: int
    verb: object
    teller: object
    reflexive: bool
    excluded: set
    #: the country a description's modifier requires of its antecedent ("the Palestinian group")
    country: Optional[str] = None
    #: the actor the teller's head word is a mention of, if any
    teller_actor: Optional[str] = None


def _score(doc, p: _Pronoun, m: CorefMention, sent_index, counts: dict, last_pron: dict,
           w: PronounWeights) -> Optional[float]:
    """The score of antecedent ``m`` for pronoun ``p``, or ``None`` when it cannot be: the wrong kind,
    too far back, quoted, or the subject of the object pronoun's own verb ("the US has designated it")."""
    tok = p.tok
    h = doc[m.head]
    dist_s = p.sent - sent_index(m.head)
    if dist_s > w.max_sentences(p.group):
        return None
    if m.actor in p.excluded or (p.country is not None and m.country != p.country):
        return None
    if p.group == "description" and (m.how == "demonym" or h.dep_ == "amod"):
        return None     # "the Yemeni group ... against the kingdom": a modifier names no antecedent
    role = _role(h)
    same_clause_subject = role == "subj" and _clause_verb(h).i in (p.verb.i, _subject_giver(p.verb))
    if same_clause_subject and not p.reflexive and tok.dep_ in OBJECT_DEPS | {"poss"} and tok.lower_ != "its":
        return None
    score = _role_distance_score(w, role, dist_s, tok.i - m.head)
    score += w.salience_bonus * min(counts.get(m.actor, 0), w.salience_cap)
    if last_pron.get(p.group) == m.actor:
        score += w.continuity_bonus
    if p.reflexive and same_clause_subject:
        score += w.reflexive_bonus
    if p.group == "description" and _called(doc, m, tok.lower_):
        score += w.description_match_bonus
    teller = p.teller
    if teller is not None and (h.i == teller.i or (h.head.i == teller.i and h.dep_ in ("poss", "compound")
                                                   and p.teller_actor in (None, m.actor))):
        # "Jordan said it had closed ...", "Iraq's government said it ...": the teller; not a modifier
        # of a teller that is an actor of its own ("the Lebanese Red Cross said it": the Red Cross)
        score += w.teller_bonus
    return score


def _called(doc, m: CorefMention, noun: str) -> bool:
    """Did the text call ``m`` by ``noun``: its name holds the word, the noun follows it after
    modifiers only ("the ECOWAS regional bloc", "the Economic Community of West African States (ECOWAS)
    bloc"), or it modifies or is in apposition to that noun ("Saudi Arabia, the kingdom")?"""
    h = doc[m.head]
    if noun in doc.text[m.start:m.end].lower().split():
        return True
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    for t in doc[span.end:span.end + 4] if span is not None else ():
        if t.lower_ == noun:
            return True
        if t.pos_ not in ("ADJ", "PROPN", "NUM", "PUNCT") or t.text in (",", "."):
            break
    near = [h.head] if h.dep_ in ("compound", "appos", "nmod") else []
    near += [c for c in h.children if c.dep_ == "appos"]
    return any(t.lower_ == noun for t in near)


def _best_antecedent(doc, p: _Pronoun, earlier: list[CorefMention], named: set[str], sent_index,
                     counts: dict, last_pron: dict, w: PronounWeights) -> Optional[CorefMention]:
    """The best-scoring earlier named mention of a compatible kind (the latest wins a tie)."""
    best, best_score = None, None
    for m in reversed(earlier):
        if m.kind not in p.kinds or m.start >= p.tok.idx or m.actor not in named:
            continue
        score = _score(doc, p, m, sent_index, counts, last_pron, w)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = m, score
    return best


def _description_open(doc, p: _Pronoun, start: int, earlier: list[CorefMention]) -> bool:
    """May the description ``p`` (starting at char ``start``) refer back at all? Not when it names its
    actor itself ("the NATO military bloc"). An object description never takes the subject of its own
    verb ("Russia said it would retaliate against the kingdom"): those actors join ``p.excluded``."""
    tok = p.tok
    if any(start <= m.start < tok.idx and m.kind in p.kinds for m in earlier):
        return False
    if tok.dep_ in OBJECT_DEPS:
        p.excluded |= {m.actor for m in earlier
                       if doc[m.head].dep_ in SUBJECT_DEPS and doc[m.head].head.i == p.verb.i}
    return True


def resolve_pronouns(doc, mentions: Sequence[CorefMention], *, person_pronouns: frozenset,
                     thing_pronouns: frozenset, group_nouns: frozenset, named: set[str],
                     taken: set[int], sent_index: Callable[[int], int], speech_verbs: frozenset = frozenset(),
                     words=None, idxs=None, text=None, expletive_verbs: frozenset = frozenset(),
                     weights: PronounWeights = PronounWeights(),
                     description_kinds: Optional[dict] = None) -> list[CorefMention]:
    """Resolve pronouns (and "the group"-like definite nouns) in ``doc`` to earlier ``mentions``.

    ``named`` are the actor keys that have a proper name (pronouns prefer them); ``taken`` are token
    indices already inside a mention; ``sent_index(token_i)`` gives a token's sentence number.
    Returns new mentions with ``how="pronoun"`` (in text order).

    1. Walk the pronouns in text order, counting how often each actor was named before each.
    2. Classify each: a person pronoun, a thing pronoun (not an expletive "it"), or "the group".
    3. Inside a quotation, the speakers of that sentence and its neighbours are excluded.
    4. Score every earlier compatible named mention (:func:`_score`); the best one wins.
    """
    cues = PronounCues(person_pronouns, thing_pronouns, group_nouns, speech_verbs, expletive_verbs,
                       description_kinds)
    ments = sorted(mentions, key=lambda m: m.start)
    quoted = None
    speakers = _speakers(doc, ments, speech_verbs, sent_index)
    out: list[CorefMention] = []
    counts: dict[str, int] = {}
    pos = 0
    all_ments: list[CorefMention] = []
    last_pron: dict[str, str] = {}  # "person"/"thing" -> actor of the last resolved pronoun
    lowers = [t.lower_ for t in doc] if words is None else [w.lower() for w in words]
    head_actor = {m.head: m.actor for m in ments if m.how != "pronoun"}
    wanted = person_pronouns | thing_pronouns | group_nouns | frozenset(description_kinds or ())
    for ti in [i for i, w in enumerate(lowers) if w in wanted]:
        tok = doc[ti]
        low = lowers[ti]
        while pos < len(ments) and ments[pos].start < tok.idx:
            m = ments[pos]
            all_ments.append(m)
            if m.how not in ("pronoun",):
                counts[m.actor] = counts.get(m.actor, 0) + 1
            pos += 1
        if tok.i in taken:
            continue
        cls = _pronoun_class(doc, tok, cues)
        if cls is None:
            continue
        kinds, group, start = cls
        s_tok = sent_index(tok.i)
        verb = _clause_verb(tok)
        excluded: set[str] = set()
        if quoted is None:
            quoted = _inside_quotes(doc, words, idxs, text)
        if quoted[tok.i]:
            for k in (s_tok - 1, s_tok, s_tok + 1):
                excluded |= speakers.get(k, set())
        teller = _teller_subject(verb, speech_verbs)
        agrees = low in group_nouns or group == "description"     # "the Palestinian group": in country
        p = _Pronoun(tok=tok, kinds=kinds, group=group, sent=s_tok, verb=verb, teller=teller,
                     teller_actor=head_actor.get(teller.i) if teller is not None else None,
                     reflexive=tok.lower_.endswith("self"), excluded=excluded,
                     country=description_country(doc, tok, ments) if agrees else None)
        if group == "description" and not _description_open(doc, p, start, all_ments + out):
            continue
        best = _best_antecedent(doc, p, all_ments + out, named, sent_index, counts, last_pron, weights)
        if best is None:
            continue
        out.append(CorefMention(start=start, end=tok.idx + len(tok.text), head=tok.i, actor=best.actor,
                                kind=best.kind, how="pronoun"))
        last_pron[group] = best.actor
    return out
