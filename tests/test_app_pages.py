"""Every page of the workbench and its main interactions, through Streamlit's AppTest.

The app finds the session's freshly built report graph through ``PETAFLOP_GRAPH``; pages are
opened by their address (``?page=object&id=colossus``), as a link or a permalink would; the
assertions are values the report graph holds (and the report's own text, read at run time).
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from streamlit.testing.v1 import AppTest

from petaflop.app import sovereign
from petaflop.app.backend import EmbeddedBackend
from petaflop.app.data import PFA, PFID, Atlas

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(scope="module")
def atlas(built_graph) -> Atlas:
    return Atlas.load(EmbeddedBackend.from_file(built_graph))


@pytest.fixture()
def app(built_graph, monkeypatch, tmp_path):
    monkeypatch.setenv("PETAFLOP_GRAPH", str(built_graph))
    monkeypatch.setenv("PETAFLOP_VIEWS_DIR", str(tmp_path / "views"))
    monkeypatch.delenv("PETAFLOP_ENDPOINT", raising=False)

    def make(page: str = "home", **params) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        at.query_params["page"] = page
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, at.exception
        return at

    return make


def texts(at: AppTest) -> list[str]:
    return [*(t.value for t in at.title), *(m.value for m in at.markdown), *(c.value for c in at.caption),
            *(s.value for s in at.subheader)]


def joined(at: AppTest) -> str:
    return "\n".join(texts(at))


def page_links(at: AppTest) -> list:
    return list(at.get("page_link"))


def qp(at: AppTest, key: str) -> list[str]:
    """A query parameter of the app's address, always as a list of values."""
    value = at.query_params.get(key)
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def link_params(link) -> dict[str, str]:
    from urllib.parse import parse_qs

    return {k: v[0] for k, v in parse_qs(link.proto.query_string).items()}


# ------------------------------------------------------------------ home and search

def test_home_groups_and_counts(app, atlas):
    at = app()
    assert at.title[0].value == "Petaflop Atlas"
    body = joined(at)
    for group in ("Organisations & people", "Hardware", "Facilities", "Energy", "Policy", "Geography"):
        assert f"**{group}**" in body
    n = atlas.type_counts()["https://petaflop-atlas.org/ontology#ComputeCluster"]
    links = {p.proto.label: p for p in page_links(at)}
    label = f"compute cluster or AI data center — {n}"
    assert link_params(links[label]) == {"page": "explorer", "type": "ComputeCluster"}


def test_home_search_korean_opens_the_object_page(app):
    at = app()
    at.text_input(key="search").set_value("콜로서스").run()
    assert at.button(key="open_first").label == "Open Colossus"
    assert qp(at, "q") == ["콜로서스"]  # the search is in the address
    at.button(key="open_first").click().run()
    assert not at.exception
    assert at.title[0].value == "Colossus"
    assert qp(at, "page") == ["object"] and qp(at, "id") == ["colossus"]


def test_search_in_either_language_finds_the_same_objects(atlas):
    assert set(atlas.search("스타게이트")) == set(atlas.search("Stargate"))
    assert len(atlas.search("Stargate")) > 3


def test_home_search_english_tolerates_spacing_and_case(app):
    at = app()
    at.text_input(key="search").set_value("COLOSSUS  2").run()
    assert at.button(key="open_first").label == "Open Colossus 2"
    at.text_input(key="search").set_value("nvidia h-20").run()
    assert at.button(key="open_first").label == "Open NVIDIA H20"


def test_language_switch_korean(app):
    at = app(lang="ko")
    assert "객체 유형" in [s.value for s in at.subheader]
    assert at.text_input(key="search").label.startswith("객체 검색")
    at.text_input(key="search").set_value("엔비디아").run()
    assert at.button(key="open_first").label == "엔비디아 열기"
    at.button(key="open_first").click().run()
    assert at.title[0].value == "엔비디아"
    assert "주요 속성" in [s.value for s in at.subheader]
    assert qp(at, "lang") == ["ko"]  # the language travels with the navigation


# ------------------------------------------------------------------ object page

def test_object_page_colossus_values_provenance_and_links(app, report_path):
    at = app("object", id="colossus")
    assert at.title[0].value == "Colossus"
    body = joined(at)
    assert "**chip count**" in body
    badge = next(m for m in texts(at) if m.startswith("**Report location:**") and re.search(r"line \d+", m))
    assert "**Cited source:**" in badge
    line = int(re.search(r"line (\d+)", badge).group(1))
    report_line = Path(report_path).read_text(encoding="utf-8").splitlines()[line - 1]
    assert f"{line}: {report_line}" in [c.value for c in at.code]  # the report's own text, read at run time
    assert "https://petaflop-atlas.org/id/colossus" in [c.value for c in at.code]  # the IRI, in a copy box
    links = {p.proto.label: p for p in page_links(at)}
    assert "xAI" in links  # its operator: an unverified link (below the precision gate), still a link
    assert link_params(links["xAI"]) == {"page": "object", "id": "xai"}
    assert "None" not in body and "(unitFromHeader)" not in body
    assert "inferred by rule inverse" not in body
    second = {p.proto.label: p for p in page_links(app("object", id="colossus-2"))}  # line 2038: its site
    assert link_params(second["Shelby County"]) == {"page": "object", "id": "shelby-county"}


def test_inferred_links_are_one_icon_with_the_rule_on_hover(app):
    at = app("object", id="nvidia")
    inferred = [p for p in page_links(at) if p.proto.help.startswith("Inferred by rule")]
    assert inferred and all(p.proto.icon == ":material/settings_suggest:" for p in inferred)


def test_object_page_in_korean_names_objects_in_korean(app):
    at = app("object", id="colossus", lang="ko")
    assert at.title[0].value == "콜로서스"  # the report's own Korean spelling
    assert "주요 속성" in [s.value for s in at.subheader]


def _badges(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if "-badge[" in m.value]


def test_object_page_lists_planned_links_with_their_status(app):
    """A link statement (a planned link) is shown next to the links with a status badge, as a
    link to its object; the statement node itself is never a link or a page."""
    at = app("object", id="site-nvidia-shanghai-r-d-center")
    body = joined(at)
    assert "##### Planned and other not-yet-actual links" in body
    assert "→ **owned by** · 1" in body and "→ **located in** · 1" in body
    assert sum("planned" in b for b in _badges(at)) == 2
    links = {p.proto.label: p for p in page_links(at)}
    assert link_params(links["NVIDIA"]) == {"page": "object", "id": "nvidia"}
    assert not [p for p in page_links(at) if "lst-" in str(link_params(p))]
    assert any(m.startswith("**Report location:**") for m in texts(at))  # where the report plans it
    korean = app("object", id="site-nvidia-shanghai-r-d-center", lang="ko")
    assert any("계획" in b for b in _badges(korean))
    lst = app("object", id="lst-947b00127f25bc16c8e2")  # a statement node is no object of its own
    assert lst.warning and lst.title[0].value != "lst-947b00127f25bc16c8e2"
    # an acquisition only announced: an unverified claim, its status shown too
    openai = app("object", id="openai")
    assert "Windsurf" in {p.proto.label for p in page_links(openai)}
    assert any("planned" in b for b in _badges(openai))


def test_planned_link_text_stays_inert(built_graph, monkeypatch, tmp_path):
    """Names on a link statement's ends are the report's text: escaped like every other name."""
    ns, facts = "https://petaflop-atlas.org/", "https://petaflop-atlas.org/graph/facts"
    store = ox.Store()
    store.load(path=str(Path(APP).parent / "ontology" / "atlas.ttl"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode(ns + "graph/ontology"))
    hostile = "<img src=x onerror=alert(1)> **b** [l](javascript:y)"
    ttl = f"""@prefix pfa: <{PFA}> . @prefix pfid: <{PFID}> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    pfid:site-a a pfa:Site ; rdfs:label "Site A"@en ; pfa:linkStatement pfid:lst-1 .
    pfid:firm-b a pfa:Firm ; rdfs:label "{hostile}"@en .
    pfid:lst-1 a pfa:LinkStatement ; pfa:linkProperty pfa:ownedBy ; pfa:linkObject pfid:firm-b ;
        pfa:statementStatus pfa:Planned ."""
    store.load(ttl.encode(), ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(facts))
    path = tmp_path / "small.nq"
    store.dump(output=str(path), format=ox.RdfFormat.N_QUADS)
    monkeypatch.setenv("PETAFLOP_GRAPH", str(path))
    monkeypatch.setenv("PETAFLOP_VIEWS_DIR", str(tmp_path / "views"))
    monkeypatch.delenv("PETAFLOP_ENDPOINT", raising=False)
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["page"], at.query_params["id"] = "object", "site-a"
    at.run()
    assert not at.exception, at.exception
    assert any("planned" in b for b in _badges(at))
    label = next(p.proto.label for p in page_links(at) if link_params(p).get("id") == "firm-b")
    assert "<img" not in label and "&lt;img" in label and "\\*\\*b\\*\\*" in label
    assert "<img" not in joined(at)


def test_object_page_unknown_id_offers_search(app):
    at = app("object", id="no-such-thing")
    assert any("no\\-such\\-thing" in w.value for w in at.warning)  # shown as typed, escaped


def test_garbage_address_says_so_and_shows_the_default(app):
    at = app("nonsense", foo="<script>", lang="xx")
    warning = at.warning[0].value
    assert "`page`" in warning and "`foo`" in warning and "`lang`" in warning
    assert at.title[0].value == "Petaflop Atlas"  # the default page, in the default language
    assert not qp(at, "foo") and qp(at, "page") in ([], ["home"])
    long = app("object", id="x" * 5000)
    assert any("was 5000 characters long and was cut" in w.value for w in long.warning)


# ------------------------------------------------------------------ explorer

def test_explorer_state_from_url_and_facet_filter(app, atlas):
    nvidia = [c for c in atlas.instances(PFA.Chip) if PFID + "nvidia" in {v.value for v in atlas.values(c, PFA.designedBy)}]
    at = app("explorer", type="Chip", **{"f.designedBy": ["nvidia"]})
    body = joined(at)
    assert re.search(rf"\*\*{len(nvidia)}\*\* of \d+ objects of type \*chip\* match", body)
    assert "Matching:" in body and len(nvidia) > 3
    at.multiselect(key="f.designedBy").set_value(["nvidia", "amd"]).run()
    assert qp(at, "f.designedBy") == ["nvidia", "amd"]
    assert re.search(r"\*\*(\d+)\*\* of", joined(at)).group(1) != str(len(nvidia))


def test_explorer_linked_object_filter(app):
    at = app("explorer", type="Chip")
    at.selectbox(key="via").set_value("out:designedBy").run()
    at.multiselect(key="vval").set_value(["amd"]).run()
    body = joined(at)
    assert re.search(r"\*\*\d+\*\* of \d+ objects", body) and "AMD" in body
    assert qp(at, "via") == ["out:designedBy"] and qp(at, "vval") == ["amd"]


# ------------------------------------------------------------------ graph

def test_graph_canvas_lives_in_the_address(app, atlas):
    at = app("graph", seed="colossus-2")  # its site (line 2038), chips (line 2039) and target chips (line 2040)
    n = int(re.search(r"\*\*(\d+)\*\* objects", joined(at)).group(1))
    neighbours = {o for _, _, o, _ in atlas.links(PFID + "colossus-2")} | {
        o for _, _, o, _ in atlas.claimed_links(PFID + "colossus-2")} | {
        o for _, _, o, _, _ in atlas.stated_links(PFID + "colossus-2")}
    assert n == 1 + len(neighbours) and n > 2
    at.selectbox(key="sa_sel").set_value("nvidia-gb200").run()
    assert qp(at, "sel") == ["nvidia-gb200"]
    assert "#### NVIDIA GB200" in joined(at)  # the side panel shows the selection
    at.button(key="sa_expand").click().run()
    assert qp(at, "ops") == ["x:nvidia-gb200"]
    grown = int(re.search(r"\*\*(\d+)\*\* objects", joined(at)).group(1))
    assert grown > n
    # a permalink redraws the same canvas
    again = app("graph", seed="colossus-2", ops="x:nvidia-gb200", sel="nvidia-gb200")
    assert f"**{grown}** objects" in joined(again)
    at.button(key="sa_collapse").click().run()
    assert f"**{n}** objects" in joined(at)


def test_graph_draws_planned_links(app):
    """A link the report states as planned (Oracle procuring AMD MI355X) is on the canvas with its
    status: the side panel lists it, the legend explains the dashed edge; the page does not raise."""
    at = app("graph", seed="oracle", sel="amd-mi355x")
    body = joined(at)
    assert "#### AMD MI355X" in body
    assert "→ procured by · **Oracle** · *planned*" in body  # the canonical reading (procuredBy), its status
    assert "planned, a target, a forecast or an estimate (not yet actual)" in body  # the legend
    ko = app("graph", seed="oracle", sel="amd-mi355x", lang="ko")
    assert "계획·목표·전망·추정" in joined(ko) and "**오라클** · *계획*" in joined(ko)


def test_graph_paths_with_provenance(app):
    at = app("graph", seed="nvidia", to="nvidia-h20")
    body = joined(at)
    assert re.search(r"Path 1 · \d+ links", body)
    assert "**Report location:**" in body or "Inferred by rule" in str([c.proto.help for c in at.caption])


# ------------------------------------------------------------------ sovereign, export controls, power

def test_sovereign_page_filters_and_totals(app, atlas):
    flows = sovereign.flows(atlas)
    at = app("sovereign")
    assert f"**{len(flows)}** flows in **{len({f.key for f in flows})}**" in joined(at)
    at.multiselect(key="countries").set_value(["united-arab-emirates"]).run()
    body = joined(at)
    uae = [f for f in flows if PFID + "united-arab-emirates" in f.countries()]
    assert uae and f"**{len(uae)}** flows" in body
    assert qp(at, "countries") == ["united-arab-emirates"]


def test_export_controls_timeline_and_what_if(app, atlas):
    at = app("export-controls")
    body = joined(at)
    assert re.search(r"`2025-\d\d-\d\d`", body)
    m = re.search(r"\*\*(\d+)\*\* of (\d+) chips in the graph are above \*\*1\.8 TB/s\*\*", body)
    assert m and int(m.group(1)) >= 3
    assert "workbench's default" in body or "Default from the graph" in body  # the default's source is shown
    at.slider(key="wi_cap").set_value(1.6).run()
    lower = re.search(r"\*\*(\d+)\*\* of \d+ chips in the graph are above \*\*1\.6 TB/s\*\*", joined(at))
    assert lower and int(lower.group(1)) > int(m.group(1))
    assert qp(at, "cap") == ["1.6"]


def test_power_page(app):
    at = app("power")
    body = joined(at)
    # the ten largest, current and planned apart (Colossus's 300 MW is now below the tenth)
    assert "- **Stargate** — planned 10,000 MW" in body  # its 5 GW is contracted, to be built: planned too
    assert "- **Hyperion** — planned 5,000 MW" in body  # a plan is no current power
    at.slider(key="min_mw").set_value(5000).run()
    assert qp(at, "min_mw") == ["5000"]


# ------------------------------------------------------------------ SPARQL console

def test_console_catalogue_query_run_and_downloads(app):
    at = app("sparql", query="clusters-by-power")
    at.toggle(key="c_plain").set_value(True).run()
    at.text_input(key="p.min_mw").set_value("1000").run()
    at.button(key="c_run").click().run()
    assert not at.exception
    body = joined(at)
    assert re.search(r"\*\*\d+\*\* rows in \d+ ms", body)
    assert "./?page=sparql&query=clusters-by-power&p.min_mw=1000&run=1" in [c.value for c in at.code]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:2] == ["Download CSV", "Download JSON"]
    table = at.dataframe[0].value
    assert len(table) > 0 and all(v >= 1000 for v in table["max_mw"])


def test_console_picking_from_the_catalogue_binds_its_parameters(app):
    at = app("sparql")
    at.selectbox(key="c_query_pick").set_value("clusters-by-power").run()
    assert not at.exception
    assert qp(at, "query") == ["clusters-by-power"]
    assert [t.label for t in at.text_input][:1] == ["min_mw (decimal)"]
    at.selectbox(key="c_query_pick").set_value("").run()
    assert not qp(at, "query") and not at.exception


def test_console_editing_a_catalogue_query_makes_it_ad_hoc(app):
    at = app("sparql", query="clusters-by-power", **{"p.min_mw": "1000"})
    at.toggle(key="c_plain").set_value(True).run()
    text = at.text_area(key="c_text_plain").value
    at.text_area(key="c_text_plain").set_value(text.replace("DESC", "ASC")).run()
    assert not qp(at, "query") and not qp(at, "p.min_mw")
    assert "ASC" in qp(at, "sparql")[0]


def test_console_syntax_error_update_and_permalink_run(app):
    at = app("sparql")
    at.toggle(key="c_plain").set_value(True).run()
    at.text_area(key="c_text_plain").set_value("SELECT ?s WHERE {\n  ?s a pfa:Chip .\n  FILTER( }").run()
    at.button(key="c_run").click().run()
    assert any("syntax error at line 3, column" in e.value for e in at.error)
    at.text_area(key="c_text_plain").set_value("DELETE WHERE { ?s ?p ?o }").run()
    at.button(key="c_run").click().run()
    assert any("is a SPARQL update" in e.value for e in at.error)
    linked = app("sparql", query="export-control-timeline", run="1")
    assert re.search(r"\*\*\d+\*\* rows", joined(linked))


# ------------------------------------------------------------------ saved views

def test_save_and_reopen_a_view(app):
    at = app("explorer", type="Chip", **{"f.designedBy": ["amd"]})
    at.text_input(key="view_name_explorer").set_value("Banned chips").run()
    at.button(key="view_save_explorer").click().run()
    views = app("views")
    link = next(p for p in page_links(views) if "Banned chips" in p.proto.label)
    params = link_params(link)
    assert params["page"] == "explorer" and params["type"] == "Chip"
    assert params["f.designedBy"] == "amd"


# ------------------------------------------------------------------ export

def test_export_page_preview_and_download(app):
    at = app("export", seeds=["stargate"], hops="1")
    m = re.search(r"Preview: \*\*(\d+)\*\* objects, \*\*(\d+)\*\* links, \*\*(\d+)\*\* triples", joined(at))
    assert m and int(m.group(1)) > 1 and int(m.group(2)) > 0
    at.selectbox(key="format").set_value("turtle").run()
    at.button(key="prepare").click().run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert len(labels) == 1 and re.match(r"Download petaflop-stargate-1hop\.ttl \([\d,]+ bytes\)", labels[0])


# ------------------------------------------------------------------ endpoint mode

def test_app_reads_a_sparql_endpoint_by_configuration(oxigraph_server, monkeypatch):
    monkeypatch.setenv("PETAFLOP_ENDPOINT", oxigraph_server.query_url)
    monkeypatch.setenv("PETAFLOP_GRAPH", "/nonexistent/atlas.nq")  # not used in endpoint mode
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["page"] = "object"
    at.query_params["id"] = "colossus"
    at.run()
    assert not at.exception
    assert f"Data: endpoint {oxigraph_server.query_url}" in [c.value for c in at.sidebar.caption]
    assert at.title[0].value == "Colossus"
    assert "**chip count**" in joined(at)
