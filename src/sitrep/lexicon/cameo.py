"""``data/cameo_triggers.yaml``: the trigger candidates generated from the PETRARCH2 CAMEO verb
dictionary and the CAMEO -> PLOVER map by ``scripts/gen_cameo_triggers.py`` (see the file's header).

The events stage does not read this file (yet); this module is its model, so that the generator's
output, and whoever adopts entries from it, are checked: every type is a PLOVER type, every mode a
mode of that type in ``plover.yaml``, every phrase starts with its verb.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field, model_validator

from ..core.datafiles import load_data, parse_yaml
from ..core.datamodels import DataModel, validate_data
from ..ontology import load_ontology

_CAMEO = r"^\d{3,4}$"
_WHERE = r"^(subject|object|after|prep:[a-z]+)$"


class _Coded(DataModel):
    type: str
    mode: Optional[str] = None
    map_mode: Optional[str] = None
    cameo: str = Field(pattern=_CAMEO)
    votes: Optional[int] = Field(default=None, ge=1)
    of: Optional[int] = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _known(self):
        onto = load_ontology()
        if not onto.is_type(self.type):
            raise ValueError(f"unknown PLOVER type {self.type!r}")
        if not onto.is_mode(self.type, self.mode):
            raise ValueError(f"{self.mode!r} is not a mode of {self.type}")
        if (self.votes is None) != (self.of is None) or (self.votes or 0) > (self.of or 0):
            raise ValueError("votes and of go together, votes <= of")
        return self


class VerbTrigger(_Coded):
    basis: Literal["own", "bare", "block", "patterns"]


class PhraseTrigger(_Coded):
    verb: str
    particle: Optional[str] = None
    object: Optional[str] = None
    object_mods: list[str] = []
    prep: Optional[str] = None
    prep_object: Optional[str] = None
    prep_object_mods: list[str] = []
    source: Optional[str] = Field(default=None, pattern=_WHERE)
    target: Optional[str] = Field(default=None, pattern=_WHERE)
    subject_is_target: bool = False

    @model_validator(mode="after")
    def _shape(self):
        if not (self.particle or self.object or self.prep):
            raise ValueError("a phrase needs a particle, an object or a preposition")
        if self.prep_object and not self.prep:
            raise ValueError("prep_object without prep")
        return self

    def members(self, word: Optional[str], synsets: dict[str, list[str]]) -> list[str]:
        """``word``, or the members of the synset it names ("&weapon")."""
        if not word:
            return []
        return list(synsets.get(word[1:], [])) if word.startswith("&") else [word]

    def words(self) -> list[str]:
        """The phrase as its key spells it."""
        out = [self.verb]
        if self.particle:
            out.append(self.particle)
        if self.object:
            out += [*self.object_mods, self.object]
        if self.prep:
            out.append(self.prep)
        if self.prep_object:
            out += [*self.prep_object_mods, self.prep_object]
        return out


class NounTrigger(_Coded):
    basis: Literal["map", "light_verb", "nominalization", "zero_derivation"]
    via: Optional[str] = None


class CameoTriggersFile(DataModel):
    synsets: dict[str, list[str]]
    verbs: dict[str, VerbTrigger]
    phrases: dict[str, PhraseTrigger]
    nouns: dict[str, NounTrigger]

    @model_validator(mode="after")
    def _keys(self):
        for key, p in self.phrases.items():
            if " ".join(p.words()) != key:
                raise ValueError(f"phrase {key!r} does not spell its fields ({' '.join(p.words())!r})")
            for w in (p.object, p.prep_object):
                if w and w.startswith("&") and w[1:] not in self.synsets:
                    raise ValueError(f"phrase {key!r}: no synset {w!r}")
        for section in (self.verbs, self.phrases, self.nouns):
            bad = [k for k in section if k != k.lower() or k != k.strip() or not k]
            if bad:
                raise ValueError(f"keys must be lower-case lemmas: {bad[:3]}")
        return self


def parse_cameo_triggers(text: str, origin: str = "cameo_triggers.yaml") -> CameoTriggersFile:
    """The file's text parsed and validated (a ConfigError names ``origin`` and the field)."""
    return validate_data(parse_yaml(text, origin), CameoTriggersFile, origin)


def load_cameo_triggers() -> CameoTriggersFile:
    """The package's ``data/cameo_triggers.yaml``, validated."""
    return validate_data(load_data("cameo_triggers.yaml"), CameoTriggersFile, "sitrep/data/cameo_triggers.yaml")
