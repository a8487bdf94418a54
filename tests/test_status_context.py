"""A figure's status from its context (petaflop.extract.status_context): tables of assumptions hold
estimates, dates and values after the report's date are plans or forecasts, and a status a reader
read from the words is never overwritten. Tables and statements are our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.cell_text import cell_period
from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.status_context import settle_statuses
from tests.test_table_reader import make_table


def _cell(table_id: str = "T-01-1", line: int = 101) -> Location:
    return Location(line, line, "IX", "IX. 테스트: 표", table_id, 1, 2)


def _settle(tables, *statements: Statement) -> list[str]:
    ex = Extraction(statements=list(statements))
    settle_statuses(tables, ex)
    return [s.status for s in ex.statements]


def _value(kind="revenue", status="actual", time=None, loc=None) -> Statement:
    return Statement("acme", kind, loc or _cell(), "test", value=Decimal(5), unit="USD", status=status,
                     time=cell_period(time) if time else None)


def test_a_table_whose_caption_says_it_reckons_on_assumptions_holds_estimates():
    table = make_table(["로보택시 한 대의 현금흐름 간단한 추산"], ["항목", "값"], [["차량 가격", "35,000"]])
    assert _settle([table], _value()) == ["estimate"]
    hypothetical = make_table(["가상의 매출총이익률을 적용한 비용"], ["항목", "값"], [["랙", "10"]])
    assert _settle([hypothetical], _value()) == ["estimate"]


def test_a_model_table_with_a_section_of_assumptions_holds_estimates():
    table = make_table(["차량 한 대의 가치"], ["항목", "단위", "값"],
                       [["A. 차량", "", ""], ["1. 차량 가격", "$", "29,000"], ["E. 주요 재무 가정", "", ""],
                        ["21. 할인율", "%", "12%"]])
    assert _settle([table], _value()) == ["estimate"]


def test_household_and_other_tables_keep_their_figures_actual():
    household = make_table(["가정용 ESS 출하량"], ["연도", "출하량"], [["2024", "10"]])
    plain = make_table(["클라우드 시장 점유율"], ["업체", "점유율"], [["A", "23%"]])
    chores = make_table(["직업별 점수"], ["직업", "점수"], [["농장 및 가정 관리 교육자", "0.5"]])
    for table in (household, plain, chores):
        assert _settle([table], _value()) == ["actual"], table.caption


def test_a_status_read_from_the_words_is_kept():
    table = make_table(["비용 추산"], ["항목", "값"], [["가격", "10"]])
    assert _settle([table], _value(status="target"), _value(status="forecast")) == ["target", "forecast"]


def test_a_release_date_after_the_reports_date_is_planned_and_one_before_it_stays():
    prose = Location(50, 50, "VIII", "VIII. 테스트")
    later = Statement("chip", "releaseDate", prose, "test", time=cell_period("2026년 하반기"))
    earlier = Statement("chip", "releaseDate", prose, "test", time=cell_period("2024"))
    effective = Statement("rule", "effectiveDate", prose, "test", time=cell_period("2026"))
    assert _settle([], later, earlier, effective) == ["planned", "actual", "actual"]


def test_a_value_for_a_later_time_is_a_forecast_or_a_plan_by_its_kind():
    prose = Location(50, 50, "VIII", "VIII. 테스트")
    assert _settle([], _value("revenue", time="2027", loc=prose)) == ["forecast"]
    assert _settle([], _value("powerCapacity", time="2026년 상반기", loc=prose)) == ["planned"]
    assert _settle([], _value("revenue", time="2Q25", loc=prose)) == ["actual"]
    assert _settle([], _value("revenue", loc=prose)) == ["actual"]
