"""Pieces of the workbench that need no graph: saved views, safe text, URL values, map geometry, arcs."""

from __future__ import annotations

import json

import pytest

from petaflop.app import charts, world
from petaflop.app.savedviews import ViewError, ViewStore
from petaflop.app.urlstate import MAX_LIST_ITEMS, Note, Param, parse, unparse
from petaflop.safe_text import clip, escape_html, escape_markdown


def test_saved_views_save_list_rename_delete_export(tmp_path):
    store = ViewStore(tmp_path / "views")
    a = store.save("Gulf money", "sovereign", {"page": "sovereign", "countries": ["qatar", "united-arab-emirates"]})
    b = store.save("  Banned   chips ", "explorer", {"page": "explorer", "type": "Chip"})
    assert b.name == "Banned chips"  # spacing normalised
    assert [v.name for v in store.list()] == ["Banned chips", "Gulf money"]
    assert store.get(a.id).params["countries"] == ["qatar", "united-arab-emirates"]
    with pytest.raises(ViewError, match="exists"):
        store.save("Gulf money", "sovereign", {})
    replaced = store.save("Gulf money", "sovereign", {"page": "sovereign"}, replace=True)
    assert replaced.id == a.id and replaced.params == {"page": "sovereign"}
    store.rename(b.id, "Restricted chips")
    with pytest.raises(ViewError, match="exists"):
        store.rename(b.id, "Gulf money")
    exported = json.loads(store.export_json())
    assert [v["name"] for v in exported["views"]] == ["Gulf money", "Restricted chips"]
    store.delete(a.id)
    with pytest.raises(ViewError, match="no saved view"):
        store.delete(a.id)
    assert [v.name for v in ViewStore(tmp_path / "views").list()] == ["Restricted chips"]  # kept on disk
    for bad in ("", "   ", "x" * 81):
        with pytest.raises(ViewError):
            store.save(bad, "graph", {})
    with pytest.raises(ViewError, match="unknown kind"):
        store.save("x", "nonsense", {})


def test_saved_views_directory_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PETAFLOP_VIEWS_DIR", str(tmp_path / "here"))
    assert ViewStore().path == tmp_path / "here" / "views.sqlite"


def test_report_text_is_inert_markdown_and_html():
    hostile = '![x](http://example.org/a.png) <img src=x onerror=alert(1)> **b** :red[c] $x$ [l](javascript:y)'
    md = escape_markdown(hostile)
    assert "![" not in md and "<img" not in md and "**" not in md and ":red[" not in md and "](" not in md
    assert md.replace("\\", "").replace("&lt;", "<").replace("&gt;", ">") == hostile  # shown exactly as written
    assert escape_html('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    assert escape_markdown("line one\nline two") == "line one line two"
    assert clip("abcdef", 4) == ("abc…", True) and clip("abc", 4) == ("abc", False)


def test_url_values_are_validated_and_cut():
    notes: list[Note] = []
    assert parse(Param("cap", 12, kind="int", lo=1, hi=100), "7", notes) == 7
    assert parse(Param("cap", 12, kind="int", lo=1, hi=100), "500", notes) == 12
    assert parse(Param("cap", 12, kind="int", lo=1, hi=100), "abc", notes) == 12
    assert parse(Param("x", 1.5, kind="float"), "nan", notes) == 1.5
    assert parse(Param("lang", "en", options=("en", "ko")), "xx", notes) == "en"
    assert parse(Param("ok", True, kind="bool"), "0", notes) is False
    assert [n.problem for n in notes] == ["garbage"] * 4
    notes.clear()
    assert parse(Param("q", "", max_chars=10), "y" * 50, notes) == "y" * 10 and notes[0].problem == "cut"
    items = parse(Param("ids", [], kind="list", options=["a", "b"]), ["a", "zz", "b", "a"], notes)
    assert items == ["a", "b"] and notes[-1].value == "zz"
    many = parse(Param("ids", [], kind="list"), [str(i) for i in range(200)], notes)
    assert len(many) == MAX_LIST_ITEMS and notes[-1].problem == "items"
    assert unparse(Param("cap", 12, kind="int"), 12) is None and unparse(Param("cap", 12, kind="int"), 30) == "30"
    assert unparse(Param("ok", True, kind="bool"), False) == "0"


def test_world_geometry_is_packaged_and_valid():
    features = world.world()["features"]
    assert len(features) == 177
    for f in features:
        polygons = f["geometry"]["coordinates"] if f["geometry"]["type"] == "MultiPolygon" else \
            [f["geometry"]["coordinates"]]
        for poly in polygons:
            for ring in poly:
                assert len(ring) >= 4 and ring[0] == ring[-1], f["properties"]["name"]
    assert world.feature_for(["United States"])["properties"]["name"] == "United States of America"
    assert world.feature_for(["Nowhere"]) is None


def test_map_spec_draws_land_choropleth_and_arcs():
    spec = charts.world_map(world.world(), [{"name": "France", "label": "France", "value": 3.0, "text": "3"}],
                            [{"a": (24.0, 54.0), "b": (46.0, 2.0), "usd": 3e11, "label": "UAE → France: $300 bn"}])
    kinds = [layer["mark"]["type"] for layer in spec["layer"]]
    assert kinds[:3] == ["geoshape", "geoshape", "geoshape"] and "line" in kinds and "text" in kinds
    assert spec["layer"][1]["data"]["values"] == world.world()["features"]  # land, offline
    arc = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "line")["data"]["values"]
    assert arc[0]["lat"] == 24.0 and arc[-1]["lat"] == 46.0 and len(arc) == 25
    assert "url" not in json.dumps(spec)  # nothing is fetched
