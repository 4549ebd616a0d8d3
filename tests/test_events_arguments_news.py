"""Who did what to whom on real news (issue #14): the argument rules read from
``data/argument_cues.yaml`` -- targeting participles, reciprocal and one-party symmetric acts, acts
undergone by a subject, doers named by a blame, a claim or "was behind", instruments named by an agent
word, victims of a "when" clause, crowds, titled persons, "against" under a by-agent, taking from.

Sentences are written for these tests (wire style, not taken from the news set). Actor mentions are
built by hand so that the tests check the events stage alone."""

from __future__ import annotations

import pytest

from sitrep.core.errors import ConfigError
from sitrep.stages.events.argument_cues import argument_cues, parse_argument_cues
from sitrep.core.datafiles import load_data

from events_support import pairs, run


# -- targets -----------------------------------------------------------------------------------------------

def test_a_targeting_participle_gives_the_target_of_the_act_it_modifies():
    text = "The army launched an offensive on Monday, with airstrikes and shelling targeting rebel fighters."
    st = run(text, ("army", "ARMY"), ("rebel fighters", "REB"))
    assert ("ARMY", "REB") in pairs(st, "ASSAULT")


def test_an_act_noun_with_a_targeting_relative_clause_is_one_event():
    text = "Officials said militants fired a rocket attack that targeted U.S. forces at the base on Monday."
    st = run(text, ("militants", "MIL"), ("U.S. forces", "USF"))
    assert pairs(st, "ASSAULT") == {("MIL", "USF")}


def test_coordinated_verbs_share_the_object_of_the_second():
    text = "The military said its aircraft struck and eliminated Ahmed Salem, a senior commander."
    st = run(text, ("military", "MIL"), ("its", "MIL"), ("Ahmed Salem", "SALEM"))
    assert ("MIL", "SALEM") in pairs(st, "ASSAULT")


def test_one_toll_for_coordinated_casualty_verbs():
    text = "Government jets bombed the market on Friday, killing 19 villagers and injuring 30 others."
    st = run(text, ("Government", "GOV"), ("villagers", "VIL"))
    triggers = [e.trigger for e in st.events if e.type == "ASSAULT"]
    assert not any("injuring" in t for t in triggers), triggers


def test_the_subject_undergoes_an_act_it_received_or_came_under():
    text = "The Ukrainian garrison came under heavy fire from Russian forces on Monday."
    st = run(text, ("Ukrainian garrison", "UKR"), ("Russian forces", "RUS"))
    assert ("RUS", "UKR") in pairs(st, "ASSAULT")
    text = "The army faced repeated attacks by Islamist militants in the north."
    st = run(text, ("army", "ARMY"), ("Islamist militants", "ISL"))
    assert ("ISL", "ARMY") in pairs(st, "ASSAULT")


def test_the_victims_of_a_casualty_verb_are_the_target_of_the_act_in_its_when_clause():
    text = "At least seven civilians were killed when the army launched air strikes at a village."
    st = run(text, ("civilians", "CIV"), ("army", "ARMY"))
    assert ("ARMY", "CIV") in pairs(st, "ASSAULT")


def test_an_act_done_to_a_crowd_is_done_to_the_protesters():
    text = "About 200 demonstrators blocked a highway, and police used water cannon to disperse the crowd."
    st = run(text, ("demonstrators", "DEM"), ("police", "POL"))
    assert ("POL", "DEM") in pairs(st, "ASSAULT")


def test_an_against_phrase_on_the_agent_of_an_act_noun_is_its_target():
    text = "Villagers fled despite repeated offensives by the army and UN peacekeepers against the militia."
    st = run(text, ("army", "ARMY"), ("UN peacekeepers", "UNPK"), ("militia", "MIL"))
    assert ("ARMY", "MIL") in pairs(st, "ASSAULT")


def test_whom_a_verb_of_taking_takes_from_is_the_target():
    text = "The town was recaptured from the insurgents by government troops on Sunday."
    st = run(text, ("insurgents", "INS"), ("government troops", "GOV"))
    assert ("GOV", "INS") in pairs(st, "ASSAULT")


def test_a_title_heads_appositive_person_is_the_party():
    text = "The Treasury sanctioned the militia leader Omar Haddad on Tuesday."
    st = run(text, ("Treasury", "TRE"), ("militia", "MIL"), ("Omar Haddad", "HADDAD"),
             kinds={"TRE": "organization", "MIL": "armed_group", "HADDAD": "person"})
    assert pairs(st, "SANCTION") == {("TRE", "HADDAD")}


# -- sources -----------------------------------------------------------------------------------------------

def test_a_suicide_bomber_is_a_person_not_an_instrument():
    text = "A suicide bomber killed 41 police officers in the city on Thursday."
    st = run(text, ("suicide bomber", "BOMBER"), ("police officers", "POL"))
    assert ("BOMBER", "POL") in pairs(st, "ASSAULT")


def test_an_instrument_named_by_an_agent_word_keeps_its_operator():
    text = "Coalition warplanes hit the convoy on Monday, killing at least 19 people."
    st = run(text, ("Coalition warplanes", "COAL"), ("people", "PEOPLE"))
    assert any(s == "COAL" for s, _ in pairs(st, "ASSAULT"))


def test_a_transport_jet_alone_stays_no_source():
    text = "A transport jet bombed the town of Kadugli on Monday."
    st = run(text, ("transport jet", "JET"))
    assert all(s is None for s, _ in pairs(st, "ASSAULT"))


def test_a_blamed_party_is_the_doer_of_an_agentless_attack():
    text = ("A bombing of an army bus killed 23 soldiers, the war monitor said on Friday, blaming "
            "the Islamic State group.")
    st = run(text, ("soldiers", "SOL"), ("war monitor", "MON"), ("Islamic State group", "IS"))
    assert ("IS", "SOL") in pairs(st, "ASSAULT")
    assert ("MON", "IS") in pairs(st, "ACCUSE")


def test_who_was_behind_an_attack_did_it():
    text = "Officials said a militia group was behind the rocket attack that targeted U.S. troops."
    st = run(text, ("Officials", "OFF"), ("militia group", "MIL"), ("U.S. troops", "UST"))
    assert ("MIL", "UST") in pairs(st, "ASSAULT")


def test_a_blame_never_makes_a_doer_of_an_act_with_one():
    text = "Rebels shelled the town of Kadugli, and the governor blamed the army for the blackout."
    st = run(text, ("Rebels", "REB"), ("governor", "GOV"), ("army", "ARMY"))
    assert all(s == "REB" for s, _ in pairs(st, "ASSAULT"))


# -- symmetric and reciprocal acts ------------------------------------------------------------------------------

def test_a_reciprocal_gives_each_party_towards_the_other():
    text = ("Armenia and Azerbaijan published the text of a peace agreement on Monday, pledging to respect "
            "each other's territorial integrity.")
    st = run(text, ("Armenia", "ARM"), ("Azerbaijan", "AZE"))
    assert pairs(st, "AGREE") == {("ARM", "AZE"), ("AZE", "ARM")}


def test_fighting_between_one_plural_party_is_that_party_on_itself():
    text = "Farmers were stranded for days as fighting between rebel groups broke out in the region."
    st = run(text, ("Farmers", "FARM"), ("rebel groups", "REB"))
    assert ("REB", "REB") in pairs(st, "ASSAULT")


def test_symmetric_parties_win_over_a_frames_complement():
    text = "Iran and Saudi Arabia agreed on Friday to restore diplomatic relations and reopen embassies."
    st = run(text, ("Iran", "IRN"), ("Saudi Arabia", "SAU"), ("reopen embassies", "JUNK"))
    assert pairs(st, "AGREE") == {("IRN", "SAU")}


def test_an_actor_is_never_its_own_target_but_the_others_keep_theirs():
    text = "The base was recaptured from the militants by the army and allied fighters last year."
    st = run(text, ("militants", "MIL"), ("army", "ARMY"), ("allied fighters", "MIL"))
    got = pairs(st, "ASSAULT")
    assert ("ARMY", "MIL") in got and ("MIL", "MIL") not in got


# -- the cue file ---------------------------------------------------------------------------------------------

def test_the_argument_cues_are_data_and_validated():
    cues = argument_cues()
    assert "target" in cues.targeting_participles and "suicide" in cues.person_instrument_modifiers
    data = dict(load_data("argument_cues.yaml"))
    data["targetting_participles"] = data.pop("targeting_participles")
    with pytest.raises(ConfigError, match="argument_cues.yaml"):
        parse_argument_cues(data)


def test_a_between_phrase_below_a_symmetric_verb_gives_its_parties():
    text = ("Residents said the villagers, who were trying to flee fighting in their area between the "
            "rebels and government forces, were stranded.")
    st = run(text, ("villagers", "VIL"), ("rebels", "REB"), ("government forces", "GOV"))
    assert ("REB", "GOV") in pairs(st, "ASSAULT") and not any(s == "VIL" for s, _ in pairs(st, "ASSAULT"))


def test_a_medium_acted_upon_is_a_target():
    text = "The junta suspended the BBC on Monday over its coverage of the massacre."
    st = run(text, ("junta", "JUNTA"), ("BBC", "BBC"), kinds={"JUNTA": "organization", "BBC": "media"})
    assert ("JUNTA", "BBC") in pairs(st, "SANCTION") | pairs(st, "COERCE")
    text = "The minister told the BBC on Monday that the army would not attack the town."
    st = run(text, ("minister", "MIN"), ("BBC", "BBC"), kinds={"MIN": "person", "BBC": "media"})
    assert all(t != "BBC" for e in st.events for t in [e.target and e.target.actor_id])


def test_coordinated_verbs_that_share_nothing_stay_two_acts():
    text = "Rights groups say thousands of detainees were tortured and killed at the prison."
    st = run(text, ("Rights groups", "HRG"), ("detainees", "DET"))
    assert any("tortured" in e.trigger for e in st.events if e.type == "ASSAULT")
    text = "The envoy arrived in Amman on Thursday and visited Ankara on Friday."
    st = run(text, ("envoy", "ENVOY"), ("Amman", "JOR"), ("Ankara", "TUR"))
    assert {e.trigger for e in st.events if e.type == "CONSULT"} >= {"arrived", "visited"}


def test_a_target_that_is_also_a_party_of_a_symmetric_act_gives_way_to_the_parties():
    text = "Israel and Lebanon renewed negotiations today on an Israeli troop pullback from Lebanon."
    st = run(text, ("Israel", "ISR"), ("Lebanon", "LBN"), ("Israeli", "ISR"), ("Lebanon", "LBN", 1))
    assert pairs(st, "CONSULT") == {("ISR", "LBN")}


def test_a_reported_pronoun_binds_to_an_agreeing_speaker_only():
    text = "They shot at protesters in a morning assault on Thursday, a cameraman said."
    st = run(text, ("protesters", "PROT"), ("cameraman", "CAM"), kinds={"CAM": "person", "PROT": "group"})
    assert all(s != "CAM" for s, _ in pairs(st, "ASSAULT"))
    text = "Norway said it had expelled three Russian diplomats on Monday."
    st = run(text, ("Norway", "NOR"), ("Russian diplomats", "RUS"), kinds={"NOR": "state", "RUS": "state"})
    assert ("NOR", "RUS") in pairs(st, "SANCTION")


def test_a_participle_aimed_at_someone_is_active():
    text = "Police said four gunmen, whom witnesses described as militants, fired at tourists on Tuesday."
    st = run(text, ("Police", "POL"), ("gunmen", "GUN"), ("witnesses", "WIT"), ("tourists", "TOUR"))
    assert ("GUN", "TOUR") in pairs(st, "ASSAULT")
    text = "The attack involved ten rockets fired at U.S. troops at the airbase."
    st = run(text, ("U.S. troops", "USA"))
    assert pairs(st, "ASSAULT") <= {(None, "USA")}


def test_a_count_noun_names_the_people_it_counts():
    text = "The number of civilians massacred on Saturday in the village is well over 200."
    st = run(text, ("civilians", "CIV"))
    assert (None, "CIV") in pairs(st, "ASSAULT")
    text = "Security forces have tortured scores of Sierra Leonean and Liberian refugees, the group said."
    st = run(text, ("Security forces", "SF"), ("Sierra Leonean", "SLE"), ("Liberian refugees", "LBR"))
    assert {("SF", "SLE"), ("SF", "LBR")} <= pairs(st, "ASSAULT")


def test_a_march_towards_an_institution_is_aimed_at_it():
    text = "Police opened fire after the protesters began marching towards Parliament on Tuesday."
    st = run(text, ("Police", "POL"), ("protesters", "PROT"), ("Parliament", "PARL"))
    assert ("PROT", "PARL") in pairs(st, "PROTEST")
