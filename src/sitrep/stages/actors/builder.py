"""The working state of the actors stage on one article, and the order its rules run in.

:class:`Builder` holds the actors and mentions found so far, which token belongs to which mention,
and per-token strings read once from the ``Doc``; it offers the few operations every rule uses
(:meth:`Builder.add_actor_kb`, :meth:`Builder.add_actor_new`, :meth:`Builder.add_mention`,
:meth:`Builder.remove_mention`). The rules themselves live in the modules named after their job and
take the builder as their first argument. :meth:`Builder.run` applies them in this order:

1. entity spans, split at parentheses and trimmed (:mod:`.trim`);
2. acronyms defined in the text, "Hayat Tahrir al-Sham (HTS)" (:mod:`.kb_match`);
3. each entity resolved: KB id, local acronym, KB alias, demonym, metonym, place frame, person,
   short form, fuzzy KB match, or a new actor (:mod:`.names`, :mod:`.metonyms`, :mod:`.frames`);
4. surnames met before their full name merged, later acronyms and bare surnames (:mod:`.persons`);
5. generic agents, "Syrian rebels", "Iran's army" (:mod:`.agents`);
6. persons' roles from the text or the KB, and bare titles, "the Pentagon spokesman" (:mod:`.persons`,
   :mod:`.titles`);
7. described sources, "a Kremlin source told Interfax", "security sources said" (:mod:`.sources`);
8. pronouns (:mod:`.pronouns`), then bare agents, "the regime", "the rebels" (:mod:`.agents`);
9. described entities, "the legislative council building", "the village of X" (:mod:`.entities`), last,
   on the words no other rule took.
"""

from __future__ import annotations

from typing import Optional

from spacy.attrs import IDX, LEMMA, LENGTH, SENT_START

from ... import limits
from ...core.article import ArticleState
from ...kb import slug
from .config import ActorsConfig
from .data import ActorData
from .model import ORG_KINDS, ActorRecord, MentionRecord


class Builder:
    """The actors and mentions of one article, built rule by rule."""

    def __init__(self, state: ArticleState, data: ActorData, config: ActorsConfig):
        self.state = state
        self.doc = state.doc
        self.text = state.text
        self.data = data
        self.kb = data.kb
        self.cues = data.cues
        self.agents = data.agents
        self.config = config
        self.published = state.article.published
        self.actors: dict[str, ActorRecord] = {}
        self.ments: list[MentionRecord] = []
        self.tok_owner: dict[int, MentionRecord] = {}
        self.local: dict[str, str] = {}          # acronym or name defined in this article -> key
        self.text_roles: dict[str, tuple[str, Optional[str], Optional[str]]] = {}  # key -> role, aff, sector
        self.agent_records: list[tuple[MentionRecord, object]] = []  # bare agents resolved last
        self._conj_tops: dict[int, int] = {}     # token index -> the first conjunct of its coordination
        self._read_tokens()

    def _read_tokens(self) -> None:
        """Per-token strings, read once (spaCy Token objects are costly to create)."""
        doc = self.doc
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

    # -- the rules, in order -----------------------------------------------------------------
    def run(self) -> None:
        from . import agents, entities, kb_match, names, persons, pronouns, sources, titles, trim

        spans = trim.entity_spans(self)
        kb_match.acronym_definitions(self, spans)
        for ts, te, label, eid in spans:
            names.resolve_entity(self, ts, te, label, eid)
        persons.merge_surnames(self)
        kb_match.local_aliases(self)
        persons.bare_surnames(self)
        agents.agent_mentions(self)
        persons.person_roles(self)
        titles.resolve_titles(self)
        sources.described_sources(self, self.data.sources)
        pronouns.pronouns(self)
        agents.generic_agents(self)
        entities.described_entities(self, self.data.entities)

    # -- sentences ---------------------------------------------------------------------------
    def sent_of_tok(self, i: int) -> int:
        """The sentence number of token ``i``."""
        return self._sent_of_tok[i] if 0 <= i < len(self._sent_of_tok) else 0

    def sent_of_char(self, c: int) -> int:
        """The sentence number of the token at character ``c``."""
        tok = self.doc.char_span(c, c + 1, alignment_mode="expand")
        return self.sent_of_tok(tok.start) if tok is not None and len(tok) else 0

    # -- actors ------------------------------------------------------------------------------
    def add_actor_kb(self, eid: str) -> str:
        """The actor of KB entry ``eid`` (created on first use); returns its key, the KB id."""
        if eid not in self.actors:
            e = self.kb.entries[eid]
            self.actors[eid] = ActorRecord(key=eid, name=e.name, kind=e.kind, country=e.country, sector=e.sector,
                                           wikidata=e.wikidata, kb_id=eid, affiliation=e.affiliation)
        return eid

    def add_actor_new(self, name: str, kind: str, **kw) -> str:
        """An actor the KB does not know, keyed by the slug of its name ("Free Syrian Legion" ->
        ``FREE_SYRIAN_LEGION``; ``_X`` appended when the slug is taken by another name)."""
        key = slug(name)
        if key in self.kb.entries or (key in self.actors and self.actors[key].name != name):
            key = key + "_X"
        if key not in self.actors:
            self.actors[key] = ActorRecord(key=key, name=name, kind=kind, **kw)
        return key

    def add_actor_distinct(self, base: str, name: str, kind: str, **kw) -> str:
        """A new actor keyed by ``base``, numbered while the key is taken (``_2``, ``_3``...): two
        descriptions with the same words are two actors ("a witness" ... "a witness"). Returns its key."""
        key, n = base, 2
        while key in self.actors or key in self.kb.entries:
            key, n = f"{base}_{n}", n + 1
        self.actors[key] = ActorRecord(key=key, name=name, kind=kind, **kw)
        return key

    def kind_of(self, key: Optional[str]) -> Optional[str]:
        """The kind of actor ``key`` of this article, or ``None``."""
        a = self.actors.get(key) if key else None
        return a.kind if a is not None else None

    def salience(self) -> "Salience":
        """How many mentions each actor has so far: counted when first asked (a surname that fits two
        actors), not on every call -- counting all mentions for each name was quadratic in the article."""
        return Salience(self.ments)

    def conj_top(self, tok):
        """The first conjunct of the coordination ``tok`` is in ("Russia" for "Hezbollah" in "Russia, Iran
        and Hezbollah"), else ``tok``: walked once per token (a long list walked from each of its names
        was quadratic), at most :data:`~sitrep.limits.MAX_TREE_WALK` steps."""
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

    def persons(self) -> list[tuple[str, str]]:
        """(key, name) of the persons found so far."""
        return [(a.key, a.name) for a in self.actors.values() if a.kind == "person"]

    def new_organisations(self) -> list[tuple[str, str]]:
        """(key, name) of the organisations found so far that the KB does not know."""
        return [(a.key, a.name) for a in self.actors.values() if a.kind in ORG_KINDS and not a.kb_id]

    # -- mentions ----------------------------------------------------------------------------
    def add_mention(self, ts: int, te: int, key: str, how: str, head: Optional[int] = None) -> Optional[MentionRecord]:
        """A mention of ``key`` over tokens ``ts:te``, unless one of them already belongs to a mention."""
        if te <= ts:
            return None
        if any(i in self.tok_owner for i in range(ts, te)):
            return None
        start = self.doc[ts].idx
        last = self.doc[te - 1]
        m = MentionRecord(start=start, end=last.idx + len(last.text), key=key, how=how, ts=ts, te=te,
                          head=head if head is not None else self.doc[ts:te].root.i)
        self.ments.append(m)
        for i in range(ts, te):
            self.tok_owner[i] = m
        return m

    def remove_mention(self, m: MentionRecord) -> None:
        """Drop a mention (or an agent waiting for resolution) and free its tokens."""
        if m in self.ments:
            self.ments.remove(m)
        else:  # an agent waiting for resolution (key ""): drop its record too
            self.agent_records = [r for r in self.agent_records if r[0] is not m]
        for i in range(m.ts, m.te):
            if self.tok_owner.get(i) is m:
                del self.tok_owner[i]

    def remove_mentions_in(self, ts: int, te: int) -> None:
        """Drop every mention owning a token of ``ts:te`` (a longer title or agent takes them in)."""
        for i in range(ts, te):
            if i in self.tok_owner:
                self.remove_mention(self.tok_owner[i])


class Salience:
    """Actor key -> how many mentions it has so far, counted on first use (see :meth:`Builder.salience`);
    reads like the dict :func:`sitrep.lang.coref.surname_of` expects."""

    def __init__(self, ments: list[MentionRecord]):
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
