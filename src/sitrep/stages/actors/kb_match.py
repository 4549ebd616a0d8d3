"""Names the knowledge base knows: entities the KB ruler tagged with a KB id, acronyms the article
defines ("Hayat Tahrir al-Sham (HTS)"), and conservative near-spellings (rapidfuzz).

1. An entity with a KB id from the ruler is that entry: "Russian" (a demonym), "Hayat Tahrir al-Sham"
   (its name), "HTS" (an acronym), "Tahrir al-Sham" (an alias).
2. "Long Name (ACR)": the acronym names the same actor for the rest of the article, a KB entry when the
   long name is one, else a new actor when the letters fit the name's initials.
3. A near-spelling of a KB name ("Hayat Tahrir al-Shams") of the same number of words, scoring at least
   ``fuzzy_score_cutoff``, is that entry.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ...kb import ACTOR_LABELS, norm
from .kinds import infer_kind


def kb_entity(b, ts: int, te: int, label: str, eid: str) -> None:
    """An entity the KB ruler tagged with id ``eid``: a mention whose ``how`` says how it names the
    entry -- "demonym" ("Russian officials"), "name", "acronym" (all capitals, short: "HTS") or "alias"."""
    text = b.doc[ts:te].text
    e = b.kb.entries[eid]
    if label == "NORP" and b.kb.demonym(text) == eid:
        b.add_mention(ts, te, b.add_actor_kb(eid), "demonym")
        return
    if norm(text) == norm(e.name):
        how = "name"
    else:
        how = "acronym" if text.isupper() and len(text) <= b.config.acronym_max_chars else "alias"
    b.add_mention(ts, te, b.add_actor_kb(eid), how)


@lru_cache(maxsize=8)
def acronym_pattern(max_chars: int) -> re.Pattern:
    """An acronym an article may define: a capital, then capitals, digits or hyphens ("HTS", "M23")."""
    return re.compile(r"^[A-Z][A-Z0-9\-]{1,%d}$" % (max_chars - 1))


def initials_fit(acr: str, name: str) -> bool:
    """Loose check that an acronym abbreviates a name: its letters are initials of the name's words,
    in order (articles and particles may be skipped). "FSL" fits "Free Syrian Legion"."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    initials = "".join(w[0].upper() for w in words if w[0].isalpha())
    it = iter(initials)
    return all(ch in it for ch in acr.replace("-", "").upper() if ch.isalpha())


def acronym_definitions(b, spans) -> None:
    """ "Long Name (ACR)": both forms name one actor in this article ("The Free Syrian Legion (FSL)
    said ... An FSL commander ...")."""
    doc = b.doc
    ends = {te: (ts, te, label, eid) for ts, te, label, eid in spans}
    words = b.words
    acr_re = acronym_pattern(b.config.defined_acronym_max_chars)
    for i in range(len(words) - 2):
        if words[i] != "(" or words[i + 2] != ")" or not acr_re.match(words[i + 1]):
            continue
        acr = words[i + 1]
        long_ = ends.get(i)
        if long_ is None:
            continue
        ts, te, label, eid = long_
        name = doc[ts:te].text
        if not eid:
            eid = b.kb.lookup(name) or ""
        if eid:
            b.local[acr] = eid
        elif label in ACTOR_LABELS and initials_fit(acr, name):
            kind = infer_kind(b, name, label)
            b.local[acr] = b.add_actor_new(name, kind)
            b.local[name] = b.local[acr]
            b.actors[b.local[acr]].aliases.append(acr)


def local_name(b, ts: int, te: int) -> bool:
    """An entity that is an acronym or long name the article defined: a mention of its actor."""
    text = b.doc[ts:te].text
    if text not in b.local:
        return False
    b.add_mention(ts, te, b.local[text], "acronym" if text.isupper() else "name")
    return True


def local_aliases(b) -> None:
    """Later uses of an acronym defined in the text that no entity covered ("HTS fighters")."""
    if not b.local:
        return
    for i, w in enumerate(b.words):
        if w in b.local and i not in b.tok_owner:
            b.add_mention(i, i + 1, b.local[w], "acronym")


def fuzzy_lookup(b, text: str) -> Optional[str]:
    """The KB id whose unambiguous name is a near-spelling of ``text`` with the same number of words
    ("Hayat Tahrir al-Shams" -> HTS), or ``None``."""
    from rapidfuzz import fuzz, process

    q = norm(text)
    if len(q) < b.config.fuzzy_min_chars:
        return None
    choices = b.data.fuzzy.get(q[0])
    if not choices:
        return None
    best = process.extractOne(q, [c[0] for c in choices], scorer=fuzz.ratio, score_cutoff=b.config.fuzzy_score_cutoff)
    if best is None:
        return None
    name, _, idx = best
    if name.count(" ") != q.count(" "):
        return None
    return choices[idx][1]
