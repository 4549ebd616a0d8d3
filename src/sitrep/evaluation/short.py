"""The ``short`` suite: sitrep's short-report set (``eval/short``: authored, not real, one- to
three-sentence conflict-monitor notes and one-sentence news snippets, each with the PLOVER types a reader
accepts for it; ``eval/short/FORMAT.md``), scored on one of its splits (``dev``, two thirds; ``held``,
the third kept back; ``all``).

Each item is processed as one article. Its **top event** is the document's event with the highest
confidence (ties: the first in order); no event gives the type ``none``. The figures:

- **top event type acceptable**: the top type is one of the item's gold ``types`` (``none`` is right only
  when the gold is ``none``), over all items and per style (``monitor``, ``snippet``);
- **top type weighted F1**: F1 of the top type against the primary gold type (the first of ``types``),
  per class (``none`` included) and averaged with the classes' gold counts as weights, over all items and
  per style;
- **no event rate**: items with no event at all, over all items and over the items whose gold has one;
- **any event type acceptable**: some event of the document (not only the top one) has a gold type;
- **recall TYPE**: per primary gold type, the share of its items whose top type is that type.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..core.article import Article
from ..core.contract import PLOVER_TYPES, Document
from ..core.errors import EvalDataError
from .matching import run_pipeline
from .plover import top_event
from .results import Metric, SuiteResult, ratio

SPLITS = ("dev", "held", "all")
STYLES = ("monitor", "snippet")
NONE = "none"
ITEMS_FILE = "items.jsonl"


@dataclass
class ShortItem:
    """One short report with the types a reader accepts for it (the first is the primary)."""

    id: str
    text: str
    types: list[str]
    style: str = "snippet"
    region: Optional[str] = None
    published: Optional[str] = None

    @property
    def primary(self) -> str:
        return self.types[0]

    def article(self) -> Article:
        return Article(text=self.text, id=self.id, published=self.published)


@dataclass
class Prediction:
    """What the pipeline gave for one item: the top event's type (``none`` without events) and every
    event type in order, with its confidence."""

    top: str
    events: list[tuple[str, float]] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Optional[Document]) -> "Prediction":
        ev = top_event(doc)
        events = [(e.type, round(e.confidence, 3)) for e in (doc.events if doc is not None else [])]
        return cls(top=ev.type if ev is not None else NONE, events=events)


# -- the gold ---------------------------------------------------------------------------------------

def _item(rec: object, where: str) -> ShortItem:
    """One record of ``items.jsonl`` checked and read."""
    if not isinstance(rec, dict) or not rec.get("id") or not rec.get("text"):
        raise EvalDataError(f"{where}: each item needs 'id' and 'text'")
    types = rec.get("types")
    if not isinstance(types, list) or not types:
        raise EvalDataError(f"{where}: item {rec['id']} needs a non-empty 'types' list")
    bad = [t for t in types if t != NONE and t not in PLOVER_TYPES]
    if bad:
        raise EvalDataError(f"{where}: item {rec['id']} has unknown types {bad}")
    if NONE in types and len(types) > 1:
        raise EvalDataError(f"{where}: item {rec['id']}: 'none' stands alone")
    style = rec.get("style") or "snippet"
    if style not in STYLES:
        raise EvalDataError(f"{where}: item {rec['id']} has style {style!r}; styles: {', '.join(STYLES)}")
    return ShortItem(id=str(rec["id"]), text=rec["text"], types=list(types), style=style,
                     region=rec.get("region"), published=rec.get("published"))


def read_items(path: Path) -> list[ShortItem]:
    """Every item of an ``items.jsonl`` file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvalDataError(f"cannot read {path.name}: {err}", path=str(path)) from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as err:
            raise EvalDataError(f"{path.name}:{n}: not JSON ({err})", path=str(path)) from None
        out.append(_item(rec, f"{path.name}:{n}"))
    return out


def load_items(root: str | Path, *, split: str = "dev", limit: Optional[int] = None) -> list[ShortItem]:
    """The items of ``split`` under ``root`` (the ``eval/short`` folder, or an ``items.jsonl`` file whose
    folder may hold ``splits.json``)."""
    root = Path(root)
    if split not in SPLITS:
        raise EvalDataError(f"unknown split {split!r}; splits: {', '.join(SPLITS)}", path=str(root))
    path = root if root.is_file() else root / ITEMS_FILE
    if not path.is_file():
        raise EvalDataError(f"no {ITEMS_FILE} in the short-report set", path=str(root))
    items = read_items(path)
    if split != "all":
        spath = path.parent / "splits.json"
        if not spath.is_file():
            raise EvalDataError("splits.json is missing; use --split all", path=str(spath))
        try:
            wanted = set(json.loads(spath.read_text(encoding="utf-8"))[split])
        except (OSError, ValueError, KeyError) as err:
            raise EvalDataError(f"splits.json has no usable split {split!r} ({err})", path=str(spath)) from None
        items = [it for it in items if it.id in wanted]
    return items[:limit] if limit else items


# -- scoring ----------------------------------------------------------------------------------------

def acceptable(item: ShortItem, pred: str) -> bool:
    """The predicted top type is one the gold accepts (``none`` only for a ``none`` item)."""
    return pred in item.types


def weighted_f1(gold: list[str], pred: list[str]) -> Optional[float]:
    """F1 per gold class (``none`` included), averaged with the classes' gold counts as weights; a class
    only predicted weighs nothing but its false positives still lower the others' precision."""
    if not gold:
        return None
    support = Counter(gold)
    predicted = Counter(pred)
    hits = Counter(g for g, p in zip(gold, pred) if g == p)
    total = 0.0
    for cls, n in support.items():
        p = hits[cls] / predicted[cls] if predicted[cls] else 0.0
        r = hits[cls] / n
        total += n * (2 * p * r / (p + r) if p + r else 0.0)
    return total / len(gold)


def _group_metrics(label: str, items: list[ShortItem], preds: list[Prediction]) -> list[Metric]:
    ok = sum(acceptable(it, p.top) for it, p in zip(items, preds))
    f1 = weighted_f1([it.primary for it in items], [p.top for p in preds])
    return [ratio(f"top event type acceptable{label}", ok, len(items), note="highest-confidence event"),
            Metric(name=f"top type weighted F1{label}", value=f1, kind="float",
                   note="against the primary type; classes weighted by gold count, none included")]


def score_short(items: list[ShortItem], preds: list[Prediction], *, data: str = "") -> SuiteResult:
    """Score the predictions (one per item, in order) against the items' gold types."""
    if len(items) != len(preds):
        raise EvalDataError(f"{len(preds)} predictions for {len(items)} items")
    n = len(items)
    metrics = _group_metrics("", items, preds)
    events = [(it, p) for it, p in zip(items, preds) if it.primary != NONE]
    metrics += [
        ratio("no event rate", sum(p.top == NONE for p in preds), n, higher_is_better=False,
              note="items with no event at all"),
        ratio("no event where gold has one", sum(p.top == NONE for _, p in events), len(events),
              higher_is_better=False, note="the commonest miss"),
        ratio("any event type acceptable", sum(any(t in it.types for t, _ in p.events) or p.top in it.types
                                               for it, p in zip(items, preds)), n,
              note="some event of the item has a gold type"),
    ]
    for style in STYLES:
        pairs = [(it, p) for it, p in zip(items, preds) if it.style == style]
        if pairs:
            metrics += _group_metrics(f" ({style})", [it for it, _ in pairs], [p for _, p in pairs])
    confusion: dict[str, dict[str, int]] = {}
    per_type: dict[str, list[int]] = {}
    wrong: list[dict] = []
    for it, p in zip(items, preds):
        row = confusion.setdefault(it.primary, {})
        row[p.top] = row.get(p.top, 0) + 1
        tally = per_type.setdefault(it.primary, [0, 0])
        tally[0] += p.top == it.primary
        tally[1] += 1
        if not acceptable(it, p.top):
            wrong.append({"id": it.id, "gold": "/".join(it.types), "top": p.top,
                          "events": " ".join(f"{t}:{c}" for t, c in p.events) or "-", "text": it.text})
    for typ in (*PLOVER_TYPES, NONE):
        if typ in per_type:
            found, total = per_type[typ]
            metrics.append(ratio(f"recall {typ}", found, total, note="top type = primary type"))
    result = SuiteResult(suite="short", data=data, items=n, metrics=metrics, confusion=confusion,
                         details={"wrong top type": wrong})
    return result


def key_lines(r: SuiteResult, split: str) -> list[str]:
    """The two figures issue #14 measures on short reports, and the no-event rate."""
    def show(name: str) -> str:
        try:
            return r.metric(name).display()
        except KeyError:
            return "n/a"

    return [f"short ({split}): top event type acceptable {show('top event type acceptable')} "
            f"(monitor notes {show('top event type acceptable (monitor)')})",
            f"top type weighted F1 {show('top type weighted F1')} "
            f"(news snippets {show('top type weighted F1 (snippet)')})",
            f"no event where gold has one {show('no event where gold has one')}"]


def evaluate_short(path: str | Path, *, pipeline=None, limit: Optional[int] = None,
                   split: str = "dev") -> SuiteResult:
    """Run the pipeline over the short-report set's ``split`` and score the top event of each item."""
    items = load_items(path, split=split, limit=limit)
    if not items:
        raise EvalDataError(f"no items in split {split!r}", path=str(path))
    t0 = time.perf_counter()
    docs, failures, _ = run_pipeline([it.article() for it in items], pipeline=pipeline)
    result = score_short(items, [Prediction.of(d) for d in docs], data=str(path))
    result.metrics.insert(0, Metric(name="items", value=float(len(items)), kind="count", higher_is_better=True,
                                    note=f"split {split}"))
    result.failures = len(failures)
    result.details["pipeline failures"] = failures[:20]
    result.seconds = time.perf_counter() - t0
    result.key_lines = key_lines(result, split)
    return result
