"""Shared set-up for the actors and coreference tests: the spaCy pipeline with the test KB's ruler."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sitrep.article import Article, ArticleState
from sitrep.kb import load_kb
from sitrep.kb.ruler import add_kb_ruler
from sitrep.nlp import _import_model
from sitrep.stages.actors import ActorsStage

FIXTURE = str(Path(__file__).parent / "fixtures" / "kb_test.yaml")


@lru_cache(maxsize=1)
def support_nlp():
    kb = load_kb((FIXTURE,), include_package=False)
    nlp = _import_model(None).load()
    nlp.add_pipe("sitrep_newline_sentences", before="parser")
    add_kb_ruler(nlp, kb.entity_patterns())
    return nlp


@lru_cache(maxsize=1)
def support_stage() -> ActorsStage:
    return ActorsStage(kb_paths=(FIXTURE,), kb_package=False)


def run(text: str, published: str = "2024-06-01") -> ArticleState:
    state = ArticleState(article=Article(text=text, published=published))
    state.doc = support_nlp()(state.text)
    state.sentences = [(s.start_char, s.end_char) for s in state.doc.sents]
    state.assigned.update({"doc", "sentences"})
    return support_stage()(state)


def actor_of(state: ArticleState, surface: str, nth: int = 0):
    """The actor of the nth mention whose text is ``surface``, or None."""
    hits = [m for m in state.mentions if m.text == surface]
    if len(hits) <= nth:
        return None
    return state.actor(hits[nth].actor_id)


def mention(state: ArticleState, surface: str, nth: int = 0):
    hits = [m for m in state.mentions if m.text == surface]
    return hits[nth] if len(hits) > nth else None
