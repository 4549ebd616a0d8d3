"""Described sources: speakers the text describes instead of naming ("a Kremlin source told Interfax",
"security sources said", "said one driver", "according to a witness", "an officer at the base said").

Each becomes an actor named by the words of the text (``how == "described"``): a person for a singular
("a witness"), a group for a plural ("security sources") and for a medium or organisation described by
its head word ("state television", "a rights group") -- a described source is never a medium, so the
events stage keeps it as a party ("state media accused ..."). Only where a speaker stands: the subject of
a cue verb and the object of a cue preposition of ``quote_cues.yaml``, so the quotes stage finds the
actor on the speaker's words. The words of ``data/described_sources.yaml`` decide the rest:

1. a head already in a mention is left alone, except an indefinite generic agent ("*a Reuters reporter*
   said", "*an officer* at the base said": a new individual, not the sector's group);
2. a text or a figure ("the statement said", "according to UN figures") is not a source: its owner is
   (the quotes stage reads it);
3. a coordination of descriptions is one joint source ("*troops and residents* said");
4. "the source" / "the witness" again is the source described before with that head word, and a bare
   "the source" with none is the last unnamed speaker ("an officer ... told Rudaw. ... the source noted").

The actor's name is the description with its determiner ("a Kremlin source"); the description with
the words after its head ("an officer at the base in Galcad") is an alias.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable, Optional

from pydantic import Field
from spacy.attrs import DEP
from spacy.strings import get_string_id

from ...core.datafiles import load_data
from ...core.datamodels import DataModel, validate_data
from ...lang.coref import definite_antecedent
from ...kb import slug
from .model import NAMED_HOWS, MentionRecord

ORIGIN = "sitrep/data/described_sources.yaml"
#: determiners of a new individual ("a witness", "one driver", "another officer"; French "un secouriste")
INDEFINITE = frozenset({"a", "an", "one", "another", "un", "une", "des"})
#: determiners of a thing named before ("the department", "that organization"; French "le ministère")
DEFINITE = frozenset({"the", "this", "that", "le", "la", "les", "l'", "l\u2019", "ce", "cette", "cet", "ces"})
#: Universal Dependencies (French): the relations of a phrase with a preposition ("*selon* des sources")
_UD_OBLIQUE = frozenset({"obl", "obl:mod", "obl:arg", "nmod"})
#: dependents after the head that belong to a description ("a source *close to the delegation*",
#: "an officer *at the base*")
_RIGHT_DEPS = frozenset({"prep", "amod", "acl", "nummod", "compound"})
#: dependents before the head that belong to it ("*a Kremlin* source", "*the region's* leader")
_LEFT_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "case", "advmod", "quantmod",
                        "predet", "npadvmod"})
HOW = "described"


class DescribedSourcesFile(DataModel):
    """``data/described_sources.yaml`` (see the file's comments)."""

    version: int = 1
    not_speakers: list[str]
    media_heads: list[str]
    organization_heads: list[str]
    group_heads: list[str]
    weak_cues: list[str]
    source_heads: list[str]
    naming_words: list[str]
    antecedent_window: int = Field(ge=1, le=10_000)
    max_tokens: int = Field(ge=2, le=40)


@dataclass(frozen=True)
class SourceWords:
    """The words the rule reads: its own file, and where a speaker stands (``quote_cues.yaml``)."""

    cue_verbs: frozenset
    cue_preps: frozenset        # the last word of a cue preposition ("to" of "according to")
    cue_prep_first: frozenset   # its first word ("according")
    document_nouns: frozenset
    not_speakers: frozenset
    media_heads: frozenset
    organization_heads: frozenset
    group_heads: frozenset
    weak_cues: frozenset
    source_heads: frozenset
    naming_words: frozenset
    antecedent_window: int
    max_tokens: int


def load_source_words(language: str = "en") -> SourceWords:
    """The described-source words (validated), with the speech cues and the speaking texts
    (``speaker_documents``) of ``quote_cues.yaml``; for another language, of its own files
    (``described_sources_fr.yaml``, ``quote_cues_fr.yaml``)."""
    suffix = "" if language == "en" else f"_{language}"
    model = validate_data(load_data(f"described_sources{suffix}.yaml"), DescribedSourcesFile,
                          ORIGIN.replace(".yaml", f"{suffix}.yaml"), stage="actors")
    quote_cues = load_data(f"quote_cues{suffix}.yaml")
    cues = quote_cues.get("cues") or []
    speech = [c for c in cues if isinstance(c, dict) and c.get("sense", "speech") == "speech"]
    verbs = frozenset(str(c["lemma"]).split()[0].lower() for c in speech if c.get("kind") == "verb")
    preps = [str(c["lemma"]).lower().split() for c in speech if c.get("kind") == "preposition"]
    low = lambda ws: frozenset(w.lower() for w in ws)  # noqa: E731
    return SourceWords(cue_verbs=verbs, cue_preps=frozenset(p[-1] for p in preps),
                       cue_prep_first=frozenset(p[0] for p in preps),
                       document_nouns=low(quote_cues.get("speaker_documents") or []),
                       not_speakers=low(model.not_speakers),
                       media_heads=low(model.media_heads), organization_heads=low(model.organization_heads),
                       group_heads=low(model.group_heads), weak_cues=low(model.weak_cues),
                       source_heads=low(model.source_heads), naming_words=low(model.naming_words),
                       antecedent_window=model.antecedent_window,
                       max_tokens=model.max_tokens)


# -- where a speaker stands ---------------------------------------------------------------------
def speaker_position(w: SourceWords, tok) -> Optional[str]:
    """The cue lemma when ``tok`` stands where a speaker does: the subject of a cue verb ("a witness
    *said*", "said one driver"), the object of a cue preposition ("*according to* a witness", "*citing*
    sources"); else ``None``."""
    head = tok.head
    if tok.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in w.cue_verbs:
        return head.lemma_.lower()
    if tok.doc.lang_ != "en":
        return _ud_speaker_position(w, tok)
    if tok.dep_ in ("pobj", "dobj") and head.lower_ in w.cue_preps:
        first = head if head.i == 0 else head.doc[head.i - 1]
        if head.lower_ in w.cue_prep_first or first.lower_ in w.cue_prep_first:
            return head.lower_
    return None


def _ud_speaker_position(w: SourceWords, tok) -> Optional[str]:
    """:func:`speaker_position` on a Universal Dependencies parse (French): the subject the parser took
    for the object in an inverted incise ("« … », a affirmé *un secouriste*"), the complement of a cue
    preposition ("*selon* des sources sécuritaires")."""
    head = tok.head
    if tok.dep_ == "obj" and tok.i > head.i and head.pos_ == "VERB" and head.lemma_.lower() in w.cue_verbs \
            and not any(c.dep_ == "nsubj" for c in head.children):
        return head.lemma_.lower()
    if tok.dep_ in _UD_OBLIQUE:
        case = next((c.lower_ for c in tok.children if c.dep_ == "case"), None)
        if case is not None and case in w.cue_preps:
            return case
    return None


def _plural(tok) -> bool:
    """A plural noun (English tags; the morphology of a Universal Dependencies parse)."""
    if tok.doc.lang_ == "en":
        return tok.tag_ in ("NNS", "NNPS")
    return "Plur" in tok.morph.get("Number")


def is_candidate(w: SourceWords, tok, cue: str) -> bool:
    """A common noun that can describe a speaker: not a text or a figure, not a thing that never speaks;
    after a weak cue ("indicated", "showed") only a source word ("sources indicated")."""
    if tok.pos_ not in ("NOUN", "PROPN") or (tok.pos_ == "PROPN" and not tok.is_title) or not tok.is_alpha \
            or len(tok) < 3 or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-"):
        return False  # "co" of "co-chairman": a piece of a word
    if tok.pos_ == "PROPN" and tok.ent_type_:
        return False  # a name the entity recogniser saw is the names' business
    lemma = tok.lemma_.lower()
    if lemma in w.document_nouns or lemma in w.not_speakers or tok.lower_ in w.document_nouns:
        return False
    if cue in w.weak_cues:
        return any(x in words for x in (lemma, tok.lower_)
                   for words in (w.source_heads, w.media_heads, w.organization_heads))
    return True


def kind_of(w: SourceWords, tok) -> str:
    """The kind of a described source: a group for a plural ("security sources"), a medium or an
    organisation described by its head ("state television", "the state news agency", "a rights
    group") or a collective ("the crew"); else a person ("a witness", "one driver")."""
    lemma = tok.lemma_.lower()
    heads = (w.media_heads, w.organization_heads, w.group_heads)
    if any(x in words for x in (lemma, tok.lower_) for words in heads) or any(
            c.lower_ in w.media_heads for c in tok.lefts if c.dep_ == "compound"):
        return "group"
    return "group" if _plural(tok) else "person"


# -- the words of a description -----------------------------------------------------------------
def left_edge(b, tok) -> int:
    """The first token of the description in front of ``tok`` (contiguous modifiers only)."""
    ts = tok.i
    for c in reversed(list(tok.lefts)):
        if c.dep_ in _LEFT_DEPS and c.right_edge.i == ts - 1:
            ts = c.left_edge.i
        elif c.dep_ not in _LEFT_DEPS or c.is_punct:
            break
    while ts < tok.i and (b.doc[ts].is_punct or b.doc[ts].is_quote or (
            b.doc.lang_ != "en" and b.doc[ts].dep_ == "case" and b.doc[ts].head.i == tok.i)):
        ts += 1   # (a French preposition is the noun's "case" child: "*selon* des sources")
    return ts


def right_edge(b, tok, limit: int) -> int:
    """The last token of the description after ``tok``: its prepositional and adjectival modifiers,
    never past a comma or a clause ("an officer *at the base*, who ...")."""
    te = tok.i
    deps = _RIGHT_DEPS if tok.doc.lang_ == "en" else _RIGHT_DEPS | {"nmod"}  # "un porte-parole *des FSR*"
    for c in tok.rights:
        if c.dep_ not in deps or c.i != te + 1 or c.right_edge.i - tok.i >= limit:
            break
        if any(t.is_punct and t.text not in ("-", "'") for t in b.doc[c.i:c.right_edge.i + 1]):
            break
        if any(t.dep_ in ("relcl", "ccomp", "advcl") for t in c.subtree):
            break
        te = c.right_edge.i
    return te


def coordination(b, tok) -> list:
    """The conjuncts of a coordinated description, ``tok`` first ("troops and residents")."""
    out = [tok]
    for c in tok.rights:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
            out.append(c)
            out.extend(x for x in c.rights if x.dep_ == "conj" and x.pos_ in ("NOUN", "PROPN"))
    return out


# -- the rule ---------------------------------------------------------------------------------
def _named(b, i: int) -> bool:
    """Whether token ``i`` belongs to a name, a KB actor or a state's actor (not a description)."""
    m = b.tok_owner.get(i)
    if m is None:
        return False
    a = b.actors.get(m.key)
    return m.how in NAMED_HOWS or m.how in ("title", "metonym", "demonym", "pronoun") or (
        a is not None and (a.kb_id is not None or a.country is not None))


def _pending_agent(b, i: int) -> Optional[MentionRecord]:
    """The generic agent waiting for resolution (key ``""``) that owns token ``i``, or ``None``."""
    m = b.tok_owner.get(i)
    return m if m is not None and m.key == "" else None


def _takes_over(b, tok) -> bool:
    """A description the rule may read at ``tok``: its words free, or a waiting generic agent of a new
    individual ("*a Reuters reporter* said": an indefinite singular, not the sector's group)."""
    if tok.i not in b.tok_owner:
        return True
    m = _pending_agent(b, tok.i)
    singular = tok.tag_ in ("NN", "NNP") if tok.doc.lang_ == "en" else \
        tok.pos_ in ("NOUN", "PROPN") and not _plural(tok)
    if m is None or not singular:
        return False
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.lefts) or (
        tok.i > 0 and b.doc[m.ts].lower_ in INDEFINITE)


def _earlier_same(b, tok, earlier: list[tuple[str, str, int]], any_det: bool = False) -> Optional[str]:
    """ "the source", "The witness" after "a source", "a witness": the described source with that head
    (with ``any_det``, whatever the determiner: "a *witness* account" after "a witness")."""
    if not any_det and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                               for c in tok.lefts):
        return None
    lemma = tok.lemma_.lower()
    same = [key for key, lem, _ in earlier if lem == lemma]
    if same:
        return same[-1]
    if lemma in ("source", "sources") and earlier:
        return earlier[-1][0]  # "the source": the last source the text described
    return None


def self_named(b, w: SourceWords, tok) -> Optional[str]:
    """A description that gives its name: "the group, *known as JNIM*", "another witness *who
    identified himself as Shambel*", "a police officer, *named Hassan*", "the pro-Iranian *Hizbollah*
    group" -> the named actor."""
    if tok.lemma_.lower() in b.cues.group_nouns:   # "the pro-Iranian Hizbollah group": Hizbollah
        for i in range(tok.i - 1, left_edge(b, tok) - 1, -1):   # the name nearest the group word
            m = b.tok_owner.get(i)
            if m is not None and m.key in b.actors and m.how in NAMED_HOWS \
                    and b.actors[m.key].kind not in ("person", "state"):
                return m.key
    for c in tok.rights:
        if c.dep_ not in ("acl", "relcl", "appos"):
            continue
        for t in c.subtree:
            m = b.tok_owner.get(t.i)
            if m is not None and m.key in b.actors and m.how in NAMED_HOWS:
                a = b.actors[m.key]
                if c.dep_ == "appos" or t.head.lemma_.lower() in w.naming_words \
                        or t.head.head.lemma_.lower() in w.naming_words:
                    return a.key
    return None


class _Earlier:
    """The mentions found before this rule ran, by start: the named ones (for "the department") and the
    unnamed speakers (for "the source"); a look-up reads back at most ``window`` of them."""

    def __init__(self, b, w: SourceWords):
        ments = sorted((m for m in b.ments if m.key in b.actors), key=lambda m: m.start)
        self.named = [(m.start, m.key, b.actors[m.key].name) for m in ments if m.how in NAMED_HOWS]
        self.named_starts = [x[0] for x in self.named]
        self.speakers = [(m.start, m.key) for m in ments if m.how not in NAMED_HOWS and m.how != "pronoun"
                         and speaker_position(w, b.doc[m.head])]
        self.speaker_starts = [x[0] for x in self.speakers]
        self.window = w.antecedent_window

    def named_before(self, at: int) -> list[tuple[str, str, int]]:
        """(actor, name, start) of the last ``window`` named mentions before ``at``."""
        k = bisect.bisect_left(self.named_starts, at)
        return [(key, name, start) for start, key, name in self.named[max(0, k - self.window):k]]

    def speaker_before(self, at: int) -> Optional[str]:
        """The actor of the last unnamed speaker mention before ``at``."""
        k = bisect.bisect_left(self.speaker_starts, at)
        return self.speakers[k - 1][1] if k else None


def _definite_antecedent(b, tok, ts: int, index: _Earlier) -> Optional[str]:
    """ "the department", "that organization", "the bloc": the latest actor named before whose name
    holds the head word ("the Treasury Department"); see :func:`sitrep.lang.coref.definite_antecedent`."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.lefts):
        return None
    if any(c.dep_ in ("amod", "compound", "poss") for c in tok.lefts):
        return None  # "the Syrian military command": a description of its own
    return definite_antecedent(tok.lemma_.lower(), index.named_before(b.doc[ts].idx))


#: the dependencies of an English speaker's head (:func:`speaker_position`), as string ids
_SPEAKER_DEPS = frozenset(get_string_id(d) for d in ("nsubj", "pobj", "dobj"))


def _speaker_slots(doc) -> Iterable[int]:
    """The indices of the tokens that may stand where a speaker does: in English only a subject or an
    object (:func:`speaker_position` gives nothing else; read from the doc's array of dependencies, no
    Token object for the others); every token in another language."""
    if doc.lang_ != "en" or not len(doc):
        return range(len(doc))
    return [i for i, d in enumerate(doc.to_array(DEP).tolist()) if d in _SPEAKER_DEPS]


def described_sources(b, w: SourceWords) -> None:
    """Every described speaker of the article becomes (or refers back to) a described-source actor
    (nothing when the stage was given no described-source words)."""
    if w is None:
        return
    earlier: list[tuple[str, str, int]] = []   # (actor key, head lemma, start) in text order
    index = _Earlier(b, w)
    doc = b.doc
    for i in _speaker_slots(doc):
        tok = doc[i]
        cue = speaker_position(w, tok)
        if cue is None:
            continue
        if tok.lemma_.lower() in w.document_nouns or tok.lower_ in w.document_nouns:
            teller = document_teller(b, w, tok)  # "according to a witness account"
            if teller is not None:
                describe(b, w, teller, earlier, index, refer=True)
        elif is_candidate(w, tok, cue):
            describe(b, w, tok, earlier, index)


def document_teller(b, w: SourceWords, tok):
    """The describing noun in front of a text that speaks: "a *witness* account", "*media* reports" (a
    free source, medium or organisation word; not "a *press* release"), or ``None``."""
    for c in tok.lefts:
        lemma = c.lemma_.lower()
        if c.dep_ in ("compound", "poss") and c.pos_ == "NOUN" and c.i not in b.tok_owner and (
                lemma in w.source_heads or lemma in w.media_heads or c.lower_ in w.media_heads
                or lemma in w.organization_heads):
            return c
    return None


def describe(b, w: SourceWords, tok, earlier: list[tuple[str, str, int]], index: _Earlier,
             refer: bool = False) -> None:
    """The described source at ``tok`` (see the module doc): the actor it names or refers back to, or
    a new one; ``refer``: a describing word in front of a text, which takes an earlier source of the
    same word ("a witness ... a witness account")."""
    doc = b.doc
    conj = coordination(b, tok)
    if _named(b, tok.i) or (tok.lower_ in b.cues.group_nouns and doc[tok.i - 1].lower_ == "the"):
        return  # "The group said": a reference back, which coreference resolves
    if any(_named(b, c.i) for c in conj[1:]):
        conj = [tok]  # "a witness and BBC Burmese": the witness speaks beside the named outlet
    ts = left_edge(b, tok)
    named = self_named(b, w, tok) or (_definite_antecedent(b, tok, ts, index) if len(conj) == 1 else None)
    if not (named or refer or _takes_over(b, tok) or len(conj) > 1 and all(
            c.i not in b.tok_owner or _pending_agent(b, c.i) for c in conj)):
        return
    if tok.i in b.tok_owner and not _pending_agent(b, tok.i):
        return
    te = right_edge(b, conj[-1], w.max_tokens) + 1
    if te - ts > w.max_tokens:
        te, conj = tok.i + 1, [tok]
    key = named or _earlier_same(b, tok, earlier, any_det=refer)
    if key is None and tok.lemma_.lower() == "source" and any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts):
        key = index.speaker_before(doc[ts].idx)  # "an officer ... told Rudaw. ... the source noted"
    if key is None:
        key = new_source(b, w, tok, ts, te, conj)
    mte = conj[-1].i + 1
    b.remove_mentions_in(tok.i, mte)
    if b.add_mention(tok.i, mte, key, HOW, head=tok.i) is not None:
        earlier.append((key, tok.lemma_.lower(), doc[ts].idx))


def _owner_inside(b, ts: int, te: int, skip: int) -> Optional[str]:
    """The organisation or state named inside a description ("a *Kremlin* source", "*Hamas* sources
    in Gaza"): the source's affiliation."""
    for i in range(ts, te):
        m = b.tok_owner.get(i)
        if i == skip or m is None or m.key not in b.actors:
            continue
        if b.actors[m.key].kind != "person":
            return m.key
    return None


def new_source(b, w: SourceWords, tok, ts: int, te: int, conj: list) -> str:
    """A new described-source actor: named by the description with its determiner ("a Kremlin
    source"), the words after the head as an alias ("an officer at the base"), affiliated with the
    organisation or state named in it. Two descriptions with the same words are two actors
    ("a witness" ... "a witness")."""
    doc = b.doc
    core_end = conj[-1].i + 1
    name = doc[ts:core_end].text
    kind = "group" if len(conj) > 1 else kind_of(w, tok)
    first = ts
    while first < tok.i and doc[first].pos_ == "DET":
        first += 1
    aff = _owner_inside(b, ts, te, tok.i)
    country = None
    if aff is not None:
        a_aff = b.actors[aff]
        country = a_aff.key if a_aff.kind == "state" else (
            (b.kb.state_of(a_aff.kb_id) if a_aff.kb_id else None) or a_aff.country)
    full = doc[ts:te].text
    return b.add_actor_distinct(slug(doc[first:core_end].text) or "SOURCE", name, kind, country=country,
                                affiliation=aff, aliases=[full] if full != name else [])


__all__ = ["DescribedSourcesFile", "SourceWords", "load_source_words", "described_sources", "speaker_position",
           "kind_of", "HOW"]
