"""A date written as an early or late part of a year ("2027년 말", "연말까지", "'29년 초까지") is that year, not
the quarter the parser makes of it; a quarter or half the text names stays (vague_dates.py) — on lines of our own."""

from __future__ import annotations

from foundation.periods import parse_period
from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.vague_dates import settle_vague_dates, vague_year


def _date(kind: str, line: int, when: str, raw: str = "", status: str = "planned") -> Statement:
    return Statement("acme", kind, Location(line, line), "test", status=status, time=parse_period(when), raw=raw)


def test_a_vague_part_of_a_year_is_the_year():
    q4 = parse_period("2027-Q4")
    assert vague_year("이에 따라 2027년 말 흑자전환을 할 수 있을 것", q4) == parse_period("2027")
    assert vague_year("연말까지 대량 생산에 들어갈 예정", parse_period("2025-Q4")) == parse_period("2025")
    assert vague_year("'29년 초까지 실전 배치를 목표로", parse_period("2029-Q1")) == parse_period("2029")
    # a quarter or a half the text names is kept
    assert vague_year("올해 4분기 출시 목표인 차세대 칩", parse_period("2025-Q4")) is None
    assert vague_year("2H26 출시", parse_period("2026-H2")) is None


def test_settling_reads_the_date_that_dates_each_item_of_a_dated_list():
    line = "• 2025년 4분기: A 라인 업그레이드 완료 (목표) • 2025년 말: B 노드 완성 및 C 개발 완료 (목표)"
    lines = ["", "- 이에 따라 2027년 말 흑자전환을 할 수 있을 것", line, "2026년 4분기 출시 예정"]
    ex = Extraction(statements=[
        _date("eventDate", 2, "2027-Q4"),
        _date("completionDate", 3, "2025-Q4", "A 라인 업그레이드 완료 (목표); 2025년 말: B 노드", "target"),
        _date("completionDate", 3, "2025-Q4", "B 노드 완성 및 C 개발 완료 (목표)", "target"),
        _date("releaseDate", 4, "2026-Q4", "2026년 4분기 출시")])
    assert settle_vague_dates(ex, lines) == 2
    assert [s.time.text for s in ex.statements] == ["2027", "2025-Q4", "2025", "2026-Q4"]


def test_an_actual_date_after_the_report_keeps_its_quarter():
    ex = Extraction(statements=[_date("releaseDate", 1, "2026-Q4", "2026년 말", status="actual")])
    assert settle_vague_dates(ex, ["2026년 말 출시"]) == 0
