"""Reasoning: fast SPARQL rule materialisation, and a HermiT consistency check.

Why two engines: the SPARQL CONSTRUCT rules in ``ontology/rules/*.rq`` cover every OWL axiom we
use (subclasses, inverses, transitivity, chains, domains/ranges, defined classes) plus what OWL
cannot say (comparisons between individuals' values, aggregates), and run in-process on
pyoxigraph in well under a second — that is what the pipeline uses to fill ``pfg:inferred``.
HermiT (through owlready2 and Java) is the referee: it proves the ontology plus data are
consistent and names the culprits when they are not; tests check both agree on memberships.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
import rdflib
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.collection import Collection

from ontology import PFA, load_ontology, load_rules, rule_reads
from petaflop.errors import EnvironmentProblem, UserError

GRAPH_ONTOLOGY = ox.NamedNode("https://petaflop-atlas.org/graph/ontology")
GRAPH_FACTS = ox.NamedNode("https://petaflop-atlas.org/graph/facts")
GRAPH_INFERRED = ox.NamedNode("https://petaflop-atlas.org/graph/inferred")
_RDF_TYPE = str(RDF.type)
_OWL = "http://www.w3.org/2002/07/owl#"


# --------------------------------------------------------------------------- term conversion


_TO_OX: dict[Any, Any] = {}
_TO_RDFLIB: dict[Any, Any] = {}


def to_ox(term: Any) -> Any:
    """rdflib term -> pyoxigraph term (memoised: graphs repeat the same terms a lot)."""
    try:
        return _TO_OX[term]
    except KeyError:
        pass
    except TypeError:  # pragma: no cover - unhashable input
        return _convert_to_ox(term)
    value = _convert_to_ox(term)
    if len(_TO_OX) < 500_000:
        _TO_OX[term] = value
    return value


def _convert_to_ox(term: Any) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term: Any) -> Any:
    """pyoxigraph term -> rdflib term (lexical forms kept as they are; memoised)."""
    try:
        return _TO_RDFLIB[term]
    except KeyError:
        pass
    if isinstance(term, ox.NamedNode):
        value: Any = URIRef(term.value)
    elif isinstance(term, ox.BlankNode):
        value = BNode(term.value)
    elif isinstance(term, ox.Literal):
        if term.language:
            value = Literal(term.value, lang=term.language)
        else:
            value = Literal(term.value, datatype=URIRef(term.datatype.value))
    else:
        raise TypeError(f"not an RDF term: {term!r}")
    if len(_TO_RDFLIB) < 500_000:
        _TO_RDFLIB[term] = value
    return value


def _ox_triples(data: Any) -> Iterable[ox.Triple]:
    """Triples of an rdflib Graph/Dataset, a pyoxigraph Store, or an iterable of 3-tuples."""
    if isinstance(data, tuple) and data and isinstance(data[0], ox.Triple):
        yield from data
        return
    if isinstance(data, ox.Store):
        for quad in data.quads_for_pattern(None, None, None, None):
            yield ox.Triple(quad.subject, quad.predicate, quad.object)
        return
    if isinstance(data, rdflib.ConjunctiveGraph):  # Dataset too: every named graph counts
        triples = ((s, p, o) for s, p, o, _ in data.quads((None, None, None, None)))
    elif isinstance(data, rdflib.Graph):
        triples = iter(data)
    else:
        triples = iter(data)
    for s, p, o in triples:
        if isinstance(s, ox.NamedNode | ox.BlankNode):
            yield ox.Triple(s, p, o)
        else:
            yield ox.Triple(to_ox(s), to_ox(p), to_ox(o))


# --------------------------------------------------------------------------- materialisation


@dataclass(frozen=True)
class InferredTriple:
    """One inferred triple (rdflib terms) and the IRI of the rule that produced it first."""

    subject: Any
    predicate: Any
    object: Any
    rule: str

    @property
    def triple(self) -> tuple[Any, Any, Any]:
        return (self.subject, self.predicate, self.object)


@dataclass
class _Rule:
    iri: str
    label: str
    sparql: str
    reads: frozenset[str] | None
    delta: bool = False


def _prepared_rules(rules: list[tuple[str, str, str]] | None, store: ox.Store) -> list[_Rule]:
    """Rules with the terms they read; generic rules narrow theirs with their `# tbox-reads:` query."""
    prepared = []
    for iri, label, sparql in rules or load_rules():
        reads = rule_reads(sparql)
        tbox = _TBOX_READS.search(sparql)
        if reads is None and tbox:
            prefixes = "".join(line + "\n" for line in sparql.splitlines() if line.startswith("PREFIX"))
            result = store.query(prefixes + tbox.group(1), use_default_graph_as_union=True)
            reads = frozenset(row[0].value for row in result if isinstance(row[0], ox.NamedNode))
        delta = bool(re.search(r"^#\s*delta:\s*yes\s*$", sparql, re.MULTILINE))
        prepared.append(_Rule(iri, label, sparql, reads, delta))
    return prepared


_TBOX_READS = re.compile(r"^#\s*tbox-reads:\s*(.+)$", re.MULTILINE)


@lru_cache(maxsize=1)
def _ontology_triples() -> tuple[ox.Triple, ...]:
    """The packaged ontology as pyoxigraph triples, parsed once per process."""
    return tuple(_ox_triples(load_ontology()))


def materialise_store(
    data: Any,
    *,
    ontology: rdflib.Graph | None = None,
    rules: list[tuple[str, str, str]] | None = None,
) -> tuple[ox.Store, list[InferredTriple]]:
    """Run the rules to a fixpoint; return the store (ontology, facts, inferred graphs) and the new triples.

    The store holds the ontology in ``pfg:ontology``, the input in ``pfg:facts`` and the inferences
    in ``pfg:inferred``; query it with ``use_default_graph_as_union=True`` to see all three.
    Only rules that read a predicate or class that changed are run again (semi-naive by term).
    """
    onto = tuple(_ox_triples(ontology)) if ontology is not None else _ontology_triples()
    store = ox.Store()
    known: set[ox.Triple] = set()
    for graph, source in ((GRAPH_ONTOLOGY, onto), (GRAPH_FACTS, data)):
        batch = []
        for t in _ox_triples(source):
            if t not in known:
                known.add(t)
                batch.append(ox.Quad(t.subject, t.predicate, t.object, graph))
        store.extend(batch)

    prepared = _prepared_rules(rules, store)
    # Rules marked `# delta: yes` read one data triple pattern (plus TBox); on re-runs they only
    # need the batches inferred since their last run, evaluated against TBox + those batches
    # (each batch is a named graph of delta_store; the TBox is its graph _TBOX).
    delta_store = ox.Store()
    delta_store.extend([ox.Quad(t.subject, t.predicate, t.object, _TBOX) for t in onto])
    batches: list[ox.NamedNode] = []
    last_run: dict[int, int] = {}
    new_all: list[ox.Triple] = []
    tags: list[str] = []
    dirty = set(range(len(prepared)))
    while dirty:
        for index, rule in enumerate(prepared):
            if index not in dirty:
                continue
            dirty.discard(index)
            if rule.delta and index in last_run:
                graphs = [_TBOX, *batches[last_run[index]:]]
                results = delta_store.query(rule.sparql, default_graph=graphs)
            else:
                results = store.query(rule.sparql, use_default_graph_as_union=True)
            last_run[index] = len(batches)
            new = list(dict.fromkeys(t for t in results if t not in known))
            if not new:
                continue
            new.sort(key=str)  # deterministic output order (query result order follows hash layout)
            known.update(new)
            store.extend([ox.Quad(t.subject, t.predicate, t.object, GRAPH_INFERRED) for t in new])
            batch = ox.NamedNode(f"urn:petaflop:batch:{len(batches)}")
            batches.append(batch)
            delta_store.extend([ox.Quad(t.subject, t.predicate, t.object, batch) for t in new])
            new_all.extend(new)
            tags.extend([rule.iri] * len(new))
            changed = {t.predicate.value for t in new}
            if _RDF_TYPE in changed:
                changed.update(t.object.value for t in new
                               if t.predicate.value == _RDF_TYPE and isinstance(t.object, ox.NamedNode))
            for other, candidate in enumerate(prepared):
                if candidate.reads is None or candidate.reads & changed:
                    dirty.add(other)
    found = [InferredTriple(to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object), tag)
             for t, tag in zip(new_all, tags, strict=True)]
    return store, found


_TBOX = ox.NamedNode("urn:petaflop:tbox")


def materialise(
    store_or_graph: Any,
    *,
    ontology: rdflib.Graph | None = None,
    rules: list[tuple[str, str, str]] | None = None,
) -> list[InferredTriple]:
    """Inferred triples (not already asserted in the input or the ontology), each tagged with its rule IRI.

    Input: an rdflib Graph or Dataset (all named graphs), a pyoxigraph Store, or a list of triples.
    """
    return materialise_store(store_or_graph, ontology=ontology, rules=rules)[1]


def inferred_graph(inferred: Iterable[InferredTriple]) -> rdflib.Graph:
    """The inferred triples as an rdflib Graph (rule tags dropped)."""
    graph = rdflib.Graph()
    for item in inferred:
        graph.add(item.triple)
    return graph


# --------------------------------------------------------------------------- SWRL twins

_ATOM = re.compile(r"([A-Za-z_][\w]*)\(([^)]*)\)")
_BUILTINS = {"greaterThan": ">", "greaterThanOrEqual": ">=", "lessThan": "<", "lessThanOrEqual": "<=",
             "equal": "=", "notEqual": "!="}


def swrl_to_sparql(text: str) -> str:
    """Translate a SWRL rule (owlready2 syntax, pfa: names) into an equivalent SPARQL CONSTRUCT.

    HermiT cannot run SWRL built-ins, so this translation is how the SWRL twins are checked
    against their hand-written SPARQL rules (tests run both on the fixture).
    """
    body_text, head_text = text.split("->")

    def atoms(part: str) -> tuple[list[str], list[str]]:
        patterns, filters = [], []
        for name, raw in _ATOM.findall(part):
            args = [a.strip() for a in raw.split(",")]
            if name in _BUILTINS:
                filters.append(f"FILTER({args[0]} {_BUILTINS[name]} {args[1]})")
            elif name == "differentFrom":
                filters.append(f"FILTER({args[0]} != {args[1]})")
            elif name == "sameAs":
                filters.append(f"FILTER({args[0]} = {args[1]})")
            elif len(args) == 1:
                patterns.append(f"{args[0]} a <{PFA}{name}> .")
            else:
                patterns.append(f"{args[0]} <{PFA}{name}> {args[1]} .")
        return patterns, filters

    body, filters = atoms(body_text)
    head, _ = atoms(head_text)
    return "CONSTRUCT {\n  " + "\n  ".join(head) + "\n}\nWHERE {\n  " + "\n  ".join(body + filters) + "\n}\n"


# --------------------------------------------------------------------------- HermiT


@dataclass
class ConsistencyResult:
    """HermiT's verdict. culprits: IRIs of individuals in an inconsistency (empty when consistent)."""

    consistent: bool
    culprits: list[str]
    message: str
    memberships: dict[str, frozenset[str]] = field(default_factory=dict)
    unsatisfiable_classes: list[str] = field(default_factory=list)
    seconds: float = 0.0


_REIFICATION = {str(RDF.subject), str(RDF.predicate), str(RDF.object)}


def _owl_input(graph: rdflib.Graph, with_ontology: bool) -> rdflib.Graph:
    """Ontology + data without provenance reification (rdf:Statement nodes are not OWL DL)."""
    out = rdflib.Graph()
    if with_ontology:
        out += load_ontology()
    statements = set(graph.subjects(RDF.type, RDF.Statement))
    declared = set(out.subjects()) if with_ontology else set(load_ontology().subjects())
    individuals = set()
    for s, p, o in _ox_rdflib_triples(graph):
        if s in statements or str(p) in _REIFICATION:
            continue
        out.add((s, p, o))
        individuals.add(s)
        if isinstance(o, URIRef) and p != RDF.type:
            individuals.add(o)
    # owlready2 only treats explicitly declared IRIs as individuals when it reports memberships
    for node in individuals - declared:
        if isinstance(node, URIRef):
            out.add((node, RDF.type, URIRef(_OWL + "NamedIndividual")))
    return out


def _ox_rdflib_triples(graph: Any) -> Iterable[tuple[Any, Any, Any]]:
    if isinstance(graph, rdflib.ConjunctiveGraph):
        return ((s, p, o) for s, p, o, _ in graph.quads((None, None, None, None)))
    return iter(graph)


def hermit_check(graph: rdflib.Graph, *, with_ontology: bool = True) -> ConsistencyResult:
    """Check ontology + data with HermiT (owlready2); name the culprits of an inconsistency.

    Culprits are found by materialising the data with the SPARQL rules and listing individuals
    whose types include two disjoint classes; this is exact for the disjointness clashes that make
    up almost every real inconsistency, and cheap compared to HermiT explanations.
    """
    try:
        import owlready2
    except ImportError as exc:  # pragma: no cover - dependency is declared
        raise EnvironmentProblem("owlready2 is not installed") from exc

    owl_graph = _owl_input(graph, with_ontology)
    handle, path = tempfile.mkstemp(suffix=".nt", prefix="petaflop-hermit-")
    os.close(handle)
    started = time.perf_counter()
    try:
        owl_graph.serialize(destination=path, format="nt", encoding="utf-8")
        world = owlready2.World()
        world.get_ontology("file://" + path).load()
        try:
            owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
        except owlready2.OwlReadyInconsistentOntologyError:
            culprits = disjointness_culprits(graph)
            named = ", ".join(culprits) if culprits else "no individual in two disjoint classes was found"
            return ConsistencyResult(False, culprits, f"HermiT: inconsistent ontology; culprits: {named}",
                                     seconds=time.perf_counter() - started)
        except owlready2.OwlReadyJavaError as exc:
            raise EnvironmentProblem(f"HermiT failed: {str(exc).splitlines()[-1]}") from exc
        except FileNotFoundError as exc:
            raise EnvironmentProblem("Java is needed for HermiT but was not found") from exc
        memberships = {}
        for individual in world.individuals():
            classes = {c.iri for c in individual.INDIRECT_is_a if isinstance(c, owlready2.ThingClass)}
            memberships[individual.iri] = frozenset(c for c in classes if c.startswith(PFA))
        unsat = sorted(c.iri for c in world.inconsistent_classes() if c.iri.startswith(PFA))
        seconds = time.perf_counter() - started
        msg = "consistent" if not unsat else "consistent, but unsatisfiable classes: " + ", ".join(unsat)
        return ConsistencyResult(True, [], f"HermiT: {msg}", memberships, unsat, seconds)
    finally:
        os.unlink(path)


def disjointness_culprits(graph: Any) -> list[str]:
    """Individuals whose asserted-or-inferred types include two classes declared disjoint."""
    onto = load_ontology()
    pairs: set[frozenset[str]] = set()
    for a, b in onto.subject_objects(URIRef(_OWL + "disjointWith")):
        pairs.add(frozenset((str(a), str(b))))
    for node in onto.subjects(RDF.type, URIRef(_OWL + "AllDisjointClasses")):
        members = [str(m) for m in Collection(onto, onto.value(node, URIRef(_OWL + "members")))]
        pairs.update(frozenset((x, y)) for i, x in enumerate(members) for y in members[i + 1:])
    store, _ = materialise_store(_owl_input(graph, with_ontology=False), ontology=onto)
    types: dict[str, set[str]] = {}
    for quad in store.quads_for_pattern(None, ox.NamedNode(_RDF_TYPE), None, None):
        if quad.graph_name == GRAPH_ONTOLOGY or not isinstance(quad.object, ox.NamedNode):
            continue
        types.setdefault(str(quad.subject.value), set()).add(quad.object.value)
    culprits = []
    for individual, classes in sorted(types.items()):
        if any(pair <= classes for pair in pairs):
            culprits.append(individual)
    return culprits


def check_rules_parse() -> None:
    """Fail loudly (UserError) if a rule file is not valid SPARQL."""
    store = ox.Store()
    for iri, _label, sparql in load_rules():
        try:
            store.query(sparql)
        except SyntaxError as exc:
            raise UserError(f"rule {iri} does not parse: {exc}") from exc


# --------------------------------------------------------------------------- fast consistency check


def _hermit_classpath() -> str:
    import owlready2

    here = os.path.dirname(owlready2.__file__)
    return os.pathsep.join([os.path.join(here, "hermit"), os.path.join(here, "hermit", "HermiT.jar")])


def hermit_consistency(graph: rdflib.Graph, *, with_ontology: bool = True, timeout: float = 600) -> ConsistencyResult:
    """Consistency only, through HermiT's command line (``-k``): seconds on the report graph.

    :func:`hermit_check` goes through owlready2, which also realises every individual — minutes
    on the whole report graph; the build needs only the verdict, and names culprits the same
    way when there is one.
    """
    import shutil
    import subprocess

    java = shutil.which("java")
    if not java:
        raise EnvironmentProblem("Java is needed for HermiT but was not found on PATH")
    owl_graph = _owl_input(graph, with_ontology)
    handle, path = tempfile.mkstemp(suffix=".owl", prefix="petaflop-hermit-")
    os.close(handle)
    started = time.perf_counter()
    try:
        owl_graph.serialize(destination=path, format="xml", encoding="utf-8")
        try:
            proc = subprocess.run(
                [java, "-Xmx2000M", "-cp", _hermit_classpath(), "org.semanticweb.HermiT.cli.CommandLine",
                 "-k", "--ignoreUnsupportedDatatypes", "file://" + path],
                capture_output=True, text=True, timeout=timeout,
            )
        except subprocess.TimeoutExpired as exc:
            raise EnvironmentProblem(f"HermiT did not finish within {timeout:.0f} s") from exc
    finally:
        os.unlink(path)
    seconds = time.perf_counter() - started
    if proc.returncode == 0 and "is satisfiable" in proc.stdout:
        return ConsistencyResult(True, [], "HermiT: consistent", seconds=seconds)
    if "InconsistentOntologyException" in proc.stderr or "is not satisfiable" in proc.stdout:
        culprits = disjointness_culprits(graph)
        named = ", ".join(culprits) if culprits else "no individual in two disjoint classes was found"
        return ConsistencyResult(False, culprits, f"HermiT: inconsistent ontology; culprits: {named}", seconds=seconds)
    last = (proc.stderr.strip().splitlines() or ["no output"])[0]
    raise EnvironmentProblem(f"HermiT failed (exit {proc.returncode}): {last}")
