"""Described entities: the things and parties a text names by a description instead of a name -- a
facility or building ("protesters stormed *the legislative council building*"), a vessel ("*a commercial
ship* was targeted"), a company or institution ("sanctions on *the country's state-owned petroleum
company*"), a settlement the gazetteer does not know ("attacking *the village of Wad X*"), a list of
sanctioned parties ("the sanctions target *eight individuals and five entities*").

Each becomes an actor of its class's kind (``data/described_entities.yaml``), named by the words of the
text, with mentions of ``how == "entity"``: the events stage names it as an act's target when no party
undergoes the act. The rule runs last, on words no other rule took, so that no other actor, pronoun or
speaker changes:

1. a phrase with a party in front of its head stands for that party and makes none: an owner's name or
   possessive ("*Aramco* facilities", "*Iran's* nuclear site"), a demonym ("*Russian* positions"); a
   person's name as a modifier is the thing's namesake and belongs to it ("the *Rafik Hariri* hospital"),
   a person's possessive is its owner ("*the president's* residence");
2. a head with an "of"/"for" phrase or a participle naming whom it holds or belongs to ("the offices *of
   Al Jazeera*", "a camp *sheltering migrants*") is left to the events stage, which reads the party there;
   a head modifying another noun is no entity ("*hospital* staff");
3. a singular with nothing in front but its head is no entity ("took *office*", "in *hospital*");
4. a settlement is one only with a name the gazetteer does not know ("*the village of X*", "*X village*");
   a known name is a place, the places stage's;
5. a coordination of entity heads with ``joins`` words is one party ("*eight individuals and five
   entities*": alone, "individuals" are people in general); coordinated things are one entity each;
6. a definite description with nothing of its own in front ("*the market*", "*the same* facility")
   refers back to the entity of that head named before -- or to the owner a phrase of rule 1 or 2 gave
   ("an oil facility owned by Aramco ... the same facility": Aramco).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from pydantic import Field, field_validator
from spacy.attrs import LOWER, POS
from spacy.symbols import NOUN, PROPN

from ...core.article import ENTITY_HOW
from ...core.datafiles import load_data
from ...core.datamodels import DataModel, validate_data
from ...kb import KINDS, slug
from .sources import left_edge

ORIGIN = "sitrep/data/described_entities.yaml"
HOW = ENTITY_HOW
#: the contract kinds an entity class may give ("other": a thing that is no organisation)
ENTITY_KINDS = frozenset(KINDS) | {"other"}


class EntityClass(DataModel):
    """One head-noun class of ``described_entities.yaml``."""

    kind: str
    heads: list[str] = Field(min_length=1)
    named: bool = False

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: str) -> str:
        if v not in ENTITY_KINDS:
            raise ValueError(f"must be one of {', '.join(sorted(ENTITY_KINDS))}")
        return v


class DescribedEntitiesFile(DataModel):
    """``data/described_entities.yaml`` (see the file's comments)."""

    version: int = 1
    classes: dict[str, EntityClass]
    joins: list[str]
    anaphor_words: list[str]
    definite_dets: list[str]
    key_dets: list[str]


@dataclass(frozen=True)
class HeadSense:
    """A head lemma of a class: the lemmas that must stand right before it ("think" of "think tank")."""

    before: tuple[str, ...]
    cls: str
    kind: str
    named: bool


@dataclass(frozen=True)
class EntityWords:
    """The words the rule reads, by head lemma."""

    heads: dict[str, tuple[HeadSense, ...]]
    joins: frozenset
    anaphor_words: frozenset
    definite_dets: frozenset
    key_dets: frozenset


def load_entity_words(language: str = "en") -> Optional[EntityWords]:
    """The described-entity words (validated); ``None`` for a language without its own file (the rule
    is then off)."""
    if language != "en":
        return None
    model = validate_data(load_data("described_entities.yaml"), DescribedEntitiesFile, ORIGIN, stage="actors")
    heads: dict[str, list[HeadSense]] = {}
    for name, c in model.classes.items():
        for h in c.heads:
            words = h.lower().split()
            heads.setdefault(words[-1], []).append(HeadSense(tuple(words[:-1]), name, c.kind, c.named))
    low = lambda ws: frozenset(w.lower() for w in ws)  # noqa: E731
    return EntityWords(heads={k: tuple(sorted(v, key=lambda s: -len(s.before))) for k, v in heads.items()},
                       joins=low(model.joins), anaphor_words=low(model.anaphor_words),
                       definite_dets=low(model.definite_dets), key_dets=low(model.key_dets))


# -- the head ------------------------------------------------------------------------------------
def head_sense(w: EntityWords, tok) -> Optional[HeadSense]:
    """The class sense of noun ``tok`` (by lemma or word; a multi-word head needs its words in front),
    else ``None``."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    senses = w.heads.get(tok.lemma_.lower()) or w.heads.get(tok.lower_)
    for s in senses or ():
        n = len(s.before)
        if n == 0 or (tok.i >= n and tuple(t.lemma_.lower() for t in tok.doc[tok.i - n:tok.i]) == s.before):
            return s
    return None


def _modifies_noun(tok) -> bool:
    """ "*hospital* staff", "the *market* area": the head is a modifier of another noun."""
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i


def _holder(b, tok) -> Optional[str]:
    """The party an "of"/"for" phrase or a participle of the head names ("the offices *of Al Jazeera*",
    "a facility *owned by Aramco*", "a camp *sheltering migrants*"): its actor key, "" when such a phrase
    names a place ("the port *of Hodeidah*"), ``None`` when there is none (or it names neither: "a company
    *for* human rights abuses")."""
    found: Optional[str] = None
    for c in tok.rights:
        objs = []
        if c.dep_ == "prep" and c.lower_ in ("of", "for"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "acl":
            objs = [p for x in c.children if x.dep_ in ("agent", "dobj")
                    for p in ([x] if x.dep_ == "dobj" else [q for q in x.children if q.dep_ == "pobj"])]
        for p in objs:
            m = b.tok_owner.get(p.i)
            if m is not None and m.key:
                return m.key
            if p.pos_ == "PROPN" or p.ent_type_ in ("GPE", "LOC", "FAC"):
                found = ""   # a name: the place the thing belongs to ("the port of Hodeidah")
    return found


def _owner_in_front(b, ts: int, tok) -> tuple[bool, Optional[str]]:
    """(whether a party in front of the head stands for the phrase, its key): an owner's name or
    possessive, a demonym; a person's name as a modifier is a namesake, no owner (rule 1)."""
    for i in range(ts, tok.i):
        m = b.tok_owner.get(i)
        if m is None:
            continue
        a = b.actors.get(m.key)
        namesake = (a is not None and a.kind == "person" and m.how in ("name", "alias")
                    and not any(b.doc[j].tag_ == "POS" for j in range(m.te, min(m.te + 1, tok.i))))
        if not namesake:
            return True, m.key or None
    return False, None


def _named_settlement(b, tok, ts: int) -> Optional[int]:
    """The end (exclusive token index) of a settlement's description when it holds a name the gazetteer
    does not know ("the village *of X*", "*X* village"), else ``None`` (rule 4)."""
    doc = b.doc
    names = []
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ == "PROPN" and p.i not in b.tok_owner:
                    first = min([p.i] + [x.i for x in p.lefts if x.dep_ == "compound" and x.pos_ == "PROPN"])
                    names.append((first, p.i + 1))
    front = [i for i in range(ts, tok.i) if doc[i].pos_ == "PROPN" and doc[i].dep_ == "compound"]
    if not names and front:
        names.append((front[0], front[-1] + 1))
    if len(names) != 1:
        return None
    s, e = names[0]
    if any(i in b.tok_owner for i in range(s, e)) or b.data.gazetteer().lookup(doc[s:e].text):
        return None
    return max(e, tok.i + 1)


def _bare_singular(tok, ts: int) -> bool:
    """A singular with nothing in front but its head ("took office", "in hospital") (rule 3)."""
    return ts >= tok.i and tok.tag_ in ("NN", "NNP")


def _definite_back(w: EntityWords, tok, ts: int) -> bool:
    """ "the market", "the same facility": a definite determiner and only anaphor words in front."""
    doc = tok.doc
    return (ts < tok.i and doc[ts].lower_ in w.definite_dets
            and all(doc[i].lower_ in w.anaphor_words for i in range(ts + 1, tok.i)))


# -- the rule ----------------------------------------------------------------------------------
def _coordination(w: EntityWords, tok) -> list:
    """``tok`` and its conjuncts when they are entity heads and ``joins`` words, one at least of each
    ("individuals and entities", "20 people and firms"), else ``[tok]``: coordinated things are one entity
    each ("the air base and the naval base"), settlements never join ("other cities and towns": places)."""
    out = [tok]
    for c in tok.rights:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
            out.append(c)
            out.extend(x for x in c.rights if x.dep_ == "conj" and x.pos_ in ("NOUN", "PROPN"))
    if len(out) == 1:
        return out
    senses = [head_sense(w, c) for c in out]
    joined = any(c.lemma_.lower() in w.joins for c in out)
    ok = all(s is not None and not s.named or c.lemma_.lower() in w.joins for s, c in zip(senses, out))
    return out if ok and joined and any(s is not None for s in senses) else [tok]


def _new_entity(b, w: EntityWords, name: str, kind: str) -> str:
    """A new entity actor named ``name`` (its key the slug of the words after a determiner, ``key_dets``,
    numbered when taken: two descriptions are two entities unless one refers back)."""
    words = name.split()
    if words and words[0].lower() in w.key_dets:
        words = words[1:]
    return b.add_actor_distinct(slug(" ".join(words)) or "ENTITY", name, kind)


def _free(b, ts: int, te: int, take_agents: bool) -> bool:
    """Whether tokens ``ts:te`` are free of mentions; with ``take_agents``, a generic agent of no country
    inside a coordinated entity may be taken over ("a group of 20 *people* and firms")."""
    for i in range(ts, te):
        m = b.tok_owner.get(i)
        if m is None:
            continue
        a = b.actors.get(m.key)
        if not (take_agents and m.how == "agent" and (a is None or (a.kb_id is None and a.country is None))):
            return False
    return True


def _heads_at(b, w: EntityWords, tok, done: set[int]) -> Optional[tuple[HeadSense, list]]:
    """(sense, conjuncts) of the entity headed by ``tok``, or ``None``: an entity head (or a ``joins``
    word leading a coordination with one), not yet read, not a modifier, not in a mention unless
    coordinated (rules 2 and 5)."""
    sense = head_sense(w, tok)
    if (sense is None and tok.lemma_.lower() not in w.joins) or tok.i in done or _modifies_noun(tok):
        return None
    conj = _coordination(w, tok) if tok.dep_ != "conj" else [tok]
    if len(conj) == 1 and (sense is None or tok.i in b.tok_owner):
        return None
    done.update(c.i for c in conj)
    return sense or next(s for s in (head_sense(w, c) for c in conj) if s is not None), conj


def _end(b, tok, sense: HeadSense, conj: list, ts: int, holder: Optional[str]) -> Optional[int]:
    """The end (exclusive token index) of the entity's mention, or ``None`` when there is no entity: a
    settlement without an unknown name (rule 4), a head whose "of" phrase names a place, a bare singular
    (rule 3)."""
    if len(conj) > 1:
        return conj[-1].i + 1
    if sense.named:
        return _named_settlement(b, tok, ts)
    if holder == "" or _bare_singular(tok, ts):
        return None
    return tok.i + 1


def entity_at(b, w: EntityWords, tok, earlier: dict[str, str], done: set[int]) -> None:
    """The described entity headed by ``tok`` (see the module doc), recorded in ``earlier`` by head lemma."""
    found = _heads_at(b, w, tok, done)
    if found is None:
        return
    sense, conj = found
    lemma = tok.lemma_.lower()
    ts = left_edge(b, tok)
    owned, owner = _owner_in_front(b, ts, tok)
    holder = _holder(b, tok) if len(conj) == 1 else None
    if owned or holder:   # an owner stands for it (rules 1, 2), and for "the same facility" later
        if owner or holder:
            earlier[lemma] = owner or holder or ""
        return
    te = _end(b, tok, sense, conj, ts, holder)
    if te is None or not _free(b, ts, te, take_agents=len(conj) > 1):
        return
    key = earlier.get(lemma) if len(conj) == 1 and _definite_back(w, tok, ts) else None
    if not key:
        key = _new_entity(b, w, b.doc[ts:te].text, "group" if len(conj) > 1 else sense.kind)
    b.remove_mentions_in(ts, te)
    if b.add_mention(ts, te, key, HOW, head=tok.i) is not None:
        earlier[lemma] = key


def described_entities(b, w: Optional[EntityWords]) -> None:
    """Every described entity of the article (nothing when the stage was given no entity words)."""
    if w is None:
        return
    earlier: dict[str, str] = {}
    done: set[int] = set()
    doc = b.doc
    for i in _possible_heads(b, w):
        entity_at(b, w, doc[i], earlier, done)


#: the parts of speech of an entity head (:func:`head_sense`), as ids
_NOUN_POS = frozenset({NOUN, PROPN})


def _possible_heads(b, w: EntityWords) -> list[int]:
    """The indices of the tokens :func:`entity_at` may read: a noun whose lemma or word is an entity
    head (:func:`head_sense`'s first tests), or a ``joins`` word -- from the doc's arrays and the
    builder's lemmas, no Token object for the others."""
    doc = b.doc
    if not len(doc):
        return []
    strings = doc.vocab.strings
    heads, joins, lemmas = w.heads, w.joins, b.lemmas
    out = []
    for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist()):
        if lemmas[i] in joins or (pos in _NOUN_POS and (lemmas[i] in heads or strings[lower] in heads)):
            out.append(i)
    return out


__all__ = ["DescribedEntitiesFile", "EntityWords", "load_entity_words", "described_entities", "HOW"]
