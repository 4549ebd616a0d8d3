"""The actors stage on sentences written for these tests (wire-copy style, fictional where it matters)."""

from __future__ import annotations

import pickle

import pytest

from actors_support import actor_of, mention, run, support_stage


def check_offsets(state):
    for m in state.mentions:
        assert state.text[m.start:m.end] == m.text
    for a in state.actors:
        for sp in a.mentions:
            assert state.text[sp.start:sp.end] == sp.text
    starts = [m.start for m in state.mentions]
    assert starts == sorted(starts)
    for a, b in zip(state.mentions, state.mentions[1:]):
        assert a.end <= b.start  # no overlapping mentions


def test_kb_names_survive_ner_mistakes():
    st = run("Fighters loyal to Jabhat al-Nusra pushed into Idlib on Tuesday, residents said.")
    check_offsets(st)
    nusra = actor_of(st, "Jabhat al-Nusra")
    assert nusra.id == "NUSRA" and nusra.kind == "armed_group" and nusra.kb_id == "NUSRA"
    assert all(m.text != "Idlib" for m in st.mentions)  # a place, not an actor
    assert all(a.kind != "person" for a in st.actors)


def test_acronym_defined_in_text_links_both_forms():
    st = run("The Free Syrian Legion (FSL) said on Monday it had pulled back. An FSL commander "
             "confirmed the move late on Monday.")
    check_offsets(st)
    legion = actor_of(st, "Free Syrian Legion")
    assert legion is not None and legion.kind == "armed_group"
    assert actor_of(st, "FSL").id == legion.id
    assert [m for m in st.mentions if "FSL" in m.text][1].actor_id == legion.id
    assert "FSL" in legion.aliases
    st = run("Hayat Tahrir al-Sham (HTS) took the town. HTS fighters then advanced south.")
    assert actor_of(st, "Hayat Tahrir al-Sham").id == actor_of(st, "HTS").id == "HTS"


def test_metonym_acts_versus_place():
    st = run("Moscow said on Friday it would respond in kind.\n"
             "Drones struck two buildings in Moscow overnight, the mayor said.")
    check_offsets(st)
    moscows = [m for m in st.mentions if m.text == "Moscow"]
    assert len(moscows) == 1 and moscows[0].how == "metonym" and moscows[0].actor_id == "RUS"
    assert moscows[0].start == 0
    st = run("The Kremlin denied the report, and Washington reached out to Moscow through a hotline.")
    assert {(m.text, m.actor_id, m.how) for m in st.mentions} >= {
        ("Kremlin", "RUS", "metonym"), ("Washington", "USA", "metonym"), ("Moscow", "RUS", "metonym")}
    st = run("Thousands of people marched through Tehran on Sunday.")
    assert not any(m.text == "Tehran" for m in st.mentions)


def test_capital_the_ner_misses_is_still_a_metonym():
    # the small model tags no entity on "Kyiv"; the KB knows it as Ukraine's capital
    st = run("Moscow accused Kyiv on Tuesday of shelling the power plant.\n"
             "Kyiv said the charge was false. Sirens sounded across Kyiv overnight.")
    check_offsets(st)
    kyivs = [m for m in st.mentions if m.text == "Kyiv"]
    assert [(m.actor_id, m.how) for m in kyivs] == [("UKR", "metonym"), ("UKR", "metonym")]
    # a capitalised run that is more than the capital's name is not the capital
    st = run("The Kyiv Independent reported the strike on Tuesday.")
    assert not any(m.actor_id == "UKR" for m in st.mentions)


def test_demonyms_and_possessives_give_the_state():
    st = run("Russian officials met Iranian diplomats in Vienna on Thursday, while Iran's army held drills.")
    check_offsets(st)
    assert mention(st, "Russian officials").actor_id == "RUS"
    assert mention(st, "Russian officials").how == "demonym"
    assert mention(st, "Iranian diplomats").actor_id == "IRN"
    army = actor_of(st, "Iran's army")
    assert (army.country, army.sector, army.affiliation) == ("IRN", "MIL", "IRN")


def test_generic_agents_with_country_and_sector():
    st = run("Syrian rebels shelled the town while Turkish troops watched from the border. "
             "Police fired tear gas at protesters.")
    check_offsets(st)
    reb = actor_of(st, "Syrian rebels")
    assert (reb.id, reb.country, reb.sector, reb.kind) == ("SYR_REB", "SYR", "REB", "armed_group")
    tur = actor_of(st, "Turkish troops")
    assert (tur.country, tur.sector) == ("TUR", "MIL")
    assert actor_of(st, "Police").sector == "COP" and actor_of(st, "Police").country is None
    assert actor_of(st, "protesters").sector == "OPP"


def test_the_regime_is_the_state_already_named():
    st = run("The Assad regime lost control of the city on Sunday. The regime later denied the reports.")
    regimes = [m for m in st.mentions if m.text == "regime"]
    assert len(regimes) == 2 and {m.actor_id for m in regimes} == {"SYR"}
    assert actor_of(st, "Assad").id == "ASSAD"


def test_bare_rebels_go_to_the_dominant_armed_group():
    st = run("The rebels seized the airport. Hayat Tahrir al-Sham said the operation was over. "
             "HTS fighters set up checkpoints, and HTS commanders met elders.")
    assert actor_of(st, "rebels").id == "HTS"


def test_person_roles_from_title_and_apposition():
    st = run("Defence Secretary Marcus Hale visited British troops in Estonia on Monday.")
    hale = actor_of(st, "Marcus Hale")
    assert hale.kind == "person" and hale.role == "Defence Secretary"
    st = run("Marcus Hale, the British defence secretary, met Ukrainian officials in Kyiv.")
    hale = actor_of(st, "Marcus Hale")
    assert (hale.kind, hale.role, hale.affiliation, hale.country) == ("person", "defence secretary", "GBR", "GBR")
    st = run("State Department spokeswoman Clara Voss said the talks would go ahead.")
    voss = actor_of(st, "Clara Voss")
    assert voss.role == "State Department spokeswoman" and voss.affiliation == "USA" and voss.country == "USA"


def test_person_role_from_kb_when_text_gives_none():
    st = run("Jake Sullivan spoke to reporters on Tuesday.", published="2023-05-01")
    s = actor_of(st, "Jake Sullivan")
    assert s.id == "JAKE_SULLIVAN" and s.role == "National Security Advisor" and s.affiliation == "USA"


def test_unknown_names_become_actors():
    st = run("The Northern Valley Brigades claimed the attack. Tawasul News Agency carried the claim, "
             "and Ilona Berg of the Hollow Creek Foundation condemned it.")
    assert actor_of(st, "Northern Valley Brigades").kind == "armed_group"
    assert actor_of(st, "Tawasul News Agency").kind == "media"
    assert actor_of(st, "Ilona Berg").kind == "person"
    assert actor_of(st, "Hollow Creek Foundation").kind == "organization"


@pytest.mark.parametrize("text, name", [
    ("Opposition fighters said on Sunday they had taken the town of Tal Rifaat from Kurdish forces.", "Tal Rifaat"),
    ("Government troops pulled back from most of Daraa and Sweida provinces overnight.", "Sweida"),
    ("Rebels opened the gates of Saydnaya military prison before dawn.", "Saydnaya"),
    ("The convoy halted two miles east of Qaryat Nour after the shelling.", "Qaryat Nour"),
])
def test_unknown_name_in_a_place_frame_is_not_an_actor(text, name):
    st = run(text)
    # (a facility the name is part of is a described entity of its own: "Saydnaya military prison")
    named = {m.actor_id for m in st.mentions if m.how != "entity"}
    assert all(name not in a.name for a in st.actors if a.id in named), [a.name for a in st.actors]


def test_place_frame_leaves_organisations_and_people_alone():
    st = run("Fighters of the Northern Valley Brigades shelled a Northern Valley Brigades base overnight. "
             "Ilona Berg, the mayor of the city, said the son of Omar Dalil was among the wounded.")
    assert actor_of(st, "Northern Valley Brigades").kind == "armed_group"
    assert actor_of(st, "Omar Dalil").kind == "person" and actor_of(st, "Ilona Berg").kind == "person"


def test_quantifiers_and_own_are_not_part_of_an_agents_name():
    st = run("Many troops stayed behind. The government must talk to its own people, the envoy said.")
    assert actor_of(st, "troops").name == "troops"
    assert actor_of(st, "people").name == "people"


def test_one_actor_per_real_actor():
    st = run("The United States said on Monday that the U.S. would keep troops in Iraq. Washington "
             "also urged Baghdad to act. Hayat Tahrir al-Sham, or HTS, denied it. Tahrir al-Sham "
             "fighters later withdrew.")
    check_offsets(st)
    ids = [a.id for a in st.actors]
    assert len(ids) == len(set(ids))
    usa = st.actor("USA")
    assert {"United States", "U.S.", "Washington"} <= {m.text for m in usa.mentions}
    hts = st.actor("HTS")
    assert {"Hayat Tahrir al-Sham", "HTS"} <= {m.text for m in hts.mentions}
    assert hts.wikidata == "Q28060447" and hts.country == "SYR"


def test_lineage_kept_apart_and_media_actor():
    st = run("Hayat Tahrir al-Sham grew out of Jabhat al-Nusra, CNN reported.")
    hts, nusra, cnn = st.actor("HTS"), st.actor("NUSRA"), st.actor("CNN")
    assert hts and nusra and hts.id != nusra.id
    assert cnn.kind == "media" and cnn.sector == "JRN"


def test_lowercase_words_never_match_acronyms():
    st = run("Tell us what is happening, he said.")
    assert not any(m.actor_id in ("USA", "ISIS") for m in st.mentions)
    st = run("IS fighters attacked a checkpoint, and the US condemned the attack.")
    assert actor_of(st, "IS").id == "ISIS" and actor_of(st, "US").id == "USA"


def test_stage_pickles_without_resources():
    stage = support_stage()
    run("Iran said on Friday it would respond.")
    clone = pickle.loads(pickle.dumps(stage))
    assert not any(k.startswith("_res_") for k in clone.__dict__)
    assert clone.kb_paths == stage.kb_paths


def test_led_and_backed_agents():
    st = run("Iran-backed militias and HTS-led rebels clashed near the airport on Sunday.")
    assert actor_of(st, "HTS-led rebels").id == "HTS"
    assert actor_of(st, "militias").id != "IRN" and actor_of(st, "Iran").id == "IRN"


def test_bare_title_of_an_organisation_is_that_organisation():
    st = run("A NATO commander said the drills would go ahead.")
    m = [m for m in st.mentions if "commander" in m.text]
    assert m and m[0].actor_id == "NATO" and m[0].how == "title"


def test_dateline_is_not_an_actor():
    st = run("MOSCOW (Reuters) - Heavy snow closed two airports on Monday.")
    assert not any(m.text == "MOSCOW" for m in st.mentions)
    assert actor_of(st, "Reuters").kind == "media"


def test_plural_titles_and_place_modifiers_give_sector_and_country():
    st = run("Syrian rebel leaders met on Sunday, while Baghdad police and Aleppo militants stayed away. "
             "Senior commanders declined to comment.")
    leaders = actor_of(st, "Syrian rebel leaders")
    assert (leaders.id, leaders.country, leaders.sector) == ("SYR_REB", "SYR", "REB")
    police = actor_of(st, "Baghdad police")
    assert (police.country, police.sector) == ("IRQ", "COP")
    assert actor_of(st, "Aleppo militants").country == "SYR"  # a town in front gives the country
    assert actor_of(st, "Senior commanders").sector == "MIL"


def test_where_agents_are_gives_their_country():
    st = run("Demonstrators in Baghdad blocked a road on Tuesday, and angry Turkish bakery workers joined them.")
    dem = actor_of(st, "Demonstrators")
    assert (dem.country, dem.sector) == ("IRQ", "OPP")
    assert not any(m.text == "Baghdad" for m in st.mentions)  # still a place
    assert actor_of(st, "angry Turkish bakery workers").country == "TUR"


def test_a_title_before_another_persons_name_is_not_an_apposition():
    import sitrep

    doc = sitrep.extract("The US had no part in the offensive that toppled Assad, Pentagon spokesman Pat Ryder "
                         "told reporters on Monday.", published="2024-12-09")
    roles = {a.name: a.role for a in doc.actors}
    assert roles["Pat Ryder"] == "Pentagon spokesman"
    assert roles["Bashar al-Assad"] != "Pentagon spokesman"


def test_where_troops_are_is_not_whose_they_are():
    import sitrep

    doc = sitrep.extract("Washington keeps a force of about 900 troops in Syria. Protesters in Baghdad "
                         "marched on Friday.", published="2024-12-03")
    by_text = {m.text: a for a in doc.actors for m in a.mentions}
    assert by_text["troops"].country != "SYR"
    assert by_text["Protesters"].country == "IRQ"


def test_an_agent_absorbed_into_a_larger_agent_phrase_does_not_crash():
    import sitrep

    doc = sitrep.extract("But when the time came, under pressure from the Teamsters and the union's allies in "
                         "Congress, Washington backed out.")
    assert any(a.country == "USA" or a.id == "USA" for a in doc.actors)


def test_generic_groups_of_monitor_notes_are_actors():
    """Wire and monitor notes name their actors by what they are: armed men, a mob, gendarmes
    (capitalised at a sentence's start, which spaCy leaves unlemmatised), fishermen, retirees."""
    from sitrep import Pipeline
    from sitrep.core.article import Article

    p = Pipeline()
    for text, source in [("Armed men kidnapped a village chief near Kidal.", "Armed men"),
                         ("A mob set fire to a police station in Kano.", "mob"),
                         ("Gendarmes arrested three smugglers near Agadez.", "Gendarmes"),
                         ("Fishermen blocked the port of Dakar on Monday.", "Fishermen"),
                         ("Dozens of retirees protested outside parliament in Athens.", "retirees")]:
        doc = p(Article(text=text, published="2024-03-14"))
        assert [e.source.text for e in doc.events if e.source] == [source], text


def test_a_preposition_tagged_as_an_adjective_is_no_part_of_an_agent():
    from sitrep import Pipeline
    from sitrep.core.article import Article

    doc = Pipeline()(Article(text="Dozens of retirees protested outside parliament in Athens.", published="2024-03-14"))
    assert "parliament" in {a.name for a in doc.actors} and not any("outside" in a.name for a in doc.actors)


def test_the_end_of_a_place_name_is_no_person():
    from sitrep import Pipeline
    from sitrep.core.article import Article

    p = Pipeline()
    doc = p(Article(text="Three policemen were shot dead in Dera Ismail Khan on Sunday.", published="2024-03-14"))
    assert not [a for a in doc.actors if a.kind == "person"]
    assert "Dera Ismail Khan" in {pl.name for pl in doc.places}
    doc = p(Article(text="Imran Khan said on Monday he would march on Islamabad.", published="2024-03-14"))
    assert [a.name for a in doc.actors if a.kind == "person"] == ["Imran Khan"]


def test_people_groups_of_the_cameo_agents_dictionary_are_actors():
    """The CAMEO agents dictionary's words for people who protest, riot or commit crimes (supporters,
    communities, peasants, gangs, arsonists, employees, pupils) are generic actors, and "the junta"
    is the regime of the country the text names."""
    from sitrep import Pipeline
    from sitrep.core.article import Article

    p = Pipeline()
    for text, source in [("Supporters of the ruling party marched through Harare on Friday.", "Supporters"),
                         ("Peasants occupied a cattle ranch in Caqueta department.", "Peasants"),
                         ("Hospital employees protested outside the health ministry in Tunis.", "Hospital employees"),
                         ("A gang kidnapped two engineers near Warri.", "gang"),
                         ("Arsonists torched a polling station in Kasai.", "Arsonists")]:
        doc = p(Article(text=text, published="2024-03-14"))
        assert [e.source.text for e in doc.events if e.source] == [source], text
    doc = p(Article(text="The junta in Mali dissolved all political parties.", published="2024-03-14"))
    assert [(e.type, e.source.text) for e in doc.events if e.source] == [("COERCE", "junta")]


def test_a_bare_state_organ_takes_the_state_the_story_is_about():
    st = run("Iraq's parliament met on Sunday as unrest spread across Iraq. Police fired tear gas at protesters "
             "in the capital, and the authorities said 12 people were arrested. Soldiers guarded the bridges.")
    police, protesters = actor_of(st, "Police"), actor_of(st, "protesters")
    assert (police.id, police.country, police.affiliation) == ("IRQ_COP", "IRQ", "IRQ")
    assert (protesters.country, protesters.sector) == ("IRQ", "OPP")
    assert actor_of(st, "Soldiers").id == "IRQ_MIL"
    # an inferred government word is the state's government, not the state itself
    assert actor_of(st, "authorities").id == "IRQ_GOV"
    assert actor_of(st, "people").country is None  # people in general take no country


def test_a_bare_organ_takes_no_country_when_the_story_is_not_about_one_state():
    st = run("Iran and Iraq traded accusations on Sunday. Police in the border town said the army was on alert.")
    assert actor_of(st, "Police").country is None and actor_of(st, "army").country is None


def test_a_bare_organ_keeps_no_country_when_another_states_organ_is_named():
    st = run("Turkish troops shelled villages in northern Syria on Monday, the third day of fighting in Syria. "
             "Soldiers later withdrew from the border, residents of Syria said.")
    assert actor_of(st, "Turkish troops").id == "TUR_MIL"
    assert actor_of(st, "Soldiers").country is None   # whose soldiers the text does not say


def test_partners_and_instruments_never_take_the_story_state():
    st = run("Iraq asked for help on Sunday after floods across Iraq. Partners pledged tents and drones were "
             "sent to map the damage.")
    assert actor_of(st, "Partners").country is None
    assert actor_of(st, "drones").country is None


def test_blocs_of_states_are_actors_of_no_state():
    """"Arab states", "Western countries", "Gulf nations": one actor each, named by the bloc, never the
    story's state (a story about Libya does not make the Western countries Libya's)."""
    st = run("Libya's rival governments met in Tunis on Monday. Western countries imposed sanctions on Libya "
             "in 2011, and several Gulf nations have since sent envoys to Tripoli. Libya's army said it was ready.")
    western, gulf = actor_of(st, "Western countries"), actor_of(st, "Gulf nations")
    assert (western.id, western.country) == ("WESTERN_COUNTRY", None)
    assert (gulf.id, gulf.country) == ("GULF_NATION", None)


def test_a_bloc_of_states_is_the_source_of_its_act():
    from sitrep import Pipeline
    from sitrep.core.article import Article

    doc = Pipeline()(Article(text="CAIRO, March 3 (Reuters) - Arab states imposed sanctions on Syria in 2011, "
                                  "Egyptian officials said.", published="2024-03-14"))
    assert ("SANCTION", "Arab states", "Syria") in {
        (e.type, e.source.text, e.target.text) for e in doc.events if e.source and e.target}


def test_a_surname_the_ner_cut_off_stays_the_persons():
    """"[Shah Mehmood] Qureshi met ...": the capitalised word the NER left out after a PERSON span, which
    names no place, is the person's surname; the bare surname later is that person."""
    st = run("Foreign Minister Shah Mehmood Qureshi met his Chinese counterpart Wang Yi in Beijing on Monday.\n\n"
             "Qureshi later met Iranian officials in Tehran.")
    qureshi = actor_of(st, "Shah Mehmood Qureshi")
    assert qureshi.kind == "person" and actor_of(st, "Qureshi").id == qureshi.id
