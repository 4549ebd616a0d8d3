"""The actor knowledge base (placeholder interface; the actors issue fills it).

``load_kb(paths)`` returns the package's KB merged with the user's files, loaded once per process.
"""

from __future__ import annotations

from functools import lru_cache


class KnowledgeBase:
    def __init__(self) -> None:
        self.entries: dict[str, dict] = {}

    def entity_patterns(self) -> list[dict]:
        """Patterns for spaCy's entity ruler (label + pattern + id)."""
        return []


@lru_cache(maxsize=8)
def load_kb(paths: tuple[str, ...] = ()) -> KnowledgeBase:
    return KnowledgeBase()
