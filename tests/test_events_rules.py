"""Single rules of the events stage, each on one parsed sentence, hand-built mentions, hand-built raw
events or hand-built confidence features -- without running the stage (the stage as a whole is tested
in test_events.py)."""

from __future__ import annotations

import dataclasses

import pytest

from sitrep.article import Article, ArticleState, Mention
from sitrep.contract import Span
from sitrep.errors import ConfigError
from sitrep.stages.events import EventsConfig, EventsStage, load_lexicon, parse_cues, parse_lexicon, read_cues
from sitrep.stages.events import arguments, classify, dating, grammar, merge, triggers
from sitrep.stages.events.build import trigger_text, verbal_candidates
from sitrep.stages.events.confidence import Features, clause_rank, confidence
from sitrep.stages.events.context import ArticleContext
from sitrep.stages.events.model import Candidate, RawEvent
from sitrep.stages.nlp import NlpStage
from sitrep.stages.resources import Resources
from sitrep.datafiles import load_data
from sitrep.ontology import load_ontology

NLP = NlpStage()
CFG = EventsConfig()


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def parse(text: str) -> ArticleState:
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    return st.provide(*EventsStage.needs)


def tok(st: ArticleState, word: str, nth: int = 0):
    return [t for t in st.doc if t.text == word][nth]


def mention(text: str, phrase: str, actor_id: str, how: str = "name") -> Mention:
    start = text.index(phrase)
    return Mention(start=start, end=start + len(phrase), actor_id=actor_id, text=phrase, how=how)


def context(text: str, lex, *phrases: str, **config) -> tuple[ArticleState, ArticleContext]:
    """A parsed sentence with a name mention for each phrase (actor id = the phrase, lower case)."""
    st = parse(text)
    st.mentions = sorted((mention(text, p, p.lower()) for p in phrases), key=lambda m: m.start)
    return st, ArticleContext(st, lex, load_ontology(), st.mentions, EventsConfig(**config))


# -- confidence from hand-built features --------------------------------------------------------------

def test_confidence_orders_the_kinds_of_trigger():
    scores = [confidence(Features(kind=k, has_source=True, target="actor"), CFG) for k in ("verbal", "light", "nominal")]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 3
    assert scores[0] == 0.85           # 0.7 + source 0.1 + actor target 0.05


def test_confidence_is_monotone_in_each_piece_of_evidence():
    base = Features(kind="verbal", has_source=True, target="actor", clause="other")
    better = [dict(source_in_kb=True), dict(target_in_kb=True), dict(object_sense=True), dict(clause="main"),
              dict(clause="coordinated")]
    worse = [dict(source_inferred=True), dict(has_source=False), dict(target="place"), dict(target="none"),
             dict(clause="subordinate"), dict(hypothetical=True), dict(headline=True), dict(guessed_source=True)]
    b = confidence(base, CFG)
    for change in better:
        assert confidence(dataclasses.replace(base, **change), CFG) > b, change
    for change in worse:
        assert confidence(dataclasses.replace(base, **change), CFG) < b, change


def test_confidence_weights_are_the_stage_config_and_clamped():
    f = Features(kind="nominal")
    assert confidence(f, CFG) == 0.2                                    # 0.5 - no source 0.2 - no party 0.1
    assert confidence(Features(kind="nominal", target="place"), CFG) == 0.32   # 0.5 - 0.2 + place 0.02
    assert confidence(f, EventsConfig(no_source_penalty=0.0, no_party_penalty=0.0)) == 0.5
    assert confidence(f, EventsConfig(nominal_confidence=0.0)) == CFG.min_event_confidence
    assert confidence(Features(kind="verbal", has_source=True), EventsConfig(source_bonus=1.0)) == 0.99


# -- the lexicon and its validation ----------------------------------------------------------------------

def test_cue_file_is_validated_with_file_and_field():
    data = load_data("event_cues.yaml")
    assert "speech_verbs" not in data  # read from the shared lexicon
    assert "say" in read_cues().speech_verbs
    data.update(speech_verbs=["say"], place_preps=["in"])
    with pytest.raises(ConfigError, match=r"event_cues\.yaml: speech_verbs"):
        parse_cues({**data, "speech_verbs": "say"})
    with pytest.raises(ConfigError, match=r"event_cues\.yaml: speach_verbs"):
        parse_cues({**data, "speach_verbs": ["say"]})
    missing = dict(data)
    del missing["weapon_nouns"]
    with pytest.raises(ConfigError, match="weapon_nouns"):
        parse_cues(missing)


def test_trigger_file_typos_fail_with_the_field_or_the_ontology():
    data = load_data("event_triggers.yaml")
    with pytest.raises(ConfigError, match=r"event_triggers\.yaml: verbs\.attack\.0\.type: Field required"):
        parse_lexicon({**data, "verbs": {**data["verbs"], "attack": [{"tpye": "ASSAULT"}]}})
    with pytest.raises(ConfigError, match="unknown PLOVER type 'ASSALT'"):
        parse_lexicon({**data, "verbs": {**data["verbs"], "attack": [{"type": "ASSALT"}]}})
    with pytest.raises(ConfigError, match="is not a mode of ASSAULT"):
        parse_lexicon({**data, "nouns": {**data["nouns"], "raid": {"type": "ASSAULT", "mode": "phone"}}})


def test_the_stage_reads_its_lexicon_from_the_resources(lex):
    text = "Russian warplanes bombed rebel positions in Idlib on Monday."
    no_bomb = dataclasses.replace(lex, verbs={k: v for k, v in lex.verbs.items() if k != "bomb"})
    for given, expected in ((lex, True), (no_bomb, False)):
        st = parse(text)
        st.mentions = [mention(text, "Russian warplanes", "rus")]
        EventsStage().use_resources(Resources(event_lexicon=given))(st)
        assert any(e.type == "ASSAULT" for e in st.events) is expected


def test_stage_config_keywords_and_contract():
    st = EventsStage(min_confidence=0.5, headline_penalty=0.1)
    assert st.min_confidence == 0.5 and st.config.headline_penalty == 0.1 and st.require_source is True
    with pytest.raises(ConfigError):
        EventsStage(headline_penality=0.1)
    assert {"article", "doc", "actors", "mentions", "place_mentions", "dates"} <= set(EventsStage.needs)


# -- grammar ------------------------------------------------------------------------------------------------

def test_object_control_gives_the_infinitives_subject(lex):
    st = parse("The border clashes prompted the Indian army to reach out to Chinese commanders.")
    subs, how = grammar.subjects(tok(st, "reach"), lex.cues)
    assert [t.text for t in subs] == ["army"] and how == "control"


def test_subject_control_keeps_the_subject(lex):
    st = parse("Iran agreed with Oman to resume the talks.")
    subs, how = grammar.subjects(tok(st, "resume"), lex.cues)
    assert [t.text for t in subs] == ["Iran"] and how == "control"


def test_question_words_and_counts_are_no_agents(lex):
    st = parse("It was not clear how many fighters attacked the base, and dozens of soldiers fled.")
    qw, rp = lex.quantity_words, lex.cues.relative_pronouns
    assert grammar.question_or_quantity(tok(st, "fighters"), qw, rp)
    assert not grammar.question_or_quantity(tok(st, "dozens"), qw, rp)     # "dozens of soldiers" names them
    assert not grammar.question_or_quantity(tok(st, "soldiers"), qw, rp)


def test_headline_is_a_line_without_final_punctuation():
    assert grammar.is_headline("Rebels seize Aleppo")
    assert not grammar.is_headline("Rebels seized Aleppo.")
    assert not grammar.is_headline('He said: "We will win."')


# -- triggers --------------------------------------------------------------------------------------------------

def test_phrasal_verb_key_and_particle(lex):
    st = parse("The border clashes prompted the Indian army to reach out to Chinese commanders.")
    key, particle = triggers.verb_key(tok(st, "reach"), lex)
    assert key == "reach out" and particle.text == "out"


def test_sense_selected_by_the_object(lex):
    st = parse("Britain lifted sanctions on Belarus.")
    sense, key, _ = triggers.verb_sense(tok(st, "lifted"), lex)
    assert key == "lift" and sense.type == "RETREAT" and sense.objects is not None


def test_light_verb_claims_its_noun_and_compound_sense(lex):
    st = parse("Jordanian jets carried out air strikes on smuggling gangs.")
    noun = triggers.light_noun(tok(st, "carried"), lex, EventsConfig().modifier_conj_reach)
    assert noun is not None and noun.text == "strikes"
    assert triggers.noun_sense(noun, lex).type == "ASSAULT"


def test_carrier_noun_takes_its_modifiers_sense(lex):
    st = parse("Qatar launched a mediation effort between Egypt and Ethiopia.")
    assert triggers.noun_sense(tok(st, "effort"), lex).type == "CONSULT"


def test_obligation_in_reported_speech_is_a_request_of_the_speaker(lex):
    text = "Officials said Syria must hand over the suspects."
    st, ctx = context(text, lex, "Officials", "Syria")
    [c], _ = verbal_candidates(ctx, st.doc[:])
    assert c.obligation and c.sense.type == "REQUEST"
    assert [t.text for t in c.sources] == ["Officials"] and [t.text for t in c.targets] == ["Syria"]
    assert trigger_text(ctx, c) == "must hand over"


# -- arguments -----------------------------------------------------------------------------------------------------

def test_passive_agent_is_the_source(lex):
    text = "The convoy was attacked by rebels near Goma."
    st, ctx = context(text, lex, "rebels", "The convoy")
    c = Candidate(trigger=tok(st, "attacked"), sense=lex.verbs["attack"][0], kind="verbal")
    arguments.verbal_args(ctx, c)
    assert [t.text for t in c.sources] == ["rebels"] and c.source_how == "agent"
    assert [t.text for t in c.targets] == ["convoy"]


def test_resource_object_gives_way_to_its_recipient(lex):
    text = "Britain lifted sanctions on Belarus."
    st, ctx = context(text, lex, "Britain", "Belarus")
    t = tok(st, "lifted")
    sense, _, particle = triggers.verb_sense(t, lex)
    c = Candidate(trigger=t, sense=sense, kind="verbal", particle=particle)
    arguments.verbal_args(ctx, c)
    assert [x.text for x in c.sources] == ["Britain"] and [x.text for x in c.targets] == ["Belarus"]


def test_mediation_between_parties_targets_both(lex):
    text = "Qatar launched a mediation effort between Egypt and Ethiopia."
    st, ctx = context(text, lex, "Qatar", "Egypt", "Ethiopia")
    c = Candidate(trigger=tok(st, "effort"), sense=lex.nouns["mediation"], kind="light", light=tok(st, "launched"))
    arguments.nominal_args(ctx, c)
    assert [t.text for t in c.sources] == ["Qatar"]
    assert {t.text for t in c.targets} == {"Egypt", "Ethiopia"}


def test_reported_pronoun_subject_is_the_speaker(lex):
    text = "Norway said on Tuesday it had expelled two Iranian diplomats."
    st, ctx = context(text, lex, "Norway")
    m = ctx.mention_for(tok(st, "it"))
    assert m is not None and m.actor_id == "norway"


# -- classification and dating --------------------------------------------------------------------------------------

def test_condition_mark_of_the_act(lex):
    st = parse("Chad will withdraw its troops unless the junta releases the hostages.")
    c = Candidate(trigger=tok(st, "withdraw"), sense=lex.verbs["withdraw"][0], kind="verbal")
    assert classify.condition(c, lex.cues.condition_marks) == "unless"


def test_since_dates_only_a_lasting_act(lex):
    st = parse("Russian jets have struck the city since 2019.")
    lasting = Candidate(trigger=tok(st, "struck"), sense=lex.verbs["strike"][-1], kind="verbal")
    assert dating.durative(lasting)
    st = parse("Russian jets struck the city.")
    assert not dating.durative(Candidate(trigger=tok(st, "struck"), sense=lex.verbs["strike"][-1], kind="verbal"))


def test_main_clause_and_reported_content_rank_first(lex):
    st = parse("Officials said Russian jets struck the city to punish the rebels.")
    rank = {w: clause_rank(Candidate(trigger=tok(st, w), sense=lex.verbs["strike"][-1], kind="verbal"), lex.cues)
            for w in ("said", "struck", "punish")}
    assert rank == {"said": "main", "struck": "main", "punish": "subordinate"}


# -- merging ------------------------------------------------------------------------------------------------------------

def _raw(sentence_start: int, location=None, date=None, lemma="lift", confidence=0.8) -> RawEvent:
    src = Mention(start=0, end=7, actor_id="gbr", text="Britain")
    tgt = Mention(start=20, end=27, actor_id="blr", text="Belarus")
    return RawEvent(type="REJECT", mode=None, contexts=[], source=src, target=tgt, negated=False,
                    modality="asserted", date=date, location=location,
                    sentence=Span(text="x", start=sentence_start, end=sentence_start + 1), trigger="lift",
                    confidence=confidence, cameo="124", lemma=lemma, sent_start=sentence_start, victim_ok=False)


def test_same_act_across_sentences_but_not_across_years_or_places():
    assert merge.same_act(_raw(0), _raw(50))
    assert not merge.same_act(_raw(0, date="2023-01-01"), _raw(50, date="2024-01-01"))
    assert not merge.same_act(_raw(0, location="pl_a"), _raw(50, location="pl_b"))
    assert merge.same_act(_raw(0, location="~pl_a"), _raw(50, location="pl_b"))


def test_merge_keeps_every_sentence_and_prefers_a_real_place():
    [ev] = merge.merge([_raw(0, location="~pl_a", confidence=0.9, date="2024-05-01"),
                        _raw(50, location="pl_b", date="2024-05-01")])
    assert [s.start for s in ev.evidence] == [0, 50]
    assert ev.location == "pl_b" and ev.date == "2024-05-01"
    [out] = merge.finish([_raw(0, location="~pl_a")], require_source=True, min_conf=0.0)
    assert out.location == "pl_a" and out.id == "ev1"


def test_a_report_adding_a_date_is_an_act_of_its_own_sentence_unless_one_is_a_headline():
    # news GUIDELINES §9: a restatement with a new detail is coded again in its sentence
    assert not merge.same_act(_raw(0), _raw(50, date="2024-05-01"))
    assert not merge.same_act(_raw(0, date="2024-05-02"), _raw(50, date="2024-05-01"))
    assert len(merge.merge([_raw(0), _raw(50, date="2024-05-01")])) == 2
    headline = _raw(0)
    headline.headline = True
    [ev] = merge.merge([headline, _raw(50, date="2024-05-01", confidence=0.9)])
    assert ev.date == "2024-05-01" and sorted(s.start for s in ev.evidence) == [0, 50]


def test_the_trigger_rules_word_lists_and_patterns_are_data_and_checked():
    data = {**load_data("event_cues.yaml"), "speech_verbs": ["say"], "place_preps": ["in"]}
    cues = parse_cues(data)
    assert "during" in cues.frame_setting_preps and "at" not in cues.time_setting_preps
    assert "accuse" in cues.asserting_frame_types and cues.first_since.search("the first such strike since")
    for key in ("frame_setting_preps", "adverb_particles", "victim_types", "first_since"):
        with pytest.raises(ConfigError, match=key):
            parse_cues({k: v for k, v in data.items() if k != key})
    with pytest.raises(ConfigError, match="first_since"):
        parse_cues({**data, "first_since": "(first"})
    with pytest.raises(ConfigError, match="event_cues.yaml"):
        dataclasses.replace(load_lexicon(), cues=None).cue_words
