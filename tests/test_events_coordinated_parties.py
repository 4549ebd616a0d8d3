"""Parties named by coordinated modifiers of one noun ("attacked Iraqi and US forces"), and acts the
coordinated parties do together ("the French and German navies are working together"), and a count of a
plural pronoun ("killed five of them"): issue #14, wrong target.

Sentences are written for these tests (wire style, not taken from the news set)."""

from __future__ import annotations

import sitrep
from events_support import pairs, run


def test_each_coordinated_modifier_of_the_target_names_a_target():
    text = "Gunmen ambushed Iraqi and American troops near the Syrian border on Monday, officials said."
    st = run(text, ("Gunmen", "GUNMEN"), ("Iraqi", "IRQ"), ("American troops", "USA_MIL"))
    assert pairs(st, "ASSAULT") == {("GUNMEN", "IRQ"), ("GUNMEN", "USA_MIL")}


def test_a_lone_modifier_adds_no_party():
    text = "Gunmen ambushed American troops near the Syrian border on Monday, officials said."
    st = run(text, ("Gunmen", "GUNMEN"), ("American troops", "USA_MIL"))
    assert pairs(st, "ASSAULT") == {("GUNMEN", "USA_MIL")}


def test_parties_working_together_are_source_and_targets_of_one_another():
    text = "The French, Italian and German navies are working together to track the tanker, the ministry said."
    st = run(text, ("French", "FRA"), ("Italian", "ITA"), ("German navies", "DEU_NAVY"))
    assert pairs(st, "COOPERATE") == {("FRA", "ITA"), ("FRA", "DEU_NAVY")}


def test_working_together_against_a_third_party_is_no_joint_cooperation():
    text = "Rebel groups and tribal militias jointly attacked an army post in the north on Sunday."
    st = run(text, ("Rebel groups", "REBELS"), ("tribal militias", "MILITIAS"), ("army", "ARMY"))
    assert ("REBELS", "MILITIAS") not in pairs(st, "ASSAULT")



def _extracted(text: str, etype: str) -> list:
    doc = sitrep.extract(text, published="2024-05-06")
    return [(e.source.text if e.source else None, e.target.text if e.target else None)
            for e in doc.events if e.type == etype]


def test_a_count_of_them_is_the_party_the_pronoun_stands_for():
    assert ("Soldiers", "Rebels") in _extracted(
        "Rebels attacked the garrison on Monday. Soldiers killed five of them, the army said.", "ASSAULT")


def test_a_count_of_them_never_stands_for_its_own_verbs_subject():
    events = _extracted("Gunmen raided the village at dawn. Troops later captured three of them near the river.",
                        "COERCE") + _extracted(
        "Gunmen raided the village at dawn. Troops later captured three of them near the river.", "ASSAULT")
    assert all(t != "Troops" for _, t in events)


def test_a_patrol_named_by_its_force_is_that_force_as_a_target():
    assert ("Gunmen", "police patrol") in _extracted(
        "Gunmen opened fire on a police patrol outside the town on Sunday, a local official said.", "ASSAULT")


def test_a_patrol_passing_by_is_a_party_not_an_act_of_patrolling():
    assert _extracted("The bomb went off as a police patrol passed by the market on Friday.", "MOBILIZE") == []


def test_patrols_stepped_up_stay_a_show_of_force():
    assert ("army", None) in _extracted("The army stepped up patrols along the northern border on Monday.",
                                        "MOBILIZE")
