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


def results(ex) -> list[tuple]:
    return [(s.subject, s.kind, s.value, s.unit, s.time.text if s.time else None, s.rule)
            for s in ex.statements if s.rule.startswith("text-money:")]


def test_a_firm_written_right_before_its_revenue_noun_owns_the_figure(text_reader):
    r, ex = text_reader
    r.read("팔란티어 2024년 전체 매출 : 약 28.7억 달러", LOC, ())
    r.read("엔비디아 FY2023 매출: 약 40.8억 달러", LOC, ())
    assert results(ex) == [("palantir", "revenue", 2870000000, "USD", "2024", "text-money:results:named"),
                           ("nvidia", "revenue", 4080000000, "USD", "2023", "text-money:results:named")]


def test_a_firm_followed_by_another_word_before_the_noun_owns_nothing_by_juxtaposition(text_reader):
    r, ex = text_reader
    r.read("팔란티어 고객 매출 : 약 28.7억 달러", LOC, ())
    assert [x for x in results(ex) if x[-1].endswith(":named")] == []
