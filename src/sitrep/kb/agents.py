"""Generic agent words (``kb/data/agents.yaml``) and actor cue words (``kb/data/actor_cues.yaml``),
loaded and validated once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..errors import KnowledgeBaseError
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


@lru_cache(maxsize=2)
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


@lru_cache(maxsize=2)
def load_cues(path: str | None = None) -> dict[str, frozenset]:
    p = str(path or CUES_FILE)
    data = load_yaml(p)
    if not isinstance(data, dict):
        raise KnowledgeBaseError("the cues file must be a YAML mapping of lists", file=p, line=1)
    out = {}
    for k, v in data.items():
        if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
            raise KnowledgeBaseError("must be a list of words", file=p, line=data.line_of(k), field=k)
        out[k] = frozenset(x.lower() for x in v)
    need = {"object_verbs", "contact_verbs", "contact_nouns", "place_preps", "place_nouns",
            "place_subject_verbs", "place_frames", "person_pronouns", "thing_pronouns", "group_nouns", "speech_verbs"}
    missing = need - set(out)
    if missing:
        raise KnowledgeBaseError(f"missing list {sorted(missing)[0]!r}", file=p, line=1, field=sorted(missing)[0])
    return out
