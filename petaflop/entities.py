"""The one entity resolver: what a user types (a name, an alias, an id, a CURIE or an IRI) → the
entity of the graph it names.

::

    index = EntityIndex.for_store(store)          # built once per store, cached
    index.resolve("스타게이트")                     # NamedNode(pfid:stargate)
    index.resolve("Stargte", option="--param project")
    # UnknownEntity: --param project 'Stargte': no object has that name, alias or id;
    #                close matches: Stargate (pfid:stargate), …
    index.close_matches("Stargte")                # [NamedNode(pfid:stargate), …], best first
    index.label(node)                             # "Stargate": the English label, else any, else the CURIE

How a text is matched (the same rules for ``petaflop export --seed``, ``petaflop query --param``
and the app):

* ``<…>``, ``scheme://…`` and CURIEs of the project prefixes (``pfid:stargate``) are IRIs: they
  resolve when the IRI occurs in the fact, inferred or provenance graph and is not an ontology term.
* Anything else is a name, compared under :func:`foundation.names.norm_name` (case, spacing and
  punctuation do not matter): every ``rdfs:label`` and ``skos:altLabel`` (English or Korean) of a
  subject of ``pfg:facts``/``pfg:inferred``, and the local id of every labelled ``pfid:`` entity.
  Labels and ids outrank alternative labels; among equals, the entity whose id is the slug of
  the text wins; otherwise the name is ambiguous (:class:`AmbiguousEntity` lists the candidates).
* A name the graph does not carry falls back to the gazetteer's aliases
  (``petaflop/extract/gazetteer.tsv``) when the entity it names is in the graph.
* Otherwise :class:`UnknownEntity`; its message names the option and lists close matches
  (graph names first, gazetteer suggestions when no graph name is close).
"""

from __future__ import annotations

import difflib
import functools
import re
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Mapping
from typing import ClassVar

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
    PFK,
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
from petaflop.extract.gazetteer import Gazetteer, GazetteerError

__all__ = ["AmbiguousEntity", "EntityIndex", "UnknownEntity", "as_iri"]

_FACTS = ox.NamedNode(GRAPH_FACTS)
_INFERRED = ox.NamedNode(GRAPH_INFERRED)
_DATA_GRAPHS = (_FACTS, _INFERRED, ox.NamedNode(GRAPH_PROVENANCE))
_LABEL = ox.NamedNode(RDFS.label)
_ALT = ox.NamedNode(SKOS.altLabel)
# IRIs in these namespaces are ontology terms, never entities (nor are other subjects of the
# ontology graph outside the data namespaces, e.g. schema.org classes the ontology aligns to).
_VOCAB_NAMESPACES = tuple(str(ns) for ns in (PFA, PFK, PFR, RDF, RDFS, OWL, XSD, SKOS, PROV, DCT))
_DATA_NAMESPACES = tuple(str(ns) for ns in (PFID, PFLOC, PFST))
_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_CACHE_SIZE = 8


class UnknownEntity(UserError):
    """A text names no entity of the graph; the message names the option and lists close matches."""


class AmbiguousEntity(UserError):
    """A name fits several entities equally well; the message lists them with their ids."""


def as_iri(text: str, prefixes: Mapping[str, str] = _PREFIXES) -> str | None:
    """The IRI a text spells as ``<…>``, ``scheme://…`` or a CURIE of ``prefixes``, else None."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    if _SCHEME.match(text):
        return text
    prefix, colon, rest = text.partition(":")
    if colon and prefix in prefixes and rest and " " not in rest:
        return str(prefixes[prefix]) + rest
    return None


@functools.lru_cache(maxsize=1 << 14)
def _curie(iri: str) -> str:
    best = max((p for p, ns in _PREFIXES.items() if iri.startswith(ns)), key=lambda p: len(_PREFIXES[p]),
               default=None)
    return f"{best}:{iri[len(_PREFIXES[best]):]}" if best else iri


@functools.cache
def _project_gazetteer() -> Gazetteer | None:
    """The gazetteer, loaded once; None when it cannot be read (it only adds aliases and hints)."""
    try:
        return Gazetteer.load()
    except (GazetteerError, OSError):
        return None


class EntityIndex:
    """The names of the entities of one pyoxigraph store (see the module docstring for the rules).

    Build it with :meth:`for_store` (cached per store) or directly; the store is read once, at
    construction. ``gazetteer``: the gazetteer to fall back to; ``True`` (default) is the
    project's, loaded the first time a text is not a graph name (loading takes seconds); ``None``
    or ``False`` resolves from the graph alone."""

    _cache: ClassVar[OrderedDict[int, EntityIndex]] = OrderedDict()
    _cache_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, store: ox.Store, *, gazetteer: Gazetteer | bool | None = True):
        self.store = store
        self._gazetteer_given = gazetteer
        # norm_name(name) -> {entity: rank}; rank 0 = label or id, 1 = alternative label
        names: dict[str, dict[ox.NamedNode, int]] = defaultdict(dict)
        labels: dict[ox.NamedNode | ox.BlankNode, dict[str, str]] = defaultdict(dict)
        for graph in (_FACTS, _INFERRED):
            for rank, pred in enumerate((_LABEL, _ALT)):
                for q in store.quads_for_pattern(None, pred, None, graph):
                    if not isinstance(q.object, ox.Literal):
                        continue
                    key = norm_name(q.object.value)
                    if key and isinstance(q.subject, ox.NamedNode):  # a blank node cannot be named
                        bucket = names[key]
                        bucket[q.subject] = min(bucket.get(q.subject, rank), rank)
                    if pred == _LABEL:
                        labels[q.subject].setdefault(q.object.language or "", q.object.value)
        for node in labels:
            if isinstance(node, ox.NamedNode) and node.value.startswith(PFID):
                names[norm_name(node.value[len(PFID):])].setdefault(node, 0)
        self._names = dict(names)
        self._keys = list(self._names)
        self._labels = {n: ls.get("en") or ls.get("") or ls.get("ko") or next(iter(ls.values()))
                        for n, ls in labels.items()}
        self._terms = frozenset(q.subject.value for q in store.quads_for_pattern(None, None, None,
                                                                                 ox.NamedNode(GRAPH_ONTOLOGY))
                                if isinstance(q.subject, ox.NamedNode)
                                and not q.subject.value.startswith(_DATA_NAMESPACES))

    @classmethod
    def for_store(cls, store: ox.Store) -> EntityIndex:
        """The index of ``store``, built on first use and kept for the last few stores."""
        with cls._cache_lock:
            index = cls._cache.get(id(store))
            if index is not None and index.store is store:
                cls._cache.move_to_end(id(store))
                return index
        index = cls(store)
        with cls._cache_lock:
            cls._cache[id(store)] = index
            while len(cls._cache) > _CACHE_SIZE:
                cls._cache.popitem(last=False)
        return index

    @property
    def _gazetteer(self) -> Gazetteer | None:
        given = self._gazetteer_given
        return _project_gazetteer() if given is True else (given or None)

    # ------------------------------------------------------------------ lookups
    def label(self, node: ox.NamedNode | ox.BlankNode) -> str:
        """The display name of a node: its English label, else any label, else its CURIE."""
        found = self._labels.get(node)
        if found:
            return found
        return _curie(node.value) if isinstance(node, ox.NamedNode) else str(node)

    def labelled(self, node: ox.NamedNode | ox.BlankNode) -> bool:
        """True when the node has an ``rdfs:label`` in the fact or inferred graph."""
        return node in self._labels

    def is_term(self, iri: str) -> bool:
        """True for ontology terms (classes, properties, …): they are never entities."""
        return iri.startswith(_VOCAB_NAMESPACES) or iri in self._terms

    def exists(self, node: ox.NamedNode) -> bool:
        """True when the IRI occurs in the fact, inferred or provenance graph."""
        for graph in _DATA_GRAPHS:
            for _ in self.store.quads_for_pattern(node, None, None, graph):
                return True
            for _ in self.store.quads_for_pattern(None, None, node, graph):
                return True
        return False

    def resolve(self, raw: str, option: str = "--seed") -> ox.NamedNode:
        """The entity a text names; raises :class:`UnknownEntity` or :class:`AmbiguousEntity`, whose
        messages start with ``option`` (``--seed``, ``--param project``) and the text as given."""
        text = str(raw).strip()
        iri = as_iri(text)
        if iri is not None:
            node = ox.NamedNode(iri)
            if self.is_term(iri):
                raise UnknownEntity(f"{option} {text!r} is an ontology term, not an entity")
            if not self.exists(node):
                raise UnknownEntity(f"{option} {text!r}: no object with that IRI in the graph"
                                    + self._hint(local_name(iri)))
            return node
        bucket = self._names.get(norm_name(text))
        if bucket:
            best = min(bucket.values())
            candidates = sorted((n for n, r in bucket.items() if r == best), key=str)
            if len(candidates) > 1:
                exact = [n for n in candidates if n.value == PFID + slugify(text)]
                candidates = exact or candidates
            if len(candidates) == 1:
                return candidates[0]
            listed = ", ".join(self._show(n) for n in candidates[:8])
            raise AmbiguousEntity(f"{option} {text!r} names {len(candidates)} objects: {listed}; "
                                  "give an id instead")
        gazetteer = self._gazetteer if text else None
        entity = gazetteer.lookup(text) if gazetteer is not None else None
        if entity is not None:
            node = ox.NamedNode(PFID + entity.id)
            if self.exists(node):
                return node
        raise UnknownEntity(f"{option} {text!r}: no object has that name, alias or id" + self._hint(text))

    def close_matches(self, raw: str, n: int = 5) -> list[ox.NamedNode]:
        """Entities whose names are close to ``raw`` (best first): graph names, else gazetteer suggestions."""
        key = norm_name(raw)
        keys = (difflib.get_close_matches(key, self._keys, n=n * 3, cutoff=0.7)
                or difflib.get_close_matches(key, self._keys, n=n * 3, cutoff=0.5))
        found: list[ox.NamedNode] = []
        for k in keys:
            for node, _rank in sorted(self._names[k].items(), key=lambda kv: (kv[1], str(kv[0]))):
                if node not in found:
                    found.append(node)
        gazetteer = self._gazetteer if not found else None
        if gazetteer is not None:
            for entity in gazetteer.suggest(raw, n=n):
                node = ox.NamedNode(PFID + entity.id)
                if node not in found and node in self._labels:
                    found.append(node)
        return found[:n]

    # ------------------------------------------------------------------ messages
    def _show(self, node: ox.NamedNode) -> str:
        return f"{self.label(node)} ({_curie(node.value)})"

    def _hint(self, text: str) -> str:
        matches = [self._show(node) for node in self.close_matches(text)]
        return f"; close matches: {', '.join(matches)}" if matches else "; no close matches"
