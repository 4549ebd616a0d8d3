"""Every input limit of sitrep, in one place.

Each limit says what happens when an input goes over it: the input degrades (a warning on its document)
or becomes a typed :class:`~sitrep.article.Failure`; it never hangs the run. The README's "Limits"
section lists them; the readers, the pipeline and every stage read them from here.

==========================  ===========================  ===============================================
limit                       value                        when it is exceeded
==========================  ===========================  ===============================================
``MAX_ARTICLE_BYTES``       2,000,000 bytes of UTF-8     the input is refused: ``E104`` (``--max-bytes``)
article time budget         max(10 s, 4 s per 1,000      the article is stopped and becomes a ``E202``
                            words)                       failure naming the stage and the elapsed time
                                                         (``--article-timeout``)
``ALONE_CHARS``             100,000 characters           the article is read in a batch of its own
``MAX_SENTENCE_TOKENS``     400 tokens                   the sentence is split into pieces of at most
                                                         that many tokens (at a comma or semicolon where
                                                         there is one), with a warning
``MAX_QUOTE_MARKS``         20,000 marks an article      quote marks after it are not read as quotes,
                                                         with a warning
``MAX_TREE_WALK``           = ``MAX_SENTENCE_TOKENS``    a walk up the parse (heads, ancestors,
                                                         conjuncts) stops after that many steps
``MAX_LIST_NAMES``          32 names                     a longer coordinated list is not read as one
                                                         phrase ("Jackson and Barrow counties")
==========================  ===========================  ===============================================
"""

from __future__ import annotations

from typing import Optional

#: the largest article text read, in bytes of UTF-8 (``--max-bytes``); a larger one is refused (E104)
MAX_ARTICLE_BYTES = 2_000_000

#: the time budget of one article is ``max(ARTICLE_TIMEOUT_FLOOR_S, ARTICLE_TIMEOUT_PER_1000_WORDS_S *
#: words / 1000)`` seconds of wall-clock time, unless ``--article-timeout`` sets it; an article over it is
#: stopped (its worker process is replaced) and becomes a failure with code E202. The full pipeline reads
#: about 4,000 words a second on one core, so the default leaves a margin of about 15 times the usual cost.
ARTICLE_TIMEOUT_FLOOR_S = 10.0
ARTICLE_TIMEOUT_PER_1000_WORDS_S = 4.0

#: an article longer than this (characters) is read in a batch of its own: a batch's parse time is shared
#: among its articles by length, and a long text that is cheap to read must not pay for an expensive one
ALONE_CHARS = 100_000

#: how long a worker process may take to load the models before its first article (spawned workers)
WARM_UP_TIMEOUT_S = 300.0

#: a Ray run from which no result has come back for this long (seconds; its actors lost and not replaced,
#: the cluster out of resources) is given up: the articles not back yet become E203 failures
RAY_STALL_S = 900.0

#: the longest sentence the stages read, in tokens; the parser's longer sentences are split into pieces
#: of at most this many tokens (preferably after a comma, semicolon, colon or dash) and parsed again, and
#: the document carries a warning. Ordinary news sentences have fewer than 150 tokens.
MAX_SENTENCE_TOKENS = 400

#: the most quotation marks of one article the quote scanner reads; the marks after them are left as
#: plain characters and the document carries a warning
MAX_QUOTE_MARKS = 20_000

#: the most names of a coordinated list read as one phrase by a pattern ("Jackson and Barrow counties",
#: "Hampden and Center streets"): a pattern with an unbounded list tries again from every name of a long
#: list (quadratic time)
MAX_LIST_NAMES = 32

#: the most steps of a walk up the dependency tree (heads, ancestors) or along conjuncts: a head chain
#: never leaves its sentence, so no walk needs more than a sentence has tokens
MAX_TREE_WALK = MAX_SENTENCE_TOKENS


def article_budget(words: int, timeout: Optional[float] = None) -> Optional[float]:
    """Seconds allowed for an article of ``words`` words: ``timeout`` when it is given (> 0), none at all
    when it is 0 or negative (``None``), else the default formula."""
    if timeout is not None:
        return float(timeout) if timeout > 0 else None
    return max(ARTICLE_TIMEOUT_FLOOR_S, ARTICLE_TIMEOUT_PER_1000_WORDS_S * words / 1000.0)
