"""A figure whose subject is a country carried over from the slide title or the sentence before is
judged apart from other carried topics (rule ``text:value:country-topic``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.topic_country import country_topic

LOC = Location(10, 10, "V", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def values(ex: Extraction, kind: str) -> list[tuple]:
    return [(s.subject, s.value, s.unit, s.rule) for s in ex.statements if s.kind == kind]


def test_a_country_in_the_slide_title_owns_a_national_figure(reader):
    r, ex = reader
    r.start_slide("[참고] 일본은 전기가 모자라지 않다")
    r.read("- 지난 8월 2일 전국 최대 수요는 150GW였음.", LOC, ())
    assert values(ex, "powerDemand") == [("japan", Decimal(150000), "MW", "text:value:country-topic")]


def test_a_country_of_the_sentence_before_owns_the_next_figure(reader):
    r, ex = reader
    r.read("일본은 발전 설비가 충분함. 설비이용률은 약 41%로 낮음.", LOC, ())
    assert [(s, v, rule) for s, v, _, rule in values(ex, "share")] == [
        ("japan", Decimal(41), "text:value:country-topic")]


def test_a_firm_carried_over_keeps_its_own_rule(reader):
    r, ex = reader
    r.start_slide("[참고] 엔비디아는 전기가 모자라지 않다")
    r.read("- 전국 최대 수요는 150GW였음.", LOC, ())
    assert values(ex, "powerDemand") == [("nvidia", Decimal(150000), "MW", "text:value:slide-topic")]


@pytest.mark.parametrize(("how", "kind", "expected"), [
    ("slide-topic", "Country", "country-topic"),
    ("previous-sentence-topic", "Region", "country-topic"),
    ("block-topic", "Country", "country-topic"),
    ("clause-topic", "Country", "clause-topic"),  # marked in the sentence itself: unchanged
    ("slide-topic", "Firm", "slide-topic"),
])
def test_which_ways_become_country_topic(how, kind, expected):
    assert country_topic(how, kind) == expected
