"""Input limits degrade, never hang: over-long sentences are cut, quote marks past the limit are left
alone, walks are bounded, and the stages that used to take time quadratic in a sentence do not."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from sitrep import limits
from sitrep.core.article import Article, ArticleState
from sitrep.pipeline import Pipeline
from sitrep.quotemarks import find_quote_spans
from sitrep.stages.nlp import NlpStage, sentence_cuts

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("the rebels attacked government forces near Aleppo on Sunday and Russia said it would support Syria "
         "while Turkey condemned the strikes against civilians in Idlib province as officials in Damascus met "
         "envoys from Iran").split()
GOOD = Article(text="Rebels seize Aleppo\nSyrian rebels captured Aleppo on Sunday, officials in Damascus said.",
               id="good", published="2024-12-02")


def _words(n_chars: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out, k = [], 0
    while k < n_chars:
        w = rng.choice(WORDS)
        out.append(w)
        k += len(w) + 1
    return " ".join(out)[:n_chars]


def _said_chain(n_chars: int) -> str:
    """One sentence of nested reported speech: every clause is the complement of the one before."""
    rng = random.Random(2)
    out, k = ["Russia said that"], 0
    while k < n_chars:
        w = rng.choice(["Iran said that", "Turkey warned that", "Syria claimed that", "the rebels threatened to"])
        out.append(w)
        k += len(w) + 1
    return " ".join(out) + " attack Aleppo."


def _states(pipeline, text, upto):
    st = ArticleState(article=Article(text=text, id="x", published="2024-12-02"))
    for stage in pipeline.stages:
        if stage.name == upto:
            return st, stage
        st = stage(st)
    raise AssertionError(upto)


def test_every_limit_is_a_named_constant_listed_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Limits", 1)[1].split("\n## ", 1)[0]
    names = [n for n in vars(limits) if n.isupper()]
    assert {"MAX_ARTICLE_BYTES", "MAX_SENTENCE_TOKENS", "MAX_QUOTE_MARKS", "MAX_TREE_WALK",
            "ARTICLE_TIMEOUT_FLOOR_S", "ARTICLE_TIMEOUT_PER_1000_WORDS_S"} <= set(names)
    for n in names:
        assert n in section, f"{n} is not in the README's Limits section"


def test_the_readers_and_the_cli_take_the_size_limit_from_the_limits_module():
    from sitrep.cli import options
    from sitrep.readers import DEFAULT_MAX_BYTES

    assert DEFAULT_MAX_BYTES == limits.MAX_ARTICLE_BYTES
    assert options.MAX_BYTES.default == limits.MAX_ARTICLE_BYTES
    for name in ("options.py", "commands.py"):
        assert "2_000_000" not in (ROOT / "src/sitrep/cli" / name).read_text()


def test_an_over_long_sentence_is_cut_into_pieces_with_a_warning(pipeline):
    st = NlpStage()(ArticleState(article=Article(text=_said_chain(12_000))))
    sents = list(st.doc.sents)
    assert max(len(s) for s in sents) <= limits.MAX_SENTENCE_TOKENS
    assert len(sents) >= 5
    (w,) = [w for w in st.warnings if w.startswith("nlp:")]
    assert f"longer than {limits.MAX_SENTENCE_TOKENS} tokens" in w
    for s, e in st.sentences:                                     # sentence spans still slice the text
        assert st.text[s:e] == st.text[s:e].strip() and e > s


def test_the_cut_prefers_a_comma():
    text = ", ".join(["the rebels attacked government forces near Aleppo on Sunday"] * 60) + "."
    st = NlpStage()(ArticleState(article=Article(text=text)))
    for s in list(st.doc.sents)[:-1]:
        assert s[-1].text == ","


def test_ordinary_text_is_parsed_once_and_not_cut():
    from sitrep.examples import example_articles

    nlp = NlpStage()
    for a in example_articles():
        st = nlp(ArticleState(article=a))
        assert not sentence_cuts(st.doc) and not [w for w in st.warnings if w.startswith("nlp:")]


def test_quote_marks_past_the_limit_are_not_read_and_the_scan_stays_fast():
    t0 = time.perf_counter()
    scan = find_quote_spans(" ".join('"' for _ in range(100_000)))
    scan2 = find_quote_spans(" ".join('"rebels' if i % 2 == 0 else 'attacked"' for i in range(100_000)))
    assert time.perf_counter() - t0 < 5
    for s in (scan, scan2):
        assert any(f"more than {limits.MAX_QUOTE_MARKS:,} quote marks" in w for w in s.warnings)
    assert len(scan2.spans) == limits.MAX_QUOTE_MARKS // 2
    small = find_quote_spans('He said "we go" and "they stay".\nShe said "fine".', max_marks=4)
    assert [small.spans[0].start, small.spans[1].start] == [9, 21] and len(small.spans) == 2
    assert any("more than 4 quote marks" in w for w in small.warnings)
