"""Queries that must never run: too deep or too big for the parser, or reaching another host (SERVICE, LOAD).

Before the hardening, ~3,000 nested ``{ }`` crashed the process (exit 139, the app's server
with it), ``SERVICE <http://any-host/…>`` made the CLI, the app console and ``serve`` send a
request to that host, ``SERVICE ?x`` ended in a traceback, and ``LOAD <http://…>`` (with
``--allow-update``) fetched the URL.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from conftest import assert_one_line_error, petaflop
from servers import FakeEndpoint

from petaflop.query import EmbeddedStore, QueryRefused
from queries.safety import MAX_DEPTH, MAX_QUERY_CHARS, MAX_TOKENS, complexity_problem, outbound_problem

DEEP = "SELECT * WHERE " + "{ " * 3000 + "}" * 3000


@pytest.fixture()
def fake():
    server = FakeEndpoint()
    yield server
    server.stop()


def small() -> EmbeddedStore:
    st = ox.Store()
    st.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("1")))
    return EmbeddedStore(store=st)


def test_deep_nesting_is_refused_before_any_parser(built_graph):
    proc = petaflop("query", "--sparql", DEEP, "--data", str(built_graph))
    assert_one_line_error(proc, 1, "query nested too deeply", f"limit {MAX_DEPTH}", "line 1, column")


@pytest.mark.parametrize(("text", "what"), [
    ("SELECT (" + "+".join(["1"] * 10_000) + " AS ?x) WHERE {}", f"more than {MAX_TOKENS:,} tokens"),
    ("SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 2_000) + " }", f"more than {MAX_TOKENS:,} tokens"),
    ("SELECT * WHERE { FILTER(" + "(" * 40 + "1" + ")" * 40 + ") }", f"more than {MAX_DEPTH} levels"),
    ("# " + "x" * MAX_QUERY_CHARS + "\nSELECT * {}", f"limit {MAX_QUERY_CHARS:,}"),
], ids=["plus-chain", "union-chain", "parentheses", "long-text"])
def test_size_limits(text, what):
    assert what in complexity_problem(text)
    with pytest.raises(QueryRefused, match=r"query (nested too deeply|too complex|too long)"):
        small().run(text)


def test_the_catalogue_is_well_inside_the_limits():
    from queries import load_catalogue

    for q in load_catalogue():
        assert complexity_problem(q.sparql) == "", q.id


def test_service_is_refused_and_nothing_is_sent(built_graph, fake):
    url = f"{fake.base}/sparql"
    proc = petaflop("query", "--sparql", f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                    "--data", str(built_graph))
    assert_one_line_error(proc, 1, "federated queries are refused", "--allow-service 127.0.0.1")
    # the same through the remote runner: refused before anything goes to the endpoint
    proc = petaflop("query", "--sparql", f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
                    "--endpoint", f"{fake.base}/ok")
    assert_one_line_error(proc, 1, "federated queries are refused")
    assert fake.requests == []


def test_allow_service_lets_that_host_through(fake):
    url = f"{fake.base}/sparql"
    r = small().run(f"SELECT ?x WHERE {{ SERVICE <{url}> {{ ?x ?p ?o }} }}", allow_service=["127.0.0.1"])
    assert [str(row[0]) for row in r.rows] == ['"ok"']
    assert [req["path"].split("?")[0] for req in fake.requests] == ["/sparql"]
    with pytest.raises(QueryRefused, match=r"it would send a request to 127\.0\.0\.1"):
        small().run(f"SELECT ?x WHERE {{ SERVICE <{url}> {{ ?x ?p ?o }} }}", allow_service=["example.org"])


def test_service_to_a_variable_and_load_are_refused(built_graph, fake):
    proc = petaflop("query", "--sparql", "SELECT * WHERE { SERVICE ?x { ?s ?p ?o } }", "--data", str(built_graph))
    assert_one_line_error(proc, 1, "SERVICE ?x", "cannot be known before running")
    proc = petaflop("query", "--allow-update", "--sparql", f"LOAD <{fake.base}/data.nt>", "--data", str(built_graph))
    assert_one_line_error(proc, 1, "loading data from the web are refused")
    assert fake.requests == []


def test_keywords_in_strings_comments_and_names_are_not_references():
    text = ('PREFIX ex: <http://e/>\n# SERVICE <http://evil/>\n'
            'SELECT ?service WHERE { ?service ex:LOAD "SERVICE <http://evil/>" }')
    assert outbound_problem(text) == ""
    assert "DEFINE" in outbound_problem('DEFINE get:soft "replace" SELECT * FROM <http://evil/> { ?s ?p ?o }')


def test_the_app_console_refuses_service_and_survives_deep_nesting(fake):
    from petaflop.app import console
    from petaflop.app.backend import EmbeddedBackend

    backend = EmbeddedBackend(ox.Store())
    r = console.run(backend, f"SELECT * WHERE {{ SERVICE <{fake.base}/sparql> {{ ?s ?p ?o }} }}")
    assert not r.ok and "federated queries are refused" in r.error
    r = console.run(backend, DEEP)
    assert not r.ok and "nested too deeply" in r.error
    assert fake.requests == []


def test_export_sparql_refuses_service(built_graph, fake, tmp_path):
    proc = petaflop("export", "--sparql", f"SELECT ?s WHERE {{ SERVICE <{fake.base}/sparql> {{ ?s ?p ?o }} }}",
                    "--data", str(built_graph), "--out", str(tmp_path / "x.ttl"))
    assert proc.returncode == 1 and "refused" in proc.stderr
    assert fake.requests == []
