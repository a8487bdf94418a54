"""Selections: what to export (:class:`Selection`), how it is resolved and expanded (:func:`select`),
and the result the writers take (:class:`Subgraph`, with its :class:`Preview` counts).

How a selection is made (the rules are documented in ``petaflop/export/__init__.py`` and the README):
seeds → hops along links in the chosen fact graphs, shaped by the link and type filters → the
induced subgraph, described (types, labels, values) → provenance → ontology terms → canonical form.
"""

from __future__ import annotations

import contextlib
import difflib
import gc
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox
import rdflib

from foundation.names import local_name
from foundation.namespaces import PFA
from petaflop.export.canonical import canonical_quads
from petaflop.export.errors import BadParameter, EmptySelection, SelectionTooLarge
from petaflop.export.filters import resolve_terms
from petaflop.export.index import open_store, store_index
from petaflop.export.ontology_part import ontology_quads
from petaflop.export.provenance import provenance_quads
from petaflop.export.seeds import catalogue_sparql, query_nodes, resolve_seed
from petaflop.export.terms import (
    G_FACTS,
    G_INFERRED,
    GRAPH_ORDER,
    LABELS,
    NAMING,
    RDF_TYPE,
    SKOS_ALT,
    XSD_STRING,
    Node,
    TermInfo,
    Vocabulary,
    curie,
    sort_key,
)

FACTS_CHOICES = ("asserted", "inferred", "both")
DIRECTIONS = ("out", "in", "both")
MAX_HOPS = 3
DEFAULT_HOPS = 1
DEFAULT_LIMIT = 50_000


# ----------------------------------------------------------------------------- request
@dataclass(frozen=True)
class Selection:
    """What to export. Names match the CLI options (``--seed``, ``--hops``…)."""

    seeds: tuple[str, ...] = ()
    query: str | None = None
    query_params: Mapping[str, str] = field(default_factory=dict, hash=False)
    sparql: str | None = None
    hops: int = DEFAULT_HOPS
    direction: str = "both"
    include_links: tuple[str, ...] = ()
    exclude_links: tuple[str, ...] = ()
    include_types: tuple[str, ...] = ()
    exclude_types: tuple[str, ...] = ()
    facts: str = "both"
    provenance: bool = True
    ontology: bool = True
    limit: int = DEFAULT_LIMIT

    def __post_init__(self) -> None:
        for name in ("seeds", "include_links", "exclude_links", "include_types", "exclude_types"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))
            else:
                object.__setattr__(self, name, tuple(value))

    def validate(self) -> None:
        if not self.seeds and not self.query and not (self.sparql or "").strip():
            raise BadParameter("--seed: give at least one --seed, --query or --sparql")
        if isinstance(self.hops, bool) or not isinstance(self.hops, int) or not 0 <= self.hops <= MAX_HOPS:
            raise BadParameter(f"--hops: must be 0, 1, 2 or 3, got {self.hops!r}")
        _choice("--direction", self.direction, DIRECTIONS)
        _choice("--facts", self.facts, FACTS_CHOICES)
        if isinstance(self.limit, bool) or not isinstance(self.limit, int) or self.limit < 1:
            raise BadParameter(f"--limit: must be a positive number of triples, got {self.limit!r}")
        for seed in self.seeds:
            if not str(seed).strip():
                raise BadParameter("--seed: empty seed")

    def summary(self, seeds: Iterable[str] | None = None) -> str:
        """One line describing the request (``seeds`` replaces the seed texts, e.g. by resolved ids)."""
        seeds = tuple(self.seeds if seeds is None else seeds)
        parts = [f"seeds={','.join(seeds)}" if seeds else ""]
        if self.query:
            parts.append(f"query={self.query}")
        if self.sparql:
            parts.append("sparql=yes")
        parts += [f"hops={self.hops}", f"direction={self.direction}", f"facts={self.facts}",
                  f"provenance={'on' if self.provenance else 'off'}",
                  f"ontology={'on' if self.ontology else 'off'}"]
        for name in ("include_links", "exclude_links", "include_types", "exclude_types"):
            if getattr(self, name):
                parts.append(f"{name}={','.join(getattr(self, name))}")
        return " ".join(p for p in parts if p)


def _choice(option: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.3)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise BadParameter(f"{option}: must be one of {', '.join(choices)}; got {value!r}{hint}")


def fact_graphs(facts: str) -> tuple[ox.NamedNode, ...]:
    """The fact graphs a ``facts`` choice exports."""
    return {"asserted": (G_FACTS,), "inferred": (G_INFERRED,), "both": (G_FACTS, G_INFERRED)}[facts]


# ----------------------------------------------------------------------------- result
@dataclass(frozen=True)
class Preview:
    """Counts for a selection: what the Export page shows before writing anything."""

    seeds: tuple[tuple[str, str], ...]
    objects: int
    links: int
    triples: int
    per_graph: tuple[tuple[str, int], ...]
    by_type: tuple[tuple[str, int], ...]
    limit: int
    empty: bool
    over_limit: bool

    def summary(self) -> str:
        seeds = ", ".join(label for _iri, label in self.seeds) or "none"
        graphs = ", ".join(f"{g} {n}" for g, n in self.per_graph)
        return (f"seeds: {seeds}; {self.objects} objects, {self.links} links, {self.triples} triples"
                + (f" ({graphs})" if graphs else "") + f"; limit {self.limit}")


@dataclass(frozen=True)
class Subgraph:
    """A resolved selection: sorted quads plus what the writers need to label them."""

    selection: Selection
    seeds: tuple[Node, ...]
    objects: frozenset[Node]          # the objects the hops selected (seeds included)
    quads: tuple[ox.Quad, ...]        # sorted, blank nodes labelled canonically
    terms: Mapping[ox.NamedNode, TermInfo]
    labels: Mapping[Node, str]
    primary_types: Mapping[Node, ox.NamedNode]
    # derived views (preview, property-graph projection), computed once per selection
    _memo: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def memo(self, key: str, make):
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def summary(self) -> str:
        """The request with its seeds resolved (ids, not the names typed), for file headers: equal
        selections give equal bytes however their seeds were spelled."""
        ids = [curie(s.value) if isinstance(s, ox.NamedNode) else str(s) for s in self.seeds]
        if len(ids) > 12:
            ids = [*ids[:12], f"(+{len(ids) - 12})"]
        return self.selection.summary(seeds=ids)

    # -- counts
    def data_quads(self) -> list[ox.Quad]:
        return [q for q in self.quads if q.graph_name in (G_FACTS, G_INFERRED)]

    def preview(self) -> Preview:
        return self.memo("preview", self._preview)

    def _preview(self) -> Preview:
        per_graph = Counter(local_name(q.graph_name.value) for q in self.quads)
        order = {local_name(g.value): i for i, g in enumerate(GRAPH_ORDER)}
        data = self.data_quads()
        links = {(q.subject, q.predicate, q.object) for q in data
                 if q.object in self.objects and q.predicate not in NAMING}
        by_type = Counter(self.type_name(self.primary_types.get(n)) for n in self.objects)
        return Preview(
            seeds=tuple((s.value if isinstance(s, ox.NamedNode) else str(s), self.labels.get(s, str(s)))
                        for s in self.seeds),
            objects=len(self.objects),
            links=len(links),
            triples=len(self.quads),
            per_graph=tuple(sorted(per_graph.items(), key=lambda kv: order.get(kv[0], 99))),
            by_type=tuple(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
            limit=self.selection.limit,
            empty=not any(q.graph_name in fact_graphs(self.selection.facts) for q in data),
            over_limit=len(self.quads) > self.selection.limit,
        )

    @staticmethod
    def type_name(cls: ox.NamedNode | None) -> str:
        if cls is None:
            return "(untyped)"
        return local_name(cls.value) if cls.value.startswith(PFA) else curie(cls.value)

    def check(self, force: bool = False) -> None:
        """Refuse an empty selection, and one over the limit unless forced."""
        p = self.preview()
        if p.empty:
            raise EmptySelection(
                f"the selection is empty ({self.selection.summary()}): no facts match; nothing was written"
            )
        if p.over_limit and not force:
            raise SelectionTooLarge(
                f"--limit: the selection has {p.triples} triples ({p.objects} objects), over the limit of "
                f"{p.limit}; narrow it (fewer --hops, --exclude-type, --no-provenance) or pass --force"
            )

    # -- conversions
    def to_rdflib(self) -> rdflib.Dataset:
        """The selection as an rdflib Dataset (named graphs kept), e.g. to compare or to query."""
        ds = rdflib.Dataset()
        for q in self.quads:
            ds.graph(rdflib.URIRef(q.graph_name.value)).add(
                (to_rdflib_term(q.subject), to_rdflib_term(q.predicate), to_rdflib_term(q.object))
            )
        return ds


def to_rdflib_term(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype == XSD_STRING:
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def primary_type(types: Iterable[ox.NamedNode], asserted: Iterable[ox.NamedNode],
                 vocab: Vocabulary | None = None) -> ox.NamedNode | None:
    """The most specific asserted type (inferred ones when none is asserted); ties sorted by IRI."""
    pool = set(asserted) or set(types)
    if not pool:
        return None
    if vocab is not None:
        pool = {t for t in pool if not any(t != o and t in vocab.superclasses(o) for o in pool)} or pool
    project = {t for t in pool if t.value.startswith(PFA)}
    return sorted(project or pool, key=sort_key)[0]


# ----------------------------------------------------------------------------- selecting
@contextlib.contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while a selection or a file is built: they allocate tens of
    thousands of short-lived tuples and dicts but no cycles, and collections cost about a fifth
    of the time. The previous state is restored."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def select(selection: Selection, store: ox.Store | None = None) -> Subgraph:
    """Resolve and expand a selection; raises ExportError subclasses on bad input."""
    with gc_paused():
        return _select(selection, store)


def _seeds(selection: Selection, store: ox.Store) -> list[Node]:
    seeds: list[Node] = []

    def add(nodes: Iterable[Node]) -> None:
        seeds.extend(n for n in nodes if n not in seeds)

    for text in selection.seeds:
        add([resolve_seed(store, text)])
    if selection.query:
        add(query_nodes(store, catalogue_sparql(store, selection.query, selection.query_params), "--query"))
    elif selection.query_params:
        raise BadParameter("--param: parameters need a --query")
    if (selection.sparql or "").strip():
        add(query_nodes(store, selection.sparql or "", "--sparql"))
    return seeds


_LINK_STATEMENT = ox.NamedNode(PFA.LinkStatement)
_LINK_PROPERTY, _LINK_SUBJECT, _LINK_OBJECT = (ox.NamedNode(PFA[n]) for n in ("linkProperty", "linkStatement",
                                                                               "linkObject"))


def _link_statement_ends(store: ox.Store, node: Node, graphs, link_ok) -> list[Node]:
    """A link statement (a planned link, docs/statements.md) is a link, not a stop: reaching its
    node reaches both of its ends (its subject and its ``pfa:linkObject``) when its property may be
    followed."""
    if not isinstance(node, ox.NamedNode) or not any(
            next(store.quads_for_pattern(node, RDF_TYPE, _LINK_STATEMENT, g), None) for g in graphs):
        return []
    props = [q.object for g in graphs for q in store.quads_for_pattern(node, _LINK_PROPERTY, None, g)]
    if not any(isinstance(p, ox.NamedNode) and link_ok(p) for p in props):
        return []
    ends = [q.subject for g in graphs for q in store.quads_for_pattern(None, _LINK_SUBJECT, node, g)]
    ends += [q.object for g in graphs for q in store.quads_for_pattern(node, _LINK_OBJECT, None, g)
             if not isinstance(q.object, ox.Literal)]
    return ends


def _select(selection: Selection, store: ox.Store | None) -> Subgraph:
    selection.validate()
    store = store if store is not None else open_store()
    idx = store_index(store)
    vocab = idx.vocab
    graphs = fact_graphs(selection.facts)
    seeds = _seeds(selection, store)

    include_links = resolve_terms(store, selection.include_links, "link", "--include-link")
    exclude_links = resolve_terms(store, selection.exclude_links, "link", "--exclude-link")
    include_types = resolve_terms(store, selection.include_types, "type", "--include-type")
    exclude_types = resolve_terms(store, selection.exclude_types, "type", "--exclude-type")

    type_cache: dict[Node, frozenset[ox.NamedNode]] = {}

    def kinds(node: Node) -> frozenset[ox.NamedNode]:
        got = type_cache.get(node)
        if got is None:
            direct = {q.object for g in (G_FACTS, G_INFERRED)
                      for q in store.quads_for_pattern(node, RDF_TYPE, None, g) if isinstance(q.object, ox.NamedNode)}
            got = type_cache[node] = frozenset().union(*(vocab.superclasses(t) for t in direct)) if direct else frozenset()
        return got

    def allowed(node) -> bool:
        if not isinstance(node, ox.NamedNode | ox.BlankNode) or vocab.is_term(node):
            return False
        if include_types or exclude_types:
            k = kinds(node)
            if include_types and not (k & include_types):
                return False
            if exclude_types and (k & exclude_types):
                return False
        return True

    def link_ok(pred: ox.NamedNode) -> bool:
        if pred in NAMING or pred in exclude_links:
            return False
        return not include_links or pred in include_links

    # hops: breadth first over links in the chosen graphs
    selected: dict[Node, int] = {s: 0 for s in seeds}
    frontier = list(seeds)
    for hop in range(1, selection.hops + 1):
        nxt: list[Node] = []
        for node in frontier:
            candidates: list[Node] = []
            for g in graphs:
                if selection.direction in ("out", "both"):
                    candidates += [q.object for q in store.quads_for_pattern(node, None, None, g)
                                   if not isinstance(q.object, ox.Literal) and link_ok(q.predicate)]
                if selection.direction in ("in", "both"):
                    candidates += [q.subject for q in store.quads_for_pattern(None, None, node, g)
                                   if link_ok(q.predicate)]
            for cand in candidates:
                if cand not in selected and allowed(cand):
                    selected[cand] = hop
                    nxt.append(cand)
                    for end in _link_statement_ends(store, cand, graphs, link_ok):
                        if end not in selected and allowed(end):  # the link's other end, in the same hop
                            selected[end] = hop
                            nxt.append(end)
        frontier = nxt
        if not frontier:
            break
    objects = frozenset(selected)

    # description of every selected object (the induced subgraph)
    out: set[ox.Quad] = set()
    described: set[Node] = set(objects)
    for node in sorted(objects, key=sort_key):
        for g in graphs:
            for q in store.quads_for_pattern(node, None, None, g):
                p, o = q.predicate, q.object
                if p in NAMING:
                    out.add(q)
                elif p in exclude_links:
                    continue
                elif isinstance(o, ox.Literal) or vocab.is_term(o) or (o in objects and link_ok(p)):
                    out.add(q)
        if G_FACTS not in graphs:  # keep objects named when only inferred facts are exported
            for pred in LABELS:
                if pred not in exclude_links:
                    out.update(store.quads_for_pattern(node, pred, None, G_FACTS))

    if selection.provenance:
        prov, sources = provenance_quads(store, out, graphs, described=described,
                                         alt_labels=SKOS_ALT not in exclude_links)
        out |= prov
        described |= sources

    # ontology terms used, so the file describes itself; types for each object's primary class
    used: set[ox.NamedNode] = set()
    type_sets: dict[Node, set[ox.NamedNode]] = defaultdict(set)
    asserted: dict[Node, set[ox.NamedNode]] = defaultdict(set)
    for q in out:
        p, o = q.predicate, q.object
        used.add(p)
        if isinstance(o, ox.Literal):
            used.add(o.datatype)
        elif isinstance(o, ox.NamedNode):
            if p == RDF_TYPE:
                used.add(o)
                type_sets[q.subject].add(o)
                if q.graph_name != G_INFERRED:
                    asserted[q.subject].add(o)
            elif vocab.is_term(o):
                used.add(o)
    terms = {t: vocab.term_info(t) for t in sorted(used, key=sort_key)}
    primary = {n: primary_type(ts, asserted.get(n, ()), vocab) for n, ts in type_sets.items()}
    if selection.ontology and out:
        out.update(ontology_quads(vocab, used))

    quads = canonical_quads(out)
    labels = {n: idx.label(n) for n in described | set(seeds)}
    return Subgraph(selection=selection, seeds=tuple(seeds), objects=frozenset(objects), quads=quads,
                    terms=terms, labels=labels, primary_types=primary)
