"""The relation vocabulary and triggers of ``data/relations.yaml``, checked against
:class:`RelationsFile` (a typo fails with the file and the field) and indexed for the stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

from pydantic import StrictBool, model_validator

from ...core.datafiles import load_data
from ...core.datamodels import DataModel, validate_data

ORIGIN = "sitrep/data/relations.yaml"


# -- the file ------------------------------------------------------------------------------------
class RelationType(DataModel):
    definition: str
    pronoun_kinds: Optional[list[str]] = None


class VerbEntry(DataModel):
    """A verb stating a relation ("the US has *designated* it as a terrorist organization")."""

    lemmas: list[str]
    type: str
    patient: Literal["subject", "object", "renamed"]
    needs_word: Optional[list[str]] = None
    needs_modifier: Optional[list[str]] = None
    starts: StrictBool = False
    ends: StrictBool = False
    kind: Optional[dict[str, str]] = None
    patient_kinds: Optional[list[str]] = None
    agent_kinds: Optional[list[str]] = None
    patient_is_place: StrictBool = False
    object_from: Optional[str] = None


class LightVerbEntry(DataModel):
    """A verb with a relation noun as its object ("imposed *sanctions* on the regime")."""

    nouns: list[str]
    verbs: list[str]
    preps: list[str] = []
    type: str
    starts: StrictBool = False
    ends: StrictBool = False
    kind: Optional[dict[str, str]] = None


class NounEntry(DataModel):
    type: str
    holder: Literal["subject", "object"]
    modifiers: Optional[list[str]] = None


class AdjectiveEntry(DataModel):
    type: str
    prep: str
    reverse: StrictBool = False


class Irrealis(DataModel):
    aux: list[str] = []
    heads: list[str] = []
    above: list[str] = []


class Pronouns(DataModel):
    it: list[str]
    they: list[str]
    he: list[str]


class RelationsFile(DataModel):
    """``data/relations.yaml`` (see the comments in the file)."""

    types: dict[str, RelationType]
    verbs: list[VerbEntry] = []
    light_verbs: list[LightVerbEntry] = []
    nouns: dict[str, NounEntry] = {}
    noun_modifiers: list[str] = ["compound", "poss", "amod", "nmod"]
    noun_preps: list[str] = ["of"]
    adjectives: dict[str, AdjectiveEntry] = {}
    irrealis: Irrealis = Irrealis()
    support_kinds: dict[str, list[str]] = {}
    pronouns: Pronouns
    relative_pronouns: list[str]
    copulas: list[str]
    negators: list[str]
    particle_only_verbs: list[str]
    role_articles: list[str]
    agent_preposition: str
    name_preposition: str

    @model_validator(mode="after")
    def _known_types(self) -> "RelationsFile":
        used = [("verbs", e.type) for e in self.verbs] + [("light_verbs", e.type) for e in self.light_verbs] \
            + [(f"nouns.{n}", e.type) for n, e in self.nouns.items()] \
            + [(f"adjectives.{a}", e.type) for a, e in self.adjectives.items()]
        for where, t in used:
            if t not in self.types:
                raise ValueError(f"{where}: unknown relation type {t!r}")
        return self


# -- what the stage uses -------------------------------------------------------------------------
@dataclass
class Rules:
    types: dict
    verbs: dict          # lemma (or "set up") -> entries
    light: list          # light-verb entries
    light_nouns: set
    nouns: dict          # noun -> {type, holder}
    noun_preps: set
    adjectives: dict
    support_kinds: dict  # word -> kind
    noun_modifiers: tuple = ("compound", "poss", "amod", "nmod")
    irrealis_aux: frozenset = frozenset()
    irrealis_heads: frozenset = frozenset()
    allegation_heads: frozenset = frozenset()
    #: pronoun -> what it stands for ("it", "they", "he")
    pronouns: dict = field(default_factory=dict)
    relative_pronouns: frozenset = frozenset()
    copulas: frozenset = frozenset()
    negators: frozenset = frozenset()
    particle_only_verbs: frozenset = frozenset()
    role_articles: tuple = ()
    agent_preposition: str = "by"
    name_preposition: str = "as"
    #: every verb of every light-verb entry
    light_verbs: frozenset = frozenset()
    raw: dict = field(repr=False, default_factory=dict)


def _validate(data) -> None:
    """Check a parsed ``relations.yaml`` (a ConfigError naming the field when it is broken)."""
    validate_data(data, RelationsFile, ORIGIN, stage="relations")


def _lower(words) -> frozenset:
    return frozenset(str(w).lower() for w in words or [])


def build_rules(data: dict) -> Rules:
    """The stage's rules of a parsed ``relations.yaml`` (validated first)."""
    model = validate_data(data, RelationsFile, ORIGIN, stage="relations")
    verbs: dict = {}
    for e in data.get("verbs", []):
        for lemma in e["lemmas"]:
            verbs.setdefault(str(lemma).lower(), []).append(e)
    light_nouns = {str(n).lower() for e in data.get("light_verbs", []) for n in e["nouns"]}
    kinds = {}
    for kind, words in (data.get("support_kinds") or {}).items():
        for w in words:
            kinds[str(w).lower()] = kind
    irrealis = data.get("irrealis") or {}
    pronouns = {str(w).lower(): cls for cls, words in model.pronouns.model_dump().items() for w in words}
    return Rules(types=data["types"], verbs=verbs, light=list(data.get("light_verbs", [])), light_nouns=light_nouns,
                 nouns={str(k).lower(): v for k, v in data.get("nouns", {}).items()},
                 noun_preps={str(p) for p in data.get("noun_preps", ["of"])},
                 adjectives={str(k).lower(): v for k, v in data.get("adjectives", {}).items()},
                 support_kinds=kinds, noun_modifiers=tuple(data.get("noun_modifiers", ("compound", "poss", "amod", "nmod"))),
                 irrealis_aux=_lower(irrealis.get("aux")), irrealis_heads=_lower(irrealis.get("heads")),
                 allegation_heads=_lower(irrealis.get("above")), pronouns=pronouns,
                 relative_pronouns=_lower(model.relative_pronouns), copulas=_lower(model.copulas),
                 negators=_lower(model.negators), particle_only_verbs=_lower(model.particle_only_verbs),
                 role_articles=tuple(str(w).lower() for w in model.role_articles),
                 agent_preposition=model.agent_preposition.lower(), name_preposition=model.name_preposition.lower(),
                 light_verbs=frozenset(w for x in data.get("light_verbs", []) for w in x["verbs"]), raw=data)


def rules() -> Rules:
    """The relation vocabulary and triggers of the package's ``data/relations.yaml``, read anew (the
    stage keeps them in its pipeline's resources as ``relations``)."""
    return build_rules(load_data("relations.yaml"))
