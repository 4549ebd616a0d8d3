"""Negation and modality of a predicate from the dependency parse (sentences written for the tests)."""

from __future__ import annotations

import pytest

from sitrep.lang.modality import analyze, load_cues
from sitrep.nlp import load_pipeline


def tok(sentence: str, word: str):
    doc = load_pipeline()(sentence)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("sentence,word,negated,modality", [
    ("Nigerian troops attacked the camp on Sunday.", "attacked", False, "asserted"),
    ("Nigerian troops did not attack the camp.", "attack", True, "asserted"),
    ("Nigerian troops never attacked the camp.", "attacked", True, "asserted"),
    ("Officials said the army would not withdraw from the town.", "withdraw", True, "future"),
    ("Peru will send aid to Bolivia.", "send", False, "future"),
    ("Peru plans to send aid to Bolivia.", "send", False, "future"),
    ("If Peru sends troops, Bolivia could retaliate.", "retaliate", False, "hypothetical"),
    ("Peru might send troops to the border.", "send", False, "hypothetical"),
    ("Rebels shelled the airport, the governor said.", "shelled", False, "reported"),
    ("The governor said that rebels shelled the airport.", "shelled", False, "reported"),
    ("According to witnesses, police fired on the crowd.", "fired", False, "reported"),
    ("The militia had previously seized the dam.", "seized", False, "historical"),
    ("The militia seized the dam ten years ago.", "seized", False, "historical"),
    ("Lebanon had no involvement in the raid.", "had", True, "asserted"),
    ("Let me be clear that Lebanon is in no way involved in the raid.", "involved", True, "asserted"),
    ("The ministry denied shelling the village.", "shelling", True, "reported"),
    ("Israel is not lifting the blockade.", "lifting", True, "asserted"),
    # the purpose of a future act is future, not the purpose of a past one
    ("The minister will fly to Cairo on Sunday to attend the summit.", "summit", False, "future"),
    ("The minister will fly to Cairo to meet the president and sign the accord.", "sign", False, "future"),
    ("The minister flew to Cairo on Sunday to attend the summit.", "summit", False, "asserted"),
])
def test_analyze(sentence, word, negated, modality):
    r = analyze(tok(sentence, word))
    assert (r.negated, r.modality) == (negated, modality), r.cues


def test_negated_noun_under_light_verb():
    r = analyze(tok("The army did not launch an offensive.", "offensive"), is_noun=True)
    assert r.negated


def test_speech_verb_is_returned():
    r = analyze(tok("Kenya said that Somali militants attacked the base.", "attacked"))
    assert r.speech_verb is not None and r.speech_verb.text == "said"


def test_cues_load_once_and_are_valid():
    a = load_cues()
    assert a is load_cues()
    assert "not" in a.negators and "will" in a.future_aux and "say" in a.speech_verbs


def test_thought_verbs_are_a_list_of_their_own_and_report_too():
    from sitrep.lang.modality import read_cues

    cues = read_cues()
    assert "believe" in cues.thought_verbs and "believe" not in cues.speech_verbs
    assert {"say", "believe"} <= cues.reporting_verbs
    r = analyze(tok("Officials believe the army withdrew from the town.", "withdrew"))
    assert r.modality == "reported"


def test_cues_can_be_passed():
    import dataclasses

    from sitrep.lang.modality import read_cues

    t = tok("Kenya said that Somali militants attacked the base.", "attacked")
    assert analyze(t).speech_verb is not None
    mute = dataclasses.replace(read_cues(), speech_verbs=frozenset())
    assert analyze(t, cues=mute).speech_verb is None


def test_a_broken_modality_file_names_the_field():
    from sitrep.datafiles import load_data
    from sitrep.datamodels import validate_data
    from sitrep.errors import ConfigError
    from sitrep.lang.modality import ModalityFile

    data = {k: v for k, v in load_data("modality.yaml").items() if k != "future_aux"}
    with pytest.raises(ConfigError, match=r"modality\.yaml: future_aux"):
        validate_data(data, ModalityFile, "sitrep/data/modality.yaml")


# -- planned acts (issue #14): future modality for acts announced or scheduled ---------------------------

@pytest.mark.parametrize("sentence,word,is_noun,modality", [
    ("Regional army chiefs were to meet in Abuja later on Sunday.", "meet", False, "future"),
    ("The two presidents are to sign the accord in Luanda on Friday.", "sign", False, "future"),
    ("The foreign ministers are due to meet in Ankara on Tuesday.", "meet", False, "future"),
    ("Kenya's president is set to travel to Kinshasa next week.", "travel", False, "future"),
    ("The ministers are expected to meet their Qatari counterparts on Monday.", "meet", False, "future"),
    ("The prime minister is set to appear at the regional security summit in Tallinn.", "summit", True, "future"),
    ("Talks between the government and the rebels are scheduled for Monday.", "Talks", True, "future"),
    ("Ceasefire talks scheduled for next week were postponed.", "talks", True, "future"),
    ("Blinken is expected in Cairo for talks with Egyptian officials.", "talks", True, "future"),
    ("Diplomats prepared for the upcoming summit in Doha.", "summit", True, "future"),
    ("Talks between the two sides are set to resume in Doha.", "Talks", True, "future"),
    ("The prisoner exchange is slated to proceed over the weekend.", "exchange", True, "future"),
    ("Putin will hold talks with the Turkish president in Sochi.", "talks", True, "future"),
    ("The envoy will travel to Doha for talks with the group's leaders.", "talks", True, "future"),
])
def test_planned_acts_are_future(sentence, word, is_noun, modality):
    r = analyze(tok(sentence, word), is_noun=is_noun)
    assert r.modality == modality, r.cues


@pytest.mark.parametrize("sentence,word,is_noun", [
    # a purpose stated with "be to" is an equative, not a plan
    ("The rebels said the move was to pressure the government to release prisoners.", "pressure", False),
    ("The army's goal is to push the militants back from the border.", "push", False),
    # an act referred to under a verb in the future is not itself planned
    ("The government will respond to the attack on the convoy.", "attack", True),
    ("Iran is expected to retaliate for the strike on its consulate.", "strike", True),
    ("The council was due to hold consultations later on Monday at Britain's request.", "request", True),
    # an act whose purpose is told
    ("The attack was meant to intimidate the villagers.", "attack", True),
    ("The strikes aimed to destroy the group's arsenal.", "strikes", True),
    # a past meeting
    ("The two ministers met in Doha on Sunday.", "met", False),
])
def test_purposes_and_referred_acts_are_not_future(sentence, word, is_noun):
    assert analyze(tok(sentence, word), is_noun=is_noun).modality != "future"


def test_planned_cues_are_data():
    cues = load_cues()
    assert "be" in cues.future_copulas and "goal" in cues.purpose_subjects
    assert "schedule" in cues.planned_participles and "upcoming" in cues.future_modifiers
    assert "at" in cues.planned_preps and "appear" in cues.attendance_verbs



def test_a_purpose_infinitive_of_a_future_verb_is_future():
    sentence = "The minister will travel to Accra on Monday to meet the president and sign the accord."
    assert analyze(tok(sentence, "meet")).modality == "future"
    assert analyze(tok(sentence, "sign")).modality == "future"
    assert analyze(tok("The minister travelled to Accra on Monday to meet the president.", "meet")).modality != "future"
