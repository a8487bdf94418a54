"""Audit 11: a plan the sentence says was superseded (text_plans.py). "원래 … 출시 예정인 X를 2026년으로 … 연기": the
first date is the earlier plan (scope "earlier plan"), the date it was put off to the plan now
(``text:event-plan:put-off``). Sentences of our own."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "X", "test slide")


def _plans(ex) -> list[tuple]:
    return sorted((s.subject, s.kind, s.time.text, s.status, s.scope, s.rule) for s in ex.statements
                  if s.rule.startswith("text:event-plan"))


@pytest.mark.parametrize(("sentence", "expected"), [
    ("AMD는 원래 2025년 하반기 출시 예정인 MI450 칩을 2026년으로 6개월 연기.",
     [("amd-mi450", "releaseDate", "2025-H2", "planned", "earlier plan", "text:event-plan"),
      ("amd-mi450", "releaseDate", "2026", "planned", "", "text:event-plan:put-off")]),
    ("AMD는 2025년 하반기 출시 예정인 MI450 칩의 출시를 미뤄.",
     [("amd-mi450", "releaseDate", "2025-H2", "planned", "earlier plan", "text:event-plan")]),
    ("당초 2026년 2월 출시 예정인 Ascend 910D 소식.",
     [("huawei-ascend-910d", "releaseDate", "2026-02", "planned", "earlier plan", "text:event-plan")]),
    # no putting off: the plan stands; "지연 시간" is a latency
    ("2026년 2월 출시 예정인 Ascend 910D는 지연 시간이 짧아.",
     [("huawei-ascend-910d", "releaseDate", "2026-02", "planned", "", "text:event-plan")]),
])
def test_a_plan_put_off_is_the_earlier_plan(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert _plans(ex) == expected


def test_a_first_goal_after_the_name_is_the_earlier_plan(text_reader):
    r, ex = text_reader
    r.read("DeepSeek R2는 당초 5월 초 출시를 목표로 했던 것으로 보임.", LOC, ())
    assert [(s.subject, s.time.text, s.status, s.scope) for s in ex.statements if s.kind == "releaseDate"] == \
        [("deepseek-r2", "2025-05", "target", "earlier plan")]
