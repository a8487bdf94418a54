"""Audit 8 (tables): a figure computed from an estimated row is an estimate; a column header's condition
("수명 (평탄화 적용시)") scopes its figures; a QoQ column of a ranking says what grew."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.status_context import settle_statuses
from tests.test_table_reader import make_table


def _settle(table, line: int) -> str:
    st = Statement("acme", "amount", Location(line, line, "VIII", "VIII. 테스트: 표", table.id, line - 100, 2), "test",
                   value=Decimal(5), unit="USD")
    ex = Extraction(statements=[st])
    settle_statuses([table], ex)
    return ex.statements[0].status


COSTS = make_table(["로봇 데이터 생성 비용"], ["항목", "수치", "비고"],
                   [["소요 시간", "54시간", ""], ["추정 총 비용", "$81,000", "클라우드 기준"],
                    ["샘플당 비용", "$0.34", "$81,000 ÷ 240,000"], ["총 GPU 시간", "81,000시간", "1,500 × 54"]])


def test_a_row_computed_from_an_estimated_rows_figure_is_an_estimate():
    assert _settle(COSTS, 102) == "estimate"  # "추정 총 비용": its own label
    assert _settle(COSTS, 103) == "estimate"  # "$81,000 ÷ 240,000": the estimated total over the samples
    assert _settle(COSTS, 101) == "actual"
    assert _settle(COSTS, 104) == "actual"  # "1,500 × 54": computed from figures no row calls estimated


def test_a_formula_over_actual_rows_only_stays_actual():
    table = make_table(["비용"], ["항목", "수치", "비고"],
                       [["총 비용", "$81,000", ""], ["샘플당 비용", "$0.34", "$81,000 ÷ 240,000"]])
    assert _settle(table, 102) == "actual"


def test_a_column_headers_condition_scopes_its_figures_but_a_format_or_a_period_does_not():
    from petaflop.extract.table_map import header_scope

    assert header_scope("수명 (평탄화 적용시)") == ("scope:평탄화 적용시",)
    assert header_scope("비용 (클라우드 기준)") == ("scope:클라우드 기준",)
    assert header_scope("연산 성능(BF16 dense 기준)") == ()
    assert header_scope("매출 (2025년 기준)") == ()
    assert header_scope("수명") == ()


def test_a_mapped_lifetime_under_a_conditioned_header_is_a_scoped_statement():
    from petaflop.extract.facts import Fact
    from petaflop.statements import from_value_facts

    loc = Location(2547, 2547, "V", "V. 테스트: 표", "V-01-1", 1, 5)
    ex = Extraction(facts=[Fact("ups", "lifetimeYears", Decimal(1), False, loc, "table:storage-options:lifetimeYears",
                                datatype="decimal", qualifiers=("approximate", "scope:평탄화 적용시"))])
    from_value_facts(ex)
    assert [(s.kind, s.value, s.unit, s.scope) for s in ex.statements] == [("lifetime", Decimal(1), "year", "평탄화 적용시")]
