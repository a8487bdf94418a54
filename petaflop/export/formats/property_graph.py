"""The property-graph projection the graph formats (GraphML, CSV, Cypher, Cytoscape) share.

* nodes are the objects (IRIs or blank nodes that are not ontology terms), id = the IRI;
* a triple whose object is another node is an edge (attributes ``predicate``, ``label``,
  ``graph``), with a stable id ``e`` + 16 hex of sha1 of the triple;
* ``rdf:type`` gives ``type`` (the most specific asserted class) and ``types`` (all, CURIEs);
* literal values become typed attributes named after the property's local name (``amountUSD``;
  ``label`` for ``rdfs:label``), suffixed ``_<lang>`` for non-English language tags
  (``label_ko``) and ``_2``, ``_3``… when an object has several values (sorted); the type is
  ``double`` (xsd:decimal/double/float), ``long`` (integers), ``boolean`` or ``string`` (when
  the values of one attribute mix kinds); a link to an ontology term is a string attribute with
  its CURIE (``promotedTo`` = ``pfa:chipCount``); empty strings are left out;
* statements (``pfa:Statement``) are records: typed qualifier columns, one edge named after the kind
  from the entity, provenance folded in (:mod:`.statement_records`); other predicates whose local
  name is a statement column are named ``prefix_local`` (``pfa_conflicting``);
* a link statement (``pfa:LinkStatement``: a planned, target, forecast or estimated link) is an
  edge named after its property with a ``status`` (``planned``…), never a node
  (:mod:`.link_statement_edges`); an actual link has no ``status``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from foundation.names import local_name
from foundation.namespaces import PFA, RDF, XSD
from petaflop.export.formats.base import TITLE
from petaflop.export.formats.link_statement_edges import COLUMNS as LINK_COLUMNS
from petaflop.export.formats.link_statement_edges import link_statement_edges
from petaflop.export.formats.statement_records import (
    COLUMN_NAMES,
    COLUMNS,
    QUALIFIER_IRIS,
    statement_records,
    term_id,
)
from petaflop.export.selection import Subgraph
from petaflop.export.terms import (
    G_FACTS,
    G_INFERRED,
    G_ONTOLOGY,
    G_PROVENANCE,
    RDF_TYPE,
    RDFS_LABEL,
    VOCAB_NAMESPACES,
    curie,
)

FLOAT_TYPES = frozenset(XSD[t] for t in ("decimal", "double", "float"))
INT_TYPES = frozenset(XSD[t] for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
BOOL_TYPE = XSD.boolean
NODE_RESERVED = frozenset({"id", "iri", "label", "name", "value", "type", "types"})
EDGE_RESERVED = frozenset({"id", "source", "target", "key", "predicate", "label", "graph", "interaction",
                           "source_label", "target_label"})
GRAPH_NAMES = {G_FACTS: "facts", G_INFERRED: "inferred", G_PROVENANCE: "provenance", G_ONTOLOGY: "ontology"}


@dataclass(frozen=True)
class Column:
    """One attribute of nodes or edges, with what the ontology says about it."""

    name: str
    kind: str                 # "node", "edge" or "statement" (a node column of statements only)
    type: str                 # GraphML attr.type: string, double, long, boolean
    iri: str = ""             # the predicate IRI, "" for derived columns
    label: str = ""
    unit: str = ""

    @property
    def header(self) -> str:
        return f"{self.name} [{self.unit}]" if self.unit else self.name

    @property
    def description(self) -> str:
        parts = [p for p in (self.label, f"unit: {self.unit}" if self.unit else "", self.iri) if p]
        return "; ".join(parts)


@dataclass
class PropertyGraph:
    graph: dict[str, str]
    node_columns: list[Column]
    edge_columns: list[Column]
    nodes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    edges: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)  # (id, source, target, attrs)
    node_labels: dict[str, list[str]] = field(default_factory=dict)  # node id -> class names (Neo4j labels)
    statement_columns: list[Column] = field(default_factory=list)  # every statement column (CSV)
    statement_ids: list[str] = field(default_factory=list)  # the statement nodes, in reading order


def _type_name(iri: str) -> str:
    return local_name(iri) if iri.startswith(PFA) else curie(iri)


def _label_name(iri: str) -> str:
    """A Neo4j label for a class: the local name for project classes, ``prefix_local`` otherwise."""
    name = _type_name(iri)
    return re.sub(r"[^A-Za-z0-9_]", "_", name.replace(":", "_"))


def _python_value(lit: ox.Literal) -> tuple[str, Any]:
    """(kind, value) for a literal: kind is double/long/boolean/string."""
    dt = lit.datatype.value if not lit.language else ""
    try:
        if dt in FLOAT_TYPES:
            value = float(lit.value)
            if math.isfinite(value):
                return "double", value
        elif dt in INT_TYPES:
            return "long", int(lit.value)
        elif dt == BOOL_TYPE and lit.value in ("true", "false", "1", "0"):
            return "boolean", lit.value in ("true", "1")
    except ValueError:
        pass
    return "string", lit.value


def _predicate_names(preds: Iterable[str], reserved: frozenset[str], fixed: dict[str, str]) -> dict[str, str]:
    """Attribute names for predicate IRIs: the local name, or ``prefix_local`` where it clashes."""
    preds = sorted(set(preds))
    by_local: dict[str, list[str]] = defaultdict(list)
    for p in preds:
        by_local[local_name(p)].append(p)
    out: dict[str, str] = {}
    for p in preds:
        if p in fixed:
            out[p] = fixed[p]
            continue
        local = local_name(p)
        clean = re.sub(r"[^A-Za-z0-9_]", "_", local) or "value"
        if len(by_local[local]) > 1 or clean in reserved or clean in fixed.values() or clean != local:
            clean = re.sub(r"[^A-Za-z0-9_]", "_", curie(p).replace(":", "_"))
        out[p] = clean
    return out


def _lang_suffix(lang: str | None) -> str:
    if not lang or lang.lower() == "en":
        return ""
    return "_" + re.sub(r"[^A-Za-z0-9]", "_", lang.lower())


def _edge_id(s, p, o) -> str:
    return "e" + hashlib.sha1(f"{s} {p} {o}".encode()).hexdigest()[:16]


def property_graph(sub: Subgraph) -> PropertyGraph:
    """The selection as nodes and edges with typed attributes (see the module docstring)."""
    return sub.memo("property_graph", lambda: _property_graph(sub))


def _property_graph(sub: Subgraph) -> PropertyGraph:
    # One pass over the quads turning terms into plain strings (hashing pyoxigraph terms in every
    # dict and set below would cost more than the rest of the projection).
    info_by_iri = {t.value: info for t, info in sub.terms.items()}
    term_iris = frozenset(info_by_iri)
    node_ok: dict[str, bool] = {}

    def is_node_iri(iri: str) -> bool:
        ok = node_ok.get(iri)
        if ok is None:
            ok = node_ok[iri] = not (iri in term_iris or iri.startswith(VOCAB_NAMESPACES))
        return ok

    graph_names = {g.value: name for g, name in GRAPH_NAMES.items()}
    lsts = link_statement_edges(sub.quads, info_by_iri, lambda g: graph_names.get(g) or curie(g))
    stmts = statement_records(lsts.rest, info_by_iri, lambda g: graph_names.get(g) or curie(g))
    ontology, rdf_type = G_ONTOLOGY.value, RDF_TYPE.value
    named, literal = ox.NamedNode, ox.Literal
    nodes: set[str] = set()
    edges: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    literals: dict[str, dict[tuple[str, str], list[ox.Literal | str]]] = defaultdict(lambda: defaultdict(list))
    types: dict[str, set[str]] = defaultdict(set)
    for q in stmts.rest:
        g = q.graph_name.value
        if g == ontology:
            continue
        s = q.subject
        if type(s) is named:
            sid = s.value
            if not is_node_iri(sid):
                continue
        else:
            sid = "_:" + s.value
        nodes.add(sid)
        p = q.predicate.value
        o = q.object
        kind = type(o)
        if kind is literal:
            if o.value != "":
                literals[sid][(p, _lang_suffix(o.language))].append(o)
        elif kind is named and p == rdf_type:
            types[sid].add(o.value)
        elif kind is named and not is_node_iri(o.value):  # a link to an ontology term: its CURIE
            literals[sid][(p, "")].append(curie(o.value))
        else:
            oid = o.value if kind is named else "_:" + o.value
            nodes.add(oid)
            edges[(sid, p, oid)].add(graph_names.get(g) or curie(g))
    nodes.update(stmts.records)
    for s_id, _p, o_id, _attrs in (*stmts.edges, *lsts.edges):
        nodes.update((s_id, o_id))

    node_names = _predicate_names({p for attrs in literals.values() for p, _ in attrs},
                                  NODE_RESERVED | COLUMN_NAMES, {RDFS_LABEL.value: "label"})
    # decide each column's type from every value it will hold
    kinds: dict[str, set[str]] = defaultdict(set)
    for attrs in literals.values():
        for (p, suffix), values in attrs.items():
            base = node_names[p] + suffix
            for v in values:
                kinds[base].add("string" if isinstance(v, str) else _python_value(v)[0])
    col_type = {base: _merge_kinds(ks) for base, ks in kinds.items()}

    def convert(v, ctype: str):
        if isinstance(v, str):
            return v
        if ctype == "string":
            return v.value
        kind, value = _python_value(v)
        if ctype == "double" and kind == "long":
            return float(value)
        return value

    primary = {term_id(n): t.value for n, t in sub.primary_types.items()}
    node_rows: list[tuple[str, dict[str, Any]]] = []
    multiplicity: dict[str, int] = defaultdict(int)
    base_pred: dict[str, str] = {}
    for nid in sorted(nodes):
        attrs: dict[str, Any] = {}
        if nid in primary:
            attrs["type"] = _type_name(primary[nid])
        if nid in types:
            attrs["types"] = " ".join(sorted(curie(t) for t in types[nid]))
        for (p, suffix), values in literals.get(nid, {}).items():
            base = node_names[p] + suffix
            base_pred[base] = p
            ctype = col_type[base]
            converted = sorted({convert(v, ctype) for v in values})
            multiplicity[base] = max(multiplicity[base], len(converted))
            for i, v in enumerate(converted):
                attrs[base if i == 0 else f"{base}_{i + 1}"] = v
        if nid in stmts.records:  # the record's columns first; "type" is Statement, also for claims
            attrs = {**stmts.records[nid], **{k: v for k, v in attrs.items() if k not in stmts.records[nid]}}
        node_rows.append((nid, attrs))

    def sort_bases(base: str) -> tuple:
        pred = base_pred[base]
        return (0 if pred == RDFS_LABEL.value else 1 if pred.endswith("altLabel") else 2, base)

    node_columns = [Column("type", "node", "string", label="most specific asserted class"),
                    Column("types", "node", "string", iri=RDF.type, label="all classes (CURIEs)")]
    for base in sorted(multiplicity, key=sort_bases):
        info = info_by_iri.get(base_pred[base])
        for i in range(multiplicity[base]):
            node_columns.append(Column(base if i == 0 else f"{base}_{i + 1}", "node", col_type[base],
                                       iri=base_pred[base], label=info.label if info else "",
                                       unit=info.unit if info else ""))
    label_cols = [c for c in node_columns if c.iri == RDFS_LABEL.value]
    node_columns = label_cols + [c for c in node_columns if c.iri != RDFS_LABEL.value]
    statement_columns = [Column(name, "statement", ctype, iri=QUALIFIER_IRIS.get(name, ""), label=desc)
                         for name, ctype, desc in COLUMNS]
    if stmts.records:
        taken = {c.name for c in node_columns}
        node_columns += [c for c in statement_columns if c.name not in taken]
    order = {c.name: i for i, c in enumerate(node_columns)}
    node_rows = [(nid, attrs if nid in stmts.records else dict(sorted(attrs.items(), key=lambda kv: order[kv[0]])))
                 for nid, attrs in node_rows]

    links = []
    for (s, p, o), graphs in edges.items():
        info = info_by_iri.get(p)
        links.append((s, p, o, {
            "predicate": curie(p),
            "label": info.label if info and info.label else local_name(p),
            "graph": " ".join(sorted(graphs)),
        }))
    # a link statement's edge id also hashes its node, so it never meets an actual link's
    edge_rows = [(_edge_id(s, p if "linkStatement" not in attrs else f"{p} {attrs['linkStatement']}", o), s, o, attrs)
                 for s, p, o, attrs in sorted(links + stmts.edges + lsts.edges, key=lambda e: e[:3])]
    edge_columns = [Column("predicate", "edge", "string", label="link type (CURIE)"),
                    Column("label", "edge", "string", label="link type label"),
                    Column("graph", "edge", "string", label="named graphs holding the link")]
    if lsts.edges:
        used = {k for *_, attrs in lsts.edges for k in attrs}
        edge_columns += [Column(name, "edge", ctype, label=desc) for name, ctype, desc in LINK_COLUMNS if name in used]
    graph_attrs = {"title": TITLE, "selection": sub.summary(),
                   "seeds": " ".join(term_id(s) for s in sub.seeds)}
    node_labels = {nid: sorted({_label_name(t) for t in ts}) for nid, ts in types.items()}
    return PropertyGraph(graph_attrs, node_columns, edge_columns, node_rows, edge_rows, node_labels,
                         statement_columns, stmts.sorted_ids())


def _merge_kinds(kinds: set[str]) -> str:
    if len(kinds) == 1:
        return next(iter(kinds))
    if kinds == {"double", "long"}:
        return "double"
    return "string"


def relationship_names(pg: PropertyGraph) -> dict[str, str]:
    """Relationship type per predicate CURIE (Cypher): local names, prefixed where they clash."""
    curies = sorted({attrs["predicate"] for _, _, _, attrs in pg.edges})
    by_local: dict[str, list[str]] = defaultdict(list)
    for c in curies:
        by_local[c.split(":", 1)[-1] if ":" in c and "://" not in c else local_name(c)].append(c)
    out = {}
    for local, group in by_local.items():
        for c in group:
            out[c] = local if len(group) == 1 else c.replace(":", "_")
    return out
