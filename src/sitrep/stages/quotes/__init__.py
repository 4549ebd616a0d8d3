"""Stage ``quotes``: who said what.

Reads the quotation marks (:mod:`sitrep.lang.quotemarks`), the cue words of ``data/quote_cues.yaml`` and the
dependency parse, and assigns ``state.quotes`` (and ``state.actors``: the actors with the speakers
no actor stood for added, see below):

* ``direct`` quotes (a quoted sentence or more), ``partial`` quotes (quoted words inside the writer's
  sentence: ``He added that the US "urges de-escalation"``) and ``indirect`` speech (``Sullivan said the
  US would ...``, ``..., according to the State Department``: the content is the reported clause);
* the cue in ``cue`` (``said``, ``pointed out``, ``according to``);
* the speaker: the subject of the cue verb (the object of ``according to``, the possessor of ``his
  statement``), resolved to an actor through the actors stage's mentions (names, titles, pronouns,
  described sources: "a Kremlin source told Interfax" is the source's, never the outlet's; a dateline
  never speaks). A text speaks for its owner ("the group's statement said", "according to UN figures";
  a bare "the statement said" for the last speaker); a he/she right after a speaker is that speaker.
  Where no mention covers the speaker, a spaCy PERSON/ORG/GPE entity stands in (and a bare he/she is
  read as the last person who spoke). A quote with no cue in its own sentence takes the speaker of the
  neighbouring attribution, the way a reader does: the last speaker when the quote follows right after
  (same paragraph, or the quote opens the next paragraph), else the next attribution in its paragraph.
  A speaker is never taken from a noun that merely stands near the quote. Agreement decides pronouns:
  "it" is the nearest speaker that is one and no named person; a description that names itself speaks
  as the name ("an officer, named Hassan", "the group that calls itself ..."); the phrase between a
  comma and its cue is the speaker of the wire lead before it ("REPORT, the ministry said"); a name in
  quotation marks may speak ('the self-styled "Republic of Artsakh" said').
  A speaker no actor, entity or name stands for is named by its description ("the network said", "those
  close to him say", "according to the text of the agreement"; an ``ent:`` id), except hearsay ("reports
  said") and a pronoun nobody is found for ("we said"); an indefinite pronoun describes ("some believe").
  The words naming a speaker are its whole mention: with its coordinates ("police and medics"), a
  parenthesis ("the Somali Journalists Syndicate (SJS)") and a proper name it is in or of ("Human Rights
  Activists in Iran"); a relative pronoun ("Trump, who said") names its antecedent's actor, as "he" does.
  Such a speaker (and an entity or a name the actors stage missed) becomes an actor of the article
  (:func:`.records.speaker_actors`), so every quote's speaker is an actor of the document.
  An "as" clause reports the rest of its sentence ("Scott had a gun, as police have said"); a colon
  lead-in with no cue word speaks through its subject ('McCaskill scolded him: "…"'); a mixed quote with
  no cue is the sentence subject's when that subject is a person ('He thanked them for talks held "in a
  friendly atmosphere"').
* stated positions ("called for a ceasefire", "vowed to rebuild", "noted the rule", "the ministry's claim
  that ...") are not quotes (the news guidelines code them as events); ``QuotesConfig(positions=True)``
  reports them too, and the senses ``thought`` ("plans to"), ``evidence`` ("a poll shows") and
  ``stance`` ("supported the bill") add cues, for corpora that mark every attribution (the polnear
  suite runs the stage so: ``sitrep.evaluation.polnear.ATTRIBUTION_CONFIG``).

Unclosed quotation marks end at their paragraph end; the warnings go to ``state.warnings``.

The work, module by module:

* :mod:`.lexicon` -- the cue lexicon and the words around the cues (``data/quote_cues.yaml``);
* :mod:`.context` -- per-article look-ups (paragraphs, sentences, quote intervals, mentions, entities);
* :mod:`.cues` -- finding the cues in the parse and the clause each one reports;
* :mod:`.speakers` -- the speaker of each cue, resolved to an actor;
* :mod:`.attribution` -- tying each quote to its cue, a transcript label, a dash, or a neighbour;
* :mod:`.stage` -- the stage, its configuration and the order of the work.
"""

from .attribution import looks_like_title
from .context import QuoteContext
from .lexicon import CUE_KINDS, CUE_SENSES, CueEntry, CueLexicon, QuoteWords, _validate, load_cues
from .records import Attribution, CueHit, Speaker, a_to_quote
from .stage import QuotesConfig, QuotesStage

__all__ = ["QuotesStage", "QuotesConfig", "load_cues", "CueEntry", "CueLexicon", "QuoteWords", "CUE_KINDS",
           "CUE_SENSES", "Attribution", "CueHit", "Speaker", "a_to_quote", "QuoteContext", "looks_like_title",
           "_validate"]
