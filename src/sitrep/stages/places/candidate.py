"""What travels between the parts of the places stage: a candidate place mention and its readings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(eq=False, slots=True)
class Candidate:
    """A stretch of text that may name a place, with the gazetteer entries it may be (its *readings*).

    The cue functions of :mod:`.candidates` make them; disambiguation (:mod:`.resolve`) narrows
    ``ids`` and picks one reading. Compared by identity (two mentions of "Paris" are two candidates).

        >>> Candidate(0, 5, "Paris", (12, 40), strong=True, label="GPE")      # doctest: +SKIP
    """

    start: int
    end: int
    text: str
    #: gazetteer entries the name may be, most relevant first as the gazetteer lists them
    ids: tuple
    #: a cue or the NER label says it is a place (weak candidates are dropped at the end)
    strong: bool
    #: spaCy's entity label over the name ("" outside entities; "NORP" for a demonym)
    label: str
    #: (country, admin1) from a "City, State" qualifier ("Gainesville, Ga."): fixes the reading's area
    forced: Optional[tuple] = None
    #: syntactically an agent or addressee ("Moscow said"): a capital there is its government
    acts: bool = False
    #: the actors stage read it as a metonym of this country's government (ISO2; "" unknown)
    metonym_cc: Optional[str] = None
    #: a dateline's town or state ("HAMMOND, Ind. (AP) --")
    dateline: bool = False
    #: the name opens the copy before punctuation, a dateline the dateline cue did not read ("New York, 16
    #: June 2024 (TDI): ..."): its town readings win (:func:`~.candidates.dateline_towns`)
    opens: bool = False
    #: the mention says where something is ("in Syria", "eastern Congo"; :mod:`.focus`)
    locative: bool = False
    #: not locative, and the name may be a state ("Russia said", "U.S. forces"): sets no scene
    actor: bool = False
    #: "officials in Paris": a capital named as the seat of a government (``seat_nouns``)
    seat: bool = False
    #: how clearly the chosen reading won (0..1; :func:`.resolve.read_rounds`), for :mod:`.confidence`
    margin: float = 1.0


def overlaps(c: Candidate, start: int, end: int) -> bool:
    """Does ``c`` share a character with ``[start, end)``?"""
    return c.start < end and start < c.end
