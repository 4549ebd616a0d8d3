"""Where an attack happens is not always what it is done to (``locative_preps``, ``point_act_types``,
``locative_target_features`` in ``argument_cues.yaml``), and a party named only by a demonym or a name in
front of the thing an act is done to is referred to by the whole phrase (``owner_hows``)."""

from __future__ import annotations

from sitrep.article import ArticleState
from sitrep.stages.events import EventsStage

from events_support import pairs, run_with_places

STAGE = EventsStage()


def _run(text: str, marks: list, places: dict[str, str], hows: dict[str, str] | None = None) -> ArticleState:
    """The events of ``text`` with the actor mentions ``marks`` (their ``how`` from ``hows``) and the places
    ``places`` (phrase -> feature)."""
    return run_with_places(STAGE, text, marks, places, hows)


def _targets(st: ArticleState, etype: str) -> list:
    return [e.target for e in st.events if e.type == etype and e.target is not None]


def test_an_attack_in_a_region_is_located_there_not_done_to_it():
    st = _run("Government troops attacked in the Kordofan region on Monday, killing six people, officials said.",
              [("Government troops", "ARMY")], {"Kordofan region": "region"})
    assert ("ARMY", "pl_kordofan_region") not in pairs(st, "ASSAULT")


def test_an_attack_located_only_in_a_region_stands_with_no_party():
    st = _run("An attack in the Kordofan region on Monday was foiled, officials said.", [],
              {"Kordofan region": "region"})
    assert pairs(st, "ASSAULT") == {(None, None)}


def test_an_attack_in_a_town_is_done_to_the_town():
    st = _run("Government troops attacked in Kadugli on Monday, killing six people, officials said.",
              [("Government troops", "ARMY")], {"Kadugli": "city"})
    assert ("ARMY", "pl_kadugli") in pairs(st, "ASSAULT")


def test_a_place_named_by_the_object_of_an_attack_stays_its_target():
    st = _run("Rebel fighters shelled a village in the Kordofan region on Monday, residents said.",
              [("Rebel fighters", "REBELS")], {"Kordofan region": "region"})
    assert ("REBELS", "pl_kordofan_region") in pairs(st, "ASSAULT")


def test_a_measure_over_a_region_is_done_to_the_region():
    st = _run("The army imposed a curfew in the Kordofan region on Monday.",
              [("The army", "ARMY")], {"Kordofan region": "region"})
    assert ("ARMY", "pl_kordofan_region") in pairs(st, "COERCE")


def test_a_thing_owned_by_a_demonym_is_referred_to_by_its_whole_phrase():
    st = _run("Rebel fighters fired two missiles at a Norwegian tanker on Tuesday, the coast guard said.",
              [("Rebel fighters", "REBELS"), ("Norwegian", "NOR")], {}, hows={"Norwegian": "demonym"})
    [target] = _targets(st, "ASSAULT")
    assert target.actor_id == "NOR"
    assert target.text == "a Norwegian tanker"


def test_an_owner_named_in_front_of_the_thing_attacked_keeps_it_party():
    st = _run("Drones struck Zenith Oil's largest refinery overnight, the company said.",
              [("Zenith Oil", "ZENITH")], {})
    [target] = _targets(st, "ASSAULT")
    assert target.actor_id == "ZENITH"
    assert target.text == "Zenith Oil's largest refinery"


def test_a_party_named_in_full_is_referred_to_as_it_is():
    st = _run("Rebel fighters attacked Norwegian troops near the border on Tuesday.",
              [("Rebel fighters", "REBELS"), ("Norwegian troops", "NOR_MIL")], {})
    [target] = _targets(st, "ASSAULT")
    assert target.text == "Norwegian troops"


def test_an_attack_on_something_no_party_owns_is_done_to_the_side_its_source_fights():
    from events_support import run
    st = run("The Northern Army attacked Valdoria on Monday. On Tuesday the Northern Army shelled residential "
             "areas near the border, officials said.",
             ("Northern Army", "NORTH", 0), ("Valdoria", "VAL"), ("Northern Army", "NORTH", 1),
             kinds={"NORTH": "armed_group", "VAL": "state"})
    assert pairs(st, "ASSAULT") == {("NORTH", "VAL")}


def test_an_attack_naming_nothing_it_hits_takes_no_side_from_the_context():
    from events_support import events, run
    st = run("The Northern Army attacked Valdoria on Monday. The Northern Army has carried out several "
             "offensives this year, officials said.",
             ("Northern Army", "NORTH", 0), ("Valdoria", "VAL"), ("Northern Army", "NORTH", 1),
             kinds={"NORTH": "armed_group", "VAL": "state"})
    assert ("offensives", "NORTH", None) in [(t.split()[-1], s, g) for t, s, g in events(st, "ASSAULT")]


def test_the_people_an_earlier_attack_hit_are_no_side():
    from events_support import run
    st = run("The Northern Army attacked the villagers on Monday. On Tuesday the Northern Army shelled "
             "residential areas near the border.",
             ("Northern Army", "NORTH", 0), ("villagers", "VILLAGERS"), ("Northern Army", "NORTH", 1),
             kinds={"NORTH": "armed_group", "VILLAGERS": "group"})
    assert ("NORTH", None) in pairs(st, "ASSAULT")


def test_a_request_named_after_its_owner_still_names_the_owner_alone():
    st = _run("The government rejected a Norwegian request for talks on Tuesday.",
              [("The government", "GOV"), ("Norwegian", "NOR")], {}, hows={"Norwegian": "demonym"})
    assert [t.text for t in _targets(st, "REJECT")] == ["Norwegian"]
