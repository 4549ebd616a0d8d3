"""CLI commands over the situation: search, actors, articles, actor, events, quotes, claims, places,
contradictions, timeline, report, why, export. Each reads the store through the query methods of
:class:`sitrep.situation.store.Store`; ``--json`` and ``--csv`` print machine-readable output, otherwise
Rich tables for people.

Errors (unknown actor, reversed dates, an export target that exists) are
:class:`~sitrep.errors.SitrepError` subclasses, which :func:`sitrep.cli.main` prints as ``Error: …``
with exit code 1.
"""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .. import exports
from ..core.errors import QueryError
from .options import CSV, DB, JSON, LIMIT, MIN_CONFIDENCE, SINCE, UNTIL, limit as limit_option

#: the export formats, as the registry lists them (the help of ``sitrep export`` names them all)
_FORMATS = exports.names_text()
_DIRECTORY_FORMATS = exports.names_text([f.name for f in exports.REGISTRY.values() if f.directory])


@contextmanager
def open_store(db: str) -> Iterator[Any]:
    """Open the store read-only when its situation is up to date, else writable once to refresh it."""
    from ..situation.store import open_store as open_db  # DuckDB on first use: the CLI starts without it

    store = open_db(db, read_only=True)
    if store.situation_stale():
        store.close()
        store = open_db(db)
        store.refresh_situation()
    try:
        yield store
    finally:
        store.close()


def _snip(text: Optional[str], width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else "; ".join(str(x) for x in v)
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _modes(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        raise typer.BadParameter("choose one of --json and --csv")


def emit(data: Any, rows: Sequence[dict], columns: Sequence[str], *, as_json: bool, as_csv: bool,
         title: str, empty: str, widths: Optional[dict] = None, console: Optional[Console] = None) -> None:
    """Print ``data`` as JSON, ``rows`` as CSV, or ``rows`` as a Rich table of ``columns``."""
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if as_csv:
        cols = list(rows[0].keys()) if rows else list(columns)
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in cols])
        return
    console = console or Console()
    if not rows:
        console.print(f"[dim]{empty}[/dim]")
        return
    t = Table(title=title, title_justify="left")
    for c in columns:
        t.add_column(c, overflow="fold", max_width=(widths or {}).get(c))
    for r in rows:
        t.add_row(*[Text(_cell(r.get(c))) for c in columns])
    console.print(t)


def _limit(n: int) -> Optional[int]:
    if n < 0:
        raise QueryError("--limit must be 0 (all) or more")
    return n or None


def actors(db: str = DB, kind: Optional[str] = typer.Option(None, "--kind", help="state, person, armed_group, …"),
           country: Optional[str] = typer.Option(None, "--country", help="ISO 3166 alpha-3 code, e.g. SYR."),
           search: Optional[str] = typer.Option(None, "--search", help="Part of a name or alias."),
           limit: int = LIMIT, as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """Actors across all articles (one row per resolved identity)."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        rows = s.actors(kind=kind, country=country, search=search, limit=_limit(limit))
    emit(rows, rows, ("entity_id", "name", "kind", "country", "sector", "n_articles", "n_mentions", "n_events"),
         as_json=as_json, as_csv=as_csv, title="Actors", empty="No actors match.")

def articles(ids: Optional[list[str]] = typer.Argument(None, metavar="[ID]...",
                                                      help="Only these articles (an id, or the id of a duplicate)."),
             db: str = DB, limit: int = LIMIT, as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """Stored articles, newest first, with their counts and the ids recorded as their duplicates."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        rows = [s.article(i) for i in ids] if ids else s.article_list(_limit(limit) or 1_000_000_000)
    cols = ("id", "published", "source", "title", "n_events", "n_quotes", "n_claims", "duplicates")
    emit(rows, rows, (("requested",) if ids else ()) + cols, as_json=as_json, as_csv=as_csv, title="Articles",
         empty="No articles stored.", widths={"title": 50})

def actor(name: str = typer.Argument(..., help="Name, alias or id of the actor."), db: str = DB,
          as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """One actor's profile: aliases, roles, relations, recent events and quotes."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        p = s.actor_profile(name)
    if as_json or as_csv:
        emit(p, p["events"], (), as_json=as_json, as_csv=as_csv, title="", empty="")
        return
    a, console = p["actor"], Console()
    console.print(f"[bold]{escape(a['name'])}[/bold]  ({escape(a['entity_id'])}; {a['kind']}"
                  + (f", {a['country']}" if a["country"] else "") + (f", {a['sector']}" if a["sector"] else "")
                  + (f", {a['wikidata']}" if a["wikidata"] else "") + ")", highlight=False)
    console.print(f"In {a['n_articles']} article(s), {a['n_mentions']} mention(s), "
                  f"{a['first_seen'] or '?'} to {a['last_seen'] or '?'}", highlight=False)
    if a["aliases"]:
        console.print("Also: " + "; ".join(a["aliases"]), highlight=False, markup=False)
    if a["roles"]:
        console.print("Roles: " + "; ".join(a["roles"]), highlight=False, markup=False)
    emit(None, p["relations"], ("type", "subject_name", "object_name", "since", "until", "n_reports"),
         as_json=False, as_csv=False, title="Relations", empty="No relations.")
    emit(None, p["events"], ("event_id", "date", "type", "source_name", "target_name", "place_name", "n_sources"),
         as_json=False, as_csv=False, title="Recent events", empty="No events.")
    emit(None, [{**q, "text": _snip(q["text"], 100)} for q in p["quotes"]],
         ("published", "outlet", "text"), as_json=False, as_csv=False, title="Quotes", empty="No quotes.")

def events(db: str = DB, actor: Optional[str] = typer.Option(None, "--actor", help="Source or target actor."),
           type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
           since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
           place: Optional[str] = typer.Option(None, "--place", help="Part of a place name."),
           min_sources: Optional[int] = typer.Option(None, "--min-sources", help="At least this many outlets."),
           min_confidence: Optional[float] = MIN_CONFIDENCE,
           limit: int = LIMIT, as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """Situation events (reports of one event merged), most recent first."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        rows = s.events(actor=actor, type=type, since=since, until=until, place=place, min_sources=min_sources,
                        min_confidence=min_confidence, limit=_limit(limit))
    view = [{**r, "evidence": _snip(r["evidence"], 80)} for r in rows] if not (as_json or as_csv) else rows
    emit(rows, view, ("event_id", "date", "type", "mode", "source_name", "target_name", "place_name",
                      "n_sources", "evidence"),
         as_json=as_json, as_csv=as_csv, title="Events", empty="No events match.")

def quotes(db: str = DB, speaker: Optional[str] = typer.Option(None, "--speaker", help="Who spoke."),
           since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
           limit: int = LIMIT, as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """Quotes with their speakers."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        rows = s.quotes(speaker=speaker, since=since, until=until, limit=_limit(limit))
    view = [{**r, "text": _snip(r["text"], 100)} for r in rows] if not (as_json or as_csv) else rows
    emit(rows, view, ("published", "speaker", "kind", "text", "outlet"),
         as_json=as_json, as_csv=as_csv, title="Quotes", empty="No quotes match.")

def claims(db: str = DB, subject: Optional[str] = typer.Option(None, "--subject", help="Whose figure (an actor)."),
           prop: Optional[str] = typer.Option(None, "--property", help="killed, displaced, troops, …"),
           article: Optional[str] = typer.Option(None, "--article", help="Only this article id."),
           since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
           limit: int = LIMIT, as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """Quantitative claims (casualties, troops, refugees…) with their subjects and sources."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        rows = s.claims(subject=subject, prop=prop, article=article, since=since, until=until,
                        limit=_limit(limit))
    view = [{**r, "text": _snip(r["text"], 80)} for r in rows] if not (as_json or as_csv) else rows
    emit(rows, view, ("published", "subject_text", "property", "value", "unit", "attributed_text", "text",
                      "outlet"), as_json=as_json, as_csv=as_csv, title="Claims", empty="No claims match.")

def places(db: str = DB, search: Optional[str] = typer.Option(None, "--search", help="Part of the name."),
           limit: int = LIMIT, as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """Places named in the articles, merged across articles, with their coordinates and event counts."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        rows = s.places(search=search, limit=_limit(limit))
    emit(rows, rows, ("name", "country_code", "feature", "lat", "lon", "n_articles", "n_mentions", "n_events"),
         as_json=as_json, as_csv=as_csv, title="Places", empty="No places match.")

def contradictions(db: str = DB, as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """Contradicting claims, within an article and across articles, with both sources."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        rows = s.contradictions()
    emit(rows, rows, ("scope", "text_a", "outlet_a", "published_a", "text_b", "outlet_b", "published_b",
                      "reason"), as_json=as_json, as_csv=as_csv, title="Contradictions",
         empty="No contradictions found.")

def timeline(db: str = DB, actor: Optional[str] = typer.Option(None, "--actor", help="Only this actor."),
             since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
             min_confidence: Optional[float] = MIN_CONFIDENCE,
             limit: int = limit_option(200, "At most this many entries (0: all)."),
             as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """Events and relation changes in date order."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        rows = s.timeline(actor=actor, since=since, until=until, min_confidence=min_confidence, limit=_limit(limit))
    view = [{**r, "evidence": _snip(r["evidence"], 70)} for r in rows] if not (as_json or as_csv) else rows
    emit(rows, view, ("date", "kind", "what", "n_sources", "id", "evidence"),
         as_json=as_json, as_csv=as_csv, title="Timeline", empty="Nothing on the timeline.")

def report(db: str = DB, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
           limit: int = limit_option(15, "Rows per section."),
           as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """The situation report for a period (default: everything stored)."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        data = s.report(since=since, until=until, limit=max(limit, 1))
        if as_json or as_csv:
            emit(data, [{"what": k, "count": v} for k, v in data["counts"].items()], (),
                 as_json=as_json, as_csv=as_csv, title="", empty="")
            return
        print_situation(s, Console(), data, since=since, until=until, limit=max(limit, 1))

def search(text: str = typer.Argument(..., help="Words to find (each also as the start of a word)."), db: str = DB,
           kind: Optional[str] = typer.Option(None, "--kind", help="Only actor, event, quote or place."),
           limit: int = limit_option(20, "At most this many results."),
           offset: int = typer.Option(0, "--offset", help="Skip this many results (the next page)."),
           as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """Find actors (name, alias), events and quotes (their text) and places (name), best first."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        res = s.search(text, kind=kind, limit=max(limit, 1), offset=offset)
    rows = res["items"]
    view = [{**r, "detail": _snip(r["detail"], 80)} for r in rows] if not (as_json or as_csv) else rows
    counts = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in res["by_kind"].items() if n)
    shown = f"{res['offset'] + 1}-{res['offset'] + len(rows)} of {res['total']}" if rows else f"0 of {res['total']}"
    emit(res, view, ("kind", "id", "label", "date", "detail"), as_json=as_json, as_csv=as_csv,
         title=f"Search {', '.join(res['terms'])}: {shown} ({counts or 'nothing'})", empty="Nothing found.")
    if not (as_json or as_csv) and res["next_offset"] is not None:
        Console(stderr=True).print(f"More: --offset {res['next_offset']}", highlight=False)

def corrections(db: str = DB, article: Optional[str] = typer.Option(None, "--article",
                                                                   help="Only those made on this article's facts."),
                as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """The analyst's corrections: who changed what, when, and how many facts each applies to now."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        rows = s.corrections(article=article)
    view = [{**r, "what": _what(r), "withdrawn": f"{r['withdrawn_by']} {r['withdrawn_at']} ({r['withdrawn_in']})"
             if r["withdrawn_in"] else ""} for r in rows]
    emit(rows, rows if as_csv else view, ("id", "created_at", "author", "target_kind", "target_id", "what", "note",
                                          "applied_to", "withdrawn"), as_json=as_json, as_csv=as_csv,
         title="Corrections", empty="No corrections.")


def _what(c: dict) -> str:
    """A correction in a few words: wrong, withdraw C1, or FIELD: OLD -> NEW."""
    if c["action"] in ("wrong", "withdraw"):
        return c["action"] + (f" {c['value']}" if c["action"] == "withdraw" else "")
    return f"{c['field']}: {c['old_value'] or '-'} -> {c['value'] or '-'}"


def withdraw(correction: str = typer.Argument(..., metavar="CORRECTION", help="Its id (C1, C2…; see "
                                                                                "`sitrep corrections`)."),
             db: Path = DB,
             by: str = typer.Option(..., "--by", help="Who withdraws the correction."),
             note: Optional[str] = typer.Option(None, "--note", help="Why."),
             as_json: bool = JSON) -> None:
    """Withdraw a correction: it stays in the trail with who withdrew it and when, and applies to nothing."""
    from ..situation.store import Store  # DuckDB on first use

    with Store(db) as s:
        w = s.withdraw_correction(correction, author=by, note=note)
    if as_json:
        emit(w, [], (), as_json=True, as_csv=False, title="", empty="")
    else:
        Console().print(f"{w['id']}: {w['value']} ({w['target_kind']} {w['target_id']}) withdrawn by {w['author']}",
                        highlight=False, markup=False)

def correct(kind: str = typer.Argument(..., metavar="KIND", help="event, quote, link or actor."),
            target: str = typer.Argument(..., metavar="ID", help="SE… (event), ARTICLE:QUOTE, ARTICLE:ACTOR (link) "
                                                                  "or an actor's id."),
            db: str = DB,
            wrong: bool = typer.Option(False, "--wrong", help="Mark the fact wrong."),
            set_: Optional[tuple[str, str]] = typer.Option(None, "--set", metavar="FIELD VALUE",
                                                           help="Set a field: type, source, target, speaker, entity, "
                                                                "name, kind or country."),
            by: str = typer.Option(..., "--by", help="Who makes the correction."),
            note: Optional[str] = typer.Option(None, "--note", help="Why."),
            as_json: bool = JSON) -> None:
    """Correct the situation: mark an event, quote or actor link wrong, or fix a field; kept across ingests."""
    from ..situation.store import open_store as open_db  # DuckDB on first use

    field, value = set_ if set_ else (None, None)
    with open_db(db) as s:
        c = s.add_correction(kind, target, author=by, wrong=wrong, field=field, value=value, note=note)
    if as_json:
        emit(c, [], (), as_json=True, as_csv=False, title="", empty="")
    else:
        Console().print(f"{c['id']}: {c['target_kind']} {c['target_id']} "
                        + ("marked wrong" if c["action"] == "wrong" else f"{c['field']} = {c['value'] or '(none)'}")
                        + f" by {c['author']}; applies to {c['applied_to']} fact(s)", highlight=False, markup=False)

def why(event_id: str = typer.Argument(..., help="A situation event id (see `sitrep events`)."), db: str = DB,
        as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """Why an event is one event: its reports and the rule that joined them."""
    _modes(as_json, as_csv)
    with open_store(db) as s:
        w = s.why(event_id)
    if as_json or as_csv:
        emit(w, w["reports"], (), as_json=as_json, as_csv=as_csv, title="", empty="")
        return
    e, console = w["event"], Console()
    console.print(f"[bold]{escape(e['event_id'])}[/bold] {e['type']}{'/' + e['mode'] if e['mode'] else ''}: "
                  + escape(f"{e['source_name'] or '?'} -> {e['target_name'] or '(none)'}"
                           + (f" in {e['place_name']}" if e["place_name"] else "")) + f", {e['date'] or 'undated'}; "
                  f"{e['n_reports']} report(s) from {e['n_sources']} independent source(s)", highlight=False)
    console.print(f"Rule: {w['rule']}", highlight=False)
    emit(None, w["reports"], ("published", "outlet", "sentence_text", "rule"), as_json=False, as_csv=False,
         title="Reports", empty="No reports.")

def export(fmt: str = typer.Argument(..., metavar="FORMAT", help=f"{_FORMATS}."),
           db: str = DB,
           out: Optional[Path] = typer.Option(None, "--out", "-o",
                                              help=f"Output file (a directory for {_DIRECTORY_FORMATS})."),
           force: bool = typer.Option(False, "--force",
                                      help="Replace an existing output file (parquet: sitrep's TABLE.parquet "
                                           "files in an existing directory); nothing else is deleted."),
           at: Optional[str] = typer.Option(None, "--at", help="graphml: the graph at this date (YYYY-MM-DD)."),
           min_confidence: Optional[float] = MIN_CONFIDENCE,
           ) -> None:
    """Export the situation for other tools (see docs/exports.md)."""
    with open_store(db) as s:
        if at:
            s.check_period(at, None)
        r = exports.export(s, fmt.lower(), out, force=force, at=at, min_confidence=min_confidence)
    Console(stderr=True).print(f"{r['path']}: {r['count']} {r['unit']} ({r['format']})", highlight=False)


#: the commands, in the order of ``sitrep --help``
COMMANDS = (search, actors, articles, actor, events, quotes, claims, places, contradictions, timeline, report, why,
            corrections, correct, withdraw, export)


def register(app: typer.Typer) -> None:
    """Add the situation commands to the ``sitrep`` app."""
    for command in COMMANDS:
        app.command()(command)


def print_situation(store, console: Console, data: Optional[dict] = None, *, since: Optional[str] = None,
                    until: Optional[str] = None, limit: int = 15) -> None:
    """The situation report for people: the per-article report, then what only the whole corpus shows
    (events confirmed by several sources, contradictions across articles). ``sitrep report`` and
    ``sitrep demo`` print this."""
    from ..situation.report import blocks, narrow, print_report  # the situation layer on first use

    s = store
    data = data if data is not None else s.report(since=since, until=until, limit=limit)
    c = data["counts"]
    if not c["articles"]:
        console.print("[dim]No articles in this period"
                      + ("" if since or until else "; ingest some with `sitrep ingest PATH`") + ".[/dim]")
        return
    print_report(s, console, since=since, until=until, limit=limit)
    console.print(f"Situation: {c['events']} events from {c['event_reports']} reports "
                  f"({c['multi_source_events']} confirmed by more than one source), {c['actors']} actors, "
                  f"{c['quotes']} quotes, {c['claims']} claims, {c['relations']} relations, "
                  f"{c['contradictions']} contradictions.", highlight=False)
    if narrow(console):  # evidence on its own line under each fact
        if data["top_events"]:
            console.print(blocks("Events reported by more than one source", (
                (f"{r['date'] or '?'}  {r['type']}  {r['source_name'] or '?'} → {r['target_name'] or '-'}"
                 + (f" in {r['place_name']}" if r["place_name"] else "") + f"  ({r['n_sources']} outlets; "
                 f"{r['event_id']})", r["evidence"]) for r in data["top_events"]), console.width))
        else:
            console.print("[dim]No event was reported by more than one source.[/dim]")
        if data["contradictions_across"]:
            console.print(blocks("Contradictions across articles", (
                (f"{r['reason']}  ({r['outlet_a'] or '?'} / {r['outlet_b'] or '?'})",
                 f"one says: {r['text_a']} / another says: {r['text_b']}") for r in data["contradictions_across"]),
                console.width))
        return
    emit(None, [{**r, "evidence": _snip(r["evidence"], 70)} for r in data["top_events"]],
         ("event_id", "date", "type", "source_name", "target_name", "place_name", "n_sources", "evidence"),
         as_json=False, as_csv=False, title="Events reported by more than one source",
         empty="No event was reported by more than one source.", console=console)
    if data["contradictions_across"]:
        emit(None, data["contradictions_across"], ("text_a", "outlet_a", "text_b", "outlet_b", "reason"),
             as_json=False, as_csv=False, title="Contradictions across articles", empty="", console=console)
