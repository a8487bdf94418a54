"""A share column's cell listing several organisations' shares ("A 30%, B 21%") gives each its
share (petaflop/extract/table_share_list.py). A table of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_share_list import _pairs
from tests.test_table_reader import make_table


def _read(gaz, header: list[str], rows: list[list[str]]) -> Extraction:
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    table = make_table(["클라우드 시장 점유율"], header, rows, chapter="VIII")
    TableReader(res, lambda t: ()).read(table)
    return ex


def test_pairs_are_the_whole_cell_or_nothing():
    assert _pairs("A사 30%, B사 21% · C 4.5%") == [("A사", "30%"), ("B사", "21%"), ("C", "4.5%")]
    assert _pairs("A사 30%") is None  # one pair is the row's own figure
    assert _pairs("A사 30%, 전년 대비 20% 증가") is None


def test_each_listed_organisation_has_its_share(gaz):
    ex = _read(gaz, ["구분", "점유율", "비고"], [["경쟁사", "아마존 30%, 마이크로소프트 21%", "추정"]])
    got = {(s.subject, s.kind, s.value) for s in ex.statements if s.rule.endswith(":share-list")}
    assert got == {("amazon", "marketShare", Decimal(30)), ("microsoft", "marketShare", Decimal(21))}


def test_a_list_naming_something_else_or_under_another_header_states_nothing(gaz):
    ex = _read(gaz, ["구분", "점유율", "비고"], [["경쟁사", "아마존 30%, 기타 21%", ""]])
    assert not [s for s in ex.statements if s.rule.endswith(":share-list")]
    ex = _read(gaz, ["구분", "성장률", "비고"], [["경쟁사", "아마존 30%, 마이크로소프트 21%", ""]])
    assert not [s for s in ex.statements if s.rule.endswith(":share-list")]


def test_labels_of_a_segments_value_a_multiple_and_funding_raised(gaz):
    """Lexicon: "부문 사업 가치" is a valuation (not revenue though the label says 매출), "매출 멀티플" a
    multiple, "투자 유치액" money raised (an amount)."""
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    table = make_table(["마이크로소프트 핵심 지표"], ["항목", "수치"],
                       [["클라우드 부문 사업 가치 (매출 기준)", "1,000억 달러"], ["클라우드 부문 매출 멀티플", "8배"],
                        ["Series B 투자 유치액", "50억 달러"]], chapter="VIII")
    TableReader(Resolver(gaz, ex), lambda t: ()).read(table)
    got = {(s.kind, s.value) for s in ex.statements if s.subject == "microsoft"}
    assert got == {("valuation", Decimal(10 ** 11)), ("multiple", Decimal(8)), ("amount", Decimal(5 * 10 ** 9))}
