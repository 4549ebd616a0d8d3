"""Corrections: the analyst layer over what extraction found, with its audit trail.

A correction says who (``author``), when (``created_at``) and what: a fact is wrong, or one of its fields
takes another value. It is kept in the ``corrections`` table, which no ingest and no rebuild touches, and
applied by every rebuild of the situation (:func:`resolve_overrides`), so every view, query and export
reads the corrected situation, and a correction outlives the re-ingest of its article.

| target_kind | target_id | ``wrong`` means | fields that can be ``set`` |
|---|---|---|---|
| ``event`` | a situation event id (``SE…``) | the event did not happen as reported: it leaves the situation |
  ``type`` (a PLOVER type), ``source``, ``target`` (an actor, or empty for none) |
| ``quote`` | ``ARTICLE:QUOTE`` | not a quote | ``speaker`` (an actor, or empty) |
| ``link`` | ``ARTICLE:ACTOR`` | the actor of that article is not the identity it was linked to: it stands alone |
  ``entity`` (the identity it is) |
| ``actor`` | an entity id | -- | ``name``, ``kind``, ``country`` |

A correction is made on the facts of the articles as they are then (its ``anchors``: article, fact id,
the sentence or text, and the type). When the article is extracted again the fact is found by its id
and text, else by its text (and type) in the same article, so renumbered facts keep their corrections.

A correction is never deleted or edited: it is *withdrawn* by another row (``action`` ``withdraw``, ``value``
the id of the correction withdrawn, with its own author, time and note), so the trail shows who made it, who
withdrew it and when. A withdrawn correction applies to nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, timezone
from typing import Any, Literal, Optional, get_args

from ..core.contract import PLOVER_TYPES, ActorKind
from ..core.errors import QueryError
from .dbutil import bulk_insert
from .dialect import dialect_of

#: what a correction applies to
TargetKind = Literal["event", "quote", "link", "actor"]
TARGET_KINDS: tuple[str, ...] = get_args(TargetKind)
FIELDS = {"event": ("type", "source", "target"), "quote": ("speaker",), "link": ("entity",),
          "actor": ("name", "kind", "country")}
#: fields whose value is an actor (given by id, name or alias; stored as its entity id)
ACTOR_FIELDS = ("source", "target", "speaker", "entity")


#: the corrections in force: not withdrawals, and not withdrawn (a condition on ``corrections``)
ACTIVE = ("action <> 'withdraw' AND id NOT IN "
          "(SELECT value FROM corrections WHERE action = 'withdraw' AND value IS NOT NULL)")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _rows(con, sql: str, params=()) -> list[dict]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _split(target_id: str, what: str) -> tuple[str, str]:
    article, sep, fact = (target_id or "").partition(":")
    if not sep or not article or not fact:
        raise QueryError(f"a {what} is named ARTICLE:ID, got {target_id!r}")
    return article, fact


def anchors_of(con, kind: str, target_id: str) -> tuple[list[dict], dict]:
    """The per-article facts a correction of ``kind``/``target_id`` is made on, and the fact's current
    values (``type``, ``source``, ``target``, ``speaker``, ``entity``, ``name``, ``kind``, ``country``)."""
    if kind == "event":
        ev = _rows(con, "SELECT type, source_entity, target_entity FROM s_events WHERE event_id = ?", [target_id])
        if not ev:
            raise QueryError(f"no situation event {target_id!r}; list them with `sitrep events`")
        reps = _rows(con, """SELECT article_id, report_id AS fact_id, sentence_text AS text FROM s_event_reports
                             WHERE event_id = ? ORDER BY article_id, report_id""", [target_id])
        e = ev[0]
        return ([{**r, "type": e["type"]} for r in reps],
                {"type": e["type"], "source": e["source_entity"], "target": e["target_entity"]})
    if kind == "quote":
        article, qid = _split(target_id, "quote")
        q = _rows(con, """SELECT q.article_id, q.quote_id AS fact_id, q.text, m.entity_id FROM quotes q
                          LEFT JOIN s_actor_map m ON m.article_id = q.article_id AND m.actor_id = q.speaker_actor
                          WHERE q.article_id = ? AND q.quote_id = ?""", [article, qid])
        if not q:
            raise QueryError(f"no quote {target_id!r}; list them with `sitrep quotes --json`")
        return [{k: q[0][k] for k in ("article_id", "fact_id", "text")}], {"speaker": q[0]["entity_id"]}
    if kind == "link":
        article, aid = _split(target_id, "link (ARTICLE:ACTOR)")
        x = _rows(con, """SELECT x.article_id, x.actor_id AS fact_id, x.name AS text, m.entity_id FROM actors x
                          LEFT JOIN s_actor_map m ON m.article_id = x.article_id AND m.actor_id = x.actor_id
                          WHERE x.article_id = ? AND x.actor_id = ?""", [article, aid])
        if not x:
            raise QueryError(f"no actor {aid!r} in article {article!r}")
        return [{k: x[0][k] for k in ("article_id", "fact_id", "text")}], {"entity": x[0]["entity_id"]}
    a = _rows(con, "SELECT name, kind, country FROM s_actors WHERE entity_id = ?", [target_id])
    if not a:
        raise QueryError(f"no actor {target_id!r}; list them with `sitrep actors`")
    return [], dict(a[0])


def check_value(kind: str, field: str, value: Optional[str]) -> Optional[str]:
    """A ``set`` value checked (an event type upper-cased, a kind among the actor kinds)."""
    if field not in FIELDS[kind]:
        raise QueryError(f"a {kind} correction sets one of {', '.join(FIELDS[kind])}, not {field!r}")
    value = (value or "").strip() or None
    if field == "type":
        if not value or value.upper() not in PLOVER_TYPES:
            raise QueryError(f"unknown event type {value!r}; one of {', '.join(PLOVER_TYPES)}")
        return value.upper()
    if field == "kind" and value not in get_args(ActorKind):
        raise QueryError(f"unknown actor kind {value!r}; one of {', '.join(get_args(ActorKind))}")
    if field == "country" and value is not None and not (len(value) == 3 and value.isalpha()):
        raise QueryError(f"country {value!r} must be an ISO 3166 alpha-3 code such as SYR")
    if field in ("name", "entity") and not value:
        raise QueryError(f"a {field} cannot be empty")
    return value.upper() if field == "country" and value else value


def _next_id(con) -> str:
    n = con.execute("SELECT count(*) FROM corrections").fetchone()[0]
    cid = f"C{n + 1}"
    while con.execute("SELECT 1 FROM corrections WHERE id = ?", [cid]).fetchone():
        n += 1
        cid = f"C{n + 1}"
    return cid


def correction_row(con, *, kind: str, target_id: str, wrong: bool, field: Optional[str], value: Optional[str],
                   author: str, note: Optional[str]) -> list[Any]:
    """The ``corrections`` row of a new correction (``value`` already checked and, for an actor field,
    resolved to an entity id)."""
    anchors, current = anchors_of(con, kind, target_id)
    old = None if wrong else current.get(field)
    return [_next_id(con), kind, target_id, "wrong" if wrong else "set", None if wrong else field, value,
            None if old is None else str(old), json.dumps(anchors, ensure_ascii=False), author, note, _now()]


def withdrawal_row(con, correction_id: str, *, author: str, note: Optional[str]) -> list[Any]:
    """The ``corrections`` row that withdraws correction ``correction_id`` (same target and anchors, so it
    is listed with it); the correction must exist, be in force and not be a withdrawal itself."""
    found = _rows(con, "SELECT * FROM corrections WHERE id = ?", [(correction_id or "").strip()])
    if not found:
        raise QueryError(f"no correction {correction_id!r}; list them with `sitrep corrections`")
    c = found[0]
    if c["action"] == "withdraw":
        raise QueryError(f"{c['id']} is a withdrawal; it cannot be withdrawn (make the correction again)")
    done = _rows(con, "SELECT id, author FROM corrections WHERE action = 'withdraw' AND value = ?", [c["id"]])
    if done:
        raise QueryError(f"{c['id']} was already withdrawn by {done[0]['author']} ({done[0]['id']})")
    return [_next_id(con), c["target_kind"], c["target_id"], "withdraw", None, c["id"], None, c["anchors"],
            author, note, _now()]


def _match(facts: dict[str, list[dict]], anchor: dict, kind: str) -> Optional[str]:
    """The fact id an anchor names now: the same id with the same text, else the first fact of the article
    with the same text (and, for an event, type)."""
    here = facts.get(anchor["article_id"], [])
    for f in here:
        if f["fact_id"] == anchor["fact_id"] and f["text"] == anchor["text"]:
            return f["fact_id"]
    for f in here:
        if f["text"] == anchor["text"] and (kind != "event" or f.get("type") == anchor.get("type")):
            return f["fact_id"]
    return None


#: the facts of some articles (``{in_articles}``: a condition on ``article_id`` from the dialect)
_FACT_SQL = {
    "event": "SELECT article_id, event_id AS fact_id, sentence_text AS text, type FROM events "
             "WHERE {in_articles} ORDER BY article_id, event_id",
    "quote": "SELECT article_id, quote_id AS fact_id, text FROM quotes WHERE {in_articles} "
             "ORDER BY article_id, quote_id",
    "link": "SELECT article_id, actor_id AS fact_id, name AS text FROM actors WHERE {in_articles} "
            "ORDER BY article_id, actor_id",
}


def resolve_overrides(con) -> int:
    """Fill ``s_overrides``: each correction of an event, quote or link resolved onto the per-article facts
    it applies to now, later corrections over earlier ones (inside the caller's transaction, first in a
    rebuild). Returns how many facts are overridden."""
    con.execute("DELETE FROM s_overrides")
    corr = _rows(con, f"""SELECT * FROM corrections WHERE target_kind <> 'actor' AND {ACTIVE}
                          ORDER BY created_at, length(id), id""")
    if not corr:
        return 0
    anchors = {c["id"]: json.loads(c["anchors"] or "[]") for c in corr}
    facts: dict[str, dict[str, list[dict]]] = {}
    for kind, sql in _FACT_SQL.items():
        arts = sorted({a["article_id"] for c in corr if c["target_kind"] == kind for a in anchors[c["id"]]})
        facts[kind] = defaultdict(list)
        query = sql.format(in_articles=dialect_of(con).any_of("article_id"))
        for f in (_rows(con, query, [arts]) if arts else []):
            facts[kind][f["article_id"]].append(f)
    out: dict[tuple, dict] = {}
    for c in corr:
        kind = c["target_kind"]
        for a in anchors[c["id"]]:
            fid = _match(facts[kind], a, kind)
            if fid is None:
                continue
            o = out.setdefault((kind, a["article_id"], fid), {"wrong": False, "corrections": []})
            o["corrections"].append(c["id"])
            if c["action"] == "wrong":
                o["wrong"] = True
            else:
                o[c["field"]] = c["value"]
    rows = [(k[0], k[1], k[2], o["wrong"], o.get("type"), "source" in o, o.get("source"), "target" in o,
             o.get("target"), "speaker" in o, o.get("speaker"), "entity" in o, o.get("entity"), o["corrections"])
            for k, o in out.items()]
    bulk_insert(con, "s_overrides", rows)
    return len(rows)


def overrides(con, fact: str) -> dict[tuple[str, str], dict]:
    """(article, fact id) -> its override row, for one kind of fact (``event``, ``quote``, ``link``)."""
    return {(r["article_id"], r["fact_id"]): r
            for r in _rows(con, "SELECT * FROM s_overrides WHERE fact = ?", [fact])}


def actor_fixes(con) -> dict[str, dict[str, Any]]:
    """entity id -> {field: value} of the actor corrections in force, later over earlier."""
    out: dict[str, dict[str, Any]] = defaultdict(dict)
    for c in _rows(con, f"""SELECT target_id, field, value FROM corrections
                            WHERE target_kind = 'actor' AND action = 'set' AND {ACTIVE}
                            ORDER BY created_at, length(id), id"""):
        out[c["target_id"]][c["field"]] = c["value"]
    return dict(out)
