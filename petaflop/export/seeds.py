"""Seeds of a selection: names and IRIs (through the one entity resolver), catalogue queries
(``--query ID --param K=V``) and SPARQL SELECT/CONSTRUCT (``--sparql``), whose result objects are seeds."""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

import queries as catalogue
from foundation.errors import UserError
from petaflop.entities import AmbiguousEntity, UnknownEntity, as_iri
from petaflop.export.errors import AmbiguousSeed, BadParameter, UnknownSeed
from petaflop.export.index import store_index
from petaflop.export.terms import EXPORT_PREFIXES, Node
from queries.sparql import insert_values

SEED_ROW_LIMIT = 100_000


def resolve_seed(store: ox.Store, text: str, option: str = "--seed") -> ox.NamedNode:
    """One seed → the object it names (:class:`petaflop.entities.EntityIndex`); raises
    UnknownSeed/AmbiguousSeed with close matches, BadParameter for an ontology term."""
    idx = store_index(store)
    raw = str(text).strip()
    iri = as_iri(raw, EXPORT_PREFIXES)
    if iri is not None and idx.vocab.is_term(ox.NamedNode(iri)):
        raise BadParameter(f"{option} {raw!r} is an ontology term, not an object; to select its instances use "
                           f"--include-type or --sparql")
    try:
        return idx.entities.resolve(raw, option=option)
    except AmbiguousEntity as exc:
        raise AmbiguousSeed(str(exc)) from None
    except UnknownEntity as exc:
        raise UnknownSeed(str(exc)) from None


def query_nodes(store: ox.Store, text: str, option: str) -> list[Node]:
    """Every object (not an ontology term) a SELECT's rows or a CONSTRUCT's triples mention, in order.

    The query runs as every other query does (petaflop.query): checked first (no SERVICE, LOAD or
    update; bounded nesting), then evaluated in a sandbox worker under the default time limit and
    memory ceiling, with a row limit — so a runaway seed query ends with a one-line error."""
    from petaflop.query import DEFAULT_TIMEOUT_S, EmbeddedStore, QueryError, QuerySyntaxError

    vocab = store_index(store).vocab
    try:
        result = EmbeddedStore(store=store).run(text, timeout_s=DEFAULT_TIMEOUT_S, row_limit=SEED_ROW_LIMIT)
    except QuerySyntaxError as exc:
        raise BadParameter(f"{option}: not a valid SPARQL query: {exc}") from None
    except QueryError as exc:
        raise BadParameter(f"{option}: {exc}") from None
    if result.kind == "ask":
        raise BadParameter(f"{option}: an ASK query names no objects; use SELECT or CONSTRUCT")
    if result.kind not in ("select", "graph"):
        raise BadParameter(f"{option}: use SELECT or CONSTRUCT")
    if result.truncated:
        raise BadParameter(f"{option}: the query names more than {SEED_ROW_LIMIT:,} rows of seeds; narrow it "
                           "(a LIMIT, a FILTER or fewer variables)")
    nodes: list[Node] = []
    seen: set[Node] = set()
    for row in result.rows:
        cells = row if result.kind == "select" else (row[0], row[2])  # a triple: subject and object
        for term in cells:
            if isinstance(term, ox.NamedNode | ox.BlankNode) and term not in seen and not vocab.is_term(term):
                seen.add(term)
                nodes.append(term)
    return nodes


def catalogue_sparql(store: ox.Store, name: str, params: Mapping[str, str]) -> str:
    """SPARQL text of a catalogue query (``queries/``) with its parameters bound by a VALUES block.

    Bound by the one binder (:func:`petaflop.params.bind_params`, as ``petaflop query`` and the
    console bind): parameters not given take the header's default; ``entity`` parameters accept
    any seed spelling (name, alias, CURIE, IRI) through the graph's entity resolver."""
    from petaflop.params import bind_params
    from petaflop.query import ParamError

    try:
        query = catalogue.get(name)
    except UserError as exc:
        raise BadParameter(f"--query: {exc}") from None
    try:
        bindings = bind_params(params, query,
                               entity=lambda pname, raw: resolve_seed(store, raw, option=f"--param {pname}"))
    except ParamError as exc:
        raise BadParameter(str(exc)) from None
    if not bindings:
        return query.sparql
    return insert_values(query.sparql, bindings)

