"""The claims stage's and the contradiction rule's parts one by one, on hand-built input (no parse):
the vocabulary, the property of a measured quantity, the country in context, hedged intervals, and the
quantities lexicon given through a pipeline's resources."""

from __future__ import annotations

import dataclasses
import math

import pytest

from sitrep.article import Article, ArticleState, PlaceMention
from sitrep.lang.conflicts import hedged_interval, interval
from sitrep.contract import ActorRef, Claim, Place
from sitrep.errors import ConfigError
from sitrep.lang.numbers import Quantity, _parse_digits, _validate, read_lexicon
from sitrep.stages.claims import ClaimReader, ClaimsConfig, ClaimsStage, build_vocabulary
from sitrep.stages.claims.circumstances import country_in_context
from sitrep.stages.claims.counted import count_property
from sitrep.stages.contradictions import ContradictionsStage
from sitrep.stages.resources import Resources

LEX = read_lexicon()
VOC = build_vocabulary(LEX)


def test_the_vocabulary_has_the_words_around_a_count():
    assert "on" in VOC.place_preps and "since" in VOC.temporal_marks and "this" in VOC.deictic_determiners
    assert VOC.locative.search("troops deployed in the ")
    assert not VOC.locative.search("the US said ")


def test_a_unit_says_what_is_measured():
    q = Quantity(text="30 km", start=0, end=5, value=30, unit="km", unit_property="distance")
    assert count_property(q, None, None, VOC) == ("distance", "km")


def test_no_noun_no_property():
    q = Quantity(text="30", start=0, end=2, value=30)
    assert count_property(q, None, None, VOC) == (None, None)


def _reader(text, places, mentions, **config):
    state = ArticleState(article=Article(text=text))
    state.places = [Place(id=pid, name=name, feature=feature) for pid, name, feature in places]
    state.place_mentions = sorted(
        (PlaceMention(start=text.index(s), end=text.index(s) + len(s), place_id=pid, text=s) for s, pid in mentions),
        key=lambda p: p.start)
    return ClaimReader(state, VOC, ClaimsConfig(**config), {p.id: p for p in state.places})


def test_the_country_in_context_is_the_last_one_spoken_of_as_a_place():
    text = "Fighting flared in Ukraine. Russia and Germany talked. Troops remain in the country."
    r = _reader(text, [("p_ukr", "Ukraine", "country"), ("p_deu", "Germany", "country")],
                [("Ukraine", "p_ukr"), ("Germany", "p_deu")])
    assert country_in_context(r, text.index("the country")) == "p_ukr"
    # without the locative look-back, the last country named wins
    r = _reader(text, [("p_ukr", "Ukraine", "country"), ("p_deu", "Germany", "country")],
                [("Ukraine", "p_ukr"), ("Germany", "p_deu")], locative_lookback=0)
    assert country_in_context(r, text.index("the country")) == "p_deu"


def test_parse_digits_with_a_money_only_scale():
    assert _parse_digits("2", "bn", True, LEX) == 2e9
    assert _parse_digits("2", "bn", False, LEX) is None
    assert _parse_digits("1,000", "", False, LEX) == 1000


@pytest.mark.parametrize("kind,tol,expected", [
    ("around", 0.05, (950.0, 1050.0)), ("below", 0.1, (900.0, 1000.0)), ("above", 0.1, (1000.0, 1100.0)),
    ("at_least", 0.0, (1000.0, math.inf)), ("at_most", 0.0, (0.0, 1000.0)), ("unknown", 0.0, None),
])
def test_hedged_interval(kind, tol, expected):
    got = hedged_interval(1000.0, 1000.0, kind, tol)
    assert got == (pytest.approx(expected) if expected else None)


def _claim(text, value):
    return Claim(id="C1", subject=ActorRef(actor_id="A", text="A"), property="dead", value=value,
                 approx=True, start=0, end=len(text), text=text)


def test_the_range_of_a_vague_plural_comes_from_the_data():
    c = _claim("hundreds", 200)
    assert interval(c, LEX) == (100.0, 1000.0)
    wide = dataclasses.replace(LEX, vague_range=(0.1, 10.0))
    assert interval(c, wide) == pytest.approx((20.0, 2000.0))


def test_a_broken_quantities_file_names_the_field():
    data = dict(LEX.raw)
    data["hedges"] = {"about": {"kind": "around"}}
    with pytest.raises(ConfigError, match=r"quantities\.yaml: hedges\.about"):
        _validate(data)


def test_the_contradictions_stage_reads_the_pipelines_quantities():
    state = ArticleState(article=Article(text="hundreds ... 800"))
    state.claims = [_claim("hundreds", 200), _claim("800", 800).model_copy(update={"id": "C2", "approx": False})]
    ContradictionsStage().run_alone(state)
    assert state.contradictions == []           # "hundreds" is 100..1,000
    narrow = dataclasses.replace(LEX, vague_range=(0.5, 2.0))
    ContradictionsStage().use_resources(Resources(quantities=narrow))(state)
    assert [c.claims for c in state.contradictions] == [["C1", "C2"]]  # now 100..400


def test_claims_settings_and_contract():
    assert ClaimsStage(owner_climb_limit=3).config.owner_climb_limit == 3
    assert set(ClaimsStage.needs) >= {"article", "doc", "actors", "mentions", "places", "place_mentions", "dates"}
    assert set(ContradictionsStage.needs) == {"claims", "places"}
