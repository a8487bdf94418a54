"""Spans of time read by a cue of taking the lexicon's label reads first ("4-5시간 소요되던"), and a lag behind
a rival said by comparison ("구글보다 15년 늦게 시작"). Sentences are our own, in the report's style."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.text_figures import took_rule

LOC = Location(10, 10, "IV", "test slide")


def _durations(ex):
    return sorted((s.subject, s.value, s.high, s.unit, s.rule) for s in ex.statements if s.kind == "duration")


def test_a_span_read_by_the_label_of_taking_is_the_span_readers_construction(text_reader):
    r, ex = text_reader
    r.read("반면 AMD는 복잡한 설정을 거쳐야 해 최소 30분 소요.", LOC, ())
    assert _durations(ex) == [("amd", Decimal(30), None, "minute", "text:duration-took:clause-topic")]


def test_a_shortened_task_states_both_spans_of_the_slides_topic(text_reader):
    r, ex = text_reader
    r.start_slide("[참고] 금융 시장의 교두보: “Claude Financial Services”")
    r.read("- 금융 분석을 수행. 4-5시간 소요되던 분석 업무를 30분 내로 단축.", LOC, ())
    assert _durations(ex) == [
        ("claude-for-financial-services", Decimal(4), Decimal(5), "hour", "text:duration-took:slide-topic"),
        ("claude-for-financial-services", Decimal(30), None, "minute", "text:duration-took:slide-topic")]


def test_other_labels_and_ways_keep_the_value_readers_rule():
    assert took_rule("text", "duration", "value", "clause-topic", "리드타임") is None  # a label, no cue of taking
    assert took_rule("text", "duration", "value", "genitive", "소요") is None  # not a way the span reader knows
    assert took_rule("text", "share", "value", "clause-topic", "소요") is None
    assert took_rule("text-cell", "duration", "value", "sentence-topic", "소요") == "text:duration-took:clause-topic"
    assert took_rule("text-cell", "duration", "value-after", "slide-topic", "소요") == "text-cell:duration-took:slide-topic"


def test_a_lag_behind_each_rival_said_by_comparison_is_a_gap_of_the_topic(text_reader):
    r, ex = text_reader
    r.start_slide("[참고] xAI는 반년에 한 번씩 새 모델을 출시 중")
    r.read("구글보다 15년 늦게, OpenAI보다 7년 늦게 시작했다… 그럼에도 xAI는 1티어", LOC, ())
    assert _durations(ex) == [("xai", Decimal(7), None, "year", "text:duration-gap"),
                              ("xai", Decimal(15), None, "year", "text:duration-gap")]
    # each gap names the rival it is measured against (audit of wave 38: "7 years late" alone is unreadable)
    assert {(s.value, s.metric) for s in ex.statements if s.kind == "duration"} == {
        (Decimal(15), "격차: 늦게 시작 vs 구글"), (Decimal(7), "격차: 늦게 시작 vs OpenAI")}


def test_a_lag_needs_the_rival_and_a_verb_of_the_side(text_reader):
    r, ex = text_reader
    r.read("중국은 미국보다 3년 늦게 진입했다.", LOC, ())
    r.read("미국보다 3년 늦게 출시된 칩은 성능이 낮다.", LOC, ())  # the chip's launch: no side is the subject
    r.read("중국은 3년 늦게 진입했다.", LOC, ())  # no rival named: no gap between two sides
    assert _durations(ex) == [("china", Decimal(3), None, "year", "text:duration-gap")]
    assert [s.metric for s in ex.statements if s.kind == "duration"] == ["격차: 늦게 진입 vs 미국"]


def test_the_length_of_a_task_the_subject_does_is_its_span(text_reader):
    r, ex = text_reader
    r.read("GPT-5는 인간이라면 최대 4.5시간이 걸렸을 작업을 50% 확률로 성공", LOC, ())
    assert [(s.subject, s.value, s.unit, s.rule, s.metric) for s in ex.statements if s.kind == "duration"] == [
        ("gpt-5", Decimal("4.5"), "hour", "text:duration-took:clause-topic", "task length")]


def test_a_span_of_an_unnamed_thing_built_is_still_not_the_topics(text_reader):
    r, ex = text_reader
    r.read("xAI는 2년이 걸렸을 변전소를 3달 만에 완성.", LOC, ())  # the substation's usual span, no task
    assert (Decimal(2), "year") not in [(s.value, s.unit) for s in ex.statements if s.kind == "duration"]
