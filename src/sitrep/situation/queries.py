"""The store's queries over the situation: what the CLI, the HTTP API, the dashboard and the exports read.

:class:`Queries` is the situation half of the reading of :class:`~sitrep.situation.store.Store` (the
store inherits it; the per-article reads -- documents, articles, failures, plain SQL -- are its own).
Every method works on ``self.con``, the store's DuckDB connection, through ``self.query``, and brings
the situation tables up to date first when they are stale (``_ready``). User-given names and dates are
checked here: an unknown actor, event type or a reversed period is a :class:`~sitrep.errors.QueryError`.

:func:`report_content` is the content of the situation report (``sitrep report``), as plain data.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal, Optional, Sequence, get_args

from rapidfuzz import fuzz, process

from ..core.contract import MODALITIES, PLOVER_TYPES, ActorKind
from ..core.errors import QueryError
from ..ontology import load_ontology
from .dbutil import period
from .dialect import Dialect, as_dict, dialect_of
from .merge import explain, graph_at, normalise, relations_by_id
from .schema import place_key_sql
from .search import prefix_bounds, terms
from .summaries import live_counts, stored_totals

#: what ``search`` finds
SearchKind = Literal["actor", "event", "quote", "place"]
SEARCH_KINDS: tuple[str, ...] = get_args(SearchKind)
#: the place names of events that have a user's text (the first ``?``), from their distinct names
PLACE_NAMES = "SELECT n.place_name FROM s_place_names n WHERE strpos(lower(n.place_name), lower(?)) > 0"



def _actors_of(r: dict) -> dict:
    """The acting and acted-on actors of a timeline entry (entity ids and names)."""
    return {k: r.get(k) for k in ("source_entity", "source_name", "target_entity", "target_name")}

class Queries:
    """Read-only queries over a store's tables (mixed into :class:`~sitrep.situation.store.Store`)."""

    con: Any  #: the store's DuckDB connection

    if TYPE_CHECKING:  # provided by the Store
        def refresh_situation(self, *, only_if_stale: bool = False) -> Optional[dict[str, int]]: ...

        def resolve_article(self, article_id: str) -> Optional[str]: ...

        def query(self, sql: str, params: Sequence = ()) -> list[dict]: ...

    @property
    def dialect(self) -> Dialect:
        """The SQL dialect of the store's engine (:mod:`sitrep.situation.dialect`)."""
        return dialect_of(self.con)

    # -- the situation across articles (the CLI, the HTTP API and exports read these) ----------
    def _ready(self) -> None:
        self.refresh_situation(only_if_stale=True)

    def resolve_actor(self, name: str) -> str:
        """The entity id a user's actor name refers to (id, name, alias; case and accents ignored).

        Raises :class:`QueryError` with suggestions when no actor matches."""
        self._ready()
        text = (name or "").strip()
        if not text:
            raise QueryError("an actor name is required")
        row = self.con.execute("SELECT entity_id FROM s_actors WHERE lower(entity_id) = lower(?)", [text]).fetchone()
        if row:
            return row[0]
        key = normalise(text)
        for cond in ("name_key = ?", self.dialect.list_has("alias_keys")):
            row = self.con.execute(f"SELECT entity_id FROM s_actors WHERE {cond} "  # noqa: S608 - fixed conditions
                                   "ORDER BY n_articles DESC, n_mentions DESC, entity_id LIMIT 1", [key]).fetchone()
            if row:
                return row[0]
        names = [n for (n,) in self.con.execute("SELECT DISTINCT name FROM s_actors").fetchall() if n]
        if not names:
            raise QueryError(f"unknown actor {text!r}: the store has no actors yet; ingest articles first")
        near = process.extract(text, names, scorer=fuzz.WRatio, limit=3, score_cutoff=60)
        hint = f"; did you mean {', '.join(repr(n) for n, _, _ in near)}?" if near else ""
        raise QueryError(f"unknown actor {text!r}{hint} (see `sitrep actors --search`)")

    @staticmethod
    def check_period(since: Optional[str], until: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        def day(value, opt):
            if value is None or value == "":
                return None
            try:
                return date.fromisoformat(str(value)).isoformat()
            except ValueError:
                raise QueryError(f"{opt} {value!r} is not a date YYYY-MM-DD") from None

        since, until = day(since, "--since"), day(until, "--until")
        if since and until and since > until:
            raise QueryError(f"the date range is reversed: --since {since} is after --until {until}")
        return since, until

    def actors(self, *, kind: Optional[str] = None, country: Optional[str] = None, search: Optional[str] = None,
               limit: Optional[int] = None, offset: int = 0) -> list[dict]:
        """Actors across the corpus (one row per resolved identity), most reported first."""
        self._ready()
        where, params = ["TRUE"], []
        if kind:
            if kind not in get_args(ActorKind):
                raise QueryError(f"unknown actor kind {kind!r}; one of {', '.join(get_args(ActorKind))}")
            where.append("a.kind = ?")
            params.append(kind)
        if country:
            if not (len(country) == 3 and country.isalpha()):
                raise QueryError(f"country {country!r} must be an ISO 3166 alpha-3 code such as SYR")
            where.append("a.country = ?")
            params.append(country.upper())
        if search:
            where.append("(strpos(lower(a.name), lower(?)) > 0 OR strpos(lower(CAST(a.aliases AS VARCHAR)), lower(?)) > 0"
                         " OR strpos(lower(a.entity_id), lower(?)) > 0 OR strpos(?, ' ' || lower(a.name) || ' ') > 0)")
            params += [search, search, search, f" {normalise(search)} "]
        lim = " LIMIT ? OFFSET ?" if limit else ""
        return self.query(f"""
            SELECT a.entity_id, a.name, a.kind, a.country, a.sector, a.wikidata, a.kb_id, a.aliases, a.roles,
                   a.affiliation, a.n_articles, a.n_mentions, a.n_events, a.first_seen, a.last_seen
            FROM s_actors a
            WHERE {' AND '.join(where)}
            ORDER BY a.n_articles DESC, a.n_mentions DESC, a.name, a.entity_id{lim}""",
                          params + ([int(limit), int(offset)] if limit else []))

    def actor_profile(self, name: str, *, limit: int = 10) -> dict:
        """One actor: aliases, roles, relations, recent events and quotes, and every mention's span."""
        eid = self.resolve_actor(name)
        (actor,) = self.query("""SELECT entity_id, name, kind, country, sector, wikidata, kb_id, aliases, roles,
                                        affiliation, n_articles, n_mentions, first_seen, last_seen, n_events
                                 FROM s_actors WHERE entity_id = ?""", [eid])
        mentions = self.query("""
            SELECT m.article_id, a.source AS outlet, a.published, x.actor_id, x.name, x.role, x.mentions
            FROM s_actor_map m JOIN actors x ON x.article_id = m.article_id AND x.actor_id = m.actor_id
            JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? ORDER BY a.published, m.article_id""", [eid])
        relations = self.query("""
            SELECT relation_id, type, subject_entity, subject_name, object_entity, object_name, since, until, negated,
                   n_reports, first_reported, evidence
            FROM s_relations WHERE subject_entity = ? OR object_entity = ? ORDER BY first_reported, type""", [eid, eid])
        return {"actor": actor, "mentions": mentions, "relations": relations,
                "events": self.events(actor=eid, limit=limit), "quotes": self.quotes(speaker=eid, limit=limit)}

    def events(self, *, actor: Optional[str] = None, type: Optional[str] = None, since: Optional[str] = None,
               until: Optional[str] = None, place: Optional[str] = None, min_sources: Optional[int] = None,
               limit: Optional[int] = 100, offset: int = 0, modality: Optional[str] = None,
               min_confidence: Optional[float] = None) -> list[dict]:
        """Situation events (merged reports), most recent first."""
        since, until = self.check_period(since, until)
        where, params = ["TRUE"], []
        if actor:
            eid = self.resolve_actor(actor)
            where.append("(source_entity = ? OR target_entity = ?)")
            params += [eid, eid]
        else:
            self._ready()
        if type:
            if type.upper() not in PLOVER_TYPES:
                raise QueryError(f"unknown event type {type!r}; one of {', '.join(PLOVER_TYPES)}")
            where.append("type = ?")
            params.append(type.upper())
        conds, cparams = period("date", since, until)
        where += conds
        params += cparams
        if place:
            where.append(self._place_filter())
            params += [place, place]
        qconds, qparams = self._quality(modality, min_confidence)
        where += qconds
        params += qparams
        if min_sources is not None:
            if int(min_sources) < 0:
                raise QueryError("--min-sources must be 0 or more")
            where.append("n_sources >= ?")
            params.append(int(min_sources))
        lim = ""
        if limit:
            lim = " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return self.query(f"""SELECT event_id, date, type, mode, source_entity, source_name, target_entity, target_name,
                                  place_name, modality, n_reports, n_sources, outlets, confidence, cameo, evidence,
                                  place_key, lat, lon
                           FROM s_events WHERE {' AND '.join(where)}
                           ORDER BY date DESC NULLS LAST, n_sources DESC, event_id{lim}""", params)

    def _place_filter(self) -> str:
        """An event is at a place: part of its place's name (the first parameter; on PostgreSQL the names
        that have it are found among the distinct names, then the events by an index on the name), or the
        place key (the second)."""
        return f"({self.dialect.name_has('place_name', PLACE_NAMES)} OR place_key = ?)"

    def why(self, event_id: str) -> dict:
        """The reports of one situation event and the rule that joined them."""
        self._ready()
        found = explain(self.con, (event_id or "").strip())
        if found is None:
            raise QueryError(f"no situation event {event_id!r}; list them with `sitrep events`")
        return found

    def quotes(self, *, speaker: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
               limit: Optional[int] = 100, offset: int = 0) -> list[dict]:
        """Quotes with their resolved speakers, newest article first."""
        since, until = self.check_period(since, until)
        where, params = ["NOT coalesce(o.wrong, FALSE)"], []
        if speaker:
            eid = self.resolve_actor(speaker)
            # the articles where the speaker appears (an index lookup) narrow the quotes before the exact test
            where.append("""q.article_id IN (SELECT article_id FROM s_actor_map WHERE entity_id = ?
                                             UNION SELECT article_id FROM s_overrides WHERE speaker_entity = ?)
                            AND coalesce(CASE WHEN o.speaker_set THEN o.speaker_entity END, m.entity_id) = ?""")
            params += [eid, eid, eid]
        else:
            self._ready()
        conds, cparams = period("a.published", since, until)
        where += conds
        params += cparams
        lim = " LIMIT ? OFFSET ?" if limit else ""
        return self.query(f"""
            SELECT q.article_id, q.quote_id, s.entity_id AS speaker_entity,
                   CASE WHEN o.speaker_set THEN s.name ELSE coalesce(s.name, q.speaker_text) END AS speaker,
                   q.speaker_text, q.text, q.kind, q.cue, q.start_offset, q.end_offset, a.source AS outlet, a.published,
                   o.corrections
            FROM quotes q JOIN articles a ON a.id = q.article_id
            LEFT JOIN s_actor_map m ON m.article_id = q.article_id AND m.actor_id = q.speaker_actor
            LEFT JOIN s_overrides o ON o.fact = 'quote' AND o.article_id = q.article_id AND o.fact_id = q.quote_id
            LEFT JOIN s_actors s ON s.entity_id = CASE WHEN o.speaker_set THEN o.speaker_entity ELSE m.entity_id END
            WHERE {' AND '.join(where)} ORDER BY a.published DESC NULLS LAST, q.article_id, q.start_offset,
                  q.quote_id{lim}""", params + ([int(limit), int(offset)] if limit else []))

    def contradictions(self) -> list[dict]:
        """Contradicting claims, within one article and across articles, each with both sources."""
        self._ready()
        return self.query("""
            SELECT 'article' AS scope, x.reason, x.article_id AS article_a, x.claim_a, ca.text AS text_a,
                   a.source AS outlet_a, a.published AS published_a, x.article_id AS article_b, x.claim_b,
                   cb.text AS text_b, a.source AS outlet_b, a.published AS published_b
            FROM contradictions x JOIN articles a ON a.id = x.article_id
            LEFT JOIN claims ca ON ca.article_id = x.article_id AND ca.claim_id = x.claim_a
            LEFT JOIN claims cb ON cb.article_id = x.article_id AND cb.claim_id = x.claim_b
            UNION ALL
            SELECT 'across', reason, article_a, claim_a, text_a, outlet_a, published_a, article_b, claim_b, text_b,
                   outlet_b, published_b
            FROM s_contradictions
            ORDER BY published_a NULLS LAST, article_a, claim_a, article_b, claim_b""")

    def _quality(self, modality: Optional[str], min_confidence: Optional[float], prefix: str = ""
                 ) -> tuple[list[str], list]:
        """SQL conditions on an event's modality and confidence (checked); ``prefix``: of the columns."""
        conds, params = [], []
        if modality:
            if modality not in MODALITIES:
                raise QueryError(f"unknown modality {modality!r}; one of {', '.join(MODALITIES)}")
            conds.append(f"{prefix}modality = ?")
            params.append(modality)
        if min_confidence is not None:
            if not 0 <= float(min_confidence) <= 1:
                raise QueryError("the minimum confidence is between 0 and 1")
            conds.append(f"coalesce({prefix}confidence, 0) >= ?")
            params.append(float(min_confidence))
        return conds, params

    def timeline(self, *, actor: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                 limit: Optional[int] = 200, type: Optional[str] = None, modality: Optional[str] = None,
                 min_confidence: Optional[float] = None, negated: bool = False, newest_first: bool = False,
                 offset: int = 0, place: Optional[str] = None) -> list[dict]:
        """What happened, in date order (``newest_first``: the other way): situation events and relations that
        began or ended. ``type``: a PLOVER type (events) or a relation type; ``modality``, ``min_confidence``:
        events only; ``negated``: also the reports that deny an event (kind "event denied"; they are not
        situation events); ``place``: events there (part of the name, or the place key)."""
        since, until = self.check_period(since, until)
        eid = self.resolve_actor(actor) if actor else None
        if eid is None:
            self._ready()
        ptype = type.upper() if type and type.upper() in PLOVER_TYPES else None
        cond, params = ["date IS NOT NULL"], []
        if eid:
            cond.append("(source_entity = ? OR target_entity = ?)")
            params += [eid, eid]
        if type:
            cond.append("type = ?")
            params.append(ptype or type)
        if place:
            cond.append(self._place_filter())
            params += [place, place]
        qconds, qparams = self._quality(modality, min_confidence)
        conds, cparams = period("date", since, until)
        cond += conds + qconds
        params += cparams + qparams
        rows = self.query(f"""SELECT CAST(date AS VARCHAR) AS date, type, event_id AS id, source_name, target_name,
                                  source_entity, target_entity, place_name, place_key, n_sources, evidence, modality, confidence, date_text
                           FROM s_events WHERE {' AND '.join(cond)}
                           ORDER BY date, n_sources DESC, event_id""", params)
        out = [{"date": r["date"], "kind": "event", "id": r["id"], "type": r["type"],
                "what": f"{r['source_name'] or '?'} {r['type']} {r['target_name'] or ''}".strip()
                + (f" in {r['place_name']}" if r["place_name"] else ""),
                "n_sources": r["n_sources"], "evidence": r["evidence"], "modality": r["modality"],
                "confidence": r["confidence"], "negated": False, "place_key": r["place_key"],
                "date_text": r["date_text"], **_actors_of(r)} for r in rows]
        if negated:
            out += self._denials(eid, since, until, ptype or type, place, *self._quality(modality, min_confidence, "e."))
        if not (ptype or modality or min_confidence is not None or place):
            out += self._relation_changes(eid, since, until, type)
        out.sort(key=lambda x: (x["date"], x["kind"] != "event", x["id"]), reverse=newest_first)
        out = out[int(offset):]
        return out[:limit] if limit else out

    def _relation_changes(self, eid: Optional[str], since: Optional[str], until: Optional[str],
                          rtype: Optional[str]) -> list[dict]:
        rcond, rparams = ["NOT negated"], []
        if eid:
            rcond.append("(subject_entity = ? OR object_entity = ?)")
            rparams += [eid, eid]
        if rtype:
            rcond.append("type = ?")
            rparams.append(rtype)
        out = []
        for r in self.query(f"""SELECT relation_id, type, subject_name, object_name, since, until, n_sources, evidence,
                                    subject_entity AS source_entity, subject_name AS source_name,
                                    object_entity AS target_entity, object_name AS target_name
                             FROM s_relations WHERE {' AND '.join(rcond)} AND (since IS NOT NULL OR until IS NOT NULL)""",
                            rparams):
            for bound, label in (("since", "began"), ("until", "ended")):
                d = r[bound]
                if d and (not since or d >= since[:len(d)]) and (not until or d <= until[:len(d)]):
                    out.append({"date": d, "kind": f"relation {label}", "id": r["relation_id"], "type": r["type"],
                                "what": f"{r['subject_name']} {r['type']} {r['object_name']} ({label})",
                                "n_sources": r["n_sources"], "evidence": r["evidence"], **_actors_of(r)})
        return out

    def _denials(self, eid: Optional[str], since: Optional[str], until: Optional[str], etype: Optional[str],
                 place: Optional[str], qconds: list[str], qparams: list) -> list[dict]:
        """The per-article reports that deny an event ("Mirenia denied sending troops"), as timeline entries."""
        cond, params = ["e.negated", "NOT coalesce(o.wrong, FALSE)"], []
        day = f"coalesce({self.dialect.try_date('CASE WHEN length(e.date) = 10 THEN e.date END')}, a.published)"
        if eid:
            cond.append("(ms.entity_id = ? OR mt.entity_id = ?)")
            params += [eid, eid]
        if etype:
            cond.append("coalesce(o.type, e.type) = ?")
            params.append(etype)
        if place:
            cond.append("strpos(lower(p.name), lower(?)) > 0")
            params.append(place)
        conds, cparams = period(day, since, until)
        cond += conds + qconds
        params += cparams + qparams
        rows = self.query(f"""
            SELECT CAST({day} AS VARCHAR) AS date, coalesce(o.type, e.type) AS type, e.article_id, e.event_id,
                   ms.entity_id AS source_entity, mt.entity_id AS target_entity,
                   coalesce(ss.name, e.source_text) AS source_name, coalesce(st.name, e.target_text) AS target_name,
                   p.name AS place_name, e.sentence_text, e.sentence_start, e.sentence_end, e.modality, e.confidence,
                   a.source AS outlet, CAST(a.published AS VARCHAR) AS published, a.title
            FROM events e JOIN articles a ON a.id = e.article_id
            LEFT JOIN s_overrides o ON o.fact = 'event' AND o.article_id = e.article_id AND o.fact_id = e.event_id
            LEFT JOIN s_actor_map ms ON ms.article_id = e.article_id AND ms.actor_id = e.source_actor
            LEFT JOIN s_actor_map mt ON mt.article_id = e.article_id AND mt.actor_id = e.target_actor
            LEFT JOIN s_actors ss ON ss.entity_id = ms.entity_id
            LEFT JOIN s_actors st ON st.entity_id = mt.entity_id
            LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.location
            WHERE {' AND '.join(cond)} AND {day} IS NOT NULL""", params)
        return [{"date": r["date"], "kind": "event denied", "id": f"{r['article_id']}:{r['event_id']}", "type": r["type"],
                 "what": f"{r['source_name'] or '?'} {r['type']} {r['target_name'] or ''}".strip()
                 + (f" in {r['place_name']}" if r["place_name"] else "") + " (denied)",
                 "n_sources": 1, "evidence": r["sentence_text"], "modality": r["modality"],
                 "confidence": r["confidence"], "negated": True, **_actors_of(r),
                 "sources": [{"article_id": r["article_id"], "outlet": r["outlet"], "published": r["published"],
                              "title": r["title"], "start": r["sentence_start"], "end": r["sentence_end"],
                              "text": r["sentence_text"]}]} for r in rows]

    def timeline_histogram(self, *, bucket: str = "day", **filters) -> list[dict]:
        """How many timeline entries (same filters as :meth:`timeline`) fall on each day or week (its
        Monday), oldest first, with the count of each PLOVER quad class."""
        if bucket not in ("day", "week"):
            raise QueryError("bucket is day or week")
        quad = load_ontology().quad
        counts: dict[str, dict] = {}
        for r in self.timeline(limit=None, **filters):
            d = r["date"] + ("-01-01" if len(r["date"]) == 4 else "-01" if len(r["date"]) == 7 else "")
            try:
                day = date.fromisoformat(d[:10])
            except ValueError:
                continue
            key = (day - timedelta(days=day.weekday()) if bucket == "week" else day).isoformat()
            c = counts.setdefault(key, {"bucket": key, "n": 0, "quads": {}})
            c["n"] += 1
            q = quad(r["type"]) if r["kind"].startswith("event") and r["type"] in PLOVER_TYPES else "relation"
            c["quads"][q] = c["quads"].get(q, 0) + 1
        return [counts[k] for k in sorted(counts)]

    def graph(self, *, at: Optional[str] = None, min_events: int = 1, limit: Optional[int] = None) -> dict:
        """The actor graph at a date: relations that held then (since/until) and event counts up to it
        (dyads with fewer than ``min_events`` events of a type are left out). With ``limit``, only the
        ``limit`` most reported relations and the ``limit`` event edges with the most events, and their
        actors; ``n_relations`` and ``n_event_edges`` count them all."""
        at, _ = self.check_period(at, None) if at else (None, None)
        if int(min_events) < 1:
            raise QueryError("min_events must be 1 or more")
        if limit is not None and int(limit) < 1:
            raise QueryError("limit must be 1 or more")
        self._ready()
        return graph_at(self.con, at, int(min_events), None if limit is None else int(limit))

    def relations(self, relation_ids: Sequence[str], *, at: Optional[str] = None) -> list[dict]:
        """The situation relations of these ids (those that held at ``at``, when given), as the graph
        has them."""
        at, _ = self.check_period(at, None) if at else (None, None)
        self._ready()
        return relations_by_id(self.con, list(relation_ids), at)

    def graph_changes(self, start: str, end: str) -> dict:
        """Relations that held at ``end`` but not at ``start`` (added), and the reverse (ended)."""
        start, end = self.check_period(start, end)
        if not start or not end:
            raise QueryError("graph changes need two dates")
        a = {r["relation_id"]: r for r in self.graph(at=start)["relations"]}
        b = {r["relation_id"]: r for r in self.graph(at=end)["relations"]}
        return {"from": start, "to": end, "added": [b[k] for k in b if k not in a],
                "ended": [a[k] for k in a if k not in b]}

    def situation_counts(self, *, since: Optional[str] = None, until: Optional[str] = None) -> dict[str, int]:
        """How many of each thing the situation holds (in a period of publication/event dates)."""
        since, until = self.check_period(since, until)
        self._ready()
        if not (since or until):
            stored = stored_totals(self.con)  # as of the last rebuild, which _ready() made current
            if stored is not None:
                return stored
        return live_counts(self.con, since, until)

    def report(self, *, since: Optional[str] = None, until: Optional[str] = None, limit: int = 15) -> dict:
        """The situation report for a period: counts, the report of :func:`report_content`, the events most
        sources agree on, and contradictions across articles."""
        since, until = self.check_period(since, until)
        data = dict(report_content(self, since=since, until=until, limit=limit))
        data["period"] = {"since": since, "until": until}
        data["counts"] = self.situation_counts(since=since, until=until)
        data["top_events"] = self.events(since=since, until=until, min_sources=2, limit=limit)
        data["contradictions_across"] = [c for c in self.contradictions() if c["scope"] == "across"
                                          and (not since or (c["published_b"] or "") >= since)
                                          and (not until or (c["published_a"] or "9") <= until)]
        return data

    # -- the rest of the situation that the HTTP API and the dashboard show ---------------------
    def claims(self, *, article: Optional[str] = None, subject: Optional[str] = None, prop: Optional[str] = None,
               limit: int = 100, offset: int = 0, since: Optional[str] = None, until: Optional[str] = None
               ) -> list[dict]:
        """Quantitative claims with their resolved subjects and sources, newest article first (the period
        is the publication date's); ``subject`` is an actor id, name or alias, ``prop`` a claim property."""
        where, params = self._period_filter("a.published", since, until)
        if article:
            where.append("c.article_id = ?")
            params.append(self.resolve_article(article) or article)
        if subject:
            where.append("m.entity_id = ?")
            params.append(self.resolve_actor(subject))
        if prop:
            where.append("lower(c.property) = lower(?)")
            params.append(prop)
        return self.query(f"""
            SELECT c.article_id, c.claim_id, m.entity_id AS subject_entity, c.subject_text, c.property, c.value,
                   c.value_max, c.unit, c.approx, c.place, c.attributed_text, c.date, c.start_offset AS start,
                   c.end_offset AS "end", c.text, a.source AS outlet, CAST(a.published AS VARCHAR) AS published
            FROM claims c JOIN articles a ON a.id = c.article_id
            LEFT JOIN s_actor_map m ON m.article_id = c.article_id AND m.actor_id = c.subject_actor
            WHERE {' AND '.join(where)}
            ORDER BY a.published DESC NULLS LAST, c.article_id, c.start_offset LIMIT ? OFFSET ?""",
                     params + [limit, offset])

    def places(self, *, search: Optional[str] = None, limit: int = 100, offset: int = 0) -> list[dict]:
        """Places across articles, one per geonames id (or name), with mention and event counts."""
        self._ready()
        where, params = ["TRUE"], []
        if search:
            where.append("strpos(lower(p.name), lower(?)) > 0")
            params.append(search)
        return self.query(f"""
            WITH p AS (
                SELECT {place_key_sql(self.dialect.word_chars)} AS place_key, *
                FROM places),
            ev AS (SELECT place_key, count(*) AS n FROM s_events WHERE place_key IS NOT NULL GROUP BY place_key)
            SELECT p.place_key, any_value(p.name) AS name, any_value(p.geonameid) AS geonameid,
                   any_value(p.lat) AS lat, any_value(p.lon) AS lon, any_value(p.country_code) AS country_code,
                   any_value(p.feature) AS feature, count(DISTINCT p.article_id) AS n_articles,
                   sum(coalesce(json_array_length(p.mentions), 0)) AS n_mentions,
                   coalesce(any_value(ev.n), 0) AS n_events
            FROM p LEFT JOIN ev ON ev.place_key = p.place_key
            WHERE {' AND '.join(where)}
            GROUP BY p.place_key ORDER BY n_mentions DESC, name, p.place_key LIMIT ? OFFSET ?""",
                          params + [limit, offset])

    def event_reports(self, event_ids: list[str]) -> dict[str, list[dict]]:
        """The reports (article, outlet, sentence span) of situation events, by event id."""
        return self._grouped("event_id", event_ids, f"""
                SELECT event_id, article_id, report_id, outlet, CAST(published AS VARCHAR) AS published, title, date,
                       sentence_start AS start, sentence_end AS "end", sentence_text AS text, trigger, source_text,
                       target_text, confidence, rule
                FROM s_event_reports WHERE {self.dialect.any_of('event_id')}
                ORDER BY published NULLS LAST, article_id, report_id""")

    def relation_sources(self, relation_ids: list[str]) -> dict[str, list[dict]]:
        """The per-article reports of situation relations (matched on type and resolved actors)."""
        return self._grouped("relation_id", relation_ids, f"""
                SELECT s.relation_id, r.article_id, a.source AS outlet, CAST(a.published AS VARCHAR) AS published,
                       a.title, r.start_offset AS start, r.end_offset AS "end"
                FROM s_relations s
                JOIN relations r ON r.type = s.type AND r.negated = s.negated
                JOIN s_actor_map ms ON ms.article_id = r.article_id AND ms.actor_id = r.subject_actor
                     AND ms.entity_id = s.subject_entity
                LEFT JOIN s_actor_map mo ON mo.article_id = r.article_id AND mo.actor_id = r.object_actor
                JOIN articles a ON a.id = r.article_id
                WHERE {self.dialect.any_of('s.relation_id')}
                      AND (mo.entity_id = s.object_entity OR (mo.entity_id IS NULL AND s.object_kind = 'place'))
                ORDER BY a.published, r.article_id, r.start_offset""")

    def _period_filter(self, column: str, since: Optional[str], until: Optional[str]) -> tuple[list[str], list]:
        """SQL conditions (and their parameters) keeping rows whose ``column`` lies in the period; the
        situation tables are brought up to date first."""
        since, until = self.check_period(since, until)
        self._ready()
        conds, params = period(column, since, until)
        return ["TRUE", *conds], list(params)

    def _grouped(self, key: str, ids: list[str], sql: str) -> dict[str, list[dict]]:
        """Rows of ``sql`` (one ``?``: the list of ids) grouped by their ``key`` column."""
        if not ids:
            return {}
        self._ready()
        out: dict[str, list[dict]] = {}
        for r in self.query(sql, [list(ids)]):
            out.setdefault(r[key], []).append(r)
        return out

    def article_links(self, article_id: str) -> list[dict]:
        """The actors of one article and the identity each is linked to now (after corrections: an actor
        whose link was marked wrong stands alone), with the correction ids that changed the link."""
        self._ready()
        aid = self.resolve_article(article_id) or article_id
        return self.query("""
            SELECT x.actor_id, x.name, x.kind, m.entity_id, s.name AS entity_name, s.kind AS entity_kind,
                   m.rule, o.corrections
            FROM actors x
            LEFT JOIN s_actor_map m ON m.article_id = x.article_id AND m.actor_id = x.actor_id
            LEFT JOIN s_actors s ON s.entity_id = m.entity_id
            LEFT JOIN s_overrides o ON o.fact = 'link' AND o.article_id = x.article_id AND o.fact_id = x.actor_id
            WHERE x.article_id = ? ORDER BY x.actor_id""", [aid])

    def corrections(self, *, article: Optional[str] = None, target: Optional[str] = None) -> list[dict]:
        """The analyst's corrections (who, when, what), oldest first; ``article``: those made on that
        article's facts; ``target``: those of one event, quote (ARTICLE:QUOTE), link or actor. ``applied_to``
        counts the facts each one applies to now; a withdrawn one has ``withdrawn_by``, ``withdrawn_at`` and
        ``withdrawn_in`` (the withdrawal, itself listed with ``action`` ``withdraw`` and ``value`` the id)."""
        self._ready()
        where, params = ["TRUE"], []
        if article:
            aid = self.resolve_article(article) or article
            where.append(f"({self.dialect.json_key_has('c.anchors', 'article_id')} OR starts_with(c.target_id, ?))")
            params += [aid, aid + ":"]
        if target:
            where.append("c.target_id = ?")
            params.append(target)
        return self.query(f"""
            SELECT c.id, c.target_kind, c.target_id, c.action, c.field, c.value, c.old_value, c.author, c.note,
                   {self.dialect.timestamp_text('c.created_at')} AS created_at, c.anchors,
                   (SELECT count(*) FROM s_overrides o WHERE {self.dialect.list_has('o.corrections', 'c.id')}) AS applied_to,
                   w.id AS withdrawn_in, w.author AS withdrawn_by,
                   {self.dialect.timestamp_text('w.created_at')} AS withdrawn_at, w.note AS withdrawn_note
            FROM corrections c
            LEFT JOIN corrections w ON w.action = 'withdraw' AND w.value = c.id
            WHERE {' AND '.join(where)}
            ORDER BY c.created_at, length(c.id), c.id""", params)

    def search(self, text: str, *, kind: Optional[str] = None, limit: int = 20, offset: int = 0) -> dict:
        """Actors (name, alias), events (their sentence, type, actors, place), quotes (text, speaker) and
        places (name) that have every term of ``text`` (each term of two letters or more also as a prefix), best first: the
        weight of the fields matched, then how many articles or outlets report the thing, then its date.

        Returns ``{"query", "terms", "total", "by_kind", "items", "limit", "offset", "next_offset"}``; each
        item has ``kind``, ``id``, ``label``, ``detail``, ``date``, ``score`` (and ``type``, ``article_id``,
        ``start``, ``end`` where they apply). See :mod:`sitrep.situation.search`."""
        qterms = terms(text)[:8]
        if not qterms:
            raise QueryError("a search needs at least one letter or digit")
        if kind is not None and kind not in SEARCH_KINDS:
            raise QueryError(f"unknown kind {kind!r}; one of {', '.join(SEARCH_KINDS)}")
        if int(limit) < 1 or int(offset) < 0:
            raise QueryError("limit must be 1 or more and offset 0 or more")
        self._ready()
        parts, params = [], []
        for i, t in enumerate(qterms):
            lo, hi = prefix_bounds(t)
            parts.append(f"""SELECT {i} AS qi, kind, id, max(CASE WHEN term = ? THEN weight ELSE 0.6 * weight END) AS w
                             FROM s_search_terms WHERE term >= ? AND term < ?{" AND kind = ?" if kind else ""}
                             GROUP BY kind, id""")
            params += [t, lo, hi] + ([kind] if kind else [])
        phrase = " ".join(qterms)
        score = self.dialect.round("""m.score + 0.5 * coalesce(d.boost, 0)
                         + CASE WHEN lower(strip_accents(d.label)) = ? THEN 4
                                WHEN starts_with(lower(strip_accents(d.label)), ?) THEN 2 ELSE 0 END""", 3)
        rows = self.query(f"""
            WITH hits AS ({" UNION ALL ".join(parts)}),
            m AS MATERIALIZED (SELECT kind, id, sum(w) AS score FROM hits GROUP BY kind, id HAVING count(*) = ?),
            counts AS (SELECT kind, count(*) AS n FROM m GROUP BY kind)
            SELECT d.kind, d.id, d.label, d.detail, CAST(d.date AS VARCHAR) AS date, d.type, d.article_id,
                   d.start_offset AS start, d.end_offset AS "end",
                   {score} AS score,
                   (SELECT {self.dialect.count_map('kind', 'n')} FROM counts) AS by_kind
            FROM m JOIN s_search_docs d ON d.kind = m.kind AND d.id = m.id
            ORDER BY score DESC, d.date DESC NULLS LAST, d.kind, d.id LIMIT ? OFFSET ?""",  # noqa: S608 - fixed parts
                          params + [len(qterms), phrase, phrase, int(limit), int(offset)])
        by_kind = {k: 0 for k in SEARCH_KINDS}
        if rows:
            by_kind.update({k: int(v) for k, v in as_dict(rows[0]["by_kind"]).items()})
        elif offset:  # past the end: count again from the first page
            return {**self.search(text, kind=kind, limit=1, offset=0), "items": [], "limit": int(limit),
                    "offset": int(offset), "next_offset": None}
        total = sum(by_kind.values()) if kind is None else by_kind.get(kind, 0)
        items = [{k: v for k, v in r.items() if k != "by_kind"} for r in rows]
        nxt = int(offset) + len(items)
        return {"query": text, "terms": qterms, "total": total, "by_kind": by_kind, "items": items,
                "limit": int(limit), "offset": int(offset), "next_offset": nxt if nxt < total else None}

    def event_counts_by_type(self, since: Optional[str] = None, until: Optional[str] = None) -> dict[str, int]:
        """Situation events of a period (their own date) counted by PLOVER type, most frequent first."""
        where, params = self._period_filter("date", since, until)
        rows = self.query(f"SELECT type, CAST(sum(n_events) AS BIGINT) AS n FROM s_event_days "
                          f"WHERE {' AND '.join(where)} GROUP BY type ORDER BY n DESC, type", params)
        return {r["type"]: r["n"] for r in rows}


def report_content(store: Queries, *, since: Optional[str] = None, until: Optional[str] = None,
                   limit: int = 15) -> dict:
    """The situation report's content as plain data (the CLI, the API and the dashboard render it;
    :func:`sitrep.situation.report.print_report` for people): its actors and events from the situation
    tables, brought up to date first; its articles, quotes, claims and contradictions from the per-article
    tables."""
    store._ready()
    con = store.con
    conds, params = period("a.published", since, until)
    where = " AND ".join(conds) or "TRUE"
    arts = con.execute(f"""SELECT count(*), min(published), max(published), count(DISTINCT source)
                           FROM articles a WHERE {where}""", params).fetchone()
    actors = _period_actors(store, since, until, limit)
    events = _period_events(store, since, until, limit * 3)
    quotes = con.execute(f"""
        SELECT CASE WHEN o.speaker_set THEN coalesce(os.name, '(unattributed)')
                    ELSE coalesce(sp.name, q.speaker_text, '(unattributed)') END,
               q.text, a.source, CAST(a.published AS VARCHAR)
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN actors sp ON sp.article_id = q.article_id AND sp.actor_id = q.speaker_actor
        LEFT JOIN s_overrides o ON o.fact = 'quote' AND o.article_id = q.article_id AND o.fact_id = q.quote_id
        LEFT JOIN s_actors os ON os.entity_id = o.speaker_entity
        WHERE {where} AND q.kind <> 'indirect' AND NOT coalesce(o.wrong, FALSE)
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


def _period_events(store: Queries, since: Optional[str], until: Optional[str], n: int) -> list[tuple]:
    """The first ``n`` situation events of a period on a timeline: each incident once (merged across
    reports, an analyst's corrections applied, denials left out by the rebuild), placed on its own day (the
    day the event counts of the period use), not historical; the most confident first within a day. The
    index on the day finds them without reading the period's other events."""
    conds, params = period("date", since, until)
    # with a period the undated are out anyway, and NULLS FIRST lets PostgreSQL read the index on the day
    # backwards; without one they come last
    nulls = "NULLS FIRST" if conds else "NULLS LAST"
    return store.con.execute(f"""
        WITH top AS (
            SELECT event_id, date, date_text, type, mode, source_name, target_name, place_name, evidence,
                   modality, confidence
            FROM s_events WHERE {' AND '.join(['TRUE', *conds])} AND modality <> 'historical'
            ORDER BY date {nulls}, confidence DESC, event_id LIMIT ?)
        SELECT coalesce(t.date_text, CAST(t.date AS VARCHAR)), t.type, t.mode, t.source_name, t.target_name,
               t.place_name, t.evidence, (SELECT min(r.outlet) FROM s_event_reports r WHERE r.event_id = t.event_id),
               FALSE, t.modality, t.confidence
        FROM top t ORDER BY t.date {nulls}, t.confidence DESC, t.event_id""", params + [int(n)]).fetchall()


def _period_actors(store: Queries, since: Optional[str], until: Optional[str], n: int) -> list[tuple]:
    """The ``n`` actors (situation entities, media left out) named in the most articles of a period, then
    with the most mentions, from ``s_actor_days``."""
    conds, params = period("d.published", since, until)
    return store.con.execute(f"""
        WITH top AS (SELECT d.entity_id, CAST(sum(d.n_articles) AS BIGINT) AS n_articles,
                            CAST(sum(d.n_mentions) AS BIGINT) AS n_mentions
                     FROM s_actor_days d WHERE {' AND '.join(['TRUE', *conds])} GROUP BY d.entity_id)
        SELECT s.name, s.kind, s.country, s.sector, t.n_articles, t.n_mentions
        FROM top t JOIN s_actors s ON s.entity_id = t.entity_id
        WHERE s.kind IS DISTINCT FROM 'media'
        ORDER BY t.n_articles DESC, t.n_mentions DESC, s.name, s.entity_id LIMIT ?""", params + [int(n)]).fetchall()
