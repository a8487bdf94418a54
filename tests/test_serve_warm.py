"""``petaflop serve`` computes the catalogue's answers at start (petaflop.serve_warm): the first reader of a
catalogue query gets it from memory, in petaflop's own client's form and in a plain SPARQL client's."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys

from test_query_cli import _ctrl_c, _kill, _read_until

from petaflop.endpoint import RemoteStore
from petaflop.params import bind_params, run_catalogue
from petaflop.query import EmbeddedStore, prepare
from petaflop.serve import free_port
from petaflop.serve_warm import PLAIN_ACCEPT, warm_catalogue
from queries import load_catalogue
from queries.sparql import insert_values

DONE = "catalogue answers computed at start"


def _serve(built_graph, location, *extra) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "COLUMNS": "250", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "petaflop.cli", "serve", "--port", str(port), "--data",
                             str(built_graph), "--location", str(location), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    return proc, port


def _plain(port: int, text: str) -> tuple[int, str | None, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("POST", "/query", body=text.encode("utf-8"),
                     headers={"Content-Type": "application/sparql-query", "Accept": PLAIN_ACCEPT})
        resp = conn.getresponse()
        return resp.status, resp.getheader("X-Petaflop-Cache"), resp.read()
    finally:
        conn.close()


def _with_params():
    return next(q for q in load_catalogue() if q.id == "deals-by-amount")


def test_every_catalogue_answer_is_kept_at_start_in_both_forms(built_graph, tmp_path):
    catalogue = load_catalogue()
    proc, port = _serve(built_graph, tmp_path / "store")
    try:
        seen = _read_until(proc, DONE, timeout_s=600)
        line = seen[seen.index(DONE):].split("\n")[0]
        assert f"{len(catalogue)} queries with their default parameters" in line and "not kept" not in line
        url = f"http://127.0.0.1:{port}/query"
        query = _with_params()
        assert query.params  # bound in a VALUES block by both clients
        params = bind_params({}, query, lambda _iri: True)
        status, how, body = _plain(port, insert_values(query.sparql, params))
        assert (status, how) == (200, "hit")
        answer, binding = RemoteStore(url).send(prepare(query.sparql, params), 30)
        assert (answer.status, answer.headers.get("x-petaflop-cache"), binding) == (200, "hit", "values")
        # the kept answer is the query's answer: the same rows as the embedded store gives
        embedded = run_catalogue(EmbeddedStore(built_graph), query, row_limit=None)
        rows = json.loads(body)["results"]["bindings"]
        assert len(rows) == len(embedded.rows) > 0
        # a query with another parameter value is evaluated when asked, then kept
        other = insert_values(query.sparql, bind_params({"min_usd": "1000000000"}, query))
        assert _plain(port, other)[:2] == (200, None)
        assert _plain(port, other)[:2] == (200, "hit")
        _ctrl_c(proc)
    finally:
        _kill(proc)


def test_no_warm_leaves_the_first_reader_to_compute(built_graph, tmp_path):
    proc, port = _serve(built_graph, tmp_path / "store", "--no-warm")
    try:
        seen = _read_until(proc, "SPARQL endpoint:")
        query = _with_params()
        text = insert_values(query.sparql, bind_params({}, query, lambda _iri: True))
        assert _plain(port, text)[:2] == (200, None)  # computed now
        assert _plain(port, text)[:2] == (200, "hit")
        out, _err = _ctrl_c(proc)
        assert DONE not in seen + out and "computing the catalogue" not in seen + out
    finally:
        _kill(proc)


def test_an_unreachable_server_is_reported_query_by_query_not_raised():
    url = f"http://127.0.0.1:{free_port()}/query"
    two = load_catalogue()[:2]
    report = warm_catalogue(url, 2.0, catalogue=two)
    assert (report.queries, report.kept, [qid for qid, _why in report.failed]) == (2, 0, [q.id for q in two])
    assert all("cannot" in why for _qid, why in report.failed), report.failed
    assert "2 not kept" in report.line() and two[0].id in report.line()


def test_a_query_not_done_in_time_is_asked_again_after_the_others(monkeypatch):
    """On a busy machine a slow query can time out in the first pass; it is asked once more at the end, and only
    a query failing twice is reported."""
    from petaflop import serve_warm
    from petaflop.endpoint import EndpointTimeout, HttpAnswer

    three = load_catalogue()[:3]
    sent: list[str] = []

    def send(self, prepared, timeout_s):
        sent.append(prepared.text)
        if prepared.text == three[1].sparql and sent.count(prepared.text) == 1:
            raise EndpointTimeout("endpoint did not answer within 5 s")
        if prepared.text == three[2].sparql:
            raise EndpointTimeout("endpoint did not answer within 5 s")
        return HttpAnswer(200, b"{}", "application/sparql-results+json"), "none"

    monkeypatch.setattr(RemoteStore, "send", send)
    monkeypatch.setattr(serve_warm, "_plain_post", lambda url, text, timeout_s: 200)
    report = warm_catalogue("http://127.0.0.1:9/query", 5.0, catalogue=three)
    assert (report.queries, report.kept) == (3, 2)
    assert report.failed == [(three[2].id, "endpoint did not answer within 5 s")]
    assert [sent.count(q.sparql) for q in three] == [1, 2, 2]
