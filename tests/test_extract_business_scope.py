"""A margin, revenue or cost whose sentence names the business it is of ("추론 서비스에서의 총마진율", "클라우드
사업의 매출") keeps that business as its scope (part_scope.business_scope), never the firm's whole figure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Location
from petaflop.extract.part_scope import business_scope

LOC = Location(10, 10, "VI", "test slide")


@pytest.mark.parametrize(("text", "word", "scope"), [
    ("Anthropic은 추론(Inference) 서비스에서의 총마진율은 60% 이상", "총마진율", "추론(Inference) 서비스"),
    ("가나다는 클라우드 사업의 매출이 20% 증가", "매출", "클라우드 사업"),
    ("가나다의 데이터센터 부문 매출은 30억 달러", "매출", "데이터센터 부문"),
    ("가나다의 매출은 30억 달러", "매출", ""),  # the firm's own
    ("가나다는 서비스 매출 10억 달러", "매출", ""),  # no business named
])
def test_the_business_before_a_metric_word_is_its_scope(text, word, scope):
    assert business_scope(text, text.index(word)) == scope


def test_a_margin_of_a_service_is_scoped_by_it(text_reader):
    r, ex = text_reader
    r.read("Anthropic은 추론 서비스에서의 총마진율은 60% 이상으로 추정.", LOC, ())
    got = [(s.subject, s.kind, s.value, s.scope) for s in ex.statements if s.kind == "grossMargin"]
    assert got == [("anthropic", "grossMargin", Decimal(60), "추론 서비스")]
