"""A table that states its figures' unit once, in its caption or corner cell, not in a column header
(table_units.py) — tables of our own (invented firms' figures); a table that states no unit gives none."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.table_units import table_unit
from tests.test_table_reader import make_table

ROWS = [["1", "UMC", "1,903", "8.2%"], ["2", "PSMC", "345", "5.4%"]]


def revenues(table_reader, caption: list[str], header: list[str]) -> list[tuple]:
    r, ex = table_reader
    r.read(make_table(caption, header, ROWS))
    return sorted((s.subject, s.value, s.unit) for s in ex.statements if s.kind == "revenue")


@pytest.mark.parametrize(("caption", "corner"), [
    (["파운드리 매출 순위 (단위: 백만 달러)"], "순위"),  # a note in the caption
    (["UMC가 2위로 올라섬", "(백만 달러)"], "순위"),  # a caption line that is only the note
    (["파운드리 매출 순위"], "순위(단위: 백만 달러, %)"),  # the corner cell, one unit per measure
])
def test_a_unit_the_table_states_once_is_its_bare_figures_unit(table_reader, caption, corner):
    assert revenues(table_reader, caption, [corner, "기업명", "2Q25 매출", "QoQ(%)"]) == [
        ("psmc", Decimal("345000000"), "USD"), ("umc", Decimal("1903000000"), "USD")]


def test_a_table_that_states_no_unit_gives_its_bare_figures_none(table_reader):
    assert revenues(table_reader, ["파운드리 매출 순위"], ["순위", "기업명", "2Q25 매출", "QoQ(%)"]) == []
    # the source line names who compiled the figures, not their unit
    assert revenues(table_reader, ["파운드리 매출 순위", "자료: TrendForce"], ["순위", "기업명", "2Q25 매출", "QoQ(%)"]) == []


def test_a_note_listing_two_units_of_one_kind_settles_none():
    table = make_table(["매출 (단위: 백만 달러, 십억 달러)"], ["순위", "기업명", "2Q25 매출"], ROWS)
    assert table_unit(table, "money") == ""
    assert table_unit(make_table(["매출 (단위: 백만 달러)"], ["순위", "기업명"], ROWS), "power") == ""


def quantities(table_reader, caption: list[str], header: list[str], rows=ROWS) -> list[tuple]:
    r, ex = table_reader
    r.read(make_table(caption, header, rows))
    return sorted((s.subject, s.value, s.unit, s.metric, s.rule) for s in ex.statements if s.kind == "quantity")


def test_a_bare_figure_of_a_money_column_with_no_unit_anywhere_is_a_quantity_saying_so(table_reader):
    # table_unstated_unit.py: the number is stated, its unit is not; the metric says which
    got = quantities(table_reader, ["파운드리 매출 순위"], ["순위", "기업명", "2Q25 매출", "QoQ(%)"])
    rule = "table-reader:revenue@87:unit-not-stated"
    assert [(s, v, u, m) for s, v, u, m, _ in got] == [
        ("psmc", Decimal("345"), "", "파운드리 매출 (unit not stated)"),
        ("umc", Decimal("1903"), "", "파운드리 매출 (unit not stated)")]
    assert {r for *_, r in got} == {rule}


def test_no_unit_not_stated_quantity_when_a_unit_is_stated_or_the_cell_is_not_a_bare_number(table_reader):
    # the table's note gives the unit: money, no quantity
    assert quantities(table_reader, ["파운드리 매출 순위 (단위: 백만 달러)"], ["순위", "기업명", "2Q25 매출", "QoQ(%)"]) == []
    # a currency in the header without brackets
    assert quantities(table_reader, ["파운드리 매출 순위"], ["순위", "기업명", "2Q25 매출 백만 달러", "QoQ(%)"]) == []
    # a cell with words beside the figure
    rows = [["1", "UMC", "약 1,903 추정", "8.2%"], ["2", "PSMC", "345 (잠정)", "5.4%"]]
    assert quantities(table_reader, ["파운드리 매출 순위"], ["순위", "기업명", "2Q25 매출", "QoQ(%)"], rows) == []
