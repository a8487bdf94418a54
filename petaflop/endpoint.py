"""Remote SPARQL 1.1 endpoints: querying (SPARQLWrapper) and loading the graph (``push``).

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

``push`` loads ``build/atlas.nq`` into any SPARQL 1.1 store: per named graph, an HTTP PUT of
the graph to the SPARQL 1.1 Graph Store Protocol endpoint (replacing the graph); if no Graph
Store endpoint accepts it, SPARQL UPDATE: ``CLEAR SILENT GRAPH`` then ``INSERT DATA`` in
chunks, keeping every triple that mentions a blank node in the same chunk as the others that
mention it (a blank node's scope is one request). Where those live is read from the store's
``Server`` header (Virtuoso ``/sparql-graph-crud-auth`` and ``/sparql-auth``, Oxigraph
``/store`` and ``/update``, Fuseki ``/data``, RDF4J ``…/rdf-graphs/service``); ``--store-url``
and ``--update-url`` say it outright. Guessing by trying paths is not safe: Virtuoso holds a
PUT to an unknown path open until the client times out.
"""

from __future__ import annotations

import ast
import functools
import http.client
import math
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from SPARQLWrapper import BASIC, DIGEST, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from foundation.errors import EnvironmentProblem, UserError
from foundation.namespaces import GRAPHS, PFG
from petaflop.query import (
    GRAPH_VARS,
    Prepared,
    QueryError,
    QueryStore,
    QueryTimeout,
    Result,
    check_syntax,
)
from queries.sparql import declare_prefixes, insert_values, term_to_sparql

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

    def load(self, nq_path: Path | str | None = None, graphs: Iterable[str] | None = None,
             **options: Any) -> list[GraphPush]:
        """Load the built graph into this endpoint's store (see :func:`push`), with its credentials."""
        return push(self.url, nq_path, graphs=graphs, user=self.user, password=self.password,
                    retry_delays=self.retry_delays, **options)

    # ------------------------------------------------------------------ results
    def _execute(self, prepared: Prepared, timeout_s: float | None, row_limit: int | None) -> Result:
        if prepared.kind != "update":
            check_syntax(prepared, timeout_s)  # parsed in a sandbox worker: exact positions, no crash here
        text, binding = prepared.text, "none"
        if prepared.params:
            text, binding = insert_values(text, prepared.params, prepared.shape), "values"
        text = declare_prefixes(text, prepared.prefixes)
        # The row limit is applied to the answer, not written into the query: an added LIMIT
        # next to ORDER BY makes Virtuoso refuse to sort more than its ResultSetMaxRows.
        form = prepared.shape.form if prepared.kind != "update" else _UPDATE_TYPES.get(
            prepared.shape.update_keyword, "INSERT")
        answer = self._request(text, prepared.kind, form, timeout_s)
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


def _take(rows, row_limit: int | None) -> tuple[list, bool]:
    out: list = []
    for row in rows:
        if row_limit is not None and len(out) >= row_limit:
            return out, True
        out.append(row)
    return out, False


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


# --------------------------------------------------------------------------- push


@dataclass
class GraphPush:
    graph: str
    triples: int
    method: str  # "gsp" or "update"
    url: str
    requests: int


def _graph_iri(name: str) -> str:
    short = {g.rsplit("/", 1)[1]: g for g in GRAPHS}
    if name in short:
        return short[name]
    if name.startswith("pfg:"):
        name = PFG[name[4:]]
    if name.startswith("<") and name.endswith(">"):
        name = name[1:-1]
    if name not in GRAPHS:
        raise UserError(f"--graph {name!r}: not one of the atlas graphs ({', '.join(short)} or their IRIs)")
    return name


def check_timeout(timeout_s: float | None, option: str = "--timeout") -> float | None:
    """A time-out is a positive, finite number of seconds (None: no limit)."""
    if timeout_s is None:
        return None
    if isinstance(timeout_s, bool) or not isinstance(timeout_s, int | float):
        raise UserError(f"{option} {timeout_s!r}: not a number of seconds")
    if not timeout_s > 0:
        raise UserError(f"{option} {timeout_s:g}: must be positive")
    if not math.isfinite(timeout_s):
        raise UserError(f"{option} {timeout_s:g}: must be finite")
    return float(timeout_s)


def server_kind(url: str, timeout_s: float = 10.0, retry_delays: Iterable[float] = RETRY_DELAYS, *,
                user: str | None = None, password: str | None = None) -> str:
    """Which store answers at ``url`` ("virtuoso", "oxigraph", "fuseki", "rdf4j" or ""), from ``Server``.

    The probe is ``ASK {}``: an endpoint that does not answer it with SPARQL results (a web page
    with 200, an error) is not taken for one.
    """
    probe = url + ("&" if "?" in url else "?") + "query=" + urllib.parse.quote("ASK {}")
    answer = http_send("GET", probe, None, None, user=user, password=password, timeout_s=timeout_s,
                       retry_delays=retry_delays, accept=SELECT_ACCEPT)
    if answer.status >= 400:
        raise _http_error(answer.status, answer.body, url, "query", user is not None)
    mime = answer.content_type.split(";")[0].strip().lower()
    if mime not in RESULT_FORMATS:
        raise EndpointRejected(f"{url} is not a SPARQL endpoint: it answered ASK {{}} with HTTP {answer.status} "
                               f"and {mime or 'no content type'}, not SPARQL results")
    server = answer.headers.get("server", "").lower()
    for kind, marks in (("virtuoso", ("virtuoso",)), ("oxigraph", ("oxigraph",)), ("fuseki", ("fuseki", "jena")),
                        ("rdf4j", ("rdf4j", "graphdb"))):
        if any(m in server for m in marks):
            return kind
    return ""


def store_url_candidates(url: str, with_credentials: bool, kind: str = "") -> list[str]:
    """Graph Store Protocol URLs by the store's conventions (unknown store: the common ones)."""
    origin, parent = _url_parent(url)
    if kind == "virtuoso":
        return [origin + ("/sparql-graph-crud-auth" if with_credentials else "/sparql-graph-crud")]
    if kind == "rdf4j":
        return [url.rstrip("/") + "/rdf-graphs/service"]
    if kind == "oxigraph":
        return [parent + "/store"]
    if kind == "fuseki":
        return [parent + "/data"]
    return [parent + "/store", parent + "/data"]


def update_url_candidates(url: str, with_credentials: bool, kind: str = "") -> list[str]:
    origin, _parent = _url_parent(url)
    if kind == "virtuoso":
        return [origin + "/sparql-auth"] if with_credentials else [url]
    if kind == "rdf4j":
        return [url.rstrip("/") + "/statements"]
    return list(dict.fromkeys([guess_update_url(url), url]))


def _opener(url: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    handlers: list[Any] = []
    if user is not None:
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPBasicAuthHandler(mgr), urllib.request.HTTPDigestAuthHandler(mgr)]
    return urllib.request.build_opener(*handlers)


def http_send(method: str, url: str, body: bytes | None, content_type: str | None, *, user: str | None = None,
              password: str | None = None, timeout_s: float | None = 120.0,
              retry_delays: Iterable[float] = RETRY_DELAYS, accept: str | None = None) -> HttpAnswer:
    """One HTTP request with retries; HTTP errors come back as answers (status ≥ 400)."""

    def once() -> HttpAnswer:
        req = urllib.request.Request(url, data=body, method=method)
        if content_type:
            req.add_header("Content-Type", content_type)
        if accept:
            req.add_header("Accept", accept)
        try:
            with _opener(url, user, password).open(req, timeout=timeout_s) as resp:
                return HttpAnswer(resp.status, resp.read(), resp.headers.get("Content-Type", ""),
                                  {k.lower(): v for k, v in resp.headers.items()})
        except urllib.error.HTTPError as exc:
            if exc.code in RETRY_STATUS:
                raise _http_error(exc.code, _read(exc), url) from None
            headers = {k.lower(): v for k, v in exc.headers.items()} if exc.headers else {}
            return HttpAnswer(exc.code, _read(exc), headers.get("content-type", ""), headers)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            raise (_network_error(exc, url, timeout_s) or EndpointUnreachable(f"cannot reach {url}: {exc}")) from None

    return with_retries(once, url, retry_delays)


def read_graphs(nq_path: Path, graphs: Iterable[str] | None = None) -> dict[str, list[ox.Triple]]:
    """The triples of each named graph of an N-Quads file (only ``graphs``, if given), as written."""
    st = Path(nq_path).stat()
    return _read_graphs(str(Path(nq_path).resolve()), st.st_mtime_ns, st.st_size,
                        tuple(sorted(graphs)) if graphs is not None else None)


@functools.lru_cache(maxsize=4)
def _read_graphs(path: str, _mtime_ns: int, _size: int, graphs: tuple[str, ...] | None) -> dict[str, list[ox.Triple]]:
    from petaflop.store import GraphUnreadable

    wanted = {ox.NamedNode(g) for g in graphs} if graphs is not None else None
    by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
    try:
        for q in ox.parse(path=path, format=ox.RdfFormat.N_QUADS):
            if wanted is not None and q.graph_name not in wanted:
                continue
            g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
            by_graph[g].append(ox.Triple(q.subject, q.predicate, q.object))
    except (SyntaxError, ValueError, OSError) as exc:
        detail = " ".join(str(exc).split())
        raise GraphUnreadable(f"{path} is not a readable N-Quads graph: {detail[:200]}") from None
    return dict(by_graph)


def chunk_triples(triples: list[ox.Triple], size: int) -> list[list[ox.Triple]]:
    """Chunks of about ``size`` triples; triples linked through a blank node stay together."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    groups: dict[str, list[ox.Triple]] = {}
    plain: list[ox.Triple] = []
    for t in triples:
        bnodes = [n.value for n in (t.subject, t.object) if isinstance(n, ox.BlankNode)]
        for b in bnodes[1:]:
            parent[find(b)] = find(bnodes[0])
    for t in triples:
        bnodes = [n.value for n in (t.subject, t.object) if isinstance(n, ox.BlankNode)]
        if bnodes:
            groups.setdefault(find(bnodes[0]), []).append(t)
        else:
            plain.append(t)
    units = [[t] for t in plain] + list(groups.values())
    chunks: list[list[ox.Triple]] = [[]]
    for unit in units:
        if chunks[-1] and len(chunks[-1]) + len(unit) > size:
            chunks.append([])
        chunks[-1].extend(unit)
    return [c for c in chunks if c]


def _ntriples(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def _insert_data(graph: str, triples: list[ox.Triple]) -> str:
    g = term_to_sparql(ox.NamedNode(graph))
    body = "\n".join(" ".join(_bnode_or_term(t) for t in (tr.subject, tr.predicate, tr.object)) + " ." for tr in triples)
    return f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}"


def _bnode_or_term(term) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term_to_sparql(term)


def push(url: str, nq_path: Path | str | None = None, *, graphs: Iterable[str] | None = None,
         user: str | None = None, password: str | None = None, store_url: str | None = None,
         update_url: str | None = None, chunk_size: int = 2000, timeout_s: float | None = 300.0,
         retry_delays: Iterable[float] = RETRY_DELAYS,
         progress: Callable[[str], None] | None = None) -> list[GraphPush]:
    """Load the built graph into the store behind ``url`` (see the module docstring)."""
    from petaflop.store import NQ_PATH, GraphNotBuilt

    check_url(url)
    timeout_s = check_timeout(timeout_s)
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise UserError(f"chunk size must be a positive whole number, got {chunk_size!r}")
    path = Path(nq_path or NQ_PATH)
    if not path.is_file():
        raise GraphNotBuilt(f"no graph at {path}; run `petaflop build` (or `make run`) first")
    wanted = [_graph_iri(g) for g in graphs] if graphs else list(GRAPHS)
    by_graph = read_graphs(path, wanted)
    say = progress or (lambda _msg: None)
    creds = user is not None
    probe_s = min(timeout_s, 30.0) if timeout_s else 30.0
    kind = server_kind(url, probe_s, retry_delays, user=user, password=password)
    gsp = [check_url(store_url, "--store-url")] if store_url else store_url_candidates(url, creds, kind)
    upd = [check_url(update_url, "--update-url")] if update_url else update_url_candidates(url, creds, kind)
    out: list[GraphPush] = []
    for graph in wanted:
        triples = by_graph.get(graph, [])
        done, server_errors = _push_gsp(graph, triples, gsp, user, password, timeout_s, retry_delays)
        if done is None:
            done = _push_update(graph, triples, upd, user, password, chunk_size, timeout_s, retry_delays,
                                server_errors)
        else:
            gsp = [done.url]  # found the Graph Store: use it for the other graphs
        verify(url, graph, done, user, password, timeout_s, retry_delays)
        say(f"{graph}: {done.triples} triples by {done.method} at {done.url} ({done.requests} requests), "
            "count checked")
        out.append(done)
    return out


def verify(url: str, graph: str, done: GraphPush, user, password, timeout_s, retry_delays) -> None:
    """Ask the endpoint how many triples ``graph`` holds now; anything but what was sent is a failure."""
    store = RemoteStore(url, user=user, password=password, graphs=None, retry_delays=retry_delays)
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {term_to_sparql(ox.NamedNode(graph))} {{ ?s ?p ?o }} }}"
    try:
        rows = store.run(query, timeout_s=timeout_s, row_limit=None).rows
        held = int(rows[0][0].value) if rows and rows[0] and rows[0][0] is not None else 0
    except (ValueError, IndexError) as exc:
        raise EndpointFailed(f"{url} did not answer how many triples {graph} holds: {exc}") from None
    except QueryError as exc:
        raise type(exc)(f"after loading {graph}, counting its triples at {url} failed: {exc}") from None
    if held != done.triples:
        raise EndpointFailed(f"{done.url} accepted {graph} ({done.method}, HTTP 2xx) but {url} now holds {held} "
                             f"triples in it, not the {done.triples} sent: the load did not take")


def _push_gsp(graph, triples, candidates, user, password, timeout_s,
              retry_delays) -> tuple[GraphPush | None, list[Exception]]:
    """PUT the graph to each Graph Store candidate: the push that worked, and the 5xx answers met."""
    body = _ntriples(triples)
    server_errors: list[Exception] = []
    for base in candidates:
        sep = "&" if "?" in base else "?"
        target = f"{base}{sep}graph={urllib.parse.quote(graph, safe='')}"
        answer = http_send("PUT", target, body, "text/turtle; charset=utf-8", user=user, password=password,
                           timeout_s=timeout_s, retry_delays=retry_delays)
        if answer.status in (200, 201, 204):
            return GraphPush(graph, len(triples), "gsp", base, 1), server_errors
        if answer.status in (401, 403):
            raise _http_error(answer.status, answer.body, base, "write", user is not None)
        if answer.status >= 500:
            server_errors.append(_http_error(answer.status, answer.body, base, "write", user is not None))
    return None, server_errors


def _push_update(graph, triples, candidates, user, password, chunk_size, timeout_s, retry_delays,
                 server_errors: list[Exception] | None = None) -> GraphPush:
    """SPARQL UPDATE over HTTP (form-encoded ``update=``), the same auth handlers as the Graph Store PUT."""
    g = term_to_sparql(ox.NamedNode(graph))
    last: Exception | None = None
    for url in candidates:
        def send(update: str, url: str = url) -> HttpAnswer:
            body = urllib.parse.urlencode({"update": update}).encode("ascii")
            return http_send("POST", url, body, "application/x-www-form-urlencoded", user=user, password=password,
                             timeout_s=timeout_s, retry_delays=retry_delays)

        answer = send(f"CLEAR SILENT GRAPH {g}")
        if answer.status >= 400:
            last = _http_error(answer.status, answer.body, url, "update", user is not None)
            if isinstance(last, AuthenticationFailed):
                raise last
            continue
        chunks = chunk_triples(triples, chunk_size)
        for chunk in chunks:
            answer = send(_insert_data(graph, chunk))
            if answer.status >= 400:
                raise _http_error(answer.status, answer.body, url, "update", user is not None)
        return GraphPush(graph, len(triples), "update", url, 1 + len(chunks))
    failed = [e for e in [*(server_errors or []), last] if isinstance(e, EndpointFailed)]
    if failed:  # the store is there but broken: an environment problem (exit 2), not a wrong request
        raise EndpointFailed(f"no Graph Store or SPARQL UPDATE endpoint accepted the graph {graph} "
                             f"(tried {', '.join(candidates)}): {failed[-1]}")
    raise EndpointRejected(
        f"no Graph Store or SPARQL UPDATE endpoint accepted the graph {graph} "
        f"(tried {', '.join(candidates)}; use --store-url or --update-url): {last}"
    )
