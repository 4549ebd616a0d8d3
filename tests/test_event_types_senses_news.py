"""Event types that turn on what a verb takes and on the story around it (issue 14, wrong types):
sanctions told with "imposed", "banned", "barred" and "targeted"; the act a prohibition keeps someone
from; a missile fired into the sea; objects seized; a protest announced. Wire-copy sentences written
for these tests, through the events stage alone (spaCy NER stands in for the actors stage)."""

from __future__ import annotations

import pytest

from events_support import run


def types(text: str, *marks) -> list[str]:
    """The event types the stage finds in ``text`` (with the actor mentions ``marks``)."""
    return [e.type for e in run(text, *marks).events]


def typed(text: str, trigger: str, *marks) -> list[str]:
    """The types of the events of ``text`` whose trigger contains ``trigger``."""
    return [e.type for e in run(text, *marks).events if trigger in e.trigger]


# -- sanctions --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The bloc imposed asset freezes and travel bans on three army generals on Monday.",
    "The State Department is imposing visa restrictions on 40 security officials.",
])
def test_visa_restrictions_and_asset_freezes_are_sanctions(text):
    assert typed(text, "impos", (text.split()[1], "ACTOR")) == ["SANCTION"]


def test_a_curfew_imposed_stays_coercion():
    assert typed("The army imposed a curfew on the port city.", "impos", ("army", "ARMY")) == ["COERCE"]


def test_barred_from_entering_is_a_sanction():
    text = "Beijing barred the envoy from entering the mainland on Friday."
    assert typed(text, "barred", ("Beijing", "CHN"), ("envoy", "ENVOY")) == ["SANCTION"]


def test_barred_from_a_place_is_coercion():
    text = "Police barred reporters from the square on Friday."
    assert typed(text, "barred", ("Police", "POLICE"), ("reporters", "PRESS")) == ["COERCE"]


def test_the_act_a_prohibition_keeps_from_is_no_event():
    text = ("The ministry announced sanctions on the think tank, barring state firms from contacting or "
            "cooperating with it.")
    found = types(text, ("ministry", "MFA"), ("state firms", "FIRMS"))
    assert "CONSULT" not in found and "COOPERATE" not in found


def test_targeted_in_a_story_of_sanctions_is_a_sanction():
    text = ("The bloc imposed sanctions on four officials over the crackdown. "
            "A former provincial governor, Li Wen, was also targeted, the bloc said.")
    assert typed(text, "targeted", ("bloc", "EU"), ("Li Wen", "LI")) == ["SANCTION"]


def test_targeted_by_a_weapon_stays_an_attack_in_a_story_of_sanctions():
    text = ("The bloc imposed sanctions on the militia's leaders last month. "
            "On Sunday a drone targeted a militia convoy near the border.")
    assert typed(text, "targeted", ("bloc", "EU"), ("militia convoy", "MIL")) == ["ASSAULT"]


def test_targeted_with_gunfire_stays_an_attack():
    text = "Gunmen targeted a police patrol near the market on Sunday."
    assert typed(text, "targeted", ("Gunmen", "GUNMEN"), ("police patrol", "POLICE")) == ["ASSAULT"]


# -- missiles fired at nothing ------------------------------------------------------------------------------

def test_a_missile_fired_into_the_sea_is_a_show_of_force():
    text = ("Pyongyang fired a ballistic missile into the waters off its east coast on Sunday, the military "
            "said. The missile was launched by Pyongyang from an inland site and flew 600 kilometres.")
    found = run(text, ("Pyongyang", "PRK"), ("Pyongyang", "PRK", 1)).events
    assert [e.type for e in found] == ["MOBILIZE", "MOBILIZE"]
    assert all(e.mode == "weapons" for e in found)


@pytest.mark.parametrize("text", [
    "Hamas fired rockets into Israel on Sunday.",
    "Russia launched missiles at Odesa overnight, the Ukrainian air force said.",
    "The rebels fired a missile at a warship in the Red Sea on Tuesday.",
])
def test_a_missile_fired_at_someone_stays_an_attack(text):
    assert "ASSAULT" in types(text, (text.split()[0], "ACTOR"))


def test_a_missile_launched_with_no_sea_in_the_story_stays_an_attack():
    text = "Russia launched eleven missiles overnight, the air force said."
    assert types(text, ("Russia", "RUS")) == ["ASSAULT"]


# -- seizing things ----------------------------------------------------------------------------------------

def test_weapons_seized_after_killing_are_a_seizure():
    text = "The raiders shot dead two guards and seized the rifles they carried."
    assert typed(text, "seized", ("raiders", "RAIDERS")) == ["COERCE"]


def test_a_town_seized_after_attacking_is_an_attack():
    text = "The rebels attacked the garrison and seized the town on Monday."
    assert typed(text, "seized", ("rebels", "REBELS")) == ["ASSAULT"]


# -- protests announced ------------------------------------------------------------------------------------

def test_a_protest_announced_by_its_holders_is_a_protest():
    st = run("Teachers say they will protest outside the education ministry on Friday.", ("Teachers", "TEACHERS"))
    assert [(e.type, e.modality) for e in st.events] == [("PROTEST", "future")]


def test_a_boycott_announced_is_a_threat():
    text = "The opposition leaders said they would boycott all talks with the government."
    assert "THREATEN" in types(text, ("opposition leaders", "OPP"), ("government", "GOV"))


# -- whom an act is done to ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The general now directs army support for the rebels, the Treasury said.",
    "The rebels, backed by the neighbouring state, entered the city on Friday.",
])
def test_backing_an_armed_group_is_aid(text):
    marks = [("rebels", "REBELS")] + ([("army", "ARMY")] if "army" in text else [("neighbouring state", "STATE")])
    st = run(text, *marks, kinds={"REBELS": "armed_group", "ARMY": "organization", "STATE": "state"})
    found = [e.type for e in st.events if e.target is not None and e.target.actor_id == "REBELS"]
    assert "AID" in found and "SUPPORT" not in found


def test_backing_a_government_stays_support():
    st = run("The minister voiced support for the government on Monday.", ("minister", "MIN"), ("government", "GOV"),
             kinds={"MIN": "person", "GOV": "state"})
    assert [e.type for e in st.events] == ["SUPPORT"]


def test_standing_in_solidarity_is_support():
    text = "The foreign ministry said it stood in full solidarity with the government of Niger."
    assert "SUPPORT" in types(text, ("foreign ministry", "MFA"), ("government of Niger", "NER"))


# -- words that code nothing -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Pentagon said the package was sent to meet the army's critical security needs.",
    "With air support, the army secured the district, the spokesman said.",
    "The governor spoke to reporters on Monday, offering his condolences to the families.",
    "The president, who arrived at the helm of the country in December, faces protests.",
])
def test_no_stance_no_backing_no_offer_no_visit(text):
    found = types(text, (text.split()[1], "ACTOR"))
    assert not {"ACCUSE", "SUPPORT", "AGREE", "CONSULT"} & set(found)


def test_a_predicative_critical_is_a_criticism():
    assert types("The opposition is critical of the government.", ("opposition", "OPP"),
                 ("government", "GOV")) == ["ACCUSE"]


# -- acts put in question -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "It was not immediately clear whether the victims died in army shelling or in a rebel ambush.",
    "The spokesman said he could neither confirm nor deny that its air strikes caused the deaths.",
    "There was no immediate confirmation of Sunday's attack by the militia.",
])
def test_an_act_only_put_in_question_is_no_event(text):
    marks = [(w, w.upper()) for w in ("army", "militia") if w in text]
    assert "ASSAULT" not in types(text, *marks)


def test_an_act_confirmed_is_an_event():
    text = "Officials confirmed that rebels attacked the town on Monday."
    assert types(text, ("rebels", "REBELS")) == ["ASSAULT"]


# -- who flees -------------------------------------------------------------------------------------------------

def test_attackers_escaping_is_no_retreat():
    text = "The army said the gunmen fled into the forest after soldiers returned fire."
    assert "RETREAT" not in types(text, ("gunmen", "GUNMEN"), ("soldiers", "SOLDIERS"))


def test_a_ruler_fleeing_is_a_retreat():
    assert types("The president fled the capital on Sunday.", ("president", "PRES")) == ["RETREAT"]


# -- coups and ended cooperation ---------------------------------------------------------------------------------

def test_overthrowing_a_ruler_is_coercion():
    text = "The army overthrew President Ali Musa on Wednesday, state television said."
    assert typed(text, "overthrew", ("army", "ARMY"), ("President Ali Musa", "MUSA")) == ["COERCE"]


def test_fighting_to_topple_a_government_is_an_attack_on_it():
    st = run("The group has been fighting since 2010 to topple the central government.",
             ("group", "GROUP"), ("central government", "GOV"))
    assert [(e.type, e.target.actor_id if e.target else None) for e in st.events] == [("ASSAULT", "GOV")]


def test_no_longer_recognising_a_government_is_a_sanction():
    text = "The president said the country would no longer recognize the military government."
    assert typed(text, "recognize", ("country", "X"), ("military government", "GOV")) == ["SANCTION"]


def test_a_dateline_read_as_subject_does_not_hide_the_protesters():
    text = "KAMPALA, Uganda — Angry protesters stormed the parliament building on Saturday."
    assert typed(text, "stormed", ("protesters", "PROTESTERS")) == ["PROTEST"]


def test_speaking_to_a_news_agency_is_no_consultation():
    st = run("The witnesses, who spoke to Anadolu over the phone, described heavy shelling.",
             ("witnesses", "WITNESSES"), ("Anadolu", "AA"), kinds={"WITNESSES": "group", "AA": "media"})
    assert "CONSULT" not in [e.type for e in st.events]


def test_speaking_by_phone_to_a_counterpart_is_a_consultation():
    st = run("The minister spoke by phone with his Turkish counterpart on Monday.",
             ("minister", "MIN"), ("Turkish counterpart", "TUR"), kinds={"MIN": "person", "TUR": "person"})
    assert [e.type for e in st.events] == ["CONSULT"]


def test_failing_to_stop_violence_refuses_nothing():
    text = "The junta said the president had failed to stem growing jihadi violence."
    assert "REJECT" not in types(text, ("junta", "JUNTA"), ("president", "PRES"))


def test_failing_to_agree_is_a_rejection():
    text = "The ruling party failed to agree with the opposition on a new constitution."
    assert "REJECT" in types(text, ("ruling party", "PARTY"), ("opposition", "OPP"))
