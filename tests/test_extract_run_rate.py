"""Audit 16: a revenue figure the report calls an ARR / run-rate ("ARR (8월 발표치 기준) | 5억 달러", "연간 반복
매출", "50억 달러의 런레이트") is an annualised run-rate, not the revenue of the month it is dated to: scope
run-rate (run_rate.py). Tables and sentences of our own, in the report's style."""

from __future__ import annotations

from decimal import Decimal

from ingest.quantities import parse_cell
from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.run_rate import says_run_rate, settle_run_rates
from tests.test_table_reader import make_table


def _quantify(table):
    for row in table.rows:
        for cell in row.cells:
            cell.quantity = parse_cell(cell.text, None) if any(ch.isdigit() for ch in cell.text) else None
    return table


def _cell(subject: str, value: str, row: int, column: int) -> Statement:
    return Statement(subject, "revenue", Location(100 + row, 100 + row, "III", "s", "T-01-1", row, column),
                     "table-reader:revenue@87", Decimal(value), unit="USD")


def test_a_row_labelled_arr_scopes_its_figure_run_rate_and_other_rows_stay_revenue():
    table = _quantify(make_table(["X의 성과 및 ARR 추정"], ["항목", "수치 / 내용"],
                                 [["개발자 1인당 연간 추정 수익", "$1,130"], ["ARR (8월 발표치 기준)", "5억 달러"]]))
    ex = Extraction()
    ex.statements = [_cell("x", "1130", 1, 2), _cell("x", "5E+8", 2, 2)]
    assert settle_run_rates([table], ex, []) == 1
    assert [st.scope for st in ex.statements] == ["", "run-rate"]  # the caption's ARR does not cover the first row


def test_a_metric_column_of_recurring_revenue_and_a_transposed_cell_of_arr():
    table = _quantify(make_table(["주요 수치"], ["회사", "지표", "이전 값", "현재 값"],
                                 [["A사", "연간 반복 매출", "$60억", "$130억"], ["A사", "기업 가치", "$615억", "$1,700억"]]))
    ex = Extraction()
    ex.statements = [_cell("a", "1.3E+10", 1, 4), _cell("a", "1.7E+11", 2, 4)]
    settle_run_rates([table], ex, [])
    assert [st.scope for st in ex.statements] == ["run-rate", ""]
    side = _quantify(make_table(["비교"], ["", "P사", "O사"],
                                [["매출", "25년 가이던스 41.46억 달러", "25년 연환산 매출(ARR)은 200억 달러"]], transposed=True))
    ex.statements = [_cell("p", "4.146E+9", 1, 2), _cell("o", "2E+10", 1, 3)]
    settle_run_rates([side], ex, [])
    assert [st.scope for st in ex.statements] == ["", "run-rate"]  # the other firm's cell gives P none


def test_prose_arr_before_the_figure_or_run_rate_after_it():
    line = "- 동시에 ARR은 올 1월 10억 달러에서 현재 50억 달러 이상으로 확대. 매출은 30억 달러."
    assert says_run_rate(line, Decimal("1E+9")) and says_run_rate(line, Decimal("5E+9"))
    assert not says_run_rate(line, Decimal("3E+9"))  # another sentence's revenue
    assert says_run_rate("엔비디아는 여기서 이미 연간 50억 달러의 런레이트.", Decimal("5E+9"))
    assert not says_run_rate("ARR 이후 기업가치 100억 달러로 상승", Decimal("1E+10"))  # a valuation between
    ex = Extraction()
    ex.statements = [Statement("y", "revenue", Location(1, 1), "text:value-from", Decimal("1E+9"), unit="USD",
                               scope="earlier value", raw="10억 달러")]
    settle_run_rates([], ex, [line])
    assert ex.statements[0].scope == "run-rate, earlier value"
