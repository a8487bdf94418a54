"""The provenance part of a selection: the ``rdf:Statement`` of every exported fact, its
``pfa:ReportLocation``, and the names of the sources it cites."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from petaflop.export.terms import (
    G_FACTS,
    G_PROVENANCE,
    NAMING,
    PFA_CITED,
    PROV_DERIVED,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    SKOS_ALT,
    Node,
    sort_key,
)


def provenance_quads(store: ox.Store, facts: Iterable[ox.Quad], graphs: tuple[ox.NamedNode, ...], *,
                     described: set[Node], alt_labels: bool = True) -> tuple[set[ox.Quad], set[Node]]:
    """Quads describing where ``facts`` come from, and the cited sources newly named by them.

    A statement comes only when its triple is among ``facts``; a cited source not in ``described``
    brings its types, labels and (with ``alt_labels``) alternative labels from ``pfg:facts`` and
    ``graphs``."""
    facts = list(facts)
    selected = {(q.subject, q.predicate, q.object) for q in facts}
    out: set[ox.Quad] = set()
    locations: set[Node] = set()
    sources: set[Node] = set()
    for subject in sorted({q.subject for q in facts}, key=sort_key):
        for sq in store.quads_for_pattern(None, RDF_SUBJECT, subject, G_PROVENANCE):
            stmt_quads = list(store.quads_for_pattern(sq.subject, None, None, G_PROVENANCE))
            pred = next((q.object for q in stmt_quads if q.predicate == RDF_PREDICATE), None)
            obj = next((q.object for q in stmt_quads if q.predicate == RDF_OBJECT), None)
            if (subject, pred, obj) not in selected:
                continue
            out.update(stmt_quads)
            for q in stmt_quads:
                if q.predicate == PROV_DERIVED:
                    locations.add(q.object)
                elif q.predicate == PFA_CITED and not isinstance(q.object, ox.Literal):
                    sources.add(q.object)
    for loc in sorted(locations, key=sort_key):
        out.update(store.quads_for_pattern(loc, None, None, G_PROVENANCE))
    named = sources - described
    for src in sorted(named, key=sort_key):
        for g in (G_FACTS, *graphs):
            out.update(q for q in store.quads_for_pattern(src, None, None, g)
                       if q.predicate in NAMING or (q.predicate == SKOS_ALT and alt_labels))
    return out, named
