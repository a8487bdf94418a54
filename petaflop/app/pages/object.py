"""Object page: the name in the chosen language, types, values with units and provenance, links."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from petaflop.app import ui
from petaflop.app.data import slug
from petaflop.app.format import cell, qualifier_words
from petaflop.app.objects import LinkItem, PropertyView, ValueView, build_object_view
from petaflop.app.urlstate import Param

LINK_CAP = 25


class _Keys:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return f"prov-{self.n}"


def _badges(value: ValueView, key: _Keys, compact: bool = False) -> None:
    if value.reference:
        ui.reference_badge()
    if value.inferred and not value.statements:
        st.caption(ui.ICON_RULE, help=ui.inferred_help(value.rules))
    for st_ in value.statements:
        ui.provenance_badge(st_, key=key(), compact=compact)


def _qualifiers(value: ValueView) -> str:
    lang = ui.lang()
    words = [qualifier_words(q, lang) for q in value.qualifiers]
    if value.status:
        words.append(value.status)
    if value.time:
        words.append(value.time)
    return ", ".join(ui.md(w) for w in words)


def _property_block(pv: PropertyView, key: _Keys) -> None:
    unit = f" ({ui.md(pv.unit_text)})" if pv.unit_text and pv.unit_text not in pv.label else ""
    st.markdown(f"**{ui.md(pv.label)}**{unit}")
    if pv.conflicting:
        st.markdown(ui.ICON_WARN + " " + ui.t("object.conflict", n=len(pv.values)))
        for start in range(0, len(pv.values), 3):
            chunk = pv.values[start:start + 3]
            cols = st.columns(3)
            for col, value in zip(cols, chunk, strict=False):
                with col.container(border=True):
                    st.markdown(f"**{ui.md(value.text)}**")
                    quals = _qualifiers(value)
                    if quals:
                        st.caption(quals)
                    _badges(value, key, compact=True)
        return
    for value in pv.values:
        quals = _qualifiers(value)
        text = ui.md(value.text) + (f" _({quals})_" if quals else "")
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(text, width="content")
            _badges(value, key)


def _link_row(item: LinkItem, key: _Keys) -> None:
    with st.container(horizontal=True, vertical_alignment="center"):
        if item.status:  # a link statement's (or an unverified claim's) status: planned, target, estimate …
            st.badge(ui.md(item.status), color="orange", width="content")
        if item.inferred:
            ui.object_link(item.iri, item.label, icon=ui.ICON_RULE, help=ui.inferred_help(item.rules))
        else:
            ui.object_link(item.iri, item.label)
            if item.reference:
                ui.reference_badge()
            elif item.statements:
                ui.provenance_badge(item.statements[0], key=key(), compact=True)


def _header(view, iri: str) -> None:
    lang = ui.lang()
    st.title(view.label)
    names = [n for n in [view.other_label] if n and n != view.label]
    others = [a for a in view.alt_labels if a not in (view.label, view.other_label)]
    with st.container(horizontal=True, vertical_alignment="center"):
        if names:
            st.caption(ui.md(" · ".join(names)), width="content")
        with st.popover(ui.t("object.identifier"), icon=":material/link:"):
            st.caption(ui.t("object.identifier_help"))
            st.code(iri, language=None)
    if others:
        st.caption(ui.t("object.aliases") + ": " + ", ".join(ui.md(a) for a in others[:12]))
    asserted = [tv for tv in view.types if not tv.inferred]
    inferred = [tv for tv in view.types if tv.inferred]
    st.markdown("**" + ui.t("object.type") + ":** " + ", ".join(ui.md(tv.label) for tv in asserted))
    definition = next((tv.definition for tv in asserted if tv.definition), "")
    if definition:
        st.caption(ui.md(definition))
    if view.reference:
        ui.reference_badge()
    if inferred:
        with st.expander(ui.t("object.inferred_types", n=len(inferred))):
            for tv in inferred:
                st.markdown(f"- {ui.ICON_RULE} **{ui.md(tv.label)}**", help=ui.inferred_help(tv.rules))
    del lang


def render() -> None:
    atlas, lang = ui.atlas(), ui.lang()
    url = ui.url_state("object", Param("id", "", max_chars=300))
    raw = url["id"]
    iri = atlas.resolve(raw) if raw else None
    if iri is None:
        st.title(ui.t("page.object"))
        if raw:
            st.warning(ui.t("object.unknown", id=ui.md(raw[:80])))
        q = st.text_input(ui.t("home.search"), key="obj_q", placeholder=ui.t("home.search_hint"), max_chars=200)
        for hit in atlas.search(q, limit=15) if q else []:
            ui.object_link(hit, ui.entity_format(hit), icon=ui.ICON_OBJECT)
        url.publish(id=raw)
        return
    url.publish(id=slug(iri))
    st.set_page_config(page_title=f"{atlas.label(iri, lang)} · Petaflop Atlas")
    view = build_object_view(atlas, iri, lang)
    key = _Keys()
    _header(view, iri)

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(ui.t("object.properties"))
        if not view.properties:
            st.caption(ui.t("object.no_properties"))
        for pv in view.properties:
            with st.container(border=True):
                _property_block(pv, key)
        if view.statements:
            with st.expander(ui.t("object.statements", n=len(view.statements))):
                st.dataframe(pd.DataFrame([{
                    ui.t("stmt.kind"): s.kind, ui.t("stmt.value"): s.value, ui.t("stmt.status"): cell(s.status),
                    ui.t("stmt.time"): cell(s.time), ui.t("stmt.rank"): cell(s.rank),
                    ui.t("stmt.scope"): cell(s.scope)} for s in view.statements]), hide_index=True, width="stretch")
        if view.label_statements:
            with st.expander(ui.t("object.named_at")):
                for st_ in view.label_statements[:5]:
                    st.markdown(f"{ui.md(st_.o.value)} — {ui.location_text(st_.location)}")

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
                    st.markdown(f"**{ui.md(g.label)}** · {len(g.items)}")
                    for item in g.items[:LINK_CAP]:
                        _link_row(item, key)
                    if len(g.items) > LINK_CAP:
                        with st.expander(ui.t("object.more", n=len(g.items) - LINK_CAP)):
                            for item in g.items[LINK_CAP:]:
                                ui.object_link(item.iri, item.label)
        if any(i.inferred for g in view.links for i in g.items):
            st.caption(ui.ICON_RULE + " " + ui.t("object.inferred_legend"))
        for section, help_, groups in (("object.stated", "object.stated_help", view.stated),
                                       ("object.unverified", "object.unverified_help", view.unverified)):
            if not groups:
                continue
            st.markdown(f"##### {ui.t(section)}", help=ui.t(help_))
            for g in groups:
                with st.container(border=True):
                    arrow = "→" if g.direction == "out" else "←"
                    st.markdown(f"{arrow} **{ui.md(g.label)}** · {len(g.items)}")
                    for item in g.items[:LINK_CAP]:
                        _link_row(item, key)

    if view.claims:
        st.subheader(ui.t("object.claims", n=len(view.claims)))
        rows = []
        for c in view.claims:
            line = c.statements[0].line if c.statements else None
            rows.append({ui.t("claims.kind"): cell(c.kind), ui.t("claims.value"): cell(c.value),
                         ui.t("claims.unit"): cell(c.unit),
                         ui.t("claims.counted"): cell(", ".join(name for _, name in c.counted)),
                         ui.t("claims.text"): cell(c.text), ui.t("claims.line"): cell(str(line) if line else None)})
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

    st.divider()
    ui.link("graph", ui.t("object.search_around"), icon=":material/hub:", seed=slug(iri))
