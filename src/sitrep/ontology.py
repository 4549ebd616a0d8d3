"""The PLOVER 2.0 ontology: event types, their modes, the general contexts and the CAMEO code of
each type and mode, loaded once per process from ``sitrep/data/plover.yaml``.

    >>> from sitrep.ontology import load_ontology
    >>> onto = load_ontology()
    >>> onto.cameo("ASSAULT", "aerial")
    '195'
    >>> onto.is_mode("CONSULT", "phone")
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional


from .core.contract import MODALITIES, PLOVER_TYPES
from .core.errors import ConfigError
from .core.datafiles import load_data

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True)
class Mode:
    name: str
    definition: str
    cameo: Optional[str]


@dataclass(frozen=True)
class EventType:
    name: str
    definition: str
    quad: str
    requires_target: bool
    cameo: Optional[str]
    modes: dict[str, Mode] = field(default_factory=dict)


@dataclass(frozen=True)
class Ontology:
    version: str
    types: dict[str, EventType]
    contexts: dict[str, str]
    auxiliary: dict[str, str]

    def type(self, name: str) -> EventType:
        try:
            return self.types[name]
        except KeyError:
            raise ConfigError(f"unknown PLOVER event type {name!r}; known: {', '.join(self.types)}") from None

    def is_type(self, name: str) -> bool:
        return name in self.types

    def is_mode(self, type_name: str, mode: Optional[str]) -> bool:
        return mode is None or (type_name in self.types and mode in self.types[type_name].modes)

    def is_context(self, name: str) -> bool:
        return name in self.contexts

    def modes(self, type_name: str) -> list[str]:
        return list(self.type(type_name).modes)

    def cameo(self, type_name: str, mode: Optional[str] = None) -> Optional[str]:
        """The CAMEO code for a type (and mode, when the mode has its own code)."""
        t = self.type(type_name)
        if mode and mode in t.modes and t.modes[mode].cameo:
            return t.modes[mode].cameo
        return t.cameo

    def quad(self, type_name: str) -> str:
        return self.type(type_name).quad


def _fail(msg: str, where: str) -> ConfigError:
    return ConfigError(f"{where}: {msg}")


def parse_ontology(data: dict, where: str = "plover.yaml") -> Ontology:
    """Validate the raw YAML mapping and build the :class:`Ontology`."""
    if not isinstance(data, dict) or "types" not in data:
        raise _fail("expected a mapping with 'types', 'contexts' and 'auxiliary'", where)
    raw_types = data.get("types") or {}
    missing = [t for t in PLOVER_TYPES if t not in raw_types]
    extra = [t for t in raw_types if t not in PLOVER_TYPES]
    if missing or extra:
        raise _fail(f"types must be exactly the 16 PLOVER types (missing {missing}, unknown {extra})", where)
    types: dict[str, EventType] = {}
    for name in PLOVER_TYPES:
        raw = raw_types[name] or {}
        for key in ("definition", "quad", "cameo"):
            if key not in raw:
                raise _fail(f"type {name} lacks '{key}'", where)
        if raw["quad"] not in QUADS:
            raise _fail(f"type {name}: quad {raw['quad']!r} is not one of {QUADS}", where)
        modes = {}
        for mname, mraw in (raw.get("modes") or {}).items():
            if not isinstance(mraw, dict) or not mraw.get("definition"):
                raise _fail(f"mode {name}/{mname} needs a definition", where)
            code = mraw.get("cameo")
            modes[str(mname)] = Mode(str(mname), str(mraw["definition"]).strip(),
                                     str(code) if code is not None else None)
        types[name] = EventType(name, str(raw["definition"]).strip(), raw["quad"],
                                bool(raw.get("requires_target", False)),
                                str(raw["cameo"]) if raw["cameo"] is not None else None, modes)
    contexts = {str(k): str(v) for k, v in (data.get("contexts") or {}).items()}
    if not contexts:
        raise _fail("no contexts defined", where)
    auxiliary = {str(k): str(v) for k, v in (data.get("auxiliary") or {}).items()}
    if set(auxiliary) != set(MODALITIES):
        raise _fail(f"auxiliary must define exactly {MODALITIES}", where)
    return Ontology(version=str(data.get("version", "")), types=types, contexts=contexts, auxiliary=auxiliary)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The package's PLOVER ontology, parsed and validated once per process."""
    return parse_ontology(load_data("plover.yaml"))
