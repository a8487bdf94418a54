"""Statuses from "…할 것" (wave 33, task S): after an agent's act a plan, after a verb of what happens or a
state a forecast, in a figure's own clause and in the sentence a reader reads a multiple in; "…ㄹ 것으로"
after any verb is expected; a reckoning closing the clause is an estimate; a purpose ("…하기에 충분") is of
the figure right before it; a condition of operation before the figure plans it.
Sentences are our own (in the report's style)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Location
from petaflop.extract.prose_status import prose_status
from petaflop.extract.text_frames import status_of_words

LOC = Location(10, 10, "VI", "test slide")


def _raw(line: str, figure: str) -> str:
    """The window a prose reader keeps: 20 characters before the figure, the figure, 8 after."""
    at = line.index(figure)
    return line[max(0, at - 20):at + len(figure) + 8].strip()[:60]


@pytest.mark.parametrize(("words", "status"), [
    ("연말까지 20만 개의 GPU를 가동할 것", "planned"),        # an agent's act
    ("내년 텍사스에 2GW 캠퍼스를 건설할 것.", "planned"),
    ("과거 100년의 발전이 10년 단위로 압축되어 발생할 것", "forecast"),  # what happens
    ("지금은 그 수 배에 달할 것.", "forecast"),
    ("V15는 10배 안전할 것", "forecast"),                      # a state
    ("운영체제 역할이 부상할 것입니다", "forecast"),
    ("성장의 촉매제 역할을 할 것", "forecast"),
    ("올해 매출은 10억 달러를 밑돌 것으로 보이나", "forecast"),  # "…ㄹ 것으로" after any verb
    ("수요가 증가할 것으로 예상", "forecast"),
])
def test_will_after_an_act_is_a_plan_and_after_what_happens_a_forecast(words, status):
    assert status_of_words(words) == status


def test_a_figure_whose_clause_closes_on_what_happens_is_a_forecast_and_on_an_act_a_plan():
    reach = "- 티켓 값은 1,000억 달러였음. 지금은 3,000억 달러에 달할 것."
    assert prose_status(reach, _raw(reach, "3,000억 달러"), False) == "forecast"
    build = "- Acme는 내년 텍사스에 2GW 캠퍼스를 건설할 것."
    assert prose_status(build, _raw(build, "2GW"), False) == "planned"
    below = "- 올해 매출은 10억 달러를 밑돌 것으로 보이나, 이후 성장 가능."
    assert prose_status(below, _raw(below, "10억 달러"), False) == "forecast"


def test_a_reckoning_closing_the_figures_clause_is_an_estimate():
    line = "- 매달 1,000조 개 토큰 처리. 年 20억 달러의 잠재 매출 추정(가정). 판도를 바꿀 것."
    assert prose_status(line, _raw(line, "20억 달러"), False) == "estimate"
    done = "- 매달 1,000조 개 토큰 처리. 추정 방식은 다양함."
    assert prose_status(done, _raw(done, "1,000조 개"), False) == ""


def test_a_purpose_is_of_the_figure_right_before_it_and_a_condition_of_operation_plans():
    line = "- 29기 가스 터빈이 생성하는 약 1 GW 전력은 50만 개의 GB200 NVL72를 구동하기에 여유"
    assert prose_status(line, _raw(line, "29기"), False) == ""  # the turbines there are
    assert prose_status(line, _raw(line, "50만 개"), False) == "planned"  # the chips the power is sized for
    site = "- 이 곳만으로도 약 1.2GW 전력을 수용할 수 있도록 설계"
    assert prose_status(site, _raw(site, "1.2GW"), False) == "planned"
    once = "- 29기 전체가 가동되면 총 약 1,000 MW를 생산해 전력을 공급하게 됨."
    assert prose_status(once, _raw(once, "1,000 MW"), False) == "planned"
    assert prose_status(once, _raw(once, "29기"), False) == ""


def test_a_multiple_in_a_sentence_that_closes_on_what_happens_is_a_forecast(text_reader):
    r, ex = text_reader
    r.read("B200은 사람보다 2~3배, B300은 10배 안전할 것", LOC, ())
    got = [(s.subject, s.kind, s.value, s.status) for s in ex.statements if s.kind == "multiple"]
    assert ("nvidia-b200", "multiple", Decimal(2), "forecast") in got


def test_a_multiple_in_a_sentence_that_closes_on_an_act_stays_planned(text_reader):
    r, ex = text_reader
    r.read("B200은 사람보다 3배, B300은 10배 빠르게 설계할 것", LOC, ())
    got = [(s.subject, s.kind, s.value, s.status) for s in ex.statements if s.kind == "multiple"]
    assert ("nvidia-b200", "multiple", Decimal(3), "planned") in got
