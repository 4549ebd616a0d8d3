"""Stage ``actors``: who is who in the article -- one :class:`~sitrep.contract.Actor` per real actor, with
every span that names it, and ``state.mentions`` (sorted by start) for the stages after it.

How mentions are found and resolved:

* **Names** -- entities from the KB entity ruler (their ``ent_id_`` is the KB id) and NER entities
  matched to the KB through its aliases (case-insensitive except short acronyms), with rapidfuzz only
  for conservative near-spellings. Unknown PERSON/ORG/NORP names become new actors (kind inferred from
  titles and name words: "... Brigades" is an armed group, "... News" a medium), never dropped.
* **Acronyms defined in the text** -- "Hayat Tahrir al-Sham (HTS)" links both forms for the article.
* **Demonyms and possessives** -- "Russian officials", "Iran's army", "American forces" give the state.
* **Generic agents** (``kb/data/agents.yaml``) -- "rebels", "security forces", "the regime" become
  actors with a PLOVER sector and, where the text gives one, a country (CAMEO style: "Syrian rebels" ->
  ``SYR_REB``; "Syrian troops" -> ``SYR_MIL``, affiliated with ``SYR``). Government words ("the
  regime", "Russian officials", "the authorities") with a country are the state itself. A bare "the
  rebels"/"the jihadists" in an article dominated by one named armed group refers to that group; a
  bare "the regime" refers to whichever regime the article already named.
* **Persons** get a role and affiliation from the text ("Pentagon spokesman Pat Ryder", "Jake
  Sullivan, the US national security advisor") or else from the KB (the role held at publication).
* **Coreference** (:mod:`sitrep.coref`) -- surnames, titles and pronouns (``how="pronoun"``).

Metonymy contract (with the places stage): a KB metonym -- a capital or seat of power such as
"Moscow", "Washington", "the Kremlin", "the Pentagon", "the White House" -- becomes a mention of the
government actor with ``Mention.how == "metonym"`` ONLY when it acts, speaks or receives: subject of
an active verb ("Moscow said"), object of an addressing verb ("urged Tehran"), agent of a passive
("was condemned by Washington"), party to contact ("reach out to Moscow", "talks with Tehran"),
possessor of a non-place noun ("Moscow's position"), or modifier of a title ("Kremlin spokesman").
A place use ("fighting in Moscow", "Moscow's streets") produces no actor mention, so the places stage
treats a span as a place unless ``state.mentions`` holds a ``how == "metonym"`` mention over it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from spacy.attrs import IDX, LEMMA, LENGTH, SENT_START

from .. import limits
from ..article import ArticleState, Mention
from ..contract import Actor, Span
from ..coref import CorefMention, resolve_pronouns, surname_of, title_holder
from ..kb import KnowledgeBase, load_kb, norm, slug
from ..kb.agents import load_agents, load_cues
from .base import Stage

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
NAMED_HOWS = frozenset({"name", "alias", "acronym"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
_ACR_RE = re.compile(r"^[A-Z][A-Z0-9\-]{1,9}$")
_TRIM_LEFT = frozenset({"the", "a", "an", "'", '"', "\u201c", "\u2018", "(", "-", "\u2014", "\u2013"})
#: a one-word unknown PERSON/ORG that names a town of this many people (or a region) is a place
BIG_PLACE = 100_000
#: words joining an actor to an agent noun: "HTS-led rebels", "Iran-backed militias"
_JOINERS = frozenset({"backed", "allied", "aligned", "linked", "affiliated", "supported", "funded",
                      "armed", "trained", "sponsored", "controlled"})
_SECTOR_NAMES = {"GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence",
                 "JUD": "judiciary", "LEG": "legislature", "REB": "rebels"}


@dataclass
class _Actor:
    key: str
    name: str
    kind: str = "other"
    country: Optional[str] = None
    sector: Optional[str] = None
    wikidata: Optional[str] = None
    kb_id: Optional[str] = None
    role: Optional[str] = None
    affiliation: Optional[str] = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class _M:
    start: int
    end: int
    key: str
    how: str
    ts: int          # token start / end (exclusive)
    te: int
    head: int


class _Resources:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.agents = load_agents()
        self.cues = load_cues()
        self.role_heads = {h for h, lst in self.agents.by_head.items() if any(a.role for a in lst)}
        # first letter -> [(norm name, id)] for conservative fuzzy matching
        self.fuzzy: dict[str, list[tuple[str, str]]] = {}
        for key, ids in kb.all_names().items():
            if len(key) >= 6 and len(ids) == 1:
                self.fuzzy.setdefault(key[0], []).append((key, ids[0]))


class ActorsStage(Stage):
    name = "actors"
    needs = ("doc", "sentences",)
    assigns = ("actors", "mentions",)

    def __init__(self, kb_paths: Iterable[str] = (), kb_package: bool = True, fuzzy: bool = True):
        self.kb_paths = tuple(str(p) for p in kb_paths)
        self.kb_package = kb_package
        self.fuzzy = fuzzy

    @property
    def resources(self) -> _Resources:
        res = getattr(self, "_res_actors", None)
        if res is None:
            res = _Resources(load_kb(self.kb_paths, self.kb_package))
            self._res_actors = res
        return res

    def process(self, state: ArticleState) -> None:
        b = _Builder(state, self.resources, self.fuzzy)
        b.run()
        state.actors, state.mentions = b.output()


class _Salience:
    """actor key -> mentions so far, counted on first use (see :meth:`_Builder.salience`)."""

    def __init__(self, ments: list):
        self.ments = ments
        self.counts: Optional[dict[str, int]] = None

    def __bool__(self) -> bool:
        return bool(self.ments)

    def get(self, key: str, default: int = 0) -> int:
        if self.counts is None:
            self.counts = {}
            for m in self.ments:
                self.counts[m.key] = self.counts.get(m.key, 0) + 1
        return self.counts.get(key, default)


class _Builder:
    def __init__(self, state: ArticleState, res: _Resources, fuzzy: bool):
        self.state = state
        self.doc = state.doc
        self.text = state.text
        self.res = res
        self.kb = res.kb
        self.cues = res.cues
        self.agents = res.agents
        self.use_fuzzy = fuzzy
        self.published = state.article.published
        self.actors: dict[str, _Actor] = {}
        self.ments: list[_M] = []
        self.tok_owner: dict[int, _M] = {}
        self._conj_tops: dict[int, int] = {}     # token index -> the head of its coordination
        self.local: dict[str, str] = {}          # acronym or name defined in this article -> key
        self.text_roles: dict[str, tuple[str, Optional[str], Optional[str]]] = {}  # key -> role, aff, sector
        doc = self.doc
        # per-token strings, read once (spaCy Token objects are costly to create)
        arr = doc.to_array([IDX, LENGTH, LEMMA, SENT_START])
        strings = doc.vocab.strings
        text = self.text
        self.idxs = arr[:, 0].tolist()
        self.words = [text[i:i + n] for i, n in arr[:, :2].tolist()]
        lemma_cache: dict[int, str] = {}
        self.lemmas = []
        for h in arr[:, 2].tolist():
            lem = lemma_cache.get(h)
            if lem is None:
                lem = lemma_cache[h] = strings[h].lower()
            self.lemmas.append(lem)
        self._sent_of_tok = []
        si = -1
        for k, ss in enumerate(arr[:, 3].tolist()):
            if ss == 1 or k == 0:
                si += 1
            self._sent_of_tok.append(si)

    # -- helpers -----------------------------------------------------------------------------
    def sent_of_tok(self, i: int) -> int:
        return self._sent_of_tok[i] if 0 <= i < len(self._sent_of_tok) else 0

    def sent_of_char(self, c: int) -> int:
        tok = self.doc.char_span(c, c + 1, alignment_mode="expand")
        return self.sent_of_tok(tok.start) if tok is not None and len(tok) else 0

    def add_actor_kb(self, eid: str) -> str:
        if eid not in self.actors:
            e = self.kb.entries[eid]
            self.actors[eid] = _Actor(key=eid, name=e.name, kind=e.kind, country=e.country, sector=e.sector,
                                      wikidata=e.wikidata, kb_id=eid, affiliation=e.affiliation)
        return eid

    def add_actor_new(self, name: str, kind: str, **kw) -> str:
        key = slug(name)
        if key in self.kb.entries or (key in self.actors and self.actors[key].name != name):
            key = key + "_X"
        if key not in self.actors:
            self.actors[key] = _Actor(key=key, name=name, kind=kind, **kw)
        return key

    def add_mention(self, ts: int, te: int, key: str, how: str, head: Optional[int] = None) -> Optional[_M]:
        if te <= ts:
            return None
        if any(i in self.tok_owner for i in range(ts, te)):
            return None
        start = self.doc[ts].idx
        last = self.doc[te - 1]
        m = _M(start=start, end=last.idx + len(last.text), key=key, how=how, ts=ts, te=te,
               head=head if head is not None else self.doc[ts:te].root.i)
        self.ments.append(m)
        for i in range(ts, te):
            self.tok_owner[i] = m
        return m

    def remove_mention(self, m: _M) -> None:
        if m in self.ments:
            self.ments.remove(m)
        else:  # an agent waiting for resolution (key ""): drop its record too
            self.agent_records = [r for r in self.agent_records if r[0] is not m]
        for i in range(m.ts, m.te):
            if self.tok_owner.get(i) is m:
                del self.tok_owner[i]

    def trim(self, ts: int, te: int) -> tuple[int, int]:
        doc = self.doc
        while ts < te and (doc[ts].lower_ in _TRIM_LEFT or doc[ts].is_space):
            ts += 1
        while te > ts and (doc[te - 1].tag_ == "POS" or doc[te - 1].is_punct and doc[te - 1].text != "."
                           or doc[te - 1].is_space or doc[te - 1].text in ("'s", "\u2019s")):
            te -= 1
        return ts, te

    # -- pipeline ----------------------------------------------------------------------------
    def run(self) -> None:
        spans = self.entity_spans()
        self.acronym_definitions(spans)
        for ts, te, label, eid in spans:
            self.resolve_entity(ts, te, label, eid)
        self.merge_surnames()
        self.local_aliases()
        self.bare_surnames()
        self.agent_mentions()
        self.person_roles()
        self.resolve_titles()
        self.pronouns()
        self.generic_agents()

    def entity_spans(self) -> list[tuple[int, int, str, str]]:
        """Entities as (token start, token end, label, kb id), split at parentheses and trimmed."""
        out = []
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            parts = []
            cur = ent.start
            for i in range(ent.start, ent.end):
                if doc[i].text in ("(", ")"):
                    parts.append((cur, i))
                    cur = i + 1
            parts.append((cur, ent.end))
            for ts, te in parts:
                ts, te = self.trim(ts, te)
                if te > ts:
                    out.append((ts, te, ent.label_, ent.ent_id_ if len(parts) == 1 else ""))
        return out

    def acronym_definitions(self, spans) -> None:
        """ "Long Name (ACR)" and "ACR (Long Name)": both forms name one actor in this article."""
        doc = self.doc
        ends = {te: (ts, te, label, eid) for ts, te, label, eid in spans}
        words = self.words
        for i in range(len(words) - 2):
            if words[i] != "(" or words[i + 2] != ")" or not _ACR_RE.match(words[i + 1]):
                continue
            acr = words[i + 1]
            long_ = ends.get(i)
            if long_ is None:
                continue
            ts, te, label, eid = long_
            name = doc[ts:te].text
            if not eid:
                eid = self.kb.lookup(name) or ""
            if eid:
                self.local[acr] = eid
            elif label in ("ORG", "NORP", "PERSON", "GPE") and _initials_fit(acr, name):
                kind = self.infer_kind(name, label)
                self.local[acr] = self.add_actor_new(name, kind)
                self.local[name] = self.local[acr]
                self.actors[self.local[acr]].aliases.append(acr)

    def resolve_entity(self, ts: int, te: int, label: str, eid: str) -> None:
        doc = self.doc
        span = doc[ts:te]
        text = span.text
        if eid and eid in self.kb.entries:
            e = self.kb.entries[eid]
            if label == "NORP" and self.kb.demonym(text) == eid:
                self.add_mention(ts, te, self.add_actor_kb(eid), "demonym")
                return
            how = "name" if norm(text) == norm(e.name) else ("acronym" if text.isupper() and len(text) <= 6 else "alias")
            self.add_mention(ts, te, self.add_actor_kb(eid), how)
            return
        if text in self.local:
            key = self.local[text]
            self.add_mention(ts, te, key, "acronym" if text.isupper() else "name")
            return
        # the small model's ORG/NORP for a title ("the National Security Advisor") is a title, not a name
        lemmas = [t.lemma_.lower() for t in span]
        if label in ("ORG", "NORP") and self.agents.match(lemmas) is not None:
            return
        kid = self.kb.lookup(text)
        if kid:
            self.add_mention(ts, te, self.add_actor_kb(kid), "alias")
            return
        dem = self.kb.demonym(text)
        if dem and label in ("NORP", "GPE", "ORG"):
            self.add_mention(ts, te, self.add_actor_kb(dem), "demonym")
            return
        met = self.kb.metonym(text)
        if met:
            if self.metonym_acts(span, label):
                self.add_mention(ts, te, self.add_actor_kb(met), "metonym")
            return
        if self.in_place_frame(span):
            return  # "the town of Tal Rifaat", "Daraa and Sweida provinces": a place, whatever NER said
        if label == "PERSON":
            self.resolve_person_name(ts, te)
            return
        if len(span) <= 2 and span[0].is_title:
            # "Caddell" tagged ORG after "Pat Caddell"; "the Post" after "the New York Post"
            words = [t.text for t in span if not t.is_punct]
            persons = [(a.key, a.name) for a in self.actors.values() if a.kind == "person"]
            hit = surname_of(words, persons, self.salience(), first_names=False)
            if hit is None and label in ("ORG",):
                orgs = [(a.key, a.name) for a in self.actors.values()
                        if a.kind in ("organization", "media", "armed_group", "igo") and not a.kb_id]
                hit = surname_of(words, orgs, self.salience(), first_names=False)
            if hit:
                self.add_mention(ts, te, hit, "alias")
                return
        if label in ("GPE", "LOC", "FAC"):
            return  # places are the places stage's
        if self.use_fuzzy and label in ("ORG", "NORP"):
            fid = self.fuzzy_lookup(text)
            if fid:
                self.add_mention(ts, te, self.add_actor_kb(fid), "alias")
                return
        if not any(t.is_alpha and t.text[0].isupper() for t in span):
            return
        if self.looks_like_place(span, label):
            return
        if label == "ORG" and all(t.lower_ in self.cues.get("portfolio_words", ()) for t in span):
            return  # "Defence" of "Defence Secretary Marcus Hale"
        if label == "ORG" and self.followed_by_title(te) and 2 <= len(span) <= 3 and all(t.is_title for t in span) \
                and not set(norm(text).split()) & (self.cues["armed_group_words"] | self.cues["media_words"]):
            self.resolve_person_name(ts, te)  # "Marcus Hale, the British defence secretary," (NER said ORG)
            return
        kind = self.infer_kind(text, label)
        self.add_mention(ts, te, self.add_actor_new(text, kind), "name")

    def resolve_person_name(self, ts: int, te: int) -> None:
        doc = self.doc
        ranks = self.agents.ranks
        while ts < te - 1 and doc[ts].lower_ in ranks:
            ts += 1
        span = doc[ts:te]
        text = span.text
        kid = self.kb.lookup(text)
        if kid and self.kb.entries[kid].kind == "person":
            self.add_mention(ts, te, self.add_actor_kb(kid), "alias")
            return
        persons = [(a.key, a.name) for a in self.actors.values() if a.kind == "person"]
        if len(span) <= 2:
            hit = surname_of([t.text for t in span if not t.is_punct], persons, self.salience())
            if hit:
                self.add_mention(ts, te, hit, "alias")
                return
        if len(span) == 1 or (len(span) == 2 and span[0].text.lower() in ("al", "el")):
            sid = self.kb.surname(text)
            if sid:
                self.add_mention(ts, te, self.add_actor_kb(sid), "alias")
                return
        if len(span) == 1:
            orgs = [(a.key, a.name) for a in self.actors.values()
                    if a.kind in ("organization", "media", "armed_group", "igo") and not a.kb_id]
            hit = surname_of([text], orgs, self.salience(), first_names=False)
            if hit:
                self.add_mention(ts, te, hit, "alias")  # "the Herald" after "the Lakeside Herald"
                return
            if self.big_place(text):
                return  # "Aleppo" tagged PERSON by the small model: a city, not a person
            if span[0].tag_ == "NNS":
                return  # "Scholars": a plural common noun, not a name
            kind = self.infer_kind(text, "ORG")
            if kind in ("media", "armed_group"):
                self.add_mention(ts, te, self.add_actor_new(text, kind), "name")
                return
        if self.use_fuzzy and len(text) >= 8:
            fid = self.fuzzy_lookup(text)
            if fid and self.kb.entries[fid].kind == "person":
                self.add_mention(ts, te, self.add_actor_kb(fid), "alias")
                return
        self.add_mention(ts, te, self.add_actor_new(text, "person"), "name")

    def salience(self) -> "_Salience":
        """How often each actor is named so far: counted when first asked (a surname that fits two
        actors), not on every call -- counting all mentions for each name was quadratic in the article."""
        return _Salience(self.ments)

    def conj_top(self, tok):
        """The first conjunct of the coordination ``tok`` is in ("Russia" for "Hezbollah" in "Russia, Iran
        and Hezbollah"), or ``tok``: walked once per token (a long list walked from each of its names was
        quadratic), at most :data:`~sitrep.limits.MAX_TREE_WALK` steps."""
        tops, path, t = self._conj_tops, [], tok
        for _ in range(limits.MAX_TREE_WALK):
            if t.i in tops:
                t = self.doc[tops[t.i]]
                break
            if t.dep_ != "conj" or t.head.i == t.i:
                break
            path.append(t.i)
            t = t.head
        for i in path:
            tops[i] = t.i
        return t

    def fuzzy_lookup(self, text: str) -> Optional[str]:
        from rapidfuzz import fuzz, process

        q = norm(text)
        if len(q) < 6:
            return None
        choices = self.res.fuzzy.get(q[0])
        if not choices:
            return None
        best = process.extractOne(q, [c[0] for c in choices], scorer=fuzz.ratio, score_cutoff=90)
        if best is None:
            return None
        name, _, idx = best
        if name.count(" ") != q.count(" "):
            return None
        return choices[idx][1]

    def followed_by_title(self, te: int) -> bool:
        """ "<name>, the US national security advisor": an appositive whose head is a person's title."""
        words, lemmas = self.words, self.lemmas
        if te >= len(words) - 1 or words[te] != ",":
            return False
        for j in range(te + 1, min(te + 8, len(words))):
            if lemmas[j] in self.res.role_heads:
                return True
            if words[j] in (",", ".", ";") or self.doc[j].pos_ in ("VERB", "AUX", "ADP"):
                return False
        return False

    def place_country(self, name: str, min_pop: int = 1000) -> Optional[str]:
        """The ISO3 country of a place name: a KB state or capital, else the gazetteer's most
        populous place of that name (towns of fewer than 1,000 people are ignored)."""
        kid = self.kb.lookup(name) or self.kb.metonym(name)
        if kid and self.kb.entries[kid].kind == "state":
            return self.kb.entries[kid].country or kid
        try:
            from ..gazetteer import load_gazetteer
        except ImportError:  # pragma: no cover
            return None
        gaz = load_gazetteer()
        ids = [i for i in gaz.lookup(name) if gaz.population(i) >= min_pop or gaz.kind(i) != "city"]
        if not ids:
            return None
        best = max(ids, key=gaz.population)
        return _iso3_of(gaz.country_of(best))

    def big_place(self, name: str) -> bool:
        """Is a one-word name a sizeable town or region in the gazetteer (loaded only when needed)?"""
        try:
            from ..gazetteer import load_gazetteer
        except ImportError:  # pragma: no cover - gazetteer module absent
            return False
        gaz = load_gazetteer()
        return any(gaz.population(i) >= BIG_PLACE or gaz.kind(i) in ("country", "admin1", "region")
                   for i in gaz.lookup(name))

    def in_place_frame(self, span) -> bool:
        """Does an unknown name stand in a frame that makes it a place: the object of "of" after a kind of
        place or a direction ("the town of Tal Rifaat", "east of the Euphrates"), or the modifier of a kind
        of place ("Daraa and Sweida provinces", "the al-Tanf garrison", "Saydnaya military prison")? A
        name with an organisation's words ("... Brigade base") keeps its actor."""
        frames = self.cues["place_frames"]
        words = set(norm(span.text).split())
        if words & (self.cues["armed_group_words"] | self.cues["media_words"] | self.cues["group_nouns"]
                    | self.cues["party_words"]):
            return False
        root = span.root
        if root.dep_ == "conj" and root.head.i not in range(span.start, span.end):
            root = self.conj_top(root)   # (a span's root has its head outside the span, and so its ancestors)
        head = root.head
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in frames:
            return head.head.i < span.start
        if root.dep_ in ("compound", "nmod", "amod") and head.i >= span.end and head.pos_ in ("NOUN", "PROPN"):
            between = self.doc[span.end:head.i]
            return head.lemma_.lower() in frames and all(
                (t.pos_ in ("ADJ", "NOUN", "PROPN", "CCONJ") or t.text == ",") and t.lower_ not in self.res.role_heads
                for t in between)
        return False

    def looks_like_place(self, span, label: str) -> bool:
        """An unknown ORG/NORP that the small model mislabelled: the object of a place preposition
        ("in Idlib", "attack on Aleppo"), a NORP without a demonym's shape, a one-word name of a
        sizeable town, or a headline fragment."""
        if len(span) == 1 and self.big_place(span.text):
            return True
        root = self.conj_top(span.root)
        if root.dep_ == "pobj" and (root.head.lower_ in self.cues["place_preps"] or root.head.lower_ == "on"):
            return True
        if label == "NORP":
            w = span[-1].lower_
            return not (w.endswith(("an", "ans", "ese", "i", "is", "ish", "ic", "ist", "ists", "s")))
        if label == "ORG" and (span[0].pos_ in ("VERB", "AUX") or any(t.text in ("'", "\u2018", "\u2019") for t in span)
                               or any(t.tag_ == "POS" for t in span[:-1])):
            return True  # headline fragments: "Avoid 'Miscalculations'", "Trump's East European Achilles Heel"
        return False

    def infer_kind(self, name: str, label: str) -> str:
        if label == "PERSON":
            return "person"
        if label == "NORP":
            return "group"
        words = set(norm(name).split())
        low = norm(name)
        if words & self.cues.get("media_words", frozenset()):
            return "media"
        if words & self.cues.get("armed_group_words", frozenset()):
            return "armed_group"
        if any(w in low for w in self.cues.get("igo_words", ())) and "united nations" in low:
            return "igo"
        return "organization"

    def local_aliases(self) -> None:
        """Later uses of an acronym defined in the text that no entity covered."""
        if not self.local:
            return
        for i, w in enumerate(self.words):
            if w in self.local and i not in self.tok_owner:
                self.add_mention(i, i + 1, self.local[w], "acronym")

    # -- metonymy ----------------------------------------------------------------------------
    def metonym_acts(self, span, label: str) -> bool:
        """Does the capital / seat of power ``span`` act, speak or receive (-> government actor)?"""
        cues = self.cues
        root = self.conj_top(span.root)
        dep, head = root.dep_, root.head
        if span.text.isupper() and len(span.text) > 3 and (span.start == 0 or "\n" in self.doc[span.start - 1].text_with_ws):
            return False  # a dateline ("WASHINGTON -"), where the story was filed
        building = label in ("ORG", "FAC") or self.doc[span.start - 1].lower_ == "the" if span.start else label in ("ORG", "FAC")
        if dep == "nsubj":
            return head.lemma_ not in cues["place_subject_verbs"] and head.lemma_ != "be" or building
        if dep == "nsubjpass":
            return head.lemma_ in cues["object_verbs"] or head.lemma_ in cues["contact_verbs"]
        if dep in ("dobj",):
            return head.lemma_ in cues["object_verbs"] or head.lemma_ in cues["contact_verbs"] or building
        if dep in ("iobj", "dative"):
            return True
        if dep == "poss":
            return head.lemma_.lower() not in cues["place_nouns"]
        if dep == "compound":
            h = head.lemma_.lower()
            return h in self.res.role_heads or h in cues["contact_nouns"] or h in self.agents.by_head
        if dep == "pobj":
            prep = head.lower_
            gov = head.head
            if head.dep_ == "agent" or prep == "by":
                return True
            if prep in cues["place_preps"]:
                return False
            if prep in ("to", "with", "from", "against", "between", "toward", "towards", "on", "for"):
                lem = gov.lemma_.lower()
                return lem in cues["contact_verbs"] or lem in cues["contact_nouns"] or lem in cues["object_verbs"]
            if prep == "of":
                lem = gov.lemma_.lower()
                return lem in self.res.role_heads or lem in cues["contact_nouns"] or building
            return building
        return building and dep not in ("appos",)

    # -- generic agents ----------------------------------------------------------------------
    def agent_modifier(self, span) -> bool:
        """Is this demonym/name a modifier of an agent noun ("Russian officials")? Then the agent step
        takes it into the agent's mention."""
        head = span.root.head
        return (span.root.dep_ in ("amod", "compound", "nmod", "poss") and head.i >= span.end
                and self._agent_at(head) is not None)

    def _agent_at(self, tok):
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = tok.lemma_.lower()
        cands = self.agents.by_head.get(lemma) or self.agents.by_head.get(tok.lower_)
        if not cands:
            return None
        lefts = [t.lemma_.lower() for t in self.doc[max(tok.left_edge.i, tok.i - 3):tok.i]]
        return self.agents.match(lefts + [cands[0].head])

    def _agent_left(self, tok, agent):
        """Where an agent's mention starts, scanning left from its head over the agent's own words
        ("security forces"), actor mentions ("Russian", "Iran's", "HTS-led") and their joiners;
        plus the country a person before it gives ("Bashar al-Assad's regime" -> SYR)."""
        doc = self.doc
        lo = tok.left_edge.i
        ts = max(lo, tok.i - len(agent.modifiers))
        country, via_dem = None, False
        j = ts - 1
        while j >= lo:
            t = doc[j]
            m = self.tok_owner.get(j)
            if m is not None:
                a = self.actors.get(m.key)
                if a is not None and a.kind == "person":
                    country = (self.kb.state_of(a.kb_id) if a.kb_id else None) or a.country
                    break
                ts = m.ts
                j = m.ts - 1
                continue
            if country is None and (t.ent_type_ or t.pos_ == "PROPN") and t.dep_ in ("compound", "amod", "nmod"):
                # "Darfur rebels", "Baghdad police": a place in front gives the country (a name the
                # model did not call a place must be a sizeable town)
                k = j
                while k - 1 >= lo and doc[k - 1].ent_iob_ == "I" and doc[k].ent_iob_ != "B":
                    k -= 1
                c3 = self.place_country(doc[k:j + 1].text,
                                        1000 if t.ent_type_ in ("GPE", "LOC") else BIG_PLACE)
                if c3:
                    country = c3
                    ts = k
                    j = k - 1
                    continue
            if t.lower_ in self.cues.get("agent_name_stop", ()):
                break  # "its own people", "many troops": not part of the agent's name
            if t.dep_ == "amod" and t.head.i == tok.i and t.pos_ == "ADJ":
                ts = j  # "regional partners", "top lawmakers"
                j -= 1
                continue
            if t.dep_ in ("compound", "amod") and t.pos_ in ("NOUN", "ADJ") and (
                    self._agent_at(t) is not None or t.head.i == tok.i):
                ts = j  # "Chilean government officials", "army officers", "French paper workers"
                j -= 1
                continue
            if t.lower_ in _JOINERS:
                break  # "Iran-backed militias" are not Iran (the relations stage reads "backed")
            if t.tag_ == "POS" or t.text in ("-", "\u2013") or t.lower_ == "led":
                k = j - 1
                while k >= lo and (doc[k].text in ("-", "\u2013") or doc[k].lower_ == "led"):
                    k -= 1
                if k >= lo and self.tok_owner.get(k) is not None:
                    j = k  # "HTS-led rebels", "Iran's army": the mention joins the agent
                    continue
                break
            break
        while ts < tok.i and (doc[ts].tag_ == "POS" or doc[ts].is_punct):
            ts += 1
        return ts, country, via_dem

    def agent_mentions(self) -> None:
        doc = self.doc
        self.agent_records = []  # (mention, agent) for bare agents resolved later
        by_head = self.agents.by_head
        cands = [i for i, (lem, w) in enumerate(zip(self.lemmas, self.words))
                 if (lem in by_head or w.lower() in by_head) and i not in self.tok_owner]
        for i in cands:
            tok = doc[i]
            if tok.i in self.tok_owner:
                continue
            agent = self._agent_at(tok)
            if agent is None:
                continue
            if agent.role:
                continue  # titles are handled with persons
            if tok.dep_ == "compound" and self._agent_at(tok.head) is not None:
                continue  # "security" of "security forces" handled at the head
            if tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN":
                continue  # "rebel attack", "police station": a modifier, not an actor
            ts, country, via_dem = self._agent_left(tok, agent)
            group = None
            absorbed = []
            for i in range(ts, tok.i):
                m = self.tok_owner.get(i)
                if m is not None and m not in absorbed:
                    absorbed.append(m)
            # "demonstrators in Baghdad", "students throughout Indonesia": where they are (CAMEO);
            # not for armed forces, which are often abroad ("a force of 1,000 US troops in Syria")
            if country is None and agent.sector != "MIL":
                for c in tok.rights:
                    if c.dep_ == "prep" and c.lower_ in ("in", "throughout", "across", "from"):
                        for p in c.children:
                            if p.dep_ != "pobj":
                                continue
                            pm = self.tok_owner.get(p.i)
                            if pm is not None and self.actors.get(pm.key) is not None:
                                pa = self.actors[pm.key]
                                if pa.kind == "state":
                                    country = pa.key
                            elif p.ent_type_ in ("GPE", "LOC"):
                                span = next((e for e in doc.ents if e.start <= p.i < e.end), None)
                                if span is not None:
                                    country = self.place_country(span.text)
            # "the army of Syria"
            for c in tok.rights:
                if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                    for p in c.children:
                        m = self.tok_owner.get(p.i)
                        if p.dep_ == "pobj" and m is not None and m.key in self.actors:
                            a = self.actors[m.key]
                            if a.kind == "state":
                                country = a.key
                            elif a.kind in ("armed_group", "organization", "igo", "group"):
                                group = a.key
            for m in absorbed:
                a = self.actors.get(m.key)
                if a is None:
                    continue  # an agent not resolved yet (key "")
                st = self.kb.state_of(a.kb_id) if a.kb_id else None
                if a.kind == "state":
                    country = a.key
                    via_dem = via_dem or m.how == "demonym"
                elif a.kind in ("armed_group", "organization", "igo", "group") and a.kind != "state":
                    if agent.sector in STATE_SECTORS and st:
                        country = st
                    else:
                        group = a.key
                elif a.kind == "person" and (st or a.country):
                    country = st or a.country
            # left part must not run into words that are not modifiers of this noun
            for m in absorbed:
                self.remove_mention(m)
            if group:
                key, how = group, "agent"
            elif country and (agent.state or agent.kind == "state"):
                key, how = self.add_actor_kb(country), ("demonym" if via_dem else "agent")
            elif country:
                key = f"{country}_{agent.sector}"
                if key not in self.actors:
                    cname = self.kb.entries[country].name if country in self.kb.entries else country
                    self.actors[key] = _Actor(key=key, name=f"{cname} {_SECTOR_NAMES.get(agent.sector, agent.word)}",
                                              kind=agent.kind if agent.kind != "state" else "organization",
                                              country=country, sector=agent.sector, affiliation=country
                                              if agent.sector in STATE_SECTORS else None)
                how = "demonym" if via_dem else "agent"
            else:
                key, how = None, "agent"
            m = _M(start=doc[ts].idx, end=tok.idx + len(tok.text), key=key or "", how=how, ts=ts, te=tok.i + 1,
                   head=tok.i)
            if key:
                self.ments.append(m)
                for i in range(ts, tok.i + 1):
                    self.tok_owner[i] = m
            else:
                for i in range(ts, tok.i + 1):
                    self.tok_owner[i] = m
                self.agent_records.append((m, agent))

    def generic_agents(self) -> None:
        """Bare agents: "the regime" -> the regime already named; "the rebels" -> the article's dominant
        armed group; else one generic actor per sector."""
        if not self.agent_records:
            return
        named = {m.key for m in self.ments if m.how in NAMED_HOWS}
        counts: dict[str, int] = {}
        for m in self.ments:
            if m.key in named and m.how != "pronoun":
                counts[m.key] = counts.get(m.key, 0) + 1
        by_kind: dict[str, list[tuple[int, str]]] = {}
        for k, n in counts.items():
            a = self.actors[k]
            by_kind.setdefault(a.kind, []).append((n, k))
        for lst in by_kind.values():
            lst.sort(reverse=True)
        dominant = {}
        for kind, lst in by_kind.items():
            if lst and lst[0][0] >= 2 and (len(lst) == 1 or lst[0][0] >= 1.5 * lst[1][0]):
                dominant[kind] = lst[0][1]
        resolved_heads: dict[str, str] = {}
        for m in sorted(self.ments, key=lambda m: m.start):
            if m.how in ("agent", "demonym"):
                resolved_heads.setdefault(self.doc[m.head].lemma_.lower(), m.key)
        for m, agent in sorted(self.agent_records, key=lambda r: r[0].start):
            head = self.doc[m.head].lemma_.lower()
            htok = self.doc[m.head]
            definite = any(c.lower_ == "the" for c in htok.lefts)
            has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in htok.rights)
            earlier = [x for x in self.ments if x.start < m.start and x.how in ("agent", "demonym")
                       and self.doc[x.head].lemma_.lower() == head] if definite and not has_of else []
            key = None
            # "its fighters", "the group's militants": the possessor's forces
            for c in htok.lefts:
                pm = self.tok_owner.get(c.i)
                if c.dep_ == "poss" and pm is not None and pm is not m and pm.key in self.actors \
                        and self.actors[pm.key].kind in ("armed_group", "organization", "igo", "group"):
                    key = pm.key
            if key is None and earlier:
                key = max(earlier, key=lambda x: x.start).key
            elif agent.kind == "armed_group" and agent.kind in dominant:
                key = dominant[agent.kind]
            if key is None:
                key = slug(agent.word)
                key = key if key not in self.kb.entries else f"{key}_AGENT"
                if key not in self.actors:
                    self.actors[key] = _Actor(key=key, name=self.doc[m.ts:m.te].text,
                                              kind=agent.kind if agent.kind != "state" else "organization",
                                              sector=agent.sector)
            m.key = key
            self.ments.append(m)

    # -- persons -----------------------------------------------------------------------------
    def _title_tokens_left(self, ts: int) -> list[int]:
        doc = self.doc
        ranks = self.agents.ranks
        out = []
        j = ts - 1
        inside = set(range(ts, ts + 1))
        while j >= 0 and ts - j <= limits.MAX_TREE_WALK:
            t = doc[j]
            if t.lower_ in ranks or (t.pos_ in ("PROPN", "NOUN", "ADJ") and not t.is_space
                                     and (t.head.i in inside or t.head.i > j)):
                if t.ent_type_ == "PERSON" and self.tok_owner.get(j) and self.actors[self.tok_owner[j].key].kind == "person":
                    break
                out.append(j)
                inside.add(j)
                j -= 1
                continue
            break
        return sorted(out)

    def _aff_sector(self, aff: Optional[str], sector: Optional[str]) -> Optional[str]:
        """A title's sector: its organisation's ("Pentagon spokesman" -> MIL, "HTS founder" -> REB),
        else the title word's ("spokesman" -> GOV)."""
        a = self.actors.get(aff) if aff else None
        if a is not None and a.kind != "state" and a.sector:
            return a.sector
        return sector

    def _role_from_tokens(self, toks: list[int]) -> tuple[Optional[str], Optional[str], Optional[str]]:
        """(role text, affiliation key, sector) from title tokens, or Nones when no title word."""
        doc = self.doc
        ranks = self.agents.ranks
        core = [i for i in toks if doc[i].lower_ not in ranks]
        if not core:
            if toks:
                return None, None, "MIL"
            return None, None, None
        lemmas = [doc[i].lemma_.lower() for i in core]
        # the title word: the last role-agent in the phrase
        agent, last = None, None
        for k in range(len(core), 0, -1):
            a = self.agents.match(lemmas[:k])
            if a is not None and a.role:
                agent, last = a, k
                break
        if agent is None:
            return None, None, None
        core = core[:last]
        sector = agent.sector
        for lem in lemmas[:last - 1]:
            mod = self.agents.match([lem])
            if mod is not None and not mod.role:
                sector = mod.sector  # "opposition leader" -> OPP, "rebel commander" -> REB
        aff = None
        keep = []
        for i in core:
            m = self.tok_owner.get(i)
            if m is not None and m.key in self.actors:
                a = self.actors[m.key]
                aff = a.key
                if a.kind == "state" and m.how in ("name", "alias", "acronym", "demonym"):
                    continue  # "US", "Syrian": the affiliation, not part of the role
            keep.append(i)
        if not keep:
            return None, aff, self._aff_sector(aff, sector)
        role = self.text[doc[keep[0]].idx: doc[keep[-1]].idx + len(doc[keep[-1]].text)]
        return role, aff, self._aff_sector(aff, sector)

    def _norm_affiliation(self, key: Optional[str]) -> Optional[str]:
        """A government agency's person speaks for the state ("State Department spokesman" -> USA)."""
        if not key:
            return None
        a = self.actors.get(key)
        if a and a.kb_id and a.kind == "organization":
            st = self.kb.state_of(a.kb_id)
            if st:
                self.add_actor_kb(st)
                return st
        return key

    def person_roles(self) -> None:
        doc = self.doc
        for m in sorted(self.ments, key=lambda m: m.start):
            a = self.actors.get(m.key)
            if a is None or a.kind != "person" or m.how == "pronoun":
                continue
            role = aff = sector = None
            toks = self._title_tokens_left(m.ts)
            if toks:
                role, aff, sector = self._role_from_tokens(toks)
                if role is None and aff is None and sector:
                    a.sector = a.sector or sector
            if role is None:
                role, aff2, sector2 = self._appositive_role(m)
                aff, sector = aff or aff2, sector or sector2
            if role and m.key not in self.text_roles:
                self.text_roles[m.key] = (role, aff, sector)
        for key, (role, aff, sector) in self.text_roles.items():
            a = self.actors[key]
            a.role = role
            aff = self._norm_affiliation(aff)
            if aff:
                a.affiliation = aff
                af = self.actors.get(aff)
                a.country = a.country or (af.country if af else None)
            if sector:
                a.sector = sector  # the text's title is more specific (and more current) than the KB
        for a in self.actors.values():
            if a.kind == "person" and a.kb_id and not a.role:
                r = self.kb.entries[a.kb_id].role_at(self.published)
                if r:
                    a.role = r["role"]
                    a.affiliation = a.affiliation or r.get("affiliation")
                    a.sector = a.sector or r.get("sector")
            if a.kind == "person" and a.affiliation and not a.country:
                a.country = self.kb.state_of(a.affiliation) or (self.actors[a.affiliation].country
                                                                if a.affiliation in self.actors else None)

    def _appositive_role(self, m: _M):
        """ "Jake Sullivan, the US national security advisor[, ...]" or "..., the advisor of X"."""
        doc = self.doc
        i = m.te
        if i >= len(doc) or doc[i].text != ",":
            return None, None, None
        j = i + 1
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        toks = []
        while j < len(doc) and j < i + 9 and (doc[j].pos_ in ("PROPN", "NOUN", "ADJ") and not doc[j].is_space):
            other = self.tok_owner.get(j)
            if other is not None and other.key != m.key and getattr(self.actors.get(other.key), "kind", None) == "person":
                # "... toppled Assad, Pentagon spokesman Pat Ryder told": the title is Ryder's, not Assad's
                return None, None, None
            toks.append(j)
            j += 1
        if not toks:
            return None, None, None
        role, aff, sector = self._role_from_tokens(toks)
        if role and j < len(doc) and doc[j].lower_ == "of":
            k = j + 1
            while k < len(doc) and doc[k].pos_ == "DET":
                k += 1
            mm = self.tok_owner.get(k)
            if mm is not None:
                aff = aff or mm.key
                sector = self._aff_sector(aff, sector)
        return role, aff, sector

    def _raw_title_aff(self, toks: list[int], tok) -> Optional[str]:
        """The actor named inside a bare title or in its "of" phrase, before any state roll-up."""
        for i in toks:
            m = self.tok_owner.get(i)
            if m is not None and m.how != "demonym":
                return m.key
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in self.tok_owner:
                        return self.tok_owner[p.i].key
        return None

    def resolve_titles(self) -> None:
        """Bare titles ("the Pentagon spokesman") -> the person holding them in the text; else an
        agent actor for the title's state or organisation ("the American general" -> USA_MIL)."""
        doc = self.doc
        persons = []
        for a in self.actors.values():
            if a.kind != "person":
                continue
            ms = [m for m in self.ments if m.key == a.key]
            if not ms:
                continue
            persons.append({"actor": a.key, "role": a.role, "affiliation": a.affiliation,
                            "first": min(m.start for m in ms), "last": max(m.start for m in ms)})
        role_heads = self.res.role_heads
        for i in [i for i, lem in enumerate(self.lemmas) if lem in role_heads]:
            tok = doc[i]
            if tok.i in self.tok_owner or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            agent = self._agent_at(tok)
            if agent is None or not agent.role:
                continue
            if any(c.dep_ == "poss" for c in tok.lefts) or tok.tag_ not in ("NN", "NNP", "NNS", "NNPS"):
                continue  # "their heads", "his spokesman": not a title standing for a person
            plural = tok.tag_ in ("NNS", "NNPS")
            if tok.head.i in self.tok_owner and self.actors.get(self.tok_owner[tok.head.i].key, _Actor("", "")).kind == "person":
                continue  # part of a named person's title
            if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children) or (
                    tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON"):
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.ent_type_ == "PERSON":
                continue
            if tok.dep_ in ("compound", "amod"):
                continue
            ts = tok.left_edge.i
            while ts < tok.i and (doc[ts].pos_ in ("DET", "PUNCT", "NUM") or doc[ts].lower_ in _TRIM_LEFT):
                ts += 1
            toks = list(range(ts, tok.i + 1))
            role, aff, sector = self._role_from_tokens(toks)
            # "of the White House" after the title
            for c in tok.rights:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and p.i in self.tok_owner:
                            aff = aff or self.tok_owner[p.i].key
            aff = self._norm_affiliation(aff)
            words = set()
            for i in toks:
                mm = self.tok_owner.get(i)
                if mm is not None and mm.key in self.actors and self.actors[mm.key].kind == "state" \
                        and mm.how != "metonym":
                    continue  # "the US national security advisor": the state is the affiliation
                words.add(doc[i].lower_)
            words -= {agent.head, doc[tok.i].lower_}
            holder = None if plural else title_holder(agent.head, words, aff, tok.idx, persons, self.sent_of_char)
            if holder:
                for i in range(ts, tok.i + 1):
                    if i in self.tok_owner:
                        self.remove_mention(self.tok_owner[i])
                self.add_mention(ts, tok.i + 1, holder, "title", head=tok.i)
                a = self.actors[holder]
                if not a.role and role:
                    a.role = role
                    if aff:
                        a.affiliation = a.affiliation or aff
                        a.country = a.country or self.kb.state_of(aff)
                for p in persons:
                    if p["actor"] == holder:
                        p["role"] = a.role
                        p["affiliation"] = a.affiliation
                        p["last"] = max(p["last"], tok.idx)
                continue
            # no holder: the title stands for its organisation ("the FBI director" -> FBI) or its
            # state's sector (CAMEO: "a Russian diplomat" -> RUS, "the American general" -> USA_MIL)
            raw_aff = self._raw_title_aff(toks, tok)
            country = self.kb.state_of(aff) if aff and aff in self.kb.entries else None
            if raw_aff and raw_aff in self.actors and self.actors[raw_aff].kind not in ("state", "person"):
                for i in range(ts, tok.i + 1):
                    if i in self.tok_owner:
                        self.remove_mention(self.tok_owner[i])
                self.add_mention(ts, tok.i + 1, raw_aff, "title", head=tok.i)
            elif country or plural:
                sec = sector or agent.sector
                if country and sec == "GOV":
                    key = self.add_actor_kb(country)
                elif country:
                    key = f"{country}_{sec}"
                    if key not in self.actors:
                        cname = self.kb.entries[country].name
                        self.actors[key] = _Actor(key=key, name=f"{cname} {_SECTOR_NAMES.get(sec, agent.word)}",
                                                  kind="armed_group" if sec in ("REB", "UAF") else "organization",
                                                  country=country, sector=sec,
                                                  affiliation=country if sec in STATE_SECTORS else None)
                else:  # "rebel leaders", "senior officers": a generic group of that sector
                    key = f"{slug(agent.word)}_{sec}"
                    if key not in self.actors:
                        self.actors[key] = _Actor(key=key, name=self.text[doc[ts].idx:tok.idx + len(tok.text)],
                                                  kind="group", sector=sec)
                for i in range(ts, tok.i + 1):
                    if i in self.tok_owner:
                        self.remove_mention(self.tok_owner[i])
                self.add_mention(ts, tok.i + 1, key, "title" if not plural else "agent", head=tok.i)

    # -- pronouns ----------------------------------------------------------------------------
    def pronouns(self) -> None:
        cues = self.cues
        # definite actors: named in the text, known to the KB however the text refers to them ("Iraq's
        # government" is Iraq), or an agent of a given country ("Egypt's foreign ministry")
        named = {m.key for m in self.ments if m.how in NAMED_HOWS or m.how in ("title", "metonym")
                 or self.actors[m.key].kb_id or self.actors[m.key].country}
        cms = [CorefMention(start=m.start, end=m.end, head=m.head, actor=m.key, kind=self.actors[m.key].kind,
                            how=m.how) for m in self.ments]
        new = resolve_pronouns(self.doc, cms, person_pronouns=cues["person_pronouns"],
                               thing_pronouns=cues["thing_pronouns"], group_nouns=cues["group_nouns"],
                               named=named, taken=set(self.tok_owner), sent_index=self.sent_of_tok,
                               speech_verbs=cues["speech_verbs"], words=self.words, idxs=self.idxs,
                               text=self.text)
        for cm in new:
            ts = self.doc.char_span(cm.start, cm.end, alignment_mode="expand")
            self.add_mention(ts.start, ts.end, cm.actor, "pronoun", head=cm.head)

    def bare_surnames(self) -> None:
        """A person's surname the NER missed ("Hale said ...") after the full name was given."""
        names: dict[str, list[str]] = {}
        for a in self.actors.values():
            if a.kind == "person":
                parts = a.name.split()
                if len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1]) > 2:
                    names.setdefault(parts[-1], []).append(a.key)
        if not names:
            return
        first = {}
        for m in self.ments:
            if m.key in self.actors and self.actors[m.key].kind == "person":
                first[m.key] = min(first.get(m.key, m.start), m.start)
        for i, w in enumerate(self.words):
            keys = names.get(w)
            if not keys or len(keys) != 1 or i in self.tok_owner:
                continue
            if first.get(keys[0], 1 << 30) < self.idxs[i] and self.doc[i].pos_ == "PROPN":
                self.add_mention(i, i + 1, keys[0], "alias")

    def merge_surnames(self) -> None:
        """A surname met before its full name ("Assad ... Bashar al-Assad") is the same person."""
        persons = [(a.key, a.name) for a in self.actors.values() if a.kind == "person"]
        for a in list(self.actors.values()):
            if a.kind != "person" or a.kb_id or " " in a.name.strip():
                continue
            target = surname_of([a.name], [(k, n) for k, n in persons if k != a.key])
            if target:
                for m in self.ments:
                    if m.key == a.key:
                        m.key = target
                del self.actors[a.key]

    # -- output ------------------------------------------------------------------------------
    def output(self) -> tuple[list[Actor], list[Mention]]:
        text = self.text
        ments = sorted((m for m in self.ments if m.key in self.actors), key=lambda m: (m.start, -m.end))
        # no overlaps: keep the first (longest) at each position
        clean: list[_M] = []
        for m in ments:
            if clean and m.start < clean[-1].end:
                continue
            clean.append(m)
        by_actor: dict[str, list[_M]] = {}
        for m in clean:
            by_actor.setdefault(m.key, []).append(m)
        actors = []
        used = set(by_actor)
        # keep affiliations pointing at actors of this article or KB ids
        for key, a in self.actors.items():
            if key not in used:
                continue
            ms = by_actor[key]
            aliases = []
            for m in ms:
                t = text[m.start:m.end]
                if m.how != "pronoun" and t != a.name and t not in aliases:
                    aliases.append(t)
            for al in a.aliases:
                if al not in aliases and al != a.name:
                    aliases.append(al)
            actors.append(Actor(
                id=key, name=a.name, kind=a.kind if a.kind in ("state", "organization", "armed_group", "person",
                                                                 "igo", "media", "group") else "other",
                country=a.country, sector=a.sector, wikidata=a.wikidata, aliases=aliases, role=a.role,
                affiliation=a.affiliation if a.affiliation != key else None,
                mentions=[Span.model_construct(text=text[m.start:m.end], start=m.start, end=m.end) for m in ms],
                kb_id=a.kb_id))
        mentions = [Mention(start=m.start, end=m.end, actor_id=m.key, text=text[m.start:m.end], how=m.how)
                    for m in clean]
        return actors, mentions


@lru_cache(maxsize=512)
def _iso3_of(iso2: Optional[str]) -> Optional[str]:
    if not iso2:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_2=iso2)
    return c.alpha_3 if c else None


def _initials_fit(acr: str, name: str) -> bool:
    """Loose check that an acronym abbreviates a name: its letters are initials of the name's words,
    in order (articles and particles may be skipped)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    initials = "".join(w[0].upper() for w in words if w[0].isalpha())
    it = iter(initials)
    return all(ch in it for ch in acr.replace("-", "").upper() if ch.isalpha())
