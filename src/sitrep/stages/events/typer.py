"""The statistical event typer: a small spaCy text classifier (bag of words, CPU) that reads a rule
event's trigger lemma, the words either side of it and its sentence, and gives a probability for each
PLOVER type and for "none" (a trigger word used in no event: "released a report", "shares a border",
"warned of attacks", "called for an end to attacks").

The events stage consults it, when its ``typer`` switch is on, to veto rule events the model confidently
calls "none" and to re-type rule events whose type the model confidently rejects for another
(:meth:`EventTyper.review`). The thresholds live in ``data/event_typer.yaml``; the weights in the
package under ``data/models/event_typer``, written by ``scripts/train_event_typer.py`` (fixed seed)
from frames written for sitrep (``training/event_typer/``, see its README).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Optional, Sequence

from ...core.datafiles import load_data
from ...core.errors import ModelNotFoundError
from .model import RawEvent

TYPER_FILE = "event_typer.yaml"
#: the label of "no event"
NONE = "none"
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class TyperSettings:
    """The typer's thresholds (``data/event_typer.yaml``)."""

    model: str
    veto_threshold: float
    veto_max_confidence: float
    retype_threshold: float
    retype_max_rule_probability: float
    window: int
    sentence_words: bool = True


def load_settings() -> TyperSettings:
    """The typer's settings from ``data/event_typer.yaml``."""
    data = load_data(TYPER_FILE)
    return TyperSettings(model=str(data["model"]), veto_threshold=float(data["veto_threshold"]),
                         veto_max_confidence=float(data["veto_max_confidence"]),
                         retype_threshold=float(data["retype_threshold"]),
                         retype_max_rule_probability=float(data["retype_max_rule_probability"]),
                         window=int(data["window"]), sentence_words=bool(data.get("sentence_words", True)))


def feature_text(sentence: str, trigger: str, lemma: str, window: int = 3, sentence_words: bool = True) -> str:
    """What the classifier reads for one trigger: ``T_<lemma>``, its neighbours marked ``L_``/``R_``
    and (with ``sentence_words``) the sentence's words, lower-cased. Training and the stage both build
    their input here."""
    words = _WORD.findall(sentence.lower())
    trig = _WORD.findall(trigger.lower()) or [lemma.lower()]
    lem = lemma.lower()
    at = _locate(words, trig, lem)
    parts = [f"T_{lem.replace(' ', '_')}"]
    if at is not None:
        parts += [f"L_{w}" for w in words[max(0, at - window):at]]
        parts += [f"R_{w}" for w in words[at + 1:at + 1 + window]]
    if sentence_words:
        parts += words
    return " ".join(parts)


def _locate(words: Sequence[str], trig: Sequence[str], lemma: str) -> Optional[int]:
    """The index in ``words`` of the trigger's head word: the first trigger word that shares the
    lemma's first three letters, else the trigger's last word; None when it is not there."""
    head = next((w for w in trig if w[:3] == lemma[:3]), trig[-1])
    try:
        return list(words).index(head)
    except ValueError:
        return None


def model_path(settings: TyperSettings) -> Path:
    """The packaged model directory named by the settings."""
    return Path(str(resources.files("sitrep") / "data" / settings.model))


class EventTyper:
    """The loaded classifier and its settings."""

    def __init__(self, settings: Optional[TyperSettings] = None, path: Optional[Path] = None):
        import spacy

        self.settings = settings or load_settings()
        where = path or model_path(self.settings)
        if not (where / "config.cfg").is_file():
            raise ModelNotFoundError(f"event typer model not found at {where} "
                                     "(run scripts/train_event_typer.py)")
        self.nlp = spacy.load(where)

    @property
    def labels(self) -> tuple[str, ...]:
        """Every label the model knows (the PLOVER types and "none")."""
        textcat: Any = self.nlp.get_pipe("textcat")
        return tuple(textcat.labels)

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """The label probabilities of each feature text."""
        return [dict(doc.cats) for doc in self.nlp.pipe(texts, batch_size=64)]

    def score_events(self, raw: Sequence[RawEvent]) -> list[dict[str, float]]:
        """The label probabilities of each rule event (from its sentence, trigger and lemma)."""
        w, sw = self.settings.window, self.settings.sentence_words
        return self.scores([feature_text(r.sentence.text, r.trigger, r.lemma, w, sw) for r in raw])

    def review(self, raw: list[RawEvent], ontology: Any) -> list[RawEvent]:
        """The rule events with the confident disagreements applied: an event the model calls "none"
        (at least ``veto_threshold``) whose raw confidence is at most ``veto_max_confidence`` is dropped;
        one whose type gets at most ``retype_max_rule_probability`` while another type gets at least
        ``retype_threshold`` takes that type (its mode cleared, its CAMEO code the type's own)."""
        if not raw:
            return raw
        s = self.settings
        kept = []
        for r, cats in zip(raw, self.score_events(raw)):
            best = max(cats, key=lambda k: cats[k])
            if best == NONE:
                if cats[NONE] >= s.veto_threshold and r.confidence <= s.veto_max_confidence:
                    continue
            elif (best != r.type and cats[best] >= s.retype_threshold
                  and cats.get(r.type, 0.0) <= s.retype_max_rule_probability):
                r.type, r.mode, r.cameo = best, None, ontology.cameo(best)
            kept.append(r)
        return kept
