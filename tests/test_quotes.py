"""The quotes stage: direct, partial and indirect quotes, cues, speakers (through the actors stage's
mentions, or spaCy entities where no mention exists), the neighbouring-speaker rule, bad input."""

import time

import pytest

from sitrep.article import Article, ArticleState, Mention
from sitrep.contract import Actor
from sitrep.errors import ConfigError
from sitrep.stages.nlp import NlpStage
from sitrep.stages.quotes import QuotesStage, _validate, load_cues

NLP = NlpStage()


def mention(text, phrase, actor_id, how="name", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Mention(start=start, end=start + len(phrase), actor_id=actor_id, text=phrase, how=how)


def run(text, mentions=(), actors=(), **kw):
    state = ArticleState(article=Article(text=text))
    NLP(state)
    state.actors = list(actors)
    state.mentions = sorted(mentions, key=lambda m: m.start)
    state.assigned.update({"actors", "mentions"})
    QuotesStage(**kw).run_alone(state)
    for q in state.quotes:
        assert state.text[q.start:q.end] == q.text
    return state


def by_start(state, prefix):
    found = [q for q in state.quotes if q.text.startswith(prefix)]
    assert found, f"no quote starting with {prefix!r}: {[q.text for q in state.quotes]}"
    return found[0]


# a wire-style article written for these tests
ARTICLE = (
    "Border talks stall as shelling resumes\n"
    "Defence ministry spokeswoman Anna Varga said on Tuesday that the army had not crossed the border.\n"
    "\"Our units remain on our side of the line, and they will stay there.\" She added that Kordavia "
    "\"seeks calm\"\n"
    "As Prime Minister Tomas Hale noted in a televised address, the ceasefire is \"a fragile thing that "
    "needs both sides. We cannot hold it alone.\n"
    "Nobody should doubt our resolve on that point,\" Hale said. \u201cThe talks will resume next week.\u201d\n"
    "The ministry spokeswoman said later that patrols would continue along the river. "
    "\"We will not comment on troop numbers, other than to say they are adequate,\" she said.\n"
    "Aid groups have reported shortages of fuel in the camps, according to the Red Crescent.\n"
    "The convoy was described as 'routine' by local media.\n"
)
T = ARTICLE
ACTORS = [
    Actor(id="VARGA", name="Anna Varga", kind="person", role="Defence ministry spokeswoman", affiliation="KOR"),
    Actor(id="HALE", name="Tomas Hale", kind="person", role="Prime Minister", affiliation="KOR"),
    Actor(id="KOR", name="Kordavia", kind="state"),
    Actor(id="REDC", name="Red Crescent", kind="organization"),
]
MENTIONS = [
    mention(T, "Anna Varga", "VARGA"),
    mention(T, "She", "VARGA", "pronoun"),
    mention(T, "Kordavia", "KOR"),
    mention(T, "Tomas Hale", "HALE"),
    mention(T, "Hale", "HALE", nth=1),
    mention(T, "The ministry spokeswoman", "VARGA", "title"),
    mention(T, "she", "VARGA", "pronoun", nth=1),  # nth=0 is inside "spokeswoman"
    mention(T, "the Red Crescent", "REDC"),
]


@pytest.fixture(scope="module")
def article_state():
    return run(ARTICLE, MENTIONS, ACTORS)


def test_direct_quote_with_following_pronoun_attribution(article_state):
    q = by_start(article_state, "We will not comment on troop numbers")
    assert q.kind == "direct" and q.cue == "said"
    assert q.speaker.actor_id == "VARGA" and q.speaker.text == "she"


def test_partial_quote_speaker_by_pronoun(article_state):
    q = by_start(article_state, "seeks calm")
    assert q.kind == "partial" and q.cue == "added"
    assert q.speaker.actor_id == "VARGA"


def test_quote_with_no_attribution_takes_the_last_speaker(article_state):
    # follows right after Varga's indirect statement (previous paragraph, the quote opens its paragraph)
    q = by_start(article_state, "Our units remain on our side")
    assert q.speaker.actor_id == "VARGA" and q.kind == "direct"
    # curly quote right after '..." Hale said.' in the same paragraph
    q = by_start(article_state, "The talks will resume next week.")
    assert q.speaker.actor_id == "HALE" and q.cue is None


def test_unclosed_quote_ends_at_paragraph_and_warns(article_state):
    q = by_start(article_state, "a fragile thing that needs both sides")
    assert q.text.endswith("We cannot hold it alone.")
    assert q.kind == "partial" and q.cue == "noted" and q.speaker.actor_id == "HALE"
    assert any("not closed" in w for w in article_state.warnings)


def test_missing_opening_mark_quote_is_attributed_by_its_cue(article_state):
    q = by_start(article_state, "Nobody should doubt our resolve")
    assert q.speaker.actor_id == "HALE" and q.cue == "said"
    assert any("no opening mark" in w for w in article_state.warnings)


def test_indirect_speech_and_title_mention(article_state):
    q = by_start(article_state, "the army had not crossed the border")
    assert q.kind == "indirect" and q.cue == "said" and q.speaker.actor_id == "VARGA"
    q = by_start(article_state, "patrols would continue along the river")
    assert q.kind == "indirect" and q.speaker.actor_id == "VARGA"
    assert q.speaker.text == "The ministry spokeswoman"


def test_according_to(article_state):
    q = by_start(article_state, "Aid groups have reported shortages")
    assert q.kind == "indirect" and q.cue == "according to"
    assert q.speaker.actor_id == "REDC"
    assert "according" not in q.text


def test_scare_quote_is_not_a_quote(article_state):
    assert not [q for q in article_state.quotes if q.text == "routine"]


def test_partial_quote_inside_a_clause_has_no_separate_indirect(article_state):
    # "She added that Kordavia "seeks calm"": one quote, partial, not also an indirect report
    overlapping = [q for q in article_state.quotes if q.start <= T.index("seeks calm") < q.end]
    assert len(overlapping) == 1


def test_ids_are_unique_and_in_text_order(article_state):
    ids = [q.id for q in article_state.quotes]
    assert len(set(ids)) == len(ids)
    starts = [q.start for q in article_state.quotes]
    assert starts == sorted(starts)


def test_never_a_speaker_from_a_nearby_noun():
    text = ("Colonel Ivo Brandt inspected the new positions on Monday.\n"
            "\"Nobody could have predicted the scale of the flooding this spring.\"\n"
            "Engineers from the regional authority arrived later in the day.")
    state = run(text)
    (q,) = state.quotes
    assert q.speaker is None and q.cue is None


def test_next_attribution_in_the_same_paragraph():
    text = ("Shelling resumed overnight.\n"
            "\"The shelling lasted until dawn.\" \"We counted forty impacts,\" Mayor Lena Ostrova said.")
    state = run(text)
    first = by_start(state, "The shelling lasted until dawn.")
    second = by_start(state, "We counted forty impacts")
    assert second.cue == "said" and second.speaker is not None
    assert first.speaker == second.speaker


def test_multi_paragraph_quote_shares_the_speaker():
    text = ("\"The first convoy arrived at dawn with medicine and water for the camps.\n"
            "\"The second one was turned back at the crossing,\" Marta Kovac of the relief agency said.\n")
    state = run(text)
    first = by_start(state, "The first convoy")
    second = by_start(state, "The second one")
    assert second.speaker is not None
    assert first.speaker == second.speaker and first.kind == "direct"


def test_fallback_to_entities_links_surname_to_full_name():
    text = ("Foreign Minister Jakob Lindqvist said the embassy would reopen in March.\n"
            "\"We are ready to talk to anyone who wants peace,\" Lindqvist told reporters.")
    state = run(text)
    ind = by_start(state, "the embassy would reopen")
    direct = by_start(state, "We are ready to talk")
    assert direct.cue == "told"
    assert ind.speaker is not None and direct.speaker is not None
    assert ind.speaker.actor_id == direct.speaker.actor_id


def test_inverted_attribution_and_phrasal_cue():
    text = ("\"The corridor is open,\" said Ruth Adler, the regional governor.\n"
            "Adler pointed out that the corridor had been closed for a week.")
    state = run(text)
    q = by_start(state, "The corridor is open")
    assert q.cue == "said" and q.speaker is not None and "Adler" in q.speaker.text
    ind = by_start(state, "the corridor had been closed")
    assert ind.cue == "pointed out" and ind.speaker.actor_id == q.speaker.actor_id


def test_bad_input_never_crashes_and_stays_fast():
    long_para = " ".join(["ceasefire"] * 2300)[:20000]
    for text in [long_para, '"' + long_para, 'He said "' + long_para + '" and \u201c left',
                 '" \u201c \u2018 \u00ab \u201e', "'" * 200, '"a "b "c "d "e']:
        t0 = time.perf_counter()
        state = run(text)
        elapsed = time.perf_counter() - t0
        for q in state.quotes:
            assert 0 <= q.start < q.end <= len(text)
    # the quotes stage alone on the long paragraph costs little next to the parse
    state = ArticleState(article=Article(text=long_para))
    t0 = time.perf_counter()
    NLP(state)
    parse = time.perf_counter() - t0
    state.assigned.add("mentions")
    t0 = time.perf_counter()
    QuotesStage().run_alone(state)
    assert time.perf_counter() - t0 < max(0.5 * parse, 0.05)
    assert elapsed >= 0


def test_cue_lexicon_loads_and_is_valid():
    lex = load_cues()
    lemmas = {e.lemma for e in lex.entries}
    for needed in ("say", "tell", "add", "stress", "warn", "note", "deny", "insist", "point out",
                   "according to"):
        assert needed in lemmas
    assert {e.kind for e in lex.entries} <= {"verb", "preposition", "noun"}
    assert "point" in lex.verbs and "according" in lex.preps


@pytest.mark.parametrize("bad", [
    None, {"cues": "say"}, {"cues": [{"lemma": "say"}]}, {"cues": [{"lemma": "say", "kind": "adverb"}]},
    {"cues": [{"lemma": "say", "kind": "verb", "sense": "mood"}]},
    {"cues": [{"lemma": "say", "kind": "verb"}, {"lemma": "say", "kind": "verb"}]},
    {"cues": [{"lemma": "say", "kind": "verb", "colour": "red"}]},
])
def test_cue_lexicon_validation(bad):
    with pytest.raises(ConfigError):
        _validate(bad, "test.yaml")


def test_thought_cues_are_off_by_default():
    text = "The envoy believes the talks will fail before the summer."
    assert run(text).quotes == []
    state = run(text, senses=("speech", "thought"))
    assert [q.cue for q in state.quotes] == ["believes"]


def test_parenthetical_cue_reports_its_host_clause():
    text = "The new crossing, Interior Minister Petra Laine said, would open to trucks in April."
    state = run(text)
    (q,) = state.quotes
    assert q.kind == "indirect" and q.cue == "said"
    assert q.text.startswith("The new crossing") and q.text.endswith("in April")
    assert q.speaker is not None and "Laine" in q.speaker.text


def test_called_attributes_a_short_quote_and_headline_according_to_does_not_crash():
    text = ("Record turnout in the north, according to election officials\n"
            "Foreign Minister Ilse Marr called the blockade \"an act of war\" on Sunday.")
    state = run(text)
    q = by_start(state, "an act of war")
    assert q.cue == "called" and q.kind == "partial" and "Marr" in q.speaker.text


def test_phrasal_cue_and_dateline_are_not_in_the_report():
    text = ("VALMORA, March 3 (Harbour Wire) - Kordavian troops left the border zone overnight, "
            "the defence ministry said.\n"
            "Foreign Minister Ilse Marr made clear that the embassy would stay closed.")
    state = run(text)
    q = by_start(state, "Kordavian troops left")
    assert q.kind == "indirect" and "VALMORA" not in q.text
    q = by_start(state, "the embassy would stay closed")
    assert q.cue == "made clear" and "Marr" in q.speaker.text


def test_bare_cue_only_without_an_object():
    text = ("\"The bridge will reopen on Friday,\" Mayor Lena Ostrova said. \"Traffic will be light,\" she "
            "continued.\nThe city would continue its \"careful approach\" to repairs, officials said.")
    state = run(text)
    assert by_start(state, "Traffic will be light").cue == "continued"
    assert not [q for q in state.quotes if q.cue == "continue"]
