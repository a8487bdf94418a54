"""What a curation action can name, read from the built quads.

:class:`FactIndex` reads the extraction's quads (``pfg:facts`` and ``pfg:provenance``) into value
statements, links and unverified link claims, each with the report lines and extraction rules
it was read from, plus the entities and their names. Actions find their facts here by content
and line (:func:`petaflop.curation.matching.match`), and when they cannot, it says why (the value on the
line changed, the fact moved to another line, the subject is gone…).

A built ``atlas.nq`` already holds an overlay; :func:`base_quads` gives back the extraction it
was applied to (``pfg:curation`` dropped, the triples it withdrew restored).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from foundation.names import norm_name
from foundation.namespaces import GRAPH_FACTS, GRAPH_PROVENANCE, PFA, PFG, PFID, PFK, PROV, RDF, RDFS, SKOS
from foundation.periods import Period
from foundation.units import convert
from petaflop.extract.facts import Location, Statement

G_CURATION = ox.NamedNode(PFG.curation)
G_FACTS = ox.NamedNode(GRAPH_FACTS)
G_PROV = ox.NamedNode(GRAPH_PROVENANCE)
TOLERANCE = Decimal("0.005")  # as petaflop.statements: 1,200 MW and 1.2 GW are one value

_TYPE = RDF.type
_ATTACH = {PFA.statement: True, PFA.hasClaim: False}
_RANKS = {PFA.PreferredRank: "preferred", PFA.NormalRank: "normal", PFA.DeprecatedRank: "deprecated"}
_STATUS = {PFA.Actual: "actual", PFA.Planned: "planned", PFA.Target: "target", PFA.Estimate: "estimate",
           PFA.Forecast: "forecast"}
_PRECISION = {PFA.YearPrecision: "year", PFA.HalfPrecision: "half", PFA.QuarterPrecision: "quarter",
              PFA.MonthPrecision: "month", PFA.DayPrecision: "day"}
#: the provenance the index reads (the rest — source text, qualifiers, inference rules — is skipped)
_PROV_WANTED = frozenset({PFA.lineStart, PFA.lineEnd, PFA.tableId, PFA.rowNumber, PFA.columnNumber, RDF.subject,
                          RDF.predicate, RDF.object, PROV.wasDerivedFrom, PFA.extractionRule, PFA.citedSource})
#: statement-node properties and claim bookkeeping: not links an analyst reviews one by one
_NOT_LINKS = frozenset({PFA.statement, PFA.hasClaim, PFA.item, PFA.conflictsWith, PFA.claimedObject, PFA.kind,
                        PFA.unit, PFA.statementStatus, PFA.statementRank, PFA.timePrecision, PFA.promotedTo,
                        PFA.countedItem, PFA.citedSource})


def entity_id(iri: str) -> str:
    return iri[len(PFID):] if iri.startswith(PFID) else iri


def entity_node(eid: str) -> ox.NamedNode:
    return ox.NamedNode(eid if "://" in eid else PFID + eid)


def base_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The extraction an overlay was applied to: without ``pfg:curation``, with what it withdrew."""
    kept: list[ox.Quad] = []
    records: dict[ox.NamedNode, dict[str, ox.Term]] = defaultdict(dict)
    withdrawn: set[ox.NamedNode] = set()
    for q in quads:
        if q.graph_name != G_CURATION:
            kept.append(q)
            continue
        p = q.predicate.value
        if p == PFA.withdrawnBy:
            withdrawn.add(q.subject)
        elif p in (RDF.subject, RDF.predicate, RDF.object):
            records[q.subject][p] = q.object
    for node in withdrawn:
        r = records[node]
        kept.append(ox.Quad(r[RDF.subject], r[RDF.predicate], r[RDF.object], G_FACTS))
    return kept


@dataclass(frozen=True)
class Occurrence:
    """One place a fact was read: its report location and the rule that read it."""

    line_start: int
    line_end: int
    rule: str
    location: ox.NamedNode
    prov: ox.NamedNode  # the rdf:Statement in pfg:provenance
    table: str = ""
    row: int = 0
    column: int = 0

    def covers(self, line: int) -> bool:
        return self.line_start <= line <= self.line_end


# The qualifier fields repeat those of petaflop.extract.facts.Statement on purpose: this is the same
# statement read back from the graph (mutable, with its node, rank and places), not a second model.
# pylint: disable=duplicate-code
@dataclass
class StatementRecord:
    node: ox.NamedNode
    subject: str  # entity id
    verified: bool  # attached by pfa:statement (else pfa:hasClaim: below the precision gate)
    kind: str
    value: Decimal | None = None
    high: Decimal | None = None
    unit: str = ""
    status: str = "actual"
    time: Period | None = None
    scope: str = ""
    per: str = ""
    item: str = ""
    number_format: str = ""
    metric: str = ""
    bound: str = ""
    approximate: bool = False
    rank: str = "normal"
    conflicting: bool = False
    occurrences: list[Occurrence] = field(default_factory=list)
    triples: list[ox.Triple] = field(default_factory=list)  # its own triples in pfg:facts

    def on_line(self, line: int) -> bool:
        return any(o.covers(line) for o in self.occurrences)

    @property
    def lines(self) -> list[int]:
        return sorted({o.line_start for o in self.occurrences})

    def value_text(self) -> str:
        if self.value is None:
            return self.time.text if self.time else "?"
        from petaflop.curation.actions import decimal_text

        text = decimal_text(self.value) + (f"~{decimal_text(self.high)}" if self.high is not None else "")
        return f"{text} {self.unit}".strip()

    def to_statement(self, location: Location | None = None, rule: str = "") -> Statement:
        return Statement(subject=self.subject, kind=self.kind, location=location or Location(0, 0), rule=rule,
                         value=self.value, high=self.high, unit=self.unit, status=self.status, time=self.time,
                         scope=self.scope, per=self.per, item=self.item, number_format=self.number_format,
                         metric=self.metric, approximate=self.approximate, bound=self.bound)  # fmt: skip


@dataclass
class LinkRecord:
    subject: str
    property: str  # pfa local name
    object: str
    claim: ox.NamedNode | None = None  # an unverified link claim (below the gate)
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def triple(self) -> ox.Triple:
        return ox.Triple(entity_node(self.subject), ox.NamedNode(PFA[self.property]), entity_node(self.object))

    @property
    def attach(self) -> ox.Triple:
        """The triple in pfg:facts: the link itself, or the subject's hasClaim link to the claim."""
        if self.claim is None:
            return self.triple
        return ox.Triple(entity_node(self.subject), ox.NamedNode(PFA.hasClaim), self.claim)

    def on_line(self, line: int) -> bool:
        return any(o.covers(line) for o in self.occurrences)

    @property
    def lines(self) -> list[int]:
        return sorted({o.line_start for o in self.occurrences})


def _dec(term: ox.Term | None) -> Decimal | None:
    if term is None:
        return None
    try:
        return Decimal(term.value)
    except InvalidOperation:
        return None


class FactIndex:
    """Statements, links, claims, entities and provenance of a set of extraction quads."""

    def __init__(self, quads: Iterable[ox.Quad]):
        self.facts: set[ox.Triple] = set()
        by_subject: dict[ox.Term, list[tuple[str, ox.Term]]] = defaultdict(list)
        prov: dict[ox.Term, dict[str, list[ox.Term]]] = defaultdict(lambda: defaultdict(list))
        g_facts, g_prov, wanted = G_FACTS, G_PROV, _PROV_WANTED  # locals: this loop reads every quad
        for q in quads:
            g = q.graph_name
            if g == g_facts:
                s, p, o = q.subject, q.predicate, q.object
                self.facts.add(ox.Triple(s, p, o))
                by_subject[s].append((p.value, o))
            elif g == g_prov:
                p = q.predicate.value
                if p in wanted:
                    prov[q.subject][p].append(q.object)
        line_start, line_end, table, row, column = PFA.lineStart, PFA.lineEnd, PFA.tableId, PFA.rowNumber, PFA.columnNumber
        self.locations: dict[ox.NamedNode, tuple[int, int, str, int, int]] = {}
        for node, props in prov.items():
            if line_start in props:
                first = lambda p, props=props: props[p][0].value if props.get(p) else ""  # noqa: E731
                self.locations[node] = (int(first(line_start) or 0), int(first(line_end) or 0), first(table),
                                        int(first(row) or 0), int(first(column) or 0))
        self.prov_by_triple: dict[ox.Triple, list[Occurrence]] = defaultdict(list)
        self.truthy_of: dict[ox.NamedNode, list[ox.Triple]] = defaultdict(list)
        self.sources: dict[ox.Triple, set[ox.Term]] = defaultdict(set)
        rdf_s, rdf_p, rdf_o, derived, rule_p, cited = (RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom,
                                                      PFA.extractionRule, PFA.citedSource)
        for node, props in prov.items():
            if not props.get(rdf_s):
                continue
            triple = ox.Triple(props[rdf_s][0], props[rdf_p][0], props[rdf_o][0])
            rules = [r.value for r in props.get(rule_p, ())] or [""]
            for src in props.get(derived, ()):
                loc = self.locations.get(src)
                if loc is not None:
                    self.prov_by_triple[triple].append(Occurrence(loc[0], loc[1], rules[0], src, node, *loc[2:]))
                else:
                    self.truthy_of[src].append(triple)
            if cited in props:
                self.sources[triple].update(props[cited])
        self._read_statements(by_subject)
        self._read_links(by_subject)
        self._read_entities(by_subject)

    # ------------------------------------------------------------------ reading
    def _read_statements(self, by_subject) -> None:
        self.statements: dict[ox.NamedNode, StatementRecord] = {}
        self.by_subject: dict[str, list[StatementRecord]] = defaultdict(list)
        stmt_type = ox.NamedNode(PFA.Statement)
        nodes = {s for s, po in by_subject.items() if (_TYPE, stmt_type) in po}
        for s, po in by_subject.items():
            for p, o in po:
                if p in _ATTACH and o in nodes:
                    self._statement(o, entity_id(s.value), _ATTACH[p], by_subject[o], s, p)
        for records in self.by_subject.values():
            records.sort(key=lambda r: (r.lines[:1], r.kind, r.node.value))

    def _statement(self, node, subject: str, verified: bool, props, subject_node, attach: str) -> None:
        one: dict[str, ox.Term] = {}
        for p, o in props:
            one.setdefault(p, o)
        time = None
        if PFA.timeText in one:
            time = Period(one[PFA.startTime].value, one[PFA.endTime].value,
                          _PRECISION.get(one[PFA.timePrecision].value, "year"), one[PFA.timeText].value)
        text = lambda p: one[p].value if p in one else ""  # noqa: E731
        rec = StatementRecord(
            node=node, subject=subject, verified=verified, kind=one[PFA.kind].value[len(PFK):],
            value=_dec(one.get(PFA.lowerValue) or one.get(PFA.value)), high=_dec(one.get(PFA.upperValue)),
            unit=text(PFA.unitCode), status=_STATUS.get(text(PFA.statementStatus), "actual"), time=time,
            scope=text(PFA.scope), per=text(PFA.perUnit), item=entity_id(text(PFA.item)),
            number_format=text(PFA.numberFormat), metric=text(PFA.metric), bound=text(PFA.bound),
            approximate=text(PFA.approximate) == "true", rank=_RANKS.get(text(PFA.statementRank), "normal"),
            conflicting=text(PFA.conflicting) == "true",
            occurrences=sorted(self.prov_by_triple.get(ox.Triple(subject_node, ox.NamedNode(attach), node), []),
                               key=lambda o: (o.line_start, o.rule)),
            triples=[ox.Triple(node, ox.NamedNode(p), o) for p, o in props])
        self.statements[node] = rec
        self.by_subject[subject].append(rec)

    def _read_links(self, by_subject) -> None:
        self.links: dict[tuple[str, str, str], list[LinkRecord]] = defaultdict(list)
        self.links_by_subject: dict[str, list[LinkRecord]] = defaultdict(list)
        claim_type = ox.NamedNode(PFA.Claim)
        for s, po in by_subject.items():
            if not isinstance(s, ox.NamedNode) or not s.value.startswith(PFID) or s in self.statements:
                continue
            if (_TYPE, claim_type) in po:
                continue  # a claim's own bookkeeping
            for p, o in po:
                if p == PFA.hasClaim and isinstance(o, ox.NamedNode):
                    claim = dict(by_subject.get(o, ()))
                    if PFA.claimedProperty in claim and PFA.claimedObject in claim:
                        occ = self.prov_by_triple.get(ox.Triple(s, ox.NamedNode(p), o), [])
                        self._link(LinkRecord(entity_id(s.value), claim[PFA.claimedProperty].value[len(PFA):],
                                              entity_id(claim[PFA.claimedObject].value), o, occ))
                    continue
                if p in _NOT_LINKS or not p.startswith(PFA) or not isinstance(o, ox.NamedNode):
                    continue
                if not o.value.startswith(PFID):
                    continue
                occ = self.prov_by_triple.get(ox.Triple(s, ox.NamedNode(p), o), [])
                if occ:
                    self._link(LinkRecord(entity_id(s.value), p[len(PFA):], entity_id(o.value), None, occ))

    def _link(self, rec: LinkRecord) -> None:
        rec.occurrences = sorted(rec.occurrences, key=lambda o: (o.line_start, o.rule))
        self.links[(rec.subject, rec.property, rec.object)].append(rec)
        self.links_by_subject[rec.subject].append(rec)

    def _read_entities(self, by_subject) -> None:
        self.entity_types: dict[str, set[str]] = defaultdict(set)
        self.labels: dict[str, dict[str, str]] = defaultdict(dict)
        self.names: dict[str, set[str]] = defaultdict(set)
        for s, po in by_subject.items():
            if not isinstance(s, ox.NamedNode) or not s.value.startswith(PFID) or s in self.statements:
                continue
            eid = entity_id(s.value)
            for p, o in po:
                if p == _TYPE:
                    self.entity_types[eid].add(o.value)
                elif p in (RDFS.label, SKOS.altLabel) and isinstance(o, ox.Literal):
                    self.names[norm_name(o.value)].add(eid)
                    if p == RDFS.label:
                        self.labels[eid].setdefault(o.language or "en", o.value)
        for eid in self.entity_types:
            self.names[norm_name(eid)].add(eid)

    # ------------------------------------------------------------------ look-ups
    def has_entity(self, eid: str) -> bool:
        return eid in self.entity_types

    def label(self, eid: str, lang: str = "en") -> str:
        labels = self.labels.get(eid, {})
        return labels.get(lang) or labels.get("en") or next(iter(labels.values()), eid)

    def find_entities(self, text: str) -> list[str]:
        """Entity ids a name, alias, id, ``pfid:`` CURIE or IRI stands for (sorted)."""
        t = text.strip()
        if t.startswith("pfid:"):
            t = t[5:]
        if t.startswith(PFID):
            t = t[len(PFID):]
        if t in self.entity_types:
            return [t]
        return sorted(self.names.get(norm_name(t), ()))

    def statement_records(self, subjects: Iterable[str]) -> list[StatementRecord]:
        return [r for s in subjects for r in self.by_subject.get(s, ())]


# --------------------------------------------------------------------------- matching


def close(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is b
    return a == b or abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def value_matches(rec: StatementRecord, value: str, high: str, unit_code: str) -> bool:
    if not value:
        return rec.value is None
    if rec.value is None:
        return False
    low = convert(Decimal(value), unit_code or rec.unit, rec.unit)
    if low is None or not close(low, rec.value):
        return False
    if high:
        top = convert(Decimal(high), unit_code or rec.unit, rec.unit)
        return top is not None and close(top, rec.high)
    return True
