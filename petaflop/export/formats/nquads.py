"""N-Quads: the named graphs kept, the selection's quads in their canonical order (pyoxigraph's
serialiser)."""

from __future__ import annotations

import pyoxigraph as ox

from petaflop.export.formats.base import ExportFormat
from petaflop.export.selection import Subgraph


class NQuads(ExportFormat):
    name = "nquads"
    extension = ".nq"
    media_type = "application/n-quads"
    description = "N-Quads (named graphs kept)"
    description_ko = "N-Quads (명명 그래프 유지)"
    named_graphs = True
    aliases = ("nq", "n-quads")

    def write(self, sub: Subgraph) -> bytes:
        return ox.serialize(sub.quads, format=ox.RdfFormat.N_QUADS)
