import pickle

import pytest

import sitrep
from sitrep.article import Article
from sitrep.contract import Document
from sitrep.errors import EmptyTextError, PipelineOrderError, SitrepError
from sitrep.pipeline import Pipeline
from sitrep.stages.base import Stage
from sitrep.stages.nlp import NlpStage


class Boom(Stage):
    """A stage that fails on articles containing BOOM (to test isolation)."""

    name = "boom"
    needs = ("doc",)
    assigns = ()

    def process(self, state):
        if "BOOM" in state.text:
            raise ValueError("exploded on purpose")


def test_order_is_checked_at_construction():
    with pytest.raises(PipelineOrderError) as ei:
        Pipeline([Boom(), NlpStage()])
    assert "boom" in str(ei.value) and "doc" in str(ei.value)


def test_default_pipeline_declares_every_stage(pipeline):
    names = [s["name"] for s in pipeline.describe()]
    assert names[:2] == ["language", "nlp"] and "events" in names and "quotes" in names


def test_extract_returns_valid_document():
    doc = sitrep.extract("Rebels attacked an army post near Hama on Monday.", published="2024-12-03")
    assert isinstance(doc, Document)
    Document.model_validate_json(doc.model_dump_json())
    assert doc.article.published == "2024-12-03"


def test_extract_refuses_an_impossible_publication_date():
    from sitrep.errors import MalformedRecordError

    with pytest.raises(MalformedRecordError) as ei:
        sitrep.extract("Talks resumed in Geneva.", published="2024-02-30")
    assert "2024-02-30" in str(ei.value) and ei.value.article_id


def test_extract_empty_text_is_typed_error():
    with pytest.raises(EmptyTextError):
        sitrep.extract("   ")


def test_headlines_without_period_are_sentences(pipeline):
    text = "Concern in the US about the plans of jihadists\nThe dilemma of the US was highlighted on Sunday."
    nlp = next(s for s in pipeline.stages if s.name == "nlp")
    state = nlp(sitrep.ArticleState(article=Article(text=text)))
    assert [text[s:e] for s, e in state.sentences] == [
        "Concern in the US about the plans of jihadists", "The dilemma of the US was highlighted on Sunday."]


def test_pipeline_is_picklable(pipeline):
    clone = pickle.loads(pickle.dumps(pipeline))
    assert [s.name for s in clone.stages] == [s.name for s in pipeline.stages]
    assert len(pickle.dumps(pipeline)) < 20_000  # configuration only, no models


def test_bad_article_does_not_stop_batch():
    pipe = Pipeline([NlpStage(), Boom()])
    arts = [Article(text=f"Article number {i} here." + (" BOOM" if i == 2 else "")) for i in range(5)]
    outs = list(pipe.pipe(arts, batch_size=5))
    assert [o.ok for o in outs] == [True, True, False, True, True]
    assert outs[2].failure.stage == "boom" and "exploded" in outs[2].failure.reason
    assert outs[2].failure.article_id == arts[2].id
    with pytest.raises(SitrepError) as ei:
        pipe(arts[2])
    assert ei.value.stage == "boom" and ei.value.article_id == arts[2].id


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_two_processes_give_the_same_documents(start_method):
    if start_method not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip(f"{start_method} is not available on this platform")
    pipe = Pipeline([NlpStage()])
    arts = [Article(text=f"Officials in Damascus met envoy number {i}.") for i in range(6)]
    one = [o.document for o in pipe.pipe(arts, n_process=1, batch_size=2)]
    two = [o.document for o in pipe.pipe(arts, n_process=2, batch_size=2, start_method=start_method)]
    assert one == two and len(two) == 6


def test_full_pipeline_in_forked_workers_gives_the_same_documents():
    from sitrep.examples import example_articles

    arts = list(example_articles())[:4]
    pipe = Pipeline()
    one = [o.document for o in pipe.pipe(arts, n_process=1, batch_size=1)]
    two = [o.document for o in pipe.pipe(arts, n_process=2, batch_size=1)]
    assert one == two and all(d is not None and d.events for d in two)


def test_warm_loads_the_resources_once_and_returns_the_pipeline():
    from sitrep.pipeline import default_start_method

    pipe = Pipeline()
    assert pipe.warm() is pipe
    places = next(s for s in pipe.stages if s.name == "places")
    assert places.gazetteer is places.gazetteer  # loaded, cached in this process
    assert default_start_method() in {"fork", "spawn"}


class Broken(Stage):
    name = "broken"
    needs = ("doc",)

    def process(self, state):
        raise RuntimeError("lexicon missing")


def test_warm_up_failure_is_a_typed_error_naming_the_stage():
    with pytest.raises(SitrepError) as ei:
        Pipeline([NlpStage(), Broken()]).warm()
    assert ei.value.stage == "broken" and "lexicon missing" in str(ei.value)


def test_extract_many_accepts_texts_and_dicts():
    outs = list(sitrep.extract_many(["Troops moved north.", {"id": "x1", "text": "Talks resumed.",
                                                               "published": "2024-12-01"}]))
    assert all(o.ok for o in outs)
    assert outs[1].document.article.id == "x1"


def _stage_fields(state) -> dict:
    """The stage fields ``state`` holds: the object and, for a list, a shallow copy of its items."""
    from sitrep.core.article import STAGE_FIELDS

    return {n: (v, list(v) if isinstance(v, list) else None)
            for n, v in state.__dict__.items() if n in STAGE_FIELDS}


def _changed(before: dict, after: dict) -> set:
    """The fields set or changed (a new object, or a list whose items changed in place)."""
    return {n for n, (v, items) in after.items()
            if n not in before or before[n][0] is not v or items is not None and items != before[n][1]}


def test_each_stage_assigns_only_what_it_declares_and_quotes_adds_speakers(pipeline):
    # "a Kremlin source" is a described speaker no actor stands for: the quotes stage makes it an actor
    text = ("MOSCOW, Dec 4 (Test Wire) - Russian troops shelled the town of Avdiivka on Tuesday, "
            "a Kremlin source told reporters. \"The operation will continue,\" the source said.")
    state = sitrep.ArticleState(article=Article(text=text, id="declared", published="2024-12-04"))
    changed_by = {}
    for stage in pipeline.stages:
        before = _stage_fields(state)
        state = stage(state)
        changed_by[stage.name] = _changed(before, _stage_fields(state))
        assert changed_by[stage.name] <= set(stage.assigns), stage.name
    assert "actors" in changed_by["quotes"]
    assert any(a.name and "source" in a.name.lower() for a in state.actors)
