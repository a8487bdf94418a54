"""``push``: the built graph into real stores — Graph Store Protocol, or SPARQL UPDATE in chunks."""

from __future__ import annotations

import collections

import pyoxigraph as ox
import pytest
from servers import FakeEndpoint, OxigraphServer

from foundation.errors import UserError
from foundation.namespaces import GRAPH_FACTS, GRAPH_INFERRED, GRAPH_ONTOLOGY
from petaflop.cli import app
from petaflop.endpoint import AuthenticationFailed, EndpointRejected, RemoteStore
from petaflop.push import chunk_triples, push, push_to, read_graphs
from petaflop.query import EmbeddedStore

COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
BNODES = "SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { GRAPH ?g { ?b ?p ?o } FILTER(isBlank(?b)) }"
# the structure hanging off blank nodes: class, property, and the IRIs or literals one step further
SHAPES = """SELECT ?c ?p ?q ?v WHERE { GRAPH <https://petaflop-atlas.org/graph/ontology> {
  ?c ?p ?b . FILTER(isIRI(?c) && isBlank(?b)) ?b ?q ?v . FILTER(!isBlank(?v)) } }"""


@pytest.fixture(scope="module")
def source(built_graph):
    return EmbeddedStore(built_graph)


def counts(store) -> dict[str, int]:
    return {g.value: int(n.value) for g, n in store.run(COUNTS, row_limit=None).rows}


def shapes(store) -> collections.Counter:
    return collections.Counter(tuple(str(t) for t in row) for row in store.run(SHAPES, row_limit=None).rows)


@pytest.fixture()
def empty_oxigraph(built_graph, tmp_path):
    server = OxigraphServer(built_graph, tmp_path, read_only=False, load=False)
    yield server
    server.stop()


def test_push_by_graph_store_protocol(built_graph, source, empty_oxigraph):
    # three of the four graphs: pfg:provenance (most of the file) takes the same path, only longer
    target = RemoteStore(empty_oxigraph.query_url)
    done = push_to(target, built_graph, graphs=["ontology", "facts", "inferred"])
    pushed = [GRAPH_ONTOLOGY, GRAPH_FACTS, GRAPH_INFERRED]
    assert [(d.graph, d.method, d.url, d.requests) for d in done] == [
        (g, "gsp", empty_oxigraph.store_url, 1) for g in pushed]
    expected = counts(source)
    assert counts(target) == {g: expected[g] for g in pushed}
    assert [d.triples for d in done] == [expected[g] for g in pushed]
    assert target.run(BNODES).rows == source.run(BNODES).rows
    assert shapes(target) == shapes(source)


def test_push_falls_back_to_update_in_chunks_keeping_blank_nodes_together(built_graph, source, empty_oxigraph):
    missing = empty_oxigraph.base + "/no-graph-store-here"
    done = push(empty_oxigraph.query_url, built_graph, graphs=["ontology"], store_url=missing, chunk_size=300)
    assert [(d.graph, d.method, d.url) for d in done] == [(GRAPH_ONTOLOGY, "update", empty_oxigraph.update_url)]
    ontology = read_graphs(built_graph, [GRAPH_ONTOLOGY])[GRAPH_ONTOLOGY]
    assert done[0].requests == 1 + len(chunk_triples(ontology, 300)) > 2  # CLEAR, then the chunks
    target = RemoteStore(empty_oxigraph.query_url)
    expected = counts(source)
    assert counts(target) == {GRAPH_ONTOLOGY: expected[GRAPH_ONTOLOGY]}
    assert target.run(BNODES).rows == source.run(BNODES).rows
    assert shapes(target) == shapes(source)
    # pushing a graph again replaces it (CLEAR SILENT GRAPH first) rather than adding to it
    again = push(empty_oxigraph.query_url, built_graph, graphs=[f"<{GRAPH_ONTOLOGY}>"], store_url=missing,
                 update_url=empty_oxigraph.update_url)
    assert [(d.method, d.requests) for d in again] == [("update", 1 + len(chunk_triples(ontology, 2000)))]
    assert counts(target) == {GRAPH_ONTOLOGY: expected[GRAPH_ONTOLOGY]}
    assert target.run(BNODES).rows == source.run(BNODES).rows


def test_push_to_virtuoso_with_digest_authentication(built_graph, source, virtuoso_server):
    done = push(virtuoso_server.query_url, built_graph, graphs=["ontology"], user=virtuoso_server.user,
                password=virtuoso_server.password)
    assert [(d.method, d.url) for d in done] == [("gsp", virtuoso_server.base + "/sparql-graph-crud-auth")]
    target = RemoteStore(virtuoso_server.query_url)
    assert counts(target)[GRAPH_ONTOLOGY] == counts(source)[GRAPH_ONTOLOGY]
    assert shapes(target) == shapes(source)


def test_chunks_keep_triples_that_share_a_blank_node():
    b1, b2 = ox.BlankNode("b1"), ox.BlankNode("b2")
    a, p = ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p")
    triples = [ox.Triple(a, p, ox.Literal(str(i))) for i in range(5)]
    triples += [ox.Triple(a, p, b1), ox.Triple(b1, p, b2), ox.Triple(b2, p, ox.Literal("end")), ox.Triple(b1, p, a)]
    chunks = chunk_triples(triples, 2)
    assert sorted(len(c) for c in chunks) == [1, 2, 2, 4]
    linked = next(c for c in chunks if len(c) == 4)
    assert set(linked) == set(triples[5:])
    assert sorted(map(str, (t for c in chunks for t in c))) == sorted(map(str, triples))


def test_push_failures_are_one_line(built_graph):
    fake = FakeEndpoint()
    try:
        with pytest.raises(AuthenticationFailed) as info:
            push(fake.base + "/sparql", built_graph, graphs=["facts"], store_url=fake.base + "/status/401")
        assert str(info.value) == f"{fake.base}/status/401 requires authentication (HTTP 401): give --user and --password"
        with pytest.raises(EndpointRejected) as info:
            push(fake.base + "/sparql", built_graph, graphs=["facts"], store_url=fake.base + "/status/404",
                 update_url=fake.base + "/status/400")
        assert str(info.value).startswith(
            f"no Graph Store or SPARQL UPDATE endpoint accepted the graph {GRAPH_FACTS} "
            f"(tried {fake.base}/status/400; use --store-url or --update-url): endpoint rejected the update (HTTP 400)")
    finally:
        fake.stop()
    with pytest.raises(UserError) as info:
        push("http://127.0.0.1:9/sparql", built_graph, graphs=["nope"])
    assert str(info.value) == "--graph 'nope': not one of the atlas graphs (ontology, facts, provenance, inferred, reference or their IRIs)"


def test_push_command(cli, built_graph, source, empty_oxigraph):
    result = cli.invoke(app, ["push", "--endpoint", empty_oxigraph.query_url, "--graph", "facts",
                              "--data", str(built_graph)])
    assert result.exit_code == 0, result.output
    n = counts(source)[GRAPH_FACTS]
    assert f"pushed {n} triples in 1 graphs to {empty_oxigraph.query_url}" in result.output
    assert counts(RemoteStore(empty_oxigraph.query_url)) == {GRAPH_FACTS: n}
