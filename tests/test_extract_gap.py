"""Gaps between rivals stated as spans of time (petaflop/extract/text_gap.py): "N의 격차", "격차가 N 이상",
a ``duration`` of the trailing side, rule ``text:duration-gap``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def _gaps(ex):
    return {(s.subject, s.value, s.unit, s.bound, s.metric) for s in ex.statements if s.rule == "text:duration-gap"}


@pytest.mark.parametrize(("block", "expected"), [
    # the owner of the marked noun; a quarter in number words is three months
    ("중국의 기업들이 아직 의존하며, 이는 양국 간에 최소 '한 분기 이상'의 세대 격차가 있다는 뜻.",
     {("china", Decimal(3), "month", "lower", "격차")}),
    # the side the sentence before marked; the other side ("미국과") is never it; both figures of one gap
    ("이는 중국이 최전선에 도달했음을 의미. 미국과 1년 이상 벌어졌던 기술 격차가 6개월 이내로 좁혀졌다.",
     {("china", Decimal(1), "year", "lower", "격차"), ("china", Decimal(6), "month", "upper", "격차")}),
    # the gap noun before the span
    ("화웨이는 엔비디아와의 칩 설계 격차가 최소 3년 이상임.", {("huawei", Decimal(3), "year", "lower", "격차")}),
])
def test_a_span_of_a_gap_is_the_trailing_sides_duration(text_reader, block, expected):
    r, ex = text_reader
    r.read(block, LOC, ())
    assert _gaps(ex) == expected


@pytest.mark.parametrize("block", [
    # the sentence is about a chip, and the unmarked firm may be the leading side
    "차세대 Ascend 910D는 성능을 목표. 엔비디아 Hopper가 2022년에 출시되어 양사 간 격차가 최소 3년 이상임.",
    # no gap noun: a span of something else
    "중국은 1년 이상 AI 모델 개발에 투자했다.",
    # only the other side is named
    "미국과의 격차가 1년 이상 벌어졌다.",
    # the carried topic is the other side
    "이는 엔비디아와의 격차가 3년 이상임.",
])
def test_a_gap_without_a_trailing_side_is_not_read(text_reader, block):
    r, ex = text_reader
    r.start_slide("엔비디아의 독주")
    r.read(block, LOC, ())
    assert _gaps(ex) == set()
