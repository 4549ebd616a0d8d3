"""Quote speakers on parsed text (sentences written for these tests): described sources ("a Kremlin
source told Interfax", "security sources said", "said one driver"), texts that speak for their owner,
he/she after a speaker, the cue a quote belongs to, outlets that carry somebody's words."""

from __future__ import annotations

import pytest

import sitrep
from sitrep.core.datamodels import validate_data
from sitrep.lang.coref import definite_antecedent
from sitrep.errors import ConfigError
from sitrep.stages.actors.sources import DescribedSourcesFile, load_source_words

PUBLISHED = "2024-05-02"


@pytest.fixture(scope="module")
def pipe():
    return sitrep.default_pipeline()


def extract(pipe, text):
    return sitrep.extract(text, published=PUBLISHED, pipeline=pipe)


def quote(doc, starts):
    """The quote whose text starts with ``starts``."""
    return next(q for q in doc.quotes if q.text.startswith(starts))


def speaker(doc, starts):
    """The speaking actor of the quote starting with ``starts`` (None when it has none)."""
    q = quote(doc, starts)
    if q.speaker is None:
        return None
    return next((a for a in doc.actors if a.id == q.speaker.actor_id), None)


def test_a_described_source_speaks_not_the_outlet(pipe):
    doc = extract(pipe, "KYIV (Eastwire) - Moscow will answer the strikes, a Kremlin source told Interfax "
                        "on Monday.")
    a = speaker(doc, "Moscow will answer")
    assert a is not None and a.name == "a Kremlin source"
    assert a.kind == "person" and a.country == "RUS"   # the Kremlin in the description
    assert all(a.kind != "media" for a in [speaker(doc, "Moscow will answer")])


def test_plural_sources_are_a_group_and_they_goes_back_to_them(pipe):
    doc = extract(pipe, "Security sources said the convoy was hit near the border. They said two trucks "
                        "burned.")
    first, second = speaker(doc, "the convoy"), speaker(doc, "two trucks")
    assert first.name == "Security sources" and first.kind == "group"
    assert second.id == first.id


def test_an_inverted_described_speaker(pipe):
    doc = extract(pipe, 'Local officials said the road was open. "We saw fire everywhere," said one driver.')
    a = speaker(doc, "We saw fire")
    assert a.name == "one driver" and a.kind == "person"


def test_according_to_a_witness_and_the_witness_again(pipe):
    doc = extract(pipe, "Four people were killed in the shelling, according to a witness. The witness said "
                        "the shells fell on the market.")
    first, second = speaker(doc, "Four people"), speaker(doc, "the shells")
    assert first.name == "a witness"
    assert second.id == first.id


def test_the_words_after_a_description_are_an_alias(pipe):
    doc = extract(pipe, "The attack was repelled, an officer at the base in the border town said.")
    a = speaker(doc, "The attack was repelled")
    assert a.name == "an officer"
    assert any(al.startswith("an officer at the base") for al in a.aliases)


def test_a_coordination_of_descriptions_is_one_source(pipe):
    doc = extract(pipe, "Five soldiers were killed at the base, troops and residents said.")
    assert speaker(doc, "Five soldiers").name.lower() == "troops and residents"


def test_two_indefinite_descriptions_are_two_sources(pipe):
    doc = extract(pipe, "The bridge was destroyed, a witness said. The road was closed, a witness told "
                        "the radio.")
    assert speaker(doc, "The bridge").id != speaker(doc, "The road").id


def test_the_department_is_the_department_named_before(pipe):
    doc = extract(pipe, "The Treasury Department imposed sanctions on four firms on Tuesday. The firms "
                        "moved oil for the navy, the department said.")
    a = speaker(doc, "The firms moved oil")
    assert a is not None and "Treasury" in a.name


def test_a_text_speaks_for_its_owner(pipe):
    doc = extract(pipe, "Human Rights Watch accused the army of abuses. Soldiers burned twelve homes, the "
                        "group's statement said.")
    assert speaker(doc, "Soldiers burned").name == "Human Rights Watch"


def test_a_bare_statement_is_the_last_speaker(pipe):
    doc = extract(pipe, "The Treasury Department said the sanctions target nine people. The measures "
                        "freeze their assets in the United States, the statement said.")
    assert "Treasury" in speaker(doc, "The measures freeze").name


def test_a_figure_is_not_a_described_source(pipe):
    doc = extract(pipe, "More than 900 people have fled the district, according to UN figures.")
    assert not any(a.name.lower().endswith("figures") for a in doc.actors)


def test_he_after_a_speaker_is_that_speaker_not_a_person_named_in_between(pipe):
    doc = extract(pipe, "Prime Minister Lena Hart said President Omar Diallo had agreed to the talks. She said "
                        "the meeting would take place in Geneva.")
    assert speaker(doc, "the meeting would").name == "Lena Hart"


def test_a_quote_hanging_on_a_subjectless_cue_is_the_outer_speakers(pipe):
    doc = extract(pipe, 'The Health Ministry noted that early information indicates "the blasts were caused '
                        'by a gas leak in the basement."')
    a = speaker(doc, "the blasts were caused")
    assert a is not None and "Ministry" in a.name


def test_an_outlet_carrying_a_reported_speech_is_not_its_speaker(pipe):
    doc = extract(pipe, "The Syrian government denied that its troops had shelled the town, Levant Wire "
                        "reported.")
    a = speaker(doc, "its troops had shelled")
    assert a is not None and "Syria" in a.name
    assert not any("Levant" in (q.speaker.text if q.speaker else "") for q in doc.quotes)


def test_an_outlet_speaking_on_its_own_account_is_the_speaker(pipe):
    doc = extract(pipe, "Iran threatened to cut power to the region, the official IRNA news agency reported.")
    a = speaker(doc, "Iran threatened")
    assert a is not None and a.name == "the official IRNA news agency" and a.kind == "group"


def test_a_description_that_gives_its_name_is_that_name(pipe):
    doc = extract(pipe, "Soldiers killed ten militants near Gao. The militants' leader, known as Amadou "
                        "Koufa, said the fight would go on.")
    a = speaker(doc, "the fight would")
    assert a is not None and "Koufa" in a.name


def test_definite_antecedent_reads_name_words():
    cands = [("TREASURY", "Treasury Department", 10), ("UN", "United Nations", 40)]
    assert definite_antecedent("department", cands) == "TREASURY"
    assert definite_antecedent("bloc", cands) is None
    later = cands + [("STATE_DEPT", "State Department", 90)]
    assert definite_antecedent("department", later) == "STATE_DEPT"


def test_described_source_words_load_and_a_typo_fails():
    w = load_source_words()
    assert "say" in w.cue_verbs and "according" in w.cue_prep_first and "statement" in w.document_nouns
    with pytest.raises(ConfigError, match="source_head"):
        validate_data({"not_speakers": [], "media_heads": [], "organization_heads": [], "group_heads": [],
                       "weak_cues": [], "source_head": [], "naming_words": [], "antecedent_window": 9,
                       "max_tokens": 12},
                      DescribedSourcesFile, "described_sources.yaml")


def test_a_dateline_never_speaks(pipe):
    doc = extract(pipe, "WASHINGTON (Newswire) — The U.S. on Wednesday said it imposed new sanctions on 20 firms.")
    a = speaker(doc, "it imposed new sanctions")
    assert a is not None and a.name == "United States"


def test_the_addressee_of_told_is_not_the_speaker_past_a_relative_clause(pipe):
    doc = extract(pipe, "“We want to shut down parliament,” protester Ann Ruto, who was trying to enter the "
                        "building, told Reuters.")
    assert speaker(doc, "We want to shut").name == "Ann Ruto"


def test_state_media_is_a_described_group_and_a_party(pipe):
    doc = extract(pipe, "Pakistani state media accused Afghan troops of starting “unprovoked” gunfire.")
    a = speaker(doc, "unprovoked")
    assert a.name == "Pakistani state media" and a.kind == "group" and a.country == "PAK"
    accuse = next(e for e in doc.events if e.type == "ACCUSE")
    assert accuse.source is not None and accuse.source.actor_id == a.id   # a party of its events


def test_a_group_word_after_a_name_is_that_name(pipe):
    doc = extract(pipe, "The pro-Iranian Hezbollah group said its fighters attacked an army post.")
    a = speaker(doc, "its fighters attacked")
    assert a is not None and a.kind == "armed_group" and "group" not in a.name.lower().split()


def test_the_source_is_the_last_unnamed_speaker(pipe):
    doc = extract(pipe, "Gunmen attacked a checkpoint near the town, an officer from the provincial police told "
                        "Radio Dawn. The attackers came from two sides, the source said.")
    first, second = speaker(doc, "Gunmen attacked"), speaker(doc, "The attackers came")
    assert first is not None and first.name == "an officer"
    assert second is not None and second.id == first.id


@pytest.fixture(scope="module")
def positions_pipe():
    """A pipeline whose quotes stage also reads stated positions (as PolNeAR marks them)."""
    return sitrep.Pipeline(stage_config={"quotes": {"positions": True}})


def test_a_stated_position_is_no_quote_by_default(pipe):
    doc = extract(pipe, "Foreign Minister Espen Barth Eide called for an immediate ceasefire in the region on "
                        "Monday. He urged both armies to withdraw and vowed to rebuild every school.")
    assert not any(q.text.startswith(("an immediate ceasefire", "both armies", "to rebuild")) for q in doc.quotes)


def test_a_stated_position_reports_its_object(positions_pipe):
    doc = extract(positions_pipe, "Foreign Minister Espen Barth Eide called for an immediate ceasefire in the "
                                  "region on Monday. He urged both armies to withdraw from the border towns.")
    q = quote(doc, "an immediate ceasefire")
    assert q.kind == "indirect" and q.cue == "called for" and "Eide" in q.speaker.text
    urged = quote(doc, "both armies to withdraw")
    assert urged.speaker is not None and urged.speaker.actor_id == q.speaker.actor_id


def test_a_promise_reports_its_infinitive(positions_pipe):
    doc = extract(positions_pipe, "Prime Minister Anna Berg vowed to rebuild every school destroyed in the floods.")
    q = quote(doc, "to rebuild every school")
    assert "Anna Berg" in q.speaker.text and q.cue == "vowed"


def test_a_call_without_for_or_on_reports_nothing(positions_pipe):
    doc = extract(positions_pipe, "The mayor called an emergency meeting of the city council on Tuesday.")
    assert not any(q.text.startswith("an emergency meeting") for q in doc.quotes)


def test_a_person_named_after_of_is_the_member(pipe):
    doc = extract(pipe, "Farmers were killed near the river. A member of the House of Representatives, "
                        "Ahmed Kolo, who represents the district, also confirmed the attack in an interview. "
                        "\u201cIt was a very sad day for all of us here,\u201d he said.")
    assert speaker(doc, "It was a very sad day").name == "Ahmed Kolo"


def test_a_title_word_read_as_a_verb_still_names_the_speaker(pipe):
    doc = extract(pipe, "Paramedic Joan Amolo said dozens were hurt.\n\n\u201cWe want to shut down parliament "
                        "and every MP should go down and resign,\u201d protester Davis Tafari, who was trying "
                        "to enter parliament, told Reuters.")
    assert speaker(doc, "We want to shut down").name == "Davis Tafari"


def test_a_participle_speaks_for_the_subject_of_its_clause(pipe):
    doc = extract(pipe, "Opposition leader Maria Lund mocked the complaint, saying anybody who complains about "
                        "a microphone \u201cis not having a good night.\u201d")
    q = quote(doc, "is not having a good night")
    assert q.cue == "saying" and "Maria Lund" in q.speaker.text


def test_a_role_word_is_a_described_source_after_a_weak_cue(pipe):
    doc = extract(pipe, "The researchers reported that three firms hold most of the funds offshore.")
    a = speaker(doc, "three firms hold")
    assert a is not None and a.name.lower() == "the researchers" and a.kind == "group"


def test_a_quoted_term_does_not_carry_a_named_speakers_report(pipe):
    doc = extract(pipe, "Speaking in Toledo, Senator Ann Weller said the local player nicknamed \u201cKing James\u201d "
                        "was a longtime and dedicated supporter of the city's schools.")
    q = quote(doc, "the local player nicknamed")
    assert q.kind == "indirect" and "Ann Weller" in q.speaker.text


def test_quoted_words_that_are_most_of_a_report_carry_it(pipe):
    doc = extract(pipe, "Senator Ann Weller said the plan was \u201cdead on arrival and everybody in this town "
                        "knows it.\u201d")
    assert not any(q.kind == "indirect" for q in doc.quotes)


def test_a_lead_in_closing_the_paragraph_before_attributes_the_quote(pipe):
    doc = extract(pipe, "Governor Tom Alder spoke after the vote. He said:\n\n\u201cWe have a situation where "
                        "our roads are not safe and we have to act now.\u201d")
    q = quote(doc, "We have a situation")
    assert q.cue == "said" and q.speaker is not None and q.speaker.actor_id == speaker_id(doc, "Tom Alder")


def speaker_id(doc, name):
    """The id of the actor named ``name``."""
    return next(a.id for a in doc.actors if name in a.name)


def test_a_name_between_a_comma_and_the_cue_is_the_speaker(pipe):
    doc = extract(pipe, "Fuel was shipped through a front company called Kestrel Marine Holdings, the Treasury "
                        "statement noted.")
    q = quote(doc, "Fuel was shipped")
    assert q.speaker is not None and "Kestrel" not in q.speaker.text and "Treasury" in q.speaker.text


def test_a_parenthetical_name_speaks_for_the_host_clause(pipe):
    doc = extract(pipe, "His actions, Ambassador Ann Weller said, have directly contributed to the crisis that "
                        "caused \u201cso much pain and suffering to the people of the region.\u201d")
    q = quote(doc, "so much pain")
    assert q.speaker is not None and "Weller" in q.speaker.text


def test_one_clause_carried_by_outlets_is_one_report(pipe):
    doc = extract(pipe, "Nigerian police said on Wednesday 73 students were kidnapped by gunmen from their "
                        "school in Zamfara state, Trend reports citing Xinhua.")
    reports = [q for q in doc.quotes if "kidnapped" in q.text]
    assert len(reports) == 1 and "police" in reports[0].speaker.text


def test_it_agrees_with_a_singular_speaker_not_a_plural_one(pipe):
    doc = extract(pipe, "Rights groups and several foreign governments condemned the air strikes on Monday.\n\n"
                        "The junta said in a statement the truce would speed up relief.\n\nBut it warned its "
                        "opponents it would still respond to \u201cany attack on our forces and our people.\u201d")
    q = quote(doc, "any attack on our forces")
    junta = speaker(doc, "the truce would speed up")
    assert q.speaker is not None and junta is not None and q.speaker.actor_id == junta.id


def test_a_description_that_names_itself_speaks_as_the_name(pipe):
    doc = extract(pipe, "Another police officer guarding the ministry, named Hassan, told Reuters he saw at "
                        "least 12 bodies near the gate.")
    assert "Hassan" in quote(doc, "he saw at least 12 bodies").speaker.text


def test_a_name_given_by_first_name_only(pipe):
    doc = extract(pipe, "Another witness who identified himself only by his first name, Shambel, told The AP "
                        "\u201cthe community is now desperately seeking to be relocated.\u201d")
    assert "Shambel" in quote(doc, "the community is now").speaker.text


def test_quoted_as_saying_speaks_for_the_passive_subject(pipe):
    doc = extract(pipe, "Farmer Abdul Tahir, a resident of the area, is quoted as saying \u201cI have counted "
                        "230 bodies in the village.\u201d")
    assert "Tahir" in quote(doc, "I have counted").speaker.text


def test_words_chanted_are_the_chanters(pipe):
    doc = extract(pipe, "Police fired into the air near the ministry.\n\n\u201cJustice, justice. We are fed up "
                        "with the curfew,\u201d chanted the protesters before they dispersed.")
    q = quote(doc, "Justice, justice")
    assert q.cue == "chanted" and q.speaker is not None and "protesters" in q.speaker.text


def test_a_statement_that_reads_speaks_for_its_maker(pipe):
    doc = extract(pipe, "The statement made by Secretary of State Ann Weller reads: \u201cThe party's actions "
                        "have eroded democratic institutions in the country.\u201d")
    q = quote(doc, "The party's actions")
    assert q.cue == "reads" and q.speaker is not None and q.speaker.actor_id == speaker_id(doc, "Ann Weller")


def test_a_participle_on_a_noun_speaks_for_the_noun(pipe):
    doc = extract(pipe, "About 40 protesters chanting \u201cbread, work and freedom\u201d marched in front of the "
                        "education ministry on Saturday.")
    q = quote(doc, "bread, work")
    assert q.speaker is not None and "protesters" in q.speaker.text


def test_a_wire_lead_is_reported_by_the_speaker_after_the_comma(pipe):
    doc = extract(pipe, "An attack on a military bus in the east killed 23 government troops and wounded more "
                        "than 10, the Syrian Observatory for Human Rights said on Friday.")
    q = quote(doc, "An attack on a military bus")
    assert q.kind == "indirect" and "Observatory" in q.speaker.text


def test_a_coordinated_trailing_speaker_speaks_through_its_first_member(pipe):
    doc = extract(pipe, "Four people were killed on Tuesday in a drone strike on the city, the health ministry "
                        "and the official news agency WAFA said.")
    q = quote(doc, "Four people were killed")
    assert q.speaker is not None and "ministry" in q.speaker.text


def test_an_introductory_phrase_is_no_report(pipe):
    doc = extract(pipe, "In a statement, the ministry said: \u201cWe will rebuild the bridge within a month.\u201d")
    assert not any(q.text.startswith("In a statement") for q in doc.quotes)


def test_a_quoted_name_is_the_speaker_not_a_quote(pipe):
    doc = extract(pipe, "\u201cThe authorities accept the proposal of the peacekeeping command to cease fire,\u201d "
                        "the self-styled \u201cRepublic of Artsakh\u201d said, according to Reuters.\n\n\u201cAn "
                        "agreement was reached on the complete cessation of hostilities from 13:00.\u201d")
    assert quote(doc, "The authorities accept").speaker.text == "Republic of Artsakh"
    assert quote(doc, "An agreement was reached").speaker.text == "Republic of Artsakh"


def test_a_reported_subject_read_as_the_cues_object_stays_in_the_report(pipe):
    doc = extract(pipe, "He said Prime Minister Anna Berg, on an official visit in Norway, has been briefed.")
    assert any(q.text.startswith("Prime Minister Anna Berg") and q.text.endswith("briefed") for q in doc.quotes)


def test_after_an_addressee_the_second_object_begins_the_report(pipe):
    doc = extract(pipe, "Defense undersecretary Colin Kahl tells reporters the strikes overnight on facilities "
                        "used by militias showed that the United States won't hesitate to defend itself.")
    q = quote(doc, "the strikes overnight")
    assert "Kahl" in q.speaker.text


def test_according_to_closing_a_sentence_reports_all_of_it(pipe):
    doc = extract(pipe, "At least 15 civilians were killed on Monday when shells fired by the paramilitary "
                        "forces struck a busy market in the city, according to health officials.")
    q = quote(doc, "At least 15 civilians")
    assert q.cue == "according to" and "officials" in q.speaker.text


def test_a_clause_hung_on_a_misread_addressee_is_still_reported(pipe):
    doc = extract(pipe, "Witnesses told dpa that all the people inside the bombarded buses were civilians.")
    q = quote(doc, "all the people inside")
    assert q.kind == "indirect" and "Witnesses" in q.speaker.text


def test_a_stated_position_reports_the_object_of_any_speech_verb(positions_pipe):
    doc = extract(positions_pipe, "Senator Ann Weller noted the new rule in an interview last week. The party "
                                  "called the charges a fabrication by former employees.")
    assert "Weller" in quote(doc, "the new rule").speaker.text
    assert quote(doc, "the charges a fabrication").cue == "called"


def test_an_addressee_alone_is_no_stated_position(positions_pipe):
    doc = extract(positions_pipe, "\u201cWe will not leave,\u201d Mayor Tom Alder told reporters. He told his "
                                  "advisers to prepare a new budget by Friday.")
    assert not any(q.text == "reporters" for q in doc.quotes)
    assert quote(doc, "his advisers to prepare").speaker.actor_id == speaker_id(doc, "Tom Alder")


def test_a_passive_cue_reports_its_subject_and_the_agent_speaks(positions_pipe):
    doc = extract(positions_pipe, "The registration problem was first reported by The Washington Post on Monday.")
    q = quote(doc, "The registration problem")
    assert q.speaker is not None and "Washington Post" in q.speaker.text


def test_no_stated_position_by_default(pipe):
    doc = extract(pipe, "Senator Ann Weller noted the new rule in an interview last week.")
    assert not any(q.text.startswith("the new rule") for q in doc.quotes)


def test_a_described_speaker_no_actor_stands_for_is_named_by_its_words(pipe):
    doc = extract(pipe, "The text of the agreement, which took effect on Friday, says the "
                        "two countries will give up all claims to each other's territory.")
    q = quote(doc, "the two countries will give up")
    assert q.speaker is not None and q.speaker.text == "The text of the agreement"


def test_plural_reports_of_nobody_are_hearsay_without_a_speaker(pipe):
    doc = extract(pipe, "Multiple reports from several towns in the region said police used live ammunition "
                        "against the crowds.")
    q = quote(doc, "police used live ammunition")
    assert q.speaker is None


def test_an_unresolved_pronoun_names_no_speaker(pipe):
    doc = extract(pipe, "We said the bridge would be rebuilt within a month.")
    assert all(q.speaker is None for q in doc.quotes)


@pytest.fixture(scope="module")
def every_sense_pipe():
    """A pipeline whose quotes stage reads every kind of attribution (as the polnear suite runs it)."""
    from sitrep.evaluation.polnear import ATTRIBUTION_CONFIG

    return sitrep.Pipeline(stage_config=ATTRIBUTION_CONFIG)


def test_what_a_poll_shows_is_the_polls(every_sense_pipe):
    doc = extract(every_sense_pipe, "A Gallup poll shows that most voters in the state oppose the new tax.")
    q = quote(doc, "most voters in the state")
    assert q.cue == "shows" and q.speaker is not None and "Gallup" in q.speaker.text


def test_what_police_found_is_no_attribution(every_sense_pipe):
    doc = extract(every_sense_pipe, "Police found the body of the missing driver near the river on Monday.")
    assert not any(q.cue == "found" for q in doc.quotes)


def test_a_plan_and_a_stance_are_attributions_when_read(every_sense_pipe):
    doc = extract(every_sense_pipe, "Governor Tom Alder plans to release his tax returns next week. Senator Ann "
                                    "Weller supported the bill in a vote on Tuesday.")
    assert quote(doc, "to release his tax returns").cue == "plans"
    assert "Weller" in quote(doc, "the bill").speaker.text


def test_thoughts_evidence_and_stances_are_off_by_default(pipe):
    doc = extract(pipe, "A Gallup poll shows that most voters oppose the new tax. Governor Tom Alder plans to "
                        "release his tax returns next week.")
    assert doc.quotes == []


def test_a_relative_pronoun_names_its_antecedents_actor(pipe):
    doc = extract(pipe, "The award went to Senator Ann Weller, who said the prize belonged to her staff.")
    q = quote(doc, "the prize belonged")
    assert q.speaker is not None and q.speaker.text == "who" and q.speaker.actor_id == speaker_id(doc, "Ann Weller")


def test_a_speaker_is_named_by_its_whole_mention(pipe):
    doc = extract(pipe, "At least 529 people have been killed in the demonstrations, according to Human Rights "
                        "Activists in Iran.\n\n\u201cKona was beaten in front of his family,\u201d the Somali "
                        "Journalists Syndicate (SJS) said on Monday.")
    assert quote(doc, "At least 529 people").speaker.text == "Human Rights Activists in Iran"
    assert quote(doc, "Kona was beaten").speaker.text.endswith("Syndicate (SJS)")


def test_a_coordinated_speaker_is_named_with_all_its_members(every_sense_pipe):
    doc = extract(every_sense_pipe, "Regulators and environmental groups worried that the deal would leave no "
                                    "money for the clean-up.")
    assert quote(doc, "the deal would leave").speaker.text == "Regulators and environmental groups"


def test_an_as_clause_reports_the_rest_of_its_sentence(pipe):
    doc = extract(pipe, "The footage does not show whether the driver had a gun, as police have said. He is, as "
                        "The Daily Ledger put it in a long profile, the operator of the whole network.")
    q = quote(doc, "The footage does not show")
    assert q.cue == "said" and q.speaker.actor_id == speaker_id(doc, "police")
    assert quote(doc, "He is, as").cue == "put it"


def test_an_as_clause_without_a_speaker_reports_nothing(pipe):
    doc = extract(pipe, "The Karabakh forces have agreed to complete disarmament and full surrender, as "
                        "demanded by Azerbaijan.")
    assert not any(q.cue == "demanded" for q in doc.quotes)


def test_a_text_in_the_plural_speaks_unless_it_is_hearsay(every_sense_pipe):
    doc = extract(every_sense_pipe, "Polling averages show the governor with a lead in the low single digits.")
    assert quote(doc, "the governor with a lead").speaker.text == "Polling averages"


def test_a_lead_in_with_a_colon_and_no_cue_word_names_the_speaker(pipe):
    doc = extract(pipe, "Senator Ann Weller scolded the minister: \u201cThe scientific community is almost "
                        "united against you on this.\u201d")
    q = quote(doc, "The scientific community")
    assert q.speaker is not None and q.speaker.actor_id == speaker_id(doc, "Ann Weller")


def test_an_indefinite_or_modified_pronoun_describes_the_speaker(pipe):
    doc = extract(pipe, "Those close to the governor say that he would have to pick a new deputy. Some say "
                        "the campaign is worried about the vote in the north.")
    assert quote(doc, "he would have to pick").speaker.text == "Those close to the governor"
    assert quote(doc, "the campaign is worried").speaker.text == "Some"


def test_he_under_a_clause_of_a_described_person_is_that_person(pipe):
    doc = extract(pipe, "Iran's supreme leader threw his support behind a decision to raise fuel prices, a move "
                        "that sparked unrest in which he said \u2018some lost their lives\u2019.")
    q = quote(doc, "some lost their lives")
    assert q.speaker is not None and q.speaker.text == "Iran's supreme leader"


def test_a_speech_noun_with_a_possessor_attributes_the_quote_in_its_clause(pipe):
    doc = extract(pipe, "The protests were sparked by Prime Minister Anna Berg's announcement on Thursday that the "
                        "country would suspend talks until it was \u201cadequately prepared to open negotiations\u201d.")
    q = quote(doc, "adequately prepared")
    assert q.cue == "announcement" and q.speaker.actor_id == speaker_id(doc, "Anna Berg")


def test_a_speech_noun_states_its_that_clause_when_positions_are_read(positions_pipe):
    doc = extract(positions_pipe, "The ministry's claim that the convoy carried weapons was never proven.")
    q = quote(doc, "the convoy carried weapons")
    assert q.cue == "claim" and q.speaker is not None and "ministry" in q.speaker.text


def test_a_mixed_quote_without_a_cue_is_the_sentence_subjects(pipe):
    doc = extract(pipe, "Foreign Minister Anna Berg met the envoys in Muscat on Saturday.\n\nBerg thanked the "
                        "diplomats for talks held \u201cin a friendly atmosphere conducive to bridging viewpoints\u201d.")
    q = quote(doc, "in a friendly atmosphere")
    assert q.speaker is not None and q.speaker.actor_id == speaker_id(doc, "Anna Berg")


def test_a_mixed_quote_under_a_subject_that_is_no_person_stays_unattributed(pipe):
    doc = extract(pipe, "The ministry published a list of what it called \u201cillegal armed groups operating in "
                        "the north\u201d.")
    assert not any(q.text.startswith("illegal armed groups") and q.speaker is not None
                   and q.speaker.text == "The ministry" and q.cue is None for q in doc.quotes)


def test_no_description_is_cut_out_of_a_hyphenated_word(pipe):
    doc = extract(pipe, "Factions of the Turkey-backed Syrian National Army said on Sunday they had taken the town.")
    q = quote(doc, "on Sunday they had taken")
    assert q.speaker is None or "Turkey-backed" in q.speaker.text or q.speaker.text == "Factions"


def test_an_as_clause_of_time_is_no_attribution(pipe):
    doc = extract(pipe, "The president resigned on Sunday as the opposition threatened to storm the parliament.")
    assert not any(q.cue == "threatened" for q in doc.quotes)
