"""The situation report: what the store knows, for people (Rich) and machines (a dict).

Each fact carries a short evidence snippet and the article it came from.
"""

from __future__ import annotations

from typing import Optional

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from .dbutil import period
from .store import Store


def snippet(text: Optional[str], width: int = 110) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def situation(store: Store, *, since: Optional[str] = None, until: Optional[str] = None,
              limit: int = 15) -> dict:
    """The report's content as plain data (the CLI, the API and the dashboard render it)."""
    con = store.con
    conds, params = period("a.published", since, until)
    where = " AND ".join(conds) or "TRUE"
    arts = con.execute(f"""SELECT count(*), min(published), max(published), count(DISTINCT source)
                           FROM articles a WHERE {where}""", params).fetchone()
    actors = con.execute(f"""
        SELECT any_value(x.name) AS name, any_value(x.kind), any_value(x.country), any_value(x.sector),
               count(DISTINCT x.article_id) AS n_articles, sum(json_array_length(x.mentions)) AS n_mentions
        FROM actors x JOIN articles a ON a.id = x.article_id
        WHERE {where} AND x.kind <> 'media'
        GROUP BY coalesce(x.kb_id, lower(x.name))
        ORDER BY n_articles DESC, n_mentions DESC, name LIMIT ?""", params + [limit]).fetchall()
    events = con.execute(f"""
        SELECT coalesce(e.date, CAST(a.published AS VARCHAR)) AS day, e.type, e.mode,
               coalesce(sa.name, e.source_text), coalesce(ta.name, e.target_text), p.name, e.sentence_text,
               a.source, e.negated, e.modality, e.confidence
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.location
        LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.actor_id = e.source_actor
        LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.actor_id = e.target_actor
        WHERE {where} AND NOT e.negated AND e.modality <> 'historical'
        ORDER BY day NULLS LAST, e.confidence DESC LIMIT ?""", params + [limit * 3]).fetchall()
    quotes = con.execute(f"""
        SELECT coalesce(sp.name, q.speaker_text, '(unattributed)'), q.text, a.source, CAST(a.published AS VARCHAR)
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN actors sp ON sp.article_id = q.article_id AND sp.actor_id = q.speaker_actor
        WHERE {where} AND q.kind <> 'indirect'
        ORDER BY a.published, q.start_offset LIMIT ?""", params + [limit]).fetchall()
    claims = con.execute(f"""
        SELECT coalesce(sa.name, c.subject_text), c.property, c.value, c.value_max, c.approx, c.unit, c.text, a.source,
               CAST(a.published AS VARCHAR), c.article_id, c.claim_id
        FROM claims c JOIN articles a ON a.id = c.article_id
        LEFT JOIN actors sa ON sa.article_id = c.article_id AND sa.actor_id = c.subject_actor
        WHERE {where} ORDER BY a.published, c.start_offset LIMIT ?""", params + [limit * 2]).fetchall()
    contradictions = con.execute(f"""
        SELECT x.reason, ca.text, cb.text, a.source
        FROM contradictions x JOIN articles a ON a.id = x.article_id
        LEFT JOIN claims ca ON ca.article_id = x.article_id AND ca.claim_id = x.claim_a
        LEFT JOIN claims cb ON cb.article_id = x.article_id AND cb.claim_id = x.claim_b
        WHERE {where}""", params).fetchall()
    failures = con.execute("SELECT count(*) FROM failures").fetchone()[0]
    return {
        "articles": {"count": arts[0], "first": str(arts[1]) if arts[1] else None,
                     "last": str(arts[2]) if arts[2] else None, "sources": arts[3]},
        "actors": [dict(zip(("name", "kind", "country", "sector", "articles", "mentions"), r)) for r in actors],
        "events": [dict(zip(("date", "type", "mode", "source", "target", "place", "evidence", "outlet",
                             "negated", "modality", "confidence"), r)) for r in events],
        "quotes": [dict(zip(("speaker", "text", "outlet", "published"), r)) for r in quotes],
        "claims": [dict(zip(("subject", "property", "value", "value_max", "approx", "unit", "evidence",
                             "outlet", "published", "article_id", "claim_id"), r)) for r in claims],
        "contradictions": [dict(zip(("reason", "claim_a", "claim_b", "outlet"), r)) for r in contradictions],
        "failures": failures,
    }


def print_report(store: Store, console: Optional[Console] = None, *, since: Optional[str] = None,
                 until: Optional[str] = None, limit: int = 15) -> dict:
    """Render :func:`situation` with Rich; returns the data it rendered."""
    console = console or Console()
    data = situation(store, since=since, until=until, limit=limit)
    a = data["articles"]
    console.print(Panel.fit(
        f"[bold]Situation report[/bold]  {a['count']} articles from {a['sources']} sources, "
        f"{a['first'] or '?'} to {a['last'] or '?'}", border_style="cyan"))

    t = Table(title="Actors that matter most", title_justify="left", show_lines=False)
    for col in ("actor", "kind", "country", "sector", "articles", "mentions"):
        t.add_column(col, justify="right" if col in ("articles", "mentions") else "left")
    for r in data["actors"]:
        t.add_row(r["name"], r["kind"] or "", r["country"] or "", r["sector"] or "", str(r["articles"]),
                  str(r["mentions"] or 0))
    console.print(t)

    t = Table(title="Events on a timeline", title_justify="left", show_lines=False)
    for col in ("date", "event", "who", "whom", "where", "evidence", "source"):
        t.add_column(col, overflow="fold")
    for r in data["events"]:
        kind = r["type"] + (f"/{r['mode']}" if r["mode"] else "")
        if r["modality"] not in ("asserted", None):
            kind += f" ({r['modality']})"
        t.add_row(r["date"] or "?", kind, r["source"] or "-", r["target"] or "-", r["place"] or "",
                  snippet(r["evidence"], 90), r["outlet"] or "")
    console.print(t)

    t = Table(title="Quotes", title_justify="left")
    for col in ("speaker", "quote", "source"):
        t.add_column(col, overflow="fold")
    for r in data["quotes"]:
        t.add_row(r["speaker"], f"“{snippet(r['text'], 120)}”", f"{r['outlet'] or ''} {r['published'] or ''}")
    console.print(t)

    t = Table(title="Claims", title_justify="left")
    for col in ("subject", "property", "value", "evidence", "source"):
        t.add_column(col, overflow="fold")
    for r in data["claims"]:
        value = f"{r['value']:,.0f}" + (f"–{r['value_max']:,.0f}" if r["value_max"] else "")
        if r["approx"]:
            value = "~" + value
        t.add_row(r["subject"] or "", r["property"], value, snippet(r["evidence"], 80),
                  f"{r['outlet'] or ''} {r['published'] or ''}")
    console.print(t)

    if data["contradictions"]:
        t = Table(title="Contradictions", title_justify="left")
        for col in ("reason", "one says", "another says", "source"):
            t.add_column(col, overflow="fold")
        for r in data["contradictions"]:
            t.add_row(r["reason"], snippet(r["claim_a"], 60), snippet(r["claim_b"], 60), r["outlet"] or "")
        console.print(t)
    else:
        console.print("[dim]No contradictions found.[/dim]")
    if data["failures"]:
        console.print(f"[yellow]{data['failures']} input(s) could not be processed; see the failures table.[/yellow]")
    return data
