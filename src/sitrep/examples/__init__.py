"""The bundled example articles: original texts written for sitrep's demo and tests.

``index.json`` gives each file's publication date, source and headline.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..core.article import Article


def example_dir() -> Path:
    return Path(__file__).resolve().parent


def example_articles() -> list[Article]:
    """The example articles, in file order, with their publication dates and sources."""
    d = example_dir()
    index = json.loads((d / "index.json").read_text(encoding="utf-8"))
    out = []
    for name in sorted(index):
        meta = index[name]
        out.append(Article(text=(d / name).read_text(encoding="utf-8"), title=meta.get("title"),
                           source=meta.get("source"), published=meta.get("published"), origin=str(d / name)))
    return out
