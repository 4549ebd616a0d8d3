"""Triggers and types of fresh wire copy (issue #14, news series g-j): acts the lexicon lacked (enemies
neutralised, fire discharged, crowd-control means administered, a post breached, objects hurled, a group
classified as terrorist, people placed under or hit by sanctions, a state of exception, a physical
confrontation), a verb's sense chosen by a resultative adjective or an apposition ("set ablaze over 40
houses", "administered special means - pepper spray"), acts carried by a count ("launched dozens of
attacks"), a verdict said by naming the act ("called the attack barbaric"), a joint operation with
weapons (an attack); and readings that are no act: a feared clause, a noun cited with "according to",
updates shared.

Sentences are written for these tests (wire style, not taken from the news set). Actor mentions are built
by hand so that the tests check the events stage alone."""

from __future__ import annotations

from events_support import events, pairs, run


def test_setting_houses_ablaze_is_arson_wherever_the_adjective_stands():
    st = run("Militiamen set ablaze more than 30 huts in the hamlet overnight, a local official said.",
             ("Militiamen", "MILITIA"))
    assert ("MILITIA", None) in pairs(st, "ASSAULT")
    st = run("The rioters set two police cars alight near the stadium.", ("rioters", "RIOTERS"))
    assert ("RIOTERS", None) in pairs(st, "ASSAULT")


def test_setting_a_date_is_no_act():
    st = run("The electoral commission set a new date for the vote.", ("electoral commission", "COMMISSION"))
    assert not events(st, "ASSAULT")


def test_enemies_neutralised_are_attacked_but_a_threat_neutralised_is_none():
    st = run("Commandos neutralised four insurgents in a dawn raid, the army said.",
             ("Commandos", "COMMANDOS"), ("insurgents", "INSURGENTS"))
    assert ("COMMANDOS", "INSURGENTS") in pairs(st, "ASSAULT")
    st = run("Air defence units neutralised nine drones over the port city.", ("Air defence units", "AD"))
    assert not events(st, "ASSAULT")


def test_fire_discharged_at_positions_is_an_attack():
    st = run("Units of the border guard discharged fire from small arms at the outpost on Sunday, the ministry said.",
             ("border guard", "GUARDS"))
    assert ("GUARDS", None) in pairs(st, "ASSAULT")


def test_pepper_spray_administered_is_crowd_control():
    st = run("The interior ministry administered special means – the so-called pepper spray – against the marchers.",
             ("interior ministry", "MOI"))
    assert ("administered", "MOI", None) in [(t, s, None) for t, s, _ in events(st, "ASSAULT")]
    assert any(e.mode == "crowd-control" for e in st.events if e.type == "ASSAULT")


def test_attackers_breaching_a_post_attack_it():
    st = run("The raiders managed to breach the checkpoint shortly before midnight.", ("raiders", "RAIDERS"))
    assert ("RAIDERS", None) in pairs(st, "ASSAULT")
    st = run("The rebels breached the ceasefire on Sunday.", ("rebels", "REBELS"))
    assert ("REBELS", None) in pairs(st, "ASSAULT")


def test_objects_hurled_at_police_are_an_attack():
    st = run("Supporters of the candidate hurled various objects, including bottles, at the police.",
             ("Supporters", "SUPPORTERS"), ("police", "POLICE"))
    assert ("SUPPORTERS", "POLICE") in pairs(st, "ASSAULT")


def test_a_group_classified_as_terrorist_is_sanctioned():
    st = run("Several governments classify the movement as a terrorist organisation.",
             ("governments", "GOVS"), ("movement", "MOVEMENT"))
    assert ("GOVS", "MOVEMENT") in pairs(st, "SANCTION")


def test_people_placed_under_or_hit_by_sanctions_are_sanctioned():
    st = run("The council placed three generals under sanctions on Monday.",
             ("council", "COUNCIL"), ("generals", "GENERALS"))
    assert ("COUNCIL", "GENERALS") in pairs(st, "SANCTION")
    st = run("Two ministers were hit by the bloc's travel bans, the statement said.",
             ("ministers", "MINISTERS"), ("bloc", "EU"))
    assert any(t == "MINISTERS" for _, t in pairs(st, "SANCTION"))


def test_a_state_of_exception_is_emergency_rule():
    st = run("The president declared a state of exception in three provinces.", ("president", "PRESIDENT"))
    assert any(e.mode == "martial-law" for e in st.events if e.type == "COERCE")


def test_crowds_confronting_police_attack_them_an_issue_confronted_is_none():
    st = run("Demonstrators physically confronted the police outside the ministry.",
             ("Demonstrators", "DEMO"), ("police", "POLICE"))
    assert ("DEMO", "POLICE") in pairs(st, "ASSAULT")
    st = run("The cabinet confronted the budget crisis on Monday.", ("cabinet", "CABINET"))
    assert not events(st, "ASSAULT")


def test_a_light_verb_stands_for_the_acts_a_count_carries():
    st = run("The insurgents have launched dozens of raids on army posts this year.", ("insurgents", "INSURGENTS"))
    assert [t for t, s, _ in events(st, "ASSAULT") if s == "INSURGENTS"] == ["launched dozens of raids"]


def test_a_feared_clause_is_no_act():
    st = run("Five fishermen are missing, raising fears they were abducted by pirates.",
             ("fishermen", "FISHERMEN"), ("pirates", "PIRATES"))
    assert not events(st, "ASSAULT")


def test_a_noun_cited_with_according_to_is_no_act():
    st = run("The ministry froze the accounts of four firms, according to the ministry release.",
             ("ministry", "MINISTRY"))
    assert not events(st, "RETREAT")


def test_naming_an_act_with_a_verdict_accuses_its_doer():
    st = run("Bandits attacked a bus near the river on Sunday. The governor called the attack “cowardly” on Monday.",
             ("Bandits", "BANDITS"), ("governor", "GOVERNOR"))
    assert ("GOVERNOR", "BANDITS") in pairs(st, "ACCUSE")
    st = run("Bandits attacked a bus near the river on Sunday. The governor called the attack a heinous crime.",
             ("Bandits", "BANDITS"), ("governor", "GOVERNOR"))
    assert ("GOVERNOR", "BANDITS") in pairs(st, "ACCUSE")


def test_calling_a_meeting_useful_is_no_accusation():
    st = run("The envoy called the meeting useful.", ("envoy", "ENVOY"))
    assert not events(st, "ACCUSE")


def test_revenge_vowed_is_a_threat():
    st = run("The commander vowed revenge against the militia.", ("commander", "COMMANDER"), ("militia", "MILITIA"))
    assert events(st, "THREATEN") and not events(st, "AGREE")


def test_a_joint_operation_with_weapons_is_an_attack_with_a_partner_cooperation():
    st = run("The rebel navy carried out a joint operation with a large number of drones and missiles.",
             ("rebel navy", "NAVY"))
    assert ("NAVY", None) in pairs(st, "ASSAULT") and not events(st, "COOPERATE")
    st = run("The army carried out a joint operation with the border police near the lake.",
             ("army", "ARMY"), ("border police", "POLICE"))
    assert ("ARMY", "POLICE") in pairs(st, "COOPERATE")


def test_updates_shared_are_no_cooperation():
    st = run("The party shared updates of its convoys on social media.", ("party", "PARTY"))
    assert not events(st, "COOPERATE")


def test_an_act_noun_said_of_an_act_told_before_is_no_new_act():
    st = run("Rebels shelled the market town on Tuesday. It was the heaviest attack on the town by the rebels "
             "this year, the mayor said.", ("Rebels", "REBELS"), ("rebels", "REBELS"), ("mayor", "MAYOR"))
    assert len(events(st, "ASSAULT")) == 1
    st = run("Rebels shelled the market town on Tuesday. A monitoring group described it as the deadliest attack "
             "by the rebels this year.", ("Rebels", "REBELS"), ("rebels", "REBELS"), ("monitoring group", "MON"))
    assert len(events(st, "ASSAULT")) == 1


def test_an_attack_told_for_the_first_time_as_an_attribute_stays_an_act():
    st = run("The explosion at the depot was an attack by the rebels, the army said.",
             ("rebels", "REBELS"), ("army", "ARMY"))
    assert events(st, "ASSAULT")


def test_information_about_an_act_told_before_is_no_new_act():
    st = run("Gunmen attacked a convoy near the border on Friday. Officials did not give the timing or a location "
             "for the attack by the gunmen.", ("Gunmen", "GUNMEN"), ("gunmen", "GUNMEN"), ("Officials", "OFFICIALS"))
    assert len(events(st, "ASSAULT")) == 1


def test_setting_a_date_asked_for_stays_a_request():
    st = run("The regional bloc urged the junta to set a date for elections.",
             ("regional bloc", "BLOC"), ("junta", "JUNTA"))
    assert ("BLOC", "JUNTA") in pairs(st, "REQUEST")


def test_people_named_by_the_fighting_they_do_are_no_attack():
    st = run("The commanders fighting in the province have refused to negotiate.", ("commanders", "COMMANDERS"))
    assert not events(st, "ASSAULT")
    st = run("The militia, fighting the army for a week, took the bridge.", ("militia", "MILITIA"), ("army", "ARMY"))
    assert ("MILITIA", "ARMY") in pairs(st, "ASSAULT")


def test_a_cooperative_clause_describing_a_ship_is_no_act_of_a_party():
    st = run("The militia said its drones hit a tanker that was delivering fuel to the navy.",
             ("militia", "MILITIA"), ("navy", "NAVY"))
    assert not events(st, "AID")
    st = run("Egypt, which is supplying fuel to the hospital, condemned the raid.", ("Egypt", "EGY"))
    assert ("EGY", None) in pairs(st, "AID")
