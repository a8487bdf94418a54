"""The world map's geometry: Natural Earth 1:110m countries, packaged with the app (drawn offline).

``world-110m.geojson`` was converted once from the npm package ``world-atlas`` 2.0.2
(``countries-110m.json``, TopoJSON; ISC licence, derived from Natural Earth, public domain):
arcs decoded, coordinates rounded to 0.01°. See ``world-110m.LICENSE.md``. No tile server and
no fetched file is ever used.

Countries of the graph are matched to shapes by their English name (with the few spellings
Natural Earth abbreviates), and placed on the map at the display coordinates of ``geo.json``
or, for a country that file does not list, at the centre of its largest polygon.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from foundation.names import norm_name

WORLD_FILE = Path(__file__).with_name("world-110m.geojson")
# graph spelling (normalised) -> Natural Earth name
ALIASES = {
    "unitedstates": "United States of America", "usa": "United States of America", "us": "United States of America",
    "bosniaandherzegovina": "Bosnia and Herz.", "centralafricanrepublic": "Central African Rep.",
    "democraticrepublicofthecongo": "Dem. Rep. Congo", "dominicanrepublic": "Dominican Rep.",
    "equatorialguinea": "Eq. Guinea", "southsudan": "S. Sudan", "northmacedonia": "Macedonia",
    "czechrepublic": "Czechia", "ivorycoast": "Côte d'Ivoire", "eswatini": "eSwatini", "korea": "South Korea",
    "republicofkorea": "South Korea", "uk": "United Kingdom", "uae": "United Arab Emirates",
}


@lru_cache(maxsize=1)
def world() -> dict:
    """The GeoJSON FeatureCollection (177 countries)."""
    return json.loads(WORLD_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _by_key() -> dict[str, dict]:
    return {norm_name(f["properties"]["name"]): f for f in world()["features"]}


def feature_for(names) -> dict | None:
    """The country shape for any of ``names`` (English names or aliases of a graph country)."""
    table = _by_key()
    for name in names:
        key = norm_name(name)
        if key in ALIASES:
            key = norm_name(ALIASES[key])
        if key in table:
            return table[key]
    return None


def _ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-9:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def centroid(feature: dict) -> tuple[float, float]:
    """``(lat, lon)`` of the centre of a country's largest polygon."""
    geom = feature["geometry"]
    polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    best = max((_ring_area_centroid(poly[0]) for poly in polygons), key=lambda t: t[0])
    return round(best[2], 2), round(best[1], 2)
