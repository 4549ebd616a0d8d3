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
from .errors import SchemaVersionError, StoreError

SCHEMA_VERSION = 1
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
    start_offset INTEGER, end_offset INTEGER, PRIMARY KEY (article_id, n));
CREATE TABLE IF NOT EXISTS contradictions (
    article_id VARCHAR, claim_a VARCHAR, claim_b VARCHAR, reason VARCHAR);
CREATE TABLE IF NOT EXISTS dates (
    article_id VARCHAR, text VARCHAR, start_offset INTEGER, end_offset INTEGER, value VARCHAR,
    precision VARCHAR, relation VARCHAR);
CREATE TABLE IF NOT EXISTS failures (
    origin VARCHAR, article_id VARCHAR, stage VARCHAR, code VARCHAR, reason VARCHAR, failed_at TIMESTAMP);
"""

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
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}; create one with `sitrep ingest PATH --db {self.path}`")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            raise StoreError(f"cannot open database {self.path}: {err}") from None
        self._init_schema(read_only)

    # -- schema ------------------------------------------------------------------------------
    def _init_schema(self, read_only: bool) -> None:
        tables = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if "meta" in tables:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            found = int(row[0]) if row else None
            if found != SCHEMA_VERSION:
                raise SchemaVersionError(
                    f"database {self.path} has schema version {found}, this sitrep needs {SCHEMA_VERSION}; "
                    f"ingest into a new database (--db NEW.duckdb) or use the sitrep version that wrote it")
            return
        if tables:
            raise StoreError(f"{self.path} is a DuckDB database but not a sitrep store; choose another --db")
        if read_only:
            raise StoreError(f"{self.path} is empty; ingest articles first")
        self.con.execute(SCHEMA)
        self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

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
            c.executemany("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                [aid, x.id, x.name, x.kind, x.country, x.sector, x.wikidata, x.kb_id, x.role, x.affiliation,
                 _j(x.aliases), _j([m.model_dump() for m in x.mentions])] for x in doc.actors])
        if doc.events:
            c.executemany("INSERT INTO events VALUES (" + ", ".join("?" * 20) + ")", [
                [aid, e.id, e.type, e.mode, _j(e.contexts),
                 e.source.actor_id if e.source else None, e.source.text if e.source else None,
                 e.target.actor_id if e.target else None, e.target.text if e.target else None,
                 e.negated, e.modality, e.date, e.location, e.sentence.start, e.sentence.end, e.sentence.text,
                 e.trigger, e.confidence, e.cameo, _j([s.model_dump() for s in e.evidence])] for e in doc.events])
        if doc.quotes:
            c.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                [aid, q.id, q.speaker.actor_id if q.speaker else None, q.speaker.text if q.speaker else None,
                 q.text, q.start, q.end, q.kind, q.cue] for q in doc.quotes])
        if doc.places:
            c.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                [aid, p.id, p.name, p.geonameid, p.lat, p.lon, p.country_code, p.feature,
                 _j([m.model_dump() for m in p.mentions])] for p in doc.places])
        if doc.claims:
            c.executemany("INSERT INTO claims VALUES (" + ", ".join("?" * 16) + ")", [
                [aid, x.id, x.subject.actor_id, x.subject.text, x.property, x.value, x.value_max, x.unit,
                 x.approx, x.place, x.attributed_to.actor_id if x.attributed_to else None,
                 x.attributed_to.text if x.attributed_to else None, x.date, x.start, x.end, x.text]
                for x in doc.claims])
        if doc.relations:
            c.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                [aid, n, r.type, r.subject.actor_id, r.subject.text, r.object.actor_id, r.object.text,
                 r.since, r.until, r.negated, r.start, r.end] for n, r in enumerate(doc.relations)])
        if doc.contradictions:
            c.executemany("INSERT INTO contradictions VALUES (?, ?, ?, ?)", [
                [aid, x.claims[0], x.claims[1], x.reason] for x in doc.contradictions])
        if doc.dates:
            c.executemany("INSERT INTO dates VALUES (?, ?, ?, ?, ?, ?, ?)", [
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
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return stored, failed

    def add_documents(self, docs: Iterable[Document]) -> int:
        return self.write_batch((d, None) for d in docs)[0]

    def ingest(self, sources: Iterable[Union[str, os.PathLike, Article]], *, pipeline=None,
               published: Optional[str] = None, source: Optional[str] = None, max_bytes: Optional[int] = None,
               n_process: int = 1, batch_size: int = 8, ray_address: Optional[str] = None,
               on_progress: Optional[Callable[[int], None]] = None) -> IngestResult:
        """Read, extract and store; articles already stored are skipped before extraction."""
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
                                     ray_address=ray_address):
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
        return result

    # -- reading -----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                for t in ("articles", *FACT_TABLES, "failures")}

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
