"""Export controls: timeline, NVIDIA's China line-up against the thresholds, what-if by the rule."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from foundation.names import local_name
from petaflop.app import charts, controls, ui
from petaflop.app.data import format_number

atlas = ui.atlas()
lang = ui.lang()

st.title(ui.t("page.export-controls"))

# ---------------------------------------------------------------- timeline
st.subheader(ui.t("controls.timeline"))
events = controls.timeline(atlas, lang)
if events:
    rows = [{"date": controls._date_key(e.date), "when": e.date, "event": e.label, "actor": e.actor_label or "—",
             "kind": e.kind, "description": e.description, "line": e.line} for e in events]
    st.vega_lite_chart(charts.timeline(rows, when="date", lane="actor", color="kind",
                                       tooltip=["when", "event", "actor", "description", "line"]), width="stretch")
    for e in events:
        c1, c2 = st.columns([5, 1])
        actor = f" · **{e.actor_label}**" if e.actor_label else ""
        c1.markdown(f"`{e.date}`{actor} — {e.description or e.label}")
        with c2:
            if e.statement is not None:
                ui.provenance_badge(e.statement, key=f"tl-{e.event}-{e.date}")
else:
    st.info(ui.t("controls.no_events"))

# ---------------------------------------------------------------- SKUs vs thresholds
st.subheader(ui.t("controls.skus"))
skus = controls.china_skus(atlas, lang)
thresholds = controls.thresholds(atlas, lang)
graph_cap = next((cap for _, _, cap in thresholds if cap is not None), None)
for _t_iri, t_label, cap in thresholds:
    st.caption(ui.t("controls.threshold", name=t_label,
                    cap=f"{format_number(cap)} TB/s" if cap is not None else ui.t("controls.no_cap")))

@st.fragment
def _what_if() -> None:
    c1, c2, c3 = st.columns(3)
    bw_cap = c1.slider(ui.t("controls.bw_cap"), min_value=0.5, max_value=10.0, step=0.05,
                       value=float(graph_cap if graph_cap is not None else 1.8), key="bw_cap", bind="query-params")
    use_tf = c2.toggle(ui.t("controls.use_tflops"), key="use_tf", value=False, bind="query-params")
    tf_cap = c3.slider(ui.t("controls.tf_cap"), min_value=50.0, max_value=3000.0, step=10.0, value=500.0,
                       key="tf_cap", disabled=not use_tf, bind="query-params")

    rows = controls.what_if(atlas, bw_cap, tf_cap if use_tf else None, lang=lang)
    if skus:
        order = [sk.label for sk in skus]
        status = ui.t("controls.status")
        bw_rows = [{"chip": sk.label, "bandwidth (TB/s)": v, status: sk.status} for sk in skus for v in sk.bandwidth]
        tf_rows = [{"chip": sk.label, "BF16 dense (TFLOPS)": v, status: sk.status} for sk in skus for v in sk.tflops]
        specs = [charts.bars(bw_rows, x="chip", y="bandwidth (TB/s)", color=status, sort=order, rule=bw_cap)]
        if tf_rows:
            specs.append(charts.bars(tf_rows, x="chip", y="BF16 dense (TFLOPS)", color=status, sort=order,
                                     rule=tf_cap if use_tf else None))
        for col, spec in zip(st.columns(len(specs)), specs, strict=True):
            col.vega_lite_chart(spec, width="stretch")
    else:
        st.info(ui.t("controls.no_skus"))

    st.markdown(ui.t("controls.whatif_intro", rule=local_name(controls.RULE_EXCEEDS),
                     label=atlas.rule_label(controls.RULE_EXCEEDS)))


    def _yes(v: bool | None) -> str:
        return "—" if v is None else ui.t("yes" if v else "no")


    table = pd.DataFrame([{ui.t("controls.chip"): r.label, ui.t("controls.status"): r.status,
                           "TB/s": r.bandwidth, "TFLOPS": r.tflops,
                           ui.t("controls.exceeds_bw"): _yes(r.exceeds_bandwidth),
                           ui.t("controls.exceeds_tf"): _yes(r.exceeds_tflops),
                           ui.t("controls.restricted"): _yes(r.restricted)} for r in rows])
    st.dataframe(table, hide_index=True, width="stretch")
    restricted = [r.label for r in rows if r.restricted]
    allowed = [r.label for r in rows if r.restricted is False]
    st.markdown(ui.t("controls.verdict", cap=format_number(bw_cap), n=len(restricted),
                     names=", ".join(restricted) or "—"))
    st.markdown(ui.t("controls.verdict_allowed", names=", ".join(allowed) or "—"))


_what_if()
