"""Pronouns and "the group": resolved by :func:`sitrep.lang.coref.resolve_pronouns` against the mentions
found so far, scored with the stage's ``pronoun_*`` settings.

Antecedents are the *definite* actors: named in the text, known to the KB however the text refers to
them ("Iraq's government" is Iraq), or an agent of a given country ("Egypt's foreign ministry").
"""

from __future__ import annotations

from ...lang.coref import CorefMention, group_description, resolve_pronouns
from .model import NAMED_HOWS


def definite_actors(b) -> set[str]:
    """Actors a pronoun may refer to: named, titled, metonyms or described sources ("a witness"), KB
    entries, or of a known country."""
    return {m.key for m in b.ments if m.how in NAMED_HOWS or m.how in ("title", "metonym", "described")
            or b.actors[m.key].kb_id or b.actors[m.key].country}


def pronouns(b) -> None:
    """ "he", "its", "the group", "the Palestinian group" -> mentions with ``how == "pronoun"`` (a
    description replaces the demonym mention inside it)."""
    cues = b.cues
    named = definite_actors(b)
    cms = [CorefMention(start=m.start, end=m.end, head=m.head, actor=m.key, kind=b.actors[m.key].kind,
                        how=m.how, country=b.actors[m.key].country) for m in b.ments]
    new = resolve_pronouns(b.doc, cms, person_pronouns=cues.person_pronouns,
                           thing_pronouns=cues.thing_pronouns, group_nouns=cues.group_nouns,
                           named=named, taken=_taken(b), sent_index=b.sent_of_tok,
                           speech_verbs=cues.speech_verbs, words=b.words, idxs=b.idxs,
                           text=b.text, expletive_verbs=cues.expletive_verbs,
                           weights=b.config.pronoun_weights(), description_kinds=cues.description_kinds)
    for cm in new:
        ts = b.doc.char_span(cm.start, cm.end, alignment_mode="expand")
        if ts.end - ts.start > 2 or any(b.tok_owner[i].how == "described" for i in range(ts.start, ts.end)
                                        if i in b.tok_owner):
            # "the Palestinian group": the description takes in its demonym; "the bloc" replaces the new
            # group the described-sources rule made of it
            b.remove_mentions_in(ts.start, ts.end)
        b.add_mention(ts.start, ts.end, cm.actor, "pronoun", head=cm.head)


def _taken(b) -> set[int]:
    """The tokens already inside a mention, except the group noun of a description the described-sources
    rule took as a new group ("the Yemeni group"): coreference may still find whom it refers back to."""
    taken = set(b.tok_owner)
    for i, m in b.tok_owner.items():
        tok = b.doc[i]
        if m.how == "described" and m.head == i \
                and (tok.lower_ in b.cues.group_nouns or tok.lower_ in b.cues.description_kinds) \
                and (group_description(b.doc, tok) is not None
                     or (tok.lower_ in b.cues.description_kinds and b.doc[i - 1].lower_ == "the")):
            taken.discard(i)
    return taken
