"""Terms of an export: the graphs, the predicates the selection treats specially, the prefixes
written into files, and the ontology of a store indexed for term lookups (:class:`Vocabulary`)."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from foundation.namespaces import (
    DCT,
    GRAPH_FACTS,
    GRAPH_INFERRED,
    GRAPH_ONTOLOGY,
    GRAPH_PROVENANCE,
    OWL,
    PFA,
    PFID,
    PFK,
    PFLOC,
    PFR,
    PFST,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SKOS,
    UNIT,
    XSD,
)

G_ONTOLOGY = ox.NamedNode(GRAPH_ONTOLOGY)
G_FACTS = ox.NamedNode(GRAPH_FACTS)
G_INFERRED = ox.NamedNode(GRAPH_INFERRED)
G_PROVENANCE = ox.NamedNode(GRAPH_PROVENANCE)
GRAPH_ORDER = (G_ONTOLOGY, G_FACTS, G_INFERRED, G_PROVENANCE)

RDF_TYPE = ox.NamedNode(RDF.type)
RDF_SUBJECT = ox.NamedNode(RDF.subject)
RDF_PREDICATE = ox.NamedNode(RDF.predicate)
RDF_OBJECT = ox.NamedNode(RDF.object)
RDFS_LABEL = ox.NamedNode(RDFS.label)
RDFS_SUBCLASS = ox.NamedNode(RDFS.subClassOf)
SKOS_ALT = ox.NamedNode(SKOS.altLabel)
SKOS_DEFINITION = ox.NamedNode(SKOS.definition)
PROV_DERIVED = ox.NamedNode(PROV.wasDerivedFrom)
PFA_CITED = ox.NamedNode(PFA.citedSource)
PFA_UNIT = ox.NamedNode(PFA.unitOfMeasure)
OWL_ONTOLOGY = ox.NamedNode(OWL.Ontology)
XSD_STRING = ox.NamedNode(XSD.string)

# Triples that name or classify an object; they are never links and always exported.
NAMING = frozenset({RDF_TYPE, RDFS_LABEL})
LABELS = (RDFS_LABEL, SKOS_ALT)
# IRIs in these namespaces are vocabulary (terms), never objects to walk through; IRIs in the
# data namespaces are objects even when the ontology mentions them (pfid:china in a restriction).
VOCAB_NAMESPACES = tuple(str(ns) for ns in (PFA, PFK, PFR, RDF, RDFS, OWL, XSD, SKOS, PROV, DCT, UNIT))
DATA_NAMESPACES = tuple(str(ns) for ns in (PFID, PFLOC, PFST))
# Prefixes written into exports: the project's (with the statement kinds), plus the external
# vocabularies the ontology aligns to.
EXPORT_PREFIXES: dict[str, str] = {**{p: str(ns) for p, ns in PREFIXES.items()}, "pfk": str(PFK),
                                   "org": "http://www.w3.org/ns/org#", "schema": "https://schema.org/",
                                   "vann": "http://purl.org/vocab/vann/"}
PROPERTY_CLASSES = frozenset(
    ox.NamedNode(OWL[c]) for c in ("ObjectProperty", "DatatypeProperty", "AnnotationProperty",
                                   "TransitiveProperty", "SymmetricProperty", "FunctionalProperty",
                                   "InverseFunctionalProperty", "AsymmetricProperty",
                                   "IrreflexiveProperty", "ReflexiveProperty")
) | {ox.NamedNode(RDF.Property)}
CLASS_CLASSES = frozenset({ox.NamedNode(OWL.Class), ox.NamedNode(RDFS.Class)})

Node = ox.NamedNode | ox.BlankNode


@functools.lru_cache(maxsize=1 << 16)
def curie(iri: str) -> str:
    """``pfid:openai`` for a project IRI, the IRI itself when no prefix fits."""
    best = ""
    for prefix, ns in EXPORT_PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(EXPORT_PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(EXPORT_PREFIXES[best]):]}" if best else iri


def sort_key(term) -> str:
    """Terms sort by their N-Triples text."""
    return str(term)


@dataclass(frozen=True)
class TermInfo:
    """What the ontology says about a predicate or class, for labels and units in every format."""

    iri: str
    label: str
    label_ko: str = ""
    unit: str = ""
    definition: str = ""


class Vocabulary:
    """The ontology graph of one store, indexed for term lookups (built once per store)."""

    def __init__(self, store: ox.Store):
        self.described: dict[Node, list[ox.Quad]] = defaultdict(list)
        for q in store.quads_for_pattern(None, None, None, G_ONTOLOGY):
            self.described[q.subject].append(q)
        self.terms = frozenset(s for s in self.described
                               if isinstance(s, ox.NamedNode) and not s.value.startswith(DATA_NAMESPACES))
        self.headers = tuple(sorted((s for s, qs in self.described.items()
                                     if any(q.predicate == RDF_TYPE and q.object == OWL_ONTOLOGY for q in qs)),
                                    key=sort_key))
        self.info: dict[ox.NamedNode, TermInfo] = {}
        supers: dict[ox.NamedNode, set[ox.NamedNode]] = defaultdict(set)
        self.properties: set[ox.NamedNode] = set()
        self.classes: set[ox.NamedNode] = set()
        for term in self.terms:
            labels: dict[str, str] = {}
            unit = definition = ""
            for q in self.described[term]:
                p, o = q.predicate, q.object
                if p == RDFS_LABEL and isinstance(o, ox.Literal):
                    labels.setdefault(o.language or "", o.value)
                elif p == PFA_UNIT and isinstance(o, ox.Literal):
                    unit = o.value
                elif p == SKOS_DEFINITION and isinstance(o, ox.Literal) and o.language in (None, "en"):
                    definition = o.value
                elif p == RDFS_SUBCLASS and isinstance(o, ox.NamedNode):
                    supers[term].add(o)
                elif p == RDF_TYPE and o in PROPERTY_CLASSES:
                    self.properties.add(term)
                elif p == RDF_TYPE and o in CLASS_CLASSES:
                    self.classes.add(term)
            self.info[term] = TermInfo(iri=term.value, label=labels.get("en") or labels.get("") or "",
                                       label_ko=labels.get("ko", ""), unit=unit, definition=definition)
        self._supers = supers
        self._closure: dict[ox.NamedNode, frozenset[ox.NamedNode]] = {}

    def is_term(self, term) -> bool:
        return isinstance(term, ox.NamedNode) and (term in self.terms or term.value.startswith(VOCAB_NAMESPACES))

    def superclasses(self, cls: ox.NamedNode) -> frozenset[ox.NamedNode]:
        """The class and every class above it (rdfs:subClassOf*)."""
        done = self._closure.get(cls)
        if done is None:
            seen = {cls}
            stack = [cls]
            while stack:
                for sup in self._supers.get(stack.pop(), ()):
                    if sup not in seen:
                        seen.add(sup)
                        stack.append(sup)
            done = self._closure[cls] = frozenset(seen)
        return done

    def term_info(self, term: ox.NamedNode) -> TermInfo:
        return self.info.get(term) or TermInfo(iri=term.value, label="")

    def closure_quads(self, term: Node) -> list[ox.Quad]:
        """The term's ontology triples and, recursively, those of the blank nodes they use."""
        out: list[ox.Quad] = []
        stack: list[Node] = [term]
        seen: set[Node] = {term}
        while stack:
            for q in self.described.get(stack.pop(), ()):
                out.append(q)
                if isinstance(q.object, ox.BlankNode) and q.object not in seen:
                    seen.add(q.object)
                    stack.append(q.object)
        return out
