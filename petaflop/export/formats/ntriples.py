"""N-Triples: one graph, the union of the named graphs, one sorted line per triple (pyoxigraph's
canonical N-Triples serialiser)."""

from __future__ import annotations

import pyoxigraph as ox

from petaflop.export.formats.base import ExportFormat
from petaflop.export.formats.rdf import triples
from petaflop.export.selection import Subgraph


class NTriples(ExportFormat):
    name = "ntriples"
    extension = ".nt"
    media_type = "application/n-triples"
    description = "N-Triples (one graph)"
    description_ko = "N-Triples (그래프 하나)"
    aliases = ("nt", "n-triples")

    def write(self, sub: Subgraph) -> bytes:
        return ox.serialize(triples(sub), format=ox.RdfFormat.N_TRIPLES)
