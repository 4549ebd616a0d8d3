"""The quotes stage's rules one by one, on hand-built input (a blank spaCy doc, hand-made spans and
speakers); the whole stage on parsed text is tested in test_quotes.py."""

from __future__ import annotations

import spacy
import pytest

from sitrep.article import Article, ArticleState
from sitrep.contract import ActorRef
from sitrep.errors import ConfigError
from sitrep.lang.quotemarks import find_quote_spans
from sitrep.stages.quotes import QuoteContext, QuotesConfig, QuotesStage, Speaker, load_cues, looks_like_title
from sitrep.stages.quotes.attribution import frames, quote_kind
from sitrep.stages.quotes.context import paragraphs, trim_name
from sitrep.stages.quotes.speakers import by_pronoun
from sitrep.stages.resources import Resources

BLANK = spacy.blank("en")
LEX = load_cues()


def context(text: str, sentences=None, **config) -> QuoteContext:
    """A quotes context over a blank (unparsed) doc, with the given sentence spans."""
    state = ArticleState(article=Article(text=text))
    state.doc = BLANK(state.text)
    state.sentences = sentences or [(0, len(state.text))]
    state.provide("actors", "mentions")
    ctx = QuoteContext(state, LEX, QuotesConfig(**config))
    ctx.set_quotes(list(find_quote_spans(state.text).top_level()))
    return ctx


@pytest.mark.parametrize("content,title", [
    ("Face the Nation", True), ("Fox and Friends", True), ("Hamas", True),
    ("We will not comment", False), ("a fragile thing", False), ("seeks calm", False),
    ("One Two Three Four Five Six Seven Eight", False),
])
def test_looks_like_title(content, title):
    assert looks_like_title(content, LEX.words.title_small_words) is title


def test_title_length_is_a_setting():
    assert looks_like_title("Face the Nation", LEX.words.title_small_words, max_words=2) is False


def test_paragraphs_are_the_non_empty_lines():
    assert paragraphs("a\n\n  \nbc\n") == [(0, 1), (6, 8)]


def test_trim_name_drops_stray_punctuation():
    text = ', Jake Sullivan" said'
    s, e = trim_name(text, 0, 16)
    assert text[s:e] == "Jake Sullivan"


def test_a_surname_reuses_the_id_of_the_full_name():
    ctx = context("Jake Sullivan spoke. Sullivan spoke again.")
    assert ctx.fallback_id("Jake Sullivan", "PERSON") == "ent:jake-sullivan"
    assert ctx.fallback_id("Sullivan", "PERSON") == "ent:jake-sullivan"
    assert ctx.fallback_id("the State Department's", "ORG") == "ent:state-department"


def test_in_quote_and_overlap():
    text = 'He said "we will stay" and left.'
    ctx = context(text)
    inside = text.index("will")
    assert ctx.in_quote(inside, inside + 4)
    assert not ctx.in_quote(0, 2)
    assert ctx.quote_overlapping(text.index("stay"), len(text))


def test_quote_kind_direct_and_partial():
    text = 'He said: "We will stay."'
    ctx = context(text)
    [sp] = ctx.q_spans
    assert quote_kind(ctx, sp) == "direct"
    text = 'He added that the US "urges calm" today.'
    ctx = context(text)
    [sp] = ctx.q_spans
    assert quote_kind(ctx, sp) == "partial"


def test_a_short_sentence_after_a_quote_is_its_frame():
    text = '"We will stay." She said.'
    ctx = context(text, sentences=[(0, 15), (16, 25)])
    [sp] = ctx.q_spans
    assert frames(ctx, sp) == [(15, 25)]
    # a longer sentence is not an attribution
    ctx = context(text, sentences=[(0, 15), (16, 25)], attribution_sentence_max_words=1)
    assert frames(ctx, sp) == []


def test_pronouns_take_the_last_speaker_of_their_kind():
    ctx = context("she said it said we said")
    she, it, we = ctx.doc[0], ctx.doc[2], ctx.doc[4]
    person = Speaker(ActorRef(actor_id="VARGA", text="Anna Varga"), 0, 1, True)
    group = Speaker(ActorRef(actor_id="KOR", text="Kordavia"), 0, 1, False)
    assert by_pronoun(ctx, she, (0, 3), person, group).ref.actor_id == "VARGA"
    assert by_pronoun(ctx, it, (9, 11), person, group).ref.actor_id == "KOR"
    got = by_pronoun(ctx, we, (17, 19), person, group)
    assert got.ref is None and got.person is False  # "we" is never taken from a neighbour


def test_a_lexicon_of_ones_own_keeps_the_package_word_lists(tmp_path):
    own = tmp_path / "cues.yaml"
    own.write_text("cues:\n  - {lemma: yell, kind: verb}\n", encoding="utf-8")
    lex = load_cues(str(own))
    assert [e.lemma for e in lex.entries] == ["yell"]
    assert lex.words == LEX.words


def test_a_typo_in_a_cue_file_names_the_file_and_the_field(tmp_path):
    own = tmp_path / "cues.yaml"
    own.write_text("cues:\n  - {lemma: yell, kind: verbb}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"cues\.yaml: cues\.0\.kind"):
        load_cues(str(own))


def test_settings_keep_their_old_names_and_add_the_tuning_numbers():
    stage = QuotesStage(senses=["speech", "thought"], min_unattributed_words=2, label_window=30)
    assert stage.senses == ("speech", "thought") and stage.min_unattributed_words == 2
    assert stage.config.label_window == 30 and stage.config.title_max_words == 7
    assert "fallback_entity_labels" in QuotesStage.default_config()
    with pytest.raises(ConfigError, match="no setting"):
        QuotesStage(min_words=2)


def test_the_stage_declares_every_field_it_reads():
    assert set(QuotesStage.needs) >= {"article", "doc", "sentences", "actors", "mentions"}


def test_the_lexicon_comes_from_the_pipelines_resources():
    small = load_cues()
    stage = QuotesStage().use_resources(Resources(quote_cues=small))
    assert stage.lexicon is small
    assert QuotesStage(cues_path="x.yaml").use_resources(Resources(**{"quote_cues:x.yaml": small})).lexicon is small
