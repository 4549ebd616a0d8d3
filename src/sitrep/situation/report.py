"""The situation report for people: :func:`~sitrep.situation.queries.report_content` rendered with Rich.

Each fact carries a short evidence snippet and the article it came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from .queries import report_content

if TYPE_CHECKING:
    from .store import Store


def snippet(text: Optional[str], width: int = 110) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def print_report(store: Store, console: Optional[Console] = None, *, since: Optional[str] = None,
                 until: Optional[str] = None, limit: int = 15) -> dict:
    """Render :func:`~sitrep.situation.queries.report_content` with Rich; returns the data it rendered."""
    console = console or Console()
    data = report_content(store, since=since, until=until, limit=limit)
    a = data["articles"]
    console.print(Panel.fit(
        f"[bold]Situation report[/bold]  {a['count']} articles from {a['sources']} sources, "
        f"{a['first'] or '?'} to {a['last'] or '?'}", border_style="cyan"))
    for section in (_actors, _events, _quotes, _claims):
        console.print(section(data))
    if data["contradictions"]:
        console.print(_contradictions(data))
    else:
        console.print("[dim]No contradictions found.[/dim]")
    if data["failures"]:
        console.print(f"[yellow]{data['failures']} input(s) could not be processed; see the failures table.[/yellow]")
    return data


def _actors(data: dict) -> Table:
    t = Table(title="Actors that matter most", title_justify="left", show_lines=False)
    for col in ("actor", "kind", "country", "sector", "articles", "mentions"):
        t.add_column(col, justify="right" if col in ("articles", "mentions") else "left")
    for r in data["actors"]:
        t.add_row(r["name"], r["kind"] or "", r["country"] or "", r["sector"] or "", str(r["articles"]),
                  str(r["mentions"] or 0))
    return t


def _events(data: dict) -> Table:
    t = Table(title="Events on a timeline", title_justify="left", show_lines=False)
    for col in ("date", "event", "who", "whom", "where", "evidence", "source"):
        t.add_column(col, overflow="fold")
    for r in data["events"]:
        kind = r["type"] + (f"/{r['mode']}" if r["mode"] else "")
        if r["modality"] not in ("asserted", None):
            kind += f" ({r['modality']})"
        t.add_row(r["date"] or "?", kind, r["source"] or "-", r["target"] or "-", r["place"] or "",
                  snippet(r["evidence"], 90), r["outlet"] or "")
    return t


def _quotes(data: dict) -> Table:
    t = Table(title="Quotes", title_justify="left")
    for col in ("speaker", "quote", "source"):
        t.add_column(col, overflow="fold")
    for r in data["quotes"]:
        t.add_row(r["speaker"], f"“{snippet(r['text'], 120)}”", f"{r['outlet'] or ''} {r['published'] or ''}")
    return t


def _claims(data: dict) -> Table:
    t = Table(title="Claims", title_justify="left")
    for col in ("subject", "property", "value", "evidence", "source"):
        t.add_column(col, overflow="fold")
    for r in data["claims"]:
        value = f"{r['value']:,.0f}" + (f"–{r['value_max']:,.0f}" if r["value_max"] else "")
        if r["approx"]:
            value = "~" + value
        t.add_row(r["subject"] or "", r["property"], value, snippet(r["evidence"], 80),
                  f"{r['outlet'] or ''} {r['published'] or ''}")
    return t


def _contradictions(data: dict) -> Table:
    t = Table(title="Contradictions", title_justify="left")
    for col in ("reason", "one says", "another says", "source"):
        t.add_column(col, overflow="fold")
    for r in data["contradictions"]:
        t.add_row(r["reason"], snippet(r["claim_a"], 60), snippet(r["claim_b"], 60), r["outlet"] or "")
    return t
