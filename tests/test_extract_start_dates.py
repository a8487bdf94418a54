"""The date a named thing starts or stops something, read from its own clause (petaflop/extract/text_starts.py):
synthetic sentences of our own."""

from __future__ import annotations

from petaflop.extract.facts import Location

LOC = Location(10, 10, "IV", "test slide")


def starts(ex) -> list[tuple]:
    return [(s.subject, s.time.text, s.status) for s in ex.statements if s.rule == "text:start-date"]


def test_the_topic_starts_at_the_date_of_its_clause(text_reader):
    r, ex = text_reader
    r.read("Grok 5는 9월부터 훈련 돌입.", LOC, ())
    r.read("xAI는 '23년 8월 SF에서 서비스를 시작한 이후 성장.", LOC, ())
    assert starts(ex) == [("grok-5", "2025-09", "actual"), ("xai", "2023-08", "actual")]


def test_a_planned_start_is_planned_and_a_bound_or_a_delay_is_no_start(text_reader):
    r, ex = text_reader
    r.read("xAI는 2026년 1월에 시험 생산 시작 예정.", LOC, ())
    r.read("Grok 5는 9월까지 훈련을 중단하지 않음.", LOC, ())
    r.read("Grok 5는 9월에 훈련 시작이 연기됨.", LOC, ())
    assert starts(ex) == [("xai", "2026-01", "planned")]


def test_a_place_and_a_parenthesised_alias_may_stand_between_the_topic_and_the_date(text_reader):
    r, ex = text_reader
    r.read("구글의 웨이모(Waymo)는 애틀랜타에서 지난 6월 24일부터 Uber와 협력해 상용 서비스를 개시.", LOC, ())
    assert starts(ex) == [("waymo", "2025-06-24", "actual")]



def test_a_sentence_marking_no_topic_stops_at_the_date_for_the_topic_carried_on(text_reader):
    r, ex = text_reader
    r.read("Moonshot은 B2C에 집중한 기업. 그러나, 경쟁사 출현에 충격 받아 올해 2월 광고를 중단.", LOC, ())
    assert starts(ex) == [("moonshot-ai", "2025-02", "actual")]


def test_a_carried_topic_is_not_read_when_the_sentence_marks_its_own(text_reader):
    r, ex = text_reader
    r.read("Moonshot은 B2C에 집중한 기업. 그러나, xAI가 올해 2월 광고를 중단.", LOC, ())
    r.read("Moonshot은 B2C에 집중한 기업. 이 회사의 수익은 2월에 급감, 3월에 서비스 중단.", LOC, ())
    assert [s for s in starts(ex) if s[0] == "moonshot-ai"] == []
