"""Acts restated with a new detail (issue #14, news GUIDELINES §9): a definite act noun with no party of
its own, the subject of a verb of occurrence that places or dates it ("*The attack* occurred near ...",
"*The incident* happened on ..."), or dated by its possessor ("*Friday's* attacks"), is coded again in its
own sentence with the parties of the last act of its type, and is never merged into that act; a bare
reference ("condemned the attack", "the attack prompted ...") is not.

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
