"""The hostile corpus (sitrep.testing.hostile): every id gives a document or a typed failure, offsets
slice the text, nothing is lost. CI runs the fixed cases and a bounded generated sample; the
benchmark `benchmarks/hostile.py` runs 10,000."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sitrep
from sitrep.core.article import Article
from sitrep.testing.hostile import FIXED, PLACES, generate, run_corpus


#: the alarm fixture (conftest.py) fails a test that runs longer
ALARM_SECONDS = 240


def _check(doc) -> None:
    text = doc.text
    for e in doc.events:
        assert text[e.sentence.start:e.sentence.end] == e.sentence.text
    for a in doc.actors:
        for m in a.mentions:
            assert text[m.start:m.end] == m.text
    for p in doc.places:
        for m in p.mentions:
            assert text[m.start:m.end] == m.text
    for q in doc.quotes:
        assert 0 <= q.start <= q.end <= len(text)


def test_every_hostile_article_gives_a_document_or_a_typed_failure(alarm):
    items = list(generate(len(FIXED) + 60))
    outcomes = list(sitrep.extract_many(items))
    assert [o.article.id for o in outcomes] == [i["id"] for i in items]       # no id lost, order kept
    for o in outcomes:
        if o.failure is not None:
            assert o.failure.code and o.failure.article_id == o.article.id      # typed, with its id
        else:
            _check(o.document)
    assert sum(o.ok for o in outcomes) >= len(items) - 3


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400)
words = st.lists(st.sampled_from(PLACES + ["said", "killed", "\"", "on Monday", "\n", "RUSSIA", "rebels", "."]),
                 min_size=1, max_size=60).map(" ".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(texts, words))
def test_any_text_gives_a_document_or_a_typed_failure(text):
    out = sitrep.default_pipeline().run(Article(text=text, id="x", published="2024-12-04"))
    if out.failure is not None:
        assert out.failure.code
    else:
        _check(out.document)


def _accounted(counts: dict) -> None:
    """No id lost, no crash, every id a document or a typed failure."""
    assert counts["lost"] == 0 and counts["crashed"] is None, counts
    assert counts["read"] == counts["documents"] + sum(counts["failures"].values()), counts


def test_run_corpus_counts_every_id(alarm):
    from sitrep.pipeline import Pipeline
    from sitrep.stages.base import Stage
    from sitrep.stages.nlp import NlpStage

    class HangsOnCaptions(Stage):
        name = "hangs"
        needs = ("doc",)

        def process(self, state):
            if state.text.startswith("Photo:"):
                while True:
                    pass

    # the first eight fixed cases: short headlines, the caption, bullets, a table, ALL-CAPS wire copy
    counts = run_corpus(8, pipeline=Pipeline([NlpStage(), HangsOnCaptions()]), article_timeout=2)
    _accounted(counts)
    assert counts["read"] == 8 and counts["over_budget"] == 1 == counts["failures"]["E202"]
    assert counts["documents"] == counts["read"] - 1 and counts["workers_lost"] == 0


@pytest.mark.long
def test_ten_thousand_hostile_articles_no_hang_no_crash_no_lost_id():
    counts = run_corpus(10_000)
    _accounted(counts)
    assert counts["over_budget"] == 0 and counts["workers_lost"] == 0, counts
