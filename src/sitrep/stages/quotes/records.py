"""The records the quotes stage works with: a speaker, a cue found in the text, an attribution."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ...core.contract import Actor, ActorKind, ActorRef, Quote, Span
from ...lang.quotemarks import QuoteSpan
from .lexicon import CueEntry


@dataclass
class Speaker:
    ref: Optional[ActorRef]
    start: int            # where the speaker is named for this attribution (words in the text)
    end: int
    person: bool = False
    #: agreement features of the words naming the speaker: more than one ("officials", "X and Y"),
    #: and a person by name or by he/she (not a role word an actor's kind made a person)
    plural: bool = False
    named_person: bool = False
    #: no actor stands for the speaker, but its words describe one ("the network", "those close to
    #: him"): they name it in the output
    described: bool = False


@dataclass
class CueHit:
    token_i: int          # the head token of the cue (the verb, noun or first preposition word)
    start: int            # char span of the cue words
    end: int
    text: str
    entry: CueEntry
    speaker: Optional[Speaker] = None
    content: Optional[tuple[int, int]] = None   # the reported clause (indirect speech), char span
    negated: bool = False
    parenthetical: bool = False   # the cue stands inside its report ("The talks, he said, failed")


@dataclass
class Attribution:
    """One quote or indirect report, as the stage works on it (before it becomes a :class:`Quote`)."""

    start: int
    end: int
    kind: str
    cue: Optional[CueHit] = None
    speaker: Optional[Speaker] = None
    span: Optional[QuoteSpan] = None
    para: int = 0
    inherited: bool = False

    @property
    def outer_start(self) -> int:
        return self.span.outer_start if self.span is not None else self.start

    @property
    def outer_end(self) -> int:
        return self.span.outer_end if self.span is not None else self.end


def a_to_quote(a: Attribution, n: int, text: str) -> Quote:
    """The contract's :class:`Quote` ``q<n>`` of an attribution."""
    return Quote(id=f"q{n}", speaker=a.speaker.ref if a.speaker else None, text=text[a.start:a.end],
                 start=a.start, end=a.end, kind=a.kind, cue=a.cue.text if a.cue else None)


def speaker_actors(state, atts: list[Attribution], pronouns: frozenset = frozenset()) -> None:
    """Every speaker the actors stage did not know (a described speaker, an entity or a name it missed:
    an ``ent:`` id) becomes an actor of the article, named by its words (not by a pronoun of
    ``pronouns`` standing for it), with the places it is named as mentions, so that every quote's
    speaker is an actor of the document."""
    known = {a.id for a in state.actors}
    found: dict[str, Actor] = {}
    text = state.text
    for a in atts:
        sp = a.speaker
        if sp is None or sp.ref is None or sp.ref.actor_id in known or a.inherited:
            continue
        aid, words = sp.ref.actor_id, sp.ref.text
        actor = found.get(aid)
        if actor is None:
            kind: ActorKind = "person" if sp.person else ("group" if sp.plural else "other")
            actor = found[aid] = Actor(id=aid, name=aid.split(":", 1)[-1].replace("-", " "), kind=kind)
        if words.lower() not in pronouns and actor.name == aid.split(":", 1)[-1].replace("-", " "):
            actor.name = words
        span = Span(text=text[sp.start:sp.end], start=sp.start, end=sp.end)
        if span.text.strip() and span not in actor.mentions:
            actor.mentions.append(span)
    state.actors = list(state.actors) + list(found.values())
