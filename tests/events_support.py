"""The events stage alone, on sentences written for the tests, with actor mentions marked by hand:
:func:`run` parses a text, marks the mentions and runs the events stage; :func:`pairs` and :func:`events`
read what it found."""

from __future__ import annotations

from typing import Optional

from sitrep.article import Article, ArticleState, Mention, PlaceMention
from sitrep.core.contract import Actor, Place
from sitrep.stages.events import EventsStage
from sitrep.stages.nlp import NlpStage

NLP = NlpStage()
EVENTS = EventsStage(fallback_ner=True)


def mention(text: str, phrase: str, actor_id: str, nth: int = 0) -> Mention:
    """The mention of actor ``actor_id`` at the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Mention(start=start, end=start + len(phrase), actor_id=actor_id, text=phrase, how="name")


def run(text: str, *marks, kinds: Optional[dict] = None) -> ArticleState:
    """The events of ``text`` with the actor mentions ``marks`` (phrase, actor id[, nth occurrence]);
    ``kinds`` gives actors their kind (actor id -> kind)."""
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    st.mentions = sorted((mention(text, *m) for m in marks), key=lambda m: m.start)
    if kinds:
        st.actors = [Actor(id=k, name=k, kind=v) for k, v in kinds.items()]
    EVENTS.run_alone(st)
    return st


def run_with_places(stage: EventsStage, text: str, marks: list, places: dict[str, str],
                    hows: Optional[dict[str, str]] = None) -> ArticleState:
    """The events ``stage`` finds in ``text`` with the actor mentions ``marks`` (their ``how`` from
    ``hows``: phrase -> how) and the places ``places`` (phrase -> feature; each phrase's first occurrence,
    id ``pl_<phrase>``)."""
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    ms = [mention(text, *m) for m in marks]
    for m in ms:
        m.how = (hows or {}).get(m.text, m.how)
    st.mentions = sorted(ms, key=lambda m: m.start)
    ids = {p: "pl_" + p.lower().replace(" ", "_") for p in places}
    st.place_mentions = sorted((PlaceMention(start=text.index(p), end=text.index(p) + len(p), place_id=ids[p],
                                             text=p) for p in places), key=lambda p: p.start)
    st.places = [Place(id=ids[p], name=p, feature=f) for p, f in places.items()]
    stage.run_alone(st)
    return st


def pairs(st: ArticleState, etype: str) -> set:
    """The (source id, target id) pairs of the events of type ``etype``."""
    return {(e.source.actor_id if e.source else None, e.target.actor_id if e.target else None)
            for e in st.events if e.type == etype}


def events(st: ArticleState, etype: str) -> list:
    """(trigger, source id, target id) of the events of type ``etype``."""
    return [(e.trigger, e.source.actor_id if e.source else None, e.target.actor_id if e.target else None)
            for e in st.events if e.type == etype]
