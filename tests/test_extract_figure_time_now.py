"""When a figure holds (wave 27): "현재" opening a sentence is the report's year, a date opening a short
sentence without a comma frames it, a fiscal year ("FY2023") is a year, and a span of years in a policy
item dates its counts. Sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from ingest.quantities import find_quantities
from petaflop.extract.facts import Location

LOC = Location(10, 10, "IV", "test slide")


def _dated(ex, kind: str) -> dict[Decimal, str | None]:
    return {s.value: (s.time.text if s.time else None) for s in ex.statements if s.kind == kind}


def test_now_opening_a_sentence_is_the_reports_year(text_reader):
    r, ex = text_reader
    r.read("- 현재 삼성 SF2의 추정 수율은 40~45%.", LOC, ())
    assert _dated(ex, "yield") == {Decimal(40): "2025"}


def test_now_elsewhere_or_so_far_dates_nothing(text_reader):
    r, ex = text_reader
    r.read("삼성 SF2의 수율은 현재 40%.", LOC, ())
    r.read("- 현재까지 xAI의 누적 매출은 30억 달러.", LOC, ())
    assert _dated(ex, "yield") == {Decimal(40): None}
    assert _dated(ex, "revenue") == {Decimal("3E+9"): None}


def test_a_date_opening_a_short_sentence_dates_its_later_clause(text_reader):
    r, ex = text_reader
    r.read("2024년 3월 xAI는 시리즈 B에서 3억 달러 조달, 기업가치 33억 달러.", LOC, ())
    r.read("2023년 Anthropic은 매출 10억 달러, 점유율 30%.", LOC, ())
    assert _dated(ex, "valuation") == {Decimal("3.3E+9"): "2024-03"}
    assert _dated(ex, "marketShare") == {Decimal(30): "2023"}


def test_a_date_opening_a_short_sentence_dates_the_figures_past_another(text_reader):
    r, ex = text_reader
    r.read("- xAI는 최근 딜이 지연. 올해 매출 전망이 20억 달러 이상에서 5억 달러 이상으로 75% 급감.", LOC, ())
    assert _dated(ex, "revenue") == {Decimal("2E+9"): "2025", Decimal("5E+8"): "2025"}
    assert _dated(ex, "growthRate") == {Decimal(-75): "2025"}


def test_a_date_opening_a_long_sentence_or_a_bound_frames_nothing(text_reader):
    r, ex = text_reader
    r.read("지난 6월 초 xAI가 블로그에 밝힌 것을 토대로, 비용(약 2달러), 처리량을 가정하고, "
           "ChatGPT의 구독료인 월 20달러로 덮을 수 있음.", LOC, ())
    r.read("2026년까지 xAI는 매출 10억 달러, 점유율 30%를 목표.", LOC, ())
    assert _dated(ex, "unitPrice") == {Decimal(20): None}
    assert _dated(ex, "marketShare") == {Decimal(30): None}


def test_a_fiscal_year_is_the_year_it_names():
    assert [(q.raw, q.date_start, q.date_end, q.qualifiers) for q in find_quantities("FY2023 매출")] == [
        ("FY2023", "2023-01-01", "2023-12-31", frozenset())]
    assert [(q.raw, q.date_start[:4], q.qualifiers) for q in find_quantities("FY26E 매출") if q.kind == "period"] == [
        ("FY26E", "2026", frozenset({"estimate"}))]
    assert [q for q in find_quantities("NFY2023 모델") if q.kind == "period"] == []


def test_a_fiscal_year_dates_a_figure(text_reader):
    r, ex = text_reader
    r.read("xAI의 FY2023 매출: 약 40.8억 달러.", LOC, ())
    assert _dated(ex, "revenue") == {Decimal("4.08E+9"): "2023"}


def test_a_date_as_of_which_a_block_opens_frames_its_later_sentences(text_reader):
    r, ex = text_reader
    r.read("- 2분기 기준 xAI의 전체 매출은 10억 달러. 이는 최상위 수준. 특히 xAI의 미국 매출이 전년 대비 +93% 성장.", LOC, ())
    assert _dated(ex, "revenue") == {Decimal("1E+9"): "2025-Q2"}
    assert _dated(ex, "growthRate") == {Decimal(93): "2025-Q2"}


def test_a_word_of_another_time_or_a_new_block_ends_the_as_of_frame(text_reader):
    r, ex = text_reader
    r.read("- 2분기 기준 xAI의 전체 매출은 10억 달러. 작년 xAI의 매출은 5억 달러. xAI의 영업이익률은 20%.", LOC, ())
    r.read("- 2분기 기준 xAI의 전체 매출은 10억 달러.", LOC, ())
    r.read("- Anthropic의 점유율은 30%.", LOC, ())
    assert _dated(ex, "revenue") == {Decimal("1E+9"): "2025-Q2", Decimal("5E+8"): "2024"}
    assert _dated(ex, "share") == {Decimal(20): None}
    assert _dated(ex, "marketShare") == {Decimal(30): None}


def test_a_date_right_after_the_sentences_topic_frames_it_too(text_reader):
    r, ex = text_reader
    r.read("- xAI는 2025년에 “하루 10억 달러”, 연간 5천억 달러 이상을 지출에 투입할 것으로 전망.", LOC, ())
    assert {s.value: s.time.text if s.time else None for s in ex.statements if s.kind == "capex"} == {
        Decimal("1E+9"): "2025", Decimal("5E+11"): "2025"}


def test_a_date_after_the_topic_of_an_event_frames_nothing(text_reader):
    r, ex = text_reader
    r.read("인텔은 올 3분기 출시를 앞두고, 매출 50억 달러를 기록.", LOC, ())
    assert _dated(ex, "revenue") == {Decimal("5E+9"): None}
