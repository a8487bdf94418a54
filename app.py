"""Petaflop Atlas workbench (Streamlit): ``streamlit run app.py`` (``make run`` binds 127.0.0.1).

Thin on purpose: page set-up, the language switch, the graph (loaded once per process by
``st.cache_resource``) and ``st.navigation`` over the page scripts in ``petaflop/app/pages``.
Read-only: the app never writes to the graph. Until ``petaflop build`` has produced the graph,
it shows an empty state that says what to run. ``PETAFLOP_GRAPH`` points at another N-Quads
file; ``PETAFLOP_ENDPOINT`` at a SPARQL endpoint instead of a file.
"""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Petaflop Atlas", page_icon="🛰️", layout="wide")

from petaflop.app import config, ui  # noqa: E402  (after set_page_config)
from petaflop.app.backend import BackendError  # noqa: E402

ui.language_switch()

if config.endpoint_url() is None and not config.graph_path().is_file():
    st.title("Petaflop Atlas")
    st.caption(ui.t("app.tagline"))
    st.info(
        "No graph has been built yet. Run `make run` (or `petaflop build`) to build it from the report; "
        f"the app loads `{config.graph_path()}` (set `PETAFLOP_GRAPH` to load another file).",
        icon="ℹ️",
    )
    st.stop()

if not ui.atlas_loaded():  # first session of the process: show the page shell while the graph loads
    shell = st.empty()
    with shell.container():
        st.title("Petaflop Atlas")
        st.caption(ui.t("app.tagline"))
        try:
            with st.spinner(ui.t("app.loading")):
                ui.atlas()
        except BackendError as exc:
            st.error(str(exc))
            st.stop()
    shell.empty()

pages = [
    st.Page(ui.page_path(name), title=ui.t(f"page.{name}"), icon=ui.PAGE_ICONS[name], url_path=name,
            default=name == "home")
    for name in ui.PAGE_FILES
    if name != "export" or ui.export_available()
]
st.sidebar.caption(ui.t("app.source", source=ui.atlas().backend.description))
st.navigation(pages).run()
