"""The store's schema: the tables, their rows, and how an older store is brought up to date.

Two families of tables, in one DuckDB database:

* **per-article tables** (``articles`` and one table per kind of fact, :data:`FACT_TABLES`), written from
  the contract :class:`~sitrep.contract.Document` by the row mappers below (:func:`article_row`,
  :func:`fact_rows`, :func:`failure_row`); the store never sees a stage's internals;
* **situation tables** (``s_*``, :data:`SITUATION_TABLES`): the facts merged across articles, recomputed
  from the per-article tables by :func:`sitrep.situation.merge.rebuild`.

:data:`SCHEMA_VERSION` is stored in ``meta``; :data:`MIGRATIONS` (DuckDB) and :data:`PG_MIGRATIONS` (PostgreSQL)
upgrade an older store one version at a time. A PostgreSQL store is this schema with its types spelled by
:meth:`sitrep.situation.dialect.Dialect.ddl`, plus :data:`sitrep.situation.dialect.PG_INDEXES`.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Callable, Optional

from ..core.article import Failure, text_hash
from ..core.contract import Document

#: the search index (:mod:`sitrep.situation.search`), rebuilt with the other situation tables: one row per
#: thing found (actor, event, quote, place) and one per (term, thing) with the weight of the field it is in
SEARCH_SCHEMA = """
CREATE TABLE IF NOT EXISTS s_search_docs (
    kind VARCHAR, id VARCHAR, label VARCHAR, detail VARCHAR, date DATE, boost DOUBLE, type VARCHAR,
    article_id VARCHAR, start_offset INTEGER, end_offset INTEGER, PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS s_search_terms (term VARCHAR, kind VARCHAR, id VARCHAR, weight DOUBLE);
"""

#: the analyst layer: corrections made by people, never touched by an ingest or a rebuild
#: (:mod:`sitrep.situation.corrections`); ``anchors`` are the per-article facts a correction was made on
CORRECTIONS_SCHEMA = """
CREATE TABLE IF NOT EXISTS corrections (
    id VARCHAR PRIMARY KEY, target_kind VARCHAR, target_id VARCHAR, action VARCHAR, field VARCHAR,
    value VARCHAR, old_value VARCHAR, anchors JSON, author VARCHAR, note VARCHAR, created_at TIMESTAMP);
"""

#: the corrections resolved onto the per-article facts they apply to (rebuilt with the situation)
OVERRIDES_SCHEMA = """
CREATE TABLE IF NOT EXISTS s_overrides (
    fact VARCHAR, article_id VARCHAR, fact_id VARCHAR, wrong BOOLEAN, type VARCHAR,
    source_set BOOLEAN, source_entity VARCHAR, target_set BOOLEAN, target_entity VARCHAR,
    speaker_set BOOLEAN, speaker_entity VARCHAR, entity_set BOOLEAN, entity VARCHAR, corrections VARCHAR[],
    PRIMARY KEY (fact, article_id, fact_id));
"""

#: summaries of the situation tables, recomputed at the end of every rebuild
#: (:func:`sitrep.situation.summaries.summarise`) so that the dashboard's whole-corpus questions read a few
#: thousand rows, not a million events: events per day and type, the actor pairs (dyads) with
#: at least :data:`sitrep.situation.summaries.DYAD_MIN` events of a type, the distinct place names of
#: events, the articles, quotes, claims and contradictions per publication day, the articles and mentions
#: of each actor (situation entity) per publication day, and the totals of
#: ``situation_counts()`` over the whole store
SUMMARY_SCHEMA = """
CREATE TABLE IF NOT EXISTS s_event_days (
    date DATE, type VARCHAR, n_events BIGINT, n_reports BIGINT, n_multi_source BIGINT);
CREATE TABLE IF NOT EXISTS s_dyads (
    source_entity VARCHAR, target_entity VARCHAR, type VARCHAR, n BIGINT,
    PRIMARY KEY (source_entity, target_entity, type));
CREATE TABLE IF NOT EXISTS s_place_names (place_name VARCHAR PRIMARY KEY);
CREATE TABLE IF NOT EXISTS s_totals (name VARCHAR PRIMARY KEY, n BIGINT);
CREATE TABLE IF NOT EXISTS s_article_days (
    published DATE, n_articles BIGINT, n_quotes BIGINT, n_claims BIGINT, n_contradictions BIGINT);
CREATE TABLE IF NOT EXISTS s_actor_days (
    published DATE, entity_id VARCHAR, n_articles BIGINT, n_mentions BIGINT);
"""

SITUATION_SCHEMA = OVERRIDES_SCHEMA + """
CREATE TABLE IF NOT EXISTS s_actors (
    entity_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR,
    wikidata VARCHAR, kb_id VARCHAR, aliases JSON, roles JSON, affiliation VARCHAR,
    n_articles INTEGER, n_mentions INTEGER, first_seen DATE, last_seen DATE, name_key VARCHAR, alias_keys VARCHAR[],
    n_events INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS s_actor_map (
    article_id VARCHAR, actor_id VARCHAR, entity_id VARCHAR, rule VARCHAR, PRIMARY KEY (article_id, actor_id));
CREATE TABLE IF NOT EXISTS s_events (
    event_id VARCHAR PRIMARY KEY, type VARCHAR, mode VARCHAR, contexts JSON,
    source_entity VARCHAR, source_name VARCHAR, target_entity VARCHAR, target_name VARCHAR,
    place_key VARCHAR, place_name VARCHAR, lat DOUBLE, lon DOUBLE, country_code VARCHAR, geonameid BIGINT,
    date DATE, date_text VARCHAR, negated BOOLEAN, modality VARCHAR, cameo VARCHAR, confidence DOUBLE,
    n_reports INTEGER, n_sources INTEGER, outlets JSON, first_reported DATE, last_reported DATE,
    evidence VARCHAR, rule VARCHAR);
CREATE TABLE IF NOT EXISTS s_event_reports (
    event_id VARCHAR, article_id VARCHAR, report_id VARCHAR, outlet VARCHAR, published DATE, url VARCHAR,
    title VARCHAR, date VARCHAR, sentence_start INTEGER, sentence_end INTEGER, sentence_text VARCHAR,
    trigger VARCHAR, source_text VARCHAR, target_text VARCHAR, confidence DOUBLE, rule VARCHAR,
    PRIMARY KEY (article_id, report_id));
CREATE TABLE IF NOT EXISTS s_contradictions (
    subject_entity VARCHAR, property VARCHAR, article_a VARCHAR, claim_a VARCHAR, article_b VARCHAR,
    claim_b VARCHAR, outlet_a VARCHAR, outlet_b VARCHAR, published_a DATE, published_b DATE,
    text_a VARCHAR, text_b VARCHAR, reason VARCHAR);
CREATE TABLE IF NOT EXISTS s_relations (
    relation_id VARCHAR PRIMARY KEY, type VARCHAR, subject_entity VARCHAR, subject_name VARCHAR,
    object_entity VARCHAR, object_name VARCHAR, object_kind VARCHAR, since VARCHAR, until VARCHAR,
    negated BOOLEAN, n_reports INTEGER, n_sources INTEGER, first_reported DATE, last_reported DATE,
    articles JSON, evidence VARCHAR);
""" + SEARCH_SCHEMA + SUMMARY_SCHEMA

SUMMARY_TABLES = ("s_event_days", "s_dyads", "s_place_names", "s_article_days", "s_actor_days", "s_totals")

SITUATION_TABLES = ("s_overrides", "s_actors", "s_actor_map", "s_events", "s_event_reports", "s_contradictions", "s_relations",
                    "s_search_docs", "s_search_terms")

#: a name's comparison key in SQL, as :func:`sitrep.situation.merge.normalise` makes it: accents off, lower
#: case, "'s " dropped, punctuation (hyphens too) made spaces, single spaces, no leading "the"
NAME_KEY_SQL = ("regexp_replace(trim(regexp_replace(regexp_replace(replace(replace(strip_accents(lower({col})), "
                "'\u2019', ''''), '''s ', ' '), " + r"'[^{word}_\s]', ' ', 'g'), '\s+', ' ', 'g')), "
                r"'^the\s+', '')")
#: letters and digits of any script in DuckDB's regular expressions (PostgreSQL has its own: the dialect's
#: ``word_chars``)
WORD_CHARS = r"\p{L}\p{N}"


def place_key_sql(word_chars: str = WORD_CHARS) -> str:
    """A place's key over the per-article ``places`` table, in SQL (the places list, the search index): its
    GeoNames id, else ``name:`` and its normalised name -- the key :func:`sitrep.situation.merge.place_key`
    gives an event's place, so a place without a GeoNames id ("The Hague-Ville", "Đakovo") counts its
    events. ``word_chars``: the engine's class of letters and digits (``Dialect.word_chars``)."""
    return ("coalesce('geo:' || CAST(geonameid AS VARCHAR), "
            "'name:' || nullif(" + NAME_KEY_SQL.format(col="name", word=word_chars) + ", ''))")


#: :func:`place_key_sql` in DuckDB
PLACE_KEY_SQL = place_key_sql()
#: the statement that marks the situation tables stale (rebuilt at the next refresh)
MARK_STALE = "UPDATE meta SET value = '1' WHERE key = 'situation_stale'"
SCHEMA_VERSION = 8  # 2: situation tables (s_*), see sitrep.situation.merge; 3: s_actors name_key, alias_keys, n_events;
#                     4: relations.kind; 5: articles.text_hash, duplicates; 6: the search index (s_search_*),
#                     corrections and s_overrides; 7: the summary tables (SUMMARY_SCHEMA); 8: s_article_days,
#                     s_actor_days

#: an article id whose text the store holds under another id -> that article's id
DUPLICATES_SCHEMA = """
CREATE TABLE IF NOT EXISTS duplicates (
    id VARCHAR PRIMARY KEY, duplicate_of VARCHAR, origin VARCHAR, recorded_at TIMESTAMP);
"""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, title VARCHAR, source VARCHAR, url VARCHAR, published DATE,
    language VARCHAR, origin VARCHAR, text VARCHAR, warnings JSON, document JSON, ingested_at TIMESTAMP,
    text_hash VARCHAR);
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
""" + DUPLICATES_SCHEMA + CORRECTIONS_SCHEMA + SITUATION_SCHEMA

#: how a store of an older schema version is brought up to date, one version at a time (applied when the
#: store is opened; every stored document is kept, so new columns are filled from the documents)
MIGRATIONS: dict[int, tuple[str, ...]] = {
    3: ("ALTER TABLE relations ADD COLUMN kind VARCHAR",
        """UPDATE relations SET kind = json_extract_string(a.document, '$.relations[' || relations.n || '].kind')
           FROM articles a WHERE a.id = relations.article_id"""),
    4: ("ALTER TABLE articles ADD COLUMN IF NOT EXISTS text_hash VARCHAR",
        "UPDATE articles SET text_hash = sha256(text) WHERE text IS NOT NULL",
        DUPLICATES_SCHEMA),
    5: (SEARCH_SCHEMA, CORRECTIONS_SCHEMA, OVERRIDES_SCHEMA, MARK_STALE),
    6: (SUMMARY_SCHEMA, MARK_STALE),
    7: (SUMMARY_SCHEMA, MARK_STALE),  # the summary tables a version 7 lacks (s_article_days, s_actor_days)
}

#: the same for a PostgreSQL store, in PostgreSQL's SQL (PostgreSQL stores begin at version 6; after these
#: steps the store creates any index of :data:`sitrep.situation.dialect.PG_INDEXES` it lacks).
#: A new schema version adds its step to both; the store applies the one of its backend.
PG_MIGRATIONS: dict[int, tuple[str, ...]] = {
    6: (SUMMARY_SCHEMA, MARK_STALE),  # no type DuckDB and PostgreSQL spell differently
    7: (SUMMARY_SCHEMA, MARK_STALE),
}

FACT_TABLES = ("actors", "events", "quotes", "places", "claims", "relations", "contradictions", "dates")


#: the columns of ``articles``, in the order of :func:`article_row`
ARTICLE_COLUMNS = ("id", "title", "source", "url", "published", "language", "origin", "text", "warnings",
                   "document", "ingested_at", "text_hash")
INSERT_ARTICLE = (f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
                  f"VALUES ({', '.join('?' for _ in ARTICLE_COLUMNS)})")


def _j(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _text_hash(text: Optional[str]) -> Optional[str]:
    return None if text is None else text_hash(text)


def article_row(doc: Document, origin: Optional[str], now: datetime) -> list[Any]:
    """The ``articles`` row of a document (the document itself is kept whole, as JSON)."""
    a = doc.article
    return [a.id, a.title, a.source, a.url, a.published, a.language, origin, doc.text, _j(doc.warnings),
            doc.model_dump_json(), now, _text_hash(doc.text)]


def _actor_rows(aid: str, doc: Document) -> list[list[Any]]:
    return [[aid, x.id, x.name, x.kind, x.country, x.sector, x.wikidata, x.kb_id, x.role, x.affiliation,
             _j(x.aliases), _j([m.model_dump() for m in x.mentions])] for x in doc.actors]


def _event_rows(aid: str, doc: Document) -> list[list[Any]]:
    return [[aid, e.id, e.type, e.mode, _j(e.contexts),
             e.source.actor_id if e.source else None, e.source.text if e.source else None,
             e.target.actor_id if e.target else None, e.target.text if e.target else None,
             e.negated, e.modality, e.date, e.location, e.sentence.start, e.sentence.end, e.sentence.text,
             e.trigger, e.confidence, e.cameo, _j([s.model_dump() for s in e.evidence])] for e in doc.events]


def _quote_rows(aid: str, doc: Document) -> list[list[Any]]:
    return [[aid, q.id, q.speaker.actor_id if q.speaker else None, q.speaker.text if q.speaker else None,
             q.text, q.start, q.end, q.kind, q.cue] for q in doc.quotes]


def _place_rows(aid: str, doc: Document) -> list[list[Any]]:
    return [[aid, p.id, p.name, p.geonameid, p.lat, p.lon, p.country_code, p.feature,
             _j([m.model_dump() for m in p.mentions])] for p in doc.places]


def _claim_rows(aid: str, doc: Document) -> list[list[Any]]:
    return [[aid, x.id, x.subject.actor_id, x.subject.text, x.property, x.value, x.value_max, x.unit,
             x.approx, x.place, x.attributed_to.actor_id if x.attributed_to else None,
             x.attributed_to.text if x.attributed_to else None, x.date, x.start, x.end, x.text]
            for x in doc.claims]


def _relation_rows(aid: str, doc: Document) -> list[list[Any]]:
    return [[aid, n, r.type, r.subject.actor_id, r.subject.text, r.object.actor_id, r.object.text,
             r.since, r.until, r.negated, r.start, r.end, r.kind] for n, r in enumerate(doc.relations)]


def _contradiction_rows(aid: str, doc: Document) -> list[list[Any]]:
    return [[aid, x.claims[0], x.claims[1], x.reason] for x in doc.contradictions]


def _date_rows(aid: str, doc: Document) -> list[list[Any]]:
    return [[aid, d.text, d.start, d.end, d.value, d.precision, d.relation] for d in doc.dates]


#: fact table -> the rows of a document in it, in the order of the table's columns (:data:`SCHEMA`)
ROW_MAPPERS: dict[str, Callable[[str, Document], list[list[Any]]]] = {
    "actors": _actor_rows, "events": _event_rows, "quotes": _quote_rows, "places": _place_rows,
    "claims": _claim_rows, "relations": _relation_rows, "contradictions": _contradiction_rows, "dates": _date_rows,
}


def fact_rows(doc: Document) -> dict[str, list[list[Any]]]:
    """The rows of each fact table (:data:`FACT_TABLES`) for a document; a table without facts is left out."""
    out = {}
    for table, rows_of in ROW_MAPPERS.items():
        rows = rows_of(doc.article.id, doc)
        if rows:
            out[table] = rows
    return out


def failure_row(f: Failure, now: datetime) -> list[Any]:
    """The ``failures`` row of a failure."""
    return [f.origin, f.article_id, f.stage, f.code, f.reason, now]


def failure_from_row(row: tuple) -> Failure:
    """A failure read back (``SELECT article_id, origin, stage, code, reason FROM failures``)."""
    return Failure(article_id=row[0], origin=row[1], stage=row[2], code=row[3], reason=row[4])
