"""The SPARQL console's engine: one ``run()`` with the read-only check, a row limit and a time limit.

It uses the query layer (:mod:`petaflop.query`: ``EmbeddedStore``/``RemoteStore``, syntax
errors with line and column), the one parameter binder (:mod:`petaflop.params`) and the
catalogue (:mod:`queries`).

Prefixes: a query may use the project's prefixes (``pfa:``, ``pfid:`` …) without declaring
them; the missing declarations are added on one line before the text and error positions are
shifted back, so the line and column always point into what the analyst typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pyoxigraph as ox

from foundation.namespaces import PREFIXES, XSD
from petaflop.app.backend import Backend

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_ROW_LIMIT = 1000
_POSITION = re.compile(r"line (\d+), column (\d+)")
_DECLARED = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?:", re.I | re.M)


@dataclass
class ConsoleResult:
    kind: str = "select"  # select / ask / graph
    vars: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False
    elapsed_s: float = 0.0
    error: str = ""
    error_kind: str = ""  # syntax / update / timeout / param / query
    position: tuple[int, int] | None = None  # (line, column) in the analyst's text
    raw: object = None  # the query layer's Result, when it ran

    @property
    def ok(self) -> bool:
        return not self.error


def with_prefixes(text: str) -> tuple[str, int]:
    """The text with undeclared project prefixes declared on one extra first line; (text, offset)."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(text)}
    used = {p for p in PREFIXES if p not in declared and re.search(rf"(?<![\w<]){re.escape(p)}:", text)}
    if not used:
        return text, 0
    head = " ".join(f"PREFIX {p}: <{PREFIXES[p]}>" for p in sorted(used))
    return head + "\n" + text, 1


def _shift(message: str, offset: int) -> tuple[str, tuple[int, int] | None]:
    m = _POSITION.search(message)
    if not m:
        return message, None
    line, col = int(m.group(1)) - offset, int(m.group(2))
    message = message[:m.start()] + f"line {line}, column {col}" + message[m.end():]
    return message, (line, col)


def catalogue():
    """The query catalogue (``queries.load_catalogue()``); ``(queries, error message)``."""
    from queries import load_catalogue

    try:
        return load_catalogue(), ""
    except Exception as exc:  # a malformed file must not take the console down
        return [], str(exc)


def bind_params(query, values: dict[str, str], exists=None) -> tuple[dict[str, object], str]:
    """Form values → typed RDF terms for a catalogue query's parameters (defaults when blank),
    through the one binder (:func:`petaflop.params.bind_params`, as ``petaflop query`` binds).

    ``exists(NamedNode) -> bool`` accepts entity ids the build created (no gazetteer row).
    Returns ``(params, error message)``; the message names the parameter at fault.
    """
    from petaflop.params import bind_params as bind

    names = {p.name for p in query.params}
    given = {k: str(v) for k, v in values.items() if k in names and v is not None and str(v).strip() != ""}
    try:
        return bind(given, query, exists), ""
    except Exception as exc:  # a bad value is shown beside the form, never raised
        return {}, str(exc)


def run(backend: Backend, sparql: str, params: dict[str, object] | None = None, *,
        timeout_s: float = DEFAULT_TIMEOUT_S, row_limit: int = DEFAULT_ROW_LIMIT) -> ConsoleResult:
    """Run one read-only query under limits; errors come back in the result, never raised."""
    text, offset = with_prefixes(sparql)
    from petaflop import query as q

    try:
        if backend.store is not None:
            store = q.EmbeddedStore(store=backend.store)
        else:
            from petaflop.endpoint import RemoteStore

            store = RemoteStore(backend.url)
        result = store.run(text, params or None, timeout_s=timeout_s, row_limit=row_limit)
    except q.QuerySyntaxError as exc:
        message, pos = _shift(str(exc), offset)
        return ConsoleResult(error=message, error_kind="syntax", position=pos)
    except q.UpdateRefused:
        return ConsoleResult(error="read-only: this is a SPARQL update; the console runs queries only",
                             error_kind="update")
    except q.QueryTimeout:
        return ConsoleResult(error=f"the query did not finish within {timeout_s:g} s (time limit)",
                             error_kind="timeout")
    except q.ParamError as exc:
        return ConsoleResult(error=str(exc), error_kind="param")
    except Exception as exc:  # QueryError and endpoint errors: show, never crash the page
        return ConsoleResult(error=str(exc), error_kind="query")
    return ConsoleResult(kind=result.kind, vars=list(result.vars), rows=[list(r) for r in result.rows],
                         boolean=result.boolean, truncated=result.truncated, elapsed_s=result.elapsed_s,
                         raw=result)


# --------------------------------------------------------------------------- output

def term_text(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def to_csv(result: ConsoleResult) -> str:
    """The rows as CSV (:func:`petaflop.results.to_csv`, as ``petaflop query --format csv``)."""
    from petaflop.results import to_csv as layer_csv

    return layer_csv(result.raw)


def to_json(result: ConsoleResult) -> str:
    """SPARQL JSON results (:func:`petaflop.results.to_json`, as ``petaflop query --format json``)."""
    from petaflop.results import to_json as layer_json

    return layer_json(result.raw)


def permalink(query_id: str | None, params: dict[str, str] | None = None, sparql: str | None = None,
              run: bool = True) -> str:
    """The console's query string for a catalogue query (with parameters) or an ad-hoc text."""
    qs: dict[str, str] = {"page": "sparql"}
    if query_id:
        qs["query"] = query_id
        for k, v in (params or {}).items():
            if v not in (None, ""):
                qs["p." + k] = str(v)
    elif sparql:
        qs["sparql"] = sparql
    if run:
        qs["run"] = "1"
    return "?" + urlencode(qs)


# --------------------------------------------------------------------------- views

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")
_DATE_TYPES = {XSD[t] for t in ("date", "dateTime", "gYear", "gYearMonth")}


def _is_number(term) -> bool:
    from petaflop.app.data import is_numeric

    return is_numeric(term)


KEYWORDS = ("SELECT", "DISTINCT", "WHERE", "FILTER", "OPTIONAL", "UNION", "GRAPH", "ORDER BY", "GROUP BY",
            "LIMIT", "OFFSET", "COUNT", "SUM", "MAX", "MIN", "AVG", "SAMPLE", "GROUP_CONCAT", "VALUES", "BIND",
            "CONSTRUCT", "DESCRIBE", "ASK", "PREFIX", "lang", "str", "regex", "contains", "DESC", "ASC",
            "NOT EXISTS", "EXISTS", "MINUS", "HAVING", "AS")


def vocabulary(atlas) -> dict:
    """What the editor completes: the project's prefixes, every class and property of the ontology
    as a CURIE, and SPARQL keywords."""
    terms = set()
    for iri in [*atlas.classes, *atlas.props]:
        for prefix, base in PREFIXES.items():
            if iri.startswith(base) and iri[len(base):].replace("_", "").isalnum():
                terms.add(f"{prefix}:{iri[len(base):]}")
                break
    return {"prefixes": dict(PREFIXES), "terms": sorted(terms), "keywords": list(KEYWORDS)}


def display(term, atlas=None, lang: str = "en"):
    """A cell for the table: numbers as numbers, objects and ontology terms by name, other IRIs as CURIEs."""
    if term is None:
        return "—"
    if isinstance(term, ox.NamedNode):
        if atlas is not None and (term.value in atlas.entities or term.value in atlas.classes
                                  or term.value in atlas.props or term.value in atlas.term_labels):
            return atlas.label(term.value, lang)
        for prefix, base in PREFIXES.items():
            if term.value.startswith(base):
                return f"{prefix}:{term.value[len(base):]}"
        return term.value
    if isinstance(term, ox.Literal) and _is_number(term):
        try:
            return float(term.value)
        except ValueError:
            return term.value
    return term_text(term)


def frame(result: ConsoleResult, atlas=None, lang: str = "en"):
    """The result as a table: one column per variable; a column of numbers stays numeric (blank cells
    empty), any other column is text with ``—`` for an unbound cell."""
    import pandas as pd

    kinds = column_kinds(result)
    columns = {}
    for i, v in enumerate(result.vars):
        if kinds[v] == "number":
            columns[v] = [display(r[i], atlas, lang) if r[i] is not None else None for r in result.rows]
        else:
            columns[v] = [str(display(r[i], atlas, lang)) for r in result.rows]
    return pd.DataFrame(columns, columns=result.vars)


def column_kinds(result: ConsoleResult) -> dict[str, str]:
    """Per column: ``iri``, ``number``, ``date``, ``text`` or ``empty`` (by its bound values)."""
    kinds = {}
    for i, v in enumerate(result.vars):
        terms = [row[i] for row in result.rows if row[i] is not None]
        if not terms:
            kinds[v] = "empty"
        elif all(isinstance(t, ox.NamedNode) for t in terms):
            kinds[v] = "iri"
        elif all(_is_number(t) for t in terms):
            kinds[v] = "number"
        elif all(isinstance(t, ox.Literal) and ((t.datatype is not None and t.datatype.value in _DATE_TYPES)
                                               or _DATE_RE.match(t.value)) for t in terms):
            kinds[v] = "date"
        else:
            kinds[v] = "text"
    return kinds


def pick_label_column(result: ConsoleResult, kinds: dict[str, str]) -> str | None:
    for v in result.vars:
        if "label" in v and kinds[v] in ("text", "iri"):
            return v
    for v in result.vars:
        if kinds[v] in ("iri", "text"):
            return v
    return None


def pick_number_column(result: ConsoleResult, kinds: dict[str, str]) -> str | None:
    return next((v for v in result.vars if kinds[v] == "number"), None)


def graph_edges(result: ConsoleResult, kinds: dict[str, str]) -> list[tuple[str, str, str]]:
    """``(source IRI, target IRI, label)`` per row: the first two IRI columns; a column named like
    ``relation``/``property``/``predicate``/``stage`` labels the edge (CONSTRUCT: s, p, o)."""
    iris = [v for v in result.vars if kinds[v] == "iri"]
    if result.kind == "graph":
        return [(r[0].value, r[2].value, r[1].value) for r in result.rows
                if isinstance(r[0], ox.NamedNode) and isinstance(r[2], ox.NamedNode)]
    label_col = next((v for v in result.vars if v in ("relation", "property", "predicate", "stage", "link")), None)
    ends = [v for v in iris if v != label_col][:2]
    if len(ends) < 2:
        return []
    a, b = result.vars.index(ends[0]), result.vars.index(ends[1])
    li = result.vars.index(label_col) if label_col else None
    out = []
    for r in result.rows:
        if isinstance(r[a], ox.NamedNode) and isinstance(r[b], ox.NamedNode):
            out.append((r[a].value, r[b].value, term_text(r[li]) if li is not None else ""))
    return out
