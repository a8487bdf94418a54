"""Catalogue queries rewritten for 10^6 triples (issue 21) keep their answers: invented graphs, exact rows."""

from __future__ import annotations

import pyoxigraph as ox

from petaflop.query import evaluate, plan_embedded, prepare
from queries import get

PFA = "https://petaflop-atlas.org/ontology#"
PFID = "https://petaflop-atlas.org/id/"

GRAPH = """
@prefix pfa: <https://petaflop-atlas.org/ontology#> .
@prefix pfid: <https://petaflop-atlas.org/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
pfid:ganada a pfa:Country ; rdfs:label "Ganada"@en ; pfa:countryCode "GN" .
pfid:rama a pfa:Country ; rdfs:label "Rama"@en ; pfa:countryCode "RM" .
pfid:ganada-cluster a pfa:ComputeCluster ; rdfs:label "Ganada Cluster"@en ;
    pfa:locatedIn pfid:ganada ; pfa:usesChip pfid:x100 .
pfid:rama-cluster a pfa:ComputeCluster ; pfa:locatedIn pfid:rama ; pfa:usesChip pfid:x100 .
pfid:x100 a pfa:Chip ; rdfs:label "X100"@en ; pfa:designedBy pfid:gana-chips ;
    pfa:fabricatedBy pfid:rama-fab ; pfa:subjectTo pfid:rule-1 .
pfid:gana-chips a pfa:Organization ; rdfs:label "Gana Chips"@en ; pfa:headquarteredIn pfid:ganada .
pfid:rama-fab a pfa:Organization ; rdfs:label "Rama Fab"@en ; pfa:headquarteredIn pfid:rama .
pfid:rule-1 a pfa:ExportBan ; rdfs:label "Rule 1"@en ; pfa:restrictsExportTo pfid:ganada .
pfid:rule-2 a pfa:ExportBan ; rdfs:label "Rule 2"@en ; pfa:restrictsExportTo pfid:ganada .
"""


def _store() -> ox.Store:
    store = ox.Store()
    store.load(GRAPH.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://petaflop-atlas.org/graph/facts"))
    # the same link stated again in a second graph: the union default graph sees it twice
    store.add(ox.Quad(ox.NamedNode(PFID + "x100"), ox.NamedNode(PFA + "designedBy"), ox.NamedNode(PFID + "gana-chips"),
                      ox.NamedNode("https://petaflop-atlas.org/graph/inferred")))
    return store


def _short(term) -> str | None:
    if term is None:
        return None
    return term.value.removeprefix(PFID)


def test_country_exposure_binds_the_country_inside_its_sub_query():
    prepared = prepare(get("country-exposure").sparql, {"country": ox.NamedNode(PFID + "ganada")})
    text = plan_embedded(prepared).text
    # once for the outer group, once in the DISTINCT sub-query the rows are sorted outside of, once inside
    # the sub-query of the clusters' and organisations' chips: without it that sub-query was evaluated for
    # every country (28 s at 10^6 triples)
    assert text.count("VALUES (?country) { (<https://petaflop-atlas.org/id/ganada>) }") == 3


def test_country_exposure_rows_on_an_invented_graph():
    store = _store()
    prepared = prepare(get("country-exposure").sparql, {"country": ox.NamedNode(PFID + "ganada")})
    result = evaluate(store, prepared, None)
    cols = ["relation", "dependent", "chip", "role", "supplier", "supplier_code", "measures", "measure"]
    rows = [tuple(_short(r[result.vars.index(c)]) for c in cols) for r in result.rows]
    assert rows == [
        ("destination", "ganada", None, None, None, None, None, "rule-1"),
        ("destination", "ganada", None, None, None, None, None, "rule-2"),
        ("usesChip", "ganada-cluster", "x100", "designer", "gana-chips", "GN", "Rule 1", None),
        ("usesChip", "ganada-cluster", "x100", "fabricator", "rama-fab", "RM", "Rule 1", None),
    ]


def test_cross_border_flows_lists_each_flow_once_on_an_invented_graph():
    store = _store()
    store.load(b"""@prefix pfa: <https://petaflop-atlas.org/ontology#> .
@prefix pfid: <https://petaflop-atlas.org/id/> .
pfid:deal-1 a pfa:Investment ; pfa:hasInvestor pfid:gana-chips ; pfa:hasInvestee pfid:rama-fab ; pfa:amountUSD 5 .
""", format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://petaflop-atlas.org/graph/facts"))
    store.add(ox.Quad(ox.NamedNode(PFID + "gana-chips"), ox.NamedNode(PFA + "headquarteredIn"),
                      ox.NamedNode(PFID + "ganada"), ox.NamedNode("https://petaflop-atlas.org/graph/inferred")))
    prepared = prepare(get("cross-border-flows").sparql, {"country_name": ox.Literal("")})
    result = evaluate(store, prepared, None)
    cols = ["kind", "from_code", "source", "to_code", "target", "deal"]
    rows = [tuple(_short(r[result.vars.index(c)]) for c in cols) for r in result.rows]
    assert rows == [("investment", "GN", "gana-chips", "RM", "rama-fab", "deal-1")]
