"""What the built graph asserts, read back as comparable facts for the evaluator.

Each asserted triple of ``pfg:facts`` that the gold can judge becomes a :class:`GraphFact`: a
link between two entities, or a value of a statement kind (with its unit normalised to the
kind's dimension), with the report lines and extraction rule of its provenance. Two shapes are
read: statement nodes (``pfa:Statement``: kind, value, unit, status, time, scope) and plain
datatype properties (each mapped to its kind through the ontology's ``pfa:truthyProperty`` or the
table :data:`DATATYPE_KINDS` for properties that fix a qualifier, e.g. planned power).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from foundation.names import norm_name
from foundation.namespaces import RDF
from ontology.model import PFA, PFK, OntologyModel, load_model

RDF_TYPE = RDF.type
G_FACTS = "https://petaflop-atlas.org/graph/facts"
G_PROV = "https://petaflop-atlas.org/graph/provenance"
G_INFERRED = "https://petaflop-atlas.org/graph/inferred"
G_REFERENCE = "https://petaflop-atlas.org/graph/reference"
LABELS = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
)
D = Decimal

#: Links that are bookkeeping, not facts about the world.
META_LINKS = {
    "hasClaim", "claimAbout", "citedSource", "citedIn", "conflictsWith", "inferredBy", "producedStatement",
    "countedItem", "countedIn", "publisherOrganization", "publishesAs", "hasParticipation",
    "participationIn", "participant", "participatesAs", "exportStatusToChina", "exportStatusOf",
    "statement", "statementOf", "kind", "unit", "statementStatus", "statementRank", "timePrecision", "item",
    "linkStatement", "linkStatementOf", "linkObject", "linkObjectOf",
}  # fmt: skip

#: Datatype properties whose meaning fixes a qualifier or a unit the kind table does not give:
#: property -> (kind, unit of the literal, qualifiers implied).
DATATYPE_KINDS: dict[str, tuple[str, str, dict[str, str]]] = {
    "plannedPowerMW": ("powerCapacity", "MW", {"status": "planned"}),
    "plannedAmountUSD": ("amount", "USD", {"status": "planned"}),
    "plannedCapexUSD": ("capex", "USD", {"status": "planned"}),
    "maxChipCount": ("chipCount", "count", {"bound": "upper"}),
    "fp8DenseTFLOPS": ("computePerformance", "TFLOPS", {"precision": "FP8"}),
    "fp16DenseTFLOPS": ("computePerformance", "TFLOPS", {"precision": "FP16"}),
    "bf16DenseTFLOPS": ("computePerformance", "TFLOPS", {"precision": "BF16"}),
    "systemBF16DensePFLOPS": ("computePerformance", "PFLOPS", {"precision": "BF16"}),
    "interconnectBandwidthGBps": ("interconnectBandwidth", "GB/s", {}),
    "shipmentsThousands": ("shipments", "thousand", {}),
    "marketingSpendKRW": ("amount", "KRW", {"metric": "marketing spend"}),
    "licensedUnitCount": ("unitCount", "count", {"metric": "licensed units"}),
    "validityMonths": ("duration", "month", {"metric": "validity"}),
    # NVIDIA's revenue from a cluster is no revenue of the cluster: an amount, its metric saying whose
    "nvidiaRevenuePerGWUSD": ("amount", "USD", {"per": "GW", "metric": "NVIDIA revenue"}),
    "nvidiaRevenueOpportunityUSD": ("amount", "USD", {"status": "forecast", "metric": "NVIDIA revenue opportunity"}),
    "footprintAcresPer100MW": ("quantity", "acre", {"per": "100MW"}),
}

# unit of a datatype property (pfa:unitOfMeasure, or read from its name) -> (dimension, unit, factor)
_PROPERTY_UNITS = {
    "MW": ("power", "MW", D(1)), "kW": ("power", "MW", D("0.001")), "W": ("power", "MW", D("0.000001")),
    "MWh": ("energy", "MWh", D(1)), "GB": ("memory", "GB", D(1)), "TB/s": ("bandwidth", "TB/s", D(1)),
    "GB/s": ("bandwidth", "TB/s", D("0.001")), "TFLOPS": ("compute", "FLOPS", D(10) ** 12),
    "PFLOPS": ("compute", "FLOPS", D(10) ** 15), "USD": ("money", "USD", D(1)), "KRW": ("money", "KRW", D(1)),
    "USD/MW": ("money", "USD", D(1)), "USD/MWh": ("money", "USD", D(1)), "USD/GW": ("money", "USD", D(1)),
    "USD/year": ("money", "USD", D(1)), "%": ("percent", "%", D(1)), "count": ("count", "count", D(1)),
    "thousand": ("count", "count", D(1000)), "thousand units": ("count", "count", D(1000)),
    "H100-equivalents": ("count", "count", D(1)), "A100-equivalents": ("count", "count", D(1)),
    "parameters": ("count", "count", D(1)), "tokens": ("count", "count", D(1)), "nm": ("length", "nm", D(1)),
    "kV": ("voltage", "kV", D(1)), "years": ("duration", "year", D(1)), "year": ("duration", "year", D(1)),
    "months": ("duration", "month", D(1)), "month": ("duration", "month", D(1)), "h": ("duration", "hour", D(1)),
    "acre": ("area", "m2", D("4046.8564224")),
}  # fmt: skip



@dataclass(frozen=True)
class GraphValue:
    low: Decimal
    high: Decimal
    dimension: str
    unit: str


@dataclass(frozen=True)
class GraphDate:
    start: str
    end: str
    precision: str


@dataclass
class GraphFact:
    """One asserted fact: a link (``object`` is an IRI) or a value of a kind."""

    subject: str
    relation: str  # object property local name, or kind name
    relation_kind: str  # link | kind
    object: str | None = None
    value: GraphValue | GraphDate | None = None
    qualifiers: dict[str, str] = field(default_factory=dict)
    lines: set[int] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)
    predicate: str = ""  # the IRI as asserted
    alt_subjects: set[str] = field(default_factory=set)  # a deal's parties, for a value on the deal node
    candidate: bool = False  # an unverified claim (below the precision gate), not an asserted fact

    def key(self) -> tuple:
        if self.relation_kind == "link":
            return ("link", self.subject, self.relation, self.object)
        v = self.value
        vk = (v.low, v.high, v.unit) if isinstance(v, GraphValue) else (v.start, v.end) if v else None
        return ("kind", self.subject, self.relation, vk, tuple(sorted(self.qualifiers.items())))


@dataclass
class GraphView:
    """The parts of a built graph the evaluator reads."""

    facts: list[GraphFact]
    names: dict[str, set[str]]  # normalised name -> IRIs
    labels: dict[str, str]  # IRI -> a display label
    types: dict[str, set[str]]  # IRI -> asserted class local names
    type_lines: dict[str, set[int]]  # IRI -> lines its type assertion came from
    inferred_links: set[tuple[str, str, str]]  # (s, property, o) in pfg:inferred
    unscored: int = 0  # asserted literal attributes with no kind (strings, codes)
    reviews: object = None  # precision measured by reviews (petaflop.curation.quality.from_graph)


#: Links from a deal node to its parties (read as roles, not judged one by one).
DEAL_ROLES = {"hasInvestor": "investor", "hasInvestee": "investee", "hasParty": "party", "concerns": "party",
              "involvesChip": "chip"}


def _deal_links(roles, types, lines, rules, statuses=None) -> list[GraphFact]:
    """A deal node's parties as an analyst reads them: investor → investee (``investsIn``) when
    the deal names both; otherwise one fact per party (``dealParty``), judged right when the gold
    links that party to another party of the same deal by any deal relation. A deal whose parties are
    link statements (a pledge: planned) gives its links that status."""
    out = []
    for deal, r in sorted(roles.items()):
        status = (statuses or {}).get(deal)
        quals = {"deal": deal, "status": status} if status else {"deal": deal}
        if r.get("investor") and r.get("investee"):
            for a in sorted(r["investor"]):
                for b in sorted(r["investee"]):
                    out.append(GraphFact(a, "investsIn", "link", object=b, lines=set(lines[deal]),
                                         rules=set(rules[deal]), predicate=deal, qualifiers=dict(quals)))
            continue
        parties = r.get("party", set()) | r.get("investor", set()) | r.get("investee", set())
        for a in sorted(parties):
            out.append(GraphFact(a, "dealParty", "link", object=deal, lines=set(lines[deal]), rules=set(rules[deal]),
                                 predicate=deal, alt_subjects=parties - {a}, qualifiers=dict(quals)))
    return out


def _local(iri: str) -> str:
    for ns in (PFA, PFK):
        if iri.startswith(ns):
            return iri[len(ns):]
    return iri


def _decimal(lit: ox.Literal) -> Decimal | None:
    try:
        return D(lit.value)
    except (InvalidOperation, ValueError):
        return None


def _date(lit: ox.Literal) -> GraphDate | None:
    import calendar

    v = lit.value.strip()
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", v)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        return GraphDate(v, v, "day")
    if m.group(2):
        mo = int(m.group(2))
        return GraphDate(f"{y}-{mo:02d}-01", f"{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}", "month")
    return GraphDate(f"{y}-01-01", f"{y}-12-31", "year")


def _property_unit(model: OntologyModel, prop: str) -> tuple[str, str, Decimal] | None:
    p = model.properties.get(prop)
    unit = p.unit if p else ""
    if unit in _PROPERTY_UNITS:
        return _PROPERTY_UNITS[unit]
    for suffix in sorted(_PROPERTY_UNITS, key=len, reverse=True):
        if prop.endswith(suffix.replace("/", "per")):
            return _PROPERTY_UNITS[suffix]
    return None


def datatype_kind(model: OntologyModel, prop: str) -> tuple[str, tuple[str, str, Decimal] | None, dict[str, str]] | None:
    """The kind a datatype property's values belong to, the unit of its literals and implied qualifiers."""
    if prop in DATATYPE_KINDS:
        kind, unit, quals = DATATYPE_KINDS[prop]
        return kind, _PROPERTY_UNITS.get(unit), dict(quals)
    for name, k in model.kinds.items():
        if k.truthy and _local(k.truthy) == prop:
            if k.dimension == "date":
                return name, None, {}
            return name, _property_unit(model, prop), {}
    return None


def read_graph(path: str | Path, model: OntologyModel | None = None, candidates: bool = False) -> GraphView:
    """Read ``atlas.nq`` (or any N-Quads/TriG file with the atlas's named graphs).

    With ``candidates``, unverified claims (statements and links kept below the precision gate)
    are read too, as facts marked ``candidate`` — what the gate's measurement needs."""
    model = model or load_model()
    store = ox.Store()
    fmt = ox.RdfFormat.TRIG if str(path).endswith(".trig") else ox.RdfFormat.N_QUADS
    store.bulk_load(path=str(path), format=fmt)
    g_facts, g_prov, g_inf = ox.NamedNode(G_FACTS), ox.NamedNode(G_PROV), ox.NamedNode(G_INFERRED)

    names: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for lp in LABELS:
        for q in store.quads_for_pattern(None, ox.NamedNode(lp), None, None):
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal):
                iri = q.subject.value
                names[norm_name(q.object.value)].add(iri)
                if lp.endswith("#label") and (q.object.language == "en" or iri not in labels):
                    labels[iri] = q.object.value
    for iri in list(labels):  # the IRI's own local name is a name too (pfid:xai → "xai")
        names[norm_name(iri.rsplit("/", 1)[-1])].add(iri)

    types: dict[str, set[str]] = defaultdict(set)
    for q in store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), None, g_facts):
        if isinstance(q.subject, ox.NamedNode) and q.object.value.startswith(PFA):
            types[q.subject.value].add(_local(q.object.value))

    # provenance of each asserted triple: lines and rules, keyed by (s, p, o-as-N-Triples)
    prov_q = """
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX pfa: <https://petaflop-atlas.org/ontology#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?s ?p ?o ?a ?b ?rule WHERE { GRAPH ?g {
      ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
      OPTIONAL { ?st pfa:extractionRule ?rule }
      OPTIONAL { ?st prov:wasDerivedFrom ?loc . ?loc pfa:lineStart ?a ; pfa:lineEnd ?b }
    } }"""
    prov: dict[tuple[str, str, str], tuple[set[int], set[str]]] = defaultdict(lambda: (set(), set()))
    for r in store.query(prov_q, default_graph=g_prov):
        key = (str(r["s"]), str(r["p"]), str(r["o"]))
        lines, rules = prov[key]
        if r["a"] is not None:
            lines.update(range(int(r["a"].value), int(r["b"].value) + 1))
        if r["rule"] is not None:
            rules.add(r["rule"].value)

    facts: list[GraphFact] = []
    type_lines: dict[str, set[int]] = defaultdict(set)
    unscored = 0
    links = model.object_properties()
    claims = {s for s, ts in types.items() if "Claim" in ts}
    has_statements = next(store.quads_for_pattern(None, ox.NamedNode(PFA.statement), None, g_facts), None) is not None
    deals = {s for s, ts in types.items() if any(model.is_subclass(t, "Deal") for t in ts)}
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    deal_lines: dict[str, set[int]] = defaultdict(set)
    deal_rules: dict[str, set[str]] = defaultdict(set)
    for q in store.quads_for_pattern(None, None, None, g_facts):
        s, p, o = q.subject, q.predicate.value, q.object
        if not isinstance(s, ox.NamedNode) or s.value in claims:
            continue
        if s.value in deals and _local(p) in DEAL_ROLES and isinstance(o, ox.NamedNode):
            lines, rules = prov.get((str(s), str(q.predicate), str(o)), (set(), set()))
            roles[s.value][DEAL_ROLES[_local(p)]].add(o.value)
            deal_lines[s.value].update(lines)
            deal_rules[s.value].update(rules)
            continue
        lines, rules = prov.get((str(s), str(q.predicate), str(o)), (set(), set()))
        if p == RDF_TYPE:
            type_lines[s.value].update(lines)
            continue
        if not p.startswith(PFA):
            continue
        name = _local(p)
        if name in links:
            if name in META_LINKS or not isinstance(o, ox.NamedNode) or not o.value.startswith("https://petaflop-atlas.org/id/"):
                continue
            facts.append(GraphFact(s.value, name, "link", object=o.value, lines=set(lines), rules=set(rules), predicate=p))
            continue
        if not isinstance(o, ox.Literal):
            continue
        mapped = None if has_statements else datatype_kind(model, name)
        if mapped is None:
            if model.properties.get(name) and model.properties[name].kind == "datatype":
                unscored += bool(lines)
            continue
        kind, unit, quals = mapped
        if model.kinds[kind].dimension == "date":
            d = _date(o)
            if d is None:
                unscored += bool(lines)
                continue
            value: GraphValue | GraphDate = d
        else:
            num = _decimal(o)
            if num is None or unit is None:
                unscored += bool(lines)
                continue
            dim, cu, factor = unit
            if name == "amount":  # generic amount: the currency is a sibling literal
                cur = next(store.quads_for_pattern(s, ox.NamedNode(PFA.currencyCode), None, g_facts), None)
                cu = cur.object.value if cur is not None else cu
            v = (num * factor).normalize()
            value = GraphValue(v, v, dim, cu)
        facts.append(GraphFact(s.value, kind, "kind", value=value, qualifiers=quals, lines=set(lines),
                               rules=set(rules), predicate=p))
    facts.extend(_statement_facts(store, model, g_facts, g_prov, candidates))
    statuses: dict[str, str] = {}
    for f in _link_statements(store) + (_link_claims(store) if candidates else []):
        if f.subject in deals and f.relation in DEAL_ROLES and f.object:  # a deal's party, planned or proposed
            roles[f.subject][DEAL_ROLES[f.relation]].add(f.object)
            deal_lines[f.subject].update(f.lines)
            deal_rules[f.subject].update(f.rules)
            if not f.candidate:  # a link statement: the deal's status (a pledge: planned)
                statuses[f.subject] = f.qualifiers.get("status", "")
        else:
            facts.append(f)
    facts.extend(_deal_links(roles, types, deal_lines, deal_rules, statuses))
    for f in facts:  # a value stated on a deal node is also a value of its parties' deal
        if f.subject in roles:
            f.alt_subjects = set().union(*roles[f.subject].values())
    inferred = {
        (q.subject.value, _local(q.predicate.value), q.object.value)
        for q in store.quads_for_pattern(None, None, None, g_inf)
        if isinstance(q.object, ox.NamedNode) and _local(q.predicate.value) in links
    }
    return GraphView(facts, dict(names), labels, dict(types), dict(type_lines), inferred, unscored)


def _link_statements(store: ox.Store) -> list[GraphFact]:
    """Links asserted with a status other than actual (``?s pfa:linkStatement ?lst . ?lst pfa:linkProperty ?p ;
    pfa:linkObject ?o ; pfa:statementStatus ?status``): link facts whose ``status`` qualifier is that status."""
    return _link_nodes(store, "linkStatement", "linkProperty", "linkObject", candidate=False)


def _link_claims(store: ox.Store) -> list[GraphFact]:
    return _link_nodes(store, "hasClaim", "claimedProperty", "claimedObject", candidate=True)


def _link_nodes(store: ox.Store, attach: str, prop: str, obj: str, candidate: bool) -> list[GraphFact]:
    q = """
    PREFIX pfa: <https://petaflop-atlas.org/ontology#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    SELECT ?c ?s ?p ?o ?status ?a ?b ?rule WHERE {
      GRAPH <https://petaflop-atlas.org/graph/facts> { ?s pfa:ATTACH ?c . ?c pfa:PROP ?p ; pfa:OBJ ?o
        OPTIONAL { ?c pfa:statementStatus ?status } }
      OPTIONAL { GRAPH <https://petaflop-atlas.org/graph/provenance> {
        ?r rdf:subject ?s ; rdf:predicate pfa:ATTACH ; rdf:object ?c ; prov:wasDerivedFrom ?loc .
        ?loc pfa:lineStart ?a ; pfa:lineEnd ?b . OPTIONAL { ?r pfa:extractionRule ?rule } } }
    }""".replace("ATTACH", attach).replace("PROP", prop).replace("OBJ", obj)
    # one candidate per proposed link (subject, property, object), whatever number of claims propose it, as
    # an asserted link is one fact however many places state it: a rule is measured on the same count of
    # facts whether the gate passes it or not (else a gate re-measured on its own output flips back and forth)
    by_claim: dict[tuple[str, str, str], GraphFact] = {}
    for r in store.query(q):
        if _local(r["p"].value) in META_LINKS:  # as for asserted links: bookkeeping is not judged
            continue
        c = (r["s"].value, r["p"].value, r["o"].value)
        f = by_claim.get(c)
        if f is None:
            quals = {"status": _local(r["status"].value).lower()} if r["status"] is not None else {}
            f = by_claim[c] = GraphFact(r["s"].value, _local(r["p"].value), "link", object=r["o"].value,
                                        predicate=r["p"].value, candidate=candidate, qualifiers=quals)
        if r["a"] is not None:
            f.lines.update(range(int(r["a"].value), int(r["b"].value) + 1))
        if r["rule"] is not None:
            f.rules.add(r["rule"].value)
    return list(by_claim.values())


def _statement_facts(store: ox.Store, model: OntologyModel, g_facts, g_prov, candidates: bool = False
                     ) -> list[GraphFact]:
    """Statement nodes (``?s pfa:statement ?st . ?st pfa:kind ?k ; pfa:value ?v …``) with the lines
    and rules of the provenance statements that reify ``?s pfa:statement ?st``."""
    q = """
    PREFIX pfa: <https://petaflop-atlas.org/ontology#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    SELECT ?s ?st ?attach ?k ?v ?lo ?hi ?unit ?status ?time ?per ?rank ?scope ?a ?b ?rule WHERE {
      GRAPH <https://petaflop-atlas.org/graph/facts> {
        ?s ?attach ?st . ?st a pfa:Statement ; pfa:kind ?k . FILTER(?attach IN (ATTACH))
        OPTIONAL { ?st pfa:value ?v } OPTIONAL { ?st pfa:lowerValue ?lo } OPTIONAL { ?st pfa:upperValue ?hi }
        OPTIONAL { ?st pfa:unitCode ?unit } OPTIONAL { ?st pfa:statementStatus ?status }
        OPTIONAL { ?st pfa:timeText ?time } OPTIONAL { ?st pfa:perUnit ?per } OPTIONAL { ?st pfa:statementRank ?rank }
        OPTIONAL { ?st pfa:scope ?scope }
      }
      OPTIONAL { GRAPH <https://petaflop-atlas.org/graph/provenance> {
        ?r rdf:subject ?s ; rdf:predicate ?attach ; rdf:object ?st ; prov:wasDerivedFrom ?loc .
        ?loc pfa:lineStart ?a ; pfa:lineEnd ?b .
        OPTIONAL { ?r pfa:extractionRule ?rule } } }
    }"""
    from foundation.periods import parse_period
    from foundation.units import unit as unit_of

    attach = "pfa:statement, pfa:hasClaim" if candidates else "pfa:statement"
    by_st: dict[str, GraphFact] = {}
    for r in store.query(q.replace("ATTACH", attach)):
        st = r["st"].value
        f = by_st.get(st)
        if f is None:
            kind = _local(r["k"].value)
            if kind not in model.kinds:
                continue
            quals: dict[str, str] = {}
            if r["status"] is not None:
                quals["status"] = _local(r["status"].value).lower()
            if r["time"] is not None:
                quals["time"] = r["time"].value
            if r["per"] is not None:
                quals["per"] = r["per"].value
            if r["scope"] is not None:
                quals["scope"] = r["scope"].value
            if r["rank"] is not None:
                quals["rank"] = _local(r["rank"].value)
            value: GraphValue | GraphDate | None = None
            if model.kinds[kind].dimension == "date":
                p = parse_period(r["time"].value) if r["time"] is not None else None
                value = GraphDate(p.start, p.end, p.precision) if p else None
            else:
                u = unit_of(r["unit"].value if r["unit"] is not None else "")
                lo = _decimal(r["lo"]) if r["lo"] is not None else (_decimal(r["v"]) if r["v"] is not None else None)
                hi = _decimal(r["hi"]) if r["hi"] is not None else lo
                if lo is not None and hi is not None and u is not None:
                    value = GraphValue(u.to_base(lo), u.to_base(hi), u.dimension, u.base)
            if value is None:
                continue
            f = by_st[st] = GraphFact(r["s"].value, kind, "kind", value=value, qualifiers=quals, predicate=st,
                                      candidate=r["attach"].value.endswith("hasClaim"))
        if r["a"] is not None:
            f.lines.update(range(int(r["a"].value), int(r["b"].value) + 1))
        if r["rule"] is not None:
            f.rules.add(r["rule"].value)
    return list(by_st.values())
