"""A lower-bound mark between a number and its counter ("350+명", "약 2천 여 대"): the number is a count
(petaflop/extract/count_bounds.py, through petaflop/extract/values.py)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.values import find_quantities


def test_a_plus_before_the_counter_makes_a_count_of_at_least_n():
    q = next(x for x in find_quantities("2024년 기준 120+명, 연구 인원 60%") if x.kind != "period")
    assert (q.kind, q.value, q.counter, q.raw, "lowerBound" in q.qualifiers) == ("count", Decimal(120), "명", "120+명", True)


def test_yeo_and_a_space_before_the_counter_make_a_count():
    (q,) = find_quantities("GPU 약 3천 여 대 운영")
    assert (q.kind, q.value, q.counter) == ("count", Decimal(3000), "대")


def test_a_bound_mark_with_no_counter_after_it_stays_a_number():
    (q,) = find_quantities("350+ 모델")
    assert (q.kind, q.value) == ("number", Decimal(350))


def test_a_counter_word_that_runs_on_is_not_a_counter():
    (q,) = find_quantities("350+ 대형 모델")
    assert q.kind == "number"
