"""Writers for exported subgraphs: RDF formats, and a property-graph projection for graph tools.

RDF formats (the selection's quads as they are; every writer here, so the bytes are ours and
deterministic — sorted, fixed prefixes, canonical blank-node labels):

* ``turtle``, ``ntriples``, ``rdfxml``: one graph (the union of the named graphs; RDF/XML is
  plain ``rdf:Description`` blocks with every namespace declared, which OWL tools open);
* ``nquads``, ``trig``, ``jsonld``: named graphs kept (JSON-LD compacted against a context of
  the project prefixes, one ``@graph`` object per named graph).

Property-graph formats share one projection (:func:`property_graph`):

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
* ``graphml``: typed ``<key>``s whose ``<desc>`` gives the property IRI, label and unit (Gephi,
  yEd, networkx); ``csv``: a zip of ``nodes.csv`` (units in headers, ``amountUSD [USD]``),
  ``edges.csv`` and ``columns.csv`` (the data dictionary: column, property, label, unit, type);
  ``cypher``: one statement per line (MERGE on ``:Resource {iri}``) for ``cypher-shell -f``;
  ``cytoscape``: Cytoscape.js / Cytoscape desktop JSON (``elements.nodes``/``edges``).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import math
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as _xml_escape

import pyoxigraph as ox

from foundation.names import local_name
from foundation.namespaces import RDF, XSD
from petaflop.export import EXPORT_PREFIXES as PREFIXES
from petaflop.export import (
    G_FACTS,
    G_INFERRED,
    G_ONTOLOGY,
    G_PROVENANCE,
    RDF_TYPE,
    RDFS_LABEL,
    VOCAB_NAMESPACES,
    BadParameter,
    ExportError,
    curie,
)

if TYPE_CHECKING:
    from petaflop.export import Subgraph

XSD_STRING = XSD.string
FLOAT_TYPES = frozenset(XSD[t] for t in ("decimal", "double", "float"))
INT_TYPES = frozenset(XSD[t] for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
BOOL_TYPE = XSD.boolean
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder (C accelerated) for every element
TITLE = "Petaflop Atlas export"


# ============================================================================ registry
@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str
    description: str
    named_graphs: bool
    write: Callable[[Subgraph], bytes]
    aliases: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()


def _fmt(name: str, ext: str, media: str, desc: str, named: bool, write, aliases=(), extensions=()) -> Format:
    return Format(name, ext, media, desc, named, write, tuple(aliases), (ext, *extensions))


def _writers() -> dict[str, Format]:
    formats = [
        _fmt("turtle", ".ttl", "text/turtle", "Turtle (one graph: the union of the named graphs)", False,
             write_turtle, ("ttl",)),
        _fmt("ntriples", ".nt", "application/n-triples", "N-Triples (one graph)", False, write_ntriples,
             ("nt", "n-triples")),
        _fmt("nquads", ".nq", "application/n-quads", "N-Quads (named graphs kept)", True, write_nquads,
             ("nq", "n-quads")),
        _fmt("trig", ".trig", "application/trig", "TriG (named graphs kept)", True, write_trig),
        _fmt("jsonld", ".jsonld", "application/ld+json", "JSON-LD, compacted with a prefix context "
             "(named graphs kept)", True, write_jsonld, ("json-ld",)),
        _fmt("rdfxml", ".rdf", "application/rdf+xml", "RDF/XML (one graph; opens in OWL tools)", False,
             write_rdfxml, ("xml", "rdf", "owl", "rdf/xml", "rdf-xml"), (".owl", ".xml")),
        _fmt("graphml", ".graphml", "application/graphml+xml", "GraphML with typed attributes "
             "(Gephi, yEd, networkx)", False, write_graphml),
        _fmt("csv", ".zip", "application/zip", "zip of nodes.csv, edges.csv, columns.csv", False, write_csv_zip,
             ("zip",)),
        _fmt("cypher", ".cypher", "application/x-cypher-query", "Cypher script for Neo4j (cypher-shell -f)",
             False, write_cypher, ("neo4j", "cql"), (".cql",)),
        _fmt("cytoscape", ".cyjs", "application/json", "Cytoscape JSON (Cytoscape desktop, Cytoscape.js)",
             False, write_cytoscape, ("cyjs", "cytoscape-json")),
    ]
    return {f.name: f for f in formats}


def resolve_format(name: str | None, out: Path | str | None = None) -> Format:
    """A format by name or alias; without a name, by the output file's extension (default Turtle)."""
    formats = FORMATS
    if name:
        key = name.strip().lower()
        for f in formats.values():
            if key == f.name or key in f.aliases:
                return f
        import difflib

        names = sorted([f.name for f in formats.values()] + [a for f in formats.values() for a in f.aliases])
        close = difflib.get_close_matches(key, names, n=3, cutoff=0.4)
        raise BadParameter(f"--format {name!r}: unknown format; choose one of {', '.join(formats)}"
                           + (f" (close: {', '.join(close)})" if close else ""))
    if out is not None:
        suffix = Path(out).suffix.lower()
        for f in formats.values():
            if suffix in f.extensions:
                return f
        if suffix:
            raise BadParameter(f"--format: cannot tell the format from the extension {suffix!r} of --out; "
                               f"give --format ({', '.join(formats)})")
    return formats["turtle"]


# ============================================================================ RDF writers
_PN_LOCAL = re.compile(r"^(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?$")
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")
_BNODE = re.compile(r"^[A-Za-z0-9_]+$")


@functools.lru_cache(maxsize=1 << 16)
def _prefixed(iri: str) -> tuple[str, str] | None:
    best = None
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and (best is None or len(ns) > len(PREFIXES[best])):
            best = prefix
    return (best, iri[len(PREFIXES[best]):]) if best else None


def _check_bnode(b: ox.BlankNode) -> str:
    if not _BNODE.match(b.value):
        raise ExportError(f"blank node label {b.value!r} is not canonical")
    return b.value


@functools.lru_cache(maxsize=1 << 16)
def _ttl_iri(iri: str) -> str:
    split = _prefixed(iri)
    if split and _PN_LOCAL.match(split[1]):
        return f"{split[0]}:{split[1]}"
    return str(ox.NamedNode(iri))


def _ttl_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return _ttl_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{_check_bnode(term)}"
    quoted = str(ox.Literal(term.value))
    if term.language:
        return f"{quoted}@{term.language}"
    if term.datatype.value == XSD_STRING:
        return quoted
    return f"{quoted}^^{_ttl_iri(term.datatype.value)}"


def _prefix_lines() -> list[str]:
    return [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES.items()]


def _triples(sub: Subgraph) -> list[ox.Triple]:
    """The union of the named graphs, sorted, without duplicates."""
    return sub.memo("triples", lambda: sorted({q.triple for q in sub.quads}, key=str))


def _turtle_block(triples: Iterable[ox.Triple], indent: str = "") -> list[str]:
    by_subject: dict[Any, dict[Any, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        by_subject[t.subject][t.predicate].append(t.object)
    lines: list[str] = []
    for subject in sorted(by_subject, key=str):
        preds = by_subject[subject]
        order = sorted(preds, key=lambda p: (p != RDF_TYPE, str(p)))
        parts = []
        for p in order:
            objs = " , ".join(_ttl_term(o) for o in sorted(set(preds[p]), key=str))
            parts.append(f"{'a' if p == RDF_TYPE else _ttl_term(p)} {objs}")
        lines.append(f"{indent}{_ttl_term(subject)} " + f" ;\n{indent}    ".join(parts) + " .")
    return lines


def write_turtle(sub: Subgraph) -> bytes:
    lines = [f"# {TITLE}: {sub.summary()}", *_prefix_lines(), ""]
    lines += _turtle_block(_triples(sub))
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_trig(sub: Subgraph) -> bytes:
    lines = [f"# {TITLE}: {sub.summary()}", *_prefix_lines(), ""]
    for graph, quads in _by_graph(sub):
        lines.append(f"{_ttl_term(graph)} {{")
        lines += _turtle_block((q.triple for q in quads), indent="    ")
        lines += ["}", ""]
    return ("\n".join(lines)).encode("utf-8")


def _by_graph(sub: Subgraph) -> list[tuple[Any, list[ox.Quad]]]:
    groups: dict[Any, list[ox.Quad]] = {}
    for q in sub.quads:  # already sorted by graph rank
        groups.setdefault(q.graph_name, []).append(q)
    return list(groups.items())


def write_ntriples(sub: Subgraph) -> bytes:
    return "".join(f"{t} .\n" for t in _triples(sub)).encode("utf-8")


def write_nquads(sub: Subgraph) -> bytes:
    return "".join(f"{q} .\n" for q in sub.quads).encode("utf-8")


@functools.lru_cache(maxsize=1 << 16)
def _json_iri(iri: str) -> str:
    split = _prefixed(iri)
    if split and not split[1].startswith("//"):
        return f"{split[0]}:{split[1]}"
    return iri


def _json_node_ref(term) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{_check_bnode(term)}"
    return _json_iri(term.value)


def _json_value(term) -> Any:
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return {"@id": _json_node_ref(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == XSD_STRING:
        return term.value
    return {"@value": term.value, "@type": _json_iri(term.datatype.value)}


def write_jsonld(sub: Subgraph) -> bytes:
    graphs = []
    for graph, quads in _by_graph(sub):
        nodes: dict[Any, dict[Any, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for q in quads:
            nodes[q.subject][q.predicate].append(q.object)
        items = []
        for subject in sorted(nodes, key=str):
            preds = nodes[subject]
            obj: dict[str, Any] = {"@id": _json_node_ref(subject)}
            types = sorted(preds.get(RDF_TYPE, ()), key=str)
            if types and all(isinstance(t, ox.NamedNode) for t in types):
                obj["@type"] = [_json_iri(t.value) for t in types]
            for p in sorted(preds, key=str):
                if p == RDF_TYPE and "@type" in obj:
                    continue
                obj[_json_iri(p.value)] = [_json_value(o) for o in sorted(preds[p], key=str)]
            items.append(obj)
        graphs.append((_json_node_ref(graph), items))
    # one node object per line: readable, diffable, and written by json's C encoder
    dump = _JSON.encode
    parts = ['{"@context": ' + dump(dict(PREFIXES)) + ',\n"@graph": [']
    parts.append(",\n".join(f'{{"@id": {dump(gid)}, "@graph": [\n' + ",\n".join(dump(i) for i in items) + "\n]}"
                             for gid, items in graphs))
    parts.append("]}\n")
    return "\n".join(parts).encode("utf-8")


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    if _XML_BAD.search(text):
        raise ExportError(f"a value holds a character XML cannot carry: {text[:40]!r}")
    return _xml_escape(text).replace("\r", "&#13;")


def _xml_attr(text: str) -> str:
    return _xml_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def write_rdfxml(sub: Subgraph) -> bytes:
    triples = _triples(sub)
    namespaces = dict(PREFIXES)
    extra: dict[str, str] = {}

    def qname(iri: str) -> str:
        split = _prefixed(iri)
        if split and _NCNAME.match(split[1]):
            return f"{split[0]}:{split[1]}"
        cut = max(iri.rfind("#"), iri.rfind("/"))
        ns, local = iri[:cut + 1], iri[cut + 1:]
        if cut < 0 or not _NCNAME.match(local):
            raise ExportError(f"RDF/XML cannot write the predicate <{iri}> (no XML name for it); use Turtle")
        if ns not in extra:
            extra[ns] = f"ns{len(extra) + 1}"
        return f"{extra[ns]}:{local}"

    for ns in sorted({t.predicate.value[:max(t.predicate.value.rfind('#'), t.predicate.value.rfind('/')) + 1]
                      for t in triples if not _prefixed(t.predicate.value)}):
        extra[ns] = f"ns{len(extra) + 1}"
    namespaces.update({p: ns for ns, p in extra.items()})
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f"<!-- {TITLE}: {_xml_text(sub.summary()).replace('--', '- -')} -->",
             "<rdf:RDF"]
    lines += [f'    xmlns:{p}="{_xml_attr(ns)}"' for p, ns in namespaces.items()]
    lines[-1] += ">"
    current = None
    for t in triples:
        if t.subject != current:
            if current is not None:
                lines.append("  </rdf:Description>")
            current = t.subject
            about = (f'rdf:nodeID="{_check_bnode(current)}"' if isinstance(current, ox.BlankNode)
                     else f'rdf:about="{_xml_attr(current.value)}"')
            lines.append(f"  <rdf:Description {about}>")
        name = qname(t.predicate.value)
        o = t.object
        if isinstance(o, ox.NamedNode):
            lines.append(f'    <{name} rdf:resource="{_xml_attr(o.value)}"/>')
        elif isinstance(o, ox.BlankNode):
            lines.append(f'    <{name} rdf:nodeID="{_check_bnode(o)}"/>')
        elif o.language:
            lines.append(f'    <{name} xml:lang="{_xml_attr(o.language)}">{_xml_text(o.value)}</{name}>')
        elif o.datatype.value == XSD_STRING:
            lines.append(f"    <{name}>{_xml_text(o.value)}</{name}>")
        else:
            lines.append(f'    <{name} rdf:datatype="{_xml_attr(o.datatype.value)}">{_xml_text(o.value)}</{name}>')
    if current is not None:
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return ("\n".join(lines) + "\n").encode("utf-8")


# ============================================================================ property graph
NODE_RESERVED = frozenset({"id", "iri", "label", "name", "value", "type", "types"})
EDGE_RESERVED = frozenset({"id", "source", "target", "key", "predicate", "label", "graph", "interaction",
                           "source_label", "target_label"})
GRAPH_NAMES = {G_FACTS: "facts", G_INFERRED: "inferred", G_PROVENANCE: "provenance", G_ONTOLOGY: "ontology"}


@dataclass(frozen=True)
class Column:
    """One attribute of nodes or edges, with what the ontology says about it."""

    name: str
    kind: str                 # "node" or "edge"
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


def _node_id(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _type_name(iri: str) -> str:
    return local_name(iri) if iri.startswith(PREFIXES["pfa"]) else curie(iri)


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
    ontology, rdf_type = G_ONTOLOGY.value, RDF_TYPE.value
    named, literal = ox.NamedNode, ox.Literal
    nodes: set[str] = set()
    edges: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    literals: dict[str, dict[tuple[str, str], list[ox.Literal | str]]] = defaultdict(lambda: defaultdict(list))
    types: dict[str, set[str]] = defaultdict(set)
    for q in sub.quads:
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

    node_names = _predicate_names({p for attrs in literals.values() for p, _ in attrs}, NODE_RESERVED,
                                  {RDFS_LABEL.value: "label"})
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

    primary = {_node_id(n): t.value for n, t in sub.primary_types.items()}
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
    order = {c.name: i for i, c in enumerate(node_columns)}
    node_rows = [(nid, dict(sorted(attrs.items(), key=lambda kv: order[kv[0]]))) for nid, attrs in node_rows]

    edge_rows = []
    for (s, p, o), graphs in sorted(edges.items()):
        info = info_by_iri.get(p)
        edge_rows.append((_edge_id(s, p, o), s, o, {
            "predicate": curie(p),
            "label": info.label if info and info.label else local_name(p),
            "graph": " ".join(sorted(graphs)),
        }))
    edge_columns = [Column("predicate", "edge", "string", label="link type (CURIE)"),
                    Column("label", "edge", "string", label="link type label"),
                    Column("graph", "edge", "string", label="named graphs holding the link")]
    graph_attrs = {"title": TITLE, "selection": sub.summary(),
                   "seeds": " ".join(_node_id(s) for s in sub.seeds)}
    node_labels = {nid: sorted({_label_name(t) for t in ts}) for nid, ts in types.items()}
    return PropertyGraph(graph_attrs, node_columns, edge_columns, node_rows, edge_rows, node_labels)


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


# ---------------------------------------------------------------------------- GraphML
def _graphml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_graphml(sub: Subgraph) -> bytes:
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
            desc = f"<desc>{_xml_text(col.description)}</desc>" if col.description else ""
            head = f'  <key id="{kid}" for="{kind}" attr.name="{_xml_attr(col.name)}" attr.type="{col.type}"'
            lines.append(f"{head}>{desc}</key>" if desc else f"{head}/>")
    lines.append('  <graph id="G" edgedefault="directed">')
    for name, value in pg.graph.items():
        lines.append(f'    <data key="{keys[("graph", name)]}">{_xml_text(value)}</data>')
    for nid, attrs in pg.nodes:
        data = "".join(f'<data key="{keys[("node", k)]}">{_xml_text(_graphml_value(v))}</data>'
                       for k, v in attrs.items())
        lines.append(f'    <node id="{_xml_attr(nid)}">{data}</node>')
    for eid, source, target, attrs in pg.edges:
        data = "".join(f'<data key="{keys[("edge", k)]}">{_xml_text(_graphml_value(v))}</data>'
                       for k, v in attrs.items())
        lines.append(f'    <edge id="{eid}" source="{_xml_attr(source)}" target="{_xml_attr(target)}">{data}</edge>')
    lines += ["  </graph>", "</graphml>"]
    return ("\n".join(lines) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------- CSV (zip)
CSV_FILES = ("nodes.csv", "edges.csv", "columns.csv")
EDGE_CSV_FIXED = ("id", "source", "target")
EDGE_CSV_VIEW = ("source_label", "target_label")


def _csv_bytes(rows: list[list[Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for row in rows:
        writer.writerow(["" if v is None else _graphml_value(v) for v in row])
    return buf.getvalue().encode("utf-8")


def csv_tables(sub: Subgraph) -> dict[str, bytes]:
    """The three CSV files (name → bytes) that ``write_csv_zip`` packs."""
    pg = property_graph(sub)
    labels = {nid: attrs.get("label", "") for nid, attrs in pg.nodes}
    nodes = [["id", *[c.header for c in pg.node_columns]]]
    nodes += [[nid, *[attrs.get(c.name) for c in pg.node_columns]] for nid, attrs in pg.nodes]
    edges = [[*EDGE_CSV_FIXED, *[c.header for c in pg.edge_columns], *EDGE_CSV_VIEW]]
    edges += [[eid, s, t, *[attrs.get(c.name) for c in pg.edge_columns], labels.get(s, ""), labels.get(t, "")]
              for eid, s, t, attrs in pg.edges]
    columns = [["file", "column", "header", "type", "property", "label", "unit"]]
    columns += [["nodes.csv", c.name, c.header, c.type, c.iri, c.label, c.unit] for c in pg.node_columns]
    columns += [["edges.csv", c.name, c.header, c.type, c.iri, c.label, c.unit] for c in pg.edge_columns]
    return {"nodes.csv": _csv_bytes(nodes), "edges.csv": _csv_bytes(edges), "columns.csv": _csv_bytes(columns)}


def write_csv_zip(sub: Subgraph) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, data in csv_tables(sub).items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, data)
    return buf.getvalue()


def _parse_cell(text: str, ctype: str) -> Any:
    if ctype == "double":
        return float(text)
    if ctype == "long":
        return int(text)
    if ctype == "boolean":
        return text == "true"
    return text


def read_csv_zip(data: bytes | Path | str):
    """Load a CSV export into a networkx MultiDiGraph (typed attributes, as GraphML gives them)."""
    import networkx as nx

    raw = Path(data).read_bytes() if isinstance(data, Path | str) else data
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        tables = {name: list(csv.reader(io.StringIO(zf.read(name).decode("utf-8")))) for name in CSV_FILES}
    spec = {(row[0], row[2]): (row[1], row[3]) for row in tables["columns.csv"][1:]}
    g = nx.MultiDiGraph()
    header, *rows = tables["nodes.csv"]
    for row in rows:
        attrs = {}
        for h, cell in zip(header[1:], row[1:], strict=True):
            if cell != "":
                name, ctype = spec[("nodes.csv", h)]
                attrs[name] = _parse_cell(cell, ctype)
        g.add_node(row[0], **attrs)
    header, *rows = tables["edges.csv"]
    for row in rows:
        rec = dict(zip(header, row, strict=True))
        attrs = {}
        for h, cell in rec.items():
            if h in EDGE_CSV_FIXED or h in EDGE_CSV_VIEW or cell == "":
                continue
            name, ctype = spec[("edges.csv", h)]
            attrs[name] = _parse_cell(cell, ctype)
        g.add_edge(rec["source"], rec["target"], key=rec["id"], **attrs)
    return g


# ---------------------------------------------------------------------------- Cypher
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


def write_cypher(sub: Subgraph) -> bytes:
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


# ---------------------------------------------------------------------------- Cytoscape
def write_cytoscape(sub: Subgraph) -> bytes:
    pg = property_graph(sub)
    rel = relationship_names(pg)
    nodes = [{"data": {"id": nid, "value": nid, "name": attrs.get("label", nid), **attrs}} for nid, attrs in pg.nodes]
    edges = [{"data": {"id": eid, "source": s, "target": t, "key": eid,
                       "interaction": rel[attrs["predicate"]], **attrs}} for eid, s, t, attrs in pg.edges]
    head = {"format_version": "1.0", "generated_by": "petaflop-atlas", "target_cytoscapejs_version": "~3.0",
            "data": {**pg.graph, "name": TITLE}, "directed": True, "multigraph": True}
    dump = _JSON.encode
    text = (dump(head)[:-1] + ',\n"elements": {"nodes": [\n' + ",\n".join(dump(n) for n in nodes)
            + '\n],\n"edges": [\n' + ",\n".join(dump(e) for e in edges) + "\n]}}\n")
    return text.encode("utf-8")


FORMATS: dict[str, Format] = _writers()
