"""Audit 21: table cells read as more than they say. A link read from a row takes the row's status as the row's
figures do; (more below). Tables are our own (in the report's style)."""

from __future__ import annotations

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.link_status import settle_link_statuses
from petaflop.extract.table_status import TableStatus


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
