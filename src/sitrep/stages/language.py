"""Stage ``language``: which language the article is in, before anything reads it.

It settles ``state.language`` (ISO 639-1) and ``state.language_confidence`` (the detector's probability of
that language, :mod:`sitrep.lang.langid`), which the document's ``article`` carries and the later stages read
to pick their resources (the spaCy pipeline, triggers, quote cues, dates, names). The decision, in order:

1. **a language given** with the article (JSONL, the API, a caller) is respected: the article is read in
   it (refused when sitrep does not read it), and checked: when the detector is sure of another language
   (``mismatch_confidence``), the document gets a warning saying so;
2. **a text whose letters are mostly not Latin** (Greek, Arabic, Cyrillic, ...) is never read as English:
   it is refused as the detector's best non-supported guess, however unsure;
3. **a supported language** detected with at least ``min_confidence`` is read as that language;
   English is read as English at any confidence;
4. **another language** detected with at least ``min_confidence`` is refused: an
   :class:`~sitrep.errors.UnsupportedLanguageError` (``unsupported_language``, with the language and the
   confidence) -- never junk in the store;
5. **anything else** -- short headlines, lines of names, mixed text: a weak guess -- is read as English,
   with a warning on the document naming the guess.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Optional

from ..core.article import ArticleState
from ..core.errors import UnsupportedLanguageError
from ..lang.langid import Detector, Guess, language_name, latin_share, load_detector
from .base import Stage, StageConfig

#: a language tag as given ("fr", "FR", "fr-FR", "fr_CA", "fra"): its primary subtag
_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")
#: ISO 639-2 codes people give for the languages sitrep reads
_THREE_LETTER = {"eng": "en", "fra": "fr", "fre": "fr"}


@dataclasses.dataclass(frozen=True)
class LanguageConfig(StageConfig):
    #: the languages sitrep reads (each needs its spaCy pipeline and data files)
    supported: tuple[str, ...] = ("en", "fr")
    #: the language read when detection is unsure
    fallback: str = "en"
    #: a detected language is acted on (read, or refused) from this probability up; below it the
    #: article is read as ``fallback`` with a warning (short headlines, lines of names: the measurement's
    #: wrong guesses on Latin-script text all lay under 0.45)
    min_confidence: float = 0.7
    #: a given language is questioned (a warning) when the detector gives another one at least this
    mismatch_confidence: float = 0.7
    #: a text is "not Latin" when less than this share of its letters are Latin: never read as English
    min_latin_share: float = 0.5
    #: detection reads the first this many characters (the lead says which language it is)
    max_chars: int = 2000


def normalise_tag(tag: Optional[str]) -> Optional[str]:
    """ "FR", "fr-FR", "fr_CA", "fra" -> "fr"; None or "" -> None; anything else lower-cased as is."""
    if tag is None or not str(tag).strip():
        return None
    m = _TAG.match(str(tag))
    if not m:
        return str(tag).strip().lower()
    code = m.group(1).lower()
    return _THREE_LETTER.get(code, code)


def _describe(lang: str, p: float) -> str:
    return f"{language_name(lang)} ({lang}, confidence {p:.2f})"


class LanguageStage(Stage):
    name = "language"
    needs = ("article",)
    assigns = ("language",)
    Config = LanguageConfig

    def __init__(self, **config):
        self.config: LanguageConfig = self.make_config(**config)  # type: ignore[assignment]

    @property
    def detector(self) -> Detector:
        return self.resources.get("language_detector", load_detector)

    def process(self, state: ArticleState) -> None:
        cfg = self.config
        given = normalise_tag(state.article.language)
        guess = self.detector.detect(state.text[: cfg.max_chars])
        if given is not None:
            self._given(state, given, guess)
            return
        sure = guess.language in cfg.supported and guess.confidence >= cfg.min_confidence
        share = None if sure else latin_share(state.text, cfg.max_chars)  # a sure English text needs no count
        if share is not None and share < cfg.min_latin_share:
            lang = guess.language
            if lang in cfg.supported:  # a Latin-script language read in another script: name what it is not
                lang = next((x for x, _ in guess.ranking if x not in cfg.supported), "und")
            self._refuse(state, lang, guess.probability(lang),
                         f"its letters are {1 - share:.0%} non-Latin")
        if guess.language in cfg.supported and (guess.confidence >= cfg.min_confidence
                                                or guess.language == cfg.fallback):
            state.language, state.language_confidence = guess.language, guess.confidence
            return
        if guess.confidence >= cfg.min_confidence:
            self._refuse(state, guess.language, guess.confidence, "")
        state.language = cfg.fallback
        state.language_confidence = guess.probability(cfg.fallback)
        state.warnings.append(
            f"language unsure: the text reads most like {_describe(guess.language, guess.confidence)}, under the "
            f"threshold {cfg.min_confidence:.2f}; read as {language_name(cfg.fallback)} ({cfg.fallback})")

    def _given(self, state: ArticleState, given: str, guess: Guess) -> None:
        cfg = self.config
        p = guess.probability(given)
        if given not in cfg.supported:
            self._refuse(state, given, p, "as given with the article")
        state.language, state.language_confidence = given, p
        if guess.language != given and guess.confidence >= cfg.mismatch_confidence:
            state.warnings.append(
                f"language mismatch: the article is given as {language_name(given)} ({given}) but its text reads "
                f"as {_describe(guess.language, guess.confidence)}; read as given")

    def _refuse(self, state: ArticleState, lang: str, p: float, why: str) -> None:
        supported = self.config.supported
        names = ", ".join(f"{language_name(x)} ({x})" for x in supported)
        raise UnsupportedLanguageError(
            f"unsupported language: {_describe(lang, p)}{'; ' + why if why else ''}; sitrep reads {names}",
            language=lang, confidence=p, supported=supported, article_id=state.article.id, stage=self.name)
