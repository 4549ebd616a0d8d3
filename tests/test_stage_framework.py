"""The stage framework: declared configuration and per-pipeline resources."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from sitrep.errors import ConfigError
from sitrep.pipeline import Pipeline
from sitrep.stages.base import Stage, StageConfig
from sitrep.stages.resources import Resources


class _Toy(Stage):
    name = "toy"
    assigns = ("warnings",)

    @dataclasses.dataclass(frozen=True)
    class Config(StageConfig):
        #: how many warnings to add
        n: int = 1

    def __init__(self, **config):
        self.config = self.make_config(**config)

    def process(self, state):
        words = self.resources.get("words", lambda: ["loaded"])
        state.warnings.extend(words[:1] * self.config.n)


def test_config_defaults_and_overrides():
    assert _Toy.default_config() == {"n": 1}
    assert _Toy(n=3).config.n == 3


def test_unknown_setting_is_a_config_error():
    with pytest.raises(ConfigError, match="no setting 'm'"):
        _Toy(m=2)


def test_resources_are_loaded_once_per_pipeline_and_can_be_given():
    calls = []
    res = Resources()
    assert res.get("x", lambda: calls.append(1) or "a") == "a"
    assert res.get("x", lambda: calls.append(1) or "b") == "a"
    assert calls == [1]
    assert Resources(x="given").get("x", lambda: "loaded") == "given"


def test_pipeline_shares_its_resources_with_its_stages():
    res = Resources(words=["injected"])
    pipe = Pipeline([_Toy(n=2)], resources=res)
    assert pipe.stages[0].resources is res
    out = pipe.run(__import__("sitrep").Article(text="Some text.", id="t"))
    assert out.document.warnings == ["injected", "injected"]


def test_resources_pickle_without_their_loaded_contents():
    res = Resources(kb_paths=["a.yaml"], given=1)
    res.get("big", lambda: object())
    back = pickle.loads(pickle.dumps(res))
    assert back.kb_paths == ("a.yaml",) and back.names() == ["given"]


def test_describe_prints_settings():
    rows = Pipeline([_Toy(n=2)]).describe(config=True)
    assert rows[0]["config"] == {"n": 2}


# -- the stage contract --------------------------------------------------------------------------

from sitrep.article import Article, ArticleState  # noqa: E402
from sitrep.errors import UnassignedFieldError  # noqa: E402
from sitrep.pipeline import STAGES, stage_class  # noqa: E402


def test_a_field_is_unset_until_a_stage_assigns_it():
    state = ArticleState(article=Article(text="Some text.", id="t"))
    with pytest.raises(UnassignedFieldError, match="'events' is read before any stage assigned it"):
        state.events
    state.events = []
    assert state.events == [] and "events" in state.assigned
    assert state.get("claims") == [] and state.get("doc") is None


def test_a_stage_cannot_read_what_it_does_not_declare():
    class Sneaky(Stage):
        name = "sneaky"
        needs = ("article",)
        assigns = ("claims",)

        def process(self, state):
            state.claims = list(state.events)

    state = ArticleState(article=Article(text="Some text.", id="t"), events=[])
    with pytest.raises(UnassignedFieldError, match="stage 'sneaky' reads 'events'"):
        Sneaky()(state)
    assert state.events == []  # set aside while the stage ran, put back afterwards


@pytest.mark.parametrize("k", range(1, len(STAGES) + 1))
def test_every_prefix_of_the_default_pipeline_runs(k):
    """Each stage reads only what it declares and what earlier stages assign: every prefix of the
    default pipeline runs on a real article, and a document comes out."""
    pipe = Pipeline([stage_class(n)() for n in list(STAGES)[:k]])
    text = ("DAMASCUS, Dec 2 (Test Wire) - Syrian rebels captured Hama on Monday, the Syrian Observatory "
            "said, and at least 20 soldiers were killed. \"We will not retreat,\" a commander told reporters. "
            "Russia, an ally of President Bashar al-Assad, said it had struck rebel positions near Idlib.")
    out = pipe.run(Article(text=text, id="prefix", published="2024-12-02"))
    assert out.failure is None, out.failure and out.failure.describe()
    assert out.document.article.id == "prefix"
