"""Export controls: timeline, the China line-up against the thresholds, what-if by the ontology's rule."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from foundation.names import local_name
from petaflop.app import charts, controls, ui
from petaflop.app.components import graph_canvas
from petaflop.app.data import format_number, slug
from petaflop.app.format import cell
from petaflop.app.graph import simple_elements
from petaflop.app.urlstate import Param

METRICS = ["bandwidth", "tpp", "memory"]


def _timeline(atlas, lang: str) -> None:
    st.subheader(ui.t("controls.timeline"))
    events = controls.timeline(atlas, lang)
    if not events:
        st.info(ui.t("controls.no_events"))
        return
    rows = [{ui.t("controls.col.date"): controls._date_key(e.date), ui.t("controls.col.when"): e.date,
             ui.t("controls.col.event"): e.label, ui.t("controls.col.actor"): e.actor_label or "—",
             ui.t("controls.col.kind"): e.kind} for e in events]
    st.vega_lite_chart(charts.timeline(rows, when=ui.t("controls.col.date"), lane=ui.t("controls.col.actor"),
                                       color=ui.t("controls.col.kind"),
                                       tooltip=[ui.t("controls.col.when"), ui.t("controls.col.event"),
                                                ui.t("controls.col.actor")]), width="stretch")
    for e in events:
        c1, c2 = st.columns([5, 1])
        actor = f" · **{ui.md(e.actor_label)}**" if e.actor_label else ""
        c1.markdown(f"`{e.date}`{actor} — {ui.md(e.label)}")
        with c2:
            if e.statement is not None:
                ui.provenance_badge(e.statement, key=f"tl-{slug(e.event)}-{e.date}")


def _lineup(atlas, lang: str, bw_cap: float) -> None:
    skus = controls.china_skus(atlas, lang)
    if not skus:
        st.info(ui.t("controls.no_skus"))
        return
    order = [sk.label for sk in skus]
    status, chip = ui.t("controls.status"), ui.t("controls.chip")
    bw_title, tf_title = ui.t("controls.bandwidth_axis"), ui.t("controls.tflops_axis")
    bw_rows = [{chip: sk.label, bw_title: v, status: sk.status or "—", "code": sk.status_code}
               for sk in skus for v in sk.bandwidth]
    tf_rows = [{chip: sk.label, tf_title: v, status: sk.status or "—", "code": sk.status_code}
               for sk in skus for v in sk.tflops]
    specs = [charts.bars(bw_rows, x=chip, y=bw_title, color=status, sort=order, rule=bw_cap,
                         color_scale=charts.status_scale(bw_rows, status, "code"))]
    if tf_rows:
        specs.append(charts.bars(tf_rows, x=chip, y=tf_title, color=status, sort=order,
                                 color_scale=charts.status_scale(tf_rows, status, "code")))
    for col, spec in zip(st.columns(len(specs)), specs, strict=True):
        col.vega_lite_chart(spec, width="stretch")


def _source(atlas, metric: controls.Metric, lang: str) -> None:
    if metric.source == "graph":
        text = ui.t("controls.source.graph", name=ui.md(atlas.label(metric.source_ref, lang)))
    elif metric.source == "rule":
        text = ui.t("controls.source.rule", ref=ui.md(metric.source_ref))
    elif metric.source_ref:
        text = ui.t("controls.source.named", name=ui.md(atlas.label(metric.source_ref, lang)),
                    value=format_number(metric.default), unit=metric.unit)
    else:
        text = ui.t("controls.source.default", value=format_number(metric.default), unit=metric.unit)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(ui.ICON_PLACE + " " + text, width="content")
        if metric.statement is not None:
            ui.provenance_badge(metric.statement, key="whatif-source", compact=True)


@st.fragment
def _what_if() -> None:
    atlas, lang = ui.atlas(), ui.lang()
    all_metrics = controls.metrics(atlas)
    url = ui.url_state("export-controls", Param("metric", "bandwidth", options=METRICS),
                       Param("cap", None, kind="float", lo=0, hi=1e6, widget="wi_cap"))
    url.seed("metric")
    key = st.segmented_control(ui.t("controls.metric"), METRICS, key="metric", required=True,
                               format_func=lambda m: ui.t("controls.metric." + m))
    metric = all_metrics[key]
    cap_value = url["cap"] if url["cap"] is not None and metric.lo <= url["cap"] <= metric.hi else metric.default
    if "cap" in url.changed_outside or "wi_cap" not in st.session_state or st.session_state.get("_wi_metric") != key:
        st.session_state["wi_cap"] = float(cap_value)
    st.session_state["_wi_metric"] = key
    cap = st.slider(ui.t("controls.cap", unit=metric.unit), min_value=metric.lo, max_value=metric.hi,
                    step=metric.step, key="wi_cap")
    url.publish(metric=key, cap=None if cap == metric.default else cap)
    _source(atlas, metric, lang)
    if key == "bandwidth":
        _lineup(atlas, lang, cap)
    rows = controls.crossing(atlas, metric, cap, lang)
    above = [r for r in rows if r.exceeds]
    st.markdown(ui.t("controls.crossing", n=len(above), total=len(rows), cap=format_number(cap), unit=metric.unit,
                     names=", ".join(ui.md(r.label) for r in above[:30]) or "—"))
    st.caption(ui.t("controls.whatif_intro", rule=local_name(controls.RULE_EXCEEDS)))
    st.dataframe(pd.DataFrame([{ui.t("controls.chip"): r.label, metric.unit: r.value,
                                ui.t("controls.status"): cell(r.status),
                                ui.t("controls.restricted"): ui.t("yes") if r.exceeds else ui.t("no")}
                               for r in rows]), hide_index=True, width="stretch")
    exp = controls.exposure(atlas, [r.chip for r in above])
    st.subheader(ui.t("controls.affected"))
    cols = st.columns(3)
    for col, (title, items) in zip(cols, ((ui.t("controls.affected.clusters"), exp.clusters),
                                          (ui.t("controls.affected.firms"), exp.firms),
                                          (ui.t("controls.affected.countries"), exp.countries)), strict=True):
        with col:
            st.markdown(f"**{title}** · {len(items)}")
            for item, via in sorted(items.items(), key=lambda kv: atlas.label(kv[0], lang).casefold())[:40]:
                ui.object_link(item, f"{atlas.label(item, lang)} ← {', '.join(atlas.label(v, lang) for v in sorted(via))[:80]}")
    if exp.edges:
        nodes = list(dict.fromkeys([*(r.chip for r in above), *(n for e in exp.edges for n in e[:2])]))
        edges = [(a, b, atlas.prop_label(controls.PFA[rel], lang) if rel != "in" else ui.t("sov.edge.in"))
                 for a, b, rel in exp.edges]
        graph_canvas(simple_elements(atlas, nodes, edges, lang), key="wi_graph", height=460,
                     hint=ui.t("graph.mouse_hint_simple"), fit_label=ui.t("graph.fit"))


def render() -> None:
    atlas, lang = ui.atlas(), ui.lang()
    st.title(ui.t("page.export-controls"))
    _timeline(atlas, lang)
    st.subheader(ui.t("controls.whatif"))
    _what_if()
    del atlas, lang
