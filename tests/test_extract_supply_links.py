"""Supply and customer links on sentences of our own (task D, wave 22): a recipient named by one example
("A와 같은 <kind>에 제공") — and look-alikes that name no customer."""

from __future__ import annotations

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


def links(ex: Extraction, prop: str) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity and f.predicate == prop)


def test_a_recipient_named_by_one_example_of_its_kind_is_the_providers_customer(text_reader):
    r, ex = text_reader
    r.read("오라클은 확보한 칩의 절반을 다시 메타와 같은 미국 기업에 제공.", LOC, ())
    assert links(ex, "customerOf") == [("meta", "oracle", "text:customer")]


def test_an_example_given_a_chance_is_no_customer(text_reader):
    r, ex = text_reader
    r.read("엔비디아는 화웨이와 같은 중국 기업에 오히려 기회를 제공.", LOC, ())
    assert links(ex, "customerOf") == []
