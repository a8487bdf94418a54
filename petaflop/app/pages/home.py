"""Home: object types by group with counts, and a search over every name and alias."""

from __future__ import annotations

import streamlit as st

from foundation.names import local_name
from petaflop.app import ui
from petaflop.app.data import GROUPS

atlas = ui.atlas()
lang = ui.lang()

st.title("Petaflop Atlas")
st.caption(ui.t("app.tagline"))

@st.fragment
def _search() -> None:
    query = st.text_input(ui.t("home.search"), key="search", placeholder=ui.t("home.search_hint"), bind="query-params")
    if query:
        hits = atlas.search(query, limit=15)
        if not hits:
            st.warning(ui.t("home.no_match", q=query))
        else:
            st.markdown(ui.t("home.matches", n=len(hits), q=query))
            if st.button(ui.t("home.open_first", name=atlas.label(hits[0], lang)), key="open_first", type="primary"):
                ui.open_object(hits[0])
            cols = st.columns(3)
            for i, iri in enumerate(hits):
                with cols[i % 3]:
                    ui.object_link(iri, ui.entity_format(iri), icon=ui.ICON_OBJECT)


_search()


st.subheader(ui.t("home.types"))
groups = atlas.grouped_type_counts()
total = sum(n for rows in groups.values() for _, n in rows)
st.caption(ui.t("home.totals", objects=len(atlas.entities), types=sum(len(r) for r in groups.values()),
                seconds=f"{ui.load_seconds():.1f}"))
order = [g for g in (*GROUPS, "other") if g in groups]
cols = st.columns(3)
for i, group in enumerate(order):
    rows = groups[group]
    with cols[i % 3].container(border=True):
        st.markdown(f"**{ui.t('group.' + group)}** · {sum(n for _, n in rows):,}")
        for cls, n in rows:
            st.page_link(ui.page_path("explorer"), label=f"{atlas.class_label(cls, lang)} — {n:,}",
                         query_params={"type": local_name(cls)})
