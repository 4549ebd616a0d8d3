"""Who the source of an act is on real news (issue #14, patterns 1, 2 and 4): a participle's own
"by" agent, an instrument that is no party, a collective noun standing for its members, generic
agents that take in the name in front of them.

Sentences are written for these tests (wire style, not taken from the news set). The events-stage
tests mark actor mentions by hand; the actors tests run the actors stage on the test KB."""

from __future__ import annotations

from sitrep.article import Article, ArticleState, Mention
from sitrep.core.contract import Actor

from actors_support import run as run_actors
from events_support import EVENTS, NLP, events, mention, pairs, run


def _run_with(text: str, marks: list[Mention], actors: list[Actor]) -> ArticleState:
    """The events stage alone on ``text`` with the mentions and actors given whole."""
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    st.mentions = sorted(marks, key=lambda m: m.start)
    st.actors = actors
    EVENTS.run_alone(st)
    return st


def _agent(text: str, phrase: str, actor_id: str) -> Mention:
    """A generic agent's mention ("gang", "drones"), as the actors stage makes it."""
    m = mention(text, phrase, actor_id)
    return Mention(start=m.start, end=m.end, actor_id=actor_id, text=phrase, how="agent")


# -- a participle's own "by" agent -------------------------------------------------------------------

def test_a_participle_with_its_own_by_agent_takes_it_as_source_not_the_main_subject():
    text = ("Islamist militants killed four soldiers in a town recently re-captured by the government, "
            "residents said.")
    st = run(text, ("Islamist militants", "ISL"), ("soldiers", "SOL"), ("government", "GOV"))
    by_trigger = {e.trigger: (e.source.actor_id if e.source else None) for e in st.events if e.type == "ASSAULT"}
    assert by_trigger.get("captured") == "GOV", by_trigger
    assert ("ISL", "SOL") in pairs(st, "ASSAULT")


# -- instruments -------------------------------------------------------------------------------------

def test_a_bare_instrument_is_no_source_even_when_its_actor_has_a_country():
    text = "Drones bombed militant positions near the town on Friday, the governor said."
    marks = [_agent(text, "Drones", "SOM_DRONE"), _agent(text, "militant", "MILITANT")]
    actors = [Actor(id="SOM_DRONE", name="Drones", kind="organization", country="SOM"),
              Actor(id="MILITANT", name="militants", kind="armed_group")]
    st = _run_with(text, marks, actors)
    assert [e.trigger for e in st.events if e.type == "ASSAULT"] == ["bombed"]
    assert {s for s, _ in pairs(st, "ASSAULT")} == {None}, pairs(st, "ASSAULT")


def test_an_instrument_whose_modifier_names_its_operator_keeps_it():
    text = "Russian jets bombed the rebel-held town of Ariha on Friday, residents said."
    marks = [mention(text, "Russian jets", "RUS_MIL")]
    actors = [Actor(id="RUS_MIL", name="Russia military", kind="organization", country="RUS")]
    st = _run_with(text, marks, actors)
    assert any(s == "RUS_MIL" for s, _ in pairs(st, "ASSAULT")), pairs(st, "ASSAULT")


# -- collectives ---------------------------------------------------------------------------------------

def test_a_collective_agent_word_stands_for_the_members_its_of_phrase_names():
    text = "A gang of gunmen stormed the village of Tungar Kwana early on Saturday, residents said."
    marks = [_agent(text, "gang", "GANG"), _agent(text, "gunmen", "GUNMAN"), _agent(text, "residents", "RES")]
    actors = [Actor(id="GANG", name="gang", kind="armed_group"), Actor(id="GUNMAN", name="gunmen", kind="armed_group"),
              Actor(id="RES", name="residents", kind="group")]
    st = _run_with(text, marks, actors)
    sources = {s for s, _ in pairs(st, "ASSAULT")}
    assert sources == {"GUNMAN"}, sources


def test_a_described_collective_stays_the_party():
    text = "A group of Tamil refugees began a hunger strike on Monday in protest at their detention."
    m = mention(text, "A group", "GROUP")
    marks = [Mention(start=m.start, end=m.end, actor_id="GROUP", text="A group", how="described"),
             _agent(text, "refugees", "REFUGEE")]
    actors = [Actor(id="GROUP", name="A group", kind="group"), Actor(id="REFUGEE", name="refugees", kind="group")]
    st = _run_with(text, marks, actors)
    assert {s for s, _ in pairs(st, "PROTEST")} == {"GROUP"}, pairs(st, "PROTEST")


# -- generic agents ------------------------------------------------------------------------------------

def test_peacekeepers_and_a_militia_group_take_in_the_names_in_front():
    st = run_actors("Civilians fled as UN peacekeepers and an Iraqi militia group exchanged fire near the camp.")
    texts = {m.text for m in st.mentions}
    assert "UN peacekeepers" in texts, texts
    assert "Iraqi militia group" in texts, texts


# -- "X-led", acts within acts, acts told again ------------------------------------------------------

def test_the_name_joined_to_a_leading_participle_is_the_source_of_the_act_noun():
    text = "Kurdish fighters played a central role in the Saudi-led offensive against the Houthi rebels."
    st = run(text, ("Kurdish fighters", "KUR"), ("Saudi", "SAU"), ("Houthi rebels", "HOU"))
    assert ("SAU", "HOU") in pairs(st, "ASSAULT"), pairs(st, "ASSAULT")


def test_an_abbreviation_before_a_hyphen_is_a_token_of_its_own():
    from sitrep.nlp import load_pipeline

    words = [t.text for t in load_pipeline()("Fighters joined the U.S.-led coalition and a U.N.-brokered truce.")]
    assert words[3:6] == ["U.S.", "-", "led"], words
    assert "U.N." in words, words


def test_an_act_within_a_larger_act_is_done_by_the_larger_acts_doer():
    text = "Four villagers were killed on Tuesday in a drone strike during a Turkish raid on the town of Qamishli."
    st = run(text, ("villagers", "VIL"), ("Turkish", "TUR"))
    by_trigger = {e.trigger: (e.source.actor_id if e.source else None, e.target.actor_id if e.target else None)
                  for e in st.events if e.type == "ASSAULT"}
    assert by_trigger.get("strike") == ("TUR", "VIL"), by_trigger


def test_an_agentless_passive_told_right_after_an_act_is_done_by_its_doer():
    text = ("Russian missiles struck the Burshtyn power plant overnight, the operator said. "
            "Its two turbines were also destroyed, the operator said.")
    st = run(text, ("Russian", "RUS"), ("operator", "OPR"), ("operator", "OPR", 1), kinds={"RUS": "state"})
    sources = [(e.trigger, e.source.actor_id if e.source else None) for e in st.events if e.type == "ASSAULT"]
    assert ("destroyed", "RUS") in sources, sources


def test_an_agentless_passive_far_from_the_last_act_takes_no_doer():
    text = ("Russian missiles struck the Burshtyn power plant overnight, the operator said. "
            "Repairs will take weeks, the company said. Crews worked through the night. "
            "Engineers from Lviv arrived at dawn. The plant's warehouse was also destroyed, officials said.")
    st = run(text, ("Russian", "RUS"), kinds={"RUS": "state"})
    sources = [(e.trigger, e.source.actor_id if e.source else None) for e in st.events if e.type == "ASSAULT"]
    assert ("destroyed", "RUS") not in sources, sources


def test_a_capitalised_plural_instrument_read_as_a_name_is_still_an_instrument():
    from types import SimpleNamespace

    from sitrep.stages.events.arguments import is_instrument
    from sitrep.stages.events.lexicon import load_lexicon

    cues = load_lexicon().cues
    drones = SimpleNamespace(lemma_="Drones", lower_="drones", pos_="PROPN", children=[])
    assert is_instrument(drones, cues)
    name = SimpleNamespace(lemma_="Jets", lower_="jets", pos_="NOUN", children=[])   # not a name: lemma kept
    assert not is_instrument(name, cues)


def test_an_agent_word_modifying_an_act_noun_is_its_doer_but_not_an_instrument_or_a_building():
    texts = {m.text for m in run_actors("Two soldiers were killed in a militant attack near Baramulla on Thursday.").mentions}
    assert "militant" in texts, texts
    texts = {m.text for m in run_actors("Officials said U.S. military airstrikes hit a depot in eastern Syria.").mentions}
    assert "U.S. military" in texts, texts
    texts = {m.text for m in run_actors("A drone strike hit the police station in Kidal on Monday.").mentions}
    assert not {"drone", "police"} & texts, texts


def test_a_militant_attack_has_the_militants_as_source():
    text = "Two soldiers were killed in a militant attack near Baramulla on Thursday."
    st = run(text, ("soldiers", "SOL"), ("militant", "MIL"))
    assert ("MIL", "SOL") in pairs(st, "ASSAULT"), pairs(st, "ASSAULT")
    text = "Two soldiers were killed in a drone strike near Baramulla on Thursday."
    st = run(text, ("soldiers", "SOL"), ("drone", "DRONE"))
    assert all(s != "DRONE" for s, _ in pairs(st, "ASSAULT")), pairs(st, "ASSAULT")


def test_a_crowds_act_noun_is_done_by_its_of_phrase():
    text = "The clashes came after a peaceful march of thousands of farmers made its way through the capital."
    st = run(text, ("farmers", "FARMER"))
    assert ("FARMER", None) in pairs(st, "PROTEST"), pairs(st, "PROTEST")


def test_an_unknown_name_before_an_instrument_is_no_operator():
    text = "Handheld Zorvax devices exploded in the hands of fighters in southern Lebanon on Tuesday."
    marks = [mention(text, "Zorvax", "ZORVAX"), mention(text, "fighters", "FIGHTER")]
    actors = [Actor(id="ZORVAX", name="Zorvax", kind="organization"), Actor(id="FIGHTER", name="fighters", kind="armed_group")]
    st = _run_with(text, marks, actors)
    assert all(s != "ZORVAX" for s, _ in pairs(st, "ASSAULT")), pairs(st, "ASSAULT")
    text = "Hamas rockets struck the town of Sderot on Monday, police said."
    marks = [mention(text, "Hamas", "HAMAS")]
    actors = [Actor(id="HAMAS", name="Hamas", kind="armed_group", kb_id="HAMAS")]
    st = _run_with(text, marks, actors)
    assert any(s == "HAMAS" for s, _ in pairs(st, "ASSAULT")), pairs(st, "ASSAULT")


def test_a_description_names_the_actor_of_its_appositive():
    text = "Israel struck Gaza on Monday in response to rockets fired by the Islamist movement Hamas overnight."
    st = run(text, ("Israel", "ISR"), ("Gaza", "GAZA"), ("Hamas", "HAMAS"))
    assert any(s == "HAMAS" for s, _ in pairs(st, "ASSAULT")), pairs(st, "ASSAULT")


def test_a_member_of_a_body_stays_with_the_body_before_an_appositive():
    text = "A member of the Syrian parliament, Mohammed Hamdan, started a hunger strike on Monday to protest the arrests."
    st = run(text, ("Syrian parliament", "SYR_LEG"), ("Mohammed Hamdan", "HAMDAN"), kinds={"HAMDAN": "person"})
    assert {s for s, _ in pairs(st, "PROTEST")} == {"SYR_LEG"}, pairs(st, "PROTEST")


def test_a_kind_word_alone_before_an_act_noun_is_no_actor():
    texts = {m.text for m in run_actors("The army launched a military operation against insurgents near Kidal.").mentions}
    assert "military" not in texts, texts


def test_the_light_verbs_subject_beats_a_modifier_of_the_act_noun():
    text = "The government launched a police operation against criminal gangs in the capital on Monday."
    st = run(text, ("government", "GOV"), ("police", "POLICE"), ("criminal gangs", "GANG"))
    found = pairs(st, "ASSAULT") | pairs(st, "COERCE")
    assert ("GOV", "GANG") in found and all(s != "POLICE" for s, _ in found), found


def test_a_boycott_of_an_institution_is_done_to_it():
    text = "Musicians have lifted a seven-month boycott of the Harbour Jazz Club, a venue on the waterfront."
    st = run(text, ("Musicians", "MUS"), ("Harbour Jazz Club", "CLUB"), kinds={"MUS": "group", "CLUB": "organization"})
    assert all(s != "CLUB" for t in ("PROTEST", "RETREAT") for s, _ in pairs(st, t)), (pairs(st, "PROTEST"), pairs(st, "RETREAT"))


def test_a_generic_agent_with_a_name_in_apposition_is_that_name():
    texts = {m.text for m in run_actors("Israel agreed to a truce with the militant group Hezbollah on Friday.").mentions}
    assert "militant group" not in texts, texts
    text = "The paramilitary group Tamazuj Brigade attacked the market in El Fasher on Sunday."
    m = mention(text, "paramilitary group", "PARA")
    marks = [Mention(start=m.start, end=m.end, actor_id="PARA", text="paramilitary group", how="agent"),
             mention(text, "Tamazuj Brigade", "TB")]
    st = _run_with(text, marks, [Actor(id="PARA", name="paramilitary group", kind="armed_group"),
                                 Actor(id="TB", name="Tamazuj Brigade", kind="armed_group")])
    assert {s for s, _ in pairs(st, "ASSAULT")} == {"TB"}, pairs(st, "ASSAULT")


def test_an_agentless_passive_does_not_take_a_crowd_as_its_doer():
    text = ("Crowds gathered in the square, firing into the air at dawn. "
            "Rebels said the city had been liberated overnight.")
    st = run(text, ("Crowds", "CROWD"), ("Rebels", "REB"), kinds={"CROWD": "group", "REB": "armed_group"})
    sources = [(e.trigger, e.source.actor_id if e.source else None) for e in st.events if e.type == "ASSAULT"]
    assert ("liberated", "CROWD") not in sources, sources


def test_known_victims_attacked_a_few_sentences_after_the_act_take_its_doer():
    text = ("Suspected Islamist insurgents killed 30 fishermen near Lake Chad on Sunday, residents said. "
            "The victims were returning from the market. Families buried them on Monday. "
            "The fishermen were attacked at dawn near the village of Kukawa.")
    st = run(text, ("Islamist insurgents", "INS"), ("fishermen", "FISH"), ("fishermen", "FISH", 1),
             kinds={"INS": "armed_group", "FISH": "group"})
    assert ("INS", "FISH") in {(s, t) for tr, s, t in events(st, "ASSAULT") if tr == "attacked"}, events(st, "ASSAULT")


def test_counted_or_new_victims_in_the_passive_take_no_doer_from_the_article():
    for victims in ("Four people were shot dead in the capital, officials said.",
                    "Dozens of houses were destroyed in the capital, officials said.",
                    "A warehouse was destroyed in the capital, officials said."):
        text = "Police raided an opposition office in Harare on Monday. " + victims
        st = run(text, ("Police", "POL"), ("opposition office", "OPP"), kinds={"POL": "organization"})
        assert all(s is None for tr, s, _ in events(st, "ASSAULT") if tr in ("shot", "destroyed")), (victims, events(st, "ASSAULT"))


def test_a_claim_of_the_act_beats_the_doer_from_the_article():
    text = ("A gunman opened fire on worshippers at a mosque in Kabul on Friday, police said. "
            "The Islamic State group claimed the blast killed 45 Shiite worshippers.")
    st = run(text, ("gunman", "GUN"), ("worshippers", "WOR"), ("Islamic State group", "IS"),
             ("Shiite worshippers", "SHIA"), kinds={"GUN": "armed_group", "IS": "armed_group", "SHIA": "group"})
    found = {s for tr, s, _ in events(st, "ASSAULT") if tr in ("blast", "killed")}
    assert "IS" in found and "GUN" not in found, events(st, "ASSAULT")


def test_a_repelled_attack_is_not_repelled_by_its_attacker():
    text = ("Al-Shabaab fighters stormed a military base near Galcad at dawn. "
            "The attack was eventually repelled, an officer at the base said.")
    st = run(text, ("Al-Shabaab fighters", "SHB"), ("officer", "OFF"), kinds={"SHB": "armed_group", "OFF": "person"})
    assert all(s != "SHB" for tr, s, _ in events(st, "ASSAULT") if tr == "repelled"), events(st, "ASSAULT")


def test_an_accusation_on_the_party_of_a_sanction_is_by_the_sanctioning_side():
    text = "The European Union imposed sanctions on 12 officials accused of abuses against protesters in Minsk."
    st = run(text, ("European Union", "EU"), ("officials", "OFF"), kinds={"EU": "igo", "OFF": "group"})
    assert ("EU", "OFF") in pairs(st, "ACCUSE"), events(st, "ACCUSE")


def test_an_accusation_on_the_party_of_an_arrest_is_by_the_arresting_side():
    text = "Police in Lagos arrested two men accused of the killing of a journalist on Sunday."
    st = run(text, ("Police", "POL"), ("two men", "MEN"), kinds={"POL": "organization", "MEN": "group"})
    assert ("POL", "MEN") in pairs(st, "ACCUSE"), events(st, "ACCUSE")


def test_an_accusation_participle_with_no_act_over_it_takes_no_doer():
    text = "Two men accused of the killing of a journalist fled to Ghana on Sunday."
    st = run(text, ("Two men", "MEN"), kinds={"MEN": "group"})
    assert all(s is None for s, _ in pairs(st, "ACCUSE")), events(st, "ACCUSE")


def test_an_attack_blamed_on_a_group_in_reported_speech_is_blamed_by_the_speaker():
    text = ("Nine farmers were killed in an ambush near a village in Diyala blamed on the Islamic State "
            "group, police sources said.")
    st = run(text, ("Islamic State group", "IS"), ("police sources", "SRC"), kinds={"IS": "armed_group", "SRC": "group"})
    assert ("SRC", "IS") in pairs(st, "ACCUSE"), events(st, "ACCUSE")


def test_an_accusation_in_the_passive_outside_reported_speech_has_no_accuser():
    text = "The gangs of the capital are accused of mass killings and arson in the north of the city."
    st = run(text, ("gangs of the capital", "GANGS"), kinds={"GANGS": "armed_group"})
    assert pairs(st, "ACCUSE") <= {(None, "GANGS")}, events(st, "ACCUSE")


def test_policemen_killed_in_a_gunbattle_with_rebels_are_a_side_of_it():
    text = "Two policemen were killed in a gunbattle with FARC dissidents in Cauca on Sunday."
    st = run(text, ("policemen", "POL"), ("FARC dissidents", "FARC"), kinds={"POL": "organization", "FARC": "armed_group"})
    assert ("POL", "FARC") in pairs(st, "ASSAULT"), events(st, "ASSAULT")


def test_a_gerund_of_time_is_done_by_the_governing_verbs_subject_not_its_object():
    text = ("Rebel fighters attacked army soldiers near Kawlin last week, before overpowering them on "
            "Monday and taking over the town.")
    st = run(text, ("Rebel fighters", "REB"), ("army soldiers", "ARMY"), kinds={"REB": "armed_group", "ARMY": "organization"})
    found = events(st, "ASSAULT") + events(st, "COERCE")
    assert all(s != "ARMY" for _, s, _ in found) and any(s == "REB" and tr != "attacked" for tr, s, _ in found), found


def test_a_gerund_of_a_charge_is_still_done_by_the_object():
    text = "The minister criticised the army for shelling the village of Kawlin on Monday."
    st = run(text, ("minister", "MIN"), ("army", "ARMY"), kinds={"MIN": "person", "ARMY": "organization"})
    assert any(s == "ARMY" for s, _ in pairs(st, "ASSAULT")), events(st, "ASSAULT")


def test_a_delegation_from_a_party_stands_for_that_party():
    text = "Delegations from the Colombian government and the ELN rebels met in Havana on Monday."
    st = run(text, ("Colombian government", "COL"), ("ELN rebels", "ELN"), kinds={"COL": "state", "ELN": "armed_group"})
    found = pairs(st, "CONSULT")
    assert ("COL", "ELN") in found or ("ELN", "COL") in found, found


def test_victims_named_by_a_bare_plural_take_no_doer_from_the_article():
    text = ("Gunmen stormed the village of Gidan Bakuso on Sunday, residents said. "
            "We still do not know the number of persons abducted, a resident said.")
    st = run(text, ("Gunmen", "GUN"), ("resident", "RES"), kinds={"GUN": "armed_group", "RES": "person"})
    assert all(s != "GUN" for tr, s, _ in events(st, "ASSAULT") if tr == "abducted"), events(st, "ASSAULT")
