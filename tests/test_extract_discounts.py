"""A discount on a price said before ("…마일당 $1, 여기에 50% 할인") is a negative relative difference of the
row's product, and an "A의 경우 …" frame names no owner of a later metric word — on cells of our own, with
look-alikes (a discount rate, 할인율) that state no difference."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "IX", "test slide")


def differences(ex) -> list[tuple]:
    return sorted((s.subject, s.value, s.rule) for s in ex.statements if s.kind == "relativeDifference")


def test_a_discount_on_the_price_before_is_the_rows_negative_difference(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("tesla-robotaxi"))
    r.read_cell("건당 요금으로 변경 가능 (경쟁 서비스 요금은 마일당 2달러, 여기에 40% 할인)", LOC, (), "tesla-robotaxi")
    assert differences(ex) == [("tesla-robotaxi", Decimal(-40), "text-cell:value-after:row")]


def test_a_discount_after_a_products_case_frame_is_still_the_rows(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("tesla-robotaxi"))
    r.read_cell("유휴 컴퓨팅 활용 수익 (엔비디아 RTX4070의 경우 시간당 0.2 달러, 여기에 60% 할인)", LOC, (), "tesla-robotaxi")
    assert differences(ex) == [("tesla-robotaxi", Decimal(-60), "text-cell:value-after:row")]


def test_a_discount_rate_is_no_difference(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("tesla-robotaxi"))
    r.read_cell("미래현금흐름의 할인율은 12% 수준으로 가정", LOC, (), "tesla-robotaxi")
    r.read_cell("12% 할인율 적용", LOC, (), "tesla-robotaxi")
    assert differences(ex) == []
