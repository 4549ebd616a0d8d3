"""The lgl suite on a small toponym file in the LGL/GeoWebNews XML format written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.contract import ArticleMeta, Document, Place, Span
from sitrep.errors import EvalDataError
from sitrep.evaluation.lgl import lgl_half, load_gold, score_lgl
from sitrep.core.text import haversine_km

DATA = Path(__file__).parent / "data" / "eval" / "lgl" / "toponyms.xml"


def m(text, phrase):
    s = text.index(phrase)
    return Span(text=phrase, start=s, end=s + len(phrase))


def place(i, text, phrase, lat, lon):
    return Place(id=i, name=phrase.split()[-1], lat=lat, lon=lon, mentions=[m(text, phrase)])


@pytest.fixture(scope="module")
def gold():
    return load_gold(DATA)


def hand_docs(gold):
    t1, t2 = gold[0].text, gold[1].text
    d1 = Document(article=ArticleMeta(id="1"), text=t1, places=[
        place("p1", t1, "Mandera", 3.93, 41.85),        # right
        place("p2", t1, "Garissa", 0.45, 39.65),        # 0.9 degrees north: ~100 km, still within 161
        place("p3", t1, "Nairobi", None, None),         # found, no coordinates
        place("p4", t1, "roads", 10.0, 10.0),           # not a toponym
    ])
    d2 = Document(article=ArticleMeta(id="2"), text=t2, places=[
        place("p5", t2, "mayor of Paris", 33.66, -95.55),  # overlaps "Paris"; Paris, Texas
    ])
    return [d1, d2]


def test_reader(gold):
    assert [g.id for g in gold] == ["1", "2"]                # the empty article is skipped
    t2 = gold[1]
    assert t2.text.startswith("The mayor")                   # leading newline normalised away ...
    paris, lyon = t2.toponyms
    assert t2.text[paris.start:paris.end] == "Paris"         # ... and the offsets follow
    assert paris.geonameid == 2988507 and paris.lat == pytest.approx(48.8534)
    assert lyon.lat is None and t2.text[lyon.start:lyon.end] == "Lyon"
    assert load_gold(DATA, limit=1)[0].id == "1"
    assert len(load_gold(DATA.parent)) == 2                  # a folder works too


def test_hand_checked_scores(gold):
    r = score_lgl(gold, hand_docs(gold))
    f = {x.name: x for x in r.metrics}
    assert (f["toponym precision"].numerator, f["toponym precision"].denominator) == (4, 5)
    assert (f["toponym recall"].numerator, f["toponym recall"].denominator) == (4, 5)   # Lyon missed
    assert f["toponym F1"].value == pytest.approx(0.8)
    assert (f["accuracy@161km"].numerator, f["accuracy@161km"].denominator) == (2, 4)
    d_man = haversine_km(3.94, 41.86, 3.93, 41.85)
    d_gar = haversine_km(-0.45, 39.65, 0.45, 39.65)
    d_par = haversine_km(48.8534, 2.3488, 33.66, -95.55)
    assert 99 < d_gar < 101 and d_par > 7000
    assert f["mean error km"].value == pytest.approx((d_man + d_gar + d_par) / 3)
    assert f["median error km"].value == pytest.approx(d_gar)
    assert f["toponyms without output coordinates"].value == 1


def test_nothing_predicted(gold):
    r = score_lgl(gold, [None, None])
    assert r.metric("toponym recall").value == 0.0
    assert r.metric("accuracy@161km").value is None
    assert r.metric("mean error km").value is None


def test_bad_xml(tmp_path):
    (tmp_path / "x.xml").write_text("<articles><article>")
    with pytest.raises(EvalDataError):
        load_gold(tmp_path / "x.xml")
    with pytest.raises(EvalDataError):
        load_gold(tmp_path / "nothing_here")


def test_suite_runs_the_places_stage_as_a_geoparser():
    # LGL counts demonyms as toponyms: the suite's own pipeline turns them on, the default does not
    from sitrep.evaluation.lgl import GEOPARSER_CONFIG
    from sitrep.pipeline import Pipeline

    geo = Pipeline(stage_config=GEOPARSER_CONFIG)
    assert next(s for s in geo.stages if s.name == "places").demonyms is True
    assert next(s for s in Pipeline().stages if s.name == "places").demonyms is False


def test_halves_alternate_articles(gold):
    """dev-a holds the even positions, dev-b the odd ones; dev and all hold every article."""
    assert [g.id for g in lgl_half(gold, "dev-a")] == ["1"]
    assert [g.id for g in lgl_half(gold, "dev-b")] == ["2"]
    assert lgl_half(gold, "dev") == gold and lgl_half(gold, "all") == gold
    with pytest.raises(EvalDataError):
        lgl_half(gold, "held")
