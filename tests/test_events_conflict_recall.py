"""Conflict acts lost on real news (issue #14, recall of ASSAULT, COERCE, MOBILIZE, THREATEN, RETREAT and
PROTEST): forces sent or dispatched, arms taken up, crackdowns announced ("will come down hard on"),
gunmen opening up on a target, protests put down (a relative pronoun as passive subject stands for its
noun), vehicles stopped or intercepted, bombs planted, barricades put up; two readings that are no
act: attackers fleeing the scene, and a casualty count told of an act told before ("killed in the
attack"); and a street protest announced, which stays a PROTEST (an announced boycott is a threat).

Sentences are written for these tests (wire style, not taken from the news set). Actor mentions are
built by hand so that the tests check the events stage alone."""

from __future__ import annotations

import pytest
from events_support import events, pairs, run

from sitrep.core.datafiles import load_data
from sitrep.core.errors import ConfigError
from sitrep.stages.events.lexicon import parse_lexicon


def test_officers_sent_or_dispatched_are_a_mobilization():
    st = run("Provincial commanders sent 60 police officers to the market town on Tuesday.",
             ("Provincial commanders", "COMMANDERS"))
    assert ("sent", "COMMANDERS", None) in events(st, "MOBILIZE")
    st = run("The defence ministry dispatched two battalions to the northern border overnight.",
             ("defence ministry", "MOD"))
    assert ("dispatched", "MOD", None) in events(st, "MOBILIZE")


def test_sending_an_envoy_or_fighters_to_help_is_no_mobilization():
    st = run("The government sent an envoy to the capital on Monday.", ("government", "GOV"))
    assert not events(st, "MOBILIZE")
    st = run("Some militias were considering sending fighters to help the government, reports said.",
             ("militias", "MIL"), ("government", "GOV"))
    assert ("MIL", "GOV") in pairs(st, "AID") and not events(st, "MOBILIZE")


def test_taking_up_arms_is_a_mobilization():
    st = run("Hundreds of farmers took up arms against the junta last year, the report said.",
             ("farmers", "FARMERS"), ("junta", "JUNTA"))
    assert ("FARMERS", "JUNTA") in pairs(st, "MOBILIZE")


def test_coming_down_on_someone_announced_is_a_threat():
    st = run("The interior minister said the government would come down hard on the smugglers.",
             ("interior minister", "MINISTER"), ("government", "GOV"), ("smugglers", "SMUGGLERS"))
    assert ("GOV", "SMUGGLERS") in pairs(st, "THREATEN")


def test_prices_or_rain_coming_down_are_no_act():
    st = run("Fuel prices came down on Monday after the government cut taxes.", ("government", "GOV"))
    assert not events(st, "COERCE") and not events(st, "THREATEN")
    st = run("Heavy rain came down on the capital on Monday.", ("capital", "CAPITAL"))
    assert not events(st, "COERCE")


def test_gunmen_opening_up_on_a_patrol_attack_it():
    st = run("Witnesses said the gunmen opened up on a police patrol near the bridge.",
             ("gunmen", "GUNMEN"), ("police patrol", "POLICE"))
    assert ("GUNMEN", "POLICE") in pairs(st, "ASSAULT")


def test_a_market_or_a_road_opening_up_is_no_attack():
    st = run("The government opened up the market to foreign investors in March.", ("government", "GOV"))
    assert not events(st, "ASSAULT")
    st = run("Security forces opened up the main road to traffic on Monday.", ("Security forces", "SF"))
    assert not events(st, "ASSAULT")


def test_protests_that_were_put_down_are_an_attack_by_the_agent():
    st = run("The student rallies that were put down by the army in March left dozens dead.",
             ("army", "ARMY"))
    assert any(src == "ARMY" for trig, src, _ in events(st, "ASSAULT") if trig == "put down")


def test_putting_down_a_motion_is_no_attack():
    st = run("The opposition put down a motion in parliament on Friday.", ("opposition", "OPP"))
    assert not events(st, "ASSAULT")


def test_vehicles_stopped_or_intercepted_by_force_are_coercion():
    st = run("Border guards intercepted a truck carrying rifles near the frontier on Sunday.",
             ("Border guards", "GUARDS"))
    assert any(src == "GUARDS" for _, src, _ in events(st, "COERCE"))
    st = run("Police officers stopped a bus carrying suspected gang members at a checkpoint.",
             ("Police officers", "POLICE"))
    assert any(src == "POLICE" for _, src, _ in events(st, "COERCE"))


def test_workers_stopping_work_stay_a_strike():
    st = run("Dock workers stopped work at the port on Monday.", ("Dock workers", "WORKERS"))
    assert not events(st, "COERCE")


def test_planting_a_bomb_is_an_attack():
    st = run("Insurgents planted a bomb under the bridge used by army convoys, the governor said.",
             ("Insurgents", "INSURGENTS"), ("governor", "GOVERNOR"))
    assert any(src == "INSURGENTS" for _, src, _ in events(st, "ASSAULT"))


def test_protesters_putting_up_barricades_protest():
    st = run("Protesters put up barricades on the main highway on Thursday.", ("Protesters", "PROTESTERS"))
    assert any(src == "PROTESTERS" for _, src, _ in events(st, "PROTEST"))


def test_attackers_fleeing_the_scene_make_no_retreat():
    st = run("The gunmen fled into the forest after soldiers returned fire.", ("gunmen", "GUNMEN"),
             ("soldiers", "SOLDIERS"))
    assert not events(st, "RETREAT")
    st = run("President Omar Ali fled the capital on Sunday.", ("President Omar Ali", "ALI"))
    assert ("ALI", None) in pairs(st, "RETREAT")


def test_a_toll_told_of_an_act_told_before_is_no_new_act():
    text = "Militants attacked an army post in the north on Monday. Four soldiers were killed in the attack."
    st = run(text, ("Militants", "MILITANTS"), ("army post", "ARMY"), ("soldiers", "SOLDIERS"))
    assert all(trig != "killed" for trig, _, _ in events(st, "ASSAULT"))
    st = run("Four soldiers were killed in an attack on an army post in the north on Monday.",
             ("soldiers", "SOLDIERS"))
    assert any(trig == "killed" for trig, _, _ in events(st, "ASSAULT"))


def test_an_announced_street_protest_stays_a_protest_and_an_announced_boycott_is_a_threat():
    st = run("Student unions said they will protest outside parliament on Friday.",
             ("Student unions", "UNIONS"), ("parliament", "PARLIAMENT"))
    protests = [e for e in st.events if e.type == "PROTEST"]
    assert protests and all(e.modality == "future" for e in protests) and not events(st, "THREATEN")
    st = run("Opposition leaders said they would boycott all talks with the government.",
             ("Opposition leaders", "OPP"), ("government", "GOV"))
    assert events(st, "THREATEN") and not events(st, "PROTEST")


def test_modes_kept_when_announced_must_be_modes_of_their_type():
    data = load_data("event_triggers.yaml")
    assert "demo" in parse_lexicon(data).future_kept_modes["PROTEST"]
    with pytest.raises(ConfigError, match="future_kept_modes"):
        parse_lexicon({**data, "future_kept_modes": {"PROTEST": ["aerial"]}})


def test_an_act_noun_a_relative_light_verb_carries_takes_its_agent():
    st = run("The attack, which was carried out by gunmen on motorcycles, killed nine villagers.",
             ("gunmen", "GUNMEN"))
    assert any(src == "GUNMEN" and trig.startswith("attack") for trig, src, _ in events(st, "ASSAULT"))


def test_a_missile_fired_into_the_sea_is_a_weapons_test():
    st = run("North Korea fired two ballistic missiles into the sea off its east coast on Sunday.",
             ("North Korea", "PRK"))
    assert ("PRK", None) in pairs(st, "MOBILIZE") and not events(st, "ASSAULT")
    st = run("Hezbollah fired dozens of rockets into northern Israel on Sunday.", ("Hezbollah", "HEZ"),
             ("Israel", "ISR"))
    assert events(st, "ASSAULT") and not events(st, "MOBILIZE")
    st = run("Houthi rebels fired two missiles at a tanker in the Red Sea on Sunday.", ("Houthi rebels", "HOUTHIS"))
    assert events(st, "ASSAULT") and not events(st, "MOBILIZE")
    st = run("The Houthis launched drones at ships in the Red Sea.", ("Houthis", "HOUTHIS"))
    assert events(st, "ASSAULT") and not events(st, "MOBILIZE")


def test_an_armed_group_pushing_toward_a_town_attacks_it():
    st = run("The rebel group has been pushing south toward Uvira since it captured Kamanyola.",
             ("rebel group", "REBELS"), ("Uvira", "UVIRA"))
    assert ("REBELS", "UVIRA") in pairs(st, "ASSAULT")
    st = run("Negotiators pushed toward a deal on Monday.", ("Negotiators", "NEG"))
    assert not events(st, "ASSAULT")


def test_gunmen_moving_on_to_villages_attack_and_a_group_smashed_is_attacked():
    st = run("The gunmen then moved on to two nearby villages, residents said.", ("gunmen", "GUNMEN"))
    assert any(src == "GUNMEN" for _, src, _ in events(st, "ASSAULT"))
    st = run("The delegates moved on to the next item on the agenda.", ("delegates", "DELEGATES"))
    assert not events(st, "ASSAULT")
    st = run("The militia was smashed in a government offensive in 2019.", ("militia", "MILITIA"))
    assert (None, "MILITIA") in pairs(st, "ASSAULT")


def test_a_passive_agent_meets_a_senses_subject_condition():
    st = run("The parliament building was stormed by protesters on Tuesday.", ("protesters", "PROTESTERS"),
             ("parliament", "PARLIAMENT"))
    assert ("PROTESTERS", "PARLIAMENT") in pairs(st, "PROTEST") and not events(st, "ASSAULT")
    st = run("Police cleared fences and barricades put up by students outside the campus.",
             ("Police", "POLICE"), ("students", "STUDENTS"))
    assert any(src == "STUDENTS" for _, src, _ in events(st, "PROTEST"))


def test_returning_fire_answers_the_last_attacker():
    st = run("Gunmen attacked a police post near the border on Monday. The officers returned fire, the "
             "provincial police said.", ("Gunmen", "GUNMEN"), ("police post", "POLICE"), ("officers", "OFFICERS"))
    assert ("OFFICERS", "GUNMEN") in pairs(st, "ASSAULT")
    st = run("The militia returned the bodies of six soldiers on Friday.", ("militia", "MILITIA"),
             ("soldiers", "SOLDIERS"))
    assert events(st, "RETREAT") and not events(st, "ASSAULT")


def test_every_subject_counts_for_a_subject_condition_and_crowds_taking_over_streets_protest():
    st = run("KAMPALA, Uganda — Student protesters stormed the parliament building on Monday.",
             ("Student protesters", "STUDENTS"), ("parliament", "PARLIAMENT"))
    assert events(st, "PROTEST") and not events(st, "ASSAULT")   # the dateline's name is no subject that counts
    st = run("Hundreds of young people took over the main avenue on Friday evening.", ("young people", "YOUTHS"))
    assert any(src == "YOUTHS" for _, src, _ in events(st, "PROTEST"))
    st = run("The rebels took over the airport on Sunday.", ("rebels", "REBELS"))
    assert any(src == "REBELS" for _, src, _ in events(st, "COERCE")) and not events(st, "PROTEST")


def test_protests_named_as_a_setting_are_no_new_protest():
    text = ("Thousands of protesters marched in the capital on Monday. At least 12 people have been killed "
            "in demonstrations since January, a rights group said.")
    st = run(text, ("protesters", "PROTESTERS"))
    protests = events(st, "PROTEST")
    assert protests and all(trig != "demonstrations" for trig, _, _ in protests)
    text = "Thousands of protesters marched in the capital on Monday. The protests spread to two more cities."
    st = run(text, ("protesters", "PROTESTERS"))
    assert any(trig == "protests" and src == "PROTESTERS" for trig, src, _ in events(st, "PROTEST"))
