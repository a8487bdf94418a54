"""Wave 33: a figure whose next sentence opens with an earlier date and the figure it grew from ("7억 명 돌파.
올해 3월 5억 명에서 급증") is now's: the report's year (grown_from.py). Sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.grown_from import settle_grown_from


def _settle(line: str, value: Decimal, raw: str) -> str | None:
    ex = Extraction()
    ex.statements = [Statement("xai", "userCount", Location(1, 1, "III", "s"), "text:value", value, unit="count",
                               raw=raw)]
    settle_grown_from(ex, [line])
    return ex.statements[0].time.text if ex.statements[0].time else None


def test_a_figure_grown_from_an_earlier_dated_one_is_now_s():
    assert _settle("- xAI 주간 사용자 7억 명 돌파. 올해 3월 5억 명에서 급증.", Decimal("7E+8"), "xAI 주간 사용자 7억 명 돌파.") == "2025"
    assert _settle("- 유료 사용자는 500만 명. 작년 중순 100만 명에서 빠르게 증가.", Decimal("5E+6"), "유료 사용자는 500만 명.") == "2025"


def test_no_growth_a_later_date_or_another_unit_dates_nothing():
    assert _settle("- 주간 사용자 7억 명 돌파. 올해 3월 5억 명에서 정체.", Decimal("7E+8"), "주간 사용자 7억 명 돌파.") is None
    assert _settle("- 주간 사용자 7억 명 돌파. 내년 3월 9억 명에서 증가.", Decimal("7E+8"), "주간 사용자 7억 명 돌파.") is None
    assert _settle("- 주간 사용자 7억 명 돌파. 올해 3월 5억 달러에서 급증.", Decimal("7E+8"), "주간 사용자 7억 명 돌파.") is None
    assert _settle("- 2024년 주간 사용자 7억 명. 올해 3월 5억 명에서 급증.", Decimal("7E+8"), "주간 사용자 7억 명.") is None
