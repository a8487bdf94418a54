"""The ontology as one loaded model: classes, properties, statement kinds, ancestry and labels.

Why a module of its own: extraction, type checks, evaluation, export, the app and the docs all
ask the same questions of the ontology (is this a class? what is its parent? which property is
the inverse of that one? what unit does a kind take?). They ask this model, parsed once per
process, instead of parsing ``atlas.ttl`` themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from foundation.namespaces import PFA, PFK

HERE = Path(__file__).resolve().parent
ONTOLOGY_TTL = HERE / "atlas.ttl"
KINDS_TTL = HERE / "statement_kinds.ttl"



@dataclass(frozen=True)
class Term:
    """A class, property or statement kind: its IRI, local name, labels and definition."""

    iri: str
    name: str
    label_en: str = ""
    label_ko: str = ""
    definition: str = ""


@dataclass(frozen=True)
class Property(Term):
    kind: str = "object"  # object | datatype | annotation
    domain: tuple[str, ...] = ()
    range: tuple[str, ...] = ()
    inverse: str | None = None
    parents: tuple[str, ...] = ()
    unit: str = ""


@dataclass(frozen=True)
class StatementKind(Term):
    dimension: str = ""
    canonical_unit: str = ""
    truthy: str | None = None  # IRI of the truthy datatype property


@dataclass(frozen=True)
class OntologyModel:
    classes: dict[str, Term] = field(default_factory=dict)  # by local name
    class_parents: dict[str, tuple[str, ...]] = field(default_factory=dict)  # local names
    properties: dict[str, Property] = field(default_factory=dict)  # by local name
    kinds: dict[str, StatementKind] = field(default_factory=dict)  # by local name
    defined_classes: frozenset[str] = frozenset()  # classes whose membership is inferred

    def ancestors(self, cls: str) -> set[str]:
        """Local names of ``cls`` and every super-class of it in the pfa namespace."""
        seen: set[str] = set()
        todo = [cls]
        while todo:
            c = todo.pop()
            if c in seen:
                continue
            seen.add(c)
            todo.extend(self.class_parents.get(c, ()))
        return seen

    def is_subclass(self, cls: str, of: str) -> bool:
        return of in self.ancestors(cls)

    def property_ancestors(self, name: str) -> set[str]:
        seen: set[str] = set()
        todo = [name]
        while todo:
            p = todo.pop()
            if p in seen or p not in self.properties:
                continue
            seen.add(p)
            todo.extend(self.properties[p].parents)
        return seen

    def object_properties(self) -> dict[str, Property]:
        return {n: p for n, p in self.properties.items() if p.kind == "object"}


def _local(iri: str) -> str:
    for ns in (PFA, PFK):
        if iri.startswith(ns):
            return iri[len(ns):]
    return iri


def _text(g: rdflib.Graph, s: rdflib.term.Node, p: rdflib.term.Node, lang: str | None) -> str:
    for o in g.objects(s, p):
        if isinstance(o, rdflib.Literal) and (lang is None or o.language == lang):
            return str(o)
    return ""


def _term_args(g: rdflib.Graph, s: rdflib.URIRef) -> dict[str, str]:
    return {
        "iri": str(s),
        "name": _local(str(s)),
        "label_en": _text(g, s, RDFS.label, "en"),
        "label_ko": _text(g, s, RDFS.label, "ko"),
        "definition": _text(g, s, SKOS.definition, "en"),
    }


def _named(nodes) -> tuple[str, ...]:
    return tuple(sorted(_local(str(n)) for n in nodes if isinstance(n, rdflib.URIRef)))


@cache
def load_model() -> OntologyModel:
    """The ontology model, parsed once per process from ``atlas.ttl`` and ``statement_kinds.ttl``."""
    g = rdflib.Graph()
    g.parse(ONTOLOGY_TTL, format="turtle")
    k = rdflib.Graph()
    k.parse(KINDS_TTL, format="turtle")
    classes: dict[str, Term] = {}
    parents: dict[str, tuple[str, ...]] = {}
    defined: set[str] = set()
    for s in g.subjects(RDF.type, OWL.Class):
        if not isinstance(s, rdflib.URIRef) or not str(s).startswith(PFA):
            continue
        term = Term(**_term_args(g, s))
        classes[term.name] = term
        parents[term.name] = tuple(p for p in _named(g.objects(s, RDFS.subClassOf)) if not p.startswith("http"))
        if (s, OWL.equivalentClass, None) in g:
            defined.add(term.name)
    props: dict[str, Property] = {}
    for rdf_kind, kind in ((OWL.ObjectProperty, "object"), (OWL.DatatypeProperty, "datatype"),
                           (OWL.AnnotationProperty, "annotation")):
        for s in g.subjects(RDF.type, rdf_kind):
            if not isinstance(s, rdflib.URIRef) or not str(s).startswith(PFA):
                continue
            inv = next((o for o in g.objects(s, OWL.inverseOf)), None) or next(
                (o for o in g.subjects(OWL.inverseOf, s)), None
            )
            props[_local(str(s))] = Property(
                **_term_args(g, s),
                kind=kind,
                domain=_named(g.objects(s, RDFS.domain)),
                range=_named(g.objects(s, RDFS.range)),
                inverse=_local(str(inv)) if isinstance(inv, rdflib.URIRef) else None,
                parents=tuple(p for p in _named(g.objects(s, RDFS.subPropertyOf)) if not p.startswith("http")),
                unit=_text(g, s, rdflib.URIRef(PFA.unitOfMeasure), None),
            )
    kinds: dict[str, StatementKind] = {}
    for s in k.subjects(RDF.type, rdflib.URIRef(PFA.StatementKind)):
        truthy = k.value(s, rdflib.URIRef(PFA.truthyProperty))
        unit = k.value(s, rdflib.URIRef(PFA.canonicalUnit))
        kinds[_local(str(s))] = StatementKind(
            **_term_args(k, s),
            dimension=str(k.value(s, rdflib.URIRef(PFA.dimension)) or ""),
            canonical_unit=str(unit) if unit is not None else "",
            truthy=str(truthy) if truthy is not None else None,
        )
    return OntologyModel(classes, parents, props, kinds, frozenset(defined))
