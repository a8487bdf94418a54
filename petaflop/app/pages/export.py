"""Export: hand a subgraph to the export library (``petaflop.export``): seeds, hops, filters, preview, download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from foundation.names import local_name
from petaflop import export as ex
from petaflop.app import ui
from petaflop.app.data import PFA, iri_of, slug
from petaflop.app.strings import STRINGS
from petaflop.app.urlstate import Param
from petaflop.export.formats import FORMATS


def render() -> None:
    atlas, lang = ui.atlas(), ui.lang()
    _form(atlas, lang)


def _format_line(name: str, lang: str) -> str:
    """A format's name and its one-line description in the page's language."""
    spec = FORMATS[name]
    return f"{name} — {spec.description_ko if lang == 'ko' and spec.description_ko else spec.description}"


def _graph_name(name: str) -> str:
    """A named graph's name in the page's language (its local name when the UI has no word for it)."""
    key = "export.graph." + name
    return ui.t(key) if key in STRINGS else name


def _type_name(atlas, name: str, lang: str) -> str:
    """A preview row's type: the class's label in the page's language; a CURIE or "(untyped)" as it is."""
    if name == "(untyped)":
        return ui.t("export.untyped")
    return atlas.class_label(PFA[name], lang) if name.isidentifier() else name


def _form(atlas, lang: str) -> None:
    st.title(ui.t("page.export"))
    st.caption(ui.t("export.intro"))
    if atlas.backend.store is None:
        st.warning(ui.t("export.embedded_only"))
        return
    options = [slug(i) for i in ui.entity_options()]
    display = ui.display_names()
    classes = sorted((local_name(c) for c in atlas.type_counts(asserted_only=False) if c.startswith(PFA)),
                     key=lambda c: atlas.class_label(PFA[c], lang).casefold())
    url = ui.url_state("export", Param("seeds", [], kind="list", options=options),
                       Param("hops", ex.DEFAULT_HOPS, kind="int", lo=0, hi=ex.MAX_HOPS),
                       Param("direction", "both", options=list(ex.DIRECTIONS)),
                       Param("facts", "both", options=list(ex.FACTS_CHOICES)),
                       Param("include_types", [], kind="list", options=classes),
                       Param("exclude_types", [], kind="list", options=classes),
                       Param("format", "turtle", options=list(FORMATS)))
    url.seed("seeds")
    seeds = st.multiselect(ui.t("export.seeds"), options, key="seeds",
                           format_func=lambda s: display[iri_of(s)], placeholder=ui.t("export.seeds_hint"))
    c1, c2, c3 = st.columns(3)
    url.seed("hops")
    hops = c1.slider(ui.t("export.hops"), 0, ex.MAX_HOPS, key="hops")
    url.seed("direction")
    direction = c2.segmented_control(ui.t("export.direction"), list(ex.DIRECTIONS), required=True, key="direction",
                                     format_func=lambda d: ui.t("export.dir." + d))
    url.seed("facts")
    facts = c3.segmented_control(ui.t("export.facts"), list(ex.FACTS_CHOICES), required=True, key="facts",
                                 format_func=lambda f: ui.t("export.facts." + f))
    f1, f2 = st.columns(2)
    url.seed("include_types")
    include_types = f1.multiselect(ui.t("export.include_types"), classes, key="include_types",
                                   format_func=lambda c: atlas.class_label(PFA[c], lang))
    url.seed("exclude_types")
    exclude_types = f2.multiselect(ui.t("export.exclude_types"), classes, key="exclude_types",
                                   format_func=lambda c: atlas.class_label(PFA[c], lang))
    t1, t2 = st.columns(2)
    provenance = t1.toggle(ui.t("export.provenance"), value=True, key="provenance")
    ontology = t2.toggle(ui.t("export.ontology"), value=True, key="ontology")
    url.seed("format")
    fmt = st.selectbox(ui.t("export.format"), list(FORMATS), key="format",
                       format_func=lambda f: _format_line(f, lang))
    url.publish(seeds=seeds, hops=hops, direction=direction, facts=facts, include_types=include_types,
                exclude_types=exclude_types, format=fmt)
    if not seeds:
        st.info(ui.t("export.pick"))
        return
    selection = ex.Selection(seeds=tuple(iri_of(s) for s in seeds), hops=int(hops), direction=direction or "both",
                             include_types=tuple(include_types), exclude_types=tuple(exclude_types),
                             facts=facts or "both", provenance=provenance, ontology=ontology)
    try:
        sub = ex.select(selection, atlas.backend.store)
    except ex.ExportError as exc:
        st.error(str(exc))
        return
    preview = sub.preview()
    st.markdown(ui.t("export.preview", objects=preview.objects, links=preview.links, triples=preview.triples))
    cols = st.columns(2)
    graphs = [(_graph_name(g), n) for g, n in preview.per_graph]
    types = [(_type_name(atlas, c, lang), n) for c, n in preview.by_type]
    cols[0].dataframe(pd.DataFrame(graphs, columns=[ui.t("export.graph"), ui.t("export.triples")]),
                      hide_index=True, width="stretch")
    cols[1].dataframe(pd.DataFrame(types, columns=[ui.t("export.type"), ui.t("export.objects")]),
                      hide_index=True, width="stretch")
    if preview.empty:
        st.warning(ui.t("export.empty"))
        return
    if preview.over_limit:
        st.warning(ui.t("export.over_limit", limit=preview.limit))
    if st.button(ui.t("export.prepare"), key="prepare", type="primary"):
        try:
            result = ex.export(sub, fmt, force=preview.over_limit)
            st.session_state["export_result"] = (selection, fmt, result)
        except ex.ExportError as exc:
            st.error(str(exc))
    held = st.session_state.get("export_result")
    if held and held[0] == selection and held[1] == fmt:
        result = held[2]
        st.download_button(ui.t("export.download", name=result.filename, size=f"{len(result.data):,}"), result.data,
                           file_name=result.filename, mime=result.media_type, key="export_dl", on_click="ignore")
