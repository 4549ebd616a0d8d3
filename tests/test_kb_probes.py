"""Probe sentences (written for these tests, wire style) on actors the small NER model does not know:
current leaders, armed groups and bodies of the news regions, resolved through the packaged KB."""

from __future__ import annotations

import pytest

import sitrep


def actor_by_mention(text: str, surface: str, published: str = "2025-10-01"):
    """The actor one of whose mentions is ``surface`` (or ``None``)."""
    doc = sitrep.extract(text, published=published)
    for a in doc.actors:
        if any(m.text == surface for m in a.mentions):
            return a
    return None


@pytest.mark.parametrize("text, surface, kb_id, country", [
    ("Gang leader Jimmy Cherizier threatened the council on Monday.", "Jimmy Cherizier", "CHERIZIER", "HTI"),
    ("Prime Minister Alix Didier Fils-Aime met police commanders on Tuesday.", "Alix Didier Fils-Aime",
     "FILS_AIME", "HTI"),
    ("Haiti's Transitional Presidential Council dismissed the cabinet on Sunday.",
     "Transitional Presidential Council", "HTI_TPC", "HTI"),
    ("The Gran Grif gang attacked the town of Liancourt overnight.", "Gran Grif gang", "GRAN_GRIF", "HTI"),
    ("FARC dissidents led by Ivan Mordisco attacked a base in Cauca.", "Ivan Mordisco", "MORDISCO", "COL"),
    ("The EMC said it would free two soldiers.", "EMC", "FARC_DISSIDENTS", "COL"),
    ("Edmundo Gonzalez claimed victory in the vote.", "Edmundo Gonzalez", "GONZALEZ_EDMUNDO", "VEN"),
    ("Diosdado Cabello said police arrested three foreigners.", "Diosdado Cabello", "CABELLO", "VEN"),
    ("Delcy Rodriguez accused Guyana of provocation.", "Delcy Rodriguez", "DELCY_RODRIGUEZ", "VEN"),
    ("Washington designated the Cartel de los Soles a terrorist group.", "Cartel de los Soles", "CARTEL_SOLES",
     "VEN"),
    ("The exiled government said its People's Defence Force ambushed a convoy.", "People's Defence Force",
     "PDF_MMR", "MMR"),
    ("Corneille Nangaa, head of the AFC, said the rebels would march west.", "AFC", "AFC", "COD"),
])
def test_modern_actors_are_known(text, surface, kb_id, country):
    a = actor_by_mention(text, surface)
    assert a is not None and a.kb_id == kb_id and a.country == country


def test_haiti_security_mission_is_an_international_force():
    a = actor_by_mention("The Multinational Security Support mission arrested four gang members.",
                         "Multinational Security Support")
    assert a is not None and a.kb_id == "MSS_HAITI" and a.kind == "igo"
