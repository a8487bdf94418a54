"""GraphML: the property graph with typed ``<key>``s whose ``<desc>`` gives the property IRI, label
and unit (Gephi, yEd, networkx). Written here: the structure is fixed and small, and networkx's
writer would not put the descriptions in the keys."""

from __future__ import annotations

from typing import Any

from petaflop.export.formats.base import ExportFormat, xml_attr, xml_text
from petaflop.export.formats.property_graph import property_graph
from petaflop.export.selection import Subgraph

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def graphml_value(value: Any) -> str:
    """An attribute value as GraphML (and CSV) text: booleans lower-case, floats round-trip exactly."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


class GraphML(ExportFormat):
    name = "graphml"
    extension = ".graphml"
    media_type = "application/graphml+xml"
    description = "GraphML with typed attributes (Gephi, yEd, networkx)"
    description_ko = "형식 있는 속성을 담은 GraphML (Gephi, yEd, networkx)"

    def write(self, sub: Subgraph) -> bytes:
        pg = property_graph(sub)
        lines = ['<?xml version="1.0" encoding="utf-8"?>',
                 f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 f'xsi:schemaLocation="{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd">']
        keys: dict[tuple[str, str], str] = {}
        for name in pg.graph:
            keys[("graph", name)] = f"g{len(keys)}"
            lines.append(f'  <key id="{keys[("graph", name)]}" for="graph" attr.name="{name}" attr.type="string"/>')
        for kind, columns in (("node", pg.node_columns), ("edge", pg.edge_columns)):
            for i, col in enumerate(columns):
                kid = f"{kind[0]}{i}"
                keys[(kind, col.name)] = kid
                desc = f"<desc>{xml_text(col.description)}</desc>" if col.description else ""
                head = f'  <key id="{kid}" for="{kind}" attr.name="{xml_attr(col.name)}" attr.type="{col.type}"'
                lines.append(f"{head}>{desc}</key>" if desc else f"{head}/>")
        lines.append('  <graph id="G" edgedefault="directed">')
        for name, value in pg.graph.items():
            lines.append(f'    <data key="{keys[("graph", name)]}">{xml_text(value)}</data>')
        for nid, attrs in pg.nodes:
            data = "".join(f'<data key="{keys[("node", k)]}">{xml_text(graphml_value(v))}</data>'
                           for k, v in attrs.items())
            lines.append(f'    <node id="{xml_attr(nid)}">{data}</node>')
        for eid, source, target, attrs in pg.edges:
            data = "".join(f'<data key="{keys[("edge", k)]}">{xml_text(graphml_value(v))}</data>'
                           for k, v in attrs.items())
            lines.append(f'    <edge id="{eid}" source="{xml_attr(source)}" target="{xml_attr(target)}">{data}</edge>')
        lines += ["  </graph>", "</graphml>"]
        return ("\n".join(lines) + "\n").encode("utf-8")
