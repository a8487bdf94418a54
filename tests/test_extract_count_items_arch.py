"""A count of an architecture's chips ("100만 개의 Blackwell GPU", "Blackwell GPU 35만 개"): the architecture
named with its chip word is the item counted, a chip count of the clause's subject."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "IV", "test slide")


def counts(ex) -> list[tuple]:
    return [(s.subject, s.kind, s.value, s.item, s.rule) for s in ex.statements if s.kind == "chipCount"]


def test_an_architecture_with_its_chip_word_after_a_count_is_the_item(text_reader):
    r, ex = text_reader
    r.read("Colossus 2는 100만 개의 Blackwell GPU 집적을 목표.", LOC, ())
    assert counts(ex) == [("colossus-2", "chipCount", Decimal(1_000_000), "nvidia-blackwell",
                           "text:count-item:clause-topic")]


def test_an_architecture_with_its_chip_word_before_a_count_is_the_item(text_reader):
    r, ex = text_reader
    r.read("xAI는 Blackwell GPU 35만 개 구매를 추진 중.", LOC, ())
    assert counts(ex) == [("xai", "chipCount", Decimal(350_000), "nvidia-blackwell", "text:count-item:clause-topic")]


def test_the_count_of_a_facility_handed_on_by_the_sentence_before(text_reader):
    r, ex = text_reader
    r.read("차세대 동력은 테네시 주에 건설 중인 Colossus 2단계. 이후 100만 개 이상의 Blackwell GPU 집적을 목표.", LOC, ())
    assert counts(ex) == [("colossus-2", "chipCount", Decimal(1_000_000), "nvidia-blackwell",
                           "text:count-item:previous-sentence-topic")]


def test_an_architecture_without_a_chip_word_counts_nothing(text_reader):
    r, ex = text_reader
    r.read("Colossus 2는 100만 개의 Blackwell 아키텍처 도입을 목표.", LOC, ())
    assert counts(ex) == []
