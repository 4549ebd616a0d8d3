"""Store queries (the Python API the CLI and the HTTP API read) and the situation CLI commands."""

import csv
import io
import json
import subprocess
import sys

import pytest
from situation_data import corpus, db, store  # noqa: F401 - shared fixtures

from sitrep.errors import QueryError
from sitrep.store import Store



@pytest.fixture
def empty(tmp_path, make_db):
    s = Store(make_db("empty"))
    yield s
    s.close()


def run(*args):
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=120)


def test_actors_filters(store):
    assert [a["entity_id"] for a in store.actors(kind="armed_group")] == ["N:free-karvan-brigade"]
    assert [a["name"] for a in store.actors(country="mir")] == ["Mirenia"]
    assert [a["name"] for a in store.actors(search="ostr")] == ["Ostrava"]
    assert [a["name"] for a in store.actors(search="Republic of")] == ["Ostrava"]  # an alias
    assert len(store.actors(limit=2)) == 2
    ost = store.actors(search="ostrava")[0]
    assert ost["n_events"] == 2 and ost["first_seen"] == "2024-03-03" and ost["last_seen"] == "2024-03-12"


@pytest.mark.parametrize("kw", [{"kind": "nation"}, {"country": "Syria"}])
def test_actor_filters_reject_bad_values(store, kw):
    with pytest.raises(QueryError):
        store.actors(**kw)


def test_actor_profile_by_alias_with_relations_and_mention_spans(store):
    p = store.actor_profile("republic of ostrava")
    assert p["actor"]["entity_id"] == "OST"
    assert {(r["type"], r["object_entity"]) for r in p["relations"]} == {("supported_by", "MIR")}
    assert len(p["events"]) == 2
    for m in p["mentions"]:
        text = store.document(m["article_id"]).text
        assert all(text[s["start"]:s["end"]] == s["text"] for s in m["mentions"])


def test_events_filters(store):
    assert len(store.events(actor="Ostrava")) == 2
    assert [e["type"] for e in store.events(type="consult")] == ["CONSULT"]
    assert [e["type"] for e in store.events(since="2024-03-05")] == ["CONSULT"]
    assert [e["type"] for e in store.events(until="2024-03-05")] == ["ASSAULT"]
    assert [e["n_sources"] for e in store.events(min_sources=2)] == [2]
    assert [e["place_name"] for e in store.events(place="karv")] == ["Karvan"]
    assert store.events(place="Nowhere") == []
    assert len(store.events(limit=1)) == 1


@pytest.mark.parametrize("kw, words", [
    ({"since": "2024-03-10", "until": "2024-03-01"}, "reversed"),
    ({"since": "March 1"}, "not a date"),
    ({"type": "BOMB"}, "unknown event type"),
    ({"actor": "Ostrva"}, "did you mean 'Ostrava'"),
    ({"min_sources": -1}, "min-sources"),
])
def test_events_bad_arguments_are_clear(store, kw, words):
    with pytest.raises(QueryError) as ei:
        store.events(**kw)
    assert words in str(ei.value)


def test_quotes_by_speaker_across_articles(store):
    qs = store.quotes(speaker="Piotr Valen")
    assert {q["article_id"] for q in qs} == {"a1", "a2"}
    assert all(q["speaker"] == "Piotr Valen" for q in qs)
    assert len(store.quotes()) == 2


def test_timeline_of_an_actor_has_events_and_relation_changes(store):
    t = store.timeline(actor="Mirenia")
    assert [(x["date"], x["kind"]) for x in t] == [("2019", "relation began"), ("2024-03-20", "relation ended")]
    t = store.timeline(actor="Ostrava", since="2024-03-01")
    assert [x["kind"] for x in t] == ["event", "event", "relation ended"]


def test_report_counts_for_all_and_for_a_period(store):
    r = store.report()
    c = r["counts"]
    assert (c["articles"], c["events"], c["event_reports"], c["multi_source_events"]) == (3, 2, 3, 1)
    assert (c["quotes"], c["claims"], c["contradictions"], c["relations"]) == (2, 2, 1, 1)
    assert r["top_events"][0]["type"] == "ASSAULT" and len(r["contradictions_across"]) == 1
    p = store.report(since="2024-03-10", until="2024-03-31")["counts"]
    assert (p["articles"], p["events"], p["quotes"], p["contradictions"]) == (1, 1, 0, 0)
    with pytest.raises(QueryError):
        store.report(since="2024-03-31", until="2024-03-01")


def test_report_events_are_situation_events_on_their_own_day(store):
    """The report's timeline lists each incident once (three reports, two situation events), on the day it
    happened, with the outlet of its first report; a period keeps the events dated in it."""
    events = store.report()["events"]
    assert len(events) == store.report()["counts"]["events"] == 2
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert all(e["outlet"] and e["evidence"] for e in events)
    p = store.report(since="2024-03-10", until="2024-03-31")["events"]
    assert len(p) == 1 and "2024-03-10" <= p[0]["date"] <= "2024-03-31"


def test_report_actors_are_situation_actors_named_in_most_articles(store):
    """The report's actors are situation entities (one line however many articles name them), the most
    named first, counted in the period's articles only."""
    actors = store.report()["actors"]
    names = [a["name"] for a in actors]
    assert len(names) == len(set(names)) and actors
    assert [a["articles"] for a in actors] == sorted((a["articles"] for a in actors), reverse=True)
    assert all(a["kind"] != "media" for a in actors)
    period = store.report(since="2024-03-10", until="2024-03-31")["actors"]
    assert period and all(a["articles"] <= 1 for a in period)


def test_claims_and_places_across_articles(store):
    claims = store.claims(prop="killed")
    assert sorted(c["value"] for c in claims) == [40, 120]
    assert all(c["place"] == "geo:1" and c["text"] for c in claims)
    assert store.claims(prop="wounded") == [] and len(store.claims(limit=1)) == 1
    assert store.claims(since="2030-01-01") == []
    places = {p["name"]: p for p in store.places()}
    assert places["Karvan"]["n_articles"] == 2 and places["Karvan"]["lat"] == 40.0
    assert [p["name"] for p in store.places(search="elm")] == ["Belmar"]
    assert store.places(search="x'); DROP TABLE places; --") == []
    arts = store.article_list()
    assert len(arts) == 3 and sum(a["n_claims"] for a in arts) == 2
    assert sum(store.event_counts_by_type().values()) == store.counts(situation=True)["s_events"]


def test_why_unknown_event(store):
    with pytest.raises(QueryError) as ei:
        store.why("SE-nope")
    assert "sitrep events" in str(ei.value)


def test_user_text_never_reaches_sql(store):
    evil = "x'); DROP TABLE events; --"
    assert store.actors(search=evil) == []
    assert store.events(place=evil) == []
    with pytest.raises(QueryError):
        store.events(actor=evil)
    assert store.counts()["events"] == 4


def test_empty_store_answers_empty_and_explains_unknown_actors(empty):
    assert empty.actors() == [] and empty.events() == [] and empty.quotes() == []
    assert empty.contradictions() == [] and empty.timeline() == []
    assert set(empty.report()["counts"].values()) == {0}
    with pytest.raises(QueryError) as ei:
        empty.events(actor="Ostrava")
    assert "no actors yet" in str(ei.value)


def test_cli_json_csv_and_tables(db):
    r = run("events", "--db", str(db), "--json")
    assert r.returncode == 0, r.stderr
    assert {e["type"] for e in json.loads(r.stdout)} == {"ASSAULT", "CONSULT"}
    r = run("actors", "--db", str(db), "--csv", "--kind", "state")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {x["name"] for x in rows} == {"Ostrava", "Mirenia"}
    r = run("report", "--db", str(db))
    assert r.returncode == 0 and "2 events from 3 reports" in r.stdout
    r = run("claims", "--db", str(db), "--csv", "--property", "killed")
    assert sorted(float(x["value"]) for x in csv.DictReader(io.StringIO(r.stdout))) == [40, 120]
    r = run("places", "--db", str(db), "--json", "--search", "karv")
    assert [p["name"] for p in json.loads(r.stdout)] == ["Karvan"]
    ev = json.loads(run("events", "--db", str(db), "--json", "--min-sources", "2").stdout)[0]["event_id"]
    r = run("why", ev, "--db", str(db))
    assert r.returncode == 0 and "North Wire" in r.stdout and "Coast Press" in r.stdout and "first report" in r.stdout


@pytest.mark.parametrize("args, words", [
    (("actor", "Nobody"), "unknown actor"),
    (("events", "--since", "2024-03-10", "--until", "2024-03-01"), "reversed"),
    (("why", "SE0"), "no situation event"),
    (("events", "--json", "--csv"), "--json"),
])
def test_cli_errors_exit_1_with_a_message(db, args, words):
    r = run(*args, "--db", str(db))
    assert r.returncode != 0 and words in r.stderr and "Traceback" not in r.stderr


def test_cli_missing_and_empty_database(tmp_path, make_db):
    r = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert r.returncode == 1 and "Error:" in r.stderr and "sitrep ingest" in r.stderr
    empty = make_db("e")
    Store(empty).close()
    r = run("report", "--db", empty)
    assert r.returncode == 0 and "No articles" in r.stdout
