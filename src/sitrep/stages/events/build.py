"""One sentence: its candidates (verbs first, so that light verbs claim their nominal objects; then
adjectives; then nouns), their arguments, frames and protest topics; then, per candidate, one
:class:`~.model.RawEvent` per source/target pair, coded, placed, dated and scored."""

from __future__ import annotations

from typing import Optional

from spacy.symbols import AUX, VERB

from ...core.article import Mention
from ...core.contract import Span
from ...lang.modality import analyze
from . import arguments, classify, reciprocal, restated, triggers
from .argument_cues import owned_heads
from .confidence import confidence, features
from .context import GUESS_PREFIXES, ArticleContext
from .dating import event_date, historical, lead_dateable
from .grammar import (HEADLINE_SUBJECT_DEPS, children, headline_act_noun, is_headline, is_passive, np_span,
                      question_or_quantity, subjects)
from .location import location, place_targets, struck_place
from .model import REQUEST, VERDICT, Candidate, RawEvent


def sentence_events(ctx: ArticleContext, sent) -> list[RawEvent]:
    """The events of one sentence; none for a question ("Will Turkey attack?"), and no bare nouns in
    a headline (its nouns only name topics: "Concern about the Russian offensive")."""
    text = ctx.sentence_text(sent).strip()
    if not text or text.rstrip("\"'”’ ").endswith("?"):
        return []
    headline = ctx.per_sentence(sent, "headline", lambda: is_headline(text))
    cands, light_nouns = verbal_candidates(ctx, sent)
    cands = adjectival_candidates(ctx, sent, cands)
    cands += nominal_candidates(ctx, sent, light_nouns, headline=headline)
    cands += verdict_candidates(ctx, sent)
    arguments.one_act_per_coordination(ctx, cands)
    arguments.undergoing_verbs(ctx, cands)
    arguments.purpose_targets(ctx, cands)
    arguments.toll_targets(ctx, cands)
    arguments.relative_acts(ctx, cands)
    arguments.means_acts(ctx, cands)
    arguments.imputed_accusations(ctx, cands)
    casualties_to_acts(ctx, cands)
    arguments.frames(ctx, cands)
    restated.consequence_participles(ctx, cands)
    restated.purpose_clauses(ctx, cands)
    restated.attempted_aims(ctx, cands)
    restated.references_back(ctx, cands)
    restated.captures_by_fighting(ctx, cands)
    restated.armed_operations(ctx, cands)
    restated.described_things(ctx, cands)
    restated.conditions(ctx, cands)
    restated.absolute_tolls(ctx, cands)
    restated.held_states(ctx, cands)
    restated.tolls_of_unclaimed_acts(ctx, cands)
    triggers.protest_topics(cands, ctx.config.protest_topic_hops, ctx.cues)
    out = []
    for c in cands:
        if not c.suppressed:
            out.extend(build_events(ctx, c, sent))
    ctx.told_types.update(c.sense.type for c in cands)
    return out


def verbal_candidates(ctx: ArticleContext, sent) -> tuple[list[Candidate], dict]:
    """The verbal candidates of ``sent`` with their arguments, and ``{noun index: light verb}`` for the
    nouns light verbs stand for ("carried out strikes": the verb is no event of its own)."""
    lex = ctx.lex
    cands: list[Candidate] = []
    light_nouns: dict = {}
    table, doc = ctx.table(sent.doc), sent.doc
    for i in range(sent.start, sent.end):
        # triggers.may_be_verb_trigger, read from the token table
        if table.pos[i] != VERB and not (table.pos[i] == AUX
                                         and table.lemma[i] in lex.cue_words.auxiliary_light_verbs):
            continue
        t = doc[i]
        noun = triggers.light_noun(t, lex, ctx.config.modifier_conj_reach, ctx.verb_keys)
        if noun is not None:
            light_nouns[noun.i] = t
            for other in triggers.coordinated_light_nouns(noun, lex):
                light_nouns.setdefault(other.i, t)
            continue
        if (t.pos_ != "VERB" or triggers.is_gerund_noun(t, lex) or triggers.is_relation_participle(t, ctx.cues)
                or triggers.prohibited(t, ctx.cues)):
            continue
        sense, _, particle = triggers.verb_sense(t, lex, ctx.story_words(sent), ctx.verb_keys)
        reporter = triggers.obligation_reporter(t, ctx.cues)
        if sense is None and reporter is None:
            continue
        if sense is not None and sense.frame and (triggers.frames_no_act(t, ctx.cues)
                                                  or triggers.frame_without_content(t, ctx.cues)
                                                  or triggers.effort_without_addressee(t, ctx.cues)
                                                  or triggers.warning_about(t, ctx.cues)):
            continue   # "declined to comment"; "are pushing south", "he will fail"; "pushing to retake"
        c = Candidate(trigger=t, sense=sense or REQUEST, kind="verbal", particle=particle)
        arguments.verbal_args(ctx, c)
        if reporter is not None:
            c = triggers.as_obligation(c, sense, reporter)
        cands.append(c)
    return cands, light_nouns


def verdict_candidates(ctx: ArticleContext, sent) -> list[Candidate]:
    """A speaker's verdict on an act told before (:func:`~.triggers.verdict_speakers`: "“This is a
    heinous crime against defenseless citizens,” the Prime Minister stated"): an ACCUSE by the speaker
    (news GUIDELINES §1: criticises, condemns) of that act's doer (:func:`resolve_arguments`); or on a
    party ("said the ADF was responsible"): an ACCUSE of that party; or said outright with a naming verb
    (:func:`named_verdict`: "called the attack “barbaric”")."""
    out = []
    table, doc = ctx.table(sent.doc), sent.doc
    for i in range(sent.start, sent.end):
        if table.lemma[i] in ctx.acues.naming_verbs:
            named = named_verdict(ctx, doc[i])
            if named is not None:
                out.extend(named)
                continue
        if table.lemma[i] != "be":
            continue
        pred, speakers, accused = triggers.verdict_speakers(doc[i], ctx.cues, ctx.acues)
        if pred is not None and speakers:
            out.append(Candidate(trigger=pred, sense=VERDICT, kind="verbal", sources=speakers, source_how="subj",
                                 targets=accused, verdict=True))
    return out


def named_verdict(ctx: ArticleContext, v) -> Optional[list[Candidate]]:
    """The speaker's verdict a naming verb ``v`` says outright ("*called* the attack “barbaric”",
    :func:`~.triggers.naming_verdict`): an ACCUSE by its subject (a list of one, or empty when it has
    no subject of its own), or ``None`` when ``v`` names no verdict."""
    named = triggers.naming_verdict(v, ctx.acues) if v.pos_ == "VERB" else None
    if named is None:
        return None
    speakers, how = subjects(v, ctx.cues)
    if not speakers or how not in ("subj", "inherit"):
        return []
    return [Candidate(trigger=named, sense=VERDICT, kind="verbal", sources=speakers, source_how="subj",
                      targets=[], verdict=True)]


def casualties_to_acts(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """A casualty verb (or a passive with no doer: :func:`_no_doer`) whose cause is an act noun ("two soldiers were
    killed *in a militant attack*", "civilians killed *by Indian shelling*", "*the blast* killed 45
    people", "several people were shot *in a clash between police and protesters*") is that act's toll: the
    act noun is the event, its victims its target when it names none; the verb codes nothing more
    (unless the act has no named perpetrator: then the verb reports it)."""
    acts = {c.trigger.i: c for c in cands if c.kind in ("nominal", "light")}
    if not acts:
        return
    for c in cands:
        if c.kind != "verbal" or not (c.trigger.lemma_.lower() in ctx.cues.casualty_lemmas
                                      or (is_passive(c.trigger) and _no_doer(ctx, c))):
            continue
        causes = _causes(c.trigger) + _clause_causes(ctx, c.trigger) + _shared_causes(ctx, c.trigger)
        act = next((acts[t.i] for t in causes if t.i in acts), None)
        if act is not None and _victims_as_side(ctx, c, act):
            c.suppressed = True
            continue
        if act is None or not any(ctx.mention_for(t) for t in act.sources):
            continue   # an act with no named perpetrator: the casualty verb reports it ("killed in an attack")
        if not any(ctx.mention_for(t) for t in act.targets):
            act.targets = [t for t in c.targets if ctx.mention_for(t) is not None
                           or ctx.entity_for(t) is not None] or act.targets   # "a ship was targeted"
        c.suppressed = True


def _no_doer(ctx: ArticleContext, c: Candidate) -> bool:
    """Does a passive name no doer: no "by" phrase, or only an instrument with no operator ("a commercial
    ship was targeted *by a missile* ..., in another attack by Houthi militants": the attack's doer)?"""
    return all(arguments.is_instrument(s, ctx.cues) and ctx.mention_for(s) is None for s in c.sources)


def _victims_as_side(ctx: ArticleContext, c: Candidate, act: Candidate) -> bool:
    """A symmetric act with one side named ("killed in a gunbattle *with FARC dissidents*") and the
    casualty verb's victims the other ("two policemen"): both sides are its parties, the first in the
    text the source (news GUIDELINES §3); ``act`` takes them and True is returned, else False."""
    if any(ctx.mention_for(t) for t in act.sources) or not arguments.is_symmetric(ctx, act):
        return False
    other = [t for t in act.targets if ctx.mention_for(t) is not None]
    victims = [t for t in c.targets if ctx.mention_for(t) is not None]
    if not other or not victims:
        return False
    parties = sorted(victims[:1] + other[:1], key=lambda t: t.i)
    act.sources, act.targets, act.source_how = parties[:1], parties[1:], "subj"
    return True


def _causes(v) -> list:
    """The nouns a casualty verb names as its cause: its subject, its passive agent, the object of
    its "in"/"during"/"by"/"from" phrase."""
    out = [t for t in v.children if t.dep_ == "nsubj"]
    for p in v.children:
        if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ in ("in", "during", "by", "from")):
            out += [o for o in p.children if o.dep_ == "pobj"]
    return out


def _shared_causes(ctx: ArticleContext, v) -> list:
    """The cause a casualty verb shares with a casualty verb coordinated after it ("four soldiers were
    killed and three others wounded *in an ambush* by X": the ambush killed them too): the objects of
    the conjunct's cause phrases (not its subject); a verb in the active voice names its doer itself
    ("the army has killed 4,000 and injured 17,000 in its attacks": a toll of its own)."""
    out: list = []
    if not is_passive(v):
        return out
    for x in v.children:
        if x.dep_ == "conj" and x.lemma_.lower() in ctx.cues.casualty_lemmas:
            out += [o for o in _causes(x) if o.dep_ == "pobj"]
    return out


def _clause_causes(ctx: ArticleContext, v) -> list:
    """The act nouns of a clause that tells how the casualties came about ("seven civilians were
    killed *when* the army launched air strikes"): the objects of a "when"/"as" clause's verb."""
    marks = ctx.acues.casualty_clause_marks
    out = []
    for cl in v.children:
        if cl.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in cl.children):
            out += [o for o in cl.children if o.dep_ in ("dobj", "nsubj")]
    return out


def adjectival_candidates(ctx: ArticleContext, sent, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with the adjectival candidates added ("is willing to", "critical of"); a participle
    read as an adjective ("opposed to") replaces its verbal candidate."""
    table, doc = ctx.table(sent.doc), sent.doc
    for i in range(sent.start, sent.end):
        if table.lower[i] not in ctx.lex.adjectives:
            continue   # (triggers.adjective_sense's first test)
        t = doc[i]
        asense = triggers.adjective_sense(t, ctx.lex)
        if asense is None:
            continue
        if t.pos_ == "VERB":
            cands = [c for c in cands if c.trigger.i != t.i]
        c = Candidate(trigger=t, sense=asense, kind="verbal")
        arguments.adjective_args(ctx, c)
        cands.append(c)
    return cands


def nominal_candidates(ctx: ArticleContext, sent, light_nouns: dict, headline: bool) -> list[Candidate]:
    """The nominal candidates of ``sent`` with their arguments: "light" when a light verb carries the
    noun, else "nominal" (in a headline only its main noun: :func:`~.grammar.headline_act_noun`)."""
    out = []
    table, doc = ctx.table(sent.doc), sent.doc
    heads, nouns, refs = ctx.lex.noun_trigger_lemmas, ctx.lex.nouns, ctx.acues.act_reference_nouns
    for i in range(sent.start, sent.end):
        if table.lemma[i] not in heads and table.lower[i] not in nouns and table.lemma[i] not in refs:
            continue   # no noun sense, no gerund's, no act referred back to: nothing to read
        t = doc[i]
        sense = triggers.nominal_trigger(t, ctx.lex, ctx.config.name_entity_labels, ctx.config.no_event_hops,
                                         ctx.verb_keys)
        if sense is None:
            sense = _reference_sense(ctx, t)
        if sense is None or triggers.names_a_thing(t, ctx.lex) or triggers.warning_about(t, ctx.cues):
            continue
        lv = light_nouns.get(t.i)
        if lv is None and headline and not headline_act_noun(t):
            continue
        c = Candidate(trigger=t, sense=sense, kind="light" if lv is not None else "nominal", light=lv)
        arguments.nominal_args(ctx, c)
        out.append(c)
    return out


def _reference_sense(ctx: ArticleContext, t):
    """The sense of the last act that may be referred back to, for a noun that names no act of its own
    but restates it ("*The incident* happened around 4 a.m.": ``act_reference_nouns``), else ``None``."""
    if ctx.last_act_sense is None or t.lemma_.lower() not in ctx.acues.act_reference_nouns:
        return None
    return ctx.last_act_sense if arguments.restates(ctx, t) else None


# -- one candidate ----------------------------------------------------------------------------------

def resolve_arguments(ctx: ArticleContext, c: Candidate, sent) -> tuple[list, list]:
    """The source and target mentions of ``c``: question words and counts are never sources; an actor
    is never its own target; a protest's parties come from :func:`protest_parties`; with no actor
    undergoing it, the place it is done to gives the target ("shelled Juba"; a bare noun with a source
    keeps a town as its location only, as in the PLOVER gold standard and the seed: "the attack on
    Aleppo by rebel groups", but a state as its target: "Russia's war in Ukraine"; with no source the
    place is its target: "the attack in Douma"; a verbal act with no source, reported through its
    weapon or victims, keeps it: "a transport jet bombed the town of Kadugli")."""
    qw, rp = ctx.lex.quantity_words, ctx.cues.relative_pronouns
    sources = ctx.refs(arguments.operators(ctx, arguments.issuers(ctx, [
        t for t in c.sources if not ctx.per_token(t, "question", lambda: question_or_quantity(t, qw, rp))])))
    targets = arguments.referred_doers(ctx, c, target_refs(ctx, c))   # "hunt down the perpetrators"
    targets = reciprocal.standing_targets(ctx, c, targets)   # "called on both sides to ..."
    both = reciprocal.standing_for(ctx, c, targets)   # "both sides accused each other"
    if both is not None:
        if not both[0]:
            return [], []   # no two parties it can stand for: no event
        sources, targets = both
    if not sources:
        restated_sources, restated_targets = arguments.restated_act(ctx, c)
        if restated_sources:
            sources, targets, c.source_how = restated_sources, targets or restated_targets, "restated"
    if not sources and targets and c.sense.type.lower() in ctx.acues.attributable_types:
        sources = ctx.refs(arguments.attributed_doers(ctx, c))   # "IS claimed the blast ...", "blaming IS"
    if not sources:
        sources = arguments.context_doer(ctx, c)   # "the farmers were attacked": by the last doer
        if sources:
            c.source_how = "restated"
        else:
            sources = ctx.refs(arguments.announcer(ctx, c))
    kept = [t for t in targets if not arguments.generic_people(ctx, t)]
    c.generic_victims = bool(targets) and not kept   # "19 people were killed in airstrikes": no party
    targets = _other_parties(sources, kept, arguments.is_symmetric(ctx, c))
    sources, targets = arguments.symmetric_parties(ctx, c, sources, targets)
    if c.sense.type == "PROTEST":
        sources, targets = protest_parties(ctx, c, sources, targets)
    targets = targets or arguments.crowd_target(ctx, c)
    if c.verdict and not targets:
        targets = [ctx.last_source[k.upper()] for k in ctx.acues.verdict_act_types if k.upper() in ctx.last_source][:1]
    targets = targets or entity_targets(ctx, c, sources, after_place=False)   # "stormed the council building"
    targets = targets or [t for t in arguments.referred_act_target(ctx, c, sources)
                          if all(t.actor_id != s.actor_id for s in sources)] or arguments.answered_party(ctx, c, sources)
    if not targets and (sources or c.kind != "light"):
        targets = place_target(ctx, c, sent, sources)
    targets = targets or entity_targets(ctx, c, sources, after_place=True)
    targets = targets or arguments.protest_force_target(ctx, c, sources)   # after a place: "took over X"
    targets = _final_targets(ctx, c, sources, [t for t in targets if not arguments.generic_people(ctx, t)])
    sources = arguments.state_spokesman(ctx, c, sources)   # "Trump declared the U.S. would ...": the targets stand
    remember_parties(ctx, c, sources, targets)
    if c.source_how != "reciprocal":
        reciprocal.remember_parties(ctx, c, sources, targets)
    return sources, targets


def _final_targets(ctx: ArticleContext, c: Candidate, sources: list, targets: list) -> list:
    """The targets of ``c`` once no rule of its sentence found one but the side its source fights
    (:func:`~.reciprocal.adversary`: "... its forces hit residential areas"; not when only people in
    general undergo it), each owned thing referred to by its whole phrase (:func:`owned_thing`)."""
    if not targets and not c.generic_victims:
        targets = reciprocal.adversary(ctx, c, sources)
    return [owned_thing(ctx, t) for t in targets]


def owned_thing(ctx: ArticleContext, m: Mention) -> Mention:
    """A target named only by a demonym in front of the noun that undergoes the act ("stormed *a
    Palestinian town*", "fired missiles at *an American ship*", "summoned *the Iraqi charge
    d'affaires*"): the same party, referred to by the whole noun phrase (the thing or people of that
    party the act is done to); any other mention as it is, and one whose phrase names another party too."""
    if m.how not in ctx.acues.owner_hows:
        return m
    span = ctx.state.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return m
    tok = span.root
    head = tok.head
    if tok.dep_ not in ("amod", "compound", "nmod", "poss") or head.i <= tok.i or head.pos_ != "NOUN" \
            or head.lemma_.lower() not in owned_heads():
        return m
    start, end = np_span(head)
    while start < m.start and not ctx.text[start].isalnum():   # an opening quote: '"a Hamas operative'
        start += 1
    if start > m.start or end <= m.end or any(o.actor_id != m.actor_id for o in ctx.mentions_over(start, end)):
        return m   # (a phrase naming two owners names neither: "the BBC and Voice of America radio stations")
    return Mention(start=start, end=end, actor_id=m.actor_id, text=ctx.text[start:end], how=m.how)


def entity_targets(ctx: ArticleContext, c: Candidate, sources: list, after_place: bool) -> list:
    """The described entities ``c`` is done to (:func:`~.arguments.entity_targets`), tried before the
    place it is done to, or -- for an act noun with no doer, which stands on a place first ("the attack
    on X neighbourhood in the city of Jenin") -- after it (``after_place``)."""
    doerless_noun = c.kind == "nominal" and not sources
    return arguments.entity_targets(ctx, c, sources) if doerless_noun == after_place else []


def target_refs(ctx: ArticleContext, c: Candidate) -> list:
    """The target mentions of ``c``'s target tokens: a noun named by a participle or listing its
    members gives way to them ("the militia known as Fano", "28 people, including police"), an
    instrument to its operator; a medium only for the acts done to media; a described entity coordinated
    with them is one too ("on four officials and a construction company")."""
    named = arguments.listed_members(ctx, arguments.named_as(ctx, c.targets))
    refs = ctx.refs(arguments.operators(ctx, named), media=c.sense.type.lower() in ctx.acues.media_target_types)
    return refs + arguments.coordinated_entities(ctx, c, refs)


def place_target(ctx: ArticleContext, c: Candidate, sent, sources: list) -> list:
    """The place ``c`` is done to, or the one the act its frame embeds is done to, as its target (see
    :func:`resolve_arguments`): a state is a party ("Russia's war in Ukraine"); a town is not for a bare
    noun with a source, unless fire lands on it ("a Russian missile strike on Kyiv"); a place left is
    where the act happens ("fled Damascus")."""
    targets = place_targets(ctx, c, sent, sources) or framed_place(ctx, c, sent, sources)
    placeless = c.sense.type.lower() in ctx.acues.placeless_types
    if (c.kind == "nominal" and sources) or placeless:
        targets = [t for t in targets if t.how != "place"] or (
            [] if placeless else struck_place(ctx, c, sent, sources))
    return targets


def framed_place(ctx: ArticleContext, c: Candidate, sent, sources: list) -> list:
    """The place the act a frame embeds is done to or in, as the frame's target when no actor is
    ("threatened to impose a curfew *in Algiers*", "agreed to set up a research centre *in Tokyo*",
    "vowed to clean up *the city*"): a list of one place reference, or empty."""
    if not c.sense.frame or not c.embedded:
        return []
    return place_targets(ctx, c.embedded[0], sent, sources)


def remember_parties(ctx: ArticleContext, c: Candidate, sources: list, targets: list) -> None:
    """Keep the first actor source and target of ``c`` as the last ones of its type (for an act noun
    that refers back to it: :func:`~.arguments.referred_act_target`)."""
    kind = c.sense.type
    actors = [t for t in targets if t.how != "place"]
    if sources:
        ctx.last_source[kind] = sources[0]
        ctx.last_act[kind] = (sources[0], targets[0] if targets else None, ctx.sentence_of(c.trigger).start)
        if kind.lower() in ctx.acues.act_anaphor_types:
            ctx.last_act_sense = c.sense
    if actors:
        ctx.last_target[kind] = actors[0]


def _other_parties(sources: list, targets: list, symmetric: bool) -> list:
    """The targets that are not sources; when every target is also a source, none if the act is
    symmetric or they are the same parties ("talks between Iran and the US"), else the targets (three
    sources and one target among them: the others act on it, :func:`~.arguments.party_pairs`)."""
    if not sources:
        return targets
    others = [t for t in targets if all(t.actor_id != x.actor_id for x in sources)]
    if others or symmetric or {t.actor_id for t in targets} == {x.actor_id for x in sources}:
        return others
    return targets


def protest_parties(ctx: ArticleContext, c: Candidate, sources: list, targets: list) -> tuple[list, list]:
    """A protest's parties: a bare "protests" with no source is by the article's protesters (the
    nearest mention of them) and against whom its protests so far were; with no target, the protest's
    purpose names it (:func:`~.arguments.protest_target`)."""
    inferred = False
    if not sources and c.kind == "nominal" and _told_protest(c):
        held = ctx.protester_before(c.trigger.idx)   # "protests erupted": by the article's protesters
        sources, inferred = ([held], True) if held is not None else ([], False)
    if not targets and sources:
        targets = arguments.protest_target(ctx, c, sources) or arguments.opposed_party(ctx, c, sources)
        if not targets and inferred and ctx.protest_target is not None:
            targets = [ctx.protest_target]   # the same protests, against whom the article said
    if targets:
        ctx.protest_target = targets[0]
    return sources, targets


def _told_protest(c: Candidate) -> bool:
    """Is bare protest noun ``c`` told as an act ("*protests* erupted", "sparked mass *protests*"), not
    as the setting of another one in a prepositional phrase ("killed *in demonstrations*", "people
    linked *to the protests*", "detained over four nights *of protests*": a reference to the protests,
    no new one)? A headline's noun always is."""
    t = c.trigger
    return t.dep_ != "pobj" or headline_act_noun(t)


def _failed_conflict(ctx: ArticleContext, c: Candidate, k) -> bool:
    """Is ``c`` a failure (``failure_verbs``) to do a conflictual act or to stop one ("failed to stem the
    violence", "failed to capture the town")? A failure refuses nothing: only one to cooperate ("failed
    to agree", "failed to comply") is a REJECT."""
    return (k.type == "REJECT" and c.trigger.lemma_.lower() in ctx.cues.failure_verbs and bool(c.embedded)
            and ctx.onto.quad(c.embedded[0].sense.type).endswith("conflict"))


def _codes_no_act(ctx: ArticleContext, c: Candidate, k, sources: list) -> bool:
    """Does coded candidate ``c`` (coding ``k``, resolved ``sources``) tell no act after all (news
    GUIDELINES §1-§2)?"""
    return (_failed_conflict(ctx, c, k)   # "he had failed to stem growing jihadi violence": no refusal
            # "violence blamed on drug gangs": the act's doer, no one accusing
            or not sources and triggers.is_attribution_participle(c.trigger, ctx.cues)
            # "MSF warned that the forces have become a direct threat": a statement, no threat
            or k.type == "THREATEN" and _warning_of_a_state(ctx, c)
            # "eyewitnesses, who spoke to Anadolu over the phone": talking to the press, no consultation
            or k.type.lower() in ctx.cues.press_types and _to_media(ctx, c)
            # "a bomb went off as a police patrol passed by": the noun names the party, not an act
            or names_its_source(c, sources))


def names_its_source(c: Candidate, sources: list) -> bool:
    """Is the act noun of ``c`` the head of its own source's mention ("as a police *patrol* passed by":
    the actors stage read "police patrol" as the police, ``member_heads``)? Then the noun names a party,
    not an act done by it."""
    t = c.trigger
    return c.kind != "verbal" and any(s.start <= t.idx < s.end for s in sources)


def _warning_of_a_state(ctx: ArticleContext, c: Candidate) -> bool:
    """Is ``c`` a warning whose clause states how things are ("warned that the forces *have become* a
    direct threat", "warned that the situation *is* deteriorating"), not what would happen: no future
    or conditional in the clause and no act in it but a predicate noun ("a *threat*": what something is
    said to be)? A threat warns of consequences the warner would impose (news GUIDELINES §1: "warned it
    would"); a statement of fact threatens nothing."""
    if c.kind != "verbal" or c.trigger.lemma_.lower() not in ctx.cues.warning_words \
            or any(e.trigger.dep_ != "attr" for e in c.embedded):
        return False
    clauses = [ch for ch in c.trigger.children if ch.dep_ == "ccomp"]
    return bool(clauses) and all(
        analyze(ch, cues=ctx.modality_cues).modality not in ("future", "hypothetical") for ch in clauses)


def _to_media(ctx: ArticleContext, c: Candidate) -> bool:
    """Is every party ``c`` is addressed to a medium (a news agency, a broadcaster)?"""
    found = ctx.refs(c.targets, media=True)
    return bool(found) and all(ctx.actor_kind.get(m.actor_id) == "media" for m in found)


def _stands_without_source(ctx: ArticleContext, c: Candidate, targets: list) -> bool:
    """Would ``c`` be kept with no source (an act of a type that may stand without one,
    ``victim_types`` or ``crowd_types``, with a target its victims carry: :func:`victim_ok`; or sources
    are not required)? Only then may the argument ranker give it one: elsewhere that would add an event
    the rules dropped."""
    if not ctx.config.require_source:
        return True
    sourceless = ctx.cues.victim_types | ctx.cues.crowd_types
    return c.sense.type.lower() in sourceless and bool(targets) and victim_ok(ctx, c) is True


def victim_ok(ctx: ArticleContext, c: Candidate) -> bool | str:
    """An act reported only through its victims may stand without a source: a passive without agent
    ("three soldiers were abducted"), or a weapon or event as subject ("a bomb killed three soldiers");
    not a bare casualty verb ("three soldiers were killed" is a count, not an act)."""
    trig = c.trigger
    if c.sense.type.lower() in ctx.cues.crowd_types:
        return crowd_ok(ctx, c)
    if c.kind == "nominal":   # "the attack in Douma", "a missile strike on Kyiv": the act done to a place
        return True if _headline_act(ctx, c) else "place"   # "Massacre of villagers in Ituri": its victims
    if c.kind == "verbal" and trig.lemma_.lower() in ctx.cues.casualty_lemmas and not c.sources:
        return _names_the_act(ctx, trig)   # "five soldiers were killed": a count (a claim), not an act
    return c.kind == "verbal" and (
        (is_passive(trig) and not children(trig, "agent")) or any(
            x.lemma_.lower() in ctx.lex.nouns or arguments.is_instrument(x, ctx.cues) for x in c.sources))


def _headline_act(ctx: ArticleContext, c: Candidate) -> bool:
    """Is ``c``'s noun the act a headline reports (:func:`~.grammar.headline_act_noun`), or the root of a
    sentence without a verb of its own, which reads as one ("The bombing of a school in Gaza City.")?"""
    t = c.trigger
    if not headline_act_noun(t):
        return False
    sent = ctx.sentence_of(t)
    return t.dep_ == "ROOT" or ctx.per_sentence(sent, "headline", lambda: is_headline(ctx.sentence_text(sent)))


def crowd_ok(ctx: ArticleContext, c: Candidate) -> bool:
    """May a protest stand without a source? When its doers are an unnamed crowd: a noun that is what
    its sentence reports, as a headline's main noun or a clause's subject ("Mass *protests* in Lima
    against ...", "*Protests* against the decree spread to Kumasi"; not "a crackdown on *protests*", an
    act done to them), or a verb whose subject only counts them ("*Thousands* rallied in Tbilisi", "tens
    of thousands marched"); not when its subject names someone the actors stage did not find, or is
    missing (the protest is theirs, and a guess at its target would be all it has)."""
    t = c.trigger
    if c.kind != "verbal":
        return headline_act_noun(t) or t.dep_ in HEADLINE_SUBJECT_DEPS
    subj = children(t, "nsubj")
    return bool(subj) and all(_only_counts(ctx, s) for s in subj)


def _only_counts(ctx: ArticleContext, tok) -> bool:
    """Does the noun phrase headed by ``tok`` only count people ("thousands", "tens of thousands", "200")?"""
    qw = ctx.lex.quantity_words
    while tok.pos_ == "NUM" or tok.lower_ in qw:
        of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if not of:
            return True
        tok = of[0]
    return False


def unnamed_victims(ctx: ArticleContext, c: Candidate) -> bool:
    """May an act stand with neither party named? Only an agentless passive of an act verb whose
    victims are no actor ("More than 400 women and children have been kidnapped", "at least 10 had been
    shot dead", "dozens of houses were destroyed"): the news gold codes it with source and target null
    (GUIDELINES: a party is null when the text does not say); not a bare casualty verb ("three were
    killed" is a count, a claim), not a participle without its own subject ("equipment seized last
    year", "the measures, first imposed in 2011"), not a relative clause ("a state of emergency that
    was imposed") and not an active or nominal act (its parties are only unresolved)."""
    trig = c.trigger
    return (c.kind == "verbal" and trig.dep_ != "relcl" and is_passive(trig) and bool(children(trig, "nsubjpass"))
            and not children(trig, "agent") and trig.lemma_.lower() not in ctx.cues.casualty_lemmas
            and not _present_state(trig))


def _present_state(trig) -> bool:
    """Is passive ``trig`` in the simple present with no time of its own ("access to the region *is
    restricted*", "the border crossings *are closed*")? It tells how things stand, not an act done."""
    aux = children(trig, "auxpass")
    return bool(aux) and all(a.tag_ in ("VBZ", "VBP") for a in aux) and not children(trig, "aux") \
        and not any(x.ent_type_ in ("DATE", "TIME") for x in trig.subtree)


def _names_the_act(ctx: ArticleContext, trig) -> bool:
    """Does a casualty verb name the act that caused it ("killed *in a suicide car bombing*", "wounded
    *in an explosion*")? Its prepositional objects: an attack noun or a weapon (not "killed *in
    demonstrations*": the count of a protest's dead names no act; not "killed *in that attack*", "wounded
    *in the clash*": a bare definite act noun refers back to an act told before, whose toll it is)."""
    for p in trig.children:
        if p.dep_ != "prep":
            continue
        for o in p.children:
            sense = ctx.lex.nouns.get(o.lemma_.lower()) if o.dep_ == "pobj" else None
            if sense is not None and sense.type == "ASSAULT" and _bare_definite(ctx, o):
                continue
            if o.dep_ == "pobj" and ((sense is not None and sense.type == "ASSAULT") or arguments.is_instrument(o, ctx.cues)):
                return True
    return False


def _bare_definite(ctx: ArticleContext, n) -> bool:
    """Is act noun ``n`` definite with no phrase or modifier of its own ("in *the attack*", "in *that
    clash*"; not "in the attack *on the market*", "in the *Israeli* strike")? It refers back to an act
    the article told before."""
    return arguments.definite_act(ctx, n) and not any(
        c.dep_ in ("prep", "amod", "compound", "nmod", "poss", "acl", "relcl") for c in n.children)


def sentence_span(ctx: ArticleContext, sent) -> Span:
    """The sentence as evidence: its text without surrounding white space (made once per sentence)."""
    return ctx.per_sentence(sent, "span", lambda: _sentence_span(ctx, sent))


def _sentence_span(ctx: ArticleContext, sent) -> Span:
    text = ctx.text
    ss, se = sent[0].idx, sent[-1].idx + len(sent[-1].text)
    while ss < se and text[ss].isspace():
        ss += 1
    while se > ss and text[se - 1].isspace():
        se -= 1
    return Span(text=text[ss:se], start=ss, end=se)


def trigger_text(ctx: ArticleContext, c: Candidate) -> str:
    """The trigger as it stands in the article: the word, or the words from the light verb or
    the verb to its particle ("carried out strikes", "reach out"), always a slice of the text (the
    trigger word alone when that would be too long)."""
    toks = c.heads
    if c.light is None and c.kind == "verbal":
        toks += [ch for ch in c.trigger.children if ch.dep_ == "prt"]
        if c.obligation:
            toks += [a for a in c.trigger.children if a.dep_ == "aux" and a.lower_ in ctx.cues.obligation_aux]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    if end - start > ctx.config.max_trigger_chars:
        start, end = c.trigger.idx, c.trigger.idx + len(c.trigger.text)
    return ctx.text[start:end]


def build_events(ctx: ArticleContext, c: Candidate, sent) -> list[RawEvent]:
    """One raw event per source/target pair of ``c`` ("supported by Russia and Iran": two), or none
    when it has neither."""
    sources, targets = resolve_arguments(ctx, c, sent)
    if ctx.ranker is not None:   # the trained argument ranker (ranker.py), when switched on
        sources, targets = ctx.ranker.review(ctx, c, sent, sources, targets,
                                             fill_source=not sources and _stands_without_source(ctx, c, targets))
    unnamed = not sources and not targets
    if unnamed and not (unnamed_victims(ctx, c) or c.located or c.generic_victims and victim_ok(ctx, c)):
        return []
    trig = c.trigger
    # an act noun in its carrier's "of" phrase has the carrier's modality ("the next round of dialogue
    # will take place": a future meeting)
    carrier = triggers.carrier_of(trig, ctx.lex) if c.kind != "verbal" else None
    mod = analyze(carrier if carrier is not None else trig, is_noun=(c.kind != "verbal"), cues=ctx.modality_cues)
    denied = mod.negated and triggers.under_denial(c, ctx.modality_cues, hops=ctx.config.denial_hops)
    if denied or triggers.denied_content(c, ctx.modality_cues) or triggers.in_doubt(c, ctx.cues, ctx.modality_cues):
        return []   # "Russia denied striking civilians": a denial codes nothing (news GUIDELINES §2)
    k = classify.code(ctx, c, mod.negated, mod.modality)
    classify.by_target_kind(ctx, k, targets)
    if _codes_no_act(ctx, c, k, sources):
        return []
    if unnamed and k.type.lower() not in ctx.cues.victim_types:
        return []
    contexts = classify.contexts(ctx, c, sent)
    place = location(ctx, c, sent)
    date = event_date(ctx, c, sent, k.modality)
    from_lead = date is None and lead_dateable(ctx, c, sent, k.modality)
    if historical(ctx, c, date, k.modality):
        k.modality = "historical"
    classify.quoted_report(ctx, c, k)
    cameo = classify.cameo(ctx, c, k)
    headline = ctx.per_sentence(sent, "headline", lambda: is_headline(ctx.sentence_text(sent)))
    conf = confidence(features(c, sources, targets, k.modality, headline, ctx.is_kb, ctx.cues, GUESS_PREFIXES),
                      ctx.config)
    span = sentence_span(ctx, sent)
    ok = "unnamed" if unnamed else victim_ok(ctx, c)
    text = trigger_text(ctx, c)
    return [RawEvent(type=k.type, mode=k.mode, contexts=contexts, source=src, target=tgt, negated=k.negated,
                     modality=k.modality, date=date, location=place, sentence=span, trigger=text,
                     confidence=conf, cameo=cameo, lemma=trig.lemma_.lower(), sent_start=span.start,
                     victim_ok=ok, restated=c.source_how == "restated", headline=headline,
                     lead_dateable=from_lead)
            for src, tgt in arguments.party_pairs(ctx, c, sources, targets)]
