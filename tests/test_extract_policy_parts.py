"""Tables of a law's measures: each row's policy is part of the one law the caption names
(table_policy_parts.add_policy_parts)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_policy_parts import add_policy_parts


def _table(caption: str, keys: list[str], second: str = "달라진 점") -> Table:
    header = [Cell("혜택", "혜택", 11, 1), Cell(second, second, 11, 2)]
    rows = [Row(12 + i, [Cell(k, k, 12 + i, 1), Cell("전액 공제", "전액 공제", 12 + i, 2)]) for i, k in enumerate(keys)]
    return Table("IX-1-1", Span(10, 12 + len(keys)), [caption], header, rows, chapter="IX", slide_title="세제")


def _parts(gaz, table: Table) -> list[tuple[str, str, str, str, int]]:
    ex = Extraction()
    add_policy_parts(SimpleNamespace(tables=[table]), ex, Resolver(gaz, ex), lambda t: ())
    return sorted((f.subject, f.predicate, str(f.obj), f.rule, f.location.row) for f in ex.facts)


def test_each_measure_row_is_part_of_the_law_the_caption_names(gaz):
    table = _table("OBBB 법안으로 가나다전자가 받을 세제 혜택", ["100% 보너스 감가상각", "R&D 비용 전액 공제", "기타"])
    assert _parts(gaz, table) == [
        ("100-bonus-depreciation", "partOf", "one-big-beautiful-bill", "table:policy-parts", 1),
        ("full-r-d-expensing", "partOf", "one-big-beautiful-bill", "table:policy-parts", 2)]


def test_no_law_named_one_measure_or_a_row_of_two_measures_links_nothing(gaz):
    assert _parts(gaz, _table("가나다전자가 받을 세제 혜택", ["100% 보너스 감가상각", "R&D 비용 전액 공제"])) == []
    assert _parts(gaz, _table("OBBB 법안의 혜택", ["100% 보너스 감가상각", "기타"])) == []
    assert _parts(gaz, _table("OBBB 법안의 혜택", ["100% 보너스 감가상각 및 R&D 비용 전액 공제", "이자 공제 한도 확대"])) == []


def test_a_figure_in_the_column_of_the_rules_before_the_law_is_not_the_measures(gaz):
    table = _table("OBBB 법안의 혜택", ["100% 보너스 감가상각", "R&D 비용 전액 공제"], second="기존 제도 (일반 규정)")
    ex = Extraction()

    def at(column: int) -> Statement:
        return Statement("100-bonus-depreciation", "lifetime", Location(12, 12, "IX", "세제", "IX-1-1", 1, column),
                         "text-cell:value:row", value=Decimal(5), unit="year")

    ex.statements[:] = [at(2), at(3)]
    add_policy_parts(SimpleNamespace(tables=[table]), ex, Resolver(gaz, ex), lambda t: ())
    assert [s.location.column for s in ex.statements] == [3]  # the old rules' column (2) is dropped
