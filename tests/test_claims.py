"""The claims stage: quantities with their owner, property, place, source and hedges."""

from claims_support import make_state
from hypothesis import given, settings, strategies as st

from sitrep.stages.claims import ClaimsStage, vocabulary
from sitrep.validate import reference_errors
from sitrep.stages.contradictions import ContradictionsStage

ACTORS = {"the US": ("USA", "state"), "Washington": ("USA", "state"), "US": ("USA", "state"),
          "Reuters": ("REUTERS", "media"), "Russia": ("RUS", "state"), "Russian": ("RUS", "state"),
          "Kyiv": ("UKR", "state"), "Ukrainian": ("UKR", "state"), "The army": ("SDN_ARMY", "armed_group"),
          "Germany": ("DEU", "state"), "the ministry": ("MOH", "organization"), "Ukrainians": ("UKR", "state")}
PLACES = {"Iraq": ("p_iraq", "country"), "Ukraine": ("p_ukr", "country"), "Kharkiv": ("p_kharkiv", "city"),
          "Darfur": ("p_darfur", "region")}


def claims_of(text, **kw):
    state = make_state(text, kw.pop("actors", ACTORS), kw.pop("places", PLACES), kw.pop("dates", None))
    ClaimsStage()(state)
    for c in state.claims:
        assert state.text[c.start:c.end] == c.text
    return state


def test_vocabulary_loads():
    voc = vocabulary()
    assert voc.nouns["troop"] == "troops" and voc.verbs["kill"] == "dead"
    assert "dead" in voc.victim and "troops" not in voc.victim


def test_troops_with_hedge_place_and_source():
    s = claims_of("Washington still keeps about 2,500 troops in Iraq to train local forces, Reuters reported.")
    [c] = s.claims
    assert (c.subject.actor_id, c.property, c.value, c.approx, c.place) == ("USA", "troops", 2500, True, "p_iraq")
    assert c.attributed_to.actor_id == "REUTERS"
    assert c.text == "about 2,500 troops"


def test_owner_from_modifier_and_the_country_in_context():
    s = claims_of("Fighting flared again in Ukraine on Tuesday.\n"
                  "Russia has massed nearly two dozen battalions and some 40,000 Russian soldiers in the country.")
    [c] = s.claims
    assert (c.subject.actor_id, c.value, c.place, c.approx) == ("RUS", 40000, "p_ukr", True)


def test_according_to_and_money_aid():
    s = claims_of("Germany pledged $2bn in military aid to Kyiv, according to Reuters.")
    [c] = s.claims
    assert (c.subject.actor_id, c.property, c.value, c.unit) == ("DEU", "aid", 2e9, "USD")
    assert c.attributed_to.actor_id == "REUTERS"


def test_losses_belong_to_the_victims_not_the_agent():
    s = claims_of("Russian shelling killed 12 Ukrainian soldiers near Kharkiv overnight.")
    [c] = s.claims
    assert (c.subject.actor_id, c.property, c.value, c.place) == ("UKR", "dead", 12, "p_kharkiv")
    s = claims_of("Russia lost more than 300 soldiers in the assault, the ministry said.")
    [c] = s.claims
    assert (c.subject.actor_id, c.property, c.value, c.approx) == ("RUS", "dead", 300, True)
    assert c.attributed_to.actor_id == "MOH"


def test_ranges_keep_both_ends():
    s = claims_of("The army deployed 10-15 tanks in Darfur.")
    [c] = s.claims
    assert (c.value, c.value_max, c.property, c.unit, c.place) == (10, 15, "weapons", "tank", "p_darfur")


def test_no_owner_or_no_property_means_no_claim():
    assert claims_of("About 2,000 people gathered in the square on Friday.").claims == []
    assert claims_of("The US spent 12 days on the talks.").claims == []
    assert claims_of("Inflation rose 5% in Iraq.").claims == []


def test_reporter_is_never_the_owner():
    assert claims_of("Reuters counted 400 troops near the border.").claims == []


def test_garbage_numbers_never_crash_nor_invent():
    s = claims_of("The US keeps 1,000.000 troops and 10-15 advisers and 1,00 tanks in Iraq.")
    for c in s.claims:
        assert c.text in s.text and c.subject.actor_id == "USA"
    assert all(c.text != "1,00 tanks" for c in s.claims)


def test_date_from_the_same_clause():
    text = "In March 2023, the US had about 900 troops in Iraq."
    s = claims_of(text, dates=[("In March 2023", "2023-03", "at")])
    [c] = s.claims
    assert c.date == "2023-03"


def test_contradiction_within_an_article():
    text = ("The US keeps about 2,500 troops in Iraq, Reuters reported.\n"
            "Washington has around 2,000 troops in the country, officials said.\n"
            "The US has nearly 2,500 troops in Iraq.")
    s = claims_of(text)
    ContradictionsStage()(s)
    assert len(s.claims) == 3
    pairs = [tuple(c.claims) for c in s.contradictions]
    assert ("C1", "C2") in pairs and ("C1", "C3") not in pairs
    assert all(c.reason for c in s.contradictions)


def test_generic_agent_on_the_counted_noun_is_not_its_owner():
    from sitrep.article import Mention
    s = make_state("The US keeps about 900 troops in Iraq.", ACTORS, PLACES)
    i = s.text.index("troops")
    s.mentions = sorted(s.mentions + [Mention(start=i, end=i + 6, actor_id="TROOP", text="troops", how="agent")],
                        key=lambda m: m.start)
    ClaimsStage()(s)
    [c] = s.claims
    assert c.subject.actor_id == "USA"


def test_the_country_in_context_is_one_named_as_a_place():
    s = claims_of("Fighting spread in Ukraine. Russia said the US was watching.\n"
                  "Russia keeps about 9,000 soldiers in the country, Reuters reported.",
                  places={**PLACES, "the US": ("p_usa", "country"), "Russia": ("p_rus", "country")})
    [c] = s.claims
    assert c.place == "p_ukr"


def test_bad_input_never_crashes_nor_invents_claims():
    text = ("the US kept 1,000.000 troops and 10-15 tanks and ,,,, 1,00 and ... -- 1e9 and $ and 12- and -5 "
            * 100)[:20000]
    s = claims_of(text)
    for c in s.claims:
        assert s.text[c.start:c.end] == c.text and any(ch.isdigit() for ch in c.text)
        assert c.subject.actor_id == "USA"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["the US", "keeps", "about", "1,000", "10-15", "troops", "in", "Iraq", "killed",
                                 "nearly", "two dozen", "1,000.000", "$2bn", "aid", ",", "Reuters", "said", "."]),
                max_size=25))
def test_claims_always_have_evidence(words):
    s = claims_of(" ".join(words) or "x")
    for c in s.claims:
        assert s.text[c.start:c.end] == c.text
        assert any(m.actor_id == c.subject.actor_id for m in s.mentions) or \
            any(p.place_id == c.subject.actor_id for p in s.place_mentions)  # a loss owned by its place


def test_money_needs_a_conflict_kind_and_pounds_need_a_scale():
    assert claims_of("The US lost $900 million in 1995.").claims == []
    assert claims_of("The US budget allocates $800bn to defense.").claims[0].property == "budget"
    assert claims_of("Russia sent 236 pounds of flour to Iraq.").claims == []


def test_a_people_counted_by_its_demonym():
    s = claims_of("At least 45 Ukrainians were killed in Kharkiv, the ministry said.")
    [c] = s.claims
    assert (c.subject.actor_id, c.property, c.value, c.approx, c.attributed_to.actor_id) == ("UKR", "dead", 45, True, "MOH")


def test_we_in_reported_speech_is_the_speakers_side():
    s = make_state('"We have about 900 troops in Iraq," Maria Keller said.',
                   {**ACTORS, "Maria Keller": ("KELLER", "person")}, PLACES)
    s.actors = [a.model_copy(update={"affiliation": "USA"}) if a.id == "KELLER" else a for a in s.actors]
    ClaimsStage()(s)
    [c] = s.claims
    assert (c.subject.actor_id, c.subject.text, c.attributed_to.actor_id, c.place) == ("USA", "We", "KELLER", "p_iraq")


def test_an_announced_package_belongs_to_its_announcer():
    s = claims_of("Germany announced a $500 million military aid package for Kyiv.")
    [c] = s.claims
    assert (c.subject.actor_id, c.property, c.value, c.attributed_to) == ("DEU", "aid", 5e8, None)


def test_an_internal_error_on_one_number_is_a_warning(monkeypatch):
    s = make_state("The US keeps about 900 troops in Iraq and 40 tanks in Ukraine.", ACTORS, PLACES)
    stage = ClaimsStage()
    real = stage._read

    def flaky(state, doc, q, *a):
        if q.text == "40":
            raise ValueError("boom")
        return real(state, doc, q, *a)

    monkeypatch.setattr(stage, "_read", flaky)
    stage(s)
    assert [c.text for c in s.claims] == ["about 900 troops"]
    assert any("claims: skipped '40'" in w for w in s.warnings)


def test_place_one_phrase_deeper():
    s = claims_of("At least 45 Ukrainians were killed in strikes on Kharkiv overnight.")
    [c] = s.claims
    assert (c.property, c.place) == ("dead", "p_kharkiv")


def test_a_loss_no_actor_owns_belongs_to_the_place_of_its_incident():
    import sitrep

    doc = sitrep.extract("Eighteen civilians were killed in Kharkiv on Monday, the regional governor said. "
                         "A rights group later put the toll at 31 civilians killed in Kharkiv on Monday. "
                         "Rescuers said 40 people had been injured.", published="2024-05-14")
    places = {p.id: p for p in doc.places}
    dead = [(c.subject.text, c.value) for c in doc.claims if c.property == "dead"]
    assert dead == [("Kharkiv", 18), ("Kharkiv", 31)]
    assert all(c.subject.actor_id in places and c.place == c.subject.actor_id and c.date == "2024-05-13"
               for c in doc.claims if c.property == "dead")
    [hurt] = [c for c in doc.claims if c.property == "wounded"]  # the place the article last spoke of
    assert (hurt.value, hurt.subject.text, hurt.place, hurt.date) == (40, "Kharkiv", None, None)
    [x] = doc.contradictions
    assert "18" in x.reason.lower() or "eighteen" in x.reason.lower()
    assert "Kharkiv" in x.reason and "2024-05-13" in x.reason and "one incident" in x.reason
    assert reference_errors(doc) == []


def test_a_toll_dated_by_a_since_clause_takes_that_date():
    import sitrep

    doc = sitrep.extract("A monitoring group said at least 412 people had been killed since the offensive began "
                         "on March 3.", published="2024-03-20")
    [c] = doc.claims
    assert (c.subject.text, c.property, c.value, c.date) == ("people", "dead", 412, "2024-03-03")


# -- losses no actor owns (issue #14, pattern 7) ----------------------------------------------------------
def _facts(s):
    return [(c.property, c.value, c.subject.actor_id, c.place) for c in s.claims]


def test_a_number_alone_is_a_loss_when_its_verb_says_so():
    s = claims_of("Artillery hit Kharkiv overnight. At least three people were killed and nine injured, "
                  "and the shelling wounded more than 20.")
    assert _facts(s) == [("dead", 3, "p_kharkiv", None), ("wounded", 9, "p_kharkiv", None),
                         ("wounded", 20, "p_kharkiv", None)]
    assert [c.text for c in s.claims] == ["At least three people", "nine", "more than 20"]


def test_the_place_of_the_clause_owns_the_count_and_is_its_place():
    s = claims_of("Eleven farmers were killed in Darfur on Sunday.")
    [c] = s.claims
    assert (c.subject.actor_id, c.subject.text, c.place, c.property) == ("p_darfur", "Darfur", "p_darfur", "dead")


def test_a_toll_gives_its_value():
    s = claims_of("The death toll in Kharkiv rose to 212 on Tuesday.")
    assert _facts(s) == [("dead", 212, "p_kharkiv", "p_kharkiv")]
    s = claims_of("Officials in Darfur put the toll at 37.")
    assert [(c.property, c.value) for c in s.claims] == [("dead", 37)]


def test_predicates_say_what_became_of_the_counted():
    s = claims_of("In Darfur six villagers were shot dead, the raid left hundreds dead and 14 pupils are missing.")
    assert [(c.property, c.value) for c in s.claims] == [("dead", 6), ("dead", 200), ("missing", 14)]


def test_a_part_of_a_counted_group_takes_its_property_but_never_contradicts_it():
    s = claims_of("The strike on Kharkiv killed 52 people, including 11 children, the ministry said.")
    ContradictionsStage()(s)
    assert [(c.property, c.value) for c in s.claims] == [("dead", 52), ("dead", 11)]
    assert s.contradictions == []


def test_kidnapped_released_and_casualties_are_their_own_properties():
    s = claims_of("Gunmen abducted 40 students in Darfur. Russia released 95 prisoners to Ukraine. "
                  "A blast in Kharkiv killed or injured dozens.")
    assert [(c.property, c.value) for c in s.claims] == [("kidnapped", 40), ("released", 95), ("casualties", 24)]


def test_a_distance_that_locates_is_no_claim_and_a_date_is_no_count():
    assert claims_of("Russia shelled a village 40 km (25 miles) north of Kharkiv.").claims == []
    s = claims_of("A car bomb in Kharkiv on January 27 injured 28 people, police said.",
                  dates=[("on January 27", "2024-01-27", "at")])
    assert [(c.property, c.value) for c in s.claims] == [("wounded", 28)]


def test_a_year_alone_is_never_a_count():
    assert claims_of("Fighting in Darfur killed in 2019 and wounded in 2020.").claims == []


def test_two_sources_on_one_incident_contradict_and_the_reason_says_which():
    text = ("Two people were killed in Kharkiv on Monday, police said. "
            "Residents said five people were killed in Kharkiv on Monday.")
    s = claims_of(text, actors={**ACTORS, "police": ("POLICE", "organization"), "Residents": ("RES", "group")},
                  dates=[("on Monday", "2024-05-13", "at")])
    ContradictionsStage()(s)
    [x] = s.contradictions
    assert "Kharkiv" in x.reason and "2024-05-13" in x.reason and "one incident" in x.reason


def test_hedges_and_context_places_keep_incident_counts_apart():
    hedged = claims_of("At least two people were killed in Kharkiv, police said. "
                       "Five people were killed in Kharkiv, residents said.")
    ContradictionsStage()(hedged)
    assert hedged.contradictions == []  # "at least two" allows five
    unplaced = claims_of("Shelling hit Kharkiv. Two people were killed, police said. "
                         "Five people were killed, residents said.")
    ContradictionsStage()(unplaced)
    assert [c.subject.actor_id for c in unplaced.claims] == ["p_kharkiv", "p_kharkiv"]
    assert unplaced.contradictions == []  # the text never says both were in Kharkiv


def test_no_place_anywhere_and_no_counted_group_means_no_claim():
    assert claims_of("Seven were injured and two died.").claims == []


GANGS = dict(ACTORS, **{"The gang": ("GANG", "armed_group"), "the gang": ("GANG", "armed_group"),
                        "Rebels": ("REBELS", "armed_group"), "the rebels": ("REBELS", "armed_group")})


def test_forces_and_weapons_acted_upon_are_not_the_actors_own():
    # the object (or passive subject) of a patient verb is damage to someone else's, never a force count
    for text in ("The gang set fire to 45 homes and 34 vehicles in Pont-Sonde, forcing residents to flee.",
                 "Rebels destroyed 12 tanks near Kharkiv on Monday.",
                 "Three armoured vehicles were set on fire by the rebels near Kharkiv.",
                 "Rebels shot down two helicopters over Darfur."):
        assert [(c.property, c.value) for c in claims_of(text, actors=GANGS).claims] == [], text
    # the subject's own forces and weapons still are its count
    [c] = claims_of("Russia launched 50 drones at Kharkiv overnight.").claims
    assert (c.subject.actor_id, c.property, c.value) == ("RUS", "weapons", 50)
    [c] = claims_of("Rebels sent 300 fighters to Darfur.", actors=GANGS).claims
    assert (c.subject.actor_id, c.property, c.value) == ("REBELS", "troops", 300)


def test_a_model_designation_is_not_a_count():
    s = claims_of("Russia hit the depot with a Kh-101 missile and two Su-25 jets near Kharkiv.")
    assert [(c.property, c.value) for c in s.claims] == [("weapons", 2)]


def test_people_of_an_exchange_are_released_not_troops():
    s = claims_of("Russia reported a swap of 270 Ukrainian soldiers and 120 civilians in Ukraine.")
    assert sorted((c.property, c.value) for c in s.claims) == [("released", 120), ("released", 270)]
    # an act on things makes no loss of people: "the capture of five tanks" stays weapons or nothing
    assert all(c.property != "detained" for c in claims_of("Kyiv reported the capture of five tanks.").claims)


def test_a_count_the_parse_left_outside_its_clause_takes_the_loss_verb_after_it():
    s = claims_of("Rescuers said 40 people had died in Kharkiv, about 10 miles from the border, and over 500 "
                  "people, mostly women and children, were injured and brought to hospitals.")
    assert ("wounded", 500) in [(c.property, c.value) for c in s.claims]
    # a count that is already another verb's argument keeps its own reading
    s = claims_of("Russia sent 300 soldiers to Kharkiv, and 20 civilians were evacuated.")
    assert ("troops", 300) in [(c.property, c.value) for c in s.claims]


def test_a_part_of_the_killed_and_the_number_of_the_killed():
    s = claims_of("A local official in Kharkiv said that two children are among those killed.")
    assert [(c.property, c.value) for c in s.claims] == [("dead", 2)]
    s = claims_of("The number of civilians massacred on Saturday in Darfur is well over 200.")
    assert [(c.property, c.value, c.approx) for c in s.claims] == [("dead", 200, True)]


def test_lives_saved_are_no_loss_and_the_verb_on_prisoners_says_what_happened():
    assert claims_of("Rescue teams saved more than 130 lives in Kharkiv.").claims == []
    [c] = claims_of("Hundreds of political prisoners have been released in Kharkiv.").claims
    assert (c.property, c.value) == ("released", 200)
    # a loss noun keeps its own property under "claimed"
    [c] = claims_of("The blasts claimed dozens of civilian casualties in Kharkiv.").claims
    assert (c.property, c.value) == ("casualties", 24)


def test_people_forced_from_their_homes_are_displaced():
    [c] = claims_of("A conflict that has forced some 1.4 million people from their homes in Darfur.").claims
    assert (c.property, c.value, c.approx) == ("displaced", 1.4e6, True)
    # "from" a place that is not a home says where, not that they were displaced
    s = claims_of("Officials collected at least 24 bodies three miles from the town of Kharkiv.")
    assert [c.property for c in s.claims] == ["dead"]


def test_a_relative_clause_says_what_happened_to_the_counted():
    s = claims_of("Witnesses said it was up to 50 farmers that were slaughtered near Kharkiv.")
    assert [(c.property, c.value) for c in s.claims] == [("dead", 50)]
    # the relative pronoun as an agent does not make the count a loss
    s = claims_of("Twenty soldiers who killed civilians in Kharkiv were tried.")
    assert all(c.property != "dead" for c in s.claims)


def test_one_of_the_attackers_died():
    s = claims_of("Two officers were wounded in Kharkiv and one of their attackers also died.")
    assert ("dead", 1) in [(c.property, c.value) for c in s.claims]


def test_pardoned_prisoners_are_released():
    [c] = claims_of("The junta pardoned more than 3,000 prisoners in Kharkiv to mark Independence Day.").claims
    assert (c.property, c.value, c.approx) == ("released", 3000, True)


def test_a_listed_noun_measuring_something_else_counts_nothing():
    # "rounds" of sanctions or talks are no weapons; rounds of ammunition still are
    for text in ("Russia has imposed four rounds of sanctions on Kharkiv officials since March.",
                 "Russia held two rounds of talks in Darfur."):
        assert claims_of(text).claims == [], text
    [c] = claims_of("Russia fired 500 rounds of ammunition at Kharkiv on Monday.").claims
    assert (c.subject.actor_id, c.property, c.value) == ("RUS", "weapons", 500)
