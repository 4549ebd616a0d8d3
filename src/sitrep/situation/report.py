"""The situation report for people: :func:`~sitrep.situation.queries.report_content` rendered with Rich.

Each fact carries a short evidence snippet and the article it came from. The layout follows the
terminal's width: from :data:`WIDE` columns on, facts are table rows with their evidence in a column;
below it (an 80-column terminal), each fact is one line of what, who and where, with its evidence on its
own indented line under it, so no cell is ever wrapped down to a word per line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Optional

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .queries import report_content

if TYPE_CHECKING:
    from .store import Store

#: from this many columns on, evidence sits in a table column; below it, on its own line
WIDE = 120


def snippet(text: Optional[str], width: int = 110) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def narrow(console: Console) -> bool:
    return console.width < WIDE


def blocks(title: str, items: Iterable[tuple[str, Optional[str]]], width: int) -> RenderableType:
    """A titled list for a narrow terminal: each item a heading line, its evidence indented under it."""
    parts: list[RenderableType] = [Text(title, style="italic")]
    for head, evidence in items:
        parts.append(Text(head, style="bold", overflow="fold"))
        if evidence:
            parts.append(Padding(Text(snippet(evidence, max(40, 2 * width - 8)), style="dim"), (0, 0, 0, 4)))
    if len(parts) == 1:
        parts.append(Text("(none)", style="dim"))
    return Group(*parts, Text(""))


def print_report(store: Store, console: Optional[Console] = None, *, since: Optional[str] = None,
                 until: Optional[str] = None, limit: int = 15) -> dict:
    """Render :func:`~sitrep.situation.queries.report_content` with Rich; returns the data it rendered."""
    console = console or Console()
    data = report_content(store, since=since, until=until, limit=limit)
    a = data["articles"]
    console.print(Panel.fit(
        f"[bold]Situation report[/bold]  {a['count']} articles from {a['sources']} sources, "
        f"{a['first'] or '?'} to {a['last'] or '?'}", border_style="cyan"))
    sections: list[Callable[[dict, Console], RenderableType]] = [_actors, _events, _quotes, _claims]
    for section in sections:
        console.print(section(data, console))
    if data["contradictions"]:
        console.print(_contradictions(data, console))
    else:
        console.print("[dim]No contradictions found.[/dim]")
    if data["failures"]:
        console.print(f"[yellow]{data['failures']} input(s) could not be processed; see the failures table.[/yellow]")
    return data


def _actors(data: dict, console: Console) -> Table:
    t = Table(title="Actors that matter most", title_justify="left", show_lines=False)
    cols = ("actor", "kind", "country", "articles", "mentions") if narrow(console) else \
        ("actor", "kind", "country", "sector", "articles", "mentions")
    for col in cols:
        t.add_column(col, justify="right" if col in ("articles", "mentions") else "left")
    for r in data["actors"]:
        values = {"actor": r["name"], "kind": r["kind"] or "", "country": r["country"] or "", "sector": r["sector"] or "",
                  "articles": str(r["articles"]), "mentions": str(r["mentions"] or 0)}
        t.add_row(*[values[c] for c in cols])
    return t


def _event_kind(r: dict) -> str:
    kind = r["type"] + (f"/{r['mode']}" if r["mode"] else "")
    if r["modality"] not in ("asserted", None):
        kind += f" ({r['modality']})"
    return kind


def _events(data: dict, console: Console) -> RenderableType:
    if narrow(console):
        return blocks("Events on a timeline", (
            (f"{r['date'] or '?'}  {_event_kind(r)}  {r['source'] or '-'} → {r['target'] or '-'}"
             + (f" in {r['place']}" if r["place"] else "") + (f"  ({r['outlet']})" if r["outlet"] else ""),
             r["evidence"]) for r in data["events"]), console.width)
    t = Table(title="Events on a timeline", title_justify="left", show_lines=False)
    for col in ("date", "event", "who", "whom", "where", "evidence", "source"):
        t.add_column(col, overflow="fold", no_wrap=col == "date", ratio=4 if col == "evidence" else None)
    for r in data["events"]:
        t.add_row(r["date"] or "?", _event_kind(r), r["source"] or "-", r["target"] or "-", r["place"] or "",
                  snippet(r["evidence"], 90), r["outlet"] or "")
    return t


def _quotes(data: dict, console: Console) -> RenderableType:
    if narrow(console):
        return blocks("Quotes", ((f"{r['speaker']}  ({r['outlet'] or ''} {r['published'] or ''})".replace("( ", "(")
                                  .replace(" )", ")"), f"“{r['text']}”") for r in data["quotes"]), console.width)
    t = Table(title="Quotes", title_justify="left")
    for col in ("speaker", "quote", "source"):
        t.add_column(col, overflow="fold", ratio=4 if col == "quote" else None)
    for r in data["quotes"]:
        t.add_row(r["speaker"], f"“{snippet(r['text'], 120)}”", f"{r['outlet'] or ''} {r['published'] or ''}")
    return t


def _value(r: dict) -> str:
    value = f"{r['value']:,.0f}" + (f"–{r['value_max']:,.0f}" if r["value_max"] else "")
    return "~" + value if r["approx"] else value


def _claims(data: dict, console: Console) -> RenderableType:
    if narrow(console):
        return blocks("Claims", ((f"{r['subject'] or '?'}: {r['property']} {_value(r)}  "
                                  f"({r['outlet'] or ''} {r['published'] or ''})", r["evidence"])
                                 for r in data["claims"]), console.width)
    t = Table(title="Claims", title_justify="left")
    for col in ("subject", "property", "value", "evidence", "source"):
        t.add_column(col, overflow="fold", ratio=4 if col == "evidence" else None)
    for r in data["claims"]:
        t.add_row(r["subject"] or "", r["property"], _value(r), snippet(r["evidence"], 80),
                  f"{r['outlet'] or ''} {r['published'] or ''}")
    return t


def _contradictions(data: dict, console: Console) -> RenderableType:
    if narrow(console):
        return blocks("Contradictions", ((f"{r['reason']}  ({r['outlet'] or ''})",
                                          f"one says: {r['claim_a']} / another says: {r['claim_b']}")
                                         for r in data["contradictions"]), console.width)
    t = Table(title="Contradictions", title_justify="left")
    for col in ("reason", "one says", "another says", "source"):
        t.add_column(col, overflow="fold")
    for r in data["contradictions"]:
        t.add_row(r["reason"], snippet(r["claim_a"], 60), snippet(r["claim_b"], 60), r["outlet"] or "")
    return t
