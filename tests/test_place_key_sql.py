"""The places list's key (schema.PLACE_KEY_SQL) agrees with an event's place key (merge.place_key)."""
import duckdb
import pytest

from sitrep.situation.merge import place_key
from sitrep.situation.schema import PLACE_KEY_SQL

NAMES = ["The Hague-Ville", "Đakovo", "Sana\u2019a", "Ras al-'Ain", "Côte d'Ivoire", "São Tomé",
         "Tel-Aviv", "St. John's", "Khan Younis", "THE Gambia", "Zaporizhzhia Oblast"]


def _sql_key(geonameid, name):
    con = duckdb.connect()
    try:
        return con.execute(f"SELECT {PLACE_KEY_SQL} FROM (SELECT ?::BIGINT AS geonameid, ?::VARCHAR AS name)",
                           [geonameid, name]).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("name", NAMES)
def test_a_place_without_geonames_id_has_its_events_key(name):
    assert _sql_key(None, name) == place_key(None, name)


def test_a_geonames_id_wins_and_an_empty_name_has_no_key():
    assert _sql_key(2747373, "The Hague") == place_key(2747373, "The Hague") == "geo:2747373"
    assert _sql_key(None, "") is None and place_key(None, "") is None
    assert _sql_key(None, "The Hague-Ville") == "name:hague ville"


def test_postgresql_gives_the_same_keys(pg_server):
    """PostgreSQL's regular expressions have no \\p{L}: the dialect's letter class gives the same keys."""
    from conftest import new_pg_database

    from sitrep.situation.schema import place_key_sql
    from sitrep.situation.store import open_store

    with open_store(new_pg_database(pg_server, "placekey")) as s:
        sql = (f"SELECT {place_key_sql(s.dialect.word_chars)} "
               "FROM (SELECT CAST(? AS BIGINT) AS geonameid, CAST(? AS VARCHAR) AS name) x")
        for name in NAMES + ["Алеппо-Сити"]:
            assert s.con.execute(sql, [None, name]).fetchone()[0] == place_key(None, name), name
