"""The HTTP API (sitrep.api) over the demo store: every endpoint, its errors, auth and the body limit."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from sitrep.api import MAX_LIMIT, create_app  # noqa: E402
from sitrep.contract import PLOVER_TYPES, Document  # noqa: E402

TOKEN = "test-token-7f3a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

NEW_ARTICLE = ("Jordanian and Lebanese officials meet in Amman over border crossings\n"
               "AMMAN, Dec 18 (Test Wire) - Jordan's foreign minister Ayman Safadi met Lebanese Prime Minister "
               "Najib Mikati in Amman on Wednesday to discuss reopening border crossings with Syria, officials "
               "said.\n\"We will keep the crossings open for trade,\" Safadi told reporters after the meeting.\n")


def build_demo(tmp_path_factory) -> Path:
    """The demo database (`sitrep demo --db FILE`), built once per test session and shared read-only."""
    from typer.testing import CliRunner

    from sitrep.cli import app

    base = tmp_path_factory.getbasetemp() / "sitrep-serve-demo"
    db = base / "demo.duckdb"
    done = base / "ok"
    if not done.exists():
        base.mkdir(parents=True, exist_ok=True)
        result = CliRunner().invoke(app, ["demo", "--db", str(db)])
        assert result.exit_code == 0, result.output
        done.write_text("ok")
    return db


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory)


@pytest.fixture(scope="session")
def pg_demo(pg_server, demo_db) -> str:
    """The demo in a PostgreSQL database (its documents, duplicates and failures copied from the DuckDB
    demo), built once per session; tests use copies of it (:func:`copy_demo`)."""
    from conftest import new_pg_database

    from sitrep.store import Store

    url = new_pg_database(pg_server, "demo")
    with Store(demo_db, read_only=True) as src, Store(url) as dst:
        dst.add_documents(src.documents())
        dst.write_batch(src.failures())
        for d in src.query("SELECT id, duplicate_of, origin FROM duplicates"):
            dst.con.execute("INSERT INTO duplicates VALUES (?, ?, ?, now())", [d["id"], d["duplicate_of"], d["origin"]])
    return url


def copy_demo(request, backend: str, target) -> str:
    """A private copy of the demo store on ``backend``: a file copied to ``target``, or a PostgreSQL
    database made from the demo's as a template."""
    if backend == "duckdb":
        shutil.copy(request.getfixturevalue("demo_db"), target)
        return str(target)
    from conftest import new_pg_database

    return new_pg_database(request.getfixturevalue("pg_server"), "copy", template=request.getfixturevalue("pg_demo"))


@pytest.fixture
def demo_copy(request, backend, tmp_path):
    """``demo_copy()``: a private copy of the demo on the test's backend."""
    return lambda name="store": copy_demo(request, backend, tmp_path / f"{name}.duckdb")


@pytest.fixture(scope="module", params=("duckdb", "postgresql"))
def client(request, tmp_path_factory):
    db = copy_demo(request, request.param, tmp_path_factory.mktemp("api") / "store.duckdb")
    with TestClient(create_app(db, token=TOKEN)) as c:
        yield c


@pytest.fixture()
def fresh_client(demo_copy):
    """A client over a private copy of the demo (for the write tests)."""
    with TestClient(create_app(demo_copy(), token=TOKEN)) as c:
        yield c


def assert_error(resp, status: int, code: str | None = None) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


# -- reading ---------------------------------------------------------------------------------------------
def test_stats(client):
    s = client.get("/stats").json()
    assert s["counts"]["articles"] == 12
    assert s["writable"] is True and s["max_limit"] == MAX_LIMIT and s["max_body_bytes"] == 2_000_000


def test_articles_are_paginated(client):
    first = client.get("/articles", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and first["next_offset"] == 5
    second = client.get("/articles", params={"limit": 5, "offset": 5}).json()
    last = client.get("/articles", params={"limit": 5, "offset": 10}).json()
    ids = [a["id"] for a in first["items"] + second["items"] + last["items"]]
    assert len(ids) == len(set(ids)) == 12
    assert last["next_offset"] is None
    dates = [a["published"] for a in first["items"] + second["items"] + last["items"]]
    assert dates == sorted(dates, reverse=True)
    assert all(a["n_events"] >= 0 and a["title"] for a in first["items"])


def test_limit_above_the_maximum_is_refused(client):
    assert_error(client.get("/articles", params={"limit": MAX_LIMIT + 1}), 422, "invalid_request")
    assert_error(client.get("/events", params={"limit": 0}), 422)
    assert_error(client.get("/events", params={"offset": -1}), 422)


def test_one_article_is_its_contract_document(client):
    aid = client.get("/articles", params={"limit": 1}).json()["items"][0]["id"]
    resp = client.get(f"/articles/{aid}")
    assert resp.status_code == 200
    doc = Document.model_validate(resp.json())
    assert doc.article.id == aid and doc.text
    for e in doc.events:
        assert doc.text[e.sentence.start:e.sentence.end] == e.sentence.text


def test_unknown_article_is_404(client):
    assert_error(client.get("/articles/nope"), 404, "not_found")


def test_actors(client):
    actors = client.get("/actors").json()
    ids = {a["entity_id"] for a in actors}
    assert {"SYR", "ASSAD", "USA", "TUR", "RUS"} <= ids
    persons = client.get("/actors", params={"kind": "person"}).json()
    assert persons and all(a["kind"] == "person" for a in persons)
    found = client.get("/actors", params={"search": "assad"}).json()
    assert "ASSAD" in {a["entity_id"] for a in found}
    assert len(client.get("/actors", params={"limit": 3}).json()) == 3


def test_actors_bad_filters(client):
    assert "actor kind" in assert_error(client.get("/actors", params={"kind": "alien"}), 400, "bad_query")["message"]
    assert_error(client.get("/actors", params={"country": "Syria"}), 400, "bad_query")


def test_actor_profile_by_name_alias_and_id(client):
    by_alias = client.get("/actors/Assad").json()
    assert by_alias["actor"]["entity_id"] == "ASSAD"
    assert by_alias["actor"]["name"] == "Bashar al-Assad"
    assert by_alias["mentions"] and by_alias["events"]
    by_id = client.get("/actors/ASSAD").json()
    assert by_id["actor"] == by_alias["actor"]
    for m in by_id["mentions"]:
        text = client.get(f"/articles/{m['article_id']}").json()["text"]
        for span in m["mentions"]:
            assert text[span["start"]:span["end"]] == span["text"]


def test_unknown_actor_is_404(client):
    err = assert_error(client.get("/actors/Zorblax Quintavian"), 404, "not_found")
    assert "Zorblax" in err["message"]


def test_events_paginate_without_overlap(client):
    a = client.get("/events", params={"limit": 10}).json()
    b = client.get("/events", params={"limit": 10, "offset": 10}).json()
    both = client.get("/events", params={"limit": 20}).json()
    assert [e["event_id"] for e in a["items"] + b["items"]] == [e["event_id"] for e in both["items"]]
    assert a["next_offset"] == 10


def test_event_filters(client):
    ev = client.get("/events", params={"type": "assault", "limit": MAX_LIMIT}).json()["items"]
    assert ev and all(e["type"] == "ASSAULT" for e in ev)
    ranged = client.get("/events", params={"since": "2024-12-08", "until": "2024-12-10", "limit": MAX_LIMIT}).json()
    assert ranged["items"] and all("2024-12-08" <= e["date"] <= "2024-12-10" for e in ranged["items"])
    turkey = client.get("/events", params={"actor": "Turkey", "limit": MAX_LIMIT}).json()["items"]
    assert turkey and all("TUR" in (e["source_entity"], e["target_entity"]) for e in turkey)
    damascus = client.get("/events", params={"place": "Damascus", "limit": MAX_LIMIT}).json()["items"]
    assert damascus and all(e["place_name"] == "Damascus" for e in damascus)
    multi = client.get("/events", params={"min_sources": 2}).json()["items"]
    assert all(e["n_sources"] >= 2 for e in multi)


def test_event_filter_errors(client):
    assert_error(client.get("/events", params={"type": "DANCE"}), 400, "bad_query")
    assert_error(client.get("/events", params={"since": "12/08/2024"}), 422, "invalid_request")
    assert_error(client.get("/events", params={"since": "2024-12-10", "until": "2024-12-01"}), 400, "bad_query")
    assert_error(client.get("/events", params={"actor": "Nobody Atall"}), 404, "not_found")
    assert_error(client.get("/events", params={"min_sources": -1}), 422)


def test_one_event_has_its_reports_with_spans(client):
    eid = client.get("/events", params={"min_sources": 2, "limit": 1}).json()["items"][0]["event_id"]
    d = client.get(f"/events/{eid}").json()
    assert d["event"]["event_id"] == eid and len(d["reports"]) >= 2 and d["rule"]
    for r in d["reports"]:
        text = client.get(f"/articles/{r['article_id']}").json()["text"]
        assert text[r["start"]:r["end"]] == r["text"]
    assert_error(client.get("/events/SE000000000000"), 404, "not_found")


def test_quotes(client):
    quotes = client.get("/quotes", params={"limit": 20}).json()
    assert len(quotes) == 20
    for q in quotes[:5]:
        text = client.get(f"/articles/{q['article_id']}").json()["text"]
        assert q["text"] in text[q["start"]:q["end"]] or text[q["start"]:q["end"]] in q["text"]
    blinken = client.get("/quotes", params={"speaker": "Blinken"}).json()
    assert blinken and all(q["speaker_entity"] == "BLINKEN" for q in blinken)
    assert_error(client.get("/quotes", params={"until": "2024-99-01"}), 400, "bad_query")
    assert_error(client.get("/quotes", params={"until": "01.12.2024"}), 422, "invalid_request")


def test_claims(client):
    page = client.get("/claims").json()
    assert page["items"]
    for c in page["items"]:
        assert c["property"] and c["value"] is not None and c["start"] < c["end"]
    aid = page["items"][0]["article_id"]
    only = client.get("/claims", params={"article": aid}).json()["items"]
    assert only and all(c["article_id"] == aid for c in only)
    troops = client.get("/claims", params={"property": "troops"}).json()["items"]
    assert troops and all(c["property"] == "troops" for c in troops)


def test_contradictions(client):
    resp = client.get("/contradictions")
    assert resp.status_code == 200 and isinstance(resp.json(), list)


def test_contradictions_carry_both_spans(make_db):
    from sitrep.contract import ActorRef, ArticleMeta, Claim, Contradiction

    text = ("Clashes near Manbij killed 12 fighters on Monday, a monitor said.\n"
            "Local officials later put the toll at 30 fighters.\n")
    s1, s2 = text.index("12 fighters"), text.index("30 fighters")
    subj = ActorRef(actor_id="A1", text="fighters")
    doc = Document(article=ArticleMeta(id="contra1", title="Manbij toll", published="2024-12-12", source="Test Wire"),
                   text=text,
                   claims=[Claim(id="C1", subject=subj, property="killed", value=12, start=s1, end=s1 + 11,
                                 text=text[s1:s1 + 11]),
                           Claim(id="C2", subject=subj, property="killed", value=30, start=s2, end=s2 + 11,
                                 text=text[s2:s2 + 11])],
                   contradictions=[Contradiction(claims=["C1", "C2"], reason="killed: 12 vs 30")])
    from sitrep.store import Store

    db = make_db("contra")
    with Store(db) as store:
        store.add_documents([doc])
    with TestClient(create_app(db, token=TOKEN)) as c:
        (row,) = c.get("/contradictions").json()
        assert row["reason"] == "killed: 12 vs 30" and row["scope"] == "article"
        assert text[row["start_a"]:row["end_a"]] == "12 fighters"
        assert text[row["start_b"]:row["end_b"]] == "30 fighters"
        assert len(c.get("/claims", params={"since": "2024-12-12"}).json()["items"]) == 2
        assert c.get("/claims", params={"until": "2024-12-11"}).json()["items"] == []
        assert_error(c.get("/claims", params={"since": "2024-12-13", "until": "2024-12-01"}), 400)


def test_graph_now_and_at_a_date(client):
    g = client.get("/graph").json()
    ids = {n["entity_id"] for n in g["nodes"]}
    assert {"ASSAD", "SYR", "RUS"} <= ids and g["relations"] and g["events"]
    early = client.get("/graph", params={"at": "2024-11-30"}).json()
    assert early["at"] == "2024-11-30"
    assert len(early["events"]) <= len(g["events"]) and len(early["relations"]) <= len(g["relations"])
    for e in g["events"]:
        assert e["source_entity"] in ids and e["target_entity"] in ids
    assert_error(client.get("/graph", params={"at": "yesterday"}), 422)
    assert_error(client.get("/graph", params={"min_events": 0}), 422)
    strong = client.get("/graph", params={"min_events": 2}).json()
    assert all(e["n_events"] >= 2 for e in strong["events"]) and len(strong["events"]) < len(g["events"])


def test_graph_sends_the_strongest_edges_up_to_its_limit_and_counts_them_all(client):
    g = client.get("/graph").json()
    assert g["limit"] == 1000 and g["n_relations"] == len(g["relations"]) and g["n_event_edges"] == len(g["events"])
    one = client.get("/graph", params={"limit": 1}).json()
    assert len(one["relations"]) == 1 and len(one["events"]) == 1
    assert (one["n_relations"], one["n_event_edges"]) == (g["n_relations"], g["n_event_edges"]) and g["n_relations"] > 1
    assert one["events"][0]["n_events"] == max(e["n_events"] for e in g["events"])
    assert len(one["nodes"]) <= 4
    assert_error(client.get("/graph", params={"limit": 0}), 422)


def test_relations(client):
    rels = client.get("/relations").json()
    assert rels and all(r["relation_id"] and r["type"] for r in rels)
    with_sources = [r for r in rels if r["sources"]]
    assert len(with_sources) >= len(rels) // 2
    for r in with_sources[:5]:
        src = r["sources"][0]
        text = client.get(f"/articles/{src['article_id']}").json()["text"]
        assert 0 <= src["start"] < src["end"] <= len(text)
    profile = client.get("/actors/ASSAD").json()
    assert any(r["sources"] for r in profile["relations"])
    t = rels[0]["type"]
    assert all(r["type"] == t for r in client.get("/relations", params={"type": t}).json())
    # by id (what the dashboard asks for when a relation edge is clicked): the same rows, with their sources
    picked = [rels[0]["relation_id"], with_sources[0]["relation_id"]]
    got = client.get("/relations", params={"id": picked}).json()
    assert sorted(r["relation_id"] for r in got) == sorted(set(picked))
    assert all(r == next(x for x in rels if x["relation_id"] == r["relation_id"]) for r in got)
    assert client.get("/relations", params={"id": "no-such-relation"}).json() == []


def test_timeline(client):
    items = client.get("/timeline").json()
    assert items
    assert [i["date"] for i in items] == sorted(i["date"] for i in items)
    events = [i for i in items if i["kind"] == "event"]
    assert events and all(i["sources"] for i in events)
    for s in events[0]["sources"]:
        text = client.get(f"/articles/{s['article_id']}").json()["text"]
        assert text[s["start"]:s["end"]] == s["text"]
    assaults = client.get("/timeline", params={"type": "ASSAULT"}).json()
    assert assaults and all(i["type"] == "ASSAULT" for i in assaults)
    russia = client.get("/timeline", params={"actor": "Russia", "limit": 5}).json()
    assert 0 < len(russia) <= 5


def test_places(client):
    places = client.get("/places").json()
    by_name = {p["name"]: p for p in places}
    assert "Damascus" in by_name
    d = by_name["Damascus"]
    assert 33 < d["lat"] < 34 and 36 < d["lon"] < 37 and d["n_mentions"] >= 1
    assert any(p["n_events"] > 0 for p in places)
    assert all("alep" in p["name"].lower() for p in client.get("/places", params={"search": "alep"}).json())


def test_report_counts_by_type(client):
    r = client.get("/report").json()
    assert r["counts"]["articles"] == 12
    assert sum(r["by_type"].values()) == r["counts"]["events"]
    assert set(r["by_type"]) <= set(PLOVER_TYPES)
    period = client.get("/report", params={"since": "2024-12-08", "until": "2024-12-09"}).json()
    assert period["period"] == {"since": "2024-12-08", "until": "2024-12-09"}
    assert 0 < period["counts"]["articles"] < 12
    assert sum(period["by_type"].values()) == period["counts"]["events"] < r["counts"]["events"]
    assert_error(client.get("/report", params={"since": "2024-12-09", "until": "2024-12-01"}), 400)


def test_openapi_documents_the_contract_models(client):
    spec = client.get("/openapi.json").json()
    for path in ("/articles", "/articles/{article_id}", "/actors", "/actors/{name}", "/events", "/events/{event_id}",
                 "/quotes", "/claims", "/contradictions", "/graph", "/relations", "/timeline", "/places", "/report",
                 "/extract", "/stats"):
        assert path in spec["paths"], path
    schemas = spec["components"]["schemas"]
    assert {"Document", "Event", "Actor", "Quote", "Claim", "Place", "Relation", "ErrorResponse"} <= set(schemas)
    ref = spec["paths"]["/extract"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/Document")


def test_unknown_route_uses_the_error_shape(client):
    assert_error(client.get("/no/such/thing"), 404, "not_found")
    assert_error(client.delete("/articles"), 405)


# -- writing ---------------------------------------------------------------------------------------------
def test_writes_without_a_token_configured_are_refused(demo_copy, monkeypatch):
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    db = demo_copy("ro")
    with TestClient(create_app(db)) as c:
        for path in ("/extract", "/articles"):
            err = assert_error(c.post(path, json={"text": NEW_ARTICLE}, headers=AUTH), 403, "writes_disabled")
            assert "SITREP_TOKEN" in err["message"]
        assert c.get("/stats").json()["writable"] is False


def test_token_comes_from_the_environment(demo_copy, monkeypatch):
    monkeypatch.setenv("SITREP_TOKEN", "from-env")
    db = demo_copy("env")
    with TestClient(create_app(db)) as c:
        assert_error(c.post("/extract", json={"text": NEW_ARTICLE}, headers=AUTH), 401)
        ok = c.post("/extract", json={"text": NEW_ARTICLE}, headers={"Authorization": "Bearer from-env"})
        assert ok.status_code == 200


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": "Basic " + TOKEN}, {"Authorization": "Bearer "}])
def test_writes_need_the_right_bearer_token(client, headers):
    for path in ("/extract", "/articles"):
        resp = client.post(path, json={"text": NEW_ARTICLE}, headers=headers)
        assert_error(resp, 401, "unauthorized")
        assert resp.headers["www-authenticate"] == "Bearer"


def test_extract_returns_the_document_without_storing(client):
    before = client.get("/stats").json()["counts"]["articles"]
    resp = client.post("/extract", json={"text": NEW_ARTICLE, "published": "2024-12-18", "source": "Test Wire"},
                       headers=AUTH)
    assert resp.status_code == 200, resp.text
    doc = Document.model_validate(resp.json())
    assert doc.article.published == "2024-12-18" and doc.article.source == "Test Wire"
    assert {"Ayman Safadi", "Najib Mikati"} <= {a.name for a in doc.actors}
    assert any(e.type == "CONSULT" for e in doc.events)
    assert any(q.text.startswith("We will keep the crossings open") for q in doc.quotes)
    assert client.get("/stats").json()["counts"]["articles"] == before


def test_extract_reads_an_html_file(client):
    html = ("<html><head><title>Amman talks</title></head><body><article><h1>Amman talks</h1>"
            "<p>Jordan's foreign minister Ayman Safadi met Lebanese Prime Minister Najib Mikati in Amman on "
            "Wednesday to discuss reopening border crossings with Syria, officials said.</p>"
            "<p>The two men agreed to meet again in Beirut next month, according to a statement.</p>"
            "</article></body></html>")
    resp = client.post("/extract", json={"html": html, "published": "2024-12-18"}, headers=AUTH)
    assert resp.status_code == 200, resp.text
    doc = resp.json()
    assert "Ayman Safadi" in doc["text"] and "<p>" not in doc["text"]


@pytest.mark.parametrize("body", [{}, {"text": "   "}, {"text": "x", "html": "<p>x</p>"},
                                  {"text": NEW_ARTICLE, "published": "18/12/2024"}, {"text": NEW_ARTICLE, "bogus": 1},
                                  {"text": NEW_ARTICLE, "published": "0000-00-00"},  # found by schemathesis
                                  {"text": NEW_ARTICLE, "published": "2024-02-30"},
                                  {"text": 42}])
def test_extract_rejects_bad_bodies(client, body):
    assert_error(client.post("/extract", json=body, headers=AUTH), 422, "invalid_request")


def test_extract_rejects_html_without_text(client):
    assert_error(client.post("/extract", json={"html": "<html><body></body></html>"}, headers=AUTH), 422)


def test_post_articles_stores_once_and_it_shows_everywhere(fresh_client):
    c = fresh_client
    body = {"text": NEW_ARTICLE, "published": "2024-12-18", "source": "Test Wire", "title": "Amman talks"}
    resp = c.post("/articles", json=body, headers=AUTH)
    assert resp.status_code == 201, resp.text
    out = resp.json()
    assert out["stored"] is True
    aid = out["article_id"]
    assert c.get(f"/articles/{aid}").json()["article"]["title"] == "Amman talks"
    assert c.get("/stats").json()["counts"]["articles"] == 13
    assert aid in {a["id"] for a in c.get("/articles", params={"limit": 3}).json()["items"]}
    day = c.get("/timeline", params={"since": "2024-12-18", "until": "2024-12-18"}).json()
    assert any(s["article_id"] == aid for i in day for s in i["sources"])
    again = c.post("/articles", json=body, headers=AUTH)
    assert again.status_code == 200 and again.json()["stored"] is False
    assert c.get("/stats").json()["counts"]["articles"] == 13


def test_extract_takes_the_jsonl_shape_and_keeps_your_id(client):
    body = {"id": 99, "url": "https://wire.example.org/amman", "language": "en", "title": "Amman talks",
            "published": "2024-12-18T10:00:00Z", "source": "Test Wire", "text": NEW_ARTICLE}
    resp = client.post("/extract", json=body, headers=AUTH)
    assert resp.status_code == 200, resp.text
    meta = Document.model_validate(resp.json()).article
    assert (meta.id, meta.url, meta.published, meta.title, meta.source) == (
        "99", "https://wire.example.org/amman", "2024-12-18", "Amman talks", "Test Wire")
    html = ("<html><body><article><p>Jordan's foreign minister Ayman Safadi met Lebanese Prime Minister Najib "
            "Mikati in Amman on Wednesday to discuss reopening border crossings with Syria, officials said.</p>"
            "<p>The two men agreed to meet again in Beirut next month, according to a statement.</p>"
            "</article></body></html>")
    resp = client.post("/extract", json={"id": "page-1", "html": html, "title": "Own title"}, headers=AUTH)
    assert resp.status_code == 200, resp.text
    assert (resp.json()["article"]["id"], resp.json()["article"]["title"]) == ("page-1", "Own title")


@pytest.mark.parametrize("bad", [{"id": True}, {"id": 1.5}, {"id": ["a"]}, {"title": ["x"]}, {"source": {"a": 1}},
                                 {"url": 5}, {"language": False}, {"published": "2024-02-30T00:00:00Z"}])
def test_article_fields_have_the_jsonl_types(client, bad):
    for path in ("/extract", "/articles"):
        assert_error(client.post(path, json={"text": NEW_ARTICLE, **bad}, headers=AUTH), 422, "invalid_request")


def test_post_articles_keeps_your_ids_resolves_duplicates_and_refuses_a_new_text_unless_replace(fresh_client):
    c = fresh_client
    first = c.post("/articles", json={"id": "mine-1", "text": NEW_ARTICLE, "published": "2024-12-18"}, headers=AUTH)
    assert first.status_code == 201, first.text
    assert (first.json()["article_id"], first.json()["document"]["article"]["id"]) == ("mine-1", "mine-1")
    dup = c.post("/articles", json={"id": "mine-2", "text": NEW_ARTICLE}, headers=AUTH)
    assert dup.status_code == 200, dup.text
    out = dup.json()
    assert (out["stored"], out["article_id"], out["duplicate_of"]) == (False, "mine-2", "mine-1")
    assert out["document"]["article"]["id"] == "mine-1" and "mine-1" in out["message"]
    assert c.get("/articles/mine-2").json()["article"]["id"] == "mine-1"
    assert c.get("/stats").json()["counts"]["articles"] == 13
    listed = {a["id"]: a for a in c.get("/articles", params={"limit": 500}).json()["items"]}
    assert listed["mine-1"]["duplicates"] == ["mine-2"] and "mine-2" not in listed
    other = {"id": "mine-1", "text": "Syrian rebels captured the town of Saraqeb on Friday, a monitor said."}
    err = assert_error(c.post("/articles", json=other, headers=AUTH), 409, "id_conflict")
    assert "mine-1" in err["message"] and "?replace=true" in err["message"]
    assert c.get("/articles/mine-1").json()["text"] == NEW_ARTICLE.strip()
    resp = c.post("/articles", json=other, params={"replace": "true"}, headers=AUTH)
    assert resp.status_code == 201, resp.text
    assert resp.json()["replaced"] is True and resp.json()["stored"] is True
    assert c.get("/articles/mine-1").json()["text"] == other["text"]
    assert c.get("/articles/mine-2").json()["article"]["id"] == "mine-1"  # its duplicates keep resolving to it
    assert c.get("/stats").json()["counts"]["articles"] == 13
    again = c.post("/articles", json=other, params={"replace": "true"}, headers=AUTH)
    assert again.status_code == 200 and again.json()["stored"] is False and again.json()["replaced"] is False
    num = c.post("/articles", json={"id": 42, "text": "Talks between the two sides resumed in Doha."}, headers=AUTH)
    assert num.status_code == 201 and num.json()["article_id"] == "42"
    assert c.get("/articles/42").status_code == 200


# -- limits, headers, concurrency --------------------------------------------------------------------------
def test_body_size_limit(demo_copy):
    db = demo_copy("small")
    with TestClient(create_app(db, token=TOKEN, max_body=2_000)) as c:
        big = {"text": "Rebels advanced on the city. " * 200}
        assert_error(c.post("/extract", json=big, headers=AUTH), 413, "payload_too_large")
        assert_error(c.post("/articles", json=big, headers=AUTH), 413, "payload_too_large")

        def chunks():  # no Content-Length: the limit still holds while streaming
            for _ in range(10):
                yield b"x" * 500

        assert_error(c.post("/extract", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}), 413)
        assert c.post("/extract", json={"text": NEW_ARTICLE}, headers=AUTH).status_code == 200


def test_default_body_limit_is_2_mb(client):
    resp = client.post("/extract", content=b"{" + b" " * 2_000_001 + b"}",
                       headers={**AUTH, "Content-Type": "application/json"})
    assert_error(resp, 413, "payload_too_large")


def test_dashboard_is_served_with_a_strict_policy(client):
    resp = client.get("/")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in resp.headers["content-security-policy"]
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert "/static/js/app.js" in resp.text
    for path in ("/static/vendor/cytoscape.min.js", "/static/vendor/d3-geo.min.js",
                 "/static/vendor/topojson-client.min.js", "/static/vendor/countries-110m.json",
                 "/static/vendor/LICENSE.cytoscape", "/static/js/app.js", "/static/app.css"):
        assert client.get(path).status_code == 200, path
    assert "http://" not in resp.text and "https://" not in resp.text  # nothing from a CDN
    assert_error(client.get("/docs"), 404)  # FastAPI's Swagger page would load from a CDN


def test_no_data_is_inserted_as_html_in_the_dashboard_code():
    static = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "static" / "js"
    for f in static.glob("*.js"):
        code = f.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code, f"{f.name} uses {sink}"


def test_concurrent_requests(client):
    paths = ["/events?limit=50", "/actors", "/graph", "/timeline", "/report", "/places", "/quotes"] * 4
    results: list[int] = []
    lock = threading.Lock()

    def hit(p):
        code = client.get(p).status_code
        with lock:
            results.append(code)

    threads = [threading.Thread(target=hit, args=(p,)) for p in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [200] * len(paths)


def test_empty_store(make_db):
    with TestClient(create_app(make_db("empty"), token=TOKEN)) as c:
        assert c.get("/stats").json()["counts"]["articles"] == 0
        assert c.get("/events").json()["items"] == []
        assert c.get("/graph").json()["nodes"] == []
        assert c.get("/timeline").json() == []
        assert c.get("/report").json()["counts"]["events"] == 0
        assert_error(c.get("/actors/Assad"), 404)


def test_foreign_host_header_is_refused_when_hosts_are_restricted(demo_copy):
    db = demo_copy("hosts")
    app = create_app(db, token=TOKEN, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as ok:
        assert ok.get("/stats").status_code == 200
    with TestClient(app, base_url="http://localhost") as ok:
        assert ok.get("/").status_code == 200
    with TestClient(app, base_url="http://rebound.example:8000") as evil:
        assert_error(evil.get("/stats"), 400, "bad_host")
        assert_error(evil.post("/articles", json={"text": NEW_ARTICLE}, headers=AUTH), 400, "bad_host")


def test_serve_command_is_registered():
    from typer.testing import CliRunner

    from sitrep.cli import app

    out = CliRunner().invoke(app, ["serve", "--help"])
    assert out.exit_code == 0
    assert "--host" in out.output and "127.0.0.1" in out.output and "--port" in out.output


# -- property-based run of the OpenAPI schema --------------------------------------------------------------
def test_openapi_property_based_no_server_error(demo_copy):
    """schemathesis generates requests from /openapi.json (valid and invalid ones) for every operation,
    with the token; no response may be a server error (5xx)."""
    schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (the test extra)")
    from hypothesis import HealthCheck, given, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis import GenerationMode
    from schemathesis.checks import not_a_server_error

    db = demo_copy()
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db, token=TOKEN))
    seen = []
    for result in schema.get_all_operations():
        op = result.ok()
        seen.append(f"{op.method.upper()} {op.path}")
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            n = 6 if op.method.lower() == "post" else 15

            @given(case=op.as_strategy(generation_mode=mode))
            @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            def run(case):
                case.call_and_validate(headers=AUTH, checks=[not_a_server_error])

            try:
                run()
            except Unsatisfiable:  # an operation without parameters has no invalid request to make
                assert mode == GenerationMode.NEGATIVE, seen[-1]
    assert "GET /events" in seen and "POST /articles" in seen


# -- search and pages to the end (issue #17) ---------------------------------------------------------------
def test_search_finds_actors_events_quotes_and_places(client):
    r = client.get("/search", params={"q": "hayat tahrir"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["items"][0]["kind"] == "actor" and body["items"][0]["id"] == "HTS"
    assert body["by_kind"]["event"] > 0 and body["total"] == sum(body["by_kind"].values())
    place = client.get("/search", params={"q": "damasc", "kind": "place"}).json()["items"]
    assert place and place[0]["label"] == "Damascus"
    quote = client.get("/search", params={"q": "syria", "kind": "quote"}).json()["items"][0]
    doc = client.get(f"/articles/{quote['article_id']}").json()
    assert doc["text"][quote["start"]:quote["end"]] == quote["detail"]


def test_search_pages_and_errors(client):
    total = client.get("/search", params={"q": "syria"}).json()["total"]
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/search", params={"q": "syria", "limit": 7, "offset": offset}).json()
        seen += [(h["kind"], h["id"]) for h in page["items"]]
        offset = page["next_offset"]
    assert len(set(seen)) == len(seen) == total
    assert_error(client.get("/search", params={"q": "..."}), 400, "bad_query")
    assert_error(client.get("/search", params={"q": "x", "kind": "tank"}), 422)
    assert_error(client.get("/search"), 422)


@pytest.mark.parametrize("path", ["/actors", "/quotes", "/places"])
def test_lists_page_to_the_end(client, path):
    everything = client.get(path, params={"limit": 500}).json()
    pages, offset = [], 0
    while True:
        rows = client.get(path, params={"limit": 5, "offset": offset}).json()
        pages += rows
        if len(rows) < 5:
            break
        offset += 5
    assert pages == everything


# -- corrections (issue #17) ------------------------------------------------------------------------------
def test_corrections_need_the_token_and_are_applied_everywhere(fresh_client):
    c = fresh_client
    ev = c.get("/events", params={"type": "ASSAULT", "limit": 1}).json()["items"][0]
    body = {"target_kind": "event", "target_id": ev["event_id"], "field": "type", "value": "COERCE",
            "author": "Ana Analyst", "note": "a threat, not an attack"}
    assert_error(c.post("/corrections", json=body), 401)
    assert_error(c.post("/corrections", json=body, headers={"Authorization": "Bearer nope"}), 401)
    r = c.post("/corrections", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    made = r.json()
    assert (made["author"], made["old_value"], made["value"], made["applied_to"]) == ("Ana Analyst", "ASSAULT",
                                                                                     "COERCE", ev["n_reports"])
    assert c.get(f"/events/{ev['event_id']}").json()["event"]["type"] == "COERCE"
    assert c.get("/corrections").json() == [made]
    art = c.get(f"/events/{ev['event_id']}").json()["reports"][0]["article_id"]
    assert c.get("/corrections", params={"article": art}).json() == [made]
    assert_error(c.post("/corrections", json={**body, "value": "PARTY"}, headers=AUTH), 400, "bad_query")
    assert_error(c.post("/corrections", json={**body, "target_id": "SEnope"}, headers=AUTH), 404)
    assert_error(c.post("/corrections", json={**body, "author": ""}, headers=AUTH), 422)
    wrong = c.post("/corrections", json={"target_kind": "event", "target_id": ev["event_id"], "wrong": True,
                                         "author": "Bo"}, headers=AUTH)
    assert wrong.status_code == 201
    assert_error(c.get(f"/events/{ev['event_id']}"), 404)
    assert all(e["event_id"] != ev["event_id"] for e in c.get("/events", params={"limit": 500}).json()["items"])
    # withdrawn (token again): the event is back, and the trail says who withdrew what, when
    wid = wrong.json()["id"]
    assert_error(c.post(f"/corrections/{wid}/withdraw", json={"author": "Cy"}), 401)
    assert_error(c.post("/corrections/C99/withdraw", json={"author": "Cy"}, headers=AUTH), 404)
    w = c.post(f"/corrections/{wid}/withdraw", json={"author": "Cy", "note": "not wrong"}, headers=AUTH)
    assert w.status_code == 201, w.text
    assert (w.json()["action"], w.json()["value"], w.json()["author"]) == ("withdraw", wid, "Cy")
    assert c.get(f"/events/{ev['event_id']}").json()["event"]["type"] == "COERCE"
    trail = {x["id"]: x for x in c.get("/corrections").json()}
    assert (trail[wid]["withdrawn_by"], trail[wid]["withdrawn_note"], trail[wid]["applied_to"]) == ("Cy", "not wrong", 0)
    assert_error(c.post(f"/corrections/{wid}/withdraw", json={"author": "Cy"}, headers=AUTH), 400, "bad_query")


def test_a_correction_survives_storing_the_article_again(fresh_client):
    c = fresh_client
    stored = c.post("/articles", json={"id": "amman-1", "text": NEW_ARTICLE, "published": "2024-12-18",
                                       "source": "Test Wire"}, headers=AUTH).json()
    ev = next(e for e in c.get("/events", params={"since": "2024-12-18", "until": "2024-12-18"}).json()["items"]
              if e["type"] == "CONSULT")
    r = c.post("/corrections", json={"target_kind": "event", "target_id": ev["event_id"], "field": "type",
                                     "value": "AGREE", "author": "ana"}, headers=AUTH)
    assert r.status_code == 201, r.text

    def types():
        return sorted(e["type"] for e in c.get("/events", params={"since": "2024-12-18", "until": "2024-12-18"})
                      .json()["items"])

    corrected = types()
    assert "AGREE" in corrected
    again = c.post("/articles", params={"replace": "true"}, headers=AUTH,
                   json={"id": "amman-1", "text": NEW_ARTICLE + "Officials gave no further details.\n",
                         "published": "2024-12-18", "source": "Test Wire"})
    assert again.status_code == 201 and again.json()["replaced"] is True and stored["stored"] is True
    assert types() == corrected
    assert c.get("/corrections").json()[0]["applied_to"] == 1


# -- datelines and updating a stored article's metadata (issue #17) --------------------------------------------
DATELINE_TEXT = ("Rebels enter the capital\n"
                 "DAMASCUS, Dec 8 (Test Wire) - Syrian rebels attacked government positions in Damascus on Sunday, "
                 "residents said, as in 2024 so far.\n")


def test_a_pasted_wire_story_gets_its_date_and_outlet_from_the_dateline(fresh_client):
    c = fresh_client
    r = c.post("/articles", json={"id": "dl-1", "text": DATELINE_TEXT}, headers=AUTH).json()
    a = r["document"]["article"]
    assert (a["published"], a["source"]) == ("2024-12-08", "Test Wire")
    assert any("taken from the dateline 'DAMASCUS, Dec 8 (Test Wire)'" in w for w in r["document"]["warnings"])
    again = c.post("/articles", json={"id": "dl-1", "text": DATELINE_TEXT, "published": "2024-12-09"},
                   headers=AUTH).json()
    assert again["stored"] is False and again["meta_differs"] == {"published": ["2024-12-08", "2024-12-09"]}
    assert "update_meta=true" in again["message"]
    upd = c.post("/articles", params={"update_meta": "true"}, headers=AUTH,
                 json={"id": "dl-1", "text": DATELINE_TEXT, "published": "2024-12-09"})
    assert upd.status_code == 201, upd.text
    body = upd.json()
    assert body["meta_updated"] is True and body["document"]["article"]["published"] == "2024-12-09"
    assert body["document"]["article"]["source"] == "Test Wire"
    assert c.get("/articles/dl-1").json()["article"]["published"] == "2024-12-09"


# -- quality filters, the timeline's histogram and pages, exports of a filtered view (issue #17) ---------------
def test_timeline_quality_filters_order_pages_and_histogram(client):
    everything = client.get("/timeline", params={"limit": 500}).json()
    newest = client.get("/timeline", params={"limit": 500, "order": "newest"}).json()
    assert [r["id"] for r in newest] == [r["id"] for r in reversed(everything)]
    pages, offset = [], 0
    while True:
        rows = client.get("/timeline", params={"limit": 40, "offset": offset}).json()
        pages += rows
        if len(rows) < 40:
            break
        offset += 40
    assert [r["id"] for r in pages] == [r["id"] for r in everything]
    # confidence is calibrated (about the share of such events that are right): bound by the data's own
    top = max(r["confidence"] for r in everything if r["kind"] == "event")
    sure = client.get("/timeline", params={"min_confidence": top, "limit": 500}).json()
    assert sure and all(r["kind"] == "event" and r["confidence"] >= top for r in sure)
    assert len(sure) < sum(r["kind"] == "event" for r in everything)
    reported = client.get("/events", params={"modality": "reported", "limit": 500}).json()["items"]
    assert reported and all(e["modality"] == "reported" for e in reported)
    # the demo may hold no denial ("Russia does not extradite" is a REJECT): what comes is denials only
    # (tests/test_situation.py checks a store that holds one)
    denied = client.get("/timeline", params={"negated": "true", "limit": 500}).json()
    assert all(r["negated"] and r["sources"] for r in denied if r["kind"] == "event denied")
    assert len(denied) >= len(everything)
    hist = client.get("/timeline/histogram").json()
    assert sum(b["n"] for b in hist) == len(everything)
    weeks = client.get("/timeline/histogram", params={"bucket": "week"}).json()
    assert sum(b["n"] for b in weeks) == len(everything) and len(weeks) < len(hist)
    assert_error(client.get("/timeline", params={"modality": "maybe"}), 400, "bad_query")


def test_export_a_filtered_view_as_csv_json_geojson(client):
    import csv as csv_module
    import io

    r = client.get("/export/events.csv", params={"type": "ASSAULT"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="sitrep-events.csv"' in r.headers["content-disposition"]
    rows = list(csv_module.DictReader(io.StringIO(r.text)))
    assert rows and {x["type"] for x in rows} == {"ASSAULT"}
    as_json = client.get("/export/events.json", params={"type": "ASSAULT"}).json()
    assert [x["event_id"] for x in as_json] == [x["event_id"] for x in rows]
    geo = client.get("/export/places.geojson").json()
    assert geo["type"] == "FeatureCollection" and all(f["geometry"]["type"] == "Point" for f in geo["features"])
    assert len(client.get("/export/search.json", params={"q": "aleppo"}).json()) > 0
    assert_error(client.get("/export/quotes.geojson"), 400, "bad_query")
    assert_error(client.get("/export/secrets.csv"), 422)


def test_csv_exports_defuse_formulas():
    from sitrep.api.routes.downloads import to_csv

    assert to_csv([{"a": "=HYPERLINK(1)", "b": "+1", "c": "plain"}]).splitlines()[1] == "'=HYPERLINK(1),'+1,plain"


GREEK = ("Οι Σύροι αντάρτες κατέλαβαν το μεγαλύτερο μέρος του Χαλεπιού το Σάββατο, ανέφερε το "
         "Συριακό Παρατηρητήριο για τα Ανθρώπινα Δικαιώματα.")


def test_an_article_in_an_unsupported_language_is_a_422_and_nothing_is_stored(fresh_client):
    c = fresh_client
    before = c.get("/stats").json()["counts"]["articles"]
    for path in ("/extract", "/articles"):
        err = assert_error(c.post(path, json={"id": "el-1", "text": GREEK}, headers=AUTH), 422,
                           "unsupported_language")
        assert err["message"].startswith("unsupported language: Greek (el, confidence ")
        err = assert_error(c.post(path, json={"text": NEW_ARTICLE, "language": "de"}, headers=AUTH), 422,
                           "unsupported_language")
        assert "German (de" in err["message"] and "as given with the article" in err["message"]
    assert c.get("/stats").json()["counts"]["articles"] == before
    assert c.get("/articles/el-1").status_code == 404


def test_a_failure_keeps_its_api_kind_whether_raised_or_recorded():
    """One map from a failure's code to the API's kind: a raised error and a recorded failure agree."""
    from sitrep.api.state import failure_error
    from sitrep.core.article import Failure
    from sitrep.core.errors import ArticleTimeoutError, StageError, UnsupportedLanguageError, failure_kind

    assert failure_kind("E202") == ArticleTimeoutError.kind == "over_time_budget"
    assert failure_kind("E204") == UnsupportedLanguageError.kind == "unsupported_language"
    assert failure_kind("E201") == StageError.kind == "extraction_failed"
    f = Failure(article_id="a1", origin=None, stage="events", code="E202", reason="over its time budget of 10 s")
    assert (failure_error(f).status, failure_error(f).code) == (422, "over_time_budget")


# -- the time budget: a runaway article ends as a failure E202 within its budget -------------------------
def _runaway_pipeline():
    """The parser, then a stage that loops forever in Python on LOOP and sleeps in C with every signal
    blocked on STUCK (nothing inside the process could stop that)."""
    import signal
    import time

    from sitrep.pipeline import Pipeline
    from sitrep.stages.base import Stage
    from sitrep.stages.nlp import NlpStage

    class Runaway(Stage):
        name = "runaway"
        needs = ("doc",)

        def process(self, state):
            if "LOOP" in state.text:
                while True:
                    pass
            if "STUCK" in state.text:
                signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals))
                time.sleep(3600)

    return Pipeline([NlpStage(), Runaway()])


def test_a_runaway_article_is_stopped_at_its_budget_recorded_and_the_server_answers_meanwhile(demo_db, tmp_path):
    import time

    import httpx

    from sitrep.api.server import BackgroundServer

    db = tmp_path / "budget.duckdb"
    shutil.copy(demo_db, db)
    app = create_app(db, token=TOKEN, pipeline=_runaway_pipeline(), article_timeout=1)
    with BackgroundServer(app) as url, httpx.Client(base_url=url, timeout=120) as http:
        assert http.post("/extract", json={"text": "Talks resumed in Doha."}, headers=AUTH).status_code == 200
        got = {}
        post = threading.Thread(target=lambda: got.update(r=http.post(
            "/articles", json={"id": "runaway-1", "text": "Talks resumed in Doha. LOOP"}, headers=AUTH)))
        t0 = time.monotonic()
        post.start()
        answered_meanwhile = 0
        while post.is_alive():
            assert http.get("/stats").status_code == 200
            answered_meanwhile += post.is_alive()
        post.join()
        assert time.monotonic() - t0 < 30 and answered_meanwhile >= 1   # reads go on while it runs
        err = assert_error(got["r"], 422, "over_time_budget")
        assert "[E202]" in err["message"] and "stage runaway" in err["message"] and "runaway-1" in err["message"]
        err = assert_error(http.post("/extract", json={"id": "stuck-1", "text": "Talks resumed. STUCK"},
                                     headers=AUTH), 422, "over_time_budget")
        assert "time budget of 1.0 s" in err["message"]
        r = http.post("/articles", json={"id": "fine-1", "text": "Talks resumed in Doha."}, headers=AUTH)
        assert r.status_code == 201, r.text                            # a new worker took over
        assert http.get("/articles/runaway-1").status_code == 404
    from sitrep.situation.store import open_store

    with open_store(str(db)) as s:   # the app closed its store at shutdown
        (f,) = [f for f in s.failures() if f.article_id == "runaway-1"]
        assert f.code == "E202" and f.stage == "runaway"
        assert not [f for f in s.failures() if f.article_id == "stuck-1"]   # /extract stores nothing


def test_api_extraction_runs_in_a_worker_that_the_shutdown_stops(demo_db, tmp_path):
    db = tmp_path / "worker.duckdb"
    shutil.copy(demo_db, db)
    app = create_app(db, token=TOKEN, pipeline=_runaway_pipeline(), article_timeout=5)
    with TestClient(app) as c:
        assert c.post("/extract", json={"text": "Talks resumed in Doha."}, headers=AUTH).status_code == 200
        (proc,) = [w.proc for w in app.state.sitrep.runner()._supervisor.workers]
        assert proc.is_alive()
    proc.join(10)
    assert not proc.is_alive() and app.state.sitrep._runner is None


def test_api_budget_zero_extracts_in_the_server_process(demo_db, tmp_path):
    db = tmp_path / "nobudget.duckdb"
    shutil.copy(demo_db, db)
    app = create_app(db, token=TOKEN, pipeline=_runaway_pipeline(), article_timeout=0)
    with TestClient(app) as c:
        assert c.post("/extract", json={"text": "Talks resumed in Doha."}, headers=AUTH).status_code == 200
        assert app.state.sitrep.runner()._supervisor is None


def test_repeated_reads_come_from_the_cache_until_the_store_changes(fresh_client):
    first = fresh_client.get("/events?limit=5")
    again = fresh_client.get("/events?limit=5")
    assert (first.headers["x-sitrep-cache"], again.headers["x-sitrep-cache"]) == ("miss", "hit")
    assert again.json() == first.json() and again.headers["content-security-policy"]
    assert fresh_client.get("/events?limit=6").headers["x-sitrep-cache"] == "miss"  # another question
    n = fresh_client.get("/stats").json()["counts"]["articles"]
    assert fresh_client.post("/articles", json={"text": NEW_ARTICLE, "published": "2024-12-18"},
                             headers=AUTH).status_code == 201
    after = fresh_client.get("/stats")
    assert after.headers["x-sitrep-cache"] == "miss" and after.json()["counts"]["articles"] == n + 1
    assert fresh_client.get("/").headers.get("x-sitrep-cache") is None  # the dashboard's page is not cached
