"""The app's two browser components, served from this folder (offline, no build step, no CDN).

* ``graph/`` — the Search Around canvas: Cytoscape.js 3.35 (MIT, vendored from the npm registry),
  preset positions from Python, one event per gesture (select, expand, "+N more", drag to pin);
* ``editor/`` — the SPARQL editor: CodeMirror 5.65 (MIT, vendored) with its SPARQL mode and
  hint add-on: syntax highlighting, completion of prefixes, classes and properties,
  Ctrl/Cmd-Enter to run.

Both are Streamlit "v1" components declared with a local ``path``: Streamlit serves the folder
from ``/component/…`` and the browser caches the scripts. Each returns its last event (a dict
with a ``seq`` that changes per event) or ``None``; a caller acts on an event once.

Third-party notices: ``THIRD_PARTY.md`` in this folder.
"""

from __future__ import annotations

from pathlib import Path

import streamlit.components.v1 as components

_HERE = Path(__file__).parent
_graph = components.declare_component("petaflop_graph", path=str(_HERE / "graph"))
_editor = components.declare_component("petaflop_editor", path=str(_HERE / "editor"))


def graph_canvas(elements: list[dict], *, key: str, height: int = 560, selected: str | None = None,
                 fit: bool = False, hint: str = "", fit_label: str = "", on_change=None) -> dict | None:
    """Draw ``elements`` (Cytoscape JSON with preset positions); returns the last gesture
    (``on_change`` runs before the rerun, with the gesture in ``st.session_state[key]``)."""
    return _graph(elements=elements, height=height, selected=selected, fit=fit, hint=hint, fitLabel=fit_label,
                  key=key, default=None, on_change=on_change)


def sparql_editor(text: str, *, key: str, vocabulary: dict, height: int = 280, run_label: str = "Run",
                  version: int = 0, hint: str = "", on_change=None) -> dict | None:
    """A CodeMirror SPARQL editor holding ``text``; returns ``{"text", "run", "seq"}`` on change or run.

    ``version`` changes when Python replaces the text (a catalogue query chosen, a history entry
    opened); the editor keeps the analyst's typing otherwise."""
    return _editor(text=text, vocabulary=vocabulary, height=height, runLabel=run_label, version=version,
                   hint=hint, key=key, default=None, on_change=on_change)
