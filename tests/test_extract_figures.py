"""Text inside a figure (a paragraph printed beside an image) is prose: it goes through the same
readers as paragraphs and bullets, located at its own line (issue 16: prose and captions)."""

from __future__ import annotations

import pyoxigraph as ox

PREFIXES = """PREFIX pfa: <https://petaflop-atlas.org/ontology#> PREFIX pfid: <https://petaflop-atlas.org/id/>
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX pfl: <https://petaflop-atlas.org/report/>
"""


def test_a_paragraph_inside_a_figure_is_read_at_its_own_line(built_graph):
    """Line 2515 sits inside figure V-11-f1 (lines 2510-2519), not in its caption: its 1.4 GW site
    ('Frontier', Shackelford County) is read from it, with line 2515 as provenance."""
    store = ox.Store()
    store.bulk_load(path=str(built_graph), format=ox.RdfFormat.N_QUADS)
    rows = list(store.query(PREFIXES + """SELECT DISTINCT ?s WHERE {
        GRAPH ?g { ?st rdf:subject ?s ; prov:wasDerivedFrom pfl:L2515 } }""", use_default_graph_as_union=True))
    subjects = {r["s"].value.rsplit("/", 1)[1] for r in rows}
    assert "stargate-frontier-shackelford-county" in subjects
