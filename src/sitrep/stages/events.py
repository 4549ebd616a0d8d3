"""Stage ``events``: PLOVER 2.0 events (who did what to whom, where, when) from the dependency parse.

How it reads a sentence:

1. **Triggers** come from ``sitrep/data/event_triggers.yaml``: verb lemmas (and phrasal verbs, "reach
   out"), nouns ("attack", "sanctions", "talks"), compounds ("air strike") and light verbs that stand
   for their nominal object ("carry out strikes", "impose sanctions", "hold talks"). A verb sense may
   need a particular object ("lift" + sanctions, "open" + fire).
2. **Arguments**: the source is the subject (or the ``by`` agent of a passive, or the controller of an
   infinitive: "prompted the US military to reach out" → the US military); the target is the object
   or a prepositional phrase (on/against/with/to/...). Nouns take their possessor or ``by`` phrase as
   source and ``on/against/of`` as target. Coordinated actors ("supported by Russia, Iran and
   Hezbollah") give one event each. Arguments become actors through the actors stage's mentions;
   media actors are never sources or targets.
3. **Frames**: acts embedded under agree/refuse/threaten/demand are the content of those acts (they
   give the mode) and not events of their own.
4. **Negation and modality** come from :mod:`sitrep.modality`; a refusal to give way ("would not lift
   sanctions") becomes REJECT, never the easing; cooperative acts announced for the future become
   AGREE (CONCEDE for retreats), as the PLOVER manual asks.
5. **Place and date**: a prepositional place of the act (never a place that is an actor), else the
   only place named in the sentence; the date that governs the trigger in the parse, else the
   sentence's date; the publication date only for present-tense acts (counted in a warning).
6. **Confidence** is monotone in the evidence: a verbal pattern beats a light-verb noun beats a bare
   noun; a KB-resolved source and a resolved target add to it; guesses subtract.
7. Mentions of the same act in several sentences (headline, lead, body) merge into one event that
   keeps every sentence in ``evidence``.

Cost: what depends only on the sentence (its text, dateline, context words, dates, places, mentions) is
computed once per sentence, not once per candidate; a candidate's own look-ups walk the parse from its
trigger, never the whole sentence, and every walk up the tree is bounded by
:data:`sitrep.limits.MAX_TREE_WALK`. So the stage's time grows linearly with the text, and within a
sentence (at most :data:`sitrep.limits.MAX_SENTENCE_TOKENS` tokens, see the nlp stage) at worst with the
candidates times the walk lengths.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Optional


from .. import limits
from ..article import ArticleState, Mention
from ..contract import ActorRef, Event, Span
from ..errors import ConfigError
from ..modality import analyze
from ..ontology import load_ontology
from .base import Stage
from ..datafiles import load_data

# --------------------------------------------------------------------------------------------------
# the lexicon


@dataclass(frozen=True)
class Sense:
    type: str
    mode: Optional[str] = None
    contexts: tuple = ()
    objects: Optional[frozenset] = None
    preps: Optional[frozenset] = None
    frame: bool = False
    cameo: Optional[str] = None
    subject_is_target: bool = False
    subjects: Optional[frozenset] = None
    plural_only: bool = False


@dataclass
class Lexicon:
    verbs: dict
    nouns: dict
    adjectives: dict
    compounds: dict
    light_verbs: frozenset
    target_preps: frozenset
    frame_modes: dict
    negation_as: dict
    future_as: dict
    mode_cues: dict
    context_cues: list
    phrasal_heads: frozenset = frozenset()
    place_target_preps: frozenset = frozenset()
    place_nouns: frozenset = frozenset()
    quantity_words: frozenset = frozenset()


_SENSE_KEYS = {"type", "mode", "contexts", "objects", "preps", "frame", "cameo", "subject_is_target", "plural_only",
               "subjects"}


def _sense(raw: dict, where: str) -> Sense:
    onto = load_ontology()
    if not isinstance(raw, dict) or "type" not in raw:
        raise ConfigError(f"event_triggers.yaml: {where}: a sense needs a 'type'")
    unknown = set(raw) - _SENSE_KEYS
    if unknown:
        raise ConfigError(f"event_triggers.yaml: {where}: unknown fields {sorted(unknown)}")
    t = raw["type"]
    if not onto.is_type(t):
        raise ConfigError(f"event_triggers.yaml: {where}: unknown PLOVER type {t!r}")
    mode = raw.get("mode")
    if mode is not None and not onto.is_mode(t, mode):
        raise ConfigError(f"event_triggers.yaml: {where}: {mode!r} is not a mode of {t}")
    ctx = tuple(raw.get("contexts") or ())
    for c in ctx:
        if not onto.is_context(c):
            raise ConfigError(f"event_triggers.yaml: {where}: unknown context {c!r}")
    objs = raw.get("objects")
    preps = raw.get("preps")
    return Sense(type=t, mode=mode, contexts=ctx,
                 objects=frozenset(str(o).lower() for o in objs) if objs else None,
                 preps=frozenset(str(p).lower() for p in preps) if preps else None,
                 frame=bool(raw.get("frame", False)),
                 cameo=str(raw["cameo"]) if raw.get("cameo") else None,
                 subject_is_target=bool(raw.get("subject_is_target", False)),
                 subjects=frozenset(str(o).lower() for o in raw["subjects"]) if raw.get("subjects") else None,
                 plural_only=bool(raw.get("plural_only", False)))


def parse_lexicon(data: dict) -> Lexicon:
    onto = load_ontology()
    if not isinstance(data, dict):
        raise ConfigError("event_triggers.yaml: expected a mapping")
    for key in ("verbs", "nouns", "light_verbs", "target_preps", "place_target_preps", "place_nouns", "quantity_words"):
        if key not in data:
            raise ConfigError(f"event_triggers.yaml: missing '{key}'")
    verbs = {}
    for lemma, senses in (data.get("verbs") or {}).items():
        if not isinstance(senses, list) or not senses:
            raise ConfigError(f"event_triggers.yaml: verb {lemma!r} needs a list of senses")
        verbs[str(lemma).lower()] = tuple(_sense(s, f"verb {lemma}") for s in senses)
    nouns = {str(k).lower(): _sense(v, f"noun {k}") for k, v in (data.get("nouns") or {}).items()}
    compounds = {str(k).lower(): _sense(v, f"compound {k}") for k, v in (data.get("compounds") or {}).items()}
    adjectives = {str(k).lower(): _sense(v, f"adjective {k}") for k, v in (data.get("adjectives") or {}).items()}
    for t, m in (data.get("frame_modes") or {}).items():
        for sub, mode in m.items():
            if mode is not None and not onto.is_mode(t, mode):
                raise ConfigError(f"event_triggers.yaml: frame_modes {t}/{sub}: {mode!r} is not a mode of {t}")
    for t, conv in (data.get("negation_as") or {}).items():
        if not onto.is_type(t) or not onto.is_type(conv["type"]) or not onto.is_mode(conv["type"], conv.get("mode")):
            raise ConfigError(f"event_triggers.yaml: negation_as {t}: bad conversion {conv}")
    for t, conv in (data.get("future_as") or {}).items():
        if not onto.is_type(t) or not onto.is_type(conv):
            raise ConfigError(f"event_triggers.yaml: future_as {t}: bad conversion {conv}")
    mode_cues = {}
    for t, modes in (data.get("mode_cues") or {}).items():
        mode_cues[t] = []
        for mode, words in modes.items():
            if not onto.is_mode(t, mode):
                raise ConfigError(f"event_triggers.yaml: mode_cues {t}: {mode!r} is not a mode of {t}")
            mode_cues[t].append((mode, frozenset(str(w).lower() for w in words)))
    ctx_cues = []
    for ctx, words in (data.get("context_cues") or {}).items():
        if not onto.is_context(ctx):
            raise ConfigError(f"event_triggers.yaml: context_cues: unknown context {ctx!r}")
        ctx_cues.append((ctx, frozenset(str(w).lower() for w in words)))
    light = frozenset(str(v).lower() for v in data["light_verbs"])
    phrasal_heads = frozenset(k.split()[0] for k in list(verbs) + list(light) if " " in k)
    return Lexicon(verbs=verbs, nouns=nouns, adjectives=adjectives, compounds=compounds, light_verbs=light,
                   target_preps=frozenset(data["target_preps"]), frame_modes=data.get("frame_modes") or {},
                   negation_as=data.get("negation_as") or {}, future_as=data.get("future_as") or {},
                   mode_cues=mode_cues, context_cues=ctx_cues, phrasal_heads=phrasal_heads,
                   place_target_preps=_words(data, "place_target_preps"), place_nouns=_words(data, "place_nouns"),
                   quantity_words=_words(data, "quantity_words"))


def _words(data: dict, key: str) -> frozenset:
    v = data.get(key)
    if not isinstance(v, list) or not all(isinstance(w, str) and w for w in v):
        raise ConfigError(f"event_triggers.yaml: '{key}' must be a list of words")
    return frozenset(w.lower() for w in v)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger lexicon, validated against the ontology, once per process."""
    return parse_lexicon(load_data("event_triggers.yaml"))


# --------------------------------------------------------------------------------------------------
# parse helpers

_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
_RELPRON = {"who", "which", "that", "whom", "whose"}
#: verbs whose object controls an infinitive complement ("prompted X to ...", "urged X to ...")
_OBJECT_CONTROL = {"prompt", "urge", "ask", "force", "order", "persuade", "allow", "encourage", "push",
                   "pressure", "tell", "invite", "help", "lead", "compel", "cause", "instruct", "call",
                   "press", "require", "enable", "permit", "authorize", "oblige", "warn", "get", "want"}
_PLACE_PREPS = {"in", "at", "near", "around", "across", "outside", "inside", "into", "on", "throughout",
                "within", "from", "over", "along", "toward", "towards"}
_PRESENT_TAGS = {"VBZ", "VBP"}
_CLAUSE_DEPS = {"advcl", "ccomp", "conj", "relcl", "parataxis", "csubj", "xcomp", "mark"}
_DATELINE = re.compile(r"^[A-Z][A-Z .'/-]{2,40}(?:,[^-\u2013\u2014\n]{0,40})?\s*(?:\([^)\n]{0,40}\))?\s*[-\u2013\u2014]+\s")
_FIRST_SINCE = re.compile(r"\bfirst\b[^.;]{0,30}\bsince\b[^.;]*$")
_END_PUNCT = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")


def _conjuncts(tok) -> list:
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


def _children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def _is_passive(v) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (v.tag_ == "VBN" and v.dep_ == "acl")


def _subjects(v, depth: int = 0) -> tuple[list, str]:
    """The grammatical subject(s) of verb ``v`` and how they were found ("subj", "control", "inherit")."""
    if depth > 4:
        return [], ""
    subs = _children(v, "nsubj", "csubj")
    if subs:
        s = subs[0]
        if s.lower_ in _RELPRON and v.dep_ == "relcl":
            return [v.head], "subj"
        return [s], "subj"
    if _is_passive(v) and _children(v, "nsubjpass"):
        return [], "passive"
    dep, head = v.dep_, v.head
    if head == v:
        return [], ""
    if dep == "xcomp" or (dep == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in v.children)):
        objs = _children(head, "dobj")
        if objs and (head.lemma_.lower() in _OBJECT_CONTROL or dep == "xcomp" and head.lemma_.lower() not in
                     {"agree", "promise", "offer", "vow", "pledge", "refuse", "decline", "threaten", "fail",
                      "plan", "try", "seek", "want", "decide", "attempt", "continue", "begin", "start"}):
            return [objs[0]], "control"
        s, _ = _subjects(head, depth + 1)
        return s, "control"
    if dep == "advcl" and v.tag_ == "VBG":
        # "as the jihadists advance, squeezing the regime": the clause just before the participle
        doc, lo = v.doc, v.sent.start
        for t in (doc[j] for j in range(v.i - 1, lo - 1, -1)):
            if t.pos_ in ("VERB", "AUX") and t.i != v.i and t.dep_ != "aux":
                subs = _children(t, "nsubj")
                if subs:
                    return [subs[0]], "inherit"
                break
    if dep in ("conj", "advcl"):
        s, _ = _subjects(head, depth + 1)
        return s, "inherit"
    if dep in ("relcl",):
        return [head], "subj"
    if dep == "acl":
        if v.tag_ == "VBG":
            return [head], "subj"
        return [], "passive"
    if dep == "pcomp":
        # "criticised Assad for failing to ...": the governing verb's object acts
        prep = head
        if prep.head.pos_ in ("VERB", "AUX") and _children(prep.head, "dobj"):
            return [_children(prep.head, "dobj")[0]], "control"
        # "Russia's interest in supporting X": the possessor of the noun the preposition hangs on
        noun = prep.head
        poss = _children(noun, "poss")
        if poss:
            return [poss[0]], "inherit"
        if noun.pos_ in ("VERB", "AUX"):
            s, _ = _subjects(noun, depth + 1)
            return s, "inherit"
    return [], ""


_WH_TAGS = {"WRB", "WDT", "WP", "WP$"}


def _question_or_quantity(tok, quantity_words: frozenset) -> bool:
    """An argument that asks or counts rather than names an agent: "how many troops", "which units",
    "what", "dozens" on their own. (A relative pronoun is resolved to its antecedent elsewhere.)"""
    if tok.tag_ in _WH_TAGS and not (tok.head.dep_ == "relcl" and tok.lower_ in _RELPRON):
        return True
    if any(x.tag_ in _WH_TAGS for x in tok.subtree if x.i < tok.i):
        return True
    if tok.pos_ == "NUM" or tok.lower_ in quantity_words:
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    return False


def _in_relative_clause(tok, top) -> bool:
    """Is ``tok`` inside a relative clause below ``top``? ("threatened to shell towns near the city where
    100 people were killed": the killing is not what was threatened)."""
    t = tok
    for _ in range(limits.MAX_TREE_WALK):
        if t.i == top.i or t.head.i == t.i:
            return False
        if t.dep_ == "relcl":
            return True
        t = t.head
    return False


def _np_span(tok) -> tuple[int, int]:
    """Character span of the noun phrase core headed by ``tok`` (modifiers before it, not its PPs)."""
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


def _ents_fallback(doc) -> list[Mention]:
    """Mentions from spaCy's NER for states without an actors stage (tests, dev evaluation)."""
    out = []
    for e in doc.ents:
        if e.label_ in ("GPE", "NORP", "ORG", "PERSON"):
            out.append(Mention(start=e.start_char, end=e.end_char, actor_id="ner:" + e.text.lower(),
                               text=e.text, how="name"))
    # generic agents: "rebels", "police", "protesters", "the government"
    for t in doc:
        lem = t.lemma_.lower()
        if t.pos_ in ("NOUN", "PROPN") and (lem in _AGENT_NOUNS or lem.rstrip("s") in _AGENT_NOUNS) and t.ent_type_ == "":
            s, e = _np_span(t)
            out.append(Mention(start=s, end=e, actor_id="agent:" + t.lemma_.lower(), text=doc.text[s:e], how="agent"))
    out.sort(key=lambda m: m.start)
    # drop overlaps (keep the first/longest)
    clean = []
    for m in out:
        if clean and m.start < clean[-1].end:
            if (m.end - m.start) > (clean[-1].end - clean[-1].start):
                clean[-1] = m
            continue
        clean.append(m)
    return clean


def _by_sentence(items: Iterable, bounds: list[tuple[int, int]]) -> list[list]:
    """``items`` (with ``start``/``end``) grouped by the sentence (``bounds``: char spans, in order) that
    holds each one whole, in their order; in one pass, where filtering per sentence was quadratic."""
    starts = [b[0] for b in bounds]
    out: list[list] = [[] for _ in bounds]
    for x in items:
        k = bisect.bisect_right(starts, x.start) - 1
        if k >= 0 and x.start >= bounds[k][0] and x.end <= bounds[k][1]:
            out[k].append(x)
    return out


_GROUP_NOUNS = {"group", "member", "leader", "delegation", "team", "official", "representative", "part",
                "some", "thousand", "hundred", "dozen", "head", "chief", "unit", "contingent", "band",
                "inhabitant", "supporter", "resident", "activist", "crowd", "wing"}
_CONTAINERS = {"camp", "home", "house", "village", "office", "headquarters", "base", "position", "convoy",
               "compound", "residence", "neighbourhood", "neighborhood", "district", "stronghold"}
_SPEAKER_PRONOUNS = {"it", "they", "he", "she", "we"}
_SPEECH = {"say", "announce", "tell", "state", "claim", "add", "confirm", "declare", "insist", "warn", "report",
           "stress", "note", "reiterate", "explain", "indicate", "write", "argue", "admit", "deny", "vow"}

_AGENT_NOUNS = {"government", "army", "military", "troop", "soldier", "police", "policeman", "rebel", "militant",
                "insurgent", "protester", "demonstrator", "force", "official", "minister", "president", "leader",
                "gunman", "militia", "militiaman", "guerrilla", "fighter", "jihadist", "authority", "regime",
                "opposition", "parliament", "court", "student", "worker", "activist", "settler", "coalition",
                "ministry", "cabinet", "administration", "diplomat", "envoy", "delegation", "group", "party",
                "union", "prime", "spokesman", "spokeswoman", "agency", "navy", "aircraft", "jet", "bomber",
                "extremist", "terrorist", "separatist", "hacker", "inspector", "negotiator", "chief", "king"}


# --------------------------------------------------------------------------------------------------
# candidates


@dataclass
class _Cand:
    trigger: Any                      # token
    sense: Sense
    kind: str                         # verbal | light | nominal
    sources: list = field(default_factory=list)   # tokens
    targets: list = field(default_factory=list)   # tokens
    source_how: str = ""
    light: Any = None                 # the light verb token
    embedded: list = field(default_factory=list)  # candidates under this frame
    suppressed: bool = False
    obligation: bool = False
    trigger_text: str = ""
    mode: Optional[str] = None
    type: str = ""


_REQUEST = Sense(type="REQUEST")
_WEAPONS = {"bomb", "explosion", "blast", "device", "mine", "shell", "rocket", "missile", "grenade", "ied",
            "drone", "airstrike", "fire", "gunfire", "explosive", "landmine", "mortar"}
_VOWS = {"vow", "pledge", "swear", "promise"}
_CARRIERS = {"effort", "mission", "campaign", "operation", "bid", "drive", "initiative", "process", "program",
             "programme", "wave", "series", "round"}
_OBLIGATION_AUX = {"must", "should"}


class EventsStage(Stage):
    name = "events"
    needs = ("doc", "mentions", "place_mentions", "dates")
    assigns = ("events",)

    def __init__(self, fallback_ner: bool = False, require_source: bool = True, min_confidence: float = 0.0):
        #: when the state has no actor mentions at all, use spaCy's NER (for tests / dev measurement)
        self.fallback_ner = fallback_ner
        self.require_source = require_source
        self.min_confidence = min_confidence

    # -- entry ---------------------------------------------------------------------------------------
    def process(self, state: ArticleState) -> None:
        doc = state.doc
        if doc is None:
            state.events = []
            return
        lex = load_lexicon()
        mentions = state.mentions
        if not mentions and self.fallback_ner:
            mentions = _ents_fallback(doc)
        ctx = _Context(state, lex, mentions)
        raw: list[dict] = []
        for sent in doc.sents:
            raw.extend(ctx.sentence_events(sent))
        state.events = ctx.finish(raw, self.require_source, self.min_confidence)
        if ctx.pub_dated:
            state.warnings.append(
                f"events: {ctx.pub_dated} event date(s) taken from the publication date (present tense or 'today')")


class _Context:
    """Per-article working state of the events stage."""

    def __init__(self, state: ArticleState, lex: Lexicon, mentions: list[Mention]):
        self.state = state
        self.lex = lex
        self.onto = load_ontology()
        self.mentions = mentions
        self._starts = [m.start for m in mentions]
        self.actor_kind = {a.id: a.kind for a in state.actors}
        self.actor_kb = {a.id: bool(getattr(a, "kb_id", None)) for a in state.actors}
        self.pub = state.article.published
        self.pub_dated = 0
        self._sent_places: list = []
        self._max_mention = max((m.end - m.start for m in mentions), default=0)
        # the sentences, and the dates, places and mentions of each (in their lists' order)
        doc = state.doc
        sents = list(doc.sents) if doc is not None else []
        self._sent_no = {sn.start: k for k, sn in enumerate(sents)}
        bounds = [(sn.start_char, sn.end_char) for sn in sents]
        self._dates_in = _by_sentence(state.dates, bounds)
        self._places_in = _by_sentence(state.place_mentions, bounds)
        self._mentions_in = _by_sentence(mentions, bounds)
        self._per_sent: dict[int, dict] = {}     # sentence start token -> look-ups computed once
        self._memo: dict[tuple, Any] = {}       # (what, token index) -> look-ups computed once
        try:  # the dates stage's helper, when it is there
            from ..timex import governing_date  # type: ignore
            self._governing_date = governing_date
        except Exception:  # noqa: BLE001 - optional
            self._governing_date = None

    # -- per-sentence look-ups ----------------------------------------------------------------------------
    def _sc(self, sent) -> dict:
        """The look-ups of ``sent`` computed so far (each once per sentence)."""
        c = self._per_sent.get(sent.start)
        if c is None:
            c = self._per_sent[sent.start] = {"k": self._sent_no.get(sent.start)}
        return c

    def _in_sentence(self, groups: list, items: list, sent) -> list:
        """The items of ``items`` lying inside ``sent`` (their order kept), from its precomputed group."""
        k = self._sc(sent)["k"]
        if k is not None:
            return groups[k]
        return [x for x in items if x.start >= sent.start_char and x.end <= sent.end_char]

    def sentence_dates(self, sent) -> list:
        return self._in_sentence(self._dates_in, self.state.dates, sent)

    def sentence_places(self, sent) -> list:
        return self._in_sentence(self._places_in, self.state.place_mentions, sent)

    def sentence_mentions(self, sent) -> list:
        return self._in_sentence(self._mentions_in, self.mentions, sent)

    def _dateline_end(self, sent) -> Optional[int]:
        """Offset where the sentence's wire dateline ends, or None."""
        c = self._sc(sent)
        if "dateline" not in c:
            m = _DATELINE.match(sent.text)
            c["dateline"] = None if m is None else m.end()
        return c["dateline"]

    # -- actors ----------------------------------------------------------------------------------------
    def mention_for(self, tok) -> Optional[Mention]:
        """The actor mention naming the argument headed by ``tok``."""
        if tok.lower_ in _RELPRON and tok.dep_ in _SUBJ and tok.head.dep_ == "relcl":
            tok = tok.head.head
        after = self._after_dateline(tok)
        if after is not None:
            tok = after
        start, end = _np_span(tok)
        best = None
        t0, t1 = tok.idx, tok.idx + len(tok.text)
        import bisect
        i = bisect.bisect_left(self._starts, start - 200)
        for m in self.mentions[i:]:
            if m.start >= end:
                break
            if m.end <= start:
                continue
            # containing the head token wins; else any mention inside the NP core
            score = 2 if (m.start <= t0 and m.end >= t1) else 1
            if best is None or score > best[0] or (score == best[0] and (m.end - m.start) > (best[1].end - best[1].start)):
                best = (score, m)
        if best is None:
            # "Syria's second-largest city" → the possessor
            for c in tok.children:
                if c.dep_ == "poss":
                    return self.mention_for(c)
            # "a group of Moroccan diplomats", "leaders of the coalition" → the "of" phrase;
            # "a camp for refugees" → the "for" phrase
            if tok.lemma_.lower() in _CONTAINERS:
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in ("for", "of"):
                        for p in c.children:
                            if p.dep_ == "pobj":
                                return self.mention_for(p)
            if tok.lemma_.lower() in _GROUP_NOUNS:
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        for p in c.children:
                            if p.dep_ == "pobj":
                                return self.mention_for(p)
            # "Switzerland said it had expelled ...": a subject pronoun in reported speech is the speaker
            if tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in _SPEAKER_PRONOUNS:
                clause = tok.head
                hops = 0
                while clause.dep_ in ("xcomp", "conj") and hops < 3:
                    clause, hops = clause.head, hops + 1
                if clause.dep_ in ("ccomp", "parataxis") and clause.head.lemma_.lower() in _SPEECH:
                    subs = _children(clause.head, "nsubj")
                    if subs and subs[0].i != tok.i:
                        return self.mention_for(subs[0])
            return None
        m = best[1]
        if self.actor_kind.get(m.actor_id) == "media":
            return None
        return m

    def _after_dateline(self, tok):
        """A wire dateline ("WASHINGTON, Dec 9 (Agency) - US warplanes struck ...") is not the
        subject: the parser's subject there is replaced by the first noun phrase after the dash."""
        sent = tok.sent
        end = self._dateline_end(sent)
        if end is None or tok.idx >= sent.start_char + end:
            return None
        c = self._sc(sent)
        if "dateline_np" not in c:
            c["dateline_np"] = next((chunk.root for chunk in sent.noun_chunks
                                     if chunk.start_char >= sent.start_char + end), None)
        return c["dateline_np"]

    def refs(self, toks: Iterable) -> list[Mention]:
        out = []
        for t in toks:
            for c in _conjuncts(t):
                m = self.mention_for(c)
                if m is not None and all(m.actor_id != o.actor_id for o in out):
                    out.append(m)
        return out

    # -- triggers -------------------------------------------------------------------------------------
    def verb_lemma(self, v) -> str:
        """The verb's lemma, repaired when the small model's lemmatizer slips ("staged" → "stag")."""
        lem = v.lemma_.lower()
        if lem in self.lex.verbs or lem in self.lex.light_verbs or lem in self.lex.phrasal_heads:
            return lem
        low = v.lower_
        if v.tag_ in ("VBD", "VBN") and low.endswith("ed"):
            cands = (low[:-1], low[:-2], low[:-3] if len(low) > 4 and low[-3] == low[-4] else None,
                     low[:-3] + "y" if low.endswith("ied") else None)
        elif v.tag_ == "VBG" and low.endswith("ing"):
            cands = (low[:-3], low[:-3] + "e", low[:-4] if len(low) > 5 and low[-4] == low[-5] else None)
        elif v.tag_ == "VBZ" and low.endswith("s"):
            cands = (low[:-1], low[:-2])
        else:
            cands = ()
        for c in cands:
            if c and (c in self.lex.verbs or c in self.lex.light_verbs or c in self.lex.phrasal_heads):
                return c
        return lem

    def _verb_key(self, v) -> tuple[Optional[str], Any]:
        lem = self.verb_lemma(v)
        for c in v.children:
            if c.dep_ == "prt":
                key = f"{lem} {c.lower_}"
                if key in self.lex.verbs or key in self.lex.light_verbs:
                    return key, c
        if lem in self.lex.phrasal_heads:
            for c in v.children:
                if c.dep_ in ("prep", "dobj") and f"{lem} {c.lower_}" in self.lex.verbs:
                    return f"{lem} {c.lower_}", c
        return lem, None

    def _objects(self, v, particle) -> list:
        objs = []
        for c in v.children:
            if c.dep_ in ("dobj", "attr", "oprd") or (c.dep_ == "nsubjpass"):
                objs.extend(_conjuncts(c))
            elif c.dep_ == "prep" and (c is particle or not objs or c.lower_ == "as"):
                objs.extend(p for p in c.children if p.dep_ == "pobj")
        if v.dep_ == "acl" and v.tag_ == "VBN":
            objs.append(v.head)
        return objs

    def _noun_sense(self, tok) -> Optional[Sense]:
        lem = tok.lemma_.lower()
        if lem in _CARRIERS:
            # "a mediation effort", "a bombing campaign": the modifier names the act
            for c in tok.children:
                if c.dep_ in ("compound", "amod") and c.i < tok.i and c.lemma_.lower() in self.lex.nouns:
                    return self.lex.nouns[c.lemma_.lower()]
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod"):
                key = f"{c.lemma_.lower()} {lem}"
                if key in self.lex.compounds:
                    return self.lex.compounds[key]
        s = self.lex.nouns.get(lem)
        if s is None and "-" in tok.text:
            s = self.lex.nouns.get(tok.lower_)
        if s is None:
            return None
        if s.plural_only and tok.tag_ not in ("NNS", "NNPS"):
            return None
        if s.objects is not None and not any(c.lemma_.lower() in s.objects for c in tok.children):
            return None
        return s

    def _verb_sense(self, v) -> tuple[Optional[Sense], Optional[str], Any]:
        key, particle = self._verb_key(v)
        senses = self.lex.verbs.get(key)
        if not senses:
            return None, key, particle
        objs = set()
        for o in self._objects(v, particle):
            objs.add(o.lemma_.lower())
            objs.update(g.lemma_.lower() for c in o.children if c.dep_ in ("prep", "compound")
                        for g in ([c] if c.dep_ == "compound" else c.children) if c.lower_ in ("of",) or c.dep_ == "compound")
        # "lift sanctions on X": also the object's compound ("arms embargo" → embargo already head)
        default = None
        subj = None
        for s in senses:
            if s.subjects is not None:
                if subj is None:
                    subs, _ = _subjects(v)
                    subj = {t.lemma_.lower() for x in subs for t in (x, *x.children) if t.pos_ in ("NOUN", "PROPN")}
                if not subj & s.subjects:
                    continue
            if s.objects is None:
                if default is None:
                    default = s
                continue
            if objs & s.objects:
                return s, key, particle
        return default, key, particle

    # -- one sentence -----------------------------------------------------------------------------------
    def sentence_events(self, sent) -> list[dict]:
        text = sent.text.strip()
        if not text or text.rstrip("\"'”’ ").endswith("?"):
            return []
        #: a line without final punctuation is a headline: its nouns only name topics
        headline = not _END_PUNCT.search(text)
        self._sc(sent)["headline"] = headline
        cands: list[_Cand] = []
        light_nouns: dict[int, Any] = {}
        # verbs first, so that light verbs can claim their nominal objects
        for t in sent:
            if t.pos_ not in ("VERB",) and not (t.pos_ == "AUX" and t.lemma_.lower() == "have"):
                continue
            key, particle = self._verb_key(t)
            if key in self.lex.light_verbs or self.verb_lemma(t) in self.lex.light_verbs:
                noun = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "attr")
                             and self._noun_sense(c) is not None), None)
                if noun is None and particle is not None and particle.dep_ == "prep":
                    noun = next((p for p in particle.children if p.dep_ == "pobj" and self._noun_sense(p)), None)
                if noun is None:
                    # "engaged in fighting", "took part in the talks"
                    noun = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "in"
                                 for p in c.children if p.dep_ == "pobj" and self._noun_sense(p)), None)
                if noun is not None:
                    light_nouns[noun.i] = t
                    continue
            if t.pos_ != "VERB":
                continue
            sense, key, particle = self._verb_sense(t)
            obligation = self._obligation(t)
            if sense is None and obligation is None:
                continue
            c = _Cand(trigger=t, sense=sense or _REQUEST, kind="verbal", trigger_text=key or t.lemma_)
            self._verbal_args(c, particle)
            if obligation is not None:
                # "X said Y must hand over the suspects": X requests it of Y
                speaker_subj = _children(obligation, "nsubj")
                if speaker_subj:
                    inner = _Cand(trigger=t, sense=sense, kind="verbal") if sense is not None else None
                    aux = next(a for a in t.children if a.dep_ == "aux" and a.lower_ in _OBLIGATION_AUX)
                    c = _Cand(trigger=t, sense=_REQUEST, kind="verbal", trigger_text=f"{aux.text} {t.text}",
                              sources=speaker_subj, targets=c.sources, source_how="subj",
                              embedded=[inner] if inner is not None else [], obligation=True)
            cands.append(c)
        for t in sent:
            asense = self.lex.adjectives.get(t.lower_)
            if asense is None or not (t.pos_ == "ADJ" and t.dep_ in ("acomp", "ROOT", "xcomp", "amod") or
                                      t.tag_ == "VBN" and not _children(t, "agent")):
                continue
            if t.pos_ == "VERB":
                cands = [c for c in cands if c.trigger.i != t.i]
            c = _Cand(trigger=t, sense=asense, kind="verbal", trigger_text=t.text)
            if t.dep_ == "amod":
                subs, how = [t.head], "subj"
            elif _children(t, "nsubjpass", "nsubj"):
                subs, how = _children(t, "nsubjpass", "nsubj")[:1], "subj"
            else:
                subs, how = _subjects(t.head if t.dep_ in ("acomp", "xcomp") else t)
            c.sources, c.source_how = subs, how
            c.targets = self._prep_targets(t, asense.preps or frozenset({"to", "with", "of"}))
            cands.append(c)
        for t in sent:
            if t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in ("GPE", "PERSON", "ORG", "NORP", "LOC"):
                continue
            sense = self._noun_sense(t)
            if sense is None:
                continue
            lv = light_nouns.get(t.i)
            if lv is None and headline:
                continue
            c = _Cand(trigger=t, sense=sense, kind="light" if lv is not None else "nominal", light=lv,
                      trigger_text=(f"{lv.text} {t.text}" if lv is not None else t.text))
            self._nominal_args(c)
            cands.append(c)
        self._frames(cands)
        self._protest_topics(cands)
        out = []
        for c in cands:
            if c.suppressed:
                continue
            out.extend(self._build(c, sent))
        return out

    def _obligation(self, v):
        """The speech verb when ``v`` is an obligation put on someone in reported speech
        ("said that China must drop barriers"), else ``None``."""
        if not any(a.lower_ in _OBLIGATION_AUX for a in v.children if a.dep_ == "aux"):
            return None
        if v.dep_ in ("ccomp", "parataxis") and v.head.lemma_.lower() in _SPEECH | {"conclude", "reiterate", "demand"}:
            return v.head
        return None

    # -- arguments ----------------------------------------------------------------------------------------
    def _prep_targets(self, head, preps, exclude=()) -> list:
        out = []
        for c in head.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps and c not in exclude:
                # "on Tuesday" is a time, never a recipient
                out.extend(p for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME"))
            elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(c)
        return out

    def _verbal_args(self, c: _Cand, particle) -> None:
        v = c.trigger
        s = c.sense
        preps = s.preps or self.lex.target_preps
        if _is_passive(v):
            agents = [p for a in _children(v, "agent") for p in a.children if p.dep_ == "pobj"]
            c.sources = agents
            c.source_how = "agent"
            pas = _children(v, "nsubjpass")
            if v.dep_ == "acl" and v.tag_ == "VBN":
                pas = [v.head]
            c.targets = pas
        else:
            subs, how = _subjects(v)
            c.sources, c.source_how = subs, how
            objs = _children(v, "dobj")
            if particle is not None and particle.dep_ == "prep":
                objs = objs or [p for p in particle.children if p.dep_ == "pobj"]
            targets = []
            # the matched object is the resource of the act ("deployed troops", "lifted sanctions"),
            # except for acts done to someone ("expelled the ambassador", "arrested activists")
            thing = (s.objects or frozenset()) if s.type not in ("SANCTION", "COERCE", "ASSAULT", "ACCUSE") else frozenset()
            if s.type == "MOBILIZE":
                thing = frozenset(o.lemma_.lower() for o in objs)   # the force moved, never the recipient
            objs = [o for o in objs if o.lemma_.lower() not in thing] + \
                [o for o in objs if o.lemma_.lower() in thing]
            for o in objs:
                m = self.mention_for(o)
                if o.lemma_.lower() not in thing and m is not None:
                    targets.append(o)
                elif m is not None and s.type in ("SANCTION", "COERCE", "ASSAULT") and not (
                        m.start <= o.idx < m.end):
                    # "expelled two Russian diplomats": the diplomats' state is the target
                    targets.append(o)
                else:
                    # "lift sanctions on X", "imposed restrictions against Y", "rejected X's proposal",
                    # "rejected calls by X"
                    targets.extend(self._prep_targets(o, {"on", "against", "to", "with", "of", "from", "by", "for"}))
                    targets.extend(p for p in o.children if p.dep_ == "poss")
            dat = [d for d in v.children if d.dep_ == "dative" and d.pos_ in ("NOUN", "PROPN", "PRON")]
            targets = dat + targets
            targets.extend(self._prep_targets(v, preps, exclude=(particle,) if particle is not None and particle.dep_ == "prt" else ()))
            if not targets and objs:
                targets = [o for o in objs if o.lemma_.lower() not in thing]
            if not any(self.mention_for(t) for t in targets):
                # a state named where the act happens is its recipient ("lifted the curfew in Montenegro")
                loc = self._prep_targets(v, {"in", "into", "inside", "across", "throughout"})
                for o in objs:
                    loc += self._prep_targets(o, {"in", "into"})
                targets += [t for t in loc if self._is_state_like(t)]
            if not any(self.mention_for(t) for t in targets):
                targets += self._against_anywhere(v, c.sources)
            c.targets = targets
        if s.subject_is_target:
            frm = self._prep_targets(v, {"from", "by"})
            c.sources, c.targets = (c.targets or frm), c.sources

    def _nominal_args(self, c: _Cand) -> None:
        n = c.trigger
        s = c.sense
        preps = set(s.preps or ()) | {"on", "against"}
        sources = [p for p in n.children if p.dep_ == "poss"]
        sources += [p for a in n.children if a.dep_ in ("prep", "agent") and a.lower_ == "by"
                    for p in a.children if p.dep_ == "pobj"]
        if sources and all(self.mention_for(x) is None for x in sources):
            sources = []          # "its invasion", "their meeting": let the light verb's subject speak
        if not sources:
            sources = [a for a in n.children if a.dep_ in ("compound", "amod", "nmod")
                       and self.mention_for(a) is not None and a.i < n.i]
        targets = self._prep_targets(n, preps)
        if not any(self.mention_for(t) for t in targets):
            # "suspension of air links with Serbia", "the withdrawal of troops from Lebanon"
            for o in self._prep_targets(n, {"of"}):
                targets += self._prep_targets(o, {"with", "to", "on", "against", "from"})
            targets += self._prep_targets(n, {"from"})
        between = [p for a in n.children if a.dep_ == "prep" and a.lower_ == "between" for p in a.children if p.dep_ == "pobj"]
        if between and not sources and c.light is None:
            # "talks between Russia and Ukraine": the parties act together
            conj = _conjuncts(between[0])
            sources, targets = [conj[0]], conj[1:] + targets
        elif between:
            # "launched a mediation effort between X and Y": the parties are the recipients
            targets = _conjuncts(between[0]) + targets
        how = "poss" if sources else ""
        if not sources and c.light is not None:
            sources, how = _subjects(c.light)
            if _is_passive(c.light):
                agents = [p for a in _children(c.light, "agent") for p in a.children if p.dep_ == "pobj"]
                # "forces were engaged in fighting": a stative passive keeps its subject as actor
                sources = agents or _children(c.light, "nsubjpass")
                how = "agent" if agents else "subj"
            if not targets:
                targets = self._prep_targets(c.light, preps | self.lex.target_preps)
        if not sources and (n.dep_ == "conj" or any(t.dep_ == "cc" for t in n.doc[max(n.sent.start, n.i - 3):n.i])):
            # "the jihadists' advance on Aleppo and the capture of ...": an earlier coordinated act's
            # possessor (the parser may hang the second act elsewhere)
            for t in reversed(list(n.doc[max(n.sent.start, n.i - 15):n.i])):
                if t.pos_ in ("VERB", "AUX"):
                    break
                if t.pos_ == "NOUN" and self._noun_sense(t) is not None:
                    sources = [p for p in t.children if p.dep_ == "poss"]
                    if sources:
                        how = "poss"
                        break
        if not sources and n.dep_ == "pobj" and n.head.lower_ in ("with", "through", "by") and n.head.head.pos_ == "VERB":
            # instrument of a verb: "supporting the regime with bombings" → the verb's subject
            sources, how = _subjects(n.head.head)
            how = "inherit"
        c.sources, c.targets, c.source_how = sources, targets, how

    @staticmethod
    def _protest_topics(cands: list[_Cand]) -> None:
        """What a protest demands or denounces ("rallied to demand reforms") is its topic, not an
        event of its own (PLOVER manual, PROTEST)."""
        heads = set()
        for c in cands:
            if c.sense.type == "PROTEST" and not c.suppressed:
                heads.add(c.trigger.i)
                if c.light is not None:
                    heads.add(c.light.i)
        if not heads:
            return
        for c in cands:
            if c.sense.type not in ("REQUEST", "ACCUSE") or c.kind != "verbal":
                continue
            h = c.trigger
            for _ in range(3):
                if h.dep_ in ("advcl", "xcomp", "acl", "relcl", "pcomp", "prep", "pobj") and h.head.i in heads:
                    c.suppressed = True
                    break
                if h.head == h:
                    break
                h = h.head

    # -- frames ---------------------------------------------------------------------------------------------
    def _frames(self, cands: list[_Cand]) -> None:
        frames = [f for f in cands if f.sense.frame]
        if not frames:
            return
        by_tok = {c.trigger.i: c for c in cands}
        nearest = self._embedded_acts(frames, by_tok)
        for f in frames:
            first = nearest.get(id(f))
            if first is None:
                if not f.targets or all(self.mention_for(t) is None for t in f.targets):
                    f.targets = self._complement_targets(f) or f.targets
                continue
            f.embedded = [first]
            if not f.targets or all(self.mention_for(t) is None for t in f.targets):
                src_e = [t for t in first.sources if t not in f.sources]
                if f.sense.type in ("REQUEST", "THREATEN", "ACCUSE") and src_e and first.source_how == "subj":
                    f.targets = src_e
                else:
                    f.targets = (self._complement_subject(f, first) or
                                 [t for t in first.targets if self.mention_for(t) is not None] or
                                 self._complement_targets(f))

    _COMPLEMENT_DEPS = ("xcomp", "ccomp", "dobj", "prep", "prt", "advcl")

    def _embedded_acts(self, frames: list[_Cand], by_tok: dict) -> dict:
        """The acts embedded under each frame: every candidate inside a complement of the frame's trigger
        (xcomp, ccomp, dobj, prep, prt, advcl), but not inside a relative clause below that complement.
        Marks them suppressed and returns, by ``id(frame)``, the nearest one (by token distance, then by
        complement, then in the complement's subtree order).

        Each candidate walks up from its trigger once (at most :data:`~sitrep.limits.MAX_TREE_WALK`
        steps, stopping at a relative clause), instead of each frame walking its complements' subtrees and
        each of their tokens walking up again."""
        owners: dict[int, list] = {}     # complement token index -> [(frame, complement number)]
        for f in frames:
            comp = [ch for ch in f.trigger.children if ch.dep_ in self._COMPLEMENT_DEPS]
            for n, ch in enumerate(comp):
                owners.setdefault(ch.i, []).append((f, n))
        best: dict[int, tuple] = {}      # id(frame) -> (distance, complement number, complement token, cand)
        for i, e in by_tok.items():
            t = e.trigger
            for _ in range(limits.MAX_TREE_WALK):
                for f, n in owners.get(t.i, ()):
                    if e is f:
                        continue
                    e.suppressed = True
                    key = (abs(i - f.trigger.i), n)
                    old = best.get(id(f))
                    if old is None or key < old[:2] or key == old[:2] and self._earlier_in_subtree(t, e, old[3]):
                        best[id(f)] = (*key, t, e)
                if t.dep_ == "relcl" or t.head.i == t.i:
                    break
                t = t.head
        return {k: v[3] for k, v in best.items()}

    @staticmethod
    def _earlier_in_subtree(top, a: _Cand, b: _Cand) -> bool:
        """Does ``a``'s trigger come before ``b``'s in ``top.subtree`` (two acts at the same distance from
        their frame on both sides of it: only in a non-projective parse)?"""
        for t in top.subtree:
            if t.i == a.trigger.i:
                return True
            if t.i == b.trigger.i:
                return False
        return False

    def _against_anywhere(self, v, sources) -> list:
        """A recipient marked by "against" anywhere under the predicate ("mobilized reservists for a
        war against Iraq"), outside its subject: the first in the order of the predicate's children and
        their subtrees. Found from the sentence's few "against" phrases (each walking up to the predicate),
        not by walking every subtree of the predicate."""
        sc = self._sc(v.sent)
        if "against" not in sc:
            sc["against"] = [t for t in v.sent if t.dep_ == "pobj" and t.head.lower_ == "against"]
        if not sc["against"]:
            return []
        order = {ch.i: n for n, ch in enumerate(v.children)}
        found: dict[int, list] = {}       # child number -> matching tokens under it
        for t in sc["against"]:
            u = t
            for _ in range(limits.MAX_TREE_WALK):
                if u.head.i == u.i or u.head.i == v.i:
                    break
                u = u.head
            if u.head.i != v.i or u.i == v.i or u.dep_ in _SUBJ:
                continue
            if self.mention_for(t) is not None:
                found.setdefault(order[u.i], []).append(t)
        if not found:
            return []
        n = min(found)
        hits = found[n]
        if len(hits) > 1:
            idx = {t.i for t in hits}
            ch = next(c for c in v.children if order[c.i] == n)
            return [next(t for t in ch.subtree if t.i in idx)]
        return hits[:1]

    def _complement_targets(self, f: _Cand) -> list:
        """The recipient of a frame act read from its complement clause: "demanded that the US cancel
        its plans" → the US; "agreed to set up a centre in Tokyo" → Tokyo (when it is an actor)."""
        for ch in f.trigger.children:
            if ch.dep_ not in ("ccomp", "xcomp", "advcl"):
                continue
            subj = [t for t in _children(ch, "nsubj", "nsubjpass") if t not in f.sources]
            if subj and self.mention_for(subj[0]) is not None and not (
                    f.sources and self.mention_for(subj[0]) == self.mention_for(f.sources[0])):
                return subj
            cand = _children(ch, "dobj", "dative") + self._prep_targets(ch, self.lex.target_preps | {"from", "for"})
            for o in list(cand):
                cand += self._prep_targets(o, {"on", "against", "to", "from", "for"})
            cand += [t for t in self._prep_targets(ch, {"in", "into"}) if self._is_state_like(t)]
            got = [t for t in cand if self.mention_for(t) is not None]
            if got:
                return got[:1]
        # last resort: the first actor named in the complement who is not the source
        src = {self.mention_for(x).actor_id for x in f.sources if self.mention_for(x) is not None}
        for ch in f.trigger.children:
            if ch.dep_ in ("ccomp", "xcomp", "dobj", "prep"):
                for t in ch.subtree:
                    if t.dep_ in ("poss",) or t.pos_ == "PRON" or t.head.dep_ == "agent":
                        continue
                    m = self.mention_for(t)
                    if m is not None and m.actor_id not in src and m.start <= t.idx < m.end:
                        return [t]
        return []

    def _complement_subject(self, f: _Cand, inner: Optional[_Cand] = None) -> list:
        """The subject of the complement clause that holds the embedded act ``inner`` (the nearest one):
        "demanded that the US cancel its plans" -> the US."""
        for ch in f.trigger.children:
            if ch.dep_ == "ccomp" and (inner is None or ch.left_edge.i <= inner.trigger.i <= ch.right_edge.i):
                subj = [t for t in _children(ch, "nsubj", "nsubjpass") if t not in f.sources]
                if subj and self.mention_for(subj[0]) is not None:
                    fs = [self.mention_for(x) for x in f.sources]
                    if all(m is None or m.actor_id != self.mention_for(subj[0]).actor_id for m in fs):
                        return subj
        return []

    def place_for(self, tok) -> Optional[Mention]:
        """The place named by the noun phrase headed by ``tok`` ("Juba", "the capital Kabul", "the town
        of Cizre", "central Iran") as a target reference carrying the place id, else ``None``."""
        heads = [tok] + [c for c in tok.children if c.dep_ == "appos"]
        if tok.lemma_.lower() in self.lex.place_nouns:
            heads += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
        for h in heads:
            s, e = _np_span(h)
            s, e = min(s, h.idx), max(e, h.idx + len(h.text))
            for p in self._sent_places:
                if p.start < e and s < p.end:
                    if any(m.start < p.end and p.start < m.end for m in self._mentions_over(s, e)):
                        return None   # the place names an actor here
                    return Mention(start=p.start, end=p.end, actor_id=p.place_id, text=p.text, how="place")
        return None

    def _mentions_over(self, start: int, end: int) -> list[Mention]:
        """The mentions overlapping ``[start, end)``, in their order (a bisect, not a scan)."""
        lo = bisect.bisect_left(self._starts, start - self._max_mention)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.start < end and start < m.end]

    def _protest_target(self, c: _Cand, sources: list) -> list[Mention]:
        """Whom a protest is aimed at, read from its purpose ("staged a hunger strike to demand the
        resignation of President X", "in protest against abuses by the security forces"): the first
        actor named there who is not the protester."""
        src = {m.actor_id for m in sources}
        heads = [c.trigger] + ([c.light] if c.light is not None else [])
        for h in heads:
            for ch in h.children:
                if not (ch.dep_ in ("advcl", "xcomp", "acl") or ch.dep_ == "prep" and ch.lower_ in (
                        "in", "against", "over", "at", "for")):
                    continue
                for t in ch.subtree:
                    if t.pos_ == "PRON" or t.dep_ in ("nsubj",) and t.head.i == ch.i:
                        continue
                    m = self.mention_for(t)
                    if m is not None and m.start <= t.idx < m.end and m.actor_id not in src \
                            and m.how != "pronoun":
                        return [m]
        return []

    def _place_targets(self, c: _Cand, sent, sources: list) -> list[Mention]:
        self._sent_places = self.sentence_places(sent)
        if not self._sent_places:
            return []
        src_spans = [(m.start, m.end) for m in sources]
        toks = [x for t in c.targets for x in _conjuncts(t)]
        heads = [c.trigger] + ([c.light] if c.light is not None else [])
        for h in list(heads):
            objs = [o for o in h.children if o.dep_ in ("dobj", "nsubjpass") and o.i != c.trigger.i]
            heads += objs
            toks += [x for o in objs for x in _conjuncts(o)]
        for h in heads:
            toks += [x for t in self._prep_targets(h, self.lex.place_target_preps) for x in _conjuncts(t)]
        out: list[Mention] = []
        for t in toks:
            m = self.place_for(t)
            if m is not None and all(not (s <= m.start < e) for s, e in src_spans) \
                    and all(o.actor_id != m.actor_id for o in out):
                out.append(m)
        return out[:1]

    def _is_state_like(self, tok) -> bool:
        m = self.mention_for(tok)
        if m is None:
            return False
        kind = self.actor_kind.get(m.actor_id)
        if kind is not None:
            return kind == "state"
        return tok.ent_type_ == "GPE"

    # -- one event -------------------------------------------------------------------------------------------
    def _build(self, c: _Cand, sent) -> list[dict]:
        s = c.sense
        trig = c.trigger
        sources = self.refs([t for t in c.sources if not self._question_or_quantity(t)])
        targets = self.refs(c.targets)
        targets = [t for t in targets if all(t.actor_id != x.actor_id for x in sources)] or (targets if not sources else [])
        if not targets and sources and s.type == "PROTEST":
            targets = self._protest_target(c, sources)
        if not targets and sources and c.kind != "nominal":
            # no actor undergoes the act: the place it is done to or in is its target ("shelled Juba",
            # "imposed a curfew in the town of Cizre", "arrived in Amman"), as in the PLOVER gold standard;
            # a bare noun ("the attack on Aleppo") keeps the place as its location only
            targets = self._place_targets(c, sent, sources)
        if not sources and not targets:
            return []
        mod = analyze(trig, is_noun=(c.kind != "verbal"))
        negated, modality = mod.negated, mod.modality
        etype, mode = s.type, s.mode
        cameo = s.cameo
        if c.obligation:
            modality = "reported" if modality == "hypothetical" else modality
        condition = self._condition(c)
        # a readiness or vow to use force or pressure is a threat ("is prepared to impose martial law")
        if c.embedded and s.frame and etype == "AGREE" and c.trigger.pos_ != "VERB" or (
                c.embedded and etype == "AGREE" and c.trigger.lemma_.lower() in _VOWS):
            if self.onto.quad(c.embedded[0].sense.type).endswith("conflict"):
                etype = "THREATEN"
        # frames: the embedded act decides the mode
        if c.embedded and etype in self.lex.frame_modes:
            fm = self.lex.frame_modes[etype]
            sub = c.embedded[0].sense.type
            m = fm.get(sub, fm.get("default"))
            if m is not None and mode is None:
                mode = m
        # a refused easing is a REJECT
        if negated and etype in self.lex.negation_as and (
                modality in ("future", "hypothetical") or trig.tag_ == "VBG" or c.kind == "light"
                or any(a.lower_ in ("will", "would", "wo") for a in trig.children if a.dep_ == "aux")):
            conv = self.lex.negation_as[etype]
            etype, mode, negated, cameo = conv["type"], conv.get("mode"), False, None
        elif not negated and etype in self.lex.future_as and (
                modality == "future" or modality == "hypothetical" and (
                    self.onto.quad(etype).endswith("cooperation") or condition is not None)):
            new = self.lex.future_as[etype]
            if condition == "unless":
                new = "THREATEN"   # "will withdraw its force unless ...": a conditional sanction is a threat
            mode = (self.lex.frame_modes.get(new) or {}).get(etype)
            etype, cameo = new, None
        if mode is None:
            mode = self._mode_from_cues(etype, trig, sent)
        contexts = list(dict.fromkeys(list(s.contexts) + self._contexts(sent)))
        # place and date
        location = self._location(c, sent, {m.start for m in sources + targets})
        date = self._date(c, sent, modality)
        if date and self.pub and modality in ("asserted", "reported") and len(date) >= 4 and date[:4] < self.pub[:4]:
            modality = "historical"
        if cameo is None or etype != s.type:
            cameo = self.onto.cameo(etype, mode)
        # confidence: monotone in the evidence
        base = {"verbal": 0.7, "light": 0.65, "nominal": 0.5}[c.kind]
        conf = base
        if sources:
            conf += 0.1
            if any(self._kb(m) for m in sources):
                conf += 0.08
            if c.source_how in ("inherit", "control"):
                conf -= 0.05
        else:
            conf -= 0.2
        if any(m.how == "place" for m in targets):
            conf += 0.02          # a place as recipient: weaker evidence than a named actor
        elif targets:
            conf += 0.05
            if any(self._kb(m) for m in targets):
                conf += 0.03
        if c.sense.objects is not None:
            conf += 0.03
        conf += self._prominence(c)
        if modality == "hypothetical":
            conf -= 0.1
        sc = self._sc(sent)
        if "headline" not in sc:
            sc["headline"] = not _END_PUNCT.search(sent.text.strip())
        if sc["headline"]:
            conf -= 0.05          # a headline: less context than the body
        if any(m.actor_id.startswith(("ner:", "agent:")) for m in sources):
            conf -= 0.05
        conf = round(max(0.05, min(0.99, conf)), 3)
        # an act reported only through its victims: a passive without agent, or a weapon/event as subject
        victim_ok = c.kind == "verbal" and (
            (_is_passive(trig) and not _children(trig, "agent")) or any(
                x.lemma_.lower() in self.lex.nouns or x.lemma_.lower() in _WEAPONS for x in c.sources))
        if "span" not in sc:
            ss, se = sent[0].idx, sent[-1].idx + len(sent[-1].text)
            while ss < se and self.state.text[ss].isspace():
                ss += 1
            while se > ss and self.state.text[se - 1].isspace():
                se -= 1
            sc["span"] = (self.state.text[ss:se], ss, se)
        stext, ss, se = sc["span"]
        span = Span(text=stext, start=ss, end=se)
        trigger_text = self._trigger_text(c)
        out = []
        src_list = sources or [None]
        tgt_list = targets or [None]
        for src in src_list:
            for tgt in tgt_list:
                out.append(dict(
                    type=etype, mode=mode, contexts=contexts, source=src, target=tgt, negated=negated,
                    modality=modality, date=date, location=location, sentence=span, trigger=trigger_text,
                    confidence=conf, cameo=cameo, lemma=trig.lemma_.lower(), sent_start=ss,
                    victim_ok=victim_ok))
        return out

    def _trigger_text(self, c: _Cand) -> str:
        """The trigger as it stands in the article: the word, or the words from the light verb or
        the verb to its particle ("carried out strikes", "reach out"), always a slice of the text."""
        toks = [c.trigger]
        if c.light is not None:
            toks.append(c.light)
        elif c.kind == "verbal":
            toks += [ch for ch in c.trigger.children if ch.dep_ == "prt"]
            if c.obligation:
                toks += [a for a in c.trigger.children if a.dep_ == "aux" and a.lower_ in _OBLIGATION_AUX]
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t.text) for t in toks)
        if end - start > 40:
            start, end = c.trigger.idx, c.trigger.idx + len(c.trigger.text)
        return self.state.text[start:end]

    def _condition(self, c: _Cand) -> Optional[str]:
        """"if"/"unless" when the act (or the clause it sits in) carries a condition."""
        for tok in (c.trigger, c.trigger.head):
            for ch in tok.children:
                if ch.dep_ == "advcl":
                    for m in ch.children:
                        if m.dep_ == "mark" and m.lower_ in ("if", "unless"):
                            return m.lower_
        return None

    @staticmethod
    def _prominence(c: _Cand) -> float:
        """Main-clause acts are what a sentence reports; subordinate ones (purpose clauses, relative
        clauses, background) rank lower."""
        t = c.light if c.light is not None else c.trigger
        dep = t.dep_
        if dep == "ROOT" or (dep in ("ccomp", "parataxis") and t.head.dep_ == "ROOT"
                             and t.head.lemma_.lower() in _SPEECH):
            return 0.04
        if dep == "conj" and t.head.dep_ == "ROOT":
            return 0.02
        if dep in ("relcl", "acl", "advcl", "pcomp") or any(
                a.lower_ == "to" and a.dep_ == "aux" for a in t.children) and dep != "xcomp":
            return -0.04
        return 0.0

    def _kb(self, m: Mention) -> bool:
        return self.actor_kb.get(m.actor_id, False) or m.how in ("name", "alias", "acronym", "metonym", "demonym", "title") \
            and not m.actor_id.startswith(("ner:", "agent:"))

    def _mode_from_cues(self, etype: str, trig, sent) -> Optional[str]:
        cues = self.lex.mode_cues.get(etype)
        if not cues:
            return None
        lemmas = {trig.lemma_.lower(), trig.head.lemma_.lower()}
        for ch in list(trig.children) + ([] if trig.head == trig else [trig.head]):
            if ch.dep_ in _CLAUSE_DEPS or ch.i == trig.head.i and trig.dep_ in _CLAUSE_DEPS:
                continue
            if ch.i != trig.head.i:
                lemmas.update(self._subtree_lemmas(ch))
            else:
                lemmas.update(t.lemma_.lower() for t in ch.children if t.dep_ not in _CLAUSE_DEPS)
        for mode, words in cues:
            if lemmas & words:
                return mode
        return None

    def _contexts(self, sent) -> list[str]:
        c = self._sc(sent)
        if "contexts" not in c:
            lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
            c["contexts"] = [ctx for ctx, words in self.lex.context_cues if lemmas & words]
        return list(c["contexts"])

    def _question_or_quantity(self, tok) -> bool:
        key = ("q", tok.i)
        if key not in self._memo:
            self._memo[key] = _question_or_quantity(tok, self.lex.quantity_words)
        return self._memo[key]

    def _subtree_lemmas(self, tok) -> frozenset:
        """Lemmas of ``tok``'s subtree outside clausal dependents (for the mode cues)."""
        key = ("lemmas", tok.i)
        if key not in self._memo:
            self._memo[key] = frozenset(t.lemma_.lower() for t in tok.subtree if t.dep_ not in _CLAUSE_DEPS)
        return self._memo[key]

    def _location(self, c: _Cand, sent, actor_starts: set) -> Optional[str]:
        pms = self.sentence_places(sent)
        if not pms:
            return None

        def place_of(tok) -> Optional[str]:
            s, e = _np_span(tok)
            for p in pms:
                if p.start < e and s < p.end:
                    m = self.mention_for(tok)
                    if m is not None and (m.start < p.end and p.start < m.end):
                        return None   # the place names an actor here ("Moscow said")
                    return p.place_id
            return None

        heads = [c.trigger] + ([c.light] if c.light is not None else []) + list(c.targets)
        for h in heads:
            for ch in h.children:
                if ch.dep_ == "prep" and ch.lower_ in _PLACE_PREPS:
                    for p in ch.children:
                        if p.dep_ == "pobj":
                            for q in _conjuncts(p):
                                pid = place_of(q)
                                if pid:
                                    return pid
        # the only place of the sentence that is not an actor (physical acts only)
        if not self.onto.quad(c.sense.type).startswith("material"):
            return None
        sc = self._sc(sent)
        if "free_places" not in sc:
            ms = self.sentence_mentions(sent)
            sc["free_places"] = [p.place_id for p in pms
                                 if not any(m.start < p.end and p.start < m.end for m in ms)]
        free = sc["free_places"]
        if len(set(free)) == 1:
            return "~" + free[0]      # weak: marked for merging, unmarked in finish()
        return None

    @staticmethod
    def _durative(c: _Cand) -> bool:
        """Can "since <date>" date this act? Only a state that lasts: a perfect or progressive
        ("has imposed sanctions since 2011"), not a punctual past ("struck for the first time since 2016")."""
        v = c.light if c.light is not None else c.trigger
        if v.pos_ not in ("VERB", "AUX"):
            return False
        auxes = {a.lemma_.lower() for a in v.children if a.dep_ in ("aux", "auxpass")}
        return "have" in auxes or v.tag_ == "VBG" or v.tag_ in ("VBZ", "VBP") and "be" in auxes

    def _first_since(self, d) -> bool:
        """"for the first time since 2016", "the first such strike since the war": a comparison with the
        past, not the date of the act."""
        before = self.state.text[max(0, d.start - 40):d.end].lower()
        return _FIRST_SINCE.search(before) is not None

    def _date_of_other_clause(self, d, c: _Cand) -> bool:
        """Does the date belong to a clause embedded under the act ("struck the city since government
        forces retook it in 2016": 2016 dates the retaking, a finite clause with its own subject)?"""
        doc = c.trigger.doc
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            return False
        own = {c.trigger.i} | ({c.light.i} if c.light is not None else set())
        cur = span.root
        for _ in range(limits.MAX_TREE_WALK):
            if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
                break
            cur = cur.head
        if cur.i in own or cur.pos_ not in ("VERB", "AUX") or not _children(cur, "nsubj", "nsubjpass"):
            return False          # a participle without its own subject ("a statement issued on Sunday") dates the act
        return any(a.i in own for a in cur.ancestors)

    def _continued_speech_date(self, c: _Cand, sent, modality: str) -> Optional[str]:
        """"He added that ...": a statement continued by a pronoun speaker was made when the
        previous sentence's statement was (its only resolved date)."""
        if modality != "reported":
            return None
        mod = analyze(c.trigger, is_noun=(c.kind != "verbal"))
        sv = mod.speech_verb
        if sv is None or not any(t.pos_ == "PRON" for t in _children(sv, "nsubj")):
            return None
        cur = sent
        for _ in range(3):     # the statement may continue a quotation that continues an attribution
            if cur.start == 0:
                return None
            cur = sent.doc[cur.start - 1].sent
            ds = {d.value for d in self.sentence_dates(cur) if d.value}
            if ds:
                return ds.pop() if len(ds) == 1 else None
        return None

    def _date(self, c: _Cand, sent, modality: str) -> Optional[str]:
        ds = [d for d in self.sentence_dates(sent) if d.value]
        dl = self._dateline_end(sent)
        if dl is not None:
            ds = [d for d in ds if d.start >= sent.start_char + dl]
        trig = c.trigger
        if ds and self._governing_date is not None:
            toks = [trig] + ([c.light] if c.light is not None else [])
            start = min(t.idx for t in toks)
            end = max(t.idx + len(t.text) for t in toks)
            d = self._governing_date(ds, start, end, sentence=(sent.start_char, sent.end_char), text=self.state.text)
            if d is not None and d.value and not (getattr(d, "relation", "at") == "since" and not self._durative(c)) \
                    and not self._first_since(d) and not self._date_of_other_clause(d, c):
                return d.value
            ds = []
        if ds:
            # the date attached in the parse closest to the trigger
            anc = {trig.i: 0}
            cur, k = trig, 0
            while cur.head != cur and k < 8:
                k += 1
                cur = cur.head
                anc[cur.i] = k
            best = None
            doc = trig.doc
            for d in ds:
                span = doc.char_span(d.start, d.end, alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                dist = 99
                cur, k = root, 0
                while k < 8:
                    if cur.i in anc:
                        dist = k + anc[cur.i]
                        break
                    if cur.head == cur:
                        break
                    cur = cur.head
                    k += 1
                key = (dist, abs(root.i - trig.i))
                if best is None or key < best[0]:
                    best = (key, d.value)
            if best is not None:
                return best[1]
        prev = self._continued_speech_date(c, sent, modality)
        if prev:
            return prev
        if self.pub and modality == "asserted":
            present = trig.tag_ in _PRESENT_TAGS or (trig.tag_ == "VBG" and any(
                a.tag_ in _PRESENT_TAGS for a in trig.children if a.dep_ == "aux"))
            sc = self._sc(sent)
            if "today" not in sc:
                sc["today"] = any(t.lower_ == "today" for t in sent)
            if present or sc["today"]:
                self.pub_dated += 1
                return self.pub
        return None

    # -- article level ------------------------------------------------------------------------------------------
    def finish(self, raw: list[dict], require_source: bool, min_conf: float) -> list[Event]:
        if require_source:
            # PLOVER wants an actor; a reported attack on named victims ("three soldiers were killed in
            # a roadside bombing") is kept without one, at low confidence
            raw = [r for r in raw if r["source"] is not None or (
                r["type"] in ("ASSAULT", "COERCE") and r["target"] is not None and not r["negated"]
                and r["victim_ok"])]
        raw = [r for r in raw if r["confidence"] >= min_conf]
        raw.sort(key=lambda r: -r["confidence"])
        merged: list[dict] = []
        # acts can only merge with acts of the same type, source, target and polarity: one list each, in
        # the order of ``merged`` (a scan of all merged acts per act was quadratic in the article)
        buckets: dict[tuple, list[dict]] = {}
        for r in raw:
            home = None
            bucket = buckets.setdefault(self._act_key(r), [])
            for m in bucket:
                if self._same_act(m, r):
                    home = m
                    break
            if home is None:
                r["evidence"] = [r["sentence"]]
                r["evidence_starts"] = {r["sentence"].start}
                merged.append(r)
                bucket.append(r)
            else:
                if r["sentence"].start not in home["evidence_starts"]:
                    home["evidence"].append(r["sentence"])
                    home["evidence_starts"].add(r["sentence"].start)
                if not home["location"] or (home["location"].startswith("~") and r["location"]
                                            and not r["location"].startswith("~")):
                    home["location"] = r["location"]
                home["date"] = home["date"] or r["date"]
                home["mode"] = home["mode"] or r["mode"]
                home["contexts"] = list(dict.fromkeys(home["contexts"] + r["contexts"]))
        merged.sort(key=lambda r: (r["sentence"].start, -r["confidence"]))
        events = []
        for i, r in enumerate(merged, 1):
            ev = Event(
                id=f"ev{i}", type=r["type"], mode=r["mode"], contexts=r["contexts"],
                source=r["source"].ref() if r["source"] is not None else None,
                target=r["target"].ref() if r["target"] is not None else None,
                negated=r["negated"], modality=r["modality"], date=r["date"],
                location=r["location"].lstrip("~") if r["location"] else None,
                sentence=r["sentence"], trigger=r["trigger"], confidence=r["confidence"], cameo=r["cameo"],
                evidence=sorted(r["evidence"], key=lambda s: s.start))
            events.append(ev)
        return events

    @staticmethod
    def _act_key(a: dict) -> tuple:
        return (a["type"], a["source"].actor_id if a["source"] is not None else None,
                a["target"].actor_id if a["target"] is not None else None, a["negated"])

    @staticmethod
    def _same_act(a: dict, b: dict) -> bool:
        def aid(m):
            return m.actor_id if m is not None else None
        if (a["type"], aid(a["source"]), aid(a["target"]), a["negated"]) != \
                (b["type"], aid(b["source"]), aid(b["target"]), b["negated"]):
            return False
        if a["sentence"].start == b["sentence"].start:
            return a["lemma"] == b["lemma"]
        la, lb = a["location"], b["location"]
        if la and lb and la != lb and not la.startswith("~") and not lb.startswith("~"):
            return False
        if a["date"] and b["date"] and a["date"][:4] != b["date"][:4]:
            return False
        return aid(a["target"]) is not None or a["lemma"] == b["lemma"]
