"""sitrep's shared lexicon: the word lists that more than one stage reads, each written once.

``lexicon/data/shared.yaml`` lists each word once with the *uses* that read it (a use is one meaning
in one stage: ``speech_verbs`` for ``modality``, ``place_prepositions`` for ``events_place``)::

    >>> from sitrep.lexicon import words
    >>> "say" in words("speech_verbs", "modality")
    True
    >>> sorted(words("place_prepositions", "actors_located"))
    ['across', 'from', 'in', 'throughout']

A stage's own data file no longer holds these lists: its loader asks for its use here. Lists that
only one stage reads stay in that stage's file.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import field_validator

from ..core.datafiles import load_data
from ..core.datamodels import DataModel, validate_data
from ..core.errors import ConfigError

ORIGIN = "sitrep/lexicon/data/shared.yaml"


class SharedLexicon(DataModel):
    """The shared lexicon file: for each list, word -> the uses that read it."""

    version: str
    speech_verbs: dict[str, list[str]]
    place_prepositions: dict[str, list[str]]
    place_frames: dict[str, list[str]]

    @field_validator("speech_verbs", "place_prepositions", "place_frames")
    @classmethod
    def _lower_case_words(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        for word, uses in v.items():
            if word != word.lower() or not uses:
                raise ValueError(f"{word!r}: words are lower case and have at least one use")
        return v

    def words(self, name: str, use: str) -> frozenset[str]:
        """The words of list ``name`` that ``use`` reads."""
        table = getattr(self, name, None)
        if not isinstance(table, dict):
            raise ConfigError(f"{ORIGIN}: no list {name!r}")
        out = frozenset(w for w, uses in table.items() if use in uses)
        if not out:
            raise ConfigError(f"{ORIGIN}: list {name!r} has no word for use {use!r}")
        return out


def read_shared() -> SharedLexicon:
    """The shared lexicon, read and validated anew."""
    return validate_data(load_data("shared.yaml", "sitrep.lexicon"), SharedLexicon, ORIGIN)


@lru_cache(maxsize=1)
def shared() -> SharedLexicon:
    """The shared lexicon, read once per process (the stage files' loaders call it while they build
    their own lexicons, which the pipeline's resources then hold)."""
    return read_shared()


def words(name: str, use: str) -> frozenset[str]:
    """The words of the shared list ``name`` that ``use`` reads."""
    return shared().words(name, use)


def fill(data: dict, lists: dict[str, tuple[str, str]]) -> dict:
    """``data`` (a stage's parsed data file) with each key of ``lists`` that it lacks filled from the
    shared list ``(name, use)``, sorted: the stage's loader validates the result as before. A file that
    keeps its own list (a user's cue file) is left as it is."""
    for key, (name, use) in lists.items():
        if key not in data:
            data[key] = sorted(words(name, use))
    return data


__all__ = ["SharedLexicon", "fill", "read_shared", "shared", "words"]
