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
