"""Shared fixtures of the places tests: the parse stage and the default places stage, once per module."""

import pytest

from sitrep.stages.nlp import NlpStage
from sitrep.stages.places import PlacesStage


@pytest.fixture(scope="module")
def nlp():
    return NlpStage()


@pytest.fixture(scope="module")
def stage():
    return PlacesStage()
