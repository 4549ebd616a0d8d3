"""Corrections with an audit trail (issue #17): facts marked wrong or fixed, applied to every view, query
and export, kept when the article is ingested again; `sitrep correct`/`sitrep corrections`; the API."""

import json
import subprocess
import sys

import duckdb
import pytest
from situation_data import corpus, doc1, doc3

from sitrep.errors import QueryError
from sitrep.store import Store


@pytest.fixture
def s(tmp_path, make_db):
    with Store(make_db("c")) as store:
        store.add_documents(corpus())
        yield store


def _assault(store):
    (e,) = store.events(type="ASSAULT")
    return e


def test_marking_an_event_wrong_takes_it_out_of_every_view(s):
    e = _assault(s)
    c = s.add_correction("event", e["event_id"], author="Ana Analyst", wrong=True, note="a duplicate wire")
    assert (c["id"], c["action"], c["author"], c["applied_to"]) == ("C1", "wrong", "Ana Analyst", 2)
    assert {a["article_id"] for a in c["anchors"]} == {"a1", "a2"}
    assert s.events(type="ASSAULT") == []
    assert all(x["type"] != "ASSAULT" for x in s.timeline())
    assert all(x["type"] != "ASSAULT" for x in s.report()["events"])
    assert s.search("shelled", kind="event")["total"] == 0
    assert all(x["type"] != "ASSAULT" for x in s.graph()["events"])
    assert s.report()["counts"]["events"] == 1


def test_fixing_a_type_and_an_actor(s):
    e = _assault(s)
    s.add_correction("event", e["event_id"], author="ana", field="type", value="coerce")
    s.add_correction("event", e["event_id"], author="bo", field="target", value="Free Karvan Brigade")
    (fixed,) = s.events(type="COERCE")
    assert fixed["event_id"] == e["event_id"] and fixed["target_entity"] == "N:free-karvan-brigade"
    assert fixed["target_name"] == "Free Karvan Brigade" and fixed["n_reports"] == 2
    assert "corrected by C1, C2" in s.why(e["event_id"])["reports"][0]["rule"]
    assert any(x["type"] == "COERCE" and x["target"] == "Free Karvan Brigade" for x in s.report()["events"])
    assert [c["old_value"] for c in s.corrections()] == ["ASSAULT", None]


def test_quote_speaker_link_and_actor_corrections(s):
    s.add_correction("quote", "a1:Q1", author="ana", field="speaker", value="Mirenia")
    assert [q["text"] for q in s.quotes(speaker="Mirenia")] == ["We will hold the line,"]
    s.add_correction("quote", "a1:Q1", author="ana", wrong=True)
    assert s.quotes(speaker="Mirenia") == [] and s.search("hold the line", kind="quote")["total"] == 0
    # "Valen" in a2 was linked to Piotr Valen; an analyst says it is someone else
    assert {m["article_id"] for m in s.actor_profile("Piotr Valen")["mentions"]} == {"a1", "a2"}
    s.add_correction("link", "a2:VAL", author="bo", wrong=True)
    assert {m["article_id"] for m in s.actor_profile("Piotr Valen")["mentions"]} == {"a1"}
    s.add_correction("actor", "MIR", author="bo", field="name", value="Republic of Mirenia")
    assert s.actor_profile("MIR")["actor"]["name"] == "Republic of Mirenia"
    assert s.resolve_actor("Mirenia") == "MIR"  # the old name stays an alias
    assert [c["id"] for c in s.corrections(article="a2")] == ["C3"]


@pytest.mark.parametrize("kw, words", [
    (dict(kind="event", target_id="SEnope", wrong=True), "no situation event"),
    (dict(kind="event", target_id="?", field="type", value="PARTY"), "unknown event type"),
    (dict(kind="quote", target_id="a1", wrong=True), "ARTICLE:ID"),
    (dict(kind="actor", target_id="MIR", wrong=True), "cannot be marked wrong"),
    (dict(kind="actor", target_id="MIR", field="kind", value="nation"), "unknown actor kind"),
    (dict(kind="event", target_id="?", wrong=True, field="type", value="AID"), "either"),
    (dict(kind="tank", target_id="?", wrong=True), "unknown correction target"),
])
def test_bad_corrections_are_explained(s, kw, words):
    kw = dict(kw)  # the parameters are shared by both backends' runs
    kind, target = kw.pop("kind"), kw.pop("target_id")
    if target == "?":
        target = _assault(s)["event_id"]
    with pytest.raises(QueryError, match=words):
        s.add_correction(kind, target, author="ana", **kw)
    assert s.corrections() == []
    with pytest.raises(QueryError, match="author"):
        s.add_correction("event", _assault(s)["event_id"], author=" ", wrong=True)


def test_corrections_reach_the_exports(s, tmp_path):
    from sitrep import exports

    s.add_correction("event", _assault(s)["event_id"], author="ana", field="type", value="COERCE")
    out = tmp_path / "events.tsv"
    exports.export(s, "plover", out)
    text = out.read_text()
    assert "COERCE" in text and "ASSAULT" not in text


def test_corrections_survive_a_reingest_that_renumbers_the_facts(tmp_path, make_db):
    db = make_db("r")
    with Store(db) as s:
        s.add_documents(corpus())
        s.add_correction("event", _assault(s)["event_id"], author="ana", field="type", value="COERCE")
        s.add_correction("quote", "a1:Q1", author="ana", wrong=True)
    # a1 extracted again: new ids for its event and quote, the same sentences
    d = doc1()
    d = d.model_copy(update={"events": [ev.model_copy(update={"id": "E9"}) for ev in d.events],
                             "quotes": [q.model_copy(update={"id": "Q7"}) for q in d.quotes]})
    with Store(db) as s:
        s.write_batch([(d, None)], replace={"a1"})
        s.refresh_situation()
        assert [e["n_reports"] for e in s.events(type="COERCE")] == [2]
        assert s.quotes(limit=None) == [q for q in s.quotes(limit=None) if q["article_id"] != "a1"]
        assert [c["applied_to"] for c in s.corrections()] == [2, 1]


def test_a_version_5_store_gets_the_corrections_table(tmp_path):
    db = tmp_path / "v5.duckdb"
    with Store(db) as s:
        s.add_documents([doc3()])
    con = duckdb.connect(str(db))
    for t in ("corrections", "s_overrides", "s_search_docs", "s_search_terms"):
        con.execute(f"DROP TABLE {t}")
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.close()
    with Store(db, read_only=True) as s:
        assert s.corrections() == [] and s.search("belmar")["total"] > 0


def test_cli_correct_and_corrections(tmp_path, make_db):
    db = make_db("cli")
    with Store(db) as s:
        s.add_documents(corpus())
        eid = _assault(s)["event_id"]

    def run(*args):
        return subprocess.run([sys.executable, "-m", "sitrep", *args, "--db", str(db)], capture_output=True,
                              text=True, timeout=120)

    r = run("correct", "event", eid, "--set", "type", "COERCE", "--by", "ana", "--note", "a threat")
    assert r.returncode == 0, r.stderr
    assert "C1: event" in r.stdout and "type = COERCE by ana" in r.stdout
    r = run("corrections", "--json")
    (c,) = json.loads(r.stdout)
    assert (c["author"], c["field"], c["old_value"], c["value"], c["note"]) == ("ana", "type", "ASSAULT", "COERCE",
                                                                                "a threat")
    r = run("correct", "event", eid, "--wrong")
    assert r.returncode != 0 and "--by" in r.stderr + r.stdout


def test_a_withdrawn_correction_applies_to_nothing_and_stays_in_the_trail(s):
    e = _assault(s)
    quotes = s.quotes(limit=None)
    c1 = s.add_correction("event", e["event_id"], author="ana", field="type", value="COERCE")
    s.add_correction("quote", "a1:Q1", author="ana", wrong=True)
    s.add_correction("actor", "MIR", author="bo", field="name", value="Republic of Mirenia")
    assert s.events(type="ASSAULT") == [] and len(s.quotes(limit=None)) == len(quotes) - 1
    w = s.withdraw_correction(c1["id"], author="Bo Boss", note="it was an assault after all")
    assert (w["id"], w["action"], w["value"], w["author"], w["target_id"]) == ("C4", "withdraw", "C1", "Bo Boss",
                                                                               e["event_id"])
    assert [x["event_id"] for x in s.events(type="ASSAULT")] == [e["event_id"]] and s.events(type="COERCE") == []
    s.withdraw_correction("C2", author="bo")
    assert s.quotes(limit=None) == quotes
    s.withdraw_correction("C3", author="bo")
    assert s.actor_profile("MIR")["actor"]["name"] == "Mirenia"
    trail = {c["id"]: c for c in s.corrections()}
    assert list(trail) == ["C1", "C2", "C3", "C4", "C5", "C6"]
    assert (trail["C1"]["withdrawn_by"], trail["C1"]["withdrawn_in"], trail["C1"]["applied_to"]) == ("Bo Boss", "C4", 0)
    assert trail["C1"]["withdrawn_at"] and trail["C1"]["withdrawn_note"] == "it was an assault after all"
    assert trail["C1"]["author"] == "ana" and trail["C1"]["value"] == "COERCE"   # the correction itself is kept
    assert [c["id"] for c in s.corrections(target=e["event_id"])] == ["C1", "C4"]
    assert [c["id"] for c in s.corrections(article="a1")] == ["C1", "C2", "C4", "C5"]


@pytest.mark.parametrize("cid, words", [("C9", "no correction"), ("C2", "a withdrawal"), ("C1", "already withdrawn")])
def test_bad_withdrawals_are_explained(s, cid, words):
    s.add_correction("event", _assault(s)["event_id"], author="ana", wrong=True)
    s.withdraw_correction("C1", author="bo")
    with pytest.raises(QueryError, match=words):
        s.withdraw_correction(cid, author="bo")
    with pytest.raises(QueryError, match="author"):
        s.withdraw_correction("C1", author=" ")


def test_a_withdrawal_survives_a_reingest(tmp_path):
    db = tmp_path / "w.duckdb"
    with Store(db) as s:
        s.add_documents(corpus())
        s.add_correction("event", _assault(s)["event_id"], author="ana", field="type", value="COERCE")
        s.withdraw_correction("C1", author="bo")
    with Store(db) as s:
        s.write_batch([(doc1(), None)], replace={"a1"})
        s.refresh_situation()
        assert [e["n_reports"] for e in s.events(type="ASSAULT")] == [2] and s.events(type="COERCE") == []


def test_cli_withdraw(tmp_path):
    db = tmp_path / "cliw.duckdb"
    with Store(db) as s:
        s.add_documents(corpus())
        s.add_correction("event", _assault(s)["event_id"], author="ana", wrong=True)

    def run(*args):
        return subprocess.run([sys.executable, "-m", "sitrep", *args, "--db", str(db)], capture_output=True,
                              text=True, timeout=120)

    r = run("withdraw", "C1", "--by", "bo", "--note", "not a duplicate")
    assert r.returncode == 0, r.stderr
    assert "C2: C1 (event" in r.stdout and "withdrawn by bo" in r.stdout
    r = run("corrections", "--json")
    c1, c2 = json.loads(r.stdout)
    assert (c1["withdrawn_by"], c1["withdrawn_in"], c2["action"], c2["value"]) == ("bo", "C2", "withdraw", "C1")
    r = run("withdraw", "C1", "--by", "bo")
    assert r.returncode != 0 and "already withdrawn" in r.stderr + r.stdout


def test_link_and_actor_corrections_reach_the_exports_and_survive_a_reingest(tmp_path):
    from situation_data import doc2

    from sitrep import exports

    db = tmp_path / "la.duckdb"
    with Store(db) as s:
        s.add_documents(corpus())
        s.add_correction("link", "a2:VAL", author="bo", wrong=True)
        s.add_correction("actor", "OST", author="bo", field="name", value="Ostravan Republic")
        s.add_correction("quote", "a1:Q1", author="ana", field="speaker", value="Ostravan Republic")
    with Store(db) as s:  # a2 and a1 extracted again: the same facts, new ids for a1's quote
        d1 = doc1()
        d1 = d1.model_copy(update={"quotes": [q.model_copy(update={"id": "Q5"}) for q in d1.quotes]})
        s.write_batch([(doc2(), None), (d1, None)], replace={"a1", "a2"})
        s.refresh_situation()
        assert {m["article_id"] for m in s.actor_profile("Piotr Valen")["mentions"]} == {"a1"}
        assert [q["speaker"] for q in s.quotes(limit=None) if q["text"] == "We will hold the line,"] == \
            ["Ostravan Republic"]
        out = tmp_path / "g.graphml"
        exports.export(s, "graphml", out)
        assert "Ostravan Republic" in out.read_text()
        out = tmp_path / "e.jsonl"
        exports.export(s, "plover", out)
        assert "Ostravan Republic" in out.read_text()
        assert [c["applied_to"] for c in s.corrections()] == [1, 0, 1]
