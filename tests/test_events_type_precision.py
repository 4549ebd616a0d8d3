"""Type precision on real news (issue #14: event type P): readings that code no act of their own, or
not the act their words suggest.

- A weapon named outside a "with" phrase ("sharing information *on* the missile with ...") does not
  make a cooperative act an armed operation.

Sentences are written for these tests (wire style, not taken from the news set). Actor mentions are
built by hand so that the tests check the events stage alone."""

from __future__ import annotations

from events_support import pairs, run


def test_a_weapon_talked_about_does_not_arm_a_cooperation():
    text = "The Japanese navy is closely sharing information on Pyongyang's latest missile with Seoul and Canberra."
    st = run(text, ("Japanese navy", "JPN_NAVY"), ("Pyongyang", "PRK"), ("Seoul", "KOR"))
    assert not pairs(st, "ASSAULT")
    assert pairs(st, "COOPERATE")


def test_an_operation_with_missiles_is_still_an_attack():
    text = "The Houthis said they carried out a joint military operation with a large number of missiles and drones."
    st = run(text, ("Houthis", "HOUTHIS"))
    assert pairs(st, "ASSAULT") == {("HOUTHIS", None)}
    assert not pairs(st, "COOPERATE")


def test_a_relation_told_in_a_passive_relative_clause_is_no_event():
    text = "The Eastern Army, which is backed by Norlandia and Estavia, shelled the port of Kallos on Monday."
    st = run(text, ("Eastern Army", "EA"), ("Norlandia", "NOR"), ("Estavia", "EST"))
    assert not pairs(st, "AID") and not pairs(st, "SUPPORT")
    assert any(s == "EA" for s, _ in pairs(st, "ASSAULT"))


def test_support_given_at_a_time_in_a_relative_clause_stays_an_act():
    text = "The motion, which was backed by Norlandia on Tuesday, passed the council."
    st = run(text, ("Norlandia", "NOR"))
    assert any(s == "NOR" for s, _ in pairs(st, "SUPPORT") | pairs(st, "AID"))


def test_a_warning_that_states_a_fact_is_no_threat():
    text = "The Red Crescent warned that the militias in the capital have become a grave danger to aid workers."
    st = run(text, ("Red Crescent", "RC"), ("militias", "MIL"))
    assert not pairs(st, "THREATEN")


def test_a_warning_of_what_the_warner_would_do_is_a_threat():
    text = "The Norlandian army warned that it would strike the rebels' bases."
    st = run(text, ("Norlandian army", "NOR_MIL"), ("rebels", "REB"))
    assert any(s == "NOR_MIL" for s, _ in pairs(st, "THREATEN"))


def test_a_present_passive_state_is_no_act():
    text = "Independent reporting is impossible because access to the northern province is restricted."
    st = run(text)
    assert not st.events


def test_a_past_agentless_passive_is_still_an_act():
    text = "Dozens of houses were destroyed in the northern province on Sunday."
    st = run(text)
    assert pairs(st, "ASSAULT")


def test_an_act_put_on_its_doer_with_no_accuser_is_no_accusation():
    text = "The ambush came in a province where violence blamed on the cartels has risen sharply this year."
    st = run(text, ("cartels", "CARTELS"))
    assert not pairs(st, "ACCUSE")


def test_an_act_put_on_its_doer_by_a_speaker_is_their_accusation():
    text = "Nine people were killed late Friday in an attack on a village blamed on the Northern Front, police sources said."
    st = run(text, ("Northern Front", "NF"), ("police sources", "POLICE_SRC"))
    assert ("POLICE_SRC", "NF") in pairs(st, "ACCUSE")
