"""Spans in number words before "만에" (petaflop/extract/values.py), the span reader's subject
(petaflop/extract/text_figures.py: a lasting span over an unnamed object, a name owning the object), and
multiples against a genitive common noun ("초봉의 10배") or a base a relative clause names."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Location
from petaflop.extract.values import find_quantities

LOC = Location(10, 10, "VI", "test slide")


@pytest.mark.parametrize(("text", "value", "raw"), [
    ("B는 동일 구간을 '한 분기'만에 주파해", 3, "'한 분기'"),
    ("입사 두 달 만에 퇴사", 2, "두 달"),
    ("단 세 달 만에 완공", 3, "단 세 달"),
])
def test_a_span_in_number_words_before_manee_is_a_duration_in_months(text, value, raw):
    got = [(q.value, q.unit, q.raw) for q in find_quantities(text) if q.kind == "duration"]
    assert got == [(Decimal(value), "month", raw)]


@pytest.mark.parametrize("text", ["한 달 분량의 데이터를 분석", "2025년 한 해에 구축된 자산", "출시 후 두 달이 지난 현재"])
def test_a_number_word_span_without_manee_is_no_quantity(text):
    assert [q for q in find_quantities(text) if q.kind == "duration"] == []


def durations(ex):
    return [(s.subject, s.value, s.unit, s.rule) for s in ex.statements if s.kind == "duration"]


def test_a_quarter_in_words_is_the_clause_topics_time_taken(text_reader):
    r, ex = text_reader
    r.read("OpenAI는 '약 8달'이 소요 Anthropic은 동일 구간을 '한 분기'만에 주파해", LOC, ())
    assert ("anthropic", Decimal(3), "month", "text:duration-took:clause-topic") in durations(ex)


def test_a_lasting_span_over_an_unnamed_object_is_the_doers(text_reader):
    r, ex = text_reader
    r.read("IgniteTech는 약 1년간 기존 직원의 80%를 교체", LOC, ())
    assert durations(ex) == [("ignitetech", Decimal(1), "year", "text:duration-took:clause-topic")]


@pytest.mark.parametrize("sentence", [
    "xAI는 2년 반이 걸리는 걸 3달 만에 변전소를 완성",  # a span taken: the unnamed thing built, not the builder
    "테슬라가 단 두 달 만에 웨이모의 서비스 지역을 포위",  # Waymo owns the object: the span is not Waymo's
    "테슬라가 단 2달 만에 웨이모의 서비스 지역을 포위",
])
def test_a_span_taken_to_bring_about_an_unnamed_object_has_no_subject(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert durations(ex) == []


def multiples(ex):
    return [(s.subject, s.value, s.metric, s.rule) for s in ex.statements if s.kind == "multiple"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("DeepSeek는 중국 일반 석사 초봉의 10배를 제시", [("deepseek", Decimal(10), "vs 초봉", "text:multiple-noun-base:named")]),
    ("Microsoft는 투자 원금의 100배라는 캡 구조", [("microsoft", Decimal(100), "캡 구조 vs 원금", "text:multiple-noun-base:named")]),
])
def test_a_genitive_common_noun_is_a_noun_base(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert multiples(ex) == expected


@pytest.mark.parametrize("sentence", [
    "미국 데이터센터 전력수요는 2030년이 되면 올해의 2배 정도에 이를 것",  # a period: the subject's own value
    "Anthropic이 보유한 기존 최대 클러스터보다 5배 더 큰 컴퓨팅 파워",  # Anthropic owns the base
])
def test_a_period_or_the_owner_of_the_base_is_no_multiple_of_a_noun_base(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [m for m in multiples(ex) if m[3].startswith("text:multiple-noun-base")] == []


def test_the_topic_before_a_relative_clause_on_the_base_is_the_subject(text_reader):
    r, ex = text_reader
    r.read("Project Rainier는 Anthropic이 보유한 기존 최대 클러스터보다 5배 더 큰 컴퓨팅 파워", LOC, ())
    assert [(s, v) for s, v, *_ in multiples(ex)] == [("project-rainier", Decimal(5))]


@pytest.mark.parametrize("sentence", [
    "알리바바 CTO는 “추론 모델은 단순 검색 모델보다 50배 많은 연산을 요구”한다고 발언.",
    "“추론 모델은 단순 검색 모델보다 50배 많은 연산을 요구”.",
])
def test_an_unnamed_topic_of_the_bases_kind_is_what_a_noun_base_comparison_measures(text_reader, sentence):
    r, ex = text_reader  # "추론 모델은 … 검색 모델보다 N배": the slide's topic (Alibaba) is not what is compared
    r.start_slide("VII. 알리바바의 도전")
    r.read(sentence, LOC, ())
    assert multiples(ex) == []


def test_a_named_topic_still_owns_a_noun_base_comparison_on_a_slide(text_reader):
    r, ex = text_reader
    r.start_slide("VII. 알리바바의 도전")
    r.read("알리바바는 투자 원금의 100배라는 캡 구조", LOC, ())
    assert multiples(ex) == [("alibaba", Decimal(100), "캡 구조 vs 원금", "text:multiple-noun-base:named")]


@pytest.mark.parametrize(("sentence", "metric"), [
    ("웨이모는 인간보다 5배 안전.", "vs 인간"),  # no noun says what is N times the base
])
def test_a_noun_base_after_a_marker_without_a_measure_stays_a_claim(text_reader, sentence, metric):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [(m[2], m[3]) for m in multiples(ex)] == [(metric, "text:multiple-noun-base:named:unsure")]
