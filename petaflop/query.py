"""Running SPARQL: one store interface, typed parameters, limits, read-only by default.

Two implementations share :class:`QueryStore` and one test suite: :class:`EmbeddedStore`
(pyoxigraph in memory, loaded once per process from ``build/atlas.nq``) and
:class:`petaflop.endpoint.RemoteStore` (any SPARQL 1.1 endpoint). ``run()`` returns a
:class:`Result` (``kind`` select/ask/graph/update, ``vars``, ``rows`` of pyoxigraph terms,
``truncated``); :mod:`petaflop.results` formats it.

Guarantees, in order of execution:

* **read-only**: the text is tokenised (:mod:`queries.sparql`) and parsed by pyoxigraph's
  query parser; an update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ``DROP``, ``CREATE``,
  ``ADD``, ``MOVE``, ``COPY``, ``WITH``) is refused unless ``allow_update=True``.
* **syntax errors** name the line and column (``syntax error at line L, column C: …``).
* **parameters** are RDF terms, never text: embedded, pyoxigraph's ``substitutions=`` (the
  runner projects the variable, which pyoxigraph requires, and hides the extra column);
  where pyoxigraph cannot substitute (``CONSTRUCT``/``DESCRIBE``, aggregates without
  ``GROUP BY``, ``SELECT *`` over a variable that is not in scope, and a parameter read by a
  ``BIND``/``AS`` expression: pyoxigraph 0.5.13 leaves ``BIND(?p AS ?x)``, ``COALESCE(?p)`` or
  ``IF(…, ?p, …)`` unbound when ``?p`` is substituted) and on every remote endpoint, a
  ``VALUES`` block of serialised terms at the start of the ``WHERE`` group.
* **time limit**: embedded queries run in a daemon worker thread and the caller stops waiting
  after ``timeout_s``. pyoxigraph 0.5 offers no way to cancel a running query from Python, so
  the worker is only told to stop at its next result row; a query that computes for long
  before its first row (``ORDER BY``, aggregates) keeps its thread busy until it finishes,
  but the caller has its error at once. Remote queries use the HTTP timeout.
* **row limit**: iteration stops after ``row_limit`` rows and ``truncated`` is set.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from foundation.errors import UserError
from foundation.namespaces import PFID, PREFIXES, XSD
from queries.sparql import (
    QueryShape,
    analyse,
    insert_values,
    project_variables,
    select_from_ask,
    syntax_message,
    undeclared_prefix_message,
)

if TYPE_CHECKING:
    from queries import CatalogueQuery

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

    @property
    def truncation_message(self) -> str:
        if not self.truncated:
            return ""
        if self.notice:
            return self.notice
        return f"row limit {self.row_limit} reached; use --limit"

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


_EMPTY = ox.Store()


@functools.lru_cache(maxsize=256)
def _shape_and_syntax(sparql: str) -> tuple[QueryShape, str, dict[str, str]]:
    """The tokenised shape, pyoxigraph's syntax verdict ("" when it parses) and the project
    prefixes the text uses without declaring them (``pfid:``, ``pfa:`` … work undeclared), cached
    per text: the catalogue's queries run again and again with other parameters. (Shapes are
    read, never modified, after this.)
    """
    shape = analyse(sparql)
    if shape.is_update:
        return shape, "", {}
    missing = {p: PREFIXES[p] for p in sorted(shape.prefixes_used) if p in PREFIXES}
    unknown = sorted(shape.prefixes_used - set(PREFIXES))
    if unknown:
        return shape, undeclared_prefix_message(sparql, unknown[0], list(PREFIXES)), missing
    try:
        _EMPTY.query(sparql, prefixes=missing or None)  # parse only: nothing is evaluated until results are read
    except SyntaxError as exc:
        return shape, syntax_message(exc, sparql), missing
    return shape, "", missing


def prepare(sparql: str, params: Mapping[str, Term] | None = None, allow_update: bool = False) -> Prepared:
    """Classify, parse and check a query and its parameters (shared by every store)."""
    shape, syntax_error, prefixes = _shape_and_syntax(sparql)
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
    if syntax_error:
        raise QuerySyntaxError(syntax_error)
    if not shape.form:
        raise QuerySyntaxError("syntax error: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    for name, term in params.items():
        if name not in shape.variables:
            raise ParamError(f"--param {name}: the query has no variable ?{name}")
        if name in shape.assigned:
            raise ParamError(f"--param {name}: ?{name} is assigned with AS in the query; it cannot be a parameter")
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise ParamError(f"--param {name}: {term!r} is not an IRI or a literal")
    kind = {"SELECT": "select", "ASK": "ask"}.get(shape.form, "graph")
    return Prepared(sparql, shape, params, kind, prefixes)


class QueryStore(ABC):
    """What every store offers: ``run`` one query under limits."""

    description = "store"

    def run(self, sparql: str, params: Mapping[str, Term] | None = None, *,
            timeout_s: float | None = DEFAULT_TIMEOUT_S, row_limit: int | None = DEFAULT_ROW_LIMIT,
            allow_update: bool = False) -> Result:
        if row_limit is not None and row_limit < 1:
            raise QueryError(f"row limit must be at least 1, got {row_limit}")
        if timeout_s is not None and timeout_s <= 0:
            raise QueryError(f"timeout must be positive, got {timeout_s}")
        prepared = prepare(sparql, params, allow_update)
        t0 = time.perf_counter()
        result = self._execute(prepared, timeout_s, row_limit)
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
    """Choose how to bind parameters for pyoxigraph (see the module docstring)."""
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
    """pyoxigraph in memory, union default graph; loaded once per process and file version."""

    def __init__(self, nq_path: Path | str | None = None, store: ox.Store | None = None):
        if store is not None:
            self.store = store
            self.description = "embedded store"
        else:
            from petaflop.store import NQ_PATH, load_memory_store

            path = Path(nq_path or NQ_PATH)
            if not path.is_file():
                load_memory_store(path)  # raises GraphNotBuilt with the message users know
            st = path.stat()
            self.store = _cached_store(str(path.resolve()), st.st_mtime_ns, st.st_size)
            self.description = f"embedded store ({path})"

    def _execute(self, prepared: Prepared, timeout_s: float | None, row_limit: int | None) -> Result:
        if prepared.kind == "update":
            run_with_timeout(lambda _c: self.store.update(prepared.text), timeout_s, "update")
            return Result(kind="update")
        return run_with_timeout(lambda cancel: self._evaluate(prepared, row_limit, cancel), timeout_s)

    def _evaluate(self, prepared: Prepared, row_limit: int | None, cancel: threading.Event) -> Result:
        plan = plan_embedded(prepared)
        binding, hidden = plan.binding, plan.hidden
        try:
            raw = self.store.query(plan.text, use_default_graph_as_union=True, substitutions=plan.substitutions,
                                   prefixes=prepared.prefixes or None)
        except RuntimeError as exc:
            if binding == "substitutions" and "does not contains variable" in str(exc):
                # SELECT * whose parameter is only used in a FILTER: not in scope, so bind by VALUES
                text = insert_values(prepared.text, prepared.params, prepared.shape)
                raw = self.store.query(text, use_default_graph_as_union=True, prefixes=prepared.prefixes or None)
                binding, hidden = "values", set()
            else:
                raise QueryError(f"query failed: {exc}") from None
        except SyntaxError as exc:
            raise QuerySyntaxError(syntax_message(exc, plan.text)) from None
        try:
            if prepared.kind == "ask":
                if isinstance(raw, ox.QueryBoolean):
                    return Result(kind="ask", boolean=bool(raw), binding=binding)
                return Result(kind="ask", boolean=next(iter(raw), None) is not None, binding=binding)
            if prepared.kind == "graph":
                rows, truncated = _take(([t.subject, t.predicate, t.object] for t in raw), row_limit, cancel)
                return Result(kind="graph", vars=list(GRAPH_VARS), rows=rows, truncated=truncated,
                              row_limit=row_limit, binding=binding)
            all_vars = [v.value for v in raw.variables]
            keep = [i for i, v in enumerate(all_vars) if v not in hidden]
            rows, truncated = _take(([sol[i] for i in keep] for sol in _solutions(raw, len(all_vars))),
                                    row_limit, cancel)
            return Result(kind="select", vars=[all_vars[i] for i in keep], rows=rows, truncated=truncated,
                          row_limit=row_limit, binding=binding)
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"query failed: {exc}") from None


def _solutions(raw: ox.QuerySolutions, width: int):
    for sol in raw:
        yield [sol[i] for i in range(width)]


def _take(rows, row_limit: int | None, cancel: threading.Event) -> tuple[list, bool]:
    out: list = []
    for row in rows:
        if cancel.is_set():
            break
        if row_limit is not None and len(out) >= row_limit:
            return out, True
        out.append(row)
    return out, False


# --------------------------------------------------------------------------- parameters

_DECIMAL_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)\Z")
_INTEGER_RE = re.compile(r"[+-]?\d+\Z")
_YEAR_RE = re.compile(r"-?\d{4}\Z")
_YEAR_MONTH_RE = re.compile(r"(\d{4})-(\d{2})\Z")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_PNAME_RE = re.compile(r"([A-Za-z][\w.-]*)?:(\S*)\Z")


def _fail(name: str, raw: str, what: str) -> ParamError:
    return ParamError(f"--param {name}: {raw!r} is not {what}")


@functools.lru_cache(maxsize=1)
def _gazetteer():
    from petaflop.extract.gazetteer import Gazetteer

    return Gazetteer.load()


def to_iri(name: str, raw: str) -> ox.NamedNode:
    """``<http://…>``, ``http://…`` or a project prefixed name (``pfid:china``)."""
    text = raw.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    else:
        m = _PNAME_RE.match(text)
        if m and (m.group(1) or "") in PREFIXES:
            text = PREFIXES[m.group(1)] + m.group(2)
    try:
        return ox.NamedNode(text)
    except ValueError as exc:
        raise _fail(name, raw, f"an IRI ({exc}); use <http://…> or a prefixed name like pfid:china") from None


_SLUG_RE = re.compile(r"[a-z0-9]+(?:-+[a-z0-9]+)*\Z")


def to_entity(name: str, raw: str, exists: Callable[[ox.NamedNode], bool] | None = None) -> ox.NamedNode:
    """A gazetteer id, name or alias (or its pfid: IRI) → the entity's ``pfid:`` IRI.

    Objects the build creates (investments, deals, phases) have ids but no gazetteer row;
    given ``exists`` (a store's :meth:`QueryStore.has_subject`), such an id is accepted
    when the graph has it as a subject.
    """
    key = raw.strip()
    for prefix in ("<" + PFID, PFID, "pfid:"):
        if key.startswith(prefix):
            key = key[len(prefix):].rstrip(">")
    gaz = _gazetteer()
    entity = gaz.lookup(key) if key else None
    if entity is None and exists is not None and _SLUG_RE.match(key) and exists(ox.NamedNode(PFID + key)):
        return ox.NamedNode(PFID + key)
    if entity is None:
        close = gaz.suggest(key) if key else []
        hint = "; did you mean: " + ", ".join(f"{e.id} ({e.name_en})" for e in close) + "?" if close else ""
        raise ParamError(f"--param {name}: unknown entity {raw!r}{hint}")
    return ox.NamedNode(PFID + entity.id)


def to_date(name: str, raw: str) -> ox.Literal:
    """``YYYY`` → xsd:gYear, ``YYYY-MM`` → xsd:gYearMonth, ``YYYY-MM-DD`` → xsd:date."""
    text = raw.strip()
    if _YEAR_RE.match(text):
        return ox.Literal(text, datatype=ox.NamedNode(XSD.gYear))
    m = _YEAR_MONTH_RE.match(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return ox.Literal(text, datatype=ox.NamedNode(XSD.gYearMonth))
    if _DATE_RE.match(text):
        try:
            _dt.date.fromisoformat(text)
        except ValueError:
            raise _fail(name, raw, "a date (no such day)") from None
        return ox.Literal(text, datatype=ox.NamedNode(XSD.date))
    raise _fail(name, raw, "a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def convert_param(name: str, type_: str, raw: str,
                  exists: Callable[[ox.NamedNode], bool] | None = None) -> ox.NamedNode | ox.Literal:
    """One raw string → the typed RDF term for a parameter of ``type_``."""
    text = raw.strip()
    if type_ == "string":
        return ox.Literal(raw)
    if type_ == "decimal":
        if not _DECIMAL_RE.match(text):
            raise _fail(name, raw, "a decimal")
        return ox.Literal(text, datatype=ox.NamedNode(XSD.decimal))
    if type_ == "integer":
        if not _INTEGER_RE.match(text):
            raise _fail(name, raw, "an integer")
        return ox.Literal(str(int(text)), datatype=ox.NamedNode(XSD.integer))
    if type_ == "date":
        return to_date(name, raw)
    if type_ == "iri":
        return to_iri(name, raw)
    if type_ == "entity":
        return to_entity(name, raw, exists)
    raise ParamError(f"--param {name}: unknown parameter type {type_!r}")


def infer_param(name: str, raw: str) -> ox.NamedNode | ox.Literal:
    """Ad-hoc queries (no header): the type follows the value's form.

    ``<…>`` or ``prefix:local`` with a project prefix → IRI; ``12`` → integer; ``1.5`` →
    decimal; ``2025``-style forms stay integers (give ``name:date=2025`` for a year);
    ``YYYY-MM-DD`` → date; anything else → string.
    """
    text = raw.strip()
    if text.startswith("<") and text.endswith(">"):
        return to_iri(name, raw)
    m = _PNAME_RE.match(text)
    if m and m.group(1) in PREFIXES and m.group(1):
        return to_iri(name, raw)
    if _INTEGER_RE.match(text):
        return convert_param(name, "integer", raw)
    if _DECIMAL_RE.match(text):
        return convert_param(name, "decimal", raw)
    if _DATE_RE.match(text):
        return to_date(name, raw)
    return ox.Literal(raw)


def parse_param_args(args: list[str] | None) -> dict[str, str]:
    """``["k=v", …]`` (CLI ``--param``) → ``{"k": "v"}``; ``k:type=v`` keeps the type in the key."""
    out: dict[str, str] = {}
    for arg in args or []:
        key, sep, value = arg.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ParamError(f"--param {arg!r}: expected NAME=VALUE")
        if key in out:
            raise ParamError(f"--param {key}: given twice")
        out[key] = value
    return out


def bind_params(raw: Mapping[str, str], query: CatalogueQuery | None = None,
                exists: Callable[[ox.NamedNode], bool] | None = None) -> dict[str, ox.NamedNode | ox.Literal]:
    """Raw ``name=value`` strings → typed terms.

    With a catalogue query: names must be its parameters, types come from its header and
    defaults fill the rest (a required parameter without a value is an error). Without one
    (ad-hoc text): ``name:type=value`` gives the type, else :func:`infer_param` guesses it.
    """
    out: dict[str, ox.NamedNode | ox.Literal] = {}
    from queries import PARAM_TYPES

    if query is None:
        for key, value in raw.items():
            name, _, type_ = key.partition(":")
            if type_ and type_ not in PARAM_TYPES:
                raise ParamError(f"--param {key}: type {type_!r} is not one of {', '.join(PARAM_TYPES)}")
            out[name] = convert_param(name, type_, value, exists) if type_ else infer_param(name, value)
        return out
    known = {p.name: p for p in query.params}
    for key in raw:
        name, _, type_ = key.partition(":")
        if name not in known:
            listing = ", ".join(known) or "none"
            raise ParamError(f"--param {name}: query {query.id!r} has no such parameter (parameters: {listing})")
        if type_ and type_ != known[name].type:
            raise ParamError(f"--param {key}: {name} is a {known[name].type} parameter")
    given = {k.partition(":")[0]: v for k, v in raw.items()}
    for p in query.params:
        if p.name in given:
            out[p.name] = convert_param(p.name, p.type, given[p.name], exists)
        elif p.required:
            raise ParamError(f"--param {p.name}: required ({p.type}: {p.description})")
        else:
            out[p.name] = convert_param(p.name, p.type, p.default, exists)
    return out


def run_catalogue(store: QueryStore, query: CatalogueQuery, raw_params: Mapping[str, str] | None = None,
                  **limits: Any) -> Result:
    """Run a catalogue query with raw parameter strings (defaults for the rest)."""
    return store.run(query.sparql, bind_params(raw_params or {}, query, store.has_subject), **limits)
