"""The temporal-expression rules one by one, without a parse: each form's resolver against a
publication date, the normalisation of an expression, what is no point in time, the lexicon's model,
and the lexicon given through a pipeline's resources."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import spacy

from sitrep.article import Article, ArticleState
from sitrep.datafiles import load_data
from sitrep.datamodels import validate_data
from sitrep.errors import ConfigError
from sitrep.lang import timex
from sitrep.stages.dates import DatesStage
from sitrep.stages.resources import Resources

LEX = timex.read_lexicon()
BASE = dt.date(2024, 12, 3)  # a Tuesday


@pytest.mark.parametrize("form,core,future,expected", [
    (timex._year_forms, "2011", False, ("2011", "year")),
    (timex._year_forms, "1990s", False, (None, None)),
    (timex._year_forms, "March 2019", False, ("2019-03", "month")),
    (timex._relative_day, "yesterday", False, ("2024-12-02", "day")),
    (timex._weekday, "Sunday", False, ("2024-12-01", "day")),
    (timex._weekday, "Sunday", True, ("2024-12-08", "day")),
    (timex._weekday, "last Tuesday", False, ("2024-11-26", "day")),
    (timex._weekday, "next Tuesday", False, ("2024-12-10", "day")),
    (timex._this_that, "last month", False, ("2024-11", "month")),
    (timex._this_that, "next year", False, ("2025", "year")),
    (timex._ago, "a few weeks ago", False, ("2024-11-12", "day")),
    (timex._ago, "two years ago", False, ("2022", "year")),
    (timex._relative_month, "last March", False, ("2024-03", "month")),
    (timex._relative_month, "next January", False, ("2025-01", "month")),
    (timex._season, "last summer", False, ("2024", "year")),
    (timex._season, "winter of 2022", False, ("2022", "year")),
    (timex._month, "March", False, ("2024-03", "month")),
    (timex._ordinal_day, "the 27th", False, ("2024-11-27", "day")),
    (timex._month_day, "Dec. 9", True, ("2024-12-09", "day")),
])
def test_each_form_resolves_alone(form, core, future, expected):
    assert form(core, BASE, future, LEX) == expected


def test_a_form_that_does_not_apply_says_so():
    assert timex._weekday("yesterday", BASE, False, LEX) is timex.NO_MATCH
    assert timex._relative_day("Sunday", BASE, False, LEX) is timex.NO_MATCH


def test_without_a_publication_date_relative_forms_have_no_value():
    assert timex._weekday("Sunday", None, False, LEX) == (None, None)
    assert timex._month_day("Dec. 2", None, False, LEX) == (None, None)


@pytest.mark.parametrize("core,expected", [
    ("the end of the year", "this year"), ("early Tuesday", "Tuesday"),
    ("Jan. 5 to Jan. 9, 2024", "Jan. 5, 2024"), ("the end of 2025", "2025"),
])
def test_normalise(core, expected):
    assert timex._normalise(core, LEX.patterns) == expected


@pytest.mark.parametrize("core,no_point", [("four years", True), ("19", True), ("annual", True),
                                           ("2011", False), ("last week", False)])
def test_what_is_no_point_in_time(core, no_point):
    assert timex._not_a_point(core, LEX.patterns) is no_point


def test_the_lexicon_reads_like_a_mapping():
    assert LEX["months"]["dec"] == 12 and LEX.steps["previous"] == -1 and LEX.seasons["fall"] == 9


def test_an_incomplete_lexicon_names_the_file():
    data = dict(load_data("timex.yaml"))
    data["months"] = {k: v for k, v in data["months"].items() if k != 5}
    with pytest.raises(ConfigError, match=r"timex\.yaml: .*months must cover"):
        validate_data(data, timex.TimexFile, timex.ORIGIN)


def test_the_dates_stage_reads_the_pipelines_lexicon():
    state = ArticleState(article=Article(text="It happened yesterday.", published="2024-12-03"))
    state.doc = spacy.blank("en")(state.text)
    DatesStage()(state)
    assert [d.value for d in state.dates] == ["2024-12-02"]
    two_days = dataclasses.replace(LEX, relative_days={**LEX.relative_days, "yesterday": -2})
    DatesStage().use_resources(Resources(timex=two_days))(state)
    assert [d.value for d in state.dates] == ["2024-12-01"]
    assert set(DatesStage.needs) == {"article", "doc"}
