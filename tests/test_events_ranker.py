"""The argument ranker (sitrep.stages.events.ranker): its features on sentences written in wire style,
its packaged model, its decisions under a hand-made model, and the switch (off: the rules' output)."""

from __future__ import annotations

import pytest
from events_support import NLP, mention

from sitrep.article import Article, ArticleState
from sitrep.core.contract import Actor
from sitrep.core.errors import ConfigError
from sitrep.stages.events import EventsStage
from sitrep.stages.events import ranker_features as rf
from sitrep.stages.events.lexicon import Sense
from sitrep.stages.events.model import Candidate
from sitrep.stages.events.ranker import ArgRanker, RankerModel, load_model, read_model
from sitrep.stages.resources import Resources

AMBUSH = "Insurgents ambushed an army convoy near Gao on Tuesday, the Malian defence ministry said."
PASSIVE = "The convoy was ambushed by insurgents near the border."
PROTEST = "Hundreds of farmers protested against the government in the capital."


def parse(text: str):
    """The parsed doc of ``text``."""
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    return st.doc


def tok(doc, word: str):
    """The first token of ``doc`` that reads ``word``."""
    return next(t for t in doc if t.text == word)


# -- features ----------------------------------------------------------------------------------------

def test_path_from_trigger_to_subject_and_object():
    doc = parse(AMBUSH)
    trig = tok(doc, "ambushed")
    assert rf.dep_path(trig, tok(doc, "Insurgents")) == "|nsubj"
    assert rf.dep_path(trig, tok(doc, "convoy")) == "|dobj"
    assert rf.dep_path(trig, trig) == "self"


def test_path_names_the_agent_and_the_preposition():
    doc = parse(PASSIVE)
    assert rf.dep_path(tok(doc, "ambushed"), tok(doc, "insurgents")) == "|agent"
    doc = parse(PROTEST)
    assert rf.dep_path(tok(doc, "protested"), tok(doc, "government")) == "|pobj:against"


def test_path_ends_generalise_a_long_path():
    doc = parse(AMBUSH)
    ends = rf.path_ends(tok(doc, "ambushed"), tok(doc, "ministry"))
    assert ends[0].startswith("first=^") and ends[1] == "last=nsubj"


def test_speaker_and_quote():
    doc = parse(AMBUSH)
    assert rf.is_speaker(tok(doc, "ministry"), {"say"})
    assert not rf.is_speaker(tok(doc, "Insurgents"), {"say"})
    quoted = parse('"We will strike the rebels," the general said.')
    sent = next(quoted.sents)
    assert rf.in_quote(quoted.text, sent.start_char, tok(quoted, "rebels").idx)
    assert not rf.in_quote(quoted.text, sent.start_char, tok(quoted, "general").idx)


def test_distance_buckets_and_voice():
    assert [rf.distance_bucket(n) for n in (1, 4, 9, 30)] == ["0-2", "3-5", "6-10", "11+"]
    doc = parse(PASSIVE)
    m = mention(PASSIVE, "insurgents", "REB")
    assert rf.mention_head(doc, m).text == "insurgents"
    c = Candidate(trigger=tok(doc, "ambushed"), sense=Sense(type="ASSAULT"), kind="verbal")
    assert rf.event_features(c, "ASSAULT") == {"type": "ASSAULT", "kind": "verbal", "voice": "passive"}
    assert rf.position_features(tok(doc, "ambushed"), tok(doc, "insurgents"), "after") == [
        "side=after", "side=after&dist=0-2", "nearest=after"]


def test_none_and_vote_features():
    ev = {"type": "ASSAULT", "kind": "verbal", "voice": "active"}
    assert "none&rule" in rf.none_features(ev, rule_empty=True)
    assert "none&rule" not in rf.none_features(ev, rule_empty=False)
    src = mention(AMBUSH, "Insurgents", "REB")
    assert rf.vote_features(ev, "REB", [src], []) == ["rule_source", "rule_source&kind=verbal"]


# -- the model ---------------------------------------------------------------------------------------

def test_packaged_model_loads():
    model = load_model()
    assert model.weights["source"] and model.weights["target"]
    assert set(model.margin) == {"source", "target"} == set(model.margin_when_empty)
    probs = model.scores("source", [["none"], ["path=|nsubj", "rule_source"], []])
    assert len(probs) == 3 and sum(probs) == pytest.approx(1.0)


def test_malformed_model_is_a_config_error():
    with pytest.raises(ConfigError):
        read_model({"weights": {}}, "bad.yaml")


# -- the stage -----------------------------------------------------------------------------------------

def run(text: str, marks, ranker=None, on: bool = False):
    """The events of ``text`` (mentions ``marks``: phrase, actor id) with the ranker switched ``on``,
    given as the resource ``ranker``."""
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    st.mentions = sorted((mention(text, *m) for m in marks), key=lambda m: m.start)
    st.actors = [Actor(id=a, name=a, kind="armed_group") for _, a in marks]
    stage = EventsStage(fallback_ner=True, ranker=on)
    if ranker is not None:
        stage.use_resources(Resources(arg_ranker=ranker))
    stage.run_alone(st)
    return [(e.type, e.source and e.source.actor_id, e.target and e.target.actor_id) for e in st.events]


MARKS = [("Insurgents", "REB"), ("army convoy", "ARMY"), ("Malian defence ministry", "MLI")]


def test_switch_off_keeps_the_rules_output():
    rules = run(AMBUSH, MARKS)
    assert ("ASSAULT", "REB", "ARMY") in rules
    assert run(AMBUSH, MARKS, on=False) == rules
    # the packaged model switched on leaves a clear sentence as the rules read it
    assert ("ASSAULT", "REB", "ARMY") in run(AMBUSH, MARKS, on=True)


def test_recording_mode_keeps_the_rules_output_and_records():
    rec: list = []
    assert run(AMBUSH, MARKS, ranker=ArgRanker(recorder=rec), on=True) == run(AMBUSH, MARKS)
    r = next(x for x in rec if x["trigger"] == "ambushed")
    assert r["rule_sources"] == ["REB"] and r["rule_targets"] == ["ARMY"]
    assert r["cands"][0] is None and len(r["cands"]) == len(r["feats"])


def _model(source: dict, target: dict, margin: float = 0.1) -> ArgRanker:
    """A ranker with hand-set weights."""
    return ArgRanker(RankerModel(weights={"source": source, "target": target},
                                 margin={"source": margin, "target": margin},
                                 margin_when_empty={"source": margin, "target": margin}))


def test_a_confident_model_overrules_the_rules():
    # a model sure that the speaker is the target replaces the rules' target
    ranker = _model({}, {"speaker": 10.0})
    assert ("ASSAULT", "REB", "MLI") in run(AMBUSH, MARKS, ranker=ranker, on=True)


def test_a_small_margin_keeps_the_rules():
    ranker = _model({}, {"speaker": 0.1}, margin=0.5)
    assert ("ASSAULT", "REB", "ARMY") in run(AMBUSH, MARKS, ranker=ranker, on=True)


def test_never_its_own_target_nor_people_in_general():
    text = "Gunmen killed 19 people in an attack on a village, police said."
    marks = [("Gunmen", "GUN"), ("19 people", "PEOPLE"), ("police", "POL")]
    ranker = _model({}, {"rule_source": 10.0, "generic": 10.0})
    for _, src, tgt in run(text, marks, ranker=ranker, on=True):
        assert tgt not in ("PEOPLE",) and (src is None or src != tgt)
