"""The store: an embedded DuckDB database of documents, one table per kind of fact.

    store = Store("sitrep.duckdb")
    result = store.ingest(["articles/"])          # read, extract, store; idempotent
    store.counts()                                # {"articles": 12, "events": 140, ...}

Every table is written from the contract :class:`~sitrep.contract.Document` (the store never sees a
stage's internals). Ingest is idempotent (articles already stored are skipped before extraction) and
transactional per batch (an interrupted ingest leaves no half-written article; running it again
completes the rest). The schema version is stored and checked on open.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

import duckdb

from .article import Article, Failure
from .contract import Document
from .dbutil import bulk_insert, period
from .errors import QueryError, SchemaVersionError, StoreError
from .situation import SITUATION_SCHEMA, SITUATION_TABLES

SCHEMA_VERSION = 4  # 2: situation tables (s_*), see sitrep.situation; 3: s_actors name_key, alias_keys, n_events;
#                     4: relations.kind
DEFAULT_DB = "sitrep.duckdb"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, title VARCHAR, source VARCHAR, url VARCHAR, published DATE,
    language VARCHAR, origin VARCHAR, text VARCHAR, warnings JSON, document JSON, ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR,
    wikidata VARCHAR, kb_id VARCHAR, role VARCHAR, affiliation VARCHAR, aliases JSON, mentions JSON,
    PRIMARY KEY (article_id, actor_id));
CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR, event_id VARCHAR, type VARCHAR, mode VARCHAR, contexts JSON,
    source_actor VARCHAR, source_text VARCHAR, target_actor VARCHAR, target_text VARCHAR,
    negated BOOLEAN, modality VARCHAR, date VARCHAR, location VARCHAR,
    sentence_start INTEGER, sentence_end INTEGER, sentence_text VARCHAR, trigger VARCHAR,
    confidence DOUBLE, cameo VARCHAR, evidence JSON, PRIMARY KEY (article_id, event_id));
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, quote_id VARCHAR, speaker_actor VARCHAR, speaker_text VARCHAR, text VARCHAR,
    start_offset INTEGER, end_offset INTEGER, kind VARCHAR, cue VARCHAR, PRIMARY KEY (article_id, quote_id));
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, place_id VARCHAR, name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE,
    country_code VARCHAR, feature VARCHAR, mentions JSON, PRIMARY KEY (article_id, place_id));
CREATE TABLE IF NOT EXISTS claims (
    article_id VARCHAR, claim_id VARCHAR, subject_actor VARCHAR, subject_text VARCHAR, property VARCHAR,
    value DOUBLE, value_max DOUBLE, unit VARCHAR, approx BOOLEAN, place VARCHAR,
    attributed_actor VARCHAR, attributed_text VARCHAR, date VARCHAR, start_offset INTEGER,
    end_offset INTEGER, text VARCHAR, PRIMARY KEY (article_id, claim_id));
CREATE TABLE IF NOT EXISTS relations (
    article_id VARCHAR, n INTEGER, type VARCHAR, subject_actor VARCHAR, subject_text VARCHAR,
    object_actor VARCHAR, object_text VARCHAR, since VARCHAR, until VARCHAR, negated BOOLEAN,
    start_offset INTEGER, end_offset INTEGER, kind VARCHAR, PRIMARY KEY (article_id, n));
CREATE TABLE IF NOT EXISTS contradictions (
    article_id VARCHAR, claim_a VARCHAR, claim_b VARCHAR, reason VARCHAR);
CREATE TABLE IF NOT EXISTS dates (
    article_id VARCHAR, text VARCHAR, start_offset INTEGER, end_offset INTEGER, value VARCHAR,
    precision VARCHAR, relation VARCHAR);
CREATE TABLE IF NOT EXISTS failures (
    origin VARCHAR, article_id VARCHAR, stage VARCHAR, code VARCHAR, reason VARCHAR, failed_at TIMESTAMP);
""" + SITUATION_SCHEMA

#: how a store of an older schema version is brought up to date, one version at a time (applied when the
#: store is opened; every stored document is kept, so new columns are filled from the documents)
MIGRATIONS: dict[int, tuple[str, ...]] = {
    3: ("ALTER TABLE relations ADD COLUMN kind VARCHAR",
        """UPDATE relations SET kind = json_extract_string(a.document, '$.relations[' || relations.n || '].kind')
           FROM articles a WHERE a.id = relations.article_id"""),
}

FACT_TABLES = ("actors", "events", "quotes", "places", "claims", "relations", "contradictions", "dates")


@dataclass
class IngestResult:
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.stored} article(s) stored"]
        if self.skipped:
            parts.append(f"{self.skipped} already stored (nothing new)")
        if self.failed:
            parts.append(f"{self.failed} failed")
        return ", ".join(parts)


def _j(value) -> str:
    return json.dumps(value, ensure_ascii=False)


class Store:
    """An embedded DuckDB database holding sitrep documents."""

    def __init__(self, path: Union[str, os.PathLike] = DEFAULT_DB, *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}; create one with `sitrep ingest PATH --db {self.path}`")
        self.con = self._connect(read_only)
        if not self._init_schema(read_only):  # an older schema: upgrade it in a writable connection first
            self.con.close()
            self.con = self._connect(False)
            self._init_schema(False)
            self.con.close()
            self.con = self._connect(True)

    def _connect(self, read_only: bool):
        try:
            return duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            raise StoreError(f"cannot open database {self.path}: {err}") from None

    # -- schema ------------------------------------------------------------------------------
    def _init_schema(self, read_only: bool) -> bool:
        """Create the schema in an empty database, check (and upgrade) it in an existing one; False when
        the store needs an upgrade that a read-only connection cannot make."""
        tables = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if "meta" in tables:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            found = int(row[0]) if row and str(row[0]).isdigit() else None
            if found == SCHEMA_VERSION:
                return True
            if found is None or found > SCHEMA_VERSION or any(v not in MIGRATIONS
                                                               for v in range(found, SCHEMA_VERSION)):
                raise SchemaVersionError(
                    f"database {self.path} has schema version {found}, this sitrep needs {SCHEMA_VERSION}; "
                    f"ingest into a new database (--db NEW.duckdb) or use the sitrep version that wrote it")
            if read_only:
                return False
            self._migrate(found)
            return True
        if tables:
            raise StoreError(f"{self.path} is a DuckDB database but not a sitrep store; choose another --db")
        if read_only:
            raise StoreError(f"{self.path} is empty; ingest articles first")
        self.con.execute(SCHEMA)
        self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        self.con.execute("INSERT INTO meta VALUES ('situation_stale', '0')")
        return True

    def _migrate(self, found: int) -> None:
        try:
            self.con.execute("BEGIN TRANSACTION")
            for version in range(found, SCHEMA_VERSION):
                for sql in MIGRATIONS[version]:
                    self.con.execute(sql)
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
            self.con.execute("COMMIT")
        except duckdb.Error as err:
            self.con.execute("ROLLBACK")
            raise StoreError(f"cannot upgrade database {self.path} from schema version {found} to "
                             f"{SCHEMA_VERSION}: {err}") from None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def stored_ids(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [list(ids)]).fetchall()
        return {r[0] for r in rows}

    def _insert_document(self, doc: Document, origin: Optional[str]) -> None:
        a, aid, c = doc.article, doc.article.id, self.con
        c.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  [aid, a.title, a.source, a.url, a.published, a.language, origin, doc.text,
                   _j(doc.warnings), doc.model_dump_json(), datetime.now(timezone.utc).replace(tzinfo=None)])
        if doc.actors:
            bulk_insert(c, "actors", [
                [aid, x.id, x.name, x.kind, x.country, x.sector, x.wikidata, x.kb_id, x.role, x.affiliation,
                 _j(x.aliases), _j([m.model_dump() for m in x.mentions])] for x in doc.actors])
        if doc.events:
            bulk_insert(c, "events", [
                [aid, e.id, e.type, e.mode, _j(e.contexts),
                 e.source.actor_id if e.source else None, e.source.text if e.source else None,
                 e.target.actor_id if e.target else None, e.target.text if e.target else None,
                 e.negated, e.modality, e.date, e.location, e.sentence.start, e.sentence.end, e.sentence.text,
                 e.trigger, e.confidence, e.cameo, _j([s.model_dump() for s in e.evidence])] for e in doc.events])
        if doc.quotes:
            bulk_insert(c, "quotes", [
                [aid, q.id, q.speaker.actor_id if q.speaker else None, q.speaker.text if q.speaker else None,
                 q.text, q.start, q.end, q.kind, q.cue] for q in doc.quotes])
        if doc.places:
            bulk_insert(c, "places", [
                [aid, p.id, p.name, p.geonameid, p.lat, p.lon, p.country_code, p.feature,
                 _j([m.model_dump() for m in p.mentions])] for p in doc.places])
        if doc.claims:
            bulk_insert(c, "claims", [
                [aid, x.id, x.subject.actor_id, x.subject.text, x.property, x.value, x.value_max, x.unit,
                 x.approx, x.place, x.attributed_to.actor_id if x.attributed_to else None,
                 x.attributed_to.text if x.attributed_to else None, x.date, x.start, x.end, x.text]
                for x in doc.claims])
        if doc.relations:
            bulk_insert(c, "relations", [
                [aid, n, r.type, r.subject.actor_id, r.subject.text, r.object.actor_id, r.object.text,
                 r.since, r.until, r.negated, r.start, r.end, r.kind] for n, r in enumerate(doc.relations)])
        if doc.contradictions:
            bulk_insert(c, "contradictions", [
                [aid, x.claims[0], x.claims[1], x.reason] for x in doc.contradictions])
        if doc.dates:
            bulk_insert(c, "dates", [
                [aid, d.text, d.start, d.end, d.value, d.precision, d.relation] for d in doc.dates])
        c.execute("DELETE FROM failures WHERE article_id = ?", [aid])

    def _insert_failure(self, f: Failure) -> None:
        self.con.execute("INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?)",
                         [f.origin, f.article_id, f.stage, f.code, f.reason,
                          datetime.now(timezone.utc).replace(tzinfo=None)])

    def write_batch(self, items: Iterable[Union[tuple[Document, Optional[str]], Failure]]) -> tuple[int, int]:
        """Write documents (with their origin) and failures in one transaction; returns (stored, failed)."""
        stored = failed = 0
        self.con.execute("BEGIN TRANSACTION")
        try:
            for item in items:
                if isinstance(item, Failure):
                    self._insert_failure(item)
                    failed += 1
                else:
                    doc, origin = item
                    if self.has_article(doc.article.id):
                        continue
                    self._insert_document(doc, origin)
                    stored += 1
            if stored:
                self.con.execute("UPDATE meta SET value = '1' WHERE key = 'situation_stale'")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return stored, failed

    def add_documents(self, docs: Iterable[Document], *, refresh: bool = True) -> int:
        """Store contract documents; with ``refresh`` the situation tables are recomputed now, else on
        the next query."""
        n = self.write_batch((d, None) for d in docs)[0]
        if refresh:
            self.refresh_situation(only_if_stale=True)
        return n

    def ingest(self, sources: Iterable[Union[str, os.PathLike, Article]], *, pipeline=None,
               published: Optional[str] = None, source: Optional[str] = None, max_bytes: Optional[int] = None,
               n_process: int = 1, batch_size: int = 8, ray_address: Optional[str] = None,
               on_progress: Optional[Callable[[int], None]] = None, refresh: bool = True,
               article_timeout: Optional[float] = None) -> IngestResult:
        """Read, extract and store; articles already stored are skipped before extraction.

        ``article_timeout`` is the time budget of one article (see ``Pipeline.pipe``); an article over
        it is recorded in ``failures`` with code E202 like any other failure.

        With ``refresh`` the situation tables (merged actors, events, ...) are recomputed at the end;
        else they are recomputed by the next query (useful when ingesting one article at a time)."""
        from .readers import DEFAULT_MAX_BYTES, read_paths

        if pipeline is None:
            from . import default_pipeline

            pipeline = default_pipeline()
        result = IngestResult()
        paths = [s for s in sources if not isinstance(s, Article)]
        given = [s for s in sources if isinstance(s, Article)]
        items = list(given) + list(read_paths(paths, published=published, source=source,
                                              max_bytes=max_bytes or DEFAULT_MAX_BYTES)) if paths else list(given)
        articles = [x for x in items if isinstance(x, Article)]
        read_failures = [x for x in items if isinstance(x, Failure)]
        if read_failures:
            self.write_batch(read_failures)
            result.failed += len(read_failures)
            result.failures.extend(read_failures)
        done = self.stored_ids([a.id for a in articles])
        todo = [a for a in articles if a.id not in done]
        result.skipped = len(articles) - len(todo)
        batch: list = []
        for outcome in pipeline.pipe(todo, n_process=n_process, batch_size=batch_size,
                                     ray_address=ray_address, article_timeout=article_timeout):
            if outcome.failure is not None:
                batch.append(outcome.failure)
                result.failures.append(outcome.failure)
            else:
                batch.append((outcome.document, outcome.article.origin))
            if len(batch) >= batch_size:
                s, f = self.write_batch(batch)
                result.stored, result.failed = result.stored + s, result.failed + f
                if on_progress:
                    on_progress(len(batch))
                batch = []
        if batch:
            s, f = self.write_batch(batch)
            result.stored, result.failed = result.stored + s, result.failed + f
            if on_progress:
                on_progress(len(batch))
        if refresh:
            self.refresh_situation(only_if_stale=True)
        return result

    # -- the situation across articles ---------------------------------------------------------
    def situation_stale(self) -> bool:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'situation_stale'").fetchone()
        return row is None or row[0] != "0"

    def refresh_situation(self, *, only_if_stale: bool = False) -> Optional[dict[str, int]]:
        """Recompute the situation tables (merged actors, events, relations, cross-article
        contradictions) from the per-article tables, in one transaction. Returns their row counts."""
        from .situation import rebuild

        if self.read_only or (only_if_stale and not self.situation_stale()):
            return None
        self.con.execute("BEGIN TRANSACTION")
        try:
            counts = rebuild(self.con)
            self.con.execute("UPDATE meta SET value = '0' WHERE key = 'situation_stale'")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return counts

    # -- reading -----------------------------------------------------------------------------
    def counts(self, *, situation: bool = False) -> dict[str, int]:
        tables = ("articles", *FACT_TABLES, "failures") + (SITUATION_TABLES if situation else ())
        if situation:
            self.refresh_situation(only_if_stale=True)
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                for t in tables}

    def documents(self) -> Iterator[Document]:
        for (js,) in self.con.execute("SELECT document FROM articles ORDER BY published NULLS LAST, id").fetchall():
            yield Document.model_validate_json(js)

    def document(self, article_id: str) -> Optional[Document]:
        row = self.con.execute("SELECT document FROM articles WHERE id = ?", [article_id]).fetchone()
        return Document.model_validate_json(row[0]) if row else None

    def failures(self) -> list[Failure]:
        rows = self.con.execute(
            "SELECT article_id, origin, stage, code, reason FROM failures ORDER BY failed_at").fetchall()
        return [Failure(article_id=r[0], origin=r[1], stage=r[2], code=r[3], reason=r[4]) for r in rows]

    # -- queries over the situation (the CLI, the HTTP API and exports read these) ---------------
    def query(self, sql: str, params: Sequence = ()) -> list[dict]:
        """Run a parameterised SQL query over the store's tables (meant for reading); rows come back as
        dicts, with dates as ISO strings and JSON columns parsed."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        json_cols = {i for i, d in enumerate(cur.description) if str(d[1]).upper() == "JSON"}
        out = []
        for row in cur.fetchall():
            rec = {}
            for i, (k, v) in enumerate(zip(names, row)):
                if i in json_cols and isinstance(v, str):
                    v = json.loads(v)
                elif hasattr(v, "isoformat"):
                    v = v.isoformat()
                rec[k] = v
            out.append(rec)
        return out

    def _ready(self) -> None:
        self.refresh_situation(only_if_stale=True)

    def resolve_actor(self, name: str) -> str:
        """The entity id a user's actor name refers to (id, name, alias; case and accents ignored).

        Raises :class:`QueryError` with suggestions when no actor matches."""
        from rapidfuzz import fuzz, process

        from .situation import normalise

        self._ready()
        text = (name or "").strip()
        if not text:
            raise QueryError("an actor name is required")
        row = self.con.execute("SELECT entity_id FROM s_actors WHERE lower(entity_id) = lower(?)", [text]).fetchone()
        if row:
            return row[0]
        key = normalise(text)
        for cond in ("name_key = ?", "list_contains(alias_keys, ?)"):
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
        from datetime import date

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
               limit: Optional[int] = None) -> list[dict]:
        """Actors across the corpus (one row per resolved identity), most reported first."""
        from typing import get_args

        from .contract import ActorKind
        from .situation import normalise

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
        lim = " LIMIT ?" if limit else ""
        return self.query(f"""
            SELECT a.entity_id, a.name, a.kind, a.country, a.sector, a.wikidata, a.kb_id, a.aliases, a.roles,
                   a.affiliation, a.n_articles, a.n_mentions, a.n_events, a.first_seen, a.last_seen
            FROM s_actors a
            WHERE {' AND '.join(where)}
            ORDER BY a.n_articles DESC, a.n_mentions DESC, a.name{lim}""", params + ([int(limit)] if limit else []))

    def actor_profile(self, name: str, *, limit: int = 10) -> dict:
        """One actor: aliases, roles, relations, recent events and quotes, and every mention's span."""
        eid = self.resolve_actor(name)
        (actor,) = self.query("""SELECT * EXCLUDE (name_key, alias_keys) FROM s_actors WHERE entity_id = ?""", [eid])
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
               limit: Optional[int] = 100, offset: int = 0) -> list[dict]:
        """Situation events (merged reports), most recent first."""
        from .contract import PLOVER_TYPES

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
            where.append("(strpos(lower(place_name), lower(?)) > 0 OR place_key = ?)")
            params += [place, place]
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
                                  place_name, modality, n_reports, n_sources, outlets, confidence, cameo, evidence
                           FROM s_events WHERE {' AND '.join(where)}
                           ORDER BY date DESC NULLS LAST, n_sources DESC, event_id{lim}""", params)

    def why(self, event_id: str) -> dict:
        """The reports of one situation event and the rule that joined them."""
        from .situation import explain

        self._ready()
        found = explain(self.con, (event_id or "").strip())
        if found is None:
            raise QueryError(f"no situation event {event_id!r}; list them with `sitrep events`")
        return found

    def quotes(self, *, speaker: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
               limit: Optional[int] = 100) -> list[dict]:
        """Quotes with their resolved speakers, newest article first."""
        since, until = self.check_period(since, until)
        where, params = ["TRUE"], []
        if speaker:
            where.append("m.entity_id = ?")
            params.append(self.resolve_actor(speaker))
        else:
            self._ready()
        conds, cparams = period("a.published", since, until)
        where += conds
        params += cparams
        lim = " LIMIT ?" if limit else ""
        return self.query(f"""
            SELECT q.article_id, q.quote_id, m.entity_id AS speaker_entity, coalesce(s.name, q.speaker_text) AS speaker,
                   q.speaker_text, q.text, q.kind, q.cue, q.start_offset, q.end_offset, a.source AS outlet, a.published
            FROM quotes q JOIN articles a ON a.id = q.article_id
            LEFT JOIN s_actor_map m ON m.article_id = q.article_id AND m.actor_id = q.speaker_actor
            LEFT JOIN s_actors s ON s.entity_id = m.entity_id
            WHERE {' AND '.join(where)} ORDER BY a.published DESC NULLS LAST, q.article_id, q.start_offset{lim}""",
                       params + ([int(limit)] if limit else []))

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

    def timeline(self, *, actor: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                 limit: Optional[int] = 200) -> list[dict]:
        """What happened, in date order: situation events and relations that began or ended."""
        since, until = self.check_period(since, until)
        eid = self.resolve_actor(actor) if actor else None
        if eid is None:
            self._ready()
        cond, params = ["date IS NOT NULL"], []
        if eid:
            cond.append("(source_entity = ? OR target_entity = ?)")
            params += [eid, eid]
        conds, cparams = period("date", since, until)
        cond += conds
        params += cparams
        lim = " LIMIT ?" if limit else ""
        rows = self.query(f"""SELECT CAST(date AS VARCHAR) AS date, 'event' AS kind, type, event_id AS id,
                                  source_name, target_name, place_name, n_sources, evidence
                           FROM s_events WHERE {' AND '.join(cond)}
                           ORDER BY date, n_sources DESC, event_id{lim}""", params + ([int(limit)] if limit else []))
        out = [{"date": r["date"], "kind": "event", "id": r["id"], "type": r["type"],
                "what": f"{r['source_name'] or '?'} {r['type']} {r['target_name'] or ''}".strip()
                + (f" in {r['place_name']}" if r["place_name"] else ""),
                "n_sources": r["n_sources"], "evidence": r["evidence"]} for r in rows]
        rcond, rparams = ["NOT negated"], []
        if eid:
            rcond.append("(subject_entity = ? OR object_entity = ?)")
            rparams += [eid, eid]
        for r in self.query(f"""SELECT relation_id, type, subject_name, object_name, since, until, n_sources, evidence
                             FROM s_relations WHERE {' AND '.join(rcond)} AND (since IS NOT NULL OR until IS NOT NULL)""",
                         rparams):
            for bound, label in (("since", "began"), ("until", "ended")):
                d = r[bound]
                if d and (not since or d >= since[:len(d)]) and (not until or d <= until[:len(d)]):
                    out.append({"date": d, "kind": f"relation {label}", "id": r["relation_id"], "type": r["type"],
                                "what": f"{r['subject_name']} {r['type']} {r['object_name']} ({label})",
                                "n_sources": r["n_sources"], "evidence": r["evidence"]})
        out.sort(key=lambda x: (x["date"], x["kind"] != "event", x["id"]))
        return out[:limit] if limit else out

    def graph(self, *, at: Optional[str] = None, min_events: int = 1) -> dict:
        """The actor graph at a date: relations that held then (since/until) and event counts up to it
        (dyads with fewer than ``min_events`` events of a type are left out)."""
        from .situation import graph_at

        at, _ = self.check_period(at, None) if at else (None, None)
        if int(min_events) < 1:
            raise QueryError("min_events must be 1 or more")
        self._ready()
        return graph_at(self.con, at, int(min_events))

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
        pub, pp = period("a.published", since, until)
        ev, ep = period("date", since, until)
        pub, ev = ["TRUE", *pub], ["TRUE", *ev]
        pw, ew = " AND ".join(pub), " AND ".join(ev)
        one = lambda sql, p: self.con.execute(sql, p).fetchone()[0] or 0  # noqa: E731
        return {
            "articles": one(f"SELECT count(*) FROM articles a WHERE {pw}", pp),
            "sources": one(f"SELECT count(DISTINCT a.source) FROM articles a WHERE {pw}", pp),
            "actors": one(f"""SELECT count(DISTINCT m.entity_id) FROM s_actor_map m JOIN articles a
                              ON a.id = m.article_id WHERE {pw}""", pp),
            "events": one(f"SELECT count(*) FROM s_events WHERE {ew}", ep),
            "event_reports": one(f"SELECT coalesce(sum(n_reports), 0) FROM s_events WHERE {ew}", ep),
            "multi_source_events": one(f"SELECT count(*) FROM s_events WHERE n_sources > 1 AND {ew}", ep),
            "quotes": one(f"SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {pw}", pp),
            "claims": one(f"SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id WHERE {pw}", pp),
            "relations": one(f"""SELECT count(DISTINCT r.relation_id) FROM s_relations r,
                                 unnest(CAST(r.articles AS VARCHAR[])) u(aid), articles a
                                 WHERE a.id = u.aid AND NOT r.negated AND {pw}""", pp),
            "contradictions": one(f"""SELECT count(*) FROM contradictions x JOIN articles a ON a.id = x.article_id
                                      WHERE {pw}""", pp)
            + one(f"""SELECT count(*) FROM s_contradictions x JOIN articles a ON a.id = x.article_b WHERE {pw}""", pp),
        }

    def report(self, *, since: Optional[str] = None, until: Optional[str] = None, limit: int = 15) -> dict:
        """The situation report for a period: counts, the report of :mod:`sitrep.report`, the events most
        sources agree on, and contradictions across articles."""
        from .report import situation

        since, until = self.check_period(since, until)
        data = dict(situation(self, since=since, until=until, limit=limit))
        data["period"] = {"since": since, "until": until}
        data["counts"] = self.situation_counts(since=since, until=until)
        data["top_events"] = self.events(since=since, until=until, min_sources=2, limit=limit)
        data["contradictions_across"] = [c for c in self.contradictions() if c["scope"] == "across"
                                          and (not since or (c["published_b"] or "") >= since)
                                          and (not until or (c["published_a"] or "9") <= until)]
        return data

    # -- the rest of the situation that the HTTP API and the dashboard show ---------------------
    def article_list(self, limit: int = 100, offset: int = 0) -> list[dict]:
        """Stored articles, newest first, with their counts of actors, events, quotes and claims."""
        return self.query("""
            SELECT a.id, a.title, a.source, a.url, CAST(a.published AS VARCHAR) AS published, a.language, a.origin,
                   (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS n_actors,
                   (SELECT count(*) FROM events x WHERE x.article_id = a.id) AS n_events,
                   (SELECT count(*) FROM quotes x WHERE x.article_id = a.id) AS n_quotes,
                   (SELECT count(*) FROM claims x WHERE x.article_id = a.id) AS n_claims
            FROM articles a ORDER BY a.published DESC NULLS LAST, a.ingested_at DESC, a.id LIMIT ? OFFSET ?""",
                     [limit, offset])

    def claims(self, *, article: Optional[str] = None, subject: Optional[str] = None, prop: Optional[str] = None,
               limit: int = 100, offset: int = 0, since: Optional[str] = None, until: Optional[str] = None
               ) -> list[dict]:
        """Quantitative claims with their resolved subjects and sources, newest article first (the period
        is the publication date's); ``subject`` is an actor id, name or alias, ``prop`` a claim property."""
        where, params = self._period_filter("a.published", since, until)
        if article:
            where.append("c.article_id = ?")
            params.append(article)
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

    def places(self, *, search: Optional[str] = None, limit: int = 100) -> list[dict]:
        """Places across articles, one per geonames id (or name), with mention and event counts."""
        self._ready()
        where, params = ["TRUE"], []
        if search:
            where.append("strpos(lower(p.name), lower(?)) > 0")
            params.append(search)
        return self.query(f"""
            WITH p AS (
                SELECT coalesce('geo:' || CAST(geonameid AS VARCHAR), 'name:' || lower(name)) AS place_key, *
                FROM places),
            ev AS (SELECT place_key, count(*) AS n FROM s_events WHERE place_key IS NOT NULL GROUP BY place_key)
            SELECT p.place_key, any_value(p.name) AS name, any_value(p.geonameid) AS geonameid,
                   any_value(p.lat) AS lat, any_value(p.lon) AS lon, any_value(p.country_code) AS country_code,
                   any_value(p.feature) AS feature, count(DISTINCT p.article_id) AS n_articles,
                   sum(coalesce(json_array_length(p.mentions), 0)) AS n_mentions,
                   coalesce(any_value(ev.n), 0) AS n_events
            FROM p LEFT JOIN ev ON ev.place_key = p.place_key
            WHERE {' AND '.join(where)}
            GROUP BY p.place_key ORDER BY n_mentions DESC, name LIMIT ?""", params + [limit])

    def event_reports(self, event_ids: list[str]) -> dict[str, list[dict]]:
        """The reports (article, outlet, sentence span) of situation events, by event id."""
        return self._grouped("event_id", event_ids, """
                SELECT event_id, article_id, report_id, outlet, CAST(published AS VARCHAR) AS published, title, date,
                       sentence_start AS start, sentence_end AS "end", sentence_text AS text, trigger, source_text,
                       target_text, confidence, rule
                FROM s_event_reports WHERE list_contains(?, event_id)
                ORDER BY published NULLS LAST, article_id, report_id""")

    def relation_sources(self, relation_ids: list[str]) -> dict[str, list[dict]]:
        """The per-article reports of situation relations (matched on type and resolved actors)."""
        return self._grouped("relation_id", relation_ids, """
                SELECT s.relation_id, r.article_id, a.source AS outlet, CAST(a.published AS VARCHAR) AS published,
                       a.title, r.start_offset AS start, r.end_offset AS "end"
                FROM s_relations s
                JOIN relations r ON r.type = s.type AND r.negated = s.negated
                JOIN s_actor_map ms ON ms.article_id = r.article_id AND ms.actor_id = r.subject_actor
                     AND ms.entity_id = s.subject_entity
                LEFT JOIN s_actor_map mo ON mo.article_id = r.article_id AND mo.actor_id = r.object_actor
                JOIN articles a ON a.id = r.article_id
                WHERE list_contains(?, s.relation_id)
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

    def claim_spans(self, keys: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, int]]:
        """(article, claim) -> the claim's (start, end) in its article."""
        if not keys:
            return {}
        arts = sorted({a for a, _ in keys})
        rows = self.query("""SELECT article_id, claim_id, start_offset, end_offset FROM claims
                               WHERE list_contains(?, article_id)""", [arts])
        return {(r["article_id"], r["claim_id"]): (r["start_offset"], r["end_offset"]) for r in rows
                if (r["article_id"], r["claim_id"]) in keys}

    def event_counts_by_type(self, since: Optional[str] = None, until: Optional[str] = None) -> dict[str, int]:
        """Situation events of a period (their own date) counted by PLOVER type, most frequent first."""
        where, params = self._period_filter("date", since, until)
        rows = self.query(f"SELECT type, count(*) AS n FROM s_events WHERE {' AND '.join(where)} "
                           "GROUP BY type ORDER BY n DESC, type", params)
        return {r["type"]: r["n"] for r in rows}
