"""Wave 18, area F: a multiple right after a from-to pair ("A에서 B로 N배 증가") is the ratio of the pair — the
same subject's change, one rule ``text:multiple-from-to`` (petaflop/extract/text_pair_multiple.py), only when
the pair's figures make the multiple. Sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def _multiples(ex) -> set[tuple]:
    return {(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "multiple"}


def test_the_multiple_of_a_pair_is_the_pairs_subjects(text_reader):
    r, ex = text_reader
    r.read("SMIC는 2년 만에 직원 수 2,000명에서 6,000명으로 3배 증가.", LOC, ())
    assert _multiples(ex) == {("smic", Decimal(3), "text:multiple-from-to")}


def test_a_pair_of_shares_and_an_approximate_multiple(text_reader):
    r, ex = text_reader
    r.read("CM384의 수율이 15%에서 45%로 약 세 배 향상.", LOC, ())
    assert _multiples(ex) == {("huawei-cloudmatrix384", Decimal(3), "text:multiple-from-to")}
    assert next(s for s in ex.statements if s.kind == "multiple").approximate


def test_a_rate_pair_with_a_date_aside(text_reader):
    r, ex = text_reader
    r.read("SMIC는 제조능력을 3GW/년 → 6GW/년(2027년 말)로 두 배 증설하고 있음", LOC, ())
    assert ("smic", Decimal(2), "text:multiple-from-to") in _multiples(ex)


def test_a_multiple_the_pair_does_not_make_is_not_the_pairs(text_reader):
    r, ex = text_reader
    r.read("SMIC는 직원 수 2,000명에서 6,000명으로 10배 증가.", LOC, ())
    assert all(rule != "text:multiple-from-to" for _, _, rule in _multiples(ex))
