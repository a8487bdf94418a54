"""Formatting a :class:`~petaflop.query.Result`: rich table, CSV, TSV, JSON, N-Triples, Turtle.

* ``json``: the SPARQL 1.1 Query Results JSON Format (``head.vars``, ``results.bindings`` with
  ``type`` uri/literal/bnode, ``xml:lang``, ``datatype``; ``{"head":{},"boolean":…}`` for ASK);
  unbound variables are absent from a binding, ``xsd:string`` and ``rdf:langString`` carry no
  ``datatype``.
* ``csv``: SPARQL 1.1 CSV — plain values, CRLF line ends, RFC 4180 quoting.
* ``tsv``: SPARQL 1.1 TSV — terms in SPARQL/Turtle syntax, ``?var`` header, LF line ends;
  numbers and booleans bare when their lexical form is Turtle's short form.
* ``nt`` / ``ttl``: CONSTRUCT and DESCRIBE results as N-Triples or Turtle (project prefixes).
* ``table``: for people; IRIs shortened with the project prefixes.
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
from rich.table import Table

from foundation.errors import UserError
from foundation.namespaces import PREFIXES, RDF, XSD
from petaflop.query import Result

FORMATS = ("table", "csv", "tsv", "json", "nt", "ttl")
TABULAR = ("csv", "tsv", "json")
GRAPH_FORMATS = ("nt", "ttl")

_XSD_STRING = XSD.string
_LANG_STRING = RDF.langString
_TURTLE_SHORT = {
    XSD.integer: re.compile(r"[+-]?\d+\Z"),
    XSD.decimal: re.compile(r"[+-]?\d*\.\d+\Z"),
    XSD.double: re.compile(r"[+-]?(?:\d+\.\d*[eE][+-]?\d+|\.\d+[eE][+-]?\d+|\d+[eE][+-]?\d+)\Z"),
    XSD.boolean: re.compile(r"(?:true|false)\Z"),
}
_TSV_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_TSV_ESCAPE_RE = re.compile(r'[\\"\n\r\t]')


class FormatError(UserError):
    """A format that does not fit the result kind."""


def check_format(result: Result, fmt: str) -> None:
    if fmt not in FORMATS:
        raise FormatError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if result.kind == "graph" and fmt in TABULAR:
        raise FormatError(f"--format {fmt}: CONSTRUCT/DESCRIBE results are triples; use --format nt, ttl or table")
    if result.kind in ("select", "ask") and fmt in GRAPH_FORMATS:
        raise FormatError(f"--format {fmt}: {result.kind.upper()} results are not triples; use table, csv, tsv or json")


# --------------------------------------------------------------------------- JSON


def term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def to_json_obj(result: Result) -> dict:
    if result.kind == "ask":
        return {"head": {}, "boolean": bool(result.boolean)}
    bindings = [
        {v: term_json(t) for v, t in zip(result.vars, row, strict=True) if t is not None} for row in result.rows
    ]
    return {"head": {"vars": list(result.vars)}, "results": {"bindings": bindings}}


def to_json(result: Result) -> str:
    return json.dumps(to_json_obj(result), ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------- CSV / TSV


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        text = f"_:{term.value}"
    elif isinstance(term, ox.NamedNode | ox.Literal):
        text = term.value
    else:
        text = str(term)
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def to_csv(result: Result) -> str:
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    lines = [",".join(result.vars)]
    lines += [",".join(_csv_value(t) for t in row) for row in result.rows]
    return "".join(line + "\r\n" for line in lines)


def tsv_term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        short = _TURTLE_SHORT.get(dt)
        if short and short.match(term.value):
            return term.value
        body = '"' + _TSV_ESCAPE_RE.sub(lambda m: _TSV_ESCAPES[m.group()], term.value) + '"'
        if term.language:
            return f"{body}@{term.language}"
        if dt == _XSD_STRING:
            return body
        return f"{body}^^<{dt}>"
    return str(term)


def to_tsv(result: Result) -> str:
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(tsv_term(t) for t in row) for row in result.rows]
    return "".join(line + "\n" for line in lines)


# --------------------------------------------------------------------------- graphs


def _triples(result: Result) -> list[ox.Triple]:
    return [ox.Triple(*row) for row in result.rows]


def to_ntriples(result: Result) -> str:
    return ox.serialize(_triples(result), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def to_turtle(result: Result) -> str:
    return ox.serialize(_triples(result), format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES)).decode("utf-8")


# --------------------------------------------------------------------------- table


def compact(term) -> str:
    """A short human form: prefixed names, literal values (with @lang), blank-node labels."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns) and re.fullmatch(r"[\w.\-/]*", term.value[len(ns):]):
                return f"{prefix}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return f"{term.value}@{term.language}" if term.language else term.value
    return str(term)


def to_table(result: Result, title: str | None = None) -> Table | str:
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    if result.kind == "update":
        return "update applied"
    table = Table(title=title, show_lines=False, header_style="bold")
    for v in result.vars:
        table.add_column(v, overflow="fold")
    for row in result.rows:
        table.add_row(*(compact(t) for t in row))
    n = len(result.rows)
    table.caption = f"{n} row{'s' if n != 1 else ''}" + (" (truncated)" if result.truncated else "")
    return table


def render(result: Result, fmt: str) -> str:
    """Text for every format but ``table`` (see :func:`to_table`)."""
    check_format(result, fmt)
    return {"csv": to_csv, "tsv": to_tsv, "json": to_json, "nt": to_ntriples, "ttl": to_turtle}[fmt](result)
