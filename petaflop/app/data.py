"""The graph as the app sees it: loaded once into plain-Python indexes, queried lazily for provenance.

:class:`Atlas` is built from a :class:`~petaflop.app.backend.Backend` with a handful of bulk
SELECTs (ontology terms, types, facts, inferred facts) and then answers the pages' questions
from memory: labels in both languages, types (asserted and inferred), values and links in
both directions, instances of a class, and a search index over every name and alias.
Provenance (report location, cited sources, qualifiers, conflicts, the rule behind an
inferred fact) is fetched per object on demand, because most of the graph's quads are
provenance and a page needs only its own.

No Streamlit here: everything is unit-testable against the report graph.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from foundation.names import local_name, norm_name
from foundation.namespaces import (
    GRAPH_FACTS,
    GRAPH_INFERRED,
    GRAPH_ONTOLOGY,
    GRAPH_PROVENANCE,
    OWL,
    PFA,
    PFID,
    PFR,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
)
from petaflop.app.backend import Backend

RDF_TYPE = RDF.type
RDFS_LABEL = RDFS.label
SKOS_ALT = SKOS.altLabel
SKOS_CONCEPT = SKOS.Concept
CLAIM = PFA.Claim
HAS_CLAIM = PFA.hasClaim
# Claim bookkeeping: shown in the object page's claims table, never as links.
CLAIM_LINKS = frozenset({HAS_CLAIM, PFA.claimAbout, PFA.countedIn, PFA.countedItem, PFA.promotedTo})
NUMERIC_TYPES = frozenset({XSD[t] for t in ("decimal", "integer", "double", "float", "int", "long",
                                             "nonNegativeInteger", "positiveInteger")})
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


def is_numeric(term) -> bool:
    return isinstance(term, ox.Literal) and term.datatype is not None and term.datatype.value in NUMERIC_TYPES


def to_number(term) -> float | None:
    if not is_numeric(term):
        return None
    try:
        return float(term.value)
    except ValueError:
        return None


def format_number(value: str | float | Decimal) -> str:
    """``550000`` → ``550,000``; ``1.80`` → ``1.8``; large or tiny values keep every digit."""
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if d == d.to_integral_value():
        return f"{int(d):,}"
    text = format(d.normalize(), "f")
    whole, _, frac = text.partition(".")
    return f"{int(whole):,}.{frac}" if whole.lstrip("-").isdigit() else text


def compact_usd(value: float) -> str:
    for size, name in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"${value / size:,.3g} {name}"
    return f"${value:,.0f}"


def format_literal(term, unit: str | None = None) -> str:
    """A literal for display: numbers with separators and the property's unit."""
    if not isinstance(term, ox.Literal):
        return str(getattr(term, "value", term))
    if is_numeric(term):
        text = format_number(term.value)
        if unit == "USD":
            num = float(term.value)
            return f"{text} USD ({compact_usd(num)})" if abs(num) >= 1e6 else f"{text} USD"
        if unit and unit not in ("count", "date"):
            return f"{text} {unit}"
        return text
    if term.datatype is not None and term.datatype.value == XSD.boolean:
        return term.value
    return term.value


@dataclass
class ClassInfo:
    iri: str
    labels: dict[str, str] = field(default_factory=dict)
    definition: str = ""
    parents: set[str] = field(default_factory=set)


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
    """One triple of the facts or inferred graph; ``o`` is a pyoxigraph term."""

    s: str
    p: str
    o: object
    inferred: bool = False

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
    types: set[str] = field(default_factory=set)  # asserted (pfg:facts)
    inferred_types: set[str] = field(default_factory=set)  # pfg:inferred only

    @property
    def slug(self) -> str:
        return slug(self.iri)


@dataclass
class Location:
    iri: str
    line_start: int | None = None
    line_end: int | None = None
    chapter: str = ""
    slide: str = ""
    table: str = ""
    row: int | None = None
    column: int | None = None

    def short(self) -> str:
        """``IV-09-1 r3c2 · L2040`` or ``L1994``."""
        parts = []
        if self.table:
            cell = f" r{self.row}c{self.column}" if self.row is not None else ""
            parts.append(f"{self.table}{cell}")
        if self.line_start is not None:
            end = f"–{self.line_end}" if self.line_end not in (None, self.line_start) else ""
            parts.append(f"L{self.line_start}{end}")
        return " · ".join(parts) or local_name(self.iri)


@dataclass
class Statement:
    """The provenance of one triple at one report location (``rdf:Statement`` in pfg:provenance)."""

    iri: str
    s: str
    p: str
    o: object
    location: Location | None = None
    sources: list[str] = field(default_factory=list)
    rule: str = ""
    qualifiers: list[str] = field(default_factory=list)
    as_of: str = ""
    source_text: str = ""
    conflicting: bool = False
    conflicts_with: list[str] = field(default_factory=list)
    inferred_by: list[str] = field(default_factory=list)

    @property
    def line(self) -> int | None:
        return self.location.line_start if self.location else None


def _lit_text(term) -> str:
    return term.value if term is not None else ""


def _int(term) -> int | None:
    try:
        return int(term.value) if term is not None else None
    except ValueError:
        return None


class Atlas:
    """The report graph in memory (see module docstring). Build with :meth:`load`."""

    def __init__(self, backend: Backend):
        self.backend = backend
        self.classes: dict[str, ClassInfo] = {}
        self.props: dict[str, PropInfo] = {}
        self.entities: dict[str, Entity] = {}
        self.out: dict[str, list[Edge]] = defaultdict(list)
        self.inc: dict[str, list[Edge]] = defaultdict(list)
        self.instances_of: dict[str, set[str]] = defaultdict(set)
        self.rule_labels: dict[str, str] = {}
        self._search: list[tuple[str, str, bool]] = []  # (key, iri, is_label)
        self._prov_cache: dict[tuple[str, str], list[Statement]] = {}
        self._ancestors: dict[str, frozenset[str]] = {}

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, backend: Backend) -> Atlas:
        atlas = cls(backend)
        atlas._load_ontology()
        atlas._load_facts()
        atlas._load_rules()
        atlas._build_search()
        return atlas

    def _load_ontology(self) -> None:
        rows = self.backend.select(f"""
            SELECT ?x ?p ?o WHERE {{ GRAPH <{GRAPH_ONTOLOGY}> {{ ?x ?p ?o }}
              FILTER(isIRI(?x))
              FILTER(?p IN (rdf:type, rdfs:label, skos:definition, pfa:unitOfMeasure, rdfs:subClassOf, owl:inverseOf))
            }}""")
        kinds = {OWL.Class: "class", OWL.ObjectProperty: "object", OWL.DatatypeProperty: "datatype",
                 OWL.AnnotationProperty: "annotation"}
        declared: dict[str, str] = {}
        info: dict[str, dict] = defaultdict(lambda: {"labels": {}, "definition": "", "parents": set(),
                                                     "unit": None, "inverse": None})
        for x, p, o in rows:
            x, p = x.value, p.value
            if p == RDF_TYPE and o.value in kinds:
                declared.setdefault(x, kinds[o.value])
            elif p == RDFS_LABEL and isinstance(o, ox.Literal):
                info[x]["labels"].setdefault(o.language or "en", o.value)
            elif p == SKOS.definition and isinstance(o, ox.Literal):
                if not info[x]["definition"] or o.language == "en":
                    info[x]["definition"] = o.value
            elif p == PFA.unitOfMeasure:
                info[x]["unit"] = o.value
            elif p == RDFS.subClassOf and isinstance(o, ox.NamedNode):
                info[x]["parents"].add(o.value)
            elif p == OWL.inverseOf and isinstance(o, ox.NamedNode):
                info[x]["inverse"] = o.value
                info[o.value]["inverse"] = x
        for x, kind in declared.items():
            d = info[x]
            if kind == "class":
                self.classes[x] = ClassInfo(x, d["labels"], d["definition"], d["parents"])
            else:
                self.props[x] = PropInfo(x, d["labels"], kind, d["unit"], d["definition"], d["inverse"])
        self.classes.setdefault(SKOS_CONCEPT, ClassInfo(SKOS_CONCEPT, {"en": "code", "ko": "코드"}))
        for iri, labels in ((RDF_TYPE, {"en": "type", "ko": "유형"}), (RDFS_LABEL, {"en": "name", "ko": "이름"}),
                            (SKOS_ALT, {"en": "also called", "ko": "다른 이름"})):
            self.props.setdefault(iri, PropInfo(iri, labels, "annotation"))

    def _load_facts(self) -> None:
        for s, t in self.backend.select(f"SELECT ?s ?t WHERE {{ GRAPH <{GRAPH_FACTS}> {{ ?s a ?t }} FILTER(isIRI(?s)) }}"):
            ent = self._entity(s.value)
            ent.types.add(t.value)
            self.instances_of[t.value].add(s.value)
        for s, p, o in self.backend.select(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH <{GRAPH_FACTS}> {{ ?s ?p ?o }} FILTER(isIRI(?s) && ?p != rdf:type) }}"):
            s_, p_ = s.value, p.value
            if p_ == RDFS_LABEL and isinstance(o, ox.Literal):
                self._entity(s_).labels.setdefault(o.language or "en", o.value)
                continue
            if p_ == SKOS_ALT and isinstance(o, ox.Literal):
                self._entity(s_).alt.append((o.value, o.language or ""))
                continue
            self._add_edge(Edge(s_, p_, o, False))
        for s, p, o in self.backend.select(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH <{GRAPH_INFERRED}> {{ ?s ?p ?o }} FILTER(isIRI(?s)) }}"):
            s_, p_ = s.value, p.value
            if p_ == RDF_TYPE:
                if s_ in self.entities:
                    ent = self.entities[s_]
                    if o.value not in ent.types:
                        ent.inferred_types.add(o.value)
                    self.instances_of[o.value].add(s_)
                continue
            if s_ in self.entities:
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
            if self.is_claim(ent.iri):
                continue
            seen: set[str] = set()
            for text, primary in [*((v, True) for v in ent.labels.values()), *((a, False) for a, _ in ent.alt),
                                  (ent.slug, False)]:
                key = norm_name(text)
                if key and key not in seen:
                    seen.add(key)
                    index.append((key, ent.iri, primary))
        self._search = index

    # ------------------------------------------------------------------ names and types
    def label(self, iri: str, lang: str = "en") -> str:
        """The @lang label, falling back to the other language, then the IRI's local name."""
        ent = self.entities.get(iri)
        if ent is not None:
            if ent.labels.get(lang):
                return ent.labels[lang]
            for other in LANGS:
                if ent.labels.get(other):
                    return ent.labels[other]
            if ent.alt:
                return ent.alt[0][0]
        if iri in self.classes:
            return self.class_label(iri, lang)
        if iri in self.props:
            return self.prop_label(iri, lang)
        return local_name(iri)

    def other_label(self, iri: str, lang: str) -> str:
        """The label in the other language, if the graph has one."""
        ent = self.entities.get(iri)
        if ent is None:
            return ""
        other = "ko" if lang == "en" else "en"
        return ent.labels.get(other, "")

    def class_label(self, iri: str, lang: str = "en") -> str:
        info = self.classes.get(iri)
        if info and info.labels:
            return info.labels.get(lang) or info.labels.get("en") or next(iter(info.labels.values()))
        return local_name(iri)

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

    def unit(self, prop: str) -> str | None:
        info = self.props.get(prop)
        return info.unit if info else None

    def rule_label(self, rule_iri: str) -> str:
        return self.rule_labels.get(rule_iri) or ("pfr:" + rule_iri[len(PFR):] if rule_iri.startswith(PFR) else rule_iri)

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

    def type_counts(self, asserted_only: bool = True) -> dict[str, int]:
        """Objects per class (asserted types in pfg:facts; with ``False`` also inferred classes)."""
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
        """Entity-to-entity links touching ``iri``: ``(predicate, direction, other, inferred)``.

        Claims and their bookkeeping are left out, so are links to ontology terms. A link and
        its materialised inverse (``usesChip`` / ``chipUsedBy``) are one link: the asserted
        reading wins, then the outgoing one.
        """
        candidates: dict[tuple[str, str], tuple[int, tuple[str, str, str, bool]]] = {}

        def offer(p: str, direction: str, other: str, inferred: bool) -> None:
            if inferred and not include_inferred:
                return
            inv = self.props[p].inverse if p in self.props else None
            canon = min(p, inv) if inv else p
            flipped = {"out": "in", "in": "out"}[direction]
            key = (canon, other, direction if canon == p else flipped)
            rank = (1 if inferred else 0) * 2 + (0 if direction == "out" else 1)
            if key not in candidates or rank < candidates[key][0]:
                candidates[key] = (rank, (p, direction, other, inferred))

        for e in self.out.get(iri, ()):
            if e.is_link and e.p not in CLAIM_LINKS and e.target in self.entities and e.target != iri:
                offer(e.p, "out", e.target, e.inferred)
        for e in self.inc.get(iri, ()):
            if e.p not in CLAIM_LINKS and e.s in self.entities and e.s != iri and not self.is_claim(e.s):
                offer(e.p, "in", e.s, e.inferred)
        return [v for _, v in candidates.values()]

    def claims(self, iri: str) -> list[str]:
        return [e.target for e in self.out.get(iri, ()) if e.p == HAS_CLAIM and e.is_link]

    # ------------------------------------------------------------------ search
    def search(self, query: str, limit: int = 20, types: Iterable[str] | None = None) -> list[str]:
        """Objects whose English or Korean name or alias matches ``query``.

        Case, spacing and punctuation are ignored (``openAI``, ``Open AI``, ``오픈 AI``). Exact
        matches rank first, then prefixes, then substrings, then close spellings.
        """
        key = norm_name(query)
        if not key:
            return []
        wanted = set(types) if types else None
        best: dict[str, tuple] = {}
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
            score = (rank, 0 if primary else 1, len(k), self.label(iri).casefold())
            if iri not in best or score < best[iri]:
                best[iri] = score
        if len(best) < limit and len(key) >= 3:
            keys = sorted({k for k, _, _ in self._search})
            for k in difflib.get_close_matches(key, keys, n=limit, cutoff=0.75):
                for k2, iri, primary in self._search:
                    if k2 == k and iri not in best:
                        if wanted is None or (self.entities[iri].types | self.entities[iri].inferred_types) & wanted:
                            best[iri] = (3, 0 if primary else 1, len(k), self.label(iri).casefold())
        return [iri for iri, _ in sorted(best.items(), key=lambda kv: kv[1])][:limit]

    def resolve(self, text: str) -> str | None:
        """An object's IRI from a slug, an IRI or a name (the best search hit)."""
        text = (text or "").strip()
        if not text:
            return None
        iri = iri_of(text)
        if iri in self.entities:
            return iri
        hits = self.search(text, limit=1)
        return hits[0] if hits else None

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
        statements = self._assemble(rows, loc_rows)
        self._prov_cache[key] = statements
        return statements

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

    def _assemble(self, rows, loc_rows) -> list[Statement]:
        locations: dict[str, Location] = {}
        for loc, k, v in loc_rows:
            L = locations.setdefault(loc.value, Location(loc.value))
            name = k.value
            if name == PFA.lineStart:
                L.line_start = _int(v)
            elif name == PFA.lineEnd:
                L.line_end = _int(v)
            elif name == PFA.chapter:
                L.chapter = _lit_text(v)
            elif name == PFA.slideTitle:
                L.slide = _lit_text(v)
            elif name == PFA.tableId:
                L.table = _lit_text(v)
            elif name == PFA.rowNumber:
                L.row = _int(v)
            elif name == PFA.columnNumber:
                L.column = _int(v)
        by_st: dict[str, dict] = {}
        for st, k, v in rows:
            d = by_st.setdefault(st.value, {"multi": defaultdict(list)})
            name = k.value
            if name in (RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom,
                        PFA.extractionRule, PFA.asOf, PFA.sourceText, PFA.conflicting):
                d[name] = v
            else:
                d["multi"][name].append(v)
        out: list[Statement] = []
        for st_iri, d in by_st.items():
            if RDF.subject not in d or RDF.predicate not in d or RDF.object not in d:
                continue
            loc = d.get(PROV.wasDerivedFrom)
            multi = d["multi"]
            out.append(Statement(
                iri=st_iri, s=d[RDF.subject].value, p=d[RDF.predicate].value, o=d[RDF.object],
                location=locations.get(loc.value) if loc is not None else None,
                sources=sorted({v.value for v in multi.get(PFA.citedSource, [])}),
                rule=_lit_text(d.get(PFA.extractionRule)),
                qualifiers=sorted({v.value for v in multi.get(PFA.qualifier, [])}),
                as_of=_lit_text(d.get(PFA.asOf)),
                source_text=_lit_text(d.get(PFA.sourceText)),
                conflicting=_lit_text(d.get(PFA.conflicting)) == "true",
                conflicts_with=sorted({v.value for v in multi.get(PFA.conflictsWith, [])}),
                inferred_by=sorted({v.value for v in multi.get(PFA.inferredBy, [])}),
            ))
        out.sort(key=lambda s: (s.p, (s.line or 0), s.iri))
        return out


def read_report_lines(path) -> list[str]:
    """The report's lines (1-based access: ``lines[n - 1]``); read at run time, never stored."""
    with open(path, encoding="utf-8") as fh:
        return fh.read().splitlines()


def report_excerpt(lines: list[str], location: Location | None, context: int = 0) -> list[tuple[int, str]]:
    """``[(line number, text)]`` for a location's line span (plus ``context`` lines around it)."""
    if location is None or location.line_start is None or not lines:
        return []
    start = max(1, location.line_start - context)
    end = min(len(lines), (location.line_end or location.line_start) + context)
    return [(n, lines[n - 1]) for n in range(start, end + 1)]
