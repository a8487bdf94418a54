"""A timeline's measured column read as the caption owner's figures over its rows' periods
(petaflop/extract/period_row_series.py), in tables of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.period_row_series import read_period_series, row_period
from tests.test_table_reader import make_table

HEADER = ["시점", "조치", "유럽행 반도체 장비 수출량"]
ROWS = [["2025-01", "수출 심사 강화", "120.5t"], ["2025년 2월", "심사 완화", "80t"], ["비고", "", "-"]]


def _quantities(ex) -> list[tuple]:
    return [(s.subject, s.kind, s.value, s.unit, s.time.text if s.time else None, s.rule) for s in ex.statements]


def test_a_year_and_month_with_a_hyphen_is_a_month():
    assert row_period("2025-04").text == "2025-04"
    assert row_period("2025년 4월").text == "2025-04"
    assert row_period("2025-13") is None


def test_the_column_is_the_caption_genitive_owners_over_the_rows_periods(table_reader):
    r, ex = table_reader
    read_period_series(r, make_table(["한국과 일본의 반도체는 협상 카드"], HEADER, ROWS))
    assert _quantities(ex) == [
        ("japan", "quantity", Decimal("120.5"), "t", "2025-01", "table-reader:quantity@726:caption-genitive"),
        ("japan", "quantity", Decimal(80), "t", "2025-02", "table-reader:quantity@726:caption-genitive"),
    ]


def test_no_owner_when_the_owned_noun_is_not_the_columns_or_two_own_it(table_reader):
    r, ex = table_reader
    read_period_series(r, make_table(["일본의 자동차는 협상 카드"], HEADER, ROWS))  # 자동차: not the column's
    read_period_series(r, make_table(["한국의 반도체와 일본의 반도체"], HEADER, ROWS))  # two owners
    read_period_series(r, make_table(["일본의 반도체는 협상 카드"], ["시점", "조치", "반도체 장비 동향"], ROWS))  # no measure
    assert ex.statements == []


CHANGE_ROWS = [["2025-05", "첫 달 적용 → -93.3% YoY 급감", "46.4t"], ["2025-06", "심사 정상화", "353t (▲660% MoM)"],
               ["2025-07", "심사 완화", "400t (+13.3%)"]]


def _changes(ex) -> list[tuple]:
    return [(s.subject, s.value, s.time.text, s.metric, s.rule) for s in ex.statements if s.kind == "growthRate"]


def test_a_change_with_its_basis_in_the_value_cell_or_the_rows_other_cell_is_the_owners_growth(table_reader):
    r, ex = table_reader
    read_period_series(r, make_table(["한국과 일본의 반도체는 협상 카드"], HEADER, CHANGE_ROWS))
    assert _changes(ex) == [
        ("japan", Decimal("-93.3"), "2025-05", "유럽행 반도체 장비 수출량 vs prior year",
         "table-reader:growthRate@row-change:caption-genitive"),
        ("japan", Decimal(660), "2025-06", "유럽행 반도체 장비 수출량 vs prior month",
         "table-reader:growthRate@paren-change:caption-genitive"),
    ]  # "(+13.3%)" names no basis: no change read


def test_no_change_without_a_direction_or_when_the_table_measures_two_columns(table_reader):
    r, ex = table_reader
    rows = [["2025-05", "첫 달 적용 → 93.3% YoY", "46.4t"], ["2025-06", "-10% YoY 감소", "353t"]]
    read_period_series(r, make_table(["일본의 반도체는 협상 카드"], HEADER, rows[:1]))  # neither sign nor word
    two = ["시점", "조치", "반도체 장비 수출량", "반도체 장비 수입량"]  # which column's change? none is read
    read_period_series(r, make_table(["일본의 반도체 장비는 협상 카드"], two, [["2025-06", "-10% YoY 감소", "120t", "353t"]]))
    assert _changes(ex) == []
    assert len([s for s in ex.statements if s.kind == "quantity"]) == 3
