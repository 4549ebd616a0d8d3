"""The common result model of every evaluation suite, and its two renderings (Rich table, JSON).

A :class:`SuiteResult` is a list of :class:`Metric` figures (each with its numerator and denominator
when it is a ratio, so that "7/11" and "0.636" come from the same numbers), the key lines a person
reads first, optional details (what was missed, what was wrong) and an optional confusion matrix.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Optional


@dataclass
class Metric:
    """One figure. ``value`` is ``None`` when it is undefined (a precision over zero predictions)."""

    name: str
    value: Optional[float]
    numerator: Optional[float] = None
    denominator: Optional[float] = None
    #: "ratio" (0..1, shown with its fraction), "count" (an integer; lower may be better), "km", "float"
    kind: str = "ratio"
    #: True when a larger value is better (what the quality gate checks); False for error counts.
    higher_is_better: bool = True
    note: str = ""

    def display(self) -> str:
        if self.value is None:
            extra = f" ({_num(self.numerator)}/{_num(self.denominator)})" if self.denominator is not None else ""
            return "n/a" + extra
        if self.kind == "ratio":
            if self.denominator is not None:
                return f"{self.value:.3f} ({_num(self.numerator)}/{_num(self.denominator)})"
            return f"{self.value:.3f}"
        if self.kind == "count":
            return _num(self.value)
        if self.kind == "km":
            return f"{self.value:.1f} km"
        return f"{self.value:.3f}"


def _num(x: Optional[float]) -> str:
    if x is None:
        return "-"
    return str(int(x)) if float(x).is_integer() else f"{x:.2f}"


def ratio(name: str, num: float, den: float, *, note: str = "", higher_is_better: bool = True) -> Metric:
    """A ratio figure; undefined (``None``) when the denominator is zero."""
    return Metric(name=name, value=(num / den) if den else None, numerator=num, denominator=den,
                  kind="ratio", note=note, higher_is_better=higher_is_better)


def count(name: str, n: float, *, note: str = "", higher_is_better: bool = False) -> Metric:
    return Metric(name=name, value=float(n), kind="count", note=note, higher_is_better=higher_is_better)


def prf(prefix: str, tp_pred: float, n_pred: float, tp_gold: float, n_gold: float, *, note: str = "") -> list[Metric]:
    """Precision, recall and F1. ``tp_pred`` predictions were right out of ``n_pred``; ``tp_gold`` gold
    items were found out of ``n_gold`` (the two differ when matching is not one-to-one)."""
    p = ratio(f"{prefix} precision", tp_pred, n_pred, note=note)
    r = ratio(f"{prefix} recall", tp_gold, n_gold, note=note)
    if p.value is None or r.value is None or (p.value + r.value) == 0:
        f1 = 0.0 if (p.value is not None and r.value is not None) else None
    else:
        f1 = 2 * p.value * r.value / (p.value + r.value)
    return [p, r, Metric(name=f"{prefix} F1", value=f1, kind="float", note=note)]


@dataclass
class SuiteResult:
    suite: str
    data: str
    command: str = ""
    items: int = 0            # gold items read (articles, sentences)
    failures: int = 0         # articles the pipeline could not process
    seconds: float = 0.0
    metrics: list[Metric] = field(default_factory=list)
    key_lines: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    confusion: Optional[dict[str, dict[str, int]]] = None

    def metric(self, name: str) -> Metric:
        for m in self.metrics:
            if m.name == name:
                return m
        raise KeyError(name)

    def figures(self) -> dict[str, Optional[float]]:
        return {m.name: m.value for m in self.metrics}

    # -- JSON ---------------------------------------------------------------------------------
    def to_dict(self, *, confusion: bool = True) -> dict:
        d = asdict(self)
        if not confusion:
            d.pop("confusion", None)
        d["figures"] = self.figures()
        return d

    def to_json(self, **kw) -> str:
        return json.dumps(self.to_dict(**kw), indent=2, ensure_ascii=False, default=str)

    @classmethod
    def from_dict(cls, d: dict) -> "SuiteResult":
        d = dict(d)
        d.pop("figures", None)
        d["metrics"] = [Metric(**m) for m in d.get("metrics", [])]
        return cls(**d)

    # -- Rich -----------------------------------------------------------------------------------
    def render(self, console=None, *, confusion: bool = False, details: bool = False) -> None:
        from rich.console import Console
        from rich.table import Table

        console = console or Console()
        table = Table(title=f"sitrep eval {self.suite}  ({self.items} items, {self.seconds:.1f} s)",
                      title_justify="left")
        table.add_column("figure")
        table.add_column("value", justify="right")
        table.add_column("note", style="dim")
        for m in self.metrics:
            table.add_row(m.name, m.display(), m.note)
        console.print(table)
        if confusion and self.confusion:
            console.print(confusion_table(self.confusion), highlight=False, markup=False, soft_wrap=True)
        if self.failures:
            console.print(f"[yellow]{self.failures} article(s) failed in the pipeline[/yellow]")
            for line in (self.details.get("pipeline failures") or [])[:3]:
                console.print(f"  {line}", highlight=False, markup=False, soft_wrap=True)
        if details:
            for key, items in self.details.items():
                if not items or key == "pipeline failures" or not isinstance(items, list):
                    continue
                console.print(f"{key}:", highlight=False, markup=False)
                for item in items[:12]:
                    text = item if isinstance(item, str) else "; ".join(f"{k}={v}" for k, v in item.items())
                    console.print(f"  - {text}", highlight=False, markup=False, soft_wrap=True)
                if len(items) > 12:
                    console.print(f"  ... and {len(items) - 12} more", highlight=False, markup=False)
        for line in self.key_lines:
            console.print(line, highlight=False, markup=False, soft_wrap=True)


ABBREV = {"AGREE": "AGR", "CONSULT": "CNS", "SUPPORT": "SUP", "CONCEDE": "CNC", "COOPERATE": "COO", "AID": "AID",
          "RETREAT": "RET", "REQUEST": "REQ", "ACCUSE": "ACC", "REJECT": "REJ", "THREATEN": "THR", "PROTEST": "PRO",
          "SANCTION": "SAN", "MOBILIZE": "MOB", "COERCE": "COE", "ASSAULT": "ASL", "none": "-"}


def confusion_table(matrix: dict[str, dict[str, int]]) -> str:
    """The confusion matrix as fixed-width text: gold (rows) against predicted (columns, abbreviated)."""
    cols = sorted({p for row in matrix.values() for p in row}, key=lambda c: (c == "none", c))
    w = max(4, *(len(str(n)) + 1 for row in matrix.values() for n in row.values()))
    lines = ["confusion: gold (rows) x predicted (columns; - = no event)",
             f"{'gold':<10}" + "".join(f"{ABBREV.get(c, c[:3]):>{w}}" for c in cols)]
    for g in sorted(matrix):
        row = matrix[g]
        lines.append(f"{g:<10}" + "".join(f"{(row.get(c) or '.'):>{w}}" for c in cols))
    return "\n".join(lines)
