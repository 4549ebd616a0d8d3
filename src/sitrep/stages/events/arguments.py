"""The arguments of a candidate: its source (who acts) and target (who undergoes the act).

* **Verbs**: the source is the subject (or the ``by`` agent of a passive, or the controller of an
  infinitive: "prompted the US military to reach out" -> the US military); the target is the object
  or a prepositional phrase (on/against/with/to/...). A matched object that is the resource of the
  act ("deployed troops", "lifted sanctions") is not the target: its "on"/"against" phrase is ("lift
  sanctions on X").
* **Nouns** take their possessor or ``by`` phrase as source ("Hamas's capture", "the assault by
  Russian forces") and ``on/against/of`` as target; "talks between X and Y" make X and Y act together;
  a light verb's subject is the source of its noun ("Israel carried out strikes").
* **Adjectives** take their subject ("Iran is willing to ...") and their preposition's object.
* **Frames** take their target from their content ("demanded that the US cancel its plans" -> the US).
* **A state's act reported by one acting for it** takes the reporter as source ("the Treasury said the
  United States would impose sanctions" -> the Treasury; news GUIDELINES §9, the named official).

Coordinated actors ("supported by Russia, Iran and Hezbollah") give one event each later, when the
tokens become mentions (:meth:`~.context.ArticleContext.refs`).
"""

from __future__ import annotations

from ... import limits
from ...lang.casing import singular
from .argument_cues import argument_cues
from .classify import candidate_mode
from .context import ArticleContext
from .grammar import SUBJ_DEPS, children, conj_root, conjuncts, is_passive, pobjs, subjects
from .lexicon import EventCues
from .model import Candidate
from .triggers import carrier_of, embedded_acts, noun_sense, verb_sense


def prep_targets(head, preps, exclude=()) -> list:
    """The objects of ``head``'s prepositions in ``preps`` ("imposed sanctions *on Iran*") and its
    indirect objects ("gave *Kyiv* missiles"); "on Tuesday" is a time, never a recipient."""
    out = []
    for c in head.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps and c not in exclude:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(_undated(p))
                elif p.dep_ == "pcomp":
                    out.extend(_participle_object(p))
        elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(c)
    return out


def _participle_object(p) -> list:
    """The object of a preposition the parser read as the subject of a participle clause under it
    ("fired tear gas *at protesters* marching against ...": "marching" as the preposition's clause,
    "protesters" as its subject): that subject; the participle's own act keeps it as its subject."""
    if p.tag_ != "VBG":
        return []
    return [s for s in p.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")][:1]


def _undated(p) -> list:
    """``p`` unless it is a date; a name the parser hung on the date ("on *Gaza* Monday": "Gaza" as a
    compound of "Monday") is the object."""
    if p.ent_type_ not in ("DATE", "TIME"):
        return [p]
    return [c for c in p.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME")]


def _agents(v) -> list:
    """The objects of a passive's "by" phrase ("was struck *by Russian jets*")."""
    return [p for a in children(v, "agent") for p in pobjs(a)]


def _conjoined_passive(v) -> bool:
    """A participle sharing a passive's auxiliary and subject ("were chased and *beaten* by ...")."""
    return v.dep_ == "conj" and v.tag_ == "VBN" and is_passive(v.head) and not children(v, "nsubj", "dobj")


def _agentive_participle(v) -> bool:
    """A past participle with its own "by" phrase that the parser did not read as a passive ("killed
    five soldiers in a town recently *re-captured by the government*": hung on the main verb as its
    conjunct): the by-phrase does the act, not the main clause's subject."""
    return v.tag_ == "VBN" and not children(v, "nsubj", "dobj") and bool(_agents(v))


def _shared_agents(v) -> list:
    """The "by" phrase of a passive, or of the passive participles it is coordinated with ("were
    *chased* and beaten by Taliban fighters": the fighters chased them too)."""
    own = _agents(v)
    if own:
        return own
    if _conjoined_passive(v):
        return _agents(v.head) or [p for c in v.head.children
                                   if c.dep_ == "conj" and c.i != v.i and _conjoined_passive(c) for p in _agents(c)]
    return [p for c in v.children if c.dep_ == "conj" and _conjoined_passive(c) for p in _agents(c)]


def _act_noun_doer(ctx: ArticleContext, n) -> list:
    """Who did the act noun ``n`` a participle hangs on ("al-Shabaab carried out two *explosions*
    targeting civilians" -> al-Shabaab): the subject of the verb taking it as object, when ``n`` is
    an act or a weapon and names no actor itself; else nothing."""
    if ctx.mention_for(n) is not None:
        return []
    if n.lemma_.lower() not in ctx.lex.nouns and not is_instrument(n, ctx.cues):
        return []
    if n.dep_ != "dobj" or n.head.pos_ != "VERB":
        return []
    return subjects(n.head, ctx.cues)[0]


def _any_actor(ctx: ArticleContext, toks) -> bool:
    """Does any of ``toks`` name an actor?"""
    return any(ctx.mention_for(t) for t in toks)


# -- verbs ----------------------------------------------------------------------------------------------

def verbal_args(ctx: ArticleContext, c: Candidate) -> None:
    """Source and target of a verbal candidate ("Russia struck Kyiv", "Kyiv was struck by Russia",
    "Qatar hosted a delegation from Iran": the host is the recipient)."""
    v = c.trigger
    if _aimed_participle(c):
        c.sources, c.source_how = [v.head], "subj"   # "four gunmen, whom ..., fired at tourists"
        c.targets = prep_targets(v, c.sense.preps)[:1]
    elif is_passive(v) or _conjoined_passive(v) or _agentive_participle(v):
        c.sources, c.source_how = _shared_agents(v), "agent"
        if v.dep_ == "acl" and v.tag_ == "VBN":
            c.targets = weapon_landing(ctx, v.head) or [v.head]
        else:
            c.targets = children(v, "nsubjpass") or children(v.head, "nsubjpass")
        if not c.sources and v.dep_ not in ("acl", "relcl") and c.sense.type.lower() in ctx.acues.self_moving_types:
            c.sources, c.source_how, c.targets = c.targets, "subj", []   # "troops were rushed to the border"
    else:
        c.sources, c.source_how = subjects(v, ctx.cues)
        c.targets = _active_targets(ctx, c)
        if v.dep_ == "acl" and v.tag_ == "VBG":
            c.sources = _act_noun_doer(ctx, v.head) or c.sources
    if not _any_actor(ctx, c.targets):
        c.targets = taken_from(ctx, v) + c.targets
    c.targets = grievance_target(ctx, c) or c.targets
    if c.source_how != "subj":
        c.sources, c.targets = _between_below(ctx, v, c.sources, c.targets)
    if c.sense.subject_is_target:
        frm = prep_targets(v, ctx.cues.reversed_source_preps)
        c.sources, c.targets = (c.targets or frm), c.sources


def grievance_target(ctx: ArticleContext, c: Candidate) -> list:
    """Whom a grievance is about ("complained to the United Nations *over two Israeli air raids*" ->
    Israel, "protested to Ankara *about its troops*"): an actor named in its ``grievance_preps`` phrase,
    or the doer of what is named there (its possessor, its "by" phrase or participle's agent, its actor
    modifier: "an investigation into crimes *committed by Croat forces*"); empty when none, or for other
    types."""
    if c.sense.type.lower() not in ctx.acues.grievance_types:
        return []
    heads = [c.trigger] + children(c.trigger, "dobj")   # "opened an investigation *into* ..."
    for o in (x for h in heads for x in prep_targets(h, ctx.acues.grievance_preps)):
        if ctx.mention_for(o) is not None:
            return [o]
        doers = [d for d in _own_sources(ctx, o) if ctx.mention_for(d) is not None]
        if doers:
            return doers
    return []


def weapon_landing(ctx: ArticleContext, n) -> list:
    """What a weapon fired by someone hit, named by the weapon's own verb ("Katyusha rockets believed to
    have been fired by ISIS militants *landed near the bases of Peshmerga forces*", "shells fired by the
    RSF *struck a market*"): that verb's objects and its ``landing_preps`` objects, when the weapon
    ``n`` is its subject; else empty."""
    if not is_instrument(n, ctx.cues) or n.dep_ != "nsubj" or n.head.pos_ != "VERB":
        return []
    w = n.head
    return children(w, "dobj") + prep_targets(w, ctx.acues.landing_preps)


def taken_from(ctx: ArticleContext, v) -> list:
    """Whom a verb of taking takes from ("the base had been recaptured *from Al-Shabaab*", "seized
    the town from the army"): the actors of its "from" phrase."""
    ac = ctx.acues
    if v.lemma_.lower() not in ac.taking_verbs:
        return []
    return [t for t in prep_targets(v, ac.taking_preps) if ctx.mention_for(t) is not None]


def _aimed_participle(c: Candidate) -> bool:
    """A participle after its noun with no "by" agent but with its sense's own target preposition
    ("gunmen ... *fired at* dozens of tourists", "rockets *fired at* Israel"): the noun fired, at
    the preposition's object (not a passive whose noun is the victim)."""
    v = c.trigger
    return (v.dep_ == "acl" and v.tag_ == "VBN" and bool(c.sense.preps) and not _agents(v)
            and bool(prep_targets(v, c.sense.preps)))


def _resource_lemmas(sense, objs, cues: EventCues) -> frozenset:
    """The object lemmas that are the resource of the act, not its recipient: the sense's matched
    objects ("lifted *sanctions*"), except for acts done to someone (``cues.person_object_types``); every
    object of a deployment (``cues.force_object_types``); the actor's own force ("offered *its troops*");
    a weapon or platform launched ("launched *drones* at the port")."""
    typ = sense.type.lower()
    thing = (sense.objects or frozenset()) if typ not in cues.person_object_types else frozenset()
    if typ in cues.force_object_types:
        thing = frozenset(o.lemma_.lower() for o in objs)
    own = frozenset(o.lemma_.lower() for o in objs if _own_force(o))
    return thing | own | frozenset(o.lemma_.lower() for o in objs if is_instrument(o, cues))


def _own_force(o) -> bool:
    """Is object ``o`` the actor's own force or means, named with a possessive pronoun ("offered *its
    troops* to ...", ``own_force_nouns``)?"""
    return o.lemma_.lower() in argument_cues().own_force_nouns and any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in o.children)


def is_instrument(tok, cues) -> bool:
    """Is ``tok`` a weapon or the platform that carries one ("a drone", "a transport jet", "shells")?
    Not when a modifier makes a platform word a person ("a *suicide* bomber"); a weapon stays one ("a
    *suicide* car bomb exploded"). A capitalised plural the tagger left unlemmatised ("*Drones*
    deployed to ...", read as a name) is read without its "s"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and lemma.endswith("s") and lemma == tok.lower_:
        lemma = lemma[:-1]
    if lemma in cues.weapon_nouns:
        return True
    if lemma not in cues.instrument_nouns:
        return False
    mods = argument_cues().person_instrument_modifiers
    return not any(c.dep_ in ("compound", "amod") and c.lower_ in mods for c in tok.children)


def operators(ctx: ArticleContext, toks) -> list:
    """The argument tokens with every instrument replaced by its operator: the agent of a participle on
    it ("shells fired by the RSF" -> the RSF), a modifier or possessor naming an actor ("Russian jets" ->
    Russian, "the army's drones" -> army), or nothing ("a transport
    jet bombed the town": no source; an instrument is never a party). An instrument the actors stage
    resolved to its operator through a modifier ("Russian jets" -> Russia's military) stays; a bare
    one ("Drones ... carried out bombings") does not, whatever country the actors stage gave it; nor
    does a name nothing but the tagger knows ("*Pager* devices exploded": a product, not an operator)."""
    out = []
    for t in toks:
        inst = is_instrument(t, ctx.cues)
        fired_by = [a for a in _participle_agents(ctx, t) if ctx.mention_for(a) is not None] if inst else []
        if fired_by:   # "shells *fired by the RSF* struck a market": the participle's agent operates it
            out.extend(fired_by)
            continue
        own = ctx.mention_for(t) if inst else None
        if own is None:
            out.append(t)
            continue
        ops = []
        for c in t.children:
            m = ctx.mention_for(c) if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < t.i else None
            if m is not None and not (m.start <= t.idx < m.end) and not is_instrument(c, ctx.cues) and _known_operator(ctx, m):
                ops.append(c)
        named = any((c.ent_type_ in ctx.config.operator_entity_labels and _known_operator(ctx, ctx.mention_for(c)))
                    or _agent_word(ctx, c, own) for c in t.children if c.i < t.i)
        if ops or named or (own.start < t.idx and _has_operator(ctx, own.actor_id)):
            out.extend(ops or [t])   # "Jordanian jets" names its operator
    return out


def issuers(ctx: ArticleContext, toks) -> list:
    """The source tokens with every document that names no actor replaced by its issuer
    (``document_nouns``: "the ministry issued a *statement* instructing hospitals" -> the ministry; "the
    council's *resolution* demands" -> the council): its possessor or "by" phrase, else the subject of
    the issuing verb it is the object of; the document itself when neither names an actor."""
    out = []
    for t in toks:
        if t.lemma_.lower() not in ctx.acues.document_nouns or ctx.mention_for(t) is not None:
            out.append(t)
            continue
        own = [p for p in t.children if p.dep_ == "poss"] + [
            p for a in t.children if a.dep_ in ("prep", "agent") and a.lower_ == "by" for p in pobjs(a)]
        if not own and t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in ctx.acues.issuing_verbs:
            own = _agents(t.head) if t.dep_ == "nsubjpass" else subjects(t.head, ctx.cues)[0]
        named = [p for p in own if ctx.mention_for(p) is not None]
        out.extend(named or [t])
    return out


def _known_operator(ctx: ArticleContext, m) -> bool:
    """May the mention ``m`` (``None``: a name no mention covers) name an instrument's operator? Not a
    name the actors stage only guessed to be an organisation, not in the KB ("*Pager* devices": a
    product); a KB actor, a state, an armed group, a demonym or an agent word may."""
    if m is None or m.how != "name" or ctx.actor_kb.get(m.actor_id, False):
        return True
    return ctx.actor_kind.get(m.actor_id) != "organization"
def named_as(ctx: ArticleContext, toks) -> list:
    """The argument tokens with a noun that a participle names replaced by that name ("the informal
    Amhara militia *known as Fano*" -> Fano, "an armed group *called* M23" -> M23), when the name is an
    actor's mention."""
    out = []
    for t in toks:
        names = [n for a in t.children if a.dep_ == "acl" and a.lemma_.lower() in ctx.acues.naming_participles
                 for n in children(a, "oprd") + [p for x in a.children if x.dep_ == "prep" and x.lower_ == "as"
                                                 for p in pobjs(x)]]
        named = [n for n in names if ctx.mention_for(n) is not None]
        out.append(named[0] if named else t)
    return out


def listed_members(ctx: ArticleContext, toks) -> list:
    """The argument tokens with a group that is people in general or names no actor replaced by the
    actors listed as its members ("injured 28 people, *including police*" -> police, "sanctions on five
    firms, including Sepehr Energy" -> Sepehr Energy); a group without such members stays, and so does
    one coordinated with actors ("two organizations and 32 Iranians, including ...": the parser may hang
    the list on either)."""
    out = []
    for t in toks:
        m = ctx.mention_for(t)
        named = (m is not None and not generic_people(ctx, m)) or _any_actor(ctx, conjuncts(t)[1:])
        members = [] if named else [
            x for p in t.children if p.dep_ == "prep" and p.lemma_.lower() in ctx.acues.member_list_words
            for o in pobjs(p) for x in conjuncts(o) if ctx.mention_for(x) is not None]
        out.extend(members or [t])
    return out


def _agent_word(ctx: ArticleContext, c, own) -> bool:
    """A modifier of an instrument inside the instrument's own mention that names its operator by a
    common noun ("*coalition* warplanes", "*police* helicopters")."""
    return c.dep_ in ("compound", "nmod") and c.lemma_.lower() in ctx.cues.fallback_agent_nouns \
        and c.lemma_.lower() not in ctx.cues.instrument_nouns and own.start <= c.idx < own.end


def _has_operator(ctx: ArticleContext, actor_id: str) -> bool:
    """Did the actors stage tie the instrument's actor to a state or organisation ("Russian jets" ->
    Russia's military, of Russia)? Looked up only for instruments."""
    return ctx.actor_anchored.get(actor_id, False)


def is_symmetric(ctx: ArticleContext, c: Candidate) -> bool:
    """Is the act symmetric (its trigger word or lemma among the symmetric lemmas: "talks", "clash")?"""
    lemmas = ctx.cues.symmetric_lemmas
    return c.trigger.lemma_.lower() in lemmas or c.trigger.lower_ in lemmas or done_together(ctx, c)


def done_together(ctx: ArticleContext, c: Candidate) -> bool:
    """Is ``c`` a joint act of a type the parties do with each other (``joint_act_types``), said so by a
    joint adverb on its trigger ("the South Korean, US and Japanese militaries are *working together*",
    "the two ministers *jointly* chaired": ``joint_adverbs``)? Its coordinated parties are then source
    and targets of one another, as for "talks"."""
    if c.sense.type.lower() not in ctx.acues.joint_act_types:
        return False
    return any(a.dep_ == "advmod" and a.lower_ in ctx.acues.joint_adverbs for a in c.trigger.children)


def symmetric_parties(ctx: ArticleContext, c: Candidate, sources: list, targets: list) -> tuple[list, list]:
    """A symmetric act with two or more parties as sources ("fighting between the army and the RSF",
    "Iran and Saudi Arabia agreed to ..."): one event, the first party the source and the others the
    targets, in the order of the text (guidelines 3). Its own targets win, unless they only come from
    a frame's complement ("Iran and Saudi Arabia agreed to reopen embassies": Saudi Arabia)."""
    if (targets and not c.sense.frame) or len(sources) < 2 or not is_symmetric(ctx, c):
        return sources, targets
    parties = sorted(sources, key=lambda m: m.start)
    return parties[:1], parties[1:]


def party_pairs(ctx: ArticleContext, c: Candidate, sources: list, targets: list) -> list[tuple]:
    """The (source, target) pairs of an act: every source with every target but itself (with none
    when no other is left); with a reciprocal and
    no target ("Armenia and Azerbaijan ... pledging to respect *each other's* integrity") each party
    towards each other; a symmetric act within one plural party ("fighting between rebel groups")
    that party towards itself."""
    if not targets and len(sources) >= 2 and is_reciprocal(ctx, c):
        return [(s, t) for s in sources for t in sources if s.actor_id != t.actor_id]
    if not targets and len(sources) == 1 and within_one_party(ctx, c, sources[0]):
        return [(sources[0], sources[0])]
    if not sources:
        return [(None, t) for t in (targets or [None])]
    out = []
    for s in sources:   # an actor is never its own target ("X and Y attacked X": only Y -> X)
        own = [t for t in targets if t.actor_id != s.actor_id]
        if own or all(t.actor_id != s.actor_id for t in targets):
            out += [(s, t) for t in (own or [None])]
    return out or [(s, None) for s in sources[:1]]


def is_reciprocal(ctx: ArticleContext, c: Candidate) -> bool:
    """Does the clause of the trigger say "each other" / "one another" (a reciprocal word after
    "each" or "one")?"""
    words = ctx.acues.reciprocal_words
    t = c.trigger
    doc = t.doc
    for x in doc[t.left_edge.i:t.right_edge.i + 1]:
        if x.lower_ in words and x.i > 0 and doc[x.i - 1].lower_ in ("each", "one"):
            return True
    return False


def within_one_party(ctx: ArticleContext, c: Candidate, source) -> bool:
    """A symmetric act "between" one plural party ("fighting between rebel groups"): both sides
    belong to it."""
    t = c.trigger
    if not is_symmetric(ctx, c):
        return False
    between = [p for a in t.children if a.dep_ == "prep" and a.lower_ == "between" for p in pobjs(a)]
    if len(between) != 1 or len(conjuncts(between[0])) != 1 or between[0].tag_ not in ("NNS", "NNPS"):
        return False
    m = ctx.mention_for(between[0])
    return m is not None and m.actor_id == source.actor_id


def _object_targets(ctx: ArticleContext, sense, objs, thing) -> list:
    """The targets read from the verb's objects: an object naming an actor ("expelled the
    ambassador"), the owner of a person object ("expelled two Russian diplomats"), or the recipient
    named after a resource object ("lift sanctions on X", "rejected X's proposal", "rejected calls by X")."""
    targets = []
    media = sense.type.lower() in ctx.acues.media_target_types   # "suspended the BBC radio stations"
    for o in objs:
        m = ctx.mention_for(o, media=media)
        owned = m is not None and m.end <= o.idx   # a modifier names the owner: "Voice of America radio *stations*"
        if owned and (o.lemma_.lower() not in thing or sense.type.lower() in ctx.cues.object_owner_types):
            owners = [c for c in o.children if c.dep_ in ("nmod", "compound", "poss", "amod")
                      and ctx.mention_for(c, media=media) is not None]
            targets.extend(owners or [o])   # "the BBC and Voice of America radio stations": both
        elif o.lemma_.lower() not in thing and m is not None:
            targets.append(o)
        elif m is not None and sense.type.lower() in ctx.cues.object_owner_types and not (m.start <= o.idx < m.end):
            targets.append(o)
        else:
            targets.extend(prep_targets(o, ctx.cues.object_recipient_preps))
            targets.extend(p for p in o.children if p.dep_ == "poss")
    return targets


def _active_targets(ctx: ArticleContext, c: Candidate) -> list:
    """The targets of an active verb: indirect object, objects, target prepositions; else a state
    named where the act is done ("lifted the curfew in Montenegro"); else an "against" phrase anywhere
    in the clause."""
    v, s, particle = c.trigger, c.sense, c.particle
    cues = ctx.cues
    objs = children(v, "dobj")
    if particle is not None and particle.dep_ == "prep":
        objs = objs or pobjs(particle)
    objs = [_relative_antecedent(v, o, cues) for o in objs or shared_objects(v)]
    thing = _resource_lemmas(s, objs, cues)
    objs = [o for o in objs if o.lemma_.lower() not in thing] + [o for o in objs if o.lemma_.lower() in thing]
    dat = [d for d in v.children if d.dep_ == "dative" and d.pos_ in ("NOUN", "PROPN", "PRON")]
    targets = dat + _object_targets(ctx, s, objs, thing)
    exclude = (particle,) if particle is not None and particle.dep_ == "prt" else ()
    targets.extend(prep_targets(v, s.preps or ctx.lex.target_preps, exclude=exclude))
    if not targets and objs:
        targets = [o for o in objs if o.lemma_.lower() not in thing]
    if not _any_actor(ctx, targets):
        targets += _inner_recipients(ctx, objs, targets, s.preps or ctx.lex.target_preps)
    crowd = any(is_crowd(ctx, o) for o in objs)   # "disperse a protest in the Afghan capital": the protesters
    if crowd and not _any_actor(ctx, targets):
        targets += [o for o in objs if is_crowd(ctx, o)]   # for crowd_target ("a women's protest")
    if not _any_actor(ctx, targets) and not crowd:
        loc = prep_targets(v, cues.state_recipient_preps)
        for o in objs:
            loc += prep_targets(o, cues.state_recipient_object_preps)
        targets += [t for t in loc if ctx.is_state_like(t)]
    if not _any_actor(ctx, targets):
        targets += targeting_objects(ctx, [v] + objs)
    if not _any_actor(ctx, targets) and not crowd:
        targets += against_anywhere(ctx, v)   # (a crowd object is the protesters: crowd_target)
    return targets


def _relative_antecedent(v, o, cues: EventCues):
    """The noun a relative clause hangs on for its object relative pronoun ("a commander *whom* troops
    captured", "the region, *which* Azerbaijan recaptured": the commander, the region), else ``o``."""
    if o.dep_ == "dobj" and o.lower_ in cues.relative_pronouns and v.dep_ == "relcl":
        return v.head
    return o


def is_crowd(ctx: ArticleContext, tok) -> bool:
    """Does ``tok`` name a crowd or a protest ("the crowd", "a women's protest") and no actor?"""
    return tok.lemma_.lower() in ctx.acues.crowd_nouns and ctx.mention_for(tok) is None


def crowd_target(ctx: ArticleContext, c: Candidate) -> list:
    """The protesters an act done to a crowd or a protest is done to ("police used water cannons to
    disperse *the crowd*"): the article's protesters nearest before the act (a list of one mention,
    or empty). Not for a protest itself."""
    if c.sense.type == "PROTEST" or not any(is_crowd(ctx, t) for t in c.targets):
        return []
    held = ctx.protester_before(c.trigger.idx)
    return [held] if held is not None else []


def protest_force_target(ctx: ArticleContext, c: Candidate, sources: list) -> list:
    """The protesters a security force's act with no target is done to, in an article that named them
    before the act ("police also used live ammunition"): a list of one mention, or empty. The source
    must be a security force (its last word among ``protest_force_nouns``); a casualty verb is no use of
    force ("21 police officers injured")."""
    ac = ctx.acues
    if c.sense.type.lower() not in ac.protest_force_types or not sources:
        return []
    if c.trigger.lemma_.lower() in ctx.cues.casualty_lemmas:
        return []   # "with 21 police officers injured": the officers are hurt, not hurting
    if not any(_head_word(m.text) in ac.protest_force_nouns for m in sources):
        return []
    held = ctx.protester_before(c.trigger.idx)
    if held is None or held.start >= c.trigger.idx:
        return []
    return [held]


def _head_word(text: str) -> str:
    """The last word of a mention's text, lower-cased, in the singular ("Iraqi security forces" ->
    "force", "authorities" -> "authority", "police" -> "police")."""
    words = text.lower().split()
    return singular(words[-1]) if words else ""


def answered_party(ctx: ArticleContext, c: Candidate, sources: list) -> list:
    """Whom an act answering another is done to ("the soldiers fired warning shots and the militants
    *fired back*", "soldiers *returned* fire"): the last doer of an act of its type before it, when that
    is another party (a list of one mention, or empty)."""
    t = c.trigger
    answers = t.lemma_.lower() in ctx.acues.response_verbs or any(
        a.dep_ in ("advmod", "prt") and a.lower_ in ctx.acues.response_adverbs and a.i > t.i for a in t.children)
    if c.sense.type.lower() not in ctx.acues.response_types or not answers:
        return []
    last = ctx.last_source.get(c.sense.type)
    if last is None or last.start >= c.trigger.idx or any(last.actor_id == s.actor_id for s in sources):
        return []
    return [last]


def referred_act_target(ctx: ArticleContext, c: Candidate, sources: list) -> list:
    """The target of an act that refers back to one told before: a definite act noun with no target
    of its own ("three militants carried out *the attack*") takes the last target of its type; a verb
    countering an act ("the army *repelled the assault*") takes the doer of that act (the noun's own
    "by" phrase or possessor, else the last source of the type). Only for an act with a doer (a bare "the
    protest" is a reference, no new act). A list of one mention, or empty."""
    ac = ctx.acues
    if sources and c.kind == "verbal" and c.sense.type.lower() in ac.act_judging_types:
        return judged_doer(ctx, c)
    if not sources or c.sense.type.lower() not in ac.act_anaphor_types:
        return []
    kind = c.sense.type
    t = c.trigger
    if c.kind == "verbal" and t.lemma_.lower() in ac.repel_verbs:
        for o in children(t, "dobj"):
            if o.lemma_.lower() not in ctx.lex.nouns:
                continue
            found = _doer_of_act(ctx, o, kind)
            if found:
                return found
        return []
    if c.kind != "verbal" and _refers_back(ctx, t) and kind in ctx.last_target:
        return [ctx.last_target[kind]]
    return []


def judged_doer(ctx: ArticleContext, c: Candidate) -> list:
    """The doer of the act a judging verb's object names ("the governor *condemned the attack*",
    "denounced the assault": ``act_judging_types``): the object's own doer, else -- for a definite act
    noun of an ``act_anaphor_types`` type -- the last source of its type. A list of one mention, or
    empty."""
    for o in children(c.trigger, "dobj"):
        sense = noun_sense(o, ctx.lex)
        if sense is None and o.lemma_.lower() in ctx.acues.act_reference_nouns:
            sense = ctx.last_act_sense   # "condemned *the incident*": the last act referred back to
        if sense is None or sense.type.lower() not in ctx.acues.act_anaphor_types:
            continue
        found = _doer_of_act(ctx, o, sense.type)
        if found:
            return found
    return []


def referred_doers(ctx: ArticleContext, c: Candidate, targets: list) -> list:
    """``targets`` with a definite noun for the doer of an act told before ("vowed to hunt down *the
    perpetrators*", "a manhunt for *the attackers*": ``doer_reference_nouns``) replaced by that doer: the
    source of the article's latest act of an ``act_anaphor_types`` type told before it."""
    out = list(targets)
    for t in c.targets:
        if t.lemma_.lower() not in ctx.acues.doer_reference_nouns or not definite_act(ctx, t):
            continue
        doer = _latest_doer(ctx, t)
        if doer is None:
            continue
        own = ctx.mention_for(t)
        out = [doer] + [m for m in out if own is None or m.actor_id != own.actor_id]
    return out


def _latest_doer(ctx: ArticleContext, t):
    """The source of the latest act of an ``act_anaphor_types`` type told before token ``t``, else
    ``None``."""
    acts = [ctx.last_act[k.upper()][0] for k in ctx.acues.act_anaphor_types if k.upper() in ctx.last_act]
    acts = [m for m in acts if m.start < t.idx]
    return max(acts, key=lambda m: m.start) if acts else None


def _doer_of_act(ctx: ArticleContext, o, kind: str) -> list:
    """Who did the act noun ``o``: its own "by" phrase or possessor, else the last source of type
    ``kind`` when ``o`` refers back to an act told before. A list of one mention, or empty."""
    own = ctx.refs(_own_sources(ctx, o))
    if own:
        return own[:1]
    if _refers_back(ctx, o) and kind in ctx.last_source:
        return [ctx.last_source[kind]]
    return []


def _refers_back(ctx: ArticleContext, n) -> bool:
    """Is the act noun ``n`` definite ("the attack", "this assault") with no prepositional phrase of
    its own (which would name its own parties; a time does not: "the attack *on Saturday*")?"""
    return definite_act(ctx, n) and not any(d.dep_ == "prep" and not _time_phrase(d) for d in n.children)


def _time_phrase(prep) -> bool:
    """Is ``prep``'s object a date or a time ("on Saturday", "in the night")?"""
    objs = pobjs(prep)
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


def definite_act(ctx: ArticleContext, n) -> bool:
    """Is the act noun ``n`` definite ("the attack", "this assault": a determiner in ``act_anaphor_dets``;
    not "its offensives", whose possessor names the doer)?"""
    return any(d.dep_ == "det" and d.lower_ in ctx.acues.act_anaphor_dets for d in n.children)


def restated_act(ctx: ArticleContext, c: Candidate) -> tuple[list, list]:
    """The parties of a bare act noun that restates the article's last act of its type with a new
    detail (news GUIDELINES §9: "the restatement keeps the earlier source when it refers to the same
    act"): a definite noun standing as its clause's subject ("*The attack* occurred near the town of
    al-Mayadeen", "*That attack* ... claimed nine lives", "*the incident* happened around 4 a.m.") or
    dated by its possessor ("*Friday's* attacks"), naming no party of its own. That act's source, and
    its target when it had an actor as one; ``([], [])`` otherwise (a bare "confirmed the attack"
    restates nothing new, and an act noun that is no reference is not coded without a party), and when
    that act was told in the noun's own sentence ("a daylong Israeli raid and *Tuesday's* mass
    shooting": two acts, not one told twice)."""
    n = c.trigger
    kind = c.sense.type
    if c.kind != "nominal" or kind.lower() not in ctx.acues.act_anaphor_types or kind not in ctx.last_act:
        return [], []
    if not (restates(ctx, n) and not _any_actor(ctx, c.targets)):
        return [], []
    source, target, told_in = ctx.last_act[kind]
    if told_in == ctx.sentence_of(n).start:
        return [], []   # "a daylong raid and *Tuesday's* mass shooting": another act than the raid
    return [source], [target] if target is not None and target.how != "place" else []


def context_doer(ctx: ArticleContext, c: Candidate) -> list:
    """The doer the article's context gives a verbal act whose clause leaves it untold: an agentless
    passive of a ``context_doer_types`` type ("*The farmers were attacked* on Saturday" after "suspected
    Boko Haram members killed 44 rice farmers"; "Jimmy Cherizier *has been sanctioned*" in a report of
    the Council's sanctions), or a subject that is an act noun of the act's own type and not indefinite
    (those types and ``act_anaphor_types``: "*one strike* targeted an intelligence headquarters", "*the
    sanctions* target the network"). The doer is the last source of an act of its type, for a passive
    named at most ``context_doer_sentences`` sentences before (an act noun as subject names the act told before,
    however far), and no person or crowd (``context_doer_excluded_kinds``:
    "crowds fired into the air ... the city had been liberated"). Not for a casualty verb ("five
    soldiers were killed" is a toll), victims that are only counted ("four people were shot dead",
    "dozens of houses were destroyed": a toll, perhaps of another incident), nor a verb countering an
    act ("the attack was repelled": by the other side). A list of one mention, or empty."""
    kind = c.sense.type
    low = kind.lower()
    t = c.trigger
    ac = ctx.acues
    if c.kind != "verbal" or t.lemma_.lower() in ac.repel_verbs:
        return []
    named = (low in ac.context_doer_types or low in ac.act_anaphor_types) and _act_subject(ctx, t, kind)
    if not (named or low in ac.context_doer_types and _untold_passive(ctx, t, low in ctx.cues.victim_types)):
        return []
    last = ctx.last_source.get(kind)
    if last is None or ctx.actor_kind.get(last.actor_id) in ac.context_doer_excluded_kinds:
        return []
    if not named and ctx.sentences_between(last.start, t.idx) > ctx.config.context_doer_sentences:
        return []   # (an act noun as subject names the act told before, however far)
    return [last]


def _untold_passive(ctx: ArticleContext, t, tolls: bool) -> bool:
    """Is ``t`` a passive with no "by" phrase and no casualty verb? For an act reported through its
    victims (``tolls``: ``victim_types``), only when they are known ones ("*the farmers* were attacked",
    "*its two turbines* were destroyed"), not new ones, only counted or indefinite ("four people were
    shot dead", "dozens of houses were destroyed", "*a warehouse* was destroyed": a toll, perhaps of
    another incident; "eighteen British nationals were included in the sanctions list" is the list of
    the sanctions told before), nor a bare plural ("the number of *persons* abducted"). For a
    participle ("*the convoy* ambushed on Monday") the noun it hangs on is its undergoer, unless it
    is a weapon ("ten rockets *fired* at U.S. troops")."""
    if not is_passive(t) or _agents(t) or t.lemma_.lower() in ctx.cues.casualty_lemmas:
        return False
    if not tolls:
        return True
    undergoers = children(t, "nsubjpass")
    if t.dep_ in ("acl", "relcl") and not is_instrument(t.head, ctx.cues):
        undergoers.append(t.head)
    return not any(_indefinite(x) or _counted(ctx, x) or _bare_plural(ctx, x) for x in undergoers)


def _bare_plural(ctx: ArticleContext, n) -> bool:
    """Is ``n`` a common plural with no determiner, possessor or name ("the figure of *persons*
    abducted": some people, not the article's known victims)?"""
    return n.tag_ == "NNS" and ctx.mention_for(n) is None and not any(
        d.dep_ in ("det", "poss", "compound") for d in n.children)


def _counted(ctx: ArticleContext, n) -> bool:
    """Does the noun ``n`` only count what it names: a number ("at least 10"), a quantity word ("dozens
    of houses", "an unknown number"), or a noun with a number or quantity word on it ("four people")?
    Not a definite one ("*its* two turbines", "*the* two soldiers") nor a part of known ones ("one *of
    them*", "two of the farmers")."""
    qw = ctx.lex.quantity_words
    if _definite(ctx, n) or any(_definite(ctx, p) or p.pos_ == "PRON" for p in prep_targets(n, {"of"})):
        return False
    return n.pos_ == "NUM" or n.lower_ in qw or any(x.dep_ == "nummod" or x.lower_ in qw for x in n.children)


def _definite(ctx: ArticleContext, n) -> bool:
    """Does noun ``n`` have a possessor or a definite determiner (``definite_dets``: "*the* farmers",
    "*its* turbines", "*these* villages")?"""
    return any(d.dep_ == "poss" or d.dep_ == "det" and d.lower_ in ctx.acues.definite_dets for d in n.children)


def _act_subject(ctx: ArticleContext, t, kind: str) -> bool:
    """Are ``t``'s subjects all act nouns of type ``kind`` and none indefinite ("*the first blast* hit
    the ministry"; not "*a bomb blast* injured three people": a new act)?"""
    subj = children(t, "nsubj")
    return bool(subj) and all(
        (s := noun_sense(x, ctx.lex)) is not None and s.type == kind and not _indefinite(x) for x in subj)


def announcer(ctx: ArticleContext, c: Candidate) -> list:
    """The speaker who announces a measure told in the agentless passive (``announced_passive_types``:
    "Sanou said both radio stations *would be suspended* for two weeks", "Mali's government said the
    ambassador *has been asked* to leave"), or an accusation (``imputed_types``) told as a participle in
    the reported clause ("11 people were killed in an attack on a village *blamed on* the Islamic State
    group, security sources said"; not a measure: "prisoners *detained* during the war, the ICRC said"):
    the measure or the accusation is the announcing side's. The speech verb's subject, or none."""
    t = c.trigger
    if c.kind != "verbal" or c.sense.type.lower() not in ctx.acues.announced_passive_types:
        return []
    if not is_passive(t) or children(t, "agent"):
        return []
    clause = _reported_clause(t) if c.sense.type.lower() in ctx.acues.imputed_types else t
    if clause is None:
        return []
    if clause.dep_ in ("ccomp", "parataxis"):
        reporter = clause.head
    else:   # "The ambassador has been asked to leave, *the government said*": the parser's root is the act
        reporter = next((r for r in clause.children if r.dep_ == "parataxis" and r.i > clause.i), None) \
            if clause.dep_ == "ROOT" else None
    if reporter is None or reporter.lemma_.lower() not in ctx.cues.speech_verbs:
        return []
    return children(reporter, "nsubj")


def state_spokesman(ctx: ArticleContext, c: Candidate, sources: list) -> list:
    """``sources``, or -- when the act's one source is a state and the clause it is told in is reported
    by an actor acting for that state ("Trump declared *the U.S.* would no longer recognize the Maduro
    government", "the foreign ministry said *Russia* would respond") -- that reporter: news GUIDELINES §9
    takes the named official for a state's act (an agent of a state counts as the state in scoring)."""
    if len(sources) != 1 or ctx.actor_kind.get(sources[0].actor_id) != "state":
        return sources
    clause = _reported_clause(c.trigger)
    if clause is None or clause.head.lemma_.lower() not in ctx.cues.speech_verbs:
        return sources
    subs = children(clause.head, "nsubj")
    m = ctx.mention_for(subs[0]) if subs else None
    if m is None or m.actor_id == sources[0].actor_id:
        return sources
    return [m] if _acts_for(ctx, m.actor_id, sources[0].actor_id) else sources


def _acts_for(ctx: ArticleContext, actor_id: str, state_id: str) -> bool:
    """Does the actor ``actor_id`` act for ``state_id``: the state is up its chain of affiliations?"""
    by_id = {a.id: a for a in ctx.state.actors}
    seen: set = set()
    a = by_id.get(actor_id)
    while a is not None and a.id not in seen and a.affiliation:
        if a.affiliation == state_id:
            return True
        seen.add(a.id)
        a = by_id.get(a.affiliation)
    return False


def _reported_clause(t):
    """The clause ``t`` is reported in: ``t`` itself when it is a complement or parataxis of its head,
    else the one the participle ``t`` describes a phrase of (up its noun phrase's links:
    :data:`PARTY_LINKS`, an "acl"), else ``None``."""
    u = t
    for _ in range(limits.MAX_TREE_WALK):
        if u.dep_ in ("ccomp", "parataxis"):
            return u
        if u.dep_ not in PARTY_LINKS + ("acl",) or u.head.i == u.i or u.i != t.i and u.pos_ == "VERB":
            return None
        u = u.head
    return None


def _indefinite(n) -> bool:
    """Does noun ``n`` have an indefinite article ("*A* bomb blast injured ...": a new act, not one told
    before)?"""
    return any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in n.children)


def restates(ctx: ArticleContext, n) -> bool:
    """Is act noun ``n`` a reference to an act told before that adds a detail to it: dated by a
    possessor ("*Monday's* shelling"), or definite (its determiner in ``act_anaphor_dets``) and the
    subject (``restated_act_deps``) of a verb of occurrence (``occurrence_verbs``) that places or dates it
    ("*The attack* occurred near the town of al-Mayadeen", "*The incident* happened around 4 a.m."; not
    "*The attack* prompted forces to close the market", "*This incident* marks the second exchange
    within a week": comment on the act, no new detail)?"""
    if any(d.dep_ == "poss" and d.ent_type_ in TIME_LABELS for d in n.children):
        return True
    if n.dep_ not in ctx.acues.restated_act_deps or n.head.lemma_.lower() not in ctx.acues.occurrence_verbs \
            or not definite_act(ctx, n):
        return False
    return places_or_dates(ctx, n.head)


#: the entity labels of a date or a time of day
TIME_LABELS = ("DATE", "TIME")


def places_or_dates(ctx: ArticleContext, v) -> bool:
    """Does verb ``v`` have a phrase of its own (a preposition's or an adverbial one) that names a
    place of the article's or a date or time ("occurred *in Tillaberi*", "happened *around 4 a.m.*")?"""
    places = ctx.sentence_places(ctx.sentence_of(v))
    for c in v.children:
        if c.dep_ not in ("prep", "npadvmod", "advmod"):
            continue
        sub = list(c.subtree)
        if any(t.ent_type_ in TIME_LABELS for t in sub):
            return True
        start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        if any(p.start < end and start < p.end for p in places):
            return True
    return False


#: the clause links of a participle or relative clause that modifies an act ("strikes *targeting* X",
#: "sanctions *that target* X", "shelled the town, *targeting* X")
MODIFIER_DEPS = ("acl", "xcomp", "advcl", "relcl")


def targeting_objects(ctx: ArticleContext, heads) -> list:
    """The target named by a targeting participle on one of ``heads`` or the acts coordinated with
    them ("airstrikes and shelling *targeting Syrian Kurdish fighters*", "rockets *aimed at* the
    base", "sanctions *that target* the network"): its object, or its "at"/"against" phrase."""
    ac = ctx.acues
    out = []
    for h in heads:
        for p in (c for x in conjuncts(h) for c in x.children):
            if p.dep_ in MODIFIER_DEPS and p.pos_ == "VERB" and p.lemma_.lower() in ac.targeting_participles:
                out += children(p, "dobj") + prep_targets(p, ac.targeting_preps)
    return out


def shared_objects(v) -> list:
    """The object a verb without its own shares with the verb coordinated after it ("its aircraft
    *struck* and eliminated Ismail Yusef Baz" -> Baz): the conjunct must have no subject of its own
    (else it is another clause) and no preposition may stand between."""
    if children(v, "dobj", "prep", "dative", "ccomp", "xcomp"):
        return []
    for c in v.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > v.i and not children(c, *SUBJ_DEPS):
            return children(c, "dobj")
    return []


def one_act_per_coordination(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """Acts told twice in one clause are one: a verb coordinated with a following verb of the same
    type whose object it shares ("killing and badly injuring people": one act, by "injuring"; not
    "tortured and killed", "arrived in X and visited Y": nothing is shared), and a
    targeting participle of an act noun of the same type ("a rocket attack *that targeted* U.S.
    forces": the noun's act, which takes the participle's object as its target)."""
    by_i = {c.trigger.i: c for c in cands}
    for c in cands:
        t = c.trigger
        if c.kind != "verbal" or c.suppressed:
            continue
        nxt = [by_i[x.i] for x in t.children if x.dep_ == "conj" and x.i in by_i]
        shared = {o.i for o in shared_objects(t)}
        if shared and any(d.kind == "verbal" and d.sense.type == c.sense.type
                          and shared & {o.i for o in children(d.trigger, "dobj")} for d in nxt):
            c.suppressed = True
        elif t.lemma_.lower() in ctx.cues.casualty_lemmas:
            for d in nxt:   # "killing 19 people and injuring 30 others": one act's toll
                d.suppressed = d.suppressed or d.trigger.lemma_.lower() in ctx.cues.casualty_lemmas
        elif t.dep_ in MODIFIER_DEPS and t.lemma_.lower() in ctx.acues.targeting_participles:
            heads = [x for x in conjuncts(conj_root(t.head)) if x.i in by_i]
            c.suppressed = any(by_i[x.i].kind != "verbal" and by_i[x.i].sense.type == c.sense.type for x in heads)


def purpose_targets(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """An act with no actor target whose purpose is an act of the same type ("police opened fire *to
    disperse* the demonstrators", "fighters fired into the air *to disperse* a women's protest") is done
    to whom that act is done: it takes the purpose act's targets, and the two are one act (the purpose
    is no event of its own). A deployment (``aim_target_types``) is aimed at whom its purpose act of any
    type is done to ("police were deployed *to disperse* demonstrators"), and that act stays as it was."""
    by_i = {c.trigger.i: c for c in cands}
    for c in cands:
        if c.kind != "verbal" or _any_actor(ctx, c.targets) or any(is_crowd(ctx, t) for t in c.targets):
            continue
        aimed = c.sense.type.lower() in ctx.acues.aim_target_types
        for x in c.trigger.children:
            d = by_i.get(x.i)
            if (d is not None and x.dep_ in ("advcl", "xcomp") and (aimed or _purpose_of(ctx, c, d))
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
                    and (_any_actor(ctx, d.targets) or any(is_crowd(ctx, t) for t in d.targets))):
                c.targets = list(d.targets)
                d.suppressed = d.suppressed or _purpose_of(ctx, c, d)
                break


def _purpose_of(ctx: ArticleContext, c: Candidate, d: Candidate) -> bool:
    """May ``d`` be the purpose that gives ``c`` its targets: an act of its type, or a coercion an attack
    is fought for ("has been fighting since 2006 *to topple* the government": ``forced_purpose_types``)?"""
    return d.sense.type == c.sense.type or (
        c.sense.type == "ASSAULT" and d.sense.type.lower() in ctx.cues.forced_purpose_types)


def means_acts(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """An act told as the means of an act of its type ("the fighters dispersed them *by firing* their
    guns into the air") is that act: it is no event of its own, and gives the act its targets when the
    act has none naming an actor."""
    by_i = {c.trigger.i: c for c in cands}
    for d in cands:
        x = d.trigger
        if d.kind != "verbal" or d.suppressed or x.dep_ != "pcomp" or x.head.lower_ not in ctx.cues.means_preps:
            continue
        c = by_i.get(x.head.head.i)
        if c is None or is_passive(c.trigger) or c.trigger.lemma_.lower() in ctx.cues.casualty_lemmas:
            continue   # "killed by Indian shelling": the cause of a toll, not the means of an act
        if c.kind == "verbal" and not c.suppressed and c.sense.type == d.sense.type:
            d.suppressed = True
            if not _any_actor(ctx, c.targets) and _any_actor(ctx, d.targets):
                c.targets = list(d.targets)


def toll_targets(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """An act with no actor target whose participle tells its toll ("the attackers shot sporadically,
    *killing a resident*", "jets hit two buses, *killing* 19 civilians") is done to the victims: it takes
    the casualty act's targets, and the casualty act is its toll, no act of its own (as for an act noun:
    :func:`~.build.casualties_to_acts`)."""
    by_i = {c.trigger.i: c for c in cands}
    for c in cands:
        if c.kind != "verbal" or c.suppressed or _any_actor(ctx, c.targets):
            continue
        for x in c.trigger.children:
            d = by_i.get(x.i)
            if (d is not None and not d.suppressed and x.dep_ == "advcl" and x.tag_ == "VBG"
                    and x.lemma_.lower() in ctx.cues.casualty_lemmas and d.sense.type == c.sense.type
                    and _any_actor(ctx, d.targets)):
                c.targets, d.suppressed = list(d.targets), True
                break


def relative_acts(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """An act noun of fire (``place_hit_modes``) restated by a relative clause of its type ("Monday's
    *shelling*, *which hit* the market and surrounding neighbourhoods"; not a toll, "an attack *that killed*
    ...": :func:`~.build.casualties_to_acts`) is one act: the clause's verb is no event of its own, and
    gives the noun its objects as targets when the noun names no party undergoing it."""
    by_i = {c.trigger.i: c for c in cands}
    rel = ctx.cues.relative_pronouns
    for d in cands:
        x = d.trigger
        if (d.kind != "verbal" or d.suppressed or x.dep_ != "relcl" or x.lemma_.lower() in ctx.cues.casualty_lemmas
                or not any(s.lower_ in rel for s in children(x, "nsubj"))):
            continue
        c = by_i.get(x.head.i)
        if c is None or c.kind == "verbal" or c.suppressed or c.sense.type != d.sense.type:
            continue
        if not lands_on_places(ctx, c):
            continue   # only fire that lands somewhere; "the offensive that toppled Assad" is two acts
        d.suppressed = True
        if not _any_actor(ctx, c.targets):
            c.targets = c.targets + [t for t in d.targets + children(x, "dobj") if t not in c.targets]


def imputed_accusations(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """An accusation told as a participle on a party of another act, with no doer of its own ("imposed
    sanctions on 28 officials *accused of* human rights violations", "arrested two men *accused of*
    the killing"): the accuser is who acts on the accused, the doer of that act (of an
    ``imputing_types`` type; the accusation of an ``imputed_types`` type). The participle's candidate
    takes that act's source tokens."""
    ac = ctx.acues
    by_i: dict = {}
    for c in cands:
        by_i.setdefault(c.trigger.i, c)
        if c.light is not None:
            by_i.setdefault(c.light.i, c)   # "*imposed* sanctions on ...": the noun's act
    for c in cands:
        t = c.trigger
        if (c.kind != "verbal" or c.sense.type.lower() not in ac.imputed_types or t.dep_ != "acl"
                or t.tag_ != "VBN" or _agents(t) or _any_actor(ctx, c.sources)):
            continue
        act = _governing_act(t.head, by_i)
        if act is not None and act.sense.type.lower() in ac.imputing_types and _any_actor(ctx, act.sources):
            c.sources, c.source_how = list(act.sources), "inherit"


#: the links followed up from a party to the act it is a party of ("sanctions *on* two organizations,
#: *including* the ministers, intelligence officials *and* lawmakers")
PARTY_LINKS = ("conj", "appos", "pobj", "prep", "dobj", "nsubjpass")


def _governing_act(n, by_i: dict):
    """The candidate whose trigger (or light verb) the noun ``n`` is a party of, up its chain of
    coordinations, appositions, prepositions and objects (at most :data:`~sitrep.limits.MAX_TREE_WALK`
    links), else ``None``."""
    u = n
    for _ in range(limits.MAX_TREE_WALK):
        if u.dep_ not in PARTY_LINKS or u.head.i == u.i:
            return None
        u = u.head
        if u.i in by_i:
            return by_i[u.i]
    return None


def _inner_recipients(ctx: ArticleContext, objs, targets, preps) -> list:
    """A target phrase on an object (:func:`_object_phrase_targets`), else the recipient inside a
    prepositional target (:func:`_pobj_recipients`)."""
    found = _object_phrase_targets(objs, preps)
    return found if _any_actor(ctx, found) else found + _pobj_recipients(ctx, targets)


def _pobj_recipients(ctx: ArticleContext, toks) -> list:
    """The recipient named inside a prepositional target that names no actor itself, as inside an
    object ("conceded *to demands from UNITA*" -> UNITA, "reneged *on his commitment to the Zambian
    people*" -> the people): its ``inner_recipient_preps``, then its possessor."""
    out = []
    for t in toks:
        if t.dep_ != "pobj" or ctx.mention_for(t) is not None:
            continue
        out += [p for p in prep_targets(t, ctx.acues.inner_recipient_preps) if ctx.mention_for(p) is not None]
        out += [p for p in t.children if p.dep_ == "poss" and p.pos_ != "PRON" and ctx.mention_for(p) is not None]
    return out


def _object_phrase_targets(objs, preps) -> list:
    """A target phrase attached to the object, or to the noun its "of" phrase names ("imposed
    sanctions *on Iran*", "imposed a new round of sanctions *on Caracas*")."""
    out = []
    for o in objs:
        out += prep_targets(o, preps, exclude=())
        for inner in prep_targets(o, {"of"}):
            out += prep_targets(inner, preps)
    return [t for t in out if t.dep_ == "pobj"]


def against_anywhere(ctx: ArticleContext, v) -> list:
    """A recipient marked by "against" anywhere under the predicate ("mobilized reservists for a
    war against Iraq"), outside its subject: the first in the order of the predicate's children and
    their subtrees. Found from the sentence's few "against" phrases (listed once per sentence, each
    walking up to the predicate), not by walking every subtree of the predicate.

    (The source tokens were meant to be skipped too, compared by ``id``; spaCy makes a new token
    object on each access, so that test never held and is left out, as it behaved.)"""
    sent = ctx.sentence_of(v)
    against = ctx.per_sentence(sent, "against", lambda: [
        t for t in sent if t.dep_ == "pobj" and t.head.lower_ == "against"])
    if not against:
        return []
    order = {ch.i: n for n, ch in enumerate(v.children)}
    found: dict[int, list] = {}       # child number -> the recipients under it
    for t in against:
        u = _child_above(t, v)
        if u is not None and u.dep_ not in SUBJ_DEPS and ctx.mention_for(t) is not None and not _own_clause(u):
            found.setdefault(order[u.i], []).append(t)
    if not found:
        return []
    hits = found[min(found)]
    if len(hits) > 1:   # several under one child: the first in its subtree
        idx = {t.i for t in hits}
        ch = next(c for c in v.children if order[c.i] == min(found))
        return [next(t for t in ch.subtree if t.i in idx)]
    return hits[:1]


def _own_clause(u) -> bool:
    """Is ``u`` a complement clause with a subject of its own ("demanded that Hamas renounce its
    struggle *against Israel*")? An "against" there belongs to that clause's act, not the predicate's."""
    return u.dep_ == "ccomp" and bool(children(u, "nsubj", "nsubjpass"))


def _child_above(t, v):
    """The child of ``v`` whose subtree holds ``t`` (at most :data:`~sitrep.limits.MAX_TREE_WALK` steps
    up), else ``None``."""
    u = t
    for _ in range(limits.MAX_TREE_WALK):
        if u.head.i == u.i or u.head.i == v.i:
            break
        u = u.head
    if u.head.i != v.i or u.i == v.i:
        return None
    return u


def entity_targets(ctx: ArticleContext, c: Candidate, sources: list) -> list:
    """The described entities an act is done to, for an act no party undergoes ("protesters stormed *the
    legislative council building*", "sanctions on *the country's state-owned petroleum company*", "attacking
    *the village of X*"): the entities over its target tokens and their conjuncts, never inside a source;
    a thing (kind "other": a facility, a vessel, a settlement) only for the types that act on things
    (:func:`_acts_on_things`: attacked, seized or stormed, news GUIDELINES §9), not one encircled, closed
    or left; the "of" phrase of a group noun counts ("sanctions on a group *of 20 people and firms*")."""
    out: list = []
    for x in (x for t in undergoing_tokens(ctx, c) for x in conjuncts(t)):
        m = ctx.entity_for(x) or next((ctx.entity_for(p) for p in _group_of(ctx, x)), None)
        if m is None or any(m.actor_id == o.actor_id for o in out) or any(s.start <= m.start < s.end for s in sources):
            continue
        if ctx.actor_kind.get(m.actor_id) == "other" and not _acts_on_things(ctx, c):
            continue
        out.append(m)
    return out


def coordinated_entities(ctx: ArticleContext, c: Candidate, refs: list) -> list:
    """The described entities coordinated with the act's party targets ("sanctions on four Chinese
    officials *and a construction company*"): each is a target too (:func:`entity_targets`' types)."""
    if not refs or not ctx.entities:
        return []
    out: list = []
    groups = [conjuncts(t) for t in c.targets]
    for x in (x for g in groups if len(g) > 1 and any(ctx.mention_for(y) for y in g) for x in g):
        m = ctx.entity_for(x)
        if m is not None and all(m.actor_id != o.actor_id for o in refs + out) and (
                ctx.actor_kind.get(m.actor_id) != "other" or _acts_on_things(ctx, c)):
            out.append(m)
    return out


def _acts_on_things(ctx: ArticleContext, c: Candidate) -> bool:
    """Is ``c`` of a type (or "type:mode") that may take a described thing as its target
    (``thing_target_types``: "coerce:seize" takes the building seized, not the one closed)?"""
    typ = c.sense.type.lower()
    if typ in ctx.acues.thing_target_types:
        return True
    mode = candidate_mode(ctx, c)
    return mode is not None and f"{typ}:{mode.lower()}" in ctx.acues.thing_target_types


def lands_on_places(ctx: ArticleContext, c: Candidate) -> bool:
    """Is ``c`` fire from afar, which lands on a place (its mode in ``place_hit_modes``: "air strikes on
    Gaza", "shelling, which hit the market")?"""
    mode = candidate_mode(ctx, c)
    return mode is not None and mode.lower() in ctx.acues.place_hit_modes


def _group_of(ctx: ArticleContext, tok) -> list:
    """The objects of the "of" phrase of a group noun ("a group *of 20 people and firms*")."""
    if tok.lemma_.lower() not in ctx.cues.group_nouns:
        return []
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)]


def undergoing_tokens(ctx: ArticleContext, c: Candidate) -> list:
    """The tokens that may name what an act is done to: its targets, then the objects, passive subjects
    and target prepositions of its trigger and light verb (the other rules pass over a phrase that names
    no party: "accused of attacking *the village of X*, killing 104 people")."""
    preps = c.sense.preps or (ctx.lex.target_preps if c.kind == "verbal" else ctx.cues.nominal_target_preps)
    toks = list(c.targets)
    for h in c.heads:
        toks += children(h, "dobj", "nsubjpass") + prep_targets(h, preps)
    return toks


def generic_people(ctx: ArticleContext, m) -> bool:
    """Does mention ``m`` name only people in general ("people", "19 people", "the others":
    ``generic_person_nouns``, with nothing before the noun but a count or an article)? A described
    group is a party ("Zambian people", "civilians")."""
    words = m.text.lower().split()
    if not words or words[-1] not in ctx.acues.generic_person_nouns:
        return False
    return all(w.replace(",", "").isdigit() or w in ctx.lex.quantity_words or w in ("the", "a", "an")
               for w in words[:-1])


# -- attribution: who did an act the clause gives no doer -----------------------------------------------

def attributed_doers(ctx: ArticleContext, c: Candidate) -> list:
    """The doer of an act its own clause names no actor for, from the sentence: the subject of
    "X was *behind* the attack", of "X *claimed* (responsibility for) the attack" / "X claimed the
    blast killed 45 people", or the party blamed ("..., the monitor said, *blaming* the Islamic State
    group"). Tokens (empty when none)."""
    acts = [c.trigger] + [t for t in c.sources if ctx.mention_for(t) is None]
    for x in acts:
        found = _behind_or_claim(ctx, x)
        if found:
            return found
    return blamed_party(ctx, c)


def _behind_or_claim(ctx: ArticleContext, x) -> list:
    """The subject of "X was behind ``x``" or of a claim of ``x`` (see :func:`attributed_doers`)."""
    ac = ctx.acues
    head = x.head
    if x.dep_ == "pobj" and head.lower_ in ac.behind_preps and head.head.lemma_.lower() == "be":
        return _actor_subjects(ctx, head.head)
    if x.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in ac.claim_objects:
        claim = head.head.head          # "claimed responsibility for the attack"
    elif x.dep_ == "nsubj" and head.dep_ == "ccomp":
        claim = head.head               # "claimed the blast killed 45 people"
    elif x.dep_ == "dobj":
        claim = head                    # "claimed the attack"
    else:
        return []
    if claim.pos_ == "VERB" and claim.lemma_.lower() in ac.claim_verbs:
        return _actor_subjects(ctx, claim)
    return []


def _actor_subjects(ctx: ArticleContext, v) -> list:
    """The subjects of ``v`` that name an actor."""
    subs, _ = subjects(v, ctx.cues)
    return [t for t in subs if ctx.mention_for(t) is not None]


def blamed_party(ctx: ArticleContext, c: Candidate) -> list:
    """The party a blame verb of the sentence names ("blaming the Islamic State group", "blamed
    the attack on Hamas"), unless the candidate is that blame itself."""
    sent = ctx.sentence_of(c.trigger)
    verbs = ctx.per_sentence(sent, "blame", lambda: [
        t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in ctx.acues.blame_verbs])
    for b in verbs:
        if b.i == c.trigger.i:
            continue
        objs = [o for o in children(b, "dobj") if ctx.mention_for(o) is not None]
        objs = objs or [p for p in prep_targets(b, {"on"}) if ctx.mention_for(p) is not None]
        if objs:
            return objs[:1]
    return []


# -- adjectives -------------------------------------------------------------------------------------------

def adjective_args(ctx: ArticleContext, c: Candidate) -> None:
    """"Iran is willing to talk" -> Iran; "a critical government" -> the government; "critical *of*
    Israel" -> Israel."""
    t = c.trigger
    if t.dep_ == "amod":
        subs, how = [t.head], "subj"
    elif children(t, "nsubjpass", "nsubj"):
        subs, how = children(t, "nsubjpass", "nsubj")[:1], "subj"
    else:
        subs, how = subjects(t.head if t.dep_ in ("acomp", "xcomp") else t, ctx.cues)
    c.sources, c.source_how = subs, how
    c.targets = prep_targets(t, c.sense.preps or ctx.cues.adjective_target_preps)


# -- nouns ------------------------------------------------------------------------------------------------

def nominal_args(ctx: ArticleContext, c: Candidate) -> None:
    """Source and target of a nominal candidate (see the module docstring)."""
    n = c.trigger
    preps = set(c.sense.preps or ()) | ctx.cues.nominal_target_preps
    sources = _own_sources(ctx, n)
    carrier = carrier_of(n, ctx.lex)
    if not sources and carrier is not None:
        sources = _own_sources(ctx, carrier)   # "*their* campaign of assaults", "a Turkish wave of strikes"
    targets = _nominal_targets(ctx, n, preps)
    if not _any_actor(ctx, targets):
        targets = of_patients(ctx, c) or targets
    if not sources:
        sources, targets = _from_doer(ctx, c, targets)
    targets = grievance_target(ctx, c) or targets
    sources, targets = _patient_possessor(ctx, n, sources, targets)
    sources, targets = _between(n, c, sources, targets)
    sources, targets = undergone_act(ctx, n, sources, targets)
    how = "poss" if sources else ""
    if c.light is not None and (not sources or _only_modifiers(n, sources)):
        # "Pakistan Army launched a military operation", "Turkey says it will begin a new military
        # operation": the light verb's subject names the doer better than a modifier of the noun
        light_sources, light_how, light_targets = _light_verb_args(ctx, c, preps, targets)
        if not sources or _any_actor(ctx, light_sources):
            sources, how, targets = light_sources, light_how, light_targets
    if not sources:
        sources, how = _coordinated_act_source(ctx, n, how)
    if not sources:
        sources, how = _larger_act_source(ctx, n), "inherit"
    if not sources and n.dep_ == "pobj" and n.head.lower_ in ctx.cues.instrument_preps and n.head.head.pos_ == "VERB":
        # instrument of a verb: "supporting the regime with bombings" -> the verb's subject
        sources, how = subjects(n.head.head, ctx.cues)
        how = "inherit"
    c.sources, c.targets, c.source_how = sources, targets, how


def _only_modifiers(n, sources) -> bool:
    """Are all ``sources`` modifiers in front of the act noun ``n`` ("a *militant* attack")?"""
    return all(x.head.i == n.i and x.dep_ in ("compound", "amod", "nmod") and x.i < n.i for x in sources)


def _larger_act_source(ctx: ArticleContext, n) -> list:
    """The doer of the larger act an act noun happened in ("a drone strike *during an Israeli raid*"
    -> Israeli; ``within_act_preps``), also when the parser hung the larger act on the verb the act
    noun is a phrase of ("were killed in a drone strike *during an Israeli raid*"): that act noun's
    own source, else nothing."""
    larger = prep_targets(n, ctx.acues.within_act_preps)
    if n.dep_ == "pobj" and n.head.head.pos_ == "VERB":
        larger += prep_targets(n.head.head, ctx.acues.within_act_preps)
    for p in larger:
        if p.lemma_.lower() in ctx.lex.nouns:
            own = [x for x in _own_sources(ctx, p) if ctx.mention_for(x) is not None]
            if own:
                return own
    return []


def _own_sources(ctx: ArticleContext, n) -> list:
    """The noun's possessor or "by" phrase ("Hamas's capture", "the assault by Russian forces"), else
    an actor modifier before it ("the Russian offensive", "a militant attack"; not an instrument: "a
    *drone* strike" names how, not who). A possessor naming no actor ("its
    invasion") gives way to the light verb's subject."""
    sources = [p for p in n.children if p.dep_ == "poss"]
    sources += [p for a in n.children if a.dep_ in ("prep", "agent") and a.lower_ == "by" for p in pobjs(a)]
    sources += _participle_agents(ctx, n) + _stray_agents(n)
    if sources and all(ctx.mention_for(x) is None for x in sources):
        sources = []
    if not sources:
        sources = [a for a in n.children if a.dep_ in ("compound", "amod", "nmod") and a.i < n.i
                   and not is_instrument(a, ctx.cues) and ctx.mention_for(a) is not None]
    return sources or _leader_modifiers(ctx, n)


def _leader_modifiers(ctx: ArticleContext, n) -> list:
    """The name joined to a leading participle before the act noun ("the *U.S.*-led battle",
    ``leading_participles``)."""
    return [x for a in n.children if a.dep_ == "amod" and a.i < n.i and a.lemma_.lower() in ctx.acues.leading_participles
            for x in a.children if x.dep_ in ("npadvmod", "compound", "nmod") and x.i < a.i and ctx.mention_for(x) is not None]


def _stray_agents(n) -> list:
    """The "by" phrase the parser hung on a verb that is no passive, right after act noun ``n`` in that
    verb's prepositional phrase ("the attack occurred amid a resumed *offensive* *by Syrian government
    forces*"): the noun's agent."""
    if n.dep_ != "pobj" or n.head.dep_ != "prep" or n.head.head.i == n.head.i:
        return []
    v = n.head.head
    if v.pos_ != "VERB" or is_passive(v):
        return []
    return [p for a in v.children if a.dep_ == "agent" and a.i == n.right_edge.i + 1 for p in pobjs(a)]


def _from_doer(ctx: ArticleContext, c: Candidate, targets: list) -> tuple[list, list]:
    """The doer of a speech or policy act noun named with "from" ("a request *from* the committee",
    "condemnation *from* residents", ``from_doer_types``), or of a crowd's act noun named with "of" ("a
    march *of* half a million people", ``of_doer_types``; a group of people, not an institution: "a
    boycott *of* the university" is done to it), taken out of the targets; ``([], targets)`` when none
    names an actor."""
    ac = ctx.acues
    typ = c.sense.type.lower()
    doers = []
    if typ in ac.from_doer_types:
        doers = [p for p in prep_targets(c.trigger, ac.from_doer_preps) if ctx.mention_for(p) is not None]
    if not doers and typ in ac.of_doer_types:
        doers = [p for p in prep_targets(c.trigger, {"of"}) if _is_people(ctx, ctx.mention_for(p))]
    if not doers:
        return [], targets
    found = {t.i for t in doers}
    return doers, [t for t in targets if t.i not in found]


def _is_people(ctx: ArticleContext, m) -> bool:
    """Does the mention ``m`` name a group of people (an actor of kind "group", or of no known kind)?"""
    return m is not None and ctx.actor_kind.get(m.actor_id, "group") == "group"


def _undergoing_verb(ctx: ArticleContext, n):
    """The verb whose subject undergoes the act noun ``n`` ("received *visits*", "faced *attacks*",
    "came under *fire*", "*prompting* condemnation": ``reaction_verbs``), else ``None``."""
    ac = ctx.acues
    v = n.head
    if n.dep_ == "pobj" and v.lower_ in ac.undergo_preps:
        v = v.head
    elif n.dep_ != "dobj":
        return None
    if v.pos_ != "VERB":
        return None
    lemma = v.lemma_.lower()
    if lemma in ac.reaction_verbs:
        sense = noun_sense(n, ctx.lex)
        return v if sense is not None and sense.type.lower() in ac.reaction_types else None
    return v if lemma in ac.undergo_verbs else None


def _agent_act_verb(ctx: ArticleContext, n):
    """The passive verb whose "by" phrase is the act noun ``n`` or the noun carrying it ("troops were
    *overwhelmed by* a wave of attacks by militants", "the post was *destroyed by* an assault by X"): its
    subject undergoes the act; else ``None``."""
    m = carrier_of(n, ctx.lex) or n
    a = m.head
    if m.dep_ == "pobj" and a.dep_ == "agent" and a.head.pos_ == "VERB" and is_passive(a.head):
        return a.head
    return None


def undergoing_verbs(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """A verb whose subject undergoes an act noun of the sentence (:func:`_undergoing_verb`: "has been
    *met* with criticism", "*drew* condemnation") codes nothing of its own: the noun is the event."""
    verbs = {v.i for c in cands if c.kind == "nominal" and not c.suppressed
             for v in [_undergoing_verb(ctx, c.trigger)] if v is not None}
    for c in cands:
        if c.kind == "verbal" and c.trigger.i in verbs:
            c.suppressed = True


def undergone_act(ctx: ArticleContext, n, sources: list, targets: list) -> tuple[list, list]:
    """An act its governing verb's subject undergoes ("the detainees received regular *visits* by
    the ICRC", "the base came under *fire* from militants"): the subject is the target (when the act
    names none), the "by"/"from" phrase of the noun or the verb the source."""
    v = _undergoing_verb(ctx, n) or _agent_act_verb(ctx, n)
    if v is None:
        return sources, targets
    if not _any_actor(ctx, sources):
        preps = ctx.acues.undergo_source_preps | {"by"}
        sources = prep_targets(n, preps) + prep_targets(v, preps) + _agents(v) or sources
    if not _any_actor(ctx, sources):   # "met with criticism in France, the UK and Germany"
        sources = [t for p in prep_targets(n, ctx.acues.undergo_state_source_preps) for t in conjuncts(p)
                   if ctx.is_state_like(t)] or sources
    src = {t.i for t in sources}
    targets = [t for t in targets if t.i not in src]   # "fire *from* X": X acts
    if not _any_actor(ctx, targets):
        subj, _ = subjects(v, ctx.cues)
        subj = subj or children(v, "nsubjpass")   # "the decision *was met* with criticism"
        targets = [t for t in subj if ctx.mention_for(t) is not None] or targets
    return sources, targets


def _patient_possessor(ctx: ArticleContext, n, sources: list, targets: list) -> tuple[list, list]:
    """The possessor of an act noun that names who undergoes it ("*her* arrest by the morality police",
    "*his* killing"): the target; the "by" phrase, if any, the source. With an "of" phrase the
    possessor acts ("Hamas's release *of* hostages")."""
    if n.lemma_.lower() not in ctx.cues.patient_possessor_nouns:
        return sources, targets
    poss = [p for p in n.children if p.dep_ == "poss"]
    if not poss or prep_targets(n, {"of"}):
        return sources, targets   # "Israel's killing *of* X": the possessor acts
    agents = [p for a in n.children if a.dep_ in ("prep", "agent") and a.lower_ == "by" for p in pobjs(a)]
    return agents, (targets or poss)


def _participle_agents(ctx: ArticleContext, n) -> list:
    """Who did the act a participle after the noun names ("airstrikes *led by* a Saudi coalition",
    "shelling *carried out by* paramilitary forces", "rockets *fired by* Hamas", "attacks
    *attributed to* the ADF")."""
    out = []
    for a in n.children:
        if a.dep_ != "acl" or a.tag_ != "VBN":
            continue
        out += _agents(a)
        if a.lemma_.lower() in ctx.cues.attribution_participles:
            out += [p for c in a.children if c.dep_ == "prep" and c.lower_ in ("to", "on") for p in pobjs(c)]
    return out


def _nominal_targets(ctx: ArticleContext, n, preps) -> list:
    """"the attack on X", "sanctions against Y"; else "suspension of air links with Serbia", "the
    withdrawal of troops from Lebanon" (not after a "by" phrase, whose doer the "from" phrase places:
    "an attack by guerrillas *from the ELN*")."""
    targets = prep_targets(n, preps)
    if not _any_actor(ctx, targets):
        for o in prep_targets(n, {"of"}):
            targets += prep_targets(o, ctx.cues.of_object_recipient_preps)
        if not any(a.dep_ in ("prep", "agent") and a.lower_ == "by" for a in n.children):
            targets += prep_targets(n, ctx.cues.nominal_origin_preps)
    if not _any_actor(ctx, targets):
        targets += targeting_objects(ctx, [n])
    if not _any_actor(ctx, targets):
        targets += agent_phrase_targets(ctx, n)
    return targets


def of_patients(ctx: ArticleContext, c: Candidate) -> list:
    """Who undergoes an act noun, named in its "of" phrase ("the violent repression *of Georgian
    citizens*", "the arrest *of two journalists*"), for the types of ``of_patient_types``: the objects
    that name an actor and are no instrument ("the use of artillery")."""
    if c.sense.type.lower() not in ctx.acues.of_patient_types:
        return []
    return [o for o in prep_targets(c.trigger, {"of"})
            if ctx.mention_for(o) is not None and not is_instrument(o, ctx.cues)]


def agent_phrase_targets(ctx: ArticleContext, n) -> list:
    """An "against"/"on" phrase the parser hung on the "by" agent of an act noun ("offensives by the
    army and UN peacekeepers *against the group*"): the act's target, not the agent's."""
    out = []
    for a in n.children:
        if a.dep_ in ("prep", "agent") and a.lower_ == "by":
            for p in pobjs(a):
                out += [t for x in conjuncts(p) for t in prep_targets(x, ctx.cues.nominal_target_preps)]
    return out


def _between(n, c: Candidate, sources: list, targets: list) -> tuple[list, list]:
    """"talks between Russia and Ukraine": the parties act together (the first is the source);
    "launched a mediation effort between X and Y": the parties are the recipients."""
    between = [p for a in n.children if a.dep_ == "prep" and a.lower_ == "between" for p in pobjs(a)]
    if not between and n.dep_ == "nsubj" and n.head.pos_ == "VERB" and not children(n.head, "dobj"):
        # "fighting broke out between the army and the RSF": the parser hangs the phrase on the verb
        between = [p for a in n.head.children if a.dep_ == "prep" and a.lower_ == "between" for p in pobjs(a)]
    if between and not sources and (c.light is None or light_subject(c)):
        conj = conjuncts(between[0])
        return [conj[0]], conj[1:] + targets
    if between:
        return sources, conjuncts(between[0]) + targets
    return sources, targets


def _between_below(ctx: ArticleContext, v, sources: list, targets: list) -> tuple[list, list]:
    """The parties of a symmetric verb with no subject of its own, from a "between" phrase on it or
    on one of its prepositional objects ("civilians trying to flee *fighting* in their area between
    the rebels and government forces": the rebels and the forces fight, not the civilians)."""
    lemmas = ctx.cues.symmetric_lemmas
    if v.lemma_.lower() not in lemmas and v.lower_ not in lemmas:
        return sources, targets
    holders = [v] + [p for a in v.children if a.dep_ == "prep" for p in pobjs(a)]
    for h in holders:
        between = [p for a in h.children if a.dep_ == "prep" and a.lower_ == "between" for p in pobjs(a)]
        if between and _any_actor(ctx, between):
            conj = conjuncts(between[0])
            return [conj[0]], conj[1:]
    return sources, targets


def light_subject(c: Candidate) -> bool:
    """Is the act noun (or the carrier that holds it) the passive subject of its light verb ("the next
    round of talks *will be held* in Doha", "the meeting was held on Monday")? Then the subject names
    the act, not its doer."""
    lv = c.light
    if lv is None or not is_passive(lv):
        return False
    head = c.trigger.head.head if c.trigger.dep_ == "pobj" and c.trigger.head.lower_ == "of" else c.trigger
    return any(s.i in (c.trigger.i, head.i) for s in children(lv, "nsubjpass"))


def _light_verb_args(ctx: ArticleContext, c: Candidate, preps, targets) -> tuple[list, str, list]:
    """The light verb's subject (or passive agent) is the noun's source ("Israel carried out
    strikes"; "forces were engaged in fighting", "a faction locked in a war": a stative passive or
    participle keeps its subject or noun as actor); its
    prepositions give the target when the noun has none."""
    lv = c.light
    sources, how = subjects(lv, ctx.cues)
    if lv.dep_ == "acl" and lv.tag_ == "VBN" and not _agents(lv):
        noun = lv.head.head if lv.head.dep_ == "appos" else lv.head
        sources, how = [noun], "subj"   # "the RSF, a faction *locked* in a war with the army": the RSF
    elif is_passive(lv):
        agents = _agents(lv)
        sources = agents or ([] if light_subject(c) else children(lv, "nsubjpass"))
        how = "agent" if agents else "subj"
    if not targets:
        targets = _means_of_act_targets(ctx, c) or prep_targets(lv, preps | ctx.lex.target_preps)
    return sources, how, targets


def _means_of_act_targets(ctx: ArticleContext, c: Candidate) -> list:
    """A light verb's participle telling how an act of the same type was done ("the FARC fought the
    government, *carrying out* assassinations and bombings"): the acts are done to that act's object."""
    lv = c.light
    head = lv.head
    if not (lv.dep_ == "advcl" and lv.tag_ == "VBG" and head.pos_ == "VERB"):
        return []
    sense = verb_sense(head, ctx.lex)[0]
    if sense is None or sense.type != c.sense.type:
        return []
    return [o for o in children(head, "dobj") if ctx.mention_for(o) is not None]


def _coordinated_act_source(ctx: ArticleContext, n, how: str) -> tuple[list, str]:
    """"the jihadists' advance on Aleppo and the capture of ...": a coordinated act takes the possessor
    of an earlier act noun (the parser may hang the second act elsewhere); ``([], how)`` when none."""
    doc, start = n.doc, n.sent.start
    cfg = ctx.config
    if not (n.dep_ == "conj" or any(t.dep_ == "cc" for t in doc[max(start, n.i - cfg.coordination_lookback):n.i])):
        return [], how
    for t in reversed(list(doc[max(start, n.i - cfg.coordinated_act_window):n.i])):
        if t.pos_ in ("VERB", "AUX"):
            break
        if t.pos_ == "NOUN" and noun_sense(t, ctx.lex) is not None:
            sources = [p for p in t.children if p.dep_ == "poss"]
            if sources:
                return sources, "poss"
    return [], how


# -- frames -----------------------------------------------------------------------------------------------

def frames(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """Acts embedded under a frame (agree/refuse/threaten/demand ...) are its content: they are
    suppressed, kept in ``embedded`` (they give the frame its mode) and give the frame its target when
    it has none ("urged Iran to release the journalists" -> Iran). A frame keeps its nearest embedded
    act (:func:`~.triggers.embedded_acts`)."""
    fs = [f for f in cands if f.sense.frame]
    if not fs:
        return
    nearest = embedded_acts(fs, {c.trigger.i: c for c in cands}, ctx.cues)
    for f in fs:
        first = nearest.get(id(f))
        no_target = not f.targets or all(ctx.mention_for(t) is None for t in f.targets)
        if first is None:
            if no_target:
                f.targets = complement_targets(ctx, f) or f.targets
            continue
        f.embedded = [first]
        if no_target:
            f.targets = _frame_target(ctx, f, first)


def _frame_target(ctx: ArticleContext, f: Candidate, first: Candidate) -> list:
    """The target of frame ``f`` from its nearest embedded act: that act's subject for a demand or
    threat ("urged Iran to talk"), else the subject of its complement clause, its actor targets, or
    the first actor of the complement."""
    src_e = [t for t in first.sources if t not in f.sources]
    if f.sense.type.lower() in ctx.cues.subject_target_frame_types and src_e and first.source_how == "subj":
        return src_e
    return (complement_subject(ctx, f, first) or
            [t for t in first.targets if ctx.mention_for(t) is not None] or
            complement_targets(ctx, f))


def complement_targets(ctx: ArticleContext, f: Candidate) -> list:
    """The recipient of a frame act read from its complement clause: "demanded that the US cancel
    its plans" -> the US; "agreed to set up a centre in Tokyo" -> Tokyo (when it is an actor)."""
    for ch in f.trigger.children:
        if ch.dep_ not in ("ccomp", "xcomp", "advcl"):
            continue
        got = _clause_target(ctx, f, ch)
        if got:
            return got
    return _first_other_actor(ctx, f)


def _clause_target(ctx: ArticleContext, f: Candidate, ch) -> list:
    """The recipient in one complement clause ``ch``: its subject when that is another actor, else
    its first object or prepositional actor ("agreed to buy gas from Qatar")."""
    cues = ctx.cues
    subj = [t for t in children(ch, "nsubj", "nsubjpass") if t not in f.sources]
    if subj and ctx.mention_for(subj[0]) is not None and not (
            f.sources and ctx.mention_for(subj[0]) == ctx.mention_for(f.sources[0])):
        return subj
    cand = children(ch, "dobj", "dative") + prep_targets(ch, ctx.lex.target_preps | cues.complement_extra_preps)
    for o in list(cand):
        cand += prep_targets(o, cues.complement_object_preps)
    cand += [t for t in prep_targets(ch, cues.state_recipient_object_preps) if ctx.is_state_like(t)]
    got = [t for t in cand if ctx.mention_for(t) is not None]
    return got[:1]


def _first_other_actor(ctx: ArticleContext, f: Candidate) -> list:
    """Last resort: the first actor named in the frame's complement who is not its source."""
    src = {ctx.mention_for(x).actor_id for x in f.sources if ctx.mention_for(x) is not None}
    for ch in f.trigger.children:
        if ch.dep_ not in ("ccomp", "xcomp", "dobj", "prep"):
            continue
        for t in ch.subtree:
            if t.dep_ in ("poss",) or t.pos_ == "PRON" or t.head.dep_ == "agent":
                continue
            m = ctx.mention_for(t)
            if m is not None and m.actor_id not in src and m.start <= t.idx < m.end:
                return [t]
    return []


def complement_subject(ctx: ArticleContext, f: Candidate, inner: Candidate | None = None) -> list:
    """The subject of the complement clause that holds the embedded act ``inner`` (the nearest one):
    "demanded that the US cancel its plans" -> the US."""
    for ch in f.trigger.children:
        if ch.dep_ == "ccomp" and (inner is None or ch.left_edge.i <= inner.trigger.i <= ch.right_edge.i):
            subj = [t for t in children(ch, "nsubj", "nsubjpass") if t not in f.sources]
            if subj and ctx.mention_for(subj[0]) is not None:
                fs = [ctx.mention_for(x) for x in f.sources]
                if all(m is None or m.actor_id != ctx.mention_for(subj[0]).actor_id for m in fs):
                    return subj
    return []


# -- protests ------------------------------------------------------------------------------------------------

def protest_target(ctx: ArticleContext, c: Candidate, sources: list) -> list:
    """Whom a protest is aimed at, read from its purpose ("staged a hunger strike to demand the
    resignation of President X", "in protest against abuses by the security forces"): the first
    actor named there who is not the protester (a list of one mention, or empty)."""
    src = {m.actor_id for m in sources}
    for h in c.heads:
        for ch in h.children:
            if not (ch.dep_ in ("advcl", "xcomp", "acl") or ch.dep_ == "prep" and ch.lower_ in ctx.cues.protest_purpose_preps):
                continue
            for t in ch.subtree:
                if t.pos_ == "PRON" or t.dep_ in ("nsubj",) and t.head.i == ch.i:
                    continue
                m = ctx.mention_for(t)
                if m is not None and m.start <= t.idx < m.end and m.actor_id not in src and m.how != "pronoun":
                    return [m]
    return _owner_target(ctx, c, src)


def _owner_target(ctx: ArticleContext, c: Candidate, src: set) -> list:
    """Whom a protest against a thing is aimed at when its purpose names no actor: the party that owns
    or modifies the thing ("marching against *police* brutality", "rallied against *the government's*
    policy"), the article's mention whose last word is that modifier (the nearest before the act, else
    the first after it), and not the protesters. A list of one mention, or empty."""
    for h in c.heads:
        for ch in h.children:
            if not (ch.dep_ == "prep" and ch.lower_ in ctx.acues.protest_owner_preps):
                continue
            for o in pobjs(ch):
                for mod in (x for x in o.children if x.dep_ in ("poss", "compound")):
                    m = _named_by_word(ctx, mod.lower_, src, c.trigger.idx)
                    if m is not None:
                        return [m]
    return []


def _named_by_word(ctx: ArticleContext, word: str, src: set, idx: int):
    """The article's mention (not a pronoun, not of ``src``) whose last word is ``word``: the nearest
    before ``idx``, else the first after it; else ``None``."""
    named = [x for x in ctx.mentions if x.actor_id not in src and x.how != "pronoun"
             and x.text.lower().split()[-1:] == [word]]
    before = [x for x in named if x.start < idx]
    return before[-1] if before else (named[0] if named else None)


def opposed_party(ctx: ArticleContext, c: Candidate, sources: list) -> list:
    """Whom protesters described as against someone protest against ("*anti-government* protesters"):
    the article's mention whose last word is the word after the prefix, the nearest before the act
    (else the first after it), and not the protesters themselves. A list of one mention, or empty."""
    prefixes = ctx.acues.opposed_prefixes
    src = {m.actor_id for m in sources}
    for m in sources:
        for word in m.text.lower().split():
            opposed = next((word[len(p):] for p in prefixes if word.startswith(p) and len(word) > len(p)), None)
            if not opposed:
                continue
            m = _named_by_word(ctx, opposed, src, c.trigger.idx)
            if m is not None:
                return [m]
    return []
