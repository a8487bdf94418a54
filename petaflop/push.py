"""``petaflop push``: the built graph into any SPARQL 1.1 store, and a check that the store holds it.

Per named graph, an HTTP PUT of the graph to the SPARQL 1.1 Graph Store Protocol endpoint
(replacing the graph); if no Graph Store endpoint accepts it, SPARQL UPDATE: ``CLEAR SILENT
GRAPH`` then ``INSERT DATA`` in chunks, keeping every triple that mentions a blank node in the
same chunk as the others that mention it (a blank node's scope is one request). Where those live
is read from the store's ``Server`` header (Virtuoso ``/sparql-graph-crud-auth`` and
``/sparql-auth``, Oxigraph ``/store`` and ``/update``, Fuseki ``/data``, RDF4J
``…/rdf-graphs/service``); ``--store-url`` and ``--update-url`` say it outright. Guessing by
trying paths is not safe: Virtuoso holds a PUT to an unknown path open until the client times out.

No false success: the endpoint must answer ``ASK {}`` with SPARQL results before anything is
sent (a web page answering 200 is not a store), the time-out applies from that first request,
and after each graph is loaded the store is asked how many triples it now holds there — anything
but the number sent is a failure (exit 2). A store that answers 5xx is an environment error
(exit 2), a request it refuses a user error (exit 1).
"""

from __future__ import annotations

import functools
import http.client
import math
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from foundation.errors import UserError
from foundation.namespaces import GRAPHS, PFG
from petaflop.endpoint import (
    RESULT_FORMATS,
    RETRY_DELAYS,
    RETRY_STATUS,
    SELECT_ACCEPT,
    AuthenticationFailed,
    EndpointFailed,
    EndpointRejected,
    EndpointUnreachable,
    HttpAnswer,
    RemoteStore,
    _http_error,
    _network_error,
    _read,
    _url_parent,
    check_url,
    guess_update_url,
    with_retries,
)
from petaflop.query import QueryError
from queries.sparql import term_to_sparql


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



def push_to(store: RemoteStore, nq_path: Path | str | None = None, graphs: Iterable[str] | None = None,
            **options: Any) -> list[GraphPush]:
    """:func:`push` into the store behind a :class:`~petaflop.endpoint.RemoteStore`, with its credentials."""
    return push(store.url, nq_path, graphs=graphs, user=store.user, password=store.password,
                retry_delays=store.retry_delays, **options)

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
