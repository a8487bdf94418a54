"""Power: clusters by current and planned power, their assets and grid links, time to power."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from petaflop.app import charts, power, ui
from petaflop.app.data import format_number
from petaflop.app.format import cell
from petaflop.app.urlstate import Param


@st.fragment
def _power() -> None:
    atlas, lang = ui.atlas(), ui.lang()
    url = ui.url_state("power", Param("min_mw", 0, kind="int", lo=0, hi=5000),
                       Param("kinds", [], kind="list", max_chars=120, widget="asset_kinds"))
    clusters = [c for c in power.clusters(atlas, lang) if c.current_mw or c.planned_mw]
    url.seed("min_mw")
    min_mw = st.slider(ui.t("power.min_mw"), 0, 5000, step=50, key="min_mw")
    shown = [c for c in clusters if max(c.current_mw or 0, c.planned_mw or 0) >= min_mw]

    st.subheader(ui.t("power.by_power", n=len(shown)))
    chart_rows = []
    for c in shown:
        for prop, mw, line, conflicting in c.stated:
            chart_rows.append({ui.t("power.cluster"): c.label, "MW": mw,
                               ui.t("power.stated_as"): ui.t("power.current") if prop == "powerCapacityMW"
                               else ui.t("power.planned"),
                               ui.t("claims.line"): line,
                               ui.t("power.conflicting"): ui.t("yes") if conflicting else ui.t("no")})
    if chart_rows:
        order = [c.label for c in shown]
        cols = [ui.t("power.cluster"), "MW", ui.t("power.stated_as"), ui.t("claims.line"), ui.t("power.conflicting")]
        st.vega_lite_chart(charts.points(chart_rows, x="MW", y=cols[0], color=cols[2], shape=cols[4],
                                         log_x=True, sort=order, tooltip=cols, x_title=ui.t("power.mw_log"),
                                         height=max(220, 24 * len(order))), width="stretch")

    table = pd.DataFrame([{
        ui.t("power.cluster"): c.label, ui.t("power.kind"): c.kind,
        ui.t("power.current_mw"): cell(format_number(c.current_mw) if c.current_mw else None),
        ui.t("power.planned_mw"): cell(format_number(c.planned_mw) if c.planned_mw else None),
        ui.t("power.all_values"): cell("; ".join(
            f"{format_number(mw)} MW" + (f" ({ui.t('power.line_short', line=line)})" if line else "")
            for _, mw, line, _ in c.stated)),
        ui.t("power.assets"): cell(", ".join(f"{atlas.label(a, lang)} ({_how(how)})" for a, how in c.assets)),
        ui.t("power.same_slide"): cell(", ".join(atlas.label(a, lang) for a in c.same_slide[:6])),
        ui.t("power.chips"): cell(", ".join(atlas.label(x, lang) for x in c.chips)),
    } for c in shown])
    st.dataframe(table, hide_index=True, width="stretch")
    for c in shown[:10]:
        bits = []
        if c.current_mw:
            bits.append(f"{ui.t('power.current')} {format_number(c.current_mw)} MW")
        if c.planned_mw:
            bits.append(f"{ui.t('power.planned')} {format_number(c.planned_mw)} MW")
        st.markdown(f"- **{ui.md(c.label)}** — " + " · ".join(bits))

    st.subheader(ui.t("power.assets_title"))
    assets = power.assets(atlas, lang)
    kinds = sorted({a.kind for a in assets})
    url.seed("kinds", kinds)
    pick = st.multiselect(ui.t("power.asset_kinds"), kinds, key="asset_kinds")
    url.publish(min_mw=min_mw, kinds=pick)
    shown_assets = [a for a in assets if not pick or a.kind in pick]
    st.dataframe(pd.DataFrame([{
        ui.t("power.asset"): a.label, ui.t("power.kind"): a.kind,
        ui.t("power.onsite"): ui.t("yes") if a.onsite else "", ui.t("power.grid"): ui.t("yes") if a.grid else "",
        "MW": cell(", ".join(format_number(x) for x in a.capacity_mw)),
        ui.t("power.powers"): cell(", ".join(f"{atlas.label(c, lang)} ({_how(how)})" for c, how in a.clusters)),
        ui.t("power.facts"): cell("; ".join(f"{k}: {v}" for k, v in a.facts[:4])),
    } for a in shown_assets]), hide_index=True, width="stretch")
    if assets:
        st.vega_lite_chart(charts.count_bars([{ui.t("power.kind"): a.kind} for a in assets], field=ui.t("power.kind"),
                                             title=ui.t("power.count")),
                           width="stretch")
    tied = [a for a in assets if a.clusters]
    for a in tied:
        st.markdown(f"- **{ui.md(a.label)}** ({ui.md(a.kind)}) → "
                    + ", ".join(f"{ui.md(atlas.label(c, lang))} — {ui.md(_how(how))}" for c, how in a.clusters))

    st.subheader(ui.t("power.time_to_power"))
    ttp = power.time_to_power(atlas, lang)
    if ttp:
        st.dataframe(pd.DataFrame([{ui.t("power.object"): r["object"], ui.t("power.property"): r["property"],
                                    ui.t("power.value"): r["value"],
                                    ui.t("claims.line"): cell(str(r["line"]) if r["line"] else None)} for r in ttp]),
                     hide_index=True, width="stretch")
    else:
        st.info(ui.t("power.no_time"))


def _how(how: str) -> str:
    """How an asset is tied to a cluster, in words: a link's label or a claim that counts it."""
    atlas, lang = ui.atlas(), ui.lang()
    if how.startswith("claim: "):
        return ui.t("power.claim_count", n=how[len("claim: "):].rstrip(" ×"))
    from petaflop.app.data import PFA

    return atlas.prop_label(PFA[how], lang) if how in PFA.terms else how


def render() -> None:
    st.title(ui.t("page.power"))
    st.caption(ui.t("power.intro"))
    _power()
