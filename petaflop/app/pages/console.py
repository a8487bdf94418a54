"""SPARQL console: catalogue picker with parameter forms, editor, limits, views, downloads, permalinks."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from foundation.names import local_name
from foundation.namespaces import PREFIXES
from petaflop.app import charts, console, ui
from petaflop.app import sovereign as sv
from petaflop.app.data import GROUP_OF_CLASS, slug
from petaflop.app.graph import GROUP_COLORS, render_html

atlas = ui.atlas()
lang = ui.lang()
VIEWS = ["table", "bar", "graph", "map", "timeline"]

st.title(ui.t("page.sparql"))
st.caption(ui.t("console.intro"))

queries, cat_error = console.catalogue()
if cat_error:
    st.error(ui.t("console.catalogue_error", error=cat_error))
by_id = {q.id: q for q in queries}


def _title(qid: str) -> str:
    if not qid:
        return ui.t("console.adhoc")
    q = by_id[qid]
    return q.title_ko if lang == "ko" and q.title_ko else q.title


DEFAULT_TEXT = ("SELECT ?cluster ?label ?mw WHERE {\n  ?cluster a pfa:ComputeCluster ; rdfs:label ?label ;"
                " pfa:powerCapacityMW ?mw .\n  FILTER(lang(?label) = \"en\")\n} ORDER BY DESC(?mw)")


def _load_query() -> None:
    st.session_state.pop("c_result", None)


ui.from_url("query", "", options=["", *by_id])
qid = st.selectbox(ui.t("console.catalogue"), ["", *by_id], key="query", format_func=_title, on_change=_load_query)
ui.to_url("query", "")
query = by_id.get(qid or "")
# The editor holds the chosen catalogue query's text (until edited); "c_loaded" remembers for which.
if "c_text" not in st.session_state or st.session_state.get("c_loaded") != (qid or ""):
    if query is not None:
        st.session_state["c_text"] = query.sparql
        st.session_state["view"] = query.view
    elif "c_text" not in st.session_state:
        st.session_state["c_text"] = st.query_params.get("sparql") or DEFAULT_TEXT
    st.session_state["c_loaded"] = qid or ""
if query is not None:
    st.caption(query.description)

values: dict[str, str] = {}
if query is not None and query.params:
    cols = st.columns(min(3, len(query.params)))
    for i, p in enumerate(query.params):
        values[p.name] = cols[i % len(cols)].text_input(
            f"{p.name} ({p.type})", value=p.default, key="p." + p.name, help=p.description, bind="query-params")

text = st.text_area(ui.t("console.editor"), key="c_text", height=260)
c1, c2, c3, c4 = st.columns([1, 1, 1.2, 2])
timeout = c1.number_input(ui.t("console.timeout"), min_value=1.0, max_value=120.0, value=10.0, step=1.0,
                          key="timeout", bind="query-params")
limit = c2.number_input(ui.t("console.limit"), min_value=1, max_value=100_000, value=1000, step=100, key="limit",
                        bind="query-params")
default_view = query.view if query is not None else "table"
if "view" not in st.session_state and "view" not in st.query_params:
    st.session_state["view"] = default_view
view = c3.selectbox(ui.t("console.view"), VIEWS, key="view", bind="query-params")
run_clicked = c4.button(ui.t("console.run"), key="c_run", type="primary")
auto = st.query_params.get("run") == "1" and "c_result" not in st.session_state

if run_clicked or auto:
    params, perr = console.bind_params(query, values, lambda n: n.value in atlas.entities) if query else ({}, "")
    if perr:
        result = console.ConsoleResult(error=perr, error_kind="param")
    else:
        result = console.run(atlas.backend, text, params, timeout_s=float(timeout), row_limit=int(limit))
    st.session_state["c_result"] = result
    st.session_state["c_ran"] = {"q": qid, "values": dict(values), "text": text}
    if auto:
        del st.query_params["run"]  # a permalink runs its query once

result: console.ConsoleResult | None = st.session_state.get("c_result")
ran = st.session_state.get("c_ran", {})
link = console.permalink(ran.get("q") or None, ran.get("values"), None if ran.get("q") else ran.get("text"))
if result is not None and ran:
    st.caption(ui.t("console.permalink"))
    st.code("./sparql" + link, language=None)

if result is None:
    st.stop()
if not result.ok:
    st.error(result.error)
    if result.position:
        line, col = result.position
        lines = text.splitlines()
        if 1 <= line <= len(lines):
            st.code(f"{line}: {lines[line - 1]}\n{' ' * (len(str(line)) + 1 + col)}^", language=None)
    st.stop()

if result.kind == "ask":
    st.success(ui.t("console.ask", answer=str(result.boolean).lower()))
    st.stop()

st.markdown(ui.t("console.rows", n=len(result.rows), s=f"{result.elapsed_s * 1000:.0f}",
                 more=ui.t("console.truncated", limit=int(limit)) if result.truncated else ""))
d1, d2 = st.columns(2)
name = (ran.get("q") or "query")
d1.download_button(ui.t("console.csv"), console.to_csv(result), file_name=f"{name}.csv", mime="text/csv",
                   key="dl_csv", on_click="ignore")
d2.download_button(ui.t("console.json"), console.to_json(result), file_name=f"{name}.json",
                   mime="application/sparql-results+json", key="dl_json", on_click="ignore")

df = console.frame(result, atlas, lang)
kinds = console.column_kinds(result)
if view == "bar":
    label_col, num_col = console.pick_label_column(result, kinds), console.pick_number_column(result, kinds)
    if label_col and num_col:
        rows = df.dropna(subset=[num_col]).head(60).to_dict("records")
        st.vega_lite_chart(charts.bars(rows, x=label_col, y=num_col, horizontal=True, sort="-x",
                                       tooltip=list(df.columns[:8]), height=max(200, 18 * len(rows))), width="stretch")
    else:
        st.info(ui.t("console.no_view", view=view))
elif view == "graph":
    edges = console.graph_edges(result, kinds)
    if edges:
        g = nx.Graph()
        g.add_edges_from((a, b) for a, b, _ in edges)
        pos = nx.spring_layout(g, seed=11)
        nodes = []
        for n in g.nodes:
            cls = atlas.primary_type(n)
            group = GROUP_OF_CLASS.get(cls, atlas.group_of(cls) if cls else "other")
            nodes.append({"id": n, "label": atlas.label(n, lang), "x": float(pos[n][0] * 500),
                          "y": float(pos[n][1] * 350), "color": GROUP_COLORS.get(group, GROUP_COLORS["other"])})
        ui.html_frame(render_html(atlas, nodes, [{"source": a, "target": b, "label": local_name(lbl) if "://" in lbl
                                                    else lbl} for a, b, lbl in edges], height=500), height=520)
        st.caption(ui.t("console.graph_summary", nodes=g.number_of_nodes(), edges=len(edges)))
    else:
        st.info(ui.t("console.no_view", view=view))
elif view == "map":
    geo = sv.geo()
    rows = []
    num_col = console.pick_number_column(result, kinds)
    for r in result.rows:
        for i, v in enumerate(result.vars):
            t = r[i]
            if kinds[v] == "iri" and t is not None and slug(t.value) in geo:
                place = geo[slug(t.value)]
                n = r[result.vars.index(num_col)] if num_col else None
                rows.append({"place": atlas.label(t.value, lang), "lat": place["lat"], "lon": place["lon"],
                             "value": float(n.value) if n is not None else 1.0})
    if rows:
        mdf = pd.DataFrame(rows).groupby(["place", "lat", "lon"], as_index=False).agg(value=("value", "sum"),
                                                                                      rows=("value", "size"))
        st.vega_lite_chart(charts.world_map(mdf.to_dict("records"), size="rows", label="place",
                                            tooltip=["place", "rows", "value"]), width="content")
        st.caption(ui.t("console.map_summary", n=len(mdf)))
    else:
        st.info(ui.t("console.no_view", view=view))
elif view == "timeline":
    date_col = next((v for v in result.vars if kinds[v] == "date"), None)
    label_col = console.pick_label_column(result, kinds)
    if date_col:
        tdf = df.copy()
        tdf["_when"] = pd.to_datetime(tdf[date_col].astype(str).str.slice(0, 10).map(
            lambda s: s if len(s) == 10 else (s + "-01" if len(s) == 7 else s + "-01-01")), errors="coerce")
        tdf = tdf.dropna(subset=["_when"])
        tdf["_when"] = tdf["_when"].dt.strftime("%Y-%m-%d")
        st.vega_lite_chart(charts.timeline(tdf.to_dict("records"), when="_when", lane=label_col,
                                           tooltip=list(df.columns[:8]), height=max(200, 22 * min(len(tdf), 30))),
                           width="stretch")
    else:
        st.info(ui.t("console.no_view", view=view))
st.dataframe(df, hide_index=True, width="stretch")
st.caption(ui.t("console.prefixes", prefixes=", ".join(f"{p}:" for p in PREFIXES)))
