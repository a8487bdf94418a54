"""Sovereign AI & alliances: money, chips and power by country and bloc, as a map and a network."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from petaflop.app import charts, ui
from petaflop.app import sovereign as sv
from petaflop.app.data import PFID, compact_usd, slug
from petaflop.app.graph import GROUP_COLORS, render_html

atlas = ui.atlas()
lang = ui.lang()

st.title(ui.t("page.sovereign"))
st.caption(ui.t("sov.intro"))

all_flows = sv.flows(atlas)
blocs = sv.blocs(atlas, lang)
countries_known = sorted({c for f in all_flows for c in f.countries()} | {
    PFID + k for k, v in sv.geo().items() if "country" not in v and PFID + k in atlas.entities},
    key=lambda c: atlas.label(c, lang))

FOCI = ["all", "us-gulf", "europe", "china"]
ui.from_url("focus", "all", options=FOCI)
focus = st.segmented_control(ui.t("sov.focus"), FOCI, key="focus", required=True,
                             format_func=lambda f: ui.t("sov.focus." + f))
ui.to_url("focus", "all")
c2, c3 = st.columns(2)
country_opts = [slug(c) for c in countries_known]
ui.from_url("countries", multi=True, options=country_opts)
picked = c2.multiselect(ui.t("sov.countries"), country_opts, key="countries",
                        format_func=lambda s: atlas.label(PFID + s, lang))
ui.to_url("countries")
ui.from_url("blocs", multi=True, options=list(blocs))
picked_blocs = c3.multiselect(ui.t("sov.blocs"), list(blocs), key="blocs", format_func=lambda b: blocs[b][0])
ui.to_url("blocs")

countries = {PFID + s for s in picked} | {PFID + s for s in sv.focus_countries(focus or "all")}
bloc_entities = set()
for b in picked_blocs:
    countries |= blocs[b][1]
    if not b.startswith("display:"):
        bloc_entities.add(PFID + b)
shown = sv.filter_flows(all_flows, countries or None, bloc_entities or None)
total = sum(f.amount_usd or 0 for f in shown)
st.markdown(ui.t("sov.summary", n=len(shown), total=compact_usd(total) if total else "—",
                 countries=", ".join(atlas.label(c, lang) for c in sorted(countries)) or ui.t("sov.everywhere")))

# ---------------------------------------------------------------- map
geo = sv.geo()
totals = sv.country_totals(shown)
points = []
for c, tot in totals.items():
    place = geo.get(slug(c))
    if not place:
        continue
    points.append({"country": atlas.label(c, lang), "lat": place["lat"], "lon": place["lon"],
                   "received_usd": tot["in_usd"], "sent_usd": tot["out_usd"],
                   "usd": max(tot["in_usd"] + tot["out_usd"], 1.0), "flows": tot["flows"],
                   "bloc": place.get("bloc") or sv.bloc_of_country(place.get("country", "")),
                   "amount": compact_usd(tot["in_usd"] + tot["out_usd"]) if tot["in_usd"] + tot["out_usd"] else "—",
                   "chips": ", ".join(sorted(atlas.label(x, lang) for x in tot["chips"]))})
lines = []
for i, f in enumerate(shown):
    if f.source_country and f.target_country and f.source_country != f.target_country:
        for order, c in enumerate((f.source_country, f.target_country)):
            place = geo.get(slug(c))
            if place:
                lines.append({"flow": i, "order": order, "lat": place["lat"], "lon": place["lon"]})
st.vega_lite_chart(charts.world_map(points, lines, size="usd", color="bloc", label="country",
                                    tooltip=["country", "amount", "flows", "chips"]), width="content")
for p in sorted(points, key=lambda p: -p["usd"]):
    st.caption(f"{p['country']}: {p['amount']} · {p['flows']} {ui.t('sov.flows')}")

# ---------------------------------------------------------------- network
st.subheader(ui.t("sov.network"))
g = nx.Graph()
kinds: dict[str, str] = {}
edges = []
for f in shown[:120]:
    hub = f.node or f.target
    for n in (f.source, hub, f.target, f.source_country, f.target_country, *f.chips):
        if n:
            g.add_node(n)
    if f.node:
        edges.append((f.source, f.node, ui.t("sov.edge." + f.kind)))
        if f.target:
            edges.append((f.node, f.target, ""))
    elif f.target:
        edges.append((f.source, f.target, ui.t("sov.edge." + f.kind)))
    for c in f.chips:
        edges.append((hub or f.source, c, "chip"))
    for end, country in ((f.source, f.source_country), (f.target, f.target_country)):
        if end and country and end != country:
            edges.append((end, country, ""))
for a, b, _ in edges:
    g.add_edge(a, b)
if g.number_of_nodes():
    pos = nx.spring_layout(g, seed=7, k=0.6)
    nodes = []
    for n in g.nodes:
        cls = atlas.primary_type(n)
        group = atlas.group_of(cls) if cls else "other"
        nodes.append({"id": n, "label": atlas.label(n, lang), "x": float(pos[n][0] * 600), "y": float(pos[n][1] * 400),
                      "color": GROUP_COLORS.get(group, GROUP_COLORS["other"]),
                      "shape": "box" if group == "deals" else ("diamond" if group == "geography" else "dot")})
    ui.html_frame(render_html(atlas, nodes, [{"source": a, "target": b, "label": lbl} for a, b, lbl in edges],
                                height=520), height=540)

# ---------------------------------------------------------------- tables
st.subheader(ui.t("sov.flows_title"))
st.dataframe(pd.DataFrame([{
    ui.t("sov.from"): atlas.label(f.source, lang), ui.t("sov.to"): atlas.label(f.target, lang) if f.target else "",
    ui.t("sov.via"): atlas.label(f.node, lang) if f.node else "", ui.t("sov.kind"): ui.t("sov.edge." + f.kind),
    "USD": f.amount_usd, ui.t("sov.sector"): f.sector, ui.t("sov.detail"): f.detail,
    ui.t("power.chips"): ", ".join(atlas.label(c, lang) for c in f.chips),
    "MW": f.power_mw, ui.t("claims.line"): f.line,
    ui.t("sov.countries_col"): " → ".join(atlas.label(c, lang) if c else "?" for c in (f.source_country, f.target_country)),
} for f in shown]), hide_index=True, width="stretch")
for f in sorted(shown, key=lambda f: -(f.amount_usd or 0))[:8]:
    amount = compact_usd(f.amount_usd) if f.amount_usd else "—"
    to = atlas.label(f.target, lang) if f.target else (atlas.label(f.node, lang) if f.node else "")
    st.markdown(f"- **{atlas.label(f.source, lang)}** → **{to}**: {amount}")

if countries:
    st.subheader(ui.t("sov.stack"))
    stack = sv.places_in(atlas, countries)
    if stack:
        for c in stack:
            mw = atlas.numbers(c, "https://petaflop-atlas.org/ontology#powerCapacityMW") + \
                atlas.numbers(c, "https://petaflop-atlas.org/ontology#plannedPowerMW")
            chips = [atlas.label(v.value, lang) for v in atlas.values(c, "https://petaflop-atlas.org/ontology#usesChip")]
            ui.object_link(c, f"{atlas.label(c, lang)} — {ui.t('sov.country_of', country=atlas.label(sv.country_of(atlas, c), lang))}"
                           + (f" · {max(mw):,.0f} MW" if mw else "") + (f" · {', '.join(chips)}" if chips else ""))
    else:
        st.caption(ui.t("sov.no_stack"))
