"""Events found on real news that were lost (issue #14, news dev type recall): the subject of a passive
accusation does the act of its "of" gerund, "from" names the doer of a speech or policy act noun,
nouns coordinated with a light verb's noun are acts of its subject, and a light verb's participle
telling how an act of its type was done takes that act's object.

Sentences are written for these tests (wire style, not taken from the news set). Actor mentions are
built by hand so that the tests check the events stage alone."""

from __future__ import annotations

from events_support import events, run


def test_passive_accusation_subject_does_the_gerund_act():
    st = run("The militia was accused of attacking the army garrison on Sunday, officials said.",
             ("militia", "MILITIA"), ("army", "ARMY"))
    assert any(trig == "attacking" and src == "MILITIA" for trig, src, _ in events(st, "ASSAULT"))


def test_reason_for_a_passive_arrest_is_no_act_of_its_subject():
    st = run("A teacher from Leeds was arrested in Cairo for collaborating with Israel, the agency said.",
             ("teacher from Leeds", "TEACHER"), ("Israel", "ISR"))
    assert not any(src == "TEACHER" for _, src, _ in events(st, "COOPERATE") + events(st, "AGREE"))


def test_from_names_the_doer_of_a_request_noun():
    st = run("The convoy left the city on Friday following a request from the Red Crescent.",
             ("Red Crescent", "RED_CRESCENT"))
    assert ("request", "RED_CRESCENT", None) in events(st, "REQUEST")


def test_from_does_not_name_the_doer_of_a_withdrawal():
    st = run("Kenya announced a withdrawal from Somalia on Monday.", ("Kenya", "KEN"), ("Somalia", "SOM"))
    assert all(src != "SOM" for _, src, _ in events(st, "RETREAT"))


def test_nouns_coordinated_with_a_light_noun_are_acts_of_the_light_verb_subject():
    st = run("The rebels fought the government for years, carrying out ambushes, kidnappings and bombings.",
             ("rebels", "REBELS"), ("government", "GOV"))
    assault = events(st, "ASSAULT")
    assert sum(1 for _, src, tgt in assault if (src, tgt) == ("REBELS", "GOV")) >= 3
    assert any(trig == "bombings" for trig, _, _ in assault)
