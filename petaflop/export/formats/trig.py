"""TriG: the named graphs kept, written by pyoxigraph's serialiser (deterministic as Turtle is:
quads sorted by graph, subject and predicate, canonical blank-node labels, fixed prefixes)."""

from __future__ import annotations

import pyoxigraph as ox

from petaflop.export.formats.base import ExportFormat, header_text
from petaflop.export.formats.rdf import subject_quads
from petaflop.export.selection import Subgraph
from petaflop.export.terms import EXPORT_PREFIXES


class TriG(ExportFormat):
    name = "trig"
    extension = ".trig"
    media_type = "application/trig"
    description = "TriG (named graphs kept)"
    description_ko = "TriG (명명 그래프 유지)"
    named_graphs = True

    def write(self, sub: Subgraph) -> bytes:
        body = ox.serialize(subject_quads(sub), format=ox.RdfFormat.TRIG, prefixes=EXPORT_PREFIXES)
        return f"# {header_text(sub)}\n".encode() + body
