"""The number parser (ingest/amounts.py, ingest/quantities.py) on constructions of our own: a unit never
swallows the first syllable of the next word, a span of years may write its end short, a multiplier
written without digits is read right before a unit (never in a column's unit note), vague amounts
keep no value."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.quantities import find_quantities


def _one(text: str) -> tuple:
    (q,) = find_quantities(text)
    return q.raw, q.kind, q.value, q.unit


@pytest.mark.parametrize(("text", "expected"), [
    ("가나다는 7억 달러 기업 가치를", ("7억 달러", "money", Decimal(700000000), "USD")),
    ("30억원 건물", ("30억원", "money", Decimal(3000000000), "KRW")),
    ("전력 효율 4배 개선", ("4배", "multiple", Decimal(4), "x")),
    ("150개 기업이", ("150개", "count", Decimal(150), "count")),
    ("2주일 만에", ("2주일", "duration", Decimal(2), "week")),
])
def test_a_unit_does_not_take_the_next_words_first_syllable(text, expected):
    assert _one(text) == expected


def test_a_range_keeps_the_unit_after_its_second_end():
    (q,) = find_quantities("3~6억 달러 기업")
    assert (q.raw, q.low, q.high, q.unit) == ("3~6억 달러", Decimal(300000000), Decimal(600000000), "USD")


@pytest.mark.parametrize(("text", "start", "end"), [
    ("2027~28년, 출시 목표", "2027-01-01", "2028-12-31"),
    ("2024~26년간 투자", "2024-01-01", "2026-12-31"),
    ("2024~2026년", "2024-01-01", "2026-12-31"),
])
def test_a_span_of_years_may_write_its_end_short(text, start, end):
    (q,) = find_quantities(text)
    assert (q.kind, q.value, q.date_start, q.date_end) == ("period", None, start, end)


@pytest.mark.parametrize(("text", "expected"), [
    ("차량을 “백만 대”로", ("백만 대", "count", Decimal(1000000), "count")),
    ("천만 달러를 투자", ("천만 달러", "money", Decimal(10000000), "USD")),
    ("십억 원에서", ("십억 원", "money", Decimal(1000000000), "KRW")),
    ("천 억 달러 이상의 거래", ("천 억 달러 이상", "money", Decimal(100000000000), "USD")),
])
def test_a_multiplier_without_digits_before_a_unit_is_an_amount(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text", ["백만장자가 되었다", "천만에요", "매출 (십억 달러)", "(단위: 백만 달러)",
                                  "투자 금액(백만달러)"])
def test_a_multiplier_word_that_is_no_amount_is_not_read(text):
    assert find_quantities(text) == []


def test_a_vague_amount_keeps_no_value():
    (q,) = find_quantities("차량 수천 대 규모")
    assert (q.value, q.low, q.high, sorted(q.qualifiers)) == (None, Decimal(1000), Decimal(10000), ["vague"])
