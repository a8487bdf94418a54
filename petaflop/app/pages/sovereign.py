"""Sovereign AI & alliances: money, chips and power by country and bloc, as a world map and a network."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from petaflop.app import charts, ui, world
from petaflop.app import sovereign as sv
from petaflop.app.components import graph_canvas
from petaflop.app.data import PFA, PFID, compact_usd, slug
from petaflop.app.format import cell
from petaflop.app.graph import simple_elements
from petaflop.app.urlstate import Param

FOCI = ["all", "us-gulf", "europe", "china"]
MEASURES = ["received", "sent", "flows"]


def _amount(f: sv.Flow, lang: str) -> str | None:
    """A flow's amount, marked when it is pledged or planned rather than paid."""
    if not f.amount_usd:
        return None
    text = compact_usd(f.amount_usd, lang)
    return f"{text} ({ui.t('sov.planned')})" if f.planned else text


def _countries(atlas, all_flows) -> list[str]:
    found = {c for f in all_flows for c in f.countries()} | set(atlas.instances_of.get(PFA.Country, ()))
    found |= {PFID + k for k, v in sv.geo().items() if "country" not in v and PFID + k in atlas.entities}
    return sorted(found, key=lambda c: atlas.label(c, ui.lang()).casefold())


def _map(atlas, shown, totals, measure: str, lang: str) -> None:
    rows, points = [], []
    for c, tot in totals.items():
        value = {"received": tot["in_usd"], "sent": tot["out_usd"], "flows": tot["flows"]}[measure]
        text = str(tot["flows"]) if measure == "flows" else (compact_usd(value, lang) if value else "—")
        feature = world.feature_for(atlas.all_names(c))
        label = atlas.label(c, lang)
        if feature is not None:
            rows.append({"name": feature["properties"]["name"], "label": label, "value": value, "text": text})
        else:
            pos = sv.position(atlas, c)
            if pos:
                points.append({"lat": pos[0], "lon": pos[1], "label": f"{label}: {text}"})
    arcs = []
    for arc in sv.arcs(atlas, shown):
        a, b = sv.position(atlas, arc["source"]), sv.position(atlas, arc["target"])
        if a and b:
            amount = compact_usd(arc["usd"], lang) if arc["usd"] else ui.t("sov.n_flows", n=arc["flows"])
            arcs.append({"a": a, "b": b, "usd": arc["usd"],
                         "label": f"{atlas.label(arc['source'], lang)} → {atlas.label(arc['target'], lang)}: {amount}"})
    st.vega_lite_chart(charts.world_map(world.world(), rows, arcs, points,
                                        measure_title=ui.t("sov.measure." + measure)), width="content")
    for arc in arcs[:12]:
        st.caption("↗ " + ui.md(arc["label"]))


def _network(atlas, shown, lang: str) -> None:
    nodes: dict[str, None] = {}
    edges = []
    for f in shown[:80]:
        hub = f.node or f.target
        for n in (f.source, hub, f.target, f.source_country, f.target_country):
            if n:
                nodes.setdefault(n, None)
        if f.node:
            edges.append((f.source, f.node, ui.t("sov.edge." + f.kind)))
            if f.target:
                edges.append((f.node, f.target, ""))
        elif f.target:
            edges.append((f.source, f.target, ui.t("sov.edge." + f.kind)))
        for end, country in ((f.source, f.source_country), (f.target, f.target_country)):
            if end and country and end != country:
                edges.append((end, country, ui.t("sov.edge.in")))
    if nodes:
        graph_canvas(simple_elements(atlas, list(nodes), edges, lang), key="sov_network", height=480,
                     hint=ui.t("graph.mouse_hint_simple"), fit_label=ui.t("graph.fit"))


def _stack(atlas, countries: set[str], lang: str) -> None:
    st.subheader(ui.t("sov.stack"))
    parts = sv.stack(atlas, countries)
    if not any(parts.values()):
        st.caption(ui.t("sov.no_stack"))
        return
    cols = st.columns(3)
    for col, key in zip(cols, ("clusters", "organisations", "chips"), strict=True):
        with col:
            st.markdown(f"**{ui.t('sov.stack.' + key)}** · {len(parts[key])}")
            for i in parts[key][:25]:
                ui.object_link(i)


def _bloc_name(key: str, name: str) -> str:
    """A graph bloc's own name; a display grouping of geo.json in the UI's language."""
    if key.startswith("display:"):
        return ui.t("bloc." + name.lower().replace(" & ", "-").replace(" ", "-"))
    return name


def render() -> None:
    atlas, lang = ui.atlas(), ui.lang()
    st.title(ui.t("page.sovereign"))
    st.caption(ui.t("sov.intro"))
    all_flows = sv.flows(atlas)
    blocs = sv.blocs(atlas, lang)
    country_opts = [slug(c) for c in _countries(atlas, all_flows)]
    url = ui.url_state("sovereign", Param("focus", "all", options=FOCI),
                       Param("countries", [], kind="list", options=country_opts),
                       Param("blocs", [], kind="list", options=list(blocs), max_chars=120),
                       Param("measure", "received", options=MEASURES))
    url.seed("focus")
    focus = st.segmented_control(ui.t("sov.focus"), FOCI, key="focus", required=True,
                                 format_func=lambda f: ui.t("sov.focus." + f))
    c1, c2, c3 = st.columns([2, 2, 1])
    url.seed("countries")
    picked = c1.multiselect(ui.t("sov.countries"), country_opts, key="countries",
                            format_func=lambda s: atlas.label(PFID + s, lang))
    url.seed("blocs")
    picked_blocs = c2.multiselect(ui.t("sov.blocs"), list(blocs), key="blocs",
                                  format_func=lambda b: f"{_bloc_name(b, blocs[b][0])} ({len(blocs[b][1])})")
    url.seed("measure")
    measure = c3.selectbox(ui.t("sov.measure"), MEASURES, key="measure", format_func=lambda m: ui.t("sov.measure." + m))
    url.publish(focus=focus, countries=picked, blocs=picked_blocs, measure=measure)

    countries = {PFID + s for s in picked} | {PFID + s for s in sv.focus_countries(focus or "all")}
    bloc_entities = set()
    for b in picked_blocs:
        countries |= blocs[b][1]
        if not b.startswith("display:"):
            bloc_entities.add(PFID + b)
    shown = sv.filter_flows(all_flows, countries or None, bloc_entities or None)
    total = sv.total_usd(shown)
    where = ", ".join(ui.md(atlas.label(c, lang)) for c in sorted(countries, key=lambda c: atlas.label(c, lang)))
    st.markdown(ui.t("sov.summary", n=len(shown), deals=len({f.key for f in shown}),
                     total=compact_usd(total, lang) if total else ui.t("sov.no_amount"),
                     countries=where or ui.t("sov.everywhere")))
    if not shown:
        st.info(ui.t("sov.no_flows"))
    _map(atlas, shown, sv.country_totals(shown), measure, lang)

    st.subheader(ui.t("sov.flows_title"))
    if shown:
        st.dataframe(pd.DataFrame([{
            ui.t("sov.from"): atlas.label(f.source, lang), ui.t("sov.to"): cell(atlas.label(f.target, lang) if f.target else None),
            ui.t("sov.via"): cell(atlas.label(f.node, lang) if f.node else None), ui.t("sov.kind"): ui.t("sov.edge." + f.kind) + (" · " + ui.t("sov.unverified") if f.unverified else ""),
            ui.t("sov.amount"): cell(_amount(f, lang)),
            ui.t("sov.sector"): cell(f.sector), ui.t("sov.detail"): cell(f.detail),
            ui.t("power.chips"): cell(", ".join(atlas.label(c, lang) for c in f.chips)),
            ui.t("sov.countries_col"): " → ".join(atlas.label(c, lang) if c else "?"
                                                 for c in (f.source_country, f.target_country)),
        } for f in shown]), hide_index=True, width="stretch")
        seen = set()
        for f in sorted(shown, key=lambda f: -(f.amount_usd or 0)):
            if f.key in seen or len(seen) >= 8:
                continue
            seen.add(f.key)
            amount = _amount(f, lang) or "—"
            to = atlas.label(f.target, lang) if f.target else (atlas.label(f.node, lang) if f.node else "")
            st.markdown(f"- **{ui.md(atlas.label(f.source, lang))}** → **{ui.md(to)}**: {amount}")
    st.subheader(ui.t("sov.network"))
    _network(atlas, shown, lang)
    if countries:
        _stack(atlas, countries, lang)
