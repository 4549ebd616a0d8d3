"""Every tuning number of the places stage, in one declared place.

``PlacesStage(**settings)`` and ``Pipeline(stage_config={"places": {...}})`` take these fields by name;
``sitrep stages --config`` prints them. The first sixteen are the stage's historical constructor
keywords (names and defaults unchanged); the others were literals inside the stage before.
"""

from __future__ import annotations

import dataclasses

from ..base import StageConfig


@dataclasses.dataclass(frozen=True)
class PlacesConfig(StageConfig):
    # -- switches -------------------------------------------------------------------------------
    #: also list a state's demonym ("Russian officials") as a mention of the country -- off by
    #: default (the word names people, not a location); geoparsing corpora such as LGL count it
    demonyms: bool = False
    #: list streets and roads ("Main Street", "Highway 19") as places of feature "other"
    streets: bool = True
    #: keep a country or national capital that the story names only as an actor ("Russia said",
    #: "Iran-backed", "U.S. forces"; focus.py) -- off by default (no place of the story); geoparsing
    #: corpora such as LGL count every toponym
    actor_countries: bool = False
    #: keep continents and broad regions ("the Middle East", "the Sahel"; ``broad: true`` in the
    #: regions file) -- off by default; geoparsing corpora such as LGL count them
    broad_regions: bool = False
    #: keep the town (or state) that names an organisation ("the Kiel Institute", "Georgetown
    #: University", "the University of Kentucky") as a place -- off by default (GUIDELINES §7 of
    #: eval/news: a place inside an organisation's name is none; "the Damascus-based group" is);
    #: geoparsing corpora such as LGL count it
    institution_towns: bool = False

    # -- context weights (see resolve.py) -------------------------------------------------------
    #: a reading in a first-level division (US state, province) the article names or reads elsewhere
    context_weight: float = 3.0
    #: a reading in a country the article names or reads elsewhere
    country_weight: float = 2.0
    #: per name, the first-level divisions several other names could lie in ("Lamar County" and
    #: "Paris" both have Texas readings)
    vote_weight: float = 1.0
    #: extra cost of a reading that only lists the name among its alternate names when another
    #: reading carries it as its own name
    alternate_penalty: float = 1.5
    #: a national capital over a first-level division of the same name ("Washington")
    capital_weight: float = 4.0
    #: nearness to the other names' readings (a local story's places cluster); off by default
    near_weight: float = 0.0
    #: rounds of re-reading with the other names' readings as context
    rounds: int = 3
    #: a reading that wins by this much or more counts fully as context, a narrower win proportionally
    confidence_margin: float = 1.0
    #: a town named with the county it lies in, and that county ("Paris and Henry County")
    contain_weight: float = 3.0
    #: two names whose readings lie close together ("Columbus" and "Colfax County", Nebraska)
    pair_weight: float = 2.0
    #: the most one reading can gain from such pairs
    pair_cap: float = 4.0
    #: a curated region of the regions file over a same-name town
    region_weight: float = 2.0
    #: a town abroad smaller than this, in a story firmly set in another country, is dropped
    stray_population: int = 20_000
    #: how firmly (confident names, summed) the story must be set in one other country
    stray_setting: float = 1.0
    #: (focus.py) a story that locates this many places (other names') is firmly set: a town reading in a country
    #: it does not name, under ``focus_population`` people and farther than ``focus_km`` from every
    #: place it locates, is dropped (0 turns this off)
    focus_min: int = 2
    focus_population: int = 200_000
    focus_km: float = 500.0
    #: "Novoselivka in the Donetsk region": a town named as lying in a place is read as its namesake
    #: nearest it when its reading lies farther than this from it (see focus.drop_uncontained)
    contained_km: float = 150.0
    #: how many other names must set a story in a country for a division of it to win over a foreign
    #: country of the same name beside a division word ("la province de l'Équateur"; 0: off)
    home_division_min: int = 2
    #: (resolve.py) a country's own name, unqualified and not used as a town's, is the country when it
    #: is listed with another country ("unlike in Cuba or Iran" in a story set in Washington) or when
    #: its town reading has fewer than ``tiny_town_population`` people
    country_names_win: bool = True
    tiny_town_population: int = 5_000
    #: (candidates.py) a weak name of this many letters that is only a town's in a country the story
    #: names is a place there ("since it took Goma" in a story that names Congo; 0 turns this off)
    setting_min_letters: int = 4
    #: ... when that town has this many people
    setting_population: int = 20_000

    # -- the place score (confidence.py) -------------------------------------------------------
    #: a place scoring under this (0..1) is dropped (0: off): 0.25 leaves the news and French dev places as
    #: they were and raises LGL toponym precision and accuracy@161 (scripts/place_curve.py)
    min_place_score: float = 0.25
    #: the weights of the score's features (a weighted mean)
    score_weights: tuple[tuple[str, float], ...] = (("margin", 2.0), ("entity", 1.0), ("locative", 1.0),
                                                    ("major", 1.0), ("focus", 1.0), ("repeated", 1.0))

    # -- priors of a reading (features.py) ------------------------------------------------------
    #: kind priors, added to log10(population + 10): a country, a first-level division, a curated
    #: region (plus ``region_weight`` when ranking), another feature (a sea, a range), a county
    country_prior: float = 3.0
    admin1_prior: float = 2.5
    region_prior: float = 2.5
    other_prior: float = 2.5
    county_prior: float = 2.0
    #: a reading that carries the name as its own name (not only as an alternate name)
    exact_name_weight: float = 1.5
    #: a curated region carries no population: weigh it as this many people, so that a hamlet of the
    #: same name never outranks it
    region_population: int = 1_000_000
    #: a world city, read first unless the article's setting says otherwise ("Paris"); also the size
    #: of a city that a person- or organisation-tagged name is read as without a cue, and of a city
    #: that is never pulled into a cluster of namesakes
    world_city_population: int = 1_000_000
    world_city_weight: float = 1.0
    #: a world city's other spelling this similar to its own name (rapidfuzz ratio, 0-100) is its own name
    #: too ("Odessa" for Odesa, "Kharkov" for Kharkiv): no smaller town's own name outranks it
    variant_similarity: float = 80.0
    #: ... when the name has this many letters ("Samar" is not Samara; "Odessa" is Odesa)
    variant_min_letters: int = 6
    #: (resolve.other_names) a town of under this many people bearing a name only as another name of
    #: it (no spelling of its own) is read under that name only when the mention is locative (0: off)
    other_name_population: int = 100_000
    #: context weights count fully from this much context on (one confident name)
    context_cap: float = 1.0
    #: a country named often weighs more: this much per (confident) mention, up to ``country_mentions_cap``
    country_mentions_weight: float = 0.2
    country_mentions_cap: float = 5.0
    #: the most the spread vote counts (before ``vote_weight``)
    vote_cap: float = 3.0
    #: ``near_weight``: a reading within these distances (km) of a chosen town gets these factors
    near_km: tuple[float, ...] = (50, 150, 400)
    near_factors: tuple[float, ...] = (1.0, 0.75, 0.3)
    #: pairs: readings within these distances (km) are near by these factors
    pair_km: tuple[float, ...] = (50, 150)
    pair_factors: tuple[float, ...] = (1.0, 0.75)
    #: a pair's gain at full nearness is ``pair_reach * pair_weight``; a reading losing that much or
    #: more against its name's best reading is never paired
    pair_reach: float = 2.0
    #: a reading without a rival in another area wins by ``unopposed_margins * confidence_margin``
    unopposed_margins: float = 2.0
    #: a country or first-level division whose prior beats the name's next reading by this much
    #: anchors the article's setting before any ranking ("Georgia" against hamlets called Georgia)
    anchor_margin: float = 2.5
    #: how many readings of a name are ranked (the most populous); how many are scanned for the
    #: article-wide evidence (spread vote, own names, containment)
    max_readings: int = 40
    scan_readings: int = 200

    # -- population cut-offs of the candidate cues (candidates.py) ------------------------------
    #: a name that is not an entity is a place without a cue when a reading is this big (or a division)
    big_population: int = 500_000
    #: "East Bank": a capitalised direction word before a one-word name makes another place, unless
    #: the name is this big
    direction_name_population: int = 100_000
    #: "Michael Jordan": a capitalised word before a name makes it a surname unless that word is a
    #: town of this size
    surname_town_population: int = 5_000
    #: "an Alexandria man", "Alexandria police": a town of this size modifying a common noun is a place
    modifier_town_population: int = 5_000
    #: "Battle damage assessments showed": a common word opening a sentence (and capitalised nowhere else)
    #: names a town only when one of this size bears it as its own name ("Chicopee residents discuss")
    sentence_word_population: int = 20_000
    #: "the Bush administration": a name before a person head word is a leader's unless a town of this
    #: size (or a division, a province, a capital) bears it
    leader_town_population: int = 1_000_000
    #: a one-word name that is the subject of a verb of saying ("Robertson said") names a speaker, not a
    #: place, unless some reading of it has this many people ("Moscow said"; 0 turns this off)
    speaker_town_population: int = 100_000
    #: "Cambridge University": a town opening an institution's name counts when it is this big
    institution_town_population: int = 50_000
    #: "the village of Kalaba": a village is no town of this many people (Kalaban Koro, 148,000)
    village_population: int = 50_000
    #: (demonyms) "New Londoners": a city whose people are named after it has at least this many
    demonym_city_population: int = 100_000
