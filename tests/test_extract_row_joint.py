"""A figure in a table row whose name cell names several ("Oracle / SoftBank", "A, B 등"): the figure is the
named parties' jointly, so its fact is judged under a way of its own ("row-joint"), not as the row's
single entity ("row"). Tables of our own (invented figures)."""

from __future__ import annotations

from types import SimpleNamespace

from petaflop.extract.claims import ClaimMiner, load_promotions
from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_map import load_mappings
from petaflop.extract.tables import TableExtractor
from tests.test_table_reader import make_table


def amounts(gaz, name: str) -> set[tuple[str, str]]:
    ex = Extraction()
    res = Resolver(gaz, ex)
    mapping = next(m for m in load_mappings() if m.id == "stargate-investors")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], res, ClaimMiner(res, load_promotions()),
                        lambda t: ())
    table = make_table(["Stargate 투자자 현황"], ["투자자", "역할", "투자액 (억 달러)", "투자 형태", "현재 상황"],
                       [[name, "전략 투자자", "-", "지분", "700억 달러 투자 의향"]])
    te._rows(table, mapping)
    return {(f.subject, f.rule) for f in ex.facts if f.rule.startswith("claim:org-investment")}


def test_a_row_naming_one_firm(gaz):
    assert amounts(gaz, "Oracle") == {("oracle", "claim:org-investment:row")}


def test_a_row_naming_two_firms_gives_its_figure_to_neither_alone(gaz):
    assert amounts(gaz, "Oracle / SoftBank") == {("oracle", "claim:org-investment:row-joint"),
                                                 ("softbank", "claim:org-investment:row-joint")}
