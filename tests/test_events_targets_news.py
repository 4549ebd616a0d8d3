"""Targets on real news (issue #14): who undergoes an act. A place that fire lands on, people in
general who are no party, the patient of an act noun's "of" phrase, a name given by apposition or by
"known as", persons listed by name.

Sentences are written for these tests (wire style, not taken from the news set). Actor mentions (and
place mentions) are built by hand so that the tests check the events stage alone."""

from __future__ import annotations

from sitrep.article import Article, ArticleState, PlaceMention
from sitrep.stages.events import EventsStage

from events_support import NLP, events, mention, pairs, run


def _with_places(text: str, marks: list[tuple[str, str]], places: list[str]) -> ArticleState:
    """The events of ``text`` with the actor mentions ``marks`` (phrase, actor id) and the places
    ``places`` (each phrase's first occurrence, id ``pl_<phrase>``)."""
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    st.mentions = sorted((mention(text, *m) for m in marks), key=lambda m: m.start)
    st.place_mentions = sorted((PlaceMention(start=text.index(p), end=text.index(p) + len(p),
                                             place_id="pl_" + p.lower().replace(" ", "_"), text=p)
                                for p in places), key=lambda p: p.start)
    EventsStage().run_alone(st)
    return st


# -- a place that fire lands on -----------------------------------------------------------------------------

def test_a_place_struck_by_fire_is_the_target_of_the_act_noun():
    text = "Two civilians died in a Russian missile strike on Kharkiv early on Tuesday, the mayor said."
    st = _with_places(text, [("Russian", "RUS"), ("mayor", "MAYOR")], ["Kharkiv"])
    assert ("RUS", "pl_kharkiv") in pairs(st, "ASSAULT")


def test_an_attack_noun_without_fire_keeps_the_town_as_its_location():
    text = "The surprise assault on Kharkiv by the rebels stunned officials in the capital."
    st = _with_places(text, [("the rebels", "REB"), ("officials", "OFF")], ["Kharkiv"])
    assert all(t != "pl_kharkiv" for _, t in pairs(st, "ASSAULT"))


# -- people in general are no party -------------------------------------------------------------------------

def test_people_in_general_are_not_the_target_of_an_attack():
    text = "At least 12 people were killed on Sunday in air strikes carried out by the air force."
    st = run(text, ("people", "PEOPLE"), ("air force", "AF"))
    assert pairs(st, "ASSAULT") and all(t != "PEOPLE" for _, t in pairs(st, "ASSAULT"))


def test_an_act_reported_only_through_people_in_general_stands_without_parties():
    text = "A paramedic said more than 40 people had been wounded by gunfire near the square."
    st = run(text, ("paramedic", "MED"), ("people", "PEOPLE"))
    assert pairs(st, "ASSAULT") == {(None, None)}


def test_a_described_group_of_victims_stays_the_target():
    text = "Militiamen shot dead nine civilians in the village on Friday, residents said."
    st = run(text, ("Militiamen", "MIL"), ("civilians", "CIV"), ("residents", "RES"))
    assert ("MIL", "CIV") in pairs(st, "ASSAULT")


# -- the patient of an act noun's "of" phrase ---------------------------------------------------------------

def test_the_of_phrase_of_an_act_noun_names_who_undergoes_it():
    text = "The statement condemned the party's violent repression of opposition activists in the capital."
    st = run(text, ("party", "PARTY"), ("opposition activists", "ACT"))
    assert ("PARTY", "ACT") in pairs(st, "ASSAULT")


def test_an_instrument_in_the_of_phrase_is_no_target():
    text = "Witnesses described the army's heavy shelling of rebel tanks near the border."
    st = run(text, ("army", "ARMY"), ("rebel", "REB"))
    assert all(t is None or t == "REB" for _, t in pairs(st, "ASSAULT"))


# -- names given by apposition, by "known as", and in lists -------------------------------------------------

def test_an_object_named_only_by_its_appositive_is_that_party():
    text = "On Friday the Treasury designated Arman Koval, the founder of the ruling party, under new rules."
    st = run(text, ("Treasury", "TREAS"), ("founder", "KOVAL"), ("ruling party", "PARTY"))
    assert ("TREAS", "KOVAL") in pairs(st, "SANCTION")


def test_a_noun_known_by_a_name_is_the_named_party():
    text = "Authorities tried last year to dismantle the rural militia known as Tigers of the Hills."
    st = run(text, ("Authorities", "GOV"), ("rural militia", "MILITIA"), ("Tigers of the Hills", "TIGERS"))
    assert pairs(st, "COERCE") == {("GOV", "TIGERS")}


def test_a_title_in_a_list_names_the_person_after_it():
    text = ("Britain imposed sanctions on Monday on President Ivan Petrov, Foreign Minister Oleg Sokol, Defence "
            "Minister Pavel Orlov and Chief of General Staff Boris Volkov for the invasion of Moldova, officials said.")
    st = run(text, ("Britain", "GBR"), ("Ivan Petrov", "PETROV"), ("Oleg Sokol", "SOKOL"), ("Pavel Orlov", "ORLOV"),
             ("Boris Volkov", "VOLKOV"))
    assert pairs(st, "SANCTION") == {("GBR", "PETROV"), ("GBR", "SOKOL"), ("GBR", "ORLOV"), ("GBR", "VOLKOV")}


# -- members listed with "including" ------------------------------------------------------------------------

def test_the_actors_listed_in_a_group_of_people_are_the_target():
    text = "A car bomb outside the court on Tuesday wounded 17 people, including two judges."
    st = run(text, ("people", "PEOPLE"), ("two judges", "JUDGES"))
    assert pairs(st, "ASSAULT") == {(None, "JUDGES")}


def test_a_named_group_keeps_its_place_beside_the_members_it_lists():
    text = "The bloc imposed sanctions on three firms and 12 Belarusians, including two judges, on Monday."
    st = run(text, ("bloc", "EU"), ("Belarusians", "BLR"), ("two judges", "JUDGES"))
    assert ("EU", "BLR") in pairs(st, "SANCTION")


def test_the_people_a_vehicle_carries_are_who_an_attack_on_it_hits():
    text = "Militiamen attacked two minibuses carrying wedding guests near the border on Sunday."
    st = run(text, ("Militiamen", "MIL"), ("wedding guests", "GUESTS"))
    assert pairs(st, "ASSAULT") == {("MIL", "GUESTS")}


# -- a frame's place ----------------------------------------------------------------------------------------

def test_a_frame_takes_the_place_of_the_act_it_embeds():
    text = "The governor threatened on Monday to impose a curfew in Tamale after the riots."
    st = _with_places(text, [("governor", "GOV")], ["Tamale"])
    assert ("GOV", "pl_tamale") in pairs(st, "THREATEN")


# -- grievances and complement clauses ----------------------------------------------------------------------

def test_a_grievance_told_to_someone_targets_whom_it_is_about():
    text = "Armenia complained to the Security Council on Monday over Azerbaijani drone strikes on its border villages."
    st = run(text, ("Armenia", "ARM"), ("Security Council", "UNSC"), ("Azerbaijani", "AZE"))
    assert pairs(st, "ACCUSE") == {("ARM", "AZE")}


def test_an_against_phrase_inside_a_complement_clause_is_not_the_frames_target():
    text = "The envoys demanded that the rebels end their offensive against the capital within a week."
    st = run(text, ("envoys", "ENV"), ("rebels", "REB"), ("capital", "GOV"))
    assert ("ENV", "REB") in pairs(st, "REQUEST")
    assert ("ENV", "GOV") not in pairs(st, "REQUEST")


def test_an_act_done_to_disperse_someone_is_done_to_them():
    text = "Riot police opened fire on Sunday to disperse striking miners outside the mine, a union official said."
    st = run(text, ("Riot police", "POL"), ("striking miners", "MINERS"), ("union official", "UNION"))
    got = [(trig, s, t) for trig, s, t in events(st, "ASSAULT") if trig.startswith("opened")]
    assert got and all(t == "MINERS" for _, _, t in got)
    assert not [trig for trig, _, _ in events(st, "ASSAULT") if trig.startswith("disperse")]   # one act


def test_the_recipient_inside_a_prepositional_target_is_the_target():
    text = "President Mbeki has reportedly conceded to demands from the Freedom Alliance to overhaul the courts."
    st = run(text, ("President Mbeki", "MBEKI"), ("Freedom Alliance", "FA"))
    assert ("MBEKI", "FA") in pairs(st, "CONCEDE")


def test_a_partys_own_troops_are_what_it_offers_not_whom():
    text = "Chad has offered its troops to President Mohamed Ali to help him restore order."
    st = run(text, ("Chad", "TCD"), ("its", "TCD"), ("troops", "TCD_MIL"), ("Mohamed Ali", "ALI"))
    assert pairs(st, "AGREE") == {("TCD", "ALI")}


def test_an_inquiry_targets_the_doer_of_what_it_looks_into():
    text = "Prosecutors have opened an investigation into alleged abuses committed by prison guards in the north."
    st = run(text, ("Prosecutors", "PROS"), ("prison guards", "GUARDS"))
    assert ("PROS", "GUARDS") in pairs(st, "ACCUSE")


def test_a_weapon_fired_by_someone_hits_what_its_own_verb_names():
    text = "Mortar shells fired by the rebels landed on a camp for displaced families on Sunday, aid workers said."
    st = run(text, ("rebels", "REB"), ("displaced families", "FAM"), ("aid workers", "AID"))
    assert ("REB", "FAM") in pairs(st, "ASSAULT")


# -- tolls and answers --------------------------------------------------------------------------------------

def test_an_act_whose_participle_tells_its_toll_is_done_to_the_victims():
    text = "Witnesses said the gunmen shot sporadically, killing a farmer, before they fled into the forest."
    st = run(text, ("gunmen", "GUN"), ("farmer", "FARMER"))
    assert events(st, "ASSAULT") == [("shot", "GUN", "FARMER")]


def test_an_act_answering_another_is_done_to_its_doer():
    text = "A police officer said the soldiers fired warning shots and the rebels fired back."
    st = run(text, ("police officer", "POL"), ("soldiers", "SOL"), ("rebels", "REB"))
    assert ("REB", "SOL") in pairs(st, "ASSAULT")


def test_pulling_back_answers_nobody():
    text = "The soldiers shelled the ridge on Monday and the rebels pulled back to the hills."
    st = run(text, ("soldiers", "SOL"), ("rebels", "REB"))
    assert all(t != "SOL" for s, t in pairs(st, "RETREAT") if s == "REB")


def test_the_setting_of_a_meeting_is_not_its_party():
    text = "Sergei Petrov and Ali Karimi met on the sidelines of the Geneva Forum on Saturday."
    st = run(text, ("Sergei Petrov", "PETROV"), ("Ali Karimi", "KARIMI"), ("Geneva Forum", "FORUM"))
    assert all(t != "FORUM" for _, t in pairs(st, "CONSULT"))


def test_an_act_done_by_means_of_another_of_its_type_is_one_act():
    text = "Witnesses said the soldiers dispersed the marchers by firing their rifles into the air."
    st = run(text, ("soldiers", "SOL"), ("marchers", "MARCH"))
    assert events(st, "ASSAULT") == [("dispersed", "SOL", "MARCH")]


def test_victims_killed_by_shelling_keep_the_shelling_as_the_act():
    text = "At least four civilians have been killed by Indian shelling near the border, officials said."
    st = run(text, ("civilians", "CIV"), ("Indian", "IND"), ("officials", "OFF"))
    assert ("IND", "CIV") in pairs(st, "ASSAULT")
