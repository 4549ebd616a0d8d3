"""Acts with neither party named (issue #14): an agentless passive of an act verb whose victims are
no actor ("more than 40 women and children were kidnapped") stands with source and target null, as
the news gold codes it, with its confidence lowered by ``no_party_penalty``; a bare casualty count, a
participle without its own subject and a relative clause do not.

Sentences are written for these tests (wire style). Actor mentions are built by hand so that the tests
check the events stage alone."""

from __future__ import annotations

from sitrep.article import Article, ArticleState, Mention
from sitrep.stages.events import EventsConfig, EventsStage
from sitrep.stages.nlp import NlpStage

NLP = NlpStage()
EVENTS = EventsStage()


def run(text: str, phrase: str, actor_id: str) -> ArticleState:
    """The events of ``text`` with one actor mention (``phrase`` as ``actor_id``)."""
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    start = text.index(phrase)
    st.mentions = [Mention(start=start, end=start + len(phrase), actor_id=actor_id, text=phrase, how="name")]
    EVENTS.run_alone(st)
    return st


def unnamed(st: ArticleState) -> list:
    return [e for e in st.events if e.source is None and e.target is None]


def test_an_agentless_passive_act_on_unnamed_victims_stands_without_parties():
    st = run("A local official, Musa Bello, said more than 40 women and children were kidnapped on Sunday.",
             "Musa Bello", "BELLO")
    events = unnamed(st)
    assert [(e.type, e.trigger) for e in events] == [("ASSAULT", "kidnapped")]
    assert events[0].confidence < 0.5


def test_a_casualty_count_is_no_act_without_parties():
    st = run("A local official, Musa Bello, said three soldiers were killed on Sunday.", "Musa Bello", "BELLO")
    assert unnamed(st) == []


def test_a_participle_without_its_own_subject_is_no_act_without_parties():
    st = run("The Patriotic Front said it will return weapons seized last year from the depot.",
             "Patriotic Front", "PF")
    assert unnamed(st) == []


def test_the_no_party_penalty_is_config():
    assert EventsConfig().no_party_penalty > 0
