"""A frame rate glued to its figure ("30fps") is a figure, not part of a name (text_value_guards.part_of_name);
a number running into other letters ("6000D") still is."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "II", "test slide")


def test_a_glued_frame_rate_is_read(text_reader):
    r, ex = text_reader
    r.read("Genie 3는 이번에 텍스트만으로 30fps 실시간 영상 월드를 생성.", LOC, ())
    assert {(s.subject, s.kind, s.value) for s in ex.statements} == {("genie-3", "quantity", Decimal(30))}


def test_a_number_running_into_letters_stays_a_name(text_reader):
    r, ex = text_reader
    r.read("Genie 3는 이번에 텍스트만으로 30fx 실시간 영상 월드를 생성.", LOC, ())
    assert not ex.statements
