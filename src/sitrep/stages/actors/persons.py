"""Persons: names, surnames, titles and roles.

* A PERSON name: ranks in front are dropped ("Lt. Gen. Pat Ryder"); a KB person, a surname of a person
  named before ("Ryder"), a KB surname ("Assad"), a short form of an organisation ("the Herald"), a
  sizeable town the model mistook ("Aleppo"), an armed group or medium by its words, a near-spelling
  of a KB person -- else a new person.
* Surnames: one met before its full name is merged into it ("Assad ... Bashar al-Assad"); one the NER
  missed after the full name becomes a mention ("Hale said ...").
* Roles: from the title in front ("Pentagon spokesman Pat Ryder"), from an appositive ("Jake Sullivan,
  the US national security advisor"), else from the KB (the role held at publication). The title's
  organisation or state is the person's affiliation ("State Department spokeswoman" -> USA).
"""

from __future__ import annotations

from typing import Optional

from ... import limits
from ...lang.coref import surname_of
from . import frames, kb_match
from .kinds import infer_kind

Role = tuple[Optional[str], Optional[str], Optional[str]]  # role text, affiliation key, sector


# -- names -------------------------------------------------------------------------------------
def drop_ranks(b, ts: int, te: int) -> int:
    """The first token after the ranks in front of a name ("Lt. Gen. Pat Ryder" -> "Pat")."""
    ranks = b.agents.ranks
    while ts < te - 1 and b.doc[ts].lower_ in ranks:
        ts += 1
    return ts


def known_person(b, ts: int, te: int, text: str) -> bool:
    """A KB person by name or alias ("Jake Sullivan")."""
    kid = b.kb.lookup(text)
    if kid and b.kb.entries[kid].kind == "person":
        b.add_mention(ts, te, b.add_actor_kb(kid), "alias")
        return True
    return False


def surname_or_kb_surname(b, span, ts: int, te: int, text: str) -> bool:
    """ "Ryder" after "Pat Ryder"; else "Assad" or "al Assad", the one KB person of that surname."""
    if len(span) <= 2:
        hit = surname_of([t.text for t in span if not t.is_punct], b.persons(), b.salience())
        if hit:
            b.add_mention(ts, te, hit, "alias")
            return True
    if len(span) == 1 or (len(span) == 2 and span[0].text.lower() in b.cues.name_particles):
        sid = b.kb.surname(text)
        if sid:
            b.add_mention(ts, te, b.add_actor_kb(sid), "alias")
            return True
    return False


def after_title(b, ts: int) -> bool:
    """Does a person's title or rank come right before token ``ts`` ("President Rivas", "Gen. Kherson")? A
    name after a title is a person's even where a province bears it (Rivas, a department of Nicaragua)."""
    if ts == 0:
        return False
    word = b.doc[ts - 1].lower_
    return word in b.data.role_heads or word in b.agents.ranks


def one_word_not_person(b, span, ts: int, te: int, text: str) -> bool:
    """A one-word PERSON that is not a new person: "the Herald" after "the Lakeside Herald", a
    sizeable town or a province ("Aleppo"; not after a title: :func:`after_title`), a plural common
    noun ("Scholars"), an armed group or medium by its word."""
    hit = surname_of([text], b.new_organisations(), b.salience(), first_names=False)
    if hit:
        b.add_mention(ts, te, hit, "alias")  # "the Herald" after "the Lakeside Herald"
        return True
    if frames.big_place(b, text) and not after_title(b, ts):
        return True  # "Aleppo" tagged PERSON by the small model: a city, not a person
    if span[0].tag_ == "NNS":
        return True  # "Scholars": a plural common noun, not a name
    kind = infer_kind(b, text, "ORG")
    if kind in ("media", "armed_group"):
        b.add_mention(ts, te, b.add_actor_new(text, kind), "name")
        return True
    return False


def in_place_name(b, ts: int, te: int) -> bool:
    """Is a PERSON span of several words a place's name, or the end of one ("Ismail Khan" of "Dera
    Ismail Khan")? The span, or it with the one or two capitalised words before it, is a sizeable
    place in the gazetteer."""
    doc = b.doc
    for start in (ts, ts - 1, ts - 2):
        if start < 0 or any(not doc[k].text[:1].isupper() or k in b.tok_owner for k in range(start, ts)):
            break
        if frames.big_place(b, doc[start:te].text):
            return True
    return False


def resolve_person_name(b, ts: int, te: int) -> None:
    """A PERSON span (or a name before a title): an existing or KB person, or a new one."""
    ts = drop_ranks(b, ts, te)
    span = b.doc[ts:te]
    text = span.text
    if known_person(b, ts, te, text) or surname_or_kb_surname(b, span, ts, te, text):
        return
    if len(span) == 1 and one_word_not_person(b, span, ts, te, text):
        return
    if len(span) > 1 and in_place_name(b, ts, te):
        return
    if b.config.fuzzy and len(text) >= b.config.fuzzy_person_min_chars:
        fid = kb_match.fuzzy_lookup(b, text)
        if fid and b.kb.entries[fid].kind == "person":
            b.add_mention(ts, te, b.add_actor_kb(fid), "alias")
            return
    b.add_mention(ts, te, b.add_actor_new(text, "person"), "name")


def followed_by_title(b, te: int) -> bool:
    """ "<name>, the US national security advisor": an appositive whose head is a person's title
    (within ``title_lookahead`` tokens, before any verb, preposition or clause punctuation)."""
    words, lemmas = b.words, b.lemmas
    if te >= len(words) - 1 or words[te] != ",":
        return False
    for j in range(te + 1, min(te + b.config.title_lookahead, len(words))):
        if lemmas[j] in b.data.role_heads:
            return True
        if words[j] in (",", ".", ";") or b.doc[j].pos_ in ("VERB", "AUX", "ADP"):
            return False
    return False


# -- surnames ----------------------------------------------------------------------------------
def bare_surnames(b) -> None:
    """A person's surname the NER missed ("Hale said ...") after the full name was given."""
    names: dict[str, list[str]] = {}
    for a in b.actors.values():
        if a.kind == "person":
            parts = a.name.split()
            if len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1]) > 2:
                names.setdefault(parts[-1], []).append(a.key)
    if not names:
        return
    first = {}
    for m in b.ments:
        if m.key in b.actors and b.actors[m.key].kind == "person":
            first[m.key] = min(first.get(m.key, m.start), m.start)
    for i, w in enumerate(b.words):
        keys = names.get(w)
        if not keys or len(keys) != 1 or i in b.tok_owner:
            continue
        if first.get(keys[0], 1 << 30) < b.idxs[i] and b.doc[i].pos_ == "PROPN":
            b.add_mention(i, i + 1, keys[0], "alias")


def merge_surnames(b) -> None:
    """A surname met before its full name ("Assad ... Bashar al-Assad") is the same person."""
    persons = b.persons()
    for a in list(b.actors.values()):
        if a.kind != "person" or a.kb_id or " " in a.name.strip():
            continue
        target = surname_of([a.name], [(k, n) for k, n in persons if k != a.key])
        if target:
            for m in b.ments:
                if m.key == a.key:
                    m.key = target
            del b.actors[a.key]


# -- titles and roles --------------------------------------------------------------------------
def title_tokens_left(b, ts: int) -> list[int]:
    """The title words in front of a name starting at token ``ts``: ranks and nouns, adjectives and
    proper nouns attached to it ("State Department spokeswoman Clara Voss"), stopping at another person
    (or after :data:`~sitrep.limits.MAX_TREE_WALK` words)."""
    doc = b.doc
    ranks = b.agents.ranks
    out = []
    j = ts - 1
    inside = set(range(ts, ts + 1))
    while j >= 0 and ts - j <= limits.MAX_TREE_WALK:
        t = doc[j]
        if t.lower_ in ranks or (t.pos_ in ("PROPN", "NOUN", "ADJ") and not t.is_space
                                 and (t.head.i in inside or t.head.i > j)):
            if t.ent_type_ == "PERSON" and b.tok_owner.get(j) and b.actors[b.tok_owner[j].key].kind == "person":
                break
            out.append(j)
            inside.add(j)
            j -= 1
            continue
        break
    return sorted(out)


def aff_sector(b, aff: Optional[str], sector: Optional[str]) -> Optional[str]:
    """A title's sector: its organisation's ("Pentagon spokesman" -> MIL, "HTS founder" -> REB),
    else the title word's ("spokesman" -> GOV)."""
    a = b.actors.get(aff) if aff else None
    if a is not None and a.kind != "state" and a.sector:
        return a.sector
    return sector


def _title_agent(b, lemmas: list[str]):
    """(the title agent ending the phrase, how many words it takes): the last role agent that
    matches a prefix of ``lemmas`` ("national security advisor" in "US national security advisor")."""
    for k in range(len(lemmas), 0, -1):
        a = b.agents.match(lemmas[:k])
        if a is not None and a.role:
            return a, k
    return None, None


def role_from_tokens(b, toks: list[int]) -> Role:
    """(role text, affiliation key, sector) from title tokens, or Nones when no title word.

    "Pentagon spokesman" -> ("Pentagon spokesman", PENTAGON, MIL); "US national security advisor" ->
    ("national security advisor", USA, GOV); "opposition leader" -> (..., OPP); ranks alone -> MIL."""
    doc = b.doc
    ranks = b.agents.ranks
    core = [i for i in toks if doc[i].lower_ not in ranks]
    if not core:
        if toks:
            return None, None, "MIL"
        return None, None, None
    lemmas = [doc[i].lemma_.lower() for i in core]
    agent, last = _title_agent(b, lemmas)
    if agent is None:
        return None, None, None
    core = core[:last]
    sector = agent.sector
    for lem in lemmas[:last - 1]:
        mod = b.agents.match([lem])
        if mod is not None and not mod.role:
            sector = mod.sector  # "opposition leader" -> OPP, "rebel commander" -> REB
    aff = None
    keep = []
    for i in core:
        m = b.tok_owner.get(i)
        if m is not None and m.key in b.actors:
            a = b.actors[m.key]
            aff = a.key
            if a.kind == "state" and m.how in ("name", "alias", "acronym", "demonym"):
                continue  # "US", "Syrian": the affiliation, not part of the role
        keep.append(i)
    if not keep:
        return None, aff, aff_sector(b, aff, sector)
    role = b.text[doc[keep[0]].idx: doc[keep[-1]].idx + len(doc[keep[-1]].text)]
    return role, aff, aff_sector(b, aff, sector)


def norm_affiliation(b, key: Optional[str]) -> Optional[str]:
    """A government agency's person speaks for the state ("State Department spokesman" -> USA)."""
    if not key:
        return None
    a = b.actors.get(key)
    if a and a.kb_id and a.kind == "organization":
        st = b.kb.state_of(a.kb_id)
        if st:
            b.add_actor_kb(st)
            return st
    return key


def _skip_dets(doc, j: int) -> int:
    while j < len(doc) and doc[j].pos_ == "DET":
        j += 1
    return j


def appositive_role(b, m) -> Role:
    """ "Jake Sullivan, the US national security advisor[, ...]" or "..., the advisor of X"."""
    doc = b.doc
    i = m.te
    if i >= len(doc) or doc[i].text != ",":
        return None, None, None
    j = _skip_dets(doc, i + 1)
    toks = []
    while j < len(doc) and j < i + 1 + b.config.appositive_max_tokens and (
            doc[j].pos_ in ("PROPN", "NOUN", "ADJ") and not doc[j].is_space):
        other = b.tok_owner.get(j)
        if other is not None and other.key != m.key and b.kind_of(other.key) == "person":
            # "... toppled Assad, Pentagon spokesman Pat Ryder told": the title is Ryder's, not Assad's
            return None, None, None
        toks.append(j)
        j += 1
    if not toks:
        return None, None, None
    role, aff, sector = role_from_tokens(b, toks)
    if role and j < len(doc) and doc[j].lower_ == "of":
        mm = b.tok_owner.get(_skip_dets(doc, j + 1))
        if mm is not None:
            aff = aff or mm.key
            sector = aff_sector(b, aff, sector)
    return role, aff, sector


def text_role(b, m, a) -> Role:
    """The role the text gives person ``a`` at mention ``m``: the title in front, else an appositive.
    Ranks alone give only a sector ("Gen. Ryder" -> MIL)."""
    role = aff = sector = None
    toks = title_tokens_left(b, m.ts)
    if toks:
        role, aff, sector = role_from_tokens(b, toks)
        if role is None and aff is None and sector:
            a.sector = a.sector or sector
    if role is None:
        role, aff2, sector2 = appositive_role(b, m)
        aff, sector = aff or aff2, sector or sector2
    return role, aff, sector


def apply_text_role(b, key: str, role: str, aff: Optional[str], sector: Optional[str]) -> None:
    """Give person ``key`` the role, affiliation (and its country) and sector the text gave."""
    a = b.actors[key]
    a.role = role
    aff = norm_affiliation(b, aff)
    if aff:
        a.affiliation = aff
        af = b.actors.get(aff)
        a.country = a.country or (af.country if af else None)
    if sector:
        a.sector = sector  # the text's title is more specific (and more current) than the KB


def kb_role(b, a) -> None:
    """A KB person without a role in the text gets the role held at publication, and a country
    from the affiliation ("Jake Sullivan" in 2023 -> National Security Advisor, USA)."""
    if a.kind == "person" and a.kb_id and not a.role:
        r = b.kb.entries[a.kb_id].role_at(b.published)
        if r:
            a.role = r["role"]
            a.affiliation = a.affiliation or r.get("affiliation")
            a.sector = a.sector or r.get("sector")
    if a.kind == "person" and a.affiliation and not a.country:
        a.country = b.kb.state_of(a.affiliation) or (b.actors[a.affiliation].country
                                                     if a.affiliation in b.actors else None)


def person_roles(b) -> None:
    """Every person's role, affiliation, sector and country: the text's first title, else the KB's."""
    for m in sorted(b.ments, key=lambda m: m.start):
        a = b.actors.get(m.key)
        if a is None or a.kind != "person" or m.how == "pronoun":
            continue
        role, aff, sector = text_role(b, m, a)
        if role and m.key not in b.text_roles:
            b.text_roles[m.key] = (role, aff, sector)
    for key, (role, aff, sector) in b.text_roles.items():
        apply_text_role(b, key, role, aff, sector)
    for a in b.actors.values():
        kb_role(b, a)
