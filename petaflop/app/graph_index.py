"""The graph loaded once into plain-Python indexes, and the lookups that need no names.

:class:`GraphIndex` reads the ontology terms, the facts (with the reference layer ``pfg:reference``
when asked) and the inferred facts from a :class:`~petaflop.app.backend.Backend` with a handful of
bulk SELECTs, then answers from memory: class and property labels, ancestry, the primary type,
types per class, values and edges in both directions. :class:`petaflop.app.data.Atlas` adds names
of objects, links, search and provenance on top.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

import pyoxigraph as ox

from foundation.names import local_name
from foundation.namespaces import (
    GRAPH_FACTS,
    GRAPH_INFERRED,
    GRAPH_ONTOLOGY,
    GRAPH_REFERENCE,
    OWL,
    PFA,
    PFID,
    PFR,
    RDFS,
    SKOS,
)
from petaflop.app.backend import Backend
from petaflop.app.format import to_number
from petaflop.app.provenance import Location, Statement
from petaflop.app.records import (
    AUX_CLASSES,
    CLAIM,
    GROUP_OF_CLASS,
    HAS_CLAIM,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT,
    SKOS_CONCEPT,
    ClassInfo,
    Edge,
    Entity,
    PropInfo,
)


class GraphIndex:
    """The report graph's terms, objects and edges in memory (see module docstring)."""

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
        self._node_locations: dict[str, Location | None] = {}  # statement node -> its first report location
        self._ancestors: dict[str, frozenset[str]] = {}
        self._names: dict[tuple[str, str], str] = {}
        self._links: dict[str, list[tuple[str, str, str, bool]]] = {}
        self.claimed: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)  # iri -> (p, dir, other, claim)
        # iri -> (p, dir, other, status, link statement): links stated as planned, a target, a forecast, an estimate
        self.stated: dict[str, list[tuple[str, str, str, str, str]]] = defaultdict(list)

    def _node_links(self, attach: str, prop: str, obj: str, *,
                    include_inferred: bool = True) -> Iterator[tuple[str, str, str, str]]:
        """``(subject, property, object, node)`` for each entity ``?s attach ?node . ?node prop ?p ; obj ?o``
        between two entities that are not auxiliary: the links a claim or a link statement names."""
        for s_, edges in list(self.out.items()):
            if self.is_aux(s_):
                continue
            for e in edges:
                if e.p != attach or not e.is_link or (e.inferred and not include_inferred):
                    continue
                props = [v.value for v in self.values(e.target, prop) if isinstance(v, ox.NamedNode)]
                objs = [v.value for v in self.values(e.target, obj) if isinstance(v, ox.NamedNode)]
                for p_ in props:
                    for o in objs:
                        if o in self.entities and o != s_ and not self.is_aux(o):
                            yield s_, p_, o, e.target

    def first_iri(self, iri: str, prop: str) -> str:
        """The first IRI value of ``prop`` on ``iri`` (a claim's or link statement's status), else ""."""
        return next((v.value for v in self.values(iri, prop) if isinstance(v, ox.NamedNode)), "")

    def _index_link_statements(self) -> None:
        """Links the report states as not (yet) actual (``pfa:linkStatement`` → ``pfa:LinkStatement``)."""
        if "linkStatement" not in PFA.terms:
            return
        for s_, p_, o, node in self._node_links(PFA.linkStatement, PFA.linkProperty, PFA.linkObject,
                                                include_inferred=False):
            status = self.first_iri(node, PFA.statementStatus)
            self.stated[s_].append((p_, "out", o, status, node))
            self.stated[o].append((p_, "in", s_, status, node))

    def _index_claimed_links(self) -> None:
        """Links the extraction kept as unverified claims (``pfa:claimedProperty``/``claimedObject``)."""
        if "claimedProperty" not in PFA.terms or "claimedObject" not in PFA.terms:
            return
        for s_, p_, o, claim in self._node_links(HAS_CLAIM, PFA.claimedProperty, PFA.claimedObject):
            self.claimed[s_].append((p_, "out", o, claim))
            self.claimed[o].append((p_, "in", s_, claim))

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
        in_graphs: dict[tuple, set[str]] = defaultdict(set)
        for g in graphs:
            for s, p, o in self.backend.triples(g):
                in_graphs[(s.value, p.value, o)].add(g)
        stated_in_facts: set[str] = set()
        # in a fixed order, whatever order the store answers in (in memory, on disk, an endpoint)
        for (s_, p_, o), gs in sorted(in_graphs.items(), key=lambda kv: (kv[0][0], kv[0][1], str(kv[0][2]))):
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
        for s, p, o in self.backend.triples(GRAPH_INFERRED):
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
                head: dict[str, str] = {}
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

    # ------------------------------------------------------------------ terms and types
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
