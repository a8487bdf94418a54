"""Petaflop Atlas workbench (Streamlit): ``streamlit run app.py`` (``make run`` binds 127.0.0.1).

Thin on purpose: page set-up and one Streamlit page at ``/`` whose router
(:func:`petaflop.app.shell.main`) shows the page named by the ``page`` query parameter
(``/?page=object&id=colossus``), so every navigation is in the address and the browser
history. Read-only: the app never writes to the graph. Until ``petaflop build`` has produced
the graph, it shows an empty state that says what to run. ``PETAFLOP_GRAPH`` points at another
N-Quads file; ``PETAFLOP_ENDPOINT`` at a SPARQL endpoint instead of a file.
"""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Petaflop Atlas", page_icon="🛰️", layout="wide")

from petaflop.app import shell, ui  # noqa: E402  (after set_page_config)

ui.ROOT[0] = st.Page(shell.main, title="Petaflop Atlas", url_path="", default=True)
st.navigation([ui.ROOT[0]], position="hidden").run()
