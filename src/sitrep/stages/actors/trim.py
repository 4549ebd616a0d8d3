"""Entity spans as the rules see them: split at parentheses and trimmed of articles, quotes and
possessives ("the Pentagon's" -> "Pentagon", "Hayat Tahrir al-Sham (HTS)" -> two spans)."""

from __future__ import annotations

from ...kb import norm
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
    out = [widen_to_metonym(b, sp) for sp in out]
    runs = capitalised_runs(b.doc)
    out.extend(missed_capitals(b, runs))
    out.extend(missed_kb_persons(b, runs))
    out.sort(key=lambda s: s[0])
    return join_cut_surnames(b, out)


def widen_to_metonym(b, span: tuple[int, int, str, str]) -> tuple[int, int, str, str]:
    """An entity that is part of a KB capital's name with the capitalised word next to it outside
    every entity: the whole capital, as a GPE with no KB id ("Port [Sudan]", "[Mexico] City": the
    ruler tags the state's name inside the capital's)."""
    doc = b.doc
    ts, te, label, eid = span
    for s, e in ((ts - 1, te), (ts, te + 1)):
        extra = s if s < ts else e - 1
        if 0 <= s and e <= len(doc) and doc[extra].ent_iob_ == "O" and doc[extra].is_title \
                and doc[extra].lower_ not in b.cues.trim_left and b.kb.metonym(doc[s:e].text):
            return s, e, "GPE", ""
    return span


def capitalised_runs(doc) -> list[tuple[int, int]]:
    """The runs of capitalised proper nouns outside every entity, as token spans ("Kyiv" in "Moscow
    accused Kyiv of ...", which the small model does not know)."""
    runs: list[tuple[int, int]] = []
    start = None
    for t in doc:
        inside = t.ent_iob_ == "O" and t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_space
        if inside and start is None:
            start = t.i
        if not inside and start is not None:
            runs.append((start, t.i))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    return runs


def missed_capitals(b, runs: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """Capitals and seats of power the NER missed: a whole run of capitalised proper nouns outside
    every entity that is a KB metonym ("Kyiv accused Moscow ...") becomes a GPE span with no KB id, so
    that the metonym rule decides whether it acts, speaks or receives (``metonyms.metonym_acts``) --
    just as for the capitals the NER tags. ``runs``: :func:`capitalised_runs` of the document."""
    doc = b.doc
    runs = runs + hyphenated_names(doc)
    covered = {i for ts, te in runs for i in range(ts, te)}
    runs += [(i, i + 1) for i in capitalised_words(doc) if i not in covered]
    return [(ts, te, "GPE", "") for ts, te in runs if b.kb.metonym(doc[ts:te].text)]


def capitalised_words(doc) -> list[int]:
    """Capitalised words outside every entity whatever their part of speech: the tagger reads an
    unknown capital opening a sentence as a common noun ("Naypyidaw accused ...")."""
    return [t.i for t in doc if t.ent_iob_ == "O" and t.is_title and t.is_alpha]


def hyphenated_names(doc) -> list[tuple[int, int]]:
    """Hyphenated names outside every entity, as token spans: tokens written without a space between
    them, joined by hyphens, the first and the last capitalised ("Port-au-Prince", which the tagger
    reads as a noun, a preposition and a name)."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        j = i
        while j + 1 < n and not doc[j].whitespace_ and doc[j + 1].ent_iob_ == "O":
            j += 1
        if j - i >= 2 and doc[i].ent_iob_ == "O" and doc[i].text[:1].isupper() \
                and doc[j].text[:1].isupper() and any(t.text == "-" for t in doc[i:j + 1]):
            out.append((i, j + 1))
        i = j + 1
    return out


def missed_kb_persons(b, runs: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """KB persons the NER missed: a whole run of capitalised proper nouns outside every entity that is
    a KB person's name or alias ("Zelenskiy said ...", "Delcy Rodriguez accused ...") or, as one word,
    the surname of exactly one KB person ("Tshisekedi met ...") becomes a PERSON span with no KB id, so
    that the person rules decide (a person named earlier in the article comes first). ``runs``:
    :func:`capitalised_runs` of the document."""
    doc = b.doc
    out = []
    for ts, te in runs:
        text = doc[ts:te].text
        kid = b.kb.lookup(text)
        if kid and b.kb.entries[kid].kind == "person" or te - ts == 1 and not kid and b.kb.surname(text):
            out.append((ts, te, "PERSON", ""))
    return out


def join_cut_surnames(b, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """A person's name the NER cut before its last word ("[Shah Mehmood] Qureshi", the surname left out
    or taken for a place): one capitalised proper noun right after a PERSON span, in the same line,
    outside any entity or alone in a place entity, that no KB entry, state, capital or sizeable place of
    the gazetteer names, is the person's."""
    out: list[tuple[int, int, str, str]] = []
    starts = {ts: (te, label) for ts, te, label, _ in spans}
    skip = set()
    for ts, te, label, eid in spans:
        if ts in skip:
            continue
        if label == "PERSON" and _cut_surname(b, te, starts):
            skip.add(te)
            eid = joined_kb_id(b, eid, b.doc[te].text)
            te += 1
        out.append((ts, te, label, eid))
    return out


def joined_kb_id(b, eid: str, word: str) -> str:
    """The KB id a person's span keeps when the NER-cut surname ``word`` is joined to it: the KB person
    the ruler found ("[Prime Minister Abiy] Ahmed" -> ABIY) when one of its names ends with ``word``,
    else none (the joined name is another person's)."""
    e = b.kb.entries.get(eid) if eid else None
    if e is None or e.kind != "person":
        return ""
    w = norm(word)
    return eid if any(norm(n).split()[-1:] == [w] for n in e.names()) else ""


def _cut_surname(b, i: int, starts: dict) -> bool:
    """Is token ``i``, right after a PERSON span, the surname the NER cut off (see :func:`join_cut_surnames`)?"""
    from .frames import place_country

    doc = b.doc
    if i >= len(doc) or "\n" in doc[i - 1].whitespace_ or not doc[i].is_title or doc[i].pos_ != "PROPN":
        return False
    if doc[i].ent_iob_ != "O" and starts.get(i) not in ((i + 1, "GPE"), (i + 1, "LOC")):
        return False
    if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].is_title:
        return False   # more capitalised words follow: another name
    text = doc[i].text
    return not b.kb.lookup(text) and place_country(b, text) is None
