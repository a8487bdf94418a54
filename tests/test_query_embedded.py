"""The embedded store's own behaviour: how parameters are bound, the time limit, updates, result formats."""

from __future__ import annotations

import json
import threading

import pyoxigraph as ox
import pytest
from rich.console import Console

from foundation.namespaces import PFID, XSD, sparql_prefixes
from petaflop.query import EmbeddedStore, QueryError, QueryTimeout, Result, UpdateRefused, run_with_timeout
from petaflop.results import FormatError, check_format, compact, render, to_table

P = sparql_prefixes()
EX = "http://example.org/"


def small_store() -> EmbeddedStore:
    st = ox.Store()
    g = ox.NamedNode(EX + "g")
    p, q = ox.NamedNode(EX + "p"), ox.NamedNode(EX + "q")
    for i, v in enumerate(["5", "1", "8"]):
        st.add(ox.Quad(ox.NamedNode(f"{EX}a{i}"), p, ox.Literal(v, datatype=ox.NamedNode(XSD.decimal)), g))
    st.add(ox.Quad(ox.NamedNode(EX + "a0"), q, ox.Literal("x"), ox.NamedNode(EX + "h")))
    return EmbeddedStore(store=st)


@pytest.fixture(scope="module")
def atlas(built_graph):
    return EmbeddedStore(built_graph)


def dec(v: str) -> ox.Literal:
    return ox.Literal(v, datatype=ox.NamedNode(XSD.decimal))


# --------------------------------------------------------------------------- binding


def test_select_binds_by_substitution_and_hides_the_added_column():
    r = small_store().run(f"SELECT ?s WHERE {{ ?s <{EX}p> ?v FILTER(?v > ?min) }} ORDER BY ?s", {"min": dec("3")})
    assert (r.binding, r.vars) == ("substitutions", ["s"])
    assert [row[0].value for row in r.rows] == [EX + "a0", EX + "a2"]


def test_grouped_select_gains_the_parameter_in_group_by():
    q = "SELECT ?p (COUNT(?s) AS ?n) WHERE { ?s ?p ?v FILTER(isLiteral(?v) && ?v > ?min) } GROUP BY ?p"
    r = small_store().run(q, {"min": dec("3")})
    assert r.binding == "substitutions"
    assert [(row[0].value, int(row[1].value)) for row in r.rows] == [(EX + "p", 2)]


def test_ask_runs_as_a_select_of_the_parameter():
    st = small_store()
    q = f"ASK {{ ?s <{EX}p> ?v FILTER(?v > ?min) }}"
    assert (st.run(q, {"min": dec("7")}).boolean, st.run(q, {"min": dec("8")}).boolean) == (True, False)
    assert st.run(q, {"min": dec("7")}).binding == "substitutions"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # CONSTRUCT: pyoxigraph silently ignores a substitution used only in a FILTER
        (f"CONSTRUCT {{ ?s <{EX}big> ?v }} WHERE {{ ?s <{EX}p> ?v FILTER(?v > ?min) }}", 2),
        # an aggregate without GROUP BY: projecting the parameter would need a GROUP BY
        (f"SELECT (COUNT(?s) AS ?n) WHERE {{ ?s <{EX}p> ?v FILTER(?v > ?min) }}", [["2"]]),
        # SELECT * whose parameter is only in a FILTER: not in scope, pyoxigraph refuses it
        (f"SELECT * WHERE {{ ?s <{EX}p> ?v FILTER(?v > ?min) }} ORDER BY ?s", [["3", EX + "a0", "5"], ["3", EX + "a2", "8"]]),
        # BIND(?min AS ?x): pyoxigraph 0.5.13 leaves ?x unbound under substitution
        ("SELECT ?x WHERE { BIND(?min AS ?x) }", [["3"]]),
    ],
    ids=["construct", "aggregate", "select-star", "bind-copy"],
)
def test_values_binding_where_substitution_cannot_work(query, expected):
    r = small_store().run(query, {"min": dec("3")})
    assert r.binding == "values"
    if r.kind == "graph":
        assert len(r.rows) == expected
    else:
        assert [[t.value for t in row] for row in r.rows] == expected


def test_a_parameter_must_occur_and_must_not_be_assigned():
    st = small_store()
    with pytest.raises(QueryError, match=r"--param nope: the query has no variable \?nope"):
        st.run("SELECT ?s WHERE { ?s ?p ?o }", {"nope": dec("1")})
    with pytest.raises(QueryError, match=r"--param x: \?x is assigned with AS in the query"):
        st.run("SELECT ?x WHERE { BIND(1 AS ?x) }", {"x": dec("1")})
    with pytest.raises(QueryError, match="is not an IRI or a literal"):
        st.run("SELECT ?s WHERE { ?s ?p ?o }", {"s": ox.BlankNode("b")})


# --------------------------------------------------------------------------- limits and updates


def test_a_query_over_time_is_abandoned_with_a_clear_error(atlas):
    slow = P + "SELECT * WHERE { ?a ?p ?b . ?b ?q ?c . ?c ?r ?d }"  # billions of rows, streamed
    with pytest.raises(QueryTimeout) as info:
        atlas.run(slow, timeout_s=0.2, row_limit=None)
    assert str(info.value) == "query did not finish within 0.2 s; use --timeout to allow longer"


def test_the_abandoned_worker_stops_at_its_next_row():
    started, finished = threading.Event(), threading.Event()

    def work(cancel: threading.Event) -> int:
        started.set()
        n = 0
        while not cancel.is_set():
            n += 1
        finished.set()
        return n

    with pytest.raises(QueryTimeout):
        run_with_timeout(work, 0.05)
    assert started.is_set()
    assert finished.wait(10)


def test_limits_must_be_positive():
    st = small_store()
    with pytest.raises(QueryError, match="row limit must be at least 1, got 0"):
        st.run("SELECT * {}", row_limit=0)
    with pytest.raises(QueryError, match="timeout must be positive, got -1"):
        st.run("SELECT * {}", timeout_s=-1)


def test_updates_run_only_when_allowed():
    st = small_store()
    update = f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a9> <{EX}p> 9 }} }}"
    with pytest.raises(UpdateRefused, match=r"this is a SPARQL update \(INSERT\)"):
        st.run(update)
    assert st.run(update, allow_update=True).kind == "update"
    assert st.run(f"ASK {{ <{EX}a9> <{EX}p> 9 }}").boolean is True
    with pytest.raises(QueryError, match="parameters cannot be bound in an update"):
        st.run(update, {"x": dec("1")}, allow_update=True)


@pytest.mark.parametrize("big", [False, True])
def test_a_store_handed_over_is_sent_once_and_seen_anew_after_refresh(big):
    """Small stores travel with the request, big ones (over 50,000 quads) as a snapshot file."""
    st = ox.Store()
    p = ox.NamedNode(EX + "p")
    n = 50_001 if big else 3
    st.extend([ox.Quad(ox.NamedNode(f"{EX}s{i}"), p, ox.Literal(str(i)), ox.NamedNode(EX + "g")) for i in range(n)])
    wrapper = EmbeddedStore(store=st)
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{EX}p> ?o }}"
    assert wrapper.run(count).rows[0][0].value == str(n)
    st.add(ox.Quad(ox.NamedNode(EX + "late"), p, ox.Literal("x"), ox.NamedNode(EX + "g")))  # behind its back
    assert wrapper.run(count).rows[0][0].value == str(n)
    wrapper.refresh()
    assert wrapper.run(count).rows[0][0].value == str(n + 1)
    wrapper.run(f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}more> <{EX}p> 1 }} }}", allow_update=True)
    assert wrapper.run(count).rows[0][0].value == str(n + 2)


def test_the_graph_file_is_loaded_once_per_version(built_graph):
    assert EmbeddedStore(built_graph).store is EmbeddedStore(built_graph).store


# --------------------------------------------------------------------------- formats

MIXED = r"""SELECT ?iri ?int ?dec ?dbl ?bool ?text ?lang ?year ?none WHERE {
  BIND(<http://example.org/a?b=c> AS ?iri) BIND(42 AS ?int) BIND(-1.5 AS ?dec) BIND(1.5e3 AS ?dbl)
  BIND(false AS ?bool) BIND("a, \"quoted\"\nline\ttab" AS ?text) BIND("중국"@ko AS ?lang)
  BIND("2025"^^<http://www.w3.org/2001/XMLSchema#gYear> AS ?year)
  OPTIONAL { <http://example.org/none> <http://example.org/none> ?none }
}"""


def test_json_csv_and_tsv_match_pyoxigraph_serialisers():
    st = small_store()
    ours = st.run(MIXED)
    for fmt, oxfmt in (("csv", ox.QueryResultsFormat.CSV), ("tsv", ox.QueryResultsFormat.TSV)):
        assert render(ours, fmt).encode() == st.store.query(MIXED).serialize(format=oxfmt)
    theirs = json.loads(st.store.query(MIXED).serialize(format=ox.QueryResultsFormat.JSON))
    assert json.loads(render(ours, "json")) == theirs
    assert theirs["results"]["bindings"][0]["lang"] == {"type": "literal", "value": "중국", "xml:lang": "ko"}
    assert "none" not in theirs["results"]["bindings"][0]


def test_ask_formats():
    r = small_store().run(f"ASK {{ ?s <{EX}p> 8.0 }}")
    assert render(r, "json") == '{"head":{},"boolean":true}'
    assert (render(r, "csv"), render(r, "tsv"), to_table(r)) == ("true", "true", "true")


def test_graph_results_as_ntriples_and_turtle_parse_back_to_the_same_triples():
    r = small_store().run(f"CONSTRUCT {{ ?s <{EX}p> ?v }} WHERE {{ ?s <{EX}p> ?v }}")
    triples = {ox.Triple(*row) for row in r.rows}
    for fmt, oxfmt in (("nt", ox.RdfFormat.N_TRIPLES), ("ttl", ox.RdfFormat.TURTLE)):
        back = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(render(r, fmt), format=oxfmt)}
        assert back == triples and len(back) == 3


def test_formats_must_fit_the_result():
    graph = Result(kind="graph", vars=["subject", "predicate", "object"])
    with pytest.raises(FormatError, match="--format json: CONSTRUCT/DESCRIBE results are triples; use --format nt, ttl or table"):
        check_format(graph, "json")
    with pytest.raises(FormatError, match="--format ttl: SELECT results are not triples"):
        check_format(Result(kind="select"), "ttl")
    with pytest.raises(FormatError, match="--format 'xml': choose one of table, csv, tsv, json, nt, ttl"):
        check_format(Result(kind="select"), "xml")


def test_the_table_shortens_iris_and_counts_rows():
    r = Result(kind="select", vars=["e", "l", "n"], rows=[
        [ox.NamedNode(PFID + "china"), ox.Literal("중국", language="ko"), dec("1.5")],
        [ox.NamedNode("http://example.org/x"), None, ox.BlankNode("b1")],
    ], truncated=True, row_limit=2)
    assert [compact(t) for t in r.rows[0]] == ["pfid:china", "중국@ko", "1.5"]
    assert [compact(t) for t in r.rows[1]] == ["<http://example.org/x>", "", "_:b1"]
    console = Console(width=100, record=True)
    console.print(to_table(r, "Title"))
    text = console.export_text()
    assert "pfid:china" in text and "2 rows (truncated)" in text
