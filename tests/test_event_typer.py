"""The statistical event typer (issue #14, item 6): the model ships in the package and loads from it,
its output is deterministic, and the events stage consults it only when its ``typer`` switch is on.

Sentences are written for these tests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import sitrep
from sitrep.article import Article, ArticleState
from sitrep.contract import PLOVER_TYPES
from sitrep.errors import ModelNotFoundError
from sitrep.stages.events import EventsStage
from sitrep.stages.events.typer import NONE, EventTyper, feature_text, load_settings, model_path
from sitrep.stages.nlp import NlpStage
from sitrep.stages.resources import Resources

NLP = NlpStage()
TEXT = "Russian forces shelled the city of Kharkiv on Monday, killing five civilians, officials said."


@pytest.fixture(scope="module")
def typer() -> EventTyper:
    return EventTyper()


def _events(text: str, stage: EventsStage):
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    stage.run_alone(st)
    return st.events


def test_model_ships_inside_the_package(typer):
    where = model_path(load_settings())
    assert Path(sitrep.__file__).parent in where.parents
    assert (where / "config.cfg").is_file()
    assert set(typer.labels) == set(PLOVER_TYPES) | {NONE}


def test_probabilities_sum_to_one_and_repeat_exactly(typer):
    text = feature_text(TEXT, "shelled", "shell")
    first, second = typer.scores([text]), typer.scores([text])
    assert first == second
    assert sum(first[0].values()) == pytest.approx(1.0, abs=1e-4)
    assert typer.scores([text]) == EventTyper().scores([text])   # a second load gives the same


def test_a_clear_attack_sentence_reads_as_an_assault(typer):
    cats = typer.scores([feature_text(TEXT, "shelled", "shell")])[0]
    assert max(cats, key=cats.get) == "ASSAULT"


def test_feature_text_marks_the_trigger_and_its_neighbours():
    text = feature_text("Kenya called for an end to attacks on aid workers.", "attacks", "attack", window=2)
    parts = text.split()
    assert parts[0] == "T_attack"
    assert "L_end" in parts and "L_to" in parts and "L_an" not in parts
    assert "R_on" in parts and "R_aid" in parts
    assert "kenya" in parts
    bare = feature_text("Kenya called for an end to attacks.", "attacks", "attack", sentence_words=False)
    assert "kenya" not in bare.split()


def test_a_missing_model_is_a_typed_error(tmp_path):
    with pytest.raises(ModelNotFoundError):
        EventTyper(path=tmp_path)


class _Veto:
    """A stand-in typer that vetoes every event."""

    def review(self, raw, ontology):
        return []


def test_the_stage_leaves_the_typer_alone_when_switched_off():
    stage = EventsStage(fallback_ner=True).use_resources(Resources(event_typer=_Veto()))
    assert EventsStage.Config().typer is False
    assert {e.type for e in _events(TEXT, stage)} == {"ASSAULT"}


def test_the_stage_consults_the_typer_when_switched_on():
    stage = EventsStage(fallback_ner=True, typer=True).use_resources(Resources(event_typer=_Veto()))
    assert _events(TEXT, stage) == []


def test_review_vetoes_and_retypes_by_its_thresholds(typer):
    raw_stage = EventsStage(fallback_ner=True, typer=True)
    keep_all = dataclasses.replace(typer.settings, veto_threshold=1.1, retype_threshold=1.1)
    typer.settings = keep_all
    try:
        kept = _events(TEXT, raw_stage.use_resources(Resources(event_typer=typer)))
        assert kept and {e.type for e in kept} == {"ASSAULT"}
        # a typer that finds "none" likely enough vetoes every low-confidence event
        typer.settings = dataclasses.replace(keep_all, veto_threshold=0.0, veto_max_confidence=1.0)
        cats = typer.scores([feature_text(TEXT, "shelled", "shell")])[0]
        vetoed = _events(TEXT, EventsStage(fallback_ner=True, typer=True).use_resources(Resources(event_typer=typer)))
        assert vetoed == ([] if max(cats, key=cats.get) == NONE else kept)
    finally:
        typer.settings = load_settings()


def test_review_retypes_when_the_model_is_sure_of_another_type(typer):
    class Sure(EventTyper):
        def score_events(self, raw):
            return [{**{t: 0.0 for t in PLOVER_TYPES}, NONE: 0.0, "PROTEST": 1.0} for _ in raw]

    sure = Sure.__new__(Sure)
    sure.settings = dataclasses.replace(typer.settings, retype_threshold=0.9, retype_max_rule_probability=0.05)
    sure.nlp = typer.nlp
    events = _events(TEXT, EventsStage(fallback_ner=True, typer=True).use_resources(Resources(event_typer=sure)))
    assert events and {e.type for e in events} == {"PROTEST"}
    assert all(e.mode is None for e in events)


def test_retyping_is_off_in_the_shipped_settings():
    """Every re-typing setting lost type precision on the news dev split (docs/event-typer.md)."""
    assert load_settings().retype_threshold > 1.0
