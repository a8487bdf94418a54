"""Vega-Lite specifications as plain dicts (drawn with ``st.vega_lite_chart``).

Written as dicts rather than through Altair's classes: Altair validates every channel against
the full schema on each call (100–400 ms per chart per rerun); a dict costs nothing. Every
axis and legend title is passed in by the caller, in the UI's language; colours that carry a
meaning (an export status) are fixed per code, so they do not swap with the language. The
map draws the packaged Natural Earth shapes (:mod:`petaflop.app.world`): no tile server, no
fetched file.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

STATUS_COLORS = {"banned": "#d62728", "restricted": "#ff7f0e", "license": "#ff7f0e",
                 "effectively-allowed": "#2ca02c", "allowed": "#2ca02c", "": "#7f7f7f"}


def _value(v):
    if hasattr(v, "item") and not isinstance(v, str | bytes):  # numpy / pandas scalars
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def _clean(rows: Sequence[dict]) -> list[dict]:
    """JSON-ready rows: native Python scalars, NaN as null."""
    return [{str(k): _value(v) for k, v in r.items()} for r in rows]


def histogram(values: Sequence[float], title: str = "", count_title: str = "", height: int = 70) -> dict:
    return {
        "data": {"values": [{"value": _value(v)} for v in values]},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {"x": {"field": "value", "type": "quantitative", "bin": {"maxbins": 20}, "title": title},
                     "y": {"aggregate": "count", "type": "quantitative", "title": count_title or None}},
        "height": height,
    }


def status_scale(rows: Sequence[dict], label_field: str, code_field: str) -> dict:
    """A colour scale whose colours follow the status *code* whatever its label says."""
    pairs = sorted({(r[label_field], r[code_field]) for r in rows})
    return {"domain": [p[0] for p in pairs],
            "range": [STATUS_COLORS.get(_status_key(p[1]), STATUS_COLORS[""]) for p in pairs]}


def _status_key(code: str) -> str:
    code = (code or "").lower()
    for key in ("effectively-allowed", "banned", "license", "restricted", "allowed"):
        if key in code:
            return key
    return ""


def bars(rows: Sequence[dict], *, x: str, y: str, color: str | None = None, horizontal: bool = False,
         sort: Sequence[str] | str | None = None, rule: float | None = None, height: int = 280,
         tooltip: Sequence[str] | None = None, x_title: str | None = None, y_title: str | None = None,
         color_scale: dict | None = None) -> dict:
    """Bars of ``y`` per ``x`` (``horizontal`` swaps the axes); ``rule`` draws a dashed cap line."""
    cat = {"field": x, "type": "nominal", "title": x_title, "sort": sort if sort is not None else None}
    num = {"field": y, "type": "quantitative", "title": y_title if y_title is not None else y}
    enc = {"y": cat, "x": num} if horizontal else {"x": cat, "y": num}
    if color:
        enc["color"] = {"field": color, "type": "nominal", "title": None}
        if color_scale:
            enc["color"]["scale"] = color_scale
    enc["tooltip"] = [{"field": f} for f in (tooltip or [x, y, *([color] if color else [])])]
    layers = [{"mark": {"type": "bar"}, "encoding": enc}]
    if rule is not None:
        layers.append({"data": {"values": [{"cap": rule}]},
                       "mark": {"type": "rule", "color": "red", "strokeDash": [6, 3], "size": 2},
                       "encoding": {("x" if horizontal else "y"): {"field": "cap", "type": "quantitative"}}})
    return {"data": {"values": _clean(rows)}, "layer": layers, "height": height}


def points(rows: Sequence[dict], *, x: str, y: str, color: str | None = None, shape: str | None = None,
           x_type: str = "quantitative", log_x: bool = False, sort: Sequence[str] | None = None,
           tooltip: Sequence[str] | None = None, height: int = 260, x_title: str | None = None) -> dict:
    enc: dict = {"x": {"field": x, "type": x_type, "title": x_title},
                 "y": {"field": y, "type": "nominal", "title": None, "sort": sort}}
    if log_x:
        enc["x"]["scale"] = {"type": "log"}
    if color:
        enc["color"] = {"field": color, "type": "nominal", "title": None}
    if shape:
        enc["shape"] = {"field": shape, "type": "nominal", "title": None}
    enc["tooltip"] = [{"field": f} for f in (tooltip or [x, y])]
    return {"data": {"values": _clean(rows)}, "mark": {"type": "point", "filled": True, "size": 120},
            "encoding": enc, "height": height}


def _arc_points(a: tuple[float, float], b: tuple[float, float], n: int = 24) -> list[tuple[float, float]]:
    """A curved path from ``a`` to ``b`` (lat, lon): a bulge to the left of the straight line."""
    (lat1, lon1), (lat2, lon2) = a, b  # no wrap across the antimeridian: the arc stays on the map
    mx, my = (lon1 + lon2) / 2, (lat1 + lat2) / 2
    dx, dy = lon2 - lon1, lat2 - lat1
    cx, cy = mx - dy * 0.2, my + dx * 0.2  # control point
    out = []
    for i in range(n + 1):
        t = i / n
        lon = (1 - t) ** 2 * lon1 + 2 * (1 - t) * t * cx + t * t * lon2
        lat = (1 - t) ** 2 * lat1 + 2 * (1 - t) * t * cy + t * t * lat2
        lon = max(-179.9, min(179.9, lon))
        out.append((round(max(-89.0, min(89.0, lat)), 3), round(lon, 3)))
    return out


def world_map(world: dict, countries: Sequence[dict], arcs: Sequence[dict] = (), points: Sequence[dict] = (), *,
              measure_title: str = "", width: int = 900, height: int = 470) -> dict:
    """Countries coloured by ``value`` (rows: ``name`` = Natural Earth name, ``label``, ``value``,
    ``text``), flows as curved arcs (rows: ``a``/``b`` = (lat, lon), ``usd``, ``label``), and
    ``points`` (``lat``, ``lon``, ``label``) for countries too small for a shape."""
    layers: list[dict] = [
        {"data": {"sphere": True}, "mark": {"type": "geoshape", "fill": "#eef4fb", "stroke": "#c9d6e3"}},
        {"data": {"values": world["features"]}, "mark": {"type": "geoshape", "fill": "#e3e1da", "stroke": "#ffffff",
                                                         "strokeWidth": 0.5}},
    ]
    valued = [c for c in countries if c.get("value")]
    if valued:
        layers.append({
            "data": {"values": world["features"]},
            "transform": [{"lookup": "properties.name",
                           "from": {"data": {"values": _clean(valued)}, "key": "name",
                                    "fields": ["value", "label", "text"]}},
                          {"filter": "datum.value != null"}],
            "mark": {"type": "geoshape", "stroke": "#ffffff", "strokeWidth": 0.6},
            "encoding": {"color": {"field": "value", "type": "quantitative", "title": measure_title,
                                   "scale": {"scheme": "blues", "type": "sqrt"}, "legend": {"format": ".3~s"}},
                         "tooltip": [{"field": "label", "title": " "}, {"field": "text", "title": measure_title}]}})
    if arcs:
        rows = []
        for i, arc in enumerate(arcs):
            for j, (lat, lon) in enumerate(_arc_points(arc["a"], arc["b"])):
                rows.append({"arc": i, "order": j, "lat": lat, "lon": lon, "usd": arc.get("usd") or 0,
                             "label": arc["label"]})
        layers.append({"data": {"values": rows},
                       "mark": {"type": "line", "color": "#b0126b", "opacity": 0.75, "strokeCap": "round"},
                       "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                                    "latitude": {"field": "lat", "type": "quantitative"},
                                    "detail": {"field": "arc", "type": "nominal"},
                                    "order": {"field": "order", "type": "quantitative"},
                                    "strokeWidth": {"field": "usd", "type": "quantitative", "legend": None,
                                                    "scale": {"type": "sqrt", "range": [1.5, 7]}},
                                    "tooltip": [{"field": "label", "title": " "}]}})
        heads = [{"lat": r["lat"], "lon": r["lon"], "label": r["label"]}
                 for r in rows if r["order"] == 12]
        layers.append({"data": {"values": heads}, "mark": {"type": "text", "fontSize": 11, "fontWeight": "bold",
                                                           "color": "#6b0a41", "dy": -6},
                       "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                                    "latitude": {"field": "lat", "type": "quantitative"},
                                    "text": {"field": "label", "type": "nominal"}}})
    if points:
        layers.append({"data": {"values": _clean(points)},
                       "mark": {"type": "circle", "size": 70, "color": "#4e79a7", "stroke": "white"},
                       "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                                    "latitude": {"field": "lat", "type": "quantitative"},
                                    "tooltip": [{"field": "label", "title": " "}]}})
    return {"projection": {"type": "equalEarth"}, "layer": layers, "width": width, "height": height}


def timeline(rows: Sequence[dict], *, when: str, lane: str | None, color: str | None = None,
             tooltip: Sequence[str] = (), height: int = 260) -> dict:
    # numeric dates: month names would be English whatever the UI's language
    enc: dict = {"x": {"field": when, "type": "temporal", "title": None, "axis": {"format": "%Y-%m"}}}
    if lane:
        enc["y"] = {"field": lane, "type": "nominal", "title": None}
    if color:
        enc["color"] = {"field": color, "type": "nominal", "title": None}
    enc["tooltip"] = [{"field": f} for f in (tooltip or [when])]
    return {"data": {"values": _clean(rows)}, "mark": {"type": "circle", "size": 140}, "encoding": enc,
            "height": height}


def count_bars(rows: Sequence[dict], *, field: str, title: str = "", height: int = 200) -> dict:
    return {"data": {"values": _clean(rows)}, "mark": {"type": "bar", "tooltip": True},
            "encoding": {"y": {"field": field, "type": "nominal", "sort": "-x", "title": None},
                         "x": {"aggregate": "count", "type": "quantitative", "title": title}},
            "height": height}
