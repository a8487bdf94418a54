"""SPARQL console: an editor with highlighting and completion, the catalogue as examples, a history,
results as a table, chart, graph, map or timeline; the query and its parameters are the address.

Editing a catalogue query makes it the analyst's own: the address then holds the text
(``sparql=…``) instead of the catalogue id, and the catalogue's parameters are no longer bound.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from foundation.namespaces import PREFIXES
from petaflop.app import charts, console, ui, views, world
from petaflop.app import sovereign as sv
from petaflop.app.components import graph_canvas, sparql_editor
from petaflop.app.graph import simple_elements
from petaflop.app.strings import STRINGS
from petaflop.app.urlstate import Param

VIEWS = ["table", "bar", "graph", "map", "timeline"]
MAX_SPARQL = 4000
HISTORY = 20
DEFAULT_TEXT = ("SELECT ?cluster ?label ?mw WHERE {\n  ?cluster a pfa:ComputeCluster ; rdfs:label ?label ;"
                " pfa:powerCapacityMW ?mw .\n  FILTER(lang(?label) = \"en\")\n} ORDER BY DESC(?mw)")


def _norm(text: str) -> str:
    return " ".join((text or "").split())


def _set_text(text: str) -> None:
    st.session_state["c_text"] = text
    st.session_state["c_version"] = st.session_state.get("c_version", 0) + 1


def _on_editor() -> None:
    event = st.session_state.get("c_editor")
    if isinstance(event, dict) and event.get("seq") != st.session_state.get("_c_seq"):
        st.session_state["_c_seq"] = event.get("seq")
        st.session_state["c_text"] = str(event.get("text", ""))[:100_000]
        if event.get("run"):
            st.session_state["_c_run"] = True


def _on_plain() -> None:
    st.session_state["c_text"] = st.session_state.get("c_text_plain", "")


def _on_history() -> None:
    pick = st.session_state.get("c_history_pick")
    for entry in st.session_state.get("c_history", []):
        if entry["label"] == pick:
            st.session_state["_c_load"] = entry


def _result_views(result, kinds) -> list[str]:
    out = ["table"]
    if console.pick_label_column(result, kinds) and console.pick_number_column(result, kinds):
        out.append("bar")
    if console.graph_edges(result, kinds):
        out.append("graph")
    if any(kinds[v] == "iri" for v in result.vars):
        out.append("map")
    if any(kinds[v] == "date" for v in result.vars):
        out.append("timeline")
    return out


def _map_view(atlas, result, kinds, lang: str) -> bool:
    countries: dict[str, int] = {}
    for r in result.rows:
        for i, v in enumerate(result.vars):
            t = r[i]
            if kinds[v] == "iri" and t is not None and t.value in atlas.entities:
                c = sv.country_of(atlas, t.value)
                if c:
                    countries[c] = countries.get(c, 0) + 1
    if not countries:
        return False
    rows, points = [], []
    for c, n in countries.items():
        feature = world.feature_for(atlas.all_names(c))
        if feature is not None:
            rows.append({"name": feature["properties"]["name"], "label": atlas.label(c, lang), "value": n,
                         "text": str(n)})
        elif sv.position(atlas, c):
            lat, lon = sv.position(atlas, c)
            points.append({"lat": lat, "lon": lon, "label": f"{atlas.label(c, lang)}: {n}"})
    st.vega_lite_chart(charts.world_map(world.world(), rows, (), points, measure_title=ui.t("console.map_rows")),
                       width="content")
    st.caption(ui.t("console.map_summary", n=len(countries)))
    return True


def _show(atlas, result, view: str, lang: str) -> None:
    df = console.frame(result, atlas, lang)
    kinds = console.column_kinds(result)
    if view == "bar":
        label_col, num_col = console.pick_label_column(result, kinds), console.pick_number_column(result, kinds)
        rows = df.dropna(subset=[num_col]).head(60).to_dict("records")
        st.vega_lite_chart(charts.bars(rows, x=label_col, y=num_col, horizontal=True, sort="-x", x_title=None,
                                       tooltip=list(df.columns[:8]), height=max(200, 18 * len(rows))), width="stretch")
    elif view == "graph":
        edges = console.graph_edges(result, kinds)
        nodes = list(dict.fromkeys(n for a, b, _ in edges for n in (a, b)))
        labels = [(a, b, atlas.label(lbl, lang) if "://" in lbl else lbl) for a, b, lbl in edges]
        graph_canvas(simple_elements(atlas, nodes, labels, lang, seed=11), key="c_graph", height=500,
                     hint=ui.t("graph.mouse_hint_simple"), fit_label=ui.t("graph.fit"))
        st.caption(ui.t("console.graph_summary", nodes=len(nodes), edges=len(edges)))
    elif view == "map":
        if not _map_view(atlas, result, kinds, lang):
            st.info(ui.t("console.no_view", view=ui.t("console.view." + view)))
    elif view == "timeline":
        date_col = next(v for v in result.vars if kinds[v] == "date")
        label_col = console.pick_label_column(result, kinds)
        tdf = df.copy()
        tdf["_when"] = pd.to_datetime(tdf[date_col].astype(str).str.slice(0, 10).map(
            lambda s: s if len(s) == 10 else (s + "-01" if len(s) == 7 else s + "-01-01")), errors="coerce")
        tdf = tdf.dropna(subset=["_when"])
        tdf["_when"] = tdf["_when"].dt.strftime("%Y-%m-%d")
        st.vega_lite_chart(charts.timeline(tdf.to_dict("records"), when="_when", lane=label_col,
                                           tooltip=list(df.columns[:8]), height=max(200, 22 * min(len(tdf), 30))),
                           width="stretch")
    st.dataframe(df, hide_index=True, width="stretch")


def _gallery(queries, lang: str) -> None:
    with st.expander(ui.t("console.gallery", n=len(queries))):
        cols = st.columns(2)
        for i, q in enumerate(queries):
            with cols[i % 2].container(border=True):
                ui.link("sparql", f"**{ui.md(q.title_in(lang))}**", icon=":material/play_arrow:", query=q.id)
                st.caption(ui.md(q.description_in(lang)))


def render() -> None:
    atlas, lang = ui.atlas(), ui.lang()
    st.title(ui.t("page.sparql"))
    st.caption(ui.t("console.intro"))
    queries, cat_error = console.catalogue()
    if cat_error:
        st.error(ui.t("console.catalogue_error", error=ui.md(cat_error)))
    by_id = {q.id: q for q in queries}
    qid_raw = st.query_params.get("query", "")
    pending = st.session_state.get("_c_load")
    chosen = by_id.get(pending.get("query", "") if pending is not None else qid_raw)
    params = [Param("query", "", options=["", *by_id], max_chars=80),
              Param("sparql", "", max_chars=MAX_SPARQL), Param("view", "", options=["", *VIEWS]),
              Param("limit", console.DEFAULT_ROW_LIMIT, kind="int", lo=1, hi=100_000, widget="limit"),
              Param("timeout", console.DEFAULT_TIMEOUT_S, kind="float", lo=1, hi=120, widget="timeout"),
              Param("run", False, kind="bool")]
    if chosen is not None:
        params += [Param("p." + p.name, p.default or "", max_chars=200) for p in chosen.params]
    url = ui.url_state("sparql", *params)

    # the editor's text follows the address when it changed from outside (link, Back, permalink)
    load = st.session_state.pop("_c_load", None)
    if load is not None:
        url.set("query", load.get("query", ""))
        url.set("sparql", "" if load.get("query") else load.get("text", ""))
        _set_text(by_id[load["query"]].sparql if load.get("query") in by_id else load.get("text", ""))
    elif "query" in url.changed_outside or "sparql" in url.changed_outside or "c_text" not in st.session_state:
        if url["query"] in by_id:
            _set_text(by_id[url["query"]].sparql)
        else:
            _set_text(url["sparql"] or DEFAULT_TEXT)
    chosen = by_id.get(url["query"])
    text = st.session_state.get("c_text", "")
    if chosen is not None and _norm(text) != _norm(chosen.sparql):
        url.set("query", "")  # edited: the analyst's own query now, parameters unbound
        chosen = None
    if chosen is None:
        url.set("sparql", text if _norm(text) != _norm(DEFAULT_TEXT) else "")
        for name in list(url.params):
            if name.startswith("p."):
                url.set(name, "")
    else:
        url.set("sparql", "")

    _gallery(queries, lang)
    st.session_state["c_query_pick"] = url["query"]
    st.selectbox(ui.t("console.catalogue"), ["", *by_id], key="c_query_pick",
                 format_func=lambda q: by_id[q].title_in(lang) if q else ui.t("console.adhoc"),
                 on_change=lambda: st.session_state.update(_c_load={"query": st.session_state.get("c_query_pick", ""),
                                                                    "text": DEFAULT_TEXT}))
    if chosen is not None:
        st.caption(ui.md(chosen.description_in(lang)))
    values: dict[str, str] = {}
    if chosen is not None and chosen.params:
        cols = st.columns(min(3, len(chosen.params)))
        for i, p in enumerate(chosen.params):
            url.seed("p." + p.name)
            values[p.name] = cols[i % len(cols)].text_input(
                f"{p.name} ({ui.t('console.type.' + p.type) if 'console.type.' + p.type in STRINGS else p.type})",
                key="p." + p.name, help=p.description if lang == "en" else None, max_chars=200)
            url.set("p." + p.name, values[p.name])
    elif st.session_state.get("c_text", "") and chosen is None and qid_raw:
        st.caption(ui.t("console.edited"))

    plain = st.toggle(ui.t("console.plain"), key="c_plain", help=ui.t("console.plain_help"))
    if plain:
        st.session_state["c_text_plain"] = st.session_state.get("c_text", "")
        st.text_area(ui.t("console.editor"), key="c_text_plain", height=260, on_change=_on_plain)
    else:
        sparql_editor(st.session_state.get("c_text", ""), key="c_editor", vocabulary=console.vocabulary(atlas),
                      run_label=ui.t("console.run"), version=st.session_state.get("c_version", 0),
                      hint=ui.t("console.editor_hint"), on_change=_on_editor)
    c1, c2, c3, c4 = st.columns([1, 1, 1.2, 2])
    url.seed("timeout")
    timeout = c1.number_input(ui.t("console.timeout"), min_value=1.0, max_value=120.0, step=1.0, key="timeout")
    url.seed("limit")
    limit = c2.number_input(ui.t("console.limit"), min_value=1, max_value=100_000, step=100, key="limit")
    run_clicked = c4.button(ui.t("console.run"), key="c_run", type="primary") if plain else False
    history = st.session_state.setdefault("c_history", [])
    if history:
        c3.selectbox(ui.t("console.history"), [h["label"] for h in history], index=None, key="c_history_pick",
                     placeholder=ui.t("console.history_hint"), on_change=_on_history)
    text = st.session_state.get("c_text", "")
    run = run_clicked or st.session_state.pop("_c_run", False) or (url["run"] and "c_result" not in st.session_state)
    if run:
        bound, perr = console.bind_params(chosen, values, lambda n: n.value in atlas.entities) if chosen else ({}, "")
        if perr:
            result = console.ConsoleResult(error=perr, error_kind="param")
        else:
            result = console.run(atlas.backend, text, bound, timeout_s=float(timeout), row_limit=int(limit))
        st.session_state["c_result"] = result
        label = (chosen.title if chosen else _norm(text)[:70]) + f" · {len(result.rows) if result.ok else '!'}"
        entry = {"label": label, "query": chosen.id if chosen else "", "text": text}
        history[:] = [entry, *(h for h in history if h["label"] != label)][:HISTORY]
    url.publish(limit=int(limit), timeout=float(timeout), run=False)

    result = st.session_state.get("c_result")
    if result is None:
        views.save_box("sparql")
        return
    link = ui.href("sparql", **{k: v for k, v in url.values.items() if v not in ("", None, False)
                                and not (k == "limit" and v == console.DEFAULT_ROW_LIMIT)
                                and not (k == "timeout" and v == console.DEFAULT_TIMEOUT_S)}, run="1")
    st.caption(ui.t("console.permalink"))
    st.code(link, language=None)
    views.save_box("sparql")
    if not result.ok:
        st.error(ui.md(result.error))
        if result.position:
            line, col = result.position
            lines = text.splitlines()
            if 1 <= line <= len(lines):
                st.code(f"{line}: {lines[line - 1]}\n{' ' * (len(str(line)) + 1 + col)}^", language=None)
        return
    if result.kind == "ask":
        st.success(ui.t("console.ask", answer=ui.t("yes") if result.boolean else ui.t("no")))
        return
    st.markdown(ui.t("console.rows", n=len(result.rows), s=f"{result.elapsed_s * 1000:.0f}",
                     more=ui.t("console.truncated", limit=int(limit)) if result.truncated else ""))
    d1, d2 = st.columns(2)
    name = chosen.id if chosen else "query"
    d1.download_button(ui.t("console.csv"), console.to_csv(result), file_name=f"{name}.csv", mime="text/csv",
                       key="dl_csv", on_click="ignore")
    d2.download_button(ui.t("console.json"), console.to_json(result), file_name=f"{name}.json",
                       mime="application/sparql-results+json", key="dl_json", on_click="ignore")
    kinds = console.column_kinds(result)
    allowed = _result_views(result, kinds)
    preferred = url["view"] or (chosen.view if chosen is not None and chosen.view in allowed else "table")
    if "view" in url.changed_outside or run or st.session_state.get("view") not in allowed:
        st.session_state["view"] = preferred if preferred in allowed else "table"
    view = st.segmented_control(ui.t("console.view"), allowed, key="view", required=True,
                                format_func=lambda v: ui.t("console.view." + v))
    url.publish(view=view if view != "table" else "")
    _show(atlas, result, view, lang)
    st.caption(ui.t("console.prefixes", prefixes=", ".join(f"`{p}:`" for p in PREFIXES)))
