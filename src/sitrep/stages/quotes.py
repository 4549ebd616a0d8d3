"""Stage ``quotes``: who said what.

Reads the quotation marks (:mod:`sitrep.quotemarks`), the cue words of ``data/quote_cues.yaml`` and the
dependency parse, and assigns ``state.quotes``:

* ``direct`` quotes (a quoted sentence or more), ``partial`` quotes (quoted words inside the writer's
  sentence: ``He added that the US "urges de-escalation"``) and ``indirect`` speech (``Sullivan said the
  US would ...``, ``..., according to the State Department``: the content is the reported clause);
* the cue in ``cue`` (``said``, ``pointed out``, ``according to``);
* the speaker: the subject of the cue verb (the object of ``according to``, the possessor of ``his
  statement``), resolved to an actor through the actors stage's mentions (names, titles, pronouns).
  Where no mention covers the speaker, a spaCy PERSON/ORG/GPE entity stands in (and a bare he/she is
  read as the last person who spoke). A quote with no cue in its own sentence takes the speaker of the
  neighbouring attribution, the way a reader does: the last speaker when the quote follows right after
  (same paragraph, or the quote opens the next paragraph), else the next attribution in its paragraph.
  A speaker is never taken from a noun that merely stands near the quote.

Unclosed quotation marks end at their paragraph end; the warnings go to ``state.warnings``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional


from .. import limits
from ..article import ArticleState, Mention
from ..contract import ActorRef, Quote
from ..datafiles import parse_yaml
from ..errors import ConfigError
from ..quotemarks import QuoteSpan, find_quote_spans
from .base import Stage

# ---------------------------------------------------------------------------------------------
# the cue lexicon
# ---------------------------------------------------------------------------------------------

CUE_KINDS = ("verb", "preposition", "noun")
CUE_SENSES = ("speech", "thought")


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    kind: str
    sense: str = "speech"
    indirect: bool = True
    bare: bool = False

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.lemma.split())


@dataclass
class CueLexicon:
    entries: list[CueEntry]
    #: first word (verb lemma) -> entries (a verb alone, or with its particle/complement)
    verbs: dict[str, list[CueEntry]] = field(default_factory=dict)
    nouns: dict[str, CueEntry] = field(default_factory=dict)
    #: first word (lower case) -> entries
    preps: dict[str, list[CueEntry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for e in self.entries:
            if e.kind == "verb":
                self.verbs.setdefault(e.words[0], []).append(e)
            elif e.kind == "noun":
                self.nouns[e.lemma] = e
            else:
                self.preps.setdefault(e.words[0], []).append(e)
        for lst in list(self.verbs.values()) + list(self.preps.values()):
            lst.sort(key=lambda e: -len(e.words))  # longest (phrasal) first


def _validate(data, origin: str) -> list[CueEntry]:
    if not isinstance(data, dict) or not isinstance(data.get("cues"), list):
        raise ConfigError(f"{origin}: expected a mapping with a 'cues' list", stage="quotes")
    entries, seen = [], set()
    for n, item in enumerate(data["cues"], 1):
        if not isinstance(item, dict):
            raise ConfigError(f"{origin}: cue #{n} is not a mapping", stage="quotes")
        unknown = set(item) - {"lemma", "kind", "sense", "indirect", "bare"}
        if unknown:
            raise ConfigError(f"{origin}: cue #{n} has unknown fields {sorted(unknown)}", stage="quotes")
        lemma, kind = item.get("lemma"), item.get("kind")
        sense, indirect = item.get("sense", "speech"), item.get("indirect", True)
        if not isinstance(lemma, str) or not lemma.strip():
            raise ConfigError(f"{origin}: cue #{n} has no lemma", stage="quotes")
        if kind not in CUE_KINDS:
            raise ConfigError(f"{origin}: cue {lemma!r} has kind {kind!r}; expected one of {CUE_KINDS}",
                              stage="quotes")
        if sense not in CUE_SENSES:
            raise ConfigError(f"{origin}: cue {lemma!r} has sense {sense!r}; expected one of {CUE_SENSES}",
                              stage="quotes")
        bare = item.get("bare", False)
        if not isinstance(indirect, bool) or not isinstance(bare, bool):
            raise ConfigError(f"{origin}: cue {lemma!r}: 'indirect' and 'bare' must be true or false",
                              stage="quotes")
        key = (lemma.strip().lower(), kind)
        if key in seen:
            raise ConfigError(f"{origin}: cue {lemma!r} ({kind}) is listed twice", stage="quotes")
        seen.add(key)
        entries.append(CueEntry(lemma=" ".join(lemma.lower().split()), kind=kind, sense=sense,
                                indirect=indirect, bare=bare))
    return entries


@lru_cache(maxsize=4)
def load_cues(path: Optional[str] = None) -> CueLexicon:
    """The cue lexicon (the package's ``data/quote_cues.yaml`` or ``path``), loaded once per process."""
    origin = path or "sitrep/data/quote_cues.yaml"
    try:
        if path is None:
            text = resources.files("sitrep").joinpath("data", "quote_cues.yaml").read_text(encoding="utf-8")
        else:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
    except OSError as err:
        raise ConfigError(f"cannot read the quote cue lexicon: {err}", stage="quotes") from err
    data = parse_yaml(text, origin)
    return CueLexicon(_validate(data, origin))


# ---------------------------------------------------------------------------------------------
# working records
# ---------------------------------------------------------------------------------------------

_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_GROUP = {"they", "it", "we"}
_RELATIVE = {"who", "that", "which", "whom"}
_SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
_OBJECT_DEPS = {"dobj", "xcomp", "ccomp", "prep", "attr", "oprd", "acomp"}
_FALLBACK_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_SLUG_RE = re.compile(r"[^a-z0-9]+")
#: a wire dateline opening a story: "BEIRUT, Dec 5 (Levant Wire) - "
_DATELINE_RE = re.compile(r"[A-Z][A-Z .'\-]{1,30}(?:, [^()\n]{1,30}?)? (?:\([^()\n]{1,40}\) )?(?:-{1,2}|\u2014|\u2013) ")
_WORD_RE = re.compile(r"\w+")


@dataclass
class Speaker:
    ref: Optional[ActorRef]
    start: int            # where the speaker is named for this attribution (words in the text)
    end: int
    person: bool = False


@dataclass
class CueHit:
    token_i: int          # the head token of the cue (the verb, noun or first preposition word)
    start: int            # char span of the cue words
    end: int
    text: str
    entry: CueEntry
    speaker: Optional[Speaker] = None
    content: Optional[tuple[int, int]] = None   # the reported clause (indirect speech), char span
    negated: bool = False
    parenthetical: bool = False   # the cue stands inside its report ("The talks, he said, failed")


@dataclass
class Attribution:
    """One quote or indirect report, as the stage works on it (before it becomes a :class:`Quote`)."""

    start: int
    end: int
    kind: str
    cue: Optional[CueHit] = None
    speaker: Optional[Speaker] = None
    span: Optional[QuoteSpan] = None
    para: int = 0
    inherited: bool = False

    @property
    def outer_start(self) -> int:
        return self.span.outer_start if self.span is not None else self.start

    @property
    def outer_end(self) -> int:
        return self.span.outer_end if self.span is not None else self.end


# ---------------------------------------------------------------------------------------------
# the stage
# ---------------------------------------------------------------------------------------------


class QuotesStage(Stage):
    name = "quotes"
    needs = ("doc", "mentions",)
    assigns = ("quotes",)

    def __init__(self, cues_path: Optional[str] = None, senses: Iterable[str] = ("speech",),
                 indirect: bool = True, min_unattributed_words: int = 4):
        self.cues_path = cues_path
        self.senses = tuple(senses)
        self.indirect = indirect
        self.min_unattributed_words = min_unattributed_words

    @property
    def lexicon(self) -> CueLexicon:
        return load_cues(self.cues_path)

    def process(self, state: ArticleState) -> None:
        state.quotes = [a_to_quote(a, i, state.text) for i, a in enumerate(self.attributions(state), 1)]

    # -- the work, exposed for evaluation -------------------------------------------------------
    def attributions(self, state: ArticleState) -> list[Attribution]:
        """All quotes and indirect reports of the article, in text order, with speaker spans."""
        text = state.text
        doc = state.doc
        scan = find_quote_spans(text)
        state.warnings.extend(f"quotes: {w}" for w in scan.warnings)
        if doc is None or not text:
            return []
        ctx = _Context(state, self)
        spans = [s for s in scan.top_level()]
        ctx.set_quotes(spans)
        hits = ctx.find_cues()
        ctx.resolve_speakers(hits)

        out: list[Attribution] = []
        for sp in spans:
            a = Attribution(start=sp.start, end=sp.end, kind=ctx.quote_kind(sp), span=sp,
                            para=ctx.para_index(sp.start))
            if _looks_like_title(text[sp.start:sp.end]) and not (sp.continues or sp.continued):
                continue  # the name of a show, a book, a song: not anybody's words
            cue = ctx.cue_for_quote(sp, hits)
            if cue is not None:
                a.cue, a.speaker = cue, cue.speaker
            else:
                label = ctx.label_speaker(sp)
                if label is not None:
                    a.speaker, a.start = label
                else:
                    a.speaker = ctx.dash_speaker(sp)
            out.append(a)
        _share_groups(out)
        if self.indirect:
            out.extend(ctx.indirect(hits))
        out.sort(key=lambda a: (a.start, a.end))
        ctx.inherit_speakers(out)
        keep = []
        for a in out:
            if a.span is not None and a.speaker is None and a.cue is None and not a.span.continued \
                    and not a.span.continues \
                    and len(_WORD_RE.findall(text[a.start:a.end])) < self.min_unattributed_words:
                continue  # a scare quote or a quoted term, not anybody's words
            keep.append(a)
        return keep


_TITLE_SMALL = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "is", "it"}


def _looks_like_title(content: str) -> bool:
    """Short quoted Title Case words ("Fox and Friends", "Face the Nation,") name a work or a show."""
    words = _WORD_RE.findall(content)
    if not words or len(words) > 7:
        return False
    caps = 0
    for w in words:
        if w.lower() in _TITLE_SMALL or w.isdigit():
            continue
        if not w[0].isupper():
            return False
        caps += 1
    return caps >= 1 and (caps >= 2 or len(words) == 1)


def a_to_quote(a: Attribution, n: int, text: str) -> Quote:
    return Quote(id=f"q{n}", speaker=a.speaker.ref if a.speaker else None, text=text[a.start:a.end],
                 start=a.start, end=a.end, kind=a.kind, cue=a.cue.text if a.cue else None)


def _share_groups(atts: list[Attribution]) -> None:
    """The paragraphs of one multi-paragraph quote share the attribution found on any of them."""
    groups: dict[int, list[Attribution]] = {}
    for a in atts:
        if a.span is not None and a.span.group:
            groups.setdefault(a.span.group, []).append(a)
    for members in groups.values():
        src = next((m for m in reversed(members) if m.speaker is not None), None) \
            or next((m for m in members if m.cue is not None), None)
        if src is None:
            continue
        for m in members:
            if m.cue is None and m.speaker is None:
                m.speaker, m.inherited = src.speaker, True


class _Context:
    """Per-article look-ups: paragraphs, sentences, quote intervals, mentions, entities."""

    def __init__(self, state: ArticleState, stage: QuotesStage):
        self.state = state
        self.stage = stage
        self.text = state.text
        self.doc = state.doc
        self.lex = stage.lexicon
        # paragraphs: the non-empty lines
        self.paras: list[tuple[int, int]] = []
        pos = 0
        for line in self.text.split("\n"):
            s, e = pos, pos + len(line)
            if line.strip():
                self.paras.append((s, e))
            pos = e + 1
        self.para_starts = [s for s, _ in self.paras]
        sents = state.sentences or [(s.start_char, s.end_char) for s in self.doc.sents]
        self.sents = sents
        self.sent_starts = [s for s, _ in sents]
        self.mentions = sorted(state.mentions or [], key=lambda m: (m.start, -m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.max_mention = max((m.end - m.start for m in self.mentions), default=0)
        self.ents = sorted(self.doc.ents, key=lambda e: e.start_char)
        self.ent_starts = [e.start_char for e in self.ents]
        self.fallback_ids: dict[str, str] = {}
        self.fallback_people: list[tuple[str, str]] = []  # (full name, id)
        self.q_starts: list[int] = []
        self.q_spans: list[QuoteSpan] = []

    # -- geometry --------------------------------------------------------------------------------
    def para_index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.para_starts, offset) - 1, 0)

    def para_of(self, offset: int) -> tuple[int, int]:
        return self.paras[self.para_index(offset)] if self.paras else (0, len(self.text))

    def sent_index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, offset) - 1, 0)

    def set_quotes(self, spans: list[QuoteSpan]) -> None:
        self.q_spans = sorted(spans, key=lambda s: s.outer_start)
        self.q_starts = [s.outer_start for s in self.q_spans]
        # running max of ends, so "inside any quote" is a bisect + one comparison
        self.q_maxend: list[int] = []
        m = -1
        for s in self.q_spans:
            m = max(m, s.outer_end)
            self.q_maxend.append(m)

    def in_quote(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside a quote's marks."""
        i = bisect.bisect_right(self.q_starts, start) - 1
        if i < 0:
            return False
        # nearest candidate first; quotes don't overlap at top level
        s = self.q_spans[i]
        return s.outer_start <= start and end <= s.outer_end

    def quote_overlapping(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.q_starts, end) - 1
        return i >= 0 and self.q_maxend[i] > start

    # -- cues ------------------------------------------------------------------------------------
    def find_cues(self) -> list[CueHit]:
        doc, lex = self.doc, self.lex
        senses = set(self.stage.senses)
        hits: list[CueHit] = []
        verb_keys = set(lex.verbs)
        noun_keys = set(lex.nouns)
        prep_keys = set(lex.preps)
        # a single pass over the tokens with set look-ups only; candidates are few
        for tok in doc:
            low = tok.lower_
            if low in prep_keys:
                hit = self._prep_cue(tok, senses)
                if hit:
                    hits.append(hit)
                    continue
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in verb_keys:
                hit = self._verb_cue(tok, lemma, senses)
                if hit:
                    hits.append(hit)
            elif tok.pos_ == "NOUN" and lemma in noun_keys:
                e = lex.nouns[lemma]
                if e.sense in senses:
                    hits.append(CueHit(tok.i, tok.idx, tok.idx + len(tok), tok.text, e))
        return [h for h in hits if not self.in_quote(h.start, h.end)]

    def _verb_cue(self, tok, lemma: str, senses: set) -> Optional[CueHit]:
        for e in self.lex.verbs[lemma]:
            if e.sense not in senses:
                continue
            if len(e.words) == 1:
                entry, extra = e, None
            else:
                extra = next((c for c in tok.children if c.lower_ == e.words[1] and c.i > tok.i), None)
                if extra is None:
                    continue
                entry = e
            if entry.bare and any(c.dep_ in _OBJECT_DEPS and (c.dep_ != "ccomp"
                                                              or not self.in_quote(c.idx, c.idx + len(c)))
                                  for c in tok.children):
                return None
            start, end = tok.idx, tok.idx + len(tok)
            txt = tok.text
            if extra is not None:
                end = extra.idx + len(extra)
                txt = self.text[start:end] if extra.i == tok.i + 1 else f"{tok.text} {extra.text}"
            neg = any(c.dep_ == "neg" for c in tok.children)
            hit = CueHit(tok.i, start, end, txt, entry, negated=neg)
            if entry.indirect and not neg:
                hit.content = self._clause(tok, extra)
                if hit.content is None and tok.dep_ == "parataxis" and tok.head.i != tok.i:
                    # "The museum, Mr. Obama said, would make ...": the host clause is the report
                    hit.content = self._host_clause(tok.head, {t.i for t in tok.subtree})
                    hit.parenthetical = hit.content is not None
            return hit
        return None

    def _prep_cue(self, tok, senses: set) -> Optional[CueHit]:
        doc = self.doc
        for e in self.lex.preps[tok.lower_]:
            if e.sense not in senses:
                continue
            words = e.words
            if tok.i + len(words) > len(doc):
                continue
            if any(doc[tok.i + k].lower_ != w for k, w in enumerate(words)):
                continue
            last = doc[tok.i + len(words) - 1]
            hit = CueHit(tok.i, tok.idx, last.idx + len(last), doc[tok.i:last.i + 1].text, e)
            if e.indirect:
                hit.content = self._prep_clause(tok, last)
            return hit
        return None

    def _clause(self, verb, extra=None) -> Optional[tuple[int, int]]:
        """The reported clause of a speech verb: its ``ccomp`` (``that`` and punctuation trimmed);
        the second word of a phrasal cue ("made clear that ...") is not part of it."""
        skip = extra.i if extra is not None else -1
        comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i != skip), None)
        if comp is None and extra is not None:
            comp = next((c for c in extra.children if c.dep_ == "ccomp"), None)
        if comp is None:
            return None
        toks = [t for t in comp.subtree if t.i != skip]
        span = self._trim_tokens(toks)
        if span is not None:
            m = _DATELINE_RE.match(self.text, span[0], span[1])
            if m is not None and m.end() < span[1]:
                span = (m.end(), span[1])
        return span

    def _prep_clause(self, first, last) -> Optional[tuple[int, int]]:
        """What ``according to X`` reports: the clause the phrase is attached to, minus the phrase."""
        head = first.head
        if head.i == first.i:
            return None
        # climb to the clause
        for _ in range(limits.MAX_TREE_WALK):
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        return self._host_clause(head, {t.i for t in first.subtree} | {first.i, last.i})

    def _host_clause(self, head, exclude: set) -> Optional[tuple[int, int]]:
        """The clause headed by ``head`` without the tokens in ``exclude`` (a parenthetical cue)."""
        toks = [t for t in head.subtree if t.i not in exclude]
        if not toks:
            return None
        return self._trim_tokens(toks)

    def _trim_tokens(self, toks) -> Optional[tuple[int, int]]:
        toks = sorted(toks, key=lambda t: t.i)
        while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ == "mark"
                        and toks[0].lower_ in ("that", "whether", "if")):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks = toks[:-1]
        if len(toks) < 3:
            return None
        return toks[0].idx, toks[-1].idx + len(toks[-1])

    # -- speakers --------------------------------------------------------------------------------
    def resolve_speakers(self, hits: list[CueHit]) -> None:
        last_person: Optional[Speaker] = None
        last_group: Optional[Speaker] = None
        for h in hits:
            head = self._speaker_head(h)
            if head is None:
                continue
            sp = self._resolve(head, last_person, last_group)
            h.speaker = sp
            if sp is not None and sp.ref is not None:
                if sp.person:
                    last_person = sp
                else:
                    last_group = sp

    def _speaker_head(self, h: CueHit):
        doc = self.doc
        tok = doc[h.token_i]
        kind = h.entry.kind
        if kind == "noun":
            return next((c for c in tok.children if c.dep_ == "poss"), None)
        if kind == "preposition":
            last = doc[h.token_i + len(h.entry.words) - 1]
            obj = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
            if obj is None:
                # the noun phrase right after the phrase ("quoting officials")
                nxt = last.i + 1
                while nxt < len(doc) and doc[nxt].pos_ in ("DET", "ADJ"):
                    nxt += 1
                if nxt < len(doc) and doc[nxt].pos_ in ("NOUN", "PROPN", "PRON"):
                    obj = doc[nxt]
                    while obj.dep_ == "compound" and obj.head.i > obj.i:
                        obj = obj.head
            return obj
        # verbs: the subject, climbing through conjunctions and relative clauses
        subj = self._verb_subject(tok)
        if subj is not None and not self.in_quote(subj.idx, subj.idx + len(subj)):
            return subj
        # the parser lost the subject (or put it inside the quote): '"…," NAME said' / '"…," said NAME'
        return self._adjacent_name(tok)

    def _verb_subject(self, tok):
        verb = tok
        for _ in range(4):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
            if subj is None:
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                if agent is not None:
                    subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if subj is not None:
                        return subj
                # passive without an agent: the subject is the addressee ("officials were told")
                if any(c.dep_ == "nsubjpass" for c in verb.children):
                    return None
            if subj is not None:
                if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    return verb.head
                if subj.dep_ == "csubj":
                    return None
                return subj
            if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
                verb = verb.head
                continue
            if verb.dep_ == "relcl":
                return verb.head
            break
        return None

    _NP_POS = {"PROPN", "NOUN", "ADJ", "DET", "PART", "NUM"}

    def _np_token(self, t) -> bool:
        if t.is_quote or t.is_space:
            return False
        return t.pos_ in self._NP_POS or t.is_title or t.text in (".", "-")

    def _adjacent_name(self, tok):
        """The noun phrase wedged between a quote and its cue verb, on either side of the verb:
        '"…," Tulsa police Chief Chuck Jordan said' or '"…," said Fallon'. Only a phrase that touches
        the quote's closing mark counts (nothing else may stand between), so no noun near a quote is
        ever taken for its speaker."""
        doc = self.doc
        # left: "…," NAME said
        j = tok.i - 1
        while j >= 0 and self._np_token(doc[j]):
            j -= 1
        if 0 <= j < tok.i - 1:
            edge = doc[j]
            if edge.is_quote or (edge.text == "," and j > 0 and doc[j - 1].is_quote):
                head = doc[tok.i - 1]
                if head.pos_ in ("PROPN", "NOUN"):
                    return head
        # right: "…," said NAME[,.]
        if tok.i > 0 and (doc[tok.i - 1].is_quote or doc[tok.i - 1].text == ","):
            j = tok.i + 1
            last = None
            while j < len(doc) and self._np_token(doc[j]):
                if doc[j].pos_ in ("PROPN", "NOUN"):
                    last = doc[j]
                j += 1
            if last is not None and (j >= len(doc) or doc[j].is_punct):
                return last
        return None

    def _core_span(self, head) -> tuple[int, int]:
        """The words naming the speaker: the head with its compounds, titles and determiner."""
        left = head.i
        for c in head.lefts:
            if c.dep_ in ("compound", "det", "amod", "nmod", "poss", "nummod", "punct") and c.i < left:
                # only contiguous modifiers
                left = min(left, c.left_edge.i)
        doc = self.doc
        while left < head.i and (doc[left].is_punct or doc[left].is_space):
            left += 1
        right = head.i
        for c in head.rights:
            if c.dep_ in ("compound", "flat") and c.i == right + 1:
                right = c.i
        return doc[left].idx, doc[right].idx + len(doc[right])

    def _mention_with(self, start: int, end: int) -> Optional[Mention]:
        """The actor mention containing ``[start, end)`` (the longest), or None."""
        lo = bisect.bisect_left(self.mention_starts, start - self.max_mention)
        best = None
        for k in range(lo, len(self.mentions)):
            m = self.mentions[k]
            if m.start > start:
                break
            if m.start <= start and end <= m.end:
                if best is None or (m.end - m.start) > (best.end - best.start):
                    best = m
        return best

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.mention_starts, start)
        out = []
        for k in range(lo, len(self.mentions)):
            m = self.mentions[k]
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def _is_person_actor(self, actor_id: str, how: str = "name") -> bool:
        if how == "pronoun":
            return True
        a = self.state.actor(actor_id)
        return a is not None and a.kind == "person"

    def _resolve(self, head, last_person: Optional[Speaker], last_group: Optional[Speaker]) -> Optional[Speaker]:
        # an appositive names the speaker better than a title ("the spokesman, Pat Ryder, said")
        heads = [head] + [c for c in head.children if c.dep_ == "appos"]
        for h in heads:
            s, e = h.idx, h.idx + len(h)
            cs, ce = self._core_span(h)
            m = self._mention_with(s, e)
            if m is None:
                # a mention inside the core words that ends at the head ("Lt. Gen. Pat Ryder")
                inside = [x for x in self._mentions_in(cs, ce) if x.end == e]
                m = max(inside, key=lambda x: x.end - x.start) if inside else None
            if m is not None:
                person = self._is_person_actor(m.actor_id, m.how) or m.how == "title"
                return Speaker(m.ref(), min(cs, m.start), max(ce, m.end), person)
        low = head.lower_
        cs, ce = self._core_span(head)
        if head.pos_ == "PRON" or low in _PRONOUNS_PERSON or low in _PRONOUNS_GROUP:
            if low in _PRONOUNS_PERSON and last_person is not None:
                return Speaker(ActorRef(actor_id=last_person.ref.actor_id, text=head.text), cs, ce, True)
            if low in _PRONOUNS_PERSON:
                ent = self._last_person_entity(head.idx)
                if ent is not None:
                    return Speaker(ActorRef(actor_id=self._fallback_id(ent.text, ent.label_), text=head.text),
                                   cs, ce, True)
            if low in _PRONOUNS_GROUP and last_group is not None and low != "we":
                return Speaker(ActorRef(actor_id=last_group.ref.actor_id, text=head.text), cs, ce, False)
            return Speaker(None, cs, ce, low in _PRONOUNS_PERSON)
        for h in heads:
            ent = self._entity_at(h)
            if ent is not None:
                es, ee = _trim_name(self.text, ent.start_char, ent.end_char)
                name = self.text[es:ee] or ent.text
                return Speaker(ActorRef(actor_id=self._fallback_id(name, ent.label_), text=name),
                               min(cs, es), max(ce, ee), ent.label_ == "PERSON")
        for h in heads:
            if h.pos_ == "PROPN":
                # a proper name the entity recogniser missed: the run of capitalised words ending at it
                doc = self.doc
                k = h.i
                while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title and doc[k - 1].head.i == h.i:
                    k -= 1
                name = doc[k:h.i + 1]
                label = "PERSON" if len(name) <= 4 else "ORG"
                return Speaker(ActorRef(actor_id=self._fallback_id(name.text, label), text=name.text),
                               min(cs, name.start_char), max(ce, name.end_char), label == "PERSON")
        return Speaker(None, cs, ce, False)

    def _entity_at(self, tok):
        i = bisect.bisect_right(self.ent_starts, tok.idx) - 1
        if i >= 0:
            ent = self.ents[i]
            if ent.start <= tok.i < ent.end and ent.label_ in _FALLBACK_LABELS:
                return ent
        return None

    def _last_person_entity(self, offset: int):
        """The last PERSON entity before ``offset`` in the same or the previous paragraph."""
        pi = self.para_index(offset)
        floor = self.paras[pi - 1][0] if pi > 0 and self.paras else 0
        i = bisect.bisect_left(self.ent_starts, offset) - 1
        while i >= 0 and self.ents[i].start_char >= floor:
            if self.ents[i].label_ == "PERSON" and not self.in_quote(self.ents[i].start_char, self.ents[i].end_char):
                return self.ents[i]
            i -= 1
        return None

    def _fallback_id(self, name: str, label: str) -> str:
        """An actor id for a speaker no actor mention covers (a spaCy entity or a proper name); a surname
        reuses the id of the full name seen before ("Sullivan" after "Jake Sullivan")."""
        if name.lower().startswith("the "):
            name = name[4:]
        if name.endswith("'s") or name.endswith("’s"):
            name = name[:-2]
        key = " ".join(name.split()).lower()
        if key in self.fallback_ids:
            return self.fallback_ids[key]
        if label == "PERSON":
            last = key.split()[-1] if key.split() else key
            for full, fid in reversed(self.fallback_people):
                if full.split()[-1] == last:
                    self.fallback_ids[key] = fid
                    return fid
        fid = "ent:" + (_SLUG_RE.sub("-", key).strip("-") or "x")
        self.fallback_ids[key] = fid
        if label == "PERSON":
            self.fallback_people.append((key, fid))
        return fid

    # -- quotes ----------------------------------------------------------------------------------
    def quote_kind(self, sp: QuoteSpan) -> str:
        """direct: the quote stands as a sentence of its own; partial: quoted words inside a sentence."""
        text = self.text
        if sp.continued:
            return "direct"
        ps, _ = self.para_of(sp.start)
        i = sp.outer_start - 1
        while i >= ps and text[i] in " \t\u00a0":
            i -= 1
        before = text[i] if i >= ps else ""
        first = text[sp.start] if sp.start < len(text) else ""
        if before == "" or before in ":":
            return "direct"
        if before in ",." or before in "\"'”’»":
            return "direct" if first.isupper() or first.isdigit() else "partial"
        # a quote that starts its sentence
        si = self.sent_index(sp.start)
        if self.sents and self.sents[si][0] >= sp.outer_start - 1 and first.isupper():
            return "direct"
        return "partial"

    def _frames(self, sp: QuoteSpan) -> list[tuple[int, int]]:
        """The stretches of the writer's text that can attribute quote ``sp``: its sentence before the
        opening mark and after the closing mark (within the paragraph), a lead-in ending with a colon,
        and a short attribution sentence right after the quote (``"…." He said.`` split by the parser)."""
        text = self.text
        ps, pe = self.para_of(sp.start)
        frames = []
        if self.sents:
            si = self.sent_index(sp.outer_start)
            ls = max(self.sents[si][0], ps)
            if ls >= sp.outer_start - 1 and si > 0:
                # the quote opens its sentence: a lead-in ending with ':' belongs to it
                prev_s, prev_e = self.sents[si - 1]
                if prev_s >= ps and text[prev_s:sp.outer_start].rstrip().endswith(":"):
                    ls = prev_s
            if ls < sp.outer_start:
                frames.append((ls, sp.outer_start))
            ei = self.sent_index(max(sp.outer_end - 1, 0))
            re_ = min(self.sents[ei][1], pe)
            # the writer's text after the quote ends at the next quote
            k = bisect.bisect_left(self.q_starts, sp.outer_end)
            next_q = self.q_starts[k] if k < len(self.q_starts) else None
            if next_q is not None and next_q < re_:
                re_ = next_q
                if text[sp.start:sp.end].rstrip().endswith((".", "!", "?")):
                    # the quote ended its sentence and the next one carries its own quote
                    re_ = sp.outer_end
            if re_ > sp.outer_end and any(ch.isalpha() for ch in text[sp.outer_end:re_]):
                frames.append((sp.outer_end, re_))
            else:
                # the rest of the sentence is punctuation only: look at a short next sentence
                nj = ei + 1
                if re_ <= sp.outer_end + 2 and nj < len(self.sents):
                    ns, ne = self.sents[nj]
                    if ns < pe and ns - sp.outer_end <= 3 and len(text[ns:ne].split()) <= 10 \
                            and (next_q is None or next_q >= ne):
                        frames.append((sp.outer_end, min(ne, pe)))
        return frames

    _DASH_RE = re.compile("[ \t\u00a0]*(?:[\u2015\u2014\u2013]|--?)[ \t\u00a0]*")
    _LABEL_RE = re.compile("([A-Z][A-Z'\u2019.\\- ]{0,38}[A-Z.]):[ \t\u00a0]+(?=\\S)")

    def dash_speaker(self, sp: QuoteSpan) -> Optional[Speaker]:
        """'"…" ― Adriana Rodarte': a name after a dash right after the closing mark."""
        if sp.close_at is None:
            return None
        m = self._DASH_RE.match(self.text, sp.outer_end)
        if m is None or m.end() == sp.outer_end:
            return None
        tok = _token_at(self.doc, m.end())
        if tok is None or tok.idx != m.end() or not (tok.pos_ == "PROPN" or tok.is_title):
            return None
        doc = self.doc
        j = tok.i
        while j + 1 < len(doc) and (doc[j + 1].pos_ == "PROPN" or doc[j + 1].is_title) \
                and not doc[j + 1].is_sent_start:
            j += 1
        sp_ = self._resolve(doc[j], None, None)
        return sp_ if sp_ is not None and sp_.ref is not None else None

    def label_speaker(self, sp: QuoteSpan) -> Optional[tuple[Speaker, int]]:
        """Transcript style: '"WALLACE: Let's start …"'. Returns the speaker and the new content start."""
        m = self._LABEL_RE.match(self.text, sp.start, min(sp.end, sp.start + 60))
        if m is None or not any(c.isalpha() for c in m.group(1)) or len(m.group(1).split()) > 4:
            return None
        ls, le = m.span(1)
        span = self.doc.char_span(ls, le, alignment_mode="contract")
        ref = None
        if span is not None and len(span):
            got = self._resolve(span[-1], None, None)
            if got is not None and got.ref is not None:
                ref = got.ref
        if ref is None:
            name = m.group(1).strip()
            ref = ActorRef(actor_id=self._fallback_id(name.title(), "PERSON"), text=name)
        return Speaker(ref, ls, le, True), m.end()

    def cue_for_quote(self, sp: QuoteSpan, hits: list[CueHit]) -> Optional[CueHit]:
        frames = self._frames(sp)
        if not frames:
            return None
        starts = [h.start for h in hits]
        cands: list[tuple[int, int, CueHit]] = []
        doc = self.doc
        first_tok = _token_at(doc, sp.start)
        for fs, fe in frames:
            lo = bisect.bisect_left(starts, fs)
            for k in range(lo, len(hits)):
                h = hits[k]
                if h.start >= fe:
                    break
                if h.end > fe or self.quote_overlapping(h.start, h.end):
                    continue
                if h.speaker is None or h.speaker.ref is None and h.entry.kind != "verb":
                    continue
                # the speaker must be outside the quote
                if h.speaker is not None and sp.outer_start <= h.speaker.start < sp.outer_end:
                    continue
                dist = sp.outer_start - h.end if h.end <= sp.outer_start else h.start - sp.outer_end
                linked = 0
                if first_tok is not None and h.entry.kind == "verb":
                    t = first_tok
                    for _ in range(40):
                        if t.i == h.token_i:
                            linked = 1
                            break
                        if t.head.i == t.i:
                            break
                        t = t.head
                # a verb or "according to" before a noun cue ("pointed out in his statements")
                cands.append((-linked, h.entry.kind == "noun", dist, h))
        if not cands:
            return None
        cands.sort(key=lambda c: c[:3])
        return cands[0][3]

    def indirect(self, hits: list[CueHit]) -> list[Attribution]:
        out = []
        for h in hits:
            if h.content is None or not h.entry.indirect or h.negated:
                continue
            s, e = h.content
            if self.quote_overlapping(s, e):
                continue  # quoted words carry this report
            if s <= h.start < e and h.entry.kind == "verb" and not h.parenthetical:
                continue
            if h.speaker is None:
                continue
            out.append(Attribution(start=s, end=e, kind="indirect", cue=h, speaker=h.speaker,
                                   para=self.para_index(s)))
        return out

    def inherit_speakers(self, atts: list[Attribution]) -> None:
        """Quotes with no attribution of their own take the neighbouring speaker (see module doc): the
        last speaker before them (in their paragraph, or in the one before when they open theirs), else the
        next attribution of their paragraph with a speaker of its own.

        Linear in the attributions: the speakers seen so far are kept in a list (scanned back past the
        few that overlap the quote), and the next own speaker of each paragraph is found in one pass from
        the end (``atts`` are in text order, so their paragraphs never decrease)."""
        text = self.text
        n = len(atts)
        own_next: list[Optional[int]] = [None] * n   # the next attribution with a speaker of its own
        para_end = [n] * n                           # the first attribution after it in another paragraph
        nxt: Optional[int] = None
        for j in range(n - 1, -1, -1):
            own_next[j] = nxt
            if j + 1 < n:
                para_end[j] = j + 1 if atts[j + 1].para != atts[j].para else para_end[j + 1]
            b = atts[j]
            if b.speaker is not None and b.speaker.ref is not None and not b.inherited:
                nxt = j
        spoken: list[int] = []     # attributions with a speaker so far (inherited ones too), in order
        text_start: dict[int, int] = {}   # paragraph start -> its first non-space offset
        for idx, a in enumerate(atts):
            if a.speaker is None and a.cue is None and a.span is not None:
                ps, pe = self.paras[a.para] if self.paras else (0, len(text))
                if ps not in text_start:
                    line = text[ps:pe]
                    text_start[ps] = ps + len(line) - len(line.lstrip())
                opens_para = text_start[ps] >= a.outer_start
                prev = None
                for j in reversed(spoken):
                    b = atts[j]
                    if b.outer_end <= a.outer_start:
                        prev = b
                        break
                    if b.para < a.para - 1:
                        break
                if prev is not None and (prev.para == a.para or (prev.para == a.para - 1 and opens_para)):
                    a.speaker, a.inherited = prev.speaker, True
                else:
                    j = own_next[idx]
                    if j is not None and j < para_end[idx]:
                        a.speaker, a.inherited = atts[j].speaker, True
            if a.speaker is not None and a.speaker.ref is not None:
                spoken.append(idx)


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop stray punctuation and spaces the entity recogniser left at the edges of a name."""
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    return start, end


def _token_at(doc, offset: int):
    """The token starting at or covering character ``offset`` (None if outside)."""
    if not len(doc):
        return None
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[0]
