"""Audit 21: table cells read as more than they say. A link read from a row takes the row's status as the row's
figures do; a header that refers back ("그 중 …") says the whole it is part of; a component's row is scoped by the
component. Tables are our own (in the report's style)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.link_status import settle_link_statuses
from petaflop.extract.table_back_refs import referred_metric
from petaflop.extract.table_caption_context import part_scope
from petaflop.extract.table_status import TableStatus
from tests.test_table_reader import make_table


def _row(line: int, *cells: str) -> Row:
    return Row(line, [Cell(c, c, line, j) for j, c in enumerate(cells, 1)])


def _loc(line: int, column: int) -> Location:
    return Location(line, line, "IV", "t", table_id="T-7", row=line - 1, column=column)


_STAGES = Table("T-7", Span(1, 5), [], [], [_row(2, "1단계", "가동 중", "풍력 300MW + 배터리"),
                                            _row(3, "2단계", "2029년까지 완공", "풍력 500MW + 배터리"),
                                            _row(4, "우선 목표", "-", "풍력 900MW"),
                                            _row(5, "3단계", "2031년까지 완공", "텍사스 부지")],
                column_labels=["단계", "진행 상황", "전력 현황"])


def test_a_link_read_from_a_row_to_be_finished_later_is_planned_as_its_figures_are():
    ex = Extraction()
    for line in (2, 3, 4):
        ex.add(Fact(f"stage-{line}", "poweredBy", "wind-power", True, _loc(line, 3), "table:stages:poweredBy", raw="풍력"))
        ex.add(Fact(f"stage-{line}", "poweredBy", "battery", True, _loc(line, 3), "table:stages:poweredBy", raw="배터리"))
    # a site's place in a row still being built: where it is being built (not planned)
    ex.add(Fact("stage-5", "locatedIn", "texas", True, _loc(5, 3), "table:stages:locatedIn", raw="텍사스"))
    settle_link_statuses(ex, ["x"] * 5, [_STAGES])
    assert [(f.subject, f.obj, f.link_status) for f in ex.facts] == [
        ("stage-2", "wind-power", ""), ("stage-2", "battery", ""),
        ("stage-3", "wind-power", "planned"), ("stage-3", "battery", "planned"),
        ("stage-4", "wind-power", "target"), ("stage-4", "battery", "target"),
        ("stage-5", "texas", "")]
    # the same reading gives the row's capacity its status
    status = TableStatus(_STAGES, model=False)
    assert [status.status("powerCapacity", None, line, 3, "2025-09-03") for line in (2, 3, 4)] == [
        None, "planned", "target"]
    assert status.row_status(3, 2) == ""  # the cell that says so is not planned by itself


def test_a_header_that_refers_back_measures_a_part_of_the_previous_columns_whole(table_reader):
    r, ex = table_reader
    r.read(make_table(["클라우드 기업의 AI 매출"], ["기업", "AI 매출 비중", "그 중 추론 비중"],
                      [["마이크로소프트", "12%", "60%"], ["구글", "8%", "55%"]]))
    assert sorted((s.subject, s.value, s.metric, s.rule) for s in ex.statements if s.kind == "share") == [
        ("google", Decimal(8), "AI 매출 비중", "table-reader:share@243"),
        ("google", Decimal(55), "AI 매출 중 추론 비중", "table-reader:share@243"),
        ("microsoft", Decimal(12), "AI 매출 비중", "table-reader:share@243"),
        ("microsoft", Decimal(60), "AI 매출 중 추론 비중", "table-reader:share@243")]


@pytest.mark.parametrize(("labels", "metric"), [
    (["기업", "AI 매출 점유율", "이 중 추론 비중"], "AI 매출 중 추론 비중"),
    (["기업", "데이터센터 매출", "of which: inference share"], "데이터센터 매출 중 inference share"),
    (["기업", "그 중 추론 비중"], ""),  # right after the row labels: of what? (a claim)
    (["기업", "AI 매출 비중", "그중에서도 추론"], None),  # no back-reference: "그중에서도" is not "그 중" + a header
])
def test_which_headers_refer_back(labels, metric):
    assert referred_metric(labels, len(labels) - 1) == metric


def test_a_header_that_refers_back_to_nothing_leaves_its_figures_claims(table_reader):
    r, ex = table_reader
    r.read(make_table(["클라우드 기업의 AI 매출"], ["기업", "그 중 추론 비중"], [["마이크로소프트", "60%"]]))
    assert [s.rule for s in ex.statements if s.kind == "share"] == ["table-reader:share@243:unsure"]


def test_a_components_figure_is_scoped_by_the_component_and_a_total_by_the_whole(table_reader):
    r, ex = table_reader
    r.read(make_table(["엔비디아와 AWS의 서버 레벨에서의 메모리 인터페이스 비용 및 필요전력"],
                      ["서버 레벨(단위 : $, W)", "Trainium2 비용", "Trainium2 전력", "H100 비용", "H100 전력"],
                      [["구리 배선", "$500", "0", "$700", "0"], ["메모리 인터페이스 비용 합계", "$900", "40W", "$800", "30W"]]))
    got = {(s.subject, s.kind, s.value, s.scope) for s in ex.statements if s.subject == "nvidia-h100"}
    assert got == {("nvidia-h100", "hardwareCost", Decimal(700), "메모리 인터페이스: 구리 배선"),
                   ("nvidia-h100", "powerDemand", Decimal(0), "메모리 인터페이스: 구리 배선"),  # the wiring's, not the server's
                   ("nvidia-h100", "hardwareCost", Decimal(800), "메모리 인터페이스"),
                   ("nvidia-h100", "powerDemand", Decimal("0.00003"), "메모리 인터페이스")}


@pytest.mark.parametrize(("whole", "label", "scope"), [
    ("스케일업 네트워킹", "광 모듈", "스케일업 네트워킹: 광 모듈"),
    ("", "광 모듈", "광 모듈"),  # the head names the measure bare: the row is a part of the whole measure
    ("스케일업 네트워킹", "칩 레벨 스케일업 비용", "스케일업 네트워킹"),  # names the measure: the total
    ("스케일업 네트워킹", "합계", "스케일업 네트워킹"),
    (None, "광 모듈", ""),  # what is broken down is not said (the figures are claims)
])
def test_part_scope(whole, label, scope):
    assert part_scope(whole, label, ["하드웨어 비용", "전력 수요"]) == scope
    assert part_scope(whole, label, []) == ""  # no column names a known measure: aspects compared, no parts
