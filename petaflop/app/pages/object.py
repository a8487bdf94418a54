"""Object page: names in both languages, types, values with units and provenance, claims, links."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from foundation.names import local_name
from petaflop.app import ui
from petaflop.app.data import slug
from petaflop.app.objects import PropertyView, ValueView, build_object_view

atlas = ui.atlas()
lang = ui.lang()
LINK_CAP = 25

raw = st.query_params.get("id", "")
iri = atlas.resolve(raw) if raw else None

if iri is None:
    st.title(ui.t("page.object"))
    if raw:
        st.warning(ui.t("object.unknown", id=raw))
    q = st.text_input(ui.t("home.search"), key="obj_q", placeholder=ui.t("home.search_hint"))
    for hit in atlas.search(q, limit=15) if q else []:
        ui.object_link(hit, ui.entity_format(hit), icon=ui.ICON_OBJECT)
    st.stop()

if slug(iri) != raw:
    st.query_params["id"] = slug(iri)

view = build_object_view(atlas, iri, lang)
st.title(view.label)
names = [n for n in [view.other_label] if n and n != view.label]
others = [a for a in view.alt_labels if a not in (view.label, view.other_label)]
header = " · ".join(names)
st.caption((header + " — " if header else "") + f"`{slug(iri)}`")
if others:
    st.caption(ui.t("object.aliases") + ": " + ", ".join(others[:12]))

asserted = [tv for tv in view.types if not tv.inferred]
inferred = [tv for tv in view.types if tv.inferred]
st.markdown("**" + ui.t("object.type") + ":** " + ", ".join(tv.label for tv in asserted))
if inferred:
    with st.expander(ui.t("object.inferred_types", n=len(inferred))):
        for tv in inferred:
            rules = "; ".join(f"`{local_name(r)}` — {atlas.rule_label(r)}" for r in tv.rules) or "—"
            st.markdown(f"- {ui.ICON_RULE} **{tv.label}** — {ui.t('prov.inferred_by')} {rules}")

counter = {"n": 0}


def _key() -> str:
    counter["n"] += 1
    return f"prov-{counter['n']}"


def badges(value: ValueView, compact: bool = False) -> None:
    if value.inferred and not value.statements:
        st.caption(ui.ICON_RULE + " " + ui.t("prov.inferred_short"))
    for st_ in value.statements:
        ui.provenance_badge(st_, key=_key(), compact=compact)


def property_block(pv: PropertyView) -> None:
    unit = f" ({pv.unit})" if pv.unit and pv.unit not in pv.label else ""
    st.markdown(f"**{pv.label}**{unit}")
    if pv.conflicting:
        st.markdown(ui.ICON_WARN + " " + ui.t("object.conflict", n=len(pv.values)))
        for start in range(0, len(pv.values), 3):
            chunk = pv.values[start:start + 3]
            cols = st.columns(3)
            for col, value in zip(cols, chunk, strict=False):
                with col.container(border=True):
                    st.markdown(f"**{value.text}**")
                    quals = ", ".join(value.qualifiers)
                    if quals:
                        st.caption(quals)
                    badges(value, compact=True)
        return
    for value in pv.values:
        quals = f" _({', '.join(value.qualifiers)})_" if value.qualifiers else ""
        flag = f" {ui.ICON_RULE}" if value.inferred else ""
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(f"{value.text}{quals}{flag}", width="content")
            badges(value)


left, right = st.columns([3, 2], gap="large")
with left:
    st.subheader(ui.t("object.properties"))
    if not view.properties:
        st.caption(ui.t("object.no_properties"))
    for pv in view.properties:
        with st.container(border=True):
            property_block(pv)
    if view.label_statements:
        with st.expander(ui.t("object.named_at")):
            for st_ in view.label_statements[:5]:
                st.markdown(f"{st_.o.value} — {ui.location_text(st_.location)}")

with right:
    st.subheader(ui.t("object.links"))
    if not view.links:
        st.caption(ui.t("object.no_links"))
    for heading, groups in ((ui.t("object.links_out"), view.links_out), (ui.t("object.links_in"), view.links_in)):
        if not groups:
            continue
        st.markdown(f"##### {heading}")
        for g in groups:
            with st.container(border=True):
                st.markdown(f"**{g.label}** · {len(g.items)}")
                for item in g.items[:LINK_CAP]:
                    with st.container(horizontal=True, vertical_alignment="center"):
                        ui.object_link(item.iri, item.label, icon=ui.ICON_RULE if item.inferred else None)
                        if item.inferred:
                            rules = ", ".join(local_name(r) for r in item.rules) or "?"
                            st.caption(ui.ICON_RULE + " " + ui.t("prov.inferred_by") + " " + rules)
                        elif item.statements:
                            ui.provenance_badge(item.statements[0], key=_key(), compact=True)
                if len(g.items) > LINK_CAP:
                    with st.expander(ui.t("object.more", n=len(g.items) - LINK_CAP)):
                        for item in g.items[LINK_CAP:]:
                            ui.object_link(item.iri, item.label)

if view.claims:
    st.subheader(ui.t("object.claims", n=len(view.claims)))
    rows = []
    for c in view.claims:
        line = c.statements[0].line if c.statements else None
        rows.append({ui.t("claims.kind"): c.kind, ui.t("claims.value"): c.value, ui.t("claims.unit"): c.unit,
                     ui.t("claims.counted"): ", ".join(name for _, name in c.counted),
                     ui.t("claims.text"): c.text, ui.t("claims.line"): line})
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

st.divider()
st.page_link(ui.page_path("graph"), label=ui.t("object.search_around"), icon=":material/hub:", query_params={"seed": slug(iri)})
