"""A bare definite place noun as an act's target ("shelled *the city*", "attacks on *the town*"): the last
place of a kind its noun allows named shortly before (``place_descriptions`` in ``event_triggers.yaml``)."""

from __future__ import annotations

from sitrep.article import ArticleState
from sitrep.stages.events import EventsStage

from events_support import pairs, run_with_places

STAGE = EventsStage()


def _run(text: str, marks: list[tuple[str, str]], places: dict[str, str]) -> ArticleState:
    """The events of ``text`` with the actor mentions ``marks`` and the places ``places`` (phrase ->
    feature)."""
    return run_with_places(STAGE, text, marks, places)


def test_the_town_is_the_last_town_named():
    st = _run("Army units entered Kharkiv on Friday. The soldiers later shelled the town, killing four people.",
              [("Army units", "ARMY"), ("The soldiers", "ARMY")], {"Kharkiv": "city"})
    assert ("ARMY", "pl_kharkiv") in pairs(st, "ASSAULT")


def test_fire_on_the_city_lands_on_the_last_city_named():
    st = _run("Fighters of the Ridge Front have besieged Maiduguri since May. On Sunday the Ridge Front "
              "launched rocket attacks on the city, residents said.",
              [("Ridge Front", "RIDGE", 0), ("Ridge Front", "RIDGE", 1)], {"Maiduguri": "city"})
    assert ("RIDGE", "pl_maiduguri") in pairs(st, "ASSAULT")


def test_the_city_never_goes_to_a_region_or_too_far_back():
    st = _run("Army units entered Donetsk province on Friday. The soldiers later shelled the city.",
              [("Army units", "ARMY"), ("The soldiers", "ARMY")], {"Donetsk province": "region"})
    assert ("ARMY", "pl_donetsk_province") not in pairs(st, "ASSAULT")
    st = _run("Army units entered Kharkiv on Friday. Talks stalled. Aid was delayed. Prices rose. Schools shut. "
              "The soldiers later shelled the town.",
              [("Army units", "ARMY"), ("The soldiers", "ARMY")], {"Kharkiv": "city"})
    assert ("ARMY", "pl_kharkiv") not in pairs(st, "ASSAULT")


def test_a_town_named_in_its_own_phrase_is_that_town():
    st = _run("Army units entered Kharkiv on Friday. The soldiers later shelled the town of Izium.",
              [("Army units", "ARMY"), ("The soldiers", "ARMY")], {"Kharkiv": "city", "Izium": "city"})
    assert ("ARMY", "pl_izium") in pairs(st, "ASSAULT")
    assert ("ARMY", "pl_kharkiv") not in pairs(st, "ASSAULT")
