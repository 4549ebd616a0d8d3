"""Targets read from what the article said before (issue #14): an act noun that refers back to an act
("three gunmen carried out *the attack*"), a verb countering an act ("the army *repelled the assault*"),
and force a security force uses in a report about protests ("police used live ammunition").

Sentences are written for these tests (wire style, not taken from the news set). Actor mentions are
built by hand so that the tests check the events stage alone."""

from __future__ import annotations

from sitrep.stages.events.argument_cues import argument_cues

from events_support import pairs, run


def test_the_cue_lists_are_read():
    ac = argument_cues()
    assert "repel" in ac.repel_verbs and "the" in ac.act_anaphor_dets and "police" in ac.protest_force_nouns
    assert "assault" in ac.act_anaphor_types and "consult" not in ac.act_anaphor_types


def test_a_definite_act_noun_takes_the_target_of_the_act_told_before():
    text = ("Gunmen ambushed a patrol and opened fire on soldiers near Kupwara on Monday. "
            "A police officer said the rebels carried out the attack.")
    st = run(text, ("Gunmen", "GUN"), ("soldiers", "ARMY"), ("police officer", "POL"), ("rebels", "REB"))
    assert ("REB", "ARMY") in pairs(st, "ASSAULT")


def test_an_indefinite_act_noun_takes_no_earlier_target():
    text = ("Gunmen opened fire on soldiers near Kupwara on Monday. "
            "Separately, rebels carried out an attack in the south, officials said.")
    st = run(text, ("Gunmen", "GUN"), ("soldiers", "ARMY"), ("rebels", "REB"))
    assert ("REB", "ARMY") not in pairs(st, "ASSAULT")


def test_repelling_an_assault_targets_the_attacker_told_before():
    text = ("Rebels of the Allied Democratic Forces attacked an army post near Beni on Sunday. "
            "A rebel was killed as the army repelled the assault, a local official said.")
    st = run(text, ("Rebels of the Allied Democratic Forces", "ADF"), ("army", "FARDC", 1))
    assert ("FARDC", "ADF") in pairs(st, "ASSAULT")


def test_repelling_an_assault_by_a_named_party_targets_that_party():
    text = "The army repelled an assault by the rebels on the town of Oicha on Sunday, officials said."
    st = run(text, ("army", "ARMY"), ("rebels", "REB"))
    assert ("ARMY", "REB") in pairs(st, "ASSAULT")


def test_police_force_in_a_protest_report_is_used_on_the_protesters():
    text = ("Thousands of protesters marched through the capital on Sunday against the new tax law. "
            "Police used live ammunition and tear gas, witnesses said.")
    st = run(text, ("protesters", "PROT"), ("Police", "POL"))
    assert ("POL", "PROT") in pairs(st, "ASSAULT")


def test_a_casualty_verb_of_police_gets_no_protester_target():
    text = ("Thousands of protesters marched through the capital on Sunday against the new tax law. "
            "The ministry said 21 police officers were injured in clashes.")
    st = run(text, ("protesters", "PROT"), ("police officers", "POL"))
    assert ("POL", "PROT") not in pairs(st, "ASSAULT")


def test_force_without_protesters_in_the_article_keeps_no_target():
    text = "Police used live ammunition near the border crossing on Sunday, witnesses said."
    st = run(text, ("Police", "POL"))
    assert all(t is None for _, t in pairs(st, "ASSAULT"))


def test_authorities_detaining_in_a_protest_report_detain_the_protesters():
    text = ("Protesters blocked roads in the capital on Friday over the fuel price rise. "
            "Authorities detained dozens overnight, the rights group said.")
    st = run(text, ("Protesters", "PROT"), ("Authorities", "AUTH"))
    assert ("AUTH", "PROT") in pairs(st, "COERCE")



def test_anti_government_protesters_protest_against_the_government():
    text = ("Thousands of anti-government protesters rallied in the capital on Friday. "
            "The government has promised limited reform, officials said.")
    st = run(text, ("anti-government protesters", "PROT"), ("government", "GOV", 1))
    assert ("PROT", "GOV") in pairs(st, "PROTEST")


def test_protesters_without_an_anti_word_get_no_opposed_party():
    text = ("Thousands of farmers rallied in the capital on Friday. "
            "The government has promised limited reform, officials said.")
    st = run(text, ("farmers", "PROT"), ("government", "GOV"))
    assert ("PROT", "GOV") not in pairs(st, "PROTEST")
