"""Parties named by coordinated modifiers of one noun ("attacked Iraqi and US forces"), and acts the
coordinated parties do together ("the French and German navies are working together"): issue #14, wrong
target.

Sentences are written for these tests (wire style, not taken from the news set)."""

from __future__ import annotations

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
