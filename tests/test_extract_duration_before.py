"""Audit 16: the span a task used to take ("4-5시간 소요되던 업무를 30분 내로 단축", "기존 5~10년에서 1~2년으로")
is the baseline the subject replaced, not its own span: scope "earlier value"; the figure it was cut to is left alone
(duration_before.py). Sentences of our own, in the report's style."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.duration_before import is_before_value, settle_before_durations
from petaflop.extract.facts import Extraction, Location, Statement


def _span(value: str, unit: str, high: str | None = None) -> Statement:
    return Statement("x", "duration", Location(1, 1, "III", "s"), "text:duration-took:slide-topic", Decimal(value),
                     high=Decimal(high) if high else None, unit=unit, metric="time taken")


def test_a_span_that_used_to_be_taken_is_the_baseline_and_the_new_one_the_subjects():
    line = "- 가상 협업자: 4-5시간 소요되던 분석 업무를 30분 내로 단축."
    ex = Extraction()
    ex.statements = [_span("4", "hour", "5"), _span("30", "minute")]
    assert settle_before_durations(ex, [line]) == 1
    assert [st.scope for st in ex.statements] == ["earlier value", ""]


def test_an_old_figure_of_a_change_and_a_span_still_taken():
    assert is_before_value("신약 개발 기간을 기존 5~10년에서 1~2년으로 단축", Decimal(5), "year")
    assert not is_before_value("신약 개발 기간을 기존 5~10년에서 1~2년으로 단축", Decimal(1), "year")
    assert is_before_value("보통 3일이 걸리던 검토를 1시간 만에 완료", Decimal(3), "day")
    assert not is_before_value("설치에는 최소 30분 소요.", Decimal(30), "minute")  # what it takes now
    assert not is_before_value("10년간 유지해왔던 설계는 폐기", Decimal(10), "year")  # a span kept, no taking


def test_a_span_once_believed_is_the_earlier_value():
    # audit 26 n=40: "a gap once thought over a year has narrowed to six months" — the year is the earlier value
    line = "- 일본과 2년 이상 벌어졌다고 여겨졌던 반도체 기술 격차가 1년 이내로 좁혀졌다는 분석."
    assert is_before_value(line, Decimal(2), "year")
    assert not is_before_value(line, Decimal(1), "year")
    assert not is_before_value("격차는 2년 이상 벌어졌다고 평가.", Decimal(2), "year")  # a belief of now
