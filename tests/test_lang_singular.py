"""`lang.casing.singular`: the one de-pluraliser by ending, read by the actors stage, the events stage's
argument heads and the situation merge."""

from __future__ import annotations

import pytest

from sitrep.lang.casing import singular


@pytest.mark.parametrize("plural, expected", [
    ("militiamen", "militiaman"), ("gunmen", "gunman"), ("policemen", "policeman"),
    ("authorities", "authority"), ("militias", "militia"), ("rebels", "rebel"), ("forces", "force"), ("ties", "tie"),
])
def test_plural_endings_give_the_singular(plural, expected):
    assert singular(plural) == expected


@pytest.mark.parametrize("word", ["police", "press", "bus", "men", "army", "us"])
def test_words_without_a_plural_ending_or_too_short_stay(word):
    assert singular(word) == word
