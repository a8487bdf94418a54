"""The ontology part of a selection: descriptions of the terms it uses, so the file describes itself."""

from __future__ import annotations

import pyoxigraph as ox

from petaflop.export.terms import RDF_TYPE, RDFS_LABEL, Node, Vocabulary, sort_key


def ontology_quads(vocab: Vocabulary, used: set[ox.NamedNode]) -> set[ox.Quad]:
    """Descriptions of the used terms (and of annotation properties they use, with their blank
    nodes); declarations (type, label) of the terms those descriptions mention; the ontology header."""
    out: set[ox.Quad] = set()
    full: set[Node] = set()
    stack: list[Node] = [t for t in sorted(used, key=sort_key) if t in vocab.described]
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
