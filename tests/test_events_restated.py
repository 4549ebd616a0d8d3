"""Acts restated with a new detail (issue #14, news GUIDELINES §9): a definite act noun with no party of
its own, the subject of a verb of occurrence that places or dates it ("*The attack* occurred near ...",
"*The incident* happened on ..."), or dated by its possessor ("*Friday's* attacks"), is coded again in its
own sentence with the parties of the last act of its type, and is never merged into that act; a bare
reference ("condemned the attack", "the attack prompted ...") is not. Acts told with no doer: an
accusation undergone in the passive stands without one; a sanction told in the passive, or with the
measures as subject, is by the article's last sanctioning party. A speaker's verdict on an act ("“This is a
heinous crime,” the minister said") accuses the doer of the last attack; saying a party "was
responsible" accuses it; a measure a speaker announces in the passive ("the ministry said 224 people
had been detained") is the speaker's.

Sentences are written for these tests (wire style, not taken from the news set). Actor mentions are
built by hand so that the tests check the events stage alone."""

from __future__ import annotations

from sitrep.stages.events.argument_cues import argument_cues

from events_support import run

LEAD = "Gunmen from the Northern Front ambushed an army convoy in Kalima province on Tuesday, officials said. "
MARKS = (("Gunmen from the Northern Front", "NF"), ("army convoy", "ARMY"))


def _in(st, etype: str, phrase: str) -> set:
    """(source id, target id) of the events of type ``etype`` whose sentence holds ``phrase``."""
    return {(e.source.actor_id if e.source else None, e.target.actor_id if e.target else None)
            for e in st.events if e.type == etype and phrase in e.sentence.text}


def test_the_cue_lists_are_read():
    ac = argument_cues()
    assert "occur" in ac.occurrence_verbs and "incident" in ac.act_reference_nouns
    assert "nsubj" in ac.restated_act_deps


def test_a_placed_restatement_is_coded_in_its_own_sentence_with_the_earlier_parties():
    text = LEAD + "The attack occurred near the town of Mersa late on Tuesday evening."
    st = run(text, *MARKS)
    assert _in(st, "ASSAULT", "occurred") == {("NF", "ARMY")}
    assert _in(st, "ASSAULT", "ambushed") == {("NF", "ARMY")}   # the first report keeps its own event


def test_an_incident_restates_the_last_act():
    text = LEAD + "The incident happened around 4 a.m. local time on Tuesday."
    st = run(text, *MARKS)
    assert _in(st, "ASSAULT", "incident") == {("NF", "ARMY")}


def test_a_date_possessor_restates_the_act():
    text = LEAD + "Residents said Tuesday's attack left the road blocked for hours."
    st = run(text, *MARKS)
    assert _in(st, "ASSAULT", "Tuesday's attack") == {("NF", "ARMY")}


def test_a_bare_reference_is_not_coded_again():
    text = LEAD + "The attack prompted the governor to close the main market."
    st = run(text, *MARKS)
    assert _in(st, "ASSAULT", "prompted") == set()


def test_an_incident_with_no_act_before_is_no_event():
    text = "The incident happened around 4 a.m. local time on Tuesday, officials of the Northern Front said."
    st = run(text, ("Northern Front", "NF"))
    assert st.events == []


def test_an_accusation_undergone_in_the_passive_stands_without_its_doer():
    text = "Haiti's gangs are accused of mass killings, gang rapes and arson in the capital."
    st = run(text, ("Haiti's gangs", "GANGS"))
    assert _in(st, "ACCUSE", "accused") == {(None, "GANGS")}


def test_a_passive_sanction_is_by_the_article_s_sanctioning_party():
    text = ("The U.N. Security Council imposed sanctions on Haitian gang leaders on Friday. "
            "One of the most notorious of them, Jimmy Cherizier, has been sanctioned.")
    st = run(text, ("U.N. Security Council", "UNSC"), ("Haitian gang leaders", "GANGS"), ("Jimmy Cherizier", "CHERIZIER"))
    assert ("UNSC", "CHERIZIER") in _in(st, "SANCTION", "has been sanctioned")


def test_a_passive_sanction_with_no_sanctioning_party_before_is_no_event():
    text = "Jimmy Cherizier, one of the most notorious gang leaders, has been sanctioned."
    st = run(text, ("Jimmy Cherizier", "CHERIZIER"))
    assert _in(st, "SANCTION", "sanctioned") == set()


def test_sanctions_named_as_the_doer_are_by_the_article_s_sanctioning_party():
    text = ("The Treasury Department imposed sanctions on an oil shipping network on Thursday. "
            "The sanctions target the Sepehr Energy company, which ships oil to China.")
    st = run(text, ("Treasury Department", "TREASURY"), ("Sepehr Energy company", "SEPEHR"))
    assert ("TREASURY", "SEPEHR") in _in(st, "SANCTION", "The sanctions target")


def test_a_speakers_verdict_on_an_act_accuses_its_doer():
    text = ("Gunmen of the Gran Grif gang opened fire on residents of Pont-Sonde on Thursday. "
            "“This is a heinous crime against defenseless citizens,” Prime Minister Garry Conille stated.")
    st = run(text, ("Gunmen of the Gran Grif gang", "GRIF"), ("residents", "RES"), ("Prime Minister Garry Conille", "PM"))
    assert ("PM", "GRIF") in _in(st, "ACCUSE", "heinous crime")


def test_an_adjective_verdict_accuses_too():
    text = ("FARC dissidents attacked a police station in Guapi on Saturday. "
            "“This act of violence is unacceptable,” said the governor, Octavio Guzman.")
    st = run(text, ("FARC dissidents", "FARC"), ("police station", "POL"), ("governor", "GOV"))
    assert ("GOV", "FARC") in _in(st, "ACCUSE", "unacceptable")


def test_a_verdict_on_something_else_is_no_accusation():
    text = "“The weather is unacceptable for flying,” the pilot said on Monday."
    st = run(text, ("pilot", "PILOT"))
    assert _in(st, "ACCUSE", "unacceptable") == set()


def test_an_act_noun_as_the_subject_of_an_attack_verb_restates_the_attack():
    text = ("Turkish warplanes carried out strikes on PKK positions in northern Iraq on Monday. "
            "Officials said one strike targeted an intelligence headquarters in Sulaimaniya.")
    st = run(text, ("Turkish warplanes", "TUR"), ("PKK positions", "PKK"))
    assert any(src == "TUR" for src, _ in _in(st, "ASSAULT", "one strike targeted"))


def test_an_indefinite_act_noun_as_subject_is_a_new_act():
    text = ("Turkish warplanes carried out strikes on PKK positions in northern Iraq on Monday. "
            "A bomb blast injured three people in Sulaimaniya on Tuesday.")
    st = run(text, ("Turkish warplanes", "TUR"), ("PKK positions", "PKK"))
    assert all(src != "TUR" for src, _ in _in(st, "ASSAULT", "bomb blast"))


def test_saying_a_party_was_responsible_accuses_it():
    text = "Donat Kibwana, the administrator of Beni, confirmed the death toll and said the ADF was responsible."
    st = run(text, ("Donat Kibwana", "KIBWANA"), ("ADF", "ADF"))
    assert ("KIBWANA", "ADF") in _in(st, "ACCUSE", "responsible")


def test_a_measure_announced_in_the_passive_is_the_announcers():
    text = "The interior ministry said 224 people had been detained in the capital overnight."
    st = run(text, ("interior ministry", "MIA"), ("224 people", "PEOPLE"))
    # the announcer detains; "224 people", people in general, are no party (argument cue generic_person_nouns)
    assert ("MIA", None) in _in(st, "COERCE", "detained")


def test_an_attack_told_in_the_passive_is_not_the_speakers():
    text = "The interior ministry said 12 people had been shot in the capital overnight."
    st = run(text, ("interior ministry", "MIA"), ("12 people", "PEOPLE"))
    assert all(src != "MIA" for src, _ in _in(st, "ASSAULT", "shot"))


def test_a_dated_act_noun_does_not_restate_an_act_of_its_own_sentence():
    text = ("Two days of violence included a daylong army raid on the camp and Tuesday's mass shooting "
            "at a bus stop.")
    st = run(text, ("army", "ARMY"), ("camp", "CAMP"))
    found = [(e.trigger, e.source.actor_id if e.source else None) for e in st.events if e.type == "ASSAULT"]
    assert ("raid", "ARMY") in found and all(s != "ARMY" for tr, s in found if "shooting" in tr), found
