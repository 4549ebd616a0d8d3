"""The two backends behind one Store: the opener, the dialect's translations, PostgreSQL's schema checks."""

from __future__ import annotations

import pytest

from sitrep.errors import SchemaVersionError, StoreError
from sitrep.situation.dialect import DUCKDB, POSTGRES, as_dict, dialect_of, pg_placeholders
from sitrep.situation.postgres import is_url, redact
from sitrep.situation.store import open_store, resolve_target
from sitrep.store import Store


def test_placeholders_become_psycopg_ones_outside_quotes_only():
    assert pg_placeholders("SELECT ? , '?' , \"a?\" , x % 2 FROM t WHERE y = ?") == \
        "SELECT %s , '?' , \"a?\" , x %% 2 FROM t WHERE y = %s"
    assert pg_placeholders("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', %s"


def test_each_dialect_spells_the_differences_its_own_way():
    assert DUCKDB.any_of("id") == "list_contains(?, id)" and POSTGRES.any_of("id") == "id = ANY(?)"
    assert "DOUBLE PRECISION" in POSTGRES.ddl("CREATE TABLE t (x DOUBLE)") and DUCKDB.ddl("x DOUBLE") == "x DOUBLE"
    assert 'term VARCHAR COLLATE "C"' in POSTGRES.ddl("CREATE TABLE s_search_terms (term VARCHAR, kind VARCHAR)")
    assert as_dict('{"actor": 2}') == {"actor": 2} and as_dict({"event": 1}) == {"event": 1} and as_dict(None) == {}
    import duckdb

    assert dialect_of(duckdb.connect()) is DUCKDB


def test_the_store_target_is_a_url_a_path_or_sitrep_db(monkeypatch, tmp_path):
    assert is_url("postgresql://u@h/db") and is_url("postgres://u@h/db") and not is_url("sitrep.duckdb")
    assert redact("postgresql://u:pw@h:5432/db") == "postgresql://u:***@h:5432/db"
    monkeypatch.delenv("SITREP_DB", raising=False)
    assert resolve_target(None) == "sitrep.duckdb"
    monkeypatch.setenv("SITREP_DB", str(tmp_path / "env.duckdb"))
    assert resolve_target(None) == str(tmp_path / "env.duckdb") and resolve_target("x.duckdb") == "x.duckdb"
    with open_store() as s:
        assert s.path == str(tmp_path / "env.duckdb") and not s.is_postgres and s.generation() == 0


def test_an_unreachable_postgresql_is_a_store_error(tmp_path):
    with pytest.raises(StoreError) as ei:
        Store(f"postgresql://nobody:secret@/none?host={tmp_path}")
    assert "cannot open database" in str(ei.value) and "secret" not in str(ei.value)


def test_postgresql_store_checks_its_schema_version_and_refuses_a_foreign_database(pg_server):
    from conftest import new_pg_database

    url = new_pg_database(pg_server, "version")
    with Store(url) as s:
        assert s.is_postgres and s.dialect is POSTGRES and s.counts()["articles"] == 0
        s.con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(SchemaVersionError):
        Store(url)
    other = new_pg_database(pg_server, "foreign")
    import psycopg

    with psycopg.connect(other, autocommit=True) as con:
        con.execute("CREATE TABLE t (x INT)")
    with pytest.raises(StoreError, match="not a sitrep store"):
        Store(other)
    with pytest.raises(StoreError, match="empty"):
        Store(new_pg_database(pg_server, "empty"), read_only=True)


def test_writes_count_generations_on_both_backends(make_db):
    from situation_data import corpus

    with Store(make_db("gen")) as s:
        g0 = s.generation()
        s.add_documents(corpus()[:1], refresh=False)
        g1 = s.generation()
        s.refresh_situation()
        assert g0 < g1 < s.generation()
        g2 = s.generation()
        s.events()  # reading changes nothing
        assert s.generation() == g2
