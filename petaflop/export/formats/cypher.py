"""Cypher: a script for Neo4j, one statement per line (``cypher-shell -f``): a uniqueness
constraint, ``MERGE (n:Resource {iri})`` with class labels and properties, then
``MATCH … MERGE`` relationships."""

from __future__ import annotations

import functools
import re
from typing import Any

from petaflop.export.formats.base import TITLE, ExportFormat
from petaflop.export.formats.property_graph import property_graph, relationship_names
from petaflop.export.selection import Subgraph

_CYPHER_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CYPHER_ESCAPES = {ord("\\"): "\\\\", ord("'"): "\\'", ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_CYPHER_ESCAPES.update({c: f"\\u{c:04x}" for c in range(0x20) if c not in _CYPHER_ESCAPES})
_CYPHER_ESCAPES.update({0x2028: "\\u2028", 0x2029: "\\u2029"})


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string: backslash escapes for quote, backslash and control characters."""
    return "'" + text.translate(_CYPHER_ESCAPES) + "'"


def cypher_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        if "e" in text:
            mantissa, exp = text.split("e")
            text = f"{mantissa}E{int(exp)}"
        return text
    return cypher_string(str(value))


@functools.lru_cache(maxsize=4096)
def cypher_name(name: str) -> str:
    """A label, relationship type or key: bare when it is a plain identifier, else backquoted."""
    return name if _CYPHER_IDENT.match(name) else "`" + name.replace("`", "``") + "`"


def _cypher_map(attrs: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{cypher_name(k)}: {cypher_value(v)}" for k, v in attrs.items()) + "}"


class Cypher(ExportFormat):
    name = "cypher"
    extension = ".cypher"
    media_type = "application/x-cypher-query"
    description = "Cypher script for Neo4j (cypher-shell -f)"
    description_ko = "Neo4j용 Cypher 스크립트 (cypher-shell -f)"
    aliases = ("neo4j", "cql")
    other_extensions = (".cql",)

    def write(self, sub: Subgraph) -> bytes:
        pg = property_graph(sub)
        rel = relationship_names(pg)
        lines = [f"// {TITLE}: {sub.summary()}",
                 f"// {len(pg.nodes)} nodes, {len(pg.edges)} relationships; run with: cypher-shell -f <this file>",
                 "CREATE CONSTRAINT petaflop_resource_iri IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE;"]
        for nid, attrs in pg.nodes:
            labels = pg.node_labels.get(nid, [])
            stmt = f"MERGE (n:Resource {{iri: {cypher_string(nid)}}})"
            sets = []
            if labels:
                sets.append("n" + "".join(f":{cypher_name(lbl)}" for lbl in labels))
            if attrs:
                sets.append(f"n += {_cypher_map(attrs)}")
            lines.append(stmt + (" SET " + ", ".join(sets) if sets else "") + ";")
        for eid, source, target, attrs in pg.edges:
            lines.append(
                f"MATCH (a:Resource {{iri: {cypher_string(source)}}}), (b:Resource {{iri: {cypher_string(target)}}}) "
                f"MERGE (a)-[r:{cypher_name(rel[attrs['predicate']])} {{id: {cypher_string(eid)}}}]->(b) "
                f"SET r += {_cypher_map(attrs)};"
            )
        return ("\n".join(lines) + "\n").encode("utf-8")
