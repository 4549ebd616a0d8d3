"""Type precision on real news (issue #14): an act below another act of its type by the same doer -- its
aim in an infinitive, its means in a participle of a means verb -- is one act, not two
(restated.attempted_aims).

Sentences are written for these tests (wire style, not taken from the news set). Actor mentions are
built by hand so that the tests check the events stage alone."""

from __future__ import annotations

from events_support import pairs, run


def _assaults(st) -> int:
    return len([e for e in st.events if e.type == "ASSAULT"])


def test_an_attempted_dispersal_after_tear_gas_is_one_attack():
    text = "Riot police fired tear gas at the marchers and moved to disperse the crowd outside the ministry."
    st = run(text, ("Riot police", "POL"), ("marchers", "MARCH"))
    assert _assaults(st) == 1
    assert ("POL", "MARCH") in pairs(st, "ASSAULT")


def test_a_dispersal_in_a_purpose_infinitive_of_a_means_is_one_attack():
    text = "Riot police used water cannon on the marchers to try to disperse them outside the ministry."
    st = run(text, ("Riot police", "POL"), ("marchers", "MARCH"))
    assert _assaults(st) == 1


def test_a_dispersal_tried_with_no_other_act_is_still_coded():
    text = "Riot police tried to disperse the marchers outside the ministry on Friday."
    st = run(text, ("Riot police", "POL"), ("marchers", "MARCH"))
    assert ("POL", "MARCH") in pairs(st, "ASSAULT")


def test_firing_on_a_village_while_attacking_it_is_one_attack():
    text = "Gunmen attacked the village of Tamba on Sunday, firing on residents as they fled."
    st = run(text, ("Gunmen", "GUNMEN"), ("residents", "RES"))
    assert _assaults(st) == 1


def test_an_attempt_by_another_doer_is_its_own_act():
    text = "Soldiers shelled the rebel positions as the rebels tried to storm the army base near Kallos."
    st = run(text, ("Soldiers", "ARMY"), ("rebels", "REB"), ("army base", "ARMY_BASE"))
    assert any(s == "ARMY" for s, _ in pairs(st, "ASSAULT"))
    assert any(s == "REB" for s, _ in pairs(st, "ASSAULT"))
