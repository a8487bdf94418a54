"""Link and type filters (``--include-link``, ``--exclude-type``…): names → ontology terms."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from foundation.names import local_name, norm_name
from foundation.namespaces import PFA
from petaflop.entities import as_iri
from petaflop.export.errors import BadParameter
from petaflop.export.index import StoreIndex, store_index
from petaflop.export.terms import EXPORT_PREFIXES, RDF_TYPE, RDFS_LABEL, SKOS_ALT, curie


def _term_names(idx: StoreIndex, terms: Iterable[ox.NamedNode]) -> dict[str, set[ox.NamedNode]]:
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
    idx = store_index(store)
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
        iri = as_iri(raw, EXPORT_PREFIXES)
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
