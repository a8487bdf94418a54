"""Named events written in more than one form: each form of the gazetteer names the event, so the
event's date is read whatever form the sentence uses."""

from __future__ import annotations

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def dated(ex) -> list[tuple]:
    return [(s.subject, s.kind, s.time.text, s.rule) for s in ex.statements if s.kind.endswith("Date")]


def test_the_trip_named_without_its_suffix_is_the_same_event(text_reader, gaz):
    assert gaz.lookup("트럼프의 중동 순방").id == gaz.lookup("트럼프의 중동 순방길").id == "trumps-middle-east-trip"
    r, ex = text_reader
    r.read("2025년 3월 2일 시작된 트럼프의 중동 순방은 반도체 외교의 시작.", LOC, ())
    assert dated(ex) == [("trumps-middle-east-trip", "eventDate", "2025-03-02", "text:event-class-date")]
