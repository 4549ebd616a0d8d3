"""The quotes stage itself: its configuration and the order of the work (see the package doc)."""

from __future__ import annotations

import dataclasses
from typing import Iterable, Optional

from ...core.article import ArticleState
from ...lang.quotemarks import find_quote_spans
from ..base import Stage, StageConfig
from . import attribution as att
from .context import QuoteContext
from .cues import find_cues
from .lexicon import CueLexicon, load_cues, load_language_cues
from .records import Attribution, a_to_quote, speaker_actors
from .speakers import described, resolve_speakers


@dataclasses.dataclass(frozen=True)
class QuotesConfig(StageConfig):
    #: a cue lexicon of one's own instead of the package's ``data/quote_cues.yaml``
    cues_path: Optional[str] = None
    #: the cue senses read: "speech" (said aloud or in writing), "thought" ("believes", "plans"),
    #: "evidence" (what a study, poll or video "shows" or "found") and "stance" ("supports", "attacked");
    #: see ``data/quote_cues.yaml``
    senses: tuple[str, ...] = ("speech",)
    #: also report indirect speech ("Sullivan said the US would ...")
    indirect: bool = True
    #: also report stated positions and promises, as indirect quotes: an ``object`` cue's object
    #: ("called for *a ceasefire*", "accused *X of lying*") and a cue's infinitive ("vowed *to
    #: rebuild*"). Off: the news guidelines count such statements as events (REQUEST, ACCUSE, ...),
    #: not as quotes; attribution corpora that mark every stated position (PolNeAR) want it on
    positions: bool = False
    #: a reported clause is carried by the quoted words in it when they make up at least this share
    #: of it ("said the deal was "dead"" is one partial quote; "said the native nicknamed "King James"
    #: is a dedicated advocate" is a report with a quoted term)
    carried_share: float = 0.5
    #: a quote with no speaker, no cue and fewer words than this is a scare quote, not speech
    min_unattributed_words: int = 4
    #: quoted Title Case words up to this many name a work or a show ("Face the Nation")
    title_max_words: int = 7
    #: a transcript label ("WALLACE:") is looked for in this many first characters of a quote
    label_window: int = 60
    #: a transcript label has at most this many words
    label_max_words: int = 4
    #: a run of capitalised words the recogniser missed is a person up to this many words, else an
    #: organisation
    name_run_person_max: int = 4
    #: how many heads are climbed from a quote's first word to find the cue verb it hangs on
    link_climb_limit: int = 40
    #: how many conjunctions / relative clauses are climbed from a cue verb to its subject
    subject_climb_limit: int = 4
    #: a relative clause between a speaker's name and its cue ('"…," NAME, who ..., told') is read
    #: back up to this many tokens
    relative_clause_max_tokens: int = 15
    #: a sentence right after a quote attributes it ('"…." He said.') when it has at most this many
    #: words ...
    attribution_sentence_max_words: int = 10
    #: ... starts at most this many characters after the closing mark ...
    attribution_sentence_max_gap: int = 3
    #: ... and the quote's own sentence has at most this many characters after the mark
    attribution_tail_max_chars: int = 2
    #: a reported clause has at least this many tokens
    min_clause_tokens: int = 3
    #: the spaCy entity labels that may name a speaker no actor mention covers
    fallback_entity_labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP")


class QuotesStage(Stage):
    name = "quotes"
    needs = ("article", "doc", "sentences", "actors", "mentions")
    #: ``actors`` as well: a speaker no actor stands for becomes one (:func:`.records.speaker_actors`)
    assigns = ("quotes", "actors")
    Config = QuotesConfig

    def __init__(self, cues_path: Optional[str] = None, senses: Iterable[str] = ("speech",),
                 indirect: bool = True, min_unattributed_words: int = 4, **config):
        self.config = self.make_config(cues_path=cues_path, senses=tuple(senses), indirect=indirect,
                                       min_unattributed_words=min_unattributed_words, **config)

    # the settings under their old attribute names
    cues_path = property(lambda self: self.config.cues_path)
    senses = property(lambda self: self.config.senses)
    indirect = property(lambda self: self.config.indirect)
    min_unattributed_words = property(lambda self: self.config.min_unattributed_words)

    @property
    def lexicon(self) -> CueLexicon:
        """The cue lexicon, from the pipeline's resources (``quote_cues``; a lexicon of one's own
        under ``quote_cues:<path>``)."""
        path = self.config.cues_path
        if path is None:
            return self.resources.get("quote_cues", load_cues)
        return self.resources.get(f"quote_cues:{path}", lambda: load_cues(path))

    def lexicon_for(self, language: str) -> CueLexicon:
        """The cue lexicon of ``language``: the configured one for English, the package's
        ``data/quote_cues_<language>.yaml`` otherwise (``quote_cues:fr``)."""
        if language == "en":
            return self.lexicon
        return self.resources.get(f"quote_cues:{language}", lambda: load_language_cues(language))

    def process(self, state: ArticleState) -> None:
        atts = self.attributions(state)
        state.quotes = [a_to_quote(a, i, state.text) for i, a in enumerate(atts, 1)]
        words = self.lexicon_for(state.language).words
        speaker_actors(state, atts, words.pronouns | words.relative_pronouns)

    # -- the work, exposed for evaluation -------------------------------------------------------
    def attributions(self, state: ArticleState) -> list[Attribution]:
        """All quotes and indirect reports of the article, in text order, with speaker spans."""
        text = state.text
        scan = find_quote_spans(text)
        state.warnings.extend(f"quotes: {w}" for w in scan.warnings)
        if state.doc is None or not text:
            return []
        ctx = QuoteContext(state, self.lexicon_for(state.language), self.config)
        spans = list(scan.top_level())
        ctx.set_quotes(spans)
        hits = find_cues(ctx)
        resolve_speakers(ctx, hits)
        out = self._quotes(ctx, spans, hits)
        att.share_groups(out)
        if self.config.indirect:
            out.extend(att.indirect(ctx, hits))
        out.sort(key=lambda a: (a.start, a.end))
        att.inherit_speakers(ctx, out)
        for a in out:
            if a.speaker is not None:
                a.speaker = described(ctx, a.speaker)
        return [a for a in out if not self._scare_quote(text, a)]

    def _quotes(self, ctx: QuoteContext, spans, hits) -> list[Attribution]:
        """An attribution for each quote that is not a title: its cue and speaker, else a transcript
        label or a name after a dash."""
        out = []
        small = ctx.words.title_small_words
        for sp in spans:
            a = Attribution(start=sp.start, end=sp.end, kind=att.quote_kind(ctx, sp), span=sp,
                            para=ctx.para_index(sp.start))
            if att.looks_like_title(ctx.text[sp.start:sp.end], small, self.config.title_max_words) \
                    and not (sp.continues or sp.continued):
                continue  # the name of a show, a book, a song: not anybody's words
            cue = att.cue_for_quote(ctx, sp, hits)
            if cue is not None:
                a.cue, a.speaker = cue, cue.speaker
            else:
                label = att.label_speaker(ctx, sp)
                if label is not None:
                    a.speaker, a.start = label
                else:
                    a.speaker = att.dash_speaker(ctx, sp) or att.lead_in_speaker(ctx, sp) \
                        or (att.subject_speaker(ctx, sp) if a.kind == "partial" else None)
            out.append(a)
        return out

    def _scare_quote(self, text: str, a: Attribution) -> bool:
        """A short quote nobody says, of one piece: a scare quote or a quoted term."""
        return a.span is not None and a.speaker is None and a.cue is None and not a.span.continued \
            and not a.span.continues \
            and len(att.WORD_RE.findall(text[a.start:a.end])) < self.config.min_unattributed_words
