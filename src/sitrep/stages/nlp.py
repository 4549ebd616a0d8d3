"""Stage ``nlp``: tokens, sentences, parse and named entities (spaCy), with the pipeline of the language
the article is read in (``state.language``, settled by the ``language`` stage; English without it).

A sentence longer than :data:`sitrep.limits.MAX_SENTENCE_TOKENS` (a list without end, a text without
punctuation) is cut into pieces of at most that many tokens -- after a comma, semicolon, colon or dash
where the second half of the piece has one, else at the limit -- and the text is parsed again with the
cuts as sentence starts (the token vectors and tags of the first pass are kept); the document says so in
a warning. Texts whose sentences are all shorter are parsed once, as they always were.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, Iterator, Optional

from spacy.attrs import TAG

from .. import limits
from ..core.article import ArticleState
from ..nlp import FORCED_STARTS, load_language_pipeline, load_pipeline
from .base import Stage, StageConfig

#: tokens after which an over-long sentence is preferably cut
_CUT_AFTER = {",", ";", ":", "\u2014", "\u2013", "-", "--"}


def sentence_cuts(doc, max_tokens: int = limits.MAX_SENTENCE_TOKENS) -> list[int]:
    """Token indices at which to start new sentences so that none is longer than ``max_tokens``."""
    cuts: list[int] = []
    for sent in doc.sents:
        i, end = sent.start, sent.end
        while end - i > max_tokens:
            cut = i + max_tokens
            for j in range(i + max_tokens - 1, i + max_tokens // 2, -1):
                if doc[j].text in _CUT_AFTER:
                    cut = j + 1
                    break
            while cut < end and doc[cut].is_space:
                cut += 1
            if cut >= end:
                break
            cuts.append(cut)
            i = cut
    return cuts


@dataclasses.dataclass(frozen=True)
class NlpConfig(StageConfig):
    #: the spaCy pipeline package (None: the first installed of :data:`sitrep.nlp.MODEL_PACKAGES`)
    model: Optional[str] = None
    #: the user's KB files, whose names the entity ruler before the recogniser knows
    kb_paths: tuple[str, ...] = ()
    #: texts parsed at once by ``pipe``
    batch_size: int = 16
    #: a longer sentence is cut into pieces of at most this many tokens (see the module docstring)
    max_sentence_tokens: int = limits.MAX_SENTENCE_TOKENS


class NlpStage(Stage):
    name = "nlp"
    needs = ("article",)
    assigns = ("doc", "sentences")
    Config = NlpConfig

    def __init__(self, model: Optional[str] = None, kb_paths: Iterable[str] = (), batch_size: int = 16,
                 **config: Any):
        self.config = self.make_config(model=model, kb_paths=tuple(str(p) for p in kb_paths),
                                       batch_size=batch_size, **config)

    # the settings under their old attribute names
    model = property(lambda self: self.config.model)
    kb_paths = property(lambda self: self.config.kb_paths)
    batch_size = property(lambda self: self.config.batch_size)
    max_sentence_tokens = property(lambda self: self.config.max_sentence_tokens)

    @property
    def nlp(self):
        return load_pipeline(self.model, self.kb_paths)

    def nlp_for(self, language: Optional[str]):
        """The spaCy pipeline for ``language`` (the configured model for English)."""
        if language in (None, "en"):
            return self.nlp
        return load_language_pipeline(language, self.kb_paths)

    def _bounded(self, state: ArticleState, doc):
        """``doc``, or the text parsed again with its over-long sentences cut (and a warning)."""
        cuts = sentence_cuts(doc, self.max_sentence_tokens)
        if not cuts:
            return doc
        nlp = self.nlp_for(state.language)
        again = nlp.make_doc(state.text)
        again.user_data[FORCED_STARTS] = cuts
        before = nlp.pipe_names[:nlp.pipe_names.index("sitrep_newline_sentences")]
        if before == ["tok2vec", "tagger"]:
            # what runs before the sentence starts does not depend on them: keep it (the token vectors
            # and tags), run the parser and what follows it again
            again.tensor = doc.tensor
            again.from_array([TAG], doc.to_array([TAG]))
            for _, proc in nlp.pipeline[len(before):]:
                again = proc(again)
        else:
            again = nlp(again)
        n = sum(1 for s in doc.sents if len(s) > self.max_sentence_tokens)
        state.warnings.append(
            f"nlp: {n} sentence(s) longer than {self.max_sentence_tokens} tokens (the limit) were cut into "
            f"{n + len(cuts)} pieces; the first cut is at offset {again[cuts[0]].idx}")
        return again

    def _assign(self, state: ArticleState, doc) -> ArticleState:
        doc = self._bounded(state, doc)
        state.doc = doc
        sents = []
        for s in doc.sents:
            # trim surrounding whitespace so that every sentence span slices clean text
            toks = [t for t in s if not t.is_space]
            if not toks:
                continue
            sents.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
        state.sentences = sents
        self.finish(state)
        return state

    def process(self, state: ArticleState) -> None:
        self._assign(state, self.nlp_for(state.language)(state.text))

    def pipe(self, states: Iterable[ArticleState]) -> Iterator[ArticleState]:
        states = list(states)
        if all(s.language == "en" for s in states):
            docs = self.nlp.pipe((s.text for s in states), batch_size=self.batch_size)
            for state, doc in zip(states, docs):
                yield self._assign(state, doc)
            return
        parsed: dict[int, object] = {}
        for lang in dict.fromkeys(s.language for s in states):  # each language's articles in one batch
            idx = [i for i, s in enumerate(states) if s.language == lang]
            for i, doc in zip(idx, self.nlp_for(lang).pipe((states[i].text for i in idx), batch_size=self.batch_size)):
                parsed[i] = doc
        for i, state in enumerate(states):
            yield self._assign(state, parsed[i])
