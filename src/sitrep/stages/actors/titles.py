"""Bare titles: "the Pentagon spokesman", "a NATO commander", "the American general", "rebel leaders".

1. A singular title refers to the person the text gave that title (:func:`sitrep.lang.coref.title_holder`):
   "State Department spokeswoman Clara Voss said ... The State Department spokeswoman later added".
2. Else it stands for its organisation ("the FBI director" -> FBI, "A NATO commander" -> NATO) ...
3. ... or for its state's sector (CAMEO: "a Russian diplomat" -> RUS, "the American general" ->
   USA_MIL), and a plural without a state for a generic group of that sector ("senior commanders").

A title is not bare when it belongs to a name: "his spokesman", "Pentagon spokesman Pat Ryder", "Pat
Ryder, the Pentagon spokesman", "the spokesman's office".
"""

from __future__ import annotations

from typing import Optional

from ...lang.coref import title_holder
from ...kb import slug
from .agents import agent_at, country_sector_actor
from .model import ActorRecord
from .persons import norm_affiliation, role_from_tokens


def title_persons(b) -> list[dict]:
    """The persons mentioned so far, as :func:`sitrep.lang.coref.title_holder` wants them: actor, role,
    affiliation, first and last mention offsets."""
    persons = []
    for a in b.actors.values():
        if a.kind != "person":
            continue
        ms = [m for m in b.ments if m.key == a.key]
        if not ms:
            continue
        persons.append({"actor": a.key, "role": a.role, "affiliation": a.affiliation,
                        "first": min(m.start for m in ms), "last": max(m.start for m in ms)})
    return persons


def belongs_to_a_name(b, tok) -> bool:
    """ "Pentagon spokesman Pat Ryder", "Pat Ryder, the Pentagon spokesman", "Ryder's spokesman
    office": the title is part of a named person's, not a bare title."""
    if tok.head.i in b.tok_owner and b.kind_of(b.tok_owner[tok.head.i].key) == "person":
        return True  # part of a named person's title
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children) or (
            tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON"):
        return True
    nxt = b.doc[tok.i + 1] if tok.i + 1 < len(b.doc) else None
    return nxt is not None and nxt.ent_type_ == "PERSON"


def bare_title_agent(b, tok):
    """The title agent of ``tok`` when it stands alone for a person or a body, else ``None``: not
    already in a mention, a common or proper noun, no possessor ("their heads", "his spokesman"),
    not part of a name, not a modifier ("the spokesman's office")."""
    if tok.i in b.tok_owner or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    agent = agent_at(b, tok)
    if agent is None or not agent.role:
        return None
    if any(c.dep_ == "poss" for c in tok.lefts) or tok.tag_ not in ("NN", "NNP", "NNS", "NNPS"):
        return None  # "their heads", "his spokesman": not a title standing for a person
    if belongs_to_a_name(b, tok) or tok.dep_ in ("compound", "amod"):
        return None
    return agent


def title_start(b, tok) -> int:
    """Where a bare title's mention starts: its left edge without determiners, numbers, quotes."""
    doc = b.doc
    ts = tok.left_edge.i
    while ts < tok.i and (doc[ts].pos_ in ("DET", "PUNCT", "NUM") or doc[ts].lower_ in b.cues.trim_left):
        ts += 1
    return ts


def of_actor(b, tok) -> Optional[str]:
    """The actor of an "of" phrase after the title: "the spokesman of the White House" -> USA."""
    key = None
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.i in b.tok_owner:
                    key = key or b.tok_owner[p.i].key
    return key


def title_words(b, toks: list[int], agent, tok) -> set[str]:
    """The title's words besides its head and its state ("the US national security advisor" ->
    {"national", "security"}), which the holder's role must share."""
    doc = b.doc
    words = set()
    for i in toks:
        mm = b.tok_owner.get(i)
        if mm is not None and mm.key in b.actors and b.actors[mm.key].kind == "state" and mm.how != "metonym":
            continue  # "the US national security advisor": the state is the affiliation
        words.add(doc[i].lower_)
    return words - {agent.head, doc[tok.i].lower_}


def raw_title_aff(b, toks: list[int], tok) -> Optional[str]:
    """The actor named inside a bare title or in its "of" phrase, before any state roll-up."""
    for i in toks:
        m = b.tok_owner.get(i)
        if m is not None and m.how != "demonym":
            return m.key
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.i in b.tok_owner:
                    return b.tok_owner[p.i].key
    return None


def give_to_holder(b, holder: str, ts: int, tok, role, aff, persons: list[dict]) -> None:
    """The title is a mention of its holder (how "title"), who takes its role if it had none."""
    b.remove_mentions_in(ts, tok.i + 1)
    b.add_mention(ts, tok.i + 1, holder, "title", head=tok.i)
    a = b.actors[holder]
    if not a.role and role:
        a.role = role
        if aff:
            a.affiliation = a.affiliation or aff
            a.country = a.country or b.kb.state_of(aff)
    for p in persons:
        if p["actor"] == holder:
            p["role"] = a.role
            p["affiliation"] = a.affiliation
            p["last"] = max(p["last"], tok.idx)


def sector_group(b, agent, sector: str, ts: int, tok) -> str:
    """ "rebel leaders", "senior officers": a generic group of that sector, named by the text."""
    key = f"{slug(agent.word)}_{sector}"
    if key not in b.actors:
        b.actors[key] = ActorRecord(key=key, name=b.text[b.doc[ts].idx:tok.idx + len(tok.text)],
                                    kind="group", sector=sector)
    return key


def title_without_holder(b, agent, ts: int, tok, toks: list[int], aff, sector, plural: bool) -> None:
    """No holder: the title stands for its organisation ("the FBI director" -> FBI) or its state's
    sector (CAMEO: "a Russian diplomat" -> RUS, "the American general" -> USA_MIL), or for a generic
    group when plural ("senior commanders")."""
    raw_aff = raw_title_aff(b, toks, tok)
    country = b.kb.state_of(aff) if aff and aff in b.kb.entries else None
    if raw_aff and raw_aff in b.actors and b.actors[raw_aff].kind not in ("state", "person"):
        b.remove_mentions_in(ts, tok.i + 1)
        b.add_mention(ts, tok.i + 1, raw_aff, "title", head=tok.i)
        return
    if not (country or plural):
        return
    sec = sector or agent.sector
    if country and sec == "GOV":
        key = b.add_actor_kb(country)
    elif country:
        key = country_sector_actor(b, country, sec, agent.word, kind=None)
    else:
        key = sector_group(b, agent, sec, ts, tok)
    b.remove_mentions_in(ts, tok.i + 1)
    b.add_mention(ts, tok.i + 1, key, "title" if not plural else "agent", head=tok.i)


def resolve_title(b, tok, persons: list[dict]) -> None:
    """One bare title: to its holder, else to its organisation, state sector or group."""
    agent = bare_title_agent(b, tok)
    if agent is None:
        return
    plural = tok.tag_ in ("NNS", "NNPS")
    ts = title_start(b, tok)
    toks = list(range(ts, tok.i + 1))
    role, aff, sector = role_from_tokens(b, toks)
    aff = aff or of_actor(b, tok)  # "of the White House" after the title
    aff = norm_affiliation(b, aff)
    words = title_words(b, toks, agent, tok)
    holder = None if plural else title_holder(agent.head, words, aff, tok.idx, persons, b.sent_of_char)
    if holder:
        give_to_holder(b, holder, ts, tok, role, aff, persons)
    else:
        title_without_holder(b, agent, ts, tok, toks, aff, sector, plural)


def resolve_titles(b) -> None:
    """Bare titles ("the Pentagon spokesman") -> the person holding them in the text; else an
    agent actor for the title's state or organisation ("the American general" -> USA_MIL)."""
    persons = title_persons(b)
    role_heads = b.data.role_heads
    for i in [i for i, lem in enumerate(b.lemmas) if lem in role_heads]:
        resolve_title(b, b.doc[i], persons)
