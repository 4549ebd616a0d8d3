"""A state's act told in a clause reported by an actor acting for that state takes the reporter as its
source (news GUIDELINES §9: the named official for a state's act; an agent of a state counts as the
state in scoring): ``arguments.state_spokesman``.

Sentences are written for these tests (wire style, not taken from the news set)."""

from __future__ import annotations

from sitrep.article import Article, ArticleState
from sitrep.core.contract import Actor

from events_support import EVENTS, NLP, mention, pairs


def _run(text: str, marks: list, actors: list[Actor]) -> ArticleState:
    """The events stage alone on ``text`` with the mentions (phrase, actor id) and actors given."""
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    st.mentions = sorted((mention(text, *m) for m in marks), key=lambda m: m.start)
    st.actors = actors
    EVENTS.run_alone(st)
    return st


STATES = [Actor(id="USA", name="United States", kind="state", country="USA"),
          Actor(id="IRN", name="Iran", kind="state", country="IRN")]


def test_an_organ_reporting_its_states_act_is_the_source():
    text = "The Treasury Department said on Tuesday that the United States would impose new sanctions on Iran."
    actors = STATES + [Actor(id="US_TREASURY", name="Treasury Department", kind="organization",
                             country="USA", affiliation="USA")]
    st = _run(text, [("Treasury Department", "US_TREASURY"), ("United States", "USA"), ("Iran", "IRN")], actors)
    assert pairs(st, "SANCTION") == {("US_TREASURY", "IRN")}, pairs(st, "SANCTION")


def test_an_official_reporting_through_an_organ_of_the_state_is_the_source():
    text = "Senator Jane Doe said the United States would impose new sanctions on Iran."
    actors = STATES + [Actor(id="SENATE", name="Senate", kind="organization", country="USA", affiliation="USA"),
                       Actor(id="DOE", name="Jane Doe", kind="person", country="USA", affiliation="SENATE")]
    st = _run(text, [("Jane Doe", "DOE"), ("United States", "USA"), ("Iran", "IRN")], actors)
    assert pairs(st, "SANCTION") == {("DOE", "IRN")}, pairs(st, "SANCTION")


def test_a_reporter_not_acting_for_the_state_leaves_the_state_as_source():
    text = "The analyst said the United States would impose new sanctions on Iran."
    actors = STATES + [Actor(id="ANALYST", name="analyst", kind="person")]
    st = _run(text, [("analyst", "ANALYST"), ("United States", "USA"), ("Iran", "IRN")], actors)
    assert pairs(st, "SANCTION") == {("USA", "IRN")}, pairs(st, "SANCTION")


def test_a_foreign_reporter_leaves_the_state_as_source():
    text = "The Iranian foreign ministry said the United States would impose new sanctions on Iran."
    actors = STATES + [Actor(id="IRN_MFA", name="Iran foreign ministry", kind="organization",
                             country="IRN", affiliation="IRN")]
    st = _run(text, [("Iranian foreign ministry", "IRN_MFA"), ("United States", "USA"), ("Iran", "IRN", 1)], actors)
    assert pairs(st, "SANCTION") == {("USA", "IRN")}, pairs(st, "SANCTION")
