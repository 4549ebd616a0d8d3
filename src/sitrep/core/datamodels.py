"""Checking sitrep's data files against a pydantic model: a typo fails with the file and the field.

:func:`sitrep.datafiles.load_data` reads a file (with its YAML word-list rules); :func:`load_model`
reads it and validates it against a :class:`DataModel`, so that ``kind: verbb`` in
``quote_cues.yaml`` is a :class:`~sitrep.errors.ConfigError` saying
``sitrep/data/quote_cues.yaml: cues.12.kind: Input should be 'verb', 'preposition' or 'noun'``.

The models describe the files; the modules that use a file build their own look-up tables from the
validated model (or from the raw mapping, where callers read it as a mapping).
"""

from __future__ import annotations

from typing import Any, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from .datafiles import load_data
from .errors import ConfigError

M = TypeVar("M", bound="DataModel")


class DataModel(BaseModel):
    """The base of a data file's model: unknown fields are errors (a misspelt key never passes
    silently), and booleans must be written ``true``/``false``."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)


def _where(loc: tuple) -> str:
    return ".".join(str(p) for p in loc) or "(top level)"


def validate_data(data: Any, model: type[M], origin: str, *, stage: Optional[str] = None) -> M:
    """``data`` (a parsed file) validated against ``model``; errors name ``origin`` and the field."""
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: expected a mapping at the top level", stage=stage)
    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
        raise ConfigError(f"{origin}: {_where(first['loc'])}: {first['msg']}{more}", stage=stage) from None


def load_model(name: str, model: type[M], *, package: str = "sitrep", stage: Optional[str] = None) -> M:
    """The package data file ``<package>/data/<name>``, validated against ``model``."""
    return validate_data(load_data(name, package), model, f"{package.replace('.', '/')}/data/{name}",
                         stage=stage)
