"""Home: object types by group with counts, and a search over every name and alias (either language)."""

from __future__ import annotations

import streamlit as st

from foundation.names import local_name
from petaflop.app import ui
from petaflop.app.data import GROUPS
from petaflop.app.urlstate import Param

MAX_QUERY = 200


@st.fragment
def _search() -> None:
    atlas, lang = ui.atlas(), ui.lang()
    url = ui.url_state("home", Param("q", "", max_chars=MAX_QUERY, widget="search"))
    url.seed("q")
    query = st.text_input(ui.t("home.search"), key="search", placeholder=ui.t("home.search_hint"),
                          max_chars=MAX_QUERY)
    url.publish(q=query.strip())
    if not query.strip():
        return
    hits = atlas.search(query, limit=15)
    if not hits:
        st.warning(ui.t("home.no_match", q=ui.md(query)))
        return
    st.markdown(ui.t("home.matches", n=len(hits), q=ui.md(query)))
    if st.button(ui.t("home.open_first", name=ui.md(atlas.label(hits[0], lang))), key="open_first", type="primary"):
        ui.open_object(hits[0])
    cols = st.columns(3)
    for i, iri in enumerate(hits):
        with cols[i % 3]:
            ui.object_link(iri, ui.entity_format(iri), icon=ui.ICON_OBJECT)


def render() -> None:
    atlas, lang = ui.atlas(), ui.lang()
    st.title("Petaflop Atlas")
    st.caption(ui.t("app.tagline"))
    _search()
    st.subheader(ui.t("home.types"))
    groups = atlas.grouped_type_counts()
    st.caption(ui.t("home.totals", objects=sum(n for rows in groups.values() for _, n in rows),
                    types=sum(len(r) for r in groups.values()), seconds=f"{ui.load_seconds():.1f}"))
    order = [g for g in (*GROUPS, "other") if g in groups]
    cols = st.columns(3)
    for i, group in enumerate(order):
        rows = groups[group]
        with cols[i % 3].container(border=True):
            st.markdown(f"**{ui.t('group.' + group)}** · {sum(n for _, n in rows):,}")
            for cls, n in rows:
                ui.link("explorer", f"{ui.md(atlas.class_label(cls, lang))} — {n:,}", type=local_name(cls))
