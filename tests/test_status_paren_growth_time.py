"""A growth rate in parentheses right after a guided capex ("아마존: 1,185억 달러 (전년 대비 40% 증가)") takes
the head figure's status and, once the guidance is dated (the report's year), its time too."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.status_context import settle_statuses

LINE = "- 아마존: 1,185억 달러 (전년 대비 40% 증가) / 구글: 850억 달러"
LOC = Location(1, 1, "IV", "IV. 테스트")


def test_a_parenthesised_growth_takes_the_guided_heads_status_and_year():
    head = Statement("amazon", "capex", LOC, "test", value=Decimal("118500000000"), unit="USD", status="forecast",
                     raw="아마존: 1,185억 달러 (전년 대비")  # 8 characters after, as a reader writes it
    growth = Statement("amazon", "growthRate", LOC, "test", value=Decimal(40), unit="%", status="actual",
                       raw="달러 (전년 대비 40% 증가)")
    ex = Extraction(statements=[head, growth])
    settle_statuses([], ex, [LINE])
    got = {s.kind: (s.status, s.time.text if s.time else None) for s in ex.statements}
    assert got == {"capex": ("forecast", "2025"), "growthRate": ("forecast", "2025")}


def test_a_growth_with_no_figure_before_its_parenthesis_stays_undated():
    growth = Statement("amazon", "growthRate", LOC, "test", value=Decimal(40), unit="%", status="actual",
                       raw="매출 (전년 대비 40% 증가)")
    ex = Extraction(statements=[growth])
    settle_statuses([], ex, ["- 아마존 매출 (전년 대비 40% 증가)"])
    assert [(s.status, s.time) for s in ex.statements] == [("actual", None)]
