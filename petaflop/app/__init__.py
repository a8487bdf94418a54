"""The analyst workbench behind ``app.py``: data access and view models (no Streamlit), pages.

Layout:

* :mod:`~petaflop.app.config` — where the graph comes from (file or SPARQL endpoint);
* :mod:`~petaflop.app.backend` — one ``select()`` over an embedded pyoxigraph store or an endpoint;
* :mod:`~petaflop.app.data` — :class:`~petaflop.app.data.Atlas`: the graph loaded once into
  indexes (labels, types, links both ways, search) plus provenance look-ups;
* :mod:`~petaflop.app.objects`, :mod:`~petaflop.app.graph`, :mod:`~petaflop.app.controls`,
  :mod:`~petaflop.app.sovereign`, :mod:`~petaflop.app.power`, :mod:`~petaflop.app.console` —
  view models for the pages, testable without Streamlit;
* :mod:`~petaflop.app.ui` — the Streamlit glue (cached loading, language, provenance badges);
* ``pages/*.py`` — one script per page, registered by ``app.py`` with ``st.navigation``.

Everything is read-only: nothing here writes to the graph.
"""
