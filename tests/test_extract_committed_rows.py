"""A row of committed money (table_status.py): a sum drawn only in part ("190억 중 40억 … 사용") or an equity
commitment (출자 약정) is pledged — its money planned (plannedAmountUSD), not an amount paid."""

from __future__ import annotations

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.table_status import TableStatus


def _row(line: int, *texts: str) -> Row:
    return Row(line, [Cell(t, t, line, j) for j, t in enumerate(texts, 1)])


def test_a_sum_drawn_only_in_part_or_committed_is_planned_money():
    table = Table("T-1", Span(1, 5), [], [], [
        _row(2, "A사", "190", "초기 190억 중 40억 유동성 사용, 추가 증자 여지"),
        _row(3, "B사", "80", "출자 약정 체결"),
        _row(4, "C사", "71", "1차 공사 대출 71억 실행"),  # drawn in full: paid
        _row(5, "D사", "116", "8개동 중 2개동 공사중")],  # a part of buildings, not of money
        column_labels=["투자자", "투자액 (억 달러)", "현재 상황"])
    st = TableStatus(table, model=False)
    assert [st.row_plans(line, 2) for line in (2, 3, 4, 5)] == [True, True, False, False]


def test_a_table_comparing_a_modelled_total_cost_of_ownership_is_a_model():
    from petaflop.extract.table_status import is_model_table

    def table(caption: str) -> Table:
        return Table("T-2", Span(1, 3), [caption], [], [_row(2, "칩 하나당 시간별 자본 비용", "USD/hr/GPU", "$0.53")],
                     column_labels=["항목", "단위", "Trainium3"])
    assert is_model_table(table("“자체 칩 시스템 vs GPU 시스템”의 총소유비용 비교"))
    assert is_model_table(table("DeepSeek AI TCO 계산"))
    assert not is_model_table(table("Stargate 총 비용 구조(TCO)"))  # a cost structure stated, no comparison
