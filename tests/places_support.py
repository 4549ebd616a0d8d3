"""Shared fixtures of the places tests: the parse stage and the default places stage, once per module;
:func:`places_of` runs the places stage alone on a text, :func:`pipeline_places` the whole pipeline (the
session's ``pipeline`` fixture of conftest)."""

import pytest

from sitrep.article import Article, ArticleState

from sitrep.stages.nlp import NlpStage
from sitrep.stages.places import PlacesStage


@pytest.fixture(scope="module")
def nlp():
    return NlpStage()


@pytest.fixture(scope="module")
def stage():
    return PlacesStage()


def places_of(nlp, stage, text: str) -> dict:
    """The places stage alone on ``text`` (no actor mentions): each mention's text -> its place (the first
    place a text is a mention of)."""
    st = nlp(ArticleState(article=Article(text=text, published="2024-12-03")))
    st.mentions = []
    stage.run_alone(st)
    out: dict = {}
    for p in st.places:
        for m in p.mentions:
            out.setdefault(m.text, p)
    return out


def pipeline_places(pipeline, text: str, published: str = "2024-12-03") -> dict:
    """The whole pipeline on ``text``: each place mention's text -> its place."""
    doc = pipeline(Article(text=text, id="t", published=published))
    return {m.text: p for p in doc.places for m in p.mentions}
