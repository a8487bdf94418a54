"""A key-value table's remark comparing the row's figure with a base ("직원 수 | 약 900 명 | OpenAI 대비 20%
정도") compares the row's measure: the row label names it in the metric (table_remarks.py)."""

from __future__ import annotations

from decimal import Decimal

from tests.test_table_reader import make_table


def test_a_remarks_comparison_is_of_the_row_labels_measure(table_reader):
    r, ex = table_reader
    r.read(make_table(["Anthropic 핵심 지표"], ["항목", "수치", "비고"],
                      [["직원 수", "약 900 명", "OpenAI 대비 20% 정도"], ["기업 가치", "1,000억 달러", "OpenAI 대비 30% 규모"]]))
    assert {(s.subject, s.kind, s.value, s.metric) for s in ex.statements if s.kind == "share"} == {
        ("anthropic", "share", Decimal(20), "직원 수 relative vs OpenAI"),
        ("anthropic", "share", Decimal(30), "기업 가치 relative vs OpenAI")}


def test_a_label_naming_an_entity_or_a_figure_is_no_measure(table_reader):
    r, ex = table_reader
    r.read(make_table(["Anthropic 핵심 지표"], ["항목", "수치", "비고"],
                      [["2025년 인력", "약 900 명", "OpenAI 대비 20% 정도"]]))
    assert [s.metric for s in ex.statements if s.kind == "share"] == ["relative vs OpenAI"]
