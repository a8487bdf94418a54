"""A money column whose label says its money is a plan or a goal ("투자 계획 (억 달러)", "목표 매출", "완공 목표"):
every money figure of the column takes that status, as a row whose label says so does (table_status.py)."""

from __future__ import annotations

from petaflop.extract.table_status import TableStatus
from tests.test_table_reader import make_table

_TABLE = make_table(["가나 클라우드 투자 현황"], ["기업", "현재 매출 (억 달러)", "투자 계획 (억 달러)", "목표 매출 (억 달러)", "비고"],
                    [["가나 클라우드", "12", "40", "90", "해외 거점 확대"], ["다라 클라우드", "8", "25", "60", "국내 집중"]])
REF = "2025-09-03"


def test_the_money_of_a_planned_or_aimed_column_takes_its_status():
    status = TableStatus(_TABLE, model=False)
    assert [status.status("amount", None, 101, column, REF) for column in (2, 3, 4)] == [None, "planned", "target"]
    assert status.status("capex", None, 102, 3, REF) == "planned"
    assert status.status("revenue", None, 102, 4, REF) == "target"


def test_a_count_under_the_label_and_money_of_a_plain_column_are_left_alone():
    status = TableStatus(_TABLE, model=False)
    assert status.status("revenue", None, 101, 2, REF) is None
    assert status.status("gpuCount", None, 101, 3, REF) is None
