"""The graph as the app sees it: loaded once into plain-Python indexes, queried lazily for provenance.

:class:`Atlas` is built from a :class:`~petaflop.app.backend.Backend` with a handful of bulk
SELECTs (ontology terms, facts — with the reference layer ``pfg:reference`` when asked —,
inferred facts) and then answers the pages' questions from memory: names in both languages,
types (asserted and inferred), values and links in both directions, instances of a class,
value statements, and a search index over every name and alias. Provenance (report
location, cited sources, qualifiers, conflicts, the rule behind an inferred fact) is fetched
per object on demand, because most of the graph's quads are provenance.

*Auxiliary* nodes — claims, statement-model nodes, report locations — are never objects of
their own: they are shown inside the object they describe, never as graph nodes, search hits
or explorer rows.

No Streamlit here: everything is unit-testable against the report graph.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from foundation.names import local_name, norm_name
from foundation.namespaces import (
    GRAPH_FACTS,
    GRAPH_INFERRED,
    GRAPH_ONTOLOGY,
    GRAPH_PROVENANCE,
    GRAPH_REFERENCE,
    OWL,
    PFA,
    PFID,
    PFR,
    RDF,
    RDFS,
    SKOS,
    XSD,
)
from petaflop.app import naming
from petaflop.app.backend import Backend
from petaflop.app.format import compact_usd, format_literal, format_number, is_numeric, to_number
from petaflop.app.provenance import (  # noqa: F401  (re-exported for the pages)
    STATEMENT_LINK,
    Location,
    Statement,
    ValueStatement,
    assemble,
    read_report_lines,
    report_excerpt,
    value_statement,
)

RDF_TYPE = RDF.type
RDFS_LABEL = RDFS.label
SKOS_ALT = SKOS.altLabel
SKOS_CONCEPT = SKOS.Concept
CLAIM = PFA.Claim
HAS_CLAIM = PFA.hasClaim
# Claim and statement bookkeeping: shown inside the object page, never as links.
CLAIM_LINKS = frozenset({HAS_CLAIM, PFA.claimAbout, PFA.countedIn, PFA.countedItem, PFA.promotedTo,
                         STATEMENT_LINK, PFA.statementOf,
                         *(PFA[n] for n in ("claimedObject", "claimedObjectOf") if n in PFA.terms)})
AUX_CLASSES = frozenset({CLAIM, PFA.Statement, PFA.ReportLocation})
LANGS = ("en", "ko")
__all__ = ["XSD", "Atlas", "compact_usd", "format_literal", "format_number", "is_numeric", "to_number"]

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
    o: object
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


class Atlas:
    """The report graph in memory (see module docstring). Build with :meth:`load`."""

    def __init__(self, backend: Backend, include_reference: bool = True):
        self.backend = backend
        self.include_reference = include_reference
        self.has_reference = False  # the store holds a pfg:reference graph at all
        self.classes: dict[str, ClassInfo] = {}
        self.term_labels: dict[str, dict[str, str]] = defaultdict(dict)  # every labelled ontology term
        self.truthy: dict[str, str] = {}  # truthy datatype property -> its statement kind
        self.prop_parents: dict[str, set[str]] = defaultdict(set)  # rdfs:subPropertyOf
        self.props: dict[str, PropInfo] = {}
        self.entities: dict[str, Entity] = {}
        self.out: dict[str, list[Edge]] = defaultdict(list)
        self.inc: dict[str, list[Edge]] = defaultdict(list)
        self.instances_of: dict[str, set[str]] = defaultdict(set)
        self.rule_labels: dict[str, str] = {}
        self._search: list[tuple[str, str, bool]] = []  # (key, iri, is_label)
        self._prov_cache: dict[tuple[str, str], list[Statement]] = {}
        self._ancestors: dict[str, frozenset[str]] = {}
        self._names: dict[tuple[str, str], str] = {}
        self._links: dict[str, list[tuple[str, str, str, bool]]] = {}
        self.claimed: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)  # iri -> (p, dir, other, claim)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, backend: Backend, include_reference: bool = True) -> Atlas:
        atlas = cls(backend, include_reference)
        atlas._load_ontology()
        atlas._load_facts()
        atlas._load_rules()
        atlas._index_claimed_links()
        atlas._build_search()
        return atlas

    def _index_claimed_links(self) -> None:
        """Links the extraction kept as unverified claims (``pfa:claimedProperty``/``claimedObject``)."""
        if "claimedProperty" not in PFA.terms or "claimedObject" not in PFA.terms:
            return
        for s_, edges in list(self.out.items()):
            if self.is_aux(s_):
                continue
            for e in edges:
                if e.p != HAS_CLAIM or not e.is_link:
                    continue
                props = [v.value for v in self.values(e.target, PFA.claimedProperty) if isinstance(v, ox.NamedNode)]
                objs = [v.value for v in self.values(e.target, PFA.claimedObject) if isinstance(v, ox.NamedNode)]
                for p_ in props:
                    for o in objs:
                        if o in self.entities and o != s_ and not self.is_aux(o):
                            self.claimed[s_].append((p_, "out", o, e.target))
                            self.claimed[o].append((p_, "in", s_, e.target))

    def _load_ontology(self) -> None:
        rows = self.backend.select(f"""
            SELECT ?x ?p ?o WHERE {{ GRAPH <{GRAPH_ONTOLOGY}> {{ ?x ?p ?o }}
              FILTER(isIRI(?x))
              FILTER(?p IN (rdf:type, rdfs:label, skos:definition, pfa:unitOfMeasure, rdfs:subClassOf, owl:inverseOf,
                            pfa:truthyProperty, rdfs:subPropertyOf))
            }}""")
        kinds = {OWL.Class: "class", OWL.ObjectProperty: "object", OWL.DatatypeProperty: "datatype",
                 OWL.AnnotationProperty: "annotation"}
        declared: dict[str, str] = {}
        info: dict[str, dict] = defaultdict(lambda: {"labels": {}, "definitions": {}, "parents": set(),
                                                     "unit": None, "inverse": None})
        for x, p, o in rows:
            x, p = x.value, p.value
            if p == RDF_TYPE and o.value in kinds:
                declared.setdefault(x, kinds[o.value])
            elif p == RDFS_LABEL and isinstance(o, ox.Literal):
                info[x]["labels"].setdefault(o.language or "en", o.value)
                self.term_labels[x].setdefault(o.language or "en", o.value)
            elif p == SKOS.definition and isinstance(o, ox.Literal):
                info[x]["definitions"].setdefault(o.language or "en", o.value)
            elif p == PFA.unitOfMeasure:
                info[x]["unit"] = o.value
            elif p == RDFS.subClassOf and isinstance(o, ox.NamedNode):
                info[x]["parents"].add(o.value)
            elif p == OWL.inverseOf and isinstance(o, ox.NamedNode):
                info[x]["inverse"] = o.value
                info[o.value]["inverse"] = x
            elif p == PFA.truthyProperty and isinstance(o, ox.NamedNode):
                self.truthy[o.value] = x
            elif p == RDFS.subPropertyOf and isinstance(o, ox.NamedNode):
                self.prop_parents[x].add(o.value)
        for x, kind in declared.items():
            d = info[x]
            if kind == "class":
                self.classes[x] = ClassInfo(x, d["labels"], d["definitions"].get("en", ""), d["parents"],
                                            d["definitions"])
            else:
                self.props[x] = PropInfo(x, d["labels"], kind, d["unit"], d["definitions"].get("en", ""),
                                         d["inverse"])
        self.classes.setdefault(SKOS_CONCEPT, ClassInfo(SKOS_CONCEPT, {"en": "code", "ko": "코드"}))
        for iri, labels in ((RDF_TYPE, {"en": "type", "ko": "유형"}), (RDFS_LABEL, {"en": "name", "ko": "이름"}),
                            (SKOS_ALT, {"en": "also called", "ko": "다른 이름"})):
            self.props.setdefault(iri, PropInfo(iri, labels, "annotation"))

    def _load_facts(self) -> None:
        graphs = [GRAPH_FACTS]
        self.has_reference = bool(self.backend.select(
            f"SELECT ?s WHERE {{ GRAPH <{GRAPH_REFERENCE}> {{ ?s ?p ?o }} }} LIMIT 1"))
        if self.include_reference and self.has_reference:
            graphs.append(GRAPH_REFERENCE)
        where = " ".join(f"<{g}>" for g in graphs)
        in_graphs: dict[tuple, set[str]] = defaultdict(set)
        for g, s, p, o in self.backend.select(
                f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {where} }} GRAPH ?g {{ ?s ?p ?o }} FILTER(isIRI(?s)) }}"):
            in_graphs[(s.value, p.value, o)].add(g.value)
        stated_in_facts: set[str] = set()
        for (s_, p_, o), gs in in_graphs.items():
            ref_only = gs == {GRAPH_REFERENCE}
            if not ref_only:
                stated_in_facts.add(s_)
            if p_ == RDF_TYPE:
                ent = self._entity(s_)
                ent.types.add(o.value)
                self.instances_of[o.value].add(s_)
            elif p_ == RDFS_LABEL and isinstance(o, ox.Literal):
                self._entity(s_).labels.setdefault(o.language or "en", o.value)
            elif p_ == SKOS_ALT and isinstance(o, ox.Literal):
                self._entity(s_).alt.append((o.value, o.language or ""))
            else:
                self._add_edge(Edge(s_, p_, o, False, ref_only))
        for iri, ent in self.entities.items():
            ent.reference = iri not in stated_in_facts
            ent.alt.sort()
        for s, p, o in self.backend.select(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH <{GRAPH_INFERRED}> {{ ?s ?p ?o }} FILTER(isIRI(?s)) }}"):
            s_, p_ = s.value, p.value
            if s_ not in self.entities:
                continue
            if p_ == RDF_TYPE:
                ent = self.entities[s_]
                if o.value not in ent.types:
                    ent.inferred_types.add(o.value)
                self.instances_of[o.value].add(s_)
                continue
            if isinstance(o, ox.NamedNode) and o.value not in self.entities and o.value.startswith(PFID):
                continue  # a link to an object left out (e.g. reference data switched off)
            self._add_edge(Edge(s_, p_, o, True))
        for edges in (*self.out.values(), *self.inc.values()):
            edges.sort(key=lambda e: (e.p, e.inferred, str(getattr(e.o, "value", e.o))))

    def _add_edge(self, edge: Edge) -> None:
        self.out[edge.s].append(edge)
        if isinstance(edge.o, ox.NamedNode):
            self.inc[edge.o.value].append(edge)

    def _entity(self, iri: str) -> Entity:
        ent = self.entities.get(iri)
        if ent is None:
            ent = self.entities[iri] = Entity(iri)
        return ent

    def _load_rules(self) -> None:
        """Rule labels from the ``# rule:``/``# label:`` headers of ontology/rules/*.rq.

        Read directly (not through ``ontology.load_rules``) so the app does not import rdflib.
        """
        import importlib.util
        from pathlib import Path

        labels: dict[str, str] = {}
        spec = importlib.util.find_spec("ontology")
        if spec is not None and spec.origin:
            for path in sorted((Path(spec.origin).parent / "rules").glob("*.rq")):
                head = {}
                for line in path.read_text(encoding="utf-8").splitlines():
                    if not line.startswith("#"):
                        break
                    m = re.match(r"#\s*(rule|label):\s*(.*?)\s*$", line)
                    if m:
                        head.setdefault(m.group(1), m.group(2))
                if "rule" in head:
                    rule = head["rule"]
                    iri = PFR + rule[4:] if rule.startswith("pfr:") else rule
                    labels[iri] = head.get("label", path.stem)
        self.rule_labels = labels

    def _build_search(self) -> None:
        index: list[tuple[str, str, bool]] = []
        for ent in self.entities.values():
            if self.is_aux(ent.iri):
                continue
            seen: set[str] = set()
            names = [*((v, True) for v in ent.labels.values()), *((a, False) for a, _ in ent.alt),
                     (naming.korean_name(ent), True), (ent.slug, False)]
            for text, primary in names:
                key = norm_name(text) if text else ""
                if key and key not in seen:
                    seen.add(key)
                    index.append((key, ent.iri, primary))
        self._search = index

    # ------------------------------------------------------------------ names and types
    def label(self, iri: str, lang: str = "en") -> str:
        """The object's name in ``lang``: its label, the report's own Korean spelling (an alias),
        a name composed in ``lang`` for generated labels (events, investments), then the other
        language, then the IRI's local name."""
        key = (iri, lang)
        hit = self._names.get(key)
        if hit is None:
            ent = self.entities.get(iri)
            if ent is not None:
                self._names[key] = local_name(iri)  # a cycle of composed names ends here
                hit = naming.display_name(self, ent, lang)
            elif iri in self.classes:
                hit = self.class_label(iri, lang)
            elif iri in self.props:
                hit = self.prop_label(iri, lang)
            else:
                hit = self.term_label(iri, lang)
            self._names[key] = hit
        return hit

    def other_label(self, iri: str, lang: str) -> str:
        """The name in the other language, if the graph has one."""
        ent = self.entities.get(iri)
        if ent is None:
            return ""
        other = "ko" if lang == "en" else "en"
        return ent.labels.get(other, "") or (naming.korean_name(ent) if other == "ko" else "")

    def all_names(self, iri: str) -> set[str]:
        """Every name of an object in both languages (labels, aliases, composed names)."""
        ent = self.entities.get(iri)
        if ent is None:
            return set()
        return {*ent.labels.values(), *(a for a, _ in ent.alt), self.label(iri, "en"), self.label(iri, "ko")}

    def class_label(self, iri: str, lang: str = "en") -> str:
        info = self.classes.get(iri)
        if info and info.labels:
            return info.labels.get(lang) or info.labels.get("en") or next(iter(info.labels.values()))
        return local_name(iri)

    def term_label(self, iri: str, lang: str = "en") -> str:
        """Any ontology term's label (statement kinds, statuses, ranks), else its local name."""
        labels = self.term_labels.get(iri)
        if labels:
            return labels.get(lang) or labels.get("en") or next(iter(labels.values()))
        return local_name(iri)

    def class_definition(self, iri: str, lang: str = "en") -> str:
        """A class's definition in ``lang`` only (none rather than the other language)."""
        info = self.classes.get(iri)
        return info.definitions.get(lang, "") if info else ""

    def prop_label(self, iri: str, lang: str = "en", inverse: bool = False) -> str:
        """A property's label; ``inverse=True`` names the link read backwards (its owl:inverseOf)."""
        info = self.props.get(iri)
        if inverse:
            if info and info.inverse and info.inverse in self.props:
                return self.prop_label(info.inverse, lang)
            return "← " + self.prop_label(iri, lang)
        if info and info.labels:
            return info.labels.get(lang) or info.labels.get("en") or next(iter(info.labels.values()))
        return local_name(iri)

    def prop_ancestors(self, prop: str) -> set[str]:
        """Every super-property of ``prop`` (rdfs:subPropertyOf, transitively)."""
        seen: set[str] = set()
        stack = [prop]
        while stack:
            for parent in self.prop_parents.get(stack.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return seen

    def inverse_of(self, prop: str) -> str | None:
        info = self.props.get(prop)
        return info.inverse if info else None

    def unit(self, prop: str) -> str | None:
        info = self.props.get(prop)
        return info.unit if info else None

    def rule_label(self, rule_iri: str, lang: str = "en") -> str:
        """A rule's label (the rule files are written in English: Korean shows the rule's id)."""
        code = local_name(rule_iri)
        if lang == "ko":
            return code
        return self.rule_labels.get(rule_iri) or code

    def ancestors(self, cls: str) -> frozenset[str]:
        cached = self._ancestors.get(cls)
        if cached is not None:
            return cached
        seen: set[str] = set()
        stack = [cls]
        while stack:
            c = stack.pop()
            for parent in self.classes.get(c, ClassInfo(c)).parents:
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        result = frozenset(seen)
        self._ancestors[cls] = result
        return result

    def primary_type(self, iri: str) -> str | None:
        """The most specific asserted type (a type none of the others is a subclass of)."""
        ent = self.entities.get(iri)
        if ent is None or not ent.types:
            return None
        types = sorted(ent.types)
        for t in types:
            if not any(t in self.ancestors(o) for o in types if o != t):
                return t
        return types[0]

    def group_of(self, cls: str) -> str:
        if cls in GROUP_OF_CLASS:
            return GROUP_OF_CLASS[cls]
        for anc in self.ancestors(cls):
            if anc in GROUP_OF_CLASS:
                return GROUP_OF_CLASS[anc]
        return "other"

    def is_claim(self, iri: str) -> bool:
        ent = self.entities.get(iri)
        return ent is not None and CLAIM in ent.types

    def is_aux(self, iri: str) -> bool:
        """A claim, a statement node or a report location: provenance, never an object of its own."""
        ent = self.entities.get(iri)
        return ent is not None and bool(ent.types & AUX_CLASSES)

    @staticmethod
    def is_aux_class(cls: str) -> bool:
        return cls in AUX_CLASSES

    def type_counts(self, asserted_only: bool = True) -> dict[str, int]:
        """Objects per class (asserted types; with ``False`` also inferred classes)."""
        counts: Counter[str] = Counter()
        for ent in self.entities.values():
            for t in ent.types:
                counts[t] += 1
            if not asserted_only:
                for t in ent.inferred_types:
                    counts[t] += 1
        return dict(counts)

    def grouped_type_counts(self) -> dict[str, list[tuple[str, int]]]:
        """``{group: [(class, count), …]}`` for the Home page, largest first, groups in GROUPS order."""
        out: dict[str, list[tuple[str, int]]] = {g: [] for g in (*GROUPS, "other")}
        for cls, n in self.type_counts().items():
            if cls in AUX_CLASSES - {CLAIM}:
                continue
            out[self.group_of(cls)].append((cls, n))
        for rows in out.values():
            rows.sort(key=lambda r: (-r[1], local_name(r[0])))
        return {g: rows for g, rows in out.items() if rows}

    def instances(self, cls: str) -> list[str]:
        """Objects of a class, asserted or inferred (the inferred graph holds the subclass closure)."""
        return sorted(self.instances_of.get(cls, ()), key=lambda i: self.label(i).casefold())

    # ------------------------------------------------------------------ values and links
    def edges_out(self, iri: str, *, include_inferred: bool = True) -> list[Edge]:
        return [e for e in self.out.get(iri, ()) if include_inferred or not e.inferred]

    def edges_in(self, iri: str, *, include_inferred: bool = True) -> list[Edge]:
        return [e for e in self.inc.get(iri, ()) if include_inferred or not e.inferred]

    def values(self, iri: str, prop: str) -> list:
        """Distinct objects of ``iri prop ?o`` (asserted first), as pyoxigraph terms."""
        seen: dict = {}
        for e in self.out.get(iri, ()):
            if e.p == prop and e.o not in seen:
                seen[e.o] = e
        return list(seen)

    def numbers(self, iri: str, prop: str) -> list[float]:
        return [n for n in (to_number(v) for v in self.values(iri, prop)) if n is not None]

    def links(self, iri: str, *, include_inferred: bool = True) -> list[tuple[str, str, str, bool]]:
        """Object-to-object links touching ``iri``: ``(predicate, direction, other, inferred)``.

        Auxiliary nodes and their bookkeeping are left out, so are links to ontology terms. A
        link and its inverse (``usesChip`` / ``chipUsedBy``, asserted or materialised) are one
        link: the asserted reading wins, then the outgoing one.
        """
        if include_inferred and iri in self._links:
            return self._links[iri]
        candidates: dict[tuple[str, str], tuple[int, tuple[str, str, str, bool]]] = {}

        def offer(p: str, direction: str, other: str, inferred: bool) -> None:
            if inferred and not include_inferred:
                return
            inv = self.inverse_of(p)
            canon = min(p, inv) if inv else p
            flipped = {"out": "in", "in": "out"}[direction]
            key = (canon, other, direction if canon == p else flipped)
            rank = (1 if inferred else 0) * 2 + (0 if direction == "out" else 1)
            if key not in candidates or rank < candidates[key][0]:
                candidates[key] = (rank, (p, direction, other, inferred))

        for e in self.out.get(iri, ()):
            if (e.is_link and e.p not in CLAIM_LINKS and e.target in self.entities and e.target != iri
                    and not self.is_aux(e.target)):
                offer(e.p, "out", e.target, e.inferred)
        for e in self.inc.get(iri, ()):
            if e.p not in CLAIM_LINKS and e.s in self.entities and e.s != iri and not self.is_aux(e.s):
                offer(e.p, "in", e.s, e.inferred)
        result = [v for _, v in candidates.values()]
        if include_inferred and not self.is_aux(iri):
            self._links[iri] = result
        return result

    def claimed_links(self, iri: str) -> list[tuple[str, str, str, str]]:
        """Unverified links touching ``iri`` (below the extraction's precision gate), not stated as
        links: ``(predicate, direction, other, claim)``; one per link, a stated link wins."""
        stated = {(p, d, o) for p, d, o, _ in self.links(iri)}
        out, seen = [], set()
        for p, d, o, c in self.claimed.get(iri, ()):
            if (p, d, o) in stated or (p, d, o) in seen:
                continue
            seen.add((p, d, o))
            out.append((p, d, o, c))
        return out

    def claims(self, iri: str) -> list[str]:
        return [e.target for e in self.out.get(iri, ()) if e.p == HAS_CLAIM and e.is_link]

    def value_statements(self, iri: str) -> list[ValueStatement]:
        """The statement-model nodes about ``iri`` (empty when the graph has none)."""
        out = []
        for e in self.out.get(iri, ()):
            if e.p == STATEMENT_LINK and e.is_link:
                vs = value_statement(e.target, iri, self.out.get(e.target, ()))
                if vs is not None:
                    out.append(vs)
        return out

    # ------------------------------------------------------------------ search
    def _match(self, key: str, wanted: set[str] | None, best: dict[str, tuple], base: int = 0) -> None:
        for k, iri, primary in self._search:
            if wanted is not None and not (self.entities[iri].types | self.entities[iri].inferred_types) & wanted:
                continue
            if k == key:
                rank = 0
            elif k.startswith(key):
                rank = 1
            elif key in k:
                rank = 2
            else:
                continue
            score = (base + rank, 0 if primary else 1, len(k), self.label(iri).casefold())
            if iri not in best or score < best[iri]:
                best[iri] = score

    def search(self, query: str, limit: int = 20, types: Iterable[str] | None = None) -> list[str]:
        """Objects whose English or Korean name or alias matches ``query``.

        Case, spacing and punctuation are ignored (``openAI``, ``Open AI``, ``오픈 AI``). Exact
        matches rank first, then prefixes, then substrings, then close spellings. A query that
        names an object exactly also searches that object's names in the other language, so
        ``스타게이트`` and ``Stargate`` find the same objects.
        """
        key = norm_name(query)
        if not key:
            return []
        wanted = set(types) if types else None
        best: dict[str, tuple] = {}
        self._match(key, wanted, best)
        exact = [iri for iri, score in best.items() if score[0] == 0]
        for iri in exact[:3]:
            ent = self.entities[iri]
            for name in {*ent.labels.values(), naming.korean_name(ent)}:
                other = norm_name(name) if name else ""
                if other and other != key:
                    self._match(other, wanted, best, base=1)
        if not best and len(key) >= 3:  # nothing matched: close spellings
            keys = sorted({k for k, _, _ in self._search})
            for k in difflib.get_close_matches(key, keys, n=limit, cutoff=0.75):
                for k2, iri, primary in self._search:
                    if k2 == k and iri not in best:
                        if wanted is None or (self.entities[iri].types | self.entities[iri].inferred_types) & wanted:
                            best[iri] = (4, 0 if primary else 1, len(k), self.label(iri).casefold())
        return [iri for iri, _ in sorted(best.items(), key=lambda kv: kv[1])][:limit]

    def resolve(self, text: str) -> str | None:
        """An object's IRI from a slug, an IRI or a name (the best search hit)."""
        text = (text or "").strip()
        if not text:
            return None
        iri = iri_of(text)
        if iri in self.entities and not self.is_aux(iri):
            return iri
        key = norm_name(text)
        exact = sorted({i for k, i, _ in self._search if k == key}, key=lambda i: self.label(i).casefold())
        return exact[0] if exact else None

    # ------------------------------------------------------------------ provenance
    def statements(self, iri: str, role: str = "subject") -> list[Statement]:
        """Every provenance statement whose ``rdf:subject`` (or ``rdf:object``) is ``iri``."""
        key = (role, iri)
        cached = self._prov_cache.get(key)
        if cached is not None:
            return cached
        prop = "rdf:subject" if role == "subject" else "rdf:object"
        rows = self.backend.select(f"""
            SELECT ?st ?k ?v WHERE {{ GRAPH <{GRAPH_PROVENANCE}> {{ ?st {prop} <{iri}> . ?st ?k ?v }} }}""")
        loc_rows = self.backend.select(f"""
            SELECT DISTINCT ?loc ?k ?v WHERE {{
              GRAPH <{GRAPH_PROVENANCE}> {{ ?st {prop} <{iri}> ; prov:wasDerivedFrom ?loc }}
              GRAPH ?g {{ ?loc ?k ?v }} }}""")
        statements = assemble(rows, loc_rows)
        self._prov_cache[key] = statements
        for st in statements:  # derived from a statement node: that node's report location stands in
            if st.location is not None and st.location.line_start is None and self.is_aux(st.location.iri):
                found = self.node_location(st.location.iri)
                if found is not None:
                    st.location = found
        return statements

    def node_location(self, node: str) -> Location | None:
        """The first report location a statement node (``pfa:Statement``) is derived from."""
        key = ("node", node)
        if key not in self._prov_cache:
            loc_rows = self.backend.select(f"""
                SELECT DISTINCT ?loc ?k ?v WHERE {{
                  GRAPH <{GRAPH_PROVENANCE}> {{ <{node}> prov:wasDerivedFrom ?loc }}
                  GRAPH ?g {{ ?loc ?k ?v }} }}""")
            from petaflop.app.provenance import locations

            found = sorted((loc for loc in locations(loc_rows).values() if loc.line_start is not None),
                           key=lambda loc: (loc.line_start, loc.iri))
            self._prov_cache[key] = found[:1]
        hit = self._prov_cache[key]
        return hit[0] if hit else None

    def statements_for(self, s: str, p: str, o) -> list[Statement]:
        """Provenance of one triple (``o`` a pyoxigraph term or an IRI string)."""
        target = o.value if isinstance(o, ox.NamedNode) else o
        out = []
        for st in self.statements(s, "subject"):
            if st.p != p:
                continue
            if isinstance(target, str):
                if isinstance(st.o, ox.NamedNode) and st.o.value == target:
                    out.append(st)
            elif st.o == target:
                out.append(st)
        return out

    def is_reference_only(self, s: str, p: str, o) -> bool:
        """Whether a triple is stated only in the reference layer."""
        target = o if not isinstance(o, str) else ox.NamedNode(o)
        return any(e.reference for e in self.out.get(s, ()) if e.p == p and e.o == target)
