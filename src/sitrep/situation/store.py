"""The store: an embedded DuckDB database of documents, one table per kind of fact.

    store = Store("sitrep.duckdb")
    result = store.ingest(["articles/"])          # read, extract, store; idempotent
    store.counts()                                # {"articles": 12, "events": 140, ...}

Every table is written from the contract :class:`~sitrep.contract.Document` (the store never sees a
stage's internals). Ingest is idempotent (articles already stored are skipped before extraction) and
transactional per batch (an interrupted ingest leaves no half-written article; running it again
completes the rest). The schema version is stored and checked on open.

Every id given to ingest is accounted for (:class:`IngestResult`): stored, already stored, a duplicate,
or failed. An article whose text the store holds under another id is a *duplicate*: it is not extracted
again, and the ``duplicates`` table maps its id to the stored article's, which :meth:`Store.resolve_article`,
:meth:`Store.document` and the queries that take an article id follow. A stored id given another text is
an :class:`~sitrep.errors.IdConflictError` (recorded in ``failures``) unless ``replace=True``, which
replaces the stored article (its duplicates keep resolving to it).
"""

from __future__ import annotations

import copy
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Iterator, Optional, Sequence, Union

import duckdb

from ..core.article import AlreadyStored, Article, Duplicate, Failure, text_hash
from ..core.contract import Document
from ..core.errors import IdConflictError, QueryError, SchemaVersionError, StoreError
from ..pipeline import default_pipeline
from ..readers import DEFAULT_MAX_BYTES, deduplicate, read_paths
from .dbutil import bulk_insert
from . import postgres
from .corrections import ACTOR_FIELDS, TARGET_KINDS, check_value, correction_row, withdrawal_row
from .dialect import Dialect, dialect_of
from .merge import rebuild
from .queries import Queries
from .dialect import PG_INDEXES, pg_functions
from .schema import (FACT_TABLES, INSERT_ARTICLE, MARK_STALE, MIGRATIONS, PG_MIGRATIONS, SCHEMA, SCHEMA_VERSION,
                     SITUATION_TABLES, article_row, fact_rows, failure_from_row, failure_row)

DEFAULT_DB = "sitrep.duckdb"
#: an article's metadata that ``update_meta`` updates
META_FIELDS = ("title", "source", "url", "published")


@dataclass
class IngestResult:
    """What ingest made of every id it read: ``read == stored + skipped + duplicates + failed``.

    ``stored`` counts the articles written (``replaced`` of them replacing a stored one), ``skipped``
    those already stored, ``duplicates`` the ids whose text was read or stored under another id
    (``duplicate_items`` says which), ``failed`` the rest (``failures``)."""

    stored: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    read: int = 0
    duplicates: int = 0
    replaced: int = 0
    duplicate_items: list[Duplicate] = field(default_factory=list)
    updated: int = 0  # articles already stored, extracted again with the new metadata they were read with

    @property
    def documents(self) -> int:
        """Articles that have their document in the store: stored now or before."""
        return self.stored + self.skipped

    def summary(self) -> str:
        parts = [f"{self.stored} article(s) stored" + (f" ({self.replaced} replacing a stored one)"
                                                        if self.replaced else "")]
        if self.updated:
            parts.append(f"{self.updated} already stored, given new metadata")
        if self.skipped:
            parts.append(f"{self.skipped} already stored (nothing new)")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate(s)")
        if self.failed:
            parts.append(f"{self.failed} failed")
        return ", ".join(parts)

    def tally(self) -> str:
        """``read N, documents D, duplicates U, failed F`` (D: stored now or already)."""
        return f"read {self.read}, documents {self.documents}, duplicates {self.duplicates}, failed {self.failed}"


@dataclass(frozen=True)
class IngestProgress:
    """Where an ingest is, as its ``on_progress`` callback is told (once when the articles are read and
    planned, then after each batch is stored): ``done`` of the ``total`` articles to extract are through
    the pipeline; ``failed`` counts every failure so far (reading, conflicts, extraction), ``duplicates``
    and ``skipped`` (already stored) were settled before extraction."""

    total: int
    done: int
    failed: int
    duplicates: int
    skipped: int


@dataclass
class IngestPlan:
    """What ingest does with the articles read, given what the store holds."""

    todo: list[Article] = field(default_factory=list)          # to extract and store
    replace: set[str] = field(default_factory=set)             # ... replacing what the store holds for the id
    skipped: int = 0                                            # already stored, the same text
    same: list[Article] = field(default_factory=list)          # ... those articles (their metadata may differ)
    meta_updates: dict[str, dict] = field(default_factory=dict)  # id -> {field: (stored, new)}: re-extracted
    duplicates: list[Duplicate] = field(default_factory=list)  # of a stored text: to record in `duplicates`
    run_duplicates: list[Duplicate] = field(default_factory=list)  # of a text read before in this run: likewise
    drop: set[str] = field(default_factory=set)                # stored ids that become duplicates (--replace)
    conflicts: list[Failure] = field(default_factory=list)     # a stored id with another text
    unsettled: set[str] = field(default_factory=set)           # ids whose text did not get stored (conflict,
    #                                                            failed extraction): no duplicate resolves to them

    def add_article(self, a: Article, known: Optional[tuple], stored_as: Optional[str], *, replace: bool) -> None:
        """Plan one article: ``known`` is what the store holds for its id ((article it resolves to, that
        text's hash, "article" | "duplicate"), or None), ``stored_as`` the id its text is stored under."""
        if known and known[1] in (None, text_hash(a.text)):  # stored already, as itself or as a duplicate
            if known[2] == "article":
                self.skipped += 1
                self.same.append(a)
            else:
                self.duplicates.append(Duplicate(a.id, known[0], a.origin, first_origin="the store"))
        elif known and not replace:
            self.conflicts.append(_conflict(a.id, a.origin, known))
            self.unsettled.add(a.id)
        elif stored_as is not None and stored_as != a.id:  # the store holds this text under another id
            self.duplicates.append(Duplicate(a.id, stored_as, a.origin, first_origin="the store"))
            if known:
                self.drop.add(a.id)
        else:
            self.todo.append(a)
            if known:
                self.replace.add(a.id)

    def add_duplicate(self, d: Duplicate, known: Optional[tuple], h: Optional[str], *, replace: bool) -> None:
        """Plan a duplicate read in this run (``h``: the hash of its text): its id may be stored with
        another text (a conflict, or with ``replace`` its stored article makes way)."""
        if known and known[1] not in (None, h) and known[0] != d.duplicate_of:
            if not replace:
                self.conflicts.append(_conflict(d.article_id, d.origin, known))
                return
            self.drop.add(d.article_id)
        self.run_duplicates.append(d)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _conflict(article_id: str, origin: Optional[str], known: tuple) -> Failure:
    target, _, how = known
    held = "is stored" if how == "article" else f"is stored as a duplicate of {target}"
    err = IdConflictError(f"article id {article_id!r} {held} with another text; this text is not stored. "
                          f"Pass --replace to replace the stored article, or give this one its own id",
                          existing="the store", article_id=article_id, path=origin, stage="store")
    return Failure.from_error(err)


def resolve_target(target: Union[str, os.PathLike, None] = None) -> str:
    """What ``--db`` names: ``target``, else ``$SITREP_DB``, else :data:`DEFAULT_DB`."""
    if target is None or str(target) == "":
        target = os.environ.get("SITREP_DB") or DEFAULT_DB
    return str(target)


def open_store(target: Union[str, os.PathLike, None] = None, *, read_only: bool = False) -> "Store":
    """The store ``target`` names (see :func:`resolve_target`): a ``postgresql://`` URL or a DuckDB file.
    Everything opens its store here (the CLI, the API, the exports, distributed workers)."""
    return Store(resolve_target(target), read_only=read_only)


class Store(Queries):
    """A database of sitrep documents: an embedded DuckDB file (the default), or a PostgreSQL database
    when ``path`` is a ``postgresql://`` URL (several processes may write it at once); its read queries
    are those of :class:`~sitrep.situation.queries.Queries`."""

    def __init__(self, path: Union[str, os.PathLike] = DEFAULT_DB, *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        self.is_postgres = postgres.is_url(self.path)
        self.write_lock: Optional[Any] = None  # shared by the sessions of one process (see session())
        if (read_only and not self.is_postgres and self.path != ":memory:"
                and not Path(self.path).exists()):
            raise StoreError(f"no database at {self.path}; create one with `sitrep ingest PATH --db {self.path}`")
        self.con = self._connect(read_only)
        if not self._init_schema(read_only):  # an older schema: upgrade it in a writable connection first
            self.con.close()
            self.con = self._connect(False)
            self._init_schema(False)
            self.con.close()
            self.con = self._connect(True)

    @property
    def dialect(self) -> Dialect:
        """The SQL dialect of the store's engine (:mod:`sitrep.situation.dialect`)."""
        return dialect_of(self.con)

    @property
    def label(self) -> str:
        """The store's name fit to print (a URL without its password)."""
        return postgres.redact(self.path) if self.is_postgres else self.path

    def _connect(self, read_only: bool):
        if self.is_postgres:
            return postgres.connect(self.path, read_only=read_only)
        try:
            return duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            if "lock" in str(err).lower():
                from .handoff import held_error

                raise held_error(self.path, err) from None
            raise StoreError(f"cannot open database {self.path}: {err}") from None

    @contextmanager
    def session(self, pool=None) -> Iterator["Store"]:
        """This store over a connection of its own, for one thread at a time (the server: one per
        request): a DuckDB cursor on the same database, or a connection of ``pool`` (PostgreSQL)."""
        other = copy.copy(self)
        if pool is not None:
            with postgres.pooled(pool) as con:
                other.con = con
                yield other
            return
        # a DuckDB cursor is a connection of its own to the same database; PostgreSQL opens one
        other.con = postgres.connect(self.path, read_only=self.read_only) if self.is_postgres else self.con.cursor()
        try:
            yield other
        finally:
            other.con.close()

    @contextmanager
    def _transaction(self, begin: str = "BEGIN TRANSACTION") -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back (and the error raised again) when
        it raises."""
        self.con.execute(begin)
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the process's write lock, when it has one (sessions of one DuckDB database)."""
        if self.write_lock is None:
            yield
            return
        with self.write_lock:
            yield

    # -- schema ------------------------------------------------------------------------------
    def _init_schema(self, read_only: bool) -> bool:
        """Create the schema in an empty database, check (and upgrade) it in an existing one; False when
        the store needs an upgrade that a read-only connection cannot make."""
        tables = self._tables()
        if "meta" not in tables and self.is_postgres and not read_only:
            return self._create_pg_schema()
        if "meta" in tables:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            found = int(row[0]) if row and str(row[0]).isdigit() else None
            if found == SCHEMA_VERSION:
                return True
            if found is None or found > SCHEMA_VERSION or any(v not in self._migrations()
                                                               for v in range(found, SCHEMA_VERSION)):
                raise SchemaVersionError(
                    f"database {self.path} has schema version {found}, this sitrep needs {SCHEMA_VERSION}; "
                    f"ingest into a new database (--db NEW.duckdb) or use the sitrep version that wrote it")
            if read_only:
                return False
            self._migrate(found)
            return True
        if tables:
            raise StoreError(f"{self.label} is a {'PostgreSQL' if self.is_postgres else 'DuckDB'} database but not "
                             "a sitrep store; choose another --db")
        if read_only:
            raise StoreError(f"{self.label} is empty; ingest articles first")
        self.con.execute(SCHEMA)
        self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        self.con.execute("INSERT INTO meta VALUES ('situation_stale', '0')")
        return True

    def _migrations(self) -> dict[int, tuple[str, ...]]:
        return PG_MIGRATIONS if self.is_postgres else MIGRATIONS

    def _tables(self) -> set[str]:
        return {r[0] for r in self.con.execute(self.dialect.tables_sql()).fetchall()}

    def _create_pg_schema(self) -> bool:
        """Create the schema in an empty PostgreSQL database (one process at a time: the others wait,
        then find it made)."""
        d = self.dialect
        with self._transaction("BEGIN"):
            self.con.execute("SELECT pg_advisory_xact_lock(hashtext('sitrep schema'))")
            if "meta" not in self._tables():
                foreign = self._tables()
                if foreign:
                    raise StoreError(f"{self.label} is a PostgreSQL database but not a sitrep store; choose another --db")
                for sql in pg_functions():
                    self.con.execute(sql)
                self.con.execute(d.ddl(SCHEMA))
                for sql in PG_INDEXES:
                    self.con.execute(sql)
                self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
                self.con.execute("INSERT INTO meta VALUES ('situation_stale', '0')")
        return self._init_schema(False)

    def _migrate(self, found: int) -> None:
        try:
            with self._transaction():
                for version in range(found, SCHEMA_VERSION):
                    for sql in self._migrations()[version]:
                        self.con.execute(sql)
                for sql in PG_INDEXES if self.is_postgres else ():  # the indexes of the newer versions
                    self.con.execute(sql)
                self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
        except Exception as err:  # noqa: BLE001 - the engine's error, reported with the versions
            raise StoreError(f"cannot upgrade database {self.path} from schema version {found} to "
                             f"{SCHEMA_VERSION}: {err}") from None
        if self.situation_stale():  # new situation tables: filled now, while the connection can write
            self._rebuild()

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
        rows = self.con.execute(f"SELECT id FROM articles WHERE {self.dialect.any_of('id')}", [list(ids)]).fetchall()
        return {r[0] for r in rows}

    def _insert_document(self, doc: Document, origin: Optional[str]) -> bool:
        """Write one document; False when the store got its id or its text meanwhile (another process
        writing the same database): then nothing is written."""
        aid, c = doc.article.id, self.con
        if c.execute(INSERT_ARTICLE + " ON CONFLICT DO NOTHING RETURNING id",
                     article_row(doc, origin, _now())).fetchone() is None:
            return False
        for table, rows in fact_rows(doc).items():
            bulk_insert(c, table, rows)
        # resolved once stored -- but not the record that an id was given another text (E801)
        c.execute("DELETE FROM failures WHERE article_id = ? AND code <> ?", [aid, IdConflictError.code])
        return True

    def _settle_late(self, doc: Document, origin: Optional[str]) -> Union[AlreadyStored, Duplicate, Failure]:
        """What a document is when another writer stored its id or its text after this one planned it:
        already stored, a duplicate of the article holding its text, or an id conflict."""
        aid, h = doc.article.id, text_hash(doc.text or "")
        held = self.con.execute("SELECT text_hash FROM articles WHERE id = ?", [aid]).fetchone()
        if held is not None:
            if held[0] in (None, h):
                return AlreadyStored(aid)
            return _conflict(aid, origin, (aid, held[0], "article"))
        row = self.con.execute("SELECT min(id) FROM articles WHERE text_hash = ?", [h]).fetchone()
        dup = Duplicate(aid, row[0], origin, first_origin="the store")
        self._upsert_duplicate(dup, row[0])
        return dup

    def _upsert_duplicate(self, d: Duplicate, target: str) -> None:
        self.con.execute("""INSERT INTO duplicates VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE
                            SET duplicate_of = EXCLUDED.duplicate_of, origin = EXCLUDED.origin,
                                recorded_at = EXCLUDED.recorded_at""", [d.article_id, target, d.origin, _now()])

    def _delete_article(self, aid: str) -> None:
        """Remove what the store holds for ``aid``: its article and facts, or its duplicate record (the
        duplicates of the article keep pointing at the id)."""
        for t in FACT_TABLES:
            self.con.execute(f"DELETE FROM {t} WHERE article_id = ?", [aid])  # noqa: S608 - fixed names
        self.con.execute("DELETE FROM articles WHERE id = ?", [aid])
        self.con.execute("DELETE FROM duplicates WHERE id = ?", [aid])
        self.con.execute("DELETE FROM failures WHERE article_id = ?", [aid])

    def _insert_failure(self, f: Failure) -> None:
        self.con.execute("INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?)", failure_row(f, _now()))

    def write_batch(self, items: Iterable[Union[tuple[Document, Optional[str]], Failure]], *,
                    replace: Collection[str] = (), late: Optional[list] = None) -> tuple[int, int]:
        """Write documents (with their origin) and failures in one transaction; returns (stored, failed).
        A document whose id is stored already is skipped (with another text: an id conflict, recorded in
        ``failures``), unless its id is in ``replace``: then what the store holds for the id is replaced.

        Several processes may write one PostgreSQL store at once: a document whose id or text another
        writer stored after it was planned is not stored twice; it is settled here (see
        :meth:`_settle_late`) and, when ``late`` is given, appended to it (an :class:`AlreadyStored`, a
        :class:`Duplicate` or a :class:`Failure`)."""
        stored = failed = 0
        with self._writing():
            with self._transaction():
                for item in items:
                    if isinstance(item, Failure):
                        self._insert_failure(item)
                        failed += 1
                        continue
                    doc, origin = item
                    if doc.article.id in replace:
                        self._delete_article(doc.article.id)
                    if not self.has_article(doc.article.id) and self._insert_document(doc, origin):
                        stored += 1
                        continue
                    outcome = self._settle_late(doc, origin)
                    if isinstance(outcome, Failure):
                        self._insert_failure(outcome)
                        failed += 1
                    if late is not None:
                        late.append(outcome)
                if stored:
                    self.con.execute(MARK_STALE)
                self._bump()
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
               on_progress: Optional[Callable[[IngestProgress], None]] = None, refresh: bool = True,
               replace: bool = False, encoding: Optional[str] = None,
               article_timeout: Optional[float] = None, update_meta: bool = False) -> IngestResult:
        """Read, extract and store; articles already stored are skipped before extraction, and so are
        duplicates (a text read or stored under another id: recorded in ``duplicates``). A stored id
        with another text is an :class:`IdConflictError` failure, unless ``replace`` (then the new text
        replaces the stored article). ``encoding``: of files without a byte-order mark (default UTF-8).
        ``article_timeout`` is the time budget of one article (see ``Pipeline.pipe``); an article over it
        is recorded in ``failures`` with code E202 like any other failure.
        ``update_meta``: an article already stored (the same id and text) read with another title, outlet,
        URL or publication date is extracted again with them (what it is read without is kept); else it is
        already stored, nothing new.

        ``on_progress`` is called with an :class:`IngestProgress` when the articles are read and planned,
        then after each batch is stored (the CLI's progress bar).

        With ``refresh`` the situation tables (merged actors, events, ...) are recomputed at the end;
        else they are recomputed by the next query (useful when ingesting one article at a time)."""
        if pipeline is None:
            pipeline = default_pipeline()
        sources = list(sources)
        paths = [s for s in sources if not isinstance(s, Article)]
        read = read_paths(paths, published=published, source=source, max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                          encoding=encoding, dedupe=False) if paths else []
        items = list(deduplicate([s for s in sources if isinstance(s, Article)] + list(read)))
        articles = [x for x in items if isinstance(x, Article)]
        plan = self.plan(articles, [x for x in items if isinstance(x, Duplicate)], replace=replace,
                         update_meta=update_meta)
        failures = [x for x in items if isinstance(x, Failure)] + plan.conflicts
        result = IngestResult(read=len(items), skipped=plan.skipped, failures=list(failures))
        if failures:
            result.failed += self.write_batch(failures)[1]
        result.skipped, result.updated = plan.skipped, len(plan.meta_updates)
        self._extract_and_write(plan, pipeline, result, n_process=n_process, batch_size=batch_size,
                                ray_address=ray_address, on_progress=on_progress, article_timeout=article_timeout)
        settled = [d for d in plan.run_duplicates if d.duplicate_of not in plan.unsettled]
        self.record_duplicates(plan.duplicates + settled, drop=plan.drop)
        result.duplicate_items = plan.duplicates + plan.run_duplicates
        result.duplicates = len(result.duplicate_items)
        if refresh:
            self.refresh_situation(only_if_stale=True)
        return result

    def _extract_and_write(self, plan: IngestPlan, pipeline, result: IngestResult, *, n_process: int, batch_size: int,
                           ray_address: Optional[str], on_progress: Optional[Callable[[IngestProgress], None]],
                           article_timeout: Optional[float] = None) -> None:
        """Extract ``plan.todo`` and write it in batches of ``batch_size`` (one transaction each), accounting
        every outcome in ``result``. On Ray with a PostgreSQL store the workers write their batches
        themselves (:func:`sitrep.distributed.ray_write`) and only what they could not write comes to the
        driver's batches; otherwise every document is written here."""
        batch: list = []
        done = 0
        dups = len(plan.duplicates) + len(plan.run_duplicates)

        def tell() -> None:
            if on_progress:
                on_progress(IngestProgress(total=len(plan.todo), done=done, failed=result.failed,
                                           duplicates=dups, skipped=plan.skipped))

        def flush() -> None:
            nonlocal done
            late: list = []
            s, f = self.write_batch(batch, replace=plan.replace, late=late)
            result.stored, result.failed = result.stored + s, result.failed + f
            for x in late:  # another writer stored the id or the text meanwhile
                self._account_late(x, plan, result)
            done += len(batch)
            batch.clear()
            tell()

        tell()
        written_here = 0
        for outcome, written, late in self._outcomes(plan, pipeline, n_process=n_process, batch_size=batch_size,
                                                     ray_address=ray_address, article_timeout=article_timeout):
            if outcome.failure is None:
                result.replaced += outcome.article.id in plan.replace and outcome.article.id not in plan.meta_updates
            if written:   # a Ray worker wrote it (and recorded its failure, if any)
                self._account_written(outcome, late, plan, result)
                done, written_here = done + 1, written_here + 1
                if written_here % batch_size == 0:
                    tell()
                continue
            if outcome.failure is not None:
                batch.append(outcome.failure)
                result.failures.append(outcome.failure)
                plan.unsettled.add(outcome.article.id)
            else:
                batch.append((outcome.document, outcome.article.origin))
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        elif written_here % batch_size:
            tell()

    def _outcomes(self, plan: IngestPlan, pipeline, *, n_process: int, batch_size: int, ray_address: Optional[str],
                  article_timeout: Optional[float]) -> Iterator[tuple[Any, bool, Any]]:
        """``(outcome, written, late)`` for every article of ``plan.todo`` (see
        :func:`sitrep.distributed.ray_write`): on Ray with a PostgreSQL store the workers write through
        their own :func:`open_store`; otherwise nothing is written yet (``written`` False)."""
        if ray_address and self.is_postgres and not self.read_only:
            import functools

            from ..distributed import ray_write

            timeout = pipeline.article_timeout if article_timeout is None else article_timeout
            yield from ray_write(pipeline, plan.todo, functools.partial(open_store, self.path), replace=plan.replace,
                                 num_workers=max(n_process, 1), batch_size=batch_size, address=ray_address,
                                 article_timeout=timeout)
            return
        for outcome in pipeline.pipe(plan.todo, n_process=n_process, batch_size=batch_size,
                                     ray_address=ray_address, article_timeout=article_timeout):
            yield outcome, False, None

    @staticmethod
    def _account_late(x: Union[AlreadyStored, Duplicate, Failure], plan: IngestPlan, result: IngestResult) -> None:
        """What the store settled instead of storing a document (written already): the same article
        stored by another writer meanwhile (skipped), a failure (counted in ``result.failed`` by whoever
        wrote it) or a duplicate to record."""
        if isinstance(x, AlreadyStored):
            result.skipped += 1
        elif isinstance(x, Failure):
            result.failures.append(x)
            plan.unsettled.add(x.article_id or "")
        else:
            plan.duplicates.append(x)

    def _account_written(self, outcome, late, plan: IngestPlan, result: IngestResult) -> None:
        """Account an outcome a Ray worker wrote itself: its failure (recorded by the worker), what the
        store settled instead of storing it (``late``), else a stored document."""
        if outcome.failure is not None:
            result.failed += 1
            result.failures.append(outcome.failure)
            plan.unsettled.add(outcome.article.id)
        elif late is not None:
            result.failed += isinstance(late, Failure)
            self._account_late(late, plan, result)
        else:
            result.stored += 1

    # -- every id accounted for ----------------------------------------------------------------
    def _known(self, ids: list[str], hashes: list[str]) -> tuple[dict, dict]:
        """What the store holds for ``ids`` and texts: {id: (article it resolves to, that text's hash,
        "article" | "duplicate")} and {text hash: stored article id}."""
        d = self.dialect
        held = {i: (i, h, "article") for i, h in self.con.execute(
            f"SELECT id, text_hash FROM articles WHERE {d.any_of('id')}", [ids]).fetchall()}
        aliases = dict(self.con.execute(f"SELECT id, duplicate_of FROM duplicates WHERE {d.any_of('id')}",
                                        [[i for i in ids if i not in held]]).fetchall())
        if aliases:
            targets = dict(self.con.execute(f"SELECT id, text_hash FROM articles WHERE {d.any_of('id')}",
                                            [sorted(set(aliases.values()))]).fetchall())
            held.update({i: (t, targets.get(t), "duplicate") for i, t in aliases.items() if t in targets})
        by_hash = dict(self.con.execute(f"""SELECT text_hash, min(id) FROM articles
                                           WHERE {d.any_of('text_hash')} GROUP BY text_hash""",
                                        [hashes]).fetchall())
        return held, by_hash

    def plan(self, articles: Sequence[Article], dups: Sequence[Duplicate] = (), *, replace: bool = False,
             update_meta: bool = False) -> IngestPlan:
        """Decide, for each article (with distinct ids and texts, as :func:`sitrep.readers.deduplicate`
        gives them) and each duplicate read, what the store does with it (see :class:`IngestPlan`);
        nothing is written."""
        hashes = {a.id: text_hash(a.text) for a in articles}
        held, by_hash = self._known(list(hashes) + [d.article_id for d in dups], list(set(hashes.values())))
        if replace:  # a text being replaced in this run is not there to be a duplicate of
            gone = {i for i, h in hashes.items() if i in held and held[i][2] == "article" and held[i][1] not in (None, h)}
            by_hash = {h: i for h, i in by_hash.items() if i not in gone}
        plan = IngestPlan()
        for a in articles:
            plan.add_article(a, held.get(a.id), by_hash.get(hashes[a.id]), replace=replace)
        for d in dups:
            plan.add_duplicate(d, held.get(d.article_id), hashes.get(d.duplicate_of), replace=replace)
        if update_meta:
            self._plan_meta_updates(plan)
        return plan

    def record_duplicates(self, dups: Iterable[Duplicate], *, drop: Collection[str] = ()) -> int:
        """Record that each duplicate's id resolves to the article its text is stored as (when it is
        stored: a duplicate of an article that failed is not recorded); the ids in ``drop`` lose what
        the store held for them first. Returns how many were recorded."""
        with self._writing():
            return self._record_duplicates(dups, drop)

    def _record_duplicates(self, dups: Iterable[Duplicate], drop: Collection[str]) -> int:
        n = 0
        with self._transaction():
            for d in dups:
                target = self.resolve_article(d.duplicate_of)
                if target is None or target == d.article_id:
                    continue
                if d.article_id in drop:
                    self._delete_article(d.article_id)
                    self.con.execute("UPDATE duplicates SET duplicate_of = ? WHERE duplicate_of = ?",
                                     [target, d.article_id])
                    self.con.execute(MARK_STALE)
                self._upsert_duplicate(d, target)
                n += 1
            if n:
                self._bump()
        return n

    def resolve_article(self, article_id: str) -> Optional[str]:
        """The id of the stored article ``article_id`` names: itself, or the article it is a duplicate
        of; None when the store knows no such id."""
        if self.has_article(article_id):
            return article_id
        row = self.con.execute("""SELECT d.duplicate_of FROM duplicates d JOIN articles a ON a.id = d.duplicate_of
                                  WHERE d.id = ?""", [article_id]).fetchone()
        return row[0] if row else None

    def stored_meta(self, ids: Sequence[str]) -> dict[str, dict]:
        """id -> the stored title, source, url and published (YYYY-MM-DD) of stored articles."""
        rows = self.query(f"""SELECT id, title, source, url, CAST(published AS VARCHAR) AS published FROM articles
                              WHERE {self.dialect.any_of('id')}""", [list(ids)])
        return {r.pop("id"): r for r in rows}

    def _plan_meta_updates(self, plan: IngestPlan) -> None:
        """Articles already stored (the same id and text) read with other metadata: extracted again with
        it (the dates of the text are read against the publication date), keeping what they do not give."""
        stored = self.stored_meta([a.id for a in plan.same])
        for a in plan.same:
            old = stored.get(a.id, {})
            changes = {k: (old.get(k), getattr(a, k)) for k in META_FIELDS
                       if getattr(a, k) is not None and getattr(a, k) != old.get(k)}
            if not changes:
                continue
            for k in META_FIELDS:
                if getattr(a, k) is None:
                    setattr(a, k, old.get(k))
            plan.todo.append(a)
            plan.replace.add(a.id)
            plan.skipped -= 1
            plan.meta_updates[a.id] = changes

    # -- the analyst layer -----------------------------------------------------------------------
    def add_correction(self, kind: str, target_id: str, *, author: str, wrong: bool = False,
                       field: Optional[str] = None, value: Optional[str] = None, note: Optional[str] = None) -> dict:
        """Record an analyst's correction (see :mod:`sitrep.situation.corrections`): ``wrong`` marks the
        fact wrong, else ``field`` takes ``value`` (an actor by id, name or alias; empty for none). The
        situation is rebuilt with it at once; returns the correction as :meth:`corrections` lists it."""
        if kind not in TARGET_KINDS:
            raise QueryError(f"unknown correction target {kind!r}; one of {', '.join(TARGET_KINDS)}")
        author = (author or "").strip()
        if not author:
            raise QueryError("a correction needs its author (who makes it)")
        if wrong == (field is not None):
            raise QueryError("a correction either marks a fact wrong or sets one field")
        if kind == "actor" and wrong:
            raise QueryError("an actor cannot be marked wrong; correct its links (kind 'link') or its fields")
        self.refresh_situation(only_if_stale=True)
        if not wrong:
            value = check_value(kind, field, value)
            if field in ACTOR_FIELDS and value is not None:
                value = self.resolve_actor(value)
        row = correction_row(self.con, kind=kind, target_id=(target_id or "").strip(), wrong=wrong, field=field,
                             value=value, author=author[:200], note=(note or "").strip()[:2000] or None)
        return self._record_correction(row)

    def withdraw_correction(self, correction_id: str, *, author: str, note: Optional[str] = None) -> dict:
        """Withdraw a correction: it stays in the trail with who withdrew it and when (a ``withdraw`` row),
        and applies to nothing from now on; the situation is rebuilt at once. Returns the withdrawal."""
        author = (author or "").strip()
        if not author:
            raise QueryError("a withdrawal needs its author (who withdraws the correction)")
        self.refresh_situation(only_if_stale=True)
        return self._record_correction(withdrawal_row(self.con, correction_id, author=author[:200],
                                                      note=(note or "").strip()[:2000] or None))

    def _record_correction(self, row: list) -> dict:
        """Insert one ``corrections`` row and rebuild the situation with it."""
        with self._writing():
            with self._transaction():
                self.con.execute("INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
                self.con.execute(MARK_STALE)
                self._bump()
        self.refresh_situation()
        return next(c for c in self.corrections(target=row[2]) if c["id"] == row[0])

    # -- the situation across articles ---------------------------------------------------------
    def _bump(self) -> None:
        """Count one more change of what the store holds (inside the writing transaction)."""
        self.con.execute("""INSERT INTO meta VALUES ('generation', '1') ON CONFLICT (key)
                            DO UPDATE SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS VARCHAR)""")

    def generation(self) -> int:
        """How many times what the store holds has changed (every write and rebuild counts one; any
        process's, on PostgreSQL): a cache of what was read is good while this stays the same."""
        row = self.con.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row and str(row[0]).isdigit() else 0

    def situation_stale(self) -> bool:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'situation_stale'").fetchone()
        return row is None or row[0] != "0"

    def refresh_situation(self, *, only_if_stale: bool = False) -> Optional[dict[str, int]]:
        """Recompute the situation tables (merged actors, events, relations, cross-article
        contradictions) from the per-article tables, in one transaction. Returns their row counts."""
        if self.read_only or (only_if_stale and not self.situation_stale()):
            return None
        return self._rebuild(only_if_stale=only_if_stale)

    def _rebuild(self, *, only_if_stale: bool = False) -> Optional[dict[str, int]]:
        with self._writing():
            return self._rebuild_now(only_if_stale)

    def _rebuild_now(self, only_if_stale: bool) -> Optional[dict[str, int]]:
        lock = self.dialect.situation_lock()
        with self._transaction():
            if lock:  # one rebuild at a time; another may have just made the situation fresh
                self.con.execute(lock)
            if only_if_stale and not self.situation_stale():
                return None   # committed (nothing written) as the block ends
            counts = rebuild(self.con)
            self._bump()
            self.con.execute("UPDATE meta SET value = '0' WHERE key = 'situation_stale'")
        return counts

    # -- reading -----------------------------------------------------------------------------
    def counts(self, *, situation: bool = False) -> dict[str, int]:
        tables = ("articles", *FACT_TABLES, "failures", "duplicates") + (SITUATION_TABLES if situation else ())
        if situation:
            self.refresh_situation(only_if_stale=True)
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                for t in tables}

    def documents(self) -> Iterator[Document]:
        for (js,) in self.con.execute("SELECT document FROM articles ORDER BY published NULLS LAST, id").fetchall():
            yield Document.model_validate_json(js)

    def document(self, article_id: str) -> Optional[Document]:
        """The stored document of ``article_id`` (or of the article it is a duplicate of), or None."""
        resolved = self.resolve_article(article_id)
        if resolved is None:
            return None
        row = self.con.execute("SELECT document FROM articles WHERE id = ?", [resolved]).fetchone()
        return Document.model_validate_json(row[0]) if row else None

    def duplicates(self, article_id: Optional[str] = None) -> list[dict]:
        """The recorded duplicates (``id``, ``duplicate_of``, ``origin``), of one article or all."""
        where, params = ("WHERE duplicate_of = ?", [article_id]) if article_id else ("", [])
        return self.query(f"SELECT id, duplicate_of, origin FROM duplicates {where} ORDER BY duplicate_of, id",
                          params)

    def failures(self) -> list[Failure]:
        rows = self.con.execute(
            "SELECT article_id, origin, stage, code, reason FROM failures ORDER BY failed_at").fetchall()
        return [failure_from_row(r) for r in rows]

    # -- plain SQL, and the articles as the HTTP API and the dashboard list them ----------------
    def query(self, sql: str, params: Sequence = ()) -> list[dict]:
        """Run a parameterised SQL query over the store's tables (meant for reading); rows come back as
        dicts, with dates as ISO strings and JSON columns parsed."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        json_cols = {i for i, d in enumerate(cur.description) if self.dialect.is_json(d[1])}
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

    def article_list(self, limit: int = 100, offset: int = 0, *, ids: Optional[Sequence[str]] = None) -> list[dict]:
        """Stored articles, newest first, with their counts of actors, events, quotes and claims and the
        ids recorded as their duplicates; ``ids``: only these (stored ids)."""
        d = self.dialect
        where, params = (f"WHERE {d.any_of('a.id')}", [list(ids)]) if ids is not None else ("", [])
        return self.query(f"""
            SELECT a.id, a.title, a.source, a.url, CAST(a.published AS VARCHAR) AS published, a.language, a.origin,
                   (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS n_actors,
                   (SELECT count(*) FROM events x WHERE x.article_id = a.id) AS n_events,
                   (SELECT count(*) FROM quotes x WHERE x.article_id = a.id) AS n_quotes,
                   (SELECT count(*) FROM claims x WHERE x.article_id = a.id) AS n_claims,
                   coalesce((SELECT {d.list_agg('u.id', 'u.id')} FROM duplicates u WHERE u.duplicate_of = a.id),
                            {d.empty_list}) AS duplicates
            FROM articles a {where}
            ORDER BY a.published DESC NULLS LAST, a.ingested_at DESC, a.id LIMIT ? OFFSET ?""",
                     params + [limit, offset])

    def article(self, article_id: str) -> dict:
        """One stored article's row of :meth:`article_list`, found by its id or the id of a duplicate
        (``requested`` is the id asked for); :class:`QueryError` when the store knows no such id."""
        resolved = self.resolve_article(article_id)
        if resolved is None:
            raise QueryError(f"unknown article {article_id!r}; `sitrep articles` lists the stored ones")
        (row,) = self.article_list(1, 0, ids=[resolved])
        return {"requested": article_id, **row}

    def claim_spans(self, keys: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, int]]:
        """(article, claim) -> the claim's (start, end) in its article."""
        if not keys:
            return {}
        arts = sorted({a for a, _ in keys})
        rows = self.query(f"""SELECT article_id, claim_id, start_offset, end_offset FROM claims
                                WHERE {self.dialect.any_of('article_id')}""", [arts])
        return {(r["article_id"], r["claim_id"]): (r["start_offset"], r["end_offset"]) for r in rows
                if (r["article_id"], r["claim_id"]) in keys}
