"""The app's plain records of the graph: the ontology's classes and properties, objects and their
edges, and the vocabulary the app sorts by (auxiliary classes, claim bookkeeping, Home groups).

Filled by :class:`petaflop.app.graph_index.GraphIndex`; no queries here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from foundation.namespaces import PFA, PFID, RDF, RDFS, SKOS
from petaflop.app.provenance import STATEMENT_LINK

RDF_TYPE = RDF.type
RDFS_LABEL = RDFS.label
SKOS_ALT = SKOS.altLabel
SKOS_CONCEPT = SKOS.Concept
CLAIM = PFA.Claim
HAS_CLAIM = PFA.hasClaim
# A link the report states as planned, a target, a forecast or an estimate (docs/statements.md):
# ``?s pfa:linkStatement ?lst . ?lst pfa:linkProperty ?p ; pfa:linkObject ?o ; pfa:statementStatus ?status``.
LINK_STATEMENT_LINKS = frozenset(PFA[n] for n in ("linkStatement", "linkStatementOf", "linkObject", "linkObjectOf")
                                 if n in PFA.terms)
# Claim and statement bookkeeping: shown inside the object page, never as links.
CLAIM_LINKS = frozenset({HAS_CLAIM, PFA.claimAbout, PFA.countedIn, PFA.countedItem, PFA.promotedTo,
                         STATEMENT_LINK, PFA.statementOf, *LINK_STATEMENT_LINKS,
                         *(PFA[n] for n in ("claimedObject", "claimedObjectOf") if n in PFA.terms)})
AUX_CLASSES = frozenset({CLAIM, PFA.Statement, PFA.ReportLocation,
                         *(PFA[n] for n in ("LinkStatement",) if n in PFA.terms)})
LANGS = ("en", "ko")

# Home groups: asserted class local name -> group. Anything else falls back by ancestry, then "other".
GROUPS = ("organisations", "hardware", "facilities", "energy", "policy", "geography", "deals", "models", "sources")
_GROUP_OF = {
    "organisations": ("Organization", "Firm", "AILab", "GovernmentBody", "Investor", "SovereignWealthFund",
                      "StandardsBody", "ResearchInstitute", "Person", "MarketSegment"),
    "hardware": ("Chip", "GPU", "ASIC", "CPU", "ChipArchitecture", "MemoryTechnology", "ProcessNode",
                 "PackagingTechnology", "System", "NetworkTechnology", "Hardware"),
    "facilities": ("ComputeCluster", "ClusterPhase", "Facility", "Site"),
    "energy": ("PowerAsset", "GasTurbine", "BatteryStorage", "FuelCell", "SolarPV", "NuclearPlant",
               "GridConnection", "Grid", "PowerTechnology", "GridEvent", "UtilityOrGridOperator",
               "DieselGenerator"),
    "policy": ("ExportControlMeasure", "ExportBan", "LicenseRequirement", "RevenueShareCondition",
               "PerformanceThreshold", "RuleRescinded", "ExportControlEvent", "TradeMeasure", "Policy",
               "PolicyInstrument"),
    "geography": ("Country", "Region", "Place"),
    "deals": ("Investment", "Deal", "Contract", "Partnership", "Acquisition", "Alliance",
              "SovereignAIInitiative"),
    "models": ("AIModel", "AIProduct", "SoftwarePlatform", "Technology"),
    "sources": ("Source", "Claim"),
}
GROUP_OF_CLASS = {PFA[name]: group for group, names in _GROUP_OF.items() for name in names}
GROUP_OF_CLASS[SKOS_CONCEPT] = "sources"


def slug(iri: str) -> str:
    """``pfid:colossus`` → ``colossus`` (other IRIs are returned whole)."""
    return iri[len(PFID):] if iri.startswith(PFID) else iri


def iri_of(slug_or_iri: str) -> str:
    return slug_or_iri if "://" in slug_or_iri else PFID + slug_or_iri


@dataclass
class ClassInfo:
    iri: str
    labels: dict[str, str] = field(default_factory=dict)
    definition: str = ""
    parents: set[str] = field(default_factory=set)
    definitions: dict[str, str] = field(default_factory=dict)


@dataclass
class PropInfo:
    iri: str
    labels: dict[str, str] = field(default_factory=dict)
    kind: str = ""  # "object", "datatype", "annotation" or ""
    unit: str | None = None
    definition: str = ""
    inverse: str | None = None


@dataclass(frozen=True)
class Edge:
    """One triple of the facts (or reference) or inferred graph; ``o`` is a pyoxigraph term.

    ``reference``: the triple is stated only in the reference layer (``pfg:reference``)."""

    s: str
    p: str
    o: ox.NamedNode | ox.BlankNode | ox.Literal
    inferred: bool = False
    reference: bool = False

    @property
    def is_link(self) -> bool:
        return isinstance(self.o, ox.NamedNode)

    @property
    def target(self) -> str:
        return self.o.value


@dataclass
class Entity:
    iri: str
    labels: dict[str, str] = field(default_factory=dict)
    alt: list[tuple[str, str]] = field(default_factory=list)  # (text, lang)
    types: set[str] = field(default_factory=set)  # asserted (pfg:facts / pfg:reference)
    inferred_types: set[str] = field(default_factory=set)  # pfg:inferred only
    reference: bool = False  # known only from the reference layer

    @property
    def slug(self) -> str:
        return slug(self.iri)

