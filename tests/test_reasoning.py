"""SPARQL rule materialisation on the ontology fixture: exact memberships, coverage, input kinds, SWRL twins."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import OWL, RDF, URIRef

from foundation.errors import UserError
from foundation.namespaces import PFA, PFID, PFR
from ontology import load_ontology, load_rules, load_swrl
from petaflop.reasoning import (
    inferred_graph,
    materialise,
    materialise_into,
    materialise_store,
    swrl_to_sparql,
)

FIXTURE = Path(__file__).parent / "fixtures" / "ontology_fixture.ttl"

EXPECTED = {
    "GigawattCluster": ["meta-hyperion", "mistral-paris-cluster", "project-rainier", "stargate-abilene", "stargate-uae"],
    "LargeScaleCluster": ["colossus", "meta-hyperion", "stargate-abilene"],
    "MegaDeal": ["humain-nvidia-deal", "qatar-ai-framework", "stargate-crusoe-jv", "stargate-openai-equity",
                 "stargate-oracle-hardware"],
    "HighDensitySystem": ["gb200-nvl72", "kyber-nvl576"],
    "ExportRestrictedChip": ["b100", "b200", "gb200", "gb300", "h100", "h20", "h800", "mi308", "rubin-gpu"],
    "ExportControlledCluster": ["colossus", "humain-riyadh-cluster", "lrz-blue-lion", "meta-hyperion",
                                "mistral-paris-cluster", "stargate-abilene", "stargate-uae"],
    "OnSitePowerAsset": ["abilene-bess", "abilene-gas-turbines", "abilene-solar", "colossus-diesel",
                         "colossus-megapacks", "hyperion-sofc"],
    "OnSitePoweredCluster": ["colossus", "meta-hyperion", "stargate-abilene", "stargate-abilene-phase-1",
                             "stargate-abilene-phase-2"],
    "GridConnectedCluster": ["colossus", "stargate-abilene", "stargate-abilene-phase-0"],
    "ChineseOrganization": ["alibaba", "cambricon", "china-mofcom", "deepseek", "huawei", "moonshot", "smic"],
    "USOrganization": ["amazon", "amd", "anthropic", "bis", "bloom-energy", "blue-owl", "crusoe", "ercot",
                       "ge-vernova", "google", "jpmorgan", "meta", "nvidia", "openai", "oracle", "semianalysis", "stanford-university",
                       "tesla", "test-acquired-startup", "tva", "ualink-consortium", "us-congress", "us-department-of-commerce",
                       "white-house", "windsurf", "xai"],
    "ChineseDomesticAccelerator": ["ascend-910b", "ascend-910c", "ascend-920c"],
    "USDesignedChip": ["b100", "b200", "gb200", "gb300", "grace", "h100", "h20", "h800", "mi308", "rtx-pro-6000d",
                       "rubin-gpu", "tpu-v7", "trainium2"],
    "SovereignAIProject": ["humain-nvidia-deal", "mistral-cluster-investment", "mistral-paris-cluster",
                           "stargate-uae"],
    "HBMChip": ["ascend-910c", "ascend-920c", "b100", "b200", "gb200", "gb300", "h100", "h20", "h800", "rubin-gpu",
                "tpu-v7"],
    "BlocMemberCountry": ["france", "germany", "qatar", "saudi-arabia", "spain", "united-arab-emirates"],
    "RestrictedDestination": ["china", "united-states"],
    "RevenueShareChip": ["h20", "mi308"],
    "ExceedsExportThreshold": ["ascend-910c", "ascend-920c", "b100", "b200", "h100", "h20"],
    "WithinExportThreshold": ["h800", "rtx-pro-6000d"],
    "MultiPhaseCluster": ["stargate-abilene"],
    "PowerSelfSufficientCluster": ["stargate-abilene"],
}


@pytest.fixture(scope="module")
def fixture_graph():
    return rdflib.Graph().parse(FIXTURE, format="turtle")


@pytest.fixture(scope="module")
def inferred(fixture_graph):
    return materialise(fixture_graph)


@pytest.fixture(scope="module")
def full(fixture_graph, inferred):
    return fixture_graph + load_ontology() + inferred_graph(inferred)


def _members(graph, cls):
    return sorted(str(s)[len(PFID):] for s in graph.subjects(RDF.type, URIRef(PFA[cls])))


@pytest.mark.parametrize("cls", sorted(EXPECTED))
def test_defined_and_rule_class_memberships(full, cls):
    assert _members(full, cls) == EXPECTED[cls]


def test_inferred_triples_exclude_asserted_ones(fixture_graph, inferred):
    onto = load_ontology()
    for item in inferred:
        assert item.triple not in fixture_graph and item.triple not in onto
    assert len({item.triple for item in inferred}) == len(inferred)


def test_every_rule_fires_and_tags_its_triples(inferred):
    fired = {item.rule for item in inferred}
    assert fired == {iri for iri, _, _ in load_rules()}
    assert all(rule.startswith(PFR) for rule in fired)


def test_every_class_has_a_member(full):
    onto = load_ontology()
    classes = {c for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(PFA)}
    assert sorted(str(c) for c in classes if (None, RDF.type, c) not in full) == []


def test_every_link_and_value_property_is_used(full):
    onto = load_ontology()
    props = {p for kind in (OWL.ObjectProperty, OWL.DatatypeProperty) for p in onto.subjects(RDF.type, kind)
             if str(p).startswith(PFA)}
    used = set(full.predicates())
    assert sorted(str(p) for p in props - used) == []


def test_inverse_transitive_chain_examples(full):
    def has(s, p, o):
        return (URIRef(PFID + s), URIRef(PFA[p]), URIRef(PFID + o)) in full

    assert has("stargate-abilene", "ownedBy", "crusoe")  # inverse of owns
    assert has("abilene", "partOf", "united-states")  # transitive partOf
    assert has("stargate-abilene", "locatedIn", "united-states")  # locatedIn o partOf
    assert has("stargate-abilene-phase-1", "locatedIn", "abilene")  # partOf o locatedIn via phaseOf
    assert has("stargate-abilene", "usesChip", "gb200")  # hasPhase o usesChip, usesSystem o usesChip
    assert has("oracle", "dependsOnChip", "gb200")  # operates o usesChip
    assert has("ascend-910c", "fabricatedBy", "smic")  # fabricatedOn o offeredBy
    assert has("b200", "packagedBy", "tsmc")  # packagedWith o offeredBy
    assert has("ascend-910c", "hasSupplyChainMember", "samsung")  # suppliedBy subPropertyOf
    assert has("stargate-abilene", "fundedBy", "jpmorgan")  # investorIn o hasInvestee, inverse
    assert has("us-uae-ai-partnership", "hasParty", "g42")  # hasParticipation o participant
    assert has("h20", "subjectTo", "h20-revenue-share")  # inverse of appliesToChip + subproperty
    assert has("huawei", "headquarteredIn", "china")  # headquarteredIn o partOf
    assert has("nvidia", "competesWith", "amd") and has("amd", "competesWith", "nvidia")
    assert has("h100", "exceedsThreshold", "china-bandwidth-threshold")
    assert has("redwood-materials", "supplyChainMemberOf", "abilene-bess")
    assert (URIRef(PFID + "redwood-materials"), RDF.type, URIRef(PFA.Organization)) in full  # range
    assert (URIRef(PFID + "david-sacks"), RDF.type, URIRef(PFA.Person)) in full  # domain


def _keyset(triples):
    return {tuple(str(t) for t in triple) for triple in triples}


def test_input_kinds_give_the_same_inferences(fixture_graph, inferred):
    expected = _keyset(i.triple for i in inferred)
    dataset = rdflib.Dataset()
    named = dataset.graph(URIRef("https://petaflop-atlas.org/graph/facts"))
    for triple in fixture_graph:
        named.add(triple)
    store = ox.Store()
    store.load(FIXTURE.read_bytes(), format=ox.RdfFormat.TURTLE)
    assert _keyset(i.triple for i in materialise(dataset)) == expected
    assert _keyset(i.triple for i in materialise(list(fixture_graph))) == expected
    assert _keyset(i.triple for i in materialise(store)) == expected


def test_materialise_store_holds_three_graphs(fixture_graph):
    store, inferred = materialise_store(fixture_graph)
    graphs = {g.value for g in store.named_graphs()}
    assert graphs == {"https://petaflop-atlas.org/graph/ontology", "https://petaflop-atlas.org/graph/facts",
                      "https://petaflop-atlas.org/graph/inferred"}
    count = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(
        "https://petaflop-atlas.org/graph/inferred")))
    assert count == len(inferred)


def test_materialisation_is_idempotent(fixture_graph, inferred):
    again = materialise(fixture_graph + inferred_graph(inferred))
    assert again == []


def test_swrl_twins_infer_what_the_sparql_rules_infer(fixture_graph):
    store, _ = materialise_store(fixture_graph)
    sparql = {iri: text for iri, _, text in load_rules()}
    by_rule = defaultdict(set)
    for rule in load_swrl():
        query = "PREFIX pfa: <https://petaflop-atlas.org/ontology#>\n" + swrl_to_sparql(rule.text)
        by_rule[rule.iri] |= _keyset(
            (t.subject.value, t.predicate.value, t.object.value)
            for t in store.query(query, use_default_graph_as_union=True))
    assert len(by_rule) == 7
    for iri, triples in by_rule.items():
        reference = _keyset((t.subject.value, t.predicate.value, t.object.value)
                            for t in store.query(sparql[iri], use_default_graph_as_union=True))
        assert triples == reference, iri
        assert triples


def test_swrl_to_sparql_translation():
    text = "Chip(?c), memoryBandwidthTBps(?c, ?bw), greaterThan(?bw, 1.8) -> ExceedsExportThreshold(?c)"
    assert swrl_to_sparql(text) == (
        "CONSTRUCT {\n  ?c a <https://petaflop-atlas.org/ontology#ExceedsExportThreshold> .\n}\n"
        "WHERE {\n  ?c a <https://petaflop-atlas.org/ontology#Chip> .\n"
        "  ?c <https://petaflop-atlas.org/ontology#memoryBandwidthTBps> ?bw .\n  FILTER(?bw > 1.8)\n}\n")


def test_materialise_into_fills_the_inferred_graph_of_another_store(fixture_graph, inferred, tmp_path):
    facts = ox.NamedNode("https://petaflop-atlas.org/graph/facts")
    target = ox.Store(str(tmp_path / "store"))
    target.load(FIXTURE.read_bytes(), format=ox.RdfFormat.TURTLE, to_graph=facts)
    before = set(target.quads_for_pattern(None, None, None, facts))
    stats = materialise_into(target)
    written = [q for q in target.quads_for_pattern(None, None, None,
                                                    ox.NamedNode("https://petaflop-atlas.org/graph/inferred"))]
    assert stats.inferred == len(written) == len(inferred)
    assert stats.facts == len(before)
    assert stats.rule_runs >= len(load_rules())
    assert set(stats.seconds) == {"copy_in", "rules", "copy_out"}
    assert _keyset((q.subject.value, q.predicate.value, q.object.value) for q in written) == \
        _keyset(i.triple for i in inferred)
    assert set(target.quads_for_pattern(None, None, None, facts)) == before


def test_a_rule_with_two_template_triples_writes_only_the_new_one(fixture_graph, inferred):
    threshold = URIRef(PFA.exceedsThreshold)
    link = next(i for i in inferred if i.predicate == threshold)
    again = materialise(_with(fixture_graph, link.triple))
    triples = {i.triple for i in again}
    assert link.triple not in triples
    assert (link.subject, RDF.type, URIRef(PFA.ExceedsExportThreshold)) in triples
    assert len(again) == len(inferred) - 1


def _with(graph, triple):
    out = rdflib.Graph()
    for t in graph:
        out.add(t)
    out.add(triple)
    return out


def test_a_rule_that_is_not_a_construct_query_is_named():
    rules = [("https://petaflop-atlas.org/rules#broken", "broken", "SELECT * WHERE { ?s ?p ?o }")]
    with pytest.raises(UserError, match="rules#broken"):
        materialise([], rules=rules)


def _chain_graph() -> rdflib.Graph:
    """A city part of a region part of a country, a campus in the city, a phase of the campus:
    ``locatedIn`` chains (``locatedIn ∘ partOf`` and ``partOf ∘ locatedIn``) reach the country only
    on a second pass, from triples the first pass of the chain rule derived."""
    g = rdflib.Graph()
    for s, p, o in [("phase-1", "partOf", "campus"), ("campus", "locatedIn", "city"),
                    ("city", "partOf", "region"), ("region", "partOf", "country")]:
        g.add((URIRef(PFID[s]), URIRef(PFA[p]), URIRef(PFID[o])))
    return g


def test_property_chains_reach_through_derived_links_by_the_delta_join():
    located = {(str(i.subject).rsplit("/", 1)[1], str(i.object).rsplit("/", 1)[1])
               for i in materialise(_chain_graph()) if i.predicate == URIRef(PFA.locatedIn)}
    assert {("campus", "region"), ("campus", "country"), ("phase-1", "city"), ("phase-1", "region"),
            ("phase-1", "country")} <= located


def test_the_delta_join_of_chains_infers_what_full_reruns_infer(fixture_graph, monkeypatch):
    """``# delta: chain`` re-runs join only new triples; with it switched off (every re-run a full
    query) the inferences are the same, on the fixture and on the chain graph."""
    import petaflop.reasoning as reasoning

    prepared = reasoning._prepared_rules
    for graph in (fixture_graph, _chain_graph()):
        delta = {i.triple for i in materialise(graph)}
        with monkeypatch.context() as m:
            m.setattr(reasoning, "_prepared_rules",
                      lambda rules, store: [dataclasses.replace(r, chains=None) for r in prepared(rules, store)])
            full = {i.triple for i in materialise(graph)}
        assert delta == full and delta


def test_a_chain_rule_without_its_chain_query_is_named():
    rules = [("https://petaflop-atlas.org/rules#chainless", "chainless",
              "# delta: chain\nCONSTRUCT { ?x ?p ?z } WHERE { ?x ?p ?y . ?y ?p ?z }")]
    with pytest.raises(UserError, match=r"rules#chainless.*# chains:"):
        materialise([], rules=rules)


@pytest.mark.parametrize("graph", ["fixture", "chains"])
def test_the_parallel_first_sweep_reaches_the_same_fixpoint(fixture_graph, graph):
    """materialise_into runs the first sweep of rules on several cores, each over the same starting
    graph: the rules that read what the others derived run again, so the inferences are the same."""
    import petaflop.reasoning as reasoning

    data = fixture_graph if graph == "fixture" else _chain_graph()
    onto = reasoning._nt(reasoning._ontology_triples())
    facts = reasoning._nt(list(reasoning._ox_triples(data)))
    found = {}
    for workers in (1, 2):
        known = set(onto.splitlines()) | set(facts.splitlines())
        work = ox.Store()
        reasoning._add(work, onto)
        reasoning._add(work, facts)
        stats = reasoning.MaterialiseStats()
        new, _tags = reasoning._run_to_fixpoint(work, known, reasoning._prepared_rules(None, work), onto, stats,
                                               workers=workers)
        found[workers] = set(new)
    assert found[1] == found[2] and len(found[1]) > 10
