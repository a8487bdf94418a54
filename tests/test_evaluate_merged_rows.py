"""A gold fact stated on several rows is named by every row's subject names: a row that adds a name (a release
of a model, "M-2507") lets the graph's fact on that entity match (petaflop.evaluate.score.evaluate)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.evaluate.gold import Gold, GoldFact, Span, parse_value
from petaflop.evaluate.graphfacts import GraphFact, GraphValue, GraphView
from petaflop.evaluate.score import evaluate


def _row(n: int, line: int, names: tuple[str, ...]) -> GoldFact:
    return GoldFact(f"t-{n}", "VI", line, line, names, "AIModel", "activeParameterCount", "kind", "22B", (), "",
                    parse_value("22B"), {}, frozenset(), "", "", "t.tsv", n)


def test_a_later_rows_subject_name_resolves_the_merged_fact():
    gold = Gold([_row(1, 10, ("Model M",)), _row(2, 20, ("Model M", "Model M-2507"))],
                [Span(1, 30, "facts", "", "t.tsv", 1)])
    fact = GraphFact("iri:m-2507", "activeParameterCount", "kind",
                     value=GraphValue(Decimal("2.2E+10"), Decimal("2.2E+10"), "count", "count"), lines={20})
    view = GraphView([fact], {"modelm": {"iri:m"}, "modelm2507": {"iri:m-2507"}}, {}, {"iri:m-2507": {"AIModel"},
                     "iri:m": {"AIModel"}}, {}, set())
    ev = evaluate(gold, view)
    assert ev.judged == [(fact, True)] and (ev.overall.tp, ev.overall.fp) == (1, 0)
