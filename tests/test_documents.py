"""Every document sitrep writes validates against `sitrep schema` and its offsets slice the text."""

import jsonschema
import pytest

import sitrep
from sitrep.contract import json_schema
from sitrep.examples import example_articles
from sitrep.validate import offset_errors, reference_errors

SCHEMA = json_schema()


@pytest.fixture(scope="module")
def bundled_documents(pipeline):
    outs = list(pipeline.pipe(example_articles()))
    assert all(o.ok for o in outs), [o.failure for o in outs if not o.ok]
    return [o.document for o in outs]


def test_there_are_bundled_examples():
    arts = example_articles()
    assert 10 <= len(arts) <= 15
    assert all(a.published and a.source for a in arts)


def test_bundled_documents_validate_against_schema(bundled_documents):
    for doc in bundled_documents:
        jsonschema.validate(doc.model_dump(mode="json"), SCHEMA)


def test_every_offset_slices_the_text(bundled_documents):
    for doc in bundled_documents:
        assert offset_errors(doc) == [], doc.article.id


def test_every_reference_points_into_the_document(bundled_documents):
    for doc in bundled_documents:
        assert reference_errors(doc) == [], doc.article.id


def test_offset_checker_catches_a_bad_span():
    doc = sitrep.extract("Rebels entered Hama on Thursday after days of fighting.", published="2024-12-06")
    from sitrep.contract import Quote

    bad = doc.model_copy(update={"quotes": [Quote(id="q1", text="Rebels", start=1, end=7)]})
    assert offset_errors(bad) and "q1" in offset_errors(bad)[0]
