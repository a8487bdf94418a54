"""A growth written as an apposition ("+93%라는 폭발적 성장"), a country before a firm's sales (their
market, not their owner) and the chapter's theme before a slide title's colon as the topic of last resort."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VIII", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def growth(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "growthRate"]


def test_a_growth_in_apposition_to_its_figure(reader):
    r, ex = reader
    r.read("엔비디아는 데이터센터 매출이 전년 대비 +93%라는 폭발적 성장을 기록.", LOC, ())
    assert growth(ex) == [("nvidia", Decimal(93), "text:relative:named")]


def test_a_country_before_a_firms_sales_is_their_market_and_the_chapter_names_the_firm(reader):
    r, ex = reader
    r.start_slide("VIII. 엔비디아: 숫자로 증명하는 성장")
    r.read("한편, 미국 정부 매출은 전년 대비 53%라는 높은 성장률을 보이며 앵커로 자리 중.", LOC, ())
    assert growth(ex) == [("nvidia", Decimal(53), "text:relative:chapter-topic")]


def test_a_title_naming_its_own_topic_after_the_colon_keeps_it(reader):
    r, ex = reader
    r.start_slide("VIII. 엔비디아: AMD의 성장")
    r.read("매출은 전년 대비 20% 증가.", LOC, ())
    assert growth(ex) == [("amd", Decimal(20), "text:relative:slide-topic")]


def test_a_block_topic_that_is_the_chapters_theme_carries_a_growth(reader):
    r, ex = reader
    r.start_slide("VIII. 엔비디아: 숫자로 증명하는 성장")
    r.read("엔비디아는 기록적인 실적을 냄.", LOC, ())
    r.read("미국 내 상업 고객 수는 전년 대비 64% 증가.", LOC, ())
    assert growth(ex) == [("nvidia", Decimal(64), "text:relative:chapter-topic")]
