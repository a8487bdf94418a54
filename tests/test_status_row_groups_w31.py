"""A figure's status carried across a table's row group (petaflop.statements.same_figure_same_status with
petaflop.extract.table_status.row_groups) and a prose figure revised against an earlier forecast
(petaflop.extract.prose_status). Tables and sentences are our own (invented sites and firms)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location, Statement
from petaflop.extract.prose_status import prose_status
from petaflop.extract.table_status import row_groups, table_status
from petaflop.statements import same_figure_same_status
from tests.test_table_reader import make_table

_COSTS = make_table(["가나 캠퍼스 총 비용"], ["단계", "항목", "금액", "내용"],
                    [["1단계 (가나 0.9 GW)", "건설", "50", "0.9 GW로 완공 목표"],
                     ["", "전력 인프라", "20", "0.9 GW 송전선 등"],
                     ["", "냉각", "10", "0.9 GW 냉각 설비"],
                     ["2단계", "전력 인프라", "30", "0.9 GW 송전선 등"]])


def _st(line: int, status: str = "actual") -> Statement:
    return Statement("gana", "powerCapacity", Location(line, line, "IV", "", "T-01-1", line - 100, 4), "r",
                     value=Decimal(900), unit="MW", status=status)


def test_rows_whose_first_cell_is_empty_continue_the_row_above():
    assert row_groups({"T-01-1": _COSTS}) == {("T-01-1", 102): 101, ("T-01-1", 103): 101}


def test_a_figure_said_to_be_a_target_in_a_row_group_is_a_target_in_its_continuation_rows():
    groups = row_groups({"T-01-1": _COSTS})
    out = same_figure_same_status([_st(101, "target"), _st(102), _st(103), _st(104)], groups)
    assert [st.status for st in out] == ["target", "target", "target", "actual"]  # the next group states its own
    assert [st.status for st in same_figure_same_status([_st(101, "target"), _st(102)])] == ["target", "actual"]


def _raw(line: str, figure: str) -> str:
    at = line.index(figure)
    return line[max(0, at - 20):at + len(figure) + 8].strip()[:60]


def test_a_figure_revised_against_an_earlier_forecast_is_a_forecast():
    line = "- 실적 이후 빅테크의 AI 투자가 年 3,000억 달러로 급증. 지난 2월 예상치 2,500억 달러 대비 20% 상향."
    assert prose_status(line, _raw(line, "3,000억 달러"), False) == "forecast"
    beat = "- 가나의 분기 매출은 30억 달러로 증가. 지난 2월 예상치 25억 달러 대비 20% 상회."
    assert prose_status(beat, _raw(beat, "30억 달러"), False) == ""  # a result that beats the outlook
    later = "- 가나의 투자가 30억 달러로 증가. 인력은 예상치 대비 20% 상향."
    assert prose_status(later, _raw(later, "30억 달러"), False) == ""  # the next sentence opens with another thing


_LADDER = make_table(["가나 AI 단계별 잠재적으로 부과할 월 요금", "현재 월 100 달러의 요금제만 있지만, 점점 비싸질 것"],
                     ["단계", "해당 제품 (예상)", "비용 (월)"],
                     [["단계 1", "가나-1", "$10"], ["단계 2", "가나-2", "$100"], ["단계 3", "가나-3", "$1,000"],
                      ["단계 4", "가나-4?", "약 1만 명"]])


def test_a_ladder_of_what_may_be_charged_forecasts_the_tiers_above_the_one_there_is_now():
    table = table_status({"T-01-1": _LADDER})["T-01-1"]
    ref = "2025-09-03"
    assert [table.status("unitPrice", None, line, 3, ref) for line in (101, 102, 103)] == [None, None, "forecast"]
    assert table.status("userCount", None, 104, 3, ref) is None  # another unit than the tier's
    plain = make_table(["가나 AI 단계별 월 요금", "현재 월 100 달러의 요금제만 있지만, 점점 비싸질 것"],
                       ["단계", "해당 제품", "비용 (월)"], [["단계 3", "가나-3", "$1,000"]])
    assert table_status({"T-01-1": plain})["T-01-1"].status("unitPrice", None, 101, 3, ref) is None


def test_a_row_that_applies_an_assumed_figure_is_an_estimate():
    rows = [["가나 현재 기업 가치", "약 1조 달러"], ["가나 클라우드 매출 멀티플", "10배로 가정"],
            ["클라우드 사업 가치 (매출 기준 멀티플 적용)", "0.3조 달러"]]
    table = table_status({"T-01-1": make_table(["가나의 SOTP"], ["항목", "수치"], rows)})["T-01-1"]
    ref = "2025-09-03"
    assert [table.status("valuation", None, line, 2, ref) for line in (101, 103)] == [None, "estimate"]
    plain = make_table(["가나의 SOTP"], ["항목", "수치"], [rows[0], ["가나 클라우드 매출 멀티플", "10배"], rows[2]])
    assert table_status({"T-01-1": plain})["T-01-1"].status("valuation", None, 103, 2, ref) is None  # nothing assumed
