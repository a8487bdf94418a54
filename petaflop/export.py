"""Export subgraphs: choose objects by seeds and hops, then write them in any format.

The library API (the CLI's ``petaflop export`` and the app's Export page call only this)::

    sel = Selection(seeds=("Stargate",), hops=2)
    sub = select(sel)                     # resolve seeds, expand, collect; raises on bad input
    sub.preview()                         # counts: objects, links, triples per graph, types
    result = export(sub, "graphml")       # ExportResult(data=bytes, filename, media_type, preview)

How a selection is made (every rule is a design choice documented here and in the README):

* **Seeds** are IRIs (``<…>`` or ``https://…``), CURIEs (``pfid:openai``), or names: English
  or Korean labels and aliases (``skos:altLabel``) in the graph, and gazetteer aliases, matched
  regardless of case, spacing and ``·-_()``. A catalogue query (``query=``) or a SPARQL
  SELECT/CONSTRUCT (``sparql=``) adds every object its results mention.
* **Hops** (0–3) expand along *links* — triples in the chosen fact graphs whose object is
  another object. ``rdf:type``, labels and literal values are never links, and neither is a
  triple whose object is an ontology term (``pfa:promotedTo pfa:chipCount``), so a class, a
  property or a literal cannot pull half the graph in. ``direction`` follows links
  subject→object (``out``), object→subject (``in``) or both.
* **Filters** shape the graph the hops walk in: a link is walked only if its predicate passes
  ``include_links``/``exclude_links``; an object is entered only if its types (with their
  superclasses from the ontology) pass ``include_types``/``exclude_types``. Seeds always pass.
  The selection is the induced subgraph: every allowed link between selected objects.
* **Description**: every selected object brings its types, labels, alternative labels and
  literal values from the chosen graphs (labels also from ``pfg:facts`` when only inferred
  facts are exported, so objects stay named). ``exclude_links`` also drops attributes
  (except ``rdf:type`` and ``rdfs:label``); ``include_links`` only restricts links.
* **Provenance** (on by default) adds the ``rdf:Statement`` of every exported fact from
  ``pfg:provenance``, its ``pfa:ReportLocation``, and the name of each cited source.
* **Ontology terms** (on by default): every predicate and class used is described from
  ``pfg:ontology`` (labels, definitions, units, domain, range, super-terms, with their blank
  nodes), terms those descriptions mention are declared, and the ontology header is kept —
  so the file describes itself and opens in OWL tools.
* **Determinism**: quads are sorted and blank nodes get labels derived from their content and
  position (a hash), so the same input gives the same bytes.
* **Bad input** raises a :class:`ExportError` naming the parameter (``--seed``, ``--hops``…)
  with close matches; an empty selection and one over ``limit`` triples are refused at export
  time (the latter unless ``force``).
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import gc
import hashlib
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from foundation.errors import UserError
from foundation.names import local_name, norm_name, slugify
from foundation.namespaces import (
    DCT,
    GRAPH_FACTS,
    GRAPH_INFERRED,
    GRAPH_ONTOLOGY,
    GRAPH_PROVENANCE,
    OWL,
    PFA,
    PFID,
    PFLOC,
    PFR,
    PFST,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
)

FACTS_CHOICES = ("asserted", "inferred", "both")
DIRECTIONS = ("out", "in", "both")
MAX_HOPS = 3
DEFAULT_HOPS = 1
DEFAULT_LIMIT = 50_000

G_ONTOLOGY = ox.NamedNode(GRAPH_ONTOLOGY)
G_FACTS = ox.NamedNode(GRAPH_FACTS)
G_INFERRED = ox.NamedNode(GRAPH_INFERRED)
G_PROVENANCE = ox.NamedNode(GRAPH_PROVENANCE)
GRAPH_ORDER = (G_ONTOLOGY, G_FACTS, G_INFERRED, G_PROVENANCE)

RDF_TYPE = ox.NamedNode(RDF.type)
RDF_SUBJECT = ox.NamedNode(RDF.subject)
RDF_PREDICATE = ox.NamedNode(RDF.predicate)
RDF_OBJECT = ox.NamedNode(RDF.object)
RDFS_LABEL = ox.NamedNode(RDFS.label)
RDFS_SUBCLASS = ox.NamedNode(RDFS.subClassOf)
SKOS_ALT = ox.NamedNode(SKOS.altLabel)
SKOS_DEFINITION = ox.NamedNode(SKOS.definition)
PROV_DERIVED = ox.NamedNode(PROV.wasDerivedFrom)
PFA_CITED = ox.NamedNode(PFA.citedSource)
PFA_UNIT = ox.NamedNode(PFA.unitOfMeasure)
OWL_ONTOLOGY = ox.NamedNode(OWL.Ontology)
XSD_STRING = ox.NamedNode(XSD.string)

# Triples that name or classify an object; they are never links and always exported.
NAMING = frozenset({RDF_TYPE, RDFS_LABEL})
LABELS = (RDFS_LABEL, SKOS_ALT)
# IRIs in these namespaces are vocabulary (terms), never objects to walk through; IRIs in the
# data namespaces are objects even when the ontology mentions them (pfid:china in a restriction).
VOCAB_NAMESPACES = (PFA, PFR, RDF, RDFS, OWL, XSD, SKOS, PROV, DCT)
DATA_NAMESPACES = (PFID, PFLOC, PFST)
# Prefixes written into exports: the project's, plus the external vocabularies the ontology aligns to.
EXPORT_PREFIXES = {**PREFIXES, "org": "http://www.w3.org/ns/org#", "schema": "https://schema.org/",
                   "vann": "http://purl.org/vocab/vann/"}
PROPERTY_CLASSES = frozenset(
    ox.NamedNode(OWL[c]) for c in ("ObjectProperty", "DatatypeProperty", "AnnotationProperty",
                                   "TransitiveProperty", "SymmetricProperty", "FunctionalProperty",
                                   "InverseFunctionalProperty", "AsymmetricProperty",
                                   "IrreflexiveProperty", "ReflexiveProperty")
) | {ox.NamedNode(RDF.Property)}
CLASS_CLASSES = frozenset({ox.NamedNode(OWL.Class), ox.NamedNode(RDFS.Class)})

Node = ox.NamedNode | ox.BlankNode


# ----------------------------------------------------------------------------- errors
class ExportError(UserError):
    """An export request that cannot be served; the message names the parameter."""


class UnknownSeed(ExportError):
    """A seed names nothing in the graph; the message lists close matches."""


class AmbiguousSeed(ExportError):
    """A seed name fits several objects; the message lists them with their ids."""


class BadParameter(ExportError):
    """A parameter is out of range or names no ontology term (with close matches)."""


class EmptySelection(ExportError):
    """The selection holds no facts; nothing is written."""


class SelectionTooLarge(ExportError):
    """The selection is over the size limit; refused unless forced."""


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


# ----------------------------------------------------------------------------- terms
@functools.lru_cache(maxsize=1 << 16)
def curie(iri: str) -> str:
    """``pfid:openai`` for a project IRI, the IRI itself when no prefix fits."""
    best = ""
    for prefix, ns in EXPORT_PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(EXPORT_PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(EXPORT_PREFIXES[best]):]}" if best else iri



def _sort_key(term) -> str:
    return str(term)


@dataclass(frozen=True)
class TermInfo:
    """What the ontology says about a predicate or class, for labels and units in every format."""

    iri: str
    label: str
    label_ko: str = ""
    unit: str = ""
    definition: str = ""


class Vocabulary:
    """The ontology graph of one store, indexed for term lookups (built once per store)."""

    def __init__(self, store: ox.Store):
        self.described: dict[Node, list[ox.Quad]] = defaultdict(list)
        for q in store.quads_for_pattern(None, None, None, G_ONTOLOGY):
            self.described[q.subject].append(q)
        self.terms = frozenset(s for s in self.described
                               if isinstance(s, ox.NamedNode) and not s.value.startswith(DATA_NAMESPACES))
        self.headers = tuple(sorted((s for s, qs in self.described.items()
                                     if any(q.predicate == RDF_TYPE and q.object == OWL_ONTOLOGY for q in qs)),
                                    key=_sort_key))
        self.info: dict[ox.NamedNode, TermInfo] = {}
        supers: dict[ox.NamedNode, set[ox.NamedNode]] = defaultdict(set)
        self.properties: set[ox.NamedNode] = set()
        self.classes: set[ox.NamedNode] = set()
        for term in self.terms:
            labels: dict[str, str] = {}
            unit = definition = ""
            for q in self.described[term]:
                p, o = q.predicate, q.object
                if p == RDFS_LABEL and isinstance(o, ox.Literal):
                    labels.setdefault(o.language or "", o.value)
                elif p == PFA_UNIT and isinstance(o, ox.Literal):
                    unit = o.value
                elif p == SKOS_DEFINITION and isinstance(o, ox.Literal) and o.language in (None, "en"):
                    definition = o.value
                elif p == RDFS_SUBCLASS and isinstance(o, ox.NamedNode):
                    supers[term].add(o)
                elif p == RDF_TYPE and o in PROPERTY_CLASSES:
                    self.properties.add(term)
                elif p == RDF_TYPE and o in CLASS_CLASSES:
                    self.classes.add(term)
            self.info[term] = TermInfo(iri=term.value, label=labels.get("en") or labels.get("") or "",
                                       label_ko=labels.get("ko", ""), unit=unit, definition=definition)
        self._supers = supers
        self._closure: dict[ox.NamedNode, frozenset[ox.NamedNode]] = {}

    def is_term(self, term) -> bool:
        return isinstance(term, ox.NamedNode) and (term in self.terms or term.value.startswith(VOCAB_NAMESPACES))

    def superclasses(self, cls: ox.NamedNode) -> frozenset[ox.NamedNode]:
        """The class and every class above it (rdfs:subClassOf*)."""
        done = self._closure.get(cls)
        if done is None:
            seen = {cls}
            stack = [cls]
            while stack:
                for sup in self._supers.get(stack.pop(), ()):
                    if sup not in seen:
                        seen.add(sup)
                        stack.append(sup)
            done = self._closure[cls] = frozenset(seen)
        return done

    def term_info(self, term: ox.NamedNode) -> TermInfo:
        return self.info.get(term) or TermInfo(iri=term.value, label="")

    def closure_quads(self, term: Node) -> list[ox.Quad]:
        """The term's ontology triples and, recursively, those of the blank nodes they use."""
        out: list[ox.Quad] = []
        stack: list[Node] = [term]
        seen: set[Node] = {term}
        while stack:
            for q in self.described.get(stack.pop(), ()):
                out.append(q)
                if isinstance(q.object, ox.BlankNode) and q.object not in seen:
                    seen.add(q.object)
                    stack.append(q.object)
        return out


class _StoreIndex:
    """Per-store caches: the vocabulary and the name index used to resolve seeds."""

    def __init__(self, store: ox.Store):
        self.store = store
        self.vocab = Vocabulary(store)
        self._names: dict[str, dict[Node, int]] | None = None
        self._labels: dict[Node, str] | None = None
        self._lock = threading.Lock()
        self._predicates: frozenset[ox.NamedNode] | None = None
        self._types: frozenset[ox.NamedNode] | None = None

    def used_terms(self) -> tuple[frozenset[ox.NamedNode], frozenset[ox.NamedNode]]:
        """Predicates and classes used in the fact graphs (besides those the ontology declares)."""
        with self._lock:
            if self._predicates is None:
                preds: set[ox.NamedNode] = set()
                types: set[ox.NamedNode] = set()
                for g in (G_FACTS, G_INFERRED):
                    for q in self.store.quads_for_pattern(None, None, None, g):
                        preds.add(q.predicate)
                        if q.predicate == RDF_TYPE and isinstance(q.object, ox.NamedNode):
                            types.add(q.object)
                self._predicates, self._types = frozenset(preds), frozenset(types)
        return self._predicates, self._types  # type: ignore[return-value]

    def _build_names(self) -> None:
        names: dict[str, dict[Node, int]] = defaultdict(dict)
        labels: dict[Node, dict[str, str]] = defaultdict(dict)
        for g in (G_FACTS, G_INFERRED):
            for rank, pred in enumerate(LABELS):
                for q in self.store.quads_for_pattern(None, pred, None, g):
                    if not isinstance(q.object, ox.Literal):
                        continue
                    key = norm_name(q.object.value)
                    if key:
                        bucket = names[key]
                        bucket[q.subject] = min(bucket.get(q.subject, rank), rank)
                    if pred == RDFS_LABEL:
                        labels[q.subject].setdefault(q.object.language or "", q.object.value)
        for node in list(labels):
            if isinstance(node, ox.NamedNode) and node.value.startswith(PFID):
                key = norm_name(node.value[len(PFID):])
                names[key].setdefault(node, 0)
        self._names = dict(names)
        self._labels = {n: ls.get("en") or ls.get("") or ls.get("ko") or next(iter(ls.values()))
                        for n, ls in labels.items()}

    @property
    def names(self) -> dict[str, dict[Node, int]]:
        with self._lock:
            if self._names is None:
                self._build_names()
        return self._names  # type: ignore[return-value]

    @property
    def labels(self) -> dict[Node, str]:
        with self._lock:
            if self._labels is None:
                self._build_names()
        return self._labels  # type: ignore[return-value]

    def label(self, node) -> str:
        return self.labels.get(node) or (curie(node.value) if isinstance(node, ox.NamedNode) else str(node))


_INDEXES: dict[int, _StoreIndex] = {}
_STORES: dict[tuple[str, int, int], ox.Store] = {}
_CACHE_LOCK = threading.Lock()


def _index(store: ox.Store) -> _StoreIndex:
    with _CACHE_LOCK:
        idx = _INDEXES.get(id(store))
        if idx is None or idx.store is not store:
            idx = _INDEXES[id(store)] = _StoreIndex(store)
        return idx


def open_store(nq_path: Path | str | None = None) -> ox.Store:
    """The in-memory store for an N-Quads (or ``.trig``) file, default ``build/atlas.nq``; cached while unchanged."""
    from petaflop.store import NQ_PATH, load_memory_store

    path = Path(nq_path or NQ_PATH)
    stat = path.stat() if path.is_file() else None
    key = (str(path.resolve()), stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)
    with _CACHE_LOCK:
        store = _STORES.get(key)
    if store is None:
        if stat is not None and path.suffix.lower() == ".trig":
            store = ox.Store()
            try:
                store.load(path=str(path), format=ox.RdfFormat.TRIG)
            except SyntaxError as exc:
                raise BadParameter(f"--data {str(path)!r}: not valid TriG: {exc}") from None
        else:
            store = load_memory_store(path)
        with _CACHE_LOCK:
            for old in _STORES.values():  # the file changed: forget the previous store and its index
                _INDEXES.pop(id(old), None)
            _STORES.clear()
            _STORES[key] = store
    return store


def clear_caches() -> None:
    with _CACHE_LOCK:
        _INDEXES.clear()
        _STORES.clear()


# ----------------------------------------------------------------------------- resolving names
def _exists(store: ox.Store, node: Node) -> bool:
    for g in (G_FACTS, G_INFERRED, G_PROVENANCE):
        for _ in store.quads_for_pattern(node, None, None, g):
            return True
        for _ in store.quads_for_pattern(None, None, node, g):
            return True
    return False


def _as_iri(text: str) -> str | None:
    """An IRI written as ``<…>``, ``scheme://…`` or a known CURIE, else None."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text):
        return text
    prefix, colon, rest = text.partition(":")
    if colon and prefix in EXPORT_PREFIXES and rest and " " not in rest:
        return EXPORT_PREFIXES[prefix] + rest
    return None


def _close_names(idx: _StoreIndex, text: str, n: int = 5) -> list[str]:
    """Close matches for a seed, as 'Label (pfid:id)', from graph names and the gazetteer."""
    key = norm_name(text)
    found: list[Node] = []
    keys = (difflib.get_close_matches(key, list(idx.names), n=n * 3, cutoff=0.7)
            or difflib.get_close_matches(key, list(idx.names), n=n * 3, cutoff=0.5))
    for k in keys:
        for node, _rank in sorted(idx.names[k].items(), key=lambda kv: (kv[1], str(kv[0]))):
            if node not in found:
                found.append(node)
    try:
        from petaflop.extract.gazetteer import Gazetteer

        for entity in (Gazetteer.load().suggest(text, n=n) if not found else ()):
            node = ox.NamedNode(PFID + entity.id)
            if node not in found and node in idx.labels:
                found.append(node)
    except Exception:  # the gazetteer only improves hints; never fail on it
        pass
    return [f"{idx.label(node)} ({curie(node.value) if isinstance(node, ox.NamedNode) else node})"
            for node in found[:n]]


def _hint(matches: list[str]) -> str:
    return f"; close matches: {', '.join(matches)}" if matches else "; no close matches"


def resolve_seed(store: ox.Store, text: str, option: str = "--seed") -> ox.NamedNode:
    """One seed → the object it names; raises UnknownSeed/AmbiguousSeed with hints."""
    idx = _index(store)
    raw = str(text).strip()
    iri = _as_iri(raw)
    if iri is not None:
        node = ox.NamedNode(iri)
        if idx.vocab.is_term(node):
            raise BadParameter(
                f"{option} {raw!r} is an ontology term, not an object; to select its instances use "
                f"--include-type or --sparql"
            )
        if not _exists(store, node):
            raise UnknownSeed(f"{option} {raw!r}: no object with that IRI in the graph"
                              + _hint(_close_names(idx, local_name(iri))))
        return node
    bucket = idx.names.get(norm_name(raw))
    if bucket:
        best = min(bucket.values())
        candidates = sorted((n for n, r in bucket.items() if r == best), key=_sort_key)
        if len(candidates) > 1:

            exact = [n for n in candidates if n.value == PFID + slugify(raw)]
            candidates = exact or candidates
        if len(candidates) == 1:
            return candidates[0]
        listed = ", ".join(f"{idx.label(n)} ({curie(n.value)})" for n in candidates[:8])
        raise AmbiguousSeed(f"{option} {raw!r} names {len(candidates)} objects: {listed}; give an id instead")
    try:
        from petaflop.extract.gazetteer import Gazetteer

        entity = Gazetteer.load().lookup(raw)
    except Exception:
        entity = None
    if entity is not None:
        node = ox.NamedNode(PFID + entity.id)
        if _exists(store, node):
            return node
    raise UnknownSeed(f"{option} {raw!r}: no object has that name, alias or id" + _hint(_close_names(idx, raw)))


def _term_names(idx: _StoreIndex, terms: Iterable[ox.NamedNode]) -> dict[str, set[ox.NamedNode]]:
    names: dict[str, set[ox.NamedNode]] = defaultdict(set)
    for term in terms:
        info = idx.vocab.term_info(term)
        for name in (term.value, curie(term.value), local_name(term.value), info.label, info.label_ko):
            if name:
                names[norm_name(name)].add(term)
    return names


def resolve_terms(store: ox.Store, texts: Iterable[str], kind: str, option: str) -> frozenset[ox.NamedNode]:
    """Link types (``kind='link'``) or object types (``kind='type'``) by IRI, CURIE, local name or label."""
    texts = tuple(texts)
    if not texts:
        return frozenset()
    idx = _index(store)
    vocab = idx.vocab
    if kind == "link":
        known = set(vocab.properties) | {RDFS_LABEL, SKOS_ALT, RDF_TYPE} | idx.used_terms()[0]
        what = "a link type (predicate)"
    else:
        known = set(vocab.classes) | idx.used_terms()[1]
        what = "an object type (class)"
    names = _term_names(idx, known)
    out: set[ox.NamedNode] = set()
    for text in texts:
        raw = str(text).strip()
        iri = _as_iri(raw)
        hits = {ox.NamedNode(iri)} & known if iri else set()
        if not hits:
            hits = names.get(norm_name(raw), set())
        if len(hits) > 1:
            pfa_hits = {h for h in hits if h.value.startswith(PFA)}
            hits = pfa_hits or hits
        if len(hits) != 1:
            if hits:
                listed = ", ".join(sorted(curie(h.value) for h in hits))
                raise BadParameter(f"{option} {raw!r} is ambiguous: {listed}; give a CURIE")
            close = difflib.get_close_matches(norm_name(raw), list(names), n=5, cutoff=0.6)
            shown = sorted({curie(t.value) for k in close for t in names[k]})[:5]
            raise BadParameter(f"{option} {raw!r} is not {what} in the graph or ontology"
                               + (f"; close matches: {', '.join(shown)}" if shown else "; no close matches"))
        out |= hits
    return frozenset(out)


# ----------------------------------------------------------------------------- query seeds
def _query_nodes(store: ox.Store, text: str, option: str) -> list[Node]:
    vocab = _index(store).vocab
    try:
        result = store.query(text, prefixes=dict(PREFIXES), use_default_graph_as_union=True)
    except SyntaxError as exc:
        from queries.sparql import syntax_message

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


def _catalogue_sparql(store: ox.Store, name: str, params: Mapping[str, str]) -> str:
    """SPARQL text of a catalogue query (``queries/``) with its parameters bound by a VALUES block.

    Parameters not given take the header's default; ``entity`` parameters accept any seed
    spelling (name, alias, CURIE, IRI)."""
    try:
        import queries as catalogue
    except ImportError:  # pragma: no cover - the catalogue ships with the package
        catalogue = None
    get = getattr(catalogue, "get", None)
    if get is None:
        raise BadParameter("--query: the query catalogue (queries/) is not available; use --sparql instead")
    try:
        query = get(name)
    except UserError as exc:
        raise BadParameter(f"--query: {exc}") from None
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise BadParameter(f"--param {unknown[0]!r}: query {name!r} takes "
                           + (", ".join(declared) if declared else "no parameters"))
    bindings: dict[str, ox.NamedNode | ox.Literal] = {}
    for pname, param in declared.items():
        raw = params.get(pname, param.default)
        if raw == "" and param.type != "string":
            raise BadParameter(f"--param {pname}: query {name!r} needs a value ({param.description})")
        bindings[pname] = _param_term(store, pname, param.type, raw)
    if not bindings:
        return query.sparql
    from queries.sparql import insert_values

    return insert_values(query.sparql, bindings)


_PARAM_DATATYPES = {"decimal": XSD.decimal, "integer": XSD.integer, "date": XSD.date}
_PARAM_PATTERNS = {"decimal": r"[+-]?(\d+(\.\d*)?|\.\d+)", "integer": r"[+-]?\d+", "date": r"\d{4}-\d{2}-\d{2}"}


def _param_term(store: ox.Store, name: str, type_: str, raw: str) -> ox.NamedNode | ox.Literal:
    raw = raw.strip() if type_ != "string" else raw
    if type_ == "entity":
        return resolve_seed(store, raw, option=f"--param {name}")
    if type_ == "iri":
        iri = _as_iri(raw)
        if iri is None:
            raise BadParameter(f"--param {name}: {raw!r} is not an IRI or CURIE")
        return ox.NamedNode(iri)
    if type_ in _PARAM_PATTERNS:
        if not re.fullmatch(_PARAM_PATTERNS[type_], raw):
            raise BadParameter(f"--param {name}: {raw!r} is not a {type_}")
        return ox.Literal(raw, datatype=ox.NamedNode(_PARAM_DATATYPES[type_]))
    return ox.Literal(raw)


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
            empty=not any(q.graph_name in _graphs(self.selection.facts) for q in data),
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
    def to_rdflib(self):
        """The selection as an rdflib Dataset (named graphs kept), e.g. to compare or to query."""
        import rdflib

        ds = rdflib.Dataset()
        for q in self.quads:
            ds.graph(rdflib.URIRef(q.graph_name.value)).add(
                (to_rdflib_term(q.subject), to_rdflib_term(q.predicate), to_rdflib_term(q.object))
            )
        return ds


def to_rdflib_term(term):
    import rdflib

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
    return sorted(project or pool, key=_sort_key)[0]


# ----------------------------------------------------------------------------- selecting
def _graphs(facts: str) -> tuple[ox.NamedNode, ...]:
    return {"asserted": (G_FACTS,), "inferred": (G_INFERRED,), "both": (G_FACTS, G_INFERRED)}[facts]


@contextlib.contextmanager
def _gc_paused():
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
    with _gc_paused():
        return _select(selection, store)


def _select(selection: Selection, store: ox.Store | None) -> Subgraph:
    selection.validate()
    store = store if store is not None else open_store()
    idx = _index(store)
    vocab = idx.vocab
    graphs = _graphs(selection.facts)

    # seeds
    seeds: list[Node] = []
    for text in selection.seeds:
        node = resolve_seed(store, text)
        if node not in seeds:
            seeds.append(node)
    if selection.query:
        for node in _query_nodes(store, _catalogue_sparql(store, selection.query, selection.query_params),
                                 "--query"):
            if node not in seeds:
                seeds.append(node)
    elif selection.query_params:
        raise BadParameter("--param: parameters need a --query")
    if (selection.sparql or "").strip():
        for node in _query_nodes(store, selection.sparql or "", "--sparql"):
            if node not in seeds:
                seeds.append(node)

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
        frontier = nxt
        if not frontier:
            break
    objects = frozenset(selected)

    # description of every selected object (the induced subgraph)
    out: set[ox.Quad] = set()
    described: set[Node] = set(objects)

    def describe(node: Node, graphs_: tuple[ox.NamedNode, ...], *, links: bool) -> None:
        for g in graphs_:
            for q in store.quads_for_pattern(node, None, None, g):
                p, o = q.predicate, q.object
                if p in NAMING:
                    out.add(q)
                elif p in exclude_links:
                    continue
                elif isinstance(o, ox.Literal) or vocab.is_term(o):
                    out.add(q)
                elif links and o in objects and link_ok(p):
                    out.add(q)
        if G_FACTS not in graphs_:  # keep objects named when only inferred facts are exported
            for pred in LABELS:
                if pred not in exclude_links:
                    out.update(store.quads_for_pattern(node, pred, None, G_FACTS))

    for node in sorted(objects, key=_sort_key):
        describe(node, graphs, links=True)

    if selection.provenance:
        selected_triples = {(q.subject, q.predicate, q.object) for q in out}
        locations: set[Node] = set()
        sources: set[Node] = set()
        for subject in sorted({q.subject for q in out}, key=_sort_key):
            for sq in store.quads_for_pattern(None, RDF_SUBJECT, subject, G_PROVENANCE):
                stmt_quads = list(store.quads_for_pattern(sq.subject, None, None, G_PROVENANCE))
                pred = next((q.object for q in stmt_quads if q.predicate == RDF_PREDICATE), None)
                obj = next((q.object for q in stmt_quads if q.predicate == RDF_OBJECT), None)
                if (subject, pred, obj) not in selected_triples:
                    continue
                out.update(stmt_quads)
                for q in stmt_quads:
                    if q.predicate == PROV_DERIVED:
                        locations.add(q.object)
                    elif q.predicate == PFA_CITED and not isinstance(q.object, ox.Literal):
                        sources.add(q.object)
        for loc in sorted(locations, key=_sort_key):
            out.update(store.quads_for_pattern(loc, None, None, G_PROVENANCE))
        for src in sorted(sources - described, key=_sort_key):
            described.add(src)
            for g in (G_FACTS, *graphs):
                out.update(q for q in store.quads_for_pattern(src, None, None, g)
                           if q.predicate in NAMING or (q.predicate == SKOS_ALT and SKOS_ALT not in exclude_links))

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
    terms = {t: vocab.term_info(t) for t in sorted(used, key=_sort_key)}
    primary = {n: primary_type(ts, asserted.get(n, ()), vocab) for n, ts in type_sets.items()}
    if selection.ontology and out:
        out.update(_ontology_quads(vocab, used))

    quads = canonical_quads(out)
    labels = {n: idx.label(n) for n in described | set(seeds)}
    return Subgraph(selection=selection, seeds=tuple(seeds), objects=objects, quads=quads,
                    terms=terms, labels=labels, primary_types=primary)


def _ontology_quads(vocab: Vocabulary, used: set[ox.NamedNode]) -> set[ox.Quad]:
    """Descriptions of the used terms (and of annotation properties they use); declarations of the
    terms those descriptions mention; the ontology header."""
    out: set[ox.Quad] = set()
    full: set[Node] = set()
    stack: list[Node] = [t for t in sorted(used, key=_sort_key) if t in vocab.described]
    stack += list(vocab.headers)
    while stack:
        term = stack.pop()
        if term in full:
            continue
        full.add(term)
        for q in vocab.closure_quads(term):
            out.add(q)
            if q.predicate in vocab.described and q.predicate not in full:
                stack.append(q.predicate)
    mentioned = {q.object for q in out if isinstance(q.object, ox.NamedNode) and q.object in vocab.terms} - full
    for term in mentioned:
        out.update(q for q in vocab.described[term] if q.predicate in (RDF_TYPE, RDFS_LABEL))
    return out


# ----------------------------------------------------------------------------- canonical form
def canonical_quads(quads: Iterable[ox.Quad]) -> tuple[ox.Quad, ...]:
    """Sorted quads with blank nodes relabelled from their content and position (deterministic).

    Quads are keyed by their N-Quads text (dedupe and sort on plain strings); the order is graph
    (ontology, facts, inferred, provenance, then others) and then that text."""
    by_key: dict[str, ox.Quad] = {}
    for q in quads:
        by_key.setdefault(str(q), q)
    with_bnodes = [q for k, q in by_key.items() if "_:" in k
                   and (isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode))]
    if with_bnodes:
        bnodes = {t for q in with_bnodes for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)}
        mapping = _bnode_labels(set(with_bnodes), bnodes)

        def m(t):
            return mapping[t] if isinstance(t, ox.BlankNode) else t

        for q in with_bnodes:
            del by_key[str(q)]
        for q in with_bnodes:
            new = ox.Quad(m(q.subject), q.predicate, m(q.object), q.graph_name)
            by_key[str(new)] = new
    rank = {f"<{g.value}>": i for i, g in enumerate(GRAPH_ORDER)}

    def order(key: str) -> tuple[int, str, str]:
        graph = key.rsplit(" ", 1)[-1]
        known = rank.get(graph)
        return (known, "", key) if known is not None else (len(rank), graph, key)

    return tuple(by_key[k] for k in sorted(by_key, key=order))


def _bnode_labels(quads: set[ox.Quad], bnodes: set[ox.BlankNode]) -> dict[ox.BlankNode, ox.BlankNode]:
    outgoing: dict[ox.BlankNode, list[ox.Quad]] = defaultdict(list)
    incoming: dict[ox.BlankNode, list[ox.Quad]] = defaultdict(list)
    for q in quads:
        if isinstance(q.subject, ox.BlankNode):
            outgoing[q.subject].append(q)
        if isinstance(q.object, ox.BlankNode):
            incoming[q.object].append(q)
    inner: dict[ox.BlankNode, str] = {}
    outer: dict[ox.BlankNode, str] = {}

    def content(b: ox.BlankNode, path: frozenset) -> str:
        if b in inner:
            return inner[b]
        if b in path:
            return "cycle"
        lines = sorted(f"{q.graph_name} {q.predicate} "
                       + (f"[{content(q.object, path | {b})}]" if isinstance(q.object, ox.BlankNode) else str(q.object))
                       for q in outgoing[b])
        inner[b] = hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()
        return inner[b]

    def position(b: ox.BlankNode, path: frozenset) -> str:
        if b in outer:
            return outer[b]
        if b in path:
            return "cycle"
        lines = sorted((f"[{position(q.subject, path | {b})}]" if isinstance(q.subject, ox.BlankNode)
                        else str(q.subject)) + f" {q.predicate} {q.graph_name}" for q in incoming[b])
        outer[b] = hashlib.sha1((content(b, frozenset()) + "\n" + "\n".join(lines)).encode("utf-8")).hexdigest()
        return outer[b]

    labels: dict[ox.BlankNode, ox.BlankNode] = {}
    used: Counter[str] = Counter()
    for b in sorted(bnodes, key=lambda b: (position(b, frozenset()), str(b))):
        base = "b" + position(b, frozenset())[:24]
        used[base] += 1
        labels[b] = ox.BlankNode(base if used[base] == 1 else f"{base}x{used[base]}")
    return labels


# ----------------------------------------------------------------------------- exporting
@dataclass(frozen=True)
class ExportResult:
    data: bytes
    format: str
    filename: str
    media_type: str
    preview: Preview


def suggested_filename(sub: Subgraph, extension: str) -> str:
    first = sub.seeds[0] if sub.seeds else None
    stem = local_name(first.value) if isinstance(first, ox.NamedNode) else "selection"
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-") or "selection"
    return f"petaflop-{stem}-{sub.selection.hops}hop{extension}"


def export(selection: Selection | Subgraph, fmt: str, *, store: ox.Store | None = None,
           force: bool = False) -> ExportResult:
    """Bytes of a selection in one format (see ``export_formats.FORMATS``)."""
    from petaflop.export_formats import resolve_format

    spec = resolve_format(fmt)
    sub = selection if isinstance(selection, Subgraph) else select(selection, store)
    sub.check(force=force)
    with _gc_paused():
        data = spec.write(sub)
    return ExportResult(data=data, format=spec.name, filename=suggested_filename(sub, spec.extension),
                        media_type=spec.media_type, preview=sub.preview())


def write_export(selection: Selection | Subgraph, fmt: str | None, out: Path | str, *,
                 store: ox.Store | None = None, force: bool = False) -> ExportResult:
    """Export to a file; the format defaults to the one the file extension names."""
    from petaflop.export_formats import resolve_format

    out = Path(out)
    spec = resolve_format(fmt, out)
    result = export(selection, spec.name, store=store, force=force)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(result.data)
    return result


def preview(selection: Selection, store: ox.Store | None = None) -> Preview:
    return select(selection, store).preview()


# ----------------------------------------------------------------------------- CLI helpers
def parse_param_args(args: Iterable[str] | None) -> dict[str, str]:
    """``NAME=VALUE`` strings (``--param``) → a dict."""
    out: dict[str, str] = {}
    for arg in args or ():
        name, eq, value = str(arg).partition("=")
        if not eq or not name.strip():
            raise BadParameter(f"--param {arg!r}: write NAME=VALUE")
        out[name.strip()] = value
    return out


def read_sparql_arg(text: str | None) -> str | None:
    """``--sparql`` takes the query text, or ``@file.rq``."""
    if text and text.startswith("@"):
        path = Path(text[1:])
        if not path.is_file():
            raise BadParameter(f"--sparql {text!r}: no such file")
        return path.read_text(encoding="utf-8")
    return text


def check_output(fmt_name: str, out: Path | str | None) -> None:
    """Refuse output targets that cannot hold the format (before any work is done)."""
    if fmt_name == "csv":
        if out is None:
            raise BadParameter("--out: the csv format writes a zip (nodes.csv, edges.csv, columns.csv); "
                               "give --out FILE.zip")
        if Path(out).suffix.lower() != ".zip":
            raise BadParameter(f"--out {str(out)!r}: the csv format writes a zip; name the file *.zip")
