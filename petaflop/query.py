"""Running SPARQL: one store interface, typed parameters, limits, read-only by default.

Two implementations share :class:`QueryStore` and one test suite: :class:`EmbeddedStore`
(pyoxigraph, the graph loaded from ``build/atlas.nq``) and
:class:`petaflop.endpoint.RemoteStore` (any SPARQL 1.1 endpoint). ``run()`` returns a
:class:`Result` (``kind`` select/ask/graph/update, ``vars``, ``rows`` of pyoxigraph terms,
``truncated``); :mod:`petaflop.results` formats it.

Guarantees, in order of execution:

* **size**: a text over :data:`queries.safety.MAX_QUERY_CHARS` characters, over
  :data:`~queries.safety.MAX_TOKENS` tokens or nested deeper than :data:`~queries.safety.MAX_DEPTH`
  is refused before any parser sees it (pyoxigraph's parser overflows its stack on deep nesting).
* **no outbound requests**: ``SERVICE`` and ``LOAD`` (found by tokens) are refused unless their
  IRI's host is in ``allow_service`` (the CLI's ``--allow-service HOST``; the app never passes it).
* **read-only**: an update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ``DROP``, ``CREATE``,
  ``ADD``, ``MOVE``, ``COPY``, ``WITH``) is refused unless ``allow_update=True``.
* **syntax errors** name the line and column of the token where the text stops being a query
  (``syntax error at line L, column C: expected …, found '…'``).
* **parameters** are RDF terms, never text: embedded, pyoxigraph's ``substitutions=`` (the
  runner projects the variable, which pyoxigraph requires, and hides the extra column);
  where pyoxigraph cannot substitute (``CONSTRUCT``/``DESCRIBE``, aggregates without
  ``GROUP BY``, ``SELECT *`` over a variable that is not in scope, and a parameter read by a
  ``BIND``/``AS`` expression: pyoxigraph 0.5.13 leaves ``BIND(?p AS ?x)``, ``COALESCE(?p)`` or
  ``IF(…, ?p, …)`` unbound when ``?p`` is substituted) and on every remote endpoint, a
  ``VALUES`` block of serialised terms at the start of the ``WHERE`` group.
* **time and memory**: a query's text is parsed and evaluated in a worker process of
  :mod:`petaflop.sandbox` (remote queries: parsed there, then sent with the HTTP timeout). The
  worker is killed at ``timeout_s``, which stops the work for certain (pyoxigraph cannot cancel
  a query), and runs under a memory ceiling. Updates (only with ``allow_update``) run in the
  calling process, on its own copy of the graph, under a thread time-out.
* **row limit**: iteration stops after ``row_limit`` rows and ``truncated`` is set.
"""

from __future__ import annotations

import functools
import hashlib
import math
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from foundation.errors import UserError
from queries.safety import complexity_problem, exact_syntax_message, outbound_problem
from queries.sparql import (
    QueryShape,
    analyse,
    insert_values,
    lateral_optionals,
    project_variables,
    select_from_ask,
    syntax_message,
    undeclared_prefix_message,
)

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_ROW_LIMIT = 10_000
GRAPH_VARS = ["subject", "predicate", "object"]


class QueryError(UserError):
    """The query cannot be run as given."""


class QuerySyntaxError(QueryError):
    """Not valid SPARQL; the message has the line and column."""


class UpdateRefused(QueryError):
    """An update was sent to a read-only runner."""


class ParamError(QueryError):
    """A parameter is unknown, missing or not of its type; the message names it."""


class QueryTimeout(QueryError):
    """The query did not finish in time."""


class QueryRefused(QueryError):
    """Refused before running: too long, too complex, too deeply nested, or it would contact another host."""


class QueryResources(QueryError):
    """The query needed more memory than its ceiling, or crashed the worker that ran it."""


@dataclass
class Result:
    """The answer to one query: rows of RDF terms (``None`` where a variable is unbound)."""

    kind: str  # "select", "ask", "graph" (CONSTRUCT/DESCRIBE) or "update"
    vars: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False
    row_limit: int | None = None
    binding: str = "none"  # how parameters were bound: "substitutions", "values" or "none"
    notice: str = ""  # a store's own reason for truncation (e.g. an endpoint's row cap)
    elapsed_s: float = 0.0
    offset: int = 0  # rows skipped before these (a page after the first)

    @property
    def truncation_message(self) -> str:
        if not self.truncated:
            return ""
        if self.notice:
            return self.notice
        if self.offset:
            page = self.offset // self.row_limit + 1 if self.row_limit else 0
            return (f"rows {self.offset + 1}–{self.offset + len(self.rows)} (page {page}); more follow: "
                    f"--page {page + 1}")
        return f"row limit {self.row_limit} reached; use --limit or --page 2"

    def column(self, name: str) -> list[Term | None]:
        i = self.vars.index(name)
        return [row[i] for row in self.rows]


@dataclass
class Prepared:
    """A checked query: its text, shape and typed parameter terms."""

    text: str
    shape: QueryShape
    params: dict[str, Term]
    kind: str
    prefixes: dict[str, str] = field(default_factory=dict)  # project prefixes used but not declared


@functools.lru_cache(maxsize=256)
def _shape(sparql: str) -> tuple[QueryShape, str, dict[str, str]]:
    """The tokenised shape, an undeclared-prefix message ("" if none) and the project prefixes the
    text uses without declaring them (``pfid:``, ``pfa:`` … work undeclared), cached per text: the
    catalogue's queries run again and again with other parameters. (Shapes are read, never
    modified, after this.) No parser of pyoxigraph runs here: that happens in a sandbox worker.
    """
    from foundation.namespaces import PREFIXES  # here, not at the top: sandbox workers need no rdflib

    shape = analyse(sparql)
    if shape.is_update:
        return shape, "", {}
    missing = {p: PREFIXES[p] for p in sorted(shape.prefixes_used) if p in PREFIXES}
    unknown = sorted(shape.prefixes_used - set(PREFIXES))
    if unknown:
        return shape, undeclared_prefix_message(sparql, unknown[0], list(PREFIXES)), missing
    return shape, "", missing


def check_text(sparql: str, allow_service: Iterable[str] = ()) -> None:
    """Refuse a text that is too big for a parser or would make the store contact another host."""
    from foundation.namespaces import PREFIXES

    problem = complexity_problem(sparql) or outbound_problem(sparql, frozenset(allow_service), dict(PREFIXES))
    if problem:
        raise QueryRefused(problem)


def prepare(sparql: str, params: Mapping[str, Term] | None = None, allow_update: bool = False,
            allow_service: Iterable[str] = ()) -> Prepared:
    """Check a query and its parameters (shared by every store): size, outbound references, update,
    prefixes, parameters. Whether it parses is decided where it runs (in a sandbox worker)."""
    if not isinstance(sparql, str):
        raise QueryError("the query must be text")
    check_text(sparql, allow_service)
    shape, prefix_error, prefixes = _shape(sparql)
    params = dict(params or {})
    if shape.is_update:
        if not allow_update:
            raise UpdateRefused(
                f"this is a SPARQL update ({shape.update_keyword}); queries are read-only — "
                "pass --allow-update (allow_update=True) to run it"
            )
        if params:
            raise ParamError("parameters cannot be bound in an update")
        return Prepared(sparql, shape, {}, "update")
    if prefix_error:
        raise QuerySyntaxError(prefix_error)
    if not shape.form:
        kind = ""  # not a query at all: the sandbox's parser says where it goes wrong
    else:
        kind = {"SELECT": "select", "ASK": "ask"}.get(shape.form, "graph")
        for name, term in params.items():
            if name not in shape.variables:
                raise ParamError(f"--param {name}: the query has no variable ?{name}")
            if name in shape.assigned:
                raise ParamError(f"--param {name}: ?{name} is assigned with AS in the query; it cannot be a parameter")
            if not isinstance(term, ox.NamedNode | ox.Literal):
                raise ParamError(f"--param {name}: {term!r} is not an IRI or a literal")
    return Prepared(sparql, shape, params, kind, prefixes)


def syntax_verdict(text: str, prefixes: Mapping[str, str] | None = None) -> str:
    """"" when pyoxigraph parses ``text``, else the exact syntax message. Runs in a sandbox worker:
    parsing (and the planning pyoxigraph does with it) can take minutes on a crafted query."""
    empty = ox.Store()

    def parse(t: str) -> None:
        empty.query(t, prefixes=dict(prefixes) if prefixes else None)

    try:
        parse(text)
    except SyntaxError as exc:
        return exact_syntax_message(exc, text, parse)
    return ""


def sandbox_error(exc: Exception, timeout_s: float | None, what: str = "query") -> QueryError:
    """A :class:`petaflop.sandbox.SandboxError` as the query error users see (one line)."""
    kind = getattr(exc, "kind", "query")
    if kind == "timeout":
        return QueryTimeout(f"{what} did not finish within {timeout_s:g} s; use --timeout to allow longer")
    if kind == "busy":
        return QueryTimeout(f"{what} did not start within {timeout_s:g} s: {exc}; try again")
    if kind == "syntax":
        return QuerySyntaxError(str(exc))
    if kind in ("memory", "crash"):
        return QueryResources(f"{what} {exc}; it was stopped")
    return QueryError(str(exc))


def check_syntax(prepared: Prepared, timeout_s: float | None) -> None:
    """Parse a prepared query in a sandbox worker (for stores that do not parse it there themselves)."""
    from petaflop import sandbox

    try:
        message = _verdicts.get(prepared.text)
        if message is None:
            message = sandbox.pool_for(None).call(("check", prepared.text, prepared.prefixes), timeout_s)
            if len(_verdicts) > 512:
                _verdicts.clear()
            _verdicts[prepared.text] = message
    except sandbox.SandboxError as exc:
        raise sandbox_error(exc, timeout_s, "parsing the query") from None
    if message:
        raise QuerySyntaxError(message)
    if not prepared.kind:
        raise QuerySyntaxError("syntax error: expected SELECT, ASK, CONSTRUCT or DESCRIBE")


_verdicts: dict[str, str] = {}


class QueryStore(ABC):
    """What every store offers: ``run`` one query under limits."""

    description = "store"

    def run(self, sparql: str, params: Mapping[str, Term] | None = None, *,
            timeout_s: float | None = DEFAULT_TIMEOUT_S, row_limit: int | None = DEFAULT_ROW_LIMIT,
            allow_update: bool = False, allow_service: Iterable[str] = (), offset: int = 0) -> Result:
        """Run ``sparql`` under the limits; ``offset`` rows are skipped first (a page of ``row_limit`` rows:
        the store evaluates the rows before the page too, so an ORDER BY keeps pages disjoint)."""
        if row_limit is not None and (isinstance(row_limit, bool) or row_limit < 1):
            raise QueryError(f"row limit must be at least 1, got {row_limit}")
        if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
            raise QueryError(f"offset must be a whole number of rows, got {offset!r}")
        if timeout_s is not None and not timeout_s > 0:
            raise QueryError(f"timeout must be positive, got {timeout_s:g}")
        if timeout_s is not None and not math.isfinite(timeout_s):
            raise QueryError(f"timeout must be finite, got {timeout_s:g}")
        prepared = prepare(sparql, params, allow_update, allow_service)
        t0 = time.perf_counter()
        result = self._execute(prepared, timeout_s, row_limit + offset if row_limit and offset else row_limit)
        if offset and result.kind in ("select", "graph"):
            result.rows, result.offset, result.row_limit = result.rows[offset:], offset, row_limit
        result.elapsed_s = time.perf_counter() - t0
        return result

    def has_subject(self, iri: ox.NamedNode) -> bool:
        """Whether the graph has a triple about ``iri`` (used to accept ids the build created)."""
        return bool(self.run(f"ASK {{ <{ox.NamedNode(iri.value).value}> ?p ?o }}", timeout_s=30).boolean)

    @abstractmethod
    def _execute(self, prepared: Prepared, timeout_s: float | None, row_limit: int | None) -> Result: ...

    def close(self) -> None:  # noqa: B027 (optional hook)
        """Release resources (nothing to do for most stores)."""


# --------------------------------------------------------------------------- embedded


@functools.lru_cache(maxsize=4)
def _cached_store(path: str, mtime_ns: int, size: int) -> ox.Store:
    from petaflop.store import load_memory_store

    return load_memory_store(Path(path))


def run_with_timeout(work: Callable[[threading.Event], Any], timeout_s: float | None, what: str = "query") -> Any:
    """Run ``work(cancel)`` in a daemon thread; raise QueryTimeout if it is not done in time.

    The thread is a daemon so that an unfinished query never keeps the process alive, and
    ``cancel`` is set on timeout so that work which checks it stops at its next step.
    """
    done = threading.Event()
    cancel = threading.Event()
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work(cancel)
        except BaseException as exc:  # handed to the caller
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=target, name="petaflop-query", daemon=True).start()
    if not done.wait(timeout_s):
        cancel.set()
        raise QueryTimeout(f"{what} did not finish within {timeout_s:g} s; use --timeout to allow longer")
    if "error" in box:
        raise box["error"]
    return box["value"]


@dataclass
class EmbeddedPlan:
    """What the embedded store hands to pyoxigraph for a prepared query."""

    text: str
    substitutions: dict[ox.Variable, Term] | None
    binding: str  # "substitutions", "values" or "none"
    hidden: set[str]  # columns added for pyoxigraph's sake, dropped from the result


def plan_embedded(prepared: Prepared) -> EmbeddedPlan:
    """Choose how to bind parameters for pyoxigraph (see the module docstring); OPTIONAL groups
    of plain patterns are evaluated per row (:func:`queries.sparql.lateral_optionals`)."""
    plan = _bind_plan(prepared)
    plan.text = lateral_optionals(plan.text, tuple(sorted((prepared.prefixes or {}).items())))
    return plan


def _bind_plan(prepared: Prepared) -> EmbeddedPlan:
    shape, params = prepared.shape, prepared.params
    if not params:
        return EmbeddedPlan(prepared.text, None, "none", set())
    names = list(params)
    subs = {ox.Variable(n): t for n, t in params.items()}
    if shape.in_expression & set(names):
        pass  # pyoxigraph 0.5.13 loses a substituted value copied by BIND/AS (BIND(?p AS ?x) is unbound)
    elif shape.form == "SELECT" and not (shape.has_aggregate and shape.group_by_end < 0):
        if shape.select_star:
            return EmbeddedPlan(prepared.text, subs, "substitutions", set())
        hidden = {n for n in names if n not in shape.projection}
        return EmbeddedPlan(project_variables(prepared.text, names, shape), subs, "substitutions", hidden)
    elif shape.form == "ASK" and not shape.has_aggregate and shape.group_by_end < 0:
        return EmbeddedPlan(select_from_ask(prepared.text, names, shape), subs, "substitutions", set())
    return EmbeddedPlan(insert_values(prepared.text, params, shape), None, "values", set())


class EmbeddedStore(QueryStore):
    """pyoxigraph over the graph file (or a given in-memory store), union default graph.

    Queries run in :mod:`petaflop.sandbox` workers that load the same file, or open ``store_dir``
    (the build's on-disk store, checked current by :mod:`petaflop.store_open`) read-only (a store loaded with
    :func:`petaflop.store.load_memory_store` is known by its file; another store is sent along,
    or written to a snapshot file when it is big). ``.store`` is this process's own copy, loaded
    when first asked for; updates (``allow_update``) change it, and later queries then see it.
    A store handed over is sent (or written) once, at the first query: a change made to it
    afterwards by other code is seen after :meth:`refresh` (sizing the store on every query to
    notice such a change cost a scan, ~10 ms on the report).
    """

    def __init__(self, nq_path: Path | str | None = None, store: ox.Store | None = None,
                 store_dir: Path | None = None, runner: Callable[[Path, tuple, float | None], Any] | None = None):
        self._store = store
        self._path: Path | None = None
        self._store_dir = store_dir  # the built store the workers open read-only (petaflop.store_open)
        self._runner = runner  # answers one request in its own worker (petaflop.query_fork.call), not the pool
        self._generation = 0
        self._sent: tuple | None = None  # (snapshot file or None, digest, data) of a store handed over, once sent
        if store is not None:
            from petaflop.store import source_of

            self._path = source_of(store)
            self.description = "embedded store"
        else:
            from petaflop.store import NQ_PATH, load_memory_store

            path = Path(nq_path or NQ_PATH)
            if not path.is_file():
                load_memory_store(path)  # raises GraphNotBuilt with the message users know
            self._path = path
            self.description = f"embedded store ({path})"

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            st = self._path.stat()
            self._store = _cached_store(str(self._path.resolve()), st.st_mtime_ns, st.st_size)
        return self._store

    def _target(self):
        """(pool, digest, data) for the sandbox: the file's pool, or the store's N-Quads sent along."""
        from petaflop import sandbox

        if self._path is not None and self._generation == 0:
            return sandbox.pool_for(self._store_dir or self._path), None, None
        if self._sent is None:
            st = self.store
            n = len(st)
            if n > 50_000:  # too big to send with every request: a snapshot file of this version
                key = (id(st), n, self._generation)
                path = sandbox.snapshot(key, lambda: st.dump(format=ox.RdfFormat.N_QUADS))
                self._sent = (path, None, None)
            else:
                data = st.dump(format=ox.RdfFormat.N_QUADS)
                self._sent = (None, hashlib.sha1(data).hexdigest(), data)
        where, digest, data = self._sent
        return sandbox.pool_for(where), digest, data

    def refresh(self) -> None:
        """See the store handed over as it is now (after a change made to it by other code)."""
        self._sent = None
        self._generation += 1

    def warm(self) -> None:
        """Start a worker now, so that the first query does not wait for the graph to load."""
        if self._runner is not None:
            return
        pool, _digest, _data = self._target()
        pool.warm()

    def _execute(self, prepared: Prepared, timeout_s: float | None, row_limit: int | None) -> Result:
        from petaflop.sandbox import SandboxError

        if prepared.kind == "update":
            self._update(prepared.text, timeout_s)
            return Result(kind="update")
        if self._runner is not None and self._path is not None and self._generation == 0:
            try:
                return self._runner(self._store_dir or self._path, ("query", prepared, row_limit, None, None),
                                    timeout_s)
            except SandboxError as exc:
                raise sandbox_error(exc, timeout_s) from None
        pool, digest, data = self._target()
        try:
            return pool.call(("query", prepared, row_limit, digest, data), timeout_s)
        except SandboxError as exc:
            raise sandbox_error(exc, timeout_s) from None

    def _update(self, text: str, timeout_s: float | None) -> None:
        store = self.store
        if self._store is _cached_store_of(self._path):
            store = self._store = _copy(store)  # never change the copy other EmbeddedStores share
        try:
            run_with_timeout(lambda _c: store.update(text), timeout_s, "update")
        except SyntaxError as exc:
            raise QuerySyntaxError(syntax_message(exc, text)) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"update failed: {exc}") from None
        self._generation += 1
        self._sent = None


def _cached_store_of(path: Path | None) -> ox.Store | None:
    if path is None or not path.is_file():
        return None
    st = path.stat()
    return _cached_store(str(path.resolve()), st.st_mtime_ns, st.st_size)


def _copy(store: ox.Store) -> ox.Store:
    out = ox.Store()
    out.bulk_load(store.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    return out


def evaluate(store: ox.Store, prepared: Prepared, row_limit: int | None) -> Result:
    """Evaluate a prepared query on ``store`` (in a sandbox worker: see :mod:`petaflop.sandbox`)."""
    plan = plan_embedded(prepared)
    binding, hidden = plan.binding, plan.hidden
    try:
        raw = store.query(plan.text, use_default_graph_as_union=True, substitutions=plan.substitutions,
                          prefixes=prepared.prefixes or None)
    except RuntimeError as exc:
        if binding == "substitutions" and "does not contains variable" in str(exc):
            # SELECT * whose parameter is only used in a FILTER: not in scope, so bind by VALUES
            text = lateral_optionals(insert_values(prepared.text, prepared.params, prepared.shape),
                                     tuple(sorted((prepared.prefixes or {}).items())))
            raw = store.query(text, use_default_graph_as_union=True, prefixes=prepared.prefixes or None)
            binding, hidden = "values", set()
        else:
            raise QueryError(f"query failed: {exc}") from None
    except SyntaxError as exc:
        message = syntax_verdict(prepared.text, prepared.prefixes) or syntax_message(exc, plan.text)
        raise QuerySyntaxError(message) from None
    if not prepared.kind:
        raise QuerySyntaxError("syntax error: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    try:
        if prepared.kind == "ask":
            if isinstance(raw, ox.QueryBoolean):
                return Result(kind="ask", boolean=bool(raw), binding=binding)
            return Result(kind="ask", boolean=next(iter(raw), None) is not None, binding=binding)
        if prepared.kind == "graph":
            rows, truncated = _take(([t.subject, t.predicate, t.object] for t in raw), row_limit)
            return Result(kind="graph", vars=list(GRAPH_VARS), rows=rows, truncated=truncated,
                          row_limit=row_limit, binding=binding)
        all_vars = [v.value for v in raw.variables]
        keep = [i for i, v in enumerate(all_vars) if v not in hidden]
        rows, truncated = _take(([sol[i] for i in keep] for sol in _solutions(raw, len(all_vars))), row_limit)
        return Result(kind="select", vars=[all_vars[i] for i in keep], rows=rows, truncated=truncated,
                      row_limit=row_limit, binding=binding)
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {exc}") from None


def _solutions(raw: ox.QuerySolutions, width: int):
    for sol in raw:
        yield [sol[i] for i in range(width)]


def _take(rows, row_limit: int | None) -> tuple[list, bool]:
    out: list = []
    for row in rows:
        if row_limit is not None and len(out) >= row_limit:
            return out, True
        out.append(row)
    return out, False

