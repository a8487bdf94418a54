"""The prose of a comparison table's label cells (petaflop/extract/table_label_prose.py), on tables of our
own: a middle column that heads no entity is read like a paragraph of its own — the firm its sentence names
gets the figure, under the prose rule; a sentence naming no one gives no one (neither the column's entity nor a
topic left over from running text)."""

from __future__ import annotations

from decimal import Decimal

from tests.test_table_reader import make_table


def _values(ex) -> list[tuple]:
    return sorted((s.subject, s.kind, s.value, s.time.text if s.time else "", s.rule) for s in ex.statements
                  if s.location.column == 2)


def test_a_label_cell_naming_a_firm_gives_that_firm_its_revenue_under_the_prose_rule(table_reader):
    r, ex = table_reader
    r.read(make_table(["협력 매출 기여도 분석"], ["분석 단계", "핵심 가정 및 계산 근거", "예상 매출 (엔비디아 몫)"],
                      [["1. 시장", "인텔 2022년 전체 매출 : 약 12.5억 달러", "공략 가능한 시장"],
                       ["2. 기여", "인텔 FY2021 매출: 약 9.5억 달러", "약 1억 달러"]]))
    # a fiscal year ("FY2021") is the year it names (wave 27)
    assert _values(ex) == [("intel", "revenue", Decimal("950000000"), "2021", "text:value:compound"),
                           ("intel", "revenue", Decimal("1250000000"), "2022", "text:value:compound")]


def test_a_label_cell_naming_no_one_gives_no_one_its_figure(table_reader):
    r, ex = table_reader
    r.text.read("인텔은 새 공장을 짓는 중.", _loc(), ())  # a topic running text leaves behind
    r.read(make_table(["협력 매출 기여도 분석"], ["분석 단계", "핵심 가정 및 계산 근거", "예상 매출 (엔비디아 몫)"],
                      [["1. 시장", "전체 시장 매출 : 약 12.5억 달러", "공략 가능한 시장"]]))
    assert _values(ex) == []


def _loc():
    from petaflop.extract.facts import Location

    return Location(90, 90, "IV", "IV. 테스트: 표")
