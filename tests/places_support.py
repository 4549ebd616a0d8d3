"""Shared fixtures of the places tests: the parse stage and the default places stage, once per module;
:func:`places_of` runs the places stage alone on a text."""

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
