"""Turtle: one graph, the union of the named graphs, written by pyoxigraph's serialiser.

Deterministic: the triples go in sorted (by subject, ``rdf:type`` first) with canonical blank-node
labels, the serialiser streams them in that order, and it writes the fixed prefixes in a fixed
order (by namespace length) whatever order the dict has."""

from __future__ import annotations

import pyoxigraph as ox

from petaflop.export.formats.base import ExportFormat, header_text
from petaflop.export.formats.rdf import subject_triples
from petaflop.export.selection import Subgraph
from petaflop.export.terms import EXPORT_PREFIXES


class Turtle(ExportFormat):
    name = "turtle"
    extension = ".ttl"
    media_type = "text/turtle"
    description = "Turtle (one graph: the union of the named graphs)"
    description_ko = "Turtle (그래프 하나: 명명 그래프의 합집합)"
    aliases = ("ttl",)

    def write(self, sub: Subgraph) -> bytes:
        body = ox.serialize(subject_triples(sub), format=ox.RdfFormat.TURTLE, prefixes=EXPORT_PREFIXES)
        return f"# {header_text(sub)}\n".encode() + body
