"""Remote endpoints that fail: each failure is one clear line with its exit code; retries where they help.

The endpoint is real HTTP: a closed port on 127.0.0.1, and ``tests/servers.py``'s FakeEndpoint
(a small http.server answering 500, 401, 503-then-200, slowly, …).
"""

from __future__ import annotations

import urllib.parse

import pyoxigraph as ox
import pytest
from servers import FakeEndpoint

from foundation.errors import UserError
from foundation.namespaces import GRAPHS
from petaflop.endpoint import (
    AuthenticationFailed,
    EndpointFailed,
    EndpointRejected,
    EndpointTimeout,
    EndpointUnreachable,
    RemoteStore,
    guess_update_url,
)
from petaflop.serve import free_port

FAST = (0.01, 0.02)  # the retry backoff, shortened for the tests
Q = "SELECT ?x WHERE { ?x ?p ?o }"


@pytest.fixture(scope="module")
def fake():
    server = FakeEndpoint(slow_s=3.0)
    yield server
    server.stop()


def fail(url: str, exc_type, timeout_s: float = 10, **kw):
    with pytest.raises(exc_type) as info:
        RemoteStore(url, retry_delays=FAST, **kw).run(Q, timeout_s=timeout_s)
    return info.value


def test_a_closed_port_is_tried_three_times_then_named():
    url = f"http://127.0.0.1:{free_port()}/sparql"
    err = fail(url, EndpointUnreachable)
    assert str(err) == f"cannot connect to {url}: connection refused (tried 3 times)"
    assert err.exit_code == 2


def test_service_unavailable_is_retried_until_it_answers(fake):
    r = RemoteStore(fake.base + "/flaky", retry_delays=FAST).run(Q)
    assert [[t.value for t in row] for row in r.rows] == [["ok"]]
    assert fake.counts["/flaky"] == 3


def test_a_server_error_is_not_retried(fake):
    err = fail(fake.base + "/status/500", EndpointFailed)
    assert str(err) == f"endpoint error (HTTP 500) at {fake.base}/status/500: error 500 from the fake endpoint"
    assert err.exit_code == 2
    assert fake.counts["/status/500"] == 1


def test_bad_gateway_is_retried_then_named(fake):
    err = fail(fake.base + "/status/502", EndpointFailed)
    assert str(err) == (f"endpoint error (HTTP 502) at {fake.base}/status/502: error 502 from the fake endpoint "
                        "(tried 3 times)")
    assert fake.counts["/status/502"] == 3


def test_authentication_required(fake):
    err = fail(fake.base + "/status/401", AuthenticationFailed)
    assert str(err) == f"{fake.base}/status/401 requires authentication (HTTP 401): give --user and --password"
    assert err.exit_code == 1


def test_wrong_credentials(fake):
    err = fail(fake.base + "/basic", AuthenticationFailed, user="user", password="wrong")
    assert str(err) == f"authentication failed at {fake.base}/basic (HTTP 401): check --user and --password"


def test_right_credentials_are_sent_as_basic_auth(fake):
    r = RemoteStore(fake.base + "/basic", user="user", password="secret").run(Q)
    assert [[t.value for t in row] for row in r.rows] == [["ok"]]
    assert fake.requests[-1]["headers"]["Authorization"] == "Basic dXNlcjpzZWNyZXQ="


def test_access_denied(fake):
    err = fail(fake.base + "/status/403", AuthenticationFailed)
    assert str(err) == f"access denied at {fake.base}/status/403 (HTTP 403): error 403 from the fake endpoint"


def test_rejected_query_and_missing_endpoint_are_user_errors(fake):
    err = fail(fake.base + "/status/400", EndpointRejected)
    assert str(err) == "endpoint rejected the select (HTTP 400): error 400 from the fake endpoint"
    assert err.exit_code == 1
    err = fail(fake.base + "/status/404", EndpointRejected)
    assert str(err) == f"no SPARQL endpoint at {fake.base}/status/404 (HTTP 404)"


def test_no_answer_in_time(fake):
    err = fail(fake.base + "/slow", EndpointTimeout, timeout_s=0.3)
    assert str(err) == f"endpoint {fake.base}/slow did not answer within 0.3 s; use --timeout to allow longer"
    assert err.exit_code == 1


def test_unknown_host_and_bad_url():
    err = fail("http://no-such-host.invalid/sparql", EndpointUnreachable)
    assert str(err) == "cannot resolve the host of http://no-such-host.invalid/sparql"
    with pytest.raises(UserError, match=r"--endpoint 'ftp://example.org/sparql': not an http\(s\) URL"):
        RemoteStore("ftp://example.org/sparql")


def test_a_web_page_is_not_mistaken_for_results(fake):
    err = fail(fake.base + "/html", EndpointRejected)
    assert str(err) == f"endpoint {fake.base}/html answered with text/html, not SPARQL results"


def test_an_endpoint_row_cap_is_a_truncation(fake):
    r = RemoteStore(fake.base + "/capped").run(Q)
    assert len(r.rows) == 3 and r.truncated
    assert r.truncation_message == "the endpoint capped the results at 3 rows (X-SPARQL-MaxRows); page with LIMIT/OFFSET"


def test_the_request_carries_values_json_accept_and_the_atlas_dataset(fake):
    RemoteStore(fake.base + "/ok").run(Q, {"o": ox.Literal('a "quoted" value')})
    req = fake.requests[-1]
    assert req["method"] == "POST" and req["headers"]["Accept"] == "application/sparql-results+json"
    form = urllib.parse.parse_qs(req["body"].decode())
    assert form["query"] == ['SELECT ?x WHERE { VALUES (?o) { ("a \\"quoted\\" value") }  ?x ?p ?o }']
    assert form["default-graph-uri"] == list(GRAPHS) and form["named-graph-uri"] == list(GRAPHS)
    assert "format" not in form and "output" not in form


def test_updates_go_to_the_update_url(fake):
    store = RemoteStore(fake.base + "/query")
    assert store.update_url == fake.base + "/update"
    assert guess_update_url("http://h/sparql") == "http://h/sparql"
    assert store.run("CLEAR GRAPH <http://example.org/g>", allow_update=True).kind == "update"
    req = fake.requests[-1]
    assert req["path"] == "/update"
    assert urllib.parse.parse_qs(req["body"].decode())["update"] == ["CLEAR GRAPH <http://example.org/g>"]
