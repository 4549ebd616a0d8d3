"""The benchmark corpus: the synthetic set is generated from its templates, the same on every run."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("_bench_corpus", ROOT / "benchmarks" / "_corpus.py")
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)


def test_synthetic_articles_are_deterministic_wire_copy():
    a = corpus.synthetic_articles(20)
    b = corpus.synthetic_articles(20)
    assert [x.text for x in a] == [x.text for x in b]
    assert len({x.text for x in a}) == 20
    for art in a:
        lines = art.text.split("\n")
        assert not lines[0].endswith(".")                 # a headline, no period
        assert len(lines) >= 2 and "{" not in art.text   # every slot filled
        assert art.published and art.id.startswith("synthetic-")


def test_corpus_counts_words_and_articles():
    arts, info = corpus.corpus(n_synthetic=10, repeat_examples=2)
    assert info["articles"] == len(arts) == 10 + 2 * info["examples"]
    assert info["words"] == sum(len(x.text.split()) for x in arts)
    assert {"cpu", "cpus", "python", "spacy"} <= set(corpus.machine())
