"""The summary tables of the situation (s_event_days, s_dyads, s_place_names, s_totals): always what the
situation tables say, after an ingest, a correction and a rebuild, on both backends; and the queries
that read them answer as the full scans did."""

import duckdb
from situation_data import actor, corpus, doc1, doc2, doc3, event, span

from sitrep.contract import ArticleMeta, Document, Place

from sitrep.situation.summaries import DYAD_MIN, live_counts, stored_totals
from sitrep.store import Store


def _set(store, sql):
    return {tuple(r.values()) for r in store.query(sql)}


def check_summaries(s: Store) -> None:
    """Every summary table equals the same figures computed from the situation tables now."""
    s.refresh_situation(only_if_stale=True)
    assert _set(s, "SELECT date, type, n_events, n_reports, n_multi_source FROM s_event_days") == _set(s, """
        SELECT date, type, count(*) AS a, coalesce(sum(n_reports), 0) AS b, count(*) FILTER (WHERE n_sources > 1) AS c
        FROM s_events GROUP BY date, type""")
    assert _set(s, "SELECT source_entity, target_entity, type, n FROM s_dyads") == _set(s, f"""
        SELECT source_entity, target_entity, type, count(*) FROM s_events
        WHERE source_entity <> target_entity GROUP BY 1, 2, 3 HAVING count(*) >= {DYAD_MIN}""")
    assert _set(s, "SELECT place_name FROM s_place_names") == _set(
        s, "SELECT DISTINCT place_name FROM s_events WHERE place_name IS NOT NULL")
    assert _set(s, "SELECT published, n_articles, n_quotes, n_claims, n_contradictions FROM s_article_days") == _set(
        s, """SELECT a.published, count(*) AS n,
                   sum((SELECT count(*) FROM quotes q WHERE q.article_id = a.id AND NOT EXISTS (
                        SELECT 1 FROM s_overrides o WHERE o.fact = 'quote' AND o.wrong AND o.article_id = q.article_id
                        AND o.fact_id = q.quote_id))) AS q,
                   sum((SELECT count(*) FROM claims c WHERE c.article_id = a.id)) AS c,
                   sum((SELECT count(*) FROM contradictions x WHERE x.article_id = a.id)
                       + (SELECT count(*) FROM s_contradictions x WHERE x.article_b = a.id)) AS x
            FROM articles a GROUP BY a.published""")
    assert _set(s, "SELECT published, entity_id, n_articles FROM s_actor_days") == _set(s, """
        SELECT a.published, m.entity_id, count(DISTINCT m.article_id) FROM s_actor_map m JOIN articles a
        ON a.id = m.article_id GROUP BY a.published, m.entity_id""")
    assert stored_totals(s.con) == live_counts(s.con, None, None) == s.situation_counts()
    whole = {r["type"]: r["n"] for r in s.query("SELECT type, count(*) AS n FROM s_events GROUP BY type")}
    assert s.event_counts_by_type() == whole
    # graph edges from s_dyads (min_events >= 2) are the full scan's edges with as many events
    for at in (None, "2024-03-03"):
        every = s.graph(at=at, min_events=1)["events"]
        assert s.graph(at=at, min_events=DYAD_MIN)["events"] == [e for e in every if e["n_events"] >= DYAD_MIN]


def talks(n: int, day: str) -> Document:
    """A wire report of talks between Ostrava and Mirenia in Belmar on ``day`` (article ``t{n}``)."""
    t = (f"Ostrava and Mirenia hold talks\nBELMAR, {day} (Harbour Daily) - Ostrava met Mirenia in Belmar "
         "on Tuesday, officials said.\n")
    return Document(
        article=ArticleMeta(id=f"t{n}", title="Ostrava and Mirenia hold talks", source="Harbour Daily",
                            published=day),
        text=t,
        actors=[actor(t, "OST", "Ostrava", country="OST", kb="OST"), actor(t, "MIR", "Mirenia", country="MIR", kb="MIR")],
        places=[Place(id="geo:2", name="Belmar", geonameid=2, lat=41.0, lon=31.0, country_code="OS", feature="city",
                      mentions=[span(t, "Belmar")])],
        events=[event(t, "E1", "CONSULT", "Ostrava met Mirenia in Belmar on Tuesday, officials said.", "met",
                      source=("OST", "Ostrava"), target=("MIR", "Mirenia"), date=day, location="geo:2")])


def test_a_pair_with_enough_events_is_an_edge_of_the_graph(make_db):
    with Store(make_db("dyads")) as s:
        s.add_documents(corpus() + [talks(i, f"2024-0{i}-10") for i in range(1, 5)])
        check_summaries(s)
        assert s.query("SELECT source_entity, target_entity, type, n FROM s_dyads") == [
            {"source_entity": "OST", "target_entity": "MIR", "type": "CONSULT", "n": 4}]
        edges = s.graph(at="2024-03-31", min_events=3)["events"]
        assert [(e["source_entity"], e["target_entity"], e["n_events"], e["first"], e["last"]) for e in edges] == [
            ("OST", "MIR", 3, "2024-01-10", "2024-03-10")]
        assert s.graph(at="2024-02-28", min_events=3)["events"] == []
        assert {n["entity_id"] for n in s.graph(min_events=4)["nodes"]} >= {"OST", "MIR"}


def test_summaries_follow_ingest_correction_and_rebuild(make_db):
    with Store(make_db("sum")) as s:
        s.add_documents([doc1()])
        check_summaries(s)
        n1 = s.situation_counts()
        s.add_documents([doc2(), doc3()])
        check_summaries(s)
        n3 = s.situation_counts()
        assert n3["articles"] == 3 and n3["events"] > n1["events"] and n3["articles"] > n1["articles"]
        (e,) = s.events(type="ASSAULT")
        s.add_correction("event", e["event_id"], author="ana", wrong=True)
        check_summaries(s)
        assert s.situation_counts()["events"] == n3["events"] - 1
        assert "ASSAULT" not in s.event_counts_by_type()
        s.refresh_situation()
        check_summaries(s)


def test_counts_of_a_period_match_the_events_dated_in_it(make_db):
    with Store(make_db("period")) as s:
        s.add_documents(corpus())
        for since, until in (("2024-03-01", "2024-03-04"), ("2024-03-05", None), (None, "2024-03-02")):
            evs = s.events(since=since, until=until, limit=None)
            c = s.situation_counts(since=since, until=until)
            assert c["events"] == len(evs)
            assert c["event_reports"] == sum(e["n_reports"] for e in evs)
            assert c["multi_source_events"] == sum(1 for e in evs if e["n_sources"] > 1)
            by_type: dict = {}
            for e in evs:
                by_type[e["type"]] = by_type.get(e["type"], 0) + 1
            assert s.event_counts_by_type(since, until) == by_type
            # the articles' facts of a period are sums over their publication days (s_article_days)
            pub = [a for a in s.query("SELECT id, published FROM articles")
                   if (not since or str(a["published"]) >= since) and (not until or str(a["published"]) <= until)]
            assert c["articles"] == len(pub)
            assert c["quotes"] == len(s.quotes(limit=None, since=since, until=until))
            assert c["claims"] == len(s.claims(limit=1000, since=since, until=until))
            named = {r["entity_id"] for r in s.query(
                "SELECT m.entity_id FROM s_actor_map m JOIN articles a ON a.id = m.article_id "
                "WHERE (CAST(? AS DATE) IS NULL OR a.published >= CAST(? AS DATE)) "
                "AND (CAST(? AS DATE) IS NULL OR a.published <= CAST(? AS DATE))", [since, since, until, until])}
            assert c["actors"] == len(named)


def test_place_filter_finds_events_by_part_of_the_name_or_the_key(make_db):
    with Store(make_db("place")) as s:
        s.add_documents(corpus())
        every = s.events(limit=None)
        named = [e for e in every if e["place_name"] and "arva" in e["place_name"].lower()]
        assert named and s.events(place="ARVA", limit=None) == named
        key = named[0]["place_key"]
        assert s.events(place=key, limit=None) == [e for e in every if e["place_key"] == key]
        assert s.events(place="nowhere at all", limit=None) == []
        assert [t["id"] for t in s.timeline(place="arva")] == [e["event_id"] for e in
                                                              sorted(named, key=lambda e: (e["date"], e["event_id"]))
                                                              if e["date"]]


def test_a_version_6_store_gets_its_summaries_on_open(tmp_path):
    db = tmp_path / "v6.duckdb"
    with Store(db) as s:
        s.add_documents(corpus())
        before = s.situation_counts()
    con = duckdb.connect(str(db))
    for t in ("s_event_days", "s_dyads", "s_place_names", "s_totals"):
        con.execute(f"DROP TABLE {t}")
    con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    con.close()
    with Store(db, read_only=True) as s:
        assert stored_totals(s.con) == before == s.situation_counts()
        assert sum(s.event_counts_by_type().values()) == before["events"]


def test_a_version_6_postgresql_store_gets_its_summaries_and_indexes(pg_server):
    from conftest import new_pg_database

    url = new_pg_database(pg_server, "v6")
    with Store(url) as s:
        s.add_documents(corpus())
        before = s.situation_counts()
        for t in ("s_event_days", "s_dyads", "s_place_names", "s_totals"):
            s.con.execute(f"DROP TABLE {t}")
        s.con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    with Store(url) as s:
        assert stored_totals(s.con) == before
        names = {r["indexname"] for r in s.query("SELECT indexname FROM pg_indexes WHERE tablename = 's_events'")}
        assert {"s_events_dyad", "s_events_place_name"} <= names


def test_graph_relations_come_by_first_report_undated_last_then_by_id():
    from sitrep.situation.merge import _relation_order

    rels = [{"first_reported": None, "relation_id": "R1"}, {"first_reported": "2024-03-02", "relation_id": "R9"},
            {"first_reported": "2024-03-01", "relation_id": "R5"}, {"first_reported": "2024-03-02", "relation_id": "R10"}]
    assert [r["relation_id"] for r in sorted(rels, key=_relation_order)] == ["R5", "R10", "R9", "R1"]
