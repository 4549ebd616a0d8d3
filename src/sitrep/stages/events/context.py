"""The working state of the events stage for one article: the lexicon, the actor mentions and what
is known of their actors, how an argument token becomes an actor mention (:meth:`mention_for`), and
what depends only on a sentence (its dates, places and mentions, its dateline, ...), computed once per
sentence rather than once per candidate or per argument (:meth:`per_sentence`): the stage's time grows
linearly with the text, and within a sentence (at most :data:`sitrep.limits.MAX_SENTENCE_TOKENS` tokens)
with the candidates times the walks up the parse they make.
"""

from __future__ import annotations

import bisect
from typing import Any, Callable, Iterable, Optional

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import IDS

from ...core.article import ENTITY_HOW, ArticleState, Mention
from ...lang.coref import antecedent_score
from ...lang.quotemarks import ANGLE, DOUBLE, find_quote_spans
from ...ontology import Ontology
from .argument_cues import ArgumentCues, argument_cues
from .grammar import SUBJ_DEPS, children, conjuncts, dateline_end, np_span
from .lexicon import EventCues, Lexicon

#: mention kinds that name their actor through the KB or a resolved name (a guess is not one)
RESOLVED_HOWS = ("name", "alias", "acronym", "metonym", "demonym", "title")
#: actor id prefixes of the guesses made without the actors stage
GUESS_PREFIXES = ("ner:", "agent:")


#: the parts of speech of the common words that tell a story (:meth:`ArticleContext.story_words`)
STORY_POS = ("NOUN", "VERB", "ADJ")
_STORY_POS_IDS = frozenset(IDS[p] for p in STORY_POS)


class StoryWords:
    """The common words of an article before a token (``end``), as far as a sense asks: ``story & words``
    is the words of ``words`` used before ``end`` (a set of lemmas, like a frozenset's ``&``)."""

    def __init__(self, first_use: dict[str, int], end: int):
        self._first = first_use
        self._end = end

    def __and__(self, words) -> frozenset:
        return frozenset(w for w in words if self._first.get(w, self._end) < self._end)

    __rand__ = __and__


class TokenTable:
    """A doc's per-token part-of-speech ids, lemmas (in lower case) and lower-case words, read once from
    its arrays: the candidate scans test them without making a Token object for every word."""

    def __init__(self, doc):
        arr = doc.to_array([POS, LEMMA, LOWER]) if len(doc) else None
        strings = doc.vocab.strings
        self.pos: list[int] = arr[:, 0].tolist() if arr is not None else []
        lemma_ids: list[int] = arr[:, 1].tolist() if arr is not None else []
        lower_ids: list[int] = arr[:, 2].tolist() if arr is not None else []
        lemma_of = {h: strings[h].lower() for h in set(lemma_ids)}   # each distinct word read once
        lower_of = {h: strings[h] for h in set(lower_ids)}
        self.lemma: list[str] = [lemma_of[h] for h in lemma_ids]
        self.lower: list[str] = [lower_of[h] for h in lower_ids]


class ArticleContext:
    """Per-article working state of the events stage."""

    def __init__(self, state: ArticleState, lex: Lexicon, onto: Ontology, mentions: list[Mention], config,
                 modality_cues=None):
        self.state = state
        #: the modality lexicon (``None``: the package's, read once per process by ``modality.analyze``)
        self.modality_cues = modality_cues
        self.lex = lex
        self.cues: EventCues = lex.cues
        #: the cue words of the argument rules for real news (``argument_cues.yaml``)
        self.acues: ArgumentCues = argument_cues()
        self.onto = onto
        self.config = config
        #: the trained argument ranker (:class:`~.ranker.ArgRanker`), set by the stage when switched on
        self.ranker: Optional[Any] = None
        #: the described entities, apart: no party to the argument rules, only an act's target when no
        #: party undergoes it (:meth:`entity_for`)
        self.entities = [m for m in mentions if m.how == ENTITY_HOW]
        mentions = [m for m in mentions if m.how != ENTITY_HOW] if self.entities else mentions
        self._entity_starts = [m.start for m in self.entities]
        self.mentions = mentions
        self._starts = [m.start for m in mentions]
        self._longest = max((m.end - m.start for m in mentions), default=0)
        self.actor_kind = {a.id: a.kind for a in state.actors}
        self.actor_kb = {a.id: bool(getattr(a, "kb_id", None)) for a in state.actors}
        #: actors tied to a state or organisation (an instrument's operator: "Russian jets")
        self.actor_anchored = {a.id: bool(a.country or a.affiliation or getattr(a, "kb_id", None))
                               for a in state.actors}
        self.pub = state.article.published
        #: how many event dates were taken from the publication date (reported as a warning)
        self.pub_dated = 0
        #: whom the article's protests so far were against (a later bare "the protests" is too)
        self.protest_target: Optional[Mention] = None
        # the last source and target given to an act of each type, in the order of the text: an act
        # noun referring back ("carried out *the* attack") takes its parties from them
        self.last_source: dict[str, Mention] = {}
        self.last_target: dict[str, Mention] = {}
        #: the types of the acts told in the sentences read so far, coded or not (a bare "the attack"
        #: refers back to one)
        self.told_types: set[str] = set()
        # the source and target of the last act of each type that had a source, as one pair, and the
        # sense of the last such act of a type that may be referred back to (``act_anaphor_types``): a
        # later sentence restating that act ("*The attack* occurred near ...", "*the incident* happened
        # at 4 a.m.") keeps its parties
        self.last_act: dict[str, tuple[Mention, Optional[Mention], int]] = {}   # (+ its sentence's first token)
        self.last_act_sense: Optional[Any] = None
        #: (trigger offset, type, source, target) of the acts so far with a party: the last two opposing
        #: parties a later "both sides" stands for (:mod:`.reciprocal`)
        self.act_parties: list[tuple[int, str, Optional[Mention], Optional[Mention]]] = []
        self._protesters: Optional[list[Mention]] = None   # the mentions of protesters, made on first use
        self._quotations: Optional[list[tuple[int, int]]] = None   # (start, end) of the quotations, on first use
        # the sentences, and the dates, places and mentions inside each (in their lists' order)
        sents = self._sents = list(state.doc.sents) if state.doc is not None else []
        self._sent_starts = [sn.start for sn in sents]
        self._sent_no = {sn.start: k for k, sn in enumerate(sents)}
        bounds = [(sn.start_char, sn.end_char) for sn in sents]
        self._sent_chars = [b[0] for b in bounds]
        self._dates_in = by_sentence(state.dates, bounds)
        self._places_in = by_sentence(state.place_mentions, bounds)
        self._mentions_in = by_sentence(mentions, bounds)
        self._per_sent: dict[int, dict] = {}     # sentence start token -> its look-ups computed so far
        self._per_token: dict[tuple, Any] = {}   # (what, token index) -> a look-up computed once
        self._first_use: Optional[dict[str, int]] = None   # lemma -> its first common-word token (story_words)
        self._mention_of: dict[tuple[int, bool], Optional[Mention]] = {}   # (token index, media) -> mention_for
        self._table: Optional[TokenTable] = None   # the article's token table (made on first use)
        #: token index -> (lexicon key, particle) of the verbs read so far (triggers.verb_key)
        self.verb_keys: dict[int, tuple] = {}

    @property
    def text(self) -> str:
        return self.state.text

    # -- actors ----------------------------------------------------------------------------------------
    def mention_for(self, tok, media: bool = False) -> Optional[Mention]:
        """The actor mention naming the argument headed by ``tok`` ("Russian forces" -> the mention of
        Russian forces; "which" in a relative clause -> its antecedent's), never a medium's unless
        ``media`` (a medium acted upon: "suspended the BBC"). Read once per token of the article (the
        mentions and actors do not change while the stage runs; the rules ask again and again)."""
        if tok.doc is not self.state.doc:
            return self._mention_for(tok, media)
        key = (tok.i, media)
        if key not in self._mention_of:
            self._mention_of[key] = self._mention_for(tok, media)
        return self._mention_of[key]

    def _mention_for(self, tok, media: bool) -> Optional[Mention]:
        """:meth:`mention_for`, not cached."""
        if tok.lower_ in self.cues.relative_pronouns and tok.dep_ in SUBJ_DEPS and tok.head.dep_ == "relcl":
            tok = tok.head.head
        after = self.after_dateline(tok)
        if after is not None:
            tok = after
        m = self._titled_person(tok) or self._collective_members(tok) or self._sender(tok) or self._mention_over(tok)
        if m is None:
            return self._mention_through(tok) or self._plural_antecedent(tok)
        if m.how == "agent":
            m = self._appositive_name(tok) or m   # "the militant group Hamas": Hamas, not a generic group
        if self.actor_kind.get(m.actor_id) == "media" and not media:
            return None
        return m

    def entity_for(self, tok) -> Optional[Mention]:
        """The described entity over ``tok`` ("shelled *the Sabreen market*"), or ``None``."""
        i = bisect.bisect_right(self._entity_starts, tok.idx) - 1
        return self.entities[i] if i >= 0 and tok.idx < self.entities[i].end else None

    def _mention_over(self, tok) -> Optional[Mention]:
        """The mention over the noun phrase core of ``tok``: one containing the head token wins, else
        the longest inside the core."""
        start, end = np_span(tok)
        best = None
        t0, t1 = tok.idx, tok.idx + len(tok.text)
        i = bisect.bisect_left(self._starts, start - self.config.mention_reach_chars)
        for m in self.mentions[i:]:
            if m.start >= end:
                break
            if m.end <= start:
                continue
            score = 2 if (m.start <= t0 and m.end >= t1) else 1
            if best is None or score > best[0] or (score == best[0] and (m.end - m.start) > (best[1].end - best[1].start)):
                best = (score, m)
        return None if best is None else best[1]

    def _titled_person(self, tok) -> Optional[Mention]:
        """The person a title head's appositive names ("the RSF *leader* Mohamed Hamdan Dagalo" ->
        Dagalo, not the RSF), else ``None``."""
        if tok.lemma_.lower() not in self.acues.titled_heads:
            return None
        for c in tok.children:
            if c.dep_ == "appos" and c.i > tok.i:
                m = self._mention_over(c)
                if m is not None and self.actor_kind.get(m.actor_id) == "person" and m.start <= c.idx < m.end:
                    return m
        return None

    def _collective_members(self, tok) -> Optional[Mention]:
        """The actor a collective noun's "of" phrase names when the collective word is itself a generic
        agent ("a *gang* of gunmen" -> the gunmen, not a generic gang), else ``None`` (a collective the
        actors stage described with its members, "a group of Yoruba leaders", stays as it was)."""
        if tok.lemma_.lower() not in self.acues.collective_heads:
            return None
        return self._named_after(tok, "of")

    def _sender(self, tok) -> Optional[Mention]:
        """The party an envoy word stands for, named by its "from" phrase ("*delegations from* the
        government and the opposition have met" -> the government; ``envoy_heads``), when the envoy word
        names no actor of its own but a generic one; else ``None``."""
        if tok.lemma_.lower() not in self.acues.envoy_heads:
            return None
        return self._named_after(tok, "from")

    def _named_after(self, tok, prep: str) -> Optional[Mention]:
        """The first actor named by the object of ``tok``'s ``prep`` phrase after it, when ``tok`` itself
        names no actor or only a generic one (for :meth:`_collective_members` and :meth:`_sender`)."""
        own = self._mention_over(tok)
        if own is not None and own.how != "agent":
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == prep:
                for p in c.children:
                    m = self._mention_over(p) if p.dep_ == "pobj" else None
                    if m is not None and m.start > tok.idx:
                        return m
        return None

    def _mention_through(self, tok) -> Optional[Mention]:
        """A phrase naming no actor itself may name one through another word: "Syria's second-largest
        city" -> Syria; "a group of Moroccan diplomats" -> the diplomats; "a camp for refugees" -> the
        refugees; "Switzerland said it had expelled ..." -> Switzerland; "the Islamist movement Hamas"
        -> Hamas, "the Islamist group al Shabaab" -> al Shabaab (the appositive of a description);
        "Bidzina Ivanishvili, the founder of the party" -> the founder's actor (an appositive is the same
        party)."""
        for c in tok.children:
            if c.dep_ == "poss":
                return self.mention_for(c)
        lemma = tok.lemma_.lower()
        if lemma in self.cues.container_nouns:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in self.cues.container_preps:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.mention_for(p)
            held = self._held_by_participle(tok)
            if held is not None:
                return held
        if lemma in self.cues.group_nouns or partitive_count(tok):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        m = self.mention_for(p) if p.dep_ == "pobj" else None
                        if m is not None:   # "one of the most notorious of them, Cherizier": the appositive
                            return m
        appos = self._appositive_name(tok, named=False)
        if appos is not None:
            return appos
        speaker = self.speaker_of(tok)
        return self.mention_for(speaker) if speaker is not None else None

    def _plural_antecedent(self, tok) -> Optional[Mention]:
        """The party a plural object pronoun stands for ("Taliban fighters attacked the post, but
        soldiers repelled *them*": the fighters; ``plural_object_pronouns``), which the actors stage's
        coreference leaves alone: the best-scoring earlier mention with a plural or coordinated head in
        its sentence or the one before (scored as coreference scores a pronoun's antecedent:
        :func:`~sitrep.lang.coref.antecedent_score`), never the subject of the pronoun's own verb. The
        plural never stands for one person."""
        if tok.lower_ not in self.acues.plural_object_pronouns or tok.dep_ not in ("dobj", "pobj", "dative"):
            return None
        return self.per_token(tok, "plural_antecedent", lambda: self._best_plural(tok))

    def _best_plural(self, tok) -> Optional[Mention]:
        """See :meth:`_plural_antecedent`."""
        verb = governing_verb(tok)
        own = {s.i for s in children(verb, *SUBJ_DEPS)}
        doc = tok.doc
        best, best_score = None, None
        for m in self.mentions:
            if m.start >= tok.idx:
                break
            back = self.sentences_between(m.start, tok.idx)
            if back > self.config.plural_pronoun_sentences or m.how == "pronoun" \
                    or self.actor_kind.get(m.actor_id) == "person":
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            h = span.root
            if h.i in own or not (h.tag_ in ("NNS", "NNPS") or children(h, "conj")):
                continue
            score = antecedent_score(doc, h.i, tok.i, back)
            if best_score is None or score >= best_score:
                best, best_score = m, score
        return best

    def _appositive_name(self, tok, named: bool = True) -> Optional[Mention]:
        """The mention over an appositive after ``tok`` ("the Islamist movement *Hamas*", "the *administrator*
        of Beni, Donat Kibwana, said"), never a medium's, else ``None``; with ``named``, only a name (not
        another generic agent)."""
        for c in tok.children:
            if c.dep_ == "appos" and c.i > tok.i:
                m = self._mention_over(c)
                if (m is not None and m.start <= c.idx < m.end and not (named and m.how == "agent")
                        and self.actor_kind.get(m.actor_id) != "media"):
                    return m
        return None

    def _held_by_participle(self, tok) -> Optional[Mention]:
        """Who a container's participle names: its owner ("an oil facility *owned by* Saudi Aramco")
        or the people it holds ("a camp *sheltering* migrants")."""
        for a in tok.children:
            if a.dep_ != "acl":
                continue
            for c in a.children:
                if (c.dep_ == "agent" and a.tag_ == "VBN") or (c.dep_ == "dobj" and a.tag_ == "VBG"):
                    objs = [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "agent" else [c]
                    for p in objs:
                        m = self.mention_for(p)
                        if m is not None:
                            return m
        return None

    def speaker_of(self, tok):
        """The speaker a subject pronoun of reported speech stands for ("Switzerland said *it* had
        expelled ..." -> Switzerland), else ``None``."""
        if not (tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in self.cues.speaker_pronouns):
            return None
        clause = tok.head
        hops = 0
        while clause.dep_ in ("xcomp", "conj") and hops < self.config.speaker_hops:
            clause, hops = clause.head, hops + 1
        quoted = clause.dep_ == "advcl" and clause.i < clause.head.i and tok.lower_ in self.acues.first_person_pronouns
        if (clause.dep_ in ("ccomp", "parataxis") or quoted) and clause.head.lemma_.lower() in self.cues.speech_verbs:
            subs = children(clause.head, "nsubj")
            if subs and subs[0].i != tok.i and self._agrees(tok, subs[0]):
                return subs[0]
        return None

    def _agrees(self, pron, speaker) -> bool:
        """Can ``pron`` stand for the speaker headed by ``speaker``? "he"/"she" only for a person;
        "it"/"they" not for one person ("they shot at protesters, a cameraman said": not the
        cameraman; "officials said they" still); "we" for anyone. Unknown actors agree."""
        m = self._mention_over(speaker)
        kind = self.actor_kind.get(m.actor_id) if m is not None else None
        if kind is None:
            return True
        if pron.lower_ in self.acues.person_pronouns:
            return kind == "person"
        if pron.lower_ in self.acues.nonperson_pronouns:
            return kind != "person" or speaker.tag_ in ("NNS", "NNPS")
        return True   # "we are prepared ..., she said": a spokeswoman speaks for her side

    def after_dateline(self, tok):
        """A wire dateline ("WASHINGTON, Dec 9 (Agency) - US warplanes struck ...") is not the
        subject: the parser's subject there is replaced by the first noun phrase after the dash (not one
        in a prepositional phrase or a date: "(TDI): On the 15th of June, *Antigua and Barbuda* signed"; its
        head, when the parser hung the dateline's words on it: "SAGAING (Myanmar): Myanmar's *junta*")."""
        sent = self.sentence_of(tok)
        end = self.dateline_end(sent)
        if end is None or tok.idx >= end:
            return None
        return self.per_sentence(sent, "dateline_np", lambda: _first_phrase_after(sent, end))

    def refs(self, toks: Iterable, media: bool = False) -> list[Mention]:
        """The actor mentions of the argument tokens and their conjuncts, one per actor (media too
        when ``media``: see :meth:`mention_for`)."""
        out = []
        for t in toks:
            for c in [x for c0 in conjuncts(t) for x in self._counted(c0) + self._title_name(c0)]:
                m = self.mention_for(c, media=media)
                if m is not None and all(m.actor_id != o.actor_id for o in out):
                    out.append(m)
                for m in self._coordinated_modifiers(c, media):
                    if all(m.actor_id != o.actor_id for o in out):
                        out.append(m)
        return out

    def _coordinated_modifiers(self, tok, media: bool = False) -> list[Mention]:
        """The parties named by coordinated modifiers in front of the head ``tok`` ("attacked *Iraqi and
        US* forces", "*the South Korean, US and Japanese* militaries are working together"): the mention
        over each conjunct modifier, when the head names an actor (the parser hangs the modifiers on one
        head, the actors stage names each party once)."""
        if self.mention_for(tok, media=media) is None:
            return []
        mods = [m for m in tok.lefts if m.dep_ in ("amod", "compound", "nmod")]
        if not any(children(m, "conj") for m in mods):
            return []
        out = []
        for mod in mods:   # "The French, Italian and German navies": "French" hangs apart, with its comma
            if not children(mod, "conj") and not any(p.dep_ == "punct" and p.text == "," for p in mod.children):
                continue
            for x in conjuncts(mod):
                m = self._mention_over(x)
                if m is not None and m.start <= x.idx < m.end and (media or self.actor_kind.get(m.actor_id) != "media"):
                    out.append(m)
        return out

    def _title_name(self, tok) -> list:
        """The name after a title that is an item of a list and names nobody itself ("sanctions on
        Putin, ... and *Chief* of General Staff Valery Gerasimov": the parser makes "Chief" the item and
        hangs the name elsewhere): the first token of a person's mention after it within its noun phrase
        (its nouns, names and "of"), a list of one token or empty."""
        if tok.dep_ != "conj" or tok.pos_ not in ("PROPN", "NOUN") or self._mention_over(tok) is not None:
            return []
        doc = tok.doc
        for x in doc[tok.i + 1:min(len(doc), tok.i + 1 + self.config.title_name_reach)]:
            if not (x.pos_ in ("PROPN", "NOUN") or x.lower_ == "of"):
                return []
            m = self._mention_over(x)
            if m is not None and self.actor_kind.get(m.actor_id, "person") == "person" and m.start <= x.idx < m.end:
                return [x]
        return []

    def _counted(self, tok) -> list:
        """``tok``, and for a group or count noun the further conjuncts of its "of" phrase ("scores
        of Sierra Leonean and *Liberian refugees*": both are the argument), for an envoy word those of
        its "from" phrase ("delegations from the government and *the opposition*")."""
        lemma = tok.lemma_.lower()
        preps = ({"of"} if lemma in self.cues.group_nouns else set()) | (
            {"from"} if lemma in self.acues.envoy_heads else set())
        if not preps:
            return [tok]
        of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
              for p in c.children if p.dep_ == "pobj"]
        return [tok] + (conjuncts(of[0])[1:] if of else [])

    def names_actor(self, tok) -> bool:
        """Does the argument headed by ``tok`` name an actor?"""
        return self.mention_for(tok) is not None

    def is_state_like(self, tok) -> bool:
        """Does ``tok`` name a state (an actor of kind "state", or a GPE without a known actor)?"""
        m = self.mention_for(tok)
        if m is None:
            return False
        kind = self.actor_kind.get(m.actor_id)
        if kind is not None:
            return kind == "state"
        return tok.ent_type_ == "GPE"

    def is_kb(self, m: Mention) -> bool:
        """Is the mention's actor resolved (a KB actor, or a resolved name that is not a guess)?"""
        return self.actor_kb.get(m.actor_id, False) or m.how in RESOLVED_HOWS \
            and not m.actor_id.startswith(GUESS_PREFIXES)

    # -- per sentence, per token ---------------------------------------------------------------------------
    def sentence_of(self, tok):
        """``tok.sent``, from the article's sentences listed once (``Token.sent`` makes a new span each
        time, scanning for its bounds)."""
        k = bisect.bisect_right(self._sent_starts, tok.i) - 1
        if k >= 0 and tok.doc is self.state.doc and tok.i < self._sents[k].end:
            return self._sents[k]
        return tok.sent

    def table(self, doc) -> TokenTable:
        """The token table of ``doc`` (the article's is read once)."""
        if doc is not self.state.doc:
            return TokenTable(doc)
        if self._table is None:
            self._table = TokenTable(doc)
        return self._table

    def in_quotation(self, pos: int) -> bool:
        """Is the character offset ``pos`` inside a double-quoted stretch of the article (“...”, "...",
        «...»; not a single-quoted word: ‘hooligans’)? The quotations are found on first use."""
        if self._quotations is None:
            spans = find_quote_spans(self.text).top_level()
            self._quotations = sorted((q.start, q.end) for q in spans if q.family in (DOUBLE, ANGLE))
        k = bisect.bisect_right(self._quotations, (pos, float("inf"))) - 1
        return k >= 0 and self._quotations[k][0] <= pos < self._quotations[k][1]

    def lead_sentences(self, n: int) -> list:
        """The article's first ``n`` sentences (its lead)."""
        return self._sents[:n]

    def sentence_text(self, sent) -> str:
        """``sent.text``, sliced from the article's text (``Span.text`` joins its tokens anew each time)."""
        if sent.doc is not self.state.doc:
            return sent.text
        return self.text[sent.start_char:sent.end_char]

    def sentences_between(self, start: int, end: int) -> int:
        """How many sentence boundaries lie between the character offsets ``start`` and ``end``."""
        starts = self._sent_chars
        return abs(bisect.bisect_right(starts, end) - bisect.bisect_right(starts, start))

    def story_words(self, sent) -> "StoryWords":
        """The lemmas of the common words (nouns, verbs, adjectives; not names) of the article up to the
        end of ``sent``: the story a sense may need (a lexicon sense's ``story_words``). Where each lemma
        is first used is read once per article; ``story & words`` then costs only ``words``."""
        if self._first_use is None:
            first: dict[str, int] = {}
            table = self.table(sent.doc)
            for i, (pos, lemma) in enumerate(zip(table.pos, table.lemma)):
                if pos in _STORY_POS_IDS:
                    first.setdefault(lemma, i)
            self._first_use = first
        return StoryWords(self._first_use, sent.end)

    def per_sentence(self, sent, what: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, the look-up ``what`` of ``sent``, computed once per sentence."""
        c = self._per_sent.get(sent.start)
        if c is None:
            c = self._per_sent[sent.start] = {}
        if what not in c:
            c[what] = compute()
        return c[what]

    def per_token(self, tok, what: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, the look-up ``what`` of ``tok``, computed once per token."""
        key = (what, tok.i)
        if key not in self._per_token:
            self._per_token[key] = compute()
        return self._per_token[key]

    def _in_sentence(self, groups: list, items: list, sent) -> list:
        """The items of ``items`` inside ``sent``, in their order (from the groups made once)."""
        k = self._sent_no.get(sent.start)
        if k is not None:
            return groups[k]
        return [x for x in items if x.start >= sent.start_char and x.end <= sent.end_char]

    def sentence_places(self, sent) -> list:
        """The place mentions inside ``sent``."""
        return self._in_sentence(self._places_in, self.state.place_mentions, sent)

    def sentence_dates(self, sent) -> list:
        """The date expressions inside ``sent``."""
        return self._in_sentence(self._dates_in, self.state.dates, sent)

    def sentence_mentions(self, sent) -> list[Mention]:
        """The actor mentions inside ``sent``."""
        return self._in_sentence(self._mentions_in, self.mentions, sent)

    def dateline_end(self, sent) -> Optional[int]:
        """The character offset where a wire dateline at the start of ``sent`` ends, else ``None``."""
        return self.per_sentence(sent, "dateline", lambda: dateline_end(sent, self.sentence_text(sent)))

    def protester_before(self, pos: int) -> Optional[Mention]:
        """The last mention of the article's protesters ("protesters", "demonstrators") starting
        before ``pos``, else the first after it: who the article's bare "protests" are by."""
        if self._protesters is None:
            words = self.cues.protester_words
            self._protesters = [m for m in self.mentions if any(w in m.text.lower() for w in words)]
        found = self._protesters
        if not found:
            return None
        i = bisect.bisect_left(found, pos, key=lambda m: m.start)
        return found[i - 1] if i > 0 else found[0]

    def mentions_over(self, start: int, end: int) -> list[Mention]:
        """The actor mentions overlapping ``[start, end)``, in their order (a bisect, not a scan)."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.start < end and start < m.end]


#: the links inside a noun phrase, followed from a word to the phrase's head
_NP_LINKS = ("compound", "poss", "amod", "nmod", "flat", "case")
#: entity labels of a time, never the dateline's subject
_TIME_LABELS = ("DATE", "TIME")


def partitive_count(tok) -> bool:
    """Is ``tok`` a bare count heading a partitive "of" phrase ("killed *five* of them", "*three* of the
    soldiers were wounded")? Its "of" phrase names the party, as a group noun's does."""
    return tok.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def governing_verb(tok):
    """The verb whose argument ``tok`` is, through a preposition and a partitive count ("attacked *them*",
    "fired at *them*", "killed three of *them*"): its nearest verb ancestor, else its head."""
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            return a
    return tok.head


def _first_phrase_after(sent, end: int):
    """The head of the first noun phrase of ``sent`` starting at character ``end`` that is no
    prepositional object and no date, else ``None``."""
    for t in sent:
        if t.idx < end or t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in _TIME_LABELS:
            continue
        head = t
        while head.dep_ in _NP_LINKS and head.head.i != head.i and head.head.idx >= end:
            head = head.head
        if head.dep_ != "pobj" and head.ent_type_ not in _TIME_LABELS:
            return head
    return None


def by_sentence(items: Iterable, bounds: list[tuple[int, int]]) -> list[list]:
    """``items`` (with ``start`` and ``end``) grouped by the sentence (``bounds``: character spans, in
    order) that holds each one whole, in their order: one pass, where a filter per sentence was
    quadratic."""
    starts = [b[0] for b in bounds]
    out: list[list] = [[] for _ in bounds]
    for x in items:
        k = bisect.bisect_right(starts, x.start) - 1
        if k >= 0 and x.start >= bounds[k][0] and x.end <= bounds[k][1]:
            out[k].append(x)
    return out
