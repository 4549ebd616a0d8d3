"""The polnear suite: brat standoff attributions (discontinuous spans, no-source attributions, discarded
annotations, a text with CRLF and leading blanks) written for these tests, scored by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.contract import Actor, ActorRef, ArticleMeta, Document, Quote, Span
from sitrep.errors import EvalDataError
from sitrep.evaluation.matching import OffsetMap
from sitrep.evaluation.polnear import load_gold, parse_ann, score_polnear

DATA = Path(__file__).parent / "data" / "eval" / "polnear"


def q(i, text, phrase, kind, speaker=None, nth=0):
    s = -1
    for _ in range(nth + 1):
        s = text.index(phrase, s + 1)
    return Quote(id=i, text=phrase, start=s, end=s + len(phrase), kind=kind, speaker=speaker)


def mention(text, phrase, nth=0):
    s = -1
    for _ in range(nth + 1):
        s = text.index(phrase, s + 1)
    return Span(text=phrase, start=s, end=s + len(phrase))


@pytest.fixture(scope="module")
def gold():
    return load_gold(DATA)


def hand_docs(gold):
    t1, t2 = gold[0].text, gold[1].text
    lopez = Actor(id="lopez", name="Maria Lopez", kind="person",
                  mentions=[mention(t1, "Senator Maria Lopez"), mention(t1, "she"), mention(t1, "Lopez", 1)])
    reporters = Actor(id="rep", name="reporters", kind="group", mentions=[mention(t1, "reporters")])
    sp = ActorRef(actor_id="lopez", text="Lopez")
    d1 = Document(article=ArticleMeta(id="art_one"), text=t1, actors=[lopez, reporters], quotes=[
        q("q1", t1, "We have the votes,", "direct", sp),                # E2, source by mention "she"
        q("q2", t1, "The vote is set for Friday,", "direct", sp),       # E3's first fragment, source right
        q("q3", t1, "and nothing will change that.", "partial", sp),    # E3's second fragment, source right
        q("q4", t1, "the bill would pass", "indirect", ActorRef(actor_id="rep", text="reporters")),  # E1, wrong source
        q("q5", t1, "A close vote", "indirect"),                        # E4, no speaker
    ])
    minister = Actor(id="min", name="minister", kind="person", mentions=[mention(t2, "The minister")])
    d2 = Document(article=ArticleMeta(id="art_two"), text=t2, actors=[minister], quotes=[
        q("q6", t2, "no deal", "direct", ActorRef(actor_id="min", text="The minister")),
    ])
    return [d1, d2]


def test_parse_discontinuous_and_skip_discard():
    ann = (DATA / "attributions" / "art_one_ab12.ann").read_text()
    atts = parse_ann(ann)
    assert [a.id for a in atts] == ["E1", "E2", "E3", "E4"]          # E5 (Discard) ignored
    assert atts[2].content == [(103, 132), (145, 176)]
    assert atts[3].source == [] and atts[3].cue == [(190, 201)]
    assert [a.quoted for a in atts] == [False, True, True, False]


def test_offsets_follow_the_normalised_text(gold):
    assert [g.id for g in gold] == ["art_one", "art_two"]              # art_one_ab12.ann found by prefix
    t2 = gold[1]
    assert not t2.text.startswith(" ") and "\r" not in t2.text
    a = t2.attributions[0]
    (s, e), = a.content
    assert t2.text[s:e] == '"no deal" was possible'
    (s, e), = a.source
    assert t2.text[s:e] == "The minister"


def test_offset_map_general_case():
    raw = "\ufeff A\r\nB\x00C "
    m = OffsetMap(raw)
    assert m.text == "A\nBC"
    assert m.text[m(2):m(3)] == "A" and m.text[m(5):m(6)] == "B" and m.text[m(7):m(8)] == "C"


def test_hand_checked_scores(gold):
    r = score_polnear(gold, hand_docs(gold))
    f = {m.name: (m.numerator, m.denominator) for m in r.metrics if m.kind == "ratio"}
    # all: 6 quotes, each overlapping a gold content (q2 and q3 both lie in E3's two fragments);
    # all 5 gold contents are overlapped
    assert f["content (all) precision"] == (6, 6)
    assert f["content (all) recall"] == (5, 5)
    # sources: 5 quotes have a speaker, right for q1 (she), q2 and q3 (Lopez), q6; q4 gives "reporters";
    # gold has 4 attributions with a source, found for E2, E3, art_two E1 (not E1)
    assert f["source (all) precision"] == (4, 5)
    assert f["source (all) recall"] == (3, 4)
    # quoted: gold E2, E3, art_two E1; quotes q1, q2, q3, q6 (q4, q5 are indirect)
    assert f["content (quoted) precision"] == (4, 4)
    assert f["content (quoted) recall"] == (3, 3)
    assert f["source (quoted) precision"] == (4, 4)
    assert f["source (quoted) recall"] == (3, 3)
    # characters: every predicted character lies in a gold content (18+27+29+19+12+7 = 112);
    # gold contents hold 24+20+(29+31)+12 + 22 = 138 characters, 102 of them quoted
    assert f["content chars (all) precision"] == (112, 112)
    assert f["content chars (all) recall"] == (112, 138)
    assert f["content chars (quoted) recall"] == (81, 102)
    assert r.metric("content (all) F1").value == pytest.approx(1.0)
    assert r.metric("source (all) F1").value == pytest.approx(2 * 0.8 * 0.75 / (0.8 + 0.75))


def test_no_output_scores_zero_recall(gold):
    r = score_polnear(gold, [None, None])
    assert r.metric("content (all) recall").value == 0.0
    assert r.metric("content (all) precision").value is None


def test_bad_folder(tmp_path):
    with pytest.raises(EvalDataError):
        load_gold(tmp_path)
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(EvalDataError):
        load_gold(tmp_path)      # no annotation file


def test_quote_outside_every_content_is_wrong(gold):
    docs = hand_docs(gold)
    t2 = gold[1].text
    docs[1].quotes.append(q("q7", t2, "She left for Brussels", "direct",
                            ActorRef(actor_id="min", text="The minister")))
    r = score_polnear(gold, docs)
    f = {m.name: (m.numerator, m.denominator) for m in r.metrics if m.kind == "ratio"}
    assert f["content (all) precision"] == (6, 7)
    assert f["source (all) precision"] == (4, 6)
    assert f["content (all) recall"] == (5, 5)


def test_the_suite_reads_every_kind_of_attribution(monkeypatch):
    """Without a pipeline of one's own, the quotes stage runs as PolNeAR reads attribution: stated
    positions and thoughts too (both off in the default pipeline)."""
    from sitrep.evaluation import polnear

    seen = {}

    def fake_run(articles, *, pipeline=None, batch_size=8):
        seen["quotes"] = next(s for s in pipeline.stages if s.name == "quotes").config
        return [None] * len(list(articles)), [], 0.0

    monkeypatch.setattr(polnear, "run_pipeline", fake_run)
    polnear.evaluate_polnear(DATA)
    cfg = seen["quotes"]
    assert cfg.positions and "thought" in cfg.senses and "speech" in cfg.senses
