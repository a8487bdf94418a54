"""The workbench's data layer and view models against the report graph (no Streamlit)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from foundation.names import norm_name
from petaflop.app import console, controls, explorer, i18n, power, sovereign
from petaflop.app.backend import EmbeddedBackend, open_backend
from petaflop.app.data import (
    PFA,
    PFID,
    Atlas,
    format_number,
    read_report_lines,
    report_excerpt,
    slug,
)
from petaflop.app.graph import (
    Canvas,
    canvas_html,
    entity_graph,
    link_type_counts,
    shortest_paths,
    strip_remote_assets,
)
from petaflop.app.objects import build_object_view

APP_DIR = Path(__file__).resolve().parent.parent / "petaflop" / "app"


@pytest.fixture(scope="module")
def atlas(built_graph) -> Atlas:
    return Atlas.load(EmbeddedBackend.from_file(built_graph))


@pytest.fixture(scope="module")
def report_lines(report_path) -> list[str]:
    return read_report_lines(report_path)


def test_missing_graph_says_what_to_run(tmp_path):
    with pytest.raises(Exception, match="petaflop build"):
        open_backend("file", str(tmp_path / "atlas.nq"))


# ------------------------------------------------------------------ names, types, search

def test_labels_in_both_languages_with_fallback(atlas):
    nvidia = PFID + "nvidia"
    assert atlas.label(nvidia, "en") == "NVIDIA"
    assert atlas.label(nvidia, "ko") == "엔비디아"
    # Colossus has an English label only: Korean falls back to it
    assert atlas.label(PFID + "colossus", "ko") == "Colossus"
    assert atlas.class_label(PFA.ComputeCluster, "ko") != atlas.class_label(PFA.ComputeCluster, "en")


def test_search_is_tolerant_of_language_spacing_and_case(atlas):
    assert atlas.search("콜로서스")[0] == PFID + "colossus"
    for q in ("Colossus 2", "colossus2", "COLOSSUS  2", "colossus-2"):
        assert atlas.search(q)[0] == PFID + "colossus-2", q
    assert atlas.search("엔비디아")[0] == PFID + "nvidia"
    assert atlas.search("nvidia h-20")[0] == PFID + "nvidia-h20"
    assert atlas.search("  ") == []
    assert norm_name("Stargate  Abilene·Phase-1") == norm_name("stargate abilene phase 1")


def test_type_counts_grouped_as_on_home(atlas, built_graph):
    store = ox.Store()
    store.bulk_load(path=str(built_graph), format=ox.RdfFormat.N_QUADS)
    expected = {row[0].value: int(row[1].value) for row in store.query(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH <https://petaflop-atlas.org/graph/facts> "
        "{ ?s a ?c } FILTER(isIRI(?s)) } GROUP BY ?c")}
    groups = atlas.grouped_type_counts()
    flat = {cls: n for rows in groups.values() for cls, n in rows}
    assert flat == expected
    assert dict(groups["facilities"])[PFA.ComputeCluster] == expected[PFA.ComputeCluster]
    assert PFA.Country in dict(groups["geography"])
    assert PFA.GPU in dict(groups["hardware"])
    assert PFA.ExportControlEvent in dict(groups["policy"])
    assert PFA.GasTurbine in dict(groups["energy"])
    assert PFA.Firm in dict(groups["organisations"])


# ------------------------------------------------------------------ object view and provenance

def test_colossus_view_values_with_provenance(atlas, report_lines):
    view = build_object_view(atlas, PFID + "colossus", "en")
    assert view.label == "Colossus"
    assert "콜로서스" in view.alt_labels
    chips = view.property("chipCount")
    assert chips is not None and chips.unit == "count"
    v550 = next(v for v in chips.values if v.text == "550,000")
    in_table = [s for s in v550.statements if s.location and s.location.table == "IV-09-1"]
    assert in_table, "the 550,000 GB200 count is stated in the cluster key-facts table"
    loc = in_table[0].location
    assert (loc.line_start, loc.row, loc.column, loc.chapter) == (2040, 3, 2, "IV")
    assert PFID + "xai" in in_table[0].sources
    assert chips.conflicting  # the report gives several counts for Colossus
    # the report's own text at that place is read from the report at run time
    excerpt = report_excerpt(report_lines, loc)
    assert excerpt == [(2040, report_lines[2039])] and "550" in report_lines[2039]
    power_values = {v.text for v in view.property("powerCapacityMW").values}
    assert "35,000 MW" in power_values


def test_colossus_links_both_directions_and_inferred(atlas):
    view = build_object_view(atlas, PFID + "colossus", "en")
    located = view.link_group("locatedIn", "out")
    assert {i.label for i in located.items} >= {"Shelby County", "Tennessee"}
    shelby = next(i for i in located.items if i.label == "Shelby County")
    assert not shelby.inferred and shelby.statements[0].location.line_start == 2038
    assert [i.label for i in view.link_group("operatedBy", "out").items] == ["xAI"]
    assert [i.label for i in view.link_group("usesChip", "out").items] == ["NVIDIA GB200"]
    # a link and its materialised inverse are shown once
    assert view.link_group("chipUsedBy", "in") is None
    inferred = {t.iri: t for t in view.types if t.inferred}
    assert inferred[PFA.GigawattCluster].rules == ["https://petaflop-atlas.org/rules#gigawatt-cluster"]
    assert "GigawattCluster" in atlas.rule_label("https://petaflop-atlas.org/rules#gigawatt-cluster")
    # seen from xAI, the same link reads backwards with the inverse's label
    xai = build_object_view(atlas, PFID + "xai", "en")
    assert "Colossus" in {i.label for g in xai.links for i in g.items}


def test_colossus_2_view(atlas):
    view = build_object_view(atlas, PFID + "colossus-2", "ko")
    assert view.label == "Colossus 2"
    assert [i.label for i in view.link_group("locatedIn", "out").items] == ["테네시"]
    compute = [c for c in view.claims if c.unit == "FLOPS"]
    assert compute and compute[0].value == format_number("20000000000000000000000")
    assert compute[0].statements[0].line is not None


# ------------------------------------------------------------------ graph

def test_shortest_path_has_provenance_on_every_step(atlas):
    paths = shortest_paths(atlas, PFID + "colossus", PFID + "xai")
    assert len(paths[0]) == 1
    step = paths[0][0]
    assert (step.s, step.p, step.o, step.forward) == (PFID + "colossus", PFA.operatedBy, PFID + "xai", True)
    assert step.statements[0].location.line_start == 1994
    longer = shortest_paths(atlas, PFID + "colossus", PFID + "tsmc")
    assert longer and all(len(p) == len(longer[0]) for p in longer)
    for s in longer[0]:
        assert s.statements, f"no provenance for {s}"
        assert all(st.location is not None or st.inferred_by for st in s.statements)
    assert shortest_paths(atlas, PFID + "colossus", PFID + "colossus") == [[]]


def test_canvas_expand_groups_collapse_and_layout_stays(atlas):
    nvidia = PFID + "nvidia"
    counts = {(p, d): n for p, d, _, n in link_type_counts(atlas, nvidia)}
    canvas = Canvas.start(nvidia)
    found = canvas.expand(atlas, nvidia, cap=1)
    assert found == counts
    groups = [n for n in canvas.nodes.values() if n.group]
    big = [(p, d) for (p, d), n in counts.items() if n > 1]
    assert len(groups) == len(big)  # every fan-out over the cap waits in a group node
    before = {k: (n.x, n.y) for k, n in canvas.nodes.items() if not n.group}
    gid = groups[0].id
    waiting = len(groups[0].group["rest"])
    placed = canvas.expand_group(atlas, gid, cap=100)
    assert placed == waiting and gid not in canvas.nodes
    after = {k: (n.x, n.y) for k, n in canvas.nodes.items() if k in before}
    assert after == before  # nodes never move once placed
    first_child = next(k for k in before if k != nvidia)
    canvas.expand(atlas, first_child, cap=3)
    assert {k: (n.x, n.y) for k, n in canvas.nodes.items() if k in before} == before
    removed = canvas.collapse(nvidia)
    assert removed > 0 and list(canvas.nodes) == [nvidia] and not canvas.edges
    restored = Canvas.from_state(Canvas.start(nvidia).to_state())
    assert list(restored.nodes) == [nvidia]


def test_canvas_html_is_offline(atlas):
    canvas = Canvas.start(PFID + "colossus")
    canvas.expand(atlas, PFID + "colossus")
    html = canvas_html(atlas, canvas)
    assert "vis.Network" in html and "Shelby County" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']https?://""", html)
    assert strip_remote_assets('<link href="https://cdn.x/a.css" rel="stylesheet"/><p>x</p>') == "<p>x</p>"
    assert entity_graph(atlas).has_edge(PFID + "colossus", PFID + "xai")


# ------------------------------------------------------------------ explorer

def test_explorer_facets_and_filters(atlas):
    chips = atlas.instances(PFA.Chip)
    facets = {f.param: f for f in explorer.facets(atlas, chips)}
    status = facets["exportStatusToChina"]
    assert status.kind == "link"
    assert dict((k, n) for k, _, n in status.options)["exportstatustochina-banned"] == 3
    banned = explorer.apply(atlas, chips, {"exportStatusToChina": (status, ["exportstatustochina-banned"])})
    assert sorted(slug(c) for c in banned) == ["nvidia-b100", "nvidia-h100", "nvidia-h800"]
    bw = facets["memoryBandwidthTBps"]
    assert bw.kind == "number" and bw.bounds()[1] >= 8.0
    fast = explorer.apply(atlas, chips, {"memoryBandwidthTBps": (bw, (3.0, 100.0))})
    assert PFID + "nvidia-h100" in fast and PFID + "nvidia-h800" not in fast
    rows = explorer.rows(atlas, banned, [status])
    assert {r["name"] for r in rows} == {"NVIDIA B100", "NVIDIA H100", "NVIDIA H800"}


def test_explorer_linked_object_filters(atlas):
    clusters = atlas.instances(PFA.ComputeCluster)
    by_xai = [m for m in clusters if PFID + "xai" in explorer.linked(atlas, m, PFA.operatedBy, "out")]
    assert PFID + "colossus" in by_xai
    investments = atlas.instances(PFA.Investment)
    investors = explorer.linked_targets(atlas, investments, PFA.hasInvestor, "out")
    type_facet = {f.param: f for f in explorer.facets(atlas, investors)}["type"]
    by_funds = explorer.apply_linked(atlas, investments, PFA.hasInvestor, "out", type_facet,
                                     ["SovereignWealthFund"])
    assert by_funds
    for inv in by_funds:
        funds = [o for o in explorer.linked(atlas, inv, PFA.hasInvestor, "out")
                 if PFA.SovereignWealthFund in atlas.entities[o].types]
        assert funds
    assert PFID + "stargate" in {o for inv in by_funds for o in explorer.linked(atlas, inv, PFA.hasInvestee, "out")}


# ------------------------------------------------------------------ export controls

def test_timeline_is_dated_and_ordered(atlas):
    events = controls.timeline(atlas)
    dates = [controls._date_key(e.date) for e in events]
    assert dates == sorted(dates)
    july = [e for e in events if e.date == "2025-07-15"]
    assert july and july[0].actor == PFID + "trump-administration" and "H20" in july[0].description
    assert july[0].line is not None


def test_china_skus_and_what_if_by_the_ontology_rule(atlas):
    skus = {slug(s.chip): s for s in controls.china_skus(atlas)}
    assert skus["nvidia-h20"].status == "effectively allowed" and skus["nvidia-h20"].bandwidth == [4.0]
    assert skus["nvidia-h800"].status == "banned" and skus["nvidia-h800"].bandwidth == [1.68]
    rows = {slug(r.chip): r for r in controls.what_if(atlas, 1.8)}
    assert {k for k, r in rows.items() if r.restricted} == {"nvidia-h100", "nvidia-h20", "nvidia-b100"}
    assert rows["nvidia-rtx-pro-6000d"].exceeds_bandwidth is False  # 1.8 is not above a 1.8 cap
    lower = {slug(r.chip): r for r in controls.what_if(atlas, 1.6)}
    assert lower["nvidia-h800"].restricted and lower["nvidia-rtx-pro-6000d"].restricted
    compute = {slug(r.chip): r for r in controls.what_if(atlas, 1.8, tflops_cap=500)}
    assert compute["nvidia-h800"].exceeds_tflops and compute["nvidia-h800"].restricted
    assert compute["nvidia-h20"].exceeds_tflops is False
    assert compute["nvidia-rtx-pro-6000d"].exceeds_tflops is None  # no TFLOPS stated
    # the what-if runs the rule file itself
    assert "?bw > ?cap" in controls.rule_text(controls.RULE_EXCEEDS)


# ------------------------------------------------------------------ sovereign and power

def test_sovereign_flows_with_countries_chips_and_power(atlas):
    flows = sovereign.flows(atlas)
    openai = [f for f in flows if f.source == PFID + "openai" and f.target == PFID + "stargate"]
    assert openai and openai[0].amount_usd == 19_000_000_000 and openai[0].kind == "investment"
    uae = [f for f in flows if f.source == PFID + "uae" and f.target == PFID + "united-states"]
    assert uae and uae[0].amount_usd == 1_400_000_000_000 and uae[0].target_country == PFID + "united-states"
    mgx = [f for f in flows if f.source == PFID + "mgx" and f.target == PFID + "mistral-ai-cluster"]
    assert mgx and mgx[0].target_country == PFID + "france"
    assert mgx[0].power_mw == 1400 and PFID + "nvidia-b200" in mgx[0].chips
    france = sovereign.filter_flows(flows, {PFID + "france"})
    assert mgx[0] in france and uae[0] not in france
    totals = sovereign.country_totals(flows)
    assert totals[PFID + "united-states"]["in_usd"] >= 1_400_000_000_000
    assert PFID + "colossus" in sovereign.places_in(atlas, {PFID + "united-states"})
    assert sovereign.focus_countries("us-gulf")[:2] == ["united-states", "saudi-arabia"]


def test_power_clusters_assets_and_time_to_power(atlas):
    clusters = {slug(c.iri): c for c in power.clusters(atlas)}
    col = clusters["colossus"]
    assert col.current_mw == 35000
    assert ("powerCapacityMW", 35000.0, 2004, True) in col.stated
    assets = {slug(a.iri): a for a in power.assets(atlas)}
    megapack = assets["tesla-megapack"]
    assert megapack.onsite and (PFID + "colossus-campus", "claim: 208 ×") in megapack.clusters
    assert any(c == PFID + "stargate-abilene-phase-1" for c, _ in assets["ge-vernova-lm2500xpress"].clusters)
    ttp = {(r["object"], r["property"]): r for r in power.time_to_power(atlas)}
    assert ttp[("Hyperion", "completion date")]["value"] == "2030"
    assert ttp[("Hyperion", "completion date")]["line"] == 2157


# ------------------------------------------------------------------ console

def test_console_limits_errors_and_outputs(atlas):
    backend = atlas.backend
    r = console.run(backend, "SELECT ?c WHERE { ?c a pfa:Country } ORDER BY ?c", row_limit=5)
    assert r.ok and len(r.rows) == 5 and r.truncated
    assert console.to_csv(r).splitlines()[0] == "c"
    assert json.loads(console.to_json(r))["head"]["vars"] == ["c"]
    bad = console.run(backend, "SELECT ?s WHERE {\n  ?s a pfa:Country .\n  FILTER( }")
    assert bad.error_kind == "syntax" and bad.position[0] == 3 and "line 3, column" in bad.error
    update = console.run(backend, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert update.error_kind == "update" and "read-only" in update.error
    slow = console.run(backend, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout_s=0.05)
    assert slow.error_kind == "timeout"
    assert console.with_prefixes("SELECT * WHERE { ?s a pfa:Chip }")[1] == 1
    assert console.with_prefixes("PREFIX pfa: <x#>\nSELECT * WHERE { ?s a pfa:Chip }")[1] == 0
    assert console.permalink("clusters-by-power", {"min_mw": "100"}) == "?query=clusters-by-power&p.min_mw=100&run=1"


def test_console_runs_every_catalogue_query(atlas):
    queries, error = console.catalogue()
    assert not error and queries
    for q in queries:
        params, perr = console.bind_params(q, {}, lambda n: n.value in atlas.entities)
        assert not perr, (q.id, perr)
        r = console.run(atlas.backend, q.sparql, params, timeout_s=60, row_limit=200)
        assert r.ok, (q.id, r.error)
        kinds = console.column_kinds(r)
        if q.view == "bar" and r.rows:
            assert console.pick_number_column(r, kinds), q.id


# ------------------------------------------------------------------ UI text and display data

def test_every_ui_string_has_both_languages():
    used: set[str] = set()
    for path in [*APP_DIR.glob("*.py"), *(APP_DIR / "pages").glob("*.py"), APP_DIR.parent.parent / "app.py"]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z][\w.\-]*)["']""", path.read_text(encoding="utf-8")))
    dynamic = {k for k in used if k.endswith(".")}
    missing = sorted(k for k in used - dynamic if k not in i18n.STRINGS)
    assert not missing, missing
    from petaflop.app.data import GROUPS
    from petaflop.app.ui import PAGE_FILES

    families = {"group.": [*GROUPS, "other"], "page.": list(PAGE_FILES), "sov.focus.": ["all", *sovereign.FOCUS],
                "sov.edge.": ["investment", "deal", "funding"], "export.dir.": ["out", "in", "both"],
                "export.facts.": ["asserted", "inferred", "both"]}
    assert dynamic <= set(families), dynamic
    for prefix, names in families.items():
        for name in names:
            assert prefix + name in i18n.STRINGS, prefix + name
    for key, (en, ko) in i18n.STRINGS.items():
        assert en and ko, key
    assert i18n.t("page.power", "ko") == "전력"


def test_map_display_data_covers_every_country(atlas):
    data = json.loads((APP_DIR / "geo.json").read_text(encoding="utf-8"))
    assert "DISPLAY DATA ONLY" in data["_about"]
    places = data["places"]
    countries = {slug(c) for c in atlas.instances_of[PFA.Country]}
    assert countries - set(places) == set()
    for key, place in places.items():
        assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180, key


def test_the_same_atlas_over_a_sparql_endpoint(oxigraph_server, atlas):
    """``PETAFLOP_ENDPOINT``: the app's look-ups give the same answers through Oxigraph's server."""
    remote = Atlas.load(open_backend("endpoint", oxigraph_server.query_url))
    assert remote.backend.store is None
    assert remote.type_counts() == atlas.type_counts()
    assert remote.search("콜로서스")[0] == PFID + "colossus"
    view = build_object_view(remote, PFID + "colossus", "en")
    v550 = next(v for v in view.property("chipCount").values if v.text == "550,000")
    assert 2040 in v550.lines
    r = console.run(remote.backend, "SELECT ?c WHERE { ?c a pfa:Country }", row_limit=3)
    assert r.ok and len(r.rows) == 3 and r.truncated
