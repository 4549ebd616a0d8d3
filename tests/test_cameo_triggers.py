"""The generated CAMEO trigger candidates: the generator's rules on a small dictionary written here,
the checked-in file (valid, as expected for known verbs, fresh), and the measurement's look-ups."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.lexicon.cameo import load_cameo_triggers, parse_cameo_triggers
from sitrep.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "gen_cameo_triggers.py"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def gen():
    return _load("gen_cameo_triggers")


# A dictionary in PETRARCH2's format, small enough to read: one synset, five blocks.
TOY_DICT = """\
# a comment
&WEAPON
+ROCKET
+MORTAR_SHELL

####### VERB PATTERNS #######

---  ATTACK   [190]  ---
ATTACK
SHELL
BOMB [195]
- * &WEAPON (AT +)                                   [194]         # SHELL
- $ * (WITH +)                                       [193]         # ATTACK
- * {MOCK ATTACK}                                    [062]         # SHELL
- * ELECTIONS                                        [---]         # ATTACK

---  COMPROMISE   [080]  ---
NEGOTIATE
- * (WITH)                                           [046]         # NEGOTIATE

---  ASK   [---]  ---
ASK  [020]
PLEAD

---  LAUNCH   [---]  ---
LAUNCH
- * ATTACKS                                          [190]         # LAUNCH
- * {AIR STRIKE}                                     [195]         # LAUNCH
- * PROBE                                            [090]         # LAUNCH
- * OFFENSIVE                                        [190]         # LAUNCH
- * (IN COURT)                                       [:173]        # LAUNCH
- * WAR                                              [190]         # UNKNOWN_VERB

---  SEIZE   [171]  ---
SEIZE
CLASH {CLASHES CLASHED CLASHING} [190]
+TAKE_OVER {+TAKES_OVER +TOOK_OVER +TAKEN_OVER +TAKING_OVER}
- * SEIZURES                                         [1711]        # SEIZE
- * (IN CLASHES)                                     [190]         # SEIZE
- *                                                  [192]         # TAKE_OVER
"""

TOY_MAP = """\
# CAMEO to PLOVER conversion table (a few lines)
04: CONSULT
046: CONSULT,   , diplomatic    # Engage in negotiation
062: COOPERATE,   ,   military # Cooperate militarily
08: CONCEDE
080: CONCEDE,   ,  # Yield
09: ACCUSE
090: ACCUSE, investigate,  # Investigate
163: COERCE, restrict,   diplomatic # Impose embargo, boycott, or sanctions
171: COERCE, seize, human_security    # Seize or damage property
1711: COERCE, seize, human_security   # Confiscate property
173: COERCE, arrest, legal            # Arrest, detain, or charge with legal action
183: ASSAULT,  suicide-attack,  # Conduct suicide, car, or other non-military bombing
1832: ASSAULT, explosives,    # Carry out car bombing
190: ASSAULT, , military # Use conventional military force
192: COERCE, seize, military          # Occupy territory
193: ASSAULT, firearms, military # Fight with small arms and light weapons
194: ASSAULT, heavy-weapons, military # Fight with artillery and tanks
195: ASSAULT, heavy-weapons, military # Employ aerial weapons
"""


@pytest.fixture
def toy(tmp_path, gen):
    d, m = tmp_path / "CAMEO.toy.txt", tmp_path / "CAMEO2PLOVER.toy.txt"
    d.write_text(TOY_DICT, encoding="utf-8")
    m.write_text(TOY_MAP, encoding="utf-8")
    return d, m, gen.build(d, m)


# ------------------------------------------------------------------------------- the generator's rules
def test_a_verb_takes_its_own_code_else_a_bare_pattern_else_its_block_else_its_patterns(toy):
    verbs = toy[2]["verbs"]
    assert verbs["bomb"] == {"type": "ASSAULT", "mode": "aerial", "map_mode": "heavy-weapons", "cameo": "195",
                             "basis": "own"}
    assert verbs["shell"]["type"] == "ASSAULT" and verbs["shell"]["basis"] == "block"
    assert verbs["take over"]["cameo"] == "192" and verbs["take over"]["basis"] == "bare"
    assert verbs["clash"]["basis"] == "own"
    # a block without a code: the most frequent type among the patterns that name the verb
    assert verbs["launch"] == {"type": "ASSAULT", "cameo": "190", "basis": "patterns", "votes": 3, "of": 5}
    # the COMPROMISE block gives negotiate CAMEO 080 (Yield) whatever its patterns say
    assert verbs["negotiate"]["type"] == "CONCEDE"


def test_codes_the_map_leaves_out_give_no_entry(toy):
    verbs = toy[2]["verbs"]
    assert "ask" not in verbs  # [020]: CAMEO 02 appeals, which PLOVER dropped
    assert "plead" not in verbs  # a null block and no patterns
    assert "attack elections" not in toy[2]["phrases"]  # [---]


def test_phrases_keep_particles_objects_prepositions_and_argument_hints(toy):
    phrases = toy[2]["phrases"]
    assert phrases["shell &weapon at"] == {"type": "ASSAULT", "mode": "heavy-weapons", "cameo": "194",
                                           "verb": "shell", "object": "&weapon", "prep": "at",
                                           "target": "prep:at"}
    assert phrases["attack with"]["source"] == "subject" and phrases["attack with"]["target"] == "prep:with"
    assert phrases["shell mock attack"]["object_mods"] == ["mock"]
    assert phrases["launch attack"]["object"] == "attack"  # "ATTACKS": the head in the singular
    assert phrases["launch in court"]["subject_is_target"] is True  # [:173]
    assert not any(k.startswith(("launch war", "unknown")) for k in phrases)  # its comment names no verb here
    assert toy[2]["synsets"] == {"weapon": ["mortar shell", "rocket"]}


def test_nouns_come_from_the_map_light_verbs_nominalizations_and_the_verbs_own_form(toy):
    nouns = toy[2]["nouns"]
    assert nouns["sanction"]["type"] == "COERCE" and nouns["sanction"]["basis"] == "map"
    assert nouns["car bombing"]["cameo"] == "1832"  # written out beats a shared list head (183)
    assert nouns["suicide bombing"]["cameo"] == "183"
    assert nouns["offensive"] == {"type": "ASSAULT", "cameo": "190", "basis": "light_verb", "via": "launch offensive"}
    assert nouns["air strike"]["mode"] == "aerial"
    assert nouns["probe"]["type"] == "ACCUSE"
    assert nouns["seizure"] == {"type": "COERCE", "mode": "seize", "cameo": "171", "basis": "nominalization",
                                "via": "seize"}
    assert nouns["clash"]["basis"] == "zero_derivation"  # "(IN CLASHES) [190]" uses it as a noun


def test_the_output_is_deterministic_and_valid(toy, gen, tmp_path):
    d, m, data = toy
    text = gen.render(data)
    assert text == gen.render(gen.build(d, m))
    assert text.startswith("# GENERATED by scripts/gen_cameo_triggers.py")
    assert "MIT License" in text and "Attribution-ShareAlike" in text
    model = parse_cameo_triggers(text)
    assert model.phrases["shell &weapon at"].members("&weapon", model.synsets) == ["mortar shell", "rocket"]
    assert 'cameo: "080"' in text  # a code stays a string in any YAML reader
    out = tmp_path / "out.yaml"
    args = [sys.executable, str(SCRIPT), "--dictionary", str(d), "--map", str(m), "--out", str(out)]
    assert subprocess.run(args, capture_output=True).returncode == 0
    assert out.read_text(encoding="utf-8") == text
    assert subprocess.run(args + ["--check"], capture_output=True).returncode == 0
    out.write_text(text.replace("ASSAULT", "ACCUSE", 1), encoding="utf-8")
    r = subprocess.run(args + ["--check"], capture_output=True, text=True)
    assert r.returncode == 1 and "stale" in r.stderr


def test_the_model_rejects_unknown_types_modes_and_misspelt_phrases():
    head = "synsets: {}\nverbs: {}\nnouns: {}\n"
    with pytest.raises(ConfigError, match="unknown PLOVER type"):
        parse_cameo_triggers(head.replace("verbs: {}", "verbs: {x: {type: FIGHT, cameo: '190', basis: own}}"))
    with pytest.raises(ConfigError, match="not a mode of ASSAULT"):
        parse_cameo_triggers(head.replace("verbs: {}", "verbs: {x: {type: ASSAULT, mode: demo, cameo: '190', "
                                                       "basis: own}}"))
    with pytest.raises(ConfigError, match="does not spell"):
        parse_cameo_triggers(head + "phrases: {open fire: {type: ASSAULT, cameo: '193', verb: open, object: gun}}")


# ---------------------------------------------------------------------------------- the checked-in file
def test_the_checked_in_file_validates_and_is_fresh():
    model = load_cameo_triggers()
    assert len(model.verbs) > 1000 and len(model.phrases) > 1000 and len(model.nouns) > 100
    r = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("section,key,type_,mode,cameo", [
    ("verbs", "shell", "ASSAULT", None, "190"),
    ("verbs", "condemn", "ACCUSE", "disapprove", "111"),
    ("verbs", "expel", "COERCE", "deport", "174"),  # PETRARCH2's DEPORT block; the map: 174 COERCE
    ("phrases", "expel diplomat", "SANCTION", "withdraw", "161"),  # the map's SANCTION reading of "expel"
    # PETRARCH2 puts NEGOTIATE in its COMPROMISE block [080] (Yield): CONCEDE. The map's CONSULT
    # reading (046, "Engage in negotiation") comes through the noun.
    ("verbs", "negotiate", "CONCEDE", None, "080"),
    ("nouns", "negotiation", "CONSULT", None, "046"),
    ("verbs", "arrest", "COERCE", "arrest", "173"),
    ("phrases", "open fire", "ASSAULT", "firearms", "193"),
    ("phrases", "take control", "COERCE", "seize", "192"),
    ("nouns", "bombing", "ASSAULT", None, "190"),
    ("nouns", "clash", "ASSAULT", None, "190"),
    ("nouns", "seizure", "COERCE", "seize", "171"),
    ("nouns", "protest", "PROTEST", "demo", "141"),
    ("nouns", "sanction", "COERCE", "restrict", "163"),  # the map: 163 is COERCE, not SANCTION
    ("nouns", "hunger strike", "PROTEST", "hunger", "142"),
])
def test_known_entries(section, key, type_, mode, cameo):
    e = getattr(load_cameo_triggers(), section)[key]
    assert (e.type, e.mode, e.cameo) == (type_, mode, cameo)


def test_statements_and_appeals_are_not_triggers():
    verbs = load_cameo_triggers().verbs
    assert not {"say", "ask", "appeal", "comment"} & set(verbs)


# --------------------------------------------------------------------------- the measurement's look-ups
def _doc(words, lemmas, pos, heads, deps, tags=None):
    return Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, heads=heads, deps=deps,
               tags=tags or ["" for _ in words])


def test_the_measurement_finds_phrases_before_verbs_and_hand_written_senses_with_their_conditions():
    mt = _load("measure_triggers")
    from sitrep.datafiles import load_data

    hand = mt.HandLexicon(load_data("event_triggers.yaml"))
    gen = mt.GeneratedLexicon(load_cameo_triggers())
    # "Troops opened fire on protesters"
    doc = _doc(["Troops", "opened", "fire", "on", "protesters"], ["troop", "open", "fire", "on", "protester"],
               ["NOUN", "VERB", "NOUN", "ADP", "NOUN"], [1, 1, 1, 1, 3], ["nsubj", "ROOT", "dobj", "prep", "pobj"])
    g, h = gen.lookup(doc[1]), hand.lookup(doc[1])
    assert (g.type, g.entry) == ("ASSAULT", "phrase:open fire")
    assert (h.type, h.entry) == ("ASSAULT", "verb:open")  # the hand-written sense "open" + objects [fire]
    # "They opened talks": no hand-written sense holds (its objects are border, fire, investigation ...)
    doc = _doc(["They", "opened", "talks"], ["they", "open", "talk"], ["PRON", "VERB", "NOUN"], [1, 1, 1],
               ["nsubj", "ROOT", "dobj"], ["PRP", "VBD", "NNS"])
    assert hand.lookup(doc[1]) is None
    assert hand.lookup(doc[2]).type == "CONSULT"  # "talks", plural only
    hits = mt.lookups(doc, hand, gen)
    assert all(not (g and g.type == "CONSULT" and not g.dup) for tok, h, g in hits if tok.i == 1)
