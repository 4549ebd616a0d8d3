"""The contradiction rule (sitrep.lang.conflicts), tested both ways."""

import pytest

from sitrep.lang.conflicts import contradicts, dates_compatible, find_contradictions, interval
from sitrep.contract import ActorRef, Claim


def claim(text, value, *, id="c", subject="USA", prop="troops", place="SYR", approx=None, value_max=None,
          date=None, unit="persons"):
    from sitrep.lang.numbers import hedge_of
    return Claim(id=id, subject=ActorRef(actor_id=subject, text=subject), property=prop, value=value,
                 value_max=value_max, unit=unit, approx=(hedge_of(text) is not None) if approx is None else approx,
                 place=place, date=date, start=0, end=len(text), text=text)


@pytest.mark.parametrize("a,va,b,vb", [
    ("about 1,000 troops", 1000, "around 900 troops", 900),
    ("1,000 troops", 1000, "900 troops", 900),
    ("more than 2,000 troops", 2000, "about 1,500 troops", 1500),
    ("up to 500 troops", 500, "nearly 800 troops", 800),
    ("about 1,000 troops", 1000, "1,200 troops", 1200),
])
def test_disagreeing_values_contradict(a, va, b, vb):
    ca, cb = claim(a, va, id="a"), claim(b, vb, id="b")
    reason = contradicts(ca, cb)
    assert reason and a in reason and b in reason
    assert contradicts(cb, ca)  # symmetric


@pytest.mark.parametrize("a,va,b,vb", [
    ("about 1,000 troops", 1000, "nearly 1,000 troops", 1000),
    ("about 1,000 troops", 1000, "around 1,040 troops", 1040),
    ("more than 900 troops", 900, "about 1,000 troops", 1000),
    ("up to 1,000 troops", 1000, "around 900 troops", 900),
    ("1,000 troops", 1000, "1,000 troops", 1000),
    ("hundreds of troops", 200, "about 500 troops", 500),
])
def test_values_within_hedges_agree(a, va, b, vb):
    assert contradicts(claim(a, va, id="a"), claim(b, vb, id="b")) is None


def test_ranges_overlap_or_not():
    r = claim("10-15 troops", 10, value_max=15, id="a")
    assert contradicts(r, claim("12 troops", 12, id="b")) is None
    assert contradicts(r, claim("40 troops", 40, id="b"))


def test_different_subject_property_place_unit_or_date_never_contradict():
    base = claim("about 1,000 troops", 1000, id="a")
    assert contradicts(base, claim("around 900 troops", 900, id="b", subject="RUS")) is None
    assert contradicts(base, claim("around 900 dead", 900, id="b", prop="dead")) is None
    assert contradicts(base, claim("around 900 troops", 900, id="b", place="IRQ")) is None
    assert contradicts(base, claim("around 900 troops", 900, id="b", unit="tank")) is None
    dated = claim("about 1,000 troops", 1000, id="a", date="2023-05")
    assert contradicts(dated, claim("around 900 troops", 900, id="b", date="2024")) is None
    assert contradicts(dated, claim("around 900 troops", 900, id="b", date="2023")) is not None


def test_identity_keys_override_ids_across_articles():
    a = claim("about 1,000 troops", 1000, id="a", subject="a1:usa", place="a1:p1")
    b = claim("around 900 troops", 900, id="b", subject="a2:us", place="a2:p3")
    assert contradicts(a, b) is None
    assert contradicts(a, b, subject_a="Q30", subject_b="Q30", place_a="Q858", place_b="Q858")


def test_interval_and_dates():
    assert interval(claim("about 1,000 troops", 1000)) == pytest.approx((950, 1050))
    assert interval(claim("nearly 1,000 troops", 1000)) == pytest.approx((900, 1000))
    assert interval(claim("at least 5 troops", 5))[1] == float("inf")
    assert dates_compatible("2024", "2024-12-01") and not dates_compatible("2024-11", "2024-12")
    assert dates_compatible(None, "2020")


def test_find_contradictions_pairs_once():
    cs = [claim("about 1,000 troops", 1000, id="c1"), claim("around 900 troops", 900, id="c2"),
          claim("nearly 1,000 troops", 1000, id="c3")]
    pairs = [(a.id, b.id) for a, b, _ in find_contradictions(cs)]
    assert pairs == [("c1", "c2")] or set(pairs) == {("c1", "c2")}


def test_reason_names_the_place():
    a, b = claim("about 1,000 troops", 1000, id="a"), claim("around 900 troops", 900, id="b")
    assert "in Syria" in contradicts(a, b, place_label="Syria")
    [(_, _, reason)] = find_contradictions([a, b], {"SYR": "Syria"})
    assert "in Syria" in reason
