"""Stage ``relations``: how the actors stand to each other -- designations, sanctions, support,
alliances, lineage (former names, offshoots, founders), leadership and offices.

Triggers are found with a spaCy :class:`~spacy.matcher.Matcher` built from ``data/relations.yaml``
(verbs, light verbs with their nouns, relation nouns, adjectives); each trigger is then read through
the dependency parse:

* verbs, active or passive: "the US has designated *it* as a terrorist organization", "the Assad
  government, supported by Russia, Iran and Hezbollah" (one relation per conjunct), "it was previously
  known as the Nusra Front", "al-Jolani had set up another group, Jabhat al-Nusra";
* light verbs: "The US has imposed sanctions on the regime since 2011"; "would not lift sanctions"
  keeps the relation (a negated ending), "lifted sanctions" ends it (until);
* relation nouns in appositions, copulas and titles: "Jabhat al-Nusra, an offshoot of al-Qaeda",
  "HTS founder Abu Mohammad al-Jolani", "Pentagon spokesman Pat Ryder";
* actors' roles and affiliations from the actors stage ("State Department spokesman" + USA).

Arguments are actor mentions; a relative pronoun stands for its antecedent, a predicate noun for the
copula's subject, a pronoun without a mention from the actors stage for the most salient fitting actor
nearby. since/until come from the dates stage's expressions in the same clause. Negated relations are
kept with ``negated=True``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional


from .. import limits
from ..article import ArticleState, Mention
from ..contract import ActorRef, Relation
from ..errors import ConfigError
from .base import Stage
from ..datafiles import load_data

_VERB_POS = {"VERB", "AUX"}
_REL_PRONOUNS = {"that", "which", "who", "whom"}
_PRONOUNS = {"it": "it", "its": "it", "itself": "it", "they": "they", "them": "they", "their": "they",
             "he": "he", "him": "he", "his": "he", "she": "he", "her": "he"}
_COPULAS = {"be", "remain", "become"}
_ROLE_GAP_BEFORE = re.compile(r"\s+(?:[A-Z][a-z]{0,4}\.?\s+){0,3}")
_ROLE_GAP_AFTER = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?", re.IGNORECASE)


@dataclass
class _Rules:
    types: dict
    verbs: dict          # lemma (or "set up") -> entry
    light: list          # light-verb entries
    light_nouns: set
    nouns: dict          # noun -> {type, holder}
    noun_preps: set
    adjectives: dict
    support_kinds: dict  # word -> kind
    noun_modifiers: tuple = ("compound", "poss", "amod", "nmod")
    irrealis_aux: frozenset = frozenset()
    irrealis_heads: frozenset = frozenset()
    allegation_heads: frozenset = frozenset()
    raw: dict = field(repr=False, default_factory=dict)


def _validate(data) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise ConfigError("relations.yaml: a mapping with `types` is required")
    types = data["types"]
    for name, t in types.items():
        if not isinstance(t, dict) or not t.get("definition"):
            raise ConfigError(f"relations.yaml: type {name!r} needs a definition")
    for e in data.get("verbs", []):
        if e.get("type") not in types or not e.get("lemmas") or e.get("patient") not in ("subject", "object", "renamed"):
            raise ConfigError(f"relations.yaml: bad verb entry {e!r}")
    for e in data.get("light_verbs", []):
        if e.get("type") not in types or not e.get("nouns") or not e.get("verbs"):
            raise ConfigError(f"relations.yaml: bad light-verb entry {e!r}")
    for noun, e in data.get("nouns", {}).items():
        if e.get("type") not in types or e.get("holder") not in ("subject", "object"):
            raise ConfigError(f"relations.yaml: bad noun entry {noun!r}")
    for adj, e in data.get("adjectives", {}).items():
        if e.get("type") not in types or not e.get("prep"):
            raise ConfigError(f"relations.yaml: bad adjective entry {adj!r}")


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """The relation vocabulary and triggers, loaded and validated once per process."""
    data = load_data("relations.yaml")
    _validate(data)
    verbs = {}
    for e in data.get("verbs", []):
        for lemma in e["lemmas"]:
            verbs.setdefault(str(lemma).lower(), []).append(e)
    light_nouns = {str(n).lower() for e in data.get("light_verbs", []) for n in e["nouns"]}
    kinds = {}
    for kind, words in (data.get("support_kinds") or {}).items():
        for w in words:
            kinds[str(w).lower()] = kind
    return _Rules(types=data["types"], verbs=verbs, light=list(data.get("light_verbs", [])), light_nouns=light_nouns,
                  nouns={str(k).lower(): v for k, v in data.get("nouns", {}).items()},
                  noun_preps={str(p) for p in data.get("noun_preps", ["of"])},
                  adjectives={str(k).lower(): v for k, v in data.get("adjectives", {}).items()},
                  support_kinds=kinds, noun_modifiers=tuple(data.get("noun_modifiers", ("compound", "poss", "amod", "nmod"))),
                  irrealis_aux=frozenset(str(w).lower() for w in (data.get("irrealis") or {}).get("aux", [])),
                  irrealis_heads=frozenset(str(w).lower() for w in (data.get("irrealis") or {}).get("heads", [])),
                  allegation_heads=frozenset(str(w).lower() for w in (data.get("irrealis") or {}).get("above", [])),
                  raw=data)


@dataclass(frozen=True)
class _Single:
    """An argument token whose conjuncts are not arguments ("Turkey-backed groups and the SDF")."""
    tok: object


def _tok(t):
    return t.tok if isinstance(t, _Single) else t


@dataclass
class _Found:
    type: str
    subject: Mention
    object: Mention
    tokens: list
    clause: object
    negated: bool = False
    starts: bool = False
    ends: bool = False
    kind: Optional[str] = None


class RelationsStage(Stage):
    name = "relations"
    needs = ("doc", "mentions", "dates",)
    assigns = ("relations",)

    # -- the matcher (one per spaCy vocabulary, never pickled) -----------------------------------
    def _matcher(self, vocab):
        cache = getattr(self, "_res_matchers", None)
        if cache is None:
            cache = self._res_matchers = {}
        m = cache.get(id(vocab))
        if m is None:
            from spacy.matcher import Matcher

            r = rules()
            m = Matcher(vocab)
            verb_words = sorted({w.split()[0] for w in r.verbs})
            m.add("VERB", [[{"LEMMA": {"IN": verb_words}, "POS": {"IN": ["VERB", "AUX"]}}],
                           [{"LOWER": {"IN": verb_words}, "POS": {"IN": ["VERB", "AUX"]}}]])
            nouns = sorted(set(r.nouns))
            m.add("NOUN", [[{"LEMMA": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}],
                           [{"LOWER": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}]])
            light = sorted(r.light_nouns)
            m.add("LIGHT", [[{"LEMMA": {"IN": light}, "POS": {"IN": ["NOUN", "PROPN"]}}]])
            m.add("ADJ", [[{"LOWER": {"IN": sorted(r.adjectives)}}]])
            cache[id(vocab)] = m
        return m

    def process(self, state: ArticleState) -> None:
        state.relations = []
        doc = state.doc
        if doc is None or not state.text:
            return
        r = rules()
        self._counts: dict[str, int] = {}
        for m in state.mentions:
            self._counts[m.actor_id] = self._counts.get(m.actor_id, 0) + 1
        self._kinds = {a.id: a.kind for a in state.actors}
        found: list[_Found] = []
        seen_tokens = set()
        for match_id, start, _end in self._matcher(doc.vocab)(doc):
            label = doc.vocab.strings[match_id]
            tok = doc[start]
            if (label, tok.i) in seen_tokens:
                continue
            seen_tokens.add((label, tok.i))
            try:
                if label == "VERB":
                    found.extend(self._verb(state, tok, r))
                elif label == "NOUN":
                    found.extend(self._noun(state, tok, r))
                elif label == "LIGHT":
                    found.extend(self._light(state, tok, r))
                elif label == "ADJ":
                    found.extend(self._adjective(state, tok, r))
            except Exception as err:  # noqa: BLE001 - a strange parse never stops an article
                state.warnings.append(f"relations: skipped the trigger {tok.text!r} at {tok.idx}: "
                                      f"{type(err).__name__}: {err}")
                continue
        found.extend(self._roles(state, r, found))
        state.relations = self._to_relations(state, found)

    # -- argument resolution -------------------------------------------------------------------
    def _mention(self, state, tok) -> Optional[Mention]:
        return state.mention_at(tok.idx, tok.idx + len(tok.text))

    def _arg(self, state, tok, *, kinds=None, exclude=(), depth=0, expand=True) -> list[tuple[Mention, object]]:
        """The actor mention(s) a token stands for (one per conjunct), with the token used."""
        out = []
        # a conjunct with its own verb starts a new clause ("backing Assad and Turkey supporting ...")
        conj = [c for c in tok.conjuncts if c.i > tok.i and not any(
            x.pos_ in _VERB_POS and x.dep_ in ("acl", "relcl") for x in c.children)] if expand else []
        for t in [tok] + conj:
            m = self._one(state, t, kinds=kinds, exclude=exclude, depth=depth)
            if m is not None:
                out.append((m, t))
        return out

    def _one(self, state, tok, *, kinds=None, exclude=(), depth=0) -> Optional[Mention]:
        if depth > 4 or tok is None:
            return None
        m = self._mention(state, tok)
        low = tok.lower_
        if m is not None and m.how in ("agent", "title") and tok.pos_ == "NOUN":
            named = self._named_neighbour(state, tok)
            if named is not None:
                return named
            if self._generic(state, m):  # "the Assad government" left unresolved: its modifier
                for c in tok.children:
                    if c.dep_ in ("compound", "poss", "amod"):
                        mm = self._mention(state, c)
                        if mm is not None and mm.actor_id not in exclude and not self._generic(state, mm):
                            return mm
        if m is not None:
            return m if m.actor_id not in exclude else None
        if low in _REL_PRONOUNS and tok.head.dep_ in ("relcl", "acl"):
            return self._one(state, tok.head.head, kinds=kinds, exclude=exclude, depth=depth + 1)
        if low in _PRONOUNS:
            return self._pronoun(state, tok, kinds, exclude)
        if tok.pos_ in ("NOUN", "PRON", "PROPN"):
            if tok.dep_ == "attr" and tok.head.lemma_ in _COPULAS:
                subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    return self._one(state, subj, kinds=kinds, exclude=exclude, depth=depth + 1)
            named = self._named_neighbour(state, tok)
            if named is not None and named.actor_id not in exclude:
                return named
        return None

    def _generic(self, state, m: Mention) -> bool:
        """A generic agent the actors stage could not tie to anyone ("the government", "troops")."""
        if m.how != "agent":
            return False
        a = state.actor(m.actor_id)
        return a is None or (a.country is None and a.kind in ("organization", "group", "other"))

    def _named_neighbour(self, state, tok) -> Optional[Mention]:
        """A name standing in apposition to a common noun ("another group, Jabhat al-Nusra")."""
        doc = tok.doc
        for c in tok.children:
            if c.i <= tok.i or not (c.dep_ == "appos" or (c.dep_ == "conj" and tok.pos_ == "NOUN" and c.pos_ == "PROPN")):
                continue
            # right after the noun, set off by a comma or a bracket
            left = c.left_edge.i
            if left - tok.i > 3 or not any(doc[k].text in (",", "(", "-", "–", "—") for k in range(tok.i + 1, left)):
                continue
            if True:
                m = self._mention(state, c)
                if m is not None:
                    return m
        return None

    def _pronoun(self, state, tok, kinds, exclude) -> Optional[Mention]:
        """A pronoun the actors stage left unresolved: the most mentioned fitting actor in this and the
        previous sentence (never the subject of its own clause when it is an object)."""
        sent = tok.sent
        lo = sent.start_char
        prev = sent.start - 1
        if prev >= 0:
            lo = tok.doc[prev].sent.start_char
        person = _PRONOUNS[tok.lower_] == "he"
        clause_subj = set()
        if tok.dep_ in ("dobj", "pobj"):
            v = tok.head
            for c in v.children:
                if c.dep_ == "nsubj":
                    m = self._mention(state, c)
                    if m is not None:
                        clause_subj.add(m.actor_id)
        best, best_key = None, None
        for m in state.mentions:
            if m.start < lo:
                continue
            if m.start >= tok.idx:
                break
            kind = self._kinds.get(m.actor_id, "other")
            if person != (kind == "person"):
                continue
            if kinds and kind not in kinds:
                continue
            if m.actor_id in exclude or m.actor_id in clause_subj or m.how == "pronoun":
                continue
            key = (self._counts.get(m.actor_id, 0), m.start)
            if best_key is None or key > best_key:
                best, best_key = m, key
        return best

    @staticmethod
    def _negated(*toks) -> bool:
        for t in toks:
            if t is None:
                continue
            for c in t.children:
                if c.dep_ == "neg" or c.lower_ in ("never",):
                    return True
        return False

    # -- verbs ---------------------------------------------------------------------------------
    @staticmethod
    def _irrealis(v, r: _Rules) -> bool:
        """A clause that states a plan, a promise or a possibility, not a fact."""
        if any(c.dep_ == "aux" and c.lower_ in r.irrealis_aux for c in v.children):
            return True
        t = v
        for _ in range(limits.MAX_TREE_WALK):
            if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
                break
            t = t.head
            if t.lemma_.lower() in r.irrealis_heads:
                return True
        for n, a in enumerate(v.ancestors):
            if n > 6:
                break
            if a.lemma_.lower() in r.allegation_heads:
                return True
        return False

    def _verb(self, state, v, r: _Rules) -> list[_Found]:
        if self._irrealis(v, r):
            return []
        entries = list(r.verbs.get(v.lemma_.lower(), [])) + list(r.verbs.get(v.lower_, []))
        prt = next((c.lower_ for c in v.children if c.dep_ == "prt"), None)
        if prt:
            entries = list(r.verbs.get(f"{v.lemma_.lower()} {prt}", [])) + [
                e for e in entries if v.lemma_.lower() not in ("set",)]
        out = []
        done = set()
        for e in entries:
            if id(e) in done:
                continue
            done.add(id(e))
            if e.get("needs_modifier") and not any(
                    c.dep_ == "advmod" and c.lower_ in e["needs_modifier"] for c in v.children):
                continue
            if e.get("needs_word") and not self._clause_has(v, e["needs_word"]):
                continue
            out.extend(self._verb_entry(state, v, e, r))
        return out

    @staticmethod
    def _clause_has(v, words) -> bool:
        for t in v.subtree:
            if any(t.lower_.startswith(w) for w in words):
                return True
        return False

    def _agent_patient(self, v):
        """(agents, patients, passive) tokens of a verb."""
        # "Iran-backed rebels", "the US-led coalition"
        if v.dep_ in ("amod", "compound", "acl") and v.i >= 2 and v.doc[v.i - 1].text in ("-", "–"):
            agents = [c for c in v.children if c.i == v.i - 2]
            if agents and v.head.i > v.i:
                return agents, [_Single(v.head)], True
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (
            v.dep_ in ("acl", "relcl") and v.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in v.children))
        agents, patients = [], []
        if passive:
            patients = [c for c in v.children if c.dep_ == "nsubjpass"]
            if not patients and v.dep_ == "acl":
                patients = [v.head]
            for c in v.children:
                if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                    agents += [p for p in c.children if p.dep_ == "pobj"]
            if not agents:  # "designated as a terrorist organization by the United States"
                for t in v.subtree:
                    if t.lower_ == "by" and t.dep_ in ("prep", "agent") and self._clause_verb(t) == v:
                        agents += [p for p in t.children if p.dep_ == "pobj"]
                        break
        else:
            agents = [c for c in v.children if c.dep_ == "nsubj"]
            if not agents and v.dep_ == "acl" and v.tag_ == "VBG":  # "Turkey supporting the factions"
                agents = [v.head]
            if not agents:
                agents = self._controller(v)
            patients = [c for c in v.children if c.dep_ in ("dobj",)]
        return agents, patients, passive

    @staticmethod
    def _controller(v):
        """The understood subject of a non-finite verb: "Russia's interest in supporting X"."""
        if v.dep_ == "xcomp":
            return [c for c in v.head.children if c.dep_ == "nsubj"]
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":
            noun = v.head.head
            return [c for c in noun.children if c.dep_ == "poss"]
        return []

    @staticmethod
    def _clause_verb(tok):
        for a in tok.ancestors:
            if a.pos_ in _VERB_POS:
                return a
        return None

    def _verb_entry(self, state, v, e, r) -> list[_Found]:
        rtype = e["type"]
        kinds = r.types[rtype].get("pronoun_kinds")
        agents, patients, _passive = self._agent_patient(v)
        if e.get("patient") == "renamed":  # "X rebranded itself as Y" / "X renamed Y": Y formerly X
            old = [a for a in agents]
            new = [p for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
            return self._pairs(state, rtype, new, old, v, kinds, e, r)
        if e.get("object_from") == "as":
            others = [p for c in v.children if c.dep_ == "prep" and c.lower_ == "as"
                      for p in c.children if p.dep_ == "pobj"]
            if v.dep_ == "acl" and not patients:
                patients = [v.head]
            return self._pairs(state, rtype, patients, others, v, kinds, e, r)
        if e.get("patient_is_place"):
            out = []
            for a_tok in agents:
                for am, at in self._arg(state, a_tok, kinds=kinds):
                    for p_tok in patients:
                        p_tok = _tok(p_tok)
                        for t in [p_tok] + list(p_tok.conjuncts):
                            pm = state.place_at(t.idx, t.idx + len(t.text)) if state.place_mentions else None
                            if pm is None:
                                continue
                            place = Mention(start=pm.start, end=pm.end, actor_id=pm.place_id, text=pm.text, how="place")
                            out.append(_Found(rtype, am, place, [v, at, t], v, self._negated(v)))
            return out
        if e["patient"] == "subject":
            return self._pairs(state, rtype, patients, agents, v, kinds, e, r)
        return self._pairs(state, rtype, agents, patients, v, kinds, e, r)

    def _pairs(self, state, rtype, subj_toks, obj_toks, v, kinds, e, r) -> list[_Found]:
        out = []
        for s_tok in subj_toks:
            subs = self._arg(state, _tok(s_tok), kinds=kinds, expand=not isinstance(s_tok, _Single))
            for o_tok in obj_toks:
                objs = self._arg(state, _tok(o_tok), exclude={m.actor_id for m, _ in subs},
                                 expand=not isinstance(o_tok, _Single))
                for sm, st in subs:
                    for om, ot in objs:
                        if sm.actor_id == om.actor_id or not self._kinds_ok(e, sm, om):
                            continue
                        out.append(_Found(rtype, sm, om, [v, st, ot], v, self._negated(v),
                                          starts=bool(e.get("starts")), ends=bool(e.get("ends")),
                                          kind=self._support_kind(v, e, r) if rtype == "supported_by" else None))
            if not obj_toks:
                continue
        # a pronoun subject resolved with the object excluded ("it was previously known as X")
        if not out and subj_toks and obj_toks:
            objs = [m for o in obj_toks for m, _ in self._arg(state, _tok(o), expand=not isinstance(o, _Single))]
            excl = {m.actor_id for m in objs}
            for s_tok in subj_toks:
                for sm, st in self._arg(state, _tok(s_tok), kinds=kinds, exclude=excl,
                                        expand=not isinstance(s_tok, _Single)):
                    for om in objs:
                        if sm.actor_id != om.actor_id and self._kinds_ok(e, sm, om):
                            out.append(_Found(rtype, sm, om, [v, st], v, self._negated(v),
                                              starts=bool(e.get("starts")), ends=bool(e.get("ends"))))
        return out

    def _kinds_ok(self, e, sm: Mention, om: Mention) -> bool:
        """The verb's constraints on what its patient / agent may be ("Clinton leads Trump" in a poll
        is no leadership: a person is not led)."""
        patient, agent = (sm, om) if e.get("patient") == "subject" else (om, sm)
        pk, ak = e.get("patient_kinds"), e.get("agent_kinds")
        if pk and self._kinds.get(patient.actor_id, "other") not in pk:
            return False
        if ak and self._kinds.get(agent.actor_id, "other") not in ak:
            return False
        return True

    @staticmethod
    def _support_kind(v, e, r) -> Optional[str]:
        k = (e.get("kind") or {}).get(v.lemma_.lower())
        if k:
            return k
        for t in v.subtree:
            k = r.support_kinds.get(t.lemma_.lower())
            if k:
                return k
        return None

    # -- light verbs ---------------------------------------------------------------------------
    def _light(self, state, noun, r: _Rules) -> list[_Found]:
        out = []
        nl = noun.lemma_.lower()
        v = noun.head if noun.dep_ in ("dobj", "nsubjpass", "conj") else None
        for _ in range(limits.MAX_TREE_WALK):
            if v is None or v.pos_ in _VERB_POS or v.dep_ != "conj":
                break
            v = v.head
        for e in r.light:
            if nl not in e["nouns"]:
                continue
            targets = []
            for holder in ([noun] + ([v] if v is not None else [])):
                for c in holder.children:
                    if c.dep_ == "prep" and c.lower_ in e.get("preps", []):
                        targets += [p for p in c.children if p.dep_ == "pobj"]
            if not targets:
                continue
            kinds = r.types[e["type"]].get("pronoun_kinds")
            if v is not None and v.pos_ in _VERB_POS and v.lemma_.lower() in e["verbs"]:
                agents, _, _ = self._agent_patient(v)
                neg = self._negated(v)
                if self._irrealis(v, r) and not (e.get("ends") and neg):
                    continue
                for t_tok in targets:
                    for tm, tt in self._arg(state, t_tok, kinds=kinds):
                        for a_tok in agents:
                            for am, at in self._arg(state, a_tok, exclude={tm.actor_id}):
                                if e.get("ends") and neg:   # "would not lift sanctions": still in force
                                    out.append(_Found(e["type"], tm, am, [v, noun, tt, at], v, False))
                                elif e.get("ends"):
                                    out.append(_Found(e["type"], tm, am, [v, noun, tt, at], v, False, ends=True))
                                else:
                                    out.append(_Found(e["type"], tm, am, [v, noun, tt, at], v, neg,
                                                      starts=bool(e.get("starts")),
                                                      kind=self._support_kind(v, e, r) if e["type"] == "supported_by" else None))
            elif not e.get("ends") and (v is None or v.lemma_.lower() not in
                                        {w for x in r.light for w in x["verbs"]}):
                # "US sanctions on Syria": the imposer modifies the noun
                for c in noun.children:
                    if c.dep_ in ("compound", "amod", "poss"):
                        am = self._mention(state, c)
                        if am is None:
                            continue
                        for t_tok in targets:
                            for tm, tt in self._arg(state, t_tok, exclude={am.actor_id}):
                                out.append(_Found(e["type"], tm, am, [c, noun, tt], self._clause_verb(noun) or noun, False))
        return out

    # -- relation nouns --------------------------------------------------------------------------
    def _noun(self, state, noun, r: _Rules) -> list[_Found]:
        e = r.nouns.get(noun.lemma_.lower()) or r.nouns.get(noun.lower_)
        if e is None or self._irrealis(noun, r):
            return []
        rtype = e["type"]
        # the other argument: "of/for X", or a modifier ("HTS founder", "Russia's ally")
        others = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in r.noun_preps:
                others += [p for p in c.children if p.dep_ == "pobj"]
        if not others:
            mods = e.get("modifiers") or r.noun_modifiers
            others = [c for c in noun.children if c.dep_ in mods and self._mention(state, c) is not None]
        if not others:
            return []
        # the holder of the noun
        holders, clause, neg = [], noun, False
        nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        nm = self._mention(state, nxt) if nxt is not None and nxt.pos_ == "PROPN" else None
        if nm is not None and nm.start >= noun.idx + len(noun.text) and self._kinds.get(nm.actor_id) == "person":
            holders = [nxt]  # "..., Pentagon spokesman Pat Ryder told reporters"
        elif noun.dep_ == "appos":
            holders = [noun.head]
        elif noun.dep_ == "attr" and noun.head.lemma_ in _COPULAS:
            holders = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            clause, neg = noun.head, self._negated(noun.head)
        elif noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
            holders = [noun.head]
        else:
            holders = [c for c in noun.children if c.dep_ == "appos"]
        if not holders:
            return []
        out = []
        for h_tok in holders:
            for hm, ht in self._arg(state, h_tok)[:1]:
                for o_tok in others:
                    for om, ot in self._arg(state, o_tok, exclude={hm.actor_id}):
                        if hm.actor_id == om.actor_id:
                            continue
                        s, o = (hm, om) if e["holder"] == "subject" else (om, hm)
                        out.append(_Found(rtype, s, o, [noun, ht, ot], self._clause_verb(noun) or clause, neg))
        return out

    def _adjective(self, state, adj, r: _Rules) -> list[_Found]:
        e = r.adjectives.get(adj.lower_)
        if e is None:
            return []
        others = [p for c in adj.children if c.dep_ == "prep" and c.lower_ == e["prep"]
                  for p in c.children if p.dep_ == "pobj"]
        if not others:
            return []
        if adj.dep_ in ("acomp",) or (adj.dep_ == "ROOT") or adj.pos_ in _VERB_POS:
            holders = [c for c in adj.children if c.dep_ in ("nsubj", "nsubjpass")] or \
                      [c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            holders = [adj.head]
        out = []
        for h_tok in holders:
            for hm, ht in self._arg(state, h_tok):
                for o_tok in others:
                    for om, ot in self._arg(state, o_tok, exclude={hm.actor_id}):
                        s, o = (om, hm) if e.get("reverse") else (hm, om)
                        out.append(_Found(e["type"], s, o, [adj, ht, ot], self._clause_verb(adj) or adj,
                                          self._negated(adj, adj.head)))
        return out

    # -- roles from the actors stage -------------------------------------------------------------
    def _roles(self, state, r: _Rules, found) -> list[_Found]:
        have = {(f.type, f.subject.actor_id) for f in found}
        out = []
        have |= {(f.type, f.object.actor_id) for f in found}
        for actor in state.actors:
            if not actor.role or not actor.affiliation or actor.affiliation == actor.id:
                continue
            words = actor.role.lower().split()
            e = r.nouns.get(words[-1]) if words else None  # the role's head word: "chief economist" is no chief
            if e is None or (e["type"], actor.id) in have:
                continue
            # evidence: the role written next to a mention of the actor ("State Department spokesman
            # Matthew Miller", "Miller, the State Department spokesman")
            role = actor.role.lower()
            hit = None
            for m in state.mentions:
                if m.actor_id != actor.id or m.how not in ("name", "alias", "acronym"):
                    continue
                low = state.text.lower()
                i = low.rfind(role, max(0, m.start - len(role) - 24), m.start)
                if i >= 0 and _ROLE_GAP_BEFORE.fullmatch(state.text[i + len(role):m.start]):
                    hit = (m, i, m.end)  # "State Department spokesman (Lt. Gen.) Matthew Miller"
                    break
                j = low.find(role, m.end, m.end + len(role) + 8)
                after = j + len(role)
                nxt = state.mention_at(after, after + 3) if j >= 0 else None
                if nxt is not None and nxt.start >= after and nxt.actor_id != actor.id:
                    j = -1  # "Assad, Pentagon spokesman Pat Ryder said": the role is Ryder's
                if j >= 0 and _ROLE_GAP_AFTER.fullmatch(state.text[m.end:j]):
                    hit = (m, m.start, j + len(role))  # "Miller, the State Department spokesman"
                    break
            if hit is None:
                continue
            first, start, end = hit
            aff = next((m for m in state.mentions if m.actor_id == actor.affiliation), None)
            aff_actor = state.actor(actor.affiliation)
            if aff_actor is None:
                continue  # every reference points at an actor of this document
            obj = Mention(start=start, end=end, actor_id=actor.affiliation,
                          text=aff.text if aff is not None else (aff_actor.name if aff_actor else actor.affiliation))
            subj = Mention(start=start, end=end, actor_id=actor.id, text=first.text, how=first.how)
            if e["holder"] == "subject":   # "State Department spokesman" -> spokesperson_of USA
                out.append(_Found(e["type"], subj, obj, [], None))
            else:                          # "HTS founder" -> HTS founded_by the person
                out.append(_Found(e["type"], obj, subj, [], None))
        return out

    # -- output ----------------------------------------------------------------------------------
    def _dates(self, state, clause, used: Optional[list] = None) -> tuple[Optional[str], Optional[str], Optional[str]]:
        """(since, until, at) from the dates stage's expressions in the clause headed by ``clause``;
        the expressions read are appended to ``used``."""
        if clause is None or not state.dates:
            return None, None, None
        sent = clause.sent
        since = until = at = None
        used = used if used is not None else []
        for d in state.dates:
            if d.value is None or d.start < sent.start_char or d.end > sent.end_char:
                continue
            span = state.doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is None:
                continue
            verb = self._clause_verb(span.root) if span.root.pos_ not in _VERB_POS else span.root
            if verb != clause and clause.pos_ in _VERB_POS:
                continue
            if d.relation == "since" and since is None:
                since = d.value
                used.append((d.start, d.end))
            elif d.relation == "until" and until is None:
                until = d.value
                used.append((d.start, d.end))
            elif d.relation == "at" and at is None:
                at = d.value
                used.append((d.start, d.end))
        return since, until, at

    def _to_relations(self, state, found: list[_Found]) -> list[Relation]:
        out: dict[tuple, Relation] = {}
        order = []
        has_kind = "kind" in Relation.model_fields
        for f in found:
            used: list = []
            since, until, at = self._dates(state, f.clause, used)
            if f.starts and since is None and at is not None:
                since = at
            if f.ends and until is None:
                until = at or state.article.published
            offs = [(t.idx, t.idx + len(t.text)) for t in f.tokens]
            if offs and (since or until):
                offs += used
            lo, hi = state.sentence_of(offs[0][0]) if offs else (0, len(state.text))
            for m in (f.subject, f.object):
                if not offs or (m.start >= lo and m.end <= hi):
                    offs.append((m.start, m.end))
            start = min(s for s, _ in offs)
            end = max(e for _, e in offs)
            kw = dict(type=f.type, subject=ActorRef(actor_id=f.subject.actor_id, text=f.subject.text),
                      object=ActorRef(actor_id=f.object.actor_id, text=f.object.text), since=since, until=until,
                      negated=f.negated, start=start, end=end)
            if has_kind:
                kw["kind"] = f.kind
            rel = Relation(**kw)
            key = (f.type, f.subject.actor_id, f.object.actor_id, f.negated)
            old = out.get(key)
            if old is None:
                out[key] = rel
                order.append(key)
            elif (rel.since or rel.until) and not (old.since or old.until):
                out[key] = rel  # the statement with dates is the better evidence
        return [out[k] for k in order]
