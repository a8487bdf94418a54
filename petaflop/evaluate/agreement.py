"""Inter-annotator agreement: one annotation scored against another with the evaluator's matching.

Annotation B is read as if it were a graph: each of its entities (the names that stand together
in one subject or object cell, joined across rows) becomes one node, each row one fact. Scoring
B against A with :func:`petaflop.evaluate.score.evaluate` then gives B's precision against A,
A's recall by B, and their F1 — the agreement figure of docs/fidelity.md.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from foundation.names import norm_name
from petaflop.evaluate.gold import Gold, GoldFact, Value, load_gold
from petaflop.evaluate.graphfacts import GraphDate, GraphFact, GraphValue, GraphView
from petaflop.evaluate.score import Evaluation, evaluate


class _Clusters:
    """Union-find over normalised names: names written together name one entity."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, names: tuple[str, ...]) -> None:
        keys = [norm_name(n) for n in names if norm_name(n)]
        for k in keys[1:]:
            a, b = self.find(keys[0]), self.find(k)
            if a != b:
                self.parent[b] = a


def as_graph(gold: Gold) -> GraphView:
    """An annotation as a :class:`GraphView` (entities are ``ann:<root name>`` nodes)."""
    cl = _Clusters()
    for f in gold.facts:
        cl.union(f.subject)
        if f.relation_kind == "link":
            cl.union(f.object_names)

    def node(names: tuple[str, ...]) -> str:
        return "ann:" + cl.find(norm_name(names[0]))

    names: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    types: dict[str, set[str]] = defaultdict(set)
    facts = []
    for f in gold.facts:
        s = node(f.subject)
        labels.setdefault(s, f.subject[0])
        types[s].add(f.subject_type)
        for n in f.subject:
            names[norm_name(n)].add(s)
        lines = set(range(f.line_start, f.line_end + 1))
        if f.relation_kind == "link":
            o = node(f.object_names)
            labels.setdefault(o, f.object_names[0])
            types[o].add(f.object_type)
            for n in f.object_names:
                names[norm_name(n)].add(o)
            facts.append(GraphFact(s, f.relation, "link", object=o, lines=lines, rules={f.file}))
        else:
            facts.append(GraphFact(s, f.relation, "kind", value=_value(f), qualifiers=dict(f.qualifiers),
                                   lines=lines, rules={f.file}))
    return GraphView(facts, dict(names), labels, dict(types), {}, set())


def _value(f: GoldFact) -> GraphValue | GraphDate:
    v = f.value
    if isinstance(v, Value):
        return GraphValue(v.low, v.high, v.dimension, v.unit)
    assert v is not None
    return GraphDate(v.start, v.end, v.precision)


def _restrict(gold: Gold, windows: list[tuple[int, int]]) -> Gold:
    inside = lambda n: any(a <= n <= b for a, b in windows)  # noqa: E731
    return Gold([f for f in gold.facts if inside(f.line_start)],
                [s for s in gold.spans if inside(s.start)])


def agreement(primary_dir: str | Path, second_dir: str | Path, report_lines: list[str] | None = None
              ) -> tuple[Evaluation, Gold, Gold]:
    """Score the second annotation against the primary on the second's windows."""
    second = load_gold(second_dir, report_lines)
    windows = sorted({(s.start, s.end) for s in second.spans})
    merged: list[tuple[int, int]] = []
    for a, b in windows:
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    primary = _restrict(load_gold(primary_dir, report_lines), merged)
    return evaluate(primary, as_graph(second)), primary, second
