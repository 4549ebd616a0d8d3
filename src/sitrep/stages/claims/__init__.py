"""Stage ``claims``: quantitative claims -- who has how many of what, where, when, according to whom.

Numbers are found once over the whole text (:func:`sitrep.lang.numbers.find_quantities`); each number is
then read through the parse:

* **what is counted** -- the noun the number modifies ("about 1,000 *troops*", "hundreds *of people*"),
  turned into a property by ``data/quantities.yaml``; a generic noun ("people", "civilians") takes its
  property from the verb or adjective around it ("12 civilians were *killed*"); a currency makes it money
  (refined to aid/sanctions/budget by nearby words); a unit makes it a distance or an area; people
  named by a state ("prisoners") take the verb's property ("released hundreds of prisoners"), people
  moved "from their homes" are displaced, lives saved are no loss, and a number glued to a model name
  ("Quds-2", "F-15E") is no count;
* **whose** -- an actor modifying the noun ("US troops", "Russia's soldiers"), else the subject of the
  clause that has the count ("*The US* is keeping around 900 troops"), climbing through non-finite
  clauses ("the US ... while maintaining a force of about 1,000 troops"); for losses (dead, wounded,
  detained...) never the agent of the verb ("Russian strikes killed 12 Syrian soldiers" is Syria's dead);
  the subject of a reporting verb is the source, never the owner; forces or weapons an act was done
  to ("the gang set fire to 34 vehicles", "destroyed 12 tanks": ``patient_verbs``) are nobody's count;
* **where** -- a place attached by a preposition to the noun or the clause; "the country" is the
  country the article was last speaking of;
* **according to whom** -- the subject of a reporting verb above the count ("..., CNN notes") or
  "according to X" in the sentence;
* **when** -- a date expression in the same clause.

No property, no claim; no owner, no claim -- except for a force counted by a generic word for an
armed group ("at least four gunmen opened fire": owned by the group counted), and for losses (dead, wounded, displaced, detained,
kidnapped, released, missing: the ``victim`` properties), which a place may own: a count no actor owns
("12 people were killed in Idlib", "seven injured", "the death toll rose to 704") belongs to the place
of its incident -- the place of its clause, else one its sentence names, else the one the article last
spoke of -- and that place is the claim's subject (``subject.actor_id`` is the place id, as an event's
target with no actor). With no place in the article at all, the counted group (a generic agent of the
actors stage: "people") is the subject. Every claim's ``text`` is ``article_text[start:end]``.

The work, module by module: :mod:`.vocabulary` (the words, from ``data/quantities.yaml``),
:mod:`.counted` (what is counted), :mod:`.owner` (whose), :mod:`.circumstances` (where, when,
according to whom), :mod:`.reader` (the per-article look-ups), :mod:`.stage` (the stage).
"""

from .reader import ClaimReader
from .stage import ClaimsConfig, ClaimsStage
from .vocabulary import Vocabulary, build_vocabulary, vocabulary

_Vocab = Vocabulary  # the old name

__all__ = ["ClaimsStage", "ClaimsConfig", "ClaimReader", "Vocabulary", "build_vocabulary", "vocabulary"]
