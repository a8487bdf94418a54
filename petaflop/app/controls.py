"""Export controls: the event timeline, the China line-up against the thresholds, and what-if.

The what-if runs **the ontology's own rules** (``pfr:exceeds-bandwidth-cap`` and
``pfr:within-bandwidth-cap`` from ``ontology/rules``), unchanged, over a scratch in-memory
store holding only the chips' types and specifications plus one hypothetical
``pfa:PerformanceThreshold`` with the cap the analyst chose. The report graph is never
touched. A compute (BF16 dense TFLOPS) cap has no rule of its own in the ontology; it is
evaluated by the same rule text with the bandwidth terms swapped for the TFLOPS ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from foundation.names import local_name
from foundation.namespaces import SCRATCH
from petaflop.app.data import PFA, PFID, RDF_TYPE, XSD, Atlas, Statement, slug

EXPORT_STATUS = PFA.exportStatusToChina
BANDWIDTH = PFA.memoryBandwidthTBps
BANDWIDTH_CAP = PFA.memoryBandwidthCapTBps
BF16 = PFA.bf16DenseTFLOPS
WHAT_IF_TFLOPS_CAP = SCRATCH.bf16DenseTFLOPSCap  # scratch store only, never in the graph
RULE_EXCEEDS = "https://petaflop-atlas.org/rules#exceeds-bandwidth-cap"
RULE_WITHIN = "https://petaflop-atlas.org/rules#within-bandwidth-cap"
EVENT_CLASSES = (PFA.ExportControlEvent, PFA.ExportControlMeasure, PFA.TradeMeasure)
DATE_PROPS = (PFA.eventDate, PFA.effectiveDate, PFA.announcedDate)


@dataclass
class TimelineEvent:
    date: str
    event: str
    label: str
    kind: str
    actor: str
    actor_label: str
    description: str
    chips: list[str]
    line: int | None
    statement: Statement | None = None


def _date_key(text: str) -> str:
    """A sortable ISO date for YYYY / YYYY-MM / YYYY-MM-DD."""
    parts = text.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])


def timeline(atlas: Atlas, lang: str = "en") -> list[TimelineEvent]:
    """Dated export-control events and trade measures, oldest first, one row per stated date.

    A node with several dates (one per table row) pairs each date with the description stated
    on the same report line, when there is one.
    """
    events: set[str] = set()
    for cls in EVENT_CLASSES:
        events |= atlas.instances_of.get(cls, set())
    out: list[TimelineEvent] = []
    for ev in sorted(events):
        statements = atlas.statements(ev)
        descs = [(s.line, s.o.value) for s in statements if s.p == PFA.eventDescription]
        actor = next((v.value for v in atlas.values(ev, PFA.issuedBy) if isinstance(v, ox.NamedNode)), "")
        chips = [atlas.label(v.value, lang) for v in atlas.values(ev, PFA.appliesToChip)
                 if isinstance(v, ox.NamedNode)]
        cls = atlas.primary_type(ev)
        for prop in DATE_PROPS:
            for value in atlas.values(ev, prop):
                sts = [s for s in statements if s.p == prop and s.o == value]
                line = sts[0].line if sts else None
                same_line = [d for ln, d in descs if ln == line]
                description = "; ".join(same_line or [d for _, d in descs])
                out.append(TimelineEvent(value.value, ev, atlas.label(ev, lang),
                                         atlas.class_label(cls, lang) if cls else "", actor,
                                         atlas.label(actor, lang) if actor else "", description, chips, line,
                                         sts[0] if sts else None))
    out.sort(key=lambda e: (_date_key(e.date), e.label))
    return out


@dataclass
class Sku:
    chip: str
    label: str
    status: str  # the export-status code's label
    status_code: str
    bandwidth: list[float] = field(default_factory=list)
    tflops: list[float] = field(default_factory=list)
    memory_gb: list[float] = field(default_factory=list)

    @property
    def max_bandwidth(self) -> float | None:
        return max(self.bandwidth) if self.bandwidth else None

    @property
    def max_tflops(self) -> float | None:
        return max(self.tflops) if self.tflops else None


def china_skus(atlas: Atlas, lang: str = "en") -> list[Sku]:
    """Chips with an export status to China (the report's China line-up), by bandwidth."""
    out = []
    for chip in sorted({e.s for edges in atlas.out.values() for e in edges if e.p == EXPORT_STATUS}):
        codes = [v.value for v in atlas.values(chip, EXPORT_STATUS) if isinstance(v, ox.NamedNode)]
        code = codes[0] if codes else ""
        out.append(Sku(chip, atlas.label(chip, lang), atlas.label(code, lang) if code else "", slug(code),
                       atlas.numbers(chip, BANDWIDTH), atlas.numbers(chip, BF16), atlas.numbers(chip, PFA.memoryGB)))
    out.sort(key=lambda s: (s.max_bandwidth is None, s.max_bandwidth or 0, s.label))
    return out


def thresholds(atlas: Atlas, lang: str = "en") -> list[tuple[str, str, float | None]]:
    """``(iri, label, cap TB/s or None)`` for every performance threshold in the graph."""
    out = []
    for t in sorted(atlas.instances_of.get(PFA.PerformanceThreshold, set())):
        caps = atlas.numbers(t, BANDWIDTH_CAP)
        out.append((t, atlas.label(t, lang), max(caps) if caps else None))
    return out


def rule_text(rule_iri: str) -> str:
    from ontology import load_rules

    for iri, _, text in load_rules():
        if iri == rule_iri:
            return text
    raise KeyError(rule_iri)


def _tflops_rule(text: str) -> str:
    """The bandwidth rule read for BF16 TFLOPS (same pattern, same comparison)."""
    text = re.sub(r"\bpfa:memoryBandwidthCapTBps\b", f"<{WHAT_IF_TFLOPS_CAP}>", text)
    return re.sub(r"\bpfa:memoryBandwidthTBps\b", "pfa:bf16DenseTFLOPS", text)


@dataclass
class WhatIfRow:
    chip: str
    label: str
    status: str
    bandwidth: float | None
    tflops: float | None
    exceeds_bandwidth: bool | None  # None: no bandwidth stated
    exceeds_tflops: bool | None
    restricted: bool | None


def _scratch(atlas: Atlas, chips: list[str]) -> ox.Store:
    store = ox.Store()
    quads = []
    rdf_type, chip_cls = ox.NamedNode(RDF_TYPE), ox.NamedNode(PFA.Chip)
    for chip in chips:
        node = ox.NamedNode(chip)
        quads.append(ox.Quad(node, rdf_type, chip_cls))
        for prop in (BANDWIDTH, BF16):
            for v in atlas.values(chip, prop):
                quads.append(ox.Quad(node, ox.NamedNode(prop), v))
    store.extend(quads)
    return store


def _decimal(value: float) -> ox.Literal:
    from decimal import Decimal

    return ox.Literal(format(Decimal(str(value)), "f"), datatype=ox.NamedNode(XSD.decimal))


def _fire(store: ox.Store, text: str) -> set[tuple[str, str, str]]:
    return {(t.subject.value, t.predicate.value, t.object.value) for t in store.query(text)}


def what_if(atlas: Atlas, bandwidth_cap: float | None, tflops_cap: float | None = None,
            chips: list[str] | None = None, lang: str = "en") -> list[WhatIfRow]:
    """Which chips a hypothetical threshold would restrict, by the ontology's rules."""
    if chips is None:
        chips = [s.chip for s in china_skus(atlas, lang)]
    store = _scratch(atlas, chips)
    threshold = ox.NamedNode(PFID + "what-if-threshold")
    store.add(ox.Quad(threshold, ox.NamedNode(RDF_TYPE), ox.NamedNode(PFA.PerformanceThreshold)))
    exceeds_bw: set[str] = set()
    within_bw: set[str] = set()
    exceeds_tf: set[str] = set()
    within_tf: set[str] = set()
    if bandwidth_cap is not None:
        store.add(ox.Quad(threshold, ox.NamedNode(BANDWIDTH_CAP),
                          _decimal(bandwidth_cap)))
        exceeds_bw = {s for s, p, o in _fire(store, rule_text(RULE_EXCEEDS))
                      if p == RDF_TYPE and o == PFA.ExceedsExportThreshold}
        within_bw = {s for s, p, o in _fire(store, rule_text(RULE_WITHIN))
                     if p == RDF_TYPE and o == PFA.WithinExportThreshold}
    if tflops_cap is not None:
        store.add(ox.Quad(threshold, ox.NamedNode(WHAT_IF_TFLOPS_CAP),
                          _decimal(tflops_cap)))
        exceeds_tf = {s for s, p, o in _fire(store, _tflops_rule(rule_text(RULE_EXCEEDS)))
                      if p == RDF_TYPE and o == PFA.ExceedsExportThreshold}
        within_tf = {s for s, p, o in _fire(store, _tflops_rule(rule_text(RULE_WITHIN)))
                     if p == RDF_TYPE and o == PFA.WithinExportThreshold}
    rows = []
    for chip in chips:
        bw = atlas.numbers(chip, BANDWIDTH)
        tf = atlas.numbers(chip, BF16)
        ebw = True if chip in exceeds_bw else (False if chip in within_bw else None)
        etf = True if chip in exceeds_tf else (False if chip in within_tf else None)
        verdicts = [v for v in (ebw, etf) if v is not None]
        restricted = any(verdicts) if verdicts else None
        codes = [v.value for v in atlas.values(chip, EXPORT_STATUS) if isinstance(v, ox.NamedNode)]
        rows.append(WhatIfRow(chip, atlas.label(chip, lang), atlas.label(codes[0], lang) if codes else "",
                              max(bw) if bw else None, max(tf) if tf else None, ebw, etf, restricted))
    rows.sort(key=lambda r: (r.bandwidth is None, r.bandwidth or 0, r.label))
    return rows


# --------------------------------------------------------------------------- what-if by metric
TPP = SCRATCH.tpp  # derived per chip in the scratch store only (never in the graph)
MEMORY = PFA.memoryGB
DEPEND_LINKS = (PFA.usesChip, PFA.procures, PFA.dependsOnChip, PFA.involvesChip)
CLUSTER_CLASSES = (PFA.ComputeCluster, PFA.ClusterPhase)
ORG_LINKS = (PFA.operatedBy, PFA.ownedBy, PFA.developedBy)


@dataclass
class Metric:
    """A what-if threshold: which figure of a chip it caps, its unit and where its default comes from."""

    key: str
    prop: str  # the chip property the rule compares (a scratch property for derived figures)
    unit: str
    default: float
    lo: float
    hi: float
    step: float
    source: str = ""  # "graph", "rule" or "default": what the default value rests on
    source_ref: str = ""  # the threshold IRI (graph) or the rule's citation (rule)
    statement: Statement | None = None


def tpp(atlas: Atlas, chip: str) -> float | None:
    """Total processing performance (the US rule's TPP): dense TOPS × bit width, the largest of
    BF16/FP16 × 16 and FP8 × 8 the graph states for the chip."""
    values = [v * 16 for v in atlas.numbers(chip, BF16) + atlas.numbers(chip, PFA.fp16DenseTFLOPS)]
    values += [v * 8 for v in atlas.numbers(chip, PFA.fp8DenseTFLOPS)]
    return max(values) if values else None


def metrics(atlas: Atlas) -> dict[str, Metric]:
    """The three thresholds and their defaults with the source of each default."""
    graph_cap = next(((t, cap) for t, _, cap in thresholds(atlas) if cap is not None), None)
    bw = Metric("bandwidth", BANDWIDTH, "TB/s", 1.8, 0.5, 10.0, 0.05, "default")
    if graph_cap is not None:
        bw.default, bw.source, bw.source_ref = graph_cap[1], "graph", graph_cap[0]
        sts = atlas.statements_for(graph_cap[0], BANDWIDTH_CAP, None) or [
            s for s in atlas.statements(graph_cap[0]) if s.p == BANDWIDTH_CAP]
        bw.statement = sts[0] if sts else None
    else:
        named = thresholds(atlas)
        if named:
            bw.source_ref = named[0][0]
            sts = [s for s in atlas.statements(named[0][0]) if s.location is not None]
            bw.statement = sts[0] if sts else None
    return {
        "bandwidth": bw,
        "tpp": Metric("tpp", TPP, "TPP", 4800.0, 100.0, 40000.0, 100.0, "rule", "US BIS ECCN 3A090.a (2023): TPP 4800"),
        "memory": Metric("memory", MEMORY, "GB", 80.0, 8.0, 300.0, 4.0, "default"),
    }


def metric_value(atlas: Atlas, chip: str, metric: Metric) -> float | None:
    if metric.prop == TPP:
        return tpp(atlas, chip)
    nums = atlas.numbers(chip, metric.prop)
    return max(nums) if nums else None


def _metric_rule(text: str, metric: Metric, cap_prop: str) -> str:
    text = re.sub(r"\bpfa:memoryBandwidthCapTBps\b", f"<{cap_prop}>", text)
    return re.sub(r"\bpfa:memoryBandwidthTBps\b", f"<{metric.prop}>", text)


@dataclass
class Crossing:
    chip: str
    label: str
    value: float
    exceeds: bool
    status: str


def crossing(atlas: Atlas, metric: Metric, cap: float, lang: str = "en") -> list[Crossing]:
    """Every chip of the graph with the metric stated, and whether it is above ``cap`` — decided
    by the ontology's rule ``pfr:exceeds-bandwidth-cap`` run on a scratch store (for another
    figure, the same rule with its two terms swapped)."""
    chips = sorted({c for c in atlas.instances_of.get(PFA.Chip, ()) if not atlas.is_aux(c)})
    values = {c: metric_value(atlas, c, metric) for c in chips}
    values = {c: v for c, v in values.items() if v is not None}
    store = ox.Store()
    quads = [ox.Quad(ox.NamedNode(c), ox.NamedNode(RDF_TYPE), ox.NamedNode(PFA.Chip)) for c in values]
    quads += [ox.Quad(ox.NamedNode(c), ox.NamedNode(metric.prop), _decimal(v)) for c, v in values.items()]
    threshold = ox.NamedNode(PFID + "what-if-threshold")
    cap_prop = BANDWIDTH_CAP if metric.prop == BANDWIDTH else SCRATCH[metric.key + "Cap"]
    quads.append(ox.Quad(threshold, ox.NamedNode(RDF_TYPE), ox.NamedNode(PFA.PerformanceThreshold)))
    quads.append(ox.Quad(threshold, ox.NamedNode(cap_prop), _decimal(cap)))
    store.extend(quads)
    text = rule_text(RULE_EXCEEDS)
    if metric.prop != BANDWIDTH:
        text = _metric_rule(text, metric, cap_prop)
    above = {s for s, p, o in _fire(store, text) if p == RDF_TYPE and o == PFA.ExceedsExportThreshold}
    out = []
    for c, v in values.items():
        codes = [x.value for x in atlas.values(c, EXPORT_STATUS) if isinstance(x, ox.NamedNode)]
        out.append(Crossing(c, atlas.label(c, lang), v, c in above, atlas.label(codes[0], lang) if codes else ""))
    out.sort(key=lambda r: (-r.value, r.label))
    return out


@dataclass
class Exposure:
    """Who depends on a set of chips: clusters using them, firms behind those clusters or buying
    the chips, and the countries those are in."""

    clusters: dict[str, set[str]] = field(default_factory=dict)  # cluster -> chips
    firms: dict[str, set[str]] = field(default_factory=dict)  # firm -> clusters or chips it depends through
    countries: dict[str, set[str]] = field(default_factory=dict)  # country -> clusters and firms there
    edges: list[tuple[str, str, str]] = field(default_factory=list)  # (from, to, link local name)
    unverified: set[tuple[str, str]] = field(default_factory=set)  # (from, to) known only from unverified links


def _links_and_claims(atlas: Atlas, iri: str, claims: bool):
    yield from ((p, d, o, False) for p, d, o, _ in atlas.links(iri))
    if claims:
        yield from ((p, d, o, True) for p, d, o, _ in atlas.claimed_links(iri))


def exposure(atlas: Atlas, chips: list[str], claims: bool = True) -> Exposure:
    """Clusters, firms and countries that depend on ``chips`` (``claims``: through unverified links too)."""
    from petaflop.app.sovereign import country_of

    out = Exposure()
    for chip in chips:
        for p, direction, other, claimed in _links_and_claims(atlas, chip, claims):
            if claimed:
                out.unverified.add((other, chip))
            if direction != "in" or p not in DEPEND_LINKS:
                continue
            types = atlas.entities[other].types | atlas.entities[other].inferred_types
            if types & set(CLUSTER_CLASSES):
                out.clusters.setdefault(other, set()).add(chip)
                out.edges.append((other, chip, local_name(p)))
            elif PFA.Organization in types or PFA.Agent in types:
                out.firms.setdefault(other, set()).add(chip)
                out.edges.append((other, chip, local_name(p)))
    for cluster in list(out.clusters):
        for p, direction, other, claimed in _links_and_claims(atlas, cluster, claims):
            if claimed:
                out.unverified.add((other, cluster))
            if direction == "out" and p in ORG_LINKS:
                out.firms.setdefault(other, set()).add(cluster)
                out.edges.append((other, cluster, local_name(p)))
    for item in [*out.clusters, *out.firms]:
        country = country_of(atlas, item)
        if country:
            out.countries.setdefault(country, set()).add(item)
            out.edges.append((item, country, "in"))
    return out
