"""Generic agent words (``kb/data/agents.yaml``) and actor cue words (``kb/data/actor_cues.yaml``),
loaded and validated.

The loaders keep no cache of their own: a pipeline loads each file once through its
:class:`~sitrep.stages.resources.Resources` (``resources.get("agents", load_agents)``,
``resources.get("actor_cues", load_cues)``), so that a test or a user can give the actors stage other
word lists without touching process-wide state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..core.errors import KnowledgeBaseError
from ..lexicon import fill
from . import DATA_DIR, KINDS, load_yaml

AGENTS_FILE = DATA_DIR / "agents.yaml"
CUES_FILE = DATA_DIR / "actor_cues.yaml"
_SECTOR_RE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Agent:
    word: str              # lemma phrase; the last word is the head
    sector: str
    kind: str
    role: bool = False     # a title held by one person
    rank: bool = False     # a rank written before a name
    state: bool = False    # with a country, names that state's government itself

    @property
    def head(self) -> str:
        return self.word.split()[-1]

    @property
    def modifiers(self) -> tuple[str, ...]:
        return tuple(self.word.split()[:-1])


@dataclass(frozen=True)
class Agents:
    by_head: dict            # head lemma -> list[Agent] (longest phrase first)
    ranks: frozenset          # lower-cased rank tokens ("gen.", "lt.")

    def match(self, lemmas: list[str]) -> Optional[Agent]:
        """The agent whose phrase ends the lemma sequence ``lemmas`` (longest first)."""
        if not lemmas:
            return None
        for a in self.by_head.get(lemmas[-1], ()):
            mods = a.modifiers
            if not mods:
                return a
            if len(lemmas) - 1 >= len(mods) and tuple(lemmas[-1 - len(mods):-1]) == mods:
                return a
        return None


def load_agents(path: str | None = None) -> Agents:
    p = str(path or AGENTS_FILE)
    data = load_yaml(p)
    if not isinstance(data, list):
        raise KnowledgeBaseError("the agents file must be a YAML list", file=p, line=1)
    by_head: dict[str, list[Agent]] = {}
    ranks = set()
    seen = set()
    for m in data:
        line = getattr(m, "line", None)
        if not isinstance(m, dict):
            raise KnowledgeBaseError(f"each agent must be a mapping, got {m!r}", file=p, line=line)
        word, sector, kind = m.get("word"), m.get("sector"), m.get("kind")
        if not isinstance(word, str) or not word.strip():
            raise KnowledgeBaseError("missing or empty 'word'", file=p, line=line, field="word")
        if not isinstance(sector, str) or not _SECTOR_RE.match(sector):
            raise KnowledgeBaseError(f"bad sector {sector!r}", file=p, line=line, field="sector")
        if kind not in KINDS:
            raise KnowledgeBaseError(f"bad kind {kind!r}", file=p, line=line, field="kind")
        unknown = set(m) - {"word", "sector", "kind", "role", "rank", "state"}
        if unknown:
            raise KnowledgeBaseError(f"unknown field {sorted(unknown)[0]!r}", file=p, line=line,
                                     field=sorted(unknown)[0])
        w = " ".join(word.lower().split())
        if w in seen:
            raise KnowledgeBaseError(f"duplicate word {w!r}", file=p, line=line, field="word")
        seen.add(w)
        a = Agent(word=w, sector=sector, kind=kind, role=bool(m.get("role")), rank=bool(m.get("rank")),
                  state=bool(m.get("state")))
        if a.rank:
            ranks.add(w)
            continue
        by_head.setdefault(a.head, []).append(a)
    for lst in by_head.values():
        lst.sort(key=lambda a: -len(a.modifiers))
    return Agents(by_head=by_head, ranks=frozenset(ranks))


Words = frozenset[str]


class ActorCues(BaseModel):
    """``kb/data/actor_cues.yaml``: every list the actors stage and coreference read (see the file's
    comments for what each decides). Words are lower-cased; an unknown or missing key is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # metonymy: when a capital or seat of power acts, speaks or receives
    object_verbs: Words
    contact_verbs: Words
    contact_nouns: Words
    place_preps: Words
    place_nouns: Words
    place_subject_verbs: Words
    agent_preps: Words
    contact_preps: Words
    # place frames: "the town of X", "X province"
    place_frames: Words
    # generic agents
    agent_name_stop: Words
    agent_joiners: Words
    leader_words: Words
    agent_act_nouns: Words
    act_modifier_instruments: Words
    act_modifier_kinds: Words
    located_preps: Words
    belonging_preps: Words
    belonging_adjectives: Words
    member_heads: Words
    sector_names: dict[str, str]
    focus_sectors: Words
    focus_excluded: Words
    # coreference
    person_pronouns: Words
    thing_pronouns: Words
    group_nouns: Words
    description_kinds: dict[str, tuple[str, ...]]
    speech_verbs: Words
    expletive_verbs: Words
    # kinds of unknown names
    armed_group_words: Words
    media_words: Words
    party_words: Words
    igo_words: Words
    igo_names: Words
    portfolio_words: Words
    demonym_endings: tuple[str, ...]
    target_preps: Words
    # spans and persons
    trim_left: Words
    name_particles: Words

    @field_validator("*", mode="before")
    @classmethod
    def _words(cls, v: Any, info) -> Any:
        if info.field_name == "sector_names":
            if not isinstance(v, dict) or not all(isinstance(k, str) and isinstance(x, str) and x
                                                  for k, x in v.items()):
                raise ValueError("must map sector codes to names")
            return dict(v)
        if info.field_name == "description_kinds":
            if not isinstance(v, dict) or not all(
                    isinstance(k, str) and isinstance(x, list) and x and all(isinstance(y, str) for y in x)
                    for k, x in v.items()):
                raise ValueError("must map head nouns to lists of actor kinds")
            return {k.lower(): tuple(x) for k, x in v.items()}
        if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
            raise ValueError("must be a list of words")
        return [x.lower() for x in v]

    def __getitem__(self, key: str):
        """``cues["place_preps"]``: the mapping-style access older code used."""
        return getattr(self, key)

    @property
    def organisation_words(self) -> frozenset[str]:
        """Words that make a name an organisation's rather than a place's: armed group, media, group
        and party words ("the Northern Valley Brigades base" keeps its actor)."""
        return self.armed_group_words | self.media_words | self.group_nouns | self.party_words


def load_cues(path: str | None = None) -> ActorCues:
    """The actor cue lists of ``path`` (default: the package's ``actor_cues.yaml``), validated: an
    error names the file, the line and the list."""
    p = str(path or CUES_FILE)
    data = load_yaml(p)
    if not isinstance(data, dict):
        raise KnowledgeBaseError("the cues file must be a YAML mapping of lists", file=p, line=1)
    try:
        return ActorCues.model_validate(fill(dict(data), {
            "speech_verbs": ("speech_verbs", "actors"),
            "located_preps": ("place_prepositions", "actors_located"),
            "place_frames": ("place_frames", "actors")}))
    except ValidationError as err:
        e = err.errors()[0]
        key = str(e["loc"][0]) if e["loc"] else None
        line = data.line_of(key) if key and hasattr(data, "line_of") else 1
        msg = "missing list" if e["type"] == "missing" else e["msg"].removeprefix("Value error, ")
        raise KnowledgeBaseError(f"{msg} {key!r}" if e["type"] == "missing" else msg, file=p, line=line,
                                 field=key) from None


def language_cues(language: str, base: Optional[ActorCues] = None) -> ActorCues:
    """The actor cues for articles in ``language``: the English lists with the words of
    ``kb/data/lang/actor_cues_<language>.yaml`` added to the lists of the same names (the English
    cues themselves when there is no such file)."""
    base = base or load_cues()
    path = DATA_DIR / "lang" / f"actor_cues_{language}.yaml"
    if not path.is_file():
        return base
    data = load_yaml(str(path)) or {}
    if not isinstance(data, dict) or any(k not in ActorCues.model_fields or k == "sector_names" for k in data):
        raise KnowledgeBaseError("must map names of word lists of actor_cues.yaml to lists of words",
                                 file=str(path), line=1)
    update = {k: getattr(base, k) | frozenset(str(w).lower() for w in (v or ())) for k, v in data.items()}
    return base.model_copy(update=update)
