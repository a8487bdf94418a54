"""The ontology as one loaded model: classes, properties, statement kinds, ancestry and labels.

Why a module of its own: extraction, type checks, evaluation, export, the app and the docs all
ask the same questions of the ontology (is this a class? what is its parent? which property is
the inverse of that one? what unit does a kind take?). They ask this model, parsed once per
process, instead of parsing ``atlas.ttl`` themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from foundation.errors import UserError
from foundation.namespaces import PFA, PFK

HERE = Path(__file__).resolve().parent
ONTOLOGY_TTL = HERE / "atlas.ttl"
KINDS_TTL = HERE / "statement_kinds.ttl"
ONTOLOGY_FILES = (ONTOLOGY_TTL, KINDS_TTL)
TRUTHY_POLICY = HERE / "truthy_policy.toml"
_POLICY_KEYS = {"property", "kind", "unit", "statuses", "number_format", "per", "bound", "metric"}


class OntologyDataError(UserError):
    """A data file of the ontology breaks its schema; the message names file, line and key."""



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
    domain: tuple[str, ...] | None = ()  # named classes (unions expanded); () = any; None = not a class set
    range: tuple[str, ...] | None = ()
    inverse: str | None = None
    parents: tuple[str, ...] = ()
    unit: str = ""


@dataclass(frozen=True)
class StatementKind(Term):
    dimension: str = ""
    canonical_unit: str = ""
    truthy: str | None = None  # IRI of the (first) truthy datatype property, from the policy


STATUSES = ("actual", "planned", "target", "estimate", "forecast")


@dataclass(frozen=True)
class TruthyRule:
    """One row of ``truthy_policy.toml``: a datatype property and the statements it holds."""

    property: str  # local name of the datatype property
    kind: str  # local name of the statement kind
    unit: str = ""  # unit code of the property's literals ('' for dates and bare numbers)
    statuses: tuple[str, ...] = ("actual", "estimate")
    number_format: str = ""
    per: str = ""
    bound: str = ""
    metric: str = ""
    line: int = 0


@dataclass(frozen=True)
class OntologyModel:
    classes: dict[str, Term] = field(default_factory=dict)  # by local name
    class_parents: dict[str, tuple[str, ...]] = field(default_factory=dict)  # local names
    properties: dict[str, Property] = field(default_factory=dict)  # by local name
    kinds: dict[str, StatementKind] = field(default_factory=dict)  # by local name
    defined_classes: frozenset[str] = frozenset()  # classes whose membership is inferred
    truthy: tuple[TruthyRule, ...] = ()  # the truthy policy, in file order

    def truthy_rule(self, prop: str) -> TruthyRule | None:
        """The policy row of a datatype property (how its values read as statements)."""
        return next((r for r in self.truthy if r.property == prop), None)

    def truthy_rules(self, kind: str) -> list[TruthyRule]:
        return [r for r in self.truthy if r.kind == kind]

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

    def ancestor_map(self) -> dict[str, frozenset[str]]:
        """Every class's local name -> itself and all its super-classes."""
        return {c: frozenset(self.ancestors(c)) for c in self.classes}

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


def _term_args(g: rdflib.Graph, s: rdflib.term.Node) -> dict[str, str]:
    return {
        "iri": str(s),
        "name": _local(str(s)),
        "label_en": _text(g, s, RDFS.label, "en"),
        "label_ko": _text(g, s, RDFS.label, "ko"),
        "definition": _text(g, s, SKOS.definition, "en"),
    }


def _named(nodes) -> tuple[str, ...]:
    return tuple(sorted(_local(str(n)) for n in nodes if isinstance(n, rdflib.URIRef)))


def _classes(g: rdflib.Graph, nodes) -> tuple[str, ...] | None:
    """Named classes of a domain/range, unions expanded; None when a node is not expressible
    as a set of named pfa classes (an intersection, a restriction, an external class)."""
    from rdflib.collection import Collection

    out: set[str] = set()
    for n in nodes:
        if isinstance(n, rdflib.URIRef):
            if not str(n).startswith(PFA):
                return None
            out.add(_local(str(n)))
            continue
        union = g.value(n, OWL.unionOf)
        if union is None:
            return None
        members = list(Collection(g, union))
        if not all(isinstance(m, rdflib.URIRef) and str(m).startswith(PFA) for m in members):
            return None
        out.update(_local(str(m)) for m in members)
    return tuple(sorted(out))


@cache
def load_model() -> OntologyModel:
    """The ontology model, parsed once per process from ``atlas.ttl`` and ``statement_kinds.ttl``."""
    g = rdflib.Graph()
    for path in ONTOLOGY_FILES:
        g.parse(path, format="turtle")
    k = g
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
                domain=_classes(g, g.objects(s, RDFS.domain)),
                range=_classes(g, g.objects(s, RDFS.range)),
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
    policy = load_truthy_policy(TRUTHY_POLICY, props, kinds)
    # the kind's headline property: an actual, unqualified row (first in the file)
    for r in sorted(policy, key=lambda r: ("actual" in r.statuses, not (r.per or r.number_format or r.bound or r.metric), -r.line)):
        if r.kind in kinds:
            kinds[r.kind] = replace(kinds[r.kind], truthy=PFA + r.property)
    return OntologyModel(classes, parents, props, kinds, frozenset(defined), tuple(policy))


def load_truthy_policy(path: Path, props: dict[str, Property], kinds: dict[str, StatementKind]) -> list[TruthyRule]:
    """``truthy_policy.toml``, checked: unknown keys, properties, kinds, units or statuses are errors."""
    import tomllib

    from foundation.units import unit as unit_of

    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise OntologyDataError(f"{path}: {exc}") from None
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip() == "[[property]]"]
    unknown_top = set(data) - {"defaults", "property"}
    if unknown_top:
        raise OntologyDataError(f"{path}: unknown table {sorted(unknown_top)[0]!r} (known: defaults, property)")
    defaults = data.get("defaults", {})
    if set(defaults) - {"statuses"}:
        raise OntologyDataError(f"{path}: [defaults] takes only 'statuses'")
    default_statuses = tuple(defaults.get("statuses", ("actual", "estimate")))
    out: list[TruthyRule] = []
    for i, row in enumerate(data.get("property", [])):
        line = lines[i] if i < len(lines) else 0

        def fail(msg: str, line: int = line) -> OntologyDataError:
            return OntologyDataError(f"{path}: line {line}: {msg}")

        extra = set(row) - _POLICY_KEYS
        if extra:
            raise fail(f"unknown key {sorted(extra)[0]!r} (known: {', '.join(sorted(_POLICY_KEYS))})")
        for key in ("property", "kind"):
            if not isinstance(row.get(key), str):
                raise fail(f"'{key}' is required and must be a string")
        if row["property"] not in props or props[row["property"]].kind != "datatype":
            raise fail(f"property {row['property']!r} is not a datatype property of the ontology")
        if row["kind"] not in kinds:
            raise fail(f"kind {row['kind']!r} is not a statement kind (ontology/statement_kinds.ttl)")
        u = row.get("unit", "")
        if u and unit_of(u) is None:
            raise fail(f"unit {u!r} is not a unit code of foundation/units.py")
        statuses = tuple(row.get("statuses", default_statuses))
        bad = [s for s in statuses if s not in STATUSES]
        if bad:
            raise fail(f"status {bad[0]!r} is not one of {', '.join(STATUSES)}")
        out.append(TruthyRule(row["property"], row["kind"], u, statuses, row.get("number_format", ""),
                              row.get("per", ""), row.get("bound", ""), row.get("metric", ""), line))
    return out
