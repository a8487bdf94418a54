"""What the RDF formats share: the selection's triples and quads in writing order."""

from __future__ import annotations

import pyoxigraph as ox

from petaflop.export.selection import Subgraph
from petaflop.export.terms import RDF_TYPE


def triples(sub: Subgraph) -> list[ox.Triple]:
    """The union of the named graphs without duplicates, sorted by N-Triples text."""
    return sub.memo("triples", lambda: sorted({q.triple for q in sub.quads}, key=str))


def _by_subject(term: ox.Triple | ox.Quad) -> tuple[str, bool, str, str]:
    return (str(term.subject), term.predicate != RDF_TYPE, str(term.predicate), str(term.object))


def subject_triples(sub: Subgraph) -> list[ox.Triple]:
    """The union of the named graphs grouped by subject, ``rdf:type`` first, then by predicate and
    object: the order the streaming Turtle and RDF/XML serialisers turn into one block per subject."""
    return sub.memo("subject_triples", lambda: sorted(triples(sub), key=_by_subject))


def subject_quads(sub: Subgraph) -> list[ox.Quad]:
    """The quads by graph (the selection's graph order), then as :func:`subject_triples`."""
    def make() -> list[ox.Quad]:
        rank: dict[ox.NamedNode, int] = {}
        for q in sub.quads:  # already sorted by graph rank
            rank.setdefault(q.graph_name, len(rank))
        return sorted(sub.quads, key=lambda q: (rank[q.graph_name], *_by_subject(q)))

    return sub.memo("subject_quads", make)
