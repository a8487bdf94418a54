"""Adoption (text_adopt): an organisation that adopts a firm's product is the firm's customer — and
the look-alikes that say no such thing (a plan, a product with no maker in the genitive)."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "X", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def customers(ex: Extraction) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity and f.predicate == "customerOf")


def test_an_organisation_adopting_a_firms_system_is_its_customer(reader):
    r, ex = reader
    r.read("NATO는 엔비디아의 최신 AI 시스템인 “DGX Cloud”를 채택하며 도입을 알림.", LOC, ())
    assert customers(ex) == [("nato", "nvidia", "text:customer")]


def test_a_firms_platform_introduced_by_a_firm(reader):
    r, ex = reader
    r.read("HCA 헬스케어가 AMD의 플랫폼을 도입했음.", LOC, ())
    assert customers(ex) == [("hca-healthcare", "amd", "text:customer")]


@pytest.mark.parametrize("sentence", [
    "NATO는 엔비디아의 플랫폼을 도입할 계획.",  # a plan is no purchase
    "NATO는 새 플랫폼을 도입.",  # no maker named
    "NATO는 엔비디아의 경쟁력을 높이 평가하며, 다른 플랫폼을 도입.",  # another clause, another thing
])
def test_look_alikes_name_no_customer(reader, sentence):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert customers(ex) == []


def test_names_the_customer_base_grew_into_are_customers_of_the_topic(reader):
    r, ex = reader
    r.read("AMD는 국방부뿐만 아니라 NIH, NHS와 같은 공공 분야로 고객을 확장.", LOC, ())
    assert customers(ex) == [("national-health-service", "amd", "text:customer"),
                             ("national-institutes-of-health", "amd", "text:customer"),
                             ("us-department-of-defense", "amd", "text:customer")]


def test_an_adopted_product_named_after_its_description(reader):
    r, ex = reader
    r.read("NATO는 팔란티어의 최첨단 AI 시스템인 “MSS(Maven Smart System) NATO”를 채택하며 도입을 알림.", LOC, ())
    assert customers(ex) == [("nato", "palantir", "text:customer")]
