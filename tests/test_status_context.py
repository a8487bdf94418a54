"""A figure's status from its context (petaflop.extract.status_context): tables of assumptions hold
estimates, dates and values after the report's date are plans or forecasts, and a status a reader
read from the words is never overwritten. Tables and statements are our own."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from petaflop.extract.cell_text import cell_period
from petaflop.extract.facts import Extraction, Fact, Location, Statement
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


def _at(column: int, line: int = 101) -> Location:
    return Location(line, line, "IV", "IV. 테스트: 표", "T-01-1", line - 100, column)


def test_a_calculation_section_formula_cells_and_a_continuation_make_a_model_table():
    sections = make_table(["차량 한 대의 가치"], ["항목", "값"], [["II. 계산", ""], ["24. 운송 시간", "4.8"]])
    formulas = make_table(["차량 한 대의 가치"], ["항목", "값", "비고"],
                          [["24. 운송 시간", "4.8", "항목 4*항목 5"], ["25. 유휴 시간", "11.2", "항목 4-항목 24"]])
    for table in (sections, formulas):
        assert _settle([table], _value()) == ["estimate"], table.rows
    first = make_table(["차량 한 대의 가치"], ["항목", "값"], [["A. 기본", ""], ["E. 주요 재무 가정", ""]], line=50)
    first.id = "T-00-1"
    rest = make_table([], ["항목", "값"], [["40. 총수익", "99.7"]])
    rest.continues = "T-00-1"
    assert _settle([first, rest], _value()) == ["estimate"]
    one_formula = make_table(["비용"], ["항목", "값", "비고"], [["총액", "10", "항목 1+항목 2"], ["기타", "3", ""]])
    assert _settle([one_formula], _value()) == ["actual"]


def test_an_announced_table_holds_planned_capacities_and_pledged_investments():
    projects = make_table(["올해 잇따라 발표된 유럽의 AI 데이터센터"], ["발표 주체", "설비 용량", "칩"],
                          [["A사", "60 MW", "1만 개 GPU"]])
    assert _settle([projects], _value("powerCapacity", loc=_at(2)), _value("gpuCount", loc=_at(3))) == \
        ["planned", "planned"]
    assert _settle([projects], _value("memoryCapacity", loc=_at(3))) == ["actual"]
    pledges = make_table(["백악관이 발표한 천 억 달러 이상의 거래"], ["투자 주체", "투자액(달러)", "분야"],
                         [["B사", "5,000억", "AI 인프라"]])
    # its column of investment amounts is pledged money; a money cell in another column is as read
    assert _settle([pledges], _value("amount", loc=_at(2)), _value("capex", loc=_at(2)),
                   _value("amount", loc=_at(3))) == ["planned", "planned", "actual"]
    promised = make_table(["양국이 투자하기로 약속한 사업"], ["분야", "금액"], [["AI", "800억 달러"]])
    assert _settle([promised], _value("amount", loc=_at(2)), _value("revenue", loc=_at(2))) == ["planned", "actual"]
    deals = make_table(["양국 간 주요 투자 계약 세부 내용"], ["분야", "금액", "세부 내용", "성격"],
                       [["에너지", "200억 달러", "데이터센터 구축", "대미 투자"], ["항공기", "48억 달러", "항공기 구매", "제품 수출"]])
    # a deal named an investment ("대미 투자") is money to be invested; a sale (제품 수출) is as read
    assert _settle([deals], _value("amount", loc=_at(2, 101)), _value("amount", loc=_at(2, 102))) == \
        ["planned", "actual"]


def test_contracted_power_and_a_project_launch_are_not_announcements_of_plans():
    metrics = make_table(["성장 지표: 매출·수주잔고·활성/계약 전력"], ["항목", "2025 Q2"], [["GPU", "25만 개"]])
    assert _settle([metrics], _value("gpuCount", loc=_at(2))) == ["actual"]
    launch = make_table(["행사에서 공식 발표된 클러스터"], ["카테고리", "세부 내용"], [["파트너십", "80억 달러 투자"]])
    assert _settle([launch], _value("amount", loc=_at(2))) == ["actual"]


def test_a_table_of_expectations_forecasts_open_periods_and_estimates_past_ones():
    table = make_table(["칩 출하량 및 배송처 예상 (단위: 천)"], ["구분", "A", "B"], [["2024년", "0", "500"]])
    assert _settle([table], _value("shipments", time="2024", loc=_at(2)), _value("shipments", time="2025", loc=_at(2))) \
        == ["estimate", "forecast"]
    assert _settle([table], _value("shipments", loc=_at(2))) == ["actual"]


def test_a_column_labelled_as_estimates_holds_estimates_even_for_a_later_period():
    table = make_table(["출하량 전망"], ["", "Q4'24E", "Q4'25E", "GW당 수익 추정", "비고"], [["A사", "1", "2", "3", "4"]])
    later = replace(_value("shipments", time="4Q25", loc=_at(3)), status="forecast")
    assert _settle([table], later, _value("shipments", loc=_at(2)), _value("revenue", loc=_at(4))) == \
        ["estimate", "estimate", "estimate"]
    assert _settle([table], _value("shipments", loc=_at(5)), replace(later, status="target")) == ["actual", "target"]


def test_a_table_value_fact_takes_its_tables_status_as_a_qualifier():
    table = make_table(["잇따라 발표된 데이터센터"], ["주체", "설비 용량"], [["A사", "60 MW"]])
    fact = Fact("a", "powerCapacityMW", Decimal(60), False, _at(2), "test", datatype="decimal")
    ex = Extraction(facts=[fact])
    settle_statuses([table], ex)
    assert "planned" in ex.facts[0].qualifiers


def test_a_period_column_or_a_past_period_caption_dates_the_cells():
    columns = make_table(["파운드리 순위"], ["기업명", "2Q25 매출", "1Q25 매출", "QoQ(%)"], [["A사", "30", "25", "18%"]])
    dated = _settle_times([columns], _value(loc=_at(2)), _value(loc=_at(3)), _value("growthRate", loc=_at(4)))
    assert dated == ["2025-Q2", "2025-Q1", "2025-Q2"]  # a change on the previous quarter: of the latest one
    twice = make_table(["점유율"], ["기업명", "1Q25 점유율", "1Q25 점유율"], [["A사", "70%", "67%"]])
    assert _settle_times([twice], _value("marketShare", loc=_at(2))) == [None]
    caption = make_table(["2024년 중국 AI 서비스들의 사용자 확보비용 비교"], ["서비스", "비용"], [["A", "1,030억 원"]])
    assert _settle_times([caption], _value("amount", loc=_at(2))) == ["2024"]
    comment = make_table(["2026년에도 아직 과도기, 2027년은 돼야 본 게임"], ["항목", "칩 A"], [["메모리", "216GB"]])
    future = make_table(["2027년 데이터센터 용량"], ["항목", "용량"], [["A", "1 GW"]])
    for table in (comment, future):
        assert _settle_times([table], _value("memoryCapacity", loc=_at(2))) == [None]


def _settle_times(tables, *statements: Statement) -> list[str | None]:
    ex = Extraction(statements=list(statements))
    settle_statuses(tables, ex)
    return [s.time.text if s.time else None for s in ex.statements]


def test_a_daily_monthly_or_yearly_row_section_or_caption_gives_the_rate():
    table = make_table(["로보택시 모델"], ["항목", "단위", "값"],
                       [["A. 일일 차량 운영 분석 (시간)", "", ""], ["24. 승객 운송 시간", "시간", "4.8"],
                        ["29. 1회 승객 운송 소요 시간", "시간", "0.4"], ["50. 연간 총수익", "$", "39,018"]])
    table.rows[0].section = True
    ex = Extraction(statements=[_value("duration", loc=_at(3, 102)), _value("duration", loc=_at(3, 103)),
                                _value("revenue", loc=_at(3, 104)), _value("rank", loc=_at(3, 102))])
    settle_statuses([table], ex)
    assert [s.per for s in ex.statements] == ["day", "", "year", ""]


def test_a_row_labelled_as_a_goal_holds_targets():
    goal = make_table(["클러스터 개요"], ["항목", "내용"], [["1차 배치", "10k 칩"], ["우선 목표", "50k 칩"]])
    assert _settle([goal], _value("chipCount", loc=_at(2, 101)), _value("chipCount", loc=_at(2, 102))) == ["actual", "target"]


def test_a_footnote_that_reckons_the_costs_makes_them_estimates_and_leaves_other_measures():
    table = replace(make_table(["가나다 시스템의 비용 및 전력"], ["항목", "비용", "전력"], [["스위치", "$1,000", "500W"]]),
                    source_line=103)
    lines = [""] * 110
    lines[102] = "자료: 가나다리서치"
    lines[104] = "부품에 가상의 마진을 적용하여 비용을 추산."
    lines[106] = "IV. 다음 슬라이드"
    cost = Statement("acme", "hardwareCost", _at(2), "test", value=Decimal(1000), unit="USD")
    power = Statement("acme", "powerDemand", _at(3), "test", value=Decimal("0.5"), unit="MW")
    ex = Extraction(statements=[cost, power])
    settle_statuses([table], ex, lines)
    assert [s.status for s in ex.statements] == ["estimate", "actual"]
    lines[106] = "다음 표의 캡션"  # another block follows: the line is no footnote of this table
    ex = Extraction(statements=[cost, power])
    settle_statuses([table], ex, lines)
    assert [s.status for s in ex.statements] == ["actual", "actual"]


def test_a_release_in_a_period_not_over_is_planned_unless_its_words_say_it_happened():
    prose = Location(50, 50, "VIII", "VIII. 테스트")
    half = Statement("chip", "releaseDate", prose, "test", time=cell_period("2025년 하반기"), raw="2025년 하반기")
    year = Statement("chip", "operationDate", prose, "test", time=cell_period("2025"), raw="올해 개설")
    done = Statement("chip", "releaseDate", prose, "test", time=cell_period("2025"), raw="2025년 출시된")
    month = Statement("chip", "releaseDate", prose, "test", time=cell_period("2025년 8월"), raw="8월")
    assert _settle([], half, year, done, month) == ["planned", "planned", "actual", "actual"]
    # the words right before the date on its line: "최신 X(2025)" is the latest one, out already
    line = "TPU v2(2017) 대비 최신 Ironwood(2025)는 빠르다"
    latest = Statement("chip", "releaseDate", prose, "test", time=cell_period("2025"), raw="Ironwood(2025)")
    ex = Extraction(statements=[latest])
    settle_statuses([], ex, [""] * 49 + [line])
    assert [s.status for s in ex.statements] == ["actual"]


def test_the_multiple_of_a_from_to_pair_takes_the_plan_its_later_figure_was_given(text_reader):
    line = "- GE Vernova는 생산능력을 1GW/년 → 2GW/년(2026년 말)로 두 배 증설하고 있음."
    r, ex = text_reader
    r.read(line, Location(1, 1, "V", "V. 테스트"), ())
    assert sorted((s.kind, s.status) for s in ex.statements if s.rule.endswith("-from-to")) == [
        ("manufacturingCapacity", "forecast"), ("multiple", "forecast")]  # as read: only a later date
    settle_statuses([], ex, [line])
    assert sorted((s.kind, s.status) for s in ex.statements if s.rule.endswith("-from-to")) == [
        ("manufacturingCapacity", "planned"), ("multiple", "planned")]


def test_the_multiple_of_a_pair_whose_later_figure_stays_a_forecast_stays_one():
    prose, when = Location(50, 50, "VIII", "VIII. 테스트"), cell_period("2027")
    pair = Statement("acme", "revenue", prose, "text:value-from-to", value=Decimal(2), unit="USD", status="forecast", time=when)
    ratio = Statement("acme", "multiple", prose, "text:multiple-from-to", value=Decimal(2), unit="x", status="forecast", time=when)
    assert _settle([], pair, ratio) == ["forecast", "forecast"]
