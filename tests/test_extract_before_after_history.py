"""A before | after table states a history: the figures of its "before" column are the caption entity's earlier
values (scope "earlier value"), those of the "after" column its current ones (table_states.py) — on tables of
our own in the report's style."""

from __future__ import annotations

from decimal import Decimal

from tests.test_table_reader import make_table

HEAD = ["구분", "기존 방식 (Before)", "AI 도입 후 변화 (After)"]


def test_the_before_column_holds_earlier_values(table_reader):
    r, ex = table_reader
    r.read(make_table(["Mistral AI의 AI 도입에 따른 조직 변화"], HEAD,
                      [["인력 규모", "직원 약 900명", "약 700명으로 감축"], ["도입 전략", "인간 중심", "에이전트 배포"]]))
    got = {(s.kind, s.value, s.scope, s.time) for s in ex.statements}
    assert got == {("employeeCount", Decimal("900"), "earlier value", None), ("employeeCount", Decimal("700"), "", None)}


def test_a_table_over_periods_or_of_rivals_has_no_earlier_values(table_reader):
    r, ex = table_reader
    r.read(make_table(["Mistral AI 성장 지표"], ["항목", "2024 Q2", "2025 Q2"], [["인력 규모", "300명", "700명"]]))
    r.read(make_table(["조직 비교"], ["구분", "도입 후", "도입 후"], [["인력 규모", "직원 약 900명", "약 700명"]]))
    assert ex.statements and all(s.scope == "" for s in ex.statements)
