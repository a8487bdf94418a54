"""When a figure holds (wave 22): a two-digit year before a figure's words, a then/now table's times,
a period-rows table whose row names its own period, and a change in parentheses after a figure.
Tables and sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from ingest.quantities import find_quantities
from petaflop.extract.facts import Location
from tests.test_table_reader import make_table

LOC = Location(10, 10, "IV", "test slide")


def _dated(ex, kind: str) -> dict[Decimal, str | None]:
    return {s.value: (s.time.text if s.time else None) for s in ex.statements if s.kind == kind}


def test_two_digits_before_a_years_figure_words_are_the_year():
    for text, year in (("26년 매출을 약 10억 달러로", "2026"), ("25년 가이던스 3억 달러", "2025"),
                       ("27년 가동 목표인 공장", "2027"), ("24년 상반기 실적", "2024")):
        dates = [q for q in find_quantities(text) if q.kind == "period"]
        assert [(q.raw[:3], q.date_start[:4]) for q in dates] == [(f"{year[2:]}년", year)], text


def test_two_digits_before_other_words_stay_a_span_of_years():
    for text in ("1년이 25년이 되는 세상", "15년 리스 계약", "20년 장기 계약", "12년 매출"):
        assert [q for q in find_quantities(text) if q.kind in ("date", "period")] == [], text


def test_a_then_and_now_tables_values_and_growth_hold_then_now_and_between(table_reader):
    r, ex = table_reader
    r.read(make_table(["두 회사의 주요 수치"], ["회사", "지표", "이전 시점", "이전 값", "현재 값", "성장률"],
                      [["xAI", "연간 반복 매출", "4개월 전", "$20억", "$30억", "50%"],
                       ["Anthropic", "기업 가치", "2023년 중순", "$100억", "$300억", "200%"]]))
    assert _dated(ex, "revenue") == {Decimal("2E+9"): "2025-05", Decimal("3E+9"): None}  # now: undated
    assert _dated(ex, "valuation") == {Decimal("1E+10"): "2023", Decimal("3E+10"): None}
    assert _dated(ex, "growthRate") == {Decimal(50): "2025-05~2025-09", Decimal(200): "2023~2025"}


def test_a_then_row_early_in_the_reports_year_grows_within_that_year(table_reader):
    r, ex = table_reader
    r.read(make_table(["주요 수치"], ["회사", "지표", "이전 시점", "이전 값", "현재 값", "성장률"],
                      [["xAI", "기업 가치", "2025년 초", "$100억", "$150억", "50%"]]))
    assert _dated(ex, "growthRate") == {Decimal(50): "2025"}


def test_a_period_rows_row_naming_its_own_period_holds_then(table_reader):
    r, ex = table_reader
    r.read(make_table(["xAI 성장 지표"], ["항목", "2024 Q2", "2025 Q2"],
                      [["매출", "$100 million", "$300 million (+200%)"],
                       ["올해 매출 가이던스", "-", "$1.1 billion (+150%)"]]))
    assert _dated(ex, "revenue") == {Decimal("1E+8"): "2024-Q2", Decimal("3E+8"): "2025-Q2",
                                     Decimal("1.1E+9"): "2025"}
    assert _dated(ex, "growthRate") == {Decimal(200): "2025-Q2", Decimal(150): "2025"}


def test_a_change_in_parentheses_after_a_figure_holds_when_the_figure_does(text_reader):
    r, ex = text_reader
    r.read("xAI의 2024년 매출은 30억 달러(YoY +45%)를 기록.", LOC, ())
    assert _dated(ex, "growthRate") == {Decimal(45): "2024"}
    assert _dated(ex, "revenue") == {Decimal("3E+9"): "2024"}


def test_a_percentage_after_a_figure_outside_parentheses_is_still_cut_off_from_the_date(text_reader):
    r, ex = text_reader
    r.read("xAI의 2024년 매출은 30억 달러, 점유율은 45%.", LOC, ())
    assert _dated(ex, "revenue") == {Decimal("3E+9"): "2024"}
    assert all(s.time is None for s in ex.statements if s.value == 45)


def test_a_vague_part_of_a_year_dates_a_figure_in_that_year(text_reader):
    r, ex = text_reader
    r.read("xAI는 제조능력을 1GW/년 → 3GW/년(2027년 말)로 늘리고 있음.", LOC, ())
    r.read("xAI의 2024년 초 매출은 10억 달러.", LOC, ())
    assert {s.time.text for s in ex.statements if s.value == Decimal("1E+9")} == {"2024"}
    assert {s.time.text for s in ex.statements if s.value == 3000} <= {"2027"}


def test_a_relative_year_and_a_month_are_one_month():
    got = [(q.raw, q.date_start, q.date_end) for q in find_quantities("5,000명 (작년 9월), 올 1월 매출")
           if q.kind == "period"]
    assert got == [("작년 9월", "2024-09-01", "2024-09-30"), ("올 1월", "2025-01-01", "2025-01-31")]
    # a day of a relative year stays a day (its month is not cut from its day)
    assert [q.kind for q in find_quantities("올해 2월 13일 발표")] == ["period", "date"]


def test_a_cell_dating_its_figure_in_parentheses_or_as_of_a_date(table_reader):
    r, ex = table_reader
    r.read(make_table(["두 회사 비교"], ["구분", "xAI", "Anthropic"],
                      [["임직원 수", "1,200명 (작년 말), 평균 연봉 20만 달러", "900명 (작년 9월)"],
                       ["EV/Sales", "40배 (올해 매출 가이던스 기준)", "30배"]]))
    assert {(s.subject, s.value, s.time.text if s.time else None) for s in ex.statements
            if s.kind in ("employeeCount", "multiple")} == {
        ("xai", Decimal(1200), "2024"), ("anthropic", Decimal(900), "2024-09"),
        ("xai", Decimal(40), "2025"), ("anthropic", Decimal(30), None)}


def test_money_raised_in_a_dated_round_is_dated(text_reader):
    r, ex = text_reader
    r.read("Moonshot AI는 2023년 6월 시리즈 A에서 2억 달러 조달.", LOC, ())
    assert [(s.value, s.time.text if s.time else None, s.rule) for s in ex.statements if s.kind == "amount"] == [
        (Decimal("2E+8"), "2023-06", "text-money:raised")]


def test_a_figure_a_change_describes_holds_at_its_clauses_date_not_the_base(text_reader):
    r, ex = text_reader
    r.read("xAI의 2030년 전력 수요는 2024년 대비 147% 증가한 117GW에 이를 것으로 추산.", LOC, ())
    assert _dated(ex, "powerDemand") == {Decimal(117000): "2030"}
    assert _dated(ex, "growthRate") == {Decimal(147): "2024~2030"}
