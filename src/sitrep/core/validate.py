"""Checks every offset of a document against its text: ``text[start:end]`` must be what the field says."""

from __future__ import annotations

from .contract import Document


def offset_errors(doc: Document, text: str | None = None) -> list[str]:
    """Every offset in ``doc`` that does not slice ``text`` (default: ``doc.text``) exactly."""
    text = doc.text if text is None else text
    if text is None:
        return ["document carries no text to check offsets against"]
    errors: list[str] = []
    n = len(text)

    def span(where: str, start: int, end: int, expected: str | None = None) -> None:
        if not (0 <= start <= end <= n):
            errors.append(f"{where}: [{start}, {end}) outside the text (length {n})")
        elif expected is not None and text[start:end] != expected:
            errors.append(f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {expected!r}")

    for a in doc.actors:
        for m in a.mentions:
            span(f"actor {a.id} mention", m.start, m.end, m.text)
    for p in doc.places:
        for m in p.mentions:
            span(f"place {p.id} mention", m.start, m.end, m.text)
    for e in doc.events:
        span(f"event {e.id} sentence", e.sentence.start, e.sentence.end, e.sentence.text)
        for ev in e.evidence:
            span(f"event {e.id} evidence", ev.start, ev.end, ev.text)
        for role, ref in (("source", e.source), ("target", e.target)):
            if ref is not None and ref.text not in text:
                errors.append(f"event {e.id} {role} text {ref.text!r} is not in the article")
        # a trigger may join words that stand apart ("imposed ... sanctions"); each must be in the sentence
        missing = [w for w in e.trigger.split() if w not in e.sentence.text]
        if missing:
            errors.append(f"event {e.id} trigger {e.trigger!r}: {missing} not in its sentence")
    for q in doc.quotes:
        span(f"quote {q.id}", q.start, q.end, q.text)
    for c in doc.claims:
        span(f"claim {c.id}", c.start, c.end, c.text)
    for i, r in enumerate(doc.relations):
        span(f"relation {i} ({r.type})", r.start, r.end)
    for d in doc.dates:
        span(f"date {d.text!r}", d.start, d.end, d.text)
    return errors


def reference_errors(doc: Document) -> list[str]:
    """Every actor, place or claim id that a fact refers to but the document does not hold.
    (A ``controls`` relation's object is a place; so is an event's target when the act is done to a
    place and no actor undergoes it: "shelled the capital Juba", and a claim's subject when the count
    belongs to the place of an incident: "18 people were killed in Kharkiv".)"""
    actors = {a.id for a in doc.actors}
    places = {p.id for p in doc.places}
    claims = {c.id for c in doc.claims}
    errors: list[str] = []

    def ref(where: str, r, allowed=actors) -> None:
        if r is not None and r.actor_id not in allowed:
            errors.append(f"{where} refers to {r.actor_id!r}, which is not in the document")

    for e in doc.events:
        ref(f"event {e.id} source", e.source)
        ref(f"event {e.id} target", e.target, actors | places)
        if e.location is not None and e.location not in places:
            errors.append(f"event {e.id} location {e.location!r} is not a place of the document")
    for q in doc.quotes:
        ref(f"quote {q.id} speaker", q.speaker)
    for c in doc.claims:
        ref(f"claim {c.id} subject", c.subject, actors | places)
        ref(f"claim {c.id} attributed_to", c.attributed_to)
        if c.place is not None and c.place not in places:
            errors.append(f"claim {c.id} place {c.place!r} is not a place of the document")
    for i, r in enumerate(doc.relations):
        ref(f"relation {i} ({r.type}) subject", r.subject)
        ref(f"relation {i} ({r.type}) object", r.object, actors | places if r.type == "controls" else actors)
    for x in doc.contradictions:
        for cid in x.claims:
            if cid not in claims:
                errors.append(f"contradiction refers to claim {cid!r}, which is not in the document")
    return errors
