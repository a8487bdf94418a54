"""Wave 30, task J: dates of a plan's clause (text_plans.py), rule ``text:event-plan``.

* Before the head of a relative: "내년 목표인 X" (a goal by its date alone: a release), "…까지 … 완성을 목표로
  하는 이 프로젝트" (an anaphor: the topic), "출시 예정인 X" (moved here from ``text:event-before``).
* After the clause's topic: "X 프로젝트는 '29년 초까지 실전 배치를 목표로" (a deadline is the plan's date).
* A thing of a class the kind does not allow, a firm as the anaphor's topic, a past or bare date: nothing.
Sentences of our own."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "X", "test slide")


def _plans(ex) -> list[tuple]:
    return sorted((s.subject, s.kind, s.time.text, s.status) for s in ex.statements if s.rule == "text:event-plan")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("한편, AMD의 내년 목표인 MI450 아키텍처의 핵심은 스위치.", [("amd-mi450", "releaseDate", "2026", "target")]),
    ("2026년 2월 출시 예정인 차세대 Ascend 910D 소식.", [("huawei-ascend-910d", "releaseDate", "2026-02", "planned")]),
    ("골든돔 프로젝트는 '29년 초까지 실전 배치를 목표로 하며, 예산은 미정.",
     [("golden-dome", "operationDate", "2029-Q1", "target")]),
    ("MI450은 2027년 양산 목표.", [("amd-mi450", "releaseDate", "2027", "target")]),
    # a programme is no chip: its release is not read; a past date is no plan's
    ("골든돔 프로젝트는 2027년 출시 목표.", []),
    ("AMD의 2024년 목표였던 MI450 칩.", []),
    # a bound that is not a deadline
    ("MI450은 2027년 이후 양산 목표.", []),
])
def test_a_plans_clause_dates_its_thing(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert _plans(ex) == expected


def test_an_anaphor_after_the_plan_is_the_topic(text_reader):
    r, ex = text_reader
    r.read("‘Future of Shipyard’ 프로젝트는 조선소를 잇는 것이 핵심. 2030년까지 자율 조선소 완성을 목표로 하는 "
           "이 프로젝트가 완료되면 생산성 향상.", LOC, ())
    assert _plans(ex) == [("future-of-shipyard", "completionDate", "2030", "target")]


@pytest.mark.parametrize("text", [
    "엔비디아는 새 칩을 공급하게 됨. 27년 가동 목표인 이 슈퍼컴퓨터는 차세대 제품.",
    # a platform carried as the topic is no project
    "온톨로지는 데이터를 잇는 층. 2030년까지 조선소 완성을 목표로 하는 이 프로젝트가 끝나면 생산성 향상.",
])
def test_an_anaphor_of_a_topic_of_another_class_gets_no_date(text_reader, text):
    r, ex = text_reader
    r.read(text, LOC, ())
    assert _plans(ex) == []
