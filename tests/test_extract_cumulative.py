"""Audit 11: a figure said to be a total since the thing began ("누적 판매량은 200만 대 돌파") is scoped
"cumulative" and takes no "now" year as its time (status_context.py, prose_status.cumulative_figure): it is not the
year's shipments. Sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from foundation.periods import parse_period
from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.prose_status import cumulative_figure
from petaflop.extract.status_context import settle_statuses


def _settled(line: str, raw: str, time: str) -> tuple:
    ex = Extraction()
    ex.statements.append(Statement("meta-glasses", "shipments", Location(1, 1), "text:value:compound",
                                   value=Decimal(2000000), unit="count", time=parse_period(time), raw=raw))
    settle_statuses([], ex, [line])
    st = ex.statements[0]
    return st.scope, st.time.text if st.time else ""


def test_a_total_since_launch_is_cumulative_with_no_year():
    line = "- 현재 메타 글라스 누적 판매량은 200만 대 돌파. 이용률은 38%."
    assert _settled(line, "메타 글라스 누적 판매량은 200만 대 돌파.", "2025") == ("cumulative", "")
    # a year of its own stays
    line = "- 2024년 메타 글라스 누적 주문 200만 대로 집계된 것."
    assert _settled(line, "2024년 메타 글라스 누적 주문 200만 대로 집계된 것", "2024") == ("cumulative", "2024")


def test_a_flow_is_not_cumulative():
    line = "- 올해 메타 글라스 판매량은 200만 대. 누적 기준은 미공개."
    assert _settled(line, "올해 메타 글라스 판매량은 200만 대. 누", "2025") == ("", "2025")
    assert not cumulative_figure("- 누적연산 특화. 칩 200만 개 출하.", "칩 200만 개 출하.")
