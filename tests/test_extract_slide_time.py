"""When a figure holds (wave 33): a results slide's one quarter or half dates the sentences of its later bullets
that name no date, clause by clause; a table caption restating a cell takes the cell's time. Sentences are our
own."""

from __future__ import annotations

from decimal import Decimal

from foundation.periods import parse_period
from ingest.model import Bullet, Cell, Paragraph, Row, Span, Table
from petaflop.extract.caption_restates import settle_caption_times
from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.slide_time import slide_period, slide_texts

LOC = Location(10, 10, "X", "test slide")


def _dated(ex, kind: str) -> dict[Decimal, str | None]:
    return {s.value: (s.time.text if s.time else None) for s in ex.statements if s.kind == kind}


def _bullets(*texts: str) -> list[Bullet]:
    return [Bullet(t, Span(i, i), 1, "-") for i, t in enumerate(texts, 1)]


def test_a_slide_of_one_quarter_has_that_period():
    frame = slide_period(slide_texts("X. xAI: 실적", [
        *_bullets("- 올 2분기, 처음으로 분기 매출 10억 달러를 돌파.", "- 상업 매출은 전년 대비 64% 증가."),
        Paragraph("xAI의 2분기 주요실적", Span(3, 3))]))
    assert frame is not None and (frame.date_start, frame.date_end) == ("2025-04-01", "2025-06-30")


def test_a_slide_of_two_periods_a_year_a_bound_or_a_future_quarter_has_none():
    table = Table("T1", Span(5, 7), ["점유율 변화"], [Cell("기업", "기업", 5, 1), Cell("2Q25", "2Q25", 5, 2),
                                                 Cell("1Q25", "1Q25", 5, 3)], [Row(6, [Cell("xAI", "xAI", 6, 1)])])
    assert slide_period(slide_texts("", [*_bullets("- 2분기 매출은 10억 달러."), table])) is None
    assert slide_period(slide_texts("", _bullets("- 2분기 매출은 2024년 대비 40% 증가."))) is None
    assert slide_period(slide_texts("", _bullets("- 2025년 매출은 10억 달러.", "- 마진은 46%."))) is None
    assert slide_period(slide_texts("", _bullets("- 4분기까지 매출 10억 달러 목표.", "- 마진은 46%."))) is None


def test_the_slides_period_dates_later_bullets_with_no_date(text_reader):
    r, ex = text_reader
    r.slide_frame = slide_period(["- 올 2분기, 처음으로 xAI의 분기 매출 10억 달러를 돌파."])
    r.read("- xAI의 상업 고객 수는 전년 대비 64% 증가했으며, 마진은 46% 기록.", LOC, ())
    assert _dated(ex, "growthRate") == {Decimal(64): "2025-Q2"}


def test_a_clause_of_another_time_or_a_duration_keeps_no_slide_period(text_reader):
    r, ex = text_reader
    r.slide_frame = slide_period(["- 올 2분기, 처음으로 xAI의 분기 매출 10억 달러를 돌파."])
    r.read("- xAI의 매출은 전년 대비 53% 증가, 한 고객은 2년 만에 계약 규모를 10배로 늘림.", LOC, ())
    r.read("- 작년 xAI의 매출은 전년 대비 20% 증가.", LOC, ())
    assert _dated(ex, "growthRate") == {Decimal(53): "2025-Q2", Decimal(20): "2024"}
    assert all(s.time is None for s in ex.statements if s.value == 10 and s.unit == "x")


def test_no_slide_period_dates_nothing(text_reader):
    r, ex = text_reader
    r.slide_frame = None
    r.read("- xAI의 매출은 전년 대비 53% 증가.", LOC, ())
    assert _dated(ex, "growthRate") == {Decimal(53): None}


def _table_facts():
    q2, q1 = parse_period("2025-Q2"), parse_period("2025-Q1")
    cell = Location(12, 12, "IX", "s", "T1", 1, 6)
    return [Statement("tsmc", "marketShare", cell, "table-reader:marketShare", Decimal("70.2"), unit="%", time=q2),
            Statement("tsmc", "marketShare", cell, "table-reader:marketShare", Decimal("67.6"), unit="%", time=q1)]


def test_a_caption_restating_a_cell_takes_its_time():
    ex = Extraction()
    ex.statements = [*_table_facts(), Statement("tsmc", "marketShare", Location(10, 10, "IX", "s"), "text:value",
                                                Decimal(70), unit="%")]
    table = Table("T1", Span(10, 13), ["TSMC의 점유율은 70%를 초과"], [], [], caption_lines=Span(10, 10))
    lines = [""] * 9 + ["TSMC의 점유율은 70%를 초과", "", "순위\t기업명\t2Q25 매출", "1\tTSMC\t30,239"]
    assert settle_caption_times([table], ex, lines) == 1
    assert ex.statements[-1].time.text == "2025-Q2"


def test_a_caption_fitting_no_cell_or_writing_a_date_stays_undated():
    ex = Extraction()
    ex.statements = [*_table_facts(),
                     Statement("tsmc", "marketShare", Location(10, 10, "IX", "s"), "text:value", Decimal(69), unit="%"),
                     Statement("tsmc", "marketShare", Location(11, 11, "IX", "s"), "text:value", Decimal(70), unit="%")]
    table = Table("T1", Span(10, 14), ["a", "b"], [], [], caption_lines=Span(10, 11))
    lines = [""] * 9 + ["TSMC의 점유율은 69%", "2024년 TSMC의 점유율은 70%", "", "순위\t기업명", "1\tTSMC"]
    assert settle_caption_times([table], ex, lines) == 0
