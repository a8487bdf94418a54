"""Cytoscape JSON: ``elements.nodes``/``elements.edges`` of the property graph (Cytoscape desktop,
Cytoscape.js; ``networkx.cytoscape_graph`` reads it), one element per line."""

from __future__ import annotations

from petaflop.export.formats.base import JSON, TITLE, ExportFormat
from petaflop.export.formats.property_graph import property_graph, relationship_names
from petaflop.export.selection import Subgraph


class Cytoscape(ExportFormat):
    name = "cytoscape"
    extension = ".cyjs"
    media_type = "application/json"
    description = "Cytoscape JSON (Cytoscape desktop, Cytoscape.js)"
    description_ko = "Cytoscape JSON (Cytoscape 데스크톱, Cytoscape.js)"
    aliases = ("cyjs", "cytoscape-json")

    def write(self, sub: Subgraph) -> bytes:
        pg = property_graph(sub)
        rel = relationship_names(pg)
        nodes = [{"data": {"id": nid, "value": nid, "name": attrs.get("label", nid), **attrs}}
                 for nid, attrs in pg.nodes]
        edges = [{"data": {"id": eid, "source": s, "target": t, "key": eid,
                           "interaction": rel[attrs["predicate"]], **attrs}} for eid, s, t, attrs in pg.edges]
        head = {"format_version": "1.0", "generated_by": "petaflop-atlas", "target_cytoscapejs_version": "~3.0",
                "data": {**pg.graph, "name": TITLE}, "directed": True, "multigraph": True}
        dump = JSON.encode
        text = (dump(head)[:-1] + ',\n"elements": {"nodes": [\n' + ",\n".join(dump(n) for n in nodes)
                + '\n],\n"edges": [\n' + ",\n".join(dump(e) for e in edges) + "\n]}}\n")
        return text.encode("utf-8")
