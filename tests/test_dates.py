"""Temporal expressions: finding, resolving against the publication date, the dates stage, governing_date."""

import datetime as dt

import pytest

from sitrep.article import Article, ArticleState
from sitrep.stages.dates import DatesStage
from sitrep.stages.nlp import NlpStage
from sitrep.lang.timex import find_timexes, governing_date, load_lexicon, resolve

BASE = dt.date(2024, 12, 3)  # a Tuesday


@pytest.fixture(scope="module")
def nlp():
    return NlpStage()


def run(nlp, text, published="2024-12-03"):
    st = nlp(ArticleState(article=Article(text=text, published=published)))
    DatesStage()(st)
    return st


def values(st):
    return {d.text: (d.value, d.precision, d.relation) for d in st.dates}


def test_lexicon_loads():
    lex = load_lexicon()
    assert lex["months"]["dec"] == 12 and lex["weekdays"]["sunday"] == 6
    assert lex["relations"]["on"] == "at" and lex["relations"]["since"] == "since"


@pytest.mark.parametrize("core,future,expected", [
    ("yesterday", False, ("2024-12-02", "day")),
    ("today", False, ("2024-12-03", "day")),
    ("tomorrow", False, ("2024-12-04", "day")),
    ("Sunday", False, ("2024-12-01", "day")),
    ("Monday", False, ("2024-12-02", "day")),
    ("Tuesday", False, ("2024-12-03", "day")),          # the day of publication itself
    ("Wednesday", False, ("2024-11-27", "day")),
    ("Sunday", True, ("2024-12-08", "day")),            # "will meet on Sunday"
    ("last Tuesday", False, ("2024-11-26", "day")),
    ("next Friday", False, ("2024-12-06", "day")),
    ("2011", False, ("2011", "year")),                  # not 2011-12-03
    ("mid-2019", False, ("2019", "year")),
    ("March", False, ("2024-03", "month")),
    ("March", True, ("2025-03", "month")),
    ("December", False, ("2024-12", "month")),
    ("March 2019", False, ("2019-03", "month")),
    ("Dec. 2", False, ("2024-12-02", "day")),
    ("December 2, 2024", False, ("2024-12-02", "day")),
    ("2 December 2024", False, ("2024-12-02", "day")),
    ("Dec. 20", False, ("2023-12-20", "day")),          # not in the future
    ("the 27th", False, ("2024-11-27", "day")),         # dateparser would say 2024-12-27
    ("the 2nd", False, ("2024-12-02", "day")),
    ("last week", False, ("2024-11", "month")),
    ("earlier this week", False, ("2024-12", "month")),
    ("next month", False, ("2025-01", "month")),
    ("the end of 2025", False, ("2025", "year")),
    ("Jan. 5 to Jan. 9, 2024", False, ("2024-01-05", "day")),
    ("this month", False, ("2024-12", "month")),
    ("earlier this month", False, ("2024-12", "month")),
    ("last month", False, ("2024-11", "month")),
    ("last year", False, ("2023", "year")),
    ("three days ago", False, ("2024-11-30", "day")),
    ("two years ago", False, ("2022", "year")),
    ("more than 10 years ago", False, ("2014", "year")),
    ("last November", False, ("2024-11", "month")),
    ("last December", False, ("2023-12", "month")),
    ("next March", False, ("2025-03", "month")),
    ("last summer", False, ("2024", "year")),
    ("early Tuesday", False, ("2024-12-03", "day")),
    ("late last year", False, ("2023", "year")),
    ("fiscal year 2008", False, ("2008", "year")),
    ("2024-11-28", False, ("2024-11-28", "day")),
])
def test_resolve(core, future, expected):
    assert resolve(core, BASE, future) == expected


def test_without_publication_date_relative_expressions_have_no_value():
    assert resolve("yesterday", None) == (None, None)
    assert resolve("Sunday", None) == (None, None)
    assert resolve("March", None) == (None, None)
    assert resolve("Dec. 2", None) == (None, None)
    assert resolve("2011", None) == ("2011", "year")
    assert resolve("December 2, 2024", None) == ("2024-12-02", "day")


def test_find_patterns_and_relations():
    text = ("Talks resumed on Sunday after a pause since 2011. Officials met in March and again on Dec. 2, "
            "three days ago, and earlier this month. The rebels, who may advance, took the town yesterday.")
    found = {t.text: t for t in find_timexes(text)}
    assert found["on Sunday"].relation == "at" and found["on Sunday"].core == "Sunday"
    assert found["since 2011"].relation == "since" and found["since 2011"].core == "2011"
    assert "in March" in found and "on Dec. 2" in found
    assert "three days ago" in found and "earlier this month" in found and "yesterday" in found
    assert not any("may" in t.lower() for t in found)
    for t in found.values():
        assert text[t.start:t.end] == t.text


def test_stage_on_wire_copy(nlp):
    text = ("Border guards said yesterday that shelling had stopped.\n"
            "The minister spoke to reporters on Sunday and the cabinet met on Monday.\n"
            "The country has been under sanctions since 2011, and the group has been banned since 2018.\n"
            "Negotiators will meet again on Friday, officials said.")
    st = run(nlp, text)
    v = values(st)
    assert v["yesterday"] == ("2024-12-02", "day", "at")
    assert v["on Sunday"] == ("2024-12-01", "day", "at")
    assert v["on Monday"] == ("2024-12-02", "day", "at")
    assert v["since 2011"] == ("2011", "year", "since")
    assert v["since 2018"] == ("2018", "year", "since")
    assert v["on Friday"] == ("2024-12-06", "day", "at")     # future tense
    for d in st.dates:
        assert text[d.start:d.end] == d.text
    assert "dates" in st.assigned


def test_possessive_weekday_and_ranges(nlp):
    st = run(nlp, "Monday's attack killed four. Talks ran from Jan. 5 to Jan. 9, 2024, officials said.")
    v = {d.text: d for d in st.dates}
    assert v["Monday"].value == "2024-12-02"
    rng = next(d for d in st.dates if "Jan. 5" in d.text)
    assert rng.value == "2024-01-05" and rng.relation == "since"


def test_stage_filters_ages_durations_numbers_and_the_verb_may(nlp):
    text = ("John Smith, 19, of Springfield was held for four years. He may appeal. "
            "About 2000 troops stayed for the first time in years. May 5 is a holiday.")
    st = run(nlp, text)
    texts = [d.text for d in st.dates]
    assert "19" not in texts and "four years" not in texts
    assert not any(t.lower() == "may" for t in texts)
    assert not any("2000" in t for t in texts)
    assert any(t.startswith("May 5") for t in texts)


def test_stage_drops_frequencies_ages_phone_numbers_and_overlong_entities(nlp):
    text = ("The annual fair drew a 16-year-old from Dayton. Call 020 8583 5555 for tickets.\n"
            "In January, South Carolina changed its rules.")
    st = run(nlp, text)
    texts = [d.text for d in st.dates]
    assert not any("annual" in t or "year-old" in t or "8583" in t for t in texts)
    jan = [d for d in st.dates if "January" in d.text]
    assert jan and jan[0].text in ("In January", "January") and jan[0].value == "2024-01"


def test_stage_without_publication_date(nlp):
    st = run(nlp, "Fighting broke out yesterday, a year after the 2023 truce.", published=None)
    v = values(st)
    assert v["yesterday"][0] is None
    assert any(val == ("2023", "year", "at") for val in v.values())


def test_governing_date_prefers_same_clause_then_nothing(nlp):
    text = ("The US has imposed sanctions on the regime since 2011, when the uprisings began.\n"
            "Officials said on Monday that talks would go on.\n"
            "Troops withdrew from the town.")
    st = run(nlp, text)
    imposed = text.index("imposed")
    g = governing_date(st.dates, imposed, imposed + 7, st.sentence_of(imposed), text)
    assert g is not None and g.value == "2011"
    talks = text.index("talks")
    g = governing_date(st.dates, talks, talks + 5, st.sentence_of(talks), text)
    assert g is not None and g.value == "2024-12-02"
    withdrew = text.index("withdrew")
    assert governing_date(st.dates, withdrew, withdrew + 8, st.sentence_of(withdrew), text) is None


def test_governing_date_respects_clause_breaks():
    class D:
        def __init__(self, start, end, value):
            self.start, self.end, self.value = start, end, value

    text = "Rebels seized the town on Sunday; the army said on Monday it would respond."
    sun, mon = text.index("on Sunday"), text.index("on Monday")
    dates = [D(sun, sun + 9, "2024-12-01"), D(mon, mon + 9, "2024-12-02")]
    respond = text.index("respond")
    seized = text.index("seized")
    assert governing_date(dates, seized, seized + 6, (0, len(text)), text).value == "2024-12-01"
    assert governing_date(dates, respond, respond + 7, (0, len(text)), text).value == "2024-12-02"
    assert governing_date(dates, seized, seized + 6, None) is None


def test_governing_date_through_the_parse_and_the_state_form(nlp):
    text = ("Spokesman John Doe said on Monday that the government would not lift sanctions.\n"
            "The army has blockaded the port since 2019, when the fighting began, and said yesterday "
            "it would stay.")
    st = run(nlp, text)
    lift = next(t for t in st.doc if t.text == "lift")
    assert governing_date(st, lift).value == "2024-12-02"          # the saying dates the decision
    blockaded = next(t for t in st.doc if t.text == "blockaded")
    assert governing_date(st, blockaded).value == "2019"
    stay = next(t for t in st.doc if t.text == "stay")
    assert governing_date(st, stay).value == "2024-12-02"
    i = text.index("blockaded")
    assert governing_date(st, i, i + 9).value == "2019"           # offsets work too


def test_a_number_counting_the_noun_after_a_weekday_is_no_year(nlp):
    st = run(nlp, "Police said on Wednesday 73 students were kidnapped from their school.\n"
                  "Officials said on Monday 12 people were killed.\n"
                  "In 2019 rebels seized the town.")
    v = values(st)
    assert v["on Wednesday"][0] == "2024-11-27" and v["on Monday"][0] == "2024-12-02"
    assert not any(val[0] in ("1973", "2024-12") and text != "In 2019" for text, val in v.items())
    assert v["In 2019"][0] == "2019"  # a four-digit year before a noun stays a year


def test_ordinal_modifying_a_noun_is_no_day(nlp):
    st = run(nlp, "Police fired tear gas at crowds marking the 15th anniversary of the revolt. "
                  "The 7th brigade shelled the town on the 28th, the army said.")
    got = values(st)
    assert not any("anniversary" in k or k.endswith("15th") for k in got)
    assert got["on the 28th"] == ("2024-11-28", "day", "at")


def test_date_entity_cut_before_a_linked_phrase(nlp):
    st = run(nlp, "The insurgency started in June 2021 following months of unrest.")  # one DATE entity
    assert values(st) == {"in June 2021": ("2021-06", "month", "at")}


def test_future_of_the_first_conjunct(nlp):
    st = run(nlp, "The envoy will fly to Cairo and meet the foreign minister on Friday.")  # Tuesday 2024-12-03
    assert values(st)["on Friday"] == ("2024-12-06", "day", "at")
    st = run(nlp, "The envoy flew to Cairo and met the foreign minister on Friday.")
    assert values(st)["on Friday"] == ("2024-11-29", "day", "at")
