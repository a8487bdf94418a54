"""Facts -> RDF quads in named graphs, deterministically.

Every asserted triple lands in ``pfg:facts`` and gets an ``rdf:Statement`` in
``pfg:provenance`` naming its report location, cited sources, extraction rule and
qualifiers. IRIs are derived from ids and content hashes only, so the same input gives the
same quads, and :func:`to_nquads` sorts them so the file is byte-identical across runs.
"""

from __future__ import annotations

import functools
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
    PFK,
    PFLOC,
    PFR,
    PFST,
    PROV,
    RDF,
    XSD,
)
from foundation.units import unit as unit_of
from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.gate import OPEN, UNGATED_PREDICATES, Gate
from petaflop.extract.link_status import DEAL_PARTIES
from petaflop.statements import Merged

_RDF_TYPE = ox.NamedNode(RDF.type)
G_FACTS = ox.NamedNode(GRAPH_FACTS)
G_PROV = ox.NamedNode(GRAPH_PROVENANCE)
G_INFERRED = ox.NamedNode(GRAPH_INFERRED)


@functools.cache
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


def location_quads(loc: Location) -> tuple[ox.Quad, ...]:
    """A report location's quads (computed once per location: thousands of facts share a few)."""
    return _location_quads(loc)


@functools.cache
def _location_quads(loc: Location) -> tuple[ox.Quad, ...]:
    return tuple(_location_quad_iter(loc))


def _location_quad_iter(loc: Location) -> Iterator[ox.Quad]:
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


_STATUS = {"actual": "Actual", "planned": "Planned", "target": "Target", "estimate": "Estimate",
           "forecast": "Forecast", "former": "Former"}
_RANK = {"preferred": "PreferredRank", "normal": "NormalRank", "deprecated": "DeprecatedRank"}
_PRECISION = {"year": "YearPrecision", "half": "HalfPrecision", "quarter": "QuarterPrecision",
              "month": "MonthPrecision", "day": "DayPrecision"}


def statement_node(m: Merged) -> ox.NamedNode:
    """A value statement's IRI: ``pfid:st-<hash of its content>`` (equal statements, one node)."""
    digest = hashlib.sha1("|".join(map(str, m.statement.identity)).encode("utf-8")).hexdigest()[:20]
    return ox.NamedNode(PFID + "st-" + digest)


def value_statement_quads(merged: list[Merged]) -> list[ox.Quad]:
    """Statement nodes in ``pfg:facts`` (kind, value, unit, status, time, scope, rank…), their
    truthy values, and one provenance statement per place each was read."""
    quads: set[ox.Quad] = set()
    nodes = [statement_node(m) for m in merged]
    f = G_FACTS
    for m, node in zip(merged, nodes, strict=True):
        st = m.statement
        s = entity_iri(st.subject)
        # a verified statement is the entity's statement; an unverified one only its claim
        attach = pfa("statement") if m.verified else pfa("hasClaim")
        link = ox.Triple(s, attach, node)
        quads.add(ox.Quad(s, attach, node, f))
        if not m.verified:
            quads.add(ox.Quad(node, _RDF_TYPE, pfa("Claim"), f))

        def add(p: str, o: ox.NamedNode | ox.Literal, node: ox.NamedNode = node) -> None:
            quads.add(ox.Quad(node, pfa(p), o, f))

        quads.add(ox.Quad(node, _RDF_TYPE, pfa("Statement"), f))
        add("kind", ox.NamedNode(PFK[st.kind]))
        if st.value is not None:
            add("value", literal(st.value, "decimal"))
            if st.high is not None:
                add("lowerValue", literal(st.value, "decimal"))
                add("upperValue", literal(st.high, "decimal"))
            u = unit_of(st.unit)
            add("unitCode", literal(st.unit))
            if u is not None:
                add("unit", ox.NamedNode(u.iri))
        add("statementStatus", pfa(_STATUS[st.status]))
        add("statementRank", pfa(_RANK[m.rank]))
        if st.time is not None:
            add("timeText", literal(st.time.text))
            add("timePrecision", pfa(_PRECISION[st.time.precision]))
            add("startTime", literal(st.time.start, "date"))
            add("endTime", literal(st.time.end, "date"))
            if st.time.xsd:
                add("pointInTime", literal(st.time.xsd[0], st.time.xsd[1]))
        for name, value in (("scope", st.scope), ("perUnit", st.per), ("numberFormat", st.number_format),
                            ("metric", st.metric), ("bound", st.bound)):
            if value:
                add(name, literal(value))
        if st.item:
            add("item", entity_iri(st.item))
        if st.approximate:
            add("approximate", literal(True, "boolean"))
        if m.conflicts_with:
            add("conflicting", literal(True, "boolean"))
            for j in sorted(m.conflicts_with):
                add("conflictsWith", nodes[j])
        for occ in m.occurrences:
            stmt = statement_iri(link, f"{occ.location.key}|{occ.rule}")
            quads.update(_provenance(stmt, link, occ.location, occ.rule, occ.sources, occ.raw))
            quads.update(location_quads(occ.location))
        for prop, value, datatype in m.truthy:
            triple = ox.Triple(s, pfa(prop), literal(value, datatype))
            quads.add(ox.Quad(triple.subject, triple.predicate, triple.object, f))
            for occ in m.occurrences:
                stmt = statement_iri(triple, f"{occ.location.key}|{occ.rule}")
                quads.update(_provenance(stmt, triple, occ.location, "truthy:" + occ.rule, occ.sources, occ.raw))
                quads.add(ox.Quad(stmt, ox.NamedNode(PROV.wasDerivedFrom), node, G_PROV))
    return list(quads)


def _provenance(stmt: ox.NamedNode, triple: ox.Triple, loc: Location, rule: str, sources: tuple[str, ...],
                raw: str) -> Iterator[ox.Quad]:
    yield ox.Quad(stmt, _RDF_TYPE, ox.NamedNode(RDF.Statement), G_PROV)
    yield ox.Quad(stmt, ox.NamedNode(RDF.subject), triple.subject, G_PROV)
    yield ox.Quad(stmt, ox.NamedNode(RDF.predicate), triple.predicate, G_PROV)
    yield ox.Quad(stmt, ox.NamedNode(RDF.object), triple.object, G_PROV)
    yield ox.Quad(stmt, ox.NamedNode(PROV.wasDerivedFrom), location_iri(loc), G_PROV)
    yield ox.Quad(stmt, pfa("extractionRule"), literal(rule), G_PROV)
    for source in sources:
        yield ox.Quad(stmt, pfa("citedSource"), entity_iri(source), G_PROV)
    if raw:
        yield ox.Quad(stmt, pfa("sourceText"), literal(raw), G_PROV)


def _link_node_quads(fact: Fact, node: ox.NamedNode, attach: str, cls: str, prop: str, obj: str) -> list[ox.Quad]:
    """A node standing for the link ``fact`` reads, not the plain triple: ``?s <attach> node . node a <cls> ;
    <prop> ?p ; <obj> ?o`` (and ``pfa:statementStatus`` when the link is not actual), with the provenance of
    ``?s <attach> node`` where the fact was read and that report location (a claim, a link statement)."""
    triple = fact_triple(fact)
    link = ox.Triple(triple.subject, pfa(attach), node)
    quads = [ox.Quad(triple.subject, pfa(attach), node, G_FACTS),
             ox.Quad(node, _RDF_TYPE, pfa(cls), G_FACTS),
             ox.Quad(node, pfa(prop), triple.predicate, G_FACTS),
             ox.Quad(node, pfa(obj), triple.object, G_FACTS)]
    if fact.link_status:
        quads.append(ox.Quad(node, pfa("statementStatus"), pfa(_STATUS[fact.link_status]), G_FACTS))
    if fact.link_scope:  # "N5(I/O)": the link holds for the subject's I/O die only (part_links.py)
        quads.append(ox.Quad(node, pfa("scope"), literal(fact.link_scope), G_FACTS))
    stmt = statement_iri(link, f"{fact.location.key}|{fact.rule}")
    quads += list(_provenance(stmt, link, fact.location, fact.rule, fact.sources, fact.raw))
    quads += list(location_quads(fact.location))
    return quads


def link_claim_quads(fact: Fact) -> list[ox.Quad]:
    """A link whose rule is below the precision gate: a claim node naming the proposed link (and its
    status when it is not actual)."""
    digest = hashlib.sha1(f"{fact_triple(fact)}|{fact.location.key}|{fact.rule}".encode()).hexdigest()[:16]
    node = ox.NamedNode(PFID + "claim-link-" + digest)
    return _link_node_quads(fact, node, "hasClaim", "Claim", "claimedProperty", "claimedObject")


def link_statement_node(fact: Fact) -> ox.NamedNode:
    """A link statement's IRI: ``pfid:lst-<hash of subject, property, object, status and scope>`` (the same link
    with the same status read in several places is one node with several provenances)."""
    scope = f"|{fact.link_scope}" if fact.link_scope else ""  # (no scope: the IRI of before)
    digest = hashlib.sha1(f"{fact_triple(fact)}|{fact.link_status}{scope}".encode()).hexdigest()[:20]
    return ox.NamedNode(PFID + "lst-" + digest)


def link_statement_quads(fact: Fact) -> list[ox.Quad]:
    """A verified link that is not actual (planned, target, forecast, estimate): not the plain triple — a
    planned acquisition is no ``acquired`` — but a link statement ``?s pfa:linkStatement ?lst . ?lst a
    pfa:LinkStatement ; pfa:linkProperty ?p ; pfa:linkObject ?o ; pfa:statementStatus ?status``, with one
    provenance statement per place it was read (reifying ``?s pfa:linkStatement ?lst``)."""
    return _link_node_quads(fact, link_statement_node(fact), "linkStatement", "LinkStatement", "linkProperty",
                            "linkObject")


def extraction_quads(ex: Extraction, merged: list[Merged] | None = None, gate: Gate = OPEN) -> list[ox.Quad]:
    """All asserted facts, value statements and their provenance as quads (duplicates removed).

    A link whose rule does not pass ``gate`` becomes a claim node (:func:`link_claim_quads`); a link that
    passes with a status other than actual, a link statement (:func:`link_statement_quads`)."""
    quads: set[ox.Quad] = set(value_statement_quads(merged or []))
    stmt_of: dict[int, ox.NamedNode] = {}
    for fact in ex.facts:
        if fact.obj_is_entity and fact.predicate not in UNGATED_PREDICATES and (
                not gate.passes(fact.rule) or (fact.link_scope and not fact.link_status)):  # a part's actual link: a claim
            quads.update(link_claim_quads(fact))
            continue
        if fact.link_status and (fact.predicate not in UNGATED_PREDICATES or fact.predicate in DEAL_PARTIES):
            quads.update(link_statement_quads(fact))
            continue
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
    text = ox.serialize(list(quads), format=ox.RdfFormat.N_QUADS)  # the same lines as str(q) + " .", in Rust
    lines = sorted({line for line in text.split(b"\n") if line})  # UTF-8 bytes sort as their code points do
    return b"\n".join(lines) + b"\n" if lines else b""
