"""Finding candidate triggers in a sentence: verbs (with their particle: "reach out"), light verbs
that stand for their nominal object ("carry out strikes"), nouns and compounds ("air strike"),
predicative adjectives ("is willing to"), obligations in reported speech ("said Y must ..."); then the
frames (acts embedded under agree/refuse/threaten/demand are the content of those acts, not events of
their own) and protest topics ("rallied to demand reforms": the demand is the protest's topic).

Which sense of a trigger applies may depend on its object ("lift" + sanctions, "open" + fire) or
subject; the lexicon is :mod:`.lexicon`'s.
"""

from __future__ import annotations

from typing import Any, Optional

from ... import limits
from ...lang.modality import load_cues, negation_cue
from .grammar import children, conjuncts, subjects
from .lexicon import EventCues, Lexicon, Sense
from .model import REQUEST, Candidate

#: the links through which a frame's content hangs under it ("agreed *to talk*", "demanded *that* ...")
FRAME_CONTENT_DEPS = ("xcomp", "ccomp", "dobj", "prep", "prt", "advcl")


def _known_verb(lex: Lexicon, lemma: str) -> bool:
    """Is ``lemma`` a trigger verb, a light verb or the head of a phrasal one ("reach" of "reach out")?"""
    return lemma in lex.verbs or lemma in lex.light_verbs or lemma in lex.phrasal_heads


def _lemma_repairs(v) -> tuple:
    """The lemmas a verb form may have: "staged" -> stag(e)d, "stopped" -> stop, "carried" -> carry."""
    low = v.lower_
    if v.tag_ in ("VBD", "VBN") and low.endswith("ed"):
        return (low[:-1], low[:-2], low[:-3] if len(low) > 4 and low[-3] == low[-4] else None,
                low[:-3] + "y" if low.endswith("ied") else None)
    if v.tag_ == "VBG" and low.endswith("ing"):
        return (low[:-3], low[:-3] + "e", low[:-4] if len(low) > 5 and low[-4] == low[-5] else None)
    if v.tag_ == "VBZ" and low.endswith("s"):
        return (low[:-1], low[:-2])
    return ()


def verb_lemma(v, lex: Lexicon) -> str:
    """The verb's lemma, repaired when the small model's lemmatizer slips ("staged" -> "stag")."""
    lem = v.lemma_.lower()
    if _known_verb(lex, lem):
        return lem
    for c in _lemma_repairs(v):
        if c and _known_verb(lex, c):
            return c
    return lem


def verb_key(v, lex: Lexicon, keys: Optional[dict] = None) -> tuple[Optional[str], Any]:
    """The lexicon key of verb ``v`` and the particle that completes it: "reached out" -> ("reach
    out", out); "sat down with" -> ("sit down", down); "struck" -> ("strike", None). ``keys``: the
    keys read so far of the tokens of ``v``'s doc, by token index (the events stage's, per article),
    where the key is remembered."""
    if keys is None:
        return _verb_key(v, lex)
    if v.i not in keys:
        keys[v.i] = _verb_key(v, lex)
    return keys[v.i]


def _verb_key(v, lex: Lexicon) -> tuple[Optional[str], Any]:
    """:func:`verb_key`, read from the parse."""
    lem = verb_lemma(v, lex)
    for c in _particle_candidates(v):
        if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in lex.cue_words.adverb_particles:
            key = f"{lem} {c.lower_}"
            if key in lex.verbs or key in lex.light_verbs:
                return key, c
    if lem in lex.phrasal_heads:
        for c in v.children:
            if c.dep_ in ("prep", "dobj") and f"{lem} {c.lower_}" in lex.verbs and not _dates_only(c):
                return f"{lem} {c.lower_}", c
    return lem, None


def _particle_candidates(v) -> list:
    """The verb's children, and an adverb the parser hung on the preposition right after it ("work
    *together* with": the adverb belongs to the verb)."""
    return list(v.children) + [g for c in v.children if c.dep_ == "prep" for g in c.children
                               if g.dep_ == "advmod" and g.i == c.i - 1 and g.i == v.i + 1]


def _dates_only(prep) -> bool:
    """A preposition whose objects are all dates or times ("called *on Tuesday*", "met *on* 4 May"):
    it sets the time, it is no particle of the verb ("call on" is a request)."""
    objs = [p for p in prep.children if p.dep_ == "pobj"]
    return bool(objs) and all(p.ent_type_ in ("DATE", "TIME") for p in objs)


def verb_objects(v, relatives: frozenset) -> list:
    """The objects that select a verb's sense: direct objects, attributes, a passive subject, the
    object of a first preposition or of "as" ("lifted sanctions", "designated X as ..."), the noun a
    relative clause without object hangs on ("the sanctions the US imposed"), or whose relative pronoun
    (one of ``relatives``) is its passive subject ("the protests *that* were put down").

    The particle's own phrase was meant to count as well (``c is particle``), but spaCy makes a new
    token object on each access, so that test never held; it is left out, as it behaved."""
    objs = []
    for c in v.children:
        if c.dep_ == "nsubjpass" and v.dep_ == "relcl" and c.lower_ in relatives:
            objs.extend(conjuncts(v.head))   # "demonstrations *that* were put down": the noun
        elif c.dep_ in ("dobj", "attr", "oprd") or (c.dep_ == "nsubjpass"):
            objs.extend(conjuncts(c))
        elif c.dep_ == "prep" and (not objs or c.lower_ == "as"):
            objs.extend(p for p in c.children if p.dep_ == "pobj")
    if v.dep_ == "acl" and v.tag_ == "VBN":
        objs.extend(conjuncts(v.head))   # "hurdles and *barricades* put up by protesters"
    elif v.dep_ == "relcl" and not any(c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.lower_ in relatives
                                       for c in v.children) and not any(c.dep_ == "dobj" for c in v.children):
        objs.append(v.head)   # "the sanctions the US has *imposed*": the noun is the object
    return objs


def _object_lemmas(v, lex: Lexicon) -> set:
    """The lemmas of the verb's objects, their compounds and their "of"/"to" phrases (the cues'
    ``object_preps``: "lift the arms embargo", "a lifting of sanctions", "blocked access *to YouTube*")."""
    objs = set() if any(c.dep_ in ("dobj", "nsubjpass") for c in v.children) else _following_words(v)
    preps = lex.cue_words.object_preps
    for o in verb_objects(v, lex.cue_words.relative_pronouns) + _carried_objects(v, lex):
        objs.add(o.lemma_.lower())
        objs.update(g.lemma_.lower() for c in o.children if c.dep_ in ("prep", "compound")
                    for g in ([c] if c.dep_ == "compound" else c.children) if c.lower_ in preps or c.dep_ == "compound")
        objs.update(_apposed_lemmas(o))
    return objs | _resultative_lemmas(v)


#: the links of an adjective that says what a verb makes of its object ("set *ablaze* over 40 houses",
#: "set the car *alight*")
RESULTATIVE_DEPS = ("advmod", "acomp", "oprd")


def _resultative_lemmas(v) -> set:
    """The adjectives that say what verb ``v`` makes of its object, wherever the parser hung them ("set
    *ablaze* over 40 houses": an adverb before the object): they select the sense as its object would
    ("set" + ablaze is arson). The small model tags "ablaze" as an adjective, an adverb or a preposition:
    any word on these links counts but a verb or a noun (a clause or an object of its own)."""
    return {c.lemma_.lower() for c in v.children if c.dep_ in RESULTATIVE_DEPS
            and c.pos_ not in ("VERB", "AUX", "NOUN", "PROPN", "PRON")}


def _apposed_lemmas(obj) -> set:
    """The lemmas of an apposition that names the object ("administered special means – the so-called
    *pepper spray*") or of its "as" phrase ("classify the movement *as a terrorist organisation*"), and of
    their compounds: what the object is, for the verb's sense."""
    names = [a for a in obj.children if a.dep_ == "appos"]
    names += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    return {t.lemma_.lower() for a in names for t in (a, *a.children) if t.i == a.i or t.dep_ == "compound"}


#: how many words after a verb with no parsed object are read as its object's words
_FOLLOWING_REACH = 6


def _following_words(v) -> set:
    """The noun (and misparsed noun) lemmas right after a verb the parser gave no object, up to the
    first preposition or punctuation: the small model splits "imposed travel bans and asset *freezes*
    on ..." into clauses, but the words after the verb still name what it takes."""
    out = set()
    for t in v.doc[v.i + 1:min(v.i + 1 + _FOLLOWING_REACH, v.sent.end)]:
        if t.pos_ in ("ADP", "PUNCT", "SCONJ", "AUX", "PRON", "PART") or t.dep_ in ("prep", "mark"):
            break
        if t.pos_ in ("NOUN", "VERB"):
            out.add(t.lemma_.lower())
    return out


def _carried_objects(v, lex: Lexicon) -> list:
    """The objects of a complement whose verb only carries them ("agreed *to complete* disarmament",
    "accepted to carry out the demands": ``complement_carrier_verbs``): they select the frame's sense
    as its own objects would ("agreed to a disarmament" is a concession)."""
    carriers = lex.cue_words.complement_carrier_verbs
    return [o for c in v.children if c.dep_ == "xcomp" and c.lemma_.lower() in carriers
            for o in c.children if o.dep_ == "dobj" for o in conjuncts(o)]


def _subject_lemmas(v, lex: Lexicon) -> set:
    """The noun lemmas of the verb's subject (or its passive agent) and its modifiers ("the army chief" ->
    army, chief), and of what a counting subject counts ("thousands *of civilians*", "dozens *of gunmen*")."""
    if lex.cues is None:
        return set()
    subs, _ = subjects(v, lex.cues)
    # every subject ("COLOMBO — protesters stormed") and a passive's "by" doers
    subs = list(subs) + [x for x in children(v, "nsubj") + _agent_objects(v) if x not in subs]
    heads = list(subs) + [p for x in subs if x.lemma_.lower() in lex.quantity_words
                          for c in x.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj"]
    return {t.lemma_.lower() for x in heads for t in (x, *x.children) if t.pos_ in ("NOUN", "PROPN")}


def _agent_objects(v) -> list:
    """The doers a passive names in its "by" phrase ("the parliament was stormed *by protesters*",
    "barricades put up *by protesters*"): for a sense's subject condition they are its subject."""
    return [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def verb_sense(v, lex: Lexicon, story: Any = frozenset(),
               keys: Optional[dict] = None) -> tuple[Optional[Sense], Optional[str], Any]:
    """The sense of verb ``v`` (the first whose object or subject condition holds, else the first
    without one), its key and its particle: "lifted sanctions" -> RETREAT; "opened fire" -> ASSAULT;
    no sense when the reading that holds codes no event ("shares a border with", "released a report").
    ``story``: the common words of the article so far (a set, or :meth:`~.context.ArticleContext.story_words`),
    for the senses that hold only in a story of theirs (``story_words``); ``keys``: see :func:`verb_key`."""
    sense, key, particle = _verb_reading(v, lex, story, keys)
    if sense is not None and sense.no_event:
        return None, key, particle
    return sense, key, particle


def _verb_reading(v, lex: Lexicon, story: Any = frozenset(),
                  keys: Optional[dict] = None) -> tuple[Optional[Sense], Optional[str], Any]:
    """:func:`verb_sense`, a reading that codes no event included."""
    key, particle = verb_key(v, lex, keys)
    senses = lex.verbs.get(key)
    if not senses:
        return None, key, particle
    objs = _object_lemmas(v, lex)
    default = None
    subj = None
    for s in senses:
        if s.complements is not None and not _has_complement(v, s.complements):
            continue
        if s.story_words is not None and not (story & s.story_words):
            continue
        if s.untargeted and _aimed(v, lex):
            continue
        if s.subjects is not None:
            if subj is None:
                subj = _subject_lemmas(v, lex)
            if not subj & s.subjects:
                continue
        if s.objects is None:
            if default is None:
                default = s
            continue
        if objs & s.objects or (s.no_event or s.prep_objects) and _prep_object_lemmas(v) & s.objects:
            return s, key, particle
    return default, key, particle


def _has_complement(v, lemmas: frozenset) -> bool:
    """Has verb ``v`` an infinitive complement ("told villagers *not to go*"), of one of ``lemmas`` when
    there are any ("asked the ambassador *to leave*")?"""
    return any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               and (not lemmas or c.lemma_.lower() in lemmas) for c in v.children)


def _aimed(v, lex: Lexicon) -> bool:
    """Does verb ``v`` name what it is aimed at: a phrase of ``aim_preps`` ("fired *at* the convoy"), or
    "into" a named place ("fired rockets *into Israel*"; not "into the sea")?"""
    for c in v.children:
        if c.dep_ != "prep" or _dates_only(c):
            continue
        if c.lower_ in lex.cue_words.aim_preps:
            return True
        if c.lower_ == "into" and any(p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP")
                                      for p in c.children):
            return True
    return False


def _prep_object_lemmas(v) -> set:
    """The lemmas of the objects of all the verb's prepositions and of their compounds ("warned
    Americans *against travel*", "included *in the sanctions list*"), also of a phrase the parser hung
    on the verb's direct object ("include some figures ... and the community *in the stop list*"): what
    a reading that codes no event, or a sense with ``prep_objects`` ("put X *on alert*"), may name
    besides a direct object."""
    heads = [v] + [x for c in v.children if c.dep_ == "dobj" for x in conjuncts(c)]
    pobj = [p for h in heads for c in h.children if c.dep_ == "prep" for p in c.children if p.dep_ in ("pobj", "pcomp")]
    return {p.lemma_.lower() for p in pobj} | {m.lemma_.lower() for p in pobj for m in p.children
                                               if m.dep_ == "compound"}


def noun_sense(tok, lex: Lexicon) -> Optional[Sense]:
    """The sense of noun ``tok``: as the object of a verb that gives it one ("declared a ceasefire"),
    a carrier's modifier ("a mediation effort"), a compound ("air strike", "state of emergency"), the
    noun itself ("attack"), or ``None`` (a plural-only noun in the singular: "talk"; a noun needing an
    object it lacks; a reading that codes no event)."""
    s = _noun_reading(tok, lex)
    return None if s is None or s.no_event else s


def _modifiers(tok) -> list:
    """The noun's compound and adjective modifiers and their conjuncts ("ongoing and *violent*
    repression")."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    return mods + [x for c in mods for x in c.children if x.dep_ == "conj" and x.i < tok.i]


def _of_object(tok):
    """The object of ``tok``'s "of" phrase ("state *of emergency*"), or ``None``."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _verb_noun(tok, lex: Lexicon) -> Optional[Sense]:
    """The sense ``tok`` has as the object of its verb ("*declared* a ceasefire"), or ``None``: not
    when a modifier makes the noun a compound trigger ("staged an *air* strike"), lacks the modifier
    the sense needs (``objects``: "announced an *aid* package") or the noun has a phrase the sense
    excludes, on it or on its verb (``except_preps``: "staged strikes *on* positions")."""
    if not lex.verb_nouns or tok.dep_ not in ("dobj", "nsubjpass") or tok.head.i == tok.i:
        return None
    s = lex.verb_nouns.get(f"{verb_lemma(tok.head, lex)} {tok.lemma_.lower()}")
    if s is None:
        return None
    lem = tok.lemma_.lower()
    if any(f"{c.lemma_.lower()} {lem}" in lex.compounds for c in _modifiers(tok)):
        return None
    if s.objects is not None and not any(c.lemma_.lower() in s.objects for c in _modifiers(tok)):
        return None   # "announced an *aid* package": only the package its modifier names
    if s.except_preps and any(c.dep_ == "prep" and c.lower_ in s.except_preps
                              and any(p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") for p in c.children)
                              for c in (*tok.children, *tok.head.children)):   # not "on Monday"
        return None
    return s


def _noun_reading(tok, lex: Lexicon) -> Optional[Sense]:
    """:func:`noun_sense`, a reading that codes no event included."""
    lem = tok.lemma_.lower()
    vn = _verb_noun(tok, lex)
    if vn is not None:
        return vn
    for c in _modifiers(tok):   # a compound first: a "pressure campaign" is a sanction, not pressure
        key = f"{c.lemma_.lower()} {lem}"
        if key in lex.compounds:
            return lex.compounds[key]
    if lem in lex.cues.carrier_nouns:
        for c in tok.children:
            if c.dep_ in ("compound", "amod") and c.i < tok.i and c.lemma_.lower() in lex.nouns \
                    and c.tag_ not in ("VBG", "VBN"):   # "a rapidly *advancing* program" describes it
                return lex.nouns[c.lemma_.lower()]
    of = _of_object(tok)
    if of is not None and f"{lem} of {of.lemma_.lower()}" in lex.compounds:
        return lex.compounds[f"{lem} of {of.lemma_.lower()}"]
    s = lex.nouns.get(lem)
    if s is None and "-" in tok.text:
        s = lex.nouns.get(tok.lower_)
    if s is None:
        return None
    if s.plural_only and tok.tag_ not in ("NNS", "NNPS"):
        return None
    if s.objects is not None and not any(c.lemma_.lower() in s.objects for c in tok.children):
        return None
    return s


# -- light verbs ------------------------------------------------------------------------------------

def may_be_verb_trigger(t, lex: Lexicon) -> bool:
    """A verb, or the auxiliary "have" as a light verb ("had talks")."""
    return t.pos_ in ("VERB",) or (t.pos_ == "AUX" and t.lemma_.lower() in lex.cues.auxiliary_light_verbs)


def light_noun(t, lex: Lexicon, reach: int, keys: Optional[dict] = None):
    """The nominal trigger a light verb stands for: "carried out *strikes*", "imposed *sanctions*",
    "engaged in *fighting*", "took part in the *talks*", "launched air and artillery *strikes*" (a
    modifier the parser coordinated with the noun, at most ``reach`` tokens before it); ``None`` when
    ``t`` is no light verb or has no such noun. ``keys``: see :func:`verb_key`."""
    key, particle = verb_key(t, lex, keys)
    if not (key in lex.light_verbs or verb_lemma(t, lex) in lex.light_verbs):
        return None
    noun = next((x for c in t.children if c.dep_ in ("dobj", "nsubjpass", "attr")
                 for x in _relative_noun(t, c, lex) or _object_or_its_noun(c, reach) if noun_sense(x, lex) is not None), None)
    if noun is None:   # "carried out *a series of* attacks", "commenced a process of *negotiations*"
        noun = next((x for c in t.children if c.dep_ in ("dobj", "nsubjpass", "attr")
                     for x in _acts_of(c, lex)), None)
    if noun is None and particle is not None and particle.dep_ == "prep":
        noun = next((p for p in particle.children if p.dep_ == "pobj" and noun_sense(p, lex)), None)
    if noun is None:
        noun = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "in"
                     for p in c.children if p.dep_ == "pobj" and noun_sense(p, lex)), None)
    return noun


def _relative_noun(v, obj, lex: Lexicon) -> list:
    """The noun a relative pronoun object of ``v`` stands for ("that attack, *which* was carried out by
    gunmen", "the offensive *that* the army launched"): a list of one noun, or empty."""
    relative = obj.dep_ != "attr" and obj.lower_ in lex.cue_words.relative_pronouns
    return [v.head] if v.dep_ == "relcl" and relative else []


def carried_acts(carrier, lex: Lexicon) -> list:
    """The act nouns a carrier noun carries in its "of" phrase ("a *wave* of attacks", "a *campaign* of
    assaults on ships", "a *process* of dialogue and negotiations": each conjunct with a nominal sense);
    none when ``carrier`` is no carrier noun (``cues.carrier_nouns``)."""
    if lex.cues is None or carrier.lemma_.lower() not in lex.cues.carrier_nouns:
        return []
    of = _of_object(carrier)
    return [x for x in conjuncts(of) if noun_sense(x, lex) is not None] if of is not None else []


def _acts_of(obj, lex: Lexicon) -> list:
    """The act nouns a light verb's object carries in its "of" phrase, as a carrier noun ("a *series* of
    attacks") or as a count ("*dozens* of attacks")."""
    return carried_acts(obj, lex) or counted_acts(obj, lex)


def counted_acts(count, lex: Lexicon) -> list:
    """The act nouns a count carries in its "of" phrase ("launched *dozens of* aerial attacks", "carried
    out *a number of* killings": a quantity word of ``quantity_words``): the light verb stands for them as
    for its direct object."""
    if count.lemma_.lower() not in lex.quantity_words:
        return []
    of = _of_object(count)
    return [x for x in conjuncts(of) if noun_sense(x, lex) is not None] if of is not None else []


def carrier_of(tok, lex: Lexicon):
    """The carrier noun whose "of" phrase holds act noun ``tok`` ("their *campaign* of assaults"), else
    ``None``: the carrier's possessor or agent is the act's."""
    if lex.cues is None:
        return None
    head = tok.head if tok.dep_ == "conj" else tok
    if head.dep_ != "pobj" or head.head.lower_ != "of" or head.head.head.i == head.head.i:
        return None
    carrier = head.head.head
    return carrier if carrier.lemma_.lower() in lex.cues.carrier_nouns and carrier.pos_ == "NOUN" else None


def coordinated_light_nouns(noun, lex: Lexicon) -> list:
    """The act nouns coordinated with a light verb's noun ("carrying out assassinations, *hijackings*
    and *bombings*"): each is an act of the light verb's subject, not a bare noun without parties."""
    return [x for x in conjuncts(noun) if x.i != noun.i and x.pos_ == "NOUN" and noun_sense(x, lex) is not None]


def _object_or_its_noun(obj, reach: int) -> list:
    """The object, and when it is a bare modifier the parser coordinated with the noun it modifies
    ("launched *air* and artillery *strikes*": "air" has no determiner or modifier of its own, and the
    noun follows within ``reach`` tokens), that noun; not "had *no involvement* in
    ... and the capture of ...", two noun phrases."""
    if any(c.dep_ in ("det", "poss", "amod", "nummod", "compound") for c in obj.children):
        return [obj]
    return [obj] + [x for x in obj.children if x.dep_ == "conj" and 0 < x.i - obj.i <= reach]


# -- obligations --------------------------------------------------------------------------------------

def obligation_reporter(v, cues: EventCues):
    """The speech verb when ``v`` is an obligation put on someone in reported speech
    ("said that China must drop barriers"), else ``None``."""
    if not any(a.lower_ in cues.obligation_aux for a in v.children if a.dep_ == "aux"):
        return None
    if v.dep_ in ("ccomp", "parataxis") and v.head.lemma_.lower() in cues.speech_verbs | cues.obligation_reporting_verbs:
        return v.head
    return None


def as_obligation(c: Candidate, act: Optional[Sense], reporter) -> Candidate:
    """"X said Y must hand over the suspects": a REQUEST by the speaker X of Y (the act's subject), with
    the act itself (when the lexicon knows it) embedded. ``c`` unchanged when the speech verb has no
    subject."""
    speaker_subj = children(reporter, "nsubj")
    if not speaker_subj:
        return c
    inner = Candidate(trigger=c.trigger, sense=act, kind="verbal") if act is not None else None
    return Candidate(trigger=c.trigger, sense=REQUEST, kind="verbal", sources=speaker_subj, targets=c.sources,
                     source_how="subj", embedded=[inner] if inner is not None else [], obligation=True)


# -- verdicts --------------------------------------------------------------------------------------------

def verdict_speakers(be, cues: EventCues, acues) -> tuple:
    """The condemning word, the speakers and the accused when copula ``be`` states a speaker's verdict in
    reported speech, its clause the content of a speech verb with a subject ("..., Prime Minister Garry
    Conille stated"): on an act, its attribute a condemnation noun or adjective (``acues.verdict_nouns``
    / ``verdict_adjectives``: "This is a heinous *crime*", "This act of violence is *unacceptable*") and
    its subject a reference to the act (``acues.verdict_subjects``), no one accused by name; on a party,
    its attribute a blame adjective (``acues.blame_adjectives``: "said the ADF was *responsible*"), the
    subject accused. ``(None, [], [])`` else."""
    none: tuple = (None, [], [])
    if be.lemma_.lower() != "be" or be.dep_ not in ("ccomp", "parataxis", "ROOT"):
        return none
    subj = children(be, "nsubj")
    if not subj:
        return none
    pred = next((c for c in be.children if (c.dep_ == "attr" and c.lemma_.lower() in acues.verdict_nouns)
                 or (c.dep_ == "acomp" and c.lower_ in acues.verdict_adjectives)), None)
    accused: list = []
    if pred is not None and subj[0].lemma_.lower() not in acues.verdict_subjects:
        return none
    if pred is None:
        pred = next((c for c in be.children if c.dep_ == "acomp" and c.lower_ in acues.blame_adjectives), None)
        accused = subj[:1]
    if pred is None:
        return none
    reporter = be.head if be.dep_ != "ROOT" else next(
        (c for c in be.children if c.dep_ == "parataxis" and c.lemma_.lower() in cues.speech_verbs), None)
    if reporter is None or reporter.i == be.i or reporter.lemma_.lower() not in cues.speech_verbs:
        return none
    speakers, how = subjects(reporter, cues)   # "confirmed the toll and *said* ...": the shared subject
    return pred, (speakers if how in ("subj", "inherit") else []), accused


def naming_verdict(v, acues):
    """The verdict word when verb ``v`` names an act with one ("*called* the attack “*barbaric*”",
    "*described* the bombing *as cowardly*", "*called* the killings a heinous *crime*"): a naming verb
    (``acues.naming_verbs``) whose object refers to an act (``verdict_subjects``) and whose predicate is a
    verdict adjective or noun; else ``None``."""
    if v.lemma_.lower() not in acues.naming_verbs or not any(
            o.dep_ == "dobj" and o.lemma_.lower() in acues.verdict_subjects for o in v.children):
        return None
    words = acues.verdict_adjectives | acues.verdict_nouns
    preds = [c for c in v.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advmod")]
    preds += [p for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
              if p.dep_ in ("pobj", "pcomp", "amod")]
    return next((p for p in preds if p.lemma_.lower() in words or p.lower_ in words), None)


# -- adjectives and nouns -------------------------------------------------------------------------------

def adjective_sense(t, lex: Lexicon) -> Optional[Sense]:
    """The sense of a predicative or attributive adjective ("is *willing* to", "*opposed* to", "a
    *critical* government"), or of a participle used as one without a "by" agent."""
    asense = lex.adjectives.get(t.lower_)
    if asense is None or not (t.pos_ == "ADJ" and t.dep_ in ("acomp", "ROOT", "xcomp", "amod") or
                              t.tag_ == "VBN" and not children(t, "agent") and not _perfect_with_object(t)):
        return None
    if t.dep_ == "acl" and not (t.i > 0 and t.doc[t.i - 1].text == ",") or _reduced_relative(t):
        return None   # "forces *opposed* to the junta": a standing relation that restricts the noun
    if t.dep_ == "amod" and not _names_a_party(t.head, lex):
        return None   # "Ukraine's *critical* security needs": a quality of a thing, no stance of anyone
    return None if asense.no_event else asense


def _names_a_party(noun, lex: Lexicon) -> bool:
    """Does ``noun`` name someone who may take a stance (a named entity or an agent noun: "a *critical*
    government", "*critical* lawmakers"), not a thing ("*critical* needs", "*ready* meals")?"""
    return noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or (
        lex.cues is not None and noun.lemma_.lower() in lex.cues.fallback_agent_nouns)


def _perfect_with_object(t) -> bool:
    """A participle that is a verb's perfect with its object ("had *committed* crimes"), not an
    adjective ("is committed to peace")."""
    return bool(children(t, "dobj")) or any(a.dep_ == "aux" and a.lemma_.lower() == "have" for a in t.children)


def nominal_trigger(t, lex: Lexicon, name_labels: tuple, hops: int, keys: Optional[dict] = None) -> Optional[Sense]:
    """The sense of a noun that is no name ("the attack", not "Operation Storm"'s ORG: an entity label
    in ``name_labels``), or of a gerund standing as one ("*Fighting* between X and Y killed ..."); not of
    one a verb that codes no event names within ``hops`` preposition links (asked only of a noun with a
    sense: the verb's reading costs more than the noun's), nor of what a report is cited from
    (:func:`_cited`). ``keys``: see :func:`verb_key`."""
    if t.ent_type_ in name_labels:
        return None
    if t.pos_ == "ADJ" and t.dep_ in GERUND_NOUN_DEPS:
        sense = noun_sense(t, lex)   # a noun tagged as an adjective: "amid a resumed *offensive*"
    elif t.pos_ not in ("NOUN", "PROPN"):
        sense = lex.nouns.get(t.lower_) if is_gerund_noun(t, lex) else None
    else:
        sense = noun_sense(t, lex)
    if sense is None or _under_no_event_verb(t, lex, hops, keys) or _cited(t, lex):
        return None
    return sense


def _cited(t, lex: Lexicon) -> bool:
    """Is noun ``t`` what a report is cited from ("according to the UK Foreign Office *release*", "according
    to the *report*": the object of a ``citation_words`` "to" phrase)? It names a source, no act."""
    p = t.head
    return (lex.cues is not None and t.dep_ == "pobj" and p.lower_ == "to" and p.head.i != p.i
            and p.head.lower_ in lex.cues.citation_words)


def _under_no_event_verb(t, lex: Lexicon, hops: int, keys: Optional[dict] = None) -> bool:
    """Is noun ``t`` named by a verb in a reading that codes no event, through its prepositions ("warned
    *of killings* by X", "warned of an escalation *of attacks*"): then what it names did not happen
    either (news GUIDELINES §2). A preposition that only sets the scene does not ("fled *despite*
    offensives by the army": the offensives happened)."""
    for _ in range(hops):
        if t.dep_ != "pobj" or t.head.dep_ != "prep" or t.head.lower_ in lex.cue_words.time_setting_preps:
            return False
        t = t.head.head
        if t.pos_ == "VERB":
            sense, _, _ = _verb_reading(t, lex, keys=keys)
            return sense is not None and sense.no_event or lex.cues is not None and warning_about(t, lex.cues)
    return False


#: where a gerund stands as a noun: as a subject or an object, never a clause of its own
GERUND_NOUN_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")


def is_gerund_noun(t, lex: Lexicon) -> bool:
    """A gerund in a noun's place with no subject or object of its own whose form is a nominal
    trigger ("*Fighting* between the army and the rebels killed dozens", "condemned the *shelling*");
    not "after *attacking* the base" (an object: a clause)."""
    return (t.tag_ == "VBG" and t.dep_ in GERUND_NOUN_DEPS and t.lower_ in lex.nouns
            and not any(c.dep_ in ("nsubj", "dobj", "nsubjpass", "aux") for c in t.children))


#: the clause links through which a denial governs the act it denies ("denied *targeting* civilians or
#: *committing* war crimes", "denied that its forces had *launched* an attack")
DENIAL_LINKS = ("ccomp", "xcomp", "pcomp", "conj", "dobj")


def is_relation_participle(t, cues: EventCues) -> bool:
    """A participle restricting a noun that states a standing relation ("militias *backed* by Iran",
    "the Rwanda-*backed* M23"): a relation, not an act. One set off by a comma describes the act
    ("the Assad government, *supported* by Russia, ..."), and stays an event."""
    if t.lemma_.lower() not in cues.relation_participles:
        return False
    if _reduced_relative(t) or _relation_clause(t):
        return True
    if t.dep_ not in ("acl", "amod", "compound"):
        return False
    if t.tag_ != "VBN" and not (t.tag_ == "VBG" and t.dep_ == "acl") and not (t.tag_ == "VBD" and t.dep_ != "acl"):
        return False   # a past form as a modifier is a participle the tagger missed ("Russian *backed* groups")
    return not (t.dep_ == "acl" and t.i > 0 and t.doc[t.i - 1].text == ",")


def is_attribution_participle(t, cues: EventCues) -> bool:
    """A participle that puts an act on its doer ("violence *blamed on* drug gangs", "attacks *attributed
    to* the ADF"), with no "by" phrase naming who blames: with no accuser in the sentence either (the
    events stage asks), it names the act's doer and accuses no one (news GUIDELINES §9: ACCUSE only for
    an explicit accusation); "an attack blamed on IS, security sources said" is the sources'
    accusation."""
    return (t.lemma_.lower() in cues.attribution_participles and t.dep_ == "acl" and t.tag_ == "VBN"
            and not children(t, "agent"))


def _relation_clause(t) -> bool:
    """A passive relative clause that states the relation in full ("the LNA, *which was supported by*
    Russia", "the M23, which Kinshasa charges *is backed by* Rwanda"), with no time of its own: the
    relation the participle states ("the Russia-backed LNA"), not an act done at some time. (An active
    one tells what its subject does: "oil sales, which *fund* its regional activities".)"""
    return t.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in t.children) \
        and not any(x.ent_type_ in ("DATE", "TIME") for x in t.subtree)


def _reduced_relative(t) -> bool:
    """A participle the parser made a clause of its noun ("as forces *opposed* to it, including ...,
    have launched ...": "forces" its subject): a past participle with a subject but no auxiliary and no
    object cannot head a clause, so it restricts that noun."""
    return (t.tag_ == "VBN" and t.dep_ in ("advcl", "ccomp", "relcl") and bool(children(t, "nsubj"))
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in t.children))


def names_a_thing(t, lex: Lexicon) -> bool:
    """An act noun used as a modifier of a noun that is no act ("police in *riot* gear", "the main
    *protest* site", "a *strike* force"): it names a thing, not an event."""
    if t.dep_ != "compound" or t.head.i == t.i:
        return False
    head = t.head.lemma_.lower()
    carriers = lex.cues.carrier_nouns if lex.cues is not None else frozenset()
    return head not in lex.nouns and head not in carriers


def frames_no_act(v, cues: EventCues) -> bool:
    """Does frame verb ``v`` govern only speech about the matter ("declined *to comment*", "refused
    *to elaborate*", "declined *to give his full name*", "refused to provide *details*")?"""
    comps = [c for c in v.children if c.dep_ == "xcomp"]
    return bool(comps) and all(c.lemma_.lower() in cues.non_act_complements or _gives_only_word(c, cues)
                               for c in comps)


def _gives_only_word(comp, cues: EventCues) -> bool:
    """Is the complement's object a piece of information ("to give *his name*", "to provide *details*")?"""
    objs = [o for o in comp.children if o.dep_ == "dobj"]
    return bool(objs) and all(o.lemma_.lower() in cues.non_act_objects for o in objs)


def frame_without_content(v, cues: EventCues) -> bool:
    """A verb that frames an act only with a complement ("push *for* talks", "pushed Iran *to*
    negotiate", "failed *to* agree") standing without one ("the rebels are pushing south", "he will
    fail")."""
    if v.lemma_.lower() not in cues.frame_only_verbs:
        return False
    return not any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for")
                   or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children))
                   for c in v.children)


def warning_about(t, cues: EventCues) -> bool:
    """A warning *of* or *about* something others may do or that may happen ("the White House warned
    *of attacks* by Hamas", "issued a warning *about* attacks on aid workers") is no threat by the
    warner (news GUIDELINES §2); one of consequences it would impose is ("warned *of serious
    consequences*": ``threat_objects``), and so is one with a clause ("warned that it would ...")."""
    if t.lemma_.lower() not in cues.warning_words or any(c.dep_ in ("ccomp", "xcomp") for c in t.children):
        return False
    objs = [p for c in t.children if c.dep_ == "prep" and c.lower_ in cues.warning_about_preps
            for p in c.children if p.dep_ == "pobj"]
    return bool(objs) and not any(p.lemma_.lower() in cues.threat_objects for p in objs)


def prohibited(t, cues: EventCues) -> bool:
    """Is ``t`` the act a prohibition keeps someone from ("barring Chinese institutions *from
    contacting* or *cooperating* with them", "were prevented from *meeting*": ``prohibition_verbs``)?
    It is not done: the prohibition is the act, its content codes nothing."""
    for v in [t, t.head] if t.dep_ == "conj" else [t]:
        p = v.head
        if v.dep_ == "pcomp" and p.dep_ == "prep" and p.lower_ == "from" and p.head.i != p.i \
                and p.head.lemma_.lower() in cues.prohibition_verbs:
            return True
    return False


def effort_without_addressee(v, cues: EventCues) -> bool:
    """A request verb that names no one asked and only an act the subject strives for is an effort,
    no request ("government forces are *pushing to retake* the city", "work which *seeks to ensure*
    humane treatment"): not "pressed Iran to negotiate" (whom), not "seeks talks" (what is asked), not
    "seeking *to be relocated*" (a passive: others are asked to act)."""
    comps = [c for c in v.children if c.dep_ == "xcomp"]
    return (v.lemma_.lower() in cues.effort_verbs and bool(comps)
            and not any(a.dep_ == "auxpass" for c in comps for a in c.children)
            and not any(c.dep_ in ("dobj", "nsubjpass") for c in v.children))


def under_denial(c: Candidate, modality_cues=None, *, hops: int) -> bool:
    """Is ``c``'s act the content of a denial ("Rwanda *denied* supporting the rebels")? Followed up
    from the act (or its light verb) through at most ``hops`` clause links (:data:`DENIAL_LINKS`)."""
    if modality_cues is None:
        modality_cues = load_cues()
    t = c.light if c.light is not None else c.trigger
    for _ in range(hops):
        if t.dep_ not in DENIAL_LINKS or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in modality_cues.denial_verbs:
            return True
    return False


def denied_content(c: Candidate, modality_cues=None) -> bool:
    """Is ``c``'s act the content of something denied ("the army *denied* reports *that* it had shelled a
    village", "denied allegations that its troops looted"): a clause on a noun ("reports that ...") that
    a denial verb takes as its object? Not negated by the parse, and not asserted either."""
    if modality_cues is None:
        modality_cues = load_cues()
    t = c.trigger
    if t.dep_ != "acl" or not any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children):
        return False
    noun = t.head
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in modality_cues.denial_verbs


def in_doubt(c: Candidate, cues: EventCues, modality_cues=None, hops: int = 6) -> bool:
    """Is ``c``'s act only put in question, neither told nor denied: in a "whether" clause ("it was not
    clear *whether* they died in Israeli strikes"), the matter of a confirmation that is lacking ("there
    was *no* confirmation *of* Thursday's attack") or of one withheld ("could neither confirm nor deny
    that its strikes caused ...")? (``doubt_marks``, ``confirmation_words``; news GUIDELINES §2: what
    the text does not state is no event.) The confirmation is withheld when the modality stage's
    :func:`~sitrep.lang.modality.negation_cue` finds it negated."""
    if modality_cues is None:
        modality_cues = load_cues()
    t = c.light if c.light is not None else c.trigger
    for _ in range(hops):
        if any(m.dep_ == "mark" and m.lower_ in cues.doubt_marks for m in t.children) or _feared(t, cues):
            return True
        if t.lemma_.lower() in cues.confirmation_words and negation_cue(t, modality_cues) is not None:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _feared(t, cues: EventCues) -> bool:
    """Is clause ``t`` the content of a fear or a guess ("raising *fears* they were *abducted*",
    "*speculation* that the army had *shelled* the town": ``doubt_nouns``)? What is feared is not told."""
    return t.dep_ in ("acl", "ccomp") and t.head.i != t.i and t.head.pos_ == "NOUN" \
        and t.head.lemma_.lower() in cues.doubt_nouns


# -- frames and protest topics ------------------------------------------------------------------------

def embedded_acts(frames: list[Candidate], by_tok: dict, cues: EventCues) -> dict[int, Candidate]:
    """The acts in the content of each frame ("agreed *to resume talks*"): the candidates inside a
    complement of the frame's trigger (``FRAME_CONTENT_DEPS``, not a preposition that only sets the
    scene: ``cues.frame_setting_preps``, nor a clause that sets its time), but not inside a relative
    clause below that complement. Marks them suppressed (unless the frame asserts them: ``cues.asserting_frame_types``) and returns, by
    ``id(frame)``, the nearest one (by token distance, then by complement, then in the complement's
    subtree order).

    Each candidate walks up from its trigger once, at most :data:`~sitrep.limits.MAX_TREE_WALK` steps,
    stopping at a relative clause or a time-setting preposition (``cues.time_setting_preps``), instead
    of each frame walking its complements' subtrees and each of their tokens walking up again to look
    for a relative clause (cubic in a long sentence)."""
    owners: dict[int, list] = {}     # complement token index -> [(frame, complement number)]
    for f in frames:
        comp = [ch for ch in f.trigger.children if ch.dep_ in FRAME_CONTENT_DEPS
                and not (ch.dep_ == "prep" and ch.lower_ in cues.frame_setting_preps) and not _time_clause(ch, cues)]
        for n, ch in enumerate(comp):
            owners.setdefault(ch.i, []).append((f, n))
    best: dict[int, tuple] = {}      # id(frame) -> (distance, complement number, complement token, act)
    for i, e in by_tok.items():
        t = e.trigger
        for _ in range(limits.MAX_TREE_WALK):
            for f, n in owners.get(t.i, ()):
                if e is not f:
                    e.suppressed = e.suppressed or f.sense.type.lower() not in cues.asserting_frame_types
                    _keep_nearest(best, f, (abs(i - f.trigger.i), n), t, e)
            if t.dep_ == "relcl" or t.head.i == t.i or t.dep_ == "prep" and t.lower_ in cues.time_setting_preps:
                break
            t = t.head
    return {k: v[3] for k, v in best.items()}


def _time_clause(ch, cues: EventCues) -> bool:
    """An adverbial clause that sets the frame's time ("agreed to a ceasefire *after* the army launched an
    offensive"): what it tells happened, it is no content of the frame."""
    return ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.time_setting_preps for m in ch.children)


def _keep_nearest(best: dict, f: Candidate, key: tuple, top, e: Candidate) -> None:
    """Keep act ``e`` (under complement ``top``) as the nearest of frame ``f`` when it is nearer than
    the one kept (``key``: distance, complement number), or as near and earlier in ``top``'s subtree."""
    old = best.get(id(f))
    if old is None or key < old[:2] or key == old[:2] and _earlier_in_subtree(top, e, old[3]):
        best[id(f)] = (*key, top, e)


def _earlier_in_subtree(top, a: Candidate, b: Candidate) -> bool:
    """Does ``a``'s trigger come before ``b``'s in ``top.subtree``? (Two acts as far from their frame
    on both sides of it, in one complement: only in a non-projective parse.)"""
    for t in top.subtree:
        if t.i == a.trigger.i:
            return True
        if t.i == b.trigger.i:
            return False
    return False


def protest_topics(cands: list[Candidate], hops: int, cues: EventCues) -> None:
    """What a protest demands or denounces ("rallied to demand reforms": ``cues.protest_topic_types``)
    is its topic, not an event of its own (PLOVER manual, PROTEST): such candidates are suppressed."""
    heads = set()
    for c in cands:
        if c.sense.type == "PROTEST" and not c.suppressed:
            heads.update(h.i for h in c.heads)
    if not heads:
        return
    for c in cands:
        if c.sense.type.lower() not in cues.protest_topic_types or c.kind != "verbal":
            continue
        h = c.trigger
        for _ in range(hops):
            if h.dep_ in ("advcl", "xcomp", "acl", "relcl", "pcomp", "prep", "pobj") and h.head.i in heads:
                c.suppressed = True
                break
            if h.head.i == h.i:
                break
            h = h.head
