"""A figure's status from its own table cell and row (petaflop.extract.status_context, table_status), and a
growth rate in parentheses after a prose figure. Tables and sentences are our own (invented firms)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from petaflop.extract.cell_text import cell_period
from petaflop.extract.facts import Extraction, Fact, Location, Statement
from petaflop.extract.status_context import settle_statuses
from tests.test_table_reader import make_table

_STAGES = make_table(["가나다 캠퍼스 단계별 현황"], ["단계", "진행 상황", "전력", "GPU 배치 계획"],
                     [["1단계", "전력 작업 완료", "100 MW 이미 투입", "8 k X100 (6월 납품 완료)"],
                      ["2단계", "내년 상반기 완료 계획", "약 300 MW 현장 발전", "3만 개 X100"],
                      ["3단계", "2029년까지 완성", "총 900 MW(가스)", "최대 20만 개 X200"],
                      ["0단계", "2019년까지 완성", "50 MW", "1천 개 X10"]])


def _at(column: int, line: int) -> Location:
    return Location(line, line, "IV", "IV. 테스트: 표", "T-01-1", 1, column)


def _value(kind: str, column: int, line: int, status: str = "actual", time: str = "") -> Statement:
    return Statement("acme", kind, _at(column, line), "test", value=Decimal(5), unit="count", status=status,
                     time=cell_period(time) if time else None, raw="x")


def _settle(tables, *statements: Statement) -> list[str]:
    ex = Extraction(statements=list(statements))
    settle_statuses(tables, ex)
    return [s.status for s in ex.statements]


def test_a_row_whose_stage_is_to_be_finished_later_holds_planned_capacities():
    assert _settle([_STAGES], _value("powerCapacity", 3, 102), _value("gpuCount", 4, 103),
                   _value("powerCapacity", 3, 103, "forecast", "2029")) == ["planned", "planned", "planned"]
    # a forecast the words say, a measure that is no capacity, a stage finished long ago: as read
    said = replace(_value("powerCapacity", 3, 103, "forecast", "2029"), raw="900 MW 예상")
    assert _settle([_STAGES], said, _value("revenue", 3, 103), _value("powerCapacity", 3, 104)) == \
        ["forecast", "actual", "actual"]


def test_a_figure_its_cell_says_is_delivered_is_actual_under_a_column_of_plans():
    assert _settle([_STAGES], _value("chipCount", 4, 101, "planned"), _value("chipCount", 4, 103, "planned")) == \
        ["actual", "planned"]
    fact = Fact("a", "chipCount", Decimal(8000), False, _at(4, 101), "test", datatype="decimal", qualifiers=("planned",))
    ex = Extraction(facts=[fact])
    settle_statuses([_STAGES], ex)
    assert "planned" not in ex.facts[0].qualifiers


def test_a_cell_figure_marked_as_a_guess_is_an_estimate():
    chips = make_table(["가나다전자의 칩"], ["칩", "출시", "TDP", "비고"],
                       [["X100", "2027년 하반기", "600~900W (추정)", "HBM 4개"], ["X200", "2028년", "1,200?", "?"]])
    assert _settle([chips], _value("tdp", 3, 101, "planned", "2027년 하반기"), _value("tdp", 3, 102, "forecast"),
                   _value("unitCount", 4, 101, "forecast")) == ["estimate", "estimate", "forecast"]
    fact = Fact("x200", "tdpW", Decimal(1200), False, _at(3, 102), "test", datatype="decimal")
    ex = Extraction(facts=[fact])
    settle_statuses([chips], ex)
    assert "estimate" in ex.facts[0].qualifiers


def test_a_growth_rate_in_parentheses_takes_the_status_of_the_figure_before_it():
    line = " - 가나다전자: 2,345억 달러 (전년 대비 20% 증가) / 라마바: 500억 달러 (전년 대비 10% 감소)"
    loc = Location(7, 7, "IV", "IV. 테스트")
    head = Statement("ganada", "capex", loc, "test", value=Decimal("234.5e9"), unit="USD", status="forecast",
                     raw="가나다전자: 2,345억 달러 (전년 대비")
    rate = Statement("ganada", "growthRate", loc, "test", value=Decimal(20), unit="%", raw="345억 달러 (전년 대비 20% 증가) / 라")
    other = Statement("ramaba", "capex", loc, "test", value=Decimal("50e9"), unit="USD", raw="라마바: 500억 달러 (전년 대비")
    fall = Statement("ramaba", "growthRate", loc, "test", value=Decimal(-10), unit="%", raw="500억 달러 (전년 대비 10% 감소)")
    ex = Extraction(statements=[head, rate, other, fall])
    settle_statuses([], ex, ["", "", "", "", "", "", line])
    assert [s.status for s in ex.statements] == ["forecast", "forecast", "actual", "actual"]


def test_the_outlay_of_a_year_not_over_closing_with_the_verb_of_spending_is_planned():
    loc = Location(7, 7, "IV", "IV. 테스트")
    this_year = Statement("ganada", "capex", loc, "test", value=Decimal("5e10"), unit="USD", time=cell_period("2025"),
                          raw="가나다전자가 2025년 500억 달러 투자")
    spent = replace(this_year, raw="가나다전자가 2025년 500억 달러 투자했다", value=Decimal("6e10"))
    last_year = replace(this_year, time=cell_period("2024"), value=Decimal("7e10"))
    assert _settle([], this_year, spent, last_year) == ["planned", "actual", "actual"]


def test_a_capacity_a_site_is_designed_to_take_is_planned():
    from petaflop.extract.prose_status import prose_status

    line = "가나다 부지는 약 2.5GW 전력을 수용할 수 있도록 설계됨. 다른 부지는 1GW를 쓴다."
    assert prose_status(line, "가나다 부지는 약 2.5GW 전력을 수용할", False) == "planned"
    assert prose_status(line, "다른 부지는 1GW를 쓴다.", False) == ""


def test_a_status_word_closing_a_caption_after_results_is_of_its_last_measure_only():
    from petaflop.extract.cell_text import caption_for_status

    caption = ["가나다 앱의 성과 및 MAU 추정", "올해 6월 기준"]
    assert caption_for_status(caption, "누적 다운로드") == "가나다 앱의 올해 6월 기준"
    assert caption_for_status(caption, "MAU") == "가나다 앱의 성과 및 MAU 추정 올해 6월 기준"
    assert caption_for_status(caption, "MAU (7월 발표치 기준)") == "가나다 앱의 올해 6월 기준"
    # a caption that guesses at all its measures keeps its status word for every row
    assert caption_for_status(["매출 및 이익 추정"], "이익") == "매출 및 이익 추정"
    assert caption_for_status(["매출 및 이익 추정"], "매출") == "매출 및 이익 추정"


def test_a_status_noun_a_caption_only_looks_at_gives_no_status():
    from petaflop.extract.cell_text import caption_for_status

    assert "계획" not in caption_for_status(["의존도는 높고, 가나다의 계획을 보면 계속 쓰고 싶음"], "개발자 규모")
    assert caption_for_status(["가나다 데이터센터 건설 계획"], "전력") == "가나다 데이터센터 건설 계획"


def test_a_date_still_to_come_its_cell_marks_with_a_question_mark_is_a_forecast():
    chips = make_table(["가나다전자의 칩 라인업"], ["칩", "공급 일정", "수율"],
                       [["X300", "2026년 하반기 램프업?", "공개 안 됨"], ["X200", "2026년 하반기 램프업", "40%"]])
    assert _settle([chips], _value("releaseDate", 2, 101, time="2026년 하반기"),
                   _value("releaseDate", 2, 102, time="2026년 하반기")) == ["forecast", "planned"]
    # a date a table mapping already read as planned
    assert _settle([chips], _value("releaseDate", 2, 101, "planned", "2026년 하반기")) == ["forecast"]
    # a half year not over at the report's date (2025-09-03)
    assert _settle([chips], _value("releaseDate", 2, 101, time="2025년 하반기"),
                   _value("releaseDate", 2, 102, time="2025년 하반기")) == ["forecast", "planned"]
