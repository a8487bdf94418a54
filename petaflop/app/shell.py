"""The frame around every page: language and reference-data switches, navigation, the router.

``app.py`` registers :func:`main` as the app's only Streamlit page (at ``/``); the page to show
is the ``page`` query parameter. Each page module in :mod:`petaflop.app.pages` has a
``render()`` function.
"""

from __future__ import annotations

import importlib

import streamlit as st

from petaflop.app import config, ui, urlstate
from petaflop.app.backend import BackendError


def _pages() -> list[str]:
    return [name for name in ui.PAGES if name != "export" or ui.export_available()]


def _sidebar(page: str) -> None:
    with st.sidebar:
        st.segmented_control("Language / 언어", options=["en", "ko"], key=ui.LANG_KEY, required=True,
                             format_func=lambda v: {"en": "English", "ko": "한국어"}[v])
        for name in _pages():
            ui.link(name, ui.t(f"page.{name}"), icon=ui.PAGE_ICONS[name])
        st.divider()
    from petaflop.app.pages.review import editing_caption

    editing_caption()  # who is editing, when curation is on (petaflop/curation)


def _reference_switch() -> None:
    a = ui.atlas()
    st.sidebar.toggle(ui.t("app.reference"), key=ui.REF_KEY, disabled=not a.has_reference,
                      help=ui.t("app.reference_help") if a.has_reference else ui.t("app.no_reference"))


def main() -> None:
    st.session_state["_url_declared"] = set()
    st.session_state["_url_notes"] = []
    state = ui.url_state("app", urlstate.Param("page", "home", options=_pages(), max_chars=40),
                         urlstate.Param(ui.LANG_KEY, "en", options=("en", "ko"), max_chars=4),
                         urlstate.Param(ui.REF_KEY, True, kind="bool", max_chars=5))
    for name in ("page", ui.LANG_KEY, ui.REF_KEY):
        if name != "page":
            state.seed(name)
    page = state["page"]
    st.set_page_config(page_title=f"{ui.t('page.' + page)} · Petaflop Atlas")
    _sidebar(page)
    notes_box = st.empty()

    if config.endpoint_url() is None and not config.graph_path().is_file():
        st.title("Petaflop Atlas")
        st.caption(ui.t("app.tagline"))
        st.info(ui.t("app.no_graph", path=str(config.graph_path())), icon="ℹ️")
        return
    if not ui.atlas_loaded():  # first session of the process: the page shell while the graph loads
        shell = st.empty()
        with shell.container():
            st.title("Petaflop Atlas")
            st.caption(ui.t("app.tagline"))
            try:
                with st.spinner(ui.t("app.loading")):
                    ui.atlas()
            except BackendError as exc:
                st.error(str(exc))
                return
        shell.empty()
    _reference_switch()
    st.sidebar.caption(ui.t("app.source", source=_source(ui.atlas().backend.description)))

    state.publish(page=page, lang=ui.lang(), ref=ui.include_reference())
    module = importlib.import_module(f"petaflop.app.pages.{ui.PAGES[page][0]}")
    try:
        module.render()
    finally:
        _show_notes(notes_box)
        _drop_unknown()


def _source(description: str) -> str:
    """Where the data comes from, in the UI's language (the backend describes itself in English)."""
    if description.startswith("embedded store (") and description.endswith(")"):
        return ui.t("app.backend.embedded", name=description[len("embedded store ("):-1])
    if description.startswith("endpoint "):
        return ui.t("app.backend.endpoint", url=description[len("endpoint "):])
    return description


def _show_notes(box) -> None:
    notes = list(st.session_state.get("_url_notes", []))
    declared = st.session_state.get("_url_declared", set())
    for key in st.query_params:
        if key not in declared and key.lower() not in ("embed", "embed_options"):
            notes.append(urlstate.Note(key, "unknown"))
    if notes:
        box.warning("  \n".join(urlstate.note_texts(notes, ui.t)) + "  \n" + ui.t("url.defaults"),
                    icon=ui.ICON_WARN)


def _drop_unknown() -> None:
    declared = st.session_state.get("_url_declared", set())
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    kept = {k: (v if len(v) > 1 else v[0]) for k, v in current.items()
            if k in declared or k.lower() in ("embed", "embed_options")}
    if len(kept) != len(current):
        urlstate.write(kept)
