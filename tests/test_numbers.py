"""numbers.py: numbers in digits and words, hedges, ranges, currencies, units; never crashes."""

import math

import pytest
from hypothesis import given, settings, strategies as st

from sitrep.lang.numbers import find_quantities, hedge_of, lexicon, parse_number, parse_quantity


def test_lexicon_loads_and_validates():
    lex = lexicon()
    assert lex.hedges["about"]["kind"] == "around"
    assert "troops" in lex.raw["properties"]
    assert lex.exact_tolerance < lex.approx_tolerance


@pytest.mark.parametrize("text,value", [
    ("1,000", 1000), ("900", 900), ("3.5 million", 3_500_000), ("two dozen", 24), ("twenty-five", 25),
    ("a hundred", 100), ("half a million", 500_000), ("one hundred and twenty", 120),
    ("1,000.000", 1000), ("12", 12), ("2bn", None), ("troops", None), ("", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_money_scales_only_with_money():
    assert parse_number("2bn", money=True) == 2e9
    assert parse_number("5m", money=True) == 5e6


@pytest.mark.parametrize("text,expected", [
    ("a force of about 1,000 troops", ("about 1,000", 1000, None, "about")),
    ("kept around 900 soldiers", ("around 900", 900, None, "around")),
    ("nearly two dozen fighters", ("nearly two dozen", 24, None, "nearly")),
    ("some 3.5 million refugees", ("some 3.5 million", 3_500_000, None, "some")),
    ("10-15 people", ("10-15", 10, 15, None)),
    ("between 10 and 15 people", ("between 10 and 15", 10, 15, None)),
    ("up to 40 rockets", ("up to 40", 40, None, "up to")),
    ("more than 300 civilians", ("more than 300", 300, None, "more than")),
])
def test_find_quantities(text, expected):
    q = parse_quantity(text)
    assert q is not None
    assert (q.text, q.value, q.value_max, q.hedge) == expected
    assert text[q.start:q.end] == q.text
    assert q.approx == (q.hedge is not None)


def test_currency_and_scale():
    q = parse_quantity("Washington pledged $2bn in military aid")
    assert (q.text, q.value, q.currency) == ("$2bn", 2e9, "USD")
    q = parse_quantity("a package worth 1.5 billion euros")
    assert q.currency == "EUR" and q.value == 1.5e9 and q.text == "1.5 billion euros"
    q = parse_quantity("from 3 to 5 million dollars")
    assert (q.value, q.value_max, q.currency) == (3e6, 5e6, "USD")


def test_units_are_normalised():
    q = parse_quantity("troops pushed 30 km south")
    assert (q.value, q.unit, q.unit_property) == (30, "km", "distance")
    q = parse_quantity("an area of 5,000 square kilometres")
    assert (q.value, q.unit, q.unit_property) == (5000, "km2", "area")
    q = parse_quantity("500m from the border")
    assert q.unit == "km" and math.isclose(q.value, 0.5)
    assert parse_quantity("up 50% on the year").unit == "%"


def test_vague_plurals_are_approximate():
    q = parse_quantity("hundreds of thousands of people fled")
    assert q.vague and q.approx and q.value == 200_000


def test_garbage_numbers():
    assert [q.text for q in find_quantities("1,000.000 troops")] == ["1,000.000"]
    assert find_quantities("1,00 troops") == []
    assert find_quantities("version 1.2.3 shipped") == []
    assert find_quantities("an A320 landed") == []


def test_reversed_range_is_not_a_range():
    q = parse_quantity("in 1990-91 fighting")
    assert q.value_max is None and q.text == "1990"


def test_hedge_of():
    assert hedge_of("about 1,000 troops") == "about"
    assert hedge_of("more  than 5 tanks") == "more than"
    assert hedge_of("1,000 troops") is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.- $€%kmbnabouttwoandbetween ")), max_size=60))
def test_find_quantities_never_crashes_and_slices_text(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert math.isfinite(q.value)
        assert q.value_max is None or q.value_max >= q.value
        assert q.text.strip()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_parse_number_never_crashes(text):
    v = parse_number(text)
    assert v is None or math.isfinite(v)
    for q in find_quantities(text, offset=7):
        assert text[q.start - 7:q.end - 7] == q.text
