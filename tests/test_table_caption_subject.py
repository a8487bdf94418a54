"""Comparison headers abbreviating the caption's product, "condition: figure" cells, refined names, counted days."""

from __future__ import annotations

from decimal import Decimal

from ingest.model import Cell, Row
from petaflop.extract.table_caption_subject import condition_figure, time_count_unit
from tests.test_table_reader import links, make_table


def test_a_header_naming_a_maker_stands_for_the_product_the_caption_names_after_it(table_reader):
    r, ex = table_reader
    t = make_table(["각 항목별 테슬라 로보택시 vs 구글 웨이모 비교"], ["항목", "테슬라", "웨이모", "현재 승자"],
                   [["운행 구역", "오스틴시 대부분", "오스틴시 대부분", "테슬라"],
                    ["요금", "2km 정도 단거리: $3.8", "2km 정도 단거리: $21.5", "테슬라"]])
    r.read(t)
    prices = {(s.subject, s.value, s.unit) for s in ex.statements if s.kind == "unitPrice"}
    assert prices == {("tesla-robotaxi", Decimal("3.8"), "USD"), ("waymo", Decimal("21.5"), "USD")}
    assert {(s, o) for s, o, _ in links(ex, "locatedIn")} >= {("tesla-robotaxi", "austin"), ("waymo", "austin")}


def test_a_header_whose_caption_names_the_company_alone_keeps_it(table_reader):
    r, ex = table_reader
    t = make_table(["테슬라 vs 웨이모 비교"], ["항목", "테슬라", "웨이모"], [["요금", "$3.8", "$21.5"]])
    r.read(t)
    assert {s.subject for s in ex.statements if s.kind == "unitPrice"} <= {"tesla", "waymo"}


def test_a_parenthesised_node_refines_the_node_before_it(table_reader):
    r, ex = table_reader
    t = make_table(["칩 스펙"], ["칩", "제조 공정"], [["Tesla AI5", "TSMC 3nm (N3P), 애리조나 공장도 활용"]])
    r.read(t)
    assert {o for _, o, _ in links(ex, "fabricatedOn")} == {"tsmc-n3p"}


def test_the_figure_of_a_condition_cell_follows_its_colon():
    assert condition_figure("18km 정도 장거리: $13.7") == ("$13.7", "18km 정도 장거리")  # the condition scopes it
    assert condition_figure("정식 서비스") == ("정식 서비스", "")
    assert condition_figure("비고: 없음") == ("비고: 없음", "")  # no figure after the colon: the cell as it is


def test_a_label_counting_days_says_its_unit():
    def row(label: str) -> Row:
        return Row(1, [Cell(label, label, 1, 1), Cell("312", "312", 1, 2)])
    assert time_count_unit(row("연간 운행 일수")) == "일"
    assert time_count_unit(row("가동 개월 수")) == "개월"
    assert time_count_unit(row("일일 승차 횟수")) == ""
