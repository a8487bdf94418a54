"""Link statements flattened for the property-graph formats (GraphML, CSV, Cypher, Cytoscape).

In RDF a link the report states as planned, a target, a forecast or an estimate is a link
statement, never the plain triple (docs/statements.md "Links with a status")::

    ?s pfa:linkStatement ?lst . ?lst a pfa:LinkStatement ; pfa:linkProperty ?p ; pfa:linkObject ?o ;
                                     pfa:statementStatus ?status .

A property graph reads that as what it is, a link with a status:

* one edge ``?s → ?o`` named after ``?p`` (predicate ``pfa:ownedBy``, label ``owned by``, so a Cypher
  relationship ``:ownedBy``) with ``status`` the status word (``planned``, ``target``, ``forecast``,
  ``estimate``) and ``linkStatement`` the node's IRI; an actual link has no ``status`` (absent =
  actual, as in the SPARQL form of docs/statements.md);
* the reified provenance of ``?s pfa:linkStatement ?lst`` is folded into the edge (``lines``,
  ``rules``, as statement records do);
* the ``pfa:LinkStatement`` node, its bookkeeping (``linkStatement``, ``linkObject``, their
  inverses, ``linkProperty``, ``statementStatus``, its types) and those reification nodes are left
  out: no orphan node. A link statement whose subject or object the selection left out is left
  out whole (no edge to nowhere).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from foundation.names import local_name
from foundation.namespaces import PFA, PROV, RDF
from petaflop.export.formats.statement_records import location_id, term_id
from petaflop.export.terms import TermInfo, curie

LINK_STATEMENT = PFA.LinkStatement
_SUBJECT_LINK, _SUBJECT_INV = PFA.linkStatement, PFA.linkStatementOf
_OBJECT_LINK, _OBJECT_INV = PFA.linkObject, PFA.linkObjectOf
_REIFY = {RDF.subject: "s", RDF.predicate: "p", RDF.object: "o"}
#: the edge columns a flattened link statement adds (name, GraphML type, description)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("status", "string", "planned, target, forecast or estimate for a link the report states so (a link "
                         "statement); empty for an actual link"),
    ("linkStatement", "string", "the link statement's IRI (pfa:LinkStatement) in the RDF formats"),
    ("lines", "string", "report locations read (pfloc: ids)"),
    ("rules", "string", "extraction rules"),
)


@dataclass
class LinkStatementEdges:
    edges: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)  # (s, p IRI, o, attrs)
    rest: list[ox.Quad] = field(default_factory=list)


def _value(term: Any) -> str:
    """A term's lexical value (an IRI's string, a literal's text); typed loosely for quoted triples."""
    return str(term.value)


def link_statement_edges(quads: Iterable[ox.Quad], info: Mapping[str, TermInfo],
                         graph_name: Callable[[str], str]) -> LinkStatementEdges:
    """Split the quads into link-statement edges and the rest (see the module docstring)."""
    quads = list(quads)
    nodes = {term_id(q.subject) for q in quads if q.predicate.value == RDF.type and _value(q.object) == LINK_STATEMENT}
    out = LinkStatementEdges()
    if not nodes:
        out.rest = quads
        return out
    subjects: dict[str, set[str]] = defaultdict(set)
    graphs: dict[tuple[str, str], set[str]] = defaultdict(set)  # (subject, node) -> graphs of ?s pfa:linkStatement ?lst
    inverse_graphs: dict[tuple[str, str], set[str]] = defaultdict(set)  # … of its inverse, when only that is there
    parts: dict[str, dict[str, set[str]]] = {n: defaultdict(set) for n in nodes}
    reified: dict[str, dict[str, str]] = defaultdict(dict)
    for q in quads:
        if q.predicate.value in _REIFY and not isinstance(q.object, ox.Literal):
            reified[term_id(q.subject)][_REIFY[q.predicate.value]] = term_id(q.object)
    # reification nodes of a link between an entity and a link statement (either direction)
    prov_of = {r: (p["o"] if p.get("o") in nodes else p["s"]) for r, p in reified.items()
               if p.get("o") in nodes or p.get("s") in nodes}
    provenance: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for q in quads:
        s, p, o = term_id(q.subject), q.predicate.value, q.object
        if s in prov_of:
            if p == PROV.wasDerivedFrom:
                provenance[prov_of[s]]["lines"].add(term_id(o))
            elif p == PFA.extractionRule:
                provenance[prov_of[s]]["rules"].add(_value(o))
            continue
        if p == _SUBJECT_LINK and term_id(o) in nodes:
            subjects[term_id(o)].add(s)
            graphs[(s, term_id(o))].add(graph_name(_value(q.graph_name)))
        elif p == _SUBJECT_INV and s in nodes:
            subjects[s].add(term_id(o))
            inverse_graphs[(term_id(o), s)].add(graph_name(_value(q.graph_name)))
        elif p == _OBJECT_INV and term_id(o) in nodes:
            continue
        elif s in nodes:
            if p in (PFA.linkProperty, _OBJECT_LINK, PFA.statementStatus) and not isinstance(o, ox.Literal):
                parts[s][p].add(term_id(o))
            # its types and anything else on the node are bookkeeping of the edge
        else:
            out.rest.append(q)
    for lst in sorted(nodes):
        props, objects = parts[lst][PFA.linkProperty], parts[lst][_OBJECT_LINK]
        status = parts[lst][PFA.statementStatus]
        words = " | ".join(sorted(local_name(s).lower() for s in status if s != PFA.Actual))
        prov = provenance.get(lst, {})
        for s in sorted(subjects.get(lst, ())):
            for p in sorted(props):
                term = info.get(p)
                for obj in sorted(objects):
                    attrs: dict[str, Any] = {
                        "predicate": curie(p), "label": term.label if term and term.label else local_name(p),
                        "graph": " ".join(sorted(graphs.get((s, lst)) or inverse_graphs[(s, lst)]))}
                    if words:
                        attrs["status"] = words
                    attrs["linkStatement"] = lst
                    if prov.get("lines"):
                        attrs["lines"] = " ".join(sorted(location_id(v) for v in prov["lines"]))
                    if prov.get("rules"):
                        attrs["rules"] = " ".join(sorted(prov["rules"]))
                    out.edges.append((s, p, obj, attrs))
    return out
