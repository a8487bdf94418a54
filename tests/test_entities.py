"""The one entity resolver (petaflop/entities.py) on the report graph: English and Korean names,
aliases, ids, CURIEs and IRIs, typos with their close matches, ambiguous names, the gazetteer
fallback, and the messages (which name the option)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from foundation.errors import UserError
from foundation.namespaces import GRAPH_FACTS, PFA, PFID, RDF, RDFS
from petaflop.entities import AmbiguousEntity, EntityIndex, UnknownEntity, as_iri
from petaflop.export import AmbiguousSeed, UnknownSeed, open_store
from petaflop.extract.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def index(built_graph) -> EntityIndex:
    return EntityIndex.for_store(open_store(built_graph))


def node(slug: str) -> ox.NamedNode:
    return ox.NamedNode(PFID + slug)


@pytest.mark.parametrize(("text", "slug"), [
    ("Stargate", "stargate"),                       # English label
    ("스타게이트", "stargate"),                      # Korean label
    ("Project Stargate", "stargate"),               # English alias (skos:altLabel)
    ("Stargate 프로젝트", "stargate"),               # Korean alias as the report writes it
    ("  project   STARGATE ", "stargate"),          # case and spacing do not matter
    ("Stargate(스타게이트)", "stargate"),
    ("엔비디아", "nvidia"),
    ("nvidia", "nvidia"),
    ("콜로서스", "colossus"),
    ("stargate-abilene-campus", "stargate-abilene-campus"),   # an id
    ("pfid:colossus", "colossus"),                  # a CURIE
    (f"<{PFID}xai>", "xai"),                        # an IRI in angle brackets
    (f"{PFID}xai", "xai"),                          # a bare IRI
    ("apple", "apple"),                             # a label of two objects: the one whose id it is wins
])
def test_resolves_names_aliases_ids_and_iris(index, text, slug):
    assert index.resolve(text) == node(slug)


def test_typo_lists_close_matches_and_names_the_option(index):
    assert index.close_matches("Stargte")[:2] == [node("stargate"), node("stargate-abilene-campus")]
    with pytest.raises(UnknownEntity) as err:
        index.resolve("Stargte")
    assert str(err.value) == ("--seed 'Stargte': no object has that name, alias or id; close matches: "
                              "Stargate (pfid:stargate), Stargate Abilene campus (pfid:stargate-abilene-campus)")
    with pytest.raises(UnknownEntity) as err:
        index.resolve("엔비디야", option="--param chip")
    assert str(err.value) == ("--param chip '엔비디야': no object has that name, alias or id; "
                              "close matches: NVIDIA (pfid:nvidia)")
    assert index.close_matches("Colosus")[:2] == [node("colossus"), node("colossus-2")]
    assert index.close_matches("zzzzqqqq") == []


def test_ambiguous_name_lists_the_candidates(index):
    with pytest.raises(AmbiguousEntity) as err:
        index.resolve("파운드리", option="--param company")
    assert str(err.value) == ("--param company '파운드리' names 2 objects: Palantir Foundry (pfid:palantir-foundry), "
                              "Semiconductor foundry market (pfid:semiconductor-foundry-market); give an id instead")
    assert index.resolve("palantir-foundry") == node("palantir-foundry")


def test_iris_that_name_no_entity(index):
    with pytest.raises(UnknownEntity) as err:
        index.resolve("pfid:stargat")
    assert str(err.value) == ("--seed 'pfid:stargat': no object with that IRI in the graph; close matches: "
                              "Stargate (pfid:stargate), Stargate Abilene campus (pfid:stargate-abilene-campus)")
    with pytest.raises(UnknownEntity, match=r"^--seed 'pfa:ComputeCluster' is an ontology term, not an entity$"):
        index.resolve("pfa:ComputeCluster")


def test_labels_and_errors_are_user_errors(index):
    assert index.label(node("stargate")) == "Stargate"
    assert index.label(node("nvidia")) == "NVIDIA"
    assert index.label(node("no-such-thing")) == "pfid:no-such-thing"
    assert issubclass(UnknownEntity, UserError) and issubclass(AmbiguousEntity, UserError)
    assert UnknownEntity("x").exit_code == AmbiguousEntity("x").exit_code == 1
    # the export's seed errors are the resolver's, so a caller can catch either
    assert issubclass(UnknownSeed, UnknownEntity) and issubclass(AmbiguousSeed, AmbiguousEntity)


def test_one_index_per_store(built_graph):
    store = open_store(built_graph)
    assert EntityIndex.for_store(store) is EntityIndex.for_store(store)
    assert EntityIndex.for_store(ox.Store()) is not EntityIndex.for_store(store)


def test_gazetteer_fallback_for_names_the_graph_does_not_carry():
    """A graph that names Stargate only in English: the gazetteer's aliases still find it."""
    store = ox.Store()
    facts = ox.NamedNode(GRAPH_FACTS)
    stargate = node("stargate")
    store.add(ox.Quad(stargate, ox.NamedNode(RDF.type), ox.NamedNode(PFA.ComputeCluster), facts))
    store.add(ox.Quad(stargate, ox.NamedNode(RDFS.label), ox.Literal("Stargate", language="en"), facts))
    gazetteer = Gazetteer.load()
    index = EntityIndex(store, gazetteer=gazetteer)
    assert index.resolve("Stargate 프로젝트") == stargate
    assert index.resolve("스타게이트") == stargate
    # hints: no graph name is close to the Korean typo, the gazetteer's suggestion is
    assert index.close_matches("스타게이트 프로젝") == [stargate]
    # an alias of an entity the graph does not have is still unknown
    with pytest.raises(UnknownEntity, match=r"^--seed '엔비디아': no object has that name"):
        index.resolve("엔비디아")
    graph_only = EntityIndex(store, gazetteer=None)
    with pytest.raises(UnknownEntity):
        graph_only.resolve("Stargate 프로젝트")


@pytest.mark.parametrize(("text", "iri"), [
    ("<https://example.org/x>", "https://example.org/x"),
    ("https://example.org/x", "https://example.org/x"),
    ("pfid:openai", PFID + "openai"),
    ("pfa:Chip", PFA + "Chip"),
    ("OpenAI", None),
    ("schema:Place", None),            # not a project prefix
    ("pfid:two words", None),
])
def test_as_iri(text, iri):
    assert as_iri(text) == iri
