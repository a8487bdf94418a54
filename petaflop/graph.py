"""Facts -> RDF quads in named graphs, deterministically.

Every asserted triple lands in ``pfg:facts`` and gets an ``rdf:Statement`` in
``pfg:provenance`` naming its report location, cited sources, extraction rule and
qualifiers. IRIs are derived from ids and content hashes only, so the same input gives the
same quads, and :func:`to_nquads` sorts them so the file is byte-identical across runs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from decimal import Decimal

import pyoxigraph as ox

from foundation.namespaces import (
    GRAPH_FACTS,
    GRAPH_INFERRED,
    GRAPH_PROVENANCE,
    PFA,
    PFID,
    PFLOC,
    PFR,
    PFST,
    PROV,
    RDF,
    XSD,
)
from petaflop.extract.facts import Extraction, Fact, Location

_RDF_TYPE = ox.NamedNode(RDF.type)
G_FACTS = ox.NamedNode(GRAPH_FACTS)
G_PROV = ox.NamedNode(GRAPH_PROVENANCE)
G_INFERRED = ox.NamedNode(GRAPH_INFERRED)


def pfa(local: str) -> ox.NamedNode:
    return ox.NamedNode(PFA[local])


def entity_iri(entity_id: str) -> ox.NamedNode:
    """An entity id becomes ``pfid:<id>``; a full IRI (a class, say) is kept as it is."""
    return ox.NamedNode(entity_id if "://" in entity_id else PFID + entity_id)


def decimal_lexical(value: Decimal | int | float) -> str:
    """Canonical xsd:decimal lexical form: no exponent, no trailing zeros, at least '.0'."""
    d = Decimal(str(value))
    text = format(d.normalize(), "f") if d != 0 else "0"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + ".0" if "." not in text else text


def literal(value, datatype: str = "", lang: str = "") -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    if datatype == "decimal":
        return ox.Literal(decimal_lexical(value), datatype=ox.NamedNode(XSD.decimal))
    if datatype == "integer":
        return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD.integer))
    if datatype == "boolean":
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD.boolean))
    if datatype in ("date", "gYear", "gYearMonth", "anyURI"):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD[datatype]))
    return ox.Literal(str(value))


def fact_triple(fact: Fact) -> ox.Triple:
    s = entity_iri(fact.subject)
    p = ox.NamedNode(PFA[fact.predicate]) if ":" not in fact.predicate else ox.NamedNode(fact.predicate)
    o = entity_iri(str(fact.obj)) if fact.obj_is_entity else literal(fact.obj, fact.datatype, fact.lang)
    return ox.Triple(s, p, o)


def statement_iri(triple: ox.Triple, salt: str = "") -> ox.NamedNode:
    digest = hashlib.sha1((str(triple) + "|" + salt).encode("utf-8")).hexdigest()[:20]
    return ox.NamedNode(PFST + digest)


def location_iri(loc: Location) -> ox.NamedNode:
    return ox.NamedNode(PFLOC + loc.key)


def location_quads(loc: Location) -> Iterator[ox.Quad]:
    node = location_iri(loc)
    yield ox.Quad(node, _RDF_TYPE, pfa("ReportLocation"), G_PROV)
    yield ox.Quad(node, pfa("lineStart"), literal(loc.line_start, "integer"), G_PROV)
    yield ox.Quad(node, pfa("lineEnd"), literal(loc.line_end, "integer"), G_PROV)
    if loc.chapter:
        yield ox.Quad(node, pfa("chapter"), literal(loc.chapter), G_PROV)
    if loc.slide_title:
        yield ox.Quad(node, pfa("slideTitle"), literal(loc.slide_title), G_PROV)
    if loc.table_id:
        yield ox.Quad(node, pfa("tableId"), literal(loc.table_id), G_PROV)
        yield ox.Quad(node, pfa("rowNumber"), literal(loc.row, "integer"), G_PROV)
        yield ox.Quad(node, pfa("columnNumber"), literal(loc.column, "integer"), G_PROV)


def statement_quads(fact: Fact, triple: ox.Triple, stmt: ox.NamedNode) -> Iterator[ox.Quad]:
    yield ox.Quad(stmt, _RDF_TYPE, ox.NamedNode(RDF.Statement), G_PROV)
    yield ox.Quad(stmt, ox.NamedNode(RDF.subject), triple.subject, G_PROV)
    yield ox.Quad(stmt, ox.NamedNode(RDF.predicate), triple.predicate, G_PROV)
    yield ox.Quad(stmt, ox.NamedNode(RDF.object), triple.object, G_PROV)
    yield ox.Quad(stmt, ox.NamedNode(PROV.wasDerivedFrom), location_iri(fact.location), G_PROV)
    yield ox.Quad(stmt, pfa("extractionRule"), literal(fact.rule), G_PROV)
    for source in fact.sources:
        yield ox.Quad(stmt, pfa("citedSource"), entity_iri(source), G_PROV)
    for q in fact.qualifiers:
        yield ox.Quad(stmt, pfa("qualifier"), literal(q), G_PROV)
    if fact.as_of:
        yield ox.Quad(stmt, pfa("asOf"), literal(fact.as_of), G_PROV)
    if fact.raw:
        yield ox.Quad(stmt, pfa("sourceText"), literal(fact.raw), G_PROV)


def extraction_quads(ex: Extraction) -> list[ox.Quad]:
    """All asserted facts and their provenance as quads (duplicates removed)."""
    quads: set[ox.Quad] = set()
    stmt_of: dict[int, ox.NamedNode] = {}
    for fact in ex.facts:
        triple = fact_triple(fact)
        quads.add(ox.Quad(triple.subject, triple.predicate, triple.object, G_FACTS))
        stmt = statement_iri(triple, f"{fact.location.key}|{fact.rule}")
        stmt_of[id(fact)] = stmt
        quads.update(statement_quads(fact, triple, stmt))
        quads.update(location_quads(fact.location))
    for group in ex.conflicts():
        stmts = [stmt_of[id(f)] for f in group]
        for a in stmts:
            quads.add(ox.Quad(a, pfa("conflicting"), literal(True, "boolean"), G_PROV))
            for b in stmts:
                if a != b:
                    quads.add(ox.Quad(a, pfa("conflictsWith"), b, G_PROV))
    return list(quads)  # to_nquads sorts


def inferred_quads(inferred: Iterable[tuple[ox.Triple, str]]) -> list[ox.Quad]:
    """Inferred triples in ``pfg:inferred``, each with a statement naming its rule."""
    quads: set[ox.Quad] = set()
    for triple, rule in inferred:
        quads.add(ox.Quad(triple.subject, triple.predicate, triple.object, G_INFERRED))
        stmt = statement_iri(triple, "inferred|" + rule)
        rule_iri = ox.NamedNode(rule if ":" in rule else PFR + rule)
        quads.add(ox.Quad(stmt, _RDF_TYPE, ox.NamedNode(RDF.Statement), G_PROV))
        quads.add(ox.Quad(stmt, ox.NamedNode(RDF.subject), triple.subject, G_PROV))
        quads.add(ox.Quad(stmt, ox.NamedNode(RDF.predicate), triple.predicate, G_PROV))
        quads.add(ox.Quad(stmt, ox.NamedNode(RDF.object), triple.object, G_PROV))
        quads.add(ox.Quad(stmt, pfa("inferredBy"), rule_iri, G_PROV))
    return sorted(quads, key=str)


def to_nquads(quads: Iterable[ox.Quad]) -> bytes:
    """N-Quads, one line per quad, lines sorted: byte-identical for the same quads."""
    lines = sorted({str(q) + " .\n" for q in quads})
    return "".join(lines).encode("utf-8")
