"""Spans "within" which a named thing did something (petaflop/extract/text_within.py): "<이름> 출시 N 만에",
"<이름>(N일만에 …)" — the span right after the name, figures or number words, rule ``text:duration-within``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Location
from petaflop.extract.text_within import span_metric

LOC = Location(10, 10, "VI", "test slide")


@pytest.mark.parametrize(("sentence", "expected"), [
    # the event noun between the name and the span is where it starts, the words after "만에" the mark it reaches
    ("ChatGPT는 출시 3개월 만에 사용자 5천만 명 돌파했고", {("chatgpt", Decimal(3), "month",
                                                  "time from 출시 to 사용자 5천만 명 돌파")}),
    # a person's tenure, in number words the quantity parser does not read
    ("임원 루벤 메이어는 입사 두 달 만에 퇴사했고", {("ruben-mayer", Decimal(2), "month", "time from 입사 to 퇴사")}),
    # the span right after a quoted name or in the brackets after it
    ('xAI의 "Colossus" 세 달 만에 GPU가 늘었다', {("colossus", Decimal(3), "month", "time taken")}),
    ("변전소 1호(97일만에 준공)", {("colossus-substation-1", Decimal(97), "day", "time taken")}),
    # a quarter is three months
    ("“Claude Code” 출시 한 분기 만에 성장", {("claude-code", Decimal(3), "month", "time from 출시 to 성장")}),
])
def test_a_span_right_after_a_name_is_its_duration(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert {(s.subject, s.value, s.unit, s.metric) for s in ex.statements
            if s.rule == "text:duration-within"} == expected


def test_a_span_from_an_event_with_no_mark_read_is_a_claim(text_reader):
    r, ex = text_reader
    r.read("ChatGPT는 출시 3개월 만에, 다시", LOC, ())  # the mark is not said: what took three months is unknown
    assert [(s.value, s.rule) for s in ex.statements if s.rule.startswith("text:duration-within")] == [
        (Decimal(3), "text:duration-within:unsure")]


@pytest.mark.parametrize("sentence", [
    "테슬라가 단 두 달 만에 웨이모의 서비스 지역을 포위",  # the name stands apart: the clause readers' case
    "AI는 한 달 분량의 LIGO 데이터를 단 7분 만에 분석",
    "xAI는 2년 반이 걸리는 걸 3달 만에 변전소를 완성",
    "- 1년 만에 직원 수가 3배로 늘었다",  # no name before the span
])
def test_a_span_whose_name_stands_apart_is_not_read_here(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [s for s in ex.statements if s.rule == "text:duration-within"] == []


@pytest.mark.parametrize("sentence", [
    "xAI는 주당 50시간 근무하고, 개입이 많아지면 주당 100시간 근무하는 문화",  # a rate, not a span
    "OpenAI는 “Codex”를 7주 만에 완성. 출시 53일 동안 63만 건의 PR을 생성.",  # the unnamed launched thing's span
])
def test_a_rate_or_a_span_of_an_unnamed_thing_is_not_the_topics(text_reader, sentence):
    r, ex = text_reader
    r.start_slide("OpenAI")
    r.read(sentence, LOC, ())
    assert [(s.subject, s.value) for s in ex.statements if s.kind == "duration" and s.value in (50, 100, 53)] == []


@pytest.mark.parametrize(("frame", "metric"), [
    ("만에", "time taken"), ("내에", "time taken"), ("이 소요", "time taken"), ("가 걸", "time taken"),
    ("동안", "period"), ("간", "period"), ("에 걸쳐", "period"), ("연기", "delay"), ("지연", "delay"),
    ("출시", "출시"),
])
def test_a_span_frame_word_is_read_as_the_measure_it_frames(frame, metric):
    assert span_metric(frame) == metric


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Colossus는 메타·구글이 3년간 2 GW 규모 시설을 구축하는 계획", (Decimal(3), "year", "period")),
    ("AMD 제품의 경우 설치가 10분 안에 완료.", (Decimal(10), "minute", "time taken")),
])
def test_a_took_span_carries_a_readable_metric_not_its_frame_word(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [(s.value, s.unit, s.metric) for s in ex.statements if s.kind == "duration"] == [expected]
