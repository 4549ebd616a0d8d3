"""Trigger senses of real news (issue 14): readings that code no event (``type: NONE``), nominal and
lead acts ("a shootout", "fled the capital", "declared a state of emergency"), a noun's sense as one
verb's object ("announced a ceasefire") and the sense an object or subject selects ("backed the
rebels", "rebel forces entered the city"). Each on a short wire-copy sentence through the events stage."""

from __future__ import annotations

import pytest

from sitrep.article import Article, ArticleState
from sitrep.errors import ConfigError
from sitrep.stages.events import EventsConfig, EventsStage, load_lexicon, parse_lexicon, triggers
from sitrep.stages.events.lexicon import NO_EVENT
from sitrep.stages.nlp import NlpStage
from sitrep.datafiles import load_data

NLP = NlpStage()
EVENTS = EventsStage(fallback_ner=True)


def types(text: str) -> list[str]:
    """The event types the stage finds in ``text`` (spaCy NER for the actors)."""
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    EVENTS.run_alone(st)
    return [e.type for e in st.events]


def events(text: str) -> list:
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    EVENTS.run_alone(st)
    return st.events


# -- readings that code no event ---------------------------------------------------------------------

@pytest.mark.parametrize("text, not_type", [
    ("Jordan, which shares a border with Syria, closed its crossings on Monday.", "COOPERATE"),
    ("Amnesty International released a report on Tuesday about prisons in Egypt.", "RETREAT"),
    ("The United Nations warned of a famine in northern Gaza on Wednesday.", "THREATEN"),
    ("Germany warned its citizens against travel to Lebanon on Friday.", "THREATEN"),
    ("Ukraine said Russian forces had committed crimes against civilians in Bucha.", "AGREE"),
    ("Thousands of civilians fled the town of Wad Madani on Sunday, the UN said.", "RETREAT"),
    ("Dozens of gunmen travelled to the village of Kanam on Saturday, residents said.", "CONSULT"),
])
def test_non_event_readings(text, not_type):
    assert not_type not in types(text)


@pytest.mark.parametrize("text, etype", [
    ("Hamas released three Israeli hostages in Gaza on Sunday.", "RETREAT"),
    ("Turkey warned it would strike Kurdish fighters in northern Syria.", "THREATEN"),
    ("India and Pakistan agreed on Thursday to share intelligence with each other.", "AGREE"),
])
def test_the_event_readings_remain(text, etype):
    assert etype in types(text)


# -- lead and nominal acts ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, etype, mode", [
    ("Syrian President Bashar al-Assad fled Damascus on Sunday, two army officers told Reuters.", "RETREAT", "withdraw"),
    ("Rebel forces entered Damascus in the early hours of Sunday.", "COERCE", "seize"),
    ("Ethiopia's government declared a state of emergency in the Amhara region on Friday.", "COERCE", "martial-law"),
    ("A shootout between Indian troops and Hizbul Mujahideen in Kashmir killed four people on Thursday.", "ASSAULT", "firearms"),
    ("Indian police launched a search operation in Pulwama on Friday.", "COERCE", "arrest"),
    ("The army unseated the elected government of Niger in July.", "COERCE", None),
    ("Qatar brokered the exchange between Russia and Ukraine, officials said.", "CONSULT", "third-party"),
])
def test_lead_and_nominal_acts(text, etype, mode):
    found = [e for e in events(text) if e.type == etype]
    assert found, [(e.type, e.trigger) for e in events(text)]
    assert mode is None or found[0].mode == mode


def test_a_declared_ceasefire_is_a_concession():
    assert "CONCEDE" in types("The Sudanese army announced a ceasefire in Khartoum on Monday.")
    assert "RETREAT" not in types("The Sudanese army announced a ceasefire in Khartoum on Monday.")


def test_backing_an_armed_group_is_aid_and_backing_a_plan_support():
    assert "AID" in types("Rwanda supports the M23 rebels in eastern Congo, United Nations experts said.")
    assert "SUPPORT" in types("France supported the Egyptian peace plan on Tuesday.")


def test_ambulances_deployed_are_aid_and_troops_arriving_a_mobilization():
    assert "AID" in types("The Lebanese Red Cross deployed 30 ambulances to southern Lebanon on Tuesday.")
    assert "MOBILIZE" in types("Kenyan troops arrived in Port-au-Prince on Tuesday.")


# -- the lexicon -------------------------------------------------------------------------------------

def test_no_event_senses_and_verb_nouns_load():
    lex = load_lexicon()
    assert lex.verbs["share"][0].no_event and lex.verbs["share"][0].type == NO_EVENT
    assert not lex.verbs["share"][-1].no_event
    assert lex.verb_nouns["declare ceasefire"].type == "CONCEDE"
    assert lex.compounds["state of emergency"].mode == "martial-law"


def test_unknown_type_in_verb_nouns_is_an_error():
    data = load_data("event_triggers.yaml")
    data = {**data, "verb_nouns": {"declare truce": {"type": "TRUCE"}}}
    with pytest.raises(ConfigError):
        parse_lexicon(data)


# -- frames and refusals -----------------------------------------------------------------------------

def test_an_act_in_the_time_setting_of_a_frame_is_an_event():
    found = types("The two sides failed to agree on the zone during negotiations between Turkey and the United States.")
    assert "CONSULT" in found


def test_the_act_an_accusation_names_is_an_event_of_its_own():
    found = types("Armenia accused Azerbaijan of shelling Stepanakert on Tuesday.")
    assert "ACCUSE" in found and "ASSAULT" in found


def test_a_demand_keeps_its_content_suppressed():
    assert "ASSAULT" not in types("The United Nations called for an end to attacks on hospitals in Gaza.")


def test_a_present_refusal_is_a_reject():
    found = types("The FARC dissidents do not accept the 2016 peace agreement with Colombia.")
    assert "REJECT" in found and "AGREE" not in found


def test_a_month_is_no_march():
    assert "PROTEST" not in types("The United Nations linked the ADF to Islamic State in March 2021.")


def test_envoys_pulled_out_are_a_sanction():
    assert "SANCTION" in types("Saudi Arabia pulled its envoys out of Damascus in November.")


# -- parser slips and modifiers -----------------------------------------------------------------------

@pytest.mark.parametrize("text, etype", [
    ("Congolese troops had pulled back from Goma airport on Sunday, officials said.", "RETREAT"),
    ("The EU condemned the ongoing and violent repression of Georgian citizens by Georgian Dream.", "ASSAULT"),
    ("Britain's supply of weapons to Ukraine angered Moscow.", "AID"),
])
def test_parser_slips_and_modifiers(text, etype):
    assert etype in types(text), [(e.type, e.trigger) for e in events(text)]


def test_a_noun_tagged_as_an_adjective_is_a_nominal_trigger():
    st = ArticleState(article=Article(text="The attack came amid a resumed offensive by Syrian government forces."))
    NLP(st)
    tok = next(t for t in st.doc if t.text == "offensive")
    cfg = EventsConfig()
    sense = triggers.nominal_trigger(tok, load_lexicon(), cfg.name_entity_labels, cfg.no_event_hops)
    assert sense is not None and sense.type == "ASSAULT"


# -- what is stopped, refrained from or only described ------------------------------------------------

@pytest.mark.parametrize("text, not_type", [
    ("After mediation by Qatar, the Taliban halted its military operations around midnight.", "ASSAULT"),
    ("Armenia and Azerbaijan will refrain from using force against one another, the text says.", "ASSAULT"),
    ("Myanmar's military is battling armies opposed to the junta in Sagaing.", "REJECT"),
    ("Talks between Iran and the United States over Tehran's rapidly advancing nuclear program resumed.", "ASSAULT"),
])
def test_stopped_refrained_and_described_acts_are_no_events(text, not_type):
    assert not_type not in types(text)


def test_a_halt_is_still_a_retreat():
    assert "RETREAT" in types("The Taliban halted its military operations against Pakistan on Sunday.")


@pytest.mark.parametrize("text, etype", [
    ("Islamic State militants beheaded two soldiers near Palmyra on Friday.", "ASSAULT"),
    ("Sudanese forces closed the Sabreen market in Omdurman on Sunday.", "COERCE"),
    ("Russia annexed Crimea in March 2014.", "COERCE"),
])
def test_common_acts_of_wire_copy(text, etype):
    assert etype in types(text), [(e.type, e.trigger) for e in events(text)]


def test_what_a_warning_names_did_not_happen():
    assert types("The United Nations warned of killings by the RSF in El Fasher.") == []
    assert types("The UN warned of an escalation of attacks by the RSF on El Fasher.") == []
    assert "THREATEN" not in types("The US State Department warned Americans against travel to Haiti on Friday.")
    assert "THREATEN" in types("Israel warned Hezbollah against attacks on its territory.")


# -- short conflict reports (eval/short ERRORS.md patterns 2, 6-8): policy, aid, MOBILIZE, violence ----

@pytest.mark.parametrize("text, etype, mode", [
    ("Rebels and soldiers exchanged fire near Goma on Sunday.", "ASSAULT", "firearms"),
    ("Rebels looted the central market in Bentiu on Monday.", "COERCE", "seize"),
    ("Police recovered a cache of weapons near Quetta on Tuesday.", "COERCE", "seize"),
    ("The army established a forward operating base near Menaka.", "MOBILIZE", "troops"),
    ("Soldiers set up a new military camp near Kidal on Friday.", "MOBILIZE", "troops"),
    ("Rebels set up a militia in the north of the country.", "MOBILIZE", "militia"),
    ("Russia moved additional troops to the border with Finland.", "MOBILIZE", "troops"),
    ("Israel called up 300,000 reservists on Saturday.", "MOBILIZE", "troops"),
    ("Pakistan put its air force on high alert on Sunday.", "MOBILIZE", "troops"),
    ("Police placed the opposition leader under house arrest in Dhaka.", "COERCE", "arrest"),
    ("The United States revoked the visas of 20 Nicaraguan officials.", "SANCTION", "discontinue"),
    ("The Kremlin ruled out negotiations with Ukraine on Monday.", "REJECT", "meet"),
    ("Macron spoke by phone with Zelensky on Monday.", "CONSULT", "phone"),
    ("Students staged a vigil outside the parliament in Bangkok.", "PROTEST", "demo"),
    ("Protesters held a sit-in outside the education ministry in Rabat.", "PROTEST", "obstruct"),
])
def test_short_report_acts(text, etype, mode):
    found = [(e.type, e.mode) for e in events(text)]
    assert (etype, mode) in found, found


@pytest.mark.parametrize("text, etype", [
    ("The World Food Programme distributed food to displaced families in Kalemie.", "AID"),
    ("The World Bank approved a 500 million dollar loan for Ethiopia.", "AID"),
    ("Jordan airdropped food parcels over northern Gaza on Tuesday.", "AID"),
    ("The United States provided 50 million dollars to refugees in Bangladesh.", "AID"),
    ("Colombian police carried out a joint operation with Ecuadorian police.", "COOPERATE"),
    ("France and Germany exchanged intelligence on suspected extremists.", "COOPERATE"),
])
def test_short_report_aid_and_cooperation(text, etype):
    assert etype in types(text)


@pytest.mark.parametrize("text, not_type", [
    ("An officer who spoke to Reuters said the command had collapsed.", "CONSULT"),
    ("Refugees set up a camp near the border with Chad.", "MOBILIZE"),
    ("The president dissolved parliament and called early elections.", "COERCE"),
])
def test_short_report_non_readings(text, not_type):
    assert not_type not in types(text)


@pytest.mark.parametrize("text, etype, mode", [
    ("Workers at the port staged a strike on Monday, halting exports.", "PROTEST", "strike"),
    ("Workers held a strike in Nairobi over unpaid wages.", "PROTEST", "strike"),
    ("Workers extended their strike against the reform into a third week.", "PROTEST", "strike"),
    ("Israel staged strikes on Hezbollah positions on Sunday.", "ASSAULT", None),
    ("Israel staged an air strike in Gaza on Sunday.", "ASSAULT", "aerial"),
    ("Soldiers seized 300 rifles from smugglers near the border.", "COERCE", "seize"),
    ("Police seized a shipment of cocaine at the port of Antwerp.", "COERCE", "seize"),
])
def test_a_strike_staged_is_a_labour_strike_unless_it_is_on_a_target(text, etype, mode):
    found = [(e.type, e.mode) for e in events(text)]
    assert found and found[0] == (etype, mode), found
