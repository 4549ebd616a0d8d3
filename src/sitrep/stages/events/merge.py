"""The article's events: the raw events of its sentences filtered (a source is required, except for
an attack reported through its victims; a minimum confidence), and mentions of the same act in several
sentences (headline, lead, body) merged into one event that keeps every sentence in ``evidence``."""

from __future__ import annotations

from typing import Optional

from ...core.contract import Event
from .calibration import keep_lead
from .lexicon import EventCues, read_cues
from .model import RawEvent


def _aid(m):
    return m.actor_id if m is not None else None


def _victim_ok(r: RawEvent) -> bool:
    """May ``r`` stand without a source? ``victim_ok`` is true, "place" when only a place target
    will do ("the attack in Douma"), or "unnamed" when it may stand with no party at all (an agentless
    passive whose victims are no actor: "dozens of houses were destroyed", :func:`~.build.unnamed_victims`)."""
    if r.victim_ok == "place":
        return r.target is not None and r.target.how == "place"
    return bool(r.victim_ok)


def _undergone(r: RawEvent) -> bool:
    """Is ``r`` an act an actor undergoes with no doer named, told in the passive ("Jimmy Cherizier
    has been sanctioned", "Haiti's gangs are accused of mass killings"): an actor target, not negated,
    and a report that may stand without its source (``victim_ok``)?"""
    return r.victim_ok is True and r.target is not None and r.target.how != "place" and not r.negated


def keep(raw: list[RawEvent], require_source: bool, min_conf: float, cues: EventCues) -> list[RawEvent]:
    """The raw events worth reporting: with a source (PLOVER wants an actor), or an attack on named
    victims (``cues.victim_types``), a crowd's act (``cues.crowd_types``) or an act an actor undergoes
    in the passive (``cues.undergone_types``: "X has been sanctioned") without one; at least ``min_conf``
    confident."""
    if require_source:
        sourceless = cues.victim_types | cues.crowd_types
        raw = [r for r in raw if r.source is not None or (
            r.type.lower() in sourceless and not r.negated and (r.target is not None or r.victim_ok == "unnamed")
            and _victim_ok(r)) or (r.type.lower() in cues.undergone_types and _undergone(r))]
    return [r for r in raw if r.confidence >= min_conf]


def act_key(a: RawEvent) -> tuple:
    """What two reports of the same act share: type, source, target and polarity."""
    return a.type, _aid(a.source), _aid(a.target), a.negated


def same_act(a: RawEvent, b: RawEvent) -> bool:
    """Do two raw events report the same act? Same type, source, target and polarity; in one sentence
    the same trigger lemma; across sentences no conflicting place or year, no new date in either
    (:func:`adds_detail`), and a target or the same lemma ("Britain is not lifting sanctions" and
    "Britain would not lift sanctions"); never a restatement (:attr:`~.model.RawEvent.restated`) with
    the act it restates."""
    if act_key(a) != act_key(b):
        return False
    if a.sentence.start == b.sentence.start:
        return a.lemma == b.lemma
    if a.restated or b.restated:
        return False   # a restatement with a new detail is coded in its own sentence
    la, lb = a.location, b.location
    if la and lb and la != lb and not la.startswith("~") and not lb.startswith("~"):
        return False
    if a.date and b.date and a.date[:4] != b.date[:4]:
        return False
    if adds_detail(a, b) or adds_detail(b, a):
        return False   # coded again in its own sentence (news GUIDELINES §9)
    return _aid(a.target) is not None or a.lemma == b.lemma


def adds_detail(a: RawEvent, b: RawEvent) -> bool:
    """Does ``b``, a report of ``a``'s act in another sentence, add a date ``a`` lacks or another one
    ("The farmers were attacked on Saturday" after "Gunmen attacked farmers in Borno", "The protests,
    which began on Oct. 1, ...")? Then it is coded again in its own sentence (news GUIDELINES §9: a
    restatement with a new detail is an event of its sentence); a headline adds none (it names the
    body's act)."""
    return not (a.headline or b.headline) and bool(b.date and b.date != a.date)


def absorb(home: RawEvent, r: RawEvent, evidence_starts: set) -> None:
    """Merge ``r`` into ``home`` (the more confident report of the same act): its sentence as evidence
    (``evidence_starts``: where ``home``'s evidence sentences start), a real place over a guessed one, and
    a date (a headline's report only: another sentence's new date makes an act of its own), mode and
    contexts where ``home`` lacks them."""
    if r.sentence.start not in evidence_starts:
        evidence_starts.add(r.sentence.start)
        home.evidence.append(r.sentence)
    if not home.location or (home.location.startswith("~") and r.location and not r.location.startswith("~")):
        home.location = r.location
    home.date = home.date or r.date
    home.mode = home.mode or r.mode
    home.contexts = list(dict.fromkeys(home.contexts + r.contexts))


def merge(raw: list[RawEvent]) -> list[RawEvent]:
    """One raw event per act, the report of the highest rule-based score (:attr:`~.model.RawEvent.rank`)
    first absorbing the others; in text order, by that score within a sentence.

    Reports of one act share their :func:`act_key`: each is compared with the merged acts of its key
    only (in the order of ``merged``), not with every act of the article (quadratic)."""
    raw = sorted(raw, key=lambda r: -r.rank)
    merged: list[RawEvent] = []
    buckets: dict[tuple, list[RawEvent]] = {}
    starts: dict[int, set] = {}      # id(merged act) -> where its evidence sentences start
    for r in raw:
        bucket = buckets.setdefault(act_key(r), [])
        home = next((m for m in bucket if same_act(m, r)), None)
        if home is None:
            r.evidence = [r.sentence]
            starts[id(r)] = {r.sentence.start}
            merged.append(r)
            bucket.append(r)
        else:
            absorb(home, r, starts[id(home)])
    merged.sort(key=lambda r: (r.sentence.start, -r.rank))
    return merged


def to_event(i: int, r: RawEvent) -> Event:
    """The contract's event ``ev<i>`` (a guessed place loses its "~" mark)."""
    return Event(
        id=f"ev{i}", type=r.type, mode=r.mode, contexts=r.contexts,
        source=r.source.ref() if r.source is not None else None,
        target=r.target.ref() if r.target is not None else None,
        negated=r.negated, modality=r.modality, date=r.date,
        location=r.location.lstrip("~") if r.location else None,
        sentence=r.sentence, trigger=r.trigger, confidence=r.confidence, cameo=r.cameo,
        evidence=sorted(r.evidence, key=lambda s: s.start))


def lead_kept(merged: list[RawEvent]) -> list[RawEvent]:
    """``merged`` (one article's acts, in output order) with each confidence lowered where needed so that
    the act of the highest rule-based score stays the most confident of its sentence and of the article
    (:func:`~.calibration.keep_lead`)."""
    confs = keep_lead([r.rank for r in merged], [r.sentence.start for r in merged], [r.confidence for r in merged])
    for r, c in zip(merged, confs):
        r.confidence = c
    return merged


def finish(raw: list[RawEvent], require_source: bool, min_conf: float,
           cues: Optional[EventCues] = None, keep_top: bool = False) -> list[Event]:
    """The article's events from its raw events (see the module docstring), with ``cues`` (by default
    the package's ``event_cues.yaml``); ``keep_top``: the top act of each sentence and of the article by
    rule-based score stays the most confident (:func:`lead_kept`), and the minimum confidence is applied
    again after."""
    cues = cues if cues is not None else read_cues()
    merged = merge(keep(raw, require_source, min_conf, cues))
    if keep_top:
        merged = [r for r in lead_kept(merged) if r.confidence >= min_conf]
    return [to_event(i, r) for i, r in enumerate(merged, 1)]
