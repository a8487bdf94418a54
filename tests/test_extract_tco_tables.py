"""A table that compares or computes a modelled total cost of ownership (table_status.is_model_table) is a
model: its costs are estimates."""

from __future__ import annotations

from ingest.model import Cell, Row, Span, Table


def _row(line: int, *texts: str) -> Row:
    return Row(line, [Cell(t, t, line, j) for j, t in enumerate(texts, 1)])


def test_a_table_comparing_a_modelled_total_cost_of_ownership_is_a_model():
    from petaflop.extract.table_status import is_model_table

    def table(caption: str) -> Table:
        return Table("T-2", Span(1, 3), [caption], [], [_row(2, "칩 하나당 시간별 자본 비용", "USD/hr/GPU", "$0.53")],
                     column_labels=["항목", "단위", "Trainium3"])
    assert is_model_table(table("“자체 칩 시스템 vs GPU 시스템”의 총소유비용 비교"))
    assert is_model_table(table("DeepSeek AI TCO 계산"))
    assert not is_model_table(table("Stargate 총 비용 구조(TCO)"))  # a cost structure stated, no comparison
