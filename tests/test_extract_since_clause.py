"""A date inside a clause that opens a period ("…을 시작한 이후/이래/후") is the date of the event, not when a
figure after it holds (petaflop/extract/figure_time.py, ``_SINCE_AFTER``); in sentences of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "IX", "test slide")


def shares(ex) -> list[tuple]:
    return [(s.subject, s.value, s.time.text if s.time else None) for s in ex.statements if s.kind == "share"]


@pytest.mark.parametrize("sentence", [
    "웨이모는 '22년 5월 LA에서 서비스를 시작한 이후 시장의 3분의 1 차지",
    "웨이모는 2022년 5월 서비스가 개시된 이래 시장의 3분의 1 차지",
    "웨이모는 2022년 5월 LA에서 출시한 후 시장의 3분의 1 차지",
])
def test_an_events_date_before_since_does_not_date_the_figure(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert shares(ex) == [("waymo", Decimal("33.3"), None)]


def test_a_date_of_the_figures_own_clause_still_dates_it(text_reader):
    r, ex = text_reader
    r.read("웨이모는 2022년 5월 시장의 3분의 1 차지", LOC, ())
    assert [s[2] for s in shares(ex)] == ["2022-05"]
