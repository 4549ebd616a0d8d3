"""Entity spans as the rules see them: split at parentheses and trimmed of articles, quotes and
possessives ("the Pentagon's" -> "Pentagon", "Hayat Tahrir al-Sham (HTS)" -> two spans)."""

from __future__ import annotations

from .model import ACTOR_LABELS


def trim(doc, ts: int, te: int, trim_left: frozenset) -> tuple[int, int]:
    """Token span ``ts:te`` without leading ``trim_left`` words ("the", "a", quotes, dashes) and
    spaces, nor trailing possessives, punctuation (but a final ".": "U.S.") and spaces.

    "the Pentagon's" -> "Pentagon"; "'Hamas" -> "Hamas"."""
    while ts < te and (doc[ts].lower_ in trim_left or doc[ts].is_space):
        ts += 1
    while te > ts and (doc[te - 1].tag_ == "POS" or doc[te - 1].is_punct and doc[te - 1].text != "."
                       or doc[te - 1].is_space or doc[te - 1].text in ("'s", "\u2019s")):
        te -= 1
    return ts, te


def split_at_parentheses(doc, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of entity ``start:end`` between parentheses: "Hayat Tahrir al-Sham (HTS)" -> the
    long name and "HTS"."""
    parts = []
    cur = start
    for i in range(start, end):
        if doc[i].text in ("(", ")"):
            parts.append((cur, i))
            cur = i + 1
    parts.append((cur, end))
    return parts


def entity_spans(b) -> list[tuple[int, int, str, str]]:
    """Entities that may name actors, as (token start, token end, label, kb id), split at parentheses
    and trimmed; a part of a split entity has no KB id."""
    out = []
    doc = b.doc
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        parts = split_at_parentheses(doc, ent.start, ent.end)
        for ts, te in parts:
            ts, te = trim(doc, ts, te, b.cues.trim_left)
            if te > ts:
                out.append((ts, te, ent.label_, ent.ent_id_ if len(parts) == 1 else ""))
    return out
