"""Cross-article resolution: actor identity, event merging, contradictions, relations over time."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from situation_data import corpus, doc1, doc2

from sitrep.errors import QueryError
from sitrep.situation import WINDOW_DAYS, effective_date, holds_at, merge_events, normalise, resolve_actors
from sitrep.store import Store


@pytest.fixture
def store(tmp_path, make_db):
    s = Store(make_db("sit"))
    s.add_documents(corpus())
    yield s
    s.close()


def _row(article, actor, name, kind="state", country=None, kb=None, n=1):
    return {"article_id": article, "actor_id": actor, "name": name, "kind": kind, "country": country, "kb_id": kb,
            "n_mentions": n, "published": "2024-03-03"}


def test_normalise_ignores_case_accents_punctuation_and_the():
    assert normalise("The Free-Karvan  Brigade") == "free karvan brigade"
    assert normalise("Ḩamāh") == "hamah"
    assert normalise("") == ""


def test_kb_actors_resolve_by_id_across_articles(store):
    ost = [a for a in store.actors() if a["entity_id"] == "OST"]
    assert len(ost) == 1 and ost[0]["n_articles"] == 3
    assert "Republic of Ostrava" in ost[0]["aliases"]


def test_non_kb_actors_merge_by_normalised_name(store):
    (fkb,) = store.actors(search="karvan brigade")
    assert fkb["n_articles"] == 3 and fkb["kb_id"] is None and fkb["kind"] == "armed_group"


def test_bare_surname_joins_the_one_kb_person(store):
    rules = dict(store.con.execute("SELECT article_id || '/' || actor_id, rule FROM s_actor_map").fetchall())
    assert rules["a2/VAL"] == "surname"
    assert store.resolve_actor("Valen") == "VALEN"


def test_fuzzy_match_is_conservative_and_never_merges_two_kb_actors():
    rows = [_row("a", "X", "Syrian Arab Army", "organization", "SYR", kb="SAA", n=5),
            _row("b", "Y", "Syrian Arab Armies", "organization", "SYR", kb="SAA2"),
            _row("c", "Z", "Free Karvan Brigade", "armed_group", n=3),
            _row("d", "Z", "Free Karvan Brigades", "armed_group"),      # typo: merged
            _row("e", "Z", "Free Karvan Brigadier", "person"),          # another kind: not merged
            _row("f", "Z", "Syrian Arab Armi", "organization", "TUR")]  # conflicting country: not merged
    entities, mapping = resolve_actors(rows)
    assert mapping[("a", "X")][0] == "SAA" and mapping[("b", "Y")][0] == "SAA2"
    assert mapping[("d", "Z")][0] == mapping[("c", "Z")][0]
    assert mapping[("d", "Z")][1].startswith("fuzzy:")
    assert mapping[("e", "Z")][0] != mapping[("c", "Z")][0]
    assert mapping[("f", "Z")][0] not in ("SAA", "SAA2")


def test_same_name_different_countries_stay_apart():
    rows = [_row("a", "G", "government forces", "organization", "SYR"),
            _row("b", "G", "government forces", "organization", "ISR"),
            _row("c", "G", "government forces", "organization", None)]
    _, mapping = resolve_actors(rows)
    assert mapping[("a", "G")][0] != mapping[("b", "G")][0]
    assert mapping[("c", "G")][0] not in (mapping[("a", "G")][0], mapping[("b", "G")][0])


def test_reports_of_one_event_merge_with_independent_sources(store):
    (ev,) = store.events(type="ASSAULT")
    assert ev["n_reports"] == 2 and ev["n_sources"] == 2
    assert ev["outlets"] == ["Coast Press", "North Wire"]
    assert ev["place_name"] == "Karvan" and ev["date"] == "2024-03-02"
    why = store.why(ev["event_id"])
    assert {r["article_id"] for r in why["reports"]} == {"a1", "a2"}
    rules = [r["rule"] for r in why["reports"]]
    assert rules[0] == "first report" and "same source OST" in rules[1] and "window" in rules[1]
    assert all(r["sentence_text"] for r in why["reports"])


def test_negated_event_is_not_a_situation_event(store):
    assert store.events(type="MOBILIZE") == []
    assert store.counts()["events"] == 4 and store.counts(situation=True)["s_events"] == 2
    # the denial is in the timeline when asked for, and only then
    denials = [r for r in store.timeline(negated=True, limit=500) if r["kind"] == "event denied"]
    assert denials and all(r["negated"] and r["sources"] for r in denials)
    assert not any(r["kind"] == "event denied" for r in store.timeline(limit=500))


def _ev(article, day, place="geo:1", src="OST", tgt=None, etype="ASSAULT", modality="asserted"):
    return {"article_id": article, "event_id": "E1", "type": etype, "source_entity": src, "target_entity": tgt,
            "negated": False, "modality": modality, "place_key": place, "day": day, "published": str(day)}


def test_merge_window_place_and_modality():
    d = date(2024, 3, 2)
    cl = merge_events([_ev("a", d), _ev("b", date(2024, 3, 4)), _ev("c", date(2024, 3, 9))])
    assert sorted(len(c.reports) for c in cl) == [1, 2]            # 7 days later is another event
    cl = merge_events([_ev("a", d), _ev("b", d, place="geo:9")])
    assert len(cl) == 2                                              # different places
    cl = merge_events([_ev("a", d, place=None), _ev("b", d)])
    assert len(cl) == 1 and cl[0].place == "geo:1"                  # place in one report only
    cl = merge_events([_ev("a", d), _ev("b", d, modality="future")])
    assert len(cl) == 2                                              # a threat to act is not the act
    cl = merge_events([_ev("a", d, src=None), _ev("b", d, src=None)])
    assert len(cl) == 2                                              # no actor at all: never merged


def test_reports_from_two_countries_are_two_incidents():
    d = date(2024, 3, 2)
    ken, srb = ({**_ev(a, d, place=None, src="POLICE"), "country": c} for a, c in (("a", "KE"), ("b", "RS")))
    assert len(merge_events([ken, srb])) == 2                        # same generic actors, other countries
    also_ken = {**_ev("c", d, place=None, src="POLICE"), "country": "KE"}
    (one,) = merge_events([ken, also_ken])
    assert "same country KE" in one.reports[1]["rule"]
    unknown = _ev("d", d, place=None, src="POLICE")                   # no country known: may be either
    assert len(merge_events([ken, unknown])) == 1


def test_story_country_is_where_most_of_an_articles_places_are():
    from sitrep.situation.merge import story_countries

    class Con:
        def execute(self, sql, params=()):
            rows = [("a", "KE", '[1, 2, 3]'), ("a", "UG", '[1]'), ("b", "RS", '[1]'), ("b", "HU", '[1]')]
            return type("Cur", (), {"description": [("article_id",), ("country_code",), ("mentions",)],
                                    "fetchall": lambda self: rows})()

    assert story_countries(Con()) == {"a": "KE"}                      # b: a tie gives no story country


def test_effective_date():
    assert effective_date("2024-03-02", "2024-03-04") == date(2024, 3, 2)
    assert effective_date("2024-03", "2024-03-04") == date(2024, 3, 4)
    assert effective_date("2023", "2024-03-04") == date(2023, 1, 1)
    assert effective_date(None, "2024-03-04") == date(2024, 3, 4)
    assert effective_date(None, None) is None


def test_cross_article_contradiction_uses_the_claims_rule(store):
    (c,) = [x for x in store.contradictions() if x["scope"] == "across"]
    assert {c["outlet_a"], c["outlet_b"]} == {"North Wire", "Coast Press"}
    assert "120" in c["reason"] and "40" in c["reason"]
    assert "in Karvan" in c["reason"]  # the place by name, not by id


def test_a_force_level_stays_comparable_longer_than_a_toll():
    from sitrep.situation import WINDOW_DAYS, _comparable_days, _published_close

    assert _comparable_days("dead") == WINDOW_DAYS and _comparable_days("troops") >= 14
    assert not _published_close("2024-12-03", "2024-12-09", _comparable_days("dead"))
    assert _published_close("2024-12-03", "2024-12-09", _comparable_days("troops"))


def test_relations_over_time(store):
    def rels(at):
        return {(r["subject_entity"], r["type"], r["object_entity"]) for r in store.graph(at=at)["relations"]}

    assert ("OST", "supported_by", "MIR") in rels("2024-03-10")
    assert ("OST", "supported_by", "MIR") not in rels("2024-03-25")   # ended March 20
    assert ("OST", "supported_by", "MIR") not in rels("2018-06-01")   # since 2019
    ended = [r for r in store.graph(at="2024-03-10")["relations"] if r["type"] == "supported_by"]
    assert store.relations([ended[0]["relation_id"]], at="2024-03-10") == ended[:1]
    assert store.relations([ended[0]["relation_id"]], at="2024-03-25") == []   # not at a date it did not hold
    ch = store.graph_changes("2024-03-10", "2024-03-25")
    assert [r["type"] for r in ch["ended"]] == ["supported_by"] and ch["added"] == []


def test_graph_event_edges_count_up_to_the_date(store):
    g = store.graph(at="2024-03-15")
    assert [(e["source_entity"], e["type"], e["n_events"]) for e in g["events"]] == [
        ("OST", "CONSULT", 1)]
    assert store.graph(at="2024-03-10")["events"] == []
    names = {n["entity_id"]: n["name"] for n in g["nodes"]}
    assert names["OST"] == "Ostrava" and names["MIR"] == "Mirenia"


def test_graph_limit_keeps_the_strongest_edges_and_their_actors_and_counts_them_all(store):
    whole = store.graph()
    assert whole["limit"] is None
    assert whole["n_relations"] == len(whole["relations"]) and whole["n_event_edges"] == len(whole["events"])
    top = store.graph(limit=1)
    assert top["limit"] == 1 and len(top["relations"]) == 1 and len(top["events"]) == 1
    assert (top["n_relations"], top["n_event_edges"]) == (whole["n_relations"], whole["n_event_edges"])
    best = min(whole["relations"], key=lambda r: (-r["n_reports"], -r["n_sources"], r["relation_id"]))
    assert top["relations"][0]["relation_id"] == best["relation_id"]
    assert top["events"][0]["n_events"] == max(e["n_events"] for e in whole["events"])
    ends = {top["relations"][0]["subject_entity"], top["relations"][0]["object_entity"],
            top["events"][0]["source_entity"], top["events"][0]["target_entity"]}
    assert {n["entity_id"] for n in top["nodes"]} == ends   # only the actors of what was sent
    assert store.graph(limit=10_000)["relations"] == whole["relations"]   # the same order as without a limit
    with pytest.raises(QueryError):
        store.graph(limit=0)


def test_holds_at_compares_at_each_bounds_precision():
    assert holds_at("2019", None, None, "2019-01-01")
    assert holds_at(None, "2024-03", None, "2024-03-31")
    assert not holds_at(None, "2024-03", None, "2024-04-01")
    assert not holds_at(None, None, "2024-03-05", "2024-03-01")


def test_rebuild_is_idempotent_and_ingest_stays_idempotent(store):
    before = store.counts(situation=True)
    assert store.refresh_situation() == {k: v for k, v in before.items() if k.startswith("s_")}
    assert store.add_documents(corpus()) == 0
    assert store.counts(situation=True) == before


def test_new_article_updates_the_situation(tmp_path, make_db):
    with Store(make_db("s")) as s:
        s.add_documents([doc1()])
        assert s.events(type="ASSAULT")[0]["n_sources"] == 1
        s.add_documents([doc2()])
        assert s.events(type="ASSAULT")[0]["n_sources"] == 2


def test_empty_store_has_an_empty_situation(tmp_path, make_db):
    with Store(make_db("e")) as s:
        assert s.refresh_situation() == {t: 0 for t in ("s_overrides", "s_actors", "s_actor_map", "s_events", "s_event_reports",
                                                          "s_contradictions", "s_relations", "s_search_docs",
                                                          "s_search_terms")}
        assert s.graph(at="2024-01-01") == {"at": "2024-01-01", "nodes": [], "relations": [], "events": [],
                                            "n_relations": 0, "n_event_edges": 0, "limit": None}


def test_lazy_refresh_on_the_next_query(tmp_path, make_db):
    with Store(make_db("lazy")) as s:
        s.add_documents(corpus(), refresh=False)
        assert s.situation_stale()
        assert len(s.events()) == 2
        assert not s.situation_stale()


_report = st.fixed_dictionaries({
    "type": st.sampled_from(["ASSAULT", "CONSULT"]), "source_entity": st.sampled_from(["A", "B", None]),
    "target_entity": st.sampled_from(["C", None]), "negated": st.just(False),
    "modality": st.sampled_from(["asserted", "reported", "future"]),
    "place_key": st.sampled_from(["geo:1", "geo:2", None]),
    "day": st.one_of(st.none(), st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 1, 20)))})


@settings(max_examples=150, deadline=None)
@given(st.lists(_report, max_size=25))
def test_merge_invariants(reports):
    rows = [{**r, "article_id": f"a{i}", "event_id": "E1", "published": None} for i, r in enumerate(reports)]
    clusters = merge_events(rows)
    seen = [id(r) for c in clusters for r in c.reports]
    assert sorted(seen) == sorted(id(r) for r in rows)                      # every report exactly once
    for c in clusters:
        first = c.reports[0]
        assert first["rule"].startswith("first report")
        for r in c.reports:
            assert (r["type"], r["source_entity"], r["target_entity"]) == (
                first["type"], first["source_entity"], first["target_entity"])
            assert (r["modality"] == "future") == (first["modality"] == "future")
            assert (r["day"] is None) == (c.day is None)
            assert c.day is None or abs((r["day"] - c.day).days) <= WINDOW_DAYS
            assert r["place_key"] in (None, c.place)
        if len(c.reports) > 1:
            assert first["source_entity"] or first["target_entity"]


@pytest.mark.parametrize("name, descriptive", [
    ("police", True), ("Police", True), ("the market", True), ("The monitor", True), ("Local fighters", True),
    ("government buildings", True), ("a military spokesman", True), ("checkpoints", True),
    ("Hamas", False), ("Kurds", False), ("Free Karvan Brigade", False), ("the Sheikh Maqsoud district", False),
    ("Umayyad Mosque", False), ("EC", False), ("", False), ("Kidnappers", True), ("Militiamen", True),
    ("President", False)])
def test_is_descriptive_tells_a_description_from_a_proper_name(name, descriptive):
    from sitrep.situation.merge import is_descriptive

    assert is_descriptive(name) is descriptive


def test_descriptive_names_join_only_within_one_country():
    def row(article, name, story, country=None, kind="organization"):
        return {**_row(article, "X", name, kind, country), "story_country": story}

    rows = [row("ke1", "police", "KE"), row("rs1", "police", "RS"), row("ke2", "Police", "KE"),
            row("rs2", "police", None, country="SRB"),                     # its own country counts
            row("sd", "the market", "SD", kind="other"), row("ps", "the market", "PS", kind="other"),
            row("x1", "Free Karvan Brigade", "KE", kind="armed_group"),  # a proper name: as before
            row("x2", "Free Karvan Brigade", "RS", kind="armed_group")]
    _, m = resolve_actors(rows)
    assert m[("ke1", "X")][0] == m[("ke2", "X")][0] == "N:police@KEN"
    assert m[("rs1", "X")][0] == m[("rs2", "X")][0] == "N:police@SRB"
    assert m[("sd", "X")][0] != m[("ps", "X")][0]
    assert m[("x1", "X")] == m[("x2", "X")] == ("N:free-karvan-brigade", "name")
    assert m[("ke1", "X")][1] == "descriptive:KEN:story"
    assert m[("rs2", "X")][1] == "descriptive:SRB:own"


def test_a_description_with_no_country_joins_the_one_country_of_its_name():
    rows = [{**_row("ke", "X", "gunmen", "group"), "story_country": "KE"},
            {**_row("un", "X", "gunmen", "group"), "story_country": None}]
    _, m = resolve_actors(rows)
    assert m[("ke", "X")][0] == m[("un", "X")][0]
    assert m[("un", "X")][1] == "descriptive:KEN:alike"
    (alone,) = resolve_actors([_row("un", "X", "gunmen", "group")])[1].values()
    assert alone == ("N:gunmen", "descriptive:none")


def _police_doc(aid: str, city: str, cc: str, gid: int):
    from sitrep.contract import ArticleMeta, Document, Place
    from situation_data import actor, span

    t = f"{city} clashes\n{city.upper()}, May 2 (Test Wire) - Police fired tear gas at protesters in {city} on Monday.\n"
    return Document(article=ArticleMeta(id=aid, title=f"{city} clashes", source="Test Wire", published="2024-05-02"),
                    text=t, actors=[actor(t, "POLICE", "Police", kind="organization")],
                    places=[Place(id=f"geo:{gid}", name=city, geonameid=gid, lat=0.0, lon=0.0, country_code=cc,
                                  feature="city", mentions=[span(t, city)])])


def test_store_keeps_the_police_of_two_countries_apart(make_db):
    with Store(make_db("police")) as s:
        s.add_documents([_police_doc("ke", "Nairobi", "KE", 184745), _police_doc("rs", "Belgrade", "RS", 792680),
                         _police_doc("ke2", "Mombasa", "KE", 186301)])
        police = sorted((a["entity_id"], a["n_articles"]) for a in s.actors(search="police"))
        assert police == [("N:police@KEN", 2), ("N:police@SRB", 1)]
        (link,) = s.article_links("rs")
        assert link["entity_id"] == "N:police@SRB" and link["rule"] == "descriptive:SRB:story"
