"""Capitals that say nothing about a word: a word capitalised only by where it stands.

A tagger reads a capitalised common noun as a proper noun where English capitalises every word: at the
start of a sentence ("Gunmen stormed ..."), right after a wire dateline ("MOGADISHU (Reuters) - Gunmen
stormed ..."), and in a Title-Case or all-capitals headline ("Gunmen Kill 12 In Attack On Market"). There
the word's capital is no evidence of a name, and a reader of common nouns (the actors stage's generic
agents) should take it by its lower-cased form (:func:`singular` for a plural left unlemmatised).
"""

from __future__ import annotations

from ..core.text import DATELINE_ANY


def capitalised_by_position(tok, headline_share: float) -> bool:
    """Is ``tok`` capitalised ("Gunmen", "GUNMEN") only by its position: the first word of a sentence or
    of a line, the first word after a wire dateline, or a word of a headline whose longer words are all
    but a few capitalised (at least ``headline_share`` of them)?"""
    if not tok.text[:1].isupper() or not tok.is_alpha:
        return False
    if tok.is_sent_start or tok.i == 0 or "\n" in tok.doc[tok.i - 1].text_with_ws:
        return True
    if _after_dateline(tok):
        return True
    return _headline_case(tok, headline_share)


def _after_dateline(tok) -> bool:
    """Does a wire dateline end right before ``tok`` ("KABUL, May 3 (Reuters) - *Militants* ...")?"""
    sent = tok.sent
    m = DATELINE_ANY.match(sent.text)
    return m is not None and sent.start_char + m.end() == tok.idx


def _headline_case(tok, share: float) -> bool:
    """Is the line of ``tok`` (within its sentence) written in Title Case or capitals: of its words
    of four letters or more, at least three and at least ``share`` of them capitalised?"""
    sent = tok.sent
    lo, hi = sent.start, sent.end
    for j in range(tok.i - 1, sent.start - 1, -1):
        if "\n" in tok.doc[j].text_with_ws:
            lo = j + 1
            break
    for j in range(tok.i, sent.end):
        if "\n" in tok.doc[j].text_with_ws:
            hi = j + 1
            break
    words = [t for t in tok.doc[lo:hi] if t.is_alpha and len(t) >= 4]
    caps = sum(1 for t in words if t.text[0].isupper())
    return len(words) >= 3 and caps >= share * len(words)


def singular(word: str) -> str:
    """The singular of a lower-case plural ``word`` by its ending, for a plural the tagger left
    unlemmatised ("militiamen" -> "militiaman", "authorities" -> "authority", "rebels" -> "rebel"); a
    word with none of these endings, or too short to carry one ("bus", "men"), or ending in "-ss"
    ("press"), as it is."""
    if word.endswith("men") and len(word) > 4:   # "Militiamen", "Tribesmen": the irregular plural of "-man"
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word
