"""The knowledge-base data files (src/sitrep/kb/data/*.yaml): format, references, quality, coverage.

Self-contained: it validates the files against FORMAT.md without the KB loader, so that the data and
the loader are each checked on their own.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "sitrep" / "kb" / "data"
FILES = {
    "states.yaml": {"state"},
    "igos.yaml": {"igo"},
    "armed_groups.yaml": {"armed_group", "group"},
    "organizations.yaml": {"organization"},
    "media.yaml": {"media", "organization"},
    "people.yaml": {"person"},
}
KINDS = {"state", "organization", "armed_group", "person", "igo", "media", "group"}
SECTORS = {"GOV", "MIL", "REB", "COP", "JUD", "LEG", "PTY", "SPY", "OPP", "INS", "IGO", "NGO", "JRN",
           "BUS", "REL", "EDU", "MED", "CVL", "UAF", "ELI", "LAB", "REF", "HLH", "AGR", "CRM", "SEP"}
FIELDS = {"id", "name", "kind", "country", "sector", "wikidata", "aliases", "former_names",
          "predecessors", "affiliation", "demonyms", "metonyms", "roles", "relations"}
ID_RE = re.compile(r"^[A-Z0-9_]+$")
QID_RE = re.compile(r"^Q[1-9]\d*$")
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
ACRONYM_RE = re.compile(r"^(?:[A-Z]\.){1,6}$|^[A-Z][A-Z0-9&]{0,5}$")
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}

# Names deliberately shared by two entries (the loader's kind priority or context decides).
ALLOWED_DUPLICATES: set[str] = set()
# the coverage the issue asks for
PEOPLE_TARGET = 300


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2013", "-"))
    return "".join(c for c in text if not unicodedata.combining(c))


def key(name: str) -> str:
    """How a loader compares names: acronyms exactly (dots dropped), others case-insensitively."""
    s = fold(name).strip()
    if s[:4].lower() == "the ":
        s = s[4:]
    if ACRONYM_RE.match(s):
        return s.replace(".", "")
    s = re.sub(r"(?:'s|')$", "", s).lower().replace("'", "")
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as f:
        data = yaml.load(f, Loader=_Loader)  # noqa: S506 - CSafeLoader or SafeLoader
    assert isinstance(data, list), f"{name} must be a YAML list of entries"
    return data


@pytest.fixture(scope="module")
def kb() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for fname in FILES:
        for e in load(fname):
            assert isinstance(e, dict), f"{fname}: entry {e!r} is not a mapping"
            e = dict(e, _file=fname)
            assert e.get("id") not in out, f"duplicate id {e.get('id')} in {fname}"
            out[e["id"]] = e
    return out


def names_of(e: dict) -> list[str]:
    return [e["name"], *(e.get("aliases") or []), *(f["name"] for f in e.get("former_names") or [])]


def _date(v, where):
    s = v.isoformat() if hasattr(v, "isoformat") else str(v)
    assert DATE_RE.match(s), f"{where}: bad date {v!r}"
    return s


def test_files_parse_and_entries_well_formed(kb):
    for eid, e in kb.items():
        where = f"{e['_file']}:{eid}"
        assert set(e) - {"_file"} <= FIELDS, f"{where}: unknown fields {set(e) - FIELDS - {'_file'}}"
        assert ID_RE.match(eid), where
        assert e["kind"] == "state" or eid not in ISO3, f"{where}: id clashes with a country code"
        assert isinstance(e.get("name"), str) and e["name"].strip() == e["name"] and e["name"], where
        assert e.get("kind") in KINDS, where
        assert e["kind"] in FILES[e["_file"]], f"{where}: kind {e['kind']} does not belong in this file"
        if "country" in e:
            assert e["country"] in ISO3, f"{where}: bad country {e['country']}"
        if "sector" in e:
            assert e["sector"] in SECTORS, f"{where}: bad sector {e['sector']}"
        if "wikidata" in e:
            assert isinstance(e["wikidata"], str) and QID_RE.match(e["wikidata"]), where
        for fld in ("aliases", "demonyms", "metonyms", "predecessors"):
            v = e.get(fld)
            if v is None:
                continue
            assert isinstance(v, list) and v, f"{where}: {fld} must be a non-empty list"
            for x in v:
                assert isinstance(x, str) and x.strip() == x and x, f"{where}: {fld} item {x!r}"
            assert len(set(v)) == len(v), f"{where}: repeated {fld}"
        for fn in e.get("former_names") or []:
            assert set(fn) <= {"name", "since", "until"} and fn.get("name"), where
            for d in ("since", "until"):
                if d in fn:
                    _date(fn[d], where)
        for r in e.get("roles") or []:
            assert set(r) <= {"role", "affiliation", "sector", "since", "until"}, f"{where}: {r}"
            assert isinstance(r.get("role"), str) and r["role"], where
            if "sector" in r:
                assert r["sector"] in SECTORS, f"{where}: role sector {r['sector']}"
            s = _date(r["since"], where) if "since" in r else None
            u = _date(r["until"], where) if "until" in r else None
            if s and u:
                assert s <= u + "~", f"{where}: role {r['role']} ends before it starts"
        for r in e.get("relations") or []:
            assert set(r) <= {"type", "object", "since", "until"} and r.get("type") and r.get("object")
            for d in ("since", "until"):
                if d in r:
                    _date(r[d], where)


def test_kind_specific_fields(kb):
    for eid, e in kb.items():
        if e["kind"] != "state":
            assert "demonyms" not in e, f"{eid}: demonyms are for states"
        if e["kind"] != "person":
            assert "roles" not in e, f"{eid}: roles are for persons"
        else:
            assert e.get("roles"), f"{eid}: a person needs at least one role"


def test_references_exist(kb):
    for eid, e in kb.items():
        refs = [e.get("affiliation")] + list(e.get("predecessors") or [])
        refs += [r.get("affiliation") for r in e.get("roles") or []]
        refs += [r.get("object") for r in e.get("relations") or []]
        for ref in refs:
            if ref is not None:
                assert ref in kb, f"{eid}: reference to unknown id {ref}"
                assert ref != eid, f"{eid}: refers to itself"


def test_wikidata_ids_unique(kb):
    seen: dict[str, str] = {}
    for eid, e in kb.items():
        q = e.get("wikidata")
        if q:
            assert q not in seen, f"{eid} and {seen[q]} share {q}"
            seen[q] = eid


def test_alias_quality(kb):
    """No alias fires on ordinary text: short forms only as all-caps acronyms, every name capitalised
    (a loader never matches a capitalised name against all-lower-case text), no possessives."""
    for eid, e in kb.items():
        for fld, items in (("names", names_of(e)), ("demonyms", e.get("demonyms") or []),
                           ("metonyms", e.get("metonyms") or [])):
            for n in items:
                where = f"{eid} {fld} {n!r}"
                letters = re.sub(r"[^A-Za-z]", "", fold(n))
                assert letters, where
                if len(letters) <= 3:
                    assert ACRONYM_RE.match(fold(n).strip()) or n[0].isupper(), where
                if e["id"] != "IEFIMERIDA" and e["id"] != "DPA":
                    assert any(c.isupper() for c in n), f"{where}: all lower case"
                assert not re.search(r"'s$", n), f"{where}: possessive (loaders strip it)"
                assert "(" not in n or fld == "names" and n == e["name"], f"{where}: parenthesis"
                assert "  " not in n, where
        # the canonical name is not repeated among its own aliases
        assert e["name"] not in (e.get("aliases") or []), f"{eid}: name repeated in aliases"


def test_no_name_is_an_english_function_word(kb):
    """"us", "is", "it", "may" never name an actor; "US", "IS", "WHO" do, in capitals only."""
    from spacy.lang.en.stop_words import STOP_WORDS

    for eid, e in kb.items():
        for n in names_of(e) + list(e.get("demonyms") or []) + list(e.get("metonyms") or []):
            t = n[4:] if n.lower().startswith("the ") else n
            if t.lower() in STOP_WORDS:
                assert ACRONYM_RE.match(t), f"{eid}: {n!r} is an English function word"


def test_duplicate_names_are_deliberate(kb):
    owners: dict[str, set[str]] = defaultdict(set)
    for eid, e in kb.items():
        for n in names_of(e):
            owners[key(n)].add(eid)
    dups = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    unexpected = {k: v for k, v in dups.items() if k not in ALLOWED_DUPLICATES}
    assert not unexpected, f"names shared by several entries: {unexpected}"


def test_demonyms_and_metonyms_unique(kb):
    for fld in ("demonyms", "metonyms"):
        owners: dict[str, set[str]] = defaultdict(set)
        for eid, e in kb.items():
            for n in e.get(fld) or []:
                owners[key(n)].add(eid)
        dups = {k: v for k, v in owners.items() if len(v) > 1}
        assert not dups, f"{fld} shared by several entries: {dups}"


def test_demonyms_and_metonyms_do_not_name_other_entries(kb):
    owners: dict[str, set[str]] = defaultdict(set)
    for eid, e in kb.items():
        for n in names_of(e):
            owners[key(n)].add(eid)
    for eid, e in kb.items():
        for n in (e.get("demonyms") or []) + (e.get("metonyms") or []):
            others = owners.get(key(n), set()) - {eid}
            assert not others, f"{eid}: {n!r} also names {sorted(others)}"


def _gen_states():
    spec = importlib.util.spec_from_file_location("gen_states", ROOT / "scripts" / "gen_states.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_gen_states_rules():
    mod = _gen_states()
    assert mod._plural(["Syrian", "Iraqi", "Chinese", "Frenchman", "I-Kiribati"]) == [
        "Syrian", "Syrians", "Iraqi", "Iraqis", "Chinese", "Frenchman", "I-Kiribati"]
    assert mod._readable("Korea, Republic of") is None
    assert mod._readable("Falkland Islands (Malvinas)") is None
    assert mod._readable("the State of Eritrea") == "State of Eritrea"
    by_id = {e["id"]: e for e in mod.build()}
    assert "Congo" not in by_id["COG"].get("aliases", []) and "Congo" in by_id["COD"]["aliases"]
    assert by_id["XKX"]["name"] == "Kosovo" and by_id["IRN"]["name"] == "Iran"


def test_states_file_is_current():
    mod = _gen_states()
    assert (DATA / "states.yaml").read_text(encoding="utf-8") == mod.render(mod.build()), (
        "states.yaml is stale: run python scripts/gen_states.py"
    )


# ---------------------------------------------------------------------------------------- coverage
def test_every_state(kb):
    states = {eid for eid, e in kb.items() if e["kind"] == "state"}
    assert {c.alpha_3 for c in pycountry.countries} <= states
    assert {"XKX", "PSE", "TWN"} <= states
    assert sum(1 for s in states if kb[s].get("wikidata")) >= 60
    assert sum(1 for s in states if kb[s].get("demonyms")) >= 150
    assert sum(1 for s in states if kb[s].get("metonyms")) >= 100


_INDEX: dict[int, dict[str, set[str]]] = {}


def _resolve(kb, name):
    """Ids of the entries one of whose names is ``name`` (as a loader compares names)."""
    index = _INDEX.get(id(kb))
    if index is None:
        index = defaultdict(set)
        for eid, e in kb.items():
            for n in names_of(e):
                index[key(n)].add(eid)
        _INDEX.clear()
        _INDEX[id(kb)] = index
    return set(index.get(key(name), ()))


@pytest.mark.parametrize("sid,forms", [
    ("USA", ["US", "U.S.", "USA", "United States", "United States of America", "America"]),
    ("GBR", ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"]),
    ("RUS", ["Russia", "Russian Federation"]),
    ("IRN", ["Iran", "Islamic Republic of Iran"]),
    ("SYR", ["Syria", "Syrian Arab Republic"]),
    ("TUR", ["Turkey", "Türkiye"]),
    ("PRK", ["North Korea", "DPRK"]),
    ("KOR", ["South Korea"]),
    ("COD", ["DR Congo", "DRC", "Democratic Republic of the Congo"]),
    ("CIV", ["Ivory Coast", "Côte d'Ivoire"]),
])
def test_state_short_forms(kb, sid, forms):
    for f in forms:
        assert _resolve(kb, f) == {sid}, f


@pytest.mark.parametrize("sid,demonym,metonym", [
    ("USA", "Americans", "Washington"), ("RUS", "Russian", "Moscow"), ("SYR", "Syrian", "Damascus"),
    ("IRN", "Iranian", "Tehran"), ("TUR", "Turkish", "Ankara"), ("CHN", "Chinese", "Beijing"),
    ("UKR", "Ukrainians", "Kyiv"), ("UKR", "Ukrainian", "Kiev"), ("ISR", "Israelis", "Jerusalem"),
    ("SAU", "Saudi", "Riyadh"), ("QAT", "Qatari", "Doha"), ("EGY", "Egyptian", "Cairo"),
    ("IRQ", "Iraqi", "Baghdad"), ("LBN", "Lebanese", "Beirut"), ("FRA", "French", "Paris"),
    ("GBR", "British", "London"), ("DEU", "German", "Berlin"),
])
def test_demonyms_and_metonyms(kb, sid, demonym, metonym):
    assert demonym in kb[sid]["demonyms"]
    assert metonym in kb[sid]["metonyms"]


def test_seats_of_government(kb):
    for name, state in [("White House", "USA"), ("Pentagon", "USA"), ("State Department", "USA"),
                        ("Kremlin", "RUS"), ("Elysee", "FRA"), ("Downing Street", "GBR")]:
        (eid,) = _resolve(kb, name)
        chain, cur = [], eid
        while cur and cur not in ISO3:
            chain.append(cur)
            cur = kb[cur].get("affiliation")
        assert cur == state, f"{name} -> {chain} -> {cur}"
    assert "Brussels" in kb["EU"]["metonyms"]


def test_igos(kb):
    igos = [e for e in kb.values() if e["kind"] == "igo"]
    assert len(igos) >= 60
    for n in ["UN", "UNHCR", "UNICEF", "WFP", "OCHA", "UNRWA", "WHO", "IAEA", "UNSC", "UNGA", "NATO",
              "EU", "AU", "Arab League", "OPEC", "ICC", "ICJ", "OSCE", "ASEAN", "GCC", "OIC", "SCO",
              "BRICS", "G7", "G20", "IMF", "World Bank", "ECOWAS", "IGAD", "SADC", "CSTO", "Interpol",
              "OPCW", "United Nations", "U.N.", "UN Security Council"]:
        ids = _resolve(kb, n)
        assert len(ids) == 1 and kb[next(iter(ids))]["kind"] == "igo", n


def test_armed_groups(kb):
    groups = [e for e in kb.values() if e["_file"] == "armed_groups.yaml"]
    assert len(groups) >= 150
    for n in ["HTS", "Hay'at Tahrir al-Sham", "Tahrir al-Sham", "Jabhat al-Nusra", "al-Nusra Front",
              "Nusra Front", "the Nusra Front", "Jabhat Fateh al-Sham", "al-Qaeda", "Al Qaeda", "al-Qaida",
              "AQAP", "AQIM", "al-Shabaab", "JNIM", "ISIS", "Islamic State", "ISIL", "Daesh", "IS", "ISWAP",
              "ISKP", "IS-Sinai", "Hezbollah", "Hizballah", "Hamas", "PIJ", "Houthis", "Ansar Allah", "SDF",
              "YPG", "PKK", "Wagner", "Africa Corps", "Taliban", "TTP", "Boko Haram", "RSF", "M23", "ADF",
              "FARC", "ELN", "Syrian National Army", "Free Syrian Army", "Ahrar al-Sham", "Jaish al-Islam",
              "Kataib Hezbollah", "PMF", "Azov", "Tigray People's Liberation Front", "Fano", "Arakan Army",
              "KIA", "NPA", "Abu Sayyaf", "Lashkar-e-Taiba", "JeM", "BLA"]:
        assert len(_resolve(kb, n)) == 1, n
    assert "NUSRA" in kb["HTS"]["predecessors"]
    assert "WAGNER" in kb["AFRICA_CORPS"]["predecessors"]
    assert kb["HEZ"]["country"] == "LBN"


def test_people(kb):
    people = [e for e in kb.values() if e["kind"] == "person"]
    assert len(people) >= PEOPLE_TARGET
    for name, role_word, aff in [("Pat Ryder", "Pentagon", "USA"), ("Jake Sullivan", "National Security", "USA"),
                                 ("Matthew Miller", "State Department", "USA"), ("John Kirby", "spokes", "USA"),
                                 ("Bashar al-Assad", "President", "SYR"), ("Abu Mohammad al-Jolani", "", "HTS"),
                                 ("Ahmed al-Sharaa", "President", "SYR")]:
        (eid,) = _resolve(kb, name)
        assert any(role_word in r["role"] and r.get("affiliation") == aff for r in kb[eid]["roles"]), name
    with_dates = sum(1 for p in people if all("since" in r for r in p["roles"]))
    assert with_dates >= 0.9 * len(people)


def test_media(kb):
    for n in ["Reuters", "AP", "Associated Press", "AFP", "CNN", "BBC", "Al Jazeera", "Al Arabiya", "SANA",
              "TASS", "RIA Novosti", "Xinhua", "Anadolu", "IRNA", "Tasnim", "Fars", "New York Times",
              "Washington Post", "Wall Street Journal", "Guardian newspaper", "Financial Times", "Bloomberg",
              "DPA", "ANSA", "Kyodo", "Yonhap", "EFE", "iefimerida.gr"]:
        (eid,) = _resolve(kb, n)
        assert kb[eid]["kind"] == "media" and kb[eid]["sector"] == "JRN", n
    (sohr,) = _resolve(kb, "Syrian Observatory for Human Rights")
    assert kb[sohr]["kind"] == "organization" and kb[sohr]["sector"] == "NGO"


def test_seed_article_actors(kb):
    """Every named actor of a Syria wire story resolves to exactly one entry of the right kind."""
    expect = {"USA": ["US", "U.S.", "United States"], "RUS": ["Russia", "Russian Federation"],
              "IRN": ["Iran"], "HTS": ["Hayat Tahrir al-Sham", "HTS"], "NUSRA": ["Nusra Front"],
              "AQ": ["Al-Qaeda"], "ISIS": ["ISIS"], "HEZ": ["Hezbollah"], "RYDER": ["Pat Ryder"],
              "SULLIVAN": ["Jake Sullivan"], "MILLER": ["Matthew Miller"], "JOLANI": ["Abu Mohammad al-Jolani"],
              "ASSAD": ["Bashar al-Assad"], "STATE_DEPT": ["US State Department"], "CNN": ["CNN"],
              "PENTAGON": ["Pentagon"], "WHITE_HOUSE": ["White House"], "KREMLIN": ["Kremlin"],
              "IEFIMERIDA": ["iefimerida.gr"]}
    for eid, forms in expect.items():
        for f in forms:
            assert _resolve(kb, f) == {eid}, f
