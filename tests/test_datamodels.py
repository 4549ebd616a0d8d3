"""Checking a data file against its model: the error names the file and the field."""

import pytest

from sitrep.datamodels import DataModel, load_model, validate_data
from sitrep.errors import ConfigError
from sitrep.stages.quotes.lexicon import QuoteCuesFile


class _Toy(DataModel):
    words: list[str]
    weight: float = 1.0


def test_a_valid_mapping_becomes_the_model():
    assert validate_data({"words": ["a"], "weight": 2}, _Toy, "toy.yaml").weight == 2.0


@pytest.mark.parametrize("data,where", [
    ({"words": "a", "weight": 1}, r"toy\.yaml: words"),
    ({"words": ["a"], "wieght": 1}, r"toy\.yaml: wieght"),
    (["a"], r"toy\.yaml: expected a mapping"),
])
def test_errors_name_the_file_and_the_field(data, where):
    with pytest.raises(ConfigError, match=where):
        validate_data(data, _Toy, "toy.yaml")


def test_a_package_file_loads_against_its_model():
    model = load_model("quote_cues.yaml", QuoteCuesFile)
    assert any(c.lemma == "according to" for c in model.cues)
