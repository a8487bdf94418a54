"""Vega-Lite specifications as plain dicts (drawn with ``st.vega_lite_chart``).

Written as dicts rather than through Altair's classes: Altair validates every channel against
the full schema on each call, which cost 100–400 ms per chart per rerun; a dict costs nothing
and Streamlit's Vega-Lite renderer draws it the same. Everything here renders offline: the
map uses Vega's generated sphere and graticule, never a tile server or a fetched shape file.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def _value(v):
    if hasattr(v, "item") and not isinstance(v, str | bytes):  # numpy / pandas scalars
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def _clean(rows: Sequence[dict]) -> list[dict]:
    """JSON-ready rows: native Python scalars, NaN as null."""
    return [{str(k): _value(v) for k, v in r.items()} for r in rows]


def histogram(values: Sequence[float], title: str = "", height: int = 70) -> dict:
    return {
        "data": {"values": [{"value": _value(v)} for v in values]},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {"x": {"field": "value", "type": "quantitative", "bin": {"maxbins": 20}, "title": title},
                     "y": {"aggregate": "count", "type": "quantitative", "title": None}},
        "height": height,
    }


def bars(rows: Sequence[dict], *, x: str, y: str, color: str | None = None, horizontal: bool = False,
         sort: Sequence[str] | str | None = None, rule: float | None = None, height: int = 280,
         tooltip: Sequence[str] | None = None) -> dict:
    """Bars of ``y`` per ``x`` (``horizontal`` swaps the axes); ``rule`` draws a dashed cap line."""
    cat = {"field": x, "type": "nominal", "title": None, "sort": sort if sort is not None else None}
    num = {"field": y, "type": "quantitative", "title": y}
    enc = {"y": cat, "x": num} if horizontal else {"x": cat, "y": num}
    if color:
        enc["color"] = {"field": color, "type": "nominal", "title": None}
    enc["tooltip"] = [{"field": f} for f in (tooltip or [x, y, *([color] if color else [])])]
    layers = [{"mark": {"type": "bar"}, "encoding": enc}]
    if rule is not None:
        layers.append({"data": {"values": [{"cap": rule}]},
                       "mark": {"type": "rule", "color": "red", "strokeDash": [6, 3], "size": 2},
                       "encoding": {("x" if horizontal else "y"): {"field": "cap", "type": "quantitative"}}})
    return {"data": {"values": _clean(rows)}, "layer": layers, "height": height}


def points(rows: Sequence[dict], *, x: str, y: str, color: str | None = None, shape: str | None = None,
           x_type: str = "quantitative", log_x: bool = False, sort: Sequence[str] | None = None,
           tooltip: Sequence[str] | None = None, height: int = 260) -> dict:
    enc: dict = {"x": {"field": x, "type": x_type, "title": None},
                 "y": {"field": y, "type": "nominal", "title": None, "sort": sort}}
    if log_x:
        enc["x"]["scale"] = {"type": "log"}
        enc["x"]["title"] = f"{x} (log)"
    if color:
        enc["color"] = {"field": color, "type": "nominal", "title": None}
    if shape:
        enc["shape"] = {"field": shape, "type": "nominal"}
    enc["tooltip"] = [{"field": f} for f in (tooltip or [x, y])]
    return {"data": {"values": _clean(rows)}, "mark": {"type": "point", "filled": True, "size": 120},
            "encoding": enc, "height": height}


def world_map(places: Sequence[dict], lines: Sequence[dict] = (), *, size: str = "size", color: str | None = None,
              label: str = "label", tooltip: Sequence[str] = (), width: int = 860, height: int = 450) -> dict:
    """Bubbles at ``lat``/``lon`` on an Equal Earth sphere with a graticule; ``lines`` rows have
    ``flow``, ``order``, ``lat``, ``lon`` (two rows per line)."""
    layers: list[dict] = [
        {"data": {"sphere": True}, "mark": {"type": "geoshape", "fill": "#eef4fb", "stroke": "#c9d6e3"}},
        {"data": {"graticule": {"step": [30, 30]}},
         "mark": {"type": "geoshape", "stroke": "#d7dee6", "strokeWidth": 0.5, "filled": False}},
    ]
    if lines:
        layers.append({"data": {"values": _clean(lines)}, "mark": {"type": "line", "color": "#b07aa1", "opacity": 0.6},
                       "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                                    "latitude": {"field": "lat", "type": "quantitative"},
                                    "detail": {"field": "flow", "type": "nominal"},
                                    "order": {"field": "order", "type": "quantitative"}}})
    if places:
        enc = {"longitude": {"field": "lon", "type": "quantitative"},
               "latitude": {"field": "lat", "type": "quantitative"},
               "size": {"field": size, "type": "quantitative", "legend": None, "scale": {"range": [80, 2500]}},
               "tooltip": [{"field": f} for f in (tooltip or [label])]}
        if color:
            enc["color"] = {"field": color, "type": "nominal", "title": None}
        layers.append({"data": {"values": _clean(places)},
                       "mark": {"type": "circle", "opacity": 0.75, "stroke": "white"}, "encoding": enc})
        layers.append({"data": {"values": _clean(places)}, "mark": {"type": "text", "dy": -14, "fontSize": 11},
                       "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                                    "latitude": {"field": "lat", "type": "quantitative"},
                                    "text": {"field": label, "type": "nominal"}}})
    return {"projection": {"type": "equalEarth"}, "layer": layers, "width": width, "height": height}


def timeline(rows: Sequence[dict], *, when: str, lane: str | None, color: str | None = None,
             tooltip: Sequence[str] = (), height: int = 260) -> dict:
    enc: dict = {"x": {"field": when, "type": "temporal", "title": None}}
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
