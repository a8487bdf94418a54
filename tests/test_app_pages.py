"""Every page of the workbench and its main interactions, through Streamlit's AppTest.

The app finds the session's freshly built report graph through ``PETAFLOP_GRAPH``; the
assertions are values the report graph holds (and the report's own text, read at run time).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from petaflop.app import sovereign
from petaflop.app.backend import EmbeddedBackend
from petaflop.app.data import Atlas

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = "petaflop/app/pages"


@pytest.fixture()
def app(built_graph, monkeypatch):
    monkeypatch.setenv("PETAFLOP_GRAPH", str(built_graph))
    monkeypatch.delenv("PETAFLOP_ENDPOINT", raising=False)

    def make(page: str | None = None, **params) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        if page is None:
            for k, v in params.items():
                at.query_params[k] = v
            at.run()
        else:
            at.run()
            assert not at.exception, at.exception
            open_page(at, page, **params)
        assert not at.exception, at.exception
        return at

    return make


def open_page(at: AppTest, page: str, **params) -> AppTest:
    at.query_params.clear()
    for k, v in params.items():
        at.query_params[k] = v
    at.switch_page(f"{PAGES}/{page}.py").run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> list[str]:
    return [*(t.value for t in at.title), *(m.value for m in at.markdown), *(c.value for c in at.caption),
            *(s.value for s in at.subheader)]


def joined(at: AppTest) -> str:
    return "\n".join(texts(at))


def page_links(at: AppTest) -> list:
    return list(at.get("page_link"))


# ------------------------------------------------------------------ home and search

def test_home_groups_and_counts(app, built_graph):
    at = app()
    assert at.title[0].value == "Petaflop Atlas"
    body = joined(at)
    for group in ("Organisations & people", "Hardware", "Facilities", "Energy", "Policy", "Geography"):
        assert f"**{group}**" in body
    atlas = Atlas.load(EmbeddedBackend.from_file(built_graph))
    n = atlas.type_counts()["https://petaflop-atlas.org/ontology#ComputeCluster"]
    labels = [p.proto.label for p in page_links(at)]
    assert f"compute cluster or AI data center — {n}" in labels


def test_home_search_korean_opens_the_object_page(app):
    at = app()
    at.text_input(key="search").set_value("콜로서스").run()
    assert at.button(key="open_first").label == "Open Colossus"
    assert "Colossus campus · compute cluster or AI data center" in [p.proto.label for p in page_links(at)]
    at.button(key="open_first").click().run()
    assert not at.exception
    assert at.title[0].value == "Colossus"


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


# ------------------------------------------------------------------ object page

def test_object_page_colossus_values_provenance_and_links(app, report_path):
    at = app("object", id="colossus")
    assert at.title[0].value == "Colossus"
    body = joined(at)
    assert "**chip count**" in body
    assert "**550,000**" in body  # one of the conflicting values, side by side
    assert re.search(r"The report gives \d+ different values", body)
    badge = next(m for m in texts(at)
                 if m.startswith("**Report location:** chapter IV · table IV-09-1, row 3, column 2 · line 2040"))
    assert "**Slide:** IV. AI 군비경쟁: Colossus by xAI" in badge
    cited = re.search(r"\*\*Cited source:\*\* (.*)", badge).group(1)
    assert "xAI" in [c.strip() for c in cited.split(", ")]
    report_line = Path(report_path).read_text(encoding="utf-8").splitlines()[2039]
    assert f"2040: {report_line}" in [c.value for c in at.code]  # the report's own text, read at run time
    assert "gigawatt cluster" in body and "`gigawatt-cluster`" in body  # inferred type with its rule
    links = {p.proto.label: p for p in page_links(at)}
    assert {"Shelby County", "Tennessee", "xAI", "NVIDIA GB200"} <= set(links)
    assert "id=shelby-county" in links["Shelby County"].proto.query_string


def test_object_page_colossus_2_and_following_a_link(app):
    at = app("object", id="colossus-2")
    assert at.title[0].value == "Colossus 2"
    assert "Colossus 2단계" in joined(at)  # its Korean alias
    claims = at.dataframe[0].value
    assert "20,000,000,000,000,000,000,000" in set(claims["value"]) and "FLOPS" in set(claims["unit"])
    link = next(p for p in page_links(at) if p.proto.label == "Tennessee")
    assert "id=tennessee" in link.proto.query_string
    open_page(at, "object", id="tennessee")
    assert at.title[0].value == "Tennessee"
    assert {"Colossus", "Colossus 2"} <= {p.proto.label for p in page_links(at)}


def test_object_page_unknown_id_offers_search(app):
    at = app("object", id="no-such-thing")
    assert any("no-such-thing" in w.value for w in at.warning)


# ------------------------------------------------------------------ explorer

def test_explorer_state_from_url_and_facet_filter(app):
    at = app("explorer", type="Chip", **{"f.exportStatusToChina": ["exportstatustochina-banned"]})
    body = joined(at)
    assert re.search(r"\*\*3\*\* of \d+ objects of type \*chip\* match", body)
    assert "Matching: NVIDIA B100, NVIDIA H100, NVIDIA H800" in body
    at.multiselect(key="f.exportStatusToChina").set_value(["exportstatustochina-effectively-allowed"]).run()
    assert "Matching: NVIDIA H20" in joined(at)


def test_explorer_linked_object_filter(app):
    at = app("explorer", type="ComputeCluster")
    at.selectbox(key="via").set_value("out:operatedBy").run()
    at.multiselect(key="vval").set_value(["xai"]).run()
    body = joined(at)
    assert re.search(r"\*\*1\*\* of \d+ objects", body) and "Matching: Colossus" in body


# ------------------------------------------------------------------ graph

def test_graph_search_around_expand_collapse_and_paths(app):
    at = app("graph", seed="colossus")
    assert "**5** objects, **" in joined(at)  # Colossus and its four neighbours
    at.selectbox(key="sa_node").set_value("https://petaflop-atlas.org/id/xai").run()
    at.button(key="sa_expand").click().run()
    assert not at.exception
    m = re.search(r"Expanded xAI: (\d+) linked objects", joined(at))
    assert m and int(m.group(1)) > 1
    grown = int(re.search(r"\*\*(\d+)\*\* objects", joined(at)).group(1))
    assert grown > 5
    at.selectbox(key="sa_node").set_value("https://petaflop-atlas.org/id/xai").run()
    at.button(key="sa_collapse").click().run()
    assert "**5** objects, **" in joined(at)
    at.selectbox(key="path_to").set_value("xai").run()
    body = joined(at)
    assert "Path 1 · 1 links" in body and "**Colossus** —operated by→ **xAI**" in body
    assert "**Report location:** chapter IV · line 1994" in body  # provenance of the path's edge


# ------------------------------------------------------------------ sovereign, export controls, power

def test_sovereign_page_filters(app, built_graph):
    at = app("sovereign")
    atlas = Atlas.load(EmbeddedBackend.from_file(built_graph))
    n = len(sovereign.flows(atlas))
    assert f"**{n}** flows" in joined(at)
    at.segmented_control(key="focus").set_value("us-gulf").run()
    body = joined(at)
    assert "**UAE 국부펀드 등** → **United States**: $1.4 tn" in body
    at.segmented_control(key="focus").set_value("all").run()
    at.multiselect(key="countries").set_value(["france"]).run()
    body = joined(at)
    assert "**MGX** → **Mistral AI Cluster**: $300 bn" in body
    assert "UAE 국부펀드 등" not in body


def test_export_controls_timeline_and_what_if(app):
    at = app("controls")
    body = joined(at)
    assert "`2025-07-15` · **Trump administration**" in body
    assert ("With a cap of **1.8 TB/s**, **3** chips would be restricted: NVIDIA H100, NVIDIA H20, NVIDIA B100."
            in body)
    at.slider(key="bw_cap").set_value(1.6).run()
    assert ("**5** chips would be restricted: NVIDIA H800, NVIDIA RTX PRO 6000D, NVIDIA H100, NVIDIA H20, "
            "NVIDIA B100." in joined(at))
    at.slider(key="bw_cap").set_value(1.8).run()
    at.toggle(key="use_tf").set_value(True).run()
    at.slider(key="tf_cap").set_value(500.0).run()
    assert "**4** chips would be restricted: NVIDIA H800, NVIDIA H100, NVIDIA H20, NVIDIA B100." in joined(at)


def test_power_page(app):
    at = app("power")
    body = joined(at)
    assert "- **Colossus** — current 35,000 MW" in body
    assert "- **Tesla Megapack** (battery energy storage system) → Colossus campus — claim: 208 ×" in body
    at.slider(key="min_mw").set_value(5000).run()
    assert "- **Colossus** — current 35,000 MW" in joined(at)
    assert "Industrial AI Factory" not in joined(at)


# ------------------------------------------------------------------ SPARQL console

def test_console_catalogue_query_run_and_downloads(app):
    at = app("console")
    at.selectbox(key="query").set_value("clusters-by-power").run()
    at.text_input(key="p.min_mw").set_value("1000").run()
    at.button(key="c_run").click().run()
    assert not at.exception
    body = joined(at)
    assert re.search(r"\*\*\d+\*\* rows in \d+ ms", body)
    assert [c.value for c in at.code if "query=clusters-by-power" in c.value] == [
        "./sparql?query=clusters-by-power&p.min_mw=1000&run=1"]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download JSON"]
    table = at.dataframe[0].value
    assert "Colossus" in set(table["label"])
    assert all(v >= 1000 for v in table["max_mw"])


def test_console_syntax_error_update_and_permalink_run(app):
    at = app("console")
    at.selectbox(key="query").set_value("").run()
    at.text_area(key="c_text").set_value("SELECT ?s WHERE {\n  ?s a pfa:Chip .\n  FILTER( }").run()
    at.button(key="c_run").click().run()
    assert any("syntax error at line 3, column" in e.value for e in at.error)
    assert any(c.value.startswith("3:   FILTER( }") for c in at.code)
    at.text_area(key="c_text").set_value("DELETE WHERE { ?s ?p ?o }").run()
    at.button(key="c_run").click().run()
    assert any("read-only" in e.value for e in at.error)
    linked = app("console", query="export-control-timeline", run="1")
    assert re.search(r"\*\*\d+\*\* rows", joined(linked))


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
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert f"Data: endpoint {oxigraph_server.query_url}" in [c.value for c in at.sidebar.caption]
    open_page(at, "object", id="colossus")
    assert at.title[0].value == "Colossus"
    assert "**550,000**" in joined(at)
