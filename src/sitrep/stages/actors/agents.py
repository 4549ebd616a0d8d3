"""Generic agents (``kb/data/agents.yaml``): nouns naming an actor by its sector, not its name.

1. An agent noun ("rebels", "security forces", "officials") takes in the words in front that belong
   to it: its own modifiers ("national security forces"), actor mentions ("Russian officials", "Iran's
   army", "HTS-led rebels"), a place ("Baghdad police" -> IRQ) -- but not a joiner ("Iran-backed
   militias" are not Iran) nor a quantifier ("many troops", "its own people").
2. Its country or group comes from those words, from where it is ("demonstrators in Baghdad"; not for
   armed forces, often abroad) or from an "of" phrase ("the army of Syria").
3. With a group it is that group ("HTS fighters"); with a country, a government word ("the regime",
   "Russian officials") is the state itself, any other an actor of that state's sector (CAMEO style:
   "Syrian troops" -> ``SYR_MIL`` affiliated with SYR; "Syrian rebels" -> ``SYR_REB``).
4. Bare agents are resolved last: "its fighters" -> the possessor; "the regime" -> the same agent
   named before; "the rebels" -> the article's dominant armed group; a state's organ or its opposition
   ("police", "the army", "the authorities", "protesters") in a story about one state -> that state's
   sector (``KEN_COP``: :func:`focus_actor`); else one generic actor per agent word ("protesters" ->
   ``PROTESTER``, sector OPP).
"""

from __future__ import annotations

from typing import Optional

from ...kb import slug
from ...lang.casing import capitalised_by_position, singular
from .frames import place_country
from ...lang.coref import GROUP_KINDS
from .model import ARMED_SECTORS, NAMED_HOWS, STATE_SECTORS, ActorRecord, MentionRecord


def head_entries(b, tok) -> list:
    """The agents whose head noun ``tok`` is: by its lemma, its word, or -- for a plural spaCy left
    unlemmatised, as it does a word capitalised only by its position (a sentence start, after a wire
    dateline, in a Title-Case headline: "Gendarmes arrested ...", "MOGADISHU (Reuters) - Gunmen stormed
    ...", "Militants Kill 12 In Attack On Market") -- its word without the plural "s" (with "-men" made
    "-man", "-ies" made "-y")."""
    by_head = b.agents.by_head
    cands = by_head.get(tok.lemma_.lower()) or by_head.get(tok.lower_)
    if not cands and (tok.tag_ in ("NNPS", "NNS") or capitalised_by_position(tok, b.config.headline_case_share)):
        cands = by_head.get(singular(tok.lower_))
    return cands or []


def agent_at(b, tok):
    """The agent whose phrase ends at noun ``tok``, reading up to ``agent_modifier_window`` lemmas
    in front ("security forces" -> COP, "forces" -> MIL), or ``None``."""
    if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "ADJ" and tok.dep_ == "amod" and _names_head(b, tok)):
        return None   # an adjective only as an act's doer or its members': "a *militant* attack", "*military* units"
    cands = head_entries(b, tok)
    if not cands:
        return None
    lefts = [t.lemma_.lower() for t in b.doc[max(tok.left_edge.i, tok.i - b.config.agent_modifier_window):tok.i]]
    return b.agents.match(lefts + [cands[0].head])


def country_sector_actor(b, country: str, sector: str, word: str, kind: Optional[str]) -> str:
    """The actor of a state's sector, ``<ISO3>_<SECTOR>`` ("Syria military" = ``SYR_MIL``), made on
    first use: of ``kind`` (by default an armed group for rebel sectors, else an organisation),
    affiliated with the state when the sector is the state's own."""
    key = f"{country}_{sector}"
    if key not in b.actors:
        cname = b.kb.entries[country].name if country in b.kb.entries else country
        if kind is None:
            kind = "armed_group" if sector in ARMED_SECTORS else "organization"
        b.actors[key] = ActorRecord(key=key, name=f"{cname} {b.cues.sector_names.get(sector, word)}", kind=kind,
                                    country=country, sector=sector,
                                    affiliation=country if sector in STATE_SECTORS else None)
    return key


# -- the words in front ------------------------------------------------------------------------
def _place_in_front(b, j: int, lo: int, t) -> Optional[tuple[int, str]]:
    """ "Darfur rebels", "Baghdad police": a place in front (a name the model did not call a place
    must be a sizeable town) -> (its first token, its country)."""
    doc = b.doc
    k = j
    while k - 1 >= lo and doc[k - 1].ent_iob_ == "I" and doc[k].ent_iob_ != "B":
        k -= 1
    c3 = place_country(b, doc[k:j + 1].text, b.config.place_min_population if t.ent_type_ in ("GPE", "LOC")
                       else b.config.big_place_population)
    return (k, c3) if c3 else None


def _own_modifier(b, t, tok) -> bool:
    """ "regional partners", "top lawmakers", "Chilean government officials", "army officers", "French
    paper workers": an adjective or noun modifying the agent (or itself an agent), or the members'
    noun the agent names ("*Federal* army units")."""
    member = member_head(b, tok)
    heads = (tok.i,) if member is None else (tok.i, member.i)
    if t.dep_ == "amod" and t.head.i in heads and t.pos_ == "ADJ":
        return True
    return t.dep_ in ("compound", "amod") and t.pos_ in ("NOUN", "ADJ") and (
        agent_at(b, t) is not None or t.head.i in heads)


def _led_by(b, j: int, lo: int) -> Optional[int]:
    """ "HTS-led rebels", "Iran's army": the token of the mention before the dash, "led" or
    possessive, or ``None``."""
    doc = b.doc
    k = j - 1
    while k >= lo and (doc[k].text in ("-", "\u2013") or doc[k].lower_ in b.cues.leader_words):
        k -= 1
    return k if k >= lo and b.tok_owner.get(k) is not None else None


def agent_left(b, tok, agent):
    """Where an agent's mention starts, scanning left from its head over the agent's own words
    ("security forces"), actor mentions ("Russian", "Iran's", "HTS-led") and their joiners;
    plus the country a person before it gives ("Bashar al-Assad's regime" -> SYR)."""
    doc = b.doc
    lo = tok.left_edge.i
    if tok.dep_ in ("amod", "compound") and _names_head(b, tok):
        lo = min(lo, tok.head.left_edge.i)   # "*U.S.* military airstrikes": the name is the act's modifier too
    ts = max(lo, tok.i - len(agent.modifiers))
    country, via_dem = None, False
    j = ts - 1
    while j >= lo:
        t = doc[j]
        m = b.tok_owner.get(j)
        if m is not None:
            a = b.actors.get(m.key)
            if a is not None and a.kind == "person":
                country = (b.kb.state_of(a.kb_id) if a.kb_id else None) or a.country
                break
            ts = m.ts
            j = m.ts - 1
            continue
        if country is None and (t.ent_type_ or t.pos_ == "PROPN") and t.dep_ in ("compound", "amod", "nmod"):
            place = _place_in_front(b, j, lo, t)
            if place:
                ts, country = place
                j = ts - 1
                continue
        if t.lower_ in b.cues.agent_name_stop:
            break  # "its own people", "many troops": not part of the agent's name
        if _own_modifier(b, t, tok):
            ts = j
            j -= 1
            continue
        if t.lower_ in b.cues.agent_joiners:
            break  # "Iran-backed militias" are not Iran (the relations stage reads "backed")
        if t.tag_ == "POS" or t.text in ("-", "\u2013") or t.lower_ in b.cues.leader_words:
            k = _led_by(b, j, lo)
            if k is not None:
                j = k  # "HTS-led rebels", "Iran's army": the mention joins the agent
                continue
            break
        break
    while ts < tok.i and (doc[ts].tag_ == "POS" or doc[ts].is_punct):
        ts += 1
    return ts, country, via_dem


# -- whose agent it is -------------------------------------------------------------------------
def located_country(b, tok, country: Optional[str]) -> Optional[str]:
    """ "demonstrators in Baghdad", "students throughout Indonesia": where they are gives their
    country (CAMEO)."""
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in b.cues.located_preps:
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                pm = b.tok_owner.get(p.i)
                if pm is not None and b.actors.get(pm.key) is not None:
                    pa = b.actors[pm.key]
                    if pa.kind == "state":
                        country = pa.key
                elif p.ent_type_ in ("GPE", "LOC"):
                    span = next((e for e in b.doc.ents if e.start <= p.i < e.end), None)
                    if span is not None:
                        country = place_country(b, span.text)
    return country


def belonging_owner(b, tok, country: Optional[str], group: Optional[str]):
    """ "the army of Syria" -> SYR, "fighters from HTS" -> HTS, "forces loyal to Haftar" -> Haftar
    (his side, as "Haftar's forces"; a person only after a belonging adjective: "supporters of X" are
    not X): (country, group) after the "of"/"from" phrase or the "to" phrase of a belonging adjective."""
    for p, loyal in _belonging_objects(b, tok):
        m = b.tok_owner.get(p.i)
        if m is None or m.key not in b.actors:
            continue
        a = b.actors[m.key]
        if a.kind == "state":
            country = a.key
        elif a.kind in GROUP_KINDS or (loyal and a.kind == "person"):
            group = a.key
    return country, group


def _belonging_objects(b, tok) -> list[tuple]:
    """(object, after a belonging adjective) of an agent's belonging prepositions ("the army *of
    Syria*") and of the "to" phrase of a belonging adjective after it ("fighters *loyal to Haftar*")."""
    out = []
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in b.cues.belonging_preps:
            out += [(p, False) for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "amod" and c.lemma_.lower() in b.cues.belonging_adjectives:
            out += [(p, True) for pr in c.children if pr.dep_ == "prep" and pr.lower_ == "to"
                    for p in pr.children if p.dep_ == "pobj"]
    return out


def absorbed_owner(b, absorbed: list[MentionRecord], agent, country, group, via_dem):
    """The country or group the mentions taken into the agent give: a state ("Russian officials"), a
    group ("HTS fighters"; a state's own sector of a state body goes to its state), a person's state."""
    for m in absorbed:
        a = b.actors.get(m.key)
        if a is None:
            continue  # an agent not resolved yet (key "")
        st = b.kb.state_of(a.kb_id) if a.kb_id else None
        if a.kind == "state":
            country = a.key
            via_dem = via_dem or m.how == "demonym"
        elif a.kind in GROUP_KINDS:
            if agent.sector in STATE_SECTORS and st:
                country = st
            else:
                group = a.key
        elif a.kind == "person" and (st or a.country):
            country = st or a.country
    return country, group, via_dem


def agent_key(b, agent, country, group, via_dem) -> tuple[Optional[str], str]:
    """(actor key, how) of an agent: its group, its state (government words), its state's sector, or
    ``None`` for a bare agent resolved later."""
    if group:
        return group, "agent"
    how = "demonym" if via_dem else "agent"
    if country and (agent.state or agent.kind == "state"):
        return b.add_actor_kb(country), how
    if country:
        kind = agent.kind if agent.kind != "state" else "organization"
        return country_sector_actor(b, country, agent.sector, agent.word, kind), how
    return None, "agent"


# -- mentions ----------------------------------------------------------------------------------
def agent_candidates(b) -> list[int]:
    """Tokens whose lemma or word is an agent head, not yet in a mention."""
    by_head = b.agents.by_head
    out = []
    for i, (lem, w) in enumerate(zip(b.lemmas, b.words)):
        low = w.lower()
        if i in b.tok_owner or not (lem in by_head or low in by_head or singular(low) in by_head):
            continue   # a cheap look first (spaCy tokens are costly to make), then the real one
        if head_entries(b, b.doc[i]):
            out.append(i)
    return out


def agent_here(b, tok):
    """The agent ``tok`` heads as an actor, or ``None``: titles are the persons' ("spokesman"), a
    modifier is no actor ("security" of "security forces", "rebel attack", "police station")."""
    if tok.i in b.tok_owner:
        return None
    agent = agent_at(b, tok)
    if agent is None or agent.role:
        return None  # titles are handled with persons
    if tok.dep_ == "compound" and agent_at(b, tok.head) is not None:
        return None  # "security" of "security forces" handled at the head
    if tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN" and not _names_head(b, tok):
        return None  # "rebel barracks", "police station": a modifier, not an actor
    if any(c.dep_ == "appos" and c.i in b.tok_owner for c in tok.rights):
        return None  # "the militant group Hamas": the name after it is the actor
    return agent


def _names_head(b, tok) -> bool:
    """Does the agent word ``tok`` modifying a noun name an actor there: the doer of an act noun ("a
    *militant* attack", :func:`_act_modifier`) or the whole its noun is a part or the members of
    ("*army* units", :func:`member_head`)?"""
    return _act_modifier(b, tok) or member_head(b, tok) is not None


def member_head(b, tok):
    """The noun after the agent word ``tok`` naming its members or a part of it ("*army* units",
    "*militia* members", ``member_heads``), which the agent then names whole; ``None`` when there is
    none, or when the members belong to someone else ("*her* family members", "dissident members *of
    the FARC*": the possessor's or the "of" phrase's)."""
    head = tok.head
    if tok.dep_ not in ("amod", "compound") or head.i <= tok.i or not (
            head.lemma_.lower() in b.cues.member_heads or singular(head.lower_) in b.cues.member_heads):
        return None
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in b.cues.belonging_preps) for c in head.children):
        return None
    return head


def _act_modifier(b, tok) -> bool:
    """Is ``tok`` the agent word modifying an act noun, naming who did it ("a *militant* attack",
    "*U.S. military* airstrikes", ``agent_act_nouns``)? Its plural head counts too ("militant attacks");
    an instrument does not ("a *drone* strike", ``act_modifier_instruments``), nor a word saying what
    kind of act it is with no name in front ("a *military* operation", ``act_modifier_kinds``)."""
    head = tok.head
    lemma = tok.lemma_.lower()
    if lemma in b.cues.act_modifier_instruments:
        return False
    if lemma in b.cues.act_modifier_kinds and (tok.i == 0 or tok.i - 1 not in b.tok_owner):
        return False
    return head.lemma_.lower() in b.cues.agent_act_nouns or head.lower_.rstrip("s") in b.cues.agent_act_nouns


def agent_mention(b, tok, agent) -> None:
    """One agent noun: its mention over the words in front it takes in, resolved now when the text
    gives its country or group, else recorded for :func:`generic_agents`."""
    doc = b.doc
    ts, country, via_dem = agent_left(b, tok, agent)
    member = member_head(b, tok)
    te = member.i if member is not None else agent_right(b, tok)   # "army units": the mention ends with the members' noun
    absorbed = []
    for i in [*range(ts, tok.i), *range(tok.i + 1, te + 1)]:
        m = b.tok_owner.get(i)
        if m is not None and m not in absorbed:
            absorbed.append(m)
    # not for armed forces, which are often abroad ("a force of 1,000 US troops in Syria")
    if country is None and agent.sector != "MIL":
        country = located_country(b, tok, country)
    country, group = belonging_owner(b, tok, country, None)
    country, group, via_dem = absorbed_owner(b, absorbed, agent, country, group, via_dem)
    for m in absorbed:
        b.remove_mention(m)
    key, how = agent_key(b, agent, country, group, via_dem)
    m = MentionRecord(start=doc[ts].idx, end=doc[te].idx + len(doc[te].text), key=key or "", how=how, ts=ts,
                      te=te + 1, head=tok.i)
    if key:
        b.ments.append(m)
    else:
        b.agent_records.append((m, agent))
    for i in range(ts, te + 1):
        b.tok_owner[i] = m


def agent_right(b, tok) -> int:
    """The last token of an agent's mention: the agent itself, or -- in a language whose adjectives follow
    the noun (French) -- the demonym right after it ("les rebelles *syriens*", "l'armée *russe*")."""
    if b.doc.lang_ == "en":
        return tok.i
    for c in tok.rights:
        if c.i != tok.i + 1 or c.dep_ != "amod":
            break
        m = b.tok_owner.get(c.i)
        a = b.actors.get(m.key) if m is not None else None
        if m is not None and m.how == "demonym" and a is not None and a.kind == "state":
            return c.i
        break
    return tok.i


def agent_mentions(b) -> None:
    """Every agent noun of the article (see the module docstring, steps 1-3)."""
    b.agent_records = []  # (mention, agent) for bare agents resolved later
    for i in agent_candidates(b):
        tok = b.doc[i]
        agent = agent_here(b, tok)
        if agent is not None:
            agent_mention(b, tok, agent)


# -- bare agents -------------------------------------------------------------------------------
def dominant_actors(b) -> dict[str, str]:
    """Kind -> the named actor of that kind the article names most: at least
    ``dominant_min_mentions`` times and ``dominant_lead_ratio`` times as often as the next one."""
    named = {m.key for m in b.ments if m.how in NAMED_HOWS}
    counts: dict[str, int] = {}
    for m in b.ments:
        if m.key in named and m.how != "pronoun":
            counts[m.key] = counts.get(m.key, 0) + 1
    by_kind: dict[str, list[tuple[int, str]]] = {}
    for k, n in counts.items():
        by_kind.setdefault(b.actors[k].kind, []).append((n, k))
    for lst in by_kind.values():
        lst.sort(reverse=True)
    cfg = b.config
    dominant = {}
    for kind, lst in by_kind.items():
        if lst and lst[0][0] >= cfg.dominant_min_mentions and (
                len(lst) == 1 or lst[0][0] >= cfg.dominant_lead_ratio * lst[1][0]):
            dominant[kind] = lst[0][1]
    return dominant


def possessor_group(b, m: MentionRecord, htok) -> Optional[str]:
    """ "its fighters", "the group's militants": the possessing organisation."""
    key = None
    for c in htok.lefts:
        pm = b.tok_owner.get(c.i)
        if c.dep_ == "poss" and pm is not None and pm is not m and pm.key in b.actors \
                and b.actors[pm.key].kind in GROUP_KINDS:
            key = pm.key
    return key


def earlier_same_agent(b, m: MentionRecord, htok) -> list[MentionRecord]:
    """ "The Assad regime ... The regime": resolved agents with the same head before a definite one
    (not "the army of ...")."""
    definite = any(c.lower_ == "the" for c in htok.lefts)
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in htok.rights)
    if not definite or has_of:
        return []
    head = b.doc[m.head].lemma_.lower()
    return [x for x in b.ments if x.start < m.start and x.how in ("agent", "demonym")
            and b.doc[x.head].lemma_.lower() == head]


def generic_actor(b, m: MentionRecord, agent) -> str:
    """One generic actor per agent word, named by its first mention ("protesters" -> PROTESTER)."""
    key = slug(agent.word)
    key = key if key not in b.kb.entries else f"{key}_AGENT"
    if key not in b.actors:
        b.actors[key] = ActorRecord(key=key, name=b.doc[m.ts:m.te].text,
                                    kind=agent.kind if agent.kind != "state" else "organization",
                                    sector=agent.sector)
    return key


def story_state(b) -> Optional[str]:
    """The state the story is about, or ``None``: the state its mentions name -- by name, demonym or
    metonym, or through an agent or organ of it ("Kenyan police", "the Kenyan foreign ministry") -- at
    least ``focus_min_mentions`` times and ``focus_lead_ratio`` times as often as the next state.
    Pronouns do not count, nor persons (a visiting minister does not make the story his country's)."""
    counts: dict[str, int] = {}
    for m in b.ments:
        a = b.actors.get(m.key)
        if a is None or m.how == "pronoun" or a.kind == "person":
            continue
        st = a.key if a.kind == "state" else a.affiliation
        if st and b.kind_of(st) == "state":
            counts[st] = counts.get(st, 0) + 1
    ranked = sorted(((n, k) for k, n in counts.items()), reverse=True)
    cfg = b.config
    if ranked and ranked[0][0] >= cfg.focus_min_mentions and (
            len(ranked) == 1 or ranked[0][0] >= cfg.focus_lead_ratio * ranked[1][0]):
        return ranked[0][1]
    return None


def _sector_countries(b, sector: str) -> set[str]:
    """The countries of the article's actors of ``sector`` that are no state nor person ("Israeli
    forces" -> ISR for MIL)."""
    out = set()
    for m in b.ments:
        a = b.actors.get(m.key)
        if a is not None and a.sector == sector and a.country and a.kind not in ("state", "person"):
            out.add(a.country)
    return out


def _named_complement(b, m: MentionRecord, htok) -> bool:
    """Does a prepositional complement after the agent hold the mention of another actor that is no
    person ("responsables *du Hamas*"; "the government *of Aung San Suu Kyi*" is still the story's)?"""
    for c in htok.rights:
        if c.dep_ in ("prep", "nmod") and any(
                (o := b.tok_owner.get(t.i)) is not None and o is not m and o.key and b.kind_of(o.key) != "person"
                for t in c.subtree):
            return True
    return False


def focus_actor(b, m: MentionRecord, htok, agent, focus: Optional[str]) -> Optional[str]:
    """A bare agent of a ``focus_sectors`` sector as the actor of that sector of the story's state
    (:func:`story_state`): "police" in a story about Kenya -> ``KEN_COP``; else ``None``. Not an
    instrument ("drones"), nor a ``focus_excluded`` word ("partners", "peacekeepers"), nor when the
    article names an actor of that sector of another state ("Israeli forces ... the forces" in a story
    about Gaza: whose forces the text does not say), nor when a complement of the agent names an actor
    the belonging rules did not read ("des responsables *du Hamas*"). A government word becomes the state's government
    actor (``KEN_GOV``), not the state itself as "Kenya's government" does: the country is inferred, and
    the state named beside it stays a party of its own."""
    cues = b.cues
    if agent.sector.lower() not in cues.focus_sectors or agent.word in cues.focus_excluded \
            or agent.head in cues.act_modifier_instruments:
        return None
    if focus is None or not _sector_countries(b, agent.sector) <= {focus} or _named_complement(b, m, htok):
        return None
    return country_sector_actor(b, focus, agent.sector, agent.word,
                                agent.kind if agent.kind != "state" else "organization")


def generic_agents(b) -> None:
    """Bare agents: "the regime" -> the regime already named; "the rebels" -> the article's dominant
    armed group; else one generic actor per sector."""
    if not b.agent_records:
        return
    dominant = dominant_actors(b)
    focus = story_state(b)
    for m, agent in sorted(b.agent_records, key=lambda r: r[0].start):
        htok = b.doc[m.head]
        earlier = earlier_same_agent(b, m, htok)
        key = possessor_group(b, m, htok)
        if key is None and earlier:
            key = max(earlier, key=lambda x: x.start).key
        elif agent.kind == "armed_group" and agent.kind in dominant:
            key = dominant[agent.kind]
        if key is None:
            key = focus_actor(b, m, htok, agent, focus)
        if key is None:
            key = generic_actor(b, m, agent)
        m.key = key
        b.ments.append(m)
