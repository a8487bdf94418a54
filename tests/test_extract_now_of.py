"""Wave 33: "현재의" right before a figure dates it now (the report's year); a multiple of now's figure
("현재의 100배") is not dated by it. Sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "V", "test slide")


def test_now_of_right_before_a_figure_dates_it(text_reader):
    r, ex = text_reader
    r.read("- xAI의 수주 잔고가 현재의 약 60 GW를 넘어 80 GW 수준으로 증가.", LOC, ())
    assert {s.value: s.time.text if s.time else None for s in ex.statements if s.unit == "MW"}[Decimal(60000)] == "2025"


def test_now_of_before_a_multiple_dates_nothing(text_reader):
    r, ex = text_reader
    r.read("- xAI는 장기적으로 GPU를 현재의 100배인 1억 개 수준으로 확대해야 한다고 발언.", LOC, ())
    assert [s.time for s in ex.statements if s.unit == "x"] in ([], [None])
