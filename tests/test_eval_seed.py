"""The seed suite's reader and scorer, on a gold reading written for these tests
(tests/data/eval/seed/) and an output document built by hand with known right and wrong parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.contract import (
    Actor, ActorRef, ArticleMeta, Claim, Contradiction, Document, Event, Place, Quote, Relation, Span,
    TimeExpression,
)
from sitrep.errors import EvalDataError
from sitrep.evaluation.seed import Resolver, SeedGold, score_seed

DATA = Path(__file__).parent / "data" / "eval" / "seed"


@pytest.fixture(scope="module")
def gold() -> SeedGold:
    return SeedGold.load(DATA)


def sp(text: str, phrase: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(phrase, i + 1)
    return Span(text=phrase, start=i, end=i + len(phrase))


def sentence(text: str, phrase: str) -> Span:
    i = text.index(phrase)
    s = text.rfind("\n", 0, i) + 1
    e = text.find("\n", i)
    e = len(text) if e < 0 else e
    return Span(text=text[s:e], start=s, end=e)


def ref(aid: str, text: str) -> ActorRef:
    return ActorRef(actor_id=aid, text=text)


def build_doc(text: str) -> Document:
    """A reading with known successes and mistakes (see the expected figures in the tests)."""
    actors = [
        Actor(id="a_ken", name="Kenya", kind="state", country="KEN", aliases=["Nairobi"]),
        Actor(id="a_som", name="Somalia", kind="state", country="SOM"),
        Actor(id="a_shb", name="al-Shabaab", kind="armed_group", sector="REB"),
        Actor(id="a_icu", name="Islamic Courts Union", kind="organization"),
        Actor(id="a_au", name="African Union", kind="igo", aliases=["AU"]),
        Actor(id="a_usa", name="United States", kind="state", country="USA"),
        Actor(id="a_oti", name="Peter Otieno", kind="person", country="KEN", affiliation="a_ken"),
    ]
    ev = lambda i, typ, src, tgt, trig, **kw: Event(  # noqa: E731
        id=i, type=typ, source=src, target=tgt, trigger=trig, sentence=sentence(text, trig), confidence=0.8, **kw)
    events = [
        # matches E1 (type, source, target) with the right location
        ev("e1", "ASSAULT", ref("a_shb", "al-Shabaab fighters"), ref("a_ken", "Kenyan troops"), "attack",
           location="p_man"),
        # matches E2 with the right year
        ev("e2", "SANCTION", ref("a_usa", "the United States"), ref("a_shb", "Al-Shabaab"), "designated", date="2008"),
        # the denial read as an act: a must-not error, and matches no gold event
        ev("e3", "ASSAULT", ref("a_som", "Somalia"), None, "denied"),
        # matches the optional O2, but put in Nairobi: a must-not error
        ev("e4", "REQUEST", ref("a_ken", "Nairobi"), ref("a_au", "the African Union"), "asked", location="p_nai"),
        # negated: not scored for precision
        ev("e5", "COERCE", ref("a_ken", "Kenyan police"), None, "arrested", negated=True),
    ]
    quotes = [
        Quote(id="q1", speaker=ref("a_oti", "Peter Otieno"), kind="direct",
              **sp(text, "We will not allow these militants to cross into our territory,").model_dump()),
        Quote(id="q2", speaker=ref("a_som", "Somalia"), kind="partial",
              **sp(text, "remains on high alert").model_dump()),
    ]
    places = [
        Place(id="p_man", name="Mandera", lat=3.93, lon=41.85, country_code="KE", feature="city",
              mentions=[sp(text, "Mandera")]),
        Place(id="p_gar", name="Garissa", lat=0.45, lon=39.65, country_code="KE", feature="city",
              mentions=[sp(text, "Garissa")]),  # 100 km off: found, not right
        Place(id="p_som", name="Somalia", country_code="SO", feature="country", mentions=[sp(text, "Somalia", 1)]),
        Place(id="p_nai", name="Nairobi", lat=-1.28, lon=36.82, country_code="KE", feature="city",
              mentions=[sp(text, "Nairobi")]),
    ]
    dates = [
        TimeExpression(**sp(text, "Tuesday").model_dump(), value="2025-03-04", precision="day"),
        TimeExpression(**sp(text, "Wednesday").model_dump(), value="2025-02-26", precision="day"),  # wrong week
        TimeExpression(**sp(text, "since 2008").model_dump(), value="2008", precision="year", relation="since"),
    ]
    c1 = sp(text, "about 12,000 troops")
    c2 = sp(text, "10,000")
    claims = [
        Claim(id="c1", subject=ref("a_au", "The African Union"), property="troops", value=12000, approx=True,
              place="p_som", attributed_to=ref("a_au", "the mission"), start=c1.start, end=c1.end),
        Claim(id="c2", subject=ref("a_au", "The African Union"), property="troop", value=10000, approx=False,
              place="p_som", attributed_to=None, start=c2.start, end=c2.end),  # misses its attribution
    ]
    r = sentence(text, "designated")
    relations = [
        Relation(type="designated_terrorist_by", subject=ref("a_shb", "Al-Shabaab"),
                 object=ref("a_usa", "the United States"), since="2008", start=r.start, end=r.end),
        Relation(type="offshoot of", subject=ref("a_shb", "Al-Shabaab"),
                 object=ref("a_icu", "the Islamic Courts Union"), start=r.start, end=r.end),
    ]
    return Document(article=ArticleMeta(id="border_raid", published="2025-03-06"), text=text, actors=actors,
                    events=events, quotes=quotes, places=places, dates=dates, claims=claims, relations=relations,
                    contradictions=[Contradiction(claims=["c1", "c2"], reason="12000 vs 10000 troops")])


def figures(gold, doc):
    r = score_seed(gold, doc)
    return r, {m.name: (m.numerator, m.denominator) if m.kind == "ratio" else m.value for m in r.metrics}


def test_loads_gold_and_article(gold):
    assert gold.article_path.name == "border_raid.txt"
    assert gold.published == "2025-03-06"
    assert len(gold.required) == 3 and len(gold.optional) == 2 and len(gold.must_not) == 2
    art = gold.article()
    assert art.text.startswith("Kenya repels") and art.published == "2025-03-06"


def test_equivalences_from_prose_and_affiliation(gold):
    assert gold.equivalences["OTIENO"] == {"KEN"}
    assert gold.equivalences["MOD"] == {"KEN"}
    assert gold.equivalences["SHABAAB"] == set()
    assert gold.actors["KEN"].is_state and not gold.actors["OTIENO"].is_state


def test_resolver_names_iso3_wikidata_and_affiliation(gold):
    text = gold.text
    doc = build_doc(text)
    doc.actors.append(Actor(id="x1", name="Republic of Kenya", kind="state", country="KEN"))   # by ISO3
    doc.actors.append(Actor(id="x2", name="AU Commission", kind="igo", wikidata="Q7159"))     # by Wikidata
    doc.actors.append(Actor(id="x3", name="the Kenyan Defence Forces", kind="organization",
                            country="KEN", affiliation="a_ken"))                                # by affiliation
    doc.actors.append(Actor(id="x4", name="the cabinet", kind="organization", country="KEN", sector="GOV"))
    doc.actors.append(Actor(id="x5", name="a minister", kind="person", country="KEN", sector="GOV"))
    res = Resolver(gold, doc)
    assert res.strict(ref("x1", "the republic")) == {"KEN"}
    assert res.strict(ref("x4", "the cabinet")) == {"KEN"}      # a government body counts as its state
    assert res.strict(ref("x5", "a minister")) == set()         # a person only through an affiliation
    assert res.strict(ref("x2", "the commission")) == {"AU"}
    assert res.strict(ref("x3", "KDF")) == set()
    assert res.expanded(ref("x3", "KDF")) == {"KEN"}
    assert res.strict(ref("a_oti", "he")) == {"OTIENO"}
    assert res.expanded(ref("a_oti", "he")) == {"OTIENO", "KEN"}
    # case-insensitive, "the" and a possessive ignored
    assert res.strict(ref("nobody", "AL-SHABAAB's")) == {"SHABAAB"}


def test_hand_checked_figures(gold):
    r, f = figures(gold, build_doc(gold.text))
    assert f["required events found"] == (2, 3)          # E1, E2 found; E3 (COERCE) only negated
    assert f["must-not errors"] == 2                     # the denial, and the event placed in Nairobi
    assert f["event precision"] == (3, 4)                # e1, e2, e4 (optional O2) of 4 non-negated
    assert f["found events with right location"] == (1, 2)
    assert f["found events with right date"] == (1, 2)
    assert f["quotes found"] == (2, 2)
    assert f["quotes with right speaker"] == (1, 2)
    assert f["relations found"] == (2, 3)
    assert f["lineage relations found"] == (1, 1)
    assert f["relations with right since"] == (1, 1)
    assert f["places right"] == (2, 3)                   # Garissa is 100 km off
    assert f["places found"] == (3, 3)
    assert f["dates right"] == (2, 3)                    # Wednesday resolved to the wrong week
    assert f["claims found"] == (2, 2)
    assert f["claims fully right"] == (1, 2)
    assert f["contradictions found"] == (1, 1)
    assert f["actor merges"] == 0
    assert r.details["required events missed"] == ["E3"]
    assert {e["event"] for e in r.details["must-not errors"]} == {"e3", "e4"}
    assert r.key_lines[0] == "required events found: 2/3"
    assert r.key_lines[2] == "event precision: 0.75 (3/4)"


def test_empty_document_scores_zero(gold):
    doc = Document(article=ArticleMeta(id="x"), text=gold.text)
    r, f = figures(gold, doc)
    assert f["required events found"] == (0, 3)
    assert r.metric("event precision").value is None
    assert f["must-not errors"] == 0
    assert r.key_lines[2] == "event precision: n/a (no events)"


def test_affiliated_person_counts_as_state_for_events(gold):
    doc = build_doc(gold.text)
    doc.events.append(doc.events[4].model_copy(update={
        "id": "e6", "negated": False, "source": ref("a_oti", "Otieno"), "location": "p_gar"}))
    r, f = figures(gold, doc)
    assert f["required events found"] == (3, 3)
    assert f["found events with right location"] == (2, 2)   # by place name; coordinates are scored under places


def test_merged_lineage_is_an_error(gold):
    doc = build_doc(gold.text)
    doc.actors[2] = doc.actors[2].model_copy(update={"aliases": ["Islamic Courts Union"]})
    r, f = figures(gold, doc)
    assert f["actor merges"] == 1
    assert r.details["actor merges"] == ["al-Shabaab: ICU + SHABAAB"]


def test_missing_gold_file(tmp_path):
    with pytest.raises(EvalDataError):
        SeedGold.load(tmp_path)
    (tmp_path / "gold.json").write_text("[1, 2]")
    with pytest.raises(EvalDataError):
        SeedGold.load(tmp_path)


def test_pipeline_failure_is_a_stage_error_not_a_data_error():
    from sitrep.errors import StageError
    from sitrep.evaluation.seed import evaluate_seed
    from sitrep.pipeline import Pipeline
    from sitrep.stages.base import Stage

    class Broken(Stage):
        name = "broken"

        def process(self, state):
            raise RuntimeError("boom")

    with pytest.raises(StageError) as info:
        evaluate_seed(DATA, pipeline=Pipeline([Broken()]))
    assert "boom" in str(info.value)


def test_evaluate_seed_with_a_custom_pipeline():
    from sitrep.evaluation.seed import evaluate_seed
    from sitrep.pipeline import Pipeline
    from sitrep.stages.base import Stage

    class Nothing(Stage):
        name = "nothing"

        def process(self, state):
            pass

    r = evaluate_seed(DATA, pipeline=Pipeline([Nothing()]))
    assert r.metric("required events found").denominator == 3 and r.seconds > 0
