"""Dating the act (stages/events/dating.py) on wire-style sentences written for these tests: "overnight",
clauses dated from another clause ("four days after ...", "ten days earlier", "the previous day")."""

from __future__ import annotations

import pytest

from sitrep.article import Article, ArticleState
from sitrep.lang.timex import shift_value
from sitrep.stages.dates import DatesStage
from sitrep.stages.events import EventsStage
from sitrep.stages.nlp import NlpStage

NLP = NlpStage()
DATES = DatesStage()
EVENTS = EventsStage(fallback_ner=True)
PUB = "2024-05-09"   # a Thursday


def events(text: str, published: str = PUB, type_: str = "ASSAULT") -> list:
    """The events of ``type_`` of ``text``, dated by the dates stage against ``published``."""
    st = ArticleState(article=Article(text=text, published=published))
    NLP(st)
    DATES(st)
    EVENTS.run_alone(st)
    return [e for e in st.events if e.type == type_]


def date_of(text: str, trigger: str, **kw) -> str | None:
    """The date of the event whose trigger starts with ``trigger``."""
    evs = [e for e in events(text, **kw) if e.trigger.lower().startswith(trigger)]
    assert evs, (text, trigger)
    return evs[0].date


def test_overnight_in_a_report_is_the_night_before_publication():
    assert date_of("Rebel gunners shelled the port of Berbera overnight, officials said.", "shelled") == "2024-05-08"


@pytest.mark.parametrize("text,trigger,value", [
    # the clause hangs on a dated clause: its date moved back by the offset
    ("Two policemen died on Tuesday in a clash with smugglers three days after gunmen ambushed a patrol "
     "near the border.", "ambushed", "2024-05-04"),
    # the clause it hangs on has no date: the report's
    ("The raid comes a day after another soldier was killed in a mortar attack on the base.", "killed",
     "2024-05-08"),
    # a month: the month only
    ("The ambush came a month after insurgents stormed an army camp in the north.", "stormed", "2024-04"),
    # "the previous day"
    ("Settlers torched a mosque in the village on Wednesday to avenge two herders shot dead by militants "
     "the previous day.", "shot", "2024-05-07"),
    # "ten days earlier" of the clause (a "since" date does not anchor it)
    ("It was the first bombing in the province since January, and the first since militants kidnapped two "
     "engineers outside the town ten days earlier.", "kidnapped", "2024-04-29"),
])
def test_a_clause_dated_from_another_clause(text, trigger, value):
    assert date_of(text, trigger) == value


def test_a_clause_with_a_date_of_its_own_keeps_it():
    text = ("Two policemen died on Tuesday in a clash with smugglers three days after gunmen ambushed a patrol "
            "on Saturday.")
    assert date_of(text, "ambushed") == "2024-05-04"
    text = "Two policemen died on Tuesday in a clash with smugglers after gunmen ambushed a patrol on Sunday."
    assert date_of(text, "ambushed") == "2024-05-05"


def test_the_main_clause_keeps_its_own_date():
    text = ("Rebels attacked the town of Gao on Tuesday, three days after gunmen ambushed a patrol "
            "near the border.")
    assert date_of(text, "attacked") == "2024-05-07"
    assert date_of(text, "ambushed") == "2024-05-04"


def test_shift_value_keeps_the_precision_the_unit_allows():
    assert shift_value("2024-05-06", -2, "day") == "2024-05-04"
    assert shift_value("2024-05-06", -1, "week") == "2024-04-29"
    assert shift_value("2024-01-06", -1, "month") == "2023-12"
    assert shift_value("2024-05-06", -1, "year") == "2023"
    assert shift_value("2024-05", -3, "day") is None
    assert shift_value(None, -1, "day") is None


def test_the_date_of_a_statement_does_not_date_the_act_it_reports():
    # someone else's act reported on Tuesday: the act is not dated by the report
    text = "Gunmen shot dead four traders at a market in Gao, police said on Tuesday."
    assert date_of(text, "shot") is None
    text = "The army reported on Tuesday that militants had ambushed a convoy near Gao."
    assert date_of(text, "ambushed") is None
    # the speaker's own act is dated by its announcement
    text = "The European Union said on Tuesday it imposed sanctions on three Malian officers."
    assert date_of(text, "imposed", type_="SANCTION") == "2024-05-07"
    # the act's own date stays
    text = "Gunmen shot dead four traders at a market in Gao on Sunday, police said on Tuesday."
    assert date_of(text, "shot") == "2024-05-05"


@pytest.mark.parametrize("text,trigger,type_", [
    # an act under a phrase of another time: the verb's date dates the verb's act only
    ("Canada imposed sanctions on Moscow on Tuesday for Russia's invasion of Ukraine.", "invasion", "ASSAULT"),
    ("Rebels entered the city of Goma on Tuesday after seizing the airport.", "seizing", "ASSAULT"),
    # a participle or relative clause modifying a noun
    ("Jets bombed the port on Tuesday in response to rockets fired by militants at the capital.", "fired",
     "ASSAULT"),
])
def test_an_act_in_a_part_of_another_time_is_not_dated_by_the_verb_above(text, trigger, type_):
    evs = [e for e in events(text, type_=type_) if e.trigger.lower().startswith(trigger)]
    assert evs and all(e.date is None for e in evs), [(e.trigger, e.date) for e in events(text, type_=type_)]


def test_a_date_on_the_act_noun_still_dates_it():
    text = "Satellite images taken after Sunday's Israeli strikes on Iran show heavy damage."
    assert date_of(text, "strikes") == "2024-05-05"


def test_an_act_in_a_when_clause_of_a_since_date_takes_that_date():
    text = "The region has been in turmoil since March 3, when the army staged a coup and detained the president."
    assert date_of(text, "staged", type_="COERCE", published="2024-06-20") == "2024-03-03"


def test_a_month_of_last_year_resolves_and_makes_the_act_historical():
    evs = [e for e in events("Troops recaptured the town of Bulo from the rebels in October last year.",
                             published="2024-05-09")]
    assert evs and evs[0].date == "2023-10" and evs[0].modality == "historical"


def test_month_with_a_relative_year_resolves_to_that_month():
    import datetime as dt

    from sitrep.lang.timex import resolve
    base = dt.date(2024, 5, 9)
    assert resolve("October last year", base) == ("2023-10", "month")
    assert resolve("March of this year", base) == ("2024-03", "month")
    assert resolve("June next year", base) == ("2025-06", "month")


def test_an_act_told_in_the_past_is_historical_unless_it_lasts():
    from sitrep.lang.modality import analyze
    from sitrep.nlp import load_pipeline
    nlp = load_pipeline()
    doc = nlp("The rebels have shelled the refinery in the past, officials said.")
    assert analyze(doc[3]).modality == "historical"
    doc = nlp("The rebels have been shelling the refinery for years.")
    assert analyze(doc[4]).modality != "historical"


def test_an_adverbial_clause_of_a_speech_verb_is_not_what_was_said():
    from sitrep.lang.modality import analyze
    from sitrep.nlp import load_pipeline
    doc = load_pipeline()("A bomb killed nine soldiers in the north, the monitor said on Friday, blaming the militia.")
    bombed = next(t for t in doc if t.text == "killed")
    blaming = next(t for t in doc if t.text == "blaming")
    assert analyze(bombed).modality == "reported"
    assert analyze(blaming).modality == "asserted"


LEAD = ("Gunmen attacked a police post in the northern town of Dabo on Tuesday, killing four officers, "
        "officials said. ")


@pytest.mark.parametrize("later,trigger", [
    # a reported act of the lead's type told in a past tense with no date: the lead's day
    ("The gunmen shot the officers at close range, a police source told Reuters.", "shot"),
    ("The officers were ambushed as they changed shifts, witnesses said.", "ambushed"),
    ("A local official said the militants had fired rockets at the post.", "fired"),
])
def test_a_reported_act_of_the_lead_takes_the_leads_day(later, trigger):
    assert date_of(LEAD + later, trigger) == "2024-05-07"


@pytest.mark.parametrize("later,trigger", [
    # the writer's own fact with no date may be background
    ("Militants shelled the town's market several times.", "shelled"),
    # a date of its own in the sentence is the act's (or says nothing of it) ...
    ("Police said gunmen ambushed a convoy on the highway in March.", "ambushed"),
])
def test_acts_the_lead_does_not_date(later, trigger):
    assert date_of(LEAD + later, trigger) != "2024-05-07"


def test_a_reported_act_of_another_type_keeps_no_date():
    text = LEAD + "The army arrested dozens of suspects in the district, residents said."
    assert date_of(text, "arrested", type_="COERCE") is None


def test_the_lead_day_is_a_day_of_the_news():
    # an act of the lead dated long before the news (background) gives no day to later acts
    text = ("Gunmen who attacked a police post in Dabo on 4 March 2019 were sentenced on Tuesday, "
            "the court said. The gunmen shot the officers at close range, a police source said.")
    assert date_of(text, "shot") is None


def test_an_act_told_before_the_leads_dated_act_keeps_no_date():
    text = ("Gunmen shot four police officers at close range in the town of Dabo, officials said. "
            "Gunmen attacked a police post in the town on Tuesday, killing two more.")
    assert date_of(text, "shot") is None


def modality_of(text: str, trigger: str, type_: str = "ASSAULT") -> str:
    """The modality of the event of ``type_`` whose trigger starts with ``trigger``."""
    evs = [e for e in events(text, type_=type_) if e.trigger.lower().startswith(trigger)]
    assert evs, (text, trigger)
    return evs[0].modality


def test_an_act_told_inside_a_quotation_is_reported():
    text = ("“On Tuesday, rebels attacked a police post near the border. We lost four officers,” the "
            "regional governor told reporters.")
    assert modality_of(text, "attacked") == "reported"


@pytest.mark.parametrize("quoted,trigger,type_", [
    ("Kenya urges the rebels to release the hostages at once.", "urges", "REQUEST"),
    ("Kenya condemns the rebels for the attack on the convoy.", "condemns", "ACCUSE"),
])
def test_an_act_done_by_saying_it_in_a_quotation_stays_the_speakers(quoted, trigger, type_):
    text = (f"Kenya's foreign minister spoke in Geneva on Tuesday. “{quoted} They hold the hostages in "
            "terrible conditions,” he said.")
    assert modality_of(text, trigger, type_=type_) == "asserted"


def test_a_single_quoted_word_makes_no_report():
    text = "Police in riot gear fired tear gas at the ‘rioters’ in the capital on Tuesday."
    assert modality_of(text, "fired") == "asserted"


def test_the_parse_picks_the_date_of_the_acts_own_clause():
    # each conjunct has its own year: the parse, not the nearest expression, decides
    assert date_of("Kenya declared the militia defeated in 2016 and the group was attacked in neighbouring Somalia "
                   "in 2018.", "attacked") == "2018"


def test_a_date_in_a_clause_of_another_time_dates_that_clause_only():
    from types import SimpleNamespace

    from sitrep.stages.events.dating import date_of_linked_clause
    st = ArticleState(article=Article(text="The government announced a victory on Monday after the army seized "
                                           "the town on Sunday.", published=PUB))
    NLP(st)
    DATES(st)
    sunday = next(d for d in st.dates if "Sunday" in d.text)
    tok = {t.text: t for t in st.doc}
    act = lambda w: SimpleNamespace(trigger=tok[w], light=None, heads=[tok[w]])  # noqa: E731
    assert date_of_linked_clause(sunday, act("announced"))     # "after the army seized ... on Sunday"
    assert not date_of_linked_clause(sunday, act("seized"))    # the seizing's own date


def test_a_date_on_a_modifier_inside_the_acts_clause_outranks_the_statements():
    # "last month" hangs on "leading", inside the act's clause; "on Tuesday" dates only the report
    assert date_of("Rebels blew up two power lines leading into the capital last month, state radio reported "
                   "on Tuesday.", "blew") == "2024-04"
