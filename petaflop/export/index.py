"""Per-store caches of the export: the vocabulary, the entity index, the terms the facts use; and
the in-memory store of a graph file (``--data``), kept while the file is unchanged."""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

import pyoxigraph as ox

from petaflop.entities import EntityIndex
from petaflop.export.errors import BadParameter
from petaflop.export.terms import G_FACTS, G_INFERRED, RDF_TYPE, Node, Vocabulary, curie
from petaflop.store import NQ_PATH, load_memory_store

_CACHE_SIZE = 8


class StoreIndex:
    """What the selection looks up in one store, built once per store."""

    def __init__(self, store: ox.Store):
        self.store = store
        self.vocab = Vocabulary(store)
        self._lock = threading.Lock()
        self._entities: EntityIndex | None = None
        self._used: tuple[frozenset[ox.NamedNode], frozenset[ox.NamedNode]] | None = None

    @property
    def entities(self) -> EntityIndex:
        """The store's entity resolver (shared with every other user of :class:`EntityIndex`)."""
        with self._lock:
            if self._entities is None:
                self._entities = EntityIndex.for_store(self.store)
            return self._entities

    def used_terms(self) -> tuple[frozenset[ox.NamedNode], frozenset[ox.NamedNode]]:
        """Predicates and classes used in the fact graphs (besides those the ontology declares)."""
        with self._lock:
            if self._used is None:
                preds: set[ox.NamedNode] = set()
                types: set[ox.NamedNode] = set()
                for g in (G_FACTS, G_INFERRED):
                    for q in self.store.quads_for_pattern(None, None, None, g):
                        preds.add(q.predicate)
                        if q.predicate == RDF_TYPE and isinstance(q.object, ox.NamedNode):
                            types.add(q.object)
                self._used = (frozenset(preds), frozenset(types))
            return self._used

    def label(self, node: Node) -> str:
        """The display name of a node (its English label, else any, else its CURIE)."""
        if isinstance(node, ox.NamedNode) and not self.entities.labelled(node):
            return curie(node.value)  # the export's prefixes (schema:, org:…) for unlabelled terms
        return self.entities.label(node)


_INDEXES: OrderedDict[int, StoreIndex] = OrderedDict()
_STORES: dict[tuple[str, int, int], ox.Store] = {}
_CACHE_LOCK = threading.Lock()


def store_index(store: ox.Store) -> StoreIndex:
    """The index of a store, built on first use (the last few stores are kept)."""
    with _CACHE_LOCK:
        idx = _INDEXES.get(id(store))
        if idx is None or idx.store is not store:
            idx = _INDEXES[id(store)] = StoreIndex(store)
            while len(_INDEXES) > _CACHE_SIZE:
                _INDEXES.popitem(last=False)
        _INDEXES.move_to_end(id(store))
        return idx


def open_store(nq_path: Path | str | None = None) -> ox.Store:
    """The in-memory store for an N-Quads (or ``.trig``) file, default ``build/atlas.nq``; cached while unchanged."""
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
