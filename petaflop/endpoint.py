"""Remote SPARQL 1.1 endpoints: querying them through SPARQLWrapper.

:class:`RemoteStore` is the second implementation of :class:`petaflop.query.QueryStore`.
Parameters are bound by a ``VALUES`` block of serialised RDF terms at the start of the
``WHERE`` group (:func:`queries.sparql.insert_values`). By default the dataset is the four
atlas graphs, named both as default graphs (their union) and as named graphs
(``default-graph-uri`` / ``named-graph-uri``), so an endpoint's own system graphs (Virtuoso
keeps several) do not leak into answers; ``graphs=None`` queries the endpoint's own dataset.

Failures are one line each, through :mod:`foundation.errors`:

================================  ==========================================  ====
what                              message starts with                         exit
================================  ==========================================  ====
connection refused (3 attempts)   ``cannot connect to URL``                   2
unknown host                      ``cannot resolve the host of URL``          2
no answer in time                 ``endpoint URL did not answer within S s``  1
HTTP 401 / 403                    ``authentication failed`` / ``access denied``  1
HTTP 400 (query rejected)         ``endpoint rejected the query``             1
HTTP 404                          ``no SPARQL endpoint at URL``               1
HTTP 5xx                          ``endpoint error (HTTP 500)``               2
================================  ==========================================  ====

Connection refused and HTTP 502/503/504 are retried twice (0.25 s, then 0.75 s); other
errors are not, because repeating them cannot help.

Loading the graph into a store (``petaflop push``) is :mod:`petaflop.push`. A syntax check of the
query text (exact positions, in a sandbox worker) comes before anything is sent; ``petaflop
serve``'s own time limit (HTTP 503 "query did not finish within …") is a time-out, not retried.
"""

from __future__ import annotations

import ast
import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from SPARQLWrapper import BASIC, DIGEST, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from foundation.errors import EnvironmentProblem, UserError
from foundation.namespaces import GRAPHS
from petaflop.query import (
    GRAPH_VARS,
    Prepared,
    QueryStore,
    QueryTimeout,
    Result,
    _take,
    check_syntax,
)
from queries.sparql import declare_prefixes, insert_values

RETRY_DELAYS = (0.25, 0.75)
RETRY_STATUS = (502, 503, 504)
# JSON only: Virtuoso ignores q-values (it answered XML to "json, xml;q=0.8"), and pyoxigraph's
# XML results parser trims leading and trailing spaces of literal values.
SELECT_ACCEPT = "application/sparql-results+json"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
RDF_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "text/rdf+n3": ox.RdfFormat.TURTLE,
    "text/n3": ox.RdfFormat.N3,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}


class EndpointUnreachable(EnvironmentProblem):
    """No connection (refused, unknown host, closed)."""


class EndpointFailed(EnvironmentProblem):
    """The endpoint answered with a server error (5xx)."""


class EndpointRejected(UserError):
    """The endpoint refused the request as given (4xx other than auth)."""


class AuthenticationFailed(UserError):
    """HTTP 401/403: missing or wrong credentials."""


class EndpointTimeout(QueryTimeout):
    """No answer within the timeout."""


@dataclass
class HttpAnswer:
    status: int
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)


def check_url(url: str, option: str = "--endpoint") -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(f"{option} {url!r}: not an http(s) URL (e.g. http://127.0.0.1:7878/query)")
    return url


def _snippet(body: bytes | str, n: int = 160) -> str:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = " ".join(text.split())
    return text[:n] + ("…" if len(text) > n else "")


def _body_of(exc: SPARQLWrapperException) -> bytes:
    """SPARQLWrapper keeps the response body only inside its message (``Response:\\nb'…'``)."""
    msg = str(exc)
    marker = "Response:\n"
    if marker in msg:
        try:
            value = ast.literal_eval(msg.split(marker, 1)[1])
            return value if isinstance(value, bytes) else str(value).encode()
        except (ValueError, SyntaxError):
            return msg.split(marker, 1)[1].encode()
    return b""


def _network_error(exc: BaseException, url: str, timeout_s: float | None) -> Exception | None:
    """Map a socket-level failure to our error, or None if it is not one."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError) else exc
    if isinstance(reason, TimeoutError | socket.timeout):
        return EndpointTimeout(f"endpoint {url} did not answer within {timeout_s:g} s; use --timeout to allow longer")
    if isinstance(reason, ConnectionRefusedError):
        return _transient(EndpointUnreachable(f"cannot connect to {url}: connection refused"))
    if isinstance(reason, socket.gaierror):
        return EndpointUnreachable(f"cannot resolve the host of {url}")
    if isinstance(reason, ConnectionError | http.client.RemoteDisconnected | http.client.IncompleteRead):
        return EndpointUnreachable(f"connection to {url} was closed: {reason}")
    if isinstance(reason, OSError):
        return EndpointUnreachable(f"cannot connect to {url}: {reason}")
    return None


def _http_error(status: int, body: bytes, url: str, what: str = "query", authenticated: bool = False) -> Exception:
    if status == 401:
        if authenticated:
            return AuthenticationFailed(f"authentication failed at {url} (HTTP 401): check --user and --password")
        return AuthenticationFailed(f"{url} requires authentication (HTTP 401): give --user and --password")
    if status == 403:
        detail = _snippet(body)
        return AuthenticationFailed(f"access denied at {url} (HTTP 403)" + (f": {detail}" if detail else ""))
    if status == 404:
        return EndpointRejected(f"no SPARQL endpoint at {url} (HTTP 404)")
    if status == 400:
        return EndpointRejected(f"endpoint rejected the {what} (HTTP 400): {_snippet(body)}")
    if 400 <= status < 500:
        return EndpointRejected(f"endpoint refused the {what} (HTTP {status}): {_snippet(body)}")
    if status == 503 and body.startswith(b"query did not finish within"):  # petaflop serve's own time limit
        return EndpointTimeout(f"endpoint {url} stopped the query: {_snippet(body)}; use a simpler query")
    failed = EndpointFailed(f"endpoint error (HTTP {status}) at {url}: {_snippet(body) or 'no details'}")
    return _transient(failed) if status in RETRY_STATUS else failed


def _transient(exc: Exception) -> Exception:
    exc.transient = True  # type: ignore[attr-defined]
    return exc


def with_retries(call: Callable[[], Any], url: str, delays: Iterable[float] = RETRY_DELAYS) -> Any:
    """Retry ``call`` on connection refused and HTTP 502/503/504, with backoff."""
    delays = list(delays)
    attempt = 0
    while True:
        try:
            return call()
        except (EndpointUnreachable, EndpointFailed) as exc:
            if not getattr(exc, "transient", False):
                raise
            if attempt >= len(delays):
                raise type(exc)(f"{exc} (tried {attempt + 1} times)") from None
            time.sleep(delays[attempt])
            attempt += 1


class RemoteStore(QueryStore):
    """Any SPARQL 1.1 endpoint, through SPARQLWrapper (POST, form-encoded)."""

    def __init__(self, url: str, *, update_url: str | None = None, user: str | None = None,
                 password: str | None = None, graphs: Iterable[str] | None = GRAPHS,
                 retry_delays: Iterable[float] = RETRY_DELAYS):
        self.url = check_url(url)
        self.update_url = check_url(update_url, "--update-url") if update_url else guess_update_url(url)
        self.user, self.password = user, password
        self.graphs = list(graphs) if graphs is not None else None
        self.retry_delays = tuple(retry_delays)
        self.auth = BASIC
        self.description = f"endpoint {url}"

    # ------------------------------------------------------------------ HTTP
    def _request(self, text: str, kind: str, form: str, timeout_s: float | None) -> HttpAnswer:
        url = self.update_url if kind == "update" else self.url
        return with_retries(lambda: self._request_once(text, kind, form, timeout_s, url), url, self.retry_delays)

    def _request_once(self, text: str, kind: str, form: str, timeout_s: float | None, url: str) -> HttpAnswer:
        for attempt in range(2):  # the second attempt switches Basic → Digest after a 401
            sw = SPARQLWrapper(self.url, updateEndpoint=self.update_url)
            sw.setMethod(POST)
            sw.setOnlyConneg(True)  # no format=xml parameter: Virtuoso obeys it over the Accept header
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # its regex guess of the query type; we set the type below
                sw.setQuery(text)
            # SPARQLWrapper guesses the form with a regex that comments can fool (a commented
            # "load" made it send a SELECT to the update URL); our tokeniser knows the form.
            sw.queryType = form
            if kind != "update":
                sw.addCustomHttpHeader("Accept", GRAPH_ACCEPT if kind == "graph" else SELECT_ACCEPT)
                for g in self.graphs or ():
                    sw.addDefaultGraph(g)
                    sw.addNamedGraph(g)
            if timeout_s is not None:
                sw.timeout = timeout_s  # SPARQLWrapper passes it to urlopen as is (setTimeout rounds to int)
            if self.user is not None:
                sw.setCredentials(self.user, self.password or "")
                sw.setHTTPAuth(self.auth)
            try:
                response = sw.query().response
                body = response.read()
                headers = {k.lower(): v for k, v in response.info().items()}
                return HttpAnswer(response.status, body, headers.get("content-type", ""), headers)
            except SPARQLWrapperException as exc:
                status = getattr(exc.__context__, "code", None) or _status_of(exc)
                if status == 401 and self.user is not None and attempt == 0 and self.auth == BASIC:
                    challenge = getattr(getattr(exc.__context__, "headers", None), "get", lambda _k, _d="": "")(
                        "WWW-Authenticate", "")
                    if "digest" in challenge.lower() or not challenge:
                        self.auth = DIGEST
                        continue
                raise _http_error(status, _body_of(exc), url, kind, self.user is not None) from None
            except urllib.error.HTTPError as exc:
                raise _http_error(exc.code, _read(exc), url, kind, self.user is not None) from None
            except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
                mapped = _network_error(exc, url, timeout_s)
                if mapped is None:
                    raise EndpointUnreachable(f"cannot query {url}: {exc}") from None
                raise mapped from None
        raise AuthenticationFailed(f"authentication failed at {url} (HTTP 401): check --user and --password")

    # ------------------------------------------------------------------ results
    def send(self, prepared: Prepared, timeout_s: float | None) -> tuple[HttpAnswer, str]:
        """The endpoint's answer to ``prepared`` as it is sent (parameters in a ``VALUES`` block, the
        prefixes it uses declared) and how its parameters were bound; the syntax is not checked here."""
        text, binding = prepared.text, "none"
        if prepared.params:
            text, binding = insert_values(text, prepared.params, prepared.shape), "values"
        text = declare_prefixes(text, prepared.prefixes)
        # The row limit is applied to the answer, not written into the query: an added LIMIT
        # next to ORDER BY makes Virtuoso refuse to sort more than its ResultSetMaxRows.
        form = prepared.shape.form if prepared.kind != "update" else _UPDATE_TYPES.get(
            prepared.shape.update_keyword, "INSERT")
        return self._request(text, prepared.kind, form, timeout_s), binding

    def _execute(self, prepared: Prepared, timeout_s: float | None, row_limit: int | None) -> Result:
        if prepared.kind != "update":
            check_syntax(prepared, timeout_s)  # parsed in a sandbox worker: exact positions, no crash here
        answer, binding = self.send(prepared, timeout_s)
        if prepared.kind == "update":
            return Result(kind="update")
        mime = answer.content_type.split(";")[0].strip().lower()
        cap = answer.headers.get("x-sparql-maxrows")
        try:
            if prepared.kind == "graph":
                fmt = RDF_FORMATS.get(mime)
                if fmt is None:
                    raise EndpointRejected(f"endpoint {self.url} answered CONSTRUCT/DESCRIBE with {mime or 'no type'}")
                triples = ([q.subject, q.predicate, q.object] for q in ox.parse(answer.body, format=fmt))
                rows, truncated = _take(triples, row_limit)
                result = Result(kind="graph", vars=list(GRAPH_VARS), rows=rows, truncated=truncated,
                                row_limit=row_limit, binding=binding)
            else:
                fmt = RESULT_FORMATS.get(mime)
                if fmt is None:
                    raise EndpointRejected(f"endpoint {self.url} answered with {mime or 'no type'}, not SPARQL results")
                parsed = ox.parse_query_results(answer.body, format=fmt)
                if isinstance(parsed, ox.QueryBoolean):
                    return Result(kind="ask", boolean=bool(parsed), binding=binding)
                names = [v.value for v in parsed.variables]
                rows, truncated = _take(([sol[i] for i in range(len(names))] for sol in parsed), row_limit)
                result = Result(kind="select", vars=names, rows=rows, truncated=truncated,
                                row_limit=row_limit, binding=binding)
        except (SyntaxError, ValueError, OSError) as exc:
            raise EndpointRejected(f"endpoint {self.url} sent results that do not parse: {exc}") from None
        if cap and not result.truncated and len(result.rows) >= int(cap):
            result.truncated = True
            result.notice = f"the endpoint capped the results at {cap} rows (X-SPARQL-MaxRows); page with LIMIT/OFFSET"
        return result


_UPDATE_TYPES = {k: k for k in ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")}
_UPDATE_TYPES["WITH"] = "DELETE"  # WITH <g> DELETE/INSERT …: SPARQLWrapper only needs to know it is an update


def _status_of(exc: SPARQLWrapperException) -> int:
    name = type(exc).__name__
    return {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404, "URITooLong": 414,
            "EndPointInternalError": 500}.get(name, 500)


def _read(exc: urllib.error.HTTPError) -> bytes:
    try:
        return exc.read()
    except OSError:
        return b""


def _url_parent(url: str) -> tuple[str, str]:
    parts = urllib.parse.urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    path = parts.path.rstrip("/")
    parent = path.rsplit("/", 1)[0] if "/" in path else ""
    return origin, origin + parent


def guess_update_url(url: str) -> str:
    """Oxigraph and Fuseki answer updates at ``…/update`` beside ``…/query``; others at the same URL."""
    _origin, parent = _url_parent(url)
    path = urllib.parse.urlsplit(url).path.rstrip("/")
    if path.endswith("/query"):
        return parent + "/update"
    return url

