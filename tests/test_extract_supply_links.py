"""Supply and customer links on sentences of our own (task D, wave 22): a recipient named by one example
("A와 같은 <kind>에 제공") — and look-alikes that name no customer."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("text, expected", [
    # the supplier marked as the clause's topic
    ("엔비디아는 신형 GPU를 메타에 공급하게 됨.", {("nvidia", "meta")}),
    # no marked supplier: two names joined by 와 share the part of the recipients
    ("스위치 공급은 이제 브로드컴과 Marvell에 의존.", set()),
    # a genitive of another noun is no supplier
    ("인텔의 이탈로 스위치 공급은 Marvell에 의존.", set()),
])
def test_a_supplier_is_marked_as_the_clauses_subject_or_topic(mined, text, expected):
    assert {(s, o) for s, p, o, r in mined(text) if r == "relation:supply"} == expected


@pytest.mark.parametrize("text, expected", [
    # the thing's supply rests on the firms listed before "에 의존": each supplies it
    ("H20 공급은 이제 삼성과 인텔에 의존해야 함.", [("nvidia-h20", "intel"), ("nvidia-h20", "samsung-electronics")]),
    ("H20 공급은 삼성, 인텔 등에 의존.", [("nvidia-h20", "intel"), ("nvidia-h20", "samsung-electronics")]),
    # negated, a degree of reliance, a possibility, a list with a country, a genitive of another noun: none
    ("H20 공급은 인텔에 의존하지 않음.", []),
    ("H20 공급은 인텔에 대한 의존도가 높음.", []),
    ("H20 공급을 인텔에 의존할 수도 있음.", []),
    ("H20 공급은 인텔과 영국에 의존.", []),
    ("H20 공급은 인텔의 공장에 의존.", []),
])
def test_a_things_supply_resting_on_firms_is_supplied_by_them(text_reader, text, expected):
    r, ex = text_reader
    r.read(text, LOC, ())
    assert [(s, o) for s, o, rule in links(ex, "suppliedBy") if rule == "text:supply:from"] == expected
