"""The kind of an actor the KB does not know, from its entity label and its name's words.

"... Brigades" is an armed group, "... News Agency" a medium, a name with "United Nations" an IGO,
any other ORG an organisation, a PERSON a person, a NORP a group (the words are the actor cue lists
``media_words``, ``armed_group_words``, ``igo_words`` with ``igo_names``).
"""

from __future__ import annotations

from ...kb import norm


def infer_kind(b, name: str, label: str) -> str:
    """ "Northern Valley Brigades" -> armed_group; "Tawasul News Agency" -> media; "Hollow Creek
    Foundation" -> organization."""
    if label == "PERSON":
        return "person"
    if label == "NORP":
        return "group"
    words = set(norm(name).split())
    low = norm(name)
    cues = b.cues
    if words & cues.media_words:
        return "media"
    if words & cues.armed_group_words:
        return "armed_group"
    if any(w in low for w in cues.igo_words) and any(n in low for n in cues.igo_names):
        return "igo"
    return "organization"
