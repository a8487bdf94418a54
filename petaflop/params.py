"""Query parameters: raw ``NAME=VALUE`` strings to typed RDF terms (never pasted into query text).

A catalogue query's header gives each parameter a type (``iri``, ``entity``, ``string``,
``decimal``, ``integer``, ``date``); an ad-hoc query takes ``NAME:TYPE=VALUE`` or has the type
guessed from the value's form. A bad value is a :class:`~petaflop.query.ParamError` naming the
parameter. :func:`bind_params` is the one binder: ``petaflop query``, ``petaflop export --query``
and the app's console all bind through it.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from foundation.namespaces import PFID, PREFIXES, XSD
from petaflop.query import ParamError, QueryStore, Result

if TYPE_CHECKING:
    from queries import CatalogueQuery

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
                exists: Callable[[ox.NamedNode], bool] | None = None,
                entity: Callable[[str, str], ox.NamedNode] | None = None) -> dict[str, ox.NamedNode | ox.Literal]:
    """Raw ``name=value`` strings → typed terms: the one binder of ``petaflop query``, ``petaflop
    export --query`` and the app's console.

    With a catalogue query: names must be its parameters, types come from its header and
    defaults fill the rest (a required parameter without a value is an error). Without one
    (ad-hoc text): ``name:type=value`` gives the type, else :func:`infer_param` guesses it.
    ``entity(name, raw)`` resolves ``entity`` parameters where the caller has the graph's own
    resolver (export: :class:`petaflop.entities.EntityIndex`); else :func:`to_entity`.
    """
    out: dict[str, ox.NamedNode | ox.Literal] = {}
    from queries import PARAM_TYPES

    def convert(name: str, type_: str, value: str) -> ox.NamedNode | ox.Literal:
        if type_ == "entity" and entity is not None:
            return entity(name, value)
        return convert_param(name, type_, value, exists)

    if query is None:
        for key, value in raw.items():
            name, _, type_ = key.partition(":")
            if type_ and type_ not in PARAM_TYPES:
                raise ParamError(f"--param {key}: type {type_!r} is not one of {', '.join(PARAM_TYPES)}")
            out[name] = convert(name, type_, value) if type_ else infer_param(name, value)
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
            out[p.name] = convert(p.name, p.type, given[p.name])
        elif p.required:
            raise ParamError(f"--param {p.name}: required ({p.type}: {p.description})")
        else:
            out[p.name] = convert(p.name, p.type, p.default)
    return out


def run_catalogue(store: QueryStore, query: CatalogueQuery, raw_params: Mapping[str, str] | None = None,
                  **limits: Any) -> Result:
    """Run a catalogue query with raw parameter strings (defaults for the rest)."""
    return store.run(query.sparql, bind_params(raw_params or {}, query, store.has_subject), **limits)
