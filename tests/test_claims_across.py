"""Contradictions across articles compare one incident (issue #14, pattern 9): a count no actor owns
belongs to the place of its incident, matched across articles by the place's key; the reason names the
place and the date."""

from __future__ import annotations

import pytest

from sitrep.contract import ActorRef, ArticleMeta, Claim, Document, Place
from sitrep.store import Store


def report(aid, outlet, published, sentence, number, value, *, place="Lomvar", geonameid=7, date="2024-06-02",
           prop="dead", stated=True):
    """One wire report of a toll at ``place``, its subject the place (no actor owns the dead)."""
    text = f"{place.upper()}, June 3 ({outlet}) - {sentence}\n"
    i = text.index(number)
    pid = f"geo:{geonameid}"
    return Document(
        article=ArticleMeta(id=aid, title=sentence[:40], source=outlet, published=published), text=text,
        places=[Place(id=pid, name=place, geonameid=geonameid, lat=10.0, lon=20.0, country_code="LV", feature="city")],
        claims=[Claim(id="C1", subject=ActorRef(actor_id=pid, text=place), property=prop, value=value, unit="persons",
                      place=pid if stated else None, date=date, start=i, end=i + len(number), text=number)])


def across(tmp_path, *docs):
    with Store(tmp_path / "x.duckdb") as s:
        s.add_documents(list(docs))
        return [x for x in s.contradictions() if x["scope"] == "across"]


def test_two_outlets_on_one_incident_contradict_and_say_which(tmp_path):
    a = report("a", "North Wire", "2024-06-03", "Two people were killed in Lomvar on Sunday.", "Two people", 2)
    b = report("b", "Coast Press", "2024-06-03", "Nine people were killed in Lomvar on Sunday.", "Nine people", 9)
    [x] = across(tmp_path, a, b)
    assert "Lomvar" in x["reason"] and "2024-06-02" in x["reason"] and "one incident" in x["reason"]


@pytest.mark.parametrize("change", [
    {"place": "Dunmore", "geonameid": 8},     # another town
    {"date": "2024-05-20"},                   # another day
    {"stated": False},                        # a place only from context: no incident to match
])
def test_another_place_or_day_or_an_unplaced_toll_is_another_incident(tmp_path, change):
    a = report("a", "North Wire", "2024-06-03", "Two people were killed in Lomvar on Sunday.", "Two people", 2)
    b = report("b", "Coast Press", "2024-06-03", "Nine people were killed in Lomvar on Sunday.", "Nine people", 9,
               **change)
    assert across(tmp_path, a, b) == []


def test_different_people_counted_are_not_one_figure(tmp_path):
    a = report("a", "North Wire", "2024-06-03", "Forty people were killed in Lomvar on Sunday.", "Forty people", 40)
    b = report("b", "Coast Press", "2024-06-03", "Nine children were killed in Lomvar on Sunday.", "Nine children", 9)
    assert across(tmp_path, a, b) == []
