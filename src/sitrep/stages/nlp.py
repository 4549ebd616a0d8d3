"""Stage ``nlp``: tokens, sentences, parse and named entities (spaCy), with the pipeline of the language
the article is read in (``state.language``, settled by the ``language`` stage; English without it)."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..article import ArticleState
from ..nlp import load_language_pipeline, load_pipeline
from .base import Stage


class NlpStage(Stage):
    name = "nlp"
    needs = ("article",)
    assigns = ("doc", "sentences")

    def __init__(self, model: str | None = None, kb_paths: Iterable[str] = (), batch_size: int = 16):
        self.model = model
        self.kb_paths = tuple(str(p) for p in kb_paths)
        self.batch_size = batch_size

    @property
    def nlp(self):
        return load_pipeline(self.model, self.kb_paths)

    def nlp_for(self, language: str):
        """The spaCy pipeline for ``language`` (the configured model for English)."""
        if language == "en":
            return self.nlp
        return load_language_pipeline(language, self.kb_paths)

    def _assign(self, state: ArticleState, doc) -> ArticleState:
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
