"""Check the coordinates of the real-news gold places against the gazetteer: list the places that lie
far from every gazetteer reading of their name in their country (a likely slip: coordinates copied
from another place, a wrong country code).

    PYTHONPATH=src python scripts/check_gold_places.py [--km 161] [--dir eval/news/gold]

A place is listed when the gazetteer knows its name (or its bare name: "Anbar province" -> "Anbar")
in its country and the nearest such reading is more than ``--km`` away (countries and first-level
regions: three times that, their centres are loosely defined); or when the gazetteer knows the name
only in other countries; or when the nearest town of the gazetteer to its point lies in another country
(coordinates in the wrong country; border places such as the Line of Control are listed too, to be read
by eye). Names the gazetteer does not know are counted, not listed (``--unknown`` lists them). Reads
only the gold, never sitrep's output: usable on the held split too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from sitrep.core.text import haversine_km
from sitrep.evaluation.matching import norm_name
from sitrep.evaluation.news import bare_name
from sitrep.geo.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
#: feature classes whose centre is loosely defined: the distance allowed is this many times --km
LOOSE = {"country": 6.0, "region": 3.0}


def readings(gaz, name: str) -> list:
    """The gazetteer entries of a gold name (its bare name too)."""
    n = norm_name(name)
    out = {i for key in (name, n, bare_name(n)) for i in gaz.lookup(key)}
    return [gaz.entry(i) for i in sorted(out)]


def check_place(gaz, p: dict, km: float) -> tuple[str, str]:
    """(status, message) of one gold place: status "ok", "unknown", "far" or "country"."""
    ents = [e for e in readings(gaz, p.get("name") or "") if e.lat is not None]
    if not ents:
        return "unknown", ""
    cc = (p.get("country") or "").upper()
    same = [e for e in ents if (e.country_code or "") == cc]
    if not same:
        where = ", ".join(sorted({e.country_code or "?" for e in ents})[:6])
        return "country", f"country {cc}, the gazetteer knows the name only in {where}"
    if p.get("lat") is None or p.get("lon") is None:
        return "ok", ""
    dists = [(haversine_km(float(p["lat"]), float(p["lon"]), e.lat, e.lon), e) for e in same]
    d, e = min(dists, key=lambda x: x[0])
    limit = km * LOOSE.get(p.get("feature") or "", 1.0)
    if d > limit:
        return "far", (f"{d:.0f} km from the nearest reading {e.name} ({e.kind}, "
                       f"{e.lat:.2f},{e.lon:.2f})")
    return "ok", ""


class NearestTown:
    """The gazetteer's towns as arrays, for the nearest town to a point (brute force, vectorised)."""

    def __init__(self, gaz):
        idx = [i for i in range(len(gaz)) if gaz.kind(i) == "city"]
        self.gaz = gaz
        self.idx = np.array(idx)
        pts = np.array([gaz.coords(i) for i in idx], dtype=float)
        self.lat, self.lon = np.radians(pts[:, 0]), np.radians(pts[:, 1])

    def country(self, lat: float, lon: float) -> tuple[str, float]:
        """(ISO2 of the nearest town, its distance in km)."""
        la, lo = np.radians(lat), np.radians(lon)
        a = np.sin((self.lat - la) / 2) ** 2 + np.cos(la) * np.cos(self.lat) * np.sin((self.lon - lo) / 2) ** 2
        k = int(np.argmin(a))
        return self.gaz.country_of(int(self.idx[k])) or "", float(6371.0 * 2 * np.arcsin(np.sqrt(a[k])))


def check_country(near: NearestTown, p: dict) -> str:
    """A message when the nearest town to a (non-country) gold place lies in another country."""
    if p.get("feature") == "country" or not p.get("country") or p.get("lat") is None or p.get("lon") is None:
        return ""
    cc, d = near.country(float(p["lat"]), float(p["lon"]))
    if cc and cc != (p.get("country") or "").upper():
        return f"the nearest town ({d:.0f} km) lies in {cc}"
    return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", default=str(ROOT / "eval" / "news" / "gold"))
    ap.add_argument("--km", type=float, default=161.0)
    ap.add_argument("--unknown", action="store_true", help="also list names the gazetteer does not know")
    args = ap.parse_args(argv)
    gaz = load_gazetteer()
    near = NearestTown(gaz)
    counts: dict[str, int] = {}
    for path in sorted(Path(args.dir).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for p in gold.get("places") or []:
            status, msg = check_place(gaz, p, args.km)
            counts[status] = counts.get(status, 0) + 1
            other = check_country(near, p)
            if other and status in ("ok", "unknown"):
                status, msg = "elsewhere", other
                counts[status] = counts.get(status, 0) + 1
            if status in ("far", "country", "elsewhere") or (status == "unknown" and args.unknown):
                print(f"{path.stem}: {p.get('name')!r} ({p.get('country')} {p.get('feature')} "
                      f"{p.get('lat')},{p.get('lon')}): {status} {msg}")
    print(", ".join(f"{n} {k}" for k, n in sorted(counts.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
