"""HermiT, the referee: consistency of the ontology plus the data, and the culprits when it fails.

Split from :mod:`petaflop.reasoning` (whose rules :func:`disjointness_culprits` runs). :func:`hermit_consistency` is
the build's check (HermiT's command line, seconds); :func:`hermit_check` goes through owlready2
and also reports memberships (the tests compare them with the SPARQL rules).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
import rdflib
from rdflib import RDF, URIRef
from rdflib.collection import Collection

from foundation.errors import EnvironmentProblem
from foundation.namespaces import PFA
from ontology import load_ontology
from petaflop.reasoning import GRAPH_ONTOLOGY, materialise_store

_RDF_TYPE = str(RDF.type)
_OWL = "http://www.w3.org/2002/07/owl#"

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
        head = onto.value(node, URIRef(_OWL + "members"))
        members = [str(m) for m in Collection(onto, head)] if head is not None else []
        pairs.update(frozenset((x, y)) for i, x in enumerate(members) for y in members[i + 1:])
    store, _ = materialise_store(_owl_input(graph, with_ontology=False), ontology=onto)
    types: dict[str, set[str]] = {}
    for quad in store.quads_for_pattern(None, ox.NamedNode(_RDF_TYPE), None, None):
        if quad.graph_name == GRAPH_ONTOLOGY or not isinstance(quad.object, ox.NamedNode) or isinstance(
                quad.subject, ox.Triple):
            continue
        types.setdefault(str(quad.subject.value), set()).add(quad.object.value)
    culprits = []
    for individual, classes in sorted(types.items()):
        if any(pair <= classes for pair in pairs):
            culprits.append(individual)
    return culprits


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
