"""The quotes stage's words: the cue lexicon of ``data/quote_cues.yaml`` and the words around the cues.

The file is checked against :class:`QuoteCuesFile` (a typo fails with the file and the field) and
becomes a :class:`CueLexicon`: cue entries indexed by their first word (the verb lemma, the first
word of a preposition, the noun), longest phrase first ("point out" before "point").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

from pydantic import StrictBool, field_validator

from ...core.datafiles import load_data, parse_yaml
from ...core.datamodels import DataModel, validate_data
from ...core.errors import ConfigError

CUE_KINDS = ("verb", "preposition", "noun")
CUE_SENSES = ("speech", "thought", "evidence", "stance")
PACKAGE_FILE = "sitrep/data/quote_cues.yaml"


# -- the file ------------------------------------------------------------------------------------
class CueModel(DataModel):
    """One cue of the file: ``{lemma: point out, kind: verb, sense: speech}``."""

    lemma: str
    kind: Literal["verb", "preposition", "noun"]
    sense: Literal["speech", "thought", "evidence", "stance"] = "speech"
    indirect: StrictBool = True
    bare: StrictBool = False
    object: StrictBool = False

    @field_validator("lemma")
    @classmethod
    def _has_words(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("a cue needs a lemma")
        return v


class SpeakerPronouns(DataModel):
    person: list[str]
    group: list[str]
    unresolved: list[str]
    singular: list[str] = []


class QuoteCuesFile(DataModel):
    """``data/quote_cues.yaml``: the cues, and the words the stage reads around them (optional in a
    lexicon of one's own: the package's lists stand in)."""

    version: int = 1
    cues: list[CueModel]
    speaker_pronouns: Optional[SpeakerPronouns] = None
    relative_pronouns: Optional[list[str]] = None
    clause_marks: Optional[list[str]] = None
    title_small_words: Optional[list[str]] = None
    speaker_documents: Optional[list[str]] = None
    addressee_cues: Optional[list[str]] = None
    name_prepositions: Optional[list[str]] = None
    hearsay_documents: Optional[list[str]] = None
    as_marks: Optional[list[str]] = None
    described_pronouns: Optional[list[str]] = None


# -- what the stage uses -------------------------------------------------------------------------
@dataclass(frozen=True)
class CueEntry:
    lemma: str
    kind: str
    sense: str = "speech"
    indirect: bool = True
    bare: bool = False
    #: the verb's object and complements are what it reports, as a stated position ("called *for a
    #: ceasefire*", "urged *Congress to act*"): a report even where ``indirect`` is false, when the
    #: stage reads stated positions (``QuotesConfig.positions``)
    object: bool = False

    def reports(self, positions: bool = False) -> bool:
        """Whether the cue reports words of its own: a clause, or -- when stated ``positions`` are read
        -- what a cue that is not ``bare`` states of its object ("called *the charges unfounded*")."""
        return self.indirect or (positions and (self.object or not self.bare))

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.lemma.split())


@dataclass(frozen=True)
class QuoteWords:
    """The words around the cues (see the end of ``quote_cues.yaml``)."""

    person_pronouns: frozenset = frozenset()
    group_pronouns: frozenset = frozenset()
    unresolved_pronouns: frozenset = frozenset()
    #: group pronouns that take a singular antecedent ("it": not "rights groups and governments")
    singular_pronouns: frozenset = frozenset()
    relative_pronouns: frozenset = frozenset()
    clause_marks: tuple = ()
    title_small_words: frozenset = frozenset()
    document_nouns: frozenset = frozenset()
    addressee_cues: frozenset = frozenset()
    #: verbs by which a description gives its name ("the group, *known* as JNIM", "an officer, *named*
    #: Hassan"): ``naming_words`` of ``described_sources.yaml``, the file of described speakers
    naming_words: frozenset = frozenset()
    #: prepositions whose proper-name object belongs to a speaker's name ("Human Rights Activists *in
    #: Iran*", "Gov. Tomblin *of West Virginia*")
    name_prepositions: frozenset = frozenset()
    #: the words opening an attribution clause that reports the rest of its sentence ("*as* police said")
    as_marks: frozenset = frozenset()
    #: heads that never describe a speaker ("the attack said", "the crisis"): ``not_speakers`` of
    #: ``described_sources.yaml``
    not_speakers: frozenset = frozenset()
    #: nouns that describe a person by a role ("leader", "spokesman"): ``source_heads`` of
    #: ``described_sources.yaml``
    role_heads: frozenset = frozenset()
    #: indefinite pronouns that describe a speaker ("*some* believe", "*someone* asked")
    described_pronouns: frozenset = frozenset()
    #: texts that in the plural and of nobody are hearsay, without a speaker ("reports said")
    hearsay_nouns: frozenset = frozenset()
    #: the longest description of a speaker read (``max_tokens`` of ``described_sources.yaml``)
    description_max_tokens: int = 12

    @property
    def pronouns(self) -> frozenset:
        """Every pronoun that can stand for a speaker."""
        return self.person_pronouns | self.group_pronouns | self.unresolved_pronouns


@dataclass
class CueLexicon:
    entries: list[CueEntry]
    #: first word (verb lemma) -> entries (a verb alone, or with its particle/complement)
    verbs: dict[str, list[CueEntry]] = field(default_factory=dict)
    nouns: dict[str, CueEntry] = field(default_factory=dict)
    #: first word (lower case) -> entries
    preps: dict[str, list[CueEntry]] = field(default_factory=dict)
    words: QuoteWords = field(default_factory=QuoteWords)

    def __post_init__(self) -> None:
        for e in self.entries:
            if e.kind == "verb":
                self.verbs.setdefault(e.words[0], []).append(e)
            elif e.kind == "noun":
                self.nouns[e.lemma] = e
            else:
                self.preps.setdefault(e.words[0], []).append(e)
        for lst in list(self.verbs.values()) + list(self.preps.values()):
            lst.sort(key=lambda e: -len(e.words))  # longest (phrasal) first


# -- loading -------------------------------------------------------------------------------------
def _validate(data, origin: str) -> list[CueEntry]:
    """The cue entries of a parsed cue file (a ConfigError naming ``origin`` and the field when it is
    broken, or when a cue is listed twice)."""
    model = validate_data(data, QuoteCuesFile, origin, stage="quotes")
    entries, seen = [], set()
    for cue in model.cues:
        key = (cue.lemma.strip().lower(), cue.kind)
        if key in seen:
            raise ConfigError(f"{origin}: cue {cue.lemma!r} ({cue.kind}) is listed twice", stage="quotes")
        seen.add(key)
        entries.append(CueEntry(lemma=" ".join(cue.lemma.lower().split()), kind=cue.kind, sense=cue.sense,
                                indirect=cue.indirect, bare=cue.bare, object=cue.object))
    return entries


def _words(model: QuoteCuesFile, fallback: Optional[QuoteCuesFile]) -> QuoteWords:
    def pick(name: str):
        value = getattr(model, name)
        if value is None and fallback is not None:
            value = getattr(fallback, name)
        if value is None:
            raise ConfigError(f"{PACKAGE_FILE}: {name} is missing", stage="quotes")
        return value

    low = lambda words: [str(w).lower() for w in words]  # noqa: E731
    pron = pick("speaker_pronouns")
    described = load_data("described_sources.yaml")
    return QuoteWords(person_pronouns=frozenset(low(pron.person)), group_pronouns=frozenset(low(pron.group)),
                      unresolved_pronouns=frozenset(low(pron.unresolved)),
                      singular_pronouns=frozenset(low(pron.singular)),
                      relative_pronouns=frozenset(low(pick("relative_pronouns"))),
                      clause_marks=tuple(low(pick("clause_marks"))),
                      title_small_words=frozenset(low(pick("title_small_words"))),
                      document_nouns=frozenset(low(pick("speaker_documents"))),
                      addressee_cues=frozenset(low(pick("addressee_cues"))),
                      name_prepositions=frozenset(low(pick("name_prepositions"))),
                      hearsay_nouns=frozenset(low(pick("hearsay_documents"))),
                      as_marks=frozenset(low(pick("as_marks"))),
                      described_pronouns=frozenset(low(pick("described_pronouns"))),
                      naming_words=frozenset(low(described.get("naming_words") or [])),
                      description_max_tokens=int(described.get("max_tokens") or 12),
                      role_heads=frozenset(low(described.get("source_heads") or [])),
                      not_speakers=frozenset(low(described.get("not_speakers") or [])))


def load_cues(path: Optional[str] = None) -> CueLexicon:
    """The cue lexicon: the package's ``data/quote_cues.yaml``, or the file at ``path`` (whose missing
    word lists come from the package's file). Read anew on each call: the stage keeps it in its
    pipeline's resources."""
    origin = path or PACKAGE_FILE
    try:
        if path is None:
            data = load_data("quote_cues.yaml")
        else:
            with open(path, encoding="utf-8") as fh:
                data = parse_yaml(fh.read(), origin)
    except OSError as err:
        raise ConfigError(f"cannot read the quote cue lexicon: {err}", stage="quotes") from err
    entries = _validate(data, origin)
    model = QuoteCuesFile.model_validate(data)
    fallback = None
    if path is not None:
        fallback = QuoteCuesFile.model_validate(load_data("quote_cues.yaml"))
    return CueLexicon(entries, words=_words(model, fallback))


def load_language_cues(language: str) -> CueLexicon:
    """The package's cue lexicon of ``language`` (``data/quote_cues_fr.yaml`` for French), its word lists
    complete (a list it leaves out comes from the English file)."""
    from importlib import resources

    path = resources.files("sitrep").joinpath("data", f"quote_cues_{language}.yaml")
    return load_cues(str(path))


__all__ = ["CUE_KINDS", "CUE_SENSES", "CueEntry", "CueLexicon", "QuoteWords", "QuoteCuesFile", "load_cues",
           "load_language_cues",
           "_validate"]
