"""``push`` reports success only when the store holds what was sent.

Before: a URL answering an HTML page with 200 got "pushed 162154 triples" and exit 0; a store
that accepted the upload but kept nothing was a success too; ``--timeout 5`` did not apply to
the first request (the server probe waited 10 s); HTTP 500 exited 1, not the documented 2.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
import urllib.parse

import pytest
from conftest import assert_one_line_error, petaflop


class Store(http.server.ThreadingHTTPServer):
    """A fake SPARQL store: ``mode`` decides how it misbehaves; counts what it was sent."""

    def __init__(self, mode: str):
        self.mode = mode
        self.puts = 0
        self.held = 0
        super().__init__(("127.0.0.1", 0), _Handler)
        self.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()


class _Handler(http.server.BaseHTTPRequestHandler):
    server: Store

    def log_message(self, *_args):
        pass

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Server", "Oxigraph/fake")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the time-out test)

    def do_GET(self):
        mode = self.server.mode
        if mode == "html":
            return self._send(200, b"<html><body>Welcome to our CMS</body></html>", "text/html")
        if mode == "slow":
            time.sleep(6)
        if mode == "500":
            return self._send(500, b"the disk is on fire", "text/plain")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("query", [""])[0]
        if query.startswith("ASK"):
            return self._send(200, b'{"head":{},"boolean":true}', "application/sparql-results+json")
        count = {"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {
            "type": "literal", "value": str(self.server.held),
            "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}
        return self._send(200, json.dumps(count).encode(), "application/sparql-results+json")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if urllib.parse.urlsplit(self.path).path.endswith("/query"):
            self.path = self.path + ("&" if "?" in self.path else "?") + body.decode()
            return self.do_GET()
        return self._send(500 if self.server.mode == "500" else 204, b"", "text/plain")

    def do_PUT(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.server.puts += 1
        if self.server.mode == "500":
            return self._send(500, b"disk full", "text/plain")
        self._send(204, b"", "text/plain")


@pytest.fixture()
def store(request):
    server = Store(request.param)
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("store", ["html"], indirect=True)
def test_a_web_page_is_not_a_store(store, built_graph):
    proc = petaflop("push", "--endpoint", f"{store.base}/sparql", "--graph", "facts", "--data", str(built_graph))
    assert_one_line_error(proc, 1, "is not a SPARQL endpoint", "text/html")
    assert "pushed" not in proc.stdout and store.puts == 0


@pytest.mark.parametrize("store", ["forgets"], indirect=True)
def test_an_upload_the_store_did_not_keep_is_a_failure(store, built_graph):
    proc = petaflop("push", "--endpoint", f"{store.base}/query", "--graph", "facts", "--data", str(built_graph))
    assert_one_line_error(proc, 2, "now holds 0 triples", "the load did not take")
    assert "pushed" not in proc.stdout and store.puts == 1


@pytest.mark.parametrize("store", ["slow"], indirect=True)
def test_the_timeout_applies_to_the_first_request(store, built_graph):
    from petaflop.endpoint import EndpointTimeout
    from petaflop.push import push

    proc = petaflop("push", "--endpoint", f"{store.base}/query", "--timeout", "1", "--data", str(built_graph))
    assert_one_line_error(proc, 1, "query?query=ASK%20%7B%7D did not answer within 1 s")
    t0 = time.monotonic()
    with pytest.raises(EndpointTimeout):  # the store answers after 6 s: the first request gives up at 1 s
        push(f"{store.base}/query", built_graph, timeout_s=1, retry_delays=())
    assert time.monotonic() - t0 < 4


@pytest.mark.parametrize("store", ["500"], indirect=True)
def test_a_server_error_is_an_environment_error(store, built_graph):
    proc = petaflop("push", "--endpoint", f"{store.base}/query", "--store-url", f"{store.base}/store",
                    "--update-url", f"{store.base}/update", "--graph", "facts", "--data", str(built_graph))
    assert_one_line_error(proc, 2, "HTTP 500")
