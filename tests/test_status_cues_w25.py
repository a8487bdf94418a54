"""Status cues of wave 25 (petaflop.extract.text_frames ``status_of_words``): a figure on completion is a plan,
the terms of a measure put under review are planned, a hedge ("…될 수도 있음") is a forecast. Sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.text_frames import status_of_words

LOC = Location(10, 10, "VI", "test slide")


def test_a_figure_on_completion_is_planned():
    assert status_of_words("가나다 데이터센터 2단계 완공 시, 3 GW 전력을 공급") == "planned"
    assert status_of_words("라마 클러스터가 완료되면 8만 개의 GPU를 갖춤") == "planned"
    assert status_of_words("바사 공장 완성하면 월 4만 장 생산") == "planned"


def test_the_time_of_completion_is_no_plan():
    assert status_of_words("가나다 캠퍼스 완료 시점은 작년 3월, 1 GW 가동") == ""
    assert status_of_words("공사를 완료했으며 2 GW 가동") == ""


def test_the_terms_of_a_measure_put_under_review_are_planned(text_reader):
    r, ex = text_reader
    r.read("미국은 UAE가 연간 7만 개의 GPU를 수입할 수 있게 하는 '수출 쿼터'를 검토.", LOC, ())
    r.read("미국은 UAE가 연간 3만 개의 GPU를 수입할 수 있게 하는 '수출 쿼터'를 승인.", LOC, ())
    got = sorted((s.value, s.status) for s in ex.statements if s.rule == "text:measure-term")
    assert got == [(Decimal(30000), "actual"), (Decimal(70000), "planned")]


def test_a_review_is_no_cue_for_other_figures():
    # "검토" is read for a measure's terms only: a price said in a sentence about a review keeps its words
    assert status_of_words("가나다는 연 $500 요금제를 검토") == ""


def test_a_hedged_figure_is_a_forecast():
    assert status_of_words("연내에 50만 개 생산이 가능할 수도 있음") == "forecast"
    assert status_of_words("가나다 칩은 5천 개가 구축될 수도 있다") == "forecast"
    assert status_of_words("이 칩은 5천 개를 처리할 수 있음") == ""
