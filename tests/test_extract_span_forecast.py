"""A change over a span that ends after the report's date ("2030년 수요는 2024년 대비 147% 증가 … 추산") is a
forecast, whatever word estimates it (figure_context.after_the_report); a span already over stays as read."""

from __future__ import annotations

from decimal import Decimal

from foundation.periods import parse_period
from petaflop.extract.facts import Location
from petaflop.extract.figure_context import after_the_report

LOC = Location(10, 10, "V", "test slide")


def test_after_the_report():
    assert after_the_report(parse_period("2024~2030"))
    assert after_the_report(parse_period("2027"))
    assert not after_the_report(parse_period("2021~2024"))
    assert not after_the_report(parse_period("2025"))  # the report's own year: not wholly to come
    assert not after_the_report(None)


def test_a_growth_over_a_span_to_come_is_a_forecast(text_reader):
    r, ex = text_reader
    r.read("미국 데이터센터의 2030년 수요는 2024년 대비 147% 증가한 117GW로 추산.", LOC, ())
    r.read("미국 데이터센터의 2023년 수요는 2020년 대비 40% 증가한 17GW로 추산.", LOC, ())
    got = [(s.kind, s.value, s.status, s.time.text) for s in ex.statements if s.kind == "growthRate"]
    assert got == [("growthRate", Decimal(147), "forecast", "2024~2030"),
                   ("growthRate", Decimal(40), "estimate", "2020~2023")]
