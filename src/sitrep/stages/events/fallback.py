"""Actor mentions for a state without an actors stage (tests, development measurement): spaCy's named
entities and generic agent nouns ("rebels", "police", "the government"). Used only with
``fallback_ner``."""

from __future__ import annotations

from ...core.article import Mention
from ...kb import ACTOR_LABELS
from .grammar import np_span
from .lexicon import EventCues


def ents_fallback(doc, cues: EventCues) -> list[Mention]:
    """Mentions from spaCy's NER and the agent nouns of the cue file, without overlaps (the longer of
    two overlapping mentions is kept)."""
    out = []
    for e in doc.ents:
        if e.label_ in ACTOR_LABELS:
            out.append(Mention(start=e.start_char, end=e.end_char, actor_id="ner:" + e.text.lower(),
                               text=e.text, how="name"))
    agents = cues.fallback_agent_nouns
    for t in doc:
        lem = t.lemma_.lower()
        if t.pos_ in ("NOUN", "PROPN") and (lem in agents or lem.rstrip("s") in agents) and t.ent_type_ == "":
            s, e = np_span(t)
            out.append(Mention(start=s, end=e, actor_id="agent:" + t.lemma_.lower(), text=doc.text[s:e], how="agent"))
    out.sort(key=lambda m: m.start)
    clean: list[Mention] = []
    for m in out:
        if clean and m.start < clean[-1].end:
            if (m.end - m.start) > (clean[-1].end - clean[-1].start):
                clean[-1] = m
            continue
        clean.append(m)
    return clean
