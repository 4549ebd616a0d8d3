"""The claims stage on wording the first development articles did not have: arrests, forces named by
local words, people the actors stage names, adverbs and particles of killing, vague "several", model
numbers, and parses that hang a count in the wrong place. Sentences are written for these tests."""

from claims_support import make_state

from sitrep.lang.numbers import find_quantities
from sitrep.stages.claims import ClaimsStage, vocabulary

ACTORS = {"Rwanda": ("RWA", "state"), "Police": ("POLICE", "organization"), "police": ("POLICE", "organization")}
PLACES = {"Kigoma": ("p_kigoma", "city"), "Mosul": ("p_mosul", "city")}


def claims_of(text, actors=None, places=None):
    state = make_state(text, ACTORS if actors is None else actors, PLACES if places is None else places)
    ClaimsStage()(state)
    return [(c.property, c.value) for c in state.claims]


def test_an_arrest_is_told_apart_from_a_detention():
    assert claims_of("At least 40 demonstrators were arrested in Kigoma on Sunday.") == [("arrested", 40)]
    assert claims_of("Security forces have detained 12 students in Kigoma.") == [("detained", 12)]
    assert ("arrested", 200) in claims_of("The crackdown in Kigoma has led to hundreds of arrests.")


def test_a_noun_the_actors_stage_names_counts_people():
    actors = {**ACTORS, "tea pickers": ("PICKERS", "group")}
    assert claims_of("Gunmen killed 11 tea pickers near Kigoma on Tuesday.", actors=actors) == [("dead", 11)]


def test_local_words_for_forces():
    assert claims_of("Three jawans were killed when the mine exploded near Kigoma.") == [("dead", 3)]
    assert claims_of("Rwanda deployed 800 police officers to the mission.") == [("troops", 800)]


def test_an_adverb_or_a_particle_of_killing_makes_the_dead():
    assert claims_of("Unknown attackers fatally stabbed four villagers in Kigoma late on Friday.") == [("dead", 4)]
    assert claims_of("Masked men gunned down five farmers outside Kigoma.") == [("dead", 5)]


def test_people_who_report_are_no_force():
    assert claims_of("Three senior officers said the convoy had been hit near Kigoma.") == []


def test_the_places_people_flee_are_not_people():
    actors = {**ACTORS, "communities": ("COMMUNITIES", "group")}
    assert claims_of("The raids forced families to flee dozens of communities near Kigoma.", actors=actors) == []


def test_a_loss_verb_says_nothing_of_things():
    claims = claims_of("Rwanda said its air defences neutralised 14 drones over Kigoma.")
    assert all(p != "dead" for p, _ in claims)


def test_several_counts_three_and_several_hundred_three_hundred():
    assert claims_of("Several soldiers were wounded in the ambush near Kigoma.") == [("wounded", 3)]
    [q] = find_quantities("several hundred protesters")
    assert (q.value, q.approx, q.vague) == (300, True, True)


def test_a_number_right_after_a_count_is_a_model():
    claims = claims_of("Police said they recovered one 303 rifle and two pistols in Kigoma.")
    assert all(v != 303 for _, v in claims)


def test_a_crew_counts_people():
    assert claims_of("The six crew of the tanker were arrested in Kigoma.") == [("arrested", 6)]


def test_what_a_party_is_worth_is_money():
    assert vocabulary().money_kinds["worth"] == "wealth"


def test_a_passive_split_by_a_date_still_says_the_loss():
    # the parse reads "were" as the verb and "killed" as a clause of it
    assert claims_of("Two guards were on Monday killed in an ambush near Kigoma.") == [("dead", 2)]
    assert claims_of("Four constables were on Sunday killed in a blast in Kigoma, police said.") == [("dead", 4)]


def test_a_loss_verb_right_before_a_count_hung_elsewhere_gives_its_property():
    """"killing at least nine Afghans, state media said" parsed with "Afghans" a modifier of "media"."""
    import spacy
    from spacy.tokens import Doc

    from sitrep.stages.claims.counted import event_property

    words = ["strikes", "hit", "Mosul", ",", "killing", "nine", "Afghans", ",", "state", "media", "said"]
    heads = [1, 10, 1, 1, 1, 6, 9, 9, 9, 10, 10]
    deps = ["nsubj", "ccomp", "dobj", "punct", "advcl", "nummod", "nmod", "punct", "compound", "nsubj", "ROOT"]
    pos = ["NOUN", "VERB", "PROPN", "PUNCT", "VERB", "NUM", "PROPN", "PUNCT", "NOUN", "NOUN", "VERB"]
    lemmas = ["strike", "hit", "Mosul", ",", "kill", "nine", "Afghans", ",", "state", "media", "say"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              sent_starts=[True] + [False] * 10)
    assert event_property(doc[6], vocabulary()) == "dead"
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
              lemmas=lemmas[:4] + ["visit"] + lemmas[5:], sent_starts=[True] + [False] * 10)
    assert event_property(doc[6], vocabulary()) is None


def test_a_rescued_hostage_is_still_a_hostage_and_several_more_are_counted():
    assert claims_of("Troops pushed into the forest near Kigoma to rescue several hostages.") == [("kidnapped", 3)]
    assert ("wounded", 3) in claims_of("Five guards were killed, several more wounded and two taken hostage "
                                       "in Kigoma on Tuesday.")


def test_a_conjunct_hung_inside_an_of_phrase_takes_the_property_of_the_phrase_head():
    """"Two members of the militia and three soldiers were killed", "soldiers" parsed as a conjunct of
    "militia"."""
    import spacy
    from spacy.tokens import Doc

    from sitrep.stages.claims.counted import event_property

    words = ["Two", "members", "of", "the", "militia", "and", "three", "soldiers", "were", "killed"]
    heads = [1, 9, 1, 4, 2, 4, 7, 4, 9, 9]
    deps = ["nummod", "nsubjpass", "prep", "det", "pobj", "cc", "nummod", "conj", "auxpass", "ROOT"]
    pos = ["NUM", "NOUN", "ADP", "DET", "NOUN", "CCONJ", "NUM", "NOUN", "AUX", "VERB"]
    lemmas = ["two", "member", "of", "the", "militia", "and", "three", "soldier", "be", "kill"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              sent_starts=[True] + [False] * 9)
    assert event_property(doc[7], vocabulary()) == "dead"


def test_some_of_the_dead_is_no_new_figure():
    assert claims_of("State media identified two of the dead in Kigoma as senior officers.") == []
    assert claims_of("Rebels killed 14 villagers in Kigoma; two of them were children.") == [("dead", 14)]


def test_fallen_soldiers_are_dead():
    assert claims_of("The army buried nine fallen soldiers in Kigoma on Friday.") == [("dead", 9)]


def test_a_force_no_actor_owns_is_the_groups_own():
    actors = {**ACTORS, "gunmen": ("GUNMEN", "group")}
    state = make_state("At least six gunmen opened fire on a bus near Kigoma.", actors, PLACES)
    for m in state.mentions:
        m.how = "agent"  # as the actors stage reads a generic word for an armed group
    ClaimsStage()(state)
    [c] = state.claims
    assert (c.property, c.value, c.subject.actor_id) == ("troops", 6, "GUNMEN")
    # people of no group are no force: no owner, no claim
    assert claims_of("At least six passengers boarded a bus near Kigoma.") == []


def test_members_of_an_armed_group_are_its_force():
    actors = {**ACTORS, "the Lord's Army": ("LRA", "armed_group"), "LRA": ("LRA", "armed_group"),
              "the union": ("UNION", "organization")}
    claims = claims_of("Troops clashed with more than 40 members of the Lord's Army near Kigoma.", actors=actors)
    assert claims == [("troops", 40)]
    assert claims_of("An estimated 900 LRA members refused to disarm.", actors=actors) == [("troops", 900)]
    # members of a group that is no armed group are no force; members killed stay dead
    assert claims_of("About 300 members of the union marched in Kigoma.", actors=actors) == []
    assert claims_of("Five members of the Lord's Army were killed in Kigoma.", actors=actors) == [("dead", 5)]
