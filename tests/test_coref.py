"""Within-article coreference: surnames, titles, pronouns, "the group" (sentences written for these tests)."""

from __future__ import annotations

import pytest

from actors_support import actor_of, mention, run, support_nlp
from sitrep.lang.coref import _inside_quotes, is_expletive_it, surname_of, title_holder


def test_surname_of():
    persons = [("P1", "Pat Ryder"), ("P2", "Jake Sullivan")]
    assert surname_of(["Ryder"], persons) == "P1"
    assert surname_of(["Sullivan"], persons) == "P2"
    assert surname_of(["Miller"], persons) is None
    assert surname_of(["Ryder"], persons + [("P3", "Anne Ryder")]) is None  # ambiguous


def test_title_holder_before_and_after():
    persons = [{"actor": "HALE", "role": "defence secretary", "affiliation": "GBR", "first": 0, "last": 10},
               {"actor": "VOSS", "role": "State Department spokeswoman", "affiliation": "USA", "first": 50,
                "last": 60}]
    sent = lambda c: c // 100  # noqa: E731 - one "sentence" per 100 characters
    assert title_holder("secretary", {"defence"}, None, 80, persons, sent) == "HALE"
    assert title_holder("spokeswoman", set(), "USA", 90, persons, sent) == "VOSS"
    assert title_holder("spokeswoman", {"pentagon"}, "USA", 90, persons, sent) is None
    later = [{"actor": "NEW", "role": None, "affiliation": None, "first": 120, "last": 120}]
    assert title_holder("advisor", {"national", "security"}, "USA", 40, later, sent) == "NEW"


def test_surname_after_full_name_and_rank():
    st = run("Defence Secretary Marcus Hale visited Estonia on Monday. Hale said the deployment would "
             "continue, and Lt. Gen. Hale's staff confirmed it.")
    hale = actor_of(st, "Marcus Hale")
    assert actor_of(st, "Hale").id == hale.id
    assert len([m for m in hale.mentions if "Hale" in m.text]) >= 2


def test_surname_before_full_name_is_merged():
    st = run("Supporters of Mr. Kovacs rallied on Saturday in the capital. Opposition leader Dana Kovacs "
             "told them to stay calm.")
    assert actor_of(st, "Dana Kovacs").sector == "OPP"
    assert actor_of(st, "Kovacs").id == actor_of(st, "Dana Kovacs").id


def test_title_refers_to_the_person_holding_it():
    st = run("State Department spokeswoman Clara Voss said the talks would resume. Pentagon spokesman "
             "Tom Reyes declined to comment. The State Department spokeswoman later added that a date "
             "had been set.")
    voss = actor_of(st, "Clara Voss")
    later = [m for m in st.mentions if m.how == "title"]
    assert later and all(m.actor_id == voss.id for m in later)


def test_title_before_the_name_introduces_the_person():
    st = run("The comments came from the national security advisor of the White House. Speaking on "
             "Sunday, Dana Whitfield said the United States was watching closely.")
    dana = actor_of(st, "Dana Whitfield")
    assert dana.role and "national security advisor" in dana.role.lower()
    assert dana.affiliation == "USA"


def test_he_she_go_to_the_last_named_person():
    st = run("Defence Secretary Marcus Hale visited the base on Monday. He said more troops would follow.")
    he = mention(st, "He")
    assert he.how == "pronoun" and he.actor_id == actor_of(st, "Marcus Hale").id
    st = run('Marcus Hale met Anna Kovalenko in Kyiv on Tuesday. "She will not attend the summit," Hale said.')
    she = mention(st, "She")
    assert she is not None and she.actor_id == actor_of(st, "Anna Kovalenko").id  # never the quoted speaker


def test_it_and_the_group_go_to_the_organisation():
    st = run("The Northern Valley Brigades claimed the attack on Sunday. The group said its fighters "
             "would press on.")
    nvb = actor_of(st, "Northern Valley Brigades")
    assert mention(st, "The group").actor_id == nvb.id
    assert mention(st, "its").actor_id == nvb.id
    assert mention(st, "fighters").actor_id == nvb.id  # "its fighters"


def test_object_pronoun_never_takes_its_own_subject():
    st = run("HTS says it has cut ties with al-Qaeda, but Washington still lists it as a terrorist group.")
    its = [m for m in st.mentions if m.text == "it"]
    assert len(its) == 2 and {m.actor_id for m in its} == {"HTS"}
    assert all(m.how == "pronoun" for m in its)


def test_expletive_it_is_no_mention():
    st = run("Iran denied the report. It is unclear whether the talks will resume.")
    assert mention(st, "It") is None
    doc = support_nlp()("It is unclear whether talks will resume.")
    assert is_expletive_it(doc[0])


def test_pronoun_mentions_sorted_and_exact():
    st = run("Russia said it would respond. Its envoy left the talks, and he did not return.")
    starts = [m.start for m in st.mentions]
    assert starts == sorted(starts)
    for m in st.mentions:
        assert st.text[m.start:m.end] == m.text
    assert mention(st, "it").actor_id == "RUS" and mention(st, "Its").actor_id == "RUS"


def test_inside_quotes_ends_with_the_paragraph():
    doc = support_nlp()('He said "we will stay\nThen she left. "Fine," he said.')
    flags = dict(zip([t.text for t in doc], _inside_quotes(doc)))
    assert flags["stay"] is True and flags["Then"] is False and flags["Fine"] is True


def test_surname_shared_by_two_persons_goes_to_the_more_salient():
    persons = [("H", "Helen Okafor"), ("J", "James Okafor")]
    assert surname_of(["Okafor"], persons) is None
    assert surname_of(["Okafor"], persons, {"H": 3, "J": 1}) == "H"
    assert surname_of(["Helen"], persons) == "H"
    assert surname_of(["Helen"], persons, first_names=False) is None


def test_short_form_of_an_organisation_name():
    st = run("The Lakeside Herald reported the deal on Friday. The Herald said talks would resume.")
    gaz = actor_of(st, "Lakeside Herald")
    assert gaz.kind == "media"
    assert actor_of(st, "Herald").id == gaz.id


def test_possessive_determiner_titles_are_not_persons():
    st = run("Marcus Hale met the envoys on Monday. Their heads of mission said little.")
    hale = actor_of(st, "Marcus Hale")
    assert all(m.text != "heads" for m in hale.mentions)


@pytest.mark.parametrize("text, teller", [
    ("Iran sent advisers to the front. Iraq's government said it had reinforced its border with Syria.", "Iraq"),
    ("Qatar hosted the talks. Egypt's foreign ministry said it backed the plan and its timetable.",
     "Egypt government"),
    ("The United States and Britain urged restraint on Sunday. Jordan said it had closed its main crossing.",
     "Jordan"),
])
def test_it_in_what_a_teller_said_is_the_teller(text, teller):
    import sitrep

    doc = sitrep.extract(text, published="2024-12-02")
    owners = {m.text: a.name for a in doc.actors for m in a.mentions if m.text in ("it", "its")}
    assert owners == {"it": teller, "its": teller}


def test_a_group_description_goes_to_the_group_of_the_country_its_modifier_names():
    st = run("Hayat Tahrir al-Sham fighters and Hezbollah clashed near Qusayr on Monday, and hours later the "
             "Syrian group said it had taken the village.")
    assert mention(st, "the Syrian group").actor_id == "HTS"     # not Hezbollah, the nearer group
    assert all(m.text != "Syrian" for m in st.mentions)   # the demonym is part of the description


def test_a_group_description_without_a_group_of_that_country_stays_unresolved():
    st = run("Hezbollah fired rockets at the base on Monday. The Syrian group said it would respond.")
    assert all(m.actor_id != "HEZ" for m in st.mentions if "Syrian" in m.text)


def test_a_descriptive_modifier_refers_back_like_the_group():
    st = run("The paramilitary Rapid Support Forces shelled the camp on Sunday. The paramilitary group "
             "denied the claims.")
    rsf = next(m.actor_id for m in st.mentions if m.text.endswith("Rapid Support Forces"))
    assert mention(st, "The paramilitary group").actor_id == rsf


def test_a_description_followed_by_its_name_is_an_apposition_not_a_reference():
    st = run("Police said the attack was carried out by gunmen. The Islamist group al Shabaab claimed it.")
    assert all(m.text != "The Islamist group" for m in st.mentions)


def test_an_object_pronoun_of_a_participle_never_takes_the_subject_it_shares():
    st = run("The United States imposed sanctions on Hezbollah in December, accusing it of smuggling weapons.")
    assert mention(st, "it").actor_id == "HEZ"


@pytest.mark.parametrize("text, description, antecedent", [
    ("Iran blamed the North Atlantic Treaty Organization for the crisis on Monday. The 32-nation bloc "
     "rejected the charge.", "The 32-nation bloc", "North Atlantic Treaty Organization"),
    ("France sent envoys to the United Nations on Friday, and Russia lobbied the NATO military bloc. "
     "The bloc said it would respond.", "The bloc", "NATO"),
    ("The United Kingdom expelled two diplomats on Tuesday. Russia said it would retaliate against the "
     "kingdom.", "the kingdom", "United Kingdom"),
])
def test_a_definite_description_goes_to_the_named_actor_of_its_kind(text, description, antecedent):
    st = run(text)
    m = mention(st, description)
    assert m is not None and m.how == "pronoun" and m.actor_id == actor_of(st, antecedent).id


def test_a_description_agrees_in_kind_and_skips_a_modifier():
    # a state is no bloc; "Iraqi" in "the Iraqi group" modifies and names no antecedent of "the kingdom"
    st = run("France hosted the summit on Monday. The bloc agreed to meet again in June.")
    m = mention(st, "The bloc")
    assert m is None or m.actor_id != "FRA"
    st = run("Gunmen fired rockets at an oil field, the latest strike the Iraqi group has claimed against "
             "the kingdom.")
    m = mention(st, "the kingdom")
    assert m is None or m.actor_id != "IRQ"


def test_a_description_looks_back_only_as_far_as_configured():
    text = ("NATO met in Brussels on Monday. Ministers talked for hours. The talks ended late. "
            "Diplomats left the city. The bloc said it would meet again.")
    m = mention(run(text), "The bloc")
    assert m is None or m.actor_id != "NATO"
