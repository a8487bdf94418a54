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
