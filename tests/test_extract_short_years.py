"""A year written short after an apostrophe ("'23년", "'23년 8월") is a date, not a duration of 23 years
(ingest/amounts.py YEAR, ingest/quantities.py _year); a span of years after one ("'10년 후", "'10년간")
stays a duration. Sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.values import find_quantities


def _periods(text: str) -> list[tuple[str, str, str]]:
    return [(q.raw, q.date_start or "", q.date_end or "") for q in find_quantities(text) if q.kind == "period"]


def test_an_apostrophe_year_is_the_whole_year():
    assert _periods("가나다전자는 '19년부터 X100 칩을 개발") == [("'19년", "2019-01-01", "2019-12-31")]


def test_an_apostrophe_year_with_its_month_is_that_month():
    assert _periods("가나다전자는 ’23년 8월 서비스를 시작") == [("’23년 8월", "2023-08-01", "2023-08-31")]


def test_an_apostrophe_year_keeps_its_part_and_bound():
    assert _periods("'29년 초까지 배치") == [("'29년 초까지", "2029-01-01", "2029-03-31")]


def test_an_apostrophe_year_is_no_duration():
    assert [q.kind for q in find_quantities("'26년에 4,650억 달러 지출") if q.kind == "duration"] == []


def test_a_span_of_years_after_an_apostrophe_stays_a_duration():
    (q,) = find_quantities("'10년 후에 바뀜")
    assert (q.kind, q.value, q.unit) == ("duration", Decimal(10), "year")
    (q,) = find_quantities("'10년간 운영")
    assert q.kind == "duration"


def test_a_four_digit_year_is_unchanged():
    assert _periods("2019년부터 개발") == [("2019년", "2019-01-01", "2019-12-31")]
