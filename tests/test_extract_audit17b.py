"""Audit 17, part 2: a figure the sentence derives by calculation is an estimate; a gain given on one named
part ("Y에서 3%") is scoped by it.
Sentences are our own (in the report's style)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.prose_status import prose_status
from petaflop.extract.table_remarks import section_part
from tests.test_prose_status import _raw
from tests.test_table_reader import make_table

LOC = Location(10, 10, "III", "test slide")


def test_a_figure_derived_by_calculation_is_an_estimate():
    line = "칩 전력은 약 2,300W로 추정. 144개면 단순 계산만으로도 랙 전력 330kW 초과."
    assert prose_status(line, _raw(line, "330kW"), False) == "estimate"
    assert prose_status(line, _raw(line, "2,300W"), False) == "estimate"  # "…로 추정." as before
    assert prose_status(line, _raw(line, "144개"), False) == ""  # the count before the calculation
    converted = "- 이를 시스템 단위로 환산하면, 약 3천 개의 시스템이 구축됨."
    assert prose_status(converted, _raw(converted, "3천 개"), False) == "estimate"
    plain = "- 지난 분기 매출은 30억 달러. 이 계산법은 새롭지 않음."  # a calculation after the figure
    assert prose_status(plain, _raw(plain, "30억 달러"), False) == ""


def test_each_listed_gain_is_scoped_by_the_platform_it_is_given_on(text_reader):
    r, ex = text_reader
    r.read("“Andromeda”가 인스타그램에서 5%, 페이스북에서 3%의 광고 전환율 향상 달성.", LOC, ())
    assert [(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "relativeDifference"] == [
        ("meta-andromeda", Decimal(5), "인스타그램"), ("meta-andromeda", Decimal(3), "페이스북")]
    r.read("“Andromeda”는 광고 집행 시간을 20% 단축.", LOC, ())  # no platform named: no scope
    assert ex.statements[-1].value == Decimal(-20) and ex.statements[-1].scope == ""


def test_a_fare_for_a_ride_of_a_length_keeps_the_length_as_its_scope(table_reader):
    r, ex = table_reader
    t = make_table(["각 항목별 테슬라 로보택시 vs 구글 웨이모 비교"], ["항목", "테슬라", "웨이모", "현재 승자"],
                   [["요금", "3km 정도 단거리: $4.1", "3km 정도 단거리: $19", "테슬라"],
                    ["구독 요금", "$20", "$10", ""]])
    r.read(t)
    assert {(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "unitPrice"} == {
        ("tesla-robotaxi", Decimal("4.1"), "3km 정도 단거리"), ("waymo", Decimal("19"), "3km 정도 단거리"),
        ("tesla-robotaxi", Decimal("20"), ""), ("waymo", Decimal("10"), "")}  # no condition: no scope


def test_a_section_rows_named_part_scopes_its_figures_but_a_measure_row_does_not(table_reader):
    r, ex = table_reader
    t = make_table(["NVIDIA GR00T Dreams 비용 분석"], ["항목", "값", "비고"],
                   [["각 task당 생성 비용", "", ""], ["\"Alpha\" 로봇팔", "$40", "각 task당 120개 생성(쌓기)"],
                    ["\"Beta\" 휴머노이드", "$90", "각 task 당 250개 생성(닦기)"]])
    t.rows[0].section = True
    r.read(t)
    got = {(s.kind, s.value, s.scope) for s in ex.statements if s.subject == "gr00t-dreams"}
    assert {("unitCount", Decimal(120), "\"Alpha\" 로봇팔"), ("unitCount", Decimal(250), "\"Beta\" 휴머노이드"),
            ("amount", Decimal(40), "\"Alpha\" 로봇팔"), ("amount", Decimal(90), "\"Beta\" 휴머노이드")} <= got
    assert section_part("일일 총 주행 거리 — B. 일일 운행 분석", ":section") == ""  # a measure, not a part
    assert section_part("\"Alpha\" 로봇팔 — 각 task당 생성 비용", "") == ""  # no section row above


def test_a_remarks_discount_on_the_figure_before_it_names_what_it_discounts():
    from petaflop.extract.facts import Statement
    from petaflop.extract.table_remarks import _discounted

    st = Statement("tesla-robotaxi", "relativeDifference", LOC, "text-cell:value-after:row", value=Decimal(-70),
                   unit="%", metric="할인", status="estimate")
    cell = "유휴 컴퓨팅 수익 (RTX4070의 경우 시간당 0.12 달러, 여기에 70% 할인)"
    assert _discounted(st, cell).metric == "할인 vs RTX4070의 경우 시간당 0.12 달러"
    assert _discounted(st, "요금은 마일당 \\$1, 여기에 50% 할인").metric == "할인"  # another figure: not this one
    assert _discounted(st, "전 품목 70% 할인").metric == "할인"  # no figure before it: as it was
