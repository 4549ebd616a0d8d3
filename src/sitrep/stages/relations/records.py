"""The records of the relations stage: an argument token kept alone, a relation found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ...core.article import Mention


@dataclass(frozen=True)
class Single:
    """An argument token whose conjuncts are not arguments ("Turkey-backed groups and the SDF")."""
    tok: object


def tok_of(t):
    """The token of an argument (a :class:`Single` or a token)."""
    return t.tok if isinstance(t, Single) else t


@dataclass
class Found:
    """A relation read from the text, before it becomes a :class:`~sitrep.contract.Relation`."""

    type: str
    subject: Mention
    object: Mention
    tokens: list
    clause: object
    negated: bool = False
    starts: bool = False
    ends: bool = False
    kind: Optional[str] = None
