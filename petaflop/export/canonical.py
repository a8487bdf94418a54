"""The canonical form of a selection's quads: sorted, blank nodes labelled from their content and
position, so the same selection gives the same quads (and so the same bytes) in any process."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from petaflop.export.terms import GRAPH_ORDER


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
