"""Export selection (petaflop/export/) on a small hand-written graph: seeds, hops, direction,
link and type filters, asserted/inferred, provenance, ontology terms, limits and bad input."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from foundation.namespaces import (
    GRAPH_FACTS,
    GRAPH_INFERRED,
    GRAPH_ONTOLOGY,
    GRAPH_PROVENANCE,
    PFA,
    PFID,
    PFST,
)
from petaflop.export import (
    AmbiguousSeed,
    BadParameter,
    EmptySelection,
    ExportError,
    Selection,
    SelectionTooLarge,
    UnknownSeed,
    canonical_quads,
    export,
    open_store,
    select,
)

FIXTURE = Path(__file__).parent / "fixtures" / "export_fixture.trig"


def load_fixture() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_fixture()


def ids(sub) -> list[str]:
    return sorted(n.value.removeprefix(PFID) for n in sub.objects)


def graph_quads(sub, graph: str) -> set[str]:
    return {str(q.triple) for q in sub.quads if q.graph_name.value == graph}


def nt(s: str, p: str, o: str) -> str:
    return f"<{s}> <{p}> {o}"


# ----------------------------------------------------------------------------- hops and filters
@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"hops": 0}, ["alpha-campus"]),
    ({}, ["alpha-campus", "alpha-phase-1", "beta-corp", "claim-alpha-power", "example-country", "gamma-fund",
          "inv-gamma-alpha"]),
    ({"facts": "asserted"}, ["alpha-campus", "alpha-phase-1", "beta-corp", "claim-alpha-power", "example-country",
                             "inv-gamma-alpha"]),
    ({"facts": "inferred"}, ["alpha-campus", "alpha-phase-1", "gamma-fund"]),
    ({"direction": "out"}, ["alpha-campus", "beta-corp", "claim-alpha-power", "example-country"]),
    ({"direction": "in"}, ["alpha-campus", "alpha-phase-1", "gamma-fund", "inv-gamma-alpha"]),
    ({"hops": 2, "facts": "asserted"}, ["alpha-campus", "alpha-phase-1", "beta-corp", "claim-alpha-power",
                                        "example-country", "gamma-fund", "inv-gamma-alpha"]),
    ({"hops": 3, "facts": "asserted"}, ["alpha-campus", "alpha-phase-1", "beta-corp", "claim-alpha-power",
                                        "delta-lab", "example-country", "gamma-fund", "inv-gamma-alpha"]),
    # type filters shape the walk: Firms only (the seed always stays) ...
    ({"hops": 3, "include_types": ("Firm",)}, ["alpha-campus", "beta-corp"]),
    # ... and a superclass matches its subclasses (Organization covers the Firm beta-corp)
    ({"hops": 3, "include_types": ("organization",), "facts": "asserted"}, ["alpha-campus", "beta-corp"]),
    # without the investment node, the fund is unreachable from asserted links
    ({"hops": 3, "facts": "asserted", "exclude_types": ("pfa:Investment",)},
     ["alpha-campus", "alpha-phase-1", "beta-corp", "claim-alpha-power", "example-country"]),
    ({"hops": 3, "include_links": ("phase of",)}, ["alpha-campus", "alpha-phase-1"]),
    ({"exclude_links": ("hasClaim", "pfa:investsIn")},
     ["alpha-campus", "alpha-phase-1", "beta-corp", "example-country", "inv-gamma-alpha"]),
])
def test_hops_direction_and_filters(store, kwargs, expected):
    sub = select(Selection(seeds=("Alpha Campus",), provenance=False, **kwargs), store)
    assert ids(sub) == expected


def test_induced_links_types_labels_and_attributes(store):
    sub = select(Selection(seeds=("pfid:alpha-campus",), hops=1, provenance=False, ontology=False), store)
    facts = graph_quads(sub, GRAPH_FACTS)
    a, b = PFID + "alpha-campus", PFID + "beta-corp"
    assert nt(a, PFA.operatedBy, f"<{b}>") in facts
    assert nt(a, PFA.powerCapacityMW, '"250.5"^^<http://www.w3.org/2001/XMLSchema#decimal>') in facts
    assert nt(b, "http://www.w3.org/2000/01/rdf-schema#label", '"베타"@ko') in facts
    assert nt(b, (str(PFA) + "foundedYear"), '"1999"^^<http://www.w3.org/2001/XMLSchema#integer>') in facts
    # the fund is one hop away; its link to delta-lab leaves the selection, so it is not exported
    assert not any("delta-lab" in t for t in facts)
    # a link to an ontology term is an attribute, never walked (the claim does not pull the property in)
    assert nt(PFID + "claim-alpha-power", PFA.promotedTo, f"<{PFA}powerCapacityMW>") in facts
    assert graph_quads(sub, GRAPH_INFERRED) == {
        nt(PFID + "alpha-phase-1", PFA.partOf, f"<{a}>"),
        nt(PFID + "gamma-fund", PFA.investsIn, f"<{a}>"),
        nt(b, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", f"<{PFA}Organization>"),
        nt(b, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", f"<{PFA}Agent>"),
        nt(PFID + "gamma-fund", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", f"<{PFA}Agent>"),
    }
    assert {q.graph_name.value for q in sub.quads} == {GRAPH_FACTS, GRAPH_INFERRED}
    p = sub.preview()
    # links: operatedBy, locatedIn, hasClaim, phaseOf, partOf, investsIn, hasInvestee, and the induced
    # hasInvestor between two hop-1 objects
    assert (p.objects, p.links, p.triples) == (7, 8, 41)
    assert p.per_graph == (("facts", 36), ("inferred", 5))
    assert p.by_type == (("Claim", 1), ("ClusterPhase", 1), ("ComputeCluster", 1), ("Country", 1), ("Firm", 1),
                         ("Investment", 1), ("Organization", 1))


def test_inferred_only_keeps_objects_named(store):
    sub = select(Selection(seeds=("alpha-campus",), facts="inferred", provenance=False, ontology=False), store)
    facts = graph_quads(sub, GRAPH_FACTS)
    assert facts == {
        nt(PFID + "alpha-campus", "http://www.w3.org/2000/01/rdf-schema#label", '"Alpha Campus"@en'),
        nt(PFID + "alpha-campus", "http://www.w3.org/2000/01/rdf-schema#label", '"알파 캠퍼스"@ko'),
        nt(PFID + "alpha-campus", "http://www.w3.org/2004/02/skos/core#altLabel", '"Alpha"@en'),
        nt(PFID + "alpha-campus", "http://www.w3.org/2004/02/skos/core#altLabel", '"Project Alpha"@en'),
        nt(PFID + "alpha-phase-1", "http://www.w3.org/2000/01/rdf-schema#label", '"Alpha Phase 1"@en'),
        nt(PFID + "alpha-phase-1", "http://www.w3.org/2004/02/skos/core#altLabel", '"Phase 1"@en'),
        nt(PFID + "gamma-fund", "http://www.w3.org/2000/01/rdf-schema#label", '"Gamma Fund"@en'),
    }


def test_provenance_statements_locations_and_sources(store):
    sub = select(Selection(seeds=("inv-gamma-alpha",), hops=0, ontology=False), store)
    prov = graph_quads(sub, GRAPH_PROVENANCE)
    location = "<https://petaflop-atlas.org/report/T/X-01-1/r2c3>"
    # hops 0: the investor link leaves the selection, so only the amount's statement comes, with its location
    assert sorted({t.split(" ")[0] for t in prov}) == [location, f"<{PFST}s-amount>"]
    assert nt(PFST + "s-amount", "http://www.w3.org/ns/prov#wasDerivedFrom", location) in prov
    assert nt(location[1:-1], PFA.tableId, '"X-01-1"') in prov
    sub = select(Selection(seeds=("inv-gamma-alpha",), hops=1, ontology=False), store)
    prov = graph_quads(sub, GRAPH_PROVENANCE)
    assert sorted({t.split(" ")[0] for t in prov}) == [location, f"<{PFST}s-amount>", f"<{PFST}s-investor>"]
    assert nt(PFST + "s-investor", PFA.conflicting, '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>') in prov
    # the statement of a triple outside the selection stays out, with its location
    assert not any("s-epsilon" in t or "L99" in t for t in prov)
    # the cited source is named
    assert nt(PFID + "source-x", "http://www.w3.org/2000/01/rdf-schema#label", '"Source X"@en') in \
        graph_quads(sub, GRAPH_FACTS)


def test_provenance_of_an_inferred_triple(store):
    sub = select(Selection(seeds=("Alpha Phase 1",), hops=1, facts="inferred", ontology=False), store)
    prov = graph_quads(sub, GRAPH_PROVENANCE)
    assert nt(PFST + "s-partof", PFA.inferredBy, "<https://petaflop-atlas.org/rules#subproperty>") in prov
    assert not any("s-investor" in t for t in prov)


def test_ontology_terms_describe_the_file(store):
    sub = select(Selection(seeds=("alpha-campus",), hops=1, direction="out", provenance=False), store)
    onto = graph_quads(sub, GRAPH_ONTOLOGY)
    # every predicate and class used is described (label, unit, domain/range with its blank nodes)
    assert nt(PFA.powerCapacityMW, PFA.unitOfMeasure, '"MW"') in onto
    assert nt(PFA.ComputeCluster, "http://www.w3.org/2000/01/rdf-schema#subClassOf", f"<{PFA}Facility>") in onto
    assert nt(PFA.operatedBy, "http://www.w3.org/2000/01/rdf-schema#domain", f"<{PFA}Facility>") in onto
    union = [t for t in onto if "owl#unionOf" in t]
    assert len(union) == 1
    firsts = sorted(t.split(" ")[2] for t in onto if "rdf-syntax-ns#first" in t)
    assert firsts == [f"<{PFA}Firm>", f"<{PFA}Organization>"]
    # terms the descriptions mention are declared; the annotation property used is described; the header kept
    assert nt(PFA.Facility, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
              "<http://www.w3.org/2002/07/owl#Class>") in onto
    assert nt(PFA.unitOfMeasure, "http://www.w3.org/2000/01/rdf-schema#label", '"unit of measure"@en') in onto
    assert nt("https://petaflop-atlas.org/ontology", "http://purl.org/dc/terms/title", '"Fixture ontology"@en') in onto
    # unused terms are not
    assert not any("HomeCountryFirm" in t or "amountUSD" in t or "hasInvestor" in t for t in onto)
    assert sub.terms[ox.NamedNode(PFA.powerCapacityMW)].unit == "MW"


def test_data_iris_mentioned_by_the_ontology_are_objects(store):
    sub = select(Selection(seeds=("Example Country",), hops=1, provenance=False, ontology=False), store)
    assert ids(sub) == ["alpha-campus", "example-country"]


# ----------------------------------------------------------------------------- seeds
@pytest.mark.parametrize("seed", ["Alpha Campus", "alpha campus", "ALPHA-CAMPUS", "알파 캠퍼스", "알파캠퍼스",
                                  "Project Alpha", "pfid:alpha-campus", "https://petaflop-atlas.org/id/alpha-campus",
                                  "<https://petaflop-atlas.org/id/alpha-campus>"])
def test_seed_spellings(store, seed):
    sub = select(Selection(seeds=(seed,), hops=0, provenance=False, ontology=False), store)
    assert [s.value for s in sub.seeds] == [PFID + "alpha-campus"]


def test_sparql_select_and_construct_seeds(store):
    select_q = "SELECT ?x WHERE { ?x a pfa:Firm }"
    sub = select(Selection(sparql=select_q, hops=0, provenance=False), store)
    assert sorted(s.value.removeprefix(PFID) for s in sub.seeds) == ["beta-corp", "epsilon-works"]
    construct_q = "CONSTRUCT { ?i pfa:hasInvestor ?o } WHERE { ?i pfa:hasInvestor ?o }"
    sub = select(Selection(sparql=construct_q, hops=0, provenance=False), store)
    assert sorted(s.value.removeprefix(PFID) for s in sub.seeds) == ["gamma-fund", "inv-gamma-alpha"]


QUERIES = Path(__file__).parent / "fixtures" / "export_queries"


@pytest.fixture()
def catalogue(monkeypatch):
    """A one-query catalogue of our own (queries/ reads CATALOGUE_DIR at call time)."""
    import queries

    monkeypatch.setattr(queries, "CATALOGUE_DIR", QUERIES)
    return queries


def test_catalogue_query_seeds(store, catalogue):
    """A catalogue query's results are seeds; terms (the investor's class column) are skipped."""
    assert [p.name for p in catalogue.get("investments-into").params] == ["target"]
    sub = select(Selection(query="investments-into", hops=0, provenance=False), store)  # default: alpha-campus
    assert sorted(s.value.removeprefix(PFID) for s in sub.seeds) == ["alpha-campus", "gamma-fund", "inv-gamma-alpha"]
    sub = select(Selection(query="investments-into", query_params={"target": "Beta Corp"}, hops=0), store)
    assert sub.seeds == () and sub.preview().empty


# ----------------------------------------------------------------------------- bad input
def test_unknown_seed_names_parameter_and_close_matches(store):
    with pytest.raises(UnknownSeed) as err:
        select(Selection(seeds=("Alpha Campos",)), store)
    assert str(err.value) == ("--seed 'Alpha Campos': no object has that name, alias or id; "
                              "close matches: Alpha Campus (pfid:alpha-campus)")
    with pytest.raises(UnknownSeed, match=r"^--seed 'pfid:nowhere': no object with that IRI in the graph"):
        select(Selection(seeds=("pfid:nowhere",)), store)


def test_ambiguous_and_term_seeds(store):
    store2 = load_fixture()
    store2.add(ox.Quad(ox.NamedNode(PFID + "other-phase"), ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"),
                       ox.Literal("Phase 1", language="en"), ox.NamedNode(GRAPH_FACTS)))
    with pytest.raises(AmbiguousSeed) as err:
        select(Selection(seeds=("Phase 1",)), store2)
    assert str(err.value) == ("--seed 'Phase 1' names 2 objects: Alpha Phase 1 (pfid:alpha-phase-1), "
                              "pfid:other-phase (pfid:other-phase); give an id instead")
    with pytest.raises(BadParameter, match=r"^--seed 'pfa:Firm' is an ontology term, not an object"):
        select(Selection(seeds=("pfa:Firm",)), store)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"seeds": ()}, "--seed: give at least one --seed, --query or --sparql"),
    ({"hops": 4}, "--hops: must be 0, 1, 2 or 3, got 4"),
    ({"hops": -1}, "--hops: must be 0, 1, 2 or 3, got -1"),
    ({"direction": "outward"}, "--direction: must be one of out, in, both; got 'outward' (did you mean 'out'?)"),
    ({"facts": "asserte"}, "--facts: must be one of asserted, inferred, both; got 'asserte' (did you mean 'asserted'?)"),
    ({"limit": 0}, "--limit: must be a positive number of triples, got 0"),
    ({"include_types": ("Frim",)},
     "--include-type 'Frim' is not an object type (class) in the graph or ontology; close matches: pfa:Firm"),
    ({"exclude_links": ("phaseof2",)},
     "--exclude-link 'phaseof2' is not a link type (predicate) in the graph or ontology; close matches: pfa:phaseOf"),
    ({"sparql": "ASK { ?s ?p ?o }"}, "--sparql: an ASK query names no objects; use SELECT or CONSTRUCT"),
    ({"query": "investments-int"}, "--query: unknown query 'investments-int'; did you mean: investments-into?"),
    ({"query": "investments-into", "query_params": {"investor": "x"}},
     "--param investor: query 'investments-into' has no such parameter (parameters: target)"),
    ({"query": "investments-into", "query_params": {"target": "Alpha Campos"}},
     "--param target 'Alpha Campos': no object has that name, alias or id; close matches: Alpha Campus"),
])
def test_bad_parameters(store, catalogue, kwargs, message):
    sel = {"seeds": ("alpha-campus",), **kwargs}
    with pytest.raises(ExportError) as err:
        select(Selection(**sel), store)
    assert str(err.value).startswith(message)


def test_sparql_syntax_error_names_the_position(store):
    with pytest.raises(BadParameter) as err:
        select(Selection(sparql="SELECT ?x WHERE { ?x a }"), store)
    assert str(err.value).startswith("--sparql: not a valid SPARQL query: syntax error at line 1, column ")


def test_empty_selection_is_refused(store):
    sub = select(Selection(sparql="SELECT ?x WHERE { ?x a pfa:Nothing }"), store)
    assert sub.preview().empty and sub.preview().triples == 0
    with pytest.raises(EmptySelection) as err:
        export(sub, "turtle")
    assert str(err.value).startswith("the selection is empty (sparql=yes hops=1 direction=both facts=both")
    assert str(err.value).endswith("no facts match; nothing was written")
    # an object without inferred facts is empty under --facts inferred, though its label is known
    with pytest.raises(EmptySelection):
        export(Selection(seeds=("Epsilon Works",), facts="inferred"), "turtle", store=store)


def test_size_limit_refused_unless_forced(store):
    sel = Selection(seeds=("alpha-campus",), hops=2, limit=50)
    with pytest.raises(SelectionTooLarge) as err:
        export(sel, "nquads", store=store)
    assert str(err.value) == ("--limit: the selection has 176 triples (8 objects), over the limit of 50; narrow it "
                              "(fewer --hops, --exclude-type, --no-provenance) or pass --force")
    result = export(sel, "nquads", store=store, force=True)
    assert result.data.count(b"\n") == 176
    assert result.preview.over_limit


# ----------------------------------------------------------------------------- determinism
def test_blank_nodes_get_canonical_labels():
    """Two loads of the same file get different blank-node ids; the selection's labels are the same."""
    a = select(Selection(seeds=("alpha-campus",), hops=1), load_fixture())
    b = select(Selection(seeds=("alpha-campus",), hops=1), load_fixture())
    assert a.quads == b.quads
    labels = sorted({t.value for q in a.quads for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)})
    assert len(labels) == 3 and all(lbl.startswith("b") and len(lbl) == 25 for lbl in labels)
    assert canonical_quads(a.quads) == a.quads


def test_open_store_reads_trig_and_caches():
    s1 = open_store(FIXTURE)
    assert open_store(FIXTURE) is s1
    assert len(s1) == len(load_fixture())
