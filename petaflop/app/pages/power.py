"""Power: clusters by current and planned power, their assets and grid links, time to power."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from petaflop.app import charts, power, ui
from petaflop.app.data import format_number

atlas = ui.atlas()
lang = ui.lang()

st.title(ui.t("page.power"))
st.caption(ui.t("power.intro"))

@st.fragment
def _power() -> None:
    clusters = [c for c in power.clusters(atlas, lang) if c.current_mw or c.planned_mw]
    min_mw = st.slider(ui.t("power.min_mw"), 0, 5000, 0, step=50, key="min_mw", bind="query-params")
    shown = [c for c in clusters if max(c.current_mw or 0, c.planned_mw or 0) >= min_mw]

    st.subheader(ui.t("power.by_power", n=len(shown)))
    chart_rows = []
    for c in shown:
        for prop, mw, line, conflicting in c.stated:
            chart_rows.append({"cluster": c.label, "MW": mw,
                               "stated as": ui.t("power.current") if prop == "powerCapacityMW" else ui.t("power.planned"),
                               "line": line, "conflicting": conflicting})
    if chart_rows:
        order = [c.label for c in shown]
        st.vega_lite_chart(charts.points(chart_rows, x="MW", y="cluster", color="stated as", shape="conflicting",
                                         log_x=True, sort=order, tooltip=["cluster", "MW", "stated as", "line", "conflicting"],
                                         height=max(220, 24 * len(order))), width="stretch")

    table = pd.DataFrame([{
        ui.t("power.cluster"): c.label, ui.t("power.kind"): c.kind,
        ui.t("power.current_mw"): c.current_mw, ui.t("power.planned_mw"): c.planned_mw,
        ui.t("power.all_values"): "; ".join(f"{format_number(mw)} MW (L{line})" for _, mw, line, _ in c.stated),
        ui.t("power.assets"): ", ".join(f"{atlas.label(a, lang)} ({how})" for a, how in c.assets),
        ui.t("power.same_slide"): ", ".join(atlas.label(a, lang) for a in c.same_slide[:6]),
        ui.t("power.chips"): ", ".join(atlas.label(x, lang) for x in c.chips),
    } for c in shown])
    st.dataframe(table, hide_index=True, width="stretch")
    for c in shown[:10]:
        bits = []
        if c.current_mw:
            bits.append(f"{ui.t('power.current')} {format_number(c.current_mw)} MW")
        if c.planned_mw:
            bits.append(f"{ui.t('power.planned')} {format_number(c.planned_mw)} MW")
        st.markdown(f"- **{c.label}** — " + " · ".join(bits))

    st.subheader(ui.t("power.assets_title"))
    assets = power.assets(atlas, lang)
    kinds = sorted({a.kind for a in assets})
    pick = st.multiselect(ui.t("power.asset_kinds"), kinds, key="asset_kinds", bind="query-params")
    shown_assets = [a for a in assets if not pick or a.kind in pick]
    st.dataframe(pd.DataFrame([{
        ui.t("power.asset"): a.label, ui.t("power.kind"): a.kind,
        ui.t("power.onsite"): ui.t("yes") if a.onsite else "", ui.t("power.grid"): ui.t("yes") if a.grid else "",
        "MW": ", ".join(format_number(x) for x in a.capacity_mw),
        ui.t("power.powers"): ", ".join(f"{atlas.label(c, lang)} ({how})" for c, how in a.clusters),
        ui.t("power.facts"): "; ".join(f"{k}: {v}" for k, v in a.facts[:4]),
    } for a in shown_assets]), hide_index=True, width="stretch")
    if assets:
        st.vega_lite_chart(charts.count_bars([{"kind": a.kind} for a in assets], field="kind", title=ui.t("power.count")),
                           width="stretch")
    tied = [a for a in assets if a.clusters]
    for a in tied:
        st.markdown(f"- **{a.label}** ({a.kind}) → " + ", ".join(f"{atlas.label(c, lang)} — {how}" for c, how in a.clusters))

    st.subheader(ui.t("power.time_to_power"))
    ttp = power.time_to_power(atlas, lang)
    if ttp:
        st.dataframe(pd.DataFrame([{ui.t("power.object"): r["object"], ui.t("power.property"): r["property"],
                                    ui.t("power.value"): r["value"], ui.t("claims.line"): r["line"]} for r in ttp]),
                     hide_index=True, width="stretch")
    else:
        st.info(ui.t("power.no_time"))


_power()
