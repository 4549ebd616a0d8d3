"""Output: one :class:`~sitrep.contract.Place` per place with all its mentions.

Ids are ``geo:<geonameid>``, ``region:<slug>`` (regions file) or ``fips:<code>`` (US counties, whose
point is the mean of their towns; a county without a town in the gazetteer takes the article's towns
in the same state, else the state's point). Streets and roads are places of feature ``other``, placed
at their town, with ids ``street:<name>@<town id>``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Callable, Optional

from ...core.article import ArticleState, PlaceMention
from ...core.contract import Place, Span
from .candidate import Candidate
from .names import capitals


_UNREAD = object()


def is_government(c: Candidate, ch: int, gaz) -> bool:
    """The mention stands for a government, not the place: a capital that acts ("Moscow said", "reach
    out to Moscow"), or the actors stage's metonym read in its own country (not "Dublin, Ohio") -- as a
    town or a country, not as a province ("the Ministry of Health in Khartoum state"), and not where
    the mention says where something is ("protest at Jakarta's police headquarters")."""
    if c.locative and not c.acts:
        return False
    if c.acts and any(gaz.country_of(i) == gaz.country_of(ch) for i in capitals(gaz, c.text, c.ids)):
        return True
    return c.metonym_cc is not None and gaz.country_of(ch) == c.metonym_cc and gaz.kind(ch) != "province"


def _point(e, gaz, city_points: dict):
    """A county without a point: the mean of the article's towns in its state, else the state's point."""
    lat, lon = e.lat, e.lon
    if lat is None and e.kind == "county":
        pts = city_points.get((e.country_code, e.admin1))
        if pts:
            lat = round(sum(p[0] for p in pts) / len(pts), 5)
            lon = round(sum(p[1] for p in pts) / len(pts), 5)
        else:
            st = gaz.us_state(e.admin1 or "")
            if st is not None:
                lat, lon = st.lat, st.lon
    return lat, lon


def build_places(cands: list[Candidate], choice: list, gaz) -> tuple[dict[str, Place], list[PlaceMention]]:
    """The places and mentions of the chosen readings (governments left out)."""
    places: dict[str, Place] = {}
    mentions: list[PlaceMention] = []
    city_points = defaultdict(list)  # (cc, admin1) -> points of the article's towns there
    for ch in choice:
        if ch is not None and gaz.kind(ch) == "city":
            city_points[(gaz.country_of(ch), gaz.admin1_of(ch))].append(gaz.coords(ch))
    for c, ch in zip(cands, choice):
        if ch is None or is_government(c, ch, gaz):
            continue
        e = gaz.entry(ch)
        place = places.get(e.id)
        if place is None:
            lat, lon = _point(e, gaz, city_points)
            place = places[e.id] = Place(id=e.id, name=e.name, geonameid=e.geonameid, lat=lat, lon=lon,
                                         country_code=e.country_code, feature=e.feature)
        place.mentions.append(Span(text=c.text, start=c.start, end=c.end))
        mentions.append(PlaceMention(start=c.start, end=c.end, place_id=e.id, text=c.text))
    return places, mentions


def story_country(cands: list[Candidate], choice, gaz, scene: Counter) -> Optional[str]:
    """The one country the story is set in: the country most of its places' mentions lie in, else the
    one its demonyms name most (``scene``: "the Georgian Interior Ministry"); None on a tie or none."""
    for counts in (Counter(gaz.country_of(ch) for ch in choice if ch is not None and gaz.country_of(ch)), scene):
        top = counts.most_common(2)
        if top:
            return top[0][0] if len(top) == 1 or top[0][1] > top[1][1] else None
    return None


def place_streets(state: ArticleState, streets, cands: list[Candidate], choice, places: dict,
                  mentions: list, gaz, scene: Optional[Callable[[], Counter]] = None) -> None:
    """Streets as places of feature ``other``, placed at their town: the town named right after the
    street in its sentence ("Gillis Street in Alton", "Dunlap St., Paris"), else the nearest town
    before it in the sentence, else the article's home town (its most-mentioned town, the first of
    equals). Without a town a street has no coordinates; it lies in the story's country
    (:func:`story_country`, with the demonym countries ``scene`` gives), if any. A street is never
    placed on its own."""
    if not streets:
        return
    towns = [(c.start, ch) for c, ch in zip(cands, choice) if ch is not None and gaz.kind(ch) == "city"
             and not (c.metonym_cc is not None and gaz.country_of(ch) == c.metonym_cc)]
    home = None
    if towns:
        counts = Counter(ch for _, ch in towns)
        best = max(counts.values())
        home = next(ch for _, ch in towns if counts[ch] == best)
    country: Any = _UNREAD  # the story's country, read when a street has no town
    for st in streets:
        s0, s1 = state.sentence_of(st.start)
        after = [ch for pos, ch in towns if st.end <= pos < s1]
        before = [ch for pos, ch in towns if s0 <= pos < st.start]
        town = after[0] if after else (before[-1] if before else home)
        if town is not None:
            e = gaz.entry(town)
            pid = f"street:{st.key.replace(' ', '-')}@{e.id}"
            lat, lon, cc = e.lat, e.lon, e.country_code
        else:
            if country is _UNREAD:
                country = story_country(cands, choice, gaz, scene() if scene is not None else Counter())
            pid, lat, lon, cc = f"street:{st.key.replace(' ', '-')}", None, None, country
        place = places.get(pid)
        if place is None:
            place = places[pid] = Place(id=pid, name=" ".join(st.text.split()), lat=lat, lon=lon,
                                        country_code=cc, feature="other")
        place.mentions.append(Span(text=st.text, start=st.start, end=st.end))
        mentions.append(PlaceMention(start=st.start, end=st.end, place_id=pid, text=st.text))
