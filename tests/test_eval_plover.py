"""The plover suite's reader and scorer on a small gold file in the OEDA format written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.contract import Actor, ActorRef, ArticleMeta, Document, Event, Span
from sitrep.errors import EvalDataError
from sitrep.evaluation.plover import gsr_map, load_gold, map_event, score_plover, top_event

DATA = Path(__file__).parent / "data" / "eval" / "plover" / "gsr_small.json"


def ev(i, typ, text, conf, src=None, tgt=None, mode=None):
    return Event(id=i, type=typ, mode=mode, source=src, target=tgt, confidence=conf, trigger="x",
                 sentence=Span(text=text, start=0, end=len(text)))


def ref(aid, text):
    return ActorRef(actor_id=aid, text=text)


def doc(text, actors=(), events=()):
    return Document(article=ArticleMeta(id="t"), text=text, actors=list(actors), events=list(events))


def hand_docs(gold):
    t = [g.text for g in gold]
    return [
        # 1 AGREE right, source by name ("Kenyan ministers" contains "Kenyan")
        doc(t[0], [Actor(id="a", name="Kenyan ministers", kind="person", country="KEN", sector="GOV")],
            [ev("e", "AGREE", t[0], 0.9, src=ref("a", "Kenyan and Ugandan ministers"))]),
        # 2 DEMAND -> REQUEST right; source and target by code (JAP = JPN) and sector
        doc(t[1], [Actor(id="p", name="protesters", kind="group", country="JPN", sector="CVL"),
                   Actor(id="j", name="Japan", kind="state", country="JPN")],
            [ev("e1", "REQUEST", t[1], 0.7, src=ref("p", "protesters"), tgt=ref("j", "the Japanese government")),
             ev("e2", "ACCUSE", t[1], 0.3)]),
        # 3 INVESTIGATE -> ACCUSE/investigate right; IGO by name, Iran by country code
        doc(t[2], [Actor(id="i", name="International Atomic Energy Agency", kind="igo", aliases=["IAEA"]),
                   Actor(id="r", name="Iran", kind="state", country="IRN")],
            [ev("e", "ACCUSE", t[2], 0.8, src=ref("i", "The IAEA"), tgt=ref("r", "Tehran"), mode="investigate")]),
        # 4 FIGHT -> ASSAULT right; mode missing, source has the wrong sector, no target
        doc(t[3], [Actor(id="m", name="army", kind="organization", country="COD", sector="MIL")],
            [ev("e", "ASSAULT", t[3], 0.8, src=ref("m", "army troops"))]),
        # 5 no event at all
        doc(t[4]),
        # 6 top event REJECT (wrong), a weaker THREATEN present; actors right ("U.S." in "U.S. ... officials")
        doc(t[5], [Actor(id="u", name="United States", kind="state", country="USA"),
                   Actor(id="k", name="North Korea", kind="state", country="PRK")],
            [ev("e1", "REJECT", t[5], 0.6, src=ref("u", "U.S."), tgt=ref("k", "North Korea")),
             ev("e2", "THREATEN", t[5], 0.5, src=ref("u", "U.S."), tgt=ref("k", "North Korea"))]),
    ]


def test_map_loads_and_maps_labels():
    m = gsr_map()
    assert m["country_codes"]["JAP"] == "JPN"
    assert map_event("DEMAND", None) == ("REQUEST", None)
    assert map_event("DISAPPROVE", "") == ("ACCUSE", None)
    assert map_event("INVESTIGATE", "") == ("ACCUSE", "investigate")
    assert map_event("FIGHT", "firearms") == ("ASSAULT", "firearms")
    assert map_event("PROTEST", "strike-hun") == ("PROTEST", "hunger")
    assert map_event("agree", None) == ("AGREE", None)


def test_reader_skips_documentation_and_reads_actors():
    gold = load_gold(DATA)
    assert [g.type for g in gold] == ["AGREE", "REQUEST", "ACCUSE", "ASSAULT", "PROTEST", "THREATEN"]
    assert gold[0].targets == [] and len(gold[0].sources) == 2
    assert gold[2].mode == "investigate"
    assert gold[1].sources[0].code == "JAP" and gold[1].date == "2025-03-04"
    assert load_gold(DATA.parent)[0].id == "TEST-AGREE-0001"  # a folder works too


def test_hand_checked_scores():
    gold = load_gold(DATA)
    r = score_plover(gold, hand_docs(gold))
    f = {m.name: (m.numerator, m.denominator) for m in r.metrics}
    assert f["event type accuracy"] == (4, 6)
    assert f["event type found (any event)"] == (5, 6)
    assert f["sentences with an event"] == (5, 6)
    assert f["mode accuracy"] == (1, 3)          # investigate right; firearms, hunger missed
    assert f["source accuracy"] == (4, 6)        # FIGHT source wrong sector; PROTEST no event
    assert f["target accuracy"] == (3, 5)
    assert f["recall REQUEST"] == (1, 1) and f["recall PROTEST"] == (0, 1)
    assert r.confusion["THREATEN"] == {"REJECT": 1}
    assert r.confusion["PROTEST"] == {"none": 1}
    assert r.key_lines[0] == "event type accuracy: 0.667 (4/6)"


def test_failed_article_counts_as_no_event():
    gold = load_gold(DATA)
    docs = hand_docs(gold)
    docs[0] = None
    r = score_plover(gold, docs)
    assert r.metric("event type accuracy").numerator == 3


def test_top_event_is_highest_confidence():
    t = "x"
    d = doc(t, events=[ev("a", "AGREE", t, 0.2), ev("b", "REJECT", t, 0.9), ev("c", "AID", t, 0.9)])
    assert top_event(d).id == "b"
    assert top_event(doc(t)) is None


def test_bad_files(tmp_path):
    with pytest.raises(EvalDataError):
        load_gold(tmp_path)
    (tmp_path / "x.json").write_text("{not json")
    with pytest.raises(EvalDataError):
        load_gold(tmp_path / "x.json")
    (tmp_path / "x.json").write_text('[{"id": "D", "event": "DOCUMENT"}]')
    with pytest.raises(EvalDataError):
        load_gold(tmp_path / "x.json")


def test_failed_articles_are_counted_and_described():
    from sitrep.evaluation.plover import evaluate_plover
    from sitrep.pipeline import Pipeline
    from sitrep.stages.base import Stage

    class Broken(Stage):
        name = "broken"

        def process(self, state):
            raise ValueError("no parse")

    r = evaluate_plover(DATA, pipeline=Pipeline([Broken()]), limit=3)
    assert r.items == 3 and r.failures == 3
    assert "no parse" in r.details["pipeline failures"][0]
    assert r.metric("event type accuracy").value == 0.0
