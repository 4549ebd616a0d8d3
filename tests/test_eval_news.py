"""`sitrep eval news`: loading the real-news set and strict role-level scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.contract import ActorRef
from sitrep.errors import EvalDataError
from sitrep.evaluation import news

MINI = Path(__file__).parent / "data" / "news_mini"


def test_load_gold_reads_texts_and_splits():
    golds, label = news.load_gold(MINI, split="dev")
    assert label == "gold" and [g.id for g in golds] == ["mini-001"]
    assert golds[0].article().published == "2024-12-02"
    assert news.load_gold(MINI, split="held")[0] == []


def test_unknown_split_and_missing_gold_are_typed_errors(tmp_path):
    with pytest.raises(EvalDataError):
        news.load_gold(MINI, split="test")
    with pytest.raises(EvalDataError):
        news.load_gold(tmp_path)


def test_annotation_a_is_read_before_adjudication(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "annotations" / "a").mkdir(parents=True)
    for sub in ("texts", "annotations/a"):
        src = MINI / ("texts" if sub == "texts" else "gold") / "mini-001.json"
        (tmp_path / sub / "mini-001.json").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    golds, label = news.load_gold(tmp_path, split="all")
    assert label == "annotation a" and len(golds) == 1


def test_calibration_error():
    assert news.expected_calibration_error([]) is None
    assert news.expected_calibration_error([(0.9, True), (0.9, True)]) == pytest.approx(0.1)
    assert news.expected_calibration_error([(0.8, False)]) == pytest.approx(0.8)


def test_party_right_by_name_state_code_and_absence():
    golds, _ = news.load_gold(MINI, split="dev")
    g = golds[0]

    class _Actor:
        def __init__(self, id, name, kind, country, affiliation=None):
            self.id, self.name, self.kind, self.country, self.affiliation = id, name, kind, country, affiliation
            self.aliases = []

    class _Doc:
        actors = [_Actor("RUS", "Russia", "state", "RUS"),
                  _Actor("RUS_MIL", "Russia military", "organization", "RUS", affiliation="RUS"),
                  _Actor("SYR", "Syria", "state", "SYR")]
        places = []

    names = news._Names(_Doc())
    assert news.party_right(g, "RUS", names, ActorRef(actor_id="RUS_MIL", text="Russian jets"))
    assert not news.party_right(g, "RUS", names, ActorRef(actor_id="SYR", text="Syria"))
    assert news.party_right(g, None, names, None)
    assert not news.party_right(g, None, names, ActorRef(actor_id="SYR", text="Syria"))
    assert not news.party_right(g, "REB", names, None)


def test_evaluate_news_on_the_mini_set():
    result = news.evaluate_news(MINI, split="dev")
    f = result.figures()
    assert result.items == 1 and result.failures == 0
    assert f["event type recall"] == 1.0
    assert f["quote speaker accuracy"] == 1.0
    assert f["claim recall"] == 1.0
    assert f["place recall"] == 1.0
    assert 0.0 <= f["event confidence ECE"] <= 1.0
    assert set(result.confusion) == {"ASSAULT"}
    json.loads(result.to_json())


def test_described_names_and_pronouns():
    assert news._ends_with("treasury secretary janet yellen", "janet yellen")
    assert news._ends_with("palestinian gunmen", "gunmen")
    assert not news._ends_with("palestinian gunmen", "palestinian")
    assert news._contains("damascus residents", "residents")
    assert not news._contains("residents", "damascus residents")
    golds, _ = news.load_gold(MINI, split="dev")
    g = golds[0]
    g.actors["BELOUSOV"]["names"].append("He")
    assert "he" not in g.names("BELOUSOV")


def test_the_nominal_core_of_a_described_gold_name_names_it_but_no_part_of_it():
    assert news.head_phrase("all citizens who own pagers") == "citizens"
    assert news.head_phrase("an iraqi militia group backed by iran") == "iraqi militia group"
    assert news.head_phrase("civilians, including children and the elderly") == "civilians"
    assert news.head_phrase("palestinian gunmen") == ""          # nothing to take off: the name itself
    assert news.head_phrase("two men") == ""                     # too short a core to name anyone
    golds, _ = news.load_gold(MINI, split="dev")
    g = golds[0]
    g.actors["MILITIA"] = {"names": ["an Iraqi militia group backed by Iran"], "kind": "armed_group"}

    class _Actor:
        def __init__(self, id, name, kind):
            self.id, self.name, self.kind, self.country, self.affiliation, self.aliases = id, name, kind, None, None, []

    class _Doc:
        actors = [_Actor("IRQ_MILITIA", "Iraqi militia group", "armed_group"), _Actor("IRQ", "Iraq", "state")]
        places = []

    names = news._Names(_Doc())
    assert news.party_right(g, "MILITIA", names, ActorRef(actor_id="IRQ_MILITIA", text="Iraqi militia group"))
    assert not news.party_right(g, "MILITIA", names, ActorRef(actor_id="IRQ", text="Iraqi"))


def test_scare_quotes_are_no_part_of_a_name():
    from sitrep.evaluation.matching import norm_name
    assert norm_name("armed \u2018rioters\u2019") == "armed rioters"
    assert norm_name("\u2018hostile media\u2019") == "hostile media"
    assert norm_name("Ma'arib") == "ma'arib"          # an apostrophe inside a word stays
    assert norm_name("Russia\u2019s") == "russia"


def test_a_gold_partial_quote_is_matched_by_the_quote_that_begins_with_it():
    """A longer indirect report holding the partial quote must not take the partial's match."""
    from types import SimpleNamespace as NS

    gold = news.GoldArticle(id="x", text="", meta={}, actors={"ARMY": {"name": "army"}}, events=[], claims=[],
                            places=[], quotes=[{"starts_with": "miraculously overrun the", "speaker": "ARMY"},
                                               {"starts_with": "The group said it had", "speaker": "ARMY"}])
    army = ActorRef(actor_id="army", text="army")
    doc = NS(actors=[NS(id="army", name="army", kind="organization", country=None, affiliation=None, aliases=[])],
             places=[], quotes=[NS(text="The group said it had miraculously overrun the forces", speaker=army),
                                NS(text="miraculously overrun the forces", speaker=army)])
    t = news._Tally()
    news.score_quotes(gold, doc, t)
    assert t.c["quote found"] == 2   # greedy first-containing matching found 1


def test_an_event_merged_from_several_sentences_matches_a_gold_event_in_each_and_counts_once():
    from types import SimpleNamespace as NS

    text = "Rebels shelled the town on Monday. The shelling hit the market. Talks resumed."
    s1, s2 = (0, 34), (35, 63)
    gold = news.GoldArticle(id="x", text=text, meta={}, actors={"REB": {"names": ["Rebels"]}}, claims=[], places=[],
                            quotes=[], events=[{"type": "ASSAULT", "source": "REB", "target": None,
                                                "sentence": text[s1[0]:s1[1]], "trigger": "shelled"},
                                               {"type": "ASSAULT", "source": "REB", "target": None,
                                                "sentence": text[s2[0]:s2[1]], "trigger": "shelling"}])
    reb = ActorRef(actor_id="reb", text="Rebels")

    def event(evidence):
        return NS(type="ASSAULT", source=reb, target=None, modality="asserted", date=None, confidence=0.9,
                  sentence=NS(start=s1[0], end=s1[1]), evidence=[NS(start=a, end=b) for a, b in evidence])

    doc = NS(actors=[NS(id="reb", name="Rebels", kind="armed_group", country=None, affiliation=None, aliases=[])],
             places=[], events=[event([s1, s2])])
    t = news._Tally()
    news.score_events(gold, doc, t)
    assert t.c["type+source+target found"] == 2 and t.c["type+source+target right"] == 1   # recall 2/2, precision 1/1
    doc.events = [event([s1])]   # not merged from the second sentence: that gold event is missed
    t = news._Tally()
    news.score_events(gold, doc, t)
    assert t.c["type+source+target found"] == 1 and t.c["type+source+target right"] == 1


def test_claims_score_compatible_properties_and_leave_unannotated_ones_unscored():
    """A money kind counts for gold money, "casualties" for gold "other"; a weapons count is no gold
    property: neither right nor wrong."""
    from types import SimpleNamespace as NS

    def claim(prop, value):
        return NS(property=prop, value=value, subject=ActorRef(actor_id="x", text="x"), text="t")

    gold = news.GoldArticle(id="x", text="", meta={}, actors={}, events=[], quotes=[], places=[],
                            claims=[{"property": "money", "value": 5e8}, {"property": "other", "value": 24},
                                    {"property": "arrested", "value": 30}])
    doc = NS(claims=[claim("aid", 5e8), claim("casualties", 24), claim("detained", 30), claim("weapons", 100)])
    t = news._Tally()
    news.score_claims(gold, doc, t)
    assert (t.c["claim found"], t.c["claim right"], t.c["claim pred"], t.c["claim unscored"]) == (2, 2, 3, 1)


def test_dev_halves_partition_dev_and_spread_regions(tmp_path):
    (tmp_path / "texts").mkdir()
    ids = [f"t-{k:03d}" for k in range(12)]
    for k, aid in enumerate(ids):
        region = ("Sudan", "Yemen", "Haiti")[k % 3]
        (tmp_path / "texts" / f"{aid}.json").write_text(json.dumps({"id": aid, "region": region}), encoding="utf-8")
    (tmp_path / "splits.json").write_text(json.dumps({"dev": ids[:9], "held": ids[9:]}), encoding="utf-8")
    a = news.split_ids(tmp_path, "dev-a")
    b = news.split_ids(tmp_path, "dev-b")
    assert a | b == set(ids[:9]) and not a & b and {len(a), len(b)} == {4, 5}
    regions = lambda half: {("Sudan", "Yemen", "Haiti")[ids.index(i) % 3] for i in half}  # noqa: E731
    assert regions(a) == regions(b) == {"Sudan", "Yemen", "Haiti"}
    assert news.split_ids(tmp_path, "dev-a") == a  # fixed by the ids alone
