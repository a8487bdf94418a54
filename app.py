"""Petaflop Atlas workbench (Streamlit).

Read-only: the app never writes to the graph. Until ``petaflop build`` has produced the
graph, every page shows an empty state that says what to run.
"""

from __future__ import annotations

import streamlit as st

from petaflop.paths import BUILD_DIR

GRAPH_FILE = BUILD_DIR / "atlas.nq"

st.set_page_config(page_title="Petaflop Atlas", page_icon="🛰️", layout="wide")
st.title("Petaflop Atlas")
st.caption("The geopolitics of AI compute — clusters, chips, export controls, power and alliances.")

if not GRAPH_FILE.is_file():
    st.info(
        "No graph has been built yet. Run `make run` (or `petaflop build`) to build it "
        f"from the report; it will be written to `{GRAPH_FILE.relative_to(BUILD_DIR.parent)}`.",
        icon="ℹ️",
    )
    st.stop()

st.success(f"Graph loaded from `{GRAPH_FILE}`.")
