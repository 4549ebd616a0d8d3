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
