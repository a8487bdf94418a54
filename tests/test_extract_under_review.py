"""A figure the report says is only under review ("→ 4 GW 수준으로 축소 검토중") is a claim, neither a plan nor a
target (under_review.py) — on invented text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.parser import parse_text
from petaflop.extract.gate import is_unsure
from petaflop.extract.pipeline import extract
from petaflop.extract.under_review import reviewed_values

TABLE = "\n".join([
    "Stargate 비용 구조(TCO)",
    "단계/구분\t비용 항목\t금액(USD)\t세부 내용·가정",
    "1단계 (Stargate I · 0.9 GW)\t부지 CAPEX\t77\t0.9 GW 변전소 등",
    "장기 청사진\tTCO 목표\t4000\t8 GW(16개 캠퍼스) → 4 GW 수준으로 1차 축소 검토중",
])


@pytest.mark.parametrize(("text", "values"), [
    ("8 GW(16개 캠퍼스) → 4 GW 수준으로 1차 축소 검토중", {Decimal(4000)}),  # the 8 GW and 16 are the plan's
    ("가나다는 5억 달러 추가 투자를 고려 중", {Decimal(500000000)}),
    ("연간 30만 개 수입을 허용하는 쿼터를 재검토하고 있음", {Decimal(300000)}),
    ("3 GW를 가동 중이며, 증설을 검토", set()),  # the review is another clause's
    ("3 GW 증설 계획", set()),
    ("5 GW 규모의 검토 결과를 발표", set()),
])
def test_the_figures_whose_own_words_say_they_are_under_review(text, values):
    assert reviewed_values(text) == values


def test_a_figure_under_review_is_a_claim_and_the_one_it_would_replace_is_not():
    ex = extract(parse_text("IV. 시험 장: 인프라\n\n" + TABLE + "\n\n자료: 가나다리서치\n"))
    power = {(st.value, is_unsure(st.rule)) for st in ex.statements
             if st.kind == "powerCapacity" and st.location.line_start == 6}
    assert power == {(Decimal(8000), False), (Decimal(4000), True)}
    facts = {(str(f.obj), is_unsure(f.rule)) for f in ex.facts
             if f.predicate == "powerCapacityMW" and f.location.line_start == 6}
    assert facts == {("8000", False), ("4000", True)}


def test_the_terms_of_a_trade_measure_under_review_stay_planned():
    text = "IV. 시험 장: 규제\n\n- 미국 정부는 UAE가 연간 30만 개의 GPU를 수입할 수 있게 하는 '수출 쿼터'를 검토\n"
    ex = extract(parse_text(text))
    reviewed = [st for st in ex.statements if st.value == Decimal(300000)]
    assert reviewed and not any(is_unsure(st.rule) for st in reviewed)
