"""HermiT (owlready2) as referee: consistency, culprits, and agreement with the SPARQL rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import RDF

from foundation.namespaces import PFA, PFID
from ontology import load_ontology
from petaflop.consistency import disjointness_culprits, hermit_check
from petaflop.reasoning import inferred_graph, materialise

FIXTURES = Path(__file__).parent / "fixtures"
# Classes only the SPARQL/SWRL rules can infer (comparisons between individuals, distinct counts, sums).
RULE_ONLY = {PFA[c] for c in ("ExceedsExportThreshold", "WithinExportThreshold", "MultiPhaseCluster",
                                "PowerSelfSufficientCluster")}


@pytest.fixture(scope="module")
def fixture_graph():
    return rdflib.Graph().parse(FIXTURES / "ontology_fixture.ttl", format="turtle")


@pytest.fixture(scope="module")
def verdict(fixture_graph):
    return hermit_check(fixture_graph)


def test_fixture_is_consistent_and_no_class_is_unsatisfiable(verdict):
    assert verdict.consistent is True
    assert verdict.culprits == []
    assert verdict.unsatisfiable_classes == []
    assert verdict.message == "HermiT: consistent"


def test_hermit_and_sparql_rules_infer_the_same_memberships(fixture_graph, verdict):
    full = fixture_graph + load_ontology() + inferred_graph(materialise(fixture_graph))
    statements = set(fixture_graph.subjects(RDF.type, RDF.Statement))
    sparql: dict[str, set[str]] = {}
    for s, o in full.subject_objects(RDF.type):
        if str(o).startswith(PFA) and s not in statements:
            sparql.setdefault(str(s), set()).add(str(o))
    hermit = {ind: set(classes) for ind, classes in verdict.memberships.items() if classes}
    assert set(hermit) == set(sparql)
    differences = {ind: (sorted(hermit[ind] ^ (sparql[ind] - RULE_ONLY))) for ind in hermit
                   if hermit[ind] != sparql[ind] - RULE_ONLY}
    assert differences == {}
    # the rule-only classes are exactly where the two engines are allowed to differ
    assert sorted(ind[len(PFID):] for ind in sparql if sparql[ind] & RULE_ONLY) == [
        "ascend-910c", "ascend-920c", "b100", "b200", "h100", "h20", "h800", "rtx-pro-6000d", "stargate-abilene"]


def test_hermit_infers_defined_classes(verdict):
    def member(ind, cls):
        return PFA[cls] in verdict.memberships[PFID + ind]

    assert member("stargate-abilene", "GigawattCluster")  # OWL data-range restriction
    assert member("ascend-910c", "ChineseDomesticAccelerator")  # hasValue + property chains
    assert member("stargate-uae", "SovereignAIProject")
    assert member("colossus", "OnSitePoweredCluster")
    assert not member("h800", "ExceedsExportThreshold")


def test_inconsistent_fixture_names_its_culprits():
    graph = rdflib.Graph().parse(FIXTURES / "ontology_inconsistent.ttl", format="turtle")
    verdict = hermit_check(graph)
    assert verdict.consistent is False
    assert verdict.culprits == [PFID + "chip-cluster", PFID + "site-chip"]
    assert verdict.message == (
        "HermiT: inconsistent ontology; culprits: "
        "https://petaflop-atlas.org/id/chip-cluster, https://petaflop-atlas.org/id/site-chip")


def test_disjointness_culprits_is_empty_on_the_good_fixture(fixture_graph):
    assert disjointness_culprits(fixture_graph) == []


def test_fast_consistency_check_agrees_with_owlready2():
    """The command-line consistency check used by the build gives the same verdicts."""
    from petaflop.consistency import hermit_consistency

    good = rdflib.Graph().parse(FIXTURES / "ontology_fixture.ttl", format="turtle")
    bad = rdflib.Graph().parse(FIXTURES / "ontology_inconsistent.ttl", format="turtle")
    assert hermit_consistency(good).consistent is True
    verdict = hermit_consistency(bad)
    assert verdict.consistent is False
    assert {c.rsplit("/", 1)[-1] for c in verdict.culprits} == {"chip-cluster", "site-chip"}
