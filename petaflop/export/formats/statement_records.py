"""Statements flattened for the property-graph formats (GraphML, CSV, Cypher, Cytoscape).

In RDF a figure is a statement node (docs/statements.md): ``?entity pfa:statement ?st`` (or
``pfa:hasClaim`` for a claim below the precision gate), the node holding the value and its
qualifiers, its provenance reified on the link in the provenance graph. A property graph reads
that better as one record per statement:

* the statement stays a node (type ``Statement``, Neo4j labels ``Statement`` and ``Claim`` for
  unverified claims) whose attributes are its qualifiers as typed columns (:data:`COLUMNS`):
  ``amount``/``lowerValue``/``upperValue`` are doubles, ``approximate``/``conflicting``/``verified``
  booleans, the rest strings; status, rank and time precision as words (``actual``,
  ``preferred``, ``quarter``), the kind as a CURIE (``pfk:valuation``) and a label;
* the entity links to it by one edge named after the kind (predicate ``pfk:valuation``, label
  ``valuation``, so a Cypher relationship ``:valuation``) in place of ``pfa:statement`` and its
  inverse ``pfa:statementOf``; an unverified claim keeps its ``pfa:hasClaim`` edge, so a query on
  ``:valuation`` never returns one;
* the reified provenance of the link is folded into the record (``lines``, ``rules``,
  ``sources``, ``sourceText``) plus one ``prov:wasDerivedFrom`` edge per report location; the
  ``rdf:Statement`` nodes of the link (and of its inferred inverse) are left out;
* ``pfa:conflictsWith`` (statement to statement) and ``pfa:item`` (what a count counts) stay edges.

Values are never another entity in this graph (a statement's value is a number), so no statement
becomes edge attributes. ``unitCode`` is the unit's symbol (``MW``, ``USD``, ``%``) and ``unit``
its QUDT IRI, from ``pfa:unit`` or, when the selection left that link out, from the code
(``foundation.units``). Records and edges are sorted: the same selection gives the same bytes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from foundation.names import local_name
from foundation.namespaces import PFA, PFLOC, PROV, RDF
from foundation.units import unit as unit_of
from petaflop.export.terms import EXPORT_PREFIXES, G_PROVENANCE, RDFS_LABEL, TermInfo, curie

STATEMENT_CLASS, CLAIM_CLASS = PFA.Statement, PFA.Claim
VERIFIED_LINK, CLAIM_LINK = PFA.statement, PFA.hasClaim
INVERSE_LINKS = {PFA.statementOf: VERIFIED_LINK, PFA.claimAbout: CLAIM_LINK}
LINKS = frozenset({VERIFIED_LINK, CLAIM_LINK, *INVERSE_LINKS})
DERIVED_FROM = PROV.wasDerivedFrom

#: (column, GraphML type, description): the statement columns, in file order.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("label", "string", "readable summary of the statement"),
    ("type", "string", "most specific asserted class"),
    ("types", "string", "all classes (CURIEs)"),
    ("subject", "string", "the entity the statement is about (IRI)"),
    ("subjectLabel", "string", "the entity's label"),
    ("kind", "string", "what is measured (pfa:kind, a pfk: CURIE)"),
    ("kindLabel", "string", "the kind's label"),
    ("verified", "boolean", "false for a claim below the precision gate (pfa:hasClaim)"),
    ("amount", "double", "the value (pfa:value) in the unit below"),
    ("lowerValue", "double", "lower end of a range"),
    ("upperValue", "double", "upper end of a range"),
    ("approximate", "boolean", "the text says about/roughly"),
    ("bound", "string", "lower (at least) or upper (at most)"),
    ("unitCode", "string", "unit symbol (MW, USD, %, count)"),
    ("unit", "string", "QUDT unit IRI"),
    ("perUnit", "string", "denominator of a per-unit value (1M tokens, MW)"),
    ("item", "string", "what a count counts (IRI)"),
    ("numberFormat", "string", "number format of a compute figure (FP8, BF16)"),
    ("metric", "string", "what a generic kind measures"),
    ("statementStatus", "string", "actual, planned, target, estimate, forecast or (a link) former"),
    ("statementRank", "string", "preferred, normal or deprecated"),
    ("timeText", "string", "time as written: 2025, 2025-H2, 2025-Q3, 2025-07, 2025-07-15, or a span 2023~2025, 2025-03~2025-05"),
    ("timePrecision", "string", "year, half, quarter, month or day (of a span: of its ends)"),
    ("pointInTime", "string", "xsd:gYear, gYearMonth or date"),
    ("startTime", "string", "first day of the period (xsd:date)"),
    ("endTime", "string", "last day of the period (xsd:date)"),
    ("asOf", "string", "the value holds as of"),
    ("scope", "string", "phase, region, scenario or 'earlier value'"),
    ("conflicting", "boolean", "another value disagrees for the same time and status"),
    ("lines", "string", "report locations read (pfloc: ids)"),
    ("rules", "string", "extraction rules"),
    ("sources", "string", "sources the report cites (CURIEs)"),
    ("sourceText", "string", "the snippets read"),
)
COLUMN_NAMES = frozenset(name for name, _, _ in COLUMNS)
_FLOATS = {PFA.value: "amount", PFA.lowerValue: "lowerValue", PFA.upperValue: "upperValue"}
_BOOLS = {PFA.approximate: "approximate", PFA.conflicting: "conflicting"}
_TEXTS = {PFA.bound: "bound", PFA.unitCode: "unitCode", PFA.perUnit: "perUnit", PFA.numberFormat: "numberFormat",
          PFA.metric: "metric", PFA.timeText: "timeText", PFA.pointInTime: "pointInTime",
          PFA.startTime: "startTime", PFA.endTime: "endTime", PFA.asOf: "asOf", PFA.scope: "scope"}
_WORDS = {PFA.statementStatus: ("statementStatus", ""), PFA.statementRank: ("statementRank", "Rank"),
          PFA.timePrecision: ("timePrecision", "Precision")}
_IRIS = {PFA.kind: "kind", PFA.unit: "unit", PFA.item: "item"}
# the qualifiers folded into the record; other triples of a statement stay (edges, types)
_CONSUMED = frozenset({*_FLOATS, *_BOOLS, *_TEXTS, *_WORDS, *_IRIS, *INVERSE_LINKS})
#: the RDF property each qualifier column holds (for the data dictionaries)
QUALIFIER_IRIS = {name: iri for m in (_FLOATS, _BOOLS, _TEXTS, _IRIS) for iri, name in m.items()} | {
    name: iri for iri, (name, _) in _WORDS.items()}
_LIST_SEP = {"lines": " ", "rules": " ", "sources": " ", "sourceText": " | "}


@dataclass
class StatementRecords:
    """The statements of a selection as records, the edges that replace their links, and the quads
    left for the generic projection."""

    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # statement id -> attributes
    edges: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)  # (s, p IRI, o, attrs)
    rest: list[ox.Quad] = field(default_factory=list)

    def sorted_ids(self) -> list[str]:
        """Statement ids in reading order: by entity, kind, time, then id."""
        def key(sid: str) -> tuple:
            r = self.records[sid]
            return (r.get("subject", ""), r.get("kind", ""), r.get("startTime", r.get("pointInTime", "")),
                    r.get("endTime", ""), sid)
        return sorted(self.records, key=key)


def _number(lit: ox.Literal) -> float | None:
    try:
        return float(lit.value)
    except ValueError:
        return None


def _value_text(lit: ox.Literal | None) -> str:
    return lit.value if lit is not None else ""


def statement_records(quads: Iterable[ox.Quad], info: Mapping[str, TermInfo],
                      graph_name: Callable[[str], str]) -> StatementRecords:
    """Split the selection's quads into statement records and the rest (see the module docstring)."""
    quads = list(quads)
    statements: set[str] = set()
    claims: set[str] = set()
    types: dict[str, set[str]] = defaultdict(set)
    reified: dict[str, dict[str, str]] = defaultdict(dict)  # reification node -> rdf:subject/predicate/object
    reify_parts = {RDF.subject: "s", RDF.predicate: "p", RDF.object: "o"}
    labels: dict[str, tuple[int, str]] = {}
    for q in quads:
        p, o = q.predicate.value, q.object
        if p == RDF.type:
            types[term_id(q.subject)].add(o.value)
            if o.value in (STATEMENT_CLASS, CLAIM_CLASS):
                (statements if o.value == STATEMENT_CLASS else claims).add(term_id(q.subject))
        elif p in reify_parts and not isinstance(o, ox.Literal):
            reified[term_id(q.subject)][reify_parts[p]] = term_id(o)
        elif p == RDFS_LABEL.value and isinstance(o, ox.Literal):
            rank = 0 if o.language in (None, "", "en") else 1
            sid = term_id(q.subject)
            if sid not in labels or (rank, o.value) < labels[sid]:
                labels[sid] = (rank, o.value)
    out = StatementRecords()
    if not statements:
        out.rest = quads
        return out
    # reification nodes of a link between an entity and a statement (either direction)
    link_nodes = {r: parts for r, parts in reified.items()
                  if parts.get("p") in LINKS and (parts.get("o") in statements or parts.get("s") in statements)}
    values: dict[str, dict[str, set]] = {sid: defaultdict(set) for sid in statements}
    floats: dict[str, dict[str, ox.Literal]] = {sid: {} for sid in statements}
    links: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (entity, link, statement) -> graphs
    inverse: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    provenance: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for q in quads:
        s, p, o = term_id(q.subject), q.predicate.value, q.object
        if s in statements and p in _CONSUMED:
            rec = values[s]
            if p in _FLOATS and isinstance(o, ox.Literal):
                floats[s][_FLOATS[p]] = o
            elif p in _BOOLS and isinstance(o, ox.Literal):
                rec[_BOOLS[p]].add(o.value in ("true", "1"))
            elif p in _TEXTS and isinstance(o, ox.Literal):
                if o.value:  # an empty code ("" for a plain number) says nothing; the IRI says UNITLESS
                    rec[_TEXTS[p]].add(o.value)
            elif p in _WORDS:
                name, suffix = _WORDS[p]
                word = local_name(o.value)
                rec[name].add((word[:-len(suffix)] if suffix and word.endswith(suffix) else word).lower())
            elif p in _IRIS:
                rec[_IRIS[p]].add(curie(o.value) if p == PFA.kind else o.value)
            elif p in INVERSE_LINKS:
                inverse[(term_id(o), INVERSE_LINKS[p], s)].add(graph_name(q.graph_name.value))
            else:  # a qualifier with an unexpected value: keep it for the generic projection
                out.rest.append(q)
            continue
        if p == VERIFIED_LINK and term_id(o) in statements:
            links[(s, p, term_id(o))].add(graph_name(q.graph_name.value))
            continue
        if p == CLAIM_LINK and term_id(o) in statements:
            links[(s, p, term_id(o))].add(graph_name(q.graph_name.value))
            out.rest.append(q)  # an unverified claim keeps its hasClaim edge
            continue
        if s in link_nodes:
            parts = link_nodes[s]
            st = parts.get("o") if parts.get("o") in statements else parts.get("s")
            prov = provenance[st]
            if p == DERIVED_FROM:
                prov["lines"].add(term_id(o))
            elif p == PFA.extractionRule:
                prov["rules"].add(o.value)
            elif p == PFA.citedSource:
                prov["sources"].add(curie(term_id(o)))
            elif p == PFA.sourceText:
                prov["sourceText"].add(o.value)
            elif p == PFA.asOf:
                values[st]["asOf"].add(o.value)
            continue
        out.rest.append(q)

    attached: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # st -> link -> entities
    for (entity, link, st) in (*links, *inverse):
        attached[st][link].add(entity)
    for sid in sorted(statements):
        rec: dict[str, Any] = {"type": "Statement", "types": " ".join(sorted(curie(t) for t in types[sid]))}
        links_of = attached.get(sid, {})
        subjects = sorted(set().union(*links_of.values())) if links_of else []
        if subjects:
            rec["subject"] = " ".join(subjects)
            names = [labels[e][1] for e in subjects if e in labels]
            if names:
                rec["subjectLabel"] = " | ".join(names)
        vals = values[sid]
        if vals.get("kind"):
            kind = min(vals["kind"])
            rec["kind"] = kind
            term = info.get(_expand(kind))
            rec["kindLabel"] = term.label if term and term.label else kind.split(":", 1)[-1]
        rec["verified"] = VERIFIED_LINK in links_of or (CLAIM_LINK not in links_of and sid not in claims)
        for name, lit in sorted(floats[sid].items()):
            number = _number(lit)
            if number is not None:
                rec[name] = number
        for name in ("approximate", "conflicting"):
            if vals.get(name):
                rec[name] = any(vals[name])
        for name in ("bound", "unitCode", "perUnit", "item", "numberFormat", "metric", "statementStatus",
                     "statementRank", "timeText", "timePrecision", "pointInTime", "startTime", "endTime",
                     "asOf", "scope", "unit"):
            if vals.get(name):
                rec[name] = " | ".join(sorted(vals[name]))
        if "unit" not in rec and "unitCode" in rec:
            known = unit_of(rec["unitCode"])
            if known is not None:
                rec["unit"] = known.iri
        for name, sep in _LIST_SEP.items():
            found = provenance.get(sid, {}).get(name)
            if found:
                rec[name] = sep.join(sorted(location_id(v) if name == "lines" else v for v in found))
        rec["label"] = _summary(rec, floats[sid])
        out.records[sid] = {c: rec[c] for c, _, _ in COLUMNS if c in rec}

    for (entity, link, st), graphs in sorted(links.items()):
        if link == VERIFIED_LINK:
            out.edges.append(_kind_edge(entity, st, graphs, out.records[st]))
    for (entity, link, st), graphs in sorted(inverse.items()):
        if link == VERIFIED_LINK and (entity, link, st) not in links:
            out.edges.append(_kind_edge(entity, st, graphs, out.records[st]))
    derived = info.get(DERIVED_FROM)
    for st in sorted(provenance):
        for loc in sorted(provenance[st].get("lines", ())):
            out.edges.append((st, DERIVED_FROM, loc, {
                "predicate": curie(DERIVED_FROM),
                "label": derived.label if derived and derived.label else local_name(DERIVED_FROM),
                "graph": graph_name(G_PROVENANCE.value)}))
    return out


def location_id(iri: str) -> str:
    """``L1527`` for a report line, ``T/IV-04-1/r8c3`` for a table cell (the pfloc: local part)."""
    return iri[len(PFLOC):] if iri.startswith(PFLOC) else curie(iri)


def term_id(term: Any) -> str:
    """A node's id in a property graph: its IRI, ``_:<id>`` for a blank node (typed loosely for quoted triples)."""
    return "_:" + term.value if isinstance(term, ox.BlankNode) else str(term.value)


def _expand(kind_curie: str) -> str:
    prefix, _, local = kind_curie.partition(":")
    return EXPORT_PREFIXES.get(prefix, prefix + ":") + local


def _kind_edge(entity: str, st: str, graphs: set[str], rec: dict[str, Any]) -> tuple[str, str, str, dict[str, Any]]:
    kind = rec.get("kind", curie(VERIFIED_LINK))
    return (entity, VERIFIED_LINK, st, {"predicate": kind, "label": rec.get("kindLabel", "statement"),
                                        "graph": " ".join(sorted(graphs))})


def _summary(rec: dict[str, Any], lits: dict[str, ox.Literal]) -> str:
    """``valuation 183000000000 USD (actual)``; ranges, bounds, denominators and time included."""
    if "lowerValue" in lits and "upperValue" in lits:
        value = f"{lits['lowerValue'].value}–{lits['upperValue'].value}"
    else:
        value = _value_text(lits.get("amount"))
    value = {"lower": "≥ ", "upper": "≤ "}.get(rec.get("bound", ""), "") + ("~" if rec.get("approximate") else "") + value
    text = " ".join(p for p in (rec.get("kindLabel", "statement"), value, rec.get("unitCode", "")) if p)
    if rec.get("perUnit"):
        text += f" per {rec['perUnit']}"
    notes = [n for n in (rec.get("timeText", ""), rec.get("statementStatus", ""), rec.get("scope", "")) if n]
    if not rec.get("verified", True):
        notes.append("unverified")
    return text + (f" ({', '.join(notes)})" if notes else "")
