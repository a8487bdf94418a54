"""Seeds of a selection: names and IRIs (through the one entity resolver), catalogue queries
(``--query ID --param K=V``) and SPARQL SELECT/CONSTRUCT (``--sparql``), whose result objects are seeds."""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

import queries as catalogue
from foundation.errors import UserError
from foundation.namespaces import PREFIXES
from petaflop.entities import AmbiguousEntity, UnknownEntity, as_iri
from petaflop.export.errors import AmbiguousSeed, BadParameter, UnknownSeed
from petaflop.export.index import store_index
from petaflop.export.terms import EXPORT_PREFIXES, Node
from queries.sparql import insert_values, syntax_message


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
    """Every object (not an ontology term) a SELECT's rows or a CONSTRUCT's triples mention, in order."""
    vocab = store_index(store).vocab
    try:
        result = store.query(text, prefixes=dict(PREFIXES), use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise BadParameter(f"{option}: not a valid SPARQL query: {syntax_message(exc, text)}") from None
    except OSError as exc:  # evaluation errors surface as OSError in pyoxigraph
        raise BadParameter(f"{option}: the query failed: {exc}") from None
    nodes: list[Node] = []

    def take(term) -> None:
        if isinstance(term, ox.NamedNode | ox.BlankNode) and not vocab.is_term(term) and term not in nodes:
            nodes.append(term)

    if isinstance(result, ox.QueryBoolean):
        raise BadParameter(f"{option}: an ASK query names no objects; use SELECT or CONSTRUCT")
    if isinstance(result, ox.QuerySolutions):
        variables = list(result.variables)
        for solution in result:
            for var in variables:
                take(solution[var])
    else:
        for triple in result:
            take(triple.subject)
            take(triple.object)
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

